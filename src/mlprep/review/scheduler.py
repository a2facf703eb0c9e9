"""FSRS spaced repetition of the breadth bank (and the domain round's), kept in the database.

Each question that has been rated once has a ``review_cards`` row holding its ``fsrs.Card`` state
and its next due time; every rating also appends a ``review_logs`` row. A question without a row
is *new* and due now, but only ``new_per_day`` new questions are introduced per day so that a
fresh bank does not arrive all at once. Rows of questions since removed from the bank are ignored.

Every function takes ``now`` (an aware datetime; its own time zone decides where "today" starts)
so tests can drive the schedule with a fake clock.

Every function also takes a ``deck`` (:mod:`mlprep.review.deck`), breadth by default: the domain
round's bank is scheduled by the same code in the same tables, its cards' ids prefixed
``domain:``. Ids in and out are the deck's own (``topic/name``, ``track/name``); each deck has its
own daily cap on new cards.

Without a ``bank`` argument a deck is what its user sees (:func:`mlprep.review.mine.deck_bank`:
their own answers and cards included); suspended and buried cards (:mod:`mlprep.review.flags`)
stay out of the queue and its counts. FSRS runs with the user's fitted parameters once there are
some (:mod:`mlprep.review.fitting`), else with FSRS's defaults. Every rating keeps the card as it
was, so :func:`undo_last` can put it back.
"""

from __future__ import annotations

import functools
import itertools
import json
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, aliased

from mlprep.review import flags
from mlprep.review.bank import Question
from mlprep.review.deck import BREADTH, Deck, unit_of
from mlprep.review.fitting import user_scheduler
from mlprep.review.grading import Marking, mark
from mlprep.review.mine import deck_bank
from mlprep.store.db import Store
from mlprep.store.models import ReviewCardRow, ReviewLogRow

NEW_PER_DAY = 20
LEARN_AHEAD = timedelta(minutes=20)  # Anki's: learning cards due this soon count as today's
RETENTION_DAYS = 30
RATING_NAMES = {int(r): r.name for r in Rating}  # 1 Again, 2 Hard, 3 Good, 4 Easy
RECALLED = (Rating.Good, Rating.Easy)
LEARNING_STATES = (State.Learning, State.Relearning)
LEARNING = ("learning", "relearning")  # the names :class:`DueCard` gives those states

Bank = Mapping[str, Question]


class UnknownTopic(LookupError):
    """A topic that is not in ``topics.toml`` (or a track not in ``tracks.toml``)."""

    def __init__(self, topic: str, deck: Deck = BREADTH) -> None:
        known = ", ".join(deck.titles())
        super().__init__(f"unknown {deck.unit} '{topic}'; the {deck.unit}s are: {known}")


class UnknownQuestion(LookupError):
    def __init__(self, question_id: str, deck: Deck = BREADTH) -> None:
        super().__init__(f"no {deck.round} question '{question_id}'")


@dataclass(frozen=True)
class DueCard:
    id: str  # "topic/name"
    topic: str
    question: Question
    new: bool  # never rated yet
    due: datetime
    state: str = "new"  # "new", "learning", "review" or "relearning"


@dataclass(frozen=True)
class Rated:
    """What a rating did to a card: when it comes back."""

    id: str
    rating: int
    correct: bool | None
    due: datetime
    state: str  # "learning", "review" or "relearning"
    reviews: int  # ratings so far, this one included


@dataclass(frozen=True)
class Undone:
    """A rating taken back: the card is as it was before it."""

    id: str
    rating: int


@dataclass(frozen=True)
class TodayCounts:
    """Today's work as Anki counts it: new cards left for today, cards in their learning (or
    relearning) steps due within :data:`LEARN_AHEAD`, and reviews due now."""

    new: int
    learning: int
    due: int


@dataclass(frozen=True)
class TopicCounts:
    topic: str
    title: str
    due: int  # rated before and due now
    new: int  # never rated
    total: int


@dataclass(frozen=True)
class TopicRetention:
    topic: str
    title: str
    reviews: int  # ratings in the window
    recalled: float | None  # share of those rated Good or Easy
    retrievability: float | None  # FSRS's mean recall probability now of the cards past learning
    cards: int  # cards rated at least once
    learning: int = 0  # of those, cards :func:`in_learning` (no recall figure yet)


def check_topic(topic: str, deck: Deck = BREADTH) -> str:
    """The topic (or track) itself, or :class:`UnknownTopic`."""
    if topic not in deck.titles():
        raise UnknownTopic(topic, deck)
    return topic


def suggested_rating(correct: bool) -> int:
    """For a graded answer: Again if it was wrong, Good if right (the user may change it)."""
    return int(Rating.Good if correct else Rating.Again)


def expected_answer(question: Question) -> str | None:
    """The right answer of a graded question, as marking shows it; None for open questions."""
    if question.kind == "choice":
        assert question.correct is not None
        return mark(question, str(question.correct + 1)).expected
    if question.kind == "numeric":
        return mark(question, repr(question.value)).expected
    return None


def check_answer(question: Question, answer: str) -> Marking:
    """Mark a graded answer; an empty one means "I do not know", which schedules like a wrong one.

    Raises :class:`mlprep.review.grading.AnswerError` for an unreadable answer or an open question.
    """
    if not answer.strip() and question.kind != "open":
        return Marking(False, expected_answer(question) or "")
    return mark(question, answer)


def due_cards(
    store: Store,
    now: datetime,
    *,
    topic: str | None = None,
    limit: int | None = None,
    new_per_day: int = NEW_PER_DAY,
    bank: Bank | None = None,
    topics: Iterable[str] | None = None,
    deck: Deck = BREADTH,
) -> list[DueCard]:
    """The cards to study now: due reviews, most overdue first, then today's new cards.

    New cards take turns across topics, so a session does not start with one topic's whole list.
    ``topics`` (several) narrows the cards like ``topic`` (one) does.
    """
    return DeckRead(store, deck, bank).due_cards(
        now, topic=topic, limit=limit, new_per_day=new_per_day, topics=topics
    )


def record_rating(
    store: Store,
    question_id: str,
    rating: int,
    now: datetime,
    *,
    correct: bool | None = None,
    answer: str = "",
    bank: Bank | None = None,
    deck: Deck = BREADTH,
) -> Rated:
    """Apply one rating (1 Again .. 4 Easy): update the card and log it, in one transaction.

    The log row keeps the card as it was, for :func:`undo_last`; a checked answer waiting for
    this rating is done with.
    """
    bank = _bank(store, bank, deck=deck)
    if question_id not in bank:
        raise UnknownQuestion(question_id, deck)
    if rating not in RATING_NAMES:
        raise ValueError(f"a rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {rating!r}")
    when = _utc(now)
    card_id, topic = deck.card_id(question_id), deck.card_topic(question_id)
    fsrs = user_scheduler(store)
    with store.writing() as session:
        row = session.scalar(select(ReviewCardRow).where(ReviewCardRow.question == card_id))
        before, card = _snapshot(row), _card_of(row, card_id, when)
        if row is None:
            row = ReviewCardRow(question=card_id, topic=topic, reviews=0)
            session.add(row)
        card, _log = fsrs.review_card(card, Rating(rating), when)
        row.state, row.due, row.updated_at = card.to_json(), card.due, when
        row.reviews += 1
        session.add(
            ReviewLogRow(
                question=card_id,
                topic=topic,
                reviewed_at=when,
                rating=rating,
                correct=correct,
                answer=answer,
                before=before,
            )
        )
        flags.drop_check(store, deck, question_id)
        return Rated(question_id, rating, correct, card.due, card.state.name.lower(), row.reviews)


def next_intervals(
    store: Store, question_id: str, now: datetime, *, deck: Deck = BREADTH
) -> dict[int, datetime]:
    """When the card would come back after each rating (1-4), were it rated ``now``."""
    return DeckRead(store, deck).next_intervals(question_id, now)


def card_now(store: Store, question_id: str, now: datetime, *, deck: Deck = BREADTH) -> DueCard:
    """One card as it stands (to study it again straight after an undo, say)."""
    question = _bank(store, None, deck=deck)[question_id]
    with store.reading() as session:
        row = session.scalar(
            select(ReviewCardRow).where(ReviewCardRow.question == deck.card_id(question_id))
        )
    if row is None:
        return DueCard(question_id, unit_of(question_id), question, True, _utc(now))
    state = _state_name(row.state)
    return DueCard(question_id, unit_of(question_id), question, False, row.due, state)


def undo_last(store: Store, *, deck: Deck = BREADTH) -> Undone | None:
    """Take back the deck's latest rating: the card goes back to what it was and the log row is
    deleted; a graded answer is kept as checked, so it is not answered again. None when there is
    nothing to undo (no rating, or only ratings stored before undo existed)."""
    with store.writing() as session:
        logs = session.scalars(select(ReviewLogRow).order_by(ReviewLogRow.id.desc()))
        log = next((r for r in logs if deck.question_id(r.question) is not None), None)
        if log is None or log.before is None:
            return None
        question_id = deck.question_id(log.question)
        assert question_id is not None
        row = session.scalar(select(ReviewCardRow).where(ReviewCardRow.question == log.question))
        _restore(session, row, json.loads(log.before)["card"])
        flags.drop_check(store, deck, question_id)
        if log.correct is not None:  # the answer this rating was given is the card's answer again
            marking = Marking(log.correct, "")
            flags.keep_check(store, deck, question_id, log.answer, marking, log.reviewed_at)
        session.delete(log)
        return Undone(question_id, log.rating)


def today_counts(
    store: Store,
    now: datetime,
    *,
    topics: Iterable[str] | None = None,
    new_per_day: int = NEW_PER_DAY,
    deck: Deck = BREADTH,
) -> TodayCounts:
    """New cards and reviews in the queue now, and cards in their learning (or relearning) steps
    due now or within :data:`LEARN_AHEAD` (in ``topics``, else all)."""
    return DeckRead(store, deck).today_counts(now, topics=topics, new_per_day=new_per_day)


def due_counts(
    store: Store, now: datetime, *, bank: Bank | None = None, deck: Deck = BREADTH
) -> list[TopicCounts]:
    """For every topic, in ``topics.toml`` order: cards due now, new cards, and all cards.

    Suspended and buried cards count in the total only.
    """
    return DeckRead(store, deck, bank).due_counts(now)


def new_left_today(
    store: Store,
    now: datetime,
    *,
    new_per_day: int = NEW_PER_DAY,
    bank: Bank | None = None,
    deck: Deck = BREADTH,
) -> int:
    """How many more new cards today's cap allows."""
    return DeckRead(store, deck, bank).new_left_today(now, new_per_day=new_per_day)


def retention(
    store: Store,
    now: datetime,
    *,
    days: int = RETENTION_DAYS,
    bank: Bank | None = None,
    deck: Deck = BREADTH,
) -> list[TopicRetention]:
    """For every topic: how often recent reviews were recalled, and FSRS's recall estimate now
    (:func:`recall_now`: cards still in their (re)learning steps are counted apart)."""
    return DeckRead(store, deck, bank).retention(now, days=days)


def in_learning(card: Card, now: datetime) -> bool:
    """Whether ``card`` is in its (re)learning steps and was rated less than a day before ``now``
    (or after it): FSRS has no recall figure for it yet (:func:`recall_now`)."""
    if card.state not in LEARNING_STATES or card.last_review is None:
        return False
    return _utc(now) - card.last_review < timedelta(days=1)


def recall_now(fsrs: Scheduler, card: Card, now: datetime) -> float | None:
    """FSRS's probability of recalling ``card`` at ``now``; None for a card :func:`in_learning`.

    FSRS counts the time since a card's last rating in whole days, so its recall reads exactly
    100% for a day after any rating: after an Again too, however much the Again cut the card's
    stability. A graduated card has earned that figure; a card still in its (re)learning steps
    has not, so it is reported as in (re)learning rather than as remembered.
    """
    if in_learning(card, now):
        return None
    return float(fsrs.get_card_retrievability(card, _utc(now)))


def next_due(
    store: Store, *, topic: str | None = None, bank: Bank | None = None, deck: Deck = BREADTH
) -> datetime | None:
    """When the earliest rated card (of ``topic``) comes back to the queue, or None if none was
    rated: a suspended card never does, a buried one not before its burial ends."""
    bank = _bank(store, bank, topic, deck)
    with store.reading() as session:
        rows = session.execute(select(ReviewCardRow.question, ReviewCardRow.due)).all()
    held = {deck.question_id(flag.question): flag for flag in flags.flag_rows(store)}
    backs = (
        _back_in_queue(due, held.get(qid))
        for card, due in rows
        if (qid := deck.question_id(card)) in bank
    )
    return min((back for back in backs if back is not None), default=None)


class DeckRead:
    """One user's deck as stored, each kind of row read at most once and kept.

    A page asks for the queue, today's counts, the counts per topic and the retention: through
    one ``DeckRead`` they share one read of the cards, the flags, the bank and the review log of
    today, instead of reading the tables again for each. Hold one for one request only: it does
    not see what is written after it read.
    """

    def __init__(self, store: Store, deck: Deck = BREADTH, bank: Bank | None = None) -> None:
        self.store = store
        self.deck = deck
        self._given_bank = bank
        self._new_today: dict[datetime, int] = {}

    @functools.cached_property
    def bank(self) -> Bank:
        """The whole deck: ``bank`` if one was given, else the user's own (:func:`deck_bank`)."""
        return _bank(self.store, self._given_bank, deck=self.deck)

    @functools.cached_property
    def cards(self) -> list[tuple[str, datetime, str]]:
        """The deck's rated cards as (question id, due, FSRS state JSON), soonest due first."""
        query = select(ReviewCardRow.question, ReviewCardRow.due, ReviewCardRow.state)
        with self.store.reading() as session:
            rows = session.execute(query.order_by(ReviewCardRow.due)).all()
        return [
            (qid, due, state)
            for card, due, state in rows
            if (qid := self.deck.question_id(card)) is not None
        ]

    @functools.cached_property
    def states(self) -> dict[str, str]:
        """Each rated card's FSRS state JSON, by question id."""
        return {qid: state for qid, _due, state in self.cards}

    @functools.cached_property
    def flags(self) -> list[flags.Flag]:
        return flags.flag_rows(self.store)

    @functools.cached_property
    def fsrs(self) -> Scheduler:
        return user_scheduler(self.store)

    def set_aside(self, now: datetime) -> dict[str, flags.SetAside]:
        """The deck's suspended cards, and those buried at ``now``."""
        return flags.set_aside_of(self.flags, self.deck, _utc(now))

    def new_today(self, now: datetime) -> int:
        """New cards of the bank introduced since the start of ``now``'s day: first rated today."""
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        if midnight not in self._new_today:
            with self.store.reading() as session:
                first_rated = set(session.scalars(_first_rated_since(_utc(midnight))))
                count = sum(self.deck.question_id(card) in self.bank for card in first_rated)
            self._new_today[midnight] = count
        return self._new_today[midnight]

    def due_cards(
        self,
        now: datetime,
        *,
        topic: str | None = None,
        limit: int | None = None,
        new_per_day: int = NEW_PER_DAY,
        topics: Iterable[str] | None = None,
    ) -> list[DueCard]:
        """What :func:`due_cards` returns."""
        scope = self._scope(topic, topics)
        when = _utc(now)
        aside = self.set_aside(when)
        due = [
            DueCard(qid, unit_of(qid), scope[qid], False, card_due, _state_name(state))
            for qid, card_due, state in self.cards
            if qid in scope and qid not in aside and card_due <= when
        ]
        unseen = [qid for qid in scope if qid not in self.states and qid not in aside]
        # with no new card allowed at all, today's count cannot matter: it is not read
        room = max(0, new_per_day - self.new_today(now)) if new_per_day > 0 else 0
        fresh = [
            DueCard(qid, unit_of(qid), scope[qid], True, when)
            for qid in _by_turns(unseen, self.deck)
        ]
        cards = due + fresh[:room]
        return cards if limit is None else cards[: max(limit, 0)]

    def today_counts(
        self,
        now: datetime,
        *,
        topics: Iterable[str] | None = None,
        new_per_day: int = NEW_PER_DAY,
    ) -> TodayCounts:
        """What :func:`today_counts` returns."""
        topics = None if topics is None else tuple(topics)
        cards = self.due_cards(now, topics=topics, new_per_day=new_per_day)
        # Only the due time looks ahead: a card buried until midnight stays out until midnight,
        # even when the 20 minutes ahead reach past it.
        scope, aside = self._scope(None, topics), self.set_aside(now)
        ahead = _utc(now) + LEARN_AHEAD
        learning = sum(
            qid in scope and qid not in aside and due <= ahead and _state_name(state) in LEARNING
            for qid, due, state in self.cards
        )
        states = [card.state for card in cards]
        return TodayCounts(states.count("new"), learning, states.count("review"))

    def _scope(self, topic: str | None, topics: Iterable[str] | None) -> Bank:
        """The deck's cards of ``topic``, narrowed to ``topics`` if given."""
        scope = _bank(self.store, self.bank, topic, self.deck)
        if topics is None:
            return scope
        wanted = {check_topic(t, self.deck) for t in topics}
        return {qid: q for qid, q in scope.items() if unit_of(qid) in wanted}

    def due_counts(self, now: datetime) -> list[TopicCounts]:
        """What :func:`due_counts` returns."""
        when = _utc(now)
        aside = self.set_aside(when)
        rated = {qid: due for qid, due, _state in self.cards}
        due, new, total = defaultdict(int), defaultdict(int), defaultdict(int)
        for qid in self.bank:
            topic = unit_of(qid)
            total[topic] += 1
            if qid in aside:
                continue
            if qid not in rated:
                new[topic] += 1
            elif rated[qid] <= when:
                due[topic] += 1
        titles = self.deck.titles().items()
        return [TopicCounts(t, title, due[t], new[t], total[t]) for t, title in titles]

    def new_left_today(self, now: datetime, *, new_per_day: int = NEW_PER_DAY) -> int:
        """What :func:`new_left_today` returns."""
        return max(0, new_per_day - self.new_today(now))

    def retention(self, now: datetime, *, days: int = RETENTION_DAYS) -> list[TopicRetention]:
        """What :func:`retention` returns: the window's ratings are a range of the
        (user_id, reviewed_at) index, FSRS's recall (:func:`recall_now`) is computed for the
        deck's cards."""
        when = _utc(now)
        since = when - timedelta(days=days)
        window = select(ReviewLogRow.question, ReviewLogRow.rating).where(
            ReviewLogRow.reviewed_at >= since, ReviewLogRow.reviewed_at <= when
        )
        with self.store.reading() as session:
            logs = session.execute(window).all()
        mine = ((self.deck.question_id(card), rating) for card, rating in logs)
        ratings = _group((qid, rating) for qid, rating in mine if qid in self.bank)
        recall = _group(
            (qid, recall_now(self.fsrs, Card.from_json(state), now))
            for qid, _due, state in self.cards
            if qid in self.bank
        )
        return [
            TopicRetention(
                t,
                title,
                len(ratings[t]),
                _mean([r in RECALLED for r in ratings[t]]),
                _mean([value for value in recall[t] if value is not None]),
                len(recall[t]),
                recall[t].count(None),
            )
            for t, title in self.deck.titles().items()
        ]

    def next_intervals(self, question_id: str, now: datetime) -> dict[int, datetime]:
        """What :func:`next_intervals` returns."""
        when = _utc(now)
        state = self.states.get(question_id)
        card = (
            Card(card_id=_card_id(self.deck.card_id(question_id)), due=when)
            if state is None
            else Card.from_json(state)
        )
        return {int(r): self.fsrs.review_card(card, r, when)[0].due for r in Rating}


def describe_wait(due: datetime, now: datetime) -> str:
    """How long until ``due``, the way a person says it: "now", "10 minutes", "3 days"."""
    seconds = (_utc(due) - _utc(now)).total_seconds()
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "now" if seconds <= 0 else "under a minute"


# --- helpers ---------------------------------------------------------------------------------


def short_wait(due: datetime, now: datetime) -> str:
    """How long until ``due`` as Anki writes it on a rating button: "<1m", "10m", "5h", "3d",
    "1.5mo", "2.1y" (a month is 30 days, a year 365)."""
    seconds = (_utc(due) - _utc(now)).total_seconds()
    days = seconds / 86400
    if days >= 365:
        return f"{days / 365:.1f}y"
    if days >= 30:
        return f"{days / 30:.1f}mo"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{round(seconds / size)}{unit}"
    return "<1m"


def _bank(store: Store, bank: Bank | None, topic: str | None = None, deck: Deck = BREADTH) -> Bank:
    bank = deck_bank(store, deck) if bank is None else bank
    if topic is None:
        return bank
    check_topic(topic, deck)
    return {qid: q for qid, q in bank.items() if unit_of(qid) == topic}


def _first_rated_since(midnight: datetime) -> Select:
    """The cards first rated at or after ``midnight``: rated since, and never before it.

    Both halves are ranges of the (user_id, question, reviewed_at) index, so the cost follows
    the day's ratings, not the whole log (it was a GROUP BY over every rating ever given).
    """
    earlier = aliased(ReviewLogRow)
    rated_before = exists().where(
        earlier.user_id == ReviewLogRow.user_id,
        earlier.question == ReviewLogRow.question,
        earlier.reviewed_at < midnight,
    )
    # No DISTINCT (the caller dedupes the day's few rows): with it SQLite walks the user's whole
    # index in question order instead of the day's range.
    return select(ReviewLogRow.question).where(ReviewLogRow.reviewed_at >= midnight, ~rated_before)


def _back_in_queue(due: datetime, flag: flags.Flag | None) -> datetime | None:
    """When a rated card due at ``due`` is in the queue again, given its flag; None if never."""
    if flag is None:
        return due
    if flag.suspended:
        return None
    return due if flag.buried_until is None else max(due, flag.buried_until)


def _by_turns(question_ids: list[str], deck: Deck) -> list[str]:
    """Round-robin over topics in ``topics.toml`` order, keeping each topic's own order."""
    per_topic: dict[str, list[str]] = {topic: [] for topic in deck.titles()}
    for qid in question_ids:
        per_topic.setdefault(unit_of(qid), []).append(qid)
    rounds = itertools.zip_longest(*per_topic.values())
    return [qid for turn in rounds for qid in turn if qid is not None]


def _group(pairs: Iterable[tuple[str, object]]) -> defaultdict[str, list]:
    grouped: defaultdict[str, list] = defaultdict(list)
    for qid, value in pairs:
        grouped[unit_of(qid)].append(value)
    return grouped


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def _card_of(row: ReviewCardRow | None, card_id: str, when: datetime) -> Card:
    """The FSRS card of a stored row, or a new one."""
    return Card(card_id=_card_id(card_id), due=when) if row is None else Card.from_json(row.state)


@functools.lru_cache(maxsize=4096)
def _state_name(state_json: str) -> str:
    return Card.from_json(state_json).state.name.lower()


def _snapshot(row: ReviewCardRow | None) -> str:
    """The card's row as JSON, for undo: ``{"card": null}`` when it has none yet."""
    if row is None:
        return json.dumps({"card": None})
    card = {"state": row.state, "due": row.due.isoformat(), "reviews": row.reviews}
    card["updated_at"] = row.updated_at.isoformat()
    return json.dumps({"card": card})


def _restore(session: Session, row: ReviewCardRow | None, card: dict | None) -> None:
    if row is None:
        return
    if card is None:
        session.delete(row)
        return
    row.state, row.reviews = card["state"], card["reviews"]
    row.due = datetime.fromisoformat(card["due"])
    row.updated_at = datetime.fromisoformat(card["updated_at"])


def _card_id(question_id: str) -> int:
    # fsrs defaults to the creation time in ms and sleeps 1 ms to keep ids apart; ours is stable.
    return zlib.crc32(question_id.encode())


def _utc(moment: datetime) -> datetime:
    # fsrs insists on tzinfo being exactly timezone.utc; naive values are taken as UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


__all__ = [
    "BREADTH",
    "NEW_PER_DAY",
    "RATING_NAMES",
    "Deck",
    "DeckRead",
    "DueCard",
    "Rated",
    "TodayCounts",
    "TopicCounts",
    "TopicRetention",
    "Undone",
    "UnknownQuestion",
    "UnknownTopic",
    "check_answer",
    "card_now",
    "check_topic",
    "in_learning",
    "describe_wait",
    "due_cards",
    "expected_answer",
    "due_counts",
    "new_left_today",
    "next_due",
    "next_intervals",
    "recall_now",
    "record_rating",
    "retention",
    "short_wait",
    "suggested_rating",
    "today_counts",
    "undo_last",
]
