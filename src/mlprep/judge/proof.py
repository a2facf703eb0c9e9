"""Prove a problem's tests: the reference passes, the starter does not, and every kept wrong
solution is rejected by at least one hidden test. What ``mlprep check-problem`` reports."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mlprep.judge.report import Report
from mlprep.judge.runner import judge
from mlprep.judge.worker import Worker
from mlprep.problems import Problem, ProblemError
from mlprep.problems.testset import build_testset

MIN_SAMPLES, MIN_HIDDEN, MIN_WRONG, MIN_HINTS = 3, 10, 3, 1
# A statement shows its input, its output and a worked example (the samples start from it).
STATEMENT_SECTIONS = (("## Input",), ("## Output",), ("## Example", "## Examples"))


@dataclass
class WrongResult:
    name: str
    verdict: str
    hidden_failures: int

    @property
    def caught(self) -> bool:
        return self.verdict != "accepted" and self.hidden_failures > 0


@dataclass
class Proof:
    slug: str
    problems: list[str] = field(default_factory=list)  # what is wrong, in words
    wrong: list[WrongResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(w.caught for w in self.wrong)


def prove(problem: Problem, worker: Worker) -> Proof:
    proof = Proof(problem.slug)
    try:
        _check_content(problem, proof)
        _check_deterministic(problem, proof)
    except ProblemError as exc:
        proof.problems.append(str(exc))
        return proof
    reference = _judge_file(problem, problem.folder / "reference.py", worker)
    if not reference.accepted:
        proof.problems.append(f"the reference is not accepted: {reference.verdict}")
    if judge(problem, problem.starter.encode(), worker=worker).accepted:
        proof.problems.append("the starter code is accepted")
    for path in problem.wrong_solutions:
        report = _judge_file(problem, path, worker)
        hidden = sum(not t.sample and not t.passed for t in report.tests)
        proof.wrong.append(WrongResult(path.name, report.verdict, hidden))
    return proof


def _judge_file(problem: Problem, path, worker: Worker) -> Report:
    return judge(problem, path.read_bytes(), worker=worker)


def _check_content(problem: Problem, proof: Proof) -> None:
    hidden = [c for c in problem.cases if not problem.is_sample(c)]
    counts = {
        "sample tests": (len(problem.meta.samples), MIN_SAMPLES),
        "hidden tests": (len(hidden), MIN_HIDDEN),
        "wrong solutions": (len(problem.wrong_solutions), MIN_WRONG),
        "hints": (len(problem.meta.hints), MIN_HINTS),
    }
    for what, (have, need) in counts.items():
        if have < need:
            proof.problems.append(f"{have} {what}; at least {need} needed")
    if not problem.editorial:
        proof.problems.append("no editorial.md")
    headings = {line.strip() for line in problem.statement.splitlines() if line.startswith("## ")}
    for needed in STATEMENT_SECTIONS:
        if not headings & set(needed):
            proof.problems.append(f"statement.md has no '{needed[0]}' section")


def _check_deterministic(problem: Problem, proof: Proof) -> None:
    """Two builds of the test set must agree exactly, inputs and expected outputs."""
    first, second = build_testset(problem), build_testset(problem)
    same_inputs = bytes(first.packed_inputs[0]) == bytes(second.packed_inputs[0])
    same_outputs = all(
        _same(a, b)
        for one, other in zip(first.expected, second.expected, strict=True)
        for a, b in zip(one, other, strict=True)
    )
    if not (same_inputs and same_outputs):
        proof.problems.append("the test generator or the reference is not deterministic")


def _same(a: object, b: object) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(a, b, equal_nan=True)
    return a == b or (a != a and b != b)  # NaN equals NaN here


def kill_rate(proofs: list[Proof]) -> tuple[int, int]:
    wrong = [w for p in proofs for w in p.wrong]
    return sum(w.caught for w in wrong), len(wrong)
