"""Coding progress from the submission history: solved per group and topic, attempts, streak.

The figures rest on :class:`CodingFacts`: per-problem first-solved times, the problems tried,
the first submission, the total and the counts per day or week window. :meth:`CodingFacts.load`
reads them from the store's ``problem_stats`` summary and windowed counts (a few rows, whatever
the history's size); :meth:`CodingFacts.from_history` computes the same from submission rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from mlprep.problems import Problem
from mlprep.store import SubmissionSummary

if TYPE_CHECKING:
    from mlprep.store import Store

HISTORY_LIMIT = 1_000_000
STREAK_CHUNK_DAYS = 30  # the streak is read back this many days per query
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


@dataclass(frozen=True)
class CodingFacts:
    """What the coding figures rest on, as of ``now``, with ``windows`` counted between edges.

    ``counts[i]`` is the number of submissions in ``[edges[i], edges[i + 1])``, and
    ``accepted_times`` holds, per problem, its latest accepted judge before each window's end
    (``edges[1:]``): all that the recency of a solution at each window's end needs, however
    many accepted submissions came before.
    """

    first_solved: dict[str, datetime]  # problem -> its first accepted judge
    # problem -> its latest accepted judge before each window's end, oldest first, once each
    accepted_times: dict[str, tuple[datetime, ...]]
    attempted: frozenset[str]
    first_at: datetime | None  # the first submission
    total: int
    accepted: int  # accepted judge submissions
    edges: tuple[datetime, ...]
    counts: tuple[int, ...]

    @classmethod
    def from_history(
        cls, history: Iterable[SubmissionSummary], now: datetime, edges: Iterable[datetime] = ()
    ) -> CodingFacts:
        """From submission rows (those after ``now`` left out)."""
        history = sorted((s for s in history if s.created_at <= now), key=lambda s: s.created_at)
        accepted: dict[str, list[datetime]] = defaultdict(list)
        for s in history:
            if s.mode == "judge" and s.accepted:
                accepted[s.problem].append(s.created_at)
        edges = tuple(edges)
        latest = {problem: _latest_before(times, edges[1:]) for problem, times in accepted.items()}
        counts = tuple(
            sum(low <= s.created_at < high for s in history)
            for low, high in zip(edges, edges[1:], strict=False)
        )
        return cls(
            first_solved={problem: times[0] for problem, times in accepted.items()},
            accepted_times={problem: times for problem, times in latest.items() if times},
            attempted=frozenset(s.problem for s in history),
            first_at=history[0].created_at if history else None,
            total=len(history),
            accepted=sum(s.mode == "judge" and s.accepted for s in history),
            edges=edges,
            counts=counts,
        )

    @classmethod
    def load(
        cls, store: Store, now: datetime, edges: Iterable[datetime] = (), *, recency: bool = True
    ) -> CodingFacts:
        """From ``store``'s summaries: one summary row per problem tried, one windowed count.

        A history with submissions after ``now`` (a clock set back, a test's fixed clock) is
        read row by row instead, since the summaries cannot leave those out. Without
        ``recency``, ``accepted_times`` is left empty: the coding progress never reads it.
        """
        from mlprep.store.summaries import accepted_times, counts_between, problem_stats

        stats = problem_stats(store)
        if any(s.last_at > now for s in stats):
            return cls.from_history(store.history(limit=HISTORY_LIMIT), now, edges)
        edges = tuple(edges)
        return cls(
            first_solved={s.problem: s.first_accepted_at for s in stats if s.first_accepted_at},
            accepted_times=accepted_times(store, edges[1:]) if recency else {},
            attempted=frozenset(s.problem for s in stats),
            first_at=min((s.first_at for s in stats), default=None),
            total=sum(s.submissions for s in stats),
            accepted=sum(s.accepted for s in stats),
            edges=edges,
            counts=tuple(counts_between(store, edges)),
        )


def _latest_before(times: Sequence[datetime], ends: Sequence[datetime]) -> tuple[datetime, ...]:
    """The latest of ``times`` (sorted) before each of ``ends``, once each, oldest first."""
    found = {max((t for t in times if t < end), default=None) for end in ends}
    return tuple(sorted(t for t in found if t is not None))


def midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """The instant ``day`` starts in ``tz``, or in the system's local time (its own DST)."""
    if tz is None:
        return datetime.combine(day, time()).astimezone()
    return datetime.combine(day, time(), tzinfo=tz)


def day_edges(first: date, days: int, tz: tzinfo | None = None) -> list[datetime]:
    """The ``days + 1`` midnights that bound ``days`` consecutive days from ``first``."""
    return [midnight(first + timedelta(days=n), tz) for n in range(days + 1)]


def load_coding_progress(
    store: Store, problems: Iterable[Problem], today: date | None = None, days: int = 30
) -> CodingProgress:
    """:func:`coding_progress` of ``store``'s user, from the summaries (days in local time)."""
    today = today or datetime.now().astimezone().date()
    first = today - timedelta(days=days - 1)
    now = datetime.now().astimezone()
    facts = CodingFacts.load(store, now, day_edges(first, days), recency=False)
    return coding_progress(problems, facts, today, days, streak=_streak_of(store, facts, today))


def coding_progress(
    problems: Iterable[Problem],
    facts: CodingFacts,
    today: date,
    days: int = 30,
    *,
    streak: int,
) -> CodingProgress:
    """``facts`` counted over the ``days`` days ending ``today`` (their ``edges``)."""
    problems = list(problems)
    solved = set(facts.first_solved)
    return CodingProgress(
        solved=len(solved & {p.slug for p in problems}),
        attempted=len(facts.attempted),
        problems=len(problems),
        submissions=facts.total,
        accepted_submissions=facts.accepted,
        streak_days=streak,
        by_group=_shares(problems, solved, lambda p: [p.meta.group]),
        by_difficulty=_shares(problems, solved, lambda p: [p.meta.difficulty], DIFFICULTIES),
        by_topic=_shares(problems, solved, lambda p: p.meta.topics),
        daily=list(zip(_last_days(today, days), facts.counts, strict=True)),
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


def _streak_of(store: Store, facts: CodingFacts, today: date) -> int:
    """Consecutive active days ending today (or yesterday, so a streak survives until tonight),
    read back from the store a chunk of days at a time, starting with the facts' own days."""
    from mlprep.store.summaries import active_between

    active = {
        day for day, n in zip(_last_days(today, len(facts.counts)), facts.counts, strict=True) if n
    }
    oldest = today - timedelta(days=len(facts.counts) - 1)
    while streak_days(active, today) >= (today - oldest).days:  # the streak may reach further
        first = oldest - timedelta(days=STREAK_CHUNK_DAYS)
        found = active_between(store, day_edges(first, STREAK_CHUNK_DAYS))
        active |= {first + timedelta(days=n) for n, any_day in enumerate(found) if any_day}
        if not found[-1]:  # the day before the known ones was idle: the streak ends there
            break
        oldest = first
    return streak_days(active, today)


def streak_days(active_days: set[date], today: date) -> int:
    """Consecutive active days ending today (or yesterday, so a streak survives until tonight)."""
    day = today if today in active_days else today - timedelta(days=1)
    streak = 0
    while day in active_days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _last_days(today: date, days: int) -> list[date]:
    return [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
