"""Where the history lives: the data folder, the database URL, and the outbox for that database.

Standard library only at import time (platformdirs is imported when first needed), so the outbox
stays cheap to import.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

DATA_DIR_ENV = "MLPREP_DATA_DIR"
DATABASE_URL_ENV = "MLPREP_DATABASE_URL"


def data_dir() -> Path:
    """``$MLPREP_DATA_DIR``, else the platform's per-user data folder for mlprep."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("mlprep"))


def database_url() -> str:
    """``$MLPREP_DATABASE_URL``, else an SQLite file in the data folder."""
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{data_dir().absolute() / 'mlprep.db'}"


def url_key(url: str | None = None) -> str:
    """A short, file-name-safe name for one database: 12 hex digits of the URL's SHA-256."""
    return hashlib.sha256((url or database_url()).encode()).hexdigest()[:12]


def outbox_dir(url: str | None = None) -> Path:
    """The spool folder for one database, so two databases never ingest each other's records."""
    return data_dir() / "outbox" / url_key(url)
