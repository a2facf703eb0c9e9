"""The user's own content in a deck: cards they wrote, and their own answers to the bank's cards.

Both are stored per user in the database (``user_cards``, ``review_answers``); the bank's files
are never touched. :func:`deck_bank` is the deck as one user sees it: the bank with their own
answers in place, then their own cards. Own cards are named ``unit/my-name`` so that they never
clash with a bank question (bank names may not start with ``my-``, a test checks it).

Own cards travel as TOML (:func:`export_toml`, :func:`parse_cards`): one table per card under
``[cards."unit/my-name"]``, in the bank's own schema, so a file that would not load as a bank
question is refused whole, with ``file: field: why``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import tomli_w
from pydantic import ValidationError
from sqlalchemy import delete, select

from mlprep.content import ID_PART, describe_errors
from mlprep.review.deck import Deck, unit_of
from mlprep.review.schema import Question
from mlprep.store.db import Store
from mlprep.store.models import ReviewAnswerRow, UserCardRow

MINE = "my-"  # the name prefix of a user's own cards
MAX_CARDS_FILE_CHARS = 2_000_000


class CardError(ValueError):
    """A card (or a file of cards) that cannot be stored; the message names the field at fault."""


def is_own(question_id: str) -> bool:
    """Whether ``unit/name`` names one of the user's own cards."""
    return question_id.split("/", 1)[-1].startswith(MINE)


def deck_bank(store: Store, deck: Deck) -> dict[str, Question]:
    """The deck as this user sees it: the bank with their answers, then their own cards."""
    bank = dict(deck.questions())
    bank.update(own_cards(store, deck))
    for question_id, answer in _own_answers(store, deck).items():
        if question_id in bank:
            bank[question_id] = bank[question_id].model_copy(update={"answer": answer})
    return bank


def own_cards(store: Store, deck: Deck) -> dict[str, Question]:
    """The user's own cards of ``deck``, by id, in id order (cards of a unit since removed are
    left out)."""
    with store.reading() as session:
        rows = session.execute(
            select(UserCardRow.question, UserCardRow.content).order_by(UserCardRow.question)
        ).all()
    titles = deck.titles()
    cards = {}
    for card_id, content in rows:
        question_id = deck.question_id(card_id)
        if question_id is not None and unit_of(question_id) in titles:
            cards[question_id] = Question.model_validate_json(content)
    return cards


def edited(store: Store, deck: Deck) -> set[str]:
    """Bank cards whose answer this user replaced with their own."""
    return set(_own_answers(store, deck))


def add_card(store: Store, deck: Deck, unit: str, fields: Mapping[str, Any], now: datetime) -> str:
    """Store a new own card in ``unit`` from its schema fields; returns its id (``unit/my-...``),
    named after the question's first words. Raises :class:`CardError`."""
    if unit not in deck.titles():
        raise CardError(f"{deck.unit}: '{unit}' is not one of {', '.join(deck.titles())}")
    question = _validated(fields)
    taken = set(deck_bank(store, deck))
    base = f"{unit}/{MINE}{_slug(question.question)}"
    question_id = next(
        candidate
        for n in range(1, len(taken) + 2)
        if (candidate := base if n == 1 else f"{base}-{n}") not in taken
    )
    _store_cards(store, deck, {question_id: question}, now)
    return question_id


def delete_card(store: Store, deck: Deck, question_id: str) -> bool:
    """Delete an own card (its reviews stay in the log); False if there was none."""
    with store.writing() as session:
        gone = session.execute(
            delete(UserCardRow).where(UserCardRow.question == deck.card_id(question_id))
        )
        return gone.rowcount > 0


def set_answer(store: Store, deck: Deck, question_id: str, answer: str, now: datetime) -> Question:
    """Replace the answer the user sees: an own card is changed itself, a bank card gets the
    user's answer beside the bank's. Returns the card as the user now sees it."""
    current = deck_bank(store, deck)[question_id]
    changed = _validated({**current.model_dump(exclude_defaults=True), "answer": answer})
    if is_own(question_id):
        _store_cards(store, deck, {question_id: changed}, now)
        return changed
    card_id = deck.card_id(question_id)
    with store.writing() as session:
        row = session.scalar(select(ReviewAnswerRow).where(ReviewAnswerRow.question == card_id))
        if row is None:
            session.add(ReviewAnswerRow(question=card_id, answer=changed.answer, updated_at=now))
        else:
            row.answer, row.updated_at = changed.answer, now
    return changed


def reset_answer(store: Store, deck: Deck, question_id: str) -> bool:
    """Show the bank's answer again; False if the user had not replaced it."""
    with store.writing() as session:
        gone = session.execute(
            delete(ReviewAnswerRow).where(ReviewAnswerRow.question == deck.card_id(question_id))
        )
        return gone.rowcount > 0


# --- TOML ------------------------------------------------------------------------------------


def export_toml(store: Store, deck: Deck) -> str:
    """The user's own cards of ``deck`` as a TOML file that :func:`parse_cards` reads back."""
    cards = {
        question_id: question.model_dump(mode="json", exclude_defaults=True)
        for question_id, question in own_cards(store, deck).items()
    }
    header = (
        f"# Your own mlprep {deck.round} cards, one table per card keyed {deck.unit}/my-name,\n"
        f"# in the bank's schema (docs/rounds.md). Import: {deck.command} import FILE.\n\n"
    )
    return header + tomli_w.dumps({"cards": cards}, multiline_strings=True)


def parse_cards(text: str, deck: Deck, source: str) -> dict[str, Question]:
    """Every card of a TOML file of own cards, validated; raises :class:`CardError` as
    ``source: field: why`` for the first thing wrong, so nothing of a bad file is imported."""
    if len(text) > MAX_CARDS_FILE_CHARS:
        raise CardError(f"{source}: larger than {MAX_CARDS_FILE_CHARS} characters")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CardError(f"{source}: not valid TOML: {exc}") from None
    extra = sorted(set(data) - {"cards"})
    if extra:
        where = '[cards."unit/my-name"]'
        raise CardError(f"{source}: {extra[0]}: not a card; cards go under {where}")
    cards = data.get("cards", {})
    if not isinstance(cards, dict):
        raise CardError(f"{source}: cards: must be a table of cards keyed unit/my-name")
    return {key: _parsed_card(key, fields, deck, source) for key, fields in cards.items()}


def import_cards(
    store: Store, deck: Deck, cards: Mapping[str, Question], now: datetime
) -> tuple[int, int]:
    """Store parsed cards, all or none; returns (added, replaced): an own card's id replaces it."""
    before = set(own_cards(store, deck))
    _store_cards(store, deck, cards, now)
    replaced = sum(question_id in before for question_id in cards)
    return len(cards) - replaced, replaced


# --- helpers ---------------------------------------------------------------------------------


def _parsed_card(key: str, fields: Any, deck: Deck, source: str) -> Question:
    where = f'{source}: cards."{key}"'
    unit, _, name = key.partition("/")
    if not (ID_PART.match(unit) and ID_PART.match(name)):
        raise CardError(f"{where}: the key is {deck.unit}/name, in a-z, 0-9, '-' and '_'")
    if unit not in deck.titles():
        raise CardError(f"{where}: '{unit}' is not a {deck.unit}: {', '.join(deck.titles())}")
    if not name.startswith(MINE):
        raise CardError(f"{where}: the name of your own card starts with '{MINE}'")
    if not isinstance(fields, dict):
        raise CardError(f"{where}: must be a table of the card's fields")
    try:
        return Question.model_validate(fields)
    except ValidationError as exc:
        raise CardError(f"{where}: {_field_error(exc)}") from None


def _validated(fields: Mapping[str, Any]) -> Question:
    try:
        return Question.model_validate(dict(fields))
    except ValidationError as exc:
        raise CardError(_field_error(exc)) from None


def _field_error(exc: ValidationError) -> str:
    """``field: why`` (pydantic's ``field 'x': why`` made to read like a path)."""
    text = describe_errors(exc.errors())
    return re.sub(r"^field '([^']*)': ", r"\1: ", text)


def _store_cards(store: Store, deck: Deck, cards: Mapping[str, Question], now: datetime) -> None:
    with store.writing() as session:
        ids = [deck.card_id(question_id) for question_id in cards]
        rows = {
            row.question: row
            for row in session.scalars(select(UserCardRow).where(UserCardRow.question.in_(ids)))
        }
        for question_id, question in cards.items():
            card_id = deck.card_id(question_id)
            content = json.dumps(question.model_dump(mode="json", exclude_defaults=True))
            row = rows.get(card_id)
            if row is None:
                session.add(
                    UserCardRow(question=card_id, content=content, created_at=now, updated_at=now)
                )
            else:
                row.content, row.updated_at = content, now


def _own_answers(store: Store, deck: Deck) -> dict[str, str]:
    with store.reading() as session:
        rows = session.execute(select(ReviewAnswerRow.question, ReviewAnswerRow.answer)).all()
    return {
        question_id: answer
        for card_id, answer in rows
        if (question_id := deck.question_id(card_id)) is not None
    }


def _slug(text: str, words: int = 5) -> str:
    """``my-`` is added by the caller; this is the question's first words, as a valid name."""
    plain = re.sub(r"[^a-z0-9]+", " ", re.sub(r"\$[^$]*\$", " ", text.lower()))
    slug = "-".join(plain.split()[:words])[:40].strip("-")
    return slug or "card"


__all__ = [
    "MINE",
    "CardError",
    "add_card",
    "deck_bank",
    "delete_card",
    "edited",
    "export_toml",
    "import_cards",
    "is_own",
    "own_cards",
    "parse_cards",
    "reset_answer",
    "set_answer",
]
