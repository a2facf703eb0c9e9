"""The submission-history store: outbox spooling, ingestion, queries, crashes, races and errors.

Every test points MLPREP_DATA_DIR at its own tmp_path, so nothing touches the real user folder.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import multiprocessing
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, inspect
from team_services import postgres_database
from test_summaries import failing_stats

import mlprep.store
from mlprep.judge import report as judge_report
from mlprep.store import (
    HEAD_REVISION,
    MalformedRecord,
    Store,
    StoreError,
    TestResult,
    data_dir,
    database_url,
    open_store,
    outbox_dir,
    spool,
)
from mlprep.store import db as store_db
from mlprep.store import models as store_models
from mlprep.store.db import alembic_config
from mlprep.store.outbox import pending

WORKERS = 4
RECORDS_PER_WORKER = 10
FIRST_OPEN_WORKERS = 8
FIRST_OPEN_ROUNDS = 20


# --- helpers --------------------------------------------------------------------------------


BACKENDS = ("sqlite", "postgresql")
sqlite_only = pytest.mark.sqlite_only  # about SQLite's file, locks or the outbox alone


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test runs on SQLite and on a fresh PostgreSQL database, except ``sqlite_only``."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", BACKENDS[:1] if only else BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The database under test: the data folder's SQLite file, or a new PostgreSQL database
    (``MLPREP_DATABASE_URL``) created for this test and dropped after it."""
    if request.param == "sqlite":
        monkeypatch.delenv("MLPREP_DATABASE_URL", raising=False)
        yield "sqlite"
        return
    with postgres_database() as url:
        monkeypatch.setenv("MLPREP_DATABASE_URL", url)
        yield "postgresql"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MLPREP_DATA_DIR", str(folder))
    return folder


def make_report(
    problem: str = "kmeans", mode: str = "judge", verdict: str = "accepted", tests: int = 3
) -> judge_report.Report:
    cases = [
        judge_report.TestReport(
            index=i,
            sample=i == 0,
            category="sample" if i == 0 else "edge",
            status="passed" if verdict == "accepted" or i else "wrong_answer",
            seconds=0.01 * (i + 1),
            message="" if i else "labels differ at index 3",
            name=f"case {i}",
            input="X = [[0.0, 1.0]]" if i == 0 else "",
            expected="[0]" if i == 0 else "",
            actual="[1]" if i == 0 else "",
        )
        for i in range(tests)
    ]
    return judge_report.Report(
        problem, mode, verdict, cases, message="note", stdout="printed\n", seconds=0.25
    )


def make_record(when: datetime | None = None, **report: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "source": "def kmeans(X, k):\n    return []\n",
        "report": make_report(**report).to_json(),
    }
    if when is not None:
        record["created_at"] = when.isoformat()
    return record


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.exists() else []


def db_file() -> Path:
    return data_dir() / "mlprep.db"


def raw_sql(query: str) -> list[tuple[Any, ...]]:
    """Rows of ``query`` on the database under test, bypassing the store."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url())
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(query))]
    finally:
        engine.dispose()


def raw_counts() -> tuple[int, int]:
    [(subs,)] = raw_sql("SELECT count(*) FROM submissions")
    [(tests,)] = raw_sql("SELECT count(*) FROM test_results")
    return subs, tests


def run_python(code: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


# --- locations ------------------------------------------------------------------------------


@sqlite_only
def test_locations_follow_the_environment(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert data_dir() == isolated
    assert database_url() == f"sqlite:///{isolated / 'mlprep.db'}"
    other = f"sqlite:///{tmp_path / 'other.db'}"
    monkeypatch.setenv("MLPREP_DATABASE_URL", other)
    assert database_url() == other
    assert outbox_dir() == isolated / "outbox" / hashlib.sha256(other.encode()).hexdigest()[:12]


# --- outbox ---------------------------------------------------------------------------------


@sqlite_only
def test_spool_writes_one_complete_record_into_this_databases_outbox(isolated: Path) -> None:
    record = make_record()
    path = spool(record)

    key = hashlib.sha256(database_url().encode()).hexdigest()[:12]
    assert path.parent == isolated / "outbox" / key
    assert files_in(path.parent) == [path.name]  # no temporary file left beside it
    stored = json.loads(path.read_text("utf-8"))
    assert path.name.endswith(f"-{stored['id']}.json")
    assert re.fullmatch(r"[0-9a-f]{32}", stored["id"])
    assert datetime.fromisoformat(stored["created_at"]).utcoffset() == timedelta(0)
    assert stored["source"] == record["source"]
    assert stored["report"] == record["report"]
    assert "id" not in record  # the caller's dict is left alone


@sqlite_only
def test_spool_refuses_a_record_that_could_never_be_ingested(isolated: Path) -> None:
    bad = make_record()
    bad["report"]["mode"] = "submit"
    with pytest.raises(MalformedRecord, match="mode"):
        spool(bad)
    assert pending() == []


def test_outboxes_are_per_database(tmp_path: Path) -> None:
    spool(make_record(), url=f"sqlite:///{tmp_path / 'other.db'}")
    with open_store() as store:
        assert store.ingest_outbox() == 0
    with open_store(f"sqlite:///{tmp_path / 'other.db'}") as other:
        assert other.ingest_outbox() == 1


# --- ingest and queries ---------------------------------------------------------------------


def test_ingest_stores_the_record_and_its_tests_exactly() -> None:
    record = make_record(verdict="wrong_answer", tests=4)
    path = spool(record)
    stored = json.loads(path.read_text("utf-8"))

    with open_store() as store:
        assert store.ingest_outbox() == 1
        [summary] = store.history()
        submission = store.get(summary.id)

    assert not path.exists()
    assert submission is not None
    report = record["report"]
    assert submission.uid == stored["id"]
    assert submission.created_at == datetime.fromisoformat(stored["created_at"])
    assert submission.source == record["source"]
    for name in ("problem", "mode", "verdict", "passed", "total", "seconds", "message", "stdout"):
        assert getattr(submission, name) == report[name], name
    assert [asdict(t) for t in submission.tests] == report["tests"]
    assert (submission.passed, submission.total) == (3, 4)
    assert raw_counts() == (1, 4)


def test_ingest_is_idempotent() -> None:
    first, second = spool(make_record()), spool(make_record())
    kept = first.read_bytes()
    with open_store() as store:
        assert store.ingest_outbox() == 2
        assert store.ingest_outbox() == 0
        # A crash between commit and unlink leaves the file behind: it must not count twice.
        first.write_bytes(kept)
        assert store.ingest_outbox() == 0
        assert store.count() == 2
    assert not first.exists() and not second.exists()
    assert raw_counts() == (2, 6)


def test_history_is_newest_first_filtered_and_limited() -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    plan = [(3, "kmeans"), (0, "pca"), (5, "kmeans"), (1, "kmeans"), (4, "pca"), (2, "knn")]
    for minutes, problem in plan:
        spool(make_record(when=start + timedelta(minutes=minutes), problem=problem))
    with open_store() as store:
        store.ingest_outbox()
        everything = store.history()
        kmeans = store.history(problem="kmeans")
        latest_two = store.history(limit=2)
        nothing = store.history(problem="svm")

    def minutes(rows: list[Any]) -> list[int]:
        return [int((r.created_at - start).total_seconds() // 60) for r in rows]

    assert minutes(everything) == [5, 4, 3, 2, 1, 0]
    assert minutes(kmeans) == [5, 3, 1] and {r.problem for r in kmeans} == {"kmeans"}
    assert minutes(latest_two) == [5, 4]
    assert nothing == []


def test_solved_and_attempted_problems() -> None:
    spool(make_record(problem="kmeans", mode="judge", verdict="accepted"))
    spool(make_record(problem="pca", mode="run", verdict="accepted"))  # samples only
    spool(make_record(problem="knn", mode="judge", verdict="wrong_answer"))
    with open_store() as store:
        store.ingest_outbox()
        assert store.solved_problems() == {"kmeans"}
        assert store.attempted_problems() == {"kmeans", "pca", "knn"}
        assert store.get(12345) is None
        assert store.get(2**70) is None


def test_judged_counts_and_latest_accepted_are_the_users_own_judged_submissions() -> None:
    from mlprep.team import accounts

    start = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    with open_store() as store:
        other = store.for_user(
            accounts.create_user(store, "other", "a long password", "learner").id
        )
        other.add(make_record(problem="kmeans", mode="judge", verdict="accepted"))
        verdicts = [("judge", "wrong_answer"), ("judge", "accepted"), ("run", "samples_passed")]
        verdicts += [("judge", "accepted"), ("judge", "time_limit_exceeded")]
        ids = [
            store.add(
                make_record(start + timedelta(minutes=i), problem="kmeans", mode=m, verdict=v)
            )
            for i, (m, v) in enumerate(verdicts)
        ]
        store.add(make_record(start, problem="pca", mode="run", verdict="samples_passed"))
        assert store.judged_counts() == {"kmeans": (2, 4)}, "runs are not submissions"
        assert other.judged_counts() == {"kmeans": (1, 1)}
        latest = store.latest_accepted("kmeans")
        assert latest is not None and latest.id == ids[3] and latest.source.startswith("def kmeans")
        assert store.latest_accepted("pca") is None


def test_a_run_spooled_as_accepted_by_an_older_mlprep_is_stored_as_samples_passed() -> None:
    spool(make_record(problem="pca", mode="run", verdict="accepted"))
    with open_store() as store:
        store.ingest_outbox()
        (run,) = store.history()
    assert (run.mode, run.verdict, run.accepted) == ("run", "samples_passed", False)


def test_the_samples_passed_migration_rewrites_old_runs_only(backend: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    db_file().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url())
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")  # a history made before runs had a verdict
    engine.dispose()
    rows = [("run", "accepted"), ("judge", "accepted"), ("run", "wrong_answer")]
    insert = (
        "INSERT INTO submissions (uid, user_id, created_at, problem, mode, verdict, passed, "
        "total, seconds, message, source, stdout) VALUES ('{uid}', 1, '2026-12-01 10:00:00', "
        "'kmeans', '{mode}', '{verdict}', 4, 4, 0.1, '', 'x', '')"
    )
    engine = create_engine(database_url())
    with engine.begin() as conn:
        for i, (mode, verdict) in enumerate(rows):
            conn.exec_driver_sql(insert.format(uid=f"{i:032x}", mode=mode, verdict=verdict))
    engine.dispose()
    open_store().close()  # migrates to the head
    stored = raw_sql("SELECT mode, verdict FROM submissions ORDER BY uid")
    assert stored == [("run", "samples_passed"), ("judge", "accepted"), ("run", "wrong_answer")]


def test_losing_an_insert_race_counts_once_and_drops_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = spool(make_record())
    kept = path.read_bytes()
    with open_store() as store:
        assert store.ingest_outbox() == 1
        path.write_bytes(kept)
        real, checks = Store._stored, []

        def blind_first(session: Any, uid: str) -> bool:
            # The first check misses the row, as if another ingester committed right after it.
            checks.append(uid)
            return len(checks) > 1 and real(session, uid)

        monkeypatch.setattr(Store, "_stored", staticmethod(blind_first))
        assert store.ingest_outbox() == 0
        assert len(checks) == 2  # the unique uid refused the insert; the re-check saw why
        assert store.count() == 1
    assert not path.exists()
    assert files_in(path.parent / "rejected") == []


def test_a_record_the_database_refuses_is_set_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    path = spool(make_record())
    real_row = store_db._submission_row

    def without_problem(record: dict[str, Any]) -> Any:
        row = real_row(record)
        row.problem = None  # violates NOT NULL, so the insert fails for a reason not a race
        return row

    monkeypatch.setattr(store_db, "_submission_row", without_problem)
    with open_store() as store:
        assert store.ingest_outbox() == 0
        assert store.ingest_outbox() == 0  # set aside, so it no longer blocks anything
        assert store.count() == 0
    assert files_in(path.parent / "rejected") == [path.name]


def test_malformed_spool_files_are_set_aside_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = spool(make_record())
    folder = good.parent
    (folder / f"{'a' * 32}.json").write_text("{not json")
    (folder / f"{'b' * 32}.json").write_text(json.dumps({"id": "b" * 32, "source": 3}))
    (folder / f"{'c' * 32}.json").write_bytes(b"\xff\xfe")

    with caplog.at_level("WARNING", logger="mlprep.store"), open_store() as store:
        assert store.ingest_outbox() == 1
        assert store.count() == 1

    assert files_in(folder) == []
    assert files_in(folder / "rejected") == sorted(f"{c * 32}.json" for c in "abc")
    assert len([r for r in caplog.records if "malformed" in r.getMessage()]) == 3


# --- crashes --------------------------------------------------------------------------------


@sqlite_only
def test_leftover_temp_file_of_a_killed_writer_is_ignored_then_swept() -> None:
    folder = outbox_dir()
    folder.mkdir(parents=True)
    leftover = folder / f".{'d' * 32}.4242.tmp"
    leftover.write_text('{"id": "' + "d" * 32 + '", "sour')

    with open_store() as store:
        assert store.ingest_outbox() == 0
        assert leftover.exists()  # it may still belong to a live writer
        hours_ago = time.time() - 2 * 3600
        os.utime(leftover, (hours_ago, hours_ago))
        assert store.ingest_outbox() == 0
        assert store.count() == 0
    assert not leftover.exists()


@sqlite_only
def test_sigkill_while_spooling_leaves_no_record() -> None:
    record = json.dumps(make_record())
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import json, os, sys, time
                from mlprep.store.outbox import spool

                def stall(fd):  # the data is written but not yet renamed into place
                    print("READY", flush=True)
                    time.sleep(60)

                os.fsync = stall
                spool(json.loads(sys.argv[1]))
                """
            ),
            record,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL

    names = files_in(outbox_dir())
    assert len(names) == 1 and names[0].endswith(".tmp")  # killed mid-write, for real
    assert pending() == []
    with open_store() as store:
        assert store.ingest_outbox() == 0
        assert store.count() == 0


def test_failure_inside_an_ingest_transaction_leaves_no_half_submission() -> None:
    path = spool(make_record(tests=3))

    def boom(*_: Any) -> None:
        raise RuntimeError("crash between the submission row and its test rows")

    event.listen(store_models.TestResultRow, "before_insert", boom)
    try:
        with open_store() as store, pytest.raises(RuntimeError, match="crash between"):
            store.ingest_outbox()
    finally:
        event.remove(store_models.TestResultRow, "before_insert", boom)

    assert raw_counts() == (0, 0)
    assert path.exists()  # kept for the next ingest
    with open_store() as store:
        assert store.ingest_outbox() == 1
    assert raw_counts() == (1, 3)
    assert not path.exists()


def test_sigkill_inside_an_ingest_transaction_leaves_no_half_submission() -> None:
    path = spool(make_record(tests=3))
    child = run_python(
        """
        import os, signal
        from sqlalchemy import event
        from mlprep.store import open_store
        from mlprep.store.models import SubmissionRow, TestResultRow

        store = open_store()
        inserted = []
        event.listen(SubmissionRow, "after_insert", lambda *a: inserted.append(1))

        @event.listens_for(TestResultRow, "before_insert")
        def die(*args):
            assert inserted, "the submission row should already be written"
            os.kill(os.getpid(), signal.SIGKILL)

        store.ingest_outbox()
        """
    )
    assert child.returncode == -signal.SIGKILL, child.stderr

    assert raw_counts() == (0, 0)
    assert path.exists()
    with open_store() as store:
        assert store.ingest_outbox() == 1
        [summary] = store.history()
        submission = store.get(summary.id)
        assert submission is not None and len(submission.tests) == 3


# --- concurrency ----------------------------------------------------------------------------


def _spool_and_ingest(barrier: Any, results: Any, worker: int) -> None:
    try:
        inserted = 0
        with open_store() as store:
            barrier.wait(timeout=60)
            for _ in range(RECORDS_PER_WORKER):
                spool(make_record(problem=f"problem-{worker}", tests=2))
                inserted += store.ingest_outbox()
        results.put(("ok", inserted))
    except Exception as exc:  # reported to the parent, which fails the test at once
        results.put(("error", repr(exc)))


def _open_fresh(barrier: Any, results: Any, _worker: int) -> None:
    try:
        barrier.wait(timeout=60)  # the store modules are imported already, with this module
        with open_store() as store:
            results.put(("ok", store.count()))
    except Exception as exc:
        results.put(("error", repr(exc)))


def _round_url(round_no: int) -> str:
    return f"sqlite:///{data_dir() / f'round-{round_no}' / 'mlprep.db'}"


def _open_fresh_rounds(barrier: Any, results: Any, _worker: int) -> None:
    failures: list[tuple[int, str]] = []
    try:
        for round_no in range(FIRST_OPEN_ROUNDS):
            barrier.wait(timeout=60)  # all workers open the same new database at once
            try:
                with open_store(_round_url(round_no), busy_timeout=10) as store:
                    store.count()
            except StoreError as exc:
                failures.append((round_no, str(exc)))
        results.put(("ok", failures))
    except Exception as exc:
        results.put(("error", repr(exc)))


def _run_workers(target: Any, count: int) -> list[Any]:
    """Start ``count`` fresh interpreters together; each puts one outcome on the queue."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(count), ctx.Queue()
    procs = [ctx.Process(target=target, args=(barrier, results, i)) for i in range(count)]
    for proc in procs:
        proc.start()
    try:
        outcomes = [results.get(timeout=120) for _ in procs]
    finally:
        for proc in procs:
            proc.join(timeout=60)
    assert [p.exitcode for p in procs] == [0] * count
    return outcomes


def test_concurrent_spooling_and_ingesting_stores_each_record_once() -> None:
    outcomes = _run_workers(_spool_and_ingest, WORKERS)

    total = WORKERS * RECORDS_PER_WORKER
    assert [status for status, _ in outcomes] == ["ok"] * WORKERS, outcomes
    assert sum(n for _, n in outcomes) == total  # each record counted by exactly one ingester
    with open_store() as store:
        assert store.ingest_outbox() == 0
        assert store.count() == total
        rows = store.history(limit=1000)
    assert len({r.uid for r in rows}) == total
    assert {r.problem for r in rows} == {f"problem-{i}" for i in range(WORKERS)}
    assert raw_counts() == (total, 2 * total)
    assert pending() == []


def test_concurrent_first_open_migrates_once_without_errors() -> None:
    outcomes = _run_workers(_open_fresh, WORKERS)
    assert outcomes == [("ok", 0)] * WORKERS
    assert raw_sql("SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]


@sqlite_only
def test_many_simultaneous_first_opens_never_report_a_lock() -> None:
    # Each opener used to switch the new file to WAL itself, before taking the lock file; two
    # switching at once made one fail at once with "database is locked" (in ~10% of rounds).
    outcomes = _run_workers(_open_fresh_rounds, FIRST_OPEN_WORKERS)
    assert outcomes == [("ok", [])] * FIRST_OPEN_WORKERS
    for round_no in range(FIRST_OPEN_ROUNDS):
        with sqlite3.connect(data_dir() / f"round-{round_no}" / "mlprep.db") as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
                (HEAD_REVISION,)
            ]


@sqlite_only
def test_first_open_waits_for_a_writer_instead_of_failing_at_once() -> None:
    # Switching a file to WAL upgrades a read transaction to a write one, which SQLite refuses
    # at once, busy timeout or not, while another connection writes: the switch must retry.
    db_file().parent.mkdir(parents=True)
    writer = sqlite3.connect(db_file(), isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")  # a write lock on the new file, as a migrator would hold
    releaser = threading.Timer(0.5, writer.rollback)
    releaser.start()
    try:
        started = time.monotonic()
        with open_store(busy_timeout=10) as store:
            assert time.monotonic() - started >= 0.4  # waited for the writer
            assert store.count() == 0
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        releaser.join()
        writer.close()


@sqlite_only
def test_migration_waits_for_the_lock_file() -> None:
    db_file().parent.mkdir(parents=True)
    opened: list[Any] = []
    with open(f"{db_file()}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as another process migrating right now would
        opener = threading.Thread(target=lambda: opened.append(open_store()))
        opener.start()
        opener.join(timeout=1.0)
        assert opener.is_alive() and not opened  # blocked on the lock, not migrating
        # Nor has it changed the file: switching to WAL writes it, so is done under the lock.
        with sqlite3.connect(db_file()) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        fcntl.flock(lock, fcntl.LOCK_UN)
    opener.join(timeout=60)
    assert len(opened) == 1
    with opened[0] as store:
        assert store.count() == 0


# --- errors ---------------------------------------------------------------------------------


@sqlite_only
def test_corrupt_database_file_gives_a_clear_store_error() -> None:
    db_file().parent.mkdir(parents=True)
    db_file().write_bytes(os.urandom(8192))
    with pytest.raises(StoreError) as info:
        open_store()
    message = str(info.value)
    assert f"{db_file()} is damaged" in message and "file is not a database" in message
    # Not "move it aside", which drops the whole history: recover what can be read.
    assert "mlprep db recover" in message and "mv " not in message


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A data folder nothing can be created in: chmod does not stop root, a file in the way does."""
    if os.geteuid() == 0:
        blocker = tmp_path / "afile"
        blocker.write_text("a file where a folder should be")
        yield blocker / "x"
        return
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)


@sqlite_only
def test_unwritable_data_folder_gives_a_store_error(
    unwritable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLPREP_DATA_DIR", str(unwritable))
    with pytest.raises(StoreError, match=re.escape(str(unwritable))):
        open_store()
    with pytest.raises(StoreError, match=re.escape(str(unwritable))):
        spool(make_record())


def _enospc(*_: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@sqlite_only
def test_full_disk_while_spooling_leaves_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _enospc)
    with pytest.raises(StoreError, match="no space left on device") as info:
        spool(make_record())
    assert str(outbox_dir()) in str(info.value)
    assert files_in(outbox_dir()) == []


@sqlite_only
def test_disk_filling_up_mid_write_leaves_no_partial_file(monkeypatch: pytest.MonkeyPatch) -> None:
    real_write, calls = os.write, []

    def half_then_full(fd: int, data: Any) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            _enospc()
        return real_write(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(StoreError, match="no space left on device"):
        spool(make_record())
    assert len(calls) == 2  # half the record reached the disk before it filled up
    assert files_in(outbox_dir()) == []


@sqlite_only
def test_full_database_disk_gives_a_store_error_and_keeps_the_record() -> None:
    with open_store() as store:
        pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        store.engine.dispose()

        @event.listens_for(store.engine, "connect")
        def cap(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        record = make_record()
        record["source"] = "x = 1\n" * 200_000
        path = spool(record)
        with pytest.raises(StoreError, match="no space left on device"):
            store.ingest_outbox()
    assert path.exists()


@sqlite_only
def test_database_locked_past_the_busy_timeout_gives_a_store_error() -> None:
    open_store().close()
    spool(make_record())
    holder = sqlite3.connect(db_file(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        with open_store(busy_timeout=0.2) as store, pytest.raises(StoreError) as info:
            store.ingest_outbox()
        assert f"{db_file()} stayed locked" in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store() as store:
        assert store.ingest_outbox() == 1


@sqlite_only
def test_database_from_a_newer_mlprep_gives_a_store_error() -> None:
    open_store().close()
    with sqlite3.connect(db_file()) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer mlprep"):
        open_store()


# --- schema and migrations ------------------------------------------------------------------


@sqlite_only
def test_head_revision_constant_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
    ini = Path(mlprep.store.__file__).with_name("alembic.ini")
    assert ScriptDirectory.from_config(Config(str(ini))).get_current_head() == HEAD_REVISION


def test_fresh_database_is_upgraded_to_head_with_both_tables() -> None:
    with open_store() as store, store.engine.connect() as conn:
        schema = inspect(conn)
        assert {"submissions", "test_results", "alembic_version"} <= set(schema.get_table_names())
        indexes = {i["name"]: i["column_names"] for i in schema.get_indexes("submissions")}
        assert indexes["ix_submissions_user_id_problem_created_at"] == [
            "user_id",
            "problem",
            "created_at",
        ]
        keys = {fk["referred_table"]: fk for fk in schema.get_foreign_keys("test_results")}
        assert set(keys) == {"submissions", "users"}  # users: since 0004, every row has an owner
        assert all(fk["options"]["ondelete"] == "CASCADE" for fk in keys.values())
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == HEAD_REVISION
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


# SQLite cannot reflect an expression index (users' lower(username)): Alembic skips it there,
# with these warnings, and compares it on PostgreSQL.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_models_and_migrations_agree() -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with open_store() as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, store_models.Base.metadata) == []


@sqlite_only
def test_alembic_command_line_uses_the_packaged_ini(tmp_path: Path) -> None:
    ini = Path(mlprep.store.__file__).with_name("alembic.ini")
    env = os.environ | {"MLPREP_DATABASE_URL": f"sqlite:///{tmp_path / 'by-hand.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "alembic", "-c", str(ini), "upgrade", "head"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "by-hand.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"submissions", "test_results"} <= tables


def test_opening_an_up_to_date_database_does_not_run_alembic() -> None:
    open_store().close()
    done = run_python(
        """
        import sys
        from mlprep.store import open_store
        with open_store() as store:
            store.count()
        assert "alembic" not in sys.modules, "the common path should not even import Alembic"
        """
    )
    assert done.returncode == 0, done.stderr


# --- import cost ----------------------------------------------------------------------------


@sqlite_only
def test_the_outbox_does_not_import_sqlalchemy() -> None:
    done = run_python(
        """
        import sys
        import mlprep.store.outbox
        from mlprep.store import StoreError, spool
        heavy = [m for m in ("sqlalchemy", "alembic", "mlprep.store.db") if m in sys.modules]
        assert not heavy, heavy
        """
    )
    assert done.returncode == 0, done.stderr


def _in_transaction(connection: Any) -> bool:
    raw = connection.connection.dbapi_connection
    if isinstance(raw, sqlite3.Connection):
        return raw.in_transaction
    import psycopg

    return raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


def test_one_statement_sessions_skip_the_transaction_on_postgresql_only(backend: str) -> None:
    # On PostgreSQL BEGIN and ROLLBACK are round trips of their own: the reads every request
    # makes (the login check, a job's row) run in autocommit instead. SQLite keeps its BEGIN,
    # which the write lock depends on and which costs no round trip.
    store = open_store()
    try:
        seen = {}
        for name in ("reading", "writing"):
            with getattr(store, name)() as session:
                session.connection().exec_driver_sql("SELECT 1")
                seen[name] = _in_transaction(session.connection())
        for name in ("reading_one", "writing_one", "transaction"):
            with getattr(store, name)() as connection:
                connection.exec_driver_sql("SELECT 1")
                seen[name] = _in_transaction(connection)
    finally:
        store.close()
    postgres = backend == "postgresql"
    assert seen == {
        "reading": True,
        "reading_one": not postgres,
        "writing": True,
        "writing_one": not postgres,
        "transaction": True,
    }


def test_a_one_statement_write_is_committed_when_it_returns(backend: str) -> None:
    from sqlalchemy import insert, select

    store, other = open_store(), open_store()
    setting = insert(store_models.SettingRow).values(user_id=1, updated_at=datetime.now(UTC))
    try:
        with store.writing_one() as connection:
            connection.execute(setting.values(key="one", value="1"))
            if backend == "postgresql":  # already visible to another connection
                with other.reading() as elsewhere:
                    assert elsewhere.scalar(select(store_models.SettingRow.value)) == "1"
        with store.writing() as session:  # inside a write, all three join it and see its rows
            session.connection().execute(setting.values(key="two", value="2"))
            with (
                store.reading_one() as inner,
                store.writing_one() as inner_write,
                store.transaction() as inner_transaction,
            ):
                assert inner is inner_write is inner_transaction is session.connection()
                found = set(inner.scalars(select(store_models.SettingRow.key)))
            assert found == {"one", "two"}
    finally:
        store.close()
        other.close()


def test_a_transaction_is_all_or_nothing(backend: str) -> None:
    from sqlalchemy import insert, select

    store = open_store()
    setting = insert(store_models.SettingRow).values(user_id=1, updated_at=datetime.now(UTC))
    try:
        with store.transaction() as connection:
            connection.execute(setting.values(key="kept", value="1"))
        with pytest.raises(RuntimeError), store.transaction() as connection:
            connection.execute(setting.values(key="lost", value="2"))
            raise RuntimeError("failed half-way")
        with pytest.raises(StoreError), store.transaction() as connection:
            connection.execute(setting.values(key="also lost", value="3"))
            connection.execute(setting.values(key="kept", value="4"))  # the key is taken
        with store.reading() as session:
            found = dict(
                session.execute(
                    select(store_models.SettingRow.key, store_models.SettingRow.value)
                ).all()
            )
    finally:
        store.close()
    assert found == {"kept": "1"}


def test_a_workers_finish_stores_every_test_row_as_judged(backend: str) -> None:
    # PostgreSQL takes the rows as one JSON parameter (json_to_recordset), SQLite one by one:
    # both must store exactly what the judge reported, awkward text and all.
    from mlprep.team import jobs

    report = make_report(verdict="wrong_answer", tests=4).to_json()
    report["tests"][1].update(
        message="expected \"0.5\", got 'nan' \\ in row 2\nsee: ünïcode, 東京, 🙂",
        input="x = [1e-300, -0.0]",
        expected="[1e+308]",
        actual="[inf]",
        seconds=1.2345678901234567,
    )
    store = open_store()
    inserts: list[bool] = []  # each statement inserting test rows: was it an executemany?

    def seen(_conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, many: bool):
        if "INSERT INTO test_results" in statement:  # on PostgreSQL, a CTE of finish's one
            inserts.append(many)

    try:
        finished = []  # two: the second submission's id (2) is not its owner's (1)
        for _ in range(2):
            job = jobs.create(store, "kmeans", "judge", "def kmeans(X, k):\n    return []\n")
            claim = jobs.claim(store, int(job["id"]))
            event.listen(store.engine, "before_cursor_execute", seen)
            finished.append(jobs.finish(store, claim, report))
            event.remove(store.engine, "before_cursor_execute", seen)
        stored = [store.get(submission_id) for submission_id in finished]
    finally:
        store.close()
    expected = tuple(TestResult(**test) for test in report["tests"])
    assert finished == [1, 2] and [one.tests for one in stored] == [expected, expected]
    assert inserts == [backend == "sqlite"] * 2  # PostgreSQL: one statement, not one per row
    assert [(one.verdict, one.passed, one.total) for one in stored] == [("wrong_answer", 3, 4)] * 2


def wrong_report() -> dict[str, Any]:
    """A wrong submission that failed a hidden test of the category "edge"."""
    report = make_report(verdict="wrong_answer", tests=3).to_json()
    report["tests"][2]["status"] = "wrong_answer"
    return report


def test_a_workers_finish_takes_one_statement_on_postgresql_and_two_for_a_wrong_one(
    backend: str,
) -> None:
    # The statements a finish sends: PostgreSQL's one (a second, for a wrong submission's
    # failing_stats); SQLite's submission, test rows, job and summaries one by one. A delivery
    # that finds the job done runs no more than the statement that found it.
    from mlprep.team import jobs

    store = open_store()
    executed: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        executed.append(statement.split(None, 1)[0])

    counts = []
    try:
        for report in (make_report(tests=3).to_json(), wrong_report()):
            job = jobs.create(store, "kmeans", "judge", "def kmeans(X, k):\n    return []\n")
            claim = jobs.claim(store, int(job["id"]))
            for _ in range(2):  # the job's delivery, then a redelivery of it
                event.listen(store.engine, "before_cursor_execute", seen)
                jobs.finish(store, claim, report)
                event.remove(store.engine, "before_cursor_execute", seen)
                counts.append(executed[:])
                executed.clear()
        failing = failing_stats(store)
    finally:
        store.close()
    if backend == "postgresql":
        assert counts == [["WITH"], ["WITH"], ["WITH", "INSERT"], ["WITH"]]
    else:
        # BEGIN IMMEDIATE, the submission, its tests, the job, its problem_stats counts
        stored = ["BEGIN", "INSERT", "INSERT", "UPDATE", "INSERT"]
        taken = ["BEGIN", "INSERT", "INSERT", "UPDATE"]  # the job was done: rolled back
        assert counts == [stored, taken, [*stored, "INSERT"], taken]  # + failing_stats
    assert failing == {("kmeans", "edge"): 1}


def test_a_wrong_submission_whose_failing_stats_fail_is_not_stored_at_all(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The failing_stats count is part of the finish's transaction: when it fails, the
    # submission, its test rows, its problem_stats counts and the job's end are all undone.
    from mlprep.store import summaries
    from mlprep.team import jobs

    def failed(*_args: Any) -> None:
        raise RuntimeError("the disk filled up")

    store = open_store()
    try:
        job = jobs.create(store, "kmeans", "judge", "def kmeans(X, k):\n    return []\n")
        claim = jobs.claim(store, int(job["id"]))
        with monkeypatch.context() as patched:
            patched.setattr(summaries, "add_failing", failed)
            with pytest.raises(RuntimeError, match="the disk filled up"):
                jobs.finish(store, claim, wrong_report())
        after = jobs.get(store, job["id"])
        assert (after["state"], after["submission_id"], after["version"]) == ("running", None, 0)
        assert store.count() == 0 and summaries.problem_stats(store) == []
        assert failing_stats(store) == {}
        assert jobs.finish(store, claim, wrong_report()) is not None  # a redelivery stores it
        assert failing_stats(store) == {("kmeans", "edge"): 1}
    finally:
        store.close()


def test_a_web_processs_connections_stay_open_between_bursts(backend: str) -> None:
    # SQLAlchemy's default pool kept 5 PostgreSQL connections and closed the rest on return, so
    # each request past five paid for a new backend. Now all 15 stay open after a burst of 15;
    # SQLite, which opens a file and not a server connection, keeps SQLAlchemy's default 5.
    store = open_store()
    try:
        held = [store.engine.connect() for _ in range(15)]
        for connection in held:
            connection.close()
        assert store.engine.pool.checkedin() == (15 if backend == "postgresql" else 5)
    finally:
        store.close()
