"""Scale: a per-user, per-problem summary of the submissions, and indexes for the review tables.

``problem_stats`` (one row per user and problem: counts of submissions, judged and accepted ones,
and the first and last times of each) is what the problem list, the progress page and the
dashboard read instead of every submission; the store keeps it in the same transaction as each
submission insert (``mlprep.store.summaries``). This migration backfills it from the
submissions already stored, in one aggregate INSERT ... SELECT.

Revision ID: 0006_problem_stats
Revises: 0005
Create Date: 2026-12-05 10:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_problem_stats"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
INSERT INTO problem_stats (user_id, problem, submissions, judged, accepted,
                           first_at, last_at, first_accepted_at, last_accepted_at)
SELECT user_id, problem, count(*),
       sum(CASE WHEN mode = 'judge' THEN 1 ELSE 0 END),
       sum(CASE WHEN mode = 'judge' AND verdict = 'accepted' THEN 1 ELSE 0 END),
       min(created_at), max(created_at),
       min(CASE WHEN mode = 'judge' AND verdict = 'accepted' THEN created_at END),
       max(CASE WHEN mode = 'judge' AND verdict = 'accepted' THEN created_at END)
FROM submissions
GROUP BY user_id, problem
"""


def upgrade() -> None:
    op.create_table(
        "problem_stats",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("problem", sa.String(length=200), nullable=False),
        sa.Column("submissions", sa.Integer(), nullable=False),
        sa.Column("judged", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_problem_stats_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "problem", name=op.f("pk_problem_stats")),
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_table("problem_stats")
