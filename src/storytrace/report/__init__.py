"""Report: view models of an analysis, rendered as ``analysis.json`` and ``report.html``."""

from storytrace.report.views import ReportView, build_report_view
from storytrace.report.writer import ReportFiles, write_report

__all__ = ["ReportFiles", "ReportView", "build_report_view", "write_report"]
