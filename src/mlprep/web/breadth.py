"""The breadth round on the web: the ``/review`` page and its JSON API under ``/api/review/``.

A card is sent without its answer; the answer comes back only from ``check`` (a graded answer
marked) or ``reveal``. The first check of a card is kept until it is rated (a reload shows the same
verdict; a second answer is not marked). Rating a card records it through
:mod:`mlprep.review.scheduler`. The helpers take a deck (:mod:`mlprep.review.deck`), so the domain
round's page (:mod:`.domain`) is the same page and API over its own deck; the actions both decks
share beyond these (undo, suspend, bury, own answers and cards, FSRS fitting) are
:mod:`.review_deck`'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.review import flags, mine, scheduler
from mlprep.review.bank import Question
from mlprep.review.deck import BREADTH, Deck
from mlprep.review.grading import AnswerError
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.render import markdown
from mlprep.web.state import AppState, State

router = APIRouter()
Body = TypeVar("Body", bound=BaseModel)
MAX_ANSWER_CHARS = 20_000
TopicQuery = Annotated[str | None, Query(description="Only this topic.")]


class TopicView(BaseModel):
    topic: str
    title: str
    due: int = Field(description="Rated before and due now.")
    new: int = Field(description="Never rated.")
    total: int
    recalled: float | None = Field(description="Share of the last 30 days' ratings Good or Easy.")
    retrievability: float | None = Field(
        description="FSRS's mean recall probability now, of the rated cards not in learning."
    )
    learning: int = Field(
        description="Cards in their (re)learning steps, rated less than a day ago: no recall yet."
    )


class TodayView(BaseModel):
    """Today's work as Anki counts it."""

    new: int = Field(description="Never-seen cards left for today (within the daily cap).")
    learning: int = Field(description="Cards in learning steps due within 20 minutes.")
    due: int = Field(description="Reviews due now.")


class Overview(BaseModel):
    to_study: int = Field(description="Cards to study now (in the topic asked for, if any).")
    new_left_today: int
    today: TodayView
    topics: list[TopicView]


class CheckedView(BaseModel):
    answer: str = Field(description="The answer checked first; it is the one rated.")
    correct: bool


class CardView(BaseModel):
    """A card as it is asked: never its answer (unless it was already checked: ``checked``)."""

    id: str
    topic: str
    topic_title: str
    kind: str
    difficulty: str
    tags: list[str]
    new: bool
    question: str  # Markdown
    question_html: str
    choices: list[str] | None
    choices_html: list[str] | None
    own: bool = Field(description="A card you wrote.")
    edited: bool = Field(description="A bank card whose answer you replaced with yours.")
    intervals: dict[str, str] = Field(
        description="When it comes back after each rating (1-4) given now, like '10m' or '3d'."
    )
    checked: CheckedView | None = Field(description="Its answer checked already, not yet rated.")


class NextCards(BaseModel):
    cards: list[CardView]
    to_study: int
    today: TodayView


class AnswerIn(BaseModel):
    answer: str = Field(
        default="", max_length=MAX_ANSWER_CHARS, description="Empty: I do not know."
    )


class RatingIn(AnswerIn):
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy.")


class Revealed(BaseModel):
    answer: str  # Markdown
    answer_html: str
    expected: str | None = Field(description="The right choice or number of a graded card.")


class Checked(Revealed):
    correct: bool
    suggested_rating: int
    answer_given: str = Field(description="The answer marked: the first one checked.")


class RatedView(BaseModel):
    id: str
    rating: int
    rating_name: str
    correct: bool | None
    due: str  # ISO 8601, UTC
    due_in: str
    state: str
    reviews: int


# --- the page ---------------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, state: State, topic: str | None = None) -> HTMLResponse:
    _known_topic(topic)
    read = scheduler.DeckRead(state.store, BREADTH)
    overview = _overview(state, topic, read=read)
    return page(
        request,
        "review.html",
        overview=overview,
        topic=topic,
        topic_title=BREADTH.titles().get(topic or ""),
        total=sum(t.total for t in overview.topics),
        **deck_extras(state, BREADTH, read),
    )


def deck_extras(
    state: AppState, deck: Deck, read: scheduler.DeckRead | None = None
) -> dict[str, object]:
    """What the page shows below the card: the memory panel and the set-aside cards."""
    from mlprep.web.review_deck import memory_view, set_aside_views

    read = read or scheduler.DeckRead(state.store, deck)
    return {"memory": memory_view(state, deck), "set_aside": set_aside_views(state, deck, read)}


# --- the API ----------------------------------------------------------------------------------


@router.get(
    "/api/review/topics", response_model=Overview, tags=["review"], responses=responses(404, 422)
)
def get_topics(state: State, topic: TopicQuery = None) -> Overview:
    """Cards due, new and in all per topic, with recent recall; and how many to study now."""
    _known_topic(topic)
    return _overview(state, topic)


@router.get(
    "/api/review/next", response_model=NextCards, tags=["review"], responses=responses(404, 422)
)
def get_next(
    state: State,
    topic: TopicQuery = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 1,
) -> NextCards:
    """The next cards to study, due reviews first, without their answers."""
    _known_topic(topic)
    return next_cards(state, None if topic is None else (topic,), limit)


@router.post(
    "/api/review/cards/{topic}/{name}/check",
    response_model=Checked,
    tags=["review"],
    responses=responses(*BODY_ERRORS, 403, 404),
)
def check(topic: str, name: str, state: State, body: AnswerIn) -> Checked:
    """Mark the answer to a choice or numeric card; the model answer comes with the verdict.

    The first answer checked is kept until the card is rated: checking again answers with it."""
    return check_card(state, topic, name, body)


def check_card(
    state: AppState, topic: str, name: str, body: AnswerIn, deck: Deck = BREADTH
) -> Checked:
    question_id = f"{topic}/{name}"
    question = _question_or_404(state, topic, name, deck)
    kept = flags.pending_check(state.store, deck, question_id)
    if kept is None:
        try:
            marking = scheduler.check_answer(question, body.answer)
        except AnswerError as exc:
            raise HTTPException(422, str(exc)) from None
        kept = flags.keep_check(state.store, deck, question_id, body.answer, marking, _now())
    return Checked(
        **_revealed(question).model_dump(),
        correct=kept.correct,
        suggested_rating=scheduler.suggested_rating(kept.correct),
        answer_given=kept.answer,
    )


@router.post(
    "/api/review/cards/{topic}/{name}/reveal",
    response_model=Revealed,
    tags=["review"],
    responses=responses(403, 404, 422),
)
def reveal(topic: str, name: str, state: State) -> Revealed:
    """The model answer (for an open card, before rating yourself)."""
    return _revealed(_question_or_404(state, topic, name, BREADTH))


@router.post(
    "/api/review/cards/{topic}/{name}/rate",
    response_model=RatedView,
    tags=["review"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404),
)
def rate(
    topic: str,
    name: str,
    state: State,
    body: RatingIn,
) -> RatedView:
    """Record a rating; the log says if a graded card was right: its checked answer if it was
    checked, else the answer sent, marked now."""
    return rate_card(state, topic, name, body)


def rate_card(
    state: AppState, topic: str, name: str, body: RatingIn, deck: Deck = BREADTH
) -> RatedView:
    question_id = f"{topic}/{name}"
    question = _question_or_404(state, topic, name, deck)
    answer, correct = body.answer, None
    kept = flags.pending_check(state.store, deck, question_id)
    if kept is not None:
        answer, correct = kept.answer, kept.correct
    elif question.kind != "open":
        try:
            correct = scheduler.check_answer(question, body.answer).correct
        except AnswerError as exc:
            raise HTTPException(422, str(exc)) from None
    now = _now()
    rated = scheduler.record_rating(
        state.store, question_id, body.rating, now, correct=correct, answer=answer, deck=deck
    )
    return RatedView(
        id=rated.id,
        rating=rated.rating,
        rating_name=scheduler.RATING_NAMES[rated.rating],
        correct=rated.correct,
        due=rated.due.isoformat(),
        due_in=scheduler.describe_wait(rated.due, now),
        state=rated.state,
        reviews=rated.reviews,
    )


# --- helpers ----------------------------------------------------------------------------------


def _overview(
    state: AppState,
    topic: str | None,
    deck: Deck = BREADTH,
    scope: tuple[str, ...] | None = None,
    read: scheduler.DeckRead | None = None,
) -> Overview:
    """Counts per topic; ``to_study`` in ``topic``, else in the ``scope`` topics, else all.

    Every figure comes from one :class:`~mlprep.review.scheduler.DeckRead` (``read``, else a
    new one): the tables are read once for all of them.
    """
    now = _now()
    read = read or scheduler.DeckRead(state.store, deck)
    recall = {r.topic: r for r in read.retention(now)}
    rows = [
        TopicView(
            topic=c.topic,
            title=c.title,
            due=c.due,
            new=c.new,
            total=c.total,
            recalled=recall[c.topic].recalled,
            retrievability=recall[c.topic].retrievability,
            learning=recall[c.topic].learning,
        )
        for c in read.due_counts(now)
    ]
    topics = (topic,) if topic is not None else scope
    today = today_view(read, topics)
    return Overview(
        to_study=len(read.due_cards(now, topics=topics)),
        new_left_today=read.new_left_today(now),
        today=today,
        topics=rows,
    )


def next_cards(
    state: AppState, topics: tuple[str, ...] | None, limit: int, deck: Deck = BREADTH
) -> NextCards:
    """The next ``limit`` cards of ``topics`` (else all) and today's counts."""
    read = scheduler.DeckRead(state.store, deck)
    due = read.due_cards(_now(), topics=topics)
    return NextCards(
        cards=[_card_view(state, card, read) for card in due[:limit]],
        to_study=len(due),
        today=today_view(read, topics),
    )


def today_view(read: scheduler.DeckRead, topics: tuple[str, ...] | None) -> TodayView:
    counts = read.today_counts(_now(), topics=topics)
    return TodayView(new=counts.new, learning=counts.learning, due=counts.due)


def _card_view(state: AppState, card: scheduler.DueCard, read: scheduler.DeckRead) -> CardView:
    q, deck = card.question, read.deck
    now = _now()
    comes_back = read.next_intervals(card.id, now)
    kept = flags.pending_check(state.store, deck, card.id)
    return CardView(
        id=card.id,
        topic=card.topic,
        topic_title=deck.titles()[card.topic],
        kind=q.kind,
        difficulty=q.difficulty,
        tags=q.tags,
        new=card.new,
        question=q.question,
        question_html=str(markdown(q.question)),
        choices=q.choices,
        choices_html=None if q.choices is None else [str(markdown(c)) for c in q.choices],
        own=mine.is_own(card.id),
        edited=card.id in mine.edited(state.store, deck),
        intervals={str(r): scheduler.short_wait(due, now) for r, due in comes_back.items()},
        checked=None if kept is None else CheckedView(answer=kept.answer, correct=kept.correct),
    )


def _revealed(question: Question) -> Revealed:
    return Revealed(
        answer=question.answer,
        answer_html=str(markdown(question.answer)),
        expected=scheduler.expected_answer(question),
    )


def _question_or_404(state: AppState, topic: str, name: str, deck: Deck = BREADTH) -> Question:
    """The card as this user sees it (own answer, own cards), or 404."""
    question = mine.deck_bank(state.store, deck).get(f"{topic}/{name}")
    if question is None:
        raise HTTPException(404, f"no {deck.round} question '{topic}/{name}'")
    return question


def _known_topic(topic: str | None, deck: Deck = BREADTH) -> None:
    try:
        if topic is not None:
            scheduler.check_topic(topic, deck)
    except scheduler.UnknownTopic as exc:
        raise HTTPException(404, str(exc)) from None


def _now() -> datetime:
    # The server's local day decides when the daily cap on new cards starts again.
    return datetime.now().astimezone()
