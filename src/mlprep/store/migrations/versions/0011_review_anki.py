"""Review like Anki: suspended and buried cards, checked answers awaiting a rating, the user's own
answers to bank cards, the user's own cards, and what each rating changed (so it can be undone).

Every new table is owned by a user (``user_id``) and unique per (user, card id). Review logs gain
``before``: the card's row as it was before the rating, as JSON; older rows keep NULL and cannot
be undone.

Revision ID: 0011_review_anki
Revises: 0010_samples_passed
Create Date: 2026-12-03 21:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_review_anki"
down_revision: str | Sequence[str] | None = "0010_samples_passed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owned_table(name: str, *columns: sa.Column) -> None:
    """A table of one user's rows about one card each: id, user_id, question and ``columns``."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        *columns,
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f(f"fk_{name}_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("user_id", "question", name=f"uq_{name}_user_id_question"),
    )


def upgrade() -> None:
    _owned_table(
        "review_flags",
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("buried_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    _owned_table(
        "review_checks",
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    )
    _owned_table(
        "review_answers",
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    _owned_table(
        "user_cards",
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("review_logs") as batch:
        batch.add_column(sa.Column("before", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_logs") as batch:
        batch.drop_column("before")
    for name in ("user_cards", "review_answers", "review_checks", "review_flags"):
        op.drop_table(name)
