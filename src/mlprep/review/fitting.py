"""FSRS fitted to the user's own review log, and the retention the log shows.

FSRS schedules with 21 parameters; its defaults fit an average Anki user. Once a user has logged
:data:`MIN_REVIEWS` ratings, :func:`fit` fits the parameters to their log with ``fsrs-rs-python``
(the optional ``[optimizer]`` extra: a Rust binding, no PyTorch) and stores them as the user's
setting; :func:`user_scheduler` schedules with them from then on. Without the extra, nothing is
fitted and the pages say how to install it.

Measured retention is Anki's "true retention": of the ratings given a day or more after the
card's previous one, the share that was not Again. The target is FSRS's desired retention.
"""

from __future__ import annotations

import functools
import importlib.util
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from fsrs import Scheduler
from sqlalchemy import select

from mlprep.review.deck import Deck
from mlprep.store.db import Store
from mlprep.store.models import ReviewLogRow
from mlprep.store.settings import get_setting, set_setting

SETTING = "review.fsrs"  # {"parameters": [21 floats], "fitted_at": ISO time, "reviews": n}
MIN_REVIEWS = 400  # ratings logged before fitting is offered (FSRS's usual advice)
DESIRED_RETENTION = 0.9  # FSRS's default target: the recall probability when a card is due
INSTALL_HINT = "pip install 'mlprep[optimizer]'"
AGAIN = 1


class CannotFit(RuntimeError):
    """Fitting is not possible now: the extra is missing or the log is too short."""


@dataclass(frozen=True)
class Fitted:
    parameters: list[float]
    fitted_at: str  # ISO 8601
    reviews: int  # ratings logged when it was fitted


@dataclass(frozen=True)
class Memory:
    """What the review pages show about the user's memory model."""

    reviews: int  # ratings logged, every deck
    recall_reviews: int  # ratings of this deck a day or more after the card's previous one
    measured: float | None  # the share of those that were not Again
    desired: float  # the target: FSRS's desired retention
    fitted: Fitted | None  # None: FSRS's default parameters
    optimizer: bool  # whether fsrs-rs-python is installed
    needed: int  # ratings needed before fitting


def optimizer_installed() -> bool:
    return importlib.util.find_spec("fsrs_rs_python") is not None


def fitted(store: Store) -> Fitted | None:
    """The user's fitted parameters, or None (also for a stored value that no longer reads)."""
    stored = get_setting(store, SETTING)
    try:
        found = Fitted(**stored)
        _scheduler(tuple(found.parameters))
    except (TypeError, ValueError):
        return None
    return found


def user_scheduler(store: Store) -> Scheduler:
    """FSRS with the user's fitted parameters, else with its defaults.

    Without FSRS's fuzz (a random few percent on intervals of 3 days or more): the interval a
    rating button shows is then the one the rating gives.
    """
    found = fitted(store)
    return _scheduler(None if found is None else tuple(found.parameters))


def default_scheduler() -> Scheduler:
    """FSRS with its default parameters, as :func:`user_scheduler` gives before any fitting."""
    return _scheduler(None)


def memory(store: Store, now: datetime, deck: Deck | None = None) -> Memory:
    """The log's size, the measured and desired retention (of ``deck``, else every deck)."""
    histories = _histories(store, now)
    reviews = sum(len(history) for history in histories.values())
    mine = [h for card, h in histories.items() if deck is None or deck.question_id(card)]
    recall = [rating for history in mine for gap, rating in _gaps(history) if gap >= 1]
    measured = sum(r != AGAIN for r in recall) / len(recall) if recall else None
    return Memory(
        reviews=reviews,
        recall_reviews=len(recall),
        measured=measured,
        desired=DESIRED_RETENTION,
        fitted=fitted(store),
        optimizer=optimizer_installed(),
        needed=MIN_REVIEWS,
    )


def fit(store: Store, now: datetime) -> Fitted:
    """Fit FSRS to the user's whole log (every deck) and store the parameters; raises
    :class:`CannotFit` without the extra or with fewer than :data:`MIN_REVIEWS` ratings."""
    if not optimizer_installed():
        raise CannotFit(f"fitting needs the optimizer extra: {INSTALL_HINT}")
    histories = _histories(store, now)
    reviews = sum(len(history) for history in histories.values())
    if reviews < MIN_REVIEWS:
        raise CannotFit(f"{reviews} ratings logged; fitting needs {MIN_REVIEWS}")
    parameters = fit_parameters(list(histories.values()))
    found = Fitted([round(p, 4) for p in parameters], now.isoformat(), reviews)
    set_setting(store, SETTING, vars(found), now)
    return found


def fit_parameters(histories: list[list[tuple[date, int]]]) -> list[float]:
    """FSRS's parameters fitted to review histories, each a card's (day, rating) in order."""
    from fsrs_rs_python import FSRS, FSRSItem, FSRSReview

    items = []
    for history in histories:
        reviews = []
        for gap, rating in _gaps(history):
            reviews.append(FSRSReview(rating, gap))
            if gap > 0:  # a prefix ending in a review on a later day is one training item
                items.append(FSRSItem(list(reviews)))
    items = [item for item in items if item.long_term_review_cnt() > 0]
    if not items:
        raise CannotFit("no card was reviewed on two different days yet")
    return list(FSRS([]).compute_parameters(items))


def reset(store: Store, now: datetime) -> None:
    """Go back to FSRS's default parameters."""
    set_setting(store, SETTING, None, now)


def _histories(store: Store, now: datetime) -> dict[str, list[tuple[date, int]]]:
    """Every card's ratings as (day in ``now``'s time zone, rating), oldest first."""
    with store.reading() as session:
        rows = session.execute(
            select(ReviewLogRow.question, ReviewLogRow.reviewed_at, ReviewLogRow.rating).order_by(
                ReviewLogRow.reviewed_at, ReviewLogRow.id
            )
        ).all()
    histories: defaultdict[str, list[tuple[date, int]]] = defaultdict(list)
    for card, at, rating in rows:
        histories[card].append((at.astimezone(now.tzinfo).date(), rating))
    return dict(histories)


def _gaps(history: list[tuple[date, int]]) -> list[tuple[int, int]]:
    """(days since the previous rating, rating) for each rating; 0 for the first."""
    days = [day for day, _rating in history]
    return [((day - days[max(i - 1, 0)]).days, r) for i, (day, r) in enumerate(history)]


@functools.lru_cache(maxsize=32)
def _scheduler(parameters: tuple[float, ...] | None) -> Scheduler:
    # Scheduler checks the parameters' bounds (ValueError), so a bad stored value is refused.
    options = {"desired_retention": DESIRED_RETENTION, "enable_fuzzing": False}
    if parameters is None:
        return Scheduler(**options)
    return Scheduler(parameters=parameters, **options)


__all__ = [
    "DESIRED_RETENTION",
    "INSTALL_HINT",
    "MIN_REVIEWS",
    "CannotFit",
    "Fitted",
    "Memory",
    "fit",
    "default_scheduler",
    "fit_parameters",
    "fitted",
    "memory",
    "optimizer_installed",
    "reset",
    "user_scheduler",
]
