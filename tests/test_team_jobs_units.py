"""The team server's job rows and judging actor, value by value, on SQLite and Dramatiq's
StubBroker (``mlprep.team.jobs``, ``mlprep.team.queue``).

No sandbox and no Redis: the judge is replaced by a fake that records what it was given and
reports progress on a fake clock, and the broker's Redis client by a dictionary of message
hashes laid out as Dramatiq's RedisBroker lays them out. Expected rows, views and reports are
written out from the rules in the modules' docstrings and docs/team.md, never read back from
the code under test. The same paths on real PostgreSQL, Redis and sandboxes are in
``test_team_queue.py``.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import dramatiq
import pytest
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import Retries
from sqlalchemy import func, insert, select
from team_units import add_account, fresh_store

from mlprep.store.models import JobRow, ProblemStatsRow
from mlprep.team import jobs, queue
from mlprep.team import worker as team_worker
from mlprep.team.jobs import Claim

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
CODE = "def softmax(x):\n    return 'é'  # not ASCII: sent as UTF-8\n"
QUEUE_LOG = "mlprep.team.queue"


class Clock:
    """The time jobs.py stamps rows with."""

    def __init__(self) -> None:
        self.now = T0

    def at(self, seconds: float) -> Clock:
        self.now = T0 + timedelta(seconds=seconds)
        return self


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(jobs, "_now", lambda: fake.now)
    return fake


@pytest.fixture
def store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    with fresh_store(tmp_path, tmp_path_factory.getbasetemp()) as opened:
        yield opened


@pytest.fixture
def bob(store) -> int:
    return add_account(store, "bob")


def row_of(store, job_id: int) -> dict[str, Any]:
    """Every column of a job, read on a connection of its own (so: only what is committed)."""
    with store.engine.connect() as conn:
        return dict(
            conn.execute(select(JobRow.__table__).where(JobRow.id == job_id)).mappings().one()
        )


def report(total: int = 2) -> dict[str, Any]:
    """A judge report as ``Report.to_json`` writes it: ``total`` passed tests."""
    return {
        "problem": "softmax",
        "mode": "judge",
        "verdict": "accepted",
        "passed": total,
        "total": total,
        "seconds": 0.25,
        "message": "",
        "stdout": "",
        "tests": [
            {
                "index": i,
                "sample": i == 0,
                "category": "basic",
                "status": "passed",
                "seconds": 0.1,
                "message": "",
                "name": f"t{i}",
                "input": "{}",
                "expected": "1",
                "actual": "1",
            }
            for i in range(total)
        ],
    }


def new_job(store, user_id: int, mode: str = "judge") -> int:
    return int(jobs.create(store.for_user(user_id), "softmax", mode, CODE)["id"])


def job_at(store, clock: Clock, seconds: float, user_id: int) -> int:
    """A job created ``seconds`` after T0 (so last changed then)."""
    clock.at(seconds)
    return new_job(store, user_id)


# --- jobs.py: the rows ------------------------------------------------------------------------


def test_now_is_an_aware_reading_in_utc() -> None:
    before = datetime.now(UTC)
    now = jobs._now()
    after = datetime.now(UTC)
    assert now.tzinfo is UTC
    assert before <= now <= after


def test_a_claim_gives_up_only_past_three_attempts() -> None:
    def claim(attempts: int) -> Claim:
        return Claim(1, 2, "softmax", "judge", CODE, attempts)

    assert jobs.MAX_ATTEMPTS == 3
    assert [claim(n).give_up for n in (1, 2, 3, 4, 5)] == [False, False, False, True, True]


def test_create_commits_a_queued_job_of_the_stores_user(store, bob, clock) -> None:
    view = jobs.create(store.for_user(bob), "softmax", "run", CODE)
    [job_id] = [r["id"] for r in _all_rows(store)]
    assert view == {
        "id": str(job_id),
        "problem": "softmax",
        "mode": "run",
        "state": "queued",
        "done_tests": 0,
        "total_tests": 0,
        "report": None,
        "submission_id": None,
        "error": "",
        "picture": False,
        "version": 0,
    }
    assert row_of(store, job_id) == {
        "id": job_id,
        "user_id": bob,
        "problem": "softmax",
        "mode": "run",
        "code": CODE,
        "custom_input": None,
        "state": "queued",
        "version": 0,
        "done_tests": 0,
        "total_tests": 0,
        "report": None,
        "error": "",
        "attempts": 0,
        "submission_id": None,
        "created_at": T0,
        "updated_at": T0,
    }


def _all_rows(store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(JobRow.__table__)).mappings()]


def test_public_shows_a_done_job_with_its_report_read_back() -> None:
    done = JobRow(
        id=7,
        user_id=2,
        problem="pca",
        mode="judge",
        code=CODE,
        state="done",
        version=5,
        done_tests=3,
        total_tests=4,
        report=json.dumps(report(4)),
        error="an error",
        attempts=2,
        submission_id=11,
    )
    assert jobs.public(done) == {
        "id": "7",
        "problem": "pca",
        "mode": "judge",
        "state": "done",
        "done_tests": 3,
        "total_tests": 4,
        "report": report(4),
        "submission_id": 11,
        "error": "an error",
        "picture": False,
        "version": 5,
    }


def test_get_finds_only_the_users_own_job(store, bob, clock) -> None:
    job_id = new_job(store, bob)
    created = jobs.create(store.for_user(bob), "pca", "judge", "x = 1\n")
    mine = jobs.get(store.for_user(bob), job_id)
    assert mine is not None and (mine["id"], mine["problem"]) == (str(job_id), "softmax")
    assert jobs.get(store.for_user(bob), str(job_id)) == mine
    assert jobs.get(store.for_user(bob), created["id"]) == created
    assert jobs.get(store, job_id) is None  # the local user's store: not theirs
    assert jobs.get(store.for_user(add_account(store, "eve")), job_id) is None


@pytest.mark.parametrize("bad", [None, "abc", "1.5", "", [1]])
def test_get_answers_none_for_what_is_not_a_number(store, bob, bad) -> None:
    new_job(store, bob)
    assert jobs.get(store.for_user(bob), bad) is None


def test_get_looks_up_only_ids_from_one_to_two_to_the_31_minus_one(store, bob) -> None:
    """PostgreSQL's jobs.id is a 32-bit integer: ids outside it are not looked up at all, even
    where SQLite holds such a row."""
    with store.engine.begin() as conn:
        for job_id in (-1, 0, 2**31 - 1, 2**31):
            conn.execute(insert(JobRow.__table__).values(_raw_job(job_id, bob, T0)))
    seen = {n: jobs.get(store.for_user(bob), n) for n in (-1, 0, 2**31 - 1, 2**31)}
    assert {n for n, job in seen.items() if job is not None} == {2**31 - 1}


def _raw_job(job_id: int | None, user_id: int, updated_at: datetime, state: str = "queued"):
    values = {
        "user_id": user_id,
        "problem": "softmax",
        "mode": "judge",
        "code": CODE,
        "state": state,
        "version": 0,
        "done_tests": 0,
        "total_tests": 0,
        "error": "",
        "attempts": 0,
        "created_at": updated_at,
        "updated_at": updated_at,
    }
    return values if job_id is None else {"id": job_id, **values}


def test_claim_counts_a_delivery_of_any_users_job_and_marks_it_running(store, bob, clock) -> None:
    # The version stays 0: a long poll is not woken for "running" alone.
    job_id = new_job(store, bob)
    first = jobs.claim(store, job_id)  # a worker's store is the local user's
    assert first == Claim(job_id, bob, "softmax", "judge", CODE, 1)
    after_first = row_of(store, job_id)
    assert (after_first["state"], after_first["attempts"], after_first["version"]) == (
        "running",
        1,
        0,
    )
    assert after_first["updated_at"] == T0
    clock.at(5)
    assert jobs.claim(store, job_id) == Claim(job_id, bob, "softmax", "judge", CODE, 2)
    again = row_of(store, job_id)
    assert (again["state"], again["attempts"], again["version"]) == ("running", 2, 0)
    assert again["updated_at"] == T0 + timedelta(seconds=5)


def test_claim_leaves_a_done_or_missing_job_alone(store, bob, clock) -> None:
    job_id = new_job(store, bob)
    jobs.finish(store, jobs.claim(store, job_id), report())
    done = row_of(store, job_id)
    clock.at(9)
    assert jobs.claim(store, job_id) is None
    assert row_of(store, job_id) == done
    assert jobs.claim(store, job_id + 1) is None


def test_progress_is_written_on_a_running_job_only(store, bob, clock) -> None:
    job_id = new_job(store, bob)
    queued = row_of(store, job_id)
    jobs.progress(store, job_id, 1, 19)
    assert row_of(store, job_id) == queued
    jobs.claim(store, job_id)
    clock.at(2)
    jobs.progress(store, job_id, 3, 19)
    running = row_of(store, job_id)
    assert (running["done_tests"], running["total_tests"], running["version"]) == (3, 19, 1)
    assert running["updated_at"] == T0 + timedelta(seconds=2)
    assert running["state"] == "running"
    jobs.finish(store, Claim(job_id, bob, "softmax", "judge", CODE, 1), report())
    done = row_of(store, job_id)
    jobs.progress(store, job_id, 4, 19)
    assert row_of(store, job_id) == done


def test_finish_stores_the_submission_and_ends_the_job_in_one_transaction(
    store, bob, clock
) -> None:
    job_id = new_job(store, bob)
    claim = jobs.claim(store, job_id)
    jobs.progress(store, job_id, 1, 3)
    clock.at(7)
    submission_id = jobs.finish(store, claim, report(3))
    assert submission_id is not None
    assert row_of(store, job_id) == {
        **row_of_expected(job_id, bob),
        "state": "done",
        "version": 2,  # one progress, done (the claim wakes no long poll)
        "done_tests": 3,
        "total_tests": 3,
        "report": json.dumps(report(3)),
        "error": "",
        "attempts": 1,
        "submission_id": submission_id,
        "updated_at": T0 + timedelta(seconds=7),
    }
    owner = store.for_user(bob)
    [summary] = owner.history()
    assert (summary.id, summary.problem, summary.verdict, summary.passed) == (
        submission_id,
        "softmax",
        "accepted",
        3,
    )
    stored = owner.get(submission_id)
    assert stored.source == CODE and [t.name for t in stored.tests] == ["t0", "t1", "t2"]
    assert store.get(submission_id) is None  # bob's, not the local user's
    # A second delivery that judged it too stores nothing and changes nothing.
    done = row_of(store, job_id)
    clock.at(8)
    assert jobs.finish(store, claim, report(3)) is None
    assert row_of(store, job_id) == done
    assert owner.count() == 1


def row_of_expected(job_id: int, user_id: int) -> dict[str, Any]:
    """A job's columns as create() writes them at T0."""
    return {
        "id": job_id,
        "user_id": user_id,
        "problem": "softmax",
        "mode": "judge",
        "code": CODE,
        "custom_input": None,
        "created_at": T0,
    }


def test_finish_without_a_report_ends_the_job_with_its_error_and_stores_nothing(
    store, bob, clock
) -> None:
    job_id = new_job(store, bob)
    claim = jobs.claim(store, job_id)
    jobs.progress(store, job_id, 2, 5)
    clock.at(3)
    assert jobs.finish(store, claim, None, error="unknown problem 'softmax'") is None
    assert row_of(store, job_id) == {
        **row_of_expected(job_id, bob),
        "state": "done",
        "version": 2,  # one progress, done
        "done_tests": 0,
        "total_tests": 0,
        "report": None,
        "error": "unknown problem 'softmax'",
        "attempts": 1,
        "submission_id": None,
        "updated_at": T0 + timedelta(seconds=3),
    }
    assert store.for_user(bob).count() == 0


def test_the_internal_error_report_blames_no_code_and_ran_no_test() -> None:
    claim = Claim(4, 2, "kmeans", "run", CODE, 4)
    assert jobs.internal_error_report(claim) == {
        "problem": "kmeans",
        "mode": "run",
        "verdict": "internal_error",
        "passed": 0,
        "total": 0,
        "seconds": 0.0,
        "message": "internal error, not your code: judging this submission kept failing",
        "stdout": "",
        "tests": [],
    }


def test_stale_lists_jobs_not_done_unchanged_for_the_grace_oldest_first(store, bob, clock) -> None:
    oldest = job_at(store, clock, -60, bob)
    done = job_at(store, clock, -100, 1)
    jobs.finish(store, jobs.claim(store, done), report())  # done at -100 too
    on_the_edge = job_at(store, clock, -30, 1)
    running = job_at(store, clock, -40, bob)
    clock.at(-31)
    jobs.claim(store, running)  # running since -31
    job_at(store, clock, -10, 1)
    clock.at(0)
    assert jobs.stale(store, 30) == [oldest, running]
    assert jobs.stale(store, 30, limit=1) == [oldest]
    assert jobs.stale(store, 29.5) == [oldest, running, on_the_edge]
    assert jobs.stale(store, 100) == []


def test_stale_lists_a_thousand_jobs_at_most_unless_told(store, clock) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(JobRow.__table__),
            [_raw_job(None, 1, T0 - timedelta(seconds=2000 - i)) for i in range(1001)],
        )
    ids = [r["id"] for r in sorted(_all_rows(store), key=lambda r: r["updated_at"])]
    assert jobs.stale(store, 1) == ids[:1000]
    assert jobs.stale(store, 1, limit=1001) == ids


def test_touch_restamps_the_listed_jobs_not_done(store, bob, clock) -> None:
    first, second, done, untouched = (new_job(store, bob) for _ in range(4))
    jobs.finish(store, jobs.claim(store, done), report())
    before = {j: row_of(store, j) for j in (first, second, done, untouched)}
    clock.at(30)
    jobs.touch(store, [first, done, second])
    assert row_of(store, first) == {**before[first], "updated_at": T0 + timedelta(seconds=30)}
    assert row_of(store, second) == {**before[second], "updated_at": T0 + timedelta(seconds=30)}
    assert row_of(store, done) == before[done]
    assert row_of(store, untouched) == before[untouched]
    jobs.touch(store, [])
    assert row_of(store, untouched) == before[untouched]


# --- queue.py: the broker -----------------------------------------------------------------------


def test_the_broker_url_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("MLPREP_BROKER_URL", "  redis://example:6380/3 ")
    assert queue.broker_url() == "redis://example:6380/3"
    for unset in ("", "   "):
        monkeypatch.setenv("MLPREP_BROKER_URL", unset)
        with pytest.raises(queue.BrokerNotConfigured) as missing:
            queue.broker_url()
        assert str(missing.value) == (
            "MLPREP_BROKER_URL is not set: a team server needs a Redis URL such as "
            "redis://127.0.0.1:6379/0"
        )
    monkeypatch.delenv("MLPREP_BROKER_URL")
    with pytest.raises(queue.BrokerNotConfigured):
        queue.broker_url()


def _redis_target(broker: RedisBroker) -> tuple[str, int, int]:
    kwargs = broker.client.connection_pool.connection_kwargs
    return kwargs["host"], kwargs["port"], kwargs["db"]


def test_the_broker_is_redis_with_retries_only_and_the_team_timings(monkeypatch) -> None:
    monkeypatch.setenv("MLPREP_BROKER_URL", "redis://127.0.0.1:6379/4")
    for url, target in (
        ("redis://127.0.0.1:6379/9", ("127.0.0.1", 6379, 9)),
        (None, ("127.0.0.1", 6379, 4)),  # from the environment
    ):
        broker = queue.make_broker(url)
        try:
            assert _redis_target(broker) == target
            assert broker.heartbeat_timeout == 10_000  # MLPREP_BROKER_HEARTBEAT_MS unset
            assert broker.maintenance_chance == 200_000
            [retries] = broker.middleware
            assert type(retries) is Retries
            assert (retries.max_retries, retries.min_backoff, retries.max_backoff) == (
                3,
                500,
                5000,
            )
        finally:
            broker.close()


def test_judging_loads_the_whole_bank_once_unless_given_problems(store) -> None:
    given = {"softmax": object()}
    assert queue.Judging(store, given).problems is given
    judging = queue.Judging(store)
    assert judging.store is store and judging.sandbox is None
    bank = Path(__file__).parents[1] / "src/mlprep/problems/bank"
    folders = {p.parent.name for p in bank.glob("*/problem.toml")}
    loaded = judging.problems
    assert set(loaded) == folders and len(folders) > 0
    assert all(loaded[slug].slug == slug for slug in folders)
    assert judging.problems is loaded


# --- queue.py: one delivery (judge_job) --------------------------------------------------------


class FakeJudge:
    """Stands in for ``mlprep.judge.runner.judge``: records its arguments, reports progress at
    the given clock readings, and returns ``report``."""

    def __init__(self, ticks: list[tuple[float, int, int]], result: dict[str, Any]) -> None:
        self.ticks = ticks
        self.result = result
        self.calls: list[tuple[Any, ...]] = []
        self.customs: list[Any] = []  # the custom test set each call was given
        self.reading = 0.0

    def monotonic(self) -> float:
        return self.reading

    def __call__(self, problem, code, mode, worker, on_progress, custom=None):
        self.calls.append((problem, code, mode, worker))
        self.customs.append(custom)
        for reading, done, total in self.ticks:
            self.reading = reading
            on_progress(done, total)
        return SimpleNamespace(to_json=lambda: self.result)


@pytest.fixture
def fake_judge(monkeypatch) -> FakeJudge:
    import mlprep.judge.runner

    fake = FakeJudge([], report())
    monkeypatch.setattr(mlprep.judge.runner, "judge", fake)
    monkeypatch.setattr(queue, "time", SimpleNamespace(monotonic=fake.monotonic))
    return fake


@pytest.fixture
def progress_writes(monkeypatch) -> list[tuple[int, int, int]]:
    """The progress writes judge_job makes (each still written to the row)."""
    written: list[tuple[int, int, int]] = []
    real = jobs.progress

    def recording(store, job_id: int, done: int, total: int) -> None:
        written.append((job_id, done, total))
        real(store, job_id, done, total)

    monkeypatch.setattr(jobs, "progress", recording)
    return written


def test_a_delivery_judges_the_code_writes_progress_at_most_every_150_ms_and_stores_it(
    store, bob, clock, fake_judge, progress_writes
) -> None:
    problem, sandbox = object(), object()
    fake_judge.ticks = [
        (0.15, 1, 4),  # 0.15 s after the claim (the clock's 0): written
        (0.25, 2, 4),  # 0.10 s after the last write: skipped
        (0.5, 3, 4),  # 0.35 s: written
        (0.7, 4, 4),  # the last test, 0.2 s later: left to finish, which follows at once
    ]
    fake_judge.result = report(4)
    job_id = new_job(store, bob, mode="run")
    queue.judge_job(queue.Judging(store, {"softmax": problem}), job_id, sandbox)
    assert fake_judge.calls == [(problem, CODE.encode("utf-8"), "run", sandbox)]
    assert progress_writes == [(job_id, 1, 4), (job_id, 3, 4)]
    row = row_of(store, job_id)
    assert (row["state"], row["attempts"], row["version"]) == ("done", 1, 3)  # 2 progress, done
    assert (row["done_tests"], row["total_tests"]) == (4, 4)
    assert json.loads(row["report"]) == report(4)
    assert store.for_user(bob).get(row["submission_id"]).source == CODE


def test_progress_is_written_again_once_150_ms_have_passed_exactly(
    store, bob, clock, fake_judge, progress_writes
) -> None:
    fake_judge.ticks = [(0.5, 1, 4), (0.625, 2, 4), (0.65, 3, 4), (0.7, 4, 4)]
    job_id = new_job(store, bob)
    queue.judge_job(queue.Judging(store, {"softmax": object()}), job_id)
    assert fake_judge.calls[0][3] is None  # no sandbox given
    assert progress_writes == [(job_id, 1, 4), (job_id, 3, 4)]


def test_a_job_judged_within_150_ms_of_its_claim_writes_no_progress(
    store, bob, clock, fake_judge, progress_writes
) -> None:
    # The claim made it "running" but left its version at 0: the browser's next change is the
    # verdict (version 1).
    fake_judge.reading = 1000.0  # the claim's reading: the 150 ms count from it, not from 0
    fake_judge.ticks = [(1000.05, 1, 3), (1000.1, 2, 3), (1000.149, 3, 3)]
    fake_judge.result = report(3)
    job_id = new_job(store, bob)
    queue.judge_job(queue.Judging(store, {"softmax": object()}), job_id)
    assert progress_writes == []
    row = row_of(store, job_id)
    assert (row["state"], row["version"], row["done_tests"], row["total_tests"]) == (
        "done",
        1,
        3,
        3,
    )


def test_a_redelivery_of_a_done_job_judges_nothing(store, bob, clock, fake_judge, caplog) -> None:
    job_id = new_job(store, bob)
    jobs.finish(store, jobs.claim(store, job_id), report())
    done = row_of(store, job_id)
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        queue.judge_job(queue.Judging(store, {"softmax": object()}), job_id)
    assert fake_judge.calls == []
    assert row_of(store, job_id) == done
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == QUEUE_LOG] == [
        ("INFO", f"job {job_id} is already done (a redelivery)")
    ]


def test_past_three_attempts_a_delivery_ends_the_job_as_an_internal_error(
    store, bob, clock, fake_judge, caplog
) -> None:
    job_id = new_job(store, bob, mode="run")
    for _ in range(3):  # three deliveries whose workers died
        jobs.claim(store, job_id)
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        queue.judge_job(queue.Judging(store, {"softmax": object()}), job_id)
    assert fake_judge.calls == []
    row = row_of(store, job_id)
    assert (row["state"], row["attempts"]) == ("done", 4)
    assert json.loads(row["report"]) == {
        "problem": "softmax",
        "mode": "run",
        "verdict": "internal_error",
        "passed": 0,
        "total": 0,
        "seconds": 0.0,
        "message": "internal error, not your code: judging this submission kept failing",
        "stdout": "",
        "tests": [],
    }
    [stored] = store.for_user(bob).history()
    assert (stored.id, stored.verdict) == (row["submission_id"], "internal_error")
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == QUEUE_LOG] == [
        ("WARNING", f"job {job_id} failed 3 times: internal error")
    ]


def test_a_job_on_a_problem_gone_from_the_bank_ends_with_that_error(
    store, bob, clock, fake_judge
) -> None:
    job_id = new_job(store, bob)
    queue.judge_job(queue.Judging(store, {"pca": object()}), job_id)
    assert fake_judge.calls == []
    row = row_of(store, job_id)
    assert (row["state"], row["report"], row["error"]) == (
        "done",
        None,
        "unknown problem 'softmax'",
    )
    assert store.for_user(bob).count() == 0


# --- custom runs: the user's own input ---------------------------------------------------------

INPUT = '{"z": [[1, 2, 3], [0, 0, 0]]}'


def new_custom_job(store, user_id: int, custom_input: str = INPUT) -> int:
    return int(jobs.create(store.for_user(user_id), "softmax", "custom", CODE, custom_input)["id"])


def test_a_custom_job_keeps_its_input_and_hands_it_to_the_worker(store, bob, clock) -> None:
    job_id = new_custom_job(store, bob)
    assert (row_of(store, job_id)["mode"], row_of(store, job_id)["custom_input"]) == (
        "custom",
        INPUT,
    )
    claim = jobs.claim(store, job_id)
    assert claim == Claim(job_id, bob, "softmax", "custom", CODE, 1, INPUT)
    assert (claim.is_submission, Claim(1, 2, "softmax", "run", CODE, 1).is_submission) == (
        False,
        True,
    )


def test_a_finished_custom_run_keeps_its_report_and_stores_no_submission(store, bob, clock) -> None:
    job_id = new_custom_job(store, bob)
    claim = jobs.claim(store, job_id)
    clock.at(4)
    assert jobs.finish(store, claim, report(1)) is None
    row = row_of(store, job_id)
    assert (row["state"], row["version"], row["done_tests"], row["total_tests"]) == (
        "done",
        1,
        1,
        1,
    )
    assert (json.loads(row["report"]), row["submission_id"], row["error"]) == (report(1), None, "")
    assert store.for_user(bob).count() == 0
    with store.engine.connect() as conn:  # no attempt counted anywhere
        assert conn.execute(select(func.count()).select_from(ProblemStatsRow)).scalar() == 0


def test_a_custom_delivery_judges_the_code_on_the_input_against_the_references_output(
    store, bob, clock, fake_judge
) -> None:
    import numpy as np

    from mlprep.problems import load_problem

    softmax = load_problem("softmax")
    fake_judge.result = report(1)
    job_id = new_custom_job(store, bob)
    queue.judge_job(queue.Judging(store, {"softmax": softmax}), job_id)
    assert fake_judge.calls == [(softmax, CODE.encode("utf-8"), "custom", None)]
    [given] = fake_judge.customs
    [case] = given.cases
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    assert (case.name, len(case.args)) == ("your input", 1)
    assert np.array_equal(case.args[0], z) and case.args[0].dtype == np.float64
    [(expected,)] = given.expected
    want = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)  # the softmax, computed here
    assert np.allclose(expected, want, rtol=0, atol=1e-15)
    row = row_of(store, job_id)
    assert (row["state"], json.loads(row["report"]), row["submission_id"]) == (
        "done",
        report(1),
        None,
    )
    assert store.for_user(bob).count() == 0


@pytest.mark.parametrize(
    ("problem", "custom_input", "why"),
    [
        (
            "kmeans",
            '{"X": [[0, 0], [1, 1]], "init_centroids": [[0, 0, 0]]}',
            "the reference solution cannot run on this input (ValueError",
        ),
        ("softmax", '{"z": [1, 2], "t": 3}', "unknown argument 't'; the arguments are z"),
    ],
)
def test_a_custom_input_that_cannot_be_run_ends_the_job_saying_so_unjudged(
    store, bob, clock, fake_judge, problem, custom_input, why
) -> None:
    from mlprep.problems import load_problem

    made = jobs.create(store.for_user(bob), problem, "custom", CODE, custom_input)
    job_id = int(made["id"])
    queue.judge_job(queue.Judging(store, {problem: load_problem(problem)}), job_id)
    assert fake_judge.calls == []
    row = row_of(store, job_id)
    assert (row["state"], row["report"], row["submission_id"]) == ("done", None, None)
    assert row["error"].startswith(f"Your input cannot be run: {why}"), row["error"]


# --- queue.py: the actor on the StubBroker -------------------------------------------------------


def _messages(broker: StubBroker) -> list[dramatiq.Message]:
    waiting = broker.queues[queue.QUEUE]
    return [dramatiq.Message.decode(data) for data in list(waiting.queue)]


def test_the_actor_is_declared_on_the_given_broker(store) -> None:
    broker = StubBroker()
    judging = queue.Judging(store, {})
    team = queue.TeamQueue(broker, judging)
    assert team.broker is broker and team.judging is judging
    actor = team.actor
    assert broker.get_actor("judge_submission") is actor
    assert (actor.actor_name, actor.queue_name, actor.priority) == (
        "judge_submission",
        "mlprep-judge",
        0,
    )
    assert actor.options == {"max_retries": 3}
    team.send("7")
    [message] = _messages(broker)
    assert (message.actor_name, message.queue_name, message.args) == (
        "judge_submission",
        "mlprep-judge",
        (7,),
    )


def test_without_a_broker_the_queue_makes_the_redis_one(monkeypatch) -> None:
    monkeypatch.setenv("MLPREP_BROKER_URL", "redis://127.0.0.1:6379/6")
    team = queue.TeamQueue()
    try:
        assert type(team.broker) is RedisBroker
        assert _redis_target(team.broker) == ("127.0.0.1", 6379, 6)
        assert team.judging is None
        assert team.broker.get_actor("judge_submission") is team.actor
    finally:
        team.broker.close()


def test_a_process_that_only_sends_refuses_to_judge() -> None:
    team = queue.TeamQueue(StubBroker())
    with pytest.raises(RuntimeError) as refused:
        team._perform(1)
    assert str(refused.value) == ("this process only sends jobs; run `mlprep worker` to judge them")


def test_the_actor_judges_with_the_threads_sandbox(store, bob, clock, fake_judge) -> None:
    sandbox = object()
    judging = queue.Judging(store, {"softmax": object()})
    judging.sandbox = lambda: sandbox
    job_id = new_job(store, bob)
    queue.TeamQueue(StubBroker(), judging)._perform(str(job_id))
    assert [call[3] for call in fake_judge.calls] == [sandbox]
    assert row_of(store, job_id)["state"] == "done"


def test_a_job_sent_twice_through_the_stub_broker_is_judged_once(
    store, bob, clock, fake_judge
) -> None:
    broker = StubBroker()
    team = queue.TeamQueue(broker, queue.Judging(store, {"softmax": object()}))
    job_id = new_job(store, bob)
    team.send(job_id)
    team.send(job_id)  # as a redelivery would
    runner = team_worker.dramatiq_worker(broker, 1)  # as `mlprep worker --concurrency 1` makes it
    runner.start()
    try:
        broker.join(queue.QUEUE, timeout=30_000)
        runner.join()
    finally:
        runner.stop()
    assert len(fake_judge.calls) == 1
    assert row_of(store, job_id)["attempts"] == 1
    assert store.for_user(bob).count() == 1


def test_the_team_worker_takes_only_the_judging_queue_and_polls_every_200_ms_when_idle() -> None:
    # Dramatiq's default, 1000 ms, left a job sent to an idle worker waiting 0.4 s (median).
    runner = team_worker.dramatiq_worker(StubBroker(), 3)
    assert (runner.worker_threads, runner.worker_timeout) == (3, 200)
    assert runner.consumer_whitelist == {"mlprep-judge"}


# --- queue.py: what the broker holds, and the sweep ----------------------------------------------


class FakeRedis:
    """The two hashes of Dramatiq's RedisBroker that hold a queue's messages, by key."""

    def __init__(self, hashes: dict[str, list[dict[str, Any]]], fail: bool = False) -> None:
        self.hashes = {key: [json.dumps(m).encode() for m in ms] for key, ms in hashes.items()}
        self.fail = fail
        self.asked: list[str] = []

    def hvals(self, key: str) -> list[bytes]:
        self.asked.append(key)
        if self.fail:
            raise ConnectionError("the broker is down")
        return self.hashes.get(key, [])


def _message(job_id: int | None, actor: str = "judge_submission") -> dict[str, Any]:
    return {"actor_name": actor, "args": [] if job_id is None else [job_id], "kwargs": {}}


def _stub_with(client: FakeRedis | None, namespace: str | None = "ns") -> StubBroker:
    broker = StubBroker()
    if namespace is not None:
        broker.namespace = namespace
    if client is not None:
        broker.client = client
    return broker


def test_the_job_ids_the_broker_holds_are_read_from_its_waiting_and_delayed_hashes(
    caplog,
) -> None:
    client = FakeRedis(
        {
            "ns:mlprep-judge.msgs": [_message(3), _message(9, actor="other"), _message(None)],
            "ns:mlprep-judge.DQ.msgs": [_message(4)],
            "ns:other.msgs": [_message(5)],
        }
    )
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        assert queue.TeamQueue(_stub_with(client)).job_ids_in_broker() == {3, 4}
    assert client.asked == ["ns:mlprep-judge.msgs", "ns:mlprep-judge.DQ.msgs"]
    assert caplog.records == []


def test_a_broker_whose_messages_cannot_be_read_answers_none(caplog) -> None:
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        assert queue.TeamQueue(StubBroker()).job_ids_in_broker() is None  # neither
        assert queue.TeamQueue(_stub_with(None)).job_ids_in_broker() is None  # no client
        no_namespace = _stub_with(FakeRedis({}), namespace=None)
        assert queue.TeamQueue(no_namespace).job_ids_in_broker() is None
        assert no_namespace.client.asked == []
    assert caplog.records == []  # nothing went wrong: there is just nothing to read
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        assert queue.TeamQueue(_stub_with(FakeRedis({}, fail=True))).job_ids_in_broker() is None
    [logged] = caplog.records
    assert (logged.levelname, logged.getMessage()) == (
        "ERROR",
        "cannot list the broker's messages",
    )
    assert logged.exc_info is not None and logged.exc_info[0] is ConnectionError


def test_the_sweep_sends_again_the_stale_jobs_the_broker_lost(store, bob, clock, caplog) -> None:
    lost_first = job_at(store, clock, -60, bob)
    held = job_at(store, clock, -50, bob)
    lost_second = job_at(store, clock, -40, 1)
    recent = job_at(store, clock, -10, bob)
    clock.at(0)
    client = FakeRedis({"ns:mlprep-judge.msgs": [_message(held), _message(recent)]})
    broker = _stub_with(client)
    team = queue.TeamQueue(broker, queue.Judging(store, {}))
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        assert team.requeue_stale(30) == [lost_first, lost_second]
    assert [m.args for m in _messages(broker)] == [(lost_first,), (lost_second,)]
    assert [row_of(store, j)["updated_at"] for j in (lost_first, held, lost_second, recent)] == [
        T0,
        T0 - timedelta(seconds=50),
        T0,
        T0 - timedelta(seconds=10),
    ]
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        (
            "WARNING",
            f"re-enqueued 2 job(s) the broker did not hold: [{lost_first}, {lost_second}]",
        )
    ]
    # Right after, only the held job is stale, and the broker still has it: nothing to send.
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=QUEUE_LOG):
        assert team.requeue_stale(30) == []
    assert len(_messages(broker)) == 2 and caplog.records == []


def test_the_sweep_sends_every_stale_job_when_the_broker_cannot_be_read(store, bob, clock) -> None:
    first = job_at(store, clock, -60, bob)
    second = job_at(store, clock, -45, bob)
    clock.at(0)
    broker = _stub_with(FakeRedis({"ns:mlprep-judge.msgs": [_message(first)]}, fail=True))
    team = queue.TeamQueue(broker, queue.Judging(store, {}))
    assert team.requeue_stale(30) == [first, second]
    assert [m.args for m in _messages(broker)] == [(first,), (second,)]


def test_the_sweep_with_nothing_stale_asks_the_broker_nothing(store, bob, clock) -> None:
    job_at(store, clock, -10, bob)
    clock.at(0)
    client = FakeRedis({})
    broker = _stub_with(client)
    assert queue.TeamQueue(broker, queue.Judging(store, {})).requeue_stale(30) == []
    assert client.asked == [] and _messages(broker) == []
    with pytest.raises(AssertionError):
        queue.TeamQueue(StubBroker()).requeue_stale(30)  # a web process has no sweep


def test_claim_progress_and_finish_change_their_own_job_only(store, bob, clock) -> None:
    mine, other = new_job(store, bob), new_job(store, bob)
    jobs.claim(store, other)
    before = row_of(store, other)
    clock.at(4)
    claim = jobs.claim(store, mine)
    jobs.progress(store, mine, 1, 2)
    jobs.finish(store, claim, report())
    assert row_of(store, other) == before


# --- team/web.py: the long poll without notifications ------------------------------------------


def long_poll(store, user_id: int, job_id: int | str, after: int, wait: float) -> tuple[Any, float]:
    """``TeamJudge().wait`` as the job route calls it (no notifications): the job it answered
    and the seconds it took."""
    import asyncio
    import time
    from concurrent.futures import ThreadPoolExecutor

    from mlprep.team.web import TeamJudge

    started = time.monotonic()
    waiting = TeamJudge().wait(store.for_user(user_id), str(job_id), after, wait)
    # A loop of its own, in a thread: a browser test's Playwright may run one in this thread.
    with ThreadPoolExecutor(1) as thread:
        job = thread.submit(asyncio.run, waiting).result()
    return job, time.monotonic() - started


def test_without_notifications_a_long_poll_reads_the_row_every_150_ms(store, bob) -> None:
    import threading

    from mlprep.team.web import FALLBACK_SECONDS

    job_id = new_job(store, bob)
    jobs.claim(store, job_id)
    claimed = threading.Timer(0.5, jobs.progress, (store, job_id, 1, 4))  # as a worker would
    claimed.start()
    job, elapsed = long_poll(store, bob, job_id, 0, 10)
    claimed.join()
    assert (job["state"], job["version"], job["done_tests"]) == ("running", 1, 1)
    assert 0.5 <= elapsed < FALLBACK_SECONDS - 2  # SQLite has no NOTIFY: read until it changed


@pytest.mark.parametrize(("after", "wait"), [(-1, 10), (0, 0)])
def test_a_read_without_a_wait_answers_at_once(store, bob, after, wait) -> None:
    job_id = new_job(store, bob)
    job, elapsed = long_poll(store, bob, job_id, after, wait)
    assert (job["id"], job["state"], job["version"]) == (str(job_id), "queued", 0)
    assert elapsed < 1.0
    assert long_poll(store, add_account(store, "eve"), job_id, after, wait)[0] is None


def test_a_done_job_answers_at_once_whatever_version_was_asked_after(store, bob) -> None:
    job_id = new_job(store, bob)
    jobs.finish(store, jobs.claim(store, job_id), report())
    job, elapsed = long_poll(store, bob, job_id, 5, 10)
    assert (job["state"], job["version"], job["report"]["verdict"]) == ("done", 1, "accepted")
    assert elapsed < 1.0


def test_a_long_poll_with_no_news_answers_the_job_as_it_is_when_the_wait_ends(store, bob) -> None:
    job_id = new_job(store, bob)
    job, elapsed = long_poll(store, bob, job_id, 0, 0.6)
    assert (job["id"], job["state"], job["version"]) == (str(job_id), "queued", 0)
    assert 0.6 <= elapsed < 2.0
