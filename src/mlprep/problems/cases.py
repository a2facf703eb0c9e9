"""A test case as a problem's ``tests.py`` declares it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    """One call of the candidate's function: positional ``args`` and a short ``category``.

    ``name`` is unique within a problem; ``problem.toml`` lists the names of the sample cases.
    The category ("ties", "empty cluster", "large offset", ...) is what a hidden test reveals.
    """

    name: str
    args: tuple[Any, ...]
    category: str = "general"
    note: str = field(default="", compare=False)
