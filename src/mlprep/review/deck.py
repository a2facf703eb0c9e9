"""Decks: the question banks that FSRS schedules in the shared ``review_cards``/``review_logs``.

Breadth and the ML domain round are both decks of breadth-schema questions grouped by a unit
(breadth's topics, domain's tracks). A deck's questions are keyed ``unit/name`` in its own bank;
in the tables a card's id is the deck's ``prefix`` followed by that key (breadth has none, the
domain deck ``domain:``), and the row's ``topic`` is the prefix followed by the unit. Bank ids
never contain ``:`` (:data:`mlprep.content.ID_PART`), so a prefixed id never reads as breadth's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mlprep.review.schema import Question


@dataclass(frozen=True)
class Deck:
    round: str  # the round it is practised in: "breadth" or "domain"
    prefix: str  # prepended to a question's id in the review tables
    unit: str  # what its groups are called: "topic" or "track"
    command: str  # the command that reviews it: "mlprep review" or "mlprep domain"
    option: str  # that command's option for one group: "--topic" or "--track"
    _questions: Callable[[], Mapping[str, Question]]
    _titles: Callable[[], dict[str, str]]

    def questions(self) -> Mapping[str, Question]:
        """The deck's bank, ``unit/name`` -> question."""
        return self._questions()

    def titles(self) -> dict[str, str]:
        """Unit key -> title, in the bank's own order."""
        return self._titles()

    def card_id(self, question_id: str) -> str:
        """The id of ``question_id``'s card in the review tables."""
        return self.prefix + question_id

    def card_topic(self, question_id: str) -> str:
        """The ``topic`` column of ``question_id``'s rows in the review tables."""
        return self.prefix + unit_of(question_id)

    def question_id(self, card_id: str) -> str | None:
        """The bank id of a stored card id, or None when the card belongs to another deck."""
        if self.prefix:
            return card_id[len(self.prefix) :] if card_id.startswith(self.prefix) else None
        return None if ":" in card_id else card_id

    def unit_of_topic(self, topic: str) -> str | None:
        """The unit of a stored ``topic`` column, or None when it belongs to another deck."""
        return self.question_id(topic)


def unit_of(question_id: str) -> str:
    """``topic`` of ``topic/name`` (or ``track`` of ``track/name``)."""
    return question_id.split("/", 1)[0]


def _breadth_questions() -> Mapping[str, Question]:
    from mlprep.review.bank import questions

    return questions()


def _breadth_titles() -> dict[str, str]:
    from mlprep.review.bank import topics

    return topics()


def _domain_questions() -> Mapping[str, Question]:
    from mlprep.domain.bank import questions

    return questions()


def _domain_titles() -> dict[str, str]:
    from mlprep.domain.bank import tracks

    return tracks()


BREADTH = Deck(
    "breadth", "", "topic", "mlprep review", "--topic", _breadth_questions, _breadth_titles
)
DOMAIN = Deck(
    "domain", "domain:", "track", "mlprep domain", "--track", _domain_questions, _domain_titles
)
DECKS = {deck.round: deck for deck in (BREADTH, DOMAIN)}

__all__ = ["BREADTH", "DECKS", "DOMAIN", "Deck", "unit_of"]
