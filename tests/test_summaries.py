"""The materialised summaries (``problem_stats``, ``failing_stats``) equal a recount from the
submission and test rows, on SQLite and on PostgreSQL; they commit and roll back with the
submissions; migrations 0006 and 0008 backfill them; and the coding figures read from them equal
those computed from every row."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, event, insert, inspect, select, text
from team_services import postgres_database

from mlprep.coach.mastery import WEEKS, WINDOW_DAYS, Review, ReviewFacts
from mlprep.coach.progress import CodingFacts, day_edges, load_coding_progress
from mlprep.problems import list_problems
from mlprep.review.deck import BREADTH
from mlprep.review.scheduler import DeckRead
from mlprep.store import Store, open_store
from mlprep.store.db import alembic_config
from mlprep.store.models import (
    LOCAL_USER_ID,
    FailingStatsRow,
    ReviewLogRow,
    SubmissionRow,
    TestResultRow,
    UserRow,
)
from mlprep.store.records import ProblemStats
from mlprep.store.summaries import (
    accepted_times,
    active_between,
    counts_between,
    problem_stats,
    rebuild,
)
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
    now = datetime.now(tz)
    today = now.date()
    # Each day at half the local time already gone today: today's is never in the future
    # (local noon was, before noon: the test then failed each morning, UTC-5).
    into_the_day = (now - datetime.combine(today, datetime.min.time(), tz)) / 2
    for back in range(45):  # every day for 45 days; nothing on day 46
        at = datetime.combine(today - timedelta(days=back), datetime.min.time(), tz)
        store.add(record("kmeans", "judge", "wrong_answer", at + into_the_day))
    far = datetime.combine(today - timedelta(days=47), datetime.min.time(), tz)
    store.add(record("kmeans", "judge", "wrong_answer", far + into_the_day))
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


def test_a_workers_finish_stores_the_report_as_given_and_points_the_job_at_it(store):
    # On PostgreSQL all of it is one statement (jobs._finish_and_store); on SQLite, several.
    from mlprep.store.records import TestResult
    from mlprep.team import jobs

    learner = store.for_user(create_user(store, "bea", "a long password", "learner").id)
    code = "def kmeans(X, init_centroids, max_iters=100):\n    return 'é'\n"
    report = record("kmeans", "run", "wrong_answer", NOW, (("ties", "wrong_answer", True),))
    report = {**report["report"], "passed": 0, "total": 1, "message": "0 of 1", "stdout": "hi\n"}
    report["tests"][0].update(seconds=0.25, message="off by one", name="two points")
    job = jobs.create(learner, "kmeans", "run", code)
    claim = jobs.claim(store, int(job["id"]))
    stored_id = jobs.finish(store, claim, report)

    stored = learner.get(stored_id)
    shown = (stored.problem, stored.mode, stored.verdict, stored.passed, stored.total)
    assert shown == ("kmeans", "run", "wrong_answer", 0, 1)
    assert (stored.seconds, stored.message, stored.stdout, stored.source) == (
        0.1,
        "0 of 1",
        "hi\n",
        code,
    )
    assert stored.tests == (
        TestResult(0, True, "ties", "wrong_answer", 0.25, "off by one", "two points", "", "", ""),
    )
    done = jobs.get(learner, job["id"])
    assert (done["state"], done["submission_id"], done["report"]) == ("done", stored_id, report)
    assert (done["done_tests"], done["total_tests"], done["version"]) == (1, 1, 1)
    [stats] = problem_stats(learner)
    assert (stats.submissions, stats.judged, stats.accepted) == (1, 0, 0)  # a run: not judged
    assert stats.first_at == stats.last_at == stored.created_at
    assert (stats.first_accepted_at, stats.last_accepted_at) == (None, None)
    assert failing_stats(learner) == {}  # only judged submissions count there
    assert learner.count() == 1 and store.count() == 0


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migration_0008_backfills_the_failing_summary(database, tmp_path, monkeypatch):
    with _database_at("0007_cohorts", database, tmp_path, monkeypatch) as (url, engine):
        with engine.begin() as conn:
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
        with open_store(url) as store:  # opening migrates to the head, backfilling 0008
            assert failing_stats(store) == {("kmeans", "ties"): 2, ("pca", "shapes"): 1}


@contextmanager
def _database_at(revision: str, kind: str, tmp_path, monkeypatch) -> Iterator[tuple[str, Any]]:
    """A new database of ``kind`` migrated to ``revision``: its URL and an engine on it."""
    monkeypatch.setenv("MLPREP_DATA_DIR", str(tmp_path / "data"))
    with _empty_database(kind, tmp_path) as url:
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), revision)
            yield url, engine
        finally:
            engine.dispose()


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


# --- what the review pages and the mastery read of the review log: bounded queries ------------

LOCAL = timezone(timedelta(hours=-5))  # days and weeks start at this zone's midnights
TOPICS = ("metrics", "svm", "domain:recsys", "domain:search")


def random_reviews(store: Store, rng: random.Random, count: int) -> list[Review]:
    """``count`` ratings of a few cards at random times (some exactly on a window's edge, some
    after now), stored as rows; returned as the rows the mastery computes from."""
    edges = [NOW, NOW - timedelta(days=WINDOW_DAYS), *week_edges(NOW.astimezone(LOCAL))]
    reviews = []
    for _ in range(count):
        minutes = rng.randrange(-600, 60 * 24 * 70)
        at = rng.choice(edges) if rng.random() < 0.2 else NOW - timedelta(minutes=minutes)
        topic = rng.choice(TOPICS)
        reviews.append(Review(topic, at, rng.randint(1, 4), rng.choice((None, True, False))))
    with store.writing() as session:
        for n, review in enumerate(reviews):
            session.add(
                ReviewLogRow(
                    question=f"{review.topic}/q{n % 7}",  # the card id: the stored topic, a name
                    topic=review.topic,
                    reviewed_at=review.at,
                    rating=review.rating,
                    correct=review.correct,
                )
            )
    return reviews


def week_edges(now: datetime) -> list[datetime]:
    """The week windows' edges written out: midnights 7 days apart ending today, then now."""
    today = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)
    return [today - timedelta(days=7 * n + 6) for n in range(WEEKS - 1, -1, -1)] + [now]


def test_the_review_counts_in_sql_equal_those_from_the_rows(store):
    rng = random.Random(12)
    other = store.for_user(create_user(store, "ada", "a long password", "learner").id)
    reviews = random_reviews(store, rng, 300)
    random_reviews(other, rng, 50)  # another user's log counts nowhere
    now = NOW.astimezone(LOCAL)
    loaded = ReviewFacts.load(store, now, WEEKS, WINDOW_DAYS)
    assert loaded == ReviewFacts.from_reviews(reviews, now, WEEKS, WINDOW_DAYS)
    assert loaded.total == sum(r.at <= now for r in reviews)
    recent = [r for r in reviews if now - timedelta(days=WINDOW_DAYS) < r.at <= now]
    assert sum(t.recent for t in loaded.topics.values()) == len(recent)
    assert sum(t.recent_right for t in loaded.topics.values()) == sum(r.good for r in recent)
    assert any(r.at == now for r in reviews)  # the seed hits the edges: the test can fail


def test_new_cards_today_are_those_first_rated_since_midnight(store):
    rng = random.Random(3)
    midnight = datetime(2026, 12, 5, 0, 0, tzinfo=LOCAL)
    ratings = [(f"{rng.choice(TOPICS)}/q{n}", midnight) for n in range(3)]  # at midnight itself
    for n in range(3, 60):  # first ratings over the last three days, most rated again later
        first = midnight + timedelta(minutes=rng.randrange(-3 * 24 * 60, 20 * 60))
        again = [first + timedelta(minutes=rng.randrange(1, 2 * 24 * 60)) for _ in range(n % 3)]
        ratings += [(f"{rng.choice(TOPICS)}/q{n}", at) for at in (first, *again)]
    with store.writing() as session:
        for question, at in ratings:
            topic = question.split("/")[0]
            session.add(ReviewLogRow(question=question, topic=topic, reviewed_at=at, rating=3))
    bank = {question: None for question, _at in ratings if ":" not in question}
    first_rated = {}
    for question, at in ratings:
        first_rated[question] = min(at, first_rated.get(question, at))
    for day in (-2, -1, 0, 1):
        now = midnight + timedelta(days=day, hours=21)
        today = midnight + timedelta(days=day)
        expected = sum(q in bank and at >= today for q, at in first_rated.items())
        read = DeckRead(store, BREADTH, bank)
        assert (read.new_today(now), read.new_left_today(now, new_per_day=50)) == (
            expected,
            max(0, 50 - expected),
        )
        assert 0 < expected < len(bank)  # cards first rated before and since: the test can fail


def test_the_latest_accepted_before_each_end_equals_the_rows(store):
    rng = random.Random(9)
    random_history(store, rng, 150)
    rows = store.history(limit=1000)
    accepted = [r for r in rows if r.mode == "judge" and r.verdict == "accepted"]

    def latest_before(ends: list[datetime]) -> dict[str, tuple[datetime, ...]]:
        found = {}
        for slug in SLUGS:
            mine = [r.created_at for r in accepted if r.problem == slug]
            latest = {max((t for t in mine if t < end), default=None) for end in ends} - {None}
            if latest:
                found[slug] = tuple(sorted(latest))
        return found

    on_one = [accepted[5].created_at]  # an end at an accepted submission: only those before it
    ends = [*on_one, NOW - timedelta(days=20), NOW + timedelta(microseconds=1)]
    assert accepted_times(store, on_one) == latest_before(on_one)
    assert accepted_times(store, ends) == latest_before(ends)
    assert accepted_times(store, []) == {}
    assert len(latest_before(ends)) == len(SLUGS)  # every problem was accepted: can fail


PAGE_INDEXES = {
    ("review_logs", "ix_review_logs_user_id_question_reviewed_at"): [
        "user_id",
        "question",
        "reviewed_at",
    ],
    ("submissions", "ix_submissions_user_id_problem_mode_verdict_created_at"): [
        "user_id",
        "problem",
        "mode",
        "verdict",
        "created_at",
    ],
}


def page_indexes(conn) -> dict[tuple[str, str], list[str]]:
    schema = inspect(conn)
    found = {}
    for table in ("review_logs", "submissions"):
        for index in schema.get_indexes(table):
            if (table, index["name"]) in PAGE_INDEXES:
                found[(table, index["name"])] = index["column_names"]
    return found


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migration_0014_adds_the_page_indexes_and_takes_them_back(database, tmp_path, monkeypatch):
    with _database_at("0013_custom_jobs", database, tmp_path, monkeypatch) as (url, engine):
        with engine.connect() as conn:
            assert page_indexes(conn) == {}
        open_store(url).close()  # migrates to the head
        with engine.begin() as conn:
            assert page_indexes(conn) == PAGE_INDEXES
            command.downgrade(alembic_config(conn), "0013_custom_jobs")
            assert page_indexes(conn) == {}


def sqlite_plans(store: Store, read: Callable[[], object]) -> str:
    """SQLite's EXPLAIN QUERY PLAN of every statement ``read`` runs, as one text."""
    statements = []

    def keep(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        read()
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    with store.engine.connect() as conn:
        return "\n".join(
            str(row[-1])
            for statement, parameters in statements
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        )


def test_the_bounded_queries_use_their_indexes_on_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_DATA_DIR", str(tmp_path / "data"))
    with open_store(f"sqlite:///{tmp_path}/plans.db") as store:
        first_rated = sqlite_plans(store, lambda: DeckRead(store, BREADTH, {}).new_today(NOW))
        latest = sqlite_plans(store, lambda: accepted_times(store, [NOW]))
    # the day's range of ratings, then one probe per rating for an earlier one of its card
    assert first_rated.splitlines() == [
        "SEARCH review_logs USING INDEX ix_review_logs_user_id_reviewed_at "
        "(user_id=? AND reviewed_at>?)",
        "CORRELATED SCALAR SUBQUERY 1",
        "SEARCH review_logs_1 USING INDEX ix_review_logs_user_id_question_reviewed_at "
        "(user_id=? AND question=? AND reviewed_at<?)",
    ]
    assert (
        "USING COVERING INDEX ix_submissions_user_id_problem_mode_verdict_created_at "
        "(user_id=? AND problem=? AND mode=? AND verdict=? AND created_at<?)"
    ) in latest
