"""What the store hands out: plain, immutable copies of stored rows, detached from any session.

Standard library only, so callers can name these types without importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, TypeVar

Record = TypeVar("Record")


def from_row(cls: type[Record], row: Any, **overrides: Any) -> Record:
    """A frozen record of ``cls`` copied from an ORM row's same-named columns.

    ``overrides`` supply the fields that are not plain copies (decoded JSON, child rows).
    """
    values = {f.name: getattr(row, f.name) for f in fields(cls) if f.name not in overrides}
    return cls(**values, **overrides)


@dataclass(frozen=True)
class TestResult:
    """One test of a stored submission. Hidden tests carry no input, expected or actual values."""

    __test__ = False  # not a pytest test class, despite the name

    index: int
    sample: bool
    category: str
    status: str
    seconds: float
    message: str
    name: str
    input: str
    expected: str
    actual: str

    @property
    def passed(self) -> bool:
        return self.status == "passed"


@dataclass(frozen=True)
class SubmissionSummary:
    """One line of the history: a submission without its code, output or tests."""

    id: int
    uid: str
    created_at: datetime  # timezone-aware, UTC
    problem: str
    mode: str
    verdict: str
    passed: int
    total: int
    seconds: float
    message: str

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"


@dataclass(frozen=True)
class Submission(SubmissionSummary):
    """A submission in full: code, captured output and every test, in test order."""

    source: str
    stdout: str
    tests: tuple[TestResult, ...]


@dataclass(frozen=True)
class ProblemStats:
    """One user's submissions to one problem, summed up (the ``problem_stats`` summary)."""

    problem: str
    submissions: int  # every mode
    judged: int
    accepted: int  # judged and accepted
    first_at: datetime
    last_at: datetime
    first_accepted_at: datetime | None
    last_accepted_at: datetime | None

    @property
    def solved(self) -> bool:
        return self.accepted > 0
