"""The public API is exactly what ``__all__`` says, sorted, and every name resolves."""

import types

import storytrace


def test_all_is_sorted_and_complete() -> None:
    public = {
        name
        for name, value in vars(storytrace).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert storytrace.__all__ == sorted(storytrace.__all__)
    assert public == set(storytrace.__all__) - {"__version__"}


def test_every_exported_name_resolves() -> None:
    for name in storytrace.__all__:
        assert getattr(storytrace, name) is not None
