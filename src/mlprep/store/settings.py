"""User settings: small JSON values by key in the ``settings`` table (migration 0003).

The first is the domain round's chosen tracks (``domain.tracks``): the tracks the user is
interviewing for, which ``mlprep domain``, the mock loop and the plan draw from.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from mlprep.store.db import Store
from mlprep.store.models import SettingRow

DOMAIN_TRACKS = "domain.tracks"


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default``; an unreadable value counts as unset."""
    with store.reading() as session:
        row = session.get(SettingRow, (store.user_id, key))
        text = None if row is None else row.value
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def set_setting(store: Store, key: str, value: Any, now: datetime | None = None) -> None:
    """Store ``value`` (JSON-ready) under ``key``, replacing what was there."""
    when = now or datetime.now(UTC)
    text = json.dumps(value)
    with store.writing() as session:
        row = session.get(SettingRow, (store.user_id, key))
        if row is None:
            session.add(SettingRow(key=key, value=text, updated_at=when))
        else:
            row.value, row.updated_at = text, when


def chosen_tracks(store: Store) -> tuple[str, ...]:
    """The domain tracks the user chose, in ``tracks.toml`` order; () when none were chosen.

    Tracks since removed from ``tracks.toml`` are dropped.
    """
    from mlprep.domain.bank import tracks

    stored = get_setting(store, DOMAIN_TRACKS, [])
    wanted = set(stored) if isinstance(stored, list) else set()
    return tuple(t for t in tracks() if t in wanted)


def choose_tracks(store: Store, chosen: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Store the chosen tracks (checked against ``tracks.toml``); returns them in its order."""
    from mlprep.domain.bank import parse_tracks

    tracks = parse_tracks(list(chosen))
    set_setting(store, DOMAIN_TRACKS, list(tracks))
    return tracks


__all__ = ["DOMAIN_TRACKS", "choose_tracks", "chosen_tracks", "get_setting", "set_setting"]
