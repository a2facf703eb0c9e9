"""Time the instructor's cohort table on a seeded database (a script, not a timed test).

    .venv/bin/python scripts/bench_cohort_table.py [--url URL] [--learners 300]
        [--submissions 300] [--tests 20] [--rounds 7]

Without ``--url`` it creates a fresh PostgreSQL database on 127.0.0.1 (dropped afterwards).
Seeds one instructor and a cohort of ``--learners`` learners, each with ``--submissions``
judged submissions spread over 30 problems (half accepted; each wrong one fails a third of
its ``--tests`` hidden tests), 100 review logs and 20 design answers; assigns 10 problems, 3
breadth topics, 2 design cases and a mock loop; then times ``cohort_table`` (every aggregate
query, the rows to figures) and the CSV, median of ``--rounds`` runs after one warm-up.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

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
from mlprep.team import cohorts
from mlprep.team.cohort_figures import cohort_table, table_csv

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url")
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--tests", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
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
        with store.engine.begin() as conn:
            if store.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("ANALYZE")
            counts = [
                conn.scalar(select(func.count()).select_from(t))
                for t in (SubmissionRow, TestResultRow)
            ]
        print(
            f"seeded {counts[0]} submissions, {counts[1]} test rows "
            f"in {time.perf_counter() - started:.0f} s"
        )
        mine = store.for_user(teacher_id)
        titles = {p.slug: p.meta.title for p in list_problems()}
        cohort_table(mine, cohort_id, NOW, titles)  # warm-up
        times, csv_times = [], []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            table = cohort_table(mine, cohort_id, NOW, titles)
            t1 = time.perf_counter()
            table_csv(table)
            csv_times.append(time.perf_counter() - t1)
            times.append(t1 - t0)
        print(
            f"cohort_table: {len(table.learners)} learners, {len(table.problems)} problems: "
            f"median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms; CSV median "
            f"{statistics.median(csv_times) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
