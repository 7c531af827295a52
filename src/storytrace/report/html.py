"""Render view models to HTML with jinja2. Autoescaping is on for every template."""

from __future__ import annotations

from functools import cache

import jinja2

from storytrace.report.views import ReportView


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storytrace.report", "templates"),
        autoescape=True,  # article text is untrusted: escape everything, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(view: ReportView) -> str:
    """The self-contained ``report.html`` page (inline CSS, no network)."""
    return _environment().get_template("report.html.j2").render(report=view)
