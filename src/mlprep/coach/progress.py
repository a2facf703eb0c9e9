"""Coding progress from the submission history: solved per group and topic, attempts, streak."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mlprep.problems import Problem
from mlprep.store import SubmissionSummary

DIFFICULTIES = ("easy", "medium", "hard")  # the order they are shown in, easiest first


@dataclass(frozen=True)
class Share:
    """``done`` out of ``total``: one bar of a chart."""

    label: str
    done: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 0.0


@dataclass
class CodingProgress:
    solved: int
    attempted: int
    problems: int
    submissions: int
    accepted_submissions: int
    streak_days: int
    by_group: list[Share] = field(default_factory=list)
    by_difficulty: list[Share] = field(default_factory=list)
    by_topic: list[Share] = field(default_factory=list)
    daily: list[tuple[date, int]] = field(default_factory=list)  # submissions per day, oldest first


def problem_status(slug: str, solved: set[str], attempted: set[str]) -> str:
    if slug in solved:
        return "solved"
    return "attempted" if slug in attempted else "new"


def coding_progress(
    problems: Iterable[Problem],
    history: Iterable[SubmissionSummary],
    today: date | None = None,
    days: int = 30,
) -> CodingProgress:
    problems = list(problems)
    history = list(history)
    today = today or datetime.now().astimezone().date()
    solved = {s.problem for s in history if s.mode == "judge" and s.accepted}
    attempted = {s.problem for s in history}
    per_day = Counter(s.created_at.astimezone().date() for s in history)
    return CodingProgress(
        solved=len(solved & {p.slug for p in problems}),
        attempted=len(attempted),
        problems=len(problems),
        submissions=len(history),
        accepted_submissions=sum(s.mode == "judge" and s.accepted for s in history),
        streak_days=_streak(set(per_day), today),
        by_group=_shares(problems, solved, lambda p: [p.meta.group]),
        by_difficulty=_shares(problems, solved, lambda p: [p.meta.difficulty], DIFFICULTIES),
        by_topic=_shares(problems, solved, lambda p: p.meta.topics),
        daily=[(d, per_day.get(d, 0)) for d in _last_days(today, days)],
    )


def _shares(
    problems: list[Problem],
    solved: set[str],
    keys: Callable[[Problem], list[str]],
    order: Sequence[str] = (),
) -> list[Share]:
    """Solved out of all per key; keys in ``order`` first in that order, the others by name."""
    total: dict[str, int] = defaultdict(int)
    done: dict[str, int] = defaultdict(int)
    for problem in problems:
        for key in keys(problem):
            total[key] += 1
            done[key] += problem.slug in solved
    rank = {key: n for n, key in enumerate(order)}
    ordered = sorted(total, key=lambda key: (rank.get(key, len(rank)), key))
    return [Share(key, done[key], total[key]) for key in ordered]


def _streak(active_days: set[date], today: date) -> int:
    """Consecutive active days ending today (or yesterday, so a streak survives until tonight)."""
    day = today if today in active_days else today - timedelta(days=1)
    streak = 0
    while day in active_days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _last_days(today: date, days: int) -> list[date]:
    return [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
