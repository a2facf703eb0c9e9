"""Verdicts and reports: what the judge tells the candidate, as data the CLI and store share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

VERDICTS = (
    "accepted",
    "wrong_answer",
    "runtime_error",
    "time_limit_exceeded",
    "memory_limit_exceeded",
    "compile_error",
    "forbidden",
)


@dataclass
class TestReport:
    """One test's outcome. Hidden tests carry no inputs, expected or actual values."""

    index: int
    sample: bool
    category: str
    status: str
    seconds: float = 0.0
    message: str = ""
    name: str = ""
    input: str = ""
    expected: str = ""
    actual: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "passed"


@dataclass
class Report:
    problem: str
    mode: str  # "run" (samples only) or "judge" (every test)
    verdict: str
    tests: list[TestReport] = field(default_factory=list)
    message: str = ""
    stdout: str = ""
    seconds: float = 0.0
    # What the candidate returned on each sample test (plain arrays and numbers), for pictures.
    sample_outputs: dict[int, tuple[Any, ...]] = field(default_factory=dict, repr=False)

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["sample_outputs"]
        data["passed"], data["total"] = self.passed, self.total
        return data


def overall_verdict(tests: list[TestReport]) -> str:
    """The first test that did not pass decides, as on LeetCode; samples come first."""
    for test in tests:
        if test.status == "not_run":
            continue
        if not test.passed:
            return test.status
    return "accepted" if tests and all(t.passed for t in tests) else "runtime_error"
