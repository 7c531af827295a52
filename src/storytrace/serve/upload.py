"""``POST /upload``: one file, size-limited, type-checked by content, analysed into the store.

The size is checked twice: the declared ``Content-Length`` before anything is read, and the
bytes actually received. The type is what ``storytrace.ingest.sniff`` makes of the first
bytes (never the file name): text, HTML, JSONL or WARC, else 415 with the sniffer's reason.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

import storytrace
from storytrace.ingest.sniff import HEAD_BYTES, sniff
from storytrace.model import Analysis
from storytrace.store import Store

DEFAULT_UPLOAD_LIMIT = 10 * 2**20
"""10 MiB: a large WARC of a few hundred pages; bigger piles go through ``analyze --db``."""

_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the file itself
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


async def add_upload(request: Request, store: Store, *, limit: int) -> Response:
    """Read the ``file`` field, check it, analyse it, add it to the store; say what came of it."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + _FORM_OVERHEAD:
        raise HTTPException(413, f"upload larger than the limit of {limit} bytes")
    async with request.form(max_files=1, max_fields=4) as form:
        field = form.get("file")
        if not isinstance(field, UploadFile):
            raise HTTPException(400, "send the file as the multipart field 'file'")
        data = await field.read(limit + 1)
        name = safe_name(field.filename or "upload.txt")
    check_upload(data, limit=limit)
    analysis = await run_in_threadpool(_analyse_into, store, name, data)
    return _answer(request, name, analysis)


def check_upload(data: bytes, *, limit: int) -> None:
    """Raise 413 when ``data`` is over ``limit``, 415 when it is no article format."""
    if len(data) > limit:
        raise HTTPException(413, f"upload larger than the limit of {limit} bytes")
    found = sniff(data[:HEAD_BYTES])
    if found.format is None:
        raise HTTPException(415, f"not an article file: {found.reason}")


def safe_name(filename: str) -> str:
    """The upload's base name, reduced to safe characters (its stem becomes the article id)."""
    base = Path(filename.replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip("._")
    return cleaned or "upload"


def _analyse_into(store: Store, name: str, data: bytes) -> Analysis:
    with tempfile.TemporaryDirectory(prefix="storytrace-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        analysis = storytrace.analyze(path)
    store.add_analysis(analysis, inputs=[f"upload:{name}"])
    return analysis


def _answer(request: Request, name: str, analysis: Analysis) -> Response:
    if "text/html" in request.headers.get("accept", ""):
        return RedirectResponse("/", status_code=303)
    return JSONResponse(
        {
            "file": name,
            "articles": [article.id for article in analysis.articles],
            "skipped": [skip.to_dict() for skip in analysis.skipped],
        },
        status_code=201,
    )
