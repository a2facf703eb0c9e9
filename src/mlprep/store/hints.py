"""Which hints the user has revealed, per problem: a small JSON file in the data folder.

Standard library only; shared by ``mlprep hint`` and the web app, so both show the same hints.
"""

from __future__ import annotations

import json
from pathlib import Path

from mlprep.problems.cache import write_atomically
from mlprep.store.locations import data_dir


def _state_path() -> Path:
    return data_dir() / "hints.json"


def _state() -> dict[str, int]:
    try:
        data = json.loads(_state_path().read_text())
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}


def revealed(slug: str) -> int:
    """How many of the problem's hints the user has seen."""
    return _state().get(slug, 0)


def reveal_next(slug: str, available: int) -> tuple[int, bool]:
    """Reveal one more hint (at most ``available``); returns (revealed now, remembered?)."""
    state = _state()
    shown = min(state.get(slug, 0) + 1, available)
    state[slug] = shown
    return shown, write_atomically(_state_path(), json.dumps(state).encode())
