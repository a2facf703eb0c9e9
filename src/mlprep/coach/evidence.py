"""The work a plan's tasks asked for, found in the store on each task's day, so tasks tick
themselves: an accepted judged submission of the problem (a samples-only run never counts),
reviews of the topic or track, a non-blank answer to the case or prompt, a finished mock loop.

Only rows from the plan's first day to its last are read, through the user-bound ``Store``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlprep.coach.plan import PlanTask
    from mlprep.store import Store


@dataclass(frozen=True)
class Work:
    """One piece of work done: its local day and time, its round, and what it was on."""

    day: date
    at: str  # HH:MM, local
    round: str  # a round, or "loop" for a finished mock loop
    unit: str  # a breadth topic or domain track, else ""
    item: str  # a problem, case or prompt id, else ""


def work_done(store: Store, tasks: Sequence[PlanTask], tz: tzinfo) -> dict[int, str]:
    """Task id -> the work that did it, in words, for every task whose work is in the store."""
    if not tasks:
        return {}
    first = min(t.day for t in tasks)
    last = max(t.day for t in tasks)
    begin = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz)
    done = _read_work(store, begin, end, tz)
    found = {}
    for task in tasks:
        words = _evidence(task, [w for w in done if w.day == task.day])
        if words:
            found[task.id] = words
    return found


def _evidence(task: PlanTask, work: list[Work]) -> str:
    from mlprep.coach.plan import LOOP, REPORT

    if task.round == LOOP:
        loops = [w for w in work if w.round == LOOP]
        return f"mock loop finished at {loops[0].at}" if loops and task.topic != REPORT else ""
    mine = [w for w in work if w.round == task.round]
    if task.round in ("breadth", "domain"):
        reviewed = [w for w in mine if not task.topic or w.unit == task.topic]
        count = len(reviewed)
        return f"{count} card{'s' if count > 1 else ''} reviewed" if count else ""
    matching = [w for w in mine if not task.item or w.item == task.item]
    if not matching:
        return ""
    verb = "accepted" if task.round == "coding" else "answered"
    return f"{matching[0].item} {verb} at {matching[0].at}"


def _read_work(store: Store, begin: datetime, end: datetime, tz: tzinfo) -> list[Work]:
    from sqlalchemy import select

    from mlprep.store.models import AnswerRow, ReviewLogRow, SessionRow, SubmissionRow

    def local(at: datetime) -> tuple[date, str]:
        mine = at.astimezone(tz)
        return mine.date(), mine.strftime("%H:%M")

    def between(column):  # noqa: ANN001, ANN202 (a SQLAlchemy column)
        return (column >= begin) & (column < end)

    with store.reading() as session:
        solved = session.scalars(
            select(SubmissionRow)
            .where(between(SubmissionRow.created_at))
            .where(SubmissionRow.mode == "judge", SubmissionRow.verdict == "accepted")
            .order_by(SubmissionRow.created_at)
        )
        work = [Work(*local(s.created_at), "coding", "", s.problem) for s in solved]
        reviews = session.scalars(select(ReviewLogRow).where(between(ReviewLogRow.reviewed_at)))
        work += [_review(*local(r.reviewed_at), r.topic) for r in reviews]
        answers = session.scalars(
            select(AnswerRow).where(between(AnswerRow.created_at)).order_by(AnswerRow.created_at)
        )
        work += [Work(*local(a.created_at), a.round, "", a.item) for a in answers if a.text.strip()]
        loops = session.scalars(
            select(SessionRow)
            .where(SessionRow.kind == "loop", between(SessionRow.finished_at))
            .order_by(SessionRow.finished_at)
        )
        work += [Work(*local(s.finished_at), "loop", "", "") for s in loops]
    return work


def _review(day: date, at: str, topic: str) -> Work:
    """A review, as work of the deck (breadth or domain) its stored topic belongs to."""
    from mlprep.review.deck import DECKS

    for deck in DECKS.values():
        unit = deck.unit_of_topic(topic)
        if unit is not None:
            return Work(day, at, deck.round, unit, "")
    return Work(day, at, "", topic, "")


__all__ = ["Work", "work_done"]
