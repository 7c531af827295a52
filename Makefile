# storytrace: one-command set-up, demo and tests on a fresh machine.
#   make demo    create .venv, install, analyse the bundled demo corpus
#   make test    install what the tests need, lint, type-check, run the whole suite
#   make bench   run the benchmarks (timings go to benchmarks/results/, never into tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_OUT ?= build/demo

.PHONY: demo test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(STAMP)
	$(BIN)/storytrace analyze demo/corpus --out $(DEMO_OUT) || test $$? -eq 3
	@echo
	@echo "Report:  $(abspath $(DEMO_OUT))/report.html"
	@echo "JSON:    $(abspath $(DEMO_OUT))/analysis.json"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n 2 -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_ingest

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
