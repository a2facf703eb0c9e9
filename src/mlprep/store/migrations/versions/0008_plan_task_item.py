"""Plan tasks name what they work on (a problem, a case, a prompt, the loop's rounds), so a task
links to its page, names its command, and ticks itself once the store shows the work done.

Revision ID: 0008_plan_task_item
Revises: 0007_cohorts
Create Date: 2026-12-10 10:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_plan_task_item"
down_revision: str | Sequence[str] | None = "0007_cohorts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("plan_tasks") as batch:
        batch.add_column(
            sa.Column("item", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_tasks") as batch:
        batch.drop_column("item")
