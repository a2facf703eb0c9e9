"""Usernames unique whatever their case: a unique index on lower(username).

Logins and every lookup by name already ignore case, but only the application checked that no
two names differ by case alone, so two accounts made at once as "Ann" and "ann" both got in.
The index makes the database refuse the second (expression indexes work on SQLite and
PostgreSQL alike, and lookups by ``lower(username)`` now use it).

Existing duplicates: the oldest account of each group (the lowest id) keeps its name, since
logging in already found that one. Each later one is renamed to its name followed by ``~`` and
its id (cut to 64 characters), e.g. "ann~7": no name made by ``mlprep users add`` holds a
``~``, so a renamed one takes nobody's name, and its owner logs in with it (an admin sees it in
``mlprep users list``). No account or data is removed. The downgrade drops the index and keeps
the new names.

Revision ID: 0012_username_case
Revises: 0011_review_anki
Create Date: 2026-12-06 10:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_username_case"
down_revision: str | Sequence[str] | None = "0011_review_anki"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_users_lower_username"
MAX_USERNAME = 64


def upgrade() -> None:
    connection = op.get_bind()
    for user_id, username in _later_duplicates(connection):
        connection.execute(
            sa.text("UPDATE users SET username = :name WHERE id = :id"),
            {"name": renamed(username, user_id), "id": user_id},
        )
    op.create_index(INDEX, "users", [sa.text("lower(username)")], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="users")


def _later_duplicates(connection: sa.Connection) -> list[tuple[int, str]]:
    """(id, username) of every account whose name, ignoring case, an older account has."""
    seen: set[str] = set()
    later = []
    for user_id, username in connection.execute(
        sa.text("SELECT id, username FROM users ORDER BY id")
    ):
        if username.lower() in seen:
            later.append((user_id, username))
        seen.add(username.lower())
    return later


def renamed(username: str, user_id: int) -> str:
    suffix = f"~{user_id}"
    return username[: MAX_USERNAME - len(suffix)] + suffix
