"""The schema of ``problem.toml``: what every problem must declare, checked at load time."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

OutputKind = Literal["float", "int", "float_array", "int_array"]
SLUG_PATTERN = r"^[a-z][a-z0-9_]{1,47}$"


class Output(BaseModel):
    """One value the function returns: its name (for messages) and its kind."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    kind: OutputKind


class Tolerance(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rtol: float = Field(default=1e-5, ge=0)
    atol: float = Field(default=1e-8, ge=0)


class ProblemMeta(BaseModel):
    """Everything about a problem that is not prose or code."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=3)
    group: Literal["algorithms", "components", "metrics", "data"]
    difficulty: Literal["easy", "medium", "hard"]
    topics: list[str] = Field(min_length=1)
    function: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    signature: str
    returns: list[Output] = Field(min_length=1)
    samples: list[str] = Field(min_length=1)
    seed: int = Field(ge=0)
    time_limit: float = Field(default=5.0, gt=0, le=20, description="wall seconds, all tests")
    memory_limit_mb: int = Field(default=512, ge=64, le=4096)
    allowed_imports: list[str] = Field(default_factory=lambda: ["numpy", "math"])
    tolerance: Tolerance = Field(default_factory=Tolerance)

    @field_validator("signature")
    @classmethod
    def _signature_names_function(cls, value: str, info) -> str:
        function = info.data.get("function")
        if function and not re.match(rf"^{re.escape(function)}\(.*\)", value):
            raise ValueError(f"must start with the function name, as in '{function}(...)'")
        return value
