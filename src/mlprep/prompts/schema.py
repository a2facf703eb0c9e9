"""The schema of one prompt (``behavioral/<slug>.toml``, ``deep_dive/<slug>.toml``) and of STAR."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from mlprep.content import Strict

Text = Annotated[str, Field(min_length=10)]
Competency = Literal[
    "ownership",
    "conflict",
    "failure",
    "ambiguity",
    "impact",
    "collaboration",
    "communication",
    "leadership",
    "growth",
    "prioritization",
]
Focus = Literal[
    "framing",
    "data",
    "modeling",
    "evaluation",
    "deployment",
    "impact",
    "trade-offs",
    "teamwork",
]


class Prompt(Strict):
    """An interviewer's question, what a strong answer shows, and the follow-ups that come next."""

    prompt: Text
    strong_answer_shows: Annotated[list[Text], Field(min_length=2, max_length=6)]
    follow_ups: Annotated[list[Text], Field(min_length=2, max_length=6)]


class BehavioralPrompt(Prompt):
    category: Competency


class DeepDivePrompt(Prompt):
    category: Focus


class StarSection(Strict):
    key: Literal["situation", "task", "action", "result"]
    title: Annotated[str, Field(min_length=3)]
    guide: Text


class Star(Strict):
    sections: Annotated[list[StarSection], Field(min_length=4, max_length=4)]
