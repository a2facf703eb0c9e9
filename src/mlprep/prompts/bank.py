"""Load the prompt banks of the behavioral and project deep-dive rounds."""

from __future__ import annotations

import functools
from pathlib import Path

from mlprep.content import load_bank, load_item
from mlprep.prompts.schema import BehavioralPrompt, DeepDivePrompt, Prompt, Star

HERE = Path(__file__).parent
ROUNDS: dict[str, type[Prompt]] = {"behavioral": BehavioralPrompt, "deep_dive": DeepDivePrompt}


def load_prompts(round_name: str, root: Path | None = None) -> dict[str, Prompt]:
    return load_bank(root or HERE / round_name, ROUNDS[round_name])


@functools.cache
def prompts(round_name: str) -> dict[str, Prompt]:
    return load_prompts(round_name)


@functools.cache
def star() -> Star:
    return load_item(HERE / "star.toml", Star)
