"""Every problem in the bank: valid, follows the pinned contract, and its hidden tests are proven.

Proven means: the reference is accepted, and every plausible wrong solution kept in the
problem's ``wrong/`` folder is rejected, by at least one hidden test and not only by samples.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from mlprep.judge.runner import judge
from mlprep.problems import list_problems, load_problem
from mlprep.problems.loader import bank_dir
from mlprep.problems.testset import build_testset

PROBLEMS = list_problems()
SPARED = ("passed", "not_run")  # a hidden test with either status did not catch a solution
WRONG = [(p.slug, path.name) for p in PROBLEMS for path in p.wrong_solutions]
CONTRACT = Path(__file__).parents[2] / "shared" / "CONTRACT.md"
if not CONTRACT.is_file():  # outside the workplace, the copy kept in the repository
    CONTRACT = Path(__file__).parents[1] / "docs" / "contract.md"


def pinned_signatures() -> dict[str, str]:
    rows = re.findall(r"^\| (\w+) \| `([^`]+)` \|", CONTRACT.read_text(), flags=re.M)
    return dict(rows)


def test_the_seventeen_pinned_problems_exist_with_their_exact_signatures():
    text = CONTRACT.read_text()
    first, _, second = text.partition("## Pinned problems, second set")
    second = second.partition("\n## ")[0]  # up to the next section of the contract
    row = r"^\| (\w+) \| `([^`]+)` \|"
    first_set, second_set = re.findall(row, first, re.M), re.findall(row, second, re.M)
    assert (len(first_set), len(second_set)) == (10, 7)  # the ten, then the 2026 loop's seven
    pinned = pinned_signatures()
    assert len(pinned) == 17 and dict(first_set + second_set) == pinned
    bank = {p.slug: p for p in PROBLEMS}
    missing = sorted(set(pinned) - set(bank))
    assert not missing, f"pinned problems missing from the bank: {missing}"
    for slug, signature in pinned.items():
        assert bank[slug].meta.signature == signature, slug


def test_bank_has_sixty_problems_with_every_difficulty_in_every_group():
    folders = sorted(d.name for d in bank_dir().iterdir() if (d / "problem.toml").is_file())
    assert [p.slug for p in PROBLEMS] == folders, "every problem folder loads, none dropped"
    assert len(PROBLEMS) >= 60, "the README promises 60+ problems"
    levels = {(p.meta.group, p.meta.difficulty) for p in PROBLEMS}
    for group in ("algorithms", "components", "metrics", "data"):
        for difficulty in ("easy", "medium", "hard"):
            assert (group, difficulty) in levels, f"no {difficulty} problem in {group}"


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_problem_has_samples_hidden_tests_and_wrong_solutions(problem):
    hidden = [c for c in problem.cases if not problem.is_sample(c)]
    assert len(problem.meta.samples) >= 3
    assert len(hidden) >= 10
    assert len(problem.wrong_solutions) >= 3
    assert problem.statement.strip() and problem.starter.strip()


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_problem_has_hints_and_an_editorial(problem):
    assert problem.meta.hints, "hints are revealed one at a time: write at least one"
    editorial = problem.editorial or ""
    for section in ("## Idea", "## Complexity", "## Usual mistakes"):
        assert section in editorial, f"editorial.md needs a '{section}' section"


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_generator_is_deterministic(problem):
    first, second = build_testset(problem), build_testset(problem)
    for a, b in zip(first.cases, second.cases, strict=True):
        assert a.name == b.name
        for x, y in zip(a.args, b.args, strict=True):
            assert type(x) is type(y)
            assert np.array_equal(x, y, equal_nan=True) if hasattr(x, "shape") else x == y


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_reference_is_accepted(problem, worker):
    report = judge(problem, (problem.folder / "reference.py").read_bytes(), worker=worker)
    assert report.verdict == "accepted", [t.message for t in report.tests if not t.passed]


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_starter_runs_and_is_not_accepted(problem, worker):
    report = judge(problem, problem.starter.encode(), worker=worker)
    assert report.verdict == "wrong_answer"


@pytest.mark.parametrize(("slug", "wrong"), WRONG)
def test_hidden_tests_reject_each_wrong_solution(slug, wrong, worker):
    problem = load_problem(slug)
    report = judge(problem, (problem.folder / "wrong" / wrong).read_bytes(), worker=worker)
    assert report.verdict != "accepted"
    # hidden tests that ran and failed: a run stopped on a sample leaves them "not_run"
    hidden_failures = [t for t in report.tests if not t.sample and t.status not in SPARED]
    assert hidden_failures, f"{slug}/{wrong} is caught only by the samples"
