"""What the written-answer rounds (design, prompts, mock loop) share on the web.

The answer size limit, the rubric point view, the report model, and how a refusal by the
domain code becomes a 4xx with its message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import HTTPException
from pydantic import BaseModel, Field

from mlprep.design.mock import UnknownCase
from mlprep.prompts.practice import UnknownPrompt
from mlprep.review.grading import AnswerError
from mlprep.rubric import PointMatch
from mlprep.store.practice import Practice

MAX_ANSWER_CHARS = 20_000
AnswerText = Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]
Result = TypeVar("Result")


class PointView(BaseModel):
    point: str
    covered: bool = Field(description="The matcher's estimate.")
    score: float = Field(description="Share of the point's content words found.")
    found: list[str] = Field(description="The answer's own words that matched, as written.")


class StepAnswers(BaseModel):
    answers: dict[str, AnswerText]


class Report(BaseModel):
    uid: str
    markdown: str
    html: str


def checked(call: Callable[[], Result]) -> Result:
    """Run ``call``; a refusal by the domain code becomes a 4xx with its message."""
    try:
        return call()
    except (UnknownCase, UnknownPrompt) as exc:
        raise HTTPException(404, str(exc)) from None
    except (AnswerError, ValueError) as exc:
        raise HTTPException(422, str(exc)) from None


def still_open(practice_: Practice) -> None:
    if practice_.finished_at is not None:
        raise HTTPException(409, "this session is finished; start a new one")


def points(matches: list[PointMatch] | tuple[PointMatch, ...]) -> list[dict[str, Any]]:
    return [
        {"point": m.point, "covered": m.covered, "score": m.score, "found": list(m.found)}
        for m in matches
    ]
