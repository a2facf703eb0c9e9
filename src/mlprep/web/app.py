"""Build the FastAPI application: state, routers, static files, and errors as pages or JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from mlprep.problems import list_problems
from mlprep.store import Store, open_store
from mlprep.web import api, coach_pages, design_pages, pages, review_pages
from mlprep.web.jobs import JudgeService
from mlprep.web.state import AppState, Settings

STATIC = Path(__file__).with_name("static")


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app; the judge's sandboxes start when it starts serving and stop when it stops."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own_store = store or open_store()
        own_store.ingest_outbox()
        judge = JudgeService(own_store, settings.workers, settings.queue_limit)
        problems = {p.slug: p for p in list_problems()}
        app.state.mlprep = AppState(settings, problems, own_store, judge)
        try:
            yield
        finally:
            judge.close()
            if store is None:
                own_store.close()

    app = FastAPI(
        title="mlprep",
        summary="Practise machine-learning engineer interviews.",
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    for module in (api, pages, review_pages, design_pages, coach_pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _error)
    return app


async def _error(request: Request, exc: StarletteHTTPException):
    """JSON for the API; a page, with the same message, for a browser."""
    if request.url.path.startswith(("/api/", "/static/")):
        return await http_exception_handler(request, exc)
    return pages.error_page(request, exc.status_code, str(exc.detail))
