"""Write an analysis to a folder: ``analysis.json`` (the contract) and ``report.html``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from storytrace.model import Analysis
from storytrace.report.html import render_report
from storytrace.report.views import build_report_view


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportFiles:
    """Where a report was written."""

    json: Path
    html: Path


def write_report(analysis: Analysis, out_dir: Path | str) -> ReportFiles:
    """Write ``analysis.json`` and ``report.html`` into ``out_dir`` (created if missing).

    Files are written to a temporary name and renamed, so a reader never sees half a file.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    files = ReportFiles(json=folder / "analysis.json", html=folder / "report.html")
    _write_atomically(files.json, json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1))
    _write_atomically(files.html, render_report(build_report_view(analysis)))
    return files


def _write_atomically(path: Path, content: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(content, encoding="utf-8")
    partial.replace(path)
