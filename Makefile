# storytrace: one-command set-up, demo and tests on a fresh machine.
#   make demo    create .venv, install, analyse the bundled demo corpus
#   make test    install what the tests need, lint, type-check, run the whole suite
#   make bench   run the benchmarks (timings go to benchmarks/results/, never into tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_OUT ?= build/demo

.PHONY: demo test lint typecheck unit bench clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,models,spark]'
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

# Browser tests need Debian's chromium, store tests a PostgreSQL server, Spark tests Java 17
# (openjdk-17-jre-headless): install them when
# missing (root + apt-get, as on CI); otherwise those tests skip and say why.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	if [ -z "$$missing" ]; then echo "system packages present: chromium, postgresql, java"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "cannot install$$missing (not root or no apt-get): those tests will skip"; fi

# A throwaway PostgreSQL server runs beside the suite and is removed after it. Tests of one
# xdist_group (the Spark tests: one local Spark per worker) run on one worker.
unit: $(STAMP) system-deps
	bash tests/store/with_postgres.sh $(BIN)/pytest -n 2 --dist loadgroup -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_ingest
	$(BIN)/python -m benchmarks.bench_serve
	$(BIN)/python -m benchmarks.bench_spark

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
