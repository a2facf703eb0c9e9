"""Build the FastAPI application: state, routers, static files, and errors as pages or JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from mlprep.content import describe_errors
from mlprep.problems import list_problems
from mlprep.store import Store, open_store
from mlprep.web import api, auth, coach_pages, design_pages, pages, review_pages
from mlprep.web.jobs import JudgeService
from mlprep.web.state import AppState, Settings

STATIC = Path(__file__).with_name("static")
MAX_BODY_BYTES = 1 << 20  # no form or answer is near this; code has its own, smaller limit
_WHERE = {"body": "", "query": "query parameter ", "path": "path parameter "}


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
        own_store = store or open_store()
        own_store.ingest_outbox()
        if settings.team:  # workers judge (mlprep.team); this process queues and reports
            from mlprep.team.web import TeamJudge

            judge = TeamJudge()
        else:
            judge = JudgeService(own_store, settings.workers, settings.queue_limit)
        problems = {p.slug: p for p in list_problems()}
        app.state.mlprep = AppState(settings, problems, own_store, judge)
        try:
            yield
        finally:
            judge.close()
            if store is None or store is team_store:
                own_store.close()

    app = FastAPI(
        title="mlprep",
        summary="Practise machine-learning engineer interviews.",
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's own page loads Swagger UI from a CDN; ours serves it
        redoc_url=None,
    )
    app.add_api_route("/api/docs", _api_docs, include_in_schema=False)
    if settings.team:
        app.include_router(auth.api_router)
        app.include_router(auth.page_router)
    for module in (api, pages, review_pages, design_pages, coach_pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    if settings.team:
        from starlette.middleware.sessions import SessionMiddleware

        from mlprep.team.sessions import middleware_options

        app.add_middleware(auth.TeamGate)  # inside the session middleware: it reads the session
        app.add_middleware(SessionMiddleware, **middleware_options(store))
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SameOriginWrites)
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


async def _error(request: Request, exc: StarletteHTTPException):
    """JSON for the API; a page, with the same message, for a browser."""
    if request.url.path.startswith(("/api/", "/static/")):
        return await http_exception_handler(request, exc)
    if exc.status_code == 401:  # a team server's session ended (user removed, new password)
        return auth.to_login(request.scope)
    return pages.error_page(request, exc.status_code, str(exc.detail))


async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's validation errors as one line, as the rest of the API words its errors."""
    errors = list(exc.errors())
    if errors and _not_json(errors[0]):
        why = errors[0].get("ctx", {}).get("error", "send a JSON object")
        return JSONResponse({"detail": f"the request body is not JSON: {why}"}, status_code=400)
    for error in errors:  # "field 'code'" reads better than "field 'body.code'"
        loc = tuple(error.get("loc", ()))
        if loc and loc[0] in _WHERE:
            error["loc"] = loc[1:]
    return JSONResponse(
        {"detail": describe_errors(errors) if errors else "invalid request"}, status_code=422
    )


def _not_json(error: dict) -> bool:
    # Without a JSON content type FastAPI hands the raw bytes to the model instead of parsing.
    raw = tuple(error.get("loc", ())) == ("body",) and isinstance(error.get("input"), bytes)
    return error.get("type") == "json_invalid" or raw


class BodySizeLimit:
    """Refuse a request whose declared body is over ``max_bytes`` before reading any of it."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length", b"")
            if length.isdigit() and int(length) > self.max_bytes:
                detail = f"the request body is over {self.max_bytes} bytes"
                response = JSONResponse({"detail": detail}, status_code=413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SameOriginWrites:
    """Refuse writes sent by another site's page (cross-site request forgery).

    The app runs on the user's machine without accounts, so any web page they visit could
    otherwise post to it. Browsers name the page's origin on such requests; tools like curl
    send none and are let through.
    """

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] not in self.SAFE:
            headers = dict(scope["headers"])
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1")
            if origin and origin.split("://", 1)[-1] != host:
                detail = f"refused: a page from {origin} may not write to this server"
                await JSONResponse({"detail": detail}, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)
