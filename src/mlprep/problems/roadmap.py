"""The recommended order of the problems (``roadmap.toml``): stages from basics to transformers.

The file is data, validated on load: each stage has a title and its problems in order, and the
stages together list every problem of the bank exactly once, so a new problem cannot be left out
of the roadmap and no slug can be misspelt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import Field, ValidationError

from mlprep.content import ContentError, Strict, describe_validation_error, read_toml

ROADMAP_FILE = Path(__file__).with_name("roadmap.toml")
Item = TypeVar("Item")


class Stage(Strict):
    title: Annotated[str, Field(min_length=3)]
    problems: Annotated[list[str], Field(min_length=1)]


class RoadmapFile(Strict):
    stage: Annotated[list[Stage], Field(min_length=1)]


@dataclass(frozen=True)
class Step:
    """Where a problem stands on the roadmap: its position (from 1) and its stage."""

    position: int
    stage: str


def load_roadmap(slugs: Iterable[str], path: Path = ROADMAP_FILE) -> dict[str, Step]:
    """Each problem's step, checked against ``slugs`` (the bank). Raises :class:`ContentError`."""
    try:
        roadmap = RoadmapFile.model_validate(read_toml(path))
    except ValidationError as exc:
        raise ContentError(path, describe_validation_error(exc)) from None
    order = [(slug, stage.title) for stage in roadmap.stage for slug in stage.problems]
    problem = _coverage_problem([slug for slug, _ in order], set(slugs))
    if problem:
        raise ContentError(path, problem)
    return {slug: Step(i, title) for i, (slug, title) in enumerate(order, start=1)}


def in_roadmap_order(
    items: Iterable[Item], roadmap: Mapping[str, Step], slug_of: Callable[[Item], str]
) -> list[Item]:
    """``items`` (problems, or rows about them) in the roadmap's order: the web's problem list
    and ``mlprep list`` alike. A slug the roadmap lacks comes first, as the web always showed it
    (position 0); :func:`load_roadmap` makes sure there is none in the bank."""
    return sorted(items, key=lambda item: _position(roadmap, slug_of(item)))


def _position(roadmap: Mapping[str, Step], slug: str) -> int:
    step = roadmap.get(slug)
    return step.position if step else 0


def _coverage_problem(listed: list[str], bank: set[str]) -> str:
    """Why ``listed`` is not every problem of ``bank`` exactly once, or "" when it is."""
    twice = sorted(slug for slug, n in Counter(listed).items() if n > 1)
    unknown = sorted(set(listed) - bank)
    missing = sorted(bank - set(listed))
    reasons = []
    if twice:
        reasons.append(f"listed more than once: {', '.join(twice)}")
    if unknown:
        reasons.append(f"not problems of the bank: {', '.join(unknown)}")
    if missing:
        reasons.append(f"missing (add each to the stage where it belongs): {', '.join(missing)}")
    return "; ".join(reasons)
