"""What both review pages (breadth's ``/review``, domain's ``/domain``) offer beyond answering and
rating, as Anki does: undo the last rating, suspend and bury cards, replace a card's answer with
your own, add your own cards and move them as TOML, and fit FSRS to your own log.

:func:`deck_router` builds these routes for one deck under its API prefix; ``app`` includes one
router per deck, so both decks answer the same way. Card routes take ``{unit}/{name}``: the topic
or track, then the card's name.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from mlprep.review import fitting, flags, mine, scheduler
from mlprep.review.deck import BREADTH, DOMAIN, Deck
from mlprep.web.breadth import (
    MAX_ANSWER_CHARS,
    CardView,
    Revealed,
    _card_view,
    _now,
    _question_or_404,
    _revealed,
)
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.state import AppState, State


class TomlResponse(PlainTextResponse):
    media_type = "application/toml"


class UndoneView(BaseModel):
    id: str
    rating: int
    rating_name: str
    card: CardView = Field(description="The card as it is again, to study it now.")


class SetAsideView(BaseModel):
    id: str
    question: str = Field(description="The card's question, Markdown, for the list.")
    suspended: bool
    buried_until: str | None = Field(description="ISO 8601, UTC; None when only suspended.")


class BuriedView(BaseModel):
    id: str
    buried_until: str | None = Field(description="When it comes back (ISO 8601); None: now.")


class SuspendedView(BaseModel):
    id: str
    suspended: bool


class AnswerEdit(BaseModel):
    answer: str = Field(min_length=10, max_length=MAX_ANSWER_CHARS, description="Markdown.")


class NewCard(BaseModel):
    """An own card, in the bank's schema (``kind`` decides which of the last fields it needs)."""

    unit: str = Field(description="The topic (breadth) or track (domain) it belongs to.")
    kind: Literal["open", "choice", "numeric"]
    difficulty: Literal["easy", "medium", "hard"] = "medium"
    question: str = Field(max_length=MAX_ANSWER_CHARS)
    answer: str = Field(max_length=MAX_ANSWER_CHARS)
    tags: list[str] = Field(default_factory=list, max_length=20)
    choices: list[str] | None = Field(default=None, max_length=6)
    correct: int | None = Field(default=None, description="0-based index of the right choice.")
    value: float | None = None
    tolerance: float | None = None


class CardCreated(BaseModel):
    id: str


class CardsFile(BaseModel):
    toml: str = Field(max_length=mine.MAX_CARDS_FILE_CHARS, description="A cards file's text.")
    filename: str = Field(default="cards.toml", max_length=200)


class Imported(BaseModel):
    added: int
    replaced: int


class FittedView(BaseModel):
    parameters: list[float]
    fitted_at: str
    reviews: int


class MemoryView(BaseModel):
    reviews: int = Field(description="Ratings logged, every deck: what fitting learns from.")
    recall_reviews: int = Field(description="This deck's ratings a day or more after the last.")
    measured: float | None = Field(description="The share of those not rated Again.")
    desired: float = Field(description="The retention FSRS schedules for.")
    fitted: FittedView | None = Field(description="Your fitted parameters; None: FSRS's defaults.")
    optimizer: bool = Field(description="Whether the optimizer extra is installed.")
    needed: int = Field(description="Ratings needed before fitting.")
    install: str = Field(description="How to install the optimizer extra.")


def deck_router(deck: Deck, api: str) -> APIRouter:
    """The routes of :mod:`.review_deck` for ``deck`` under ``api`` (``/api/review``)."""
    router = APIRouter(prefix=api, tags=[deck.round])
    card = "/cards/{unit}/{name}"

    @router.post("/undo", response_model=UndoneView, responses=responses(*STORING, 403, 404))
    def undo(state: State) -> UndoneView:
        """Take back the last rating of this deck: the card is as it was, the log row gone."""
        undone = scheduler.undo_last(state.store, deck=deck)
        if undone is None:
            raise HTTPException(404, f"no {deck.round} rating to undo")
        name = scheduler.RATING_NAMES[undone.rating]
        again = scheduler.card_now(state.store, undone.id, _now(), deck=deck)
        card = _card_view(state, again, scheduler.DeckRead(state.store, deck))
        return UndoneView(id=undone.id, rating=undone.rating, rating_name=name, card=card)

    @router.get("/set-aside", response_model=list[SetAsideView])
    def set_aside(state: State) -> list[SetAsideView]:
        """Your suspended and buried cards of this deck."""
        return set_aside_views(state, deck)

    def _suspend(unit: str, name: str, state: AppState, on: bool) -> SuspendedView:
        _question_or_404(state, unit, name, deck)
        flags.suspend(state.store, deck, f"{unit}/{name}", _now(), on)
        return SuspendedView(id=f"{unit}/{name}", suspended=on)

    def _bury(unit: str, name: str, state: AppState, on: bool) -> BuriedView:
        _question_or_404(state, unit, name, deck)
        until = flags.bury(state.store, deck, f"{unit}/{name}", _now(), on)
        return BuriedView(id=f"{unit}/{name}", buried_until=_iso(until) if on else None)

    errors = responses(*STORING, 403, 404, 422)  # 422: a path parameter that cannot be a name

    @router.post(card + "/suspend", response_model=SuspendedView, responses=errors)
    def suspend(unit: str, name: str, state: State) -> SuspendedView:
        """Take the card out of the queue until you unsuspend it."""
        return _suspend(unit, name, state, True)

    @router.delete(card + "/suspend", response_model=SuspendedView, responses=errors)
    def unsuspend(unit: str, name: str, state: State) -> SuspendedView:
        """Put a suspended card back in the queue."""
        return _suspend(unit, name, state, False)

    @router.post(card + "/bury", response_model=BuriedView, responses=errors)
    def bury(unit: str, name: str, state: State) -> BuriedView:
        """Hide the card until tomorrow (the server's midnight)."""
        return _bury(unit, name, state, True)

    @router.delete(card + "/bury", response_model=BuriedView, responses=errors)
    def unbury(unit: str, name: str, state: State) -> BuriedView:
        """Put a buried card back in the queue now."""
        return _bury(unit, name, state, False)

    body_errors = responses(*BODY_ERRORS, *STORING, 403, 404)

    @router.put(card + "/answer", response_model=Revealed, responses=body_errors)
    def edit_answer(unit: str, name: str, state: State, body: AnswerEdit) -> Revealed:
        """Replace the answer you see with your own (the bank's is kept: DELETE restores it)."""
        _question_or_404(state, unit, name, deck)
        try:
            changed = mine.set_answer(state.store, deck, f"{unit}/{name}", body.answer, _now())
        except mine.CardError as exc:
            raise HTTPException(422, str(exc)) from None
        return _revealed(changed)

    @router.delete(card + "/answer", response_model=Revealed, responses=errors)
    def restore_answer(unit: str, name: str, state: State) -> Revealed:
        """Show the bank's answer again."""
        _question_or_404(state, unit, name, deck)
        mine.reset_answer(state.store, deck, f"{unit}/{name}")
        return _revealed(_question_or_404(state, unit, name, deck))

    @router.post("/cards", response_model=CardCreated, status_code=201, responses=body_errors)
    def add_card(state: State, body: NewCard) -> CardCreated:
        """Write your own card; it joins the queue as a new card. Its id is ``unit/my-...``."""
        fields = body.model_dump(exclude={"unit"}, exclude_none=True)
        try:
            return CardCreated(id=mine.add_card(state.store, deck, body.unit, fields, _now()))
        except mine.CardError as exc:
            raise HTTPException(422, str(exc)) from None

    @router.delete(card, response_model=CardCreated, responses=errors)
    def delete_card(unit: str, name: str, state: State) -> CardCreated:
        """Delete one of your own cards (its past ratings stay in the log)."""
        if not mine.delete_card(state.store, deck, f"{unit}/{name}"):
            raise HTTPException(404, f"no own {deck.round} card '{unit}/{name}'")
        return CardCreated(id=f"{unit}/{name}")

    @router.get("/cards.toml", response_class=TomlResponse)
    def export_cards(state: State) -> TomlResponse:
        """Your own cards as a TOML file (the import's format)."""
        filename = f"mlprep-{deck.round}-cards.toml"
        return TomlResponse(
            mine.export_toml(state.store, deck),
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    @router.post("/cards.toml", response_model=Imported, responses=body_errors)
    def import_cards(state: State, body: CardsFile) -> Imported:
        """Import a TOML file of own cards: all of it, or nothing with the first error named."""
        try:
            cards = mine.parse_cards(body.toml, deck, body.filename)
        except mine.CardError as exc:
            raise HTTPException(422, str(exc)) from None
        added, replaced = mine.import_cards(state.store, deck, cards, _now())
        return Imported(added=added, replaced=replaced)

    @router.get("/memory", response_model=MemoryView)
    def get_memory(state: State) -> MemoryView:
        """Measured and desired retention, and whether FSRS is fitted to your log."""
        return memory_view(state, deck)

    @router.post("/memory/fit", response_model=MemoryView, responses=responses(*STORING, 403, 409))
    def fit(state: State) -> MemoryView:
        """Fit FSRS's parameters to your whole review log (needs the optimizer extra)."""
        try:
            fitting.fit(state.store, _now())
        except fitting.CannotFit as exc:
            raise HTTPException(409, str(exc)) from None
        return memory_view(state, deck)

    return router


def set_aside_views(
    state: AppState, deck: Deck, read: scheduler.DeckRead | None = None
) -> list[SetAsideView]:
    read = read or scheduler.DeckRead(state.store, deck)
    aside = read.set_aside(_now())
    return [
        SetAsideView(
            id=qid,
            question=read.bank[qid].question,
            suspended=item.suspended,
            buried_until=_iso(item.buried_until),
        )
        for qid, item in sorted(aside.items())
        if qid in read.bank
    ]


def memory_view(state: AppState, deck: Deck) -> MemoryView:
    found = fitting.memory(state.store, _now(), deck)
    fitted = None if found.fitted is None else FittedView(**vars(found.fitted))
    return MemoryView(
        **{k: v for k, v in vars(found).items() if k != "fitted"},
        fitted=fitted,
        install=fitting.INSTALL_HINT,
    )


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


ROUTERS = (deck_router(BREADTH, "/api/review"), deck_router(DOMAIN, "/api/domain"))
