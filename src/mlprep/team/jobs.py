"""Job rows: the database is the truth about every submission sent to the team's workers.

The worker's functions (:func:`claim`, :func:`progress`, :func:`finish`, :func:`stale`,
:func:`touch`) act on any user's job by id, through Core statements on the store's Core
connections (``reading_one``, ``writing_one``, ``transaction``: the store's per-user filter does
not touch them); the web's (:func:`create`, :func:`get`) only on the store's own user's, which
their statements name.

The web process writes the row and commits before enqueueing (:func:`create`), so a job the
broker lost is found again by :func:`stale` and sent again. Workers change a row only through
:func:`claim` (one more attempt), :func:`progress` and :func:`finish`, which stores the
submission in the same transaction as an ``UPDATE jobs ... WHERE state != 'done'``: only one
delivery of a job can take that row, so a job judged twice is stored once. A custom run (mode
"custom": the user's own input, kept in the row) ends with its report and stores no submission,
as on the single-user server: it is an experiment, not an attempt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, column, func, insert, select, true, update

from mlprep.store import Store, summaries
from mlprep.store.db import submission_columns
from mlprep.store.models import JobRow, ProblemStatsRow, SubmissionRow, TestResultRow
from mlprep.store.outbox import complete_record

MAX_ATTEMPTS = 3  # deliveries judged; the next one ends the job as an internal error
INTERNAL_ERROR = "internal error, not your code: judging this submission kept failing"


@dataclass(frozen=True)
class Claim:
    """What a worker needs to judge one job, or ``give_up`` when it is past the attempt cap."""

    id: int
    user_id: int
    problem: str
    mode: str
    code: str
    attempts: int
    custom_input: str | None = None  # a custom run's arguments, as the user wrote them (JSON)

    @property
    def give_up(self) -> bool:
        return self.attempts > MAX_ATTEMPTS

    @property
    def is_submission(self) -> bool:
        """Whether its report is stored as a submission: a custom run's is not."""
        return self.mode != "custom"


def _now() -> datetime:
    return datetime.now(UTC)


# What the API shows of a job (``JobView``), read as one Core row: no ORM object per read.
_SHOWN = (
    JobRow.id,
    JobRow.problem,
    JobRow.mode,
    JobRow.state,
    JobRow.done_tests,
    JobRow.total_tests,
    JobRow.report,
    JobRow.submission_id,
    JobRow.error,
    JobRow.version,
)


# The statements a job's life runs, built once: a statement made afresh per call costs the worker
# and the web process more than PostgreSQL takes to run it. Parameters are named ``p_*``: an
# UPDATE's bound parameters may not take the names of the columns it sets.
_CREATE = insert(JobRow).returning(*_SHOWN)
_GET = select(*_SHOWN).where(JobRow.id == bindparam("p_job"), JobRow.user_id == bindparam("p_user"))
_NOT_DONE = (JobRow.id == bindparam("p_job"), JobRow.state != "done")
# The claim leaves the version alone: a long poll wakes for the first progress (a job judged
# for PROGRESS_EVERY) or the verdict, not for "running" alone, which would cost every waiting
# learner one more request and every web process one more notification per job.
_CLAIM = (
    update(JobRow)
    .where(*_NOT_DONE)
    .values(state="running", attempts=JobRow.attempts + 1, updated_at=bindparam("p_now"))
    .returning(
        JobRow.id,
        JobRow.user_id,
        JobRow.problem,
        JobRow.mode,
        JobRow.code,
        JobRow.attempts,
        JobRow.custom_input,
    )
)
_PROGRESS = (
    update(JobRow)
    .where(JobRow.id == bindparam("p_job"), JobRow.state == "running")
    .values(
        done_tests=bindparam("p_done"),
        total_tests=bindparam("p_total"),
        version=JobRow.version + 1,
        updated_at=bindparam("p_now"),
    )
)
_DONE = {
    "state": "done",
    "report": bindparam("p_report"),
    "error": bindparam("p_error"),
    "done_tests": bindparam("p_total"),
    "total_tests": bindparam("p_total"),
    "version": JobRow.version + 1,
    "updated_at": bindparam("p_now"),
}
_FINISH = update(JobRow).where(*_NOT_DONE).values(**_DONE, submission_id=bindparam("p_submission"))
_INSERT_SUBMISSION = insert(SubmissionRow)
_INSERT_TESTS = insert(TestResultRow)
_OWNED = {"id", "submission_id", "user_id"}  # columns of a submission or test row not in the report


# PostgreSQL stores a judged submission in one statement, so one round trip committed on its
# own (:func:`finish`): data-modifying CTEs. ``taken``, the job's ``UPDATE ... WHERE state !=
# 'done'``, takes the row and draws the submission's id from its sequence; ``stored`` (the
# submission: ``s_*`` parameters), ``tests`` (its test rows) and ``stats`` (its problem_stats
# counts: ``c_*``) insert from what that returned, so a delivery that finds the job done inserts
# nothing. The statement selects the submission's id, or no row. The test rows come as one JSON
# text parameter (``p_rows``) unpacked by ``json_to_recordset``: an executemany of the rows cost
# the worker's thread almost three times the CPU (0.28 against 0.84 ms for 22 rows,
# docs/team.md), and the whole finish in one statement took its CPU from 1.45 to 1.09 ms.
_TEST_VALUES = [c for c in TestResultRow.__table__.columns if c.name not in _OWNED]
_TESTS_IN_JSON = (
    func.json_to_recordset(bindparam("p_rows"))
    .table_valued(*(column(c.name, c.type) for c in _TEST_VALUES))
    .render_derived(with_types=True)
)
_NEXT_SUBMISSION_ID = func.nextval(func.pg_get_serial_sequence(SubmissionRow.__tablename__, "id"))
_TAKEN = (
    update(JobRow)
    .where(*_NOT_DONE)
    .values(**_DONE, submission_id=_NEXT_SUBMISSION_ID)
    .returning(JobRow.submission_id, JobRow.user_id)
    .cte("taken")
)
_SUBMISSION_VALUES = [c for c in SubmissionRow.__table__.columns if c.name not in _OWNED]
_STORED = (
    insert(SubmissionRow)
    .from_select(
        ["id", "user_id", *(c.name for c in _SUBMISSION_VALUES)],
        select(
            _TAKEN.c.submission_id,
            _TAKEN.c.user_id,
            *(bindparam(f"s_{c.name}", type_=c.type) for c in _SUBMISSION_VALUES),
        ),
    )
    .returning(SubmissionRow.id, SubmissionRow.user_id)
    .cte("stored")
)
_STORED_TESTS = (
    insert(TestResultRow)
    .from_select(
        ["submission_id", "user_id", *(c.name for c in _TEST_VALUES)],
        select(_STORED.c.id, _STORED.c.user_id, *(_TESTS_IN_JSON.c[c.name] for c in _TEST_VALUES))
        .select_from(_STORED)
        .join(_TESTS_IN_JSON, true()),
    )
    .cte("tests")
)
_STORED_COUNTS = summaries.upsert_selected(
    select(
        *(bindparam(f"c_{c.name}", type_=c.type) for c in ProblemStatsRow.__table__.columns)
    ).select_from(_STORED)
).cte("stats")
_FINISH_AND_STORE = select(_STORED.c.id).add_cte(_STORED_TESTS, _STORED_COUNTS)


def public(row: Any) -> dict[str, Any]:
    """The job as the API shows it (``JobView``), from a row with the :data:`_SHOWN` columns."""
    return {
        "id": str(row.id),
        "problem": row.problem,
        "mode": row.mode,
        "state": row.state,
        "done_tests": row.done_tests,
        "total_tests": row.total_tests,
        "report": None if row.report is None else json.loads(row.report),
        "submission_id": row.submission_id,
        "error": row.error,
        "picture": False,  # pictures are drawn by the single-user server only
        "version": row.version,
    }


def create(
    store: Store, problem: str, mode: str, code: str, custom_input: str | None = None
) -> dict[str, Any]:
    """Write a queued job for ``store``'s user, committed when this returns; its public view.
    ``custom_input`` is a custom run's arguments (JSON text), already checked by the caller."""
    now = _now()
    values = {
        "user_id": store.user_id,
        "problem": problem,
        "mode": mode,
        "code": code,
        "custom_input": custom_input,  # the rest start at the columns' defaults
        "created_at": now,
        "updated_at": now,
    }
    with store.writing_one() as connection:  # one INSERT, committed on its own
        row = connection.execute(_CREATE, values).one()
    return public(row)  # committed: only now may it be enqueued or answered


def job_number(job_id: str | int) -> int | None:
    """The row id a job id names, or None when it names none (not a number, out of range)."""
    try:
        number = int(job_id)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def get(store: Store, job_id: str | int) -> dict[str, Any] | None:
    """One of ``store``'s user's jobs, or None (another user's job is not found either)."""
    number = job_number(job_id)
    if number is None:
        return None
    with store.reading_one() as connection:  # every long poll reads it: one round trip
        row = connection.execute(_GET, {"p_job": number, "p_user": store.user_id}).first()
    return None if row is None else public(row)


def claim(store: Store, job_id: int) -> Claim | None:
    """Count one more delivery of ``job_id`` and mark it running; None if it is done (or gone)."""
    with store.writing_one() as connection:  # one UPDATE ... RETURNING, committed on its own
        done = connection.execute(_CLAIM, {"p_job": job_id, "p_now": _now()}).first()
    return None if done is None else Claim(*done)


def progress(store: Store, job_id: int, done_tests: int, total_tests: int) -> None:
    """Test ``done_tests`` of ``total_tests`` is judged (a row already done is left alone)."""
    values = {"p_job": job_id, "p_done": done_tests, "p_total": total_tests, "p_now": _now()}
    with store.writing_one() as connection:
        connection.execute(_PROGRESS, values)


class _AlreadyDone(Exception):
    """Another delivery of the job stored it first: this one's transaction is rolled back."""


def finish(
    store: Store, claim: Claim, report: dict[str, Any] | None, error: str = ""
) -> int | None:
    """End the job: store the submission (when there is a report) and mark the row done, in one
    transaction; returns the submission's id, or None when the job was already done (a
    redelivered job judged again) or there was nothing to store (no report, or a custom run).

    Only a row not yet done can be taken (``UPDATE jobs ... WHERE state != 'done'``); a delivery
    that finds it taken stores nothing. On PostgreSQL a submission is stored in one statement
    (:data:`_FINISH_AND_STORE`), plus the ``failing_stats`` of a wrong one in its transaction;
    elsewhere the submission and its test rows go in first, then the UPDATE points the job at
    them, and a delivery that finds the row taken rolls all of it back.
    """
    values = {
        "p_job": claim.id,
        "p_report": None if report is None else json.dumps(report),
        "p_error": error,
        "p_total": 0 if report is None else report["total"],
        "p_now": _now(),
    }
    if report is None or not claim.is_submission:
        with store.writing_one() as connection:
            connection.execute(_FINISH, {**values, "p_submission": None})
        return None
    record = complete_record({"source": claim.code, "report": report})
    submission, tests = submission_columns(record)
    submission["user_id"] = claim.user_id
    if store.engine.dialect.name == "postgresql":
        return _store_on_postgresql(store, values, submission, tests)
    return _store_on_sqlite(store, values, submission, tests)


def _store_on_postgresql(
    store: Store, values: dict[str, Any], submission: dict[str, Any], tests: list[dict[str, Any]]
) -> int | None:
    """:func:`finish` of a submission on PostgreSQL: one statement, or two in one transaction
    for a wrong one (its ``failing_stats`` count its test rows, once inserted)."""
    parameters = {
        **values,
        **{f"s_{c.name}": submission[c.name] for c in _SUBMISSION_VALUES},
        **{f"c_{name}": value for name, value in summaries.counts_of(submission).items()},
        "p_rows": json.dumps(tests),
    }
    wrong = summaries.is_wrong(submission["mode"], submission["verdict"])
    with store.transaction() if wrong else store.writing_one() as connection:
        stored = connection.execute(_FINISH_AND_STORE, parameters).scalar()
        if stored is not None and wrong:
            summaries.add_failing(connection, [stored])
    return stored


def _store_on_sqlite(
    store: Store, values: dict[str, Any], submission: dict[str, Any], tests: list[dict[str, Any]]
) -> int | None:
    """:func:`finish` of a submission on SQLite, in one transaction: the submission and its test
    rows (an executemany, which is C there) go in first, then the UPDATE points the job at them
    and the summaries count it; a delivery that finds the row taken rolls all of it back."""
    try:
        with store.transaction() as connection:
            inserted = connection.execute(_INSERT_SUBMISSION, submission)
            stored = {**submission, "id": inserted.inserted_primary_key[0]}
            if tests:
                owned = {"submission_id": stored["id"], "user_id": stored["user_id"]}
                connection.execute(_INSERT_TESTS, [{**test, **owned} for test in tests])
            taken = connection.execute(_FINISH, {**values, "p_submission": stored["id"]})
            if taken.rowcount != 1:
                raise _AlreadyDone
            summaries.add_submissions(connection, [stored])
    except _AlreadyDone:
        return None
    return stored["id"]


def internal_error_report(claim: Claim) -> dict[str, Any]:
    """The verdict of a job that kept failing: no test ran, and it says it was not the code."""
    return {
        "problem": claim.problem,
        "mode": claim.mode,
        "verdict": "internal_error",
        "passed": 0,
        "total": 0,
        "seconds": 0.0,
        "message": INTERNAL_ERROR,
        "stdout": "",
        "tests": [],
    }


def stale(store: Store, grace: float, limit: int = 1000) -> list[int]:
    """Jobs not done whose last change is older than ``grace`` seconds, oldest first (any user)."""
    cutoff = _now() - timedelta(seconds=grace)
    with store.reading() as session:
        return list(
            session.connection().scalars(
                select(JobRow.id)
                .where(JobRow.state != "done", JobRow.updated_at < cutoff)
                .order_by(JobRow.updated_at)
                .limit(limit)
            )
        )


def touch(store: Store, job_ids: list[int]) -> None:
    """Mark jobs as just sent again, so the next sweep leaves them alone for a grace period."""
    if not job_ids:
        return
    with store.writing_one() as connection:
        connection.execute(
            update(JobRow)
            .where(JobRow.id.in_(job_ids), JobRow.state != "done")
            .values(updated_at=_now())
        )
