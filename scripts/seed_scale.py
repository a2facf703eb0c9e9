"""Seed a database with many learners' history, fast (bulk inserts), to measure pages at scale.

    # a team database: 300 learners x 300 submissions, their tests and review logs
    .venv/bin/python scripts/seed_scale.py --url postgresql+psycopg://postgres@127.0.0.1:5432/mlprep_scale
    # one single-user SQLite history with 50,000 submissions (user 1, "local")
    .venv/bin/python scripts/seed_scale.py --url sqlite:////tmp/scale.db --users 0 --local 50000

Learners are ``learner001``... with the password ``--password`` (one Argon2 hash, reused). Each
judged submission has about ``--tests`` test rows and each sample-only run (a third of them) three,
so the default 33 gives 1.16 M test rows for 50,000 submissions; verdicts are drawn so that about
half of the judged ones are accepted. Each learner also rates ``--reviews`` breadth and domain
cards (a real FSRS state per card, a log row per rating) and writes a few design answers. Times
spread over the last ``--days`` days. The problem summaries are recounted at the end
(``mlprep.store.summaries.rebuild``), since bulk inserts bypass the store's sessions.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import uuid
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from mlprep.problems import list_problems
from mlprep.review.deck import BREADTH, DOMAIN
from mlprep.store import open_store
from mlprep.store.models import (
    LOCAL_USER_ID,
    AnswerRow,
    ReviewCardRow,
    ReviewLogRow,
    SubmissionRow,
    TestResultRow,
    UserRow,
)

try:
    from mlprep.store.summaries import rebuild
except ImportError:  # a checkout from before the summaries, seeded to measure the "before"
    rebuild = None

CHUNK = 5_000
VERDICTS = [
    ("accepted", 50),
    ("wrong_answer", 30),
    ("runtime_error", 12),
    ("time_limit_exceeded", 8),
]
CODE = "import numpy as np\n\n\ndef solve(X):\n    # attempt {n}\n    return np.mean(X, axis=0)\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the database's SQLAlchemy URL")
    parser.add_argument("--users", type=int, default=300, help="learners to create")
    parser.add_argument("--submissions", type=int, default=300, help="per learner")
    parser.add_argument("--reviews", type=int, default=300, help="card ratings per learner")
    parser.add_argument("--answers", type=int, default=20, help="design answers per learner")
    parser.add_argument(
        "--tests", type=int, default=33, help="test rows per judged submission (mean)"
    )
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--local", type=int, default=0, help="submissions for user 1 (local)")
    parser.add_argument("--password", default="load-test-password")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    started = time.monotonic()
    seed(args)
    print(f"seeded in {time.monotonic() - started:.1f} s")


def seed(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    now = datetime.now(UTC)
    store = open_store(args.url)  # creates and migrates
    try:
        with store.engine.begin() as conn:
            owners = _create_users(conn, args.users, args.password, now)
            plan = [(user, args.submissions) for user in owners]
            if args.local:
                plan.append((LOCAL_USER_ID, args.local))
            slugs = sorted(p.slug for p in list_problems())
            next_id = (conn.scalar(select(func.max(SubmissionRow.id))) or 0) + 1
            for user, count in plan:
                next_id = _submissions(conn, rng, user, count, slugs, args, now, next_id)
                _reviews(conn, rng, user, args.reviews, args.days, now)
                _answers(conn, rng, user, args.answers, args.days, now)
            if rebuild is not None:
                rebuild(conn)
        print(
            f"{len(owners)} learners; submissions per learner {args.submissions}; "
            f"local {args.local}; into {store.url.split('@')[-1]}"
        )
    finally:
        store.close()


def _create_users(conn: Any, count: int, password: str, now: datetime) -> list[int]:
    from mlprep.team.accounts import hasher

    if not count:
        return []
    hashed = hasher().hash(password)  # one Argon2 hash for all: hashing 300 would take a minute
    rows = [
        {
            "username": f"learner{n:03d}",
            "password_hash": hashed,
            "role": "learner",
            "created_at": now,
            "failed_logins": 0,
            "locked_until": None,
        }
        for n in range(1, count + 1)
    ]
    conn.execute(insert(UserRow), rows)
    names = [r["username"] for r in rows]
    return list(conn.scalars(select(UserRow.id).where(UserRow.username.in_(names))))


def _when(rng: random.Random, days: int, now: datetime) -> datetime:
    return now - timedelta(seconds=rng.uniform(60, days * 86400))


def _submissions(
    conn: Any,
    rng: random.Random,
    user: int,
    count: int,
    slugs: list[str],
    args: argparse.Namespace,
    now: datetime,
    next_id: int,
) -> int:
    mine = rng.sample(slugs, k=min(len(slugs), max(5, len(slugs) * 3 // 4)))
    for chunk in _chunks(range(count), CHUNK):
        submissions, tests = [], []
        for n in chunk:
            row, row_tests = _submission(rng, user, next_id, rng.choice(mine), n, args, now)
            submissions.append(row)
            tests.extend(row_tests)
            next_id += 1
        conn.execute(insert(SubmissionRow), submissions)
        for part in _chunks(tests, CHUNK * 4):
            conn.execute(insert(TestResultRow), part)
    return next_id


def _submission(
    rng: random.Random,
    user: int,
    sid: int,
    slug: str,
    n: int,
    args: argparse.Namespace,
    now: datetime,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    mode = "run" if rng.random() < 1 / 3 else "judge"
    verdict = rng.choices([v for v, _ in VERDICTS], [w for _, w in VERDICTS])[0]
    total = max(3, int(rng.gauss(args.tests, 4))) if mode == "judge" else 3
    passed = total if verdict == "accepted" else rng.randrange(total)
    row = {
        "id": sid,
        "user_id": user,
        "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
        "created_at": _when(rng, args.days, now),
        "problem": slug,
        "mode": mode,
        "verdict": verdict,
        "passed": passed,
        "total": total,
        "seconds": round(rng.uniform(0.02, 0.8), 3),
        "source": CODE.format(n=n),
        "message": "" if verdict == "accepted" else f"test {passed + 1}: values differ",
        "stdout": "",
    }
    tests = [_test(rng, user, sid, i, i < 3, i < passed) for i in range(total)]
    return row, tests


def _test(
    rng: random.Random, user: int, sid: int, index: int, sample: bool, passed: bool
) -> dict[str, Any]:
    return {
        "user_id": user,
        "submission_id": sid,
        "index": index,
        "sample": sample,
        "category": rng.choice(["basic", "ties", "empty cluster", "large offset", "random"]),
        "status": "passed" if passed else "failed",
        "seconds": round(rng.uniform(0.001, 0.05), 4),
        "message": "" if passed else "values differ at [0]",
        "name": f"case {index}",
        "input": json.dumps({"X": [[1.0, 2.0], [3.0, 4.0]]}) if sample else "",
        "expected": "[2.0, 3.0]" if sample else "",
        "actual": "[2.0, 3.0]" if sample and passed else "",
    }


def _reviews(
    conn: Any, rng: random.Random, user: int, count: int, days: int, now: datetime
) -> None:
    """``count`` ratings spread over cards of both decks, each card's FSRS state replayed."""
    import fsrs

    if not count:
        return
    scheduler = fsrs.Scheduler()
    decks = [(deck, sorted(deck.questions())) for deck in (BREADTH, DOMAIN)]
    picked = [(d, q) for d, ids in decks for q in rng.sample(ids, k=min(len(ids), 60))]
    times = sorted(_when(rng, days, now) for _ in range(count))
    cards: dict[str, tuple[Any, str, int]] = {}
    logs = []
    for at in times:
        deck, question = rng.choice(picked)
        card_id, topic = deck.card_id(question), deck.card_topic(question)
        card, _topic, reviews = cards.get(
            card_id, (fsrs.Card(card_id=zlib.crc32(card_id.encode()), due=at), topic, 0)
        )
        rating = rng.choices([1, 2, 3, 4], [15, 15, 55, 15])[0]
        card, _log = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=at)
        cards[card_id] = (card, topic, reviews + 1)
        logs.append(
            {
                "user_id": user,
                "question": card_id,
                "topic": topic,
                "reviewed_at": at,
                "rating": rating,
                "correct": None,
                "answer": "",
            }
        )
    conn.execute(insert(ReviewLogRow), logs)
    conn.execute(
        insert(ReviewCardRow),
        [
            {
                "user_id": user,
                "question": card_id,
                "topic": topic,
                "due": card.due,
                "state": card.to_json(),
                "reviews": reviews,
                "updated_at": card.last_review,
            }
            for card_id, (card, topic, reviews) in cards.items()
        ],
    )


def _answers(
    conn: Any, rng: random.Random, user: int, count: int, days: int, now: datetime
) -> None:
    from mlprep.design.bank import cases, framework

    if not count:
        return
    slugs, steps = sorted(cases()), [s.key for s in framework().steps]
    rows = [
        {
            "user_id": user,
            "session_id": None,
            "round": "design",
            "item": rng.choice(slugs),
            "part": rng.choice(steps),
            "text": "clarify the goal, then the metric, then the data",
            "auto_score": round(rng.random(), 2),
            "self_score": None,
            "created_at": _when(rng, days, now),
        }
        for _ in range(count)
    ]
    conn.execute(insert(AnswerRow), rows)


def _chunks(items: Any, size: int) -> Iterator[list[Any]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


if __name__ == "__main__":
    main()
