"""Exceptions raised by storytrace.

The tree::

    StorytraceError                 anything storytrace raises on purpose
    ├── InputError                  a path or file that cannot be read as articles
    │   ├── UnsupportedFormatError  content that is none of text, HTML, JSONL, WARC
    │   ├── DecodeError             bytes that no encoding turns into sensible text
    │   └── ExtractionError         a readable file with no article text in it
    ├── StoreError                  a store that cannot be opened, read or written
    └── MissingExtraError           an optional dependency (extra) is not installed

Inside a run, a per-article ``InputError`` or ``ExtractionError`` becomes a
``Skip`` record and the run goes on; the exception carries the ``source`` and
``stage`` that the ``Skip`` reports.
"""

from __future__ import annotations


class StorytraceError(Exception):
    """Base class of every error storytrace raises on purpose."""


class InputError(StorytraceError):
    """An input that cannot be read as articles.

    Attributes:
        source: the file (and record) the error is about.
        stage: the pipeline stage that found it.
    """

    def __init__(self, message: str, *, source: str, stage: str = "ingest") -> None:
        super().__init__(message)
        self.source = source
        self.stage = stage
        self.reason = message


class UnsupportedFormatError(InputError):
    """Content that is none of the formats storytrace reads."""


class DecodeError(InputError):
    """Bytes that do not decode to text in any plausible encoding."""


class ExtractionError(InputError):
    """A file that was read but holds no article text (e.g. HTML that is all script)."""


class StoreError(StorytraceError):
    """A store that cannot be opened or written (bad URL, newer schema, database error).

    Raised by ``storytrace.store``; defined here so the whole tree is in one place and
    catching it needs no SQLAlchemy.
    """


class MissingExtraError(StorytraceError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"{module} is not installed: install the '{extra}' extra "
            f"(pip install 'storytrace[{extra}]')"
        )
        self.extra = extra
        self.module = module
