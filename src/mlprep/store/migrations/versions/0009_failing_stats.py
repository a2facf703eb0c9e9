"""Scale: a per-user, per-problem, per-category summary of the failing hidden tests.

``failing_stats`` (one row per user, problem and hidden-test category: how many of the user's
wrong ``judge`` submissions to the problem failed a hidden test of that category, tests not run
aside) is what the instructor's cohort table sums for a problem's commonest failing categories,
instead of joining every test row of the cohort's wrong submissions. The store keeps it in the
same transaction as each submission insert (``mlprep.store.summaries``). This migration
backfills it from the submissions and test rows already stored, in one aggregate
INSERT ... SELECT.

Revision ID: 0009_failing_stats
Revises: 0008_plan_task_item
Create Date: 2026-12-03 21:40:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_failing_stats"
down_revision: str | Sequence[str] | None = "0008_plan_task_item"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The migration's own copy of the summary's definition (summaries._failing_counts may change
# after this revision; what it backfilled must not).
BACKFILL = """
INSERT INTO failing_stats (user_id, problem, category, submissions)
SELECT s.user_id, s.problem, t.category, count(DISTINCT t.submission_id)
FROM submissions AS s
JOIN test_results AS t ON t.submission_id = s.id AND t.user_id = s.user_id
WHERE s.mode = 'judge' AND s.verdict != 'accepted'
  AND t.sample = false AND t.status NOT IN ('passed', 'not_run')
GROUP BY s.user_id, s.problem, t.category
"""


def upgrade() -> None:
    op.create_table(
        "failing_stats",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("problem", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("submissions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_failing_stats_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "problem", "category", name=op.f("pk_failing_stats")),
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_table("failing_stats")
