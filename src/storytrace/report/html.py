"""Render view models to HTML with jinja2. Autoescaping is on for every template.

Pages carry one inline script of our own (``static/report.js``: opening the section a link
points to). The Content-Security-Policy allows exactly that script by its SHA-256 hash and
nothing else: no ``'unsafe-inline'`` for scripts, no remote anything. Article text can
never run, even if escaping had a hole.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal
from urllib.parse import quote, urlencode

import jinja2

from storytrace.report.views import ReportView

Mode = Literal["file", "server"]


@dataclass(frozen=True, slots=True)
class Links:
    """Where a link goes: an anchor in the one-file report, or a URL of the web UI."""

    mode: Mode

    def article(self, article_id: str, anchor: str) -> str:
        return f"#{anchor}" if self.mode == "file" else f"/articles/{_part(article_id)}"

    def in_article(self, article_id: str, anchor: str) -> str:
        return f"#{anchor}" if self.mode == "file" else f"/articles/{_part(article_id)}#{anchor}"

    def relation(self, a: str, b: str, anchor: str) -> str:
        return f"#{anchor}" if self.mode == "file" else f"/relations/{_part(a)}/{_part(b)}"

    def story(self, story_id: str, anchor: str) -> str:
        return f"#{anchor}" if self.mode == "file" else f"/stories/{_part(story_id)}"

    def in_story(self, story_id: str, anchor: str) -> str:
        return f"#{anchor}" if self.mode == "file" else f"/stories/{_part(story_id)}#{anchor}"

    def search(self, text: str) -> str:
        return "" if self.mode == "file" else "/search?" + urlencode({"entity": text})


def _part(value: str) -> str:
    return quote(value, safe="")


@cache
def script() -> str:
    """The page's inline script, exactly as it is inlined."""
    return (resources.files("storytrace.report") / "static" / "report.js").read_text("utf-8")


@cache
def content_security_policy(mode: Mode = "file") -> str:
    """The policy: our one script by hash, inline styles, data: images, forms to ourselves."""
    digest = base64.b64encode(hashlib.sha256(script().encode("utf-8")).digest()).decode("ascii")
    policy = "; ".join(
        (
            "default-src 'none'",
            f"script-src 'sha256-{digest}'",
            "style-src 'unsafe-inline'",  # inline styles only; they cannot run code
            "img-src data:",
        )
    )
    if mode == "server":
        policy += "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    return policy


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storytrace.report", "templates"),
        autoescape=True,  # article text is untrusted: escape everything, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(template: str, *, mode: Mode = "server", **context: Any) -> str:
    """Render one page template with the links, script and policy of ``mode``."""
    return (
        _environment()
        .get_template(template)
        .render(
            links=Links(mode),
            mode=mode,
            script=script(),
            csp=content_security_policy(mode),
            **context,
        )
    )


def render_report(view: ReportView) -> str:
    """The self-contained ``report.html`` page (inline CSS and script, no network)."""
    return render_page("report.html.j2", mode="file", report=view)
