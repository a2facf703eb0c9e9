"""Errors as the app sends them, and as its OpenAPI schema documents them.

Every error is ``{"detail": "one line saying what to fix"}`` (:class:`ErrorDetail`) for the API
and an error page with the same line for a browser. :func:`responses` documents a route's error
statuses with that model, so the schema says what the app really sends; FastAPI's default 422
(a list of validation errors) is never sent, as :func:`invalid_request` words them as one line.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from mlprep.content import describe_errors
from mlprep.store.errors import StoreBusy, StoreError, describe_os_error, is_disk_full

_WHERE = {"body": "", "query": "query parameter ", "path": "path parameter "}

DESCRIPTIONS = {
    400: "The request body is not JSON (or, for code, not UTF-8).",
    401: "Not logged in, or the session has ended (team server): POST /api/session.",
    403: "A write sent by another site's page (its Origin is not this server).",
    404: "No such item; the message names it.",
    409: "Not possible now (a finished session, a log too short to fit); the message says why.",
    413: "The request body is over the size limit; the message gives the limit.",
    422: "A field or parameter is invalid; the message names it.",
    429: "Locked after repeated failed logins; Retry-After says when to try again.",
    503: "The judge is busy or unavailable, or the database stayed locked; try again.",
    507: "The disk is full: nothing was saved.",
}
# What a route storing something may answer besides its own errors: a database locked too long,
# a full disk. (GET routes listing problems store the outbox first; writes may also get 403.)
STORING = (503, 507)
BODY_ERRORS = (400, 413, 422)  # a route taking a JSON body


class ErrorDetail(BaseModel):
    """Every error the app sends."""

    detail: str = Field(description="What went wrong, and what to do about it.")


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, each an :class:`ErrorDetail`."""
    return {
        status: {"model": ErrorDetail, "description": DESCRIPTIONS[status]}
        for status in sorted(set(statuses))
    }


async def error_response(request: Request, exc: HTTPException) -> Response:
    """JSON for the API; a page, with the same message, for a browser."""
    if request.url.path.startswith(("/api/", "/static/")):
        return await http_exception_handler(request, exc)
    if exc.status_code == 401:  # a team server's session ended (user removed, new password)
        from mlprep.web.auth import to_login

        return to_login(request.scope)
    from mlprep.web.pages import error_page  # here: pages imports auth, which imports this

    return error_page(request, exc.status_code, str(exc.detail))


async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
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


async def storage_failure(request: Request, exc: Exception) -> Response:
    """A database or disk failure, said plainly: the one place that maps them to statuses.

    A full disk (SQLITE_FULL, ENOSPC, however it got here) is 507 and nothing was saved: every
    write is one transaction, rolled back on failure. A database locked past the busy timeout is
    503. Any other store failure is a 500 that still says what is wrong (a damaged file, say);
    any other OS error is left to the server's own 500.
    """
    if is_disk_full(exc):
        status, detail = 507, f"the disk is full: nothing was saved ({_why_full(exc)})"
    elif isinstance(exc, StoreBusy):
        status, detail = 503, str(exc)
    elif isinstance(exc, StoreError):
        status, detail = 500, str(exc)
    else:
        raise exc
    return await error_response(request, HTTPException(status, detail))


def _why_full(exc: Exception) -> str:
    # Not str() of a raw database error: SQLAlchemy's names the statement and its parameters.
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return "database or disk is full: free some disk space"
