"""Which hints the user has revealed, per problem.

The local user's (single-user mode, ``mlprep hint``) are a small JSON file in the data folder,
standard library only, so the command line and the web app show the same hints. A team server's
users keep theirs in the database, as settings (``hints.<slug>``) of their own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from mlprep.files import write_atomically
from mlprep.store.locations import data_dir

if TYPE_CHECKING:
    from mlprep.store import Store

LOCAL_USER_ID = 1  # as mlprep.store.models, without importing SQLAlchemy here


def _state_path() -> Path:
    return data_dir() / "hints.json"


def _state() -> dict[str, int]:
    try:
        data = json.loads(_state_path().read_text())
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}


def revealed(slug: str, store: Store | None = None) -> int:
    """How many of the problem's hints the user (of ``store``; else the local one) has seen."""
    if store is not None and store.user_id != LOCAL_USER_ID:
        return _stored(store, slug)
    return _state().get(slug, 0)


def reveal_next(slug: str, available: int, store: Store | None = None) -> tuple[int, bool]:
    """Reveal one more hint (at most ``available``); returns (revealed now, remembered?)."""
    if store is not None and store.user_id != LOCAL_USER_ID:
        return _store_next(store, slug, available), True
    state = _state()
    shown = min(state.get(slug, 0) + 1, available)
    state[slug] = shown
    return shown, write_atomically(_state_path(), json.dumps(state).encode())


def _stored(store: Store, slug: str) -> int:
    from mlprep.store.models import SettingRow

    with store.reading() as session:
        row = session.get(SettingRow, (store.user_id, f"hints.{slug}"))
        value = None if row is None else row.value
    return _json_int(value)


def _store_next(store: Store, slug: str, available: int) -> int:
    from datetime import UTC, datetime

    from mlprep.store.models import SettingRow

    key = f"hints.{slug}"
    with store.writing() as session:
        row = session.get(SettingRow, (store.user_id, key))
        shown = min((_json_int(row.value) if row else 0) + 1, available)
        if row is None:
            session.add(SettingRow(key=key, value=str(shown), updated_at=datetime.now(UTC)))
        else:
            row.value, row.updated_at = str(shown), datetime.now(UTC)
    return shown


def _json_int(text: str | None) -> int:
    try:
        value = json.loads(text) if text else 0
    except ValueError:
        return 0
    return value if isinstance(value, int) else 0
