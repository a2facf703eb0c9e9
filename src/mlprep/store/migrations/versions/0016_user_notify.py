"""Account changes notified: on PostgreSQL, a trigger sends ``NOTIFY mlprep_users, '<user id>'``
when a user's row is updated or deleted (a new password, a new role, a removed account, a login
counted), delivered when that change commits. A team server's web process keeps the accounts of
its sessions between requests only while it LISTENs, and drops one on its notification
(``mlprep.team.web.AccountCache``). SQLite gets nothing.

Revision ID: 0016_user_notify
Revises: 0015_job_notify
Create Date: 2026-12-04 16:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016_user_notify"
down_revision: str | Sequence[str] | None = "0015_job_notify"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "mlprep_users"  # mlprep.team.web.USERS_CHANNEL: kept here as it was when migrated


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION mlprep_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', OLD.id::text); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON users FOR EACH ROW "
        "EXECUTE FUNCTION mlprep_user_changed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS users_notify ON users")
    op.execute("DROP FUNCTION IF EXISTS mlprep_user_changed()")
