"""The web UI over a store: the report's templates and view models, one page per URL.

Every HTML page has a JSON twin, its view model's ``to_dict``: add ``/json`` to the path
(``/articles/a1/json``) or send ``Accept: application/json``.

=========================  ==============================================
``/``                      the story list (source counts, conflicts) and a page of articles
``/stories/{id}``          brief, graph, timeline, claims, quotes of a story
``/articles/{id}``         an article, highlighted, with its story and relations
``/relations/{a}/{b}``     the side-by-side alignment of a pair
``/search?entity=…``       entities by name or alias
``POST /upload``           analyse one file into the store
=========================  ==============================================

Ids may hold any character, ``/`` included: links percent-encode each id as one path
segment (``a%2Fb``), and the routes split the *raw* path on ``/`` before decoding, so an
encoded slash stays inside its id. A hand-typed unencoded ``/articles/a/b`` still finds
article ``a/b``.
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from storytrace.report.alignment import build_alignment
from storytrace.report.html import content_security_policy, render_page
from storytrace.report.pages import (
    RunView,
    build_article_page,
    build_index_view,
    build_search_view,
)
from storytrace.report.views import (
    PILE_ID,
    AnalysisIndex,
    StorySummary,
    build_story_view,
    story_anchor,
    summarize_story,
)
from storytrace.serve.upload import DEFAULT_UPLOAD_LIMIT, add_upload
from storytrace.store import RunRecord, Store, StoryRecord

logger = logging.getLogger(__name__)

PAGE_SIZE = 50


class _PileCache:
    """A store without stories (analysed before the stories stage) is one story, the pile;
    its summary reads every article and claim, so it is recomputed only when the store
    changed."""

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
    index = AnalysisIndex(store.load_analysis())
    return summarize_story(index, index.stories[0])


def story_summary(record: StoryRecord) -> StorySummary:
    """A line of the story list from the store's counts."""
    return StorySummary(
        id=record.id,
        anchor=story_anchor(record.id),
        title=record.title or record.id,
        article_count=record.article_count,
        outlet_count=record.outlet_count,
        independent_sources=record.independent_sources,
        conflict_count=record.conflict_count,
        first_date=record.first_date,
        last_date=record.last_date,
    )


def path_ids(request: Request, prefix: str, count: int) -> tuple[list[str], bool]:
    """The ``count`` ids after ``prefix`` in the raw path, and whether ``/json`` follows.

    The raw path keeps ``%2F`` encoded, so a slash inside an id never splits it. With one
    id, unencoded slashes are joined back into it; with two, they are ambiguous (404).
    """
    raw = request.scope.get("raw_path") or request.url.path.encode("utf-8")
    parts = raw.decode("utf-8", "replace").split("?", 1)[0][len(prefix) :].split("/")
    as_json = len(parts) > count and parts[-1] == "json"
    if as_json:
        parts = parts[:-1]
    ids = [unquote(part) for part in parts]
    if count == 1:
        ids = ["/".join(ids)]
    if len(ids) != count or not all(ids):
        raise StarletteHTTPException(404, "not found: encode a '/' inside an id as %2F")
    return ids, as_json


def wants_json(request: Request) -> bool:
    """True for a ``…/json`` path or a request that prefers JSON over HTML."""
    accept = request.headers.get("accept", "")
    return request.url.path.endswith("/json") or (
        "application/json" in accept and "text/html" not in accept
    )


def page(
    request: Request,
    template: str,
    view: Any,
    *,
    status: int = 200,
    as_json: bool = False,
    **context: Any,
) -> Response:
    """The view model as HTML (``template``) or as its JSON twin."""
    if as_json or wants_json(request):
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
    def index(
        request: Request,
        page_number: Annotated[int, Query(alias="page")] = 1,
        story_page: Annotated[int, Query(alias="stories")] = 1,
    ) -> Response:
        return _index(request, store, pile, page_number, story_page)

    @app.get("/stories/{rest:path}")
    def story(request: Request) -> Response:
        (story_id,), as_json = path_ids(request, "/stories/", 1)
        view = _story_view(store, story_id)
        return page(request, "story.html.j2", view, as_json=as_json, story=view)

    @app.get("/articles/{rest:path}")
    def article(request: Request) -> Response:
        (article_id,), as_json = path_ids(request, "/articles/", 1)
        view = build_article_page(_found(store.neighbourhood, article_id), article_id)
        return page(request, "article.html.j2", view, as_json=as_json, page=view)

    @app.get("/relations/{rest:path}")
    def relation(request: Request) -> Response:
        (a, b), as_json = path_ids(request, "/relations/", 2)
        pair = _found(store.pair, a, b)
        view = build_alignment(pair.relations[0], {x.id: x for x in pair.articles}, pair.quotes)
        return page(request, "relation.html.j2", view, as_json=as_json, al=view)

    @app.get("/search")
    @app.get("/search/json")
    def search(request: Request, entity: str = "") -> Response:
        found = store.search_entities(entity[:200])
        ids = sorted({a for e in found for a in e.articles})
        view = build_search_view(entity, found, store.articles_by_id(ids))
        return page(request, "search.html.j2", view, page=view, query=entity)


def _story_view(store: Store, story_id: str) -> Any:
    if story_id == PILE_ID and store.story_count() == 0:
        return build_story_view(store.load_analysis())
    analysis = _found(store.story, story_id)
    return build_story_view(analysis, analysis.stories[0])


def _index(
    request: Request, store: Store, pile: _PileCache, page_number: int, story_page: int
) -> Response:
    counts = store.counts()
    story_pages = max(1, math.ceil(counts["stories"] / PAGE_SIZE))
    story_number = min(max(story_page, 1), story_pages)
    if counts["stories"]:
        offset = (story_number - 1) * PAGE_SIZE
        stories = [story_summary(r) for r in store.story_list(limit=PAGE_SIZE, offset=offset)]
    else:
        stories = [pile.get(store)] if counts["articles"] else []
    page_count = max(1, math.ceil(counts["articles"] / PAGE_SIZE))
    number = min(max(page_number, 1), page_count)
    view = build_index_view(
        counts=counts,
        stories=stories,
        story_page=story_number,
        story_page_count=story_pages,
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
