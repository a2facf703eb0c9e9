"""Helpers of the team server's unit tests: a fresh SQLite store per test, made fast.

Migrating a new database takes about 0.3 s, so one database is migrated per session and each
test gets its own copy of the file: the team's job and account code then runs on a real,
empty store (the local user 1 only) in a few milliseconds.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from mlprep.store import Store, open_store
from mlprep.store.models import UserRow


@cache
def _migrated(folder: str) -> Path:
    template = Path(folder) / "template.db"
    open_store(f"sqlite:///{template}").close()
    return template


@contextmanager
def fresh_store(tmp_path: Path, template_folder: Path) -> Iterator[Store]:
    """An empty store at the latest schema in ``tmp_path``, the local user's."""
    path = tmp_path / "team.db"
    shutil.copyfile(_migrated(str(template_folder)), path)
    with open_store(f"sqlite:///{path}") as store:
        yield store


def add_account(store: Store, username: str, role: str = "learner") -> int:
    """A user row without a password (no hashing): enough to own jobs and submissions."""
    with store.writing() as session:
        row = UserRow(
            username=username,
            password_hash=None,
            role=role,
            created_at=datetime(2026, 1, 1, tzinfo=UTC),
            failed_logins=0,
        )
        session.add(row)
        session.flush()
        return row.id
