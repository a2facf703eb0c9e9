"""The schema of ``problem.toml``: what every problem must declare, checked at load time.

The schema is plain dataclasses with their constraints attached; pydantic validates a
``problem.toml`` against them. A file that validated once is remembered by the hash of its text
(see :func:`mlprep.problems.loader.read_meta`), so a judge run does not pay for importing
pydantic and building its validators just to re-check an unchanged file.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import annotated_types as at

Group = Literal[
    "algorithms",
    "components",
    "metrics",
    "data",
    "transformers",
    "llm",
    "retrieval",
    "evaluation",
    "vision",
    "experiments",
]
GROUPS: tuple[str, ...] = Group.__args__  # type: ignore[attr-defined]
OutputKind = Literal["float", "int", "float_array", "int_array"]
SLUG_PATTERN = r"^[a-z][a-z0-9_]{1,47}$"
_FUNCTION_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
_STRICT = {"extra": "forbid", "strict": False}


@dataclass(frozen=True)
class Output:
    """One value the function returns: its name (for messages) and its kind."""

    __pydantic_config__ = _STRICT
    name: Annotated[str, at.MinLen(1)]
    kind: OutputKind


@dataclass(frozen=True)
class Tolerance:
    __pydantic_config__ = _STRICT
    rtol: Annotated[float, at.Ge(0)] = 1e-5
    atol: Annotated[float, at.Ge(0)] = 1e-8


PlotKind = Literal[
    "clusters",
    "classification_2d",
    "line_fit",
    "linear_boundary",
    "projection",
    "roc_curve",
    "bars",
    "heatmap",
    "boxes",
    "rotation",
    "token_path",
]


@dataclass(frozen=True)
class Plot:
    """A picture of the candidate's output on one sample case (see problems/pictures.py)."""

    __pydantic_config__ = _STRICT
    kind: PlotKind
    case: Annotated[str, at.MinLen(1)]


@dataclass(frozen=True)
class ProblemMeta:
    """Everything about a problem that is not prose or code."""

    __pydantic_config__ = _STRICT
    slug: str
    title: Annotated[str, at.MinLen(3)]
    group: Group
    difficulty: Literal["easy", "medium", "hard"]
    topics: Annotated[list[str], at.MinLen(1)]
    function: str
    signature: str
    returns: Annotated[list[Output], at.MinLen(1)]
    samples: Annotated[list[str], at.MinLen(1)]
    seed: Annotated[int, at.Ge(0)]
    time_limit: Annotated[float, at.Gt(0), at.Le(15)] = 5.0  # wall seconds for all tests
    memory_limit_mb: Annotated[int, at.Ge(64), at.Le(4096)] = 512
    allowed_imports: list[str] = field(default_factory=lambda: ["numpy", "math"])
    hints: list[Annotated[str, at.MinLen(10)]] = field(default_factory=list)  # shown one at a time
    plot: Plot | None = None
    tolerance: Tolerance = field(default_factory=Tolerance)

    def __post_init__(self) -> None:
        if not re.match(SLUG_PATTERN, self.slug):
            raise ValueError("field 'slug': use 2-48 lowercase letters, digits and '_'")
        unknown = [t for t in self.topics if t not in topic_vocabulary()]
        if unknown:
            raise ValueError(
                f"field 'topics': {', '.join(map(repr, unknown))} not in problems/topics.toml "
                "(use a listed spelling, or add the topic there)"
            )
        if not re.match(_FUNCTION_PATTERN, self.function):
            raise ValueError("field 'function': must be a Python identifier")
        if not re.match(rf"^{re.escape(self.function)}\(.*\)", self.signature):
            raise ValueError(
                f"field 'signature': must start with the function name, as in "
                f"'{self.function}(...)'"
            )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_validated(cls, data: dict[str, Any]) -> ProblemMeta:
        """Rebuild from :meth:`to_dict` of a meta that already passed validation."""
        return cls(
            **{
                **data,
                "returns": [Output(**r) for r in data["returns"]],
                "tolerance": Tolerance(**data["tolerance"]),
                "plot": Plot(**data["plot"]) if data.get("plot") else None,
            }
        )


@functools.cache
def topic_vocabulary() -> frozenset[str]:
    """The controlled vocabulary of topics (``problems/topics.toml``): one spelling per topic."""
    text = Path(__file__).with_name("topics.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["topics"])


def validate(raw: dict[str, Any]) -> ProblemMeta:
    """Validate a parsed ``problem.toml``; raises ``pydantic.ValidationError``."""
    from pydantic import TypeAdapter

    return TypeAdapter(ProblemMeta).validate_python(raw)
