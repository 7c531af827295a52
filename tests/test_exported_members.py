"""The public API is exactly what ``__all__`` says, sorted, and every name resolves."""

import storytrace


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(storytrace) if not name.startswith("_")}
    modules = {"cli", "errors", "ingest", "model", "pipeline", "report", "text", "evaluate"}
    # Stage subpackages that only their own tests (or the CLI) import, never storytrace itself.
    modules |= {"claims", "reuse", "serve", "store"}
    assert storytrace.__all__ == sorted(storytrace.__all__)
    assert public - modules == set(storytrace.__all__) - {"__version__"}


def test_every_exported_name_resolves() -> None:
    for name in storytrace.__all__:
        assert getattr(storytrace, name) is not None
