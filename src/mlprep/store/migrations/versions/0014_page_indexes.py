"""Two indexes that keep a learner's pages from reading their whole history.

- ``review_logs (user_id, question, reviewed_at)``: whether a card was rated before today (the
  daily cap on new cards) is one probe per card rated today, not a GROUP BY over the whole log.
- ``submissions (user_id, problem, mode, verdict, created_at)``: a problem's latest accepted
  judged submission before a moment (the coding mastery's recency, week by week) is one step
  of this index, read from the index alone.

Revision ID: 0014_page_indexes
Revises: 0013_custom_jobs
Create Date: 2026-12-04 01:30:00

"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_page_indexes"
down_revision: str | Sequence[str] | None = "0013_custom_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_review_logs_user_id_question_reviewed_at": (
        "review_logs",
        ["user_id", "question", "reviewed_at"],
    ),
    "ix_submissions_user_id_problem_mode_verdict_created_at": (
        "submissions",
        ["user_id", "problem", "mode", "verdict", "created_at"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
