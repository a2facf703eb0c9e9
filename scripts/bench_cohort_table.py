"""Time the instructor's cohort table on a seeded database (a script, not a timed test).

    .venv/bin/python scripts/bench_cohort_table.py [--url URL] [--learners 300]
        [--submissions 300] [--tests 20] [--rounds 7] [--explain]

Without ``--url`` it creates a fresh PostgreSQL database on 127.0.0.1 (dropped afterwards).
Seeds one instructor and a cohort of ``--learners`` learners, each with ``--submissions``
judged submissions spread over 30 problems (half accepted; each wrong one fails a third of
its ``--tests`` hidden tests), 100 review logs and 20 design answers; assigns 10 problems, 3
breadth topics, 2 design cases and a mock loop; recounts the summaries (the seed's bulk inserts
bypass the store's hook, as a migration's backfill would); then times ``cohort_table`` (every
aggregate query, the rows to figures) and the CSVs, median of ``--rounds`` runs after one
warm-up, side by side with the table as it was before the summaries (its two submission
queries scanning ``submissions`` and ``test_results``, copied below), alternating the two in
the same run, and checks that both give the same table. Then each aggregate query alone, and
with ``--explain`` the PostgreSQL plans (``EXPLAIN (ANALYZE, BUFFERS)``) of the queries before
and after.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, case, event, func, insert, select
from sqlalchemy.engine import Connection

from mlprep.problems import list_problems
from mlprep.store import open_store
from mlprep.store.models import (
    AnswerRow,
    MembershipRow,
    ReviewLogRow,
    SubmissionRow,
    TestResultRow,
    UserRow,
)
from mlprep.store.summaries import NOT_FAILED, rebuild
from mlprep.team import cohort_figures, cohorts
from mlprep.team.cohort_figures import cohort_table, problems_csv, table_csv

NOW = datetime.now(UTC)
CATEGORIES = ("basic", "ties", "random", "shapes", "edge")


def seed(store, learners: int, submissions: int, tests: int) -> tuple[int, int]:
    rng = random.Random(13)
    slugs = sorted(p.slug for p in list_problems())[:30]
    with store.writing() as session:
        teacher = UserRow(username="teacher", role="instructor", created_at=NOW, failed_logins=0)
        session.add(teacher)
        session.flush()
        teacher_id = teacher.id
    mine = store.for_user(teacher_id)
    cohort = cohorts.create_cohort(mine, "Bench")
    known = {*slugs, "svm", "metrics", "fitting", "ad-click-prediction", "typeahead"}
    due = NOW + timedelta(days=3)
    cohorts.add_assignment(mine, cohort.id, "problems", slugs[:10], due, known=known)
    cohorts.add_assignment(
        mine, cohort.id, "breadth", ["svm", "metrics", "fitting"], due, known=known
    )
    cohorts.add_assignment(
        mine, cohort.id, "design", ["ad-click-prediction", "typeahead"], due, known=known
    )
    cohorts.add_assignment(mine, cohort.id, "loop", [], due, known=known)
    conn_engine = store.engine
    for n in range(learners):
        with conn_engine.begin() as conn:
            uid = conn.execute(
                insert(UserRow).returning(UserRow.id),
                [
                    {
                        "username": f"learner{n}",
                        "role": "learner",
                        "created_at": NOW,
                        "failed_logins": 0,
                    }
                ],
            ).scalar_one()
            conn.execute(
                insert(MembershipRow),
                [{"user_id": uid, "cohort_id": cohort.id, "joined_at": NOW}],
            )
            subs = []
            for i in range(submissions):
                accepted = rng.random() < 0.5
                subs.append(
                    {
                        "user_id": uid,
                        "uid": uuid.uuid4().hex,
                        "created_at": NOW - timedelta(minutes=i),
                        "problem": rng.choice(slugs),
                        "mode": "judge",
                        "verdict": "accepted" if accepted else "wrong_answer",
                        "passed": tests if accepted else tests - tests // 3,
                        "total": tests,
                        "seconds": 0.1,
                        "source": "x",
                        "message": "",
                        "stdout": "",
                    }
                )
            ids = conn.execute(
                insert(SubmissionRow).returning(
                    SubmissionRow.id, SubmissionRow.verdict, sort_by_parameter_order=True
                ),
                subs,
            ).all()
            rows = []
            for sid, verdict in ids:
                for t in range(tests):
                    failed = verdict != "accepted" and t % 3 == 0
                    rows.append(
                        {
                            "user_id": uid,
                            "submission_id": sid,
                            "index": t,
                            "sample": t < 2,
                            "category": CATEGORIES[t % len(CATEGORIES)],
                            "status": "wrong_answer" if failed else "passed",
                            "seconds": 0.01,
                            "message": "",
                            "name": "",
                            "input": "",
                            "expected": "",
                            "actual": "",
                        }
                    )
            conn.execute(insert(TestResultRow), rows)
            conn.execute(
                insert(ReviewLogRow),
                [
                    {
                        "user_id": uid,
                        "question": f"svm/q{k % 13}",
                        "topic": "svm",
                        "reviewed_at": NOW - timedelta(days=k % 40),
                        "rating": 1 + k % 4,
                        "correct": None,
                        "answer": "",
                    }
                    for k in range(100)
                ],
            )
            conn.execute(
                insert(AnswerRow),
                [
                    {
                        "user_id": uid,
                        "session_id": None,
                        "round": "design",
                        "item": "ad-click-prediction",
                        "part": f"step{k % 10}",
                        "text": "t",
                        "auto_score": k / 20,
                        "self_score": None,
                        "created_at": NOW - timedelta(hours=k),
                    }
                    for k in range(20)
                ],
            )
    return teacher_id, cohort.id


# --- the table as it was before the summaries (for the side-by-side figures) -------------------


def scan_judged(conn: Connection, learners, slugs) -> dict:
    if not slugs:
        return {}
    s = SubmissionRow
    accepted = func.sum(case((s.verdict == "accepted", 1), else_=0))
    rows = conn.execute(
        select(s.user_id, s.problem, func.count(), accepted)
        .where(s.user_id.in_(learners), s.mode == "judge", s.problem.in_(slugs))
        .group_by(s.user_id, s.problem)
    )
    return {(uid, slug): (int(n), int(ok)) for uid, slug, n, ok in rows}


def scan_failing(conn: Connection, learners, slugs) -> dict:
    if not slugs:
        return {}
    s, t = SubmissionRow, TestResultRow
    rows = conn.execute(
        select(s.problem, t.category, func.count(t.submission_id.distinct()))
        .join(s, and_(s.id == t.submission_id, s.user_id == t.user_id))
        .where(
            s.user_id.in_(learners),
            s.mode == "judge",
            s.verdict != "accepted",
            s.problem.in_(slugs),
            t.sample.is_(False),
            t.status.not_in(NOT_FAILED),
        )
        .group_by(s.problem, t.category)
    )
    failing: dict = defaultdict(Counter)
    for slug, category, count in rows:
        failing[slug][category] = int(count)
    return failing


@contextmanager
def scanning() -> Iterator[None]:
    """The cohort table with its two submission queries as before: scans, not summaries."""
    kept = cohort_figures._judged, cohort_figures._failing
    cohort_figures._judged, cohort_figures._failing = scan_judged, scan_failing
    try:
        yield
    finally:
        cohort_figures._judged, cohort_figures._failing = kept


# --- running ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url")
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--tests", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    if args.url:
        run(args.url, args)
        return
    import psycopg

    name = f"mlprep_bench_{secrets.token_hex(4)}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        run(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", args)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(url: str, args: argparse.Namespace) -> None:
    with open_store(url) as store:
        started = time.perf_counter()
        teacher_id, cohort_id = seed(store, args.learners, args.submissions, args.tests)
        seeded = time.perf_counter()
        with store.engine.begin() as conn:
            rebuild(conn)  # what migrations 0006 and 0008 do to an existing database
        rebuilt = time.perf_counter()
        with store.engine.begin() as conn:
            if store.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("ANALYZE")
            counts = [
                conn.scalar(select(func.count()).select_from(t))
                for t in (SubmissionRow, TestResultRow)
            ]
        print(
            f"seeded {counts[0]} submissions, {counts[1]} test rows in {seeded - started:.0f} s; "
            f"summaries recounted in {rebuilt - seeded:.1f} s"
        )
        mine = store.for_user(teacher_id)
        titles = {p.slug: p.meta.title for p in list_problems()}
        time_tables(mine, cohort_id, titles, args.rounds)
        learners, items = query_inputs(mine, cohort_id)
        time_queries(store, learners, items, args.rounds)
        if args.explain and store.engine.dialect.name == "postgresql":
            explain(store, learners, items["problems"])


def time_tables(mine, cohort_id: int, titles: dict, rounds: int) -> None:
    """The whole table before and after, alternating, and the CSVs; both tables must agree."""
    with scanning():
        before = cohort_table(mine, cohort_id, NOW, titles)  # warm-up
    after = cohort_table(mine, cohort_id, NOW, titles)
    assert before.to_dict() == after.to_dict(), "the summaries changed the table"
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        with scanning():
            times["before (scans)"].append(
                timed(lambda: cohort_table(mine, cohort_id, NOW, titles))
            )
        times["after (summaries)"].append(timed(lambda: cohort_table(mine, cohort_id, NOW, titles)))
        times["learners CSV"].append(timed(lambda: table_csv(after)))
        times["problems CSV"].append(timed(lambda: problems_csv(after)))
    print(
        f"cohort_table: {len(after.learners)} learners, {len(after.problems)} problems "
        f"(identical before and after), {rounds} rounds:"
    )
    for label, values in times.items():
        print(f"  {label:<20} median {ms(statistics.median(values))}, max {ms(max(values))}")


def query_inputs(mine, cohort_id: int) -> tuple[object, dict[str, list[str]]]:
    """What the table's queries are given: the cohort's learners, the items set by kind."""
    learners = select(MembershipRow.user_id).where(MembershipRow.cohort_id == cohort_id)
    assignments = cohorts.cohort_assignments(mine, cohort_id)
    kinds = ("problems", "breadth", "design")
    return learners, {kind: cohort_figures._items(assignments, kind) for kind in kinds}


def time_queries(store, learners, items: dict[str, list[str]], rounds: int) -> None:
    """Each aggregate query of the table alone (median of ``rounds``)."""
    queries: dict[str, Callable[[Connection], object]] = {
        "judged (scan)": lambda c: scan_judged(c, learners, items["problems"]),
        "judged (problem_stats)": lambda c: cohort_figures._judged(c, learners, items["problems"]),
        "failing (scan)": lambda c: scan_failing(c, learners, items["problems"]),
        "failing (failing_stats)": lambda c: cohort_figures._failing(
            c, learners, items["problems"]
        ),
        "reviewed": lambda c: cohort_figures._reviewed(c, learners, items["breadth"]),
        "designed": lambda c: cohort_figures._designed(c, learners, items["design"]),
        "last loops": lambda c: cohort_figures._last_loops(c, learners),
        "retention": lambda c: cohort_figures._retention(c, learners, NOW),
        "coverage": lambda c: cohort_figures._coverage(c, learners, NOW),
    }
    print("each query alone:")
    with store.engine.connect() as conn:
        for label, query in queries.items():
            query(conn)  # warm-up
            values = [timed(lambda q=query: q(conn)) for _ in range(rounds)]
            print(f"  {label:<24} median {ms(statistics.median(values))}")


def explain(store, learners, slugs: list[str]) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the two submission queries, before and after."""
    recorded: list = []

    def capture(conn, cursor, statement, parameters, context, executemany) -> None:
        recorded.append((statement, parameters))

    with store.engine.connect() as conn:
        for label, query in (
            ("judged, before", scan_judged),
            ("judged, after", cohort_figures._judged),
            ("failing, before", scan_failing),
            ("failing, after", cohort_figures._failing),
        ):
            recorded.clear()
            event.listen(conn, "before_cursor_execute", capture)
            query(conn, learners, slugs)
            event.remove(conn, "before_cursor_execute", capture)
            statement, parameters = recorded[0]
            plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
            print(f"--- {label}")
            print("\n".join(plan.scalars()))


def timed(work: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    work()
    return time.perf_counter() - t0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    main()
