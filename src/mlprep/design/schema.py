"""Schemas of the design framework (``framework.toml``) and of a case (``cases/<slug>.toml``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from mlprep.content import Strict

Text = Annotated[str, Field(min_length=10)]


class FrameworkStep(Strict):
    key: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    title: Annotated[str, Field(min_length=3)]
    minutes: Annotated[int, Field(ge=1, le=30)]
    guide: Text


class Framework(Strict):
    steps: Annotated[list[FrameworkStep], Field(min_length=1)]

    @property
    def keys(self) -> list[str]:
        return [step.key for step in self.steps]


class CaseStep(Strict):
    """One framework step of one case: what to address, and the points a strong answer covers."""

    prompt: Text
    rubric: Annotated[list[Text], Field(min_length=3, max_length=8)]
    sample_answer: Annotated[str, Field(min_length=80)]


class Case(Strict):
    title: Text
    difficulty: Literal["easy", "medium", "hard"]
    topics: Annotated[list[str], Field(min_length=1)]
    tracks: list[Literal["llm", "recsys", "search-ads", "vision", "experimentation"]] = []
    brief: Annotated[str, Field(min_length=80)]  # the interviewer's opening prompt
    steps: dict[str, CaseStep]

    @field_validator("steps")
    @classmethod
    def _every_framework_step(cls, steps: dict[str, CaseStep], info: ValidationInfo):
        keys = (info.context or {}).get("framework_keys")
        if keys is not None and list(steps) != list(keys):
            missing = [k for k in keys if k not in steps]
            extra = [k for k in steps if k not in keys]
            if missing or extra:
                raise ValueError(f"steps must be {keys}: missing {missing}, unknown {extra}")
            raise ValueError(f"steps must come in the framework's order: {keys}")
        return steps
