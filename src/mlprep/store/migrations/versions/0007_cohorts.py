"""Cohorts: an instructor's groups of learners, their invite codes, memberships and assignments.

``cohorts`` belong to their instructor (``user_id``), ``memberships`` to the learner who joined,
``assignments`` to the instructor who set them; each cascades with its user and its cohort.

Revision ID: 0007_cohorts
Revises: 0006_problem_stats
Create Date: 2026-12-03 21:30:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_cohorts"
down_revision: str | Sequence[str] | None = "0006_problem_stats"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
        ),
    ]


def _in_cohort(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f(f"fk_{table}_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("invite_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *_owner("cohorts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohorts")),
        sa.UniqueConstraint("invite_code", name=op.f("uq_cohorts_invite_code")),
    )
    op.create_index("ix_cohorts_user_id_created_at", "cohorts", ["user_id", "created_at"])
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        *_in_cohort("memberships"),
        *_owner("memberships"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )
    op.create_index(
        "ix_memberships_user_id_cohort_id", "memberships", ["user_id", "cohort_id"], unique=True
    )
    op.create_index("ix_memberships_cohort_id", "memberships", ["cohort_id"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *_in_cohort("assignments"),
        *_owner("assignments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    op.create_index("ix_assignments_user_id_created_at", "assignments", ["user_id", "created_at"])
    op.create_index("ix_assignments_cohort_id_due_at", "assignments", ["cohort_id", "due_at"])


def downgrade() -> None:
    op.drop_table("assignments")
    op.drop_table("memberships")
    op.drop_table("cohorts")
