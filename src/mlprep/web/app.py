"""Build the FastAPI application: state, routers, static files, guards, and errors."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from mlprep.problems import list_problems
from mlprep.problems.roadmap import load_roadmap
from mlprep.store import Store, StoreError, open_store
from mlprep.web import (
    api,
    auth,
    breadth,
    cohorts,
    design,
    domain,
    mock,
    pages,
    plan,
    progress,
    prompts,
    review_deck,
)
from mlprep.web.errors import error_response, invalid_request, responses, storage_failure
from mlprep.web.guards import MAX_BODY_BYTES, BodySizeLimit, SameOriginWrites
from mlprep.web.jobs import JudgeService
from mlprep.web.state import AppState, Settings

STATIC = Path(__file__).with_name("static")
DESCRIPTION = """Practise machine-learning engineer interviews: the JSON API behind the pages.

Every error is `{"detail": "..."}` with a 4xx or 5xx status. Besides each operation's own,
any request may be answered **400** `Invalid host header` (plain text) when its `Host` is not a
name this server answers to (`MLPREP_ALLOWED_HOSTS` adds names), and **413** when its body is over
1 MB.
"""


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app; the judge's sandboxes start when it starts serving and stop when it stops.

    With ``settings.team`` it is a team server: logins and a session cookie (``web.auth``), and
    every request's store bound to the logged-in user.
    """
    settings = settings or Settings()
    team_store = None
    if settings.team and store is None:  # the session secret is read from it right now
        store = team_store = open_store()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        problems = {p.slug: p for p in list_problems()}
        roadmap = load_roadmap(problems)  # a malformed roadmap.toml stops the start, named
        own_store = store or open_store()
        own_store.ingest_outbox()
        watch = accounts = None
        if settings.team:  # workers judge (mlprep.team); this process queues and reports
            from mlprep.team.web import AccountCache, ChangeWatch, TeamJudge

            watch = ChangeWatch.for_store(own_store)
            if watch is not None:
                watch.start()
            accounts = AccountCache() if watch is None else watch.accounts
            judge = TeamJudge(watch=watch)
        else:
            judge = JudgeService(own_store, settings.workers, settings.queue_limit)
        app.state.mlprep = AppState(settings, problems, own_store, judge, roadmap, accounts)
        try:
            yield
        finally:
            if watch is not None:
                await watch.stop()
            judge.close()
            if store is None or store is team_store:
                own_store.close()

    app = FastAPI(
        title="mlprep",
        summary="Practise machine-learning engineer interviews.",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's own page loads Swagger UI from a CDN; ours serves it
        redoc_url=None,
    )
    app.add_api_route("/api/docs", _api_docs, include_in_schema=False)
    # On a team server every route but logging in may answer 401 (TeamGate, current_user).
    signed_in = responses(401) if settings.team else None
    if settings.team:
        app.include_router(auth.api_router)
        app.include_router(auth.page_router)
        app.include_router(cohorts.router, responses=signed_in)
        app.include_router(cohorts.page_router)
    for module in (api, pages, breadth, domain, design, prompts, mock, plan, progress):
        app.include_router(module.router, responses=signed_in)
    for deck_routes in review_deck.ROUTERS:
        app.include_router(deck_routes, responses=signed_in)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, error_response)
    app.add_exception_handler(RequestValidationError, invalid_request)
    for failure in (StoreError, DBAPIError, sqlite3.Error, OSError):
        app.add_exception_handler(failure, storage_failure)
    if settings.team:
        from starlette.middleware.sessions import SessionMiddleware

        from mlprep.team.sessions import middleware_options

        app.add_middleware(auth.TeamGate)  # inside the session middleware: it reads the session
        app.add_middleware(SessionMiddleware, **middleware_options(store))
    # Added last is outermost: the Host is checked first, then the Origin, then the body.
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SameOriginWrites)
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts), www_redirect=False
    )
    return app


async def _api_docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title="mlprep API",
        swagger_js_url="/static/vendor/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger/swagger-ui.css",
        swagger_favicon_url="/static/vendor/swagger/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # else it asks an online validator
    )
