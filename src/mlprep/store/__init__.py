"""The submission history: every run and judge result, kept in a local database.

This package owns the history's storage: where it lives (``locations``), the fast outbox that
``mlprep judge`` spools finished submissions into without importing SQLAlchemy (``outbox``), and
the SQLAlchemy 2 + Alembic database they are ingested into and queried from (``db``, ``models``,
``migrations``). Database names are loaded lazily, so ``import mlprep.store`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlprep.store.errors import StoreError
from mlprep.store.locations import data_dir, database_url, outbox_dir
from mlprep.store.outbox import MalformedRecord, spool
from mlprep.store.records import Submission, SubmissionSummary, TestResult

if TYPE_CHECKING:
    from mlprep.store.db import HEAD_REVISION, Store, open_store

__all__ = [
    "HEAD_REVISION",
    "MalformedRecord",
    "Store",
    "StoreError",
    "Submission",
    "SubmissionSummary",
    "TestResult",
    "data_dir",
    "database_url",
    "open_store",
    "outbox_dir",
    "spool",
]

_FROM_DB = frozenset({"HEAD_REVISION", "Store", "open_store"})


def __getattr__(name: str) -> Any:
    # Importing SQLAlchemy costs ~250 ms; only code that opens the database should pay it.
    if name in _FROM_DB:
        from mlprep.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
