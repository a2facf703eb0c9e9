"""The schema of one breadth question (``questions/<topic>/<name>.toml``) and of the topic list."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from mlprep.content import Strict

Difficulty = Literal["easy", "medium", "hard"]
Text = Annotated[str, Field(min_length=10)]
Choices = Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=2, max_length=6)]


class Question(Strict):
    """A card: ``open`` ones are self-rated; ``choice`` and ``numeric`` ones are graded."""

    kind: Literal["open", "choice", "numeric"]
    difficulty: Difficulty
    question: Text  # Markdown; $...$ is rendered as math
    answer: Text  # the concise model answer, shown after the attempt
    tags: list[Annotated[str, Field(min_length=2)]] = []
    choices: Choices | None = None
    correct: Annotated[int, Field(ge=0)] | None = None  # index into choices
    value: float | None = None  # the numeric answer
    tolerance: Annotated[float, Field(ge=0)] = 0.01  # absolute

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Question:
        has_choices = self.choices is not None or self.correct is not None
        if self.kind == "choice":
            if self.choices is None or self.correct is None:
                raise ValueError("a choice question needs 'choices' and 'correct'")
            if self.correct >= len(self.choices):
                raise ValueError(f"'correct' must index one of the {len(self.choices)} choices")
            if len(set(self.choices)) != len(self.choices):
                raise ValueError("'choices' repeat themselves")
        elif has_choices:
            raise ValueError(f"a {self.kind} question takes no 'choices' or 'correct'")
        if (self.kind == "numeric") != (self.value is not None):
            raise ValueError("'value' is required for numeric questions and only for them")
        return self


class Topic(Strict):
    title: Annotated[str, Field(min_length=3)]


class TopicList(Strict):
    topics: dict[str, Topic]
