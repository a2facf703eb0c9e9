"""The web app's perimeter and its failures: foreign Host names (DNS rebinding), bodies over the
limit however they are sent, and a full disk, which must say why and lose nothing.
"""

from __future__ import annotations

import asyncio
import errno
import os
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from mlprep.store import Store, open_store
from mlprep.web.app import create_app
from mlprep.web.state import Settings

BANK = Path(__file__).resolve().parent.parent / "src" / "mlprep" / "problems" / "bank"
CORRECT = (BANK / "kmeans" / "reference.py").read_text()
LIMIT = 1 << 20  # the app's limit for any body
PROMPT = "/api/prompts/behavioral/{}/answers"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("guards") / "web.db"
    store = open_store(f"sqlite:///{path}")
    # The server's own 500s come back as responses, as a browser would see them.
    with TestClient(create_app(Settings(workers=1), store), raise_server_exceptions=False) as tc:
        tc.store, tc.db_path = store, path
        yield tc
    store.close()


# --- 1. Host names (DNS rebinding) ----------------------------------------------------------


def test_a_page_on_a_rebound_host_name_can_neither_write_nor_read(client: TestClient) -> None:
    """evil.example made to resolve to 127.0.0.1: its page's Origin matches its Host, so the
    same-origin check lets it through; only the Host check stops it."""
    before = client.store.count()
    evil = {"Host": "evil.example", "Origin": "http://evil.example"}
    submit = client.post("/api/problems/kmeans/submit", json={"code": CORRECT}, headers=evil)
    assert submit.status_code == 400, submit.text
    assert client.get("/api/submissions", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "evil.example:8000"}).status_code == 400
    assert client.store.count() == before


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "testserver"])
def test_the_names_this_server_is_reached_by_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/problems", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    ("bind", "configured", "expected"),
    [
        ("127.0.0.1", "", ("127.0.0.1", "localhost", "[::1]")),
        ("::1", "", ("[::1]", "127.0.0.1", "localhost")),
        ("localhost", "", ("localhost", "127.0.0.1", "[::1]")),
        ("0.0.0.0", "", ("0.0.0.0", "127.0.0.1", "localhost", "[::1]")),
        ("192.168.1.5", "", ("192.168.1.5",)),
        ("10.0.0.5", " mlprep.lan, *.Example.com ", ("10.0.0.5", "mlprep.lan", "*.example.com")),
    ],
)
def test_allowed_hosts_are_the_bound_address_loopback_and_the_configured_names(
    bind: str, configured: str, expected: tuple[str, ...]
) -> None:
    from mlprep.web.guards import allowed_hosts

    assert allowed_hosts(bind, {"MLPREP_ALLOWED_HOSTS": configured}) == expected


def test_no_default_answers_to_the_test_clients_host() -> None:
    """'testserver' is allowed in the tests by MLPREP_ALLOWED_HOSTS (conftest), never by default."""
    from mlprep.web.guards import allowed_hosts

    assert "testserver" not in allowed_hosts("127.0.0.1", {})
    assert "testserver" in Settings().allowed_hosts  # from the test environment
    with pytest.raises(ValueError, match="MLPREP_ALLOWED_HOSTS: 'evil.\\*'"):
        allowed_hosts("127.0.0.1", {"MLPREP_ALLOWED_HOSTS": "evil.*"})


def test_mlprep_serve_refuses_a_foreign_host(server: str) -> None:
    """The real server, through `mlprep serve`: the names of its --host only."""

    def status(host: str) -> int:
        request = urllib.request.Request(f"{server}/api/problems", headers={"Host": host})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status
        except urllib.error.HTTPError as exc:
            return exc.code

    assert status("evil.example") == 400
    assert status("localhost") == 200


# --- 2. body size, counted as received ------------------------------------------------------


def test_a_chunked_body_over_the_limit_is_refused_with_the_limit(client: TestClient) -> None:
    def forty_megabytes() -> Iterator[bytes]:
        for _ in range(640):
            yield b"x" * 65536

    reply = client.post(
        "/api/plan", content=forty_megabytes(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in reply.request.headers  # chunked: no length to check first
    assert reply.status_code == 413, reply.text
    assert f"the limit of {LIMIT} bytes" in reply.json()["detail"]


def test_the_body_limit_stops_reading_once_past_the_limit() -> None:
    """The middleware alone, with an app that would read all 40 MB: it gets a little over 1 MB."""
    from starlette.exceptions import HTTPException
    from starlette.requests import Request
    from starlette.responses import JSONResponse, PlainTextResponse

    from mlprep.web.app import BodySizeLimit

    chunk, chunks, pulled, sent = 65536, 640, 0, []

    async def reader(scope: dict, receive: Any, send: Any) -> None:
        try:
            body = await Request(scope, receive).body()
            response = PlainTextResponse(str(len(body)))
        except HTTPException as exc:  # what the app's exception handler does
            response = JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        await response(scope, receive, send)

    async def receive() -> dict:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * chunk, "more_body": pulled < chunks}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [], "query_string": b""}
    # In a thread of its own: Playwright's sync API may have left a loop running in this one.
    limited = BodySizeLimit(reader, max_bytes=LIMIT)
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, limited(scope, receive, send)).result()
    assert sent[0]["status"] == 413
    assert pulled == LIMIT // chunk + 1  # the first chunk past the limit, and no more


# --- 4. a full disk -------------------------------------------------------------------------


@contextmanager
def disk_full(store: Store) -> Iterator[None]:
    """SQLITE_FULL on the next write that needs a new page: the file may not grow any more."""
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()  # pooled connections were opened without the cap
    try:
        yield
    finally:
        event.remove(store.engine, "connect", cap)
        store.engine.dispose()


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every answer and session, read past the app (and past any cap)."""
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("answers", "practice_sessions")
        }


def test_a_full_disk_answers_507_and_keeps_every_earlier_row(client: TestClient) -> None:
    from mlprep.prompts.bank import prompts

    url = PROMPT.format(next(iter(prompts("behavioral"))))
    first = {"parts": {"situation": "We shipped a ranker.", "result": "CTR +2%"}, "rating": 3}
    assert client.post(url, json=first).status_code == 201
    before = rows(client.db_path)
    assert before["answers"] and before["practice_sessions"]
    big = {"parts": {p: os.urandom(6000).hex() for p in ("situation", "action")}, "rating": 2}
    with disk_full(client.store):
        reply = client.post(url, json=big)
    assert reply.status_code == 507, reply.text
    assert reply.json()["detail"].startswith("the disk is full: nothing was saved")
    assert rows(client.db_path) == before  # rolled back whole: no session without its answer
    assert client.post(url, json=big).status_code == 201  # space again: it saves


def test_a_full_disk_is_said_on_a_page_too(client: TestClient) -> None:
    """Any write; here the outbox a page load ingests, with a submission judged meanwhile."""
    from mlprep.store import spool

    record = {"source": os.urandom(30000).hex(), "report": _report()}
    spool(record, url=client.store.url)
    with disk_full(client.store):
        page = client.get("/")
    assert page.status_code == 507 and "the disk is full" in page.text and "<html" in page.text


def test_no_space_left_from_the_os_is_a_507_as_well(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlprep.review import scheduler

    def enospc(*_: Any, **__: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(scheduler, "record_rating", enospc)
    card = client.get("/api/review/next").json()["cards"][0]["id"]
    reply = client.post(f"/api/review/cards/{card}/rate", json={"rating": 3, "answer": ""})
    assert reply.status_code == 507 and "no space left on device" in reply.json()["detail"]


@pytest.mark.parametrize(
    ("make", "full"),
    [
        (lambda: OSError(errno.ENOSPC, "No space left on device"), True),
        (lambda: OSError(errno.EACCES, "Permission denied"), False),
        (lambda: _sqlite_error("INSERT INTO t VALUES (randomblob(99999))"), True),
        (lambda: sqlite3.OperationalError("database is locked"), False),
        (lambda: _wrapped(_sqlite_error("INSERT INTO t VALUES (randomblob(99999))")), True),
    ],
)
def test_disk_full_is_recognised_from_every_layer(make: Any, full: bool) -> None:
    from mlprep.store.errors import is_disk_full

    assert is_disk_full(make()) is full


def _sqlite_error(statement: str) -> sqlite3.Error:
    """A real SQLITE_FULL, with its error code, from an in-memory database that may not grow."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (x)")
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    try:
        db.execute(statement)
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("the capped database grew")


def _wrapped(error: sqlite3.Error) -> Exception:
    from sqlalchemy.exc import OperationalError

    return OperationalError("INSERT ...", {}, error)


def _report() -> dict:
    return {
        "problem": "kmeans",
        "mode": "judge",
        "verdict": "accepted",
        "passed": 1,
        "total": 1,
        "seconds": 0.1,
        "message": "",
        "stdout": "",
        "tests": [],
    }
