"""Design mock sessions: choosing a case, time budgets, scoring each step, and the report.

A mock is a practice session of kind ``design`` whose answers are one per framework step
(``round="design"``, ``item=<case>``, ``part=<step>``), each with the matcher's coverage estimate
(``auto_score``) and the share of rubric points the user says they covered (``self_score``).
The terminal and the web page both drive a mock through these functions.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from mlprep.design import bank
from mlprep.design.schema import Case
from mlprep.rubric import PointMatch, match
from mlprep.store.db import Store
from mlprep.store.practice import Answer, Practice, answers, finish_session, save_answer
from mlprep.store.practice import start_session as start_practice
from mlprep.suggest import did_you_mean

ROUND = "design"
DEFAULT_MINUTES = 45
WEAKEST_SHOWN = 3  # steps whose sample answer the report quotes


class UnknownCase(LookupError):
    """No case has this slug; the message suggests the closest ones."""


@dataclass(frozen=True)
class StepResult:
    """One framework step of a finished mock: the answer, the estimate and the user's own ticks."""

    key: str
    title: str
    answer: str
    matches: tuple[PointMatch, ...]
    ticked: frozenset[int]  # indexes of the rubric points the user says they covered

    @property
    def auto_score(self) -> float:
        return sum(m.covered for m in self.matches) / len(self.matches) if self.matches else 0.0

    @property
    def self_score(self) -> float:
        return len(self.ticked) / len(self.matches) if self.matches else 0.0

    @property
    def missed(self) -> list[str]:
        return [m.point for i, m in enumerate(self.matches) if i not in self.ticked]


def get_case(slug: str) -> Case:
    """The case ``slug``, or :class:`UnknownCase` suggesting the closest names."""
    cases = bank.cases()
    if slug not in cases:
        hint = did_you_mean(slug, cases, "see `mlprep design --list`")
        raise UnknownCase(f"unknown case '{slug}'{hint}")
    return cases[slug]


def step_budgets(minutes: float, keys: Iterable[str] | None = None) -> dict[str, float]:
    """Minutes per step: the framework's split, scaled so the chosen steps fill ``minutes``."""
    steps = [s for s in bank.framework().steps if keys is None or s.key in set(keys)]
    planned = sum(s.minutes for s in steps)
    return {s.key: s.minutes * minutes / planned for s in steps}


def minutes_label(minutes: float) -> str:
    """A step's time budget as shown: whole minutes, or nothing when it rounds to 0 (a "0 min"
    step would read as "skip it")."""
    whole = round(minutes)
    return f"{whole} min" if whole >= 1 else ""


def step_titles() -> dict[str, str]:
    return {s.key: s.title for s in bank.framework().steps}


def estimate(case: Case, key: str, answer: str) -> list[PointMatch]:
    """The matcher's first guess of which rubric points of step ``key`` the answer covers."""
    return match(answer, case.steps[key].rubric)


def estimated_ticks(matches: Iterable[PointMatch]) -> frozenset[int]:
    return frozenset(i for i, m in enumerate(matches) if m.covered)


def step_result(
    case: Case, key: str, answer: str, ticked: Iterable[int] | None = None
) -> StepResult:
    """The result of one step; without ``ticked`` the user accepted the matcher's estimate."""
    matches = tuple(estimate(case, key, answer))
    chosen = estimated_ticks(matches) if ticked is None else frozenset(ticked)
    bad = [i for i in chosen if not 0 <= i < len(matches)]
    if bad:
        raise ValueError(f"step '{key}' has rubric points 1-{len(matches)}, not {bad[0] + 1}")
    return StepResult(key, step_titles()[key], answer, matches, chosen)


# --- history --------------------------------------------------------------------------------


def answer_score(answer: Answer) -> float:
    """The user's own score if they gave one, else the matcher's."""
    if answer.self_score is not None:
        return answer.self_score
    return answer.auto_score or 0.0


def last_practised(store: Store) -> dict[str, datetime]:
    """When each case was last answered, design mocks and mock loops alike."""
    latest: dict[str, datetime] = {}
    for answer in answers(store, round_name=ROUND):
        if answer.text.strip():
            latest[answer.item] = max(answer.created_at, latest.get(answer.item, answer.created_at))
    return latest


def best_coverage(store: Store) -> dict[str, float]:
    """Each practised case's best session: the mean score of the steps answered in it."""
    per_session: dict[tuple[int | None, str], list[float]] = {}
    for answer in answers(store, round_name=ROUND):
        per_session.setdefault((answer.session_id, answer.item), []).append(answer_score(answer))
    best: dict[str, float] = {}
    for (_, slug), scores in per_session.items():
        best[slug] = max(best.get(slug, 0.0), sum(scores) / len(scores))
    return best


def choose_case(store: Store, rng: random.Random | None = None) -> str:
    """A case not practised yet (the first, or a random one with ``rng``), else the oldest."""
    slugs = list(bank.cases())
    seen = last_practised(store)
    fresh = [s for s in slugs if s not in seen]
    if fresh:
        return rng.choice(fresh) if rng else fresh[0]
    return min(slugs, key=lambda s: seen[s])


# --- a session ------------------------------------------------------------------------------


def start(
    store: Store,
    slug: str,
    minutes: int = DEFAULT_MINUTES,
    keys: list[str] | None = None,
    now: datetime | None = None,
) -> Practice:
    """Open a design mock of case ``slug`` over ``keys`` (default: the whole framework)."""
    get_case(slug)
    if not 1 <= minutes <= 240:
        raise ValueError(f"a mock lasts 1 to 240 minutes, not {minutes}")
    steps = keys or bank.framework().keys
    spec = {"case": slug, "steps": steps, "budgets": step_budgets(minutes, steps)}
    return start_practice(store, ROUND, minutes, spec, now=now)


def save_step(
    store: Store,
    session_id: int,
    slug: str,
    result: StepResult,
    *,
    self_scored: bool = True,
    now: datetime | None = None,
) -> Answer:
    """Store one step's answer in a session (a mock or a loop); ``self_scored=False`` for a
    draft the user has not scored yet."""
    return save_answer(
        store,
        ROUND,
        slug,
        result.answer,
        part=result.key,
        session_id=session_id,
        auto_score=result.auto_score,
        self_score=result.self_score if self_scored else None,
        now=now,
    )


def saved_answers(store: Store, session_id: int) -> dict[str, str]:
    """The step answers saved so far in a session, by step key."""
    return {a.part: a.text for a in answers(store, session_id=session_id, round_name=ROUND)}


def finish(
    store: Store,
    practice: Practice,
    ticks: Mapping[str, Iterable[int]] | None = None,
    now: datetime | None = None,
) -> tuple[Practice, list[StepResult]]:
    """Score every step from the saved answers and ``ticks`` (default: the estimates), store the
    self-scores and the report, and close the session."""
    case = get_case(practice.spec["case"])
    now = now or datetime.now(UTC)
    written = saved_answers(store, practice.id)
    ticks = ticks or {}
    unknown = sorted(set(ticks) - set(practice.spec["steps"]))
    if unknown:
        raise ValueError(f"this mock has no step '{unknown[0]}'")
    results = [
        step_result(case, key, written.get(key, ""), ticks.get(key))
        for key in practice.spec["steps"]
    ]
    text = report(practice, results, now=now)
    with store.writing():  # one transaction: the scores and the report, or nothing
        for result in results:
            if result.key in written:  # a step never written stays unsaved, but scores 0
                save_step(store, practice.id, practice.spec["case"], result, now=now)
        return finish_session(store, practice.uid, text, now=now), results


# --- the report -----------------------------------------------------------------------------


def report(practice: Practice, results: list[StepResult], now: datetime | None = None) -> str:
    """The Markdown report: coverage per step (matcher vs you), missed points, sample answers."""
    case = get_case(practice.spec["case"])
    lines = [f"# Design mock: {case.title}", ""]
    lines += [_summary_line(practice, results, now), ""]
    lines += step_table(results, practice.spec.get("budgets", {}))
    lines += missed_points(results)
    lines += weakest_samples(case, results)
    return "\n".join(lines).rstrip() + "\n"


def overall(results: list[StepResult]) -> tuple[float, float]:
    """Mean (matcher, self) coverage over the steps."""
    if not results:
        return 0.0, 0.0
    count = len(results)
    return sum(r.auto_score for r in results) / count, sum(r.self_score for r in results) / count


def step_table(results: list[StepResult], budgets: Mapping[str, float]) -> list[str]:
    lines = ["| Step | Time | Matcher | You |", "|---|---|---|---|"]
    for r in results:
        count = len(r.matches)
        auto = sum(m.covered for m in r.matches)
        budget = clock(budgets[r.key]) if r.key in budgets else ""
        lines.append(f"| {r.title} | {budget} | {auto}/{count} | {len(r.ticked)}/{count} |")
    return [*lines, ""]


def clock(minutes: float) -> str:
    """Minutes as ``m:ss`` (a budget under a minute reads 0:20 rather than 0)."""
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def missed_points(results: list[StepResult]) -> list[str]:
    missed = [r for r in results if r.missed]
    if not missed:
        return ["You covered every rubric point.", ""]
    lines = ["## Missed points", ""]
    for r in missed:
        lines += [f"**{r.title}**", "", *[f"- {point}" for point in r.missed], ""]
    return lines


def weakest(results: list[StepResult], count: int = WEAKEST_SHOWN) -> list[StepResult]:
    """The lowest self-scored steps that missed something, weakest first."""
    ranked = sorted((r for r in results if r.missed), key=lambda r: r.self_score)
    return ranked[:count]


def weakest_samples(case: Case, results: list[StepResult]) -> list[str]:
    chosen = weakest(results)
    if not chosen:
        return []
    lines = ["## Sample answers for your weakest steps", ""]
    for r in chosen:
        lines += [f"### {r.title}", "", case.steps[r.key].sample_answer.strip(), ""]
    return lines


def _summary_line(practice: Practice, results: list[StepResult], now: datetime | None) -> str:
    auto, mine = overall(results)
    when = practice.started_at.strftime("%Y-%m-%d %H:%M UTC")
    used = ""
    if now is not None:
        used = f", {_minutes_between(practice.started_at, now)} used"
    return (
        f"{when}, {practice.minutes} minutes{used}. Coverage: **you {mine:.0%}**, "
        f"matcher estimate {auto:.0%}."
    )


def _minutes_between(start: datetime, end: datetime) -> str:
    return f"{max((end - start).total_seconds(), 0) / 60:.0f} min"
