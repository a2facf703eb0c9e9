"""Job changes notified: on PostgreSQL, a trigger sends ``NOTIFY mlprep_jobs, '<job id>'`` when a
job's ``version`` changes (claimed, progress, done), delivered when that change commits. A web
process LISTENs on one connection and wakes the long polls of that job instead of reading every
waiting job's row every 150 ms (``mlprep.team.web``). SQLite (no team server) gets nothing.

Revision ID: 0015_job_notify
Revises: 0014_page_indexes
Create Date: 2026-12-04 01:30:00

"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015_job_notify"
down_revision: str | Sequence[str] | None = "0014_page_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "mlprep_jobs"  # mlprep.team.web.CHANNEL: kept here as it was when migrated


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION mlprep_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', NEW.id::text); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER jobs_notify AFTER UPDATE ON jobs FOR EACH ROW "
        "WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION mlprep_job_changed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS jobs_notify ON jobs")
    op.execute("DROP FUNCTION IF EXISTS mlprep_job_changed()")
