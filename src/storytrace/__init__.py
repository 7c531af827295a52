"""storytrace: trace how a news story travelled through many hands.

Example:
    >>> import storytrace
    >>> result = storytrace.analyze(["articles/"])  # doctest: +SKIP
    >>> storytrace.write_report(result, "out/")  # doctest: +SKIP
"""

from storytrace.errors import (
    DecodeError,
    ExtractionError,
    InputError,
    MissingExtraError,
    StorytraceError,
    UnsupportedFormatError,
)
from storytrace.model import Analysis, Article, Document, Skip
from storytrace.pipeline import analyze
from storytrace.report import write_report

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "DecodeError",
    "Document",
    "ExtractionError",
    "InputError",
    "MissingExtraError",
    "Skip",
    "StorytraceError",
    "UnsupportedFormatError",
    "__version__",
    "analyze",
    "write_report",
]
