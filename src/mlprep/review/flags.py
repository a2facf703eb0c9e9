"""What a user does to a card besides rating it: suspend it, bury it, or check an answer.

A suspended card leaves the queue until it is unsuspended; a buried one until the next day
starts (midnight in the caller's time zone), or until it is unburied. A checked answer to a
graded card is kept until the card is rated, so a reload shows the same verdict and the card
cannot be answered a second time. All of it is per user and per card id (``review_flags``,
``review_checks``); a card needs no FSRS state for any of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from mlprep.review.deck import Deck
from mlprep.review.grading import Marking
from mlprep.store.db import Store
from mlprep.store.models import ReviewCheckRow, ReviewFlagRow


@dataclass(frozen=True)
class SetAside:
    """A card out of the queue: suspended, or buried until ``buried_until``."""

    id: str
    suspended: bool
    buried_until: datetime | None


@dataclass(frozen=True)
class Flag:
    """A stored flag: the card id (the deck's prefix included) and what is set."""

    question: str
    suspended: bool
    buried_until: datetime | None


@dataclass(frozen=True)
class Check:
    """The answer checked for a card that is not rated yet, and whether it was right."""

    answer: str
    correct: bool


def set_aside(store: Store, deck: Deck, now: datetime) -> dict[str, SetAside]:
    """The deck's cards out of the queue now, by question id."""
    return set_aside_of(flag_rows(store), deck, now)


def flag_rows(store: Store) -> list[Flag]:
    """Every flag of the user, every deck's: read once, :func:`set_aside_of` tells any moment."""
    query = select(ReviewFlagRow.question, ReviewFlagRow.suspended, ReviewFlagRow.buried_until)
    with store.reading() as session:
        return [Flag(*row) for row in session.execute(query)]


def set_aside_of(rows: Iterable[Flag], deck: Deck, now: datetime) -> dict[str, SetAside]:
    """The cards of ``deck`` that ``rows`` keep out of the queue at ``now``, by question id."""
    found = {}
    for row in rows:
        question_id = deck.question_id(row.question)
        buried = row.buried_until if row.buried_until and row.buried_until > now else None
        if question_id is not None and (row.suspended or buried):
            found[question_id] = SetAside(question_id, row.suspended, buried)
    return found


def suspend(store: Store, deck: Deck, question_id: str, now: datetime, on: bool = True) -> None:
    """Suspend the card (``on``) or bring it back."""
    _flag(store, deck, question_id, now, suspended=on)


def bury(store: Store, deck: Deck, question_id: str, now: datetime, on: bool = True) -> datetime:
    """Bury the card until the next midnight of ``now``'s time zone (``on``), or unbury it;
    returns when it comes back."""
    until = tomorrow(now) if on else now
    _flag(store, deck, question_id, now, buried_until=until if on else None)
    return until


def tomorrow(now: datetime) -> datetime:
    """The start of the day after ``now``'s, in ``now``'s time zone."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=1)


def pending_check(store: Store, deck: Deck, question_id: str) -> Check | None:
    """The answer already checked for this card, if it is not rated yet."""
    with store.reading() as session:
        row = session.scalar(
            select(ReviewCheckRow).where(ReviewCheckRow.question == deck.card_id(question_id))
        )
        return None if row is None else Check(row.answer, row.correct)


def keep_check(
    store: Store, deck: Deck, question_id: str, answer: str, marking: Marking, now: datetime
) -> Check:
    """Keep the first checked answer of a card until it is rated; a later check gets that one."""
    card_id = deck.card_id(question_id)
    with store.writing() as session:
        row = session.scalar(select(ReviewCheckRow).where(ReviewCheckRow.question == card_id))
        if row is None:
            row = ReviewCheckRow(
                question=card_id, answer=answer, correct=marking.correct, checked_at=now
            )
            session.add(row)
        return Check(row.answer, row.correct)


def drop_check(store: Store, deck: Deck, question_id: str) -> None:
    """Forget the card's checked answer (it was rated)."""
    with store.writing() as session:
        session.execute(
            delete(ReviewCheckRow).where(ReviewCheckRow.question == deck.card_id(question_id))
        )


def _flag(store: Store, deck: Deck, question_id: str, now: datetime, **change: object) -> None:
    card_id = deck.card_id(question_id)
    with store.writing() as session:
        row = session.scalar(select(ReviewFlagRow).where(ReviewFlagRow.question == card_id))
        if row is None:
            row = ReviewFlagRow(question=card_id, suspended=False, updated_at=now)
            session.add(row)
        for name, value in change.items():
            setattr(row, name, value)
        row.updated_at = now


__all__ = [
    "Check",
    "Flag",
    "SetAside",
    "bury",
    "drop_check",
    "flag_rows",
    "keep_check",
    "pending_check",
    "set_aside",
    "set_aside_of",
    "suspend",
    "tomorrow",
]
