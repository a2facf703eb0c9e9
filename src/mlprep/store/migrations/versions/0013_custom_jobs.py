"""Custom runs on a team server: a job keeps the user's own input.

``jobs.custom_input`` holds the arguments a user wrote (JSON text) for a job of mode "custom";
the worker that takes the job runs the reference on them and then the user's code. NULL for
runs and submissions, and for every job before this revision.

Revision ID: 0013_custom_jobs
Revises: 0012_username_case
Create Date: 2026-12-06 11:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_custom_jobs"
down_revision: str | Sequence[str] | None = "0012_username_case"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("custom_input", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("custom_input")
