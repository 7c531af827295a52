"""Small helpers shared by the view models: DOM ids, safe links, outlet colours, JSON twins."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from typing import Any

# Tableau 10: distinct on screen and for the common colour-vision deficiencies.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#17becf",
)
UNKNOWN_COLOUR = "#8c8c8c"
_MAX_ID_TEXT = 40


def dom_id(prefix: str, *parts: str) -> str:
    """A stable HTML id for a record: readable, made only of safe characters, and unique.

    Ids come from file names and JSONL fields, so they may hold anything; the readable part
    is sanitised and a short hash of the exact parts keeps two different ids apart.

    Example:
        >>> dom_id("article", "a b")
        'article-a_b-7dbde935'
    """
    joined = "\x1f".join(parts)
    readable = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in joined
    )
    digest = hashlib.sha1(joined.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{prefix}-{readable[:_MAX_ID_TEXT]}-{digest}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are rendered as links; anything else (``javascript:``...) is dropped."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def outlet_colours(outlets: Iterable[str | None]) -> dict[str | None, str]:
    """A colour per outlet, assigned in sorted order so that a page never depends on input order."""
    named = sorted({outlet for outlet in outlets if outlet})
    colours: dict[str | None, str] = {
        outlet: PALETTE[index % len(PALETTE)] for index, outlet in enumerate(named)
    }
    colours[None] = UNKNOWN_COLOUR
    return colours


def plain(value: Any) -> Any:
    """A view model as JSON-ready data: dataclasses to dicts, tuples to lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def short(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters on a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"
