"""Login sessions: a signed cookie (Starlette's SessionMiddleware, itsdangerous underneath).

The cookie holds the user's id and a fingerprint of their password hash, signed with one secret
that every web process must share: ``MLPREP_SECRET_KEY`` when set, else a random secret made
once and kept in the database (a setting of the local user), so web processes started anywhere
against the same database agree on it. The cookie is HttpOnly and SameSite=Lax; set
``MLPREP_SECURE_COOKIES=1`` behind HTTPS so browsers send it over HTTPS only.
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mlprep.store.models import LOCAL_USER_ID, SettingRow
from mlprep.store.summaries import dialect_insert

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mlprep.store import Store

SECRET_ENV = "MLPREP_SECRET_KEY"
SECURE_ENV = "MLPREP_SECURE_COOKIES"
SECRET_SETTING = "team.session_secret"
COOKIE = "mlprep_session"
MAX_AGE_SECONDS = 14 * 24 * 3600
USER_KEY, STAMP_KEY, NAME_KEY = "user", "stamp", "name"


def session_secret(store: Store) -> str:
    """``MLPREP_SECRET_KEY``, or the secret stored in the database (made on first use)."""
    configured = os.environ.get(SECRET_ENV, "").strip()
    if configured:
        return configured
    local = store.for_user(LOCAL_USER_ID)
    with local.reading() as session:
        kept = _kept_secret(session)
    return kept if kept is not None else _keep_one_secret(local)


def _keep_one_secret(local: Store) -> str:
    """Store a new secret unless another web process stored one first; the one stored.

    Web processes starting together all find no secret and all try to store one. ON CONFLICT DO
    NOTHING lets the first one's stand (on PostgreSQL the others wait for its commit, then skip),
    and each then reads back that one, so no process fails to start or signs with another key.
    """
    with local.writing() as session:
        insert = dialect_insert(local.engine.dialect.name)
        session.execute(
            insert(SettingRow)
            .values(
                user_id=LOCAL_USER_ID,
                key=SECRET_SETTING,
                value=json.dumps(secrets.token_urlsafe(48)),  # settings hold JSON
                updated_at=datetime.now(UTC),
            )
            .on_conflict_do_nothing(index_elements=[SettingRow.user_id, SettingRow.key])
        )
        kept = _kept_secret(session)
    assert kept is not None  # stored just now, or by the process that won
    return kept


def _kept_secret(session: Session) -> str | None:
    row = session.get(SettingRow, (LOCAL_USER_ID, SECRET_SETTING), populate_existing=True)
    return None if row is None else json.loads(row.value)


def middleware_options(store: Store) -> dict[str, Any]:
    """Keyword arguments for ``app.add_middleware(SessionMiddleware, ...)``."""
    return {
        "secret_key": session_secret(store),
        "session_cookie": COOKIE,
        "max_age": MAX_AGE_SECONDS,
        "same_site": "lax",
        "https_only": os.environ.get(SECURE_ENV, "") not in ("", "0"),
    }


__all__ = [
    "COOKIE",
    "SECRET_ENV",
    "STAMP_KEY",
    "USER_KEY",
    "middleware_options",
    "session_secret",
]
