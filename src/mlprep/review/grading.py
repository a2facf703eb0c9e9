"""Marking the graded kinds: a choice is right or wrong, a number is right within its tolerance.

The suggested FSRS rating follows: a wrong answer is ``Again``; a right one is ``Good``, and the
user may raise it to ``Easy`` or lower it to ``Hard``. Open questions are rated by the user alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from mlprep.review.schema import Question

_NUMBER = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(%?)\s*$")


class AnswerError(ValueError):
    """The answer cannot be read for this kind of question (not a number, not a choice)."""


@dataclass(frozen=True)
class Marking:
    correct: bool
    expected: str  # the right answer, as shown to the user


def parse_number(text: str) -> float:
    """A plain number, with ``,`` as thousands separator or a trailing ``%`` (meaning /100)."""
    match = _NUMBER.match(text.replace(",", ""))
    if not match:
        raise AnswerError(f"'{text.strip()}' is not a number (write it like 0.73 or 73%)")
    value = float(match.group(1))
    return value / 100 if match.group(2) else value


def parse_choice(text: str, count: int) -> int:
    """A choice given as its letter (``b``) or number (``2``), returned 0-based."""
    token = text.strip().lower().rstrip(").")
    if len(token) == 1 and "a" <= token <= "z":
        index = ord(token) - ord("a")
    elif token.isdigit():
        index = int(token) - 1
    else:
        letters = f"a-{_letter(count - 1)}"
        raise AnswerError(f"'{text.strip()}' is not a choice: answer with a letter {letters}")
    if not 0 <= index < count:
        raise AnswerError(f"there are only {count} choices (a-{_letter(count - 1)})")
    return index


def mark(question: Question, answer: str) -> Marking:
    """Mark a choice or numeric answer; raises :class:`AnswerError` for an unreadable one."""
    if question.kind == "choice":
        assert question.choices is not None and question.correct is not None
        picked = parse_choice(answer, len(question.choices))
        right = f"{_letter(question.correct)}) {question.choices[question.correct]}"
        return Marking(picked == question.correct, right)
    if question.kind == "numeric":
        assert question.value is not None
        given = parse_number(answer)
        close = math.isclose(given, question.value, rel_tol=0, abs_tol=question.tolerance + 1e-12)
        return Marking(close, f"{question.value:g} (± {question.tolerance:g})")
    raise AnswerError("open questions are not marked automatically; rate yourself")


def _letter(index: int) -> str:
    return chr(ord("a") + index)
