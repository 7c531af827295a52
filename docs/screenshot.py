"""Make ``docs/report.png``, the README's picture: a real screenshot of the demo report.

Run from the repository root (needs the ``dev`` extra for Playwright and Debian's chromium)::

    .venv/bin/python docs/screenshot.py [--report build/demo/report.html]

Without ``--report`` it analyses ``demo/corpus`` first (as ``make demo`` does). The picture is
the top of the page down to the first story's events: the story list, the cited brief, the
provenance graph and the timeline.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import storytrace

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "report.png"
WIDTH = 1280


def demo_report(folder: Path) -> Path:
    """Analyse the demo corpus into ``folder``; the report's path."""
    return storytrace.write_report(storytrace.analyze(ROOT / "demo" / "corpus"), folder).html


def screenshot(report: Path, out: Path) -> None:
    """The page from its top to the end of the first story's event list, as a PNG."""
    from playwright.sync_api import FloatRect, sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        page.goto(report.resolve().as_uri())
        bottom = page.evaluate(
            "() => { const e = document.querySelector('section.story ol.events')"
            " || document.querySelector('section.story figure.timeline');"
            " return e.getBoundingClientRect().bottom + window.scrollY; }"
        )
        clip: FloatRect = {"x": 0, "y": 0, "width": WIDTH, "height": float(bottom) + 16}
        page.screenshot(path=str(out), full_page=True, clip=clip)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--report", type=Path, help="an existing report.html")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storytrace-shot-") as folder:
        report = args.report or demo_report(Path(folder))
        screenshot(report, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
