"""What the app refuses before any route runs: unknown hosts, other sites' writes, large bodies.

The app has no accounts and listens on the user's machine, so these are its whole perimeter:

- **Host** (DNS rebinding): a page on ``evil.example`` whose name is made to resolve to 127.0.0.1
  reaches this server with ``Host: evil.example`` and its own origin, so the same-origin check
  alone lets it write and read. Starlette's ``TrustedHostMiddleware`` answers 400 unless the Host
  is one this server is reached by: :func:`allowed_hosts`.
- **Origin** (cross-site request forgery): :class:`SameOriginWrites`.
- **Body size**: :class:`BodySizeLimit` counts the bytes actually received, chunked or not.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping

from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_HOSTS_ENV = "MLPREP_ALLOWED_HOSTS"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})  # every interface, loopback included


def allowed_hosts(bind: str, environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """The ``Host`` names a server listening on ``bind`` answers to.

    ``bind`` itself; the loopback names when it listens on loopback (or everywhere); and the
    comma-separated names in ``$MLPREP_ALLOWED_HOSTS`` (``*.example.com`` patterns allowed), for
    a server reached by a name or address of its own. Ports are not part of the names.
    """
    names = [_as_host_header(bind)]
    if _listens_on_loopback(bind):
        names += LOOPBACK_HOSTS
    names += configured_hosts(environ)
    return tuple(dict.fromkeys(name.lower() for name in names if name))


def configured_hosts(environ: Mapping[str, str] = os.environ) -> list[str]:
    """``$MLPREP_ALLOWED_HOSTS`` as a list; ValueError names an entry Starlette cannot match."""
    names = [n.strip() for n in environ.get(ALLOWED_HOSTS_ENV, "").split(",") if n.strip()]
    for name in names:
        if "*" in name[1:] or (name.startswith("*") and name != "*" and not name.startswith("*.")):
            raise ValueError(
                f"{ALLOWED_HOSTS_ENV}: {name!r} is not a host name, '*' or '*.domain' pattern"
            )
    return names


def _as_host_header(host: str) -> str:
    """An IPv6 address as it appears in a Host header: in brackets."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host  # a name, or already bracketed


def _listens_on_loopback(bind: str) -> bool:
    if bind in WILDCARD_BINDS or bind.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(bind.strip("[]")).is_loopback
    except ValueError:
        return False


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a body passes the limit; the app's handler answers 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit} bytes")


# No form or answer is near this; code has its own, smaller limit, a custom run's input this one.
MAX_BODY_BYTES = 1 << 20


class BodySizeLimit:
    """Refuse a request body over ``max_bytes``: by its ``Content-Length`` before reading any of
    it, else (chunked, or a lying length) as soon as the bytes received pass the limit.

    The second case raises :class:`BodyTooLarge` from ``receive``, inside the route reading the
    body, so the app's exception handler answers it like any other 4xx.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        received = 0

        async def receive_at_most() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)  # stop reading: the rest stays unread
            return message

        return receive_at_most

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = BodyTooLarge(self.max_bytes).detail
        await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)


class SameOriginWrites:
    """Refuse writes sent by another site's page (cross-site request forgery).

    The app runs on the user's machine without accounts, so any web page they visit could
    otherwise post to it. Browsers name the page's origin on such requests; tools like curl
    send none and are let through.
    """

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in self.SAFE:
            headers = dict(scope["headers"])
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1")
            if origin and origin.split("://", 1)[-1] != host:
                detail = f"refused: a page from {origin} may not write to this server"
                await JSONResponse({"detail": detail}, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)
