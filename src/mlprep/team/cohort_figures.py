"""The figures of a cohort's work, for its instructor and for each learner's own assignments.

Every figure comes from a handful of aggregate queries (``GROUP BY`` learner and item) over the
learners' rows, never from their rows one by one, so the cohort table costs the same few
queries whatever the size of the cohort. The two over the submissions read the store's
materialised summaries (``problem_stats`` for submissions and acceptances per learner and
problem, ``failing_stats`` for failing hidden-test categories), a few rows per learner and
problem, instead of every submission and test row (see ``mlprep.store.summaries``). The
queries are Core statements on the session's connection (the store's per-user filter does not
touch them), each restricted to the learners it is asked about: a cohort's members for its
owner (:func:`cohort_table`), or the asking learner alone (:func:`learner_assignments`). No
learner's code or answers leave them: only counts, rates and test categories do.

When an assignment item is done:

- a problem: an accepted ``judge`` submission to it (at any time);
- a breadth topic: every question of the topic reviewed at least once;
- a design case: an answer with text to every step of the framework for that case;
- a mock loop (the whole assignment): a loop finished after the assignment was set.

An assignment is done when all its items are; not done, it is *due* until ``due_at`` and
*overdue* after. Breadth retention is the dashboard's: the share of the last 28 days' breadth
reviews rated Good or Easy (or marked correct). Design rubric coverage is the dashboard's too:
the mean score (the learner's own, else the matcher's) of the latest answer to each case step.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import case, func, not_, or_, select
from sqlalchemy.engine import Connection

from mlprep.store import Store
from mlprep.store.models import (
    AnswerRow,
    FailingStatsRow,
    MembershipRow,
    ProblemStatsRow,
    ReviewLogRow,
    SessionRow,
)
from mlprep.team.cohorts import (
    Assignment,
    Cohort,
    Member,
    cohort_assignments,
    members,
    my_assignments,
    owned_cohort,
)

WINDOW_DAYS = 28  # as the dashboard's breadth retention
GOOD_RATING = 3  # fsrs.Rating.Good
FAILING_CATEGORIES_SHOWN = 3
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula


@dataclass(frozen=True)
class Progress:
    """One learner's progress on one assignment."""

    done_items: int
    total_items: int
    state: str  # "done", "due" or "overdue"

    @property
    def done(self) -> bool:
        return self.state == "done"

    def to_dict(self) -> dict[str, Any]:
        return {"done_items": self.done_items, "total_items": self.total_items, "state": self.state}


@dataclass(frozen=True)
class LearnerFigures:
    user_id: int
    username: str
    progress: dict[int, Progress]  # by assignment id
    accepted: int  # assigned problems accepted
    assigned_problems: int
    retention: float | None  # None: no breadth review in the window
    reviews: int  # breadth reviews in the window
    design_coverage: float | None  # None: no design answer
    design_answers: int  # (case, step) pairs answered

    def count(self, state: str) -> int:
        return sum(p.state == state for p in self.progress.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "username": self.username,
            "done": self.count("done"),
            "due": self.count("due"),
            "overdue": self.count("overdue"),
            "accepted": self.accepted,
            "assigned_problems": self.assigned_problems,
            "retention": self.retention,
            "reviews": self.reviews,
            "design_coverage": self.design_coverage,
            "design_answers": self.design_answers,
            "assignments": {str(k): p.to_dict() for k, p in self.progress.items()},
        }


@dataclass(frozen=True)
class ProblemFigures:
    slug: str
    title: str
    learners: int  # in the cohort
    learners_attempted: int  # with a judged submission
    learners_accepted: int
    submissions: int  # judged submissions by the cohort's learners
    accepted_submissions: int
    failing_categories: tuple[tuple[str, int], ...]  # hidden-test category, failed submissions

    @property
    def acceptance_rate(self) -> float | None:
        return self.accepted_submissions / self.submissions if self.submissions else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "learners": self.learners,
            "learners_attempted": self.learners_attempted,
            "learners_accepted": self.learners_accepted,
            "submissions": self.submissions,
            "accepted_submissions": self.accepted_submissions,
            "acceptance_rate": self.acceptance_rate,
            "failing_categories": [
                {"category": name, "submissions": count} for name, count in self.failing_categories
            ],
        }


@dataclass(frozen=True)
class CohortTable:
    cohort: Cohort
    now: datetime
    assignments: list[Assignment]
    learners: list[LearnerFigures]
    problems: list[ProblemFigures]

    def to_dict(self) -> dict[str, Any]:
        return {
            "cohort": self.cohort.to_dict(),
            "now": self.now.isoformat(),
            "window_days": WINDOW_DAYS,
            "assignments": [a.to_dict() for a in self.assignments],
            "learners": [learner.to_dict() for learner in self.learners],
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass(frozen=True)
class AssignmentStatus:
    """One of a learner's assignments, as the learner sees it."""

    assignment: Assignment
    cohort: str
    progress: Progress

    def to_dict(self) -> dict[str, Any]:
        return {**self.assignment.to_dict(), "cohort": self.cohort, **self.progress.to_dict()}


# --- the two entry points -----------------------------------------------------------------------


def cohort_table(
    store: Store, cohort_id: int, now: datetime, titles: Mapping[str, str]
) -> CohortTable:
    """The instructor's table of one of ``store``'s user's cohorts (``NotFound`` otherwise).

    ``titles`` are the problem bank's titles by slug.
    """
    cohort = owned_cohort(store, cohort_id)
    assignments = cohort_assignments(store, cohort_id)
    people = members(store, cohort_id)
    learners = select(MembershipRow.user_id).where(MembershipRow.cohort_id == cohort_id)
    with store.reading() as session:
        figures = _Figures.read(session.connection(), learners, assignments, now)
    slugs = _items(assignments, "problems")
    return CohortTable(
        cohort=cohort,
        now=now,
        assignments=assignments,
        learners=[figures.learner(person, assignments, slugs) for person in people],
        problems=[figures.problem(slug, titles.get(slug, slug), len(people)) for slug in slugs],
    )


def learner_assignments(store: Store, now: datetime) -> list[AssignmentStatus]:
    """``store``'s user's assignments in every cohort they are in, with their progress."""
    found = my_assignments(store)
    if not found:
        return []
    assignments = [a for a, _ in found]
    with store.reading() as session:
        figures = _Figures.read(session.connection(), [store.user_id], assignments, now)
    return [
        AssignmentStatus(a, cohort, figures.progress(store.user_id, a, now)) for a, cohort in found
    ]


# --- the aggregate queries ----------------------------------------------------------------------


@dataclass
class _Figures:
    """What the aggregate queries found for a set of learners and assignments."""

    now: datetime
    judged: dict[tuple[int, str], tuple[int, int]]  # (user, slug) -> (submissions, accepted)
    reviewed: dict[tuple[int, str], int]  # (user, topic) -> distinct questions reviewed
    designed: dict[tuple[int, str], int]  # (user, case) -> framework steps answered
    last_loop: dict[int, datetime]  # user -> when their last mock loop finished
    retention: dict[int, tuple[int, int]]  # user -> (reviews in window, good ones)
    coverage: dict[int, tuple[float, int]]  # user -> (mean latest design score, answers)
    failing: dict[str, Counter[str]]  # slug -> failed submissions per hidden-test category

    @classmethod
    def read(
        cls, conn: Connection, learners: Any, assignments: Sequence[Assignment], now: datetime
    ) -> _Figures:
        slugs = _items(assignments, "problems")
        return cls(
            now=now,
            judged=_judged(conn, learners, slugs),
            reviewed=_reviewed(conn, learners, _items(assignments, "breadth")),
            designed=_designed(conn, learners, _items(assignments, "design")),
            last_loop=_last_loops(conn, learners) if _items_of_kind(assignments, "loop") else {},
            retention=_retention(conn, learners, now),
            coverage=_coverage(conn, learners, now),
            failing=_failing(conn, learners, slugs),
        )

    def progress(self, user_id: int, assignment: Assignment, now: datetime) -> Progress:
        if assignment.kind == "loop":
            finished = self.last_loop.get(user_id)
            done, total = int(finished is not None and finished >= assignment.created_at), 1
        else:
            done = sum(self._item_done(user_id, assignment.kind, i) for i in assignment.items)
            total = len(assignment.items)
        return Progress(done, total, _state(done, total, assignment.due_at, now))

    def _item_done(self, user_id: int, kind: str, item: str) -> bool:
        if kind == "problems":
            return self.judged.get((user_id, item), (0, 0))[1] > 0
        if kind == "breadth":
            return self.reviewed.get((user_id, item), 0) >= topic_sizes().get(item, 0)
        return self.designed.get((user_id, item), 0) >= len(framework_steps())

    def learner(
        self, person: Member, assignments: Sequence[Assignment], slugs: Sequence[str]
    ) -> LearnerFigures:
        uid = person.user_id
        reviews, good = self.retention.get(uid, (0, 0))
        coverage, answers = self.coverage.get(uid, (None, 0))
        return LearnerFigures(
            user_id=uid,
            username=person.username,
            progress={a.id: self.progress(uid, a, self.now) for a in assignments},
            accepted=sum(self.judged.get((uid, s), (0, 0))[1] > 0 for s in slugs),
            assigned_problems=len(slugs),
            retention=good / reviews if reviews else None,
            reviews=reviews,
            design_coverage=coverage,
            design_answers=answers,
        )

    def problem(self, slug: str, title: str, learners: int) -> ProblemFigures:
        mine = [counts for (_, s), counts in self.judged.items() if s == slug]
        failing = self.failing.get(slug, Counter())
        top = sorted(failing.items(), key=lambda kv: (-kv[1], kv[0]))[:FAILING_CATEGORIES_SHOWN]
        return ProblemFigures(
            slug=slug,
            title=title,
            learners=learners,
            learners_attempted=len(mine),
            learners_accepted=sum(accepted > 0 for _, accepted in mine),
            submissions=sum(n for n, _ in mine),
            accepted_submissions=sum(accepted for _, accepted in mine),
            failing_categories=tuple(top),
        )


def _state(done: int, total: int, due_at: datetime, now: datetime) -> str:
    if done >= total:
        return "done"
    return "overdue" if now > due_at else "due"


def _judged(conn: Connection, learners: Any, slugs: Sequence[str]) -> dict:
    if not slugs:
        return {}
    p = ProblemStatsRow
    rows = conn.execute(
        select(p.user_id, p.problem, p.judged, p.accepted).where(
            p.user_id.in_(learners), p.problem.in_(slugs), p.judged > 0
        )
    )
    return {(uid, slug): (int(n), int(ok)) for uid, slug, n, ok in rows}


def _reviewed(conn: Connection, learners: Any, topics: Sequence[str]) -> dict:
    if not topics:
        return {}
    r = ReviewLogRow
    rows = conn.execute(
        select(r.user_id, r.topic, func.count(r.question.distinct()))
        .where(r.user_id.in_(learners), r.topic.in_(topics))
        .group_by(r.user_id, r.topic)
    )
    return {(uid, topic): int(n) for uid, topic, n in rows}


def _designed(conn: Connection, learners: Any, cases: Sequence[str]) -> dict:
    if not cases:
        return {}
    a = AnswerRow
    rows = conn.execute(
        select(a.user_id, a.item, func.count(a.part.distinct()))
        .where(
            a.user_id.in_(learners),
            a.round == "design",
            a.item.in_(cases),
            a.part.in_(framework_steps()),
            _blank_to_empty(a.text) != "",
        )
        .group_by(a.user_id, a.item)
    )
    return {(uid, item): int(n) for uid, item, n in rows}


def _blank_to_empty(text: Any) -> Any:
    # SQL's trim() strips spaces only, on SQLite and PostgreSQL alike: whitespace becomes spaces.
    for blank in ("\n", "\r", "\t"):
        text = func.replace(text, blank, " ")
    return func.trim(text)


def _last_loops(conn: Connection, learners: Any) -> dict[int, datetime]:
    p = SessionRow
    rows = conn.execute(
        select(p.user_id, func.max(p.finished_at))
        .where(p.user_id.in_(learners), p.kind == "loop", p.finished_at.is_not(None))
        .group_by(p.user_id)
    )
    return {uid: finished for uid, finished in rows}


def _retention(conn: Connection, learners: Any, now: datetime) -> dict[int, tuple[int, int]]:
    r = ReviewLogRow
    good = func.sum(case((or_(r.rating >= GOOD_RATING, r.correct.is_(True)), 1), else_=0))
    rows = conn.execute(
        select(r.user_id, func.count(), good)
        .where(
            r.user_id.in_(learners),
            r.reviewed_at > now - timedelta(days=WINDOW_DAYS),
            r.reviewed_at <= now,
            not_(r.question.like("domain:%")),  # the domain deck's cards: another round
        )
        .group_by(r.user_id)
    )
    return {uid: (int(n), int(ok)) for uid, n, ok in rows}


def _coverage(conn: Connection, learners: Any, now: datetime) -> dict[int, tuple[float, int]]:
    a = AnswerRow
    latest_first = func.row_number().over(
        partition_by=(a.user_id, a.item, a.part), order_by=(a.created_at.desc(), a.id.desc())
    )
    ranked = (
        select(
            a.user_id,
            func.coalesce(a.self_score, a.auto_score, 0.0).label("score"),
            latest_first.label("rank"),
        )
        .where(a.user_id.in_(learners), a.round == "design", a.created_at <= now)
        .subquery()
    )
    rows = conn.execute(
        select(ranked.c.user_id, func.avg(ranked.c.score), func.count())
        .where(ranked.c.rank == 1)
        .group_by(ranked.c.user_id)
    )
    return {uid: (float(mean), int(n)) for uid, mean, n in rows}


def _failing(conn: Connection, learners: Any, slugs: Sequence[str]) -> dict[str, Counter[str]]:
    if not slugs:
        return {}
    f = FailingStatsRow
    rows = conn.execute(
        select(f.problem, f.category, func.sum(f.submissions))
        .where(f.user_id.in_(learners), f.problem.in_(slugs))
        .group_by(f.problem, f.category)
    )
    failing: dict[str, Counter[str]] = defaultdict(Counter)
    for slug, category, count in rows:
        failing[slug][category] = int(count)
    return failing


def _items(assignments: Iterable[Assignment], kind: str) -> list[str]:
    """The items of every assignment of ``kind``, each once, in the order first set."""
    return list(dict.fromkeys(i for a in assignments if a.kind == kind for i in a.items))


def _items_of_kind(assignments: Iterable[Assignment], kind: str) -> bool:
    return any(a.kind == kind for a in assignments)


@cache
def topic_sizes() -> dict[str, int]:
    """How many questions each breadth topic has."""
    from mlprep.review.bank import questions

    return dict(Counter(question_id.split("/", 1)[0] for question_id in questions()))


@cache
def framework_steps() -> tuple[str, ...]:
    from mlprep.design.bank import framework

    return tuple(framework().keys)


# --- CSV ----------------------------------------------------------------------------------------


def table_csv(table: CohortTable) -> str:
    """The learners' table as CSV (the ``csv`` module's quoting), one row per learner.

    A cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
    carriage return) is prefixed with ``'``, so opening the file runs nothing.
    """
    head = ["learner", "done", "due", "overdue", "problems accepted", "problems assigned"]
    head += ["breadth retention", "breadth reviews (28 days)", "design coverage"]
    head += ["design answers"]
    head += [f"{a.title} (due {a.due_at:%Y-%m-%d %H:%M} UTC)" for a in table.assignments]
    rows = []
    for learner in table.learners:
        row = [learner.username, learner.count("done"), learner.count("due")]
        row += [learner.count("overdue"), learner.accepted, learner.assigned_problems]
        row += [_fraction(learner.retention), learner.reviews]
        row += [_fraction(learner.design_coverage), learner.design_answers]
        row += [_progress_cell(learner.progress[a.id]) for a in table.assignments]
        rows.append(row)
    return _csv(head, rows)


def problems_csv(table: CohortTable) -> str:
    """The per-problem table as CSV, one row per assigned problem, formula-safe as
    :func:`table_csv`. The failing categories are one cell, commonest first:
    ``ties: 2; shapes: 1`` (hidden-test category: wrong submissions that failed it)."""
    head = ["problem", "title", "learners", "learners attempted", "learners accepted"]
    head += ["submissions", "accepted submissions", "acceptance rate"]
    head += ["commonest failing hidden tests"]
    rows = []
    for problem in table.problems:
        row = [problem.slug, problem.title, problem.learners, problem.learners_attempted]
        row += [problem.learners_accepted, problem.submissions, problem.accepted_submissions]
        row += [_fraction(problem.acceptance_rate)]
        row += ["; ".join(f"{name}: {count}" for name, count in problem.failing_categories)]
        rows.append(row)
    return _csv(head, rows)


def _csv(head: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in (head, *rows):
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def safe_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _fraction(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _progress_cell(progress: Progress) -> str:
    return f"{progress.state} {progress.done_items}/{progress.total_items}"


__all__ = [
    "AssignmentStatus",
    "CohortTable",
    "LearnerFigures",
    "ProblemFigures",
    "Progress",
    "cohort_table",
    "learner_assignments",
    "problems_csv",
    "safe_cell",
    "table_csv",
]
