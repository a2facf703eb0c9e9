"""Team judging on real PostgreSQL and Redis: the row first, Dramatiq workers, nothing lost or
stored twice when a worker, the web process or the broker dies (issue 13).

The fast tests drive the actor's logic in-process (Dramatiq's StubBroker, a warm sandbox). The
others run real `mlprep serve --team` and `mlprep worker` processes and kill them with SIGKILL;
the broker's heartbeat timeout and the re-enqueue sweep are shortened through the environment
so each test ends in well under a minute.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import MLPREP, free_port, leftovers, run_cli, sandbox_processes
from sqlalchemy import create_engine, text
from team_services import postgres_database, redis_database
from test_problem_pages import KMEANS, OWN_INPUT, check_softmax_on_own_input, finish

from mlprep.cli.common import EXIT_ENVIRONMENT

REFERENCE = (
    Path(__file__).parents[1] / "src/mlprep/problems/bank/softmax/reference.py"
).read_text()
SLOW = "import time\ntime.sleep(1.5)\n" + REFERENCE  # judging takes > 3 s: time to kill it
FAST_ENV = {
    "MLPREP_BROKER_HEARTBEAT_MS": "3000",
    "MLPREP_REQUEUE_INTERVAL": "1",
    "MLPREP_REQUEUE_GRACE": "2",
}


# --- helpers --------------------------------------------------------------------------------


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A fresh PostgreSQL database at head and an empty Redis DB; yields the environment."""
    with postgres_database() as db, redis_database() as broker:
        env = {
            "MLPREP_DATABASE_URL": db,
            "MLPREP_BROKER_URL": broker,
            "MLPREP_DATA_DIR": str(tmp_path / "data"),
            **FAST_ENV,
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        from mlprep.store import open_store

        open_store().close()  # migrated once, before any process starts
        yield env


class Processes:
    """Child processes of one test, each logging to a file; all killed at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (the child holds it)
        process = subprocess.Popen([*MLPREP, *args], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        process.log = self.folder / f"{name}.log"  # type: ignore[attr-defined]
        self.started.append(process)
        return process

    def worker(self, name: str = "worker", concurrency: int = 1) -> subprocess.Popen[bytes]:
        process = self.start(name, "worker", "--concurrency", str(concurrency))
        wait_for(lambda: b"judging with" in process.log.read_bytes(), 120, process)  # type: ignore[attr-defined]
        return process

    def web(self, name: str = "web") -> tuple[subprocess.Popen[bytes], str]:
        import httpx

        port = free_port()
        process = self.start(name, "serve", "--team", "--port", str(port))
        base = f"http://127.0.0.1:{port}"

        def up() -> bool:
            try:
                return httpx.get(f"{base}/api/problems", timeout=2).status_code == 401
            except httpx.HTTPError:
                return False

        wait_for(up, 120, process)
        return process, base

    def close(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Processes]:
    processes = Processes(tmp_path)
    yield processes
    processes.close()


def wait_for(condition: Any, timeout: float, process: Any = None) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            log = process.log.read_text(errors="replace") if hasattr(process, "log") else ""
            pytest.fail(f"process exited with {process.returncode}: {log[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {condition}")
        time.sleep(0.1)


def sql(query: str, **params: Any) -> list[tuple[Any, ...]]:
    engine = create_engine(os.environ["MLPREP_DATABASE_URL"])
    try:
        with engine.begin() as conn:
            return [tuple(row) for row in conn.execute(text(query), params)]
    finally:
        engine.dispose()


def job_row(job_id: int | str) -> dict[str, Any]:
    [row] = sql(
        "SELECT state, attempts, submission_id, report, version FROM jobs WHERE id = :id",
        id=int(job_id),
    )
    return dict(zip(("state", "attempts", "submission_id", "report", "version"), row, strict=True))


def add_user(name: str) -> None:
    done = subprocess.run(
        [*MLPREP, "users", "add", name, "--role", "learner"],
        input=f"{name}-password-123\n{name}-password-123\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def login(base: str, name: str) -> Any:
    import httpx

    client = httpx.Client(base_url=base, timeout=30)
    reply = client.post("/api/session", json={"username": name, "password": f"{name}-password-123"})
    assert reply.status_code == 200, reply.text
    return client


@contextlib.contextmanager
def team_app() -> Iterator[tuple[Any, Any]]:
    """A team server's app in this process, on the test's database and started: its store and
    a test client."""
    from fastapi.testclient import TestClient

    from mlprep.store import open_store
    from mlprep.web.app import create_app
    from mlprep.web.state import Settings

    with open_store() as store, TestClient(create_app(Settings(team=True), store)) as client:
        yield store, client


def calls_of(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[Any]:
    """The ids ``module.name(store, id)`` is called with from now on, in order."""
    calls: list[Any] = []
    real = getattr(module, name)

    def counted(store: Any, key: Any) -> Any:
        calls.append(key)
        return real(store, key)

    monkeypatch.setattr(module, name, counted)
    return calls


def queue_job(code: str = REFERENCE, user_id: int = 1, send: bool = True) -> int:
    """A job written as the web process writes it (and sent, unless ``send`` is False)."""
    from mlprep.store import open_store
    from mlprep.team import jobs
    from mlprep.team.queue import TeamQueue

    with open_store() as store:
        job = jobs.create(store.for_user(user_id), "softmax", "judge", code)
    if send:
        queue = TeamQueue()
        queue.send(int(job["id"]))
        queue.broker.close()
    return int(job["id"])


def stored_submissions() -> int:
    return sql("SELECT count(*) FROM submissions")[0][0]


# --- the actor's logic, in-process ----------------------------------------------------------


@pytest.fixture
def sqlite_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("MLPREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MLPREP_DATABASE_URL", raising=False)
    from mlprep.store import open_store

    with open_store() as store:
        yield store


def test_a_job_is_judged_and_a_redelivery_stores_nothing_more(sqlite_store: Any, worker) -> None:
    from mlprep.team import jobs
    from mlprep.team.queue import Judging, judge_job

    job = jobs.create(sqlite_store, "softmax", "judge", REFERENCE)
    judging = Judging(sqlite_store)
    judge_job(judging, int(job["id"]), worker)
    done = jobs.get(sqlite_store, job["id"])
    assert done is not None and done["state"] == "done"
    assert done["report"]["verdict"] == "accepted" and done["submission_id"] is not None
    assert done["done_tests"] == done["total_tests"] == done["report"]["total"] > 0
    judge_job(judging, int(job["id"]), worker)  # delivered again after it was stored
    assert sqlite_store.count() == 1
    assert jobs.get(sqlite_store, job["id"])["version"] == done["version"]


def test_two_deliveries_judged_at_once_store_once(team: dict[str, str], worker) -> None:
    """Both deliveries judge; the UPDATE ... WHERE state != 'done' lets one of them store."""
    from mlprep.store import open_store
    from mlprep.team import jobs

    job_id = queue_job(send=False)
    with open_store() as store:
        first, second = jobs.claim(store, job_id), jobs.claim(store, job_id)
        assert first is not None and second is not None and second.attempts == 2
        from mlprep.judge.runner import judge
        from mlprep.problems import load_problem

        report = judge(load_problem("softmax"), REFERENCE.encode(), "judge", worker).to_json()
        ids = [jobs.finish(store, claim, report) for claim in (first, second)]
    assert ids[0] is not None and ids[1] is None
    assert stored_submissions() == 1
    assert job_row(job_id)["submission_id"] == ids[0]


def test_past_the_attempt_cap_the_job_ends_as_an_internal_error(sqlite_store: Any) -> None:
    from mlprep.team import jobs
    from mlprep.team.queue import Judging, judge_job

    job = jobs.create(sqlite_store, "softmax", "judge", SLOW)
    for _ in range(jobs.MAX_ATTEMPTS):  # three deliveries that died while judging
        assert jobs.claim(sqlite_store, int(job["id"])) is not None
    judge_job(Judging(sqlite_store), int(job["id"]))  # the fourth gives up without judging
    done = jobs.get(sqlite_store, job["id"])
    assert done["state"] == "done" and done["report"]["verdict"] == "internal_error"
    assert "not your code" in done["report"]["message"]
    [summary] = sqlite_store.history()
    assert summary.verdict == "internal_error" and summary.id == done["submission_id"]


def test_the_actor_on_dramatiqs_stub_broker(sqlite_store: Any, worker) -> None:
    import dramatiq
    from dramatiq.brokers.stub import StubBroker

    from mlprep.team import jobs
    from mlprep.team.queue import Judging, TeamQueue

    broker = StubBroker()
    judging = Judging(sqlite_store)
    judging.sandbox = lambda: worker
    queue = TeamQueue(broker, judging)
    job = jobs.create(sqlite_store, "softmax", "judge", REFERENCE)
    queue.send(int(job["id"]))
    queue.send(int(job["id"]))  # a duplicate, as a redelivery would be
    runner = dramatiq.Worker(broker, worker_threads=1)
    runner.start()
    try:
        broker.join(queue.actor.queue_name, timeout=60_000)
        runner.join()
    finally:
        runner.stop()
    assert jobs.get(sqlite_store, job["id"])["report"]["verdict"] == "accepted"
    assert sqlite_store.count() == 1


# --- real processes on PostgreSQL and Redis -------------------------------------------------


def test_worker_needs_the_database_and_the_broker(tmp_path: Path) -> None:
    env = {"MLPREP_DATA_DIR": str(tmp_path), "MLPREP_DATABASE_URL": "", "MLPREP_BROKER_URL": ""}
    no_database = run_cli("worker", env=env, timeout=60)
    assert no_database.returncode == EXIT_ENVIRONMENT
    assert "MLPREP_DATABASE_URL is not set" in no_database.stderr
    env["MLPREP_DATABASE_URL"] = "postgresql+psycopg://postgres@127.0.0.1:5432/unused"
    no_broker = run_cli("worker", env=env, timeout=60)
    assert no_broker.returncode == EXIT_ENVIRONMENT
    assert "MLPREP_BROKER_URL is not set" in no_broker.stderr


def test_submit_is_judged_by_a_worker_and_stored_once(team: dict[str, str], procs: Processes):
    before = sandbox_processes()
    add_user("alice")
    add_user("bob")
    worker = procs.worker(concurrency=2)
    _, base = procs.web()
    alice, bob = login(base, "alice"), login(base, "bob")

    reply = alice.post("/api/problems/softmax/submit", json={"code": REFERENCE})
    assert reply.status_code == 202, reply.text
    job = reply.json()
    assert job["state"] == "queued" and job["version"] == 0
    states = []
    deadline = time.monotonic() + 60
    while job["state"] != "done" and time.monotonic() < deadline:
        job = alice.get(f"/api/jobs/{job['id']}", params={"after": job["version"], "wait": 10})
        job = job.json()
        states.append((job["state"], job["done_tests"]))
    assert job["state"] == "done" and job["report"]["verdict"] == "accepted", job
    assert job["report"]["passed"] == job["report"]["total"] > 0
    # The verdict bumps the version, and so does each progress write (one every 150 ms of
    # judging); the claim does not, so a fast job may go from queued to done in one step.
    assert job["version"] >= 1
    assert all(state in ("queued", "running", "done") for state, _ in states)
    assert job["submission_id"] is not None
    assert [s["id"] for s in alice.get("/api/submissions").json()] == [job["submission_id"]]
    assert bob.get(f"/api/jobs/{job['id']}").status_code == 404
    assert bob.get(f"/api/submissions/{job['submission_id']}").status_code == 404
    assert bob.get("/api/submissions").json() == []
    assert alice.get("/api/jobs/999999").status_code == 404
    assert stored_submissions() == 1
    worker.terminate()  # SIGTERM: a clean stop, its sandboxes destroyed
    assert worker.wait(timeout=60) == 0
    assert leftovers(before, wait=5) == set()


def test_a_jobs_version_change_is_notified_with_its_id_once_committed(team: dict[str, str]):
    import psycopg

    from mlprep.store import open_store
    from mlprep.team import jobs

    url = os.environ["MLPREP_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as listener, open_store() as store:
        listener.execute("LISTEN mlprep_jobs")
        job_id = int(jobs.create(store, "softmax", "judge", REFERENCE)["id"])  # version 0
        claim = jobs.claim(store, job_id)  # "running", still 0: no long poll is woken for it
        jobs.touch(store, [job_id])  # re-stamped by the sweep: no news for the browser
        with store.writing() as session:  # a change rolled back is never notified
            jobs.progress(store, job_id, 1, 9)
            session.rollback()
        jobs.progress(store, job_id, 2, 9)  # 1
        jobs.finish(store, claim, None, error="gone")  # 2
        notes = [note.payload for note in listener.notifies(timeout=1.0)]
    assert notes == [str(job_id), str(job_id)]


def test_a_long_poll_is_woken_by_the_notification_instead_of_reading_every_150_ms(
    team: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from mlprep.team import jobs

    add_user("alice")
    reads = calls_of(monkeypatch, jobs, "get")
    with team_app() as (store, client):
        login = {"username": "alice", "password": "alice-password-123"}
        assert client.post("/api/session", json=login).status_code == 200
        reply = client.post("/api/problems/softmax/submit", json={"code": REFERENCE})
        job_id = int(reply.json()["id"])
        judge = client.app.state.mlprep.judge
        wait_for(lambda: getattr(getattr(judge, "watch", None), "listening", True), 30)
        jobs.claim(store, job_id)  # no worker runs here
        claimed = threading.Timer(1.0, jobs.progress, (store, job_id, 1, 4))
        claimed.start()
        started = time.monotonic()
        reply = client.get(f"/api/jobs/{job_id}", params={"after": 0, "wait": 10})
        elapsed = time.monotonic() - started
        claimed.join()
    assert (reply.json()["state"], reply.json()["version"], reply.json()["done_tests"]) == (
        "running",
        1,
        1,
    )
    assert 1.0 <= elapsed < 4.0  # woken at once, not at the 5 s fallback read
    assert reads == [str(job_id), str(job_id)]  # on arrival and once notified: none between


def test_an_accounts_change_is_notified_with_its_id_once_committed(team: dict[str, str]):
    import psycopg

    from mlprep.store import open_store
    from mlprep.team import accounts

    add_user("alice")
    add_user("bob")
    url = os.environ["MLPREP_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as listener, open_store() as store:
        alice, bob = accounts.find_user(store, "alice"), accounts.find_user(store, "bob")
        listener.execute("LISTEN mlprep_users")
        accounts.create_user(store, "carol", "carol-password-123", "learner")  # no one's change
        accounts.authenticate(store, "alice", "alice-password-123")  # resets alice's failures
        with store.writing() as session:  # a change rolled back is never notified
            accounts.set_role(store, "bob", "admin")
            session.rollback()
        accounts.set_password(store, "alice", "a new password 456")
        accounts.set_role(store, "bob", "instructor")
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, "bob", "not bob's password")  # counted on bob's row
        accounts.remove_user(store, "alice")
        notes = [note.payload for note in listener.notifies(timeout=1.0)]
    assert notes == [str(alice.id), str(alice.id), str(bob.id), str(bob.id), str(alice.id)]


def test_a_web_process_reads_an_account_once_until_it_changes_or_goes(
    team: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlprep.team import accounts

    add_user("alice")
    reads = calls_of(monkeypatch, accounts, "get_user")
    with team_app() as (store, client):
        cache = client.app.state.mlprep.accounts
        wait_for(lambda: cache.listening, 30)
        login = {"username": "alice", "password": "alice-password-123"}
        changes = cache.changes
        assert client.post("/api/session", json=login).status_code == 200
        wait_for(lambda: cache.changes > changes, 5)  # a login writes the row: it is notified
        alice = accounts.find_user(store, "alice").id
        for _ in range(5):
            assert client.get("/api/session").json()["role"] == "learner"
        assert reads == [alice]  # read by the first request, kept for the next four
        accounts.set_role(store, "alice", "admin")  # as `mlprep users set-role` would
        wait_for(lambda: client.get("/api/session").json()["role"] == "admin", 5)
        assert reads == [alice, alice]
        accounts.set_password(store, "alice", "a new password 456")
        wait_for(lambda: client.get("/api/session").status_code == 401, 5)
        login["password"] = "a new password 456"
        changes = cache.changes
        assert client.post("/api/session", json=login).status_code == 200
        wait_for(lambda: cache.changes > changes, 5)
        assert client.get("/api/session").status_code == 200
        assert client.get("/api/session").status_code == 200
        accounts.remove_user(store, "alice")
        wait_for(lambda: client.get("/api/session").status_code == 401, 5)
        assert reads == [alice] * 5  # one read after each change or login: none in between


def test_a_connection_idle_longer_than_a_clients_keep_alive_is_still_served(
    team: dict[str, str], procs: Processes
) -> None:
    """The server closes an idle keep-alive connection only after its clients and proxies have
    (httpx: 5 s, nginx and load balancers: 60 s): closing first, it drops the request a client
    sends on it at that moment ("server disconnected without sending a response")."""
    import socket

    _, base = procs.web()
    host, port = base.removeprefix("http://").split(":")
    request = f"GET /login HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(request)
        first = _one_response(conn)
        time.sleep(6)  # past httpx's keep-alive expiry and uvicorn's default timeout (5 s)
        conn.sendall(request)
        second = _one_response(conn)
    assert first.startswith(b"HTTP/1.1 200 ") and second.startswith(b"HTTP/1.1 200 "), second


def _one_response(conn: Any) -> bytes:
    """One whole HTTP response read from ``conn`` (its headers and Content-Length body), or
    what came before the server closed the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.lower().split(b"\r\n")
        if line.startswith(b"content-length:")
    )
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def test_a_worker_killed_mid_judge_leaves_no_sandbox_and_another_finishes_it(
    team: dict[str, str], procs: Processes
) -> None:
    before = sandbox_processes()
    first = procs.worker("first")
    job_id = queue_job(SLOW)
    wait_for(lambda: job_row(job_id)["state"] == "running", 30, first)
    time.sleep(0.5)  # inside the sandbox now
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert leftovers(before, wait=5) == set()  # bubblewrap died with its parent

    procs.worker("second")
    wait_for(lambda: job_row(job_id)["state"] == "done", 45)
    row = job_row(job_id)
    assert row["attempts"] == 2 and '"verdict": "accepted"' in row["report"]
    assert stored_submissions() == 1


def test_a_web_process_killed_after_answering_202_loses_nothing(
    team: dict[str, str], procs: Processes
) -> None:
    add_user("carol")
    web, base = procs.web()
    carol = login(base, "carol")
    reply = carol.post("/api/problems/softmax/submit", json={"code": REFERENCE})
    assert reply.status_code == 202
    web.send_signal(signal.SIGKILL)
    web.wait(timeout=10)
    # And a crash between the commit and the send: a row the broker never heard of.
    unsent = queue_job(send=False)

    procs.worker()
    job_id = int(reply.json()["id"])
    wait_for(lambda: {job_row(job_id)["state"], job_row(unsent)["state"]} == {"done"}, 45)
    assert stored_submissions() == 2
    _, base = procs.web("web-again")
    carol = login(base, "carol")
    job = carol.get(f"/api/jobs/{job_id}").json()
    assert job["state"] == "done" and job["report"]["verdict"] == "accepted"


def test_jobs_the_broker_lost_are_enqueued_again_from_the_database(
    team: dict[str, str], procs: Processes
) -> None:
    import redis

    job_ids = [queue_job() for _ in range(3)]
    from mlprep.team.queue import TeamQueue

    queue = TeamQueue()
    assert queue.job_ids_in_broker() == set(job_ids)  # the messages are there...
    queue.broker.close()
    client = redis.Redis.from_url(team["MLPREP_BROKER_URL"])
    client.flushdb()  # ...until the broker loses them
    client.close()
    procs.worker(concurrency=2)
    wait_for(lambda: all(job_row(j)["state"] == "done" for j in job_ids), 60)
    assert stored_submissions() == 3
    assert all(job_row(j)["attempts"] == 1 for j in job_ids)


def test_a_job_that_keeps_killing_workers_ends_as_an_internal_error(
    team: dict[str, str], procs: Processes
) -> None:
    job_id = queue_job(SLOW)
    for attempt in range(1, 4):
        worker = procs.worker(f"worker-{attempt}")
        wait_for(
            lambda a=attempt: (
                job_row(job_id)["attempts"] == a and job_row(job_id)["state"] == "running"
            ),
            45,
            worker,
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    procs.worker("last")
    wait_for(lambda: job_row(job_id)["state"] == "done", 45)
    row = job_row(job_id)
    assert row["attempts"] == 4
    assert '"verdict": "internal_error"' in row["report"] and "not your code" in row["report"]
    assert stored_submissions() == 1


def test_a_run_on_your_own_input_is_judged_by_a_worker_for_its_owner_only_and_not_stored(
    team: dict[str, str], procs: Processes
) -> None:
    add_user("dana")
    add_user("eli")
    procs.worker()
    _, base = procs.web()
    dana, eli = login(base, "dana"), login(base, "eli")
    body = {"code": REFERENCE, "input": OWN_INPUT}
    job = finish(dana, dana.post("/api/problems/softmax/custom-run", json=body))
    check_softmax_on_own_input(job)
    # The input is kept in dana's own job row; eli cannot see the job.
    [(owner, kept)] = sql(
        "SELECT u.username, j.custom_input FROM jobs j JOIN users u "
        "ON u.id = j.user_id WHERE j.id = :id",
        id=int(job["id"]),
    )
    assert (owner, kept) == ("dana", OWN_INPUT)
    assert eli.get(f"/api/jobs/{job['id']}").status_code == 404
    # Not a submission: nothing stored, no attempt counted; dana looks like eli, who did nothing.
    assert job["submission_id"] is None and stored_submissions() == 0
    assert dana.get("/api/submissions").json() == []
    assert dana.get("/api/problems").json() == eli.get("/api/problems").json()
    assert dana.get("/api/progress").json() == eli.get("/api/progress").json()

    broken = '{"X": [[0, 0], [1, 1]], "init_centroids": [[0, 0, 0]]}'
    job = finish(
        dana, dana.post("/api/problems/kmeans/custom-run", json={"code": KMEANS, "input": broken})
    )
    assert job["report"] is None and job["error"].startswith(
        "Your input cannot be run: the reference solution cannot run on this input (ValueError"
    )
    refused = dana.post(
        "/api/problems/softmax/custom-run", json={"code": REFERENCE, "input": '{"z": [[1], []]}'}
    )
    assert (refused.status_code, refused.json()["detail"]) == (
        422,
        "z: the rows are not all the same length",
    )
    assert stored_submissions() == 0
