"""Load the design framework and the case studies, checking every case follows the framework."""

from __future__ import annotations

import functools
from pathlib import Path

from mlprep.content import load_bank, load_item
from mlprep.design.schema import Case, Framework

HERE = Path(__file__).parent


@functools.cache
def framework() -> Framework:
    return load_item(HERE / "framework.toml", Framework)


def load_cases(root: Path | None = None) -> dict[str, Case]:
    """Every case by slug; raises :class:`mlprep.content.ContentError` for a bad file."""
    context = {"framework_keys": framework().keys}
    return load_bank(root or HERE / "cases", Case, context=context)


@functools.cache
def cases() -> dict[str, Case]:
    return load_cases()
