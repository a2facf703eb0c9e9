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

from sqlalchemy.exc import IntegrityError

from mlprep.store.models import LOCAL_USER_ID, SettingRow

if TYPE_CHECKING:
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
        row = session.get(SettingRow, (LOCAL_USER_ID, SECRET_SETTING))
        if row is not None:
            return json.loads(row.value)
    made = secrets.token_urlsafe(48)
    try:
        with local.writing() as session:
            row = session.get(SettingRow, (LOCAL_USER_ID, SECRET_SETTING))
            if row is not None:  # another web process made it first
                return json.loads(row.value)
            value = json.dumps(made)  # settings hold JSON
            session.add(SettingRow(key=SECRET_SETTING, value=value, updated_at=datetime.now(UTC)))
    except IntegrityError:
        with local.reading() as session:
            return json.loads(session.get(SettingRow, (LOCAL_USER_ID, SECRET_SETTING)).value)
    return made


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
