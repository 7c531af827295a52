"""The web UI over a store: the report's templates and view models, one page per URL.

Every HTML page has a JSON twin, its view model's ``to_dict``: add ``/json`` to the path
(``/articles/a1/json``) or send ``Accept: application/json``.

=========================  ==============================================
``/``                      stories (for now the pile) and a page of articles
``/stories/{id}``          graph, timeline, claims, quotes of a story
``/articles/{id}``         an article, highlighted, with its relations
``/relations/{a}/{b}``     the side-by-side alignment of a pair
``/search?entity=…``       entities by name or alias
``POST /upload``           analyse one file into the store
=========================  ==============================================
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from storytrace.report._ids import dom_id
from storytrace.report.alignment import build_alignment
from storytrace.report.claims import group_status
from storytrace.report.html import content_security_policy, render_page
from storytrace.report.pages import (
    RunView,
    StorySummary,
    build_article_page,
    build_index_view,
    build_search_view,
)
from storytrace.report.views import PILE_ID, build_story_view
from storytrace.serve.upload import DEFAULT_UPLOAD_LIMIT, add_upload
from storytrace.store import RunRecord, Store

logger = logging.getLogger(__name__)

PAGE_SIZE = 50


class _PileCache:
    """The pile's summary (it reads every claim), recomputed only when the store changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._revision = -1
        self._summary: StorySummary | None = None

    def get(self, store: Store) -> StorySummary:
        revision = store.revision()
        with self._lock:
            if self._summary is None or revision != self._revision:
                self._summary, self._revision = _pile_summary(store), revision
            return self._summary


def _pile_summary(store: Store) -> StorySummary:
    counts = store.counts()
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for claim in store.claims():
        groups.setdefault((claim.measure, claim.subject), []).append(claim)
    return StorySummary(
        id=PILE_ID,
        anchor=dom_id("story", PILE_ID),
        title="All articles",
        article_count=counts["articles"],
        outlet_count=counts["outlets"],
        relation_count=counts["relations"],
        differing_claim_groups=sum(group_status(g) == "differs" for g in groups.values()),
    )


def wants_json(request: Request) -> bool:
    """True for a ``…/json`` path or a request that prefers JSON over HTML."""
    accept = request.headers.get("accept", "")
    return request.url.path.endswith("/json") or (
        "application/json" in accept and "text/html" not in accept
    )


def page(
    request: Request, template: str, view: Any, *, status: int = 200, **context: Any
) -> Response:
    """The view model as HTML (``template``) or as its JSON twin."""
    if wants_json(request):
        return JSONResponse(view.to_dict(), status_code=status)
    html = render_page(template, mode="server", **context)
    return HTMLResponse(html, status_code=status, headers=security_headers())


def security_headers() -> dict[str, str]:
    """The same policy as the report's, sent as headers, plus no sniffing or framing."""
    return {
        "Content-Security-Policy": content_security_policy("server"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def create_app(store: Store, *, upload_limit: int = DEFAULT_UPLOAD_LIMIT) -> FastAPI:
    """The web UI over ``store``; serve it with uvicorn (``storytrace serve``)."""
    app = FastAPI(title="storytrace", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.upload_limit = upload_limit
    pile = _PileCache()
    _add_errors(app)
    _add_pages(app, store, pile)
    _add_upload(app, store, upload_limit)
    return app


def _add_pages(app: FastAPI, store: Store, pile: _PileCache) -> None:
    @app.get("/")
    @app.get("/json")
    def index(request: Request, page_number: Annotated[int, Query(alias="page")] = 1) -> Response:
        return _index(request, store, pile, page_number)

    @app.get("/stories/{story_id}")
    @app.get("/stories/{story_id}/json")
    def story(request: Request, story_id: str) -> Response:
        if story_id != PILE_ID:
            raise StarletteHTTPException(404, f"no story {story_id!r}")
        view = build_story_view(store.load_analysis())
        return page(request, "story.html.j2", view, story=view)

    @app.get("/articles/{article_id}")
    @app.get("/articles/{article_id}/json")
    def article(request: Request, article_id: str) -> Response:
        view = build_article_page(_found(store.neighbourhood, article_id), article_id)
        return page(request, "article.html.j2", view, page=view)

    @app.get("/relations/{a}/{b}")
    @app.get("/relations/{a}/{b}/json")
    def relation(request: Request, a: str, b: str) -> Response:
        pair = _found(store.pair, a, b)
        view = build_alignment(pair.relations[0], {x.id: x for x in pair.articles}, pair.quotes)
        return page(request, "relation.html.j2", view, al=view)

    @app.get("/search")
    @app.get("/search/json")
    def search(request: Request, entity: str = "") -> Response:
        found = store.search_entities(entity[:200])
        ids = sorted({a for e in found for a in e.articles})
        view = build_search_view(entity, found, store.articles_by_id(ids))
        return page(request, "search.html.j2", view, page=view, query=entity)


def _index(request: Request, store: Store, pile: _PileCache, page_number: int) -> Response:
    summary = pile.get(store)
    page_count = max(1, math.ceil(summary.article_count / PAGE_SIZE))
    number = min(max(page_number, 1), page_count)
    view = build_index_view(
        counts=store.counts(),
        stories=[summary],
        articles=store.list_articles(limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE),
        page=number,
        page_count=page_count,
        runs=[_run_view(run) for run in store.runs(limit=10)],
        skipped=store.skipped(limit=100),
        upload_limit_bytes=int(request.app.state.upload_limit),
    )
    return page(request, "index.html.j2", view, page=view)


def _run_view(run: RunRecord) -> RunView:
    return RunView(
        id=run.id,
        started=run.started,
        inputs=run.inputs,
        article_count=run.article_count,
        skip_count=run.skip_count,
    )


def _found(fetch: Any, *keys: str) -> Any:
    try:
        return fetch(*keys)
    except KeyError:
        raise StarletteHTTPException(404, f"not in the store: {' / '.join(keys)}") from None


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = str(error.detail)
        if wants_json(request) or request.method != "GET":
            return JSONResponse({"error": message}, status_code=error.status_code)
        html = render_page("error.html.j2", status=error.status_code, message=message)
        return HTMLResponse(html, status_code=error.status_code, headers=security_headers())


def _add_upload(app: FastAPI, store: Store, limit: int) -> None:
    @app.post("/upload")
    async def upload(request: Request) -> Response:
        return await add_upload(request, store, limit=limit)
