"""The problem bank: one folder per problem under ``bank/``, validated by a schema at load time.

A problem folder holds ``problem.toml`` (metadata), ``statement.md``, ``starter.py``,
``reference.py``, ``tests.py`` (hand-made edge cases and a seeded generator), an optional
``checker.py`` and ``wrong/*.py`` (plausible wrong solutions the hidden tests must reject).
"""

from mlprep.problems.cases import Case
from mlprep.problems.loader import (
    Problem,
    ProblemError,
    UnknownProblem,
    bank_dir,
    list_problems,
    load_problem,
)

__all__ = [
    "Case",
    "Problem",
    "ProblemError",
    "UnknownProblem",
    "bank_dir",
    "list_problems",
    "load_problem",
]
