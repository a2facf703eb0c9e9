"""Who is asking: the current user of a request, logging in and out, and the admin's user list.

Single-user mode has no login: every request is the local user's (id 1), at no cost. On a team
server (``mlprep serve --team``) the session cookie names the user: :class:`TeamGate` answers 401
to any ``/api/`` call without one (``POST /api/session`` excepted) and sends a page request to
``/login``; :func:`current_user` (a FastAPI dependency, ``CurrentUser``) then loads the account,
so a removed account or a changed password ends its sessions at once. On PostgreSQL the account
comes from the web process's ``AccountCache`` (``mlprep.team.web``), which PostgreSQL's
notifications keep true, and not from a read per request. Every route's store is bound to that
user (``web.state.get_state``), so a route can only ever see the caller's own rows.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from mlprep.team import accounts
from mlprep.team.accounts import LOCAL_USER, User
from mlprep.team.sessions import NAME_KEY, STAMP_KEY, USER_KEY
from mlprep.web.errors import ErrorDetail, responses

api_router = APIRouter(prefix="/api", tags=["session"])
page_router = APIRouter(include_in_schema=False)

# Reachable without a session on a team server: logging in, and what the login page needs.
OPEN_PATHS = frozenset({"/api/session", "/login", "/favicon.ico"})
OPEN_PREFIXES = ("/static/",)


def _team(request: Request) -> bool:
    return "session" in request.scope  # SessionMiddleware is installed on team servers only


async def current_user(request: Request) -> User:
    """The user making the request (FastAPI dependency): the local user in single-user mode;
    on a team server the session's user, or 401 when there is none (or it is no longer valid).
    Async: an account kept by the cache costs no thread of the pool."""
    if not _team(request):
        return LOCAL_USER
    cached = request.scope.get("mlprep.user")
    if cached is not None:
        return cached
    session = request.session
    user_id = session.get(USER_KEY)
    user = None
    if isinstance(user_id, int):
        state = request.app.state.mlprep
        user = await state.accounts.get(state.store, user_id)
    if user is None or user.stamp != session.get(STAMP_KEY):
        session.clear()
        raise HTTPException(401, "log in first (POST /api/session)")
    request.scope["mlprep.user"] = user
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise HTTPException(403, "only an admin may see this page")
    return user


class Login(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=accounts.MAX_PASSWORD_CHARS)


class Me(BaseModel):
    id: int
    username: str
    role: str


@api_router.post(
    "/session",
    response_model=Me,
    responses={
        **responses(429),
        401: {"model": ErrorDetail, "description": "Wrong username or password."},
    },
)
def log_in(body: Login, request: Request) -> Any:
    """Log in: sets the session cookie. After 5 failures in a row the account is locked for
    5 minutes (429, with ``Retry-After``)."""
    store = request.app.state.mlprep.store
    try:
        user = accounts.authenticate(store, body.username, body.password)
    except accounts.LockedOut as exc:
        return JSONResponse(
            {"detail": str(exc)}, status_code=429, headers={"Retry-After": str(exc.seconds)}
        )
    except accounts.LoginFailed as exc:
        return JSONResponse({"detail": str(exc)}, status_code=401)
    request.session.clear()
    request.session.update({USER_KEY: user.id, STAMP_KEY: user.stamp, NAME_KEY: user.username})
    return {"id": user.id, "username": user.username, "role": user.role}


@api_router.delete("/session", status_code=204, response_class=Response)
def log_out(request: Request) -> Response:
    """Log out: the session cookie is cleared."""
    request.session.clear()
    return Response(status_code=204)


@api_router.get("/session", response_model=Me, responses=responses(401))
async def who_am_i(user: CurrentUser) -> dict[str, Any]:
    """The logged-in user."""
    return {"id": user.id, "username": user.username, "role": user.role}


@page_router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002
    from mlprep.web.pages import page

    if not next.startswith("/") or next.startswith("//"):
        next = "/"  # only ever back into this app  # noqa: A001
    return page(request, "login.html", next=next)


@page_router.get("/admin/users", response_class=HTMLResponse)
def admin_users(request: Request, admin: Annotated[User, Depends(admin_user)]) -> HTMLResponse:
    from mlprep.web.pages import page

    store = request.app.state.mlprep.store
    users = accounts.list_users(store)
    return page(request, "admin_users.html", users=users, me=admin, now=datetime.now(UTC))


class TeamGate:
    """On a team server, refuse requests without a session before any route runs: 401 JSON for
    the API, a redirect to the login page for pages. Sits inside SessionMiddleware."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or _open(scope["path"]):
            await self.app(scope, receive, send)
            return
        if isinstance(scope.get("session", {}).get(USER_KEY), int):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path.startswith("/api/") or path == "/api":
            response = JSONResponse({"detail": "log in first (POST /api/session)"}, 401)
        else:
            response = to_login(scope)
        await response(scope, receive, send)


def to_login(scope) -> RedirectResponse:
    """Send a page request to the login page, which sends the user back here afterwards."""
    query = scope.get("query_string", b"").decode("latin-1")
    target = scope["path"] + (f"?{query}" if query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def _open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


__all__ = [
    "CurrentUser",
    "TeamGate",
    "api_router",
    "current_user",
    "page_router",
    "to_login",
]
