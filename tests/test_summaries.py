"""The materialised summaries (``problem_stats``, ``failing_stats``) equal a recount from the
submission and test rows, on SQLite and on PostgreSQL; they commit and roll back with the
submissions; migrations 0006 and 0008 backfill them; and the coding figures read from them equal
those computed from every row."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, select, text
from team_services import postgres_database

from mlprep.coach.progress import CodingFacts, day_edges, load_coding_progress
from mlprep.problems import list_problems
from mlprep.store import Store, open_store
from mlprep.store.db import alembic_config
from mlprep.store.models import (
    LOCAL_USER_ID,
    FailingStatsRow,
    SubmissionRow,
    TestResultRow,
    UserRow,
)
from mlprep.store.records import ProblemStats
from mlprep.store.summaries import active_between, counts_between, problem_stats, rebuild
from mlprep.team.accounts import create_user

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
SLUGS = ("kmeans", "pca", "softmax", "roc_auc")
VERDICTS = ("accepted", "wrong_answer", "runtime_error")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path, monkeypatch) -> Iterator[Store]:
    monkeypatch.setenv("MLPREP_DATA_DIR", str(tmp_path / "data"))
    if request.param == "sqlite":
        opened = open_store(f"sqlite:///{tmp_path}/h.db")
        yield opened
        opened.close()
        return
    with postgres_database() as url:
        opened = open_store(url)
        yield opened
        opened.close()


def record(slug: str, mode: str, verdict: str, at: datetime, tests: tuple = ()) -> dict:
    return {
        "id": uuid.uuid4().hex,
        "created_at": at.isoformat(),
        "source": "def f(): pass\n",
        "report": {
            "problem": slug,
            "mode": mode,
            "verdict": verdict,
            "passed": 0,
            "total": 0,
            "seconds": 0.1,
            "message": "",
            "stdout": "",
            "tests": [result_row(i, *t) for i, t in enumerate(tests)],
        },
    }


def result_row(index: int, category: str, status: str, sample: bool = False) -> dict:
    return {
        "index": index,
        "sample": sample,
        "category": category,
        "status": status,
        "seconds": 0.01,
        "message": "",
        "name": "",
        "input": "",
        "expected": "",
        "actual": "",
    }


def random_history(store: Store, rng: random.Random, count: int) -> None:
    """``count`` submissions through the store's own path (``Store.add``), at random times."""
    for _ in range(count):
        at = NOW - timedelta(minutes=rng.randrange(60 * 24 * 60))
        mode = rng.choice(("judge", "judge", "run"))
        store.add(record(rng.choice(SLUGS), mode, rng.choice(VERDICTS), at))


def recount(store: Store) -> list[ProblemStats]:
    """The summary computed in Python from every submission row, independently of the SQL."""
    rows = store.history(limit=10_000)
    stats = []
    for slug in sorted({r.problem for r in rows}):
        mine = [r for r in rows if r.problem == slug]
        accepted = [r.created_at for r in mine if r.mode == "judge" and r.verdict == "accepted"]
        stats.append(
            ProblemStats(
                problem=slug,
                submissions=len(mine),
                judged=sum(r.mode == "judge" for r in mine),
                accepted=len(accepted),
                first_at=min(r.created_at for r in mine),
                last_at=max(r.created_at for r in mine),
                first_accepted_at=min(accepted, default=None),
                last_accepted_at=max(accepted, default=None),
            )
        )
    return stats


def test_the_summary_equals_a_recount_for_each_user(store):
    rng = random.Random(6)
    other = store.for_user(create_user(store, "ada", "a long password", "learner").id)
    random_history(store, rng, 120)
    random_history(other, rng, 80)
    mine, theirs = recount(store), recount(other)
    assert sum(s.submissions for s in mine) == 120
    assert sum(s.submissions for s in theirs) == 80
    assert problem_stats(store) == mine
    assert problem_stats(other) == theirs
    with store.writing() as session:  # and the SQL recount used for bulk loads agrees
        rebuild(session.connection())
    assert problem_stats(store) == mine
    assert problem_stats(other) == theirs


def test_a_first_and_a_later_submission_set_every_field(store):
    first, later = NOW - timedelta(days=3), NOW - timedelta(days=1)
    store.add(record("pca", "judge", "wrong_answer", later))
    store.add(record("pca", "run", "accepted", later + timedelta(hours=1)))  # a run: not solved
    [only] = problem_stats(store)
    assert only == ProblemStats("pca", 2, 1, 0, later, later + timedelta(hours=1), None, None)
    store.add(record("pca", "judge", "accepted", first))  # stored late, dated earlier
    assert problem_stats(store) == [
        ProblemStats("pca", 3, 2, 1, first, later + timedelta(hours=1), first, first)
    ]
    assert store.solved_problems() == {"pca"} and store.attempted_problems() == {"pca"}


def test_a_rolled_back_submission_leaves_no_trace_in_the_summary(store):
    store.add(record("kmeans", "judge", "accepted", NOW - timedelta(days=2)))
    before = problem_stats(store)
    with pytest.raises(RuntimeError), store.writing() as session:
        session.add(
            SubmissionRow(
                uid=uuid.uuid4().hex,
                created_at=NOW,
                problem="kmeans",
                mode="judge",
                verdict="accepted",
                passed=1,
                total=1,
                seconds=0.1,
                source="",
                message="",
                stdout="",
            )
        )
        session.flush()  # the summary's upsert has run on this transaction
        raise RuntimeError("killed between the insert and the commit")
    assert problem_stats(store) == before
    assert store.count() == 1


def test_windowed_counts_and_activity_equal_the_rows(store):
    rng = random.Random(7)
    random_history(store, rng, 150)
    edges = day_edges(date(2026, 11, 20), 15, UTC)
    rows = store.history(limit=1000)
    expected = [
        sum(lo <= r.created_at < hi for r in rows) for lo, hi in zip(edges, edges[1:], strict=False)
    ]
    assert counts_between(store, edges) == expected
    assert active_between(store, edges) == [n > 0 for n in expected]
    assert any(expected)  # the seed puts submissions in the window: the test can fail
    assert CodingFacts.load(store, NOW, edges) == CodingFacts.from_history(rows, NOW, edges)


def test_facts_leave_out_submissions_after_now_like_the_rows_do(store):
    store.add(record("kmeans", "judge", "accepted", NOW + timedelta(days=1)))
    store.add(record("pca", "judge", "accepted", NOW - timedelta(days=1)))
    facts = CodingFacts.load(store, NOW, [NOW - timedelta(days=7), NOW])
    assert facts.first_solved == {"pca": NOW - timedelta(days=1)}
    assert facts.total == 1 and facts.counts == (1,)


def test_the_streak_is_read_back_past_the_first_month(store):
    tz = timezone(timedelta(hours=-5))
    today = datetime.now(tz).date()
    for back in range(45):  # every day for 45 days, at local noon; nothing on day 46
        at = datetime.combine(today - timedelta(days=back), datetime.min.time(), tz)
        store.add(record("kmeans", "judge", "wrong_answer", at + timedelta(hours=12)))
    far = datetime.combine(today - timedelta(days=47), datetime.min.time(), tz)
    store.add(record("kmeans", "judge", "wrong_answer", far + timedelta(hours=12)))
    progress = load_coding_progress(store, list(list_problems()), today)
    assert progress.streak_days == 45
    assert progress.submissions == 46
    assert [n for _, n in progress.daily] == [1] * 30


def test_migration_0006_backfills_the_summary_from_existing_submissions(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_DATA_DIR", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path}/old.db"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")
        user = conn.scalar(select(UserRow.id).where(UserRow.id == LOCAL_USER_ID))
        rows = [
            ("kmeans", "judge", "wrong_answer", NOW - timedelta(days=5)),
            ("kmeans", "judge", "accepted", NOW - timedelta(days=4)),
            ("kmeans", "run", "accepted", NOW - timedelta(days=3)),
            ("pca", "judge", "runtime_error", NOW - timedelta(days=2)),
        ]
        conn.execute(
            insert(SubmissionRow),
            [
                {
                    "user_id": user,
                    "uid": uuid.uuid4().hex,
                    "created_at": at,
                    "problem": slug,
                    "mode": mode,
                    "verdict": verdict,
                    "passed": 0,
                    "total": 0,
                    "seconds": 0.0,
                    "source": "",
                    "message": "",
                    "stdout": "",
                }
                for slug, mode, verdict, at in rows
            ],
        )
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0005"
    engine.dispose()
    with open_store(url) as store:  # opening migrates to the head, backfilling 0006
        assert problem_stats(store) == [
            ProblemStats(
                "kmeans",
                3,
                2,
                1,
                NOW - timedelta(days=5),
                NOW - timedelta(days=3),
                NOW - timedelta(days=4),
                NOW - timedelta(days=4),
            ),
            ProblemStats(
                "pca", 1, 1, 0, NOW - timedelta(days=2), NOW - timedelta(days=2), None, None
            ),
        ]


# --- failing_stats ------------------------------------------------------------------------------


def failing_stats(store: Store) -> dict[tuple[str, str], int]:
    """``store``'s user's failing_stats rows (the user-bound session shows no one else's)."""
    with store.reading() as session:
        rows = session.scalars(select(FailingStatsRow))
        return {(r.problem, r.category): r.submissions for r in rows}


def hand_made_failures(store: Store, other: Store) -> None:
    """Submissions whose failing_stats are worked out by hand in the tests below."""
    day = timedelta(days=1)
    # counted once for "ties" (two failing tests), not for the failing sample, the test not
    # run or the passed one: kmeans/ties 1
    store.add(
        record(
            "kmeans",
            "judge",
            "wrong_answer",
            NOW - 5 * day,
            (
                ("basic", "wrong_answer", True),
                ("ties", "wrong_answer"),
                ("ties", "runtime_error"),
                ("random", "not_run"),
                ("empty", "passed"),
            ),
        )
    )
    # kmeans/ties 2, kmeans/shapes 1
    tle = (("ties", "time_limit_exceeded"), ("shapes", "wrong_answer"))
    store.add(record("kmeans", "judge", "runtime_error", NOW - 4 * day, tle))
    # accepted, and a run: never counted
    store.add(record("kmeans", "judge", "accepted", NOW - 3 * day, (("ties", "passed"),)))
    store.add(record("kmeans", "run", "wrong_answer", NOW - 3 * day, (("ties", "wrong_answer"),)))
    # pca/random 1
    store.add(record("pca", "judge", "wrong_answer", NOW - 2 * day, (("random", "wrong_answer"),)))
    # the other user's own row
    other.add(record("kmeans", "judge", "wrong_answer", NOW - day, (("ties", "wrong_answer"),)))


def test_the_failing_summary_counts_each_wrong_submission_once_per_hidden_category(store):
    other = store.for_user(create_user(store, "ada", "a long password", "learner").id)
    hand_made_failures(store, other)
    mine = {("kmeans", "ties"): 2, ("kmeans", "shapes"): 1, ("pca", "random"): 1}
    theirs = {("kmeans", "ties"): 1}
    assert failing_stats(store) == mine
    assert failing_stats(other) == theirs
    with store.writing() as session:  # the SQL recount used for bulk loads agrees
        rebuild(session.connection())
    assert failing_stats(store) == mine
    assert failing_stats(other) == theirs
    with store.writing() as session:  # and recounting one user leaves the other's rows alone
        session.execute(FailingStatsRow.__table__.delete())  # every user's rows
        rebuild(session.connection(), user_id=other.user_id)
    assert failing_stats(store) == {}
    assert failing_stats(other) == theirs


def test_the_failing_summary_equals_a_recount_of_random_submissions(store):
    rng = random.Random(8)
    statuses = ("passed", "passed", "wrong_answer", "runtime_error", "not_run")
    for _ in range(80):
        tests = tuple(
            (rng.choice(("ties", "shapes", "edge")), rng.choice(statuses), rng.random() < 0.2)
            for _ in range(rng.randrange(6))
        )
        mode = rng.choice(("judge", "judge", "run"))
        at = NOW - timedelta(minutes=rng.randrange(10_000))
        store.add(record(rng.choice(SLUGS), mode, rng.choice(VERDICTS), at, tests))
    expected: dict[tuple[str, str], int] = {}
    for summary in store.history(limit=1000):  # recounted in Python from every test row
        if summary.mode != "judge" or summary.verdict == "accepted":
            continue
        failed = {
            t.category
            for t in store.get(summary.id).tests
            if not t.sample and t.status not in ("passed", "not_run")
        }
        for category in failed:
            key = (summary.problem, category)
            expected[key] = expected.get(key, 0) + 1
    assert sum(expected.values()) > 10  # the seed makes 18 failures: the comparison is not vacuous
    assert failing_stats(store) == expected


def test_the_failing_summary_counts_a_resubmitted_record_once_and_rolls_back(store):
    failing = record("pca", "judge", "wrong_answer", NOW, (("random", "wrong_answer"),))
    store.add(failing)
    store.add(failing)  # the same record again (a retried ingest): stored once
    assert failing_stats(store) == {("pca", "random"): 1}
    with pytest.raises(RuntimeError), store.writing() as session:
        row = SubmissionRow(
            uid=uuid.uuid4().hex,
            created_at=NOW,
            problem="pca",
            mode="judge",
            verdict="wrong_answer",
            passed=0,
            total=1,
            seconds=0.1,
            source="",
            message="",
            stdout="",
            tests=[TestResultRow(**result_row(0, "random", "wrong_answer"))],
        )
        session.add(row)
        session.flush()  # the summary's upsert has run on this transaction
        assert failing_stats(store) == {("pca", "random"): 2}
        raise RuntimeError("killed between the insert and the commit")
    assert failing_stats(store) == {("pca", "random"): 1}


def test_a_workers_finished_jobs_are_counted_in_both_summaries_once(store):
    # A team worker stores its submission with Core statements, without the ORM flush hook.
    from mlprep.team import jobs

    learner = store.for_user(create_user(store, "ada", "a long password", "learner").id)
    failed = (
        ("basic", "wrong_answer", True),  # a sample: not counted
        ("ties", "wrong_answer"),
        ("ties", "runtime_error"),  # the same category again: one failure
        ("shapes", "passed"),
        ("random", "not_run"),
    )
    wrong = record("kmeans", "judge", "wrong_answer", NOW, failed)["report"]
    accepted = record("kmeans", "judge", "accepted", NOW, (("ties", "passed"),))["report"]
    for report in (wrong, accepted, wrong):
        claim = jobs.claim(store, int(jobs.create(learner, "kmeans", "judge", "code")["id"]))
        assert jobs.finish(store, claim, report) is not None
        assert jobs.finish(store, claim, report) is None  # a redelivery: nothing more counted
    assert failing_stats(learner) == {("kmeans", "ties"): 2}
    [stats] = problem_stats(learner)
    assert (stats.submissions, stats.judged, stats.accepted) == (3, 3, 1)
    assert [stats] == recount(learner)
    assert failing_stats(store) == {} and problem_stats(store) == []  # the local user's


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migration_0008_backfills_the_failing_summary(database, tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_DATA_DIR", str(tmp_path / "data"))
    with _empty_database(database, tmp_path) as url:
        engine = create_engine(url)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0007_cohorts")
            failures = (
                ("kmeans", "judge", "wrong_answer", [("ties", "wrong_answer", False)] * 2),
                ("kmeans", "judge", "runtime_error", [("ties", "runtime_error", False)]),
                ("kmeans", "judge", "wrong_answer", [("edge", "wrong_answer", True)]),
                ("kmeans", "judge", "wrong_answer", [("edge", "not_run", False)]),
                ("kmeans", "judge", "accepted", [("edge", "wrong_answer", False)]),
                ("kmeans", "run", "wrong_answer", [("edge", "wrong_answer", False)]),
                ("pca", "judge", "wrong_answer", [("shapes", "wrong_answer", False)]),
            )
            for slug, mode, verdict, tests in failures:
                _insert_old_submission(conn, slug, mode, verdict, tests)
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0007_cohorts"
        engine.dispose()
        with open_store(url) as store:  # opening migrates to the head, backfilling 0008
            assert failing_stats(store) == {("kmeans", "ties"): 2, ("pca", "shapes"): 1}


@contextmanager
def _empty_database(kind: str, tmp_path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path}/old.db"
        return
    with postgres_database() as url:
        yield url


def _insert_old_submission(conn, slug: str, mode: str, verdict: str, tests: list) -> None:
    """A submission and its test rows as an older mlprep stored them (no summary hook)."""
    sid = conn.execute(
        insert(SubmissionRow).returning(SubmissionRow.id),
        [
            {
                "user_id": LOCAL_USER_ID,
                "uid": uuid.uuid4().hex,
                "created_at": NOW,
                "problem": slug,
                "mode": mode,
                "verdict": verdict,
                "passed": 0,
                "total": len(tests),
                "seconds": 0.0,
                "source": "",
                "message": "",
                "stdout": "",
            }
        ],
    ).scalar_one()
    rows = [
        dict(result_row(i, category, status, sample), user_id=LOCAL_USER_ID, submission_id=sid)
        for i, (category, status, sample) in enumerate(tests)
    ]
    conn.execute(insert(TestResultRow), rows)
