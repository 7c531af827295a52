"""A generated corpus of fictional news pages for the ingest benchmark.

Pages are built from word lists and templates with a fixed seed, so every run
measures the same bytes. Each page carries the furniture real news sites have:
a navigation menu, inline scripts, a cookie banner, a comment section and a
footer, around an article of a few hundred words.
"""

from __future__ import annotations

import random
from pathlib import Path

_PLACES = ("Larsholm", "Quenby", "Marrowick", "Ostrava Bay", "Tellin", "Port Averne", "Dunmere")
_WHO = ("the harbour office", "the county council", "a spokeswoman for the ministry",
        "the fire service", "local residents", "the transport authority", "police")  # fmt: skip
_WHAT = ("closed the northern pier", "reopened the coastal road", "approved a new budget",
         "evacuated two streets", "delayed the ferry timetable", "announced an inquiry",
         "reported a power cut")  # fmt: skip
_WHEN = ("on Monday", "on Tuesday evening", "late on Wednesday", "early on Friday", "this week")
_DETAIL = ("Officials said the work would take at least {n} days.",
           "About {n} people were affected, according to early figures.",
           "The decision followed {n} complaints from shop owners.",
           "Repairs are expected to cost {n} thousand euros.",
           "A temporary bus link will run every {n} minutes in the meantime.")  # fmt: skip
_MENU = ("Home", "News", "Sport", "Weather", "Opinion", "Puzzles", "Subscribe")
_OUTLETS = ("Larsholm Gazette", "Coastal Courier", "Northern Ledger", "Bay Herald")


def sentence(rng: random.Random) -> str:
    """One news-like sentence."""
    if rng.random() < 0.4:
        return rng.choice(_DETAIL).format(n=rng.randint(2, 900))
    place, who, what, when = (rng.choice(words) for words in (_PLACES, _WHO, _WHAT, _WHEN))
    return f"In {place}, {who} {what} {when}, {rng.choice(_WHO)} said."


def article_text(rng: random.Random, paragraphs: int) -> list[str]:
    """Paragraphs of three to five sentences."""
    return [" ".join(sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(paragraphs)]


def page(rng: random.Random, number: int) -> str:
    """A complete HTML page around one generated article."""
    outlet = rng.choice(_OUTLETS)
    title = f"{rng.choice(_PLACES)}: {rng.choice(_WHO)} {rng.choice(_WHAT)}"
    date = f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    body = "\n".join(f"<p>{p}</p>" for p in article_text(rng, rng.randint(4, 9)))
    menu = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in _MENU)
    comments = "".join(
        f'<div class="comment"><b>reader{rng.randint(1, 999)}</b><p>{sentence(rng)}</p></div>'
        for _ in range(rng.randint(0, 4))
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{date}">'
        f"<script>window.dataLayer=[{{page:{number}}}];function track(e){{return e;}}</script>"
        f"<style>body{{font-family:serif}}</style></head><body>"
        f'<div class="cookie-banner">We use cookies. <button>Accept all</button></div>'
        f"<header><nav><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        f'<section class="comments"><h3>Comments</h3>{comments}</section>'
        f"<footer><p>© {outlet}. All rights reserved.</p></footer>"
        f"<script>track('view');</script></body></html>"
    )


def write_corpus(directory: Path, articles: int, *, seed: int = 7) -> list[Path]:
    """Write ``articles`` HTML pages, and the same articles as plain text under ``text/``.

    Returns:
        The paths of the HTML pages.
    """
    rng = random.Random(seed)
    html_dir, text_dir = directory / "html", directory / "text"
    html_dir.mkdir(parents=True, exist_ok=True)
    text_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(articles):
        html_path = html_dir / f"{number:05d}.html"
        html_path.write_text(page(rng, number), encoding="utf-8")
        text = "\n\n".join(article_text(rng, rng.randint(4, 9)))
        (text_dir / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        paths.append(html_path)
    return paths
