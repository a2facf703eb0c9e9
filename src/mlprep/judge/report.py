"""Verdicts and reports: what the judge tells the candidate, as data the CLI and store share."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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
# A run checks the samples only: when they all pass it has proved nothing about the hidden
# tests, so it gets a verdict of its own and never counts as accepted (progress, plan, mock).
SAMPLES_PASSED = "samples_passed"
# A run on the user's own input whose output agrees with the reference's on it.
MATCHES_REFERENCE = "matches_reference"


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
    mode: str  # "run" (samples only), "judge" (every test) or "custom" (the user's own input)
    verdict: str
    tests: list[TestReport] = field(default_factory=list)
    message: str = ""
    stdout: str = ""
    seconds: float = 0.0
    # What the candidate returned on each sample test (plain arrays and numbers), for pictures.
    sample_outputs: dict[int, tuple[Any, ...]] = field(default_factory=dict, repr=False)
    # The expected outputs of the same tests, to overlay on a failing sample's picture.
    sample_expected: dict[int, tuple[Any, ...]] = field(default_factory=dict, repr=False)

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

    @property
    def all_passed(self) -> bool:
        """Every test it ran passed: accepted when judged, samples passed when run."""
        return self.verdict in ("accepted", SAMPLES_PASSED, MATCHES_REFERENCE)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON data: every field but the samples' raw values (kept for pictures,
        and not copied: ``asdict`` would deep-copy their arrays only to drop them)."""
        data = {name: getattr(self, name) for name in _JSON_FIELDS}
        data["tests"] = [dict(vars(test)) for test in self.tests]  # flat: str, int, float, bool
        data["passed"], data["total"] = self.passed, self.total
        return data


_JSON_FIELDS = tuple(
    f.name for f in fields(Report) if f.name not in ("sample_outputs", "sample_expected")
)


def overall_verdict(tests: list[TestReport], mode: str = "judge") -> str:
    """The first test that did not pass decides, as on LeetCode; samples come first."""
    for test in tests:
        if test.status == "not_run":
            continue
        if not test.passed:
            return test.status
    if not tests or not all(t.passed for t in tests):
        return "runtime_error"
    return stored_verdict(mode, "accepted")


def verdict_label(verdict: str) -> str:
    """How a verdict reads to a person: "wrong_answer" is "Wrong answer"."""
    return verdict.replace("_", " ").capitalize()


def stored_verdict(mode: str, verdict: str) -> str:
    """The verdict as it is shown and kept: only a judged submission can be accepted."""
    if verdict != "accepted" or mode == "judge":
        return verdict
    return MATCHES_REFERENCE if mode == "custom" else SAMPLES_PASSED
