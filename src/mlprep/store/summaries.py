"""Materialised summaries of the submissions, so that pages read a few rows instead of all.

``problem_stats`` holds one row per (user, problem): how many submissions, judged ones and
accepted ones, and the first and last of each. :func:`count_new_submissions` runs after every
flush of a store session that inserted submissions and adds them with one upsert per (user,
problem), on the flush's own connection, so the summary commits or rolls back with the
submissions themselves: no crash can leave the two apart. A team worker, which inserts its
submission with Core statements (no ORM flush), calls :func:`add_submissions` itself in the
same transaction. :func:`rebuild` recounts from
``submissions`` (for bulk loads that bypass the ORM, and to check); migration 0006 backfilled
existing databases the same way.

``failing_stats`` holds one row per (user, problem, hidden-test category): how many of the
user's wrong ``judge`` submissions to the problem failed at least one hidden test of that
category (a test not run failed nothing). The same hook adds a flush's wrong submissions to it
with one ``INSERT ... SELECT ... ON CONFLICT`` over their own test rows, so the instructor's
cohort table sums a few summary rows instead of joining every test row; migration
0009_failing_stats backfilled it.

Windowed questions (submissions per day of the last month, per week of the last eight; was
there any on each day of a streak) are answered by :func:`counts_between` and
:func:`active_between`: one query, one range of the (user_id, created_at) index per window.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from mlprep.store.models import FailingStatsRow, ProblemStatsRow, SubmissionRow, TestResultRow
from mlprep.store.records import ProblemStats, from_row

if TYPE_CHECKING:
    from mlprep.store.db import Store

_STATS = ProblemStatsRow.__table__
_SUBMISSIONS = SubmissionRow.__table__
_FAILING = FailingStatsRow.__table__
_TESTS = TestResultRow.__table__
NOT_FAILED = ("passed", "not_run")  # a test not run failed nothing itself


# What the summaries need of a submission (a row's attributes, or a Core insert's values).
COUNTED = ("id", "user_id", "problem", "mode", "verdict", "created_at")


def count_new_submissions(session: Session, _flush_context: Any) -> None:
    """Add the submissions this flush inserted to the summaries (an ``after_flush`` hook)."""
    fresh = [
        {name: getattr(row, name) for name in COUNTED}
        for row in session.new
        if isinstance(row, SubmissionRow)
    ]
    if fresh:
        add_submissions(session.connection(), fresh)


def add_submissions(connection: Connection, fresh: Sequence[Mapping[str, Any]]) -> None:
    """Add submissions just inserted (their :data:`COUNTED` values), and their test rows, to
    ``problem_stats`` and ``failing_stats``, on ``connection``, in its transaction: one upsert
    per (user, problem), one ``INSERT ... SELECT`` for the wrong ones."""
    grouped: dict[tuple[int, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in fresh:
        grouped[(row["user_id"], row["problem"])].append(row)
    connection.execute(
        _upsert(connection.dialect.name),
        [_summed(user_id, problem, rows) for (user_id, problem), rows in grouped.items()],
    )
    add_failing(connection, [row["id"] for row in fresh if is_wrong(row["mode"], row["verdict"])])


def add_failing(connection: Connection, ids: Sequence[int]) -> None:
    """Add the wrong submissions ``ids`` (their test rows inserted) to ``failing_stats``."""
    if ids:
        connection.execute(_add_failing_of(connection.dialect.name), {"ids": list(ids)})


def counts_of(submission: Mapping[str, Any]) -> dict[str, Any]:
    """The ``problem_stats`` values one submission (its :data:`COUNTED` values) adds."""
    return _summed(submission["user_id"], submission["problem"], [submission])


def _summed(user_id: int, problem: str, rows: list[Mapping[str, Any]]) -> dict[str, Any]:
    times = [row["created_at"] for row in rows]
    accepted = [row["created_at"] for row in rows if _is_accepted(row["mode"], row["verdict"])]
    return {
        "user_id": user_id,
        "problem": problem,
        "submissions": len(rows),
        "judged": sum(row["mode"] == "judge" for row in rows),
        "accepted": len(accepted),
        "first_at": min(times),
        "last_at": max(times),
        "first_accepted_at": min(accepted, default=None),
        "last_accepted_at": max(accepted, default=None),
    }


def _is_accepted(mode: str, verdict: str) -> bool:
    return mode == "judge" and verdict == "accepted"


def is_wrong(mode: str, verdict: str) -> bool:
    """Whether a submission counts in ``failing_stats``: a judged one not accepted."""
    return mode == "judge" and verdict != "accepted"


def dialect_insert(dialect: str) -> Any:
    """The dialect's ``insert``, which has ON CONFLICT: atomic under concurrent writers on
    PostgreSQL (the conflicting row is locked), serialised on SQLite."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - the store supports these two
        raise NotImplementedError(f"no upsert for {dialect}")
    return insert


@functools.cache  # built once: the worker stores a submission per job
def _upsert(dialect: str) -> Any:
    """INSERT ... ON CONFLICT (user_id, problem) DO UPDATE adding the new counts."""
    return _adding_up(dialect_insert(dialect)(_STATS))


def upsert_selected(counted: Select) -> Any:
    """PostgreSQL's :func:`_upsert` of the rows ``counted`` selects (the ``problem_stats``
    columns, in order): a team worker stores a submission and its counts in one statement."""
    columns = [c.name for c in _STATS.c]
    return _adding_up(dialect_insert("postgresql")(_STATS).from_select(columns, counted))


def _adding_up(statement: Any) -> Any:
    new, old = statement.excluded, _STATS.c
    return statement.on_conflict_do_update(
        index_elements=[old.user_id, old.problem],
        set_={
            "submissions": old.submissions + new.submissions,
            "judged": old.judged + new.judged,
            "accepted": old.accepted + new.accepted,
            "first_at": _earlier(old.first_at, new.first_at),
            "last_at": _later(old.last_at, new.last_at),
            "first_accepted_at": _earlier(old.first_accepted_at, new.first_accepted_at),
            "last_accepted_at": _later(old.last_accepted_at, new.last_accepted_at),
        },
    )


def _earlier(old: ColumnElement, new: ColumnElement) -> ColumnElement:
    # NULL is "none yet" (no accepted submission), never "earliest".
    return case((old.is_(None), new), (new.is_not(None) & (new < old), new), else_=old)


def _later(old: ColumnElement, new: ColumnElement) -> ColumnElement:
    return case((old.is_(None), new), (new.is_not(None) & (new > old), new), else_=old)


def _failing_counts() -> Select:
    """Per (user, problem, category): the wrong ``judge`` submissions that failed a hidden test
    of that category, each counted once (the ``failing_stats`` columns, in order)."""
    s, t = _SUBMISSIONS.c, _TESTS.c
    return (
        select(s.user_id, s.problem, t.category, func.count(t.submission_id.distinct()))
        .select_from(
            _SUBMISSIONS.join(_TESTS, (t.submission_id == s.id) & (t.user_id == s.user_id))
        )
        .where(
            s.mode == "judge",
            s.verdict != "accepted",
            t.sample.is_(False),
            t.status.not_in(NOT_FAILED),
        )
        .group_by(s.user_id, s.problem, t.category)
    )


@functools.cache
def _add_failing_of(dialect: str) -> Any:
    """:func:`_add_failing` of the submissions whose ids are bound as ``ids``."""
    fresh = _failing_counts().where(_SUBMISSIONS.c.id.in_(bindparam("ids", expanding=True)))
    return _add_failing(dialect, fresh)


def _add_failing(dialect: str, counted: Select) -> Any:
    """INSERT ... SELECT ``counted`` ON CONFLICT (user_id, problem, category) adding them up.

    ``counted`` has a WHERE clause, which SQLite needs to tell its ON CONFLICT from a join's ON.
    """
    columns = [c.name for c in _FAILING.c]
    statement = dialect_insert(dialect)(_FAILING).from_select(columns, counted)
    old = _FAILING.c
    return statement.on_conflict_do_update(
        index_elements=[old.user_id, old.problem, old.category],
        set_={"submissions": old.submissions + statement.excluded.submissions},
    )


def rebuild(connection: Connection, user_id: int | None = None) -> None:
    """Recount ``problem_stats`` and ``failing_stats`` from ``submissions`` and their test rows
    (every user's, or one's), in SQL."""
    accepted = (_SUBMISSIONS.c.mode == "judge") & (_SUBMISSIONS.c.verdict == "accepted")
    when_accepted = case((accepted, _SUBMISSIONS.c.created_at))
    counted = select(
        _SUBMISSIONS.c.user_id,
        _SUBMISSIONS.c.problem,
        func.count(),
        func.coalesce(func.sum(case((_SUBMISSIONS.c.mode == "judge", 1), else_=0)), 0),
        func.coalesce(func.sum(case((accepted, 1), else_=0)), 0),
        func.min(_SUBMISSIONS.c.created_at),
        func.max(_SUBMISSIONS.c.created_at),
        func.min(when_accepted),
        func.max(when_accepted),
    ).group_by(_SUBMISSIONS.c.user_id, _SUBMISSIONS.c.problem)
    clear = delete(_STATS)
    if user_id is not None:
        counted = counted.where(_SUBMISSIONS.c.user_id == user_id)
        clear = clear.where(_STATS.c.user_id == user_id)
    connection.execute(clear)
    columns = [c.name for c in _STATS.c]
    connection.execute(insert(_STATS).from_select(columns, counted))
    failing, clear_failing = _failing_counts(), delete(_FAILING)
    if user_id is not None:
        failing = failing.where(_SUBMISSIONS.c.user_id == user_id)
        clear_failing = clear_failing.where(_FAILING.c.user_id == user_id)
    connection.execute(clear_failing)
    connection.execute(insert(_FAILING).from_select([c.name for c in _FAILING.c], failing))


def problem_stats(store: Store) -> list[ProblemStats]:
    """``store``'s user's summary row of every problem they submitted to, by slug."""
    query = (
        select(ProblemStatsRow)
        .where(ProblemStatsRow.user_id == store.user_id)
        .order_by(ProblemStatsRow.problem)
    )
    with store.reading() as session:
        return [from_row(ProblemStats, row) for row in session.scalars(query)]


def accepted_times(store: Store, ends: Sequence[datetime]) -> dict[str, tuple[datetime, ...]]:
    """Per problem, ``store``'s user's latest accepted judged submission before each of ``ends``
    (each once, oldest first); problems without one before any end are left out.

    One query: per problem of ``problem_stats`` ever accepted, one correlated subquery per end,
    each one step of the (user_id, problem, mode, verdict, created_at) index, so the cost
    follows the problems and the ends, not the history.
    """
    if not ends:
        return {}
    with store.reading() as session:
        rows = session.execute(_latest_accepted(len(ends)), _bound(store, ends)).all()
    times = {problem: sorted({t for t in found if t is not None}) for problem, *found in rows}
    return {problem: tuple(found) for problem, found in times.items() if found}


def counts_between(store: Store, edges: Sequence[datetime]) -> list[int]:
    """How many of ``store``'s user's submissions fall in each ``[edges[i], edges[i + 1])``.

    One query of one scalar subquery per window: each counts a range of the (user_id,
    created_at) index, so the cost follows the windows' rows, not the whole history.
    """
    return [int(n) for n in _per_window(store, edges, count=True)]


def active_between(store: Store, edges: Sequence[datetime]) -> list[bool]:
    """Whether ``store``'s user submitted anything in each ``[edges[i], edges[i + 1])``: one
    index probe per window, however many submissions it holds."""
    return [bool(found) for found in _per_window(store, edges, count=False)]


def _per_window(store: Store, edges: Sequence[datetime], *, count: bool) -> list[Any]:
    if len(edges) < 2:
        return []
    statement = _windows(len(edges) - 1, count)
    with store.reading() as session:
        return list(session.execute(statement, _bound(store, edges)).one())


# The statements below are built once per shape (how many windows or ends) with bound
# parameters, then reused: building a few dozen subqueries took longer than running them.


def _bound(store: Store, moments: Sequence[datetime]) -> dict[str, Any]:
    return {"user_id": store.user_id, **{f"at{n}": at for n, at in enumerate(moments)}}


@functools.lru_cache(maxsize=64)
def _windows(windows: int, count: bool) -> Select:
    """One column per window ``[at{n}, at{n + 1})``: its count, or whether it has any row."""
    created = SubmissionRow.created_at

    def window(n: int) -> Any:
        mine = (
            (SubmissionRow.user_id == bindparam("user_id"))
            & (created >= bindparam(f"at{n}"))
            & (created < bindparam(f"at{n + 1}"))
        )
        return select(func.count()).where(mine).scalar_subquery() if count else exists().where(mine)

    return select(*(window(n) for n in range(windows)))


@functools.lru_cache(maxsize=64)
def _latest_accepted(ends: int) -> Select:
    """Per problem ever accepted: one column per end ``at{n}``, its latest accepted judge before."""
    stats, mine = ProblemStatsRow, SubmissionRow

    def latest_before(n: int) -> Any:
        return (
            select(mine.created_at)
            .where(
                mine.user_id == stats.user_id,
                mine.problem == stats.problem,
                mine.mode == "judge",
                mine.verdict == "accepted",
                mine.created_at < bindparam(f"at{n}"),
            )
            .order_by(mine.created_at.desc())
            .limit(1)
            .scalar_subquery()
        )

    return select(stats.problem, *(latest_before(n) for n in range(ends))).where(
        stats.user_id == bindparam("user_id"), stats.accepted > 0
    )


__all__ = [
    "NOT_FAILED",
    "COUNTED",
    "accepted_times",
    "active_between",
    "add_submissions",
    "count_new_submissions",
    "counts_between",
    "dialect_insert",
    "problem_stats",
    "rebuild",
]
