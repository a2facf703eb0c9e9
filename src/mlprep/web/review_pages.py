"""The breadth round on the web: the ``/review`` page and its JSON API under ``/api/review/``.

A card is sent without its answer; the answer comes back only from ``check`` (a graded answer
marked) or ``reveal``. Rating a card records it through :mod:`mlprep.review.scheduler`. The
helpers take a deck (:mod:`mlprep.review.deck`), so the domain round's page (:mod:`.domain`) is
the same page and API over its own deck.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.review import scheduler
from mlprep.review.bank import Question
from mlprep.review.deck import BREADTH, Deck
from mlprep.review.grading import AnswerError
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.render import markdown
from mlprep.web.state import AppState, get_state

router = APIRouter()
State = Annotated[AppState, Depends(get_state)]
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
    retrievability: float | None = Field(description="FSRS's mean recall probability now.")


class Overview(BaseModel):
    to_study: int = Field(description="Cards to study now (in the topic asked for, if any).")
    new_left_today: int
    topics: list[TopicView]


class CardView(BaseModel):
    """A card as it is asked: never its answer."""

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


class NextCards(BaseModel):
    cards: list[CardView]
    to_study: int


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
    overview = _overview(state, topic)
    return page(
        request,
        "review.html",
        overview=overview,
        topic=topic,
        topic_title=BREADTH.titles().get(topic or ""),
        total=sum(t.total for t in overview.topics),
    )


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
    due = scheduler.due_cards(state.store, _now(), topic=topic)
    return NextCards(cards=[_card_view(card) for card in due[:limit]], to_study=len(due))


@router.post(
    "/api/review/cards/{topic}/{name}/check",
    response_model=Checked,
    tags=["review"],
    responses=responses(*BODY_ERRORS, 403, 404),
)
def check(topic: str, name: str, body: AnswerIn) -> Checked:
    """Mark the answer to a choice or numeric card; the model answer comes with the verdict."""
    return check_card(topic, name, body)


def check_card(topic: str, name: str, body: AnswerIn, deck: Deck = BREADTH) -> Checked:
    question = _question_or_404(topic, name, deck)
    try:
        marking = scheduler.check_answer(question, body.answer)
    except AnswerError as exc:
        raise HTTPException(422, str(exc)) from None
    return Checked(
        **_revealed(question).model_dump(),
        correct=marking.correct,
        suggested_rating=scheduler.suggested_rating(marking.correct),
    )


@router.post(
    "/api/review/cards/{topic}/{name}/reveal",
    response_model=Revealed,
    tags=["review"],
    responses=responses(403, 404, 422),
)
def reveal(topic: str, name: str) -> Revealed:
    """The model answer (for an open card, before rating yourself)."""
    return _revealed(_question_or_404(topic, name, BREADTH))


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
    """Record a rating; a graded card's answer is marked again so the log says if it was right."""
    return rate_card(state, topic, name, body)


def rate_card(
    state: AppState, topic: str, name: str, body: RatingIn, deck: Deck = BREADTH
) -> RatedView:
    question = _question_or_404(topic, name, deck)
    correct = None
    if question.kind != "open":
        try:
            correct = scheduler.check_answer(question, body.answer).correct
        except AnswerError as exc:
            raise HTTPException(422, str(exc)) from None
    now = _now()
    rated = scheduler.record_rating(
        state.store,
        f"{topic}/{name}",
        body.rating,
        now,
        correct=correct,
        answer=body.answer,
        deck=deck,
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
) -> Overview:
    """Counts per topic; ``to_study`` in ``topic``, else in the ``scope`` topics, else all."""
    now = _now()
    recall = {r.topic: r for r in scheduler.retention(state.store, now, deck=deck)}
    rows = [
        TopicView(
            topic=c.topic,
            title=c.title,
            due=c.due,
            new=c.new,
            total=c.total,
            recalled=recall[c.topic].recalled,
            retrievability=recall[c.topic].retrievability,
        )
        for c in scheduler.due_counts(state.store, now, deck=deck)
    ]
    topics = (topic,) if topic is not None else scope
    return Overview(
        to_study=len(scheduler.due_cards(state.store, now, topics=topics, deck=deck)),
        new_left_today=scheduler.new_left_today(state.store, now, deck=deck),
        topics=rows,
    )


def _card_view(card: scheduler.DueCard, deck: Deck = BREADTH) -> CardView:
    q = card.question
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
    )


def _revealed(question: Question) -> Revealed:
    return Revealed(
        answer=question.answer,
        answer_html=str(markdown(question.answer)),
        expected=scheduler.expected_answer(question),
    )


def _question_or_404(topic: str, name: str, deck: Deck = BREADTH) -> Question:
    question = deck.questions().get(f"{topic}/{name}")
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
