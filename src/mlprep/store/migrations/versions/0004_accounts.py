"""Accounts: a users table (user 1 is "local"), and every user-data table owned by a user.

Existing rows become user 1's, so a single-user history carries on unchanged. Each owned table
gains ``user_id`` (NOT NULL, a foreign key to users, indexed with the table's time column);
review cards become unique per (user, question) and settings keyed by (user, key).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 17:50:00

"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL_USER_ID = 1

# table -> the indexes it gains, each (name, columns), with user_id first
OWNED = {
    "submissions": [
        ("ix_submissions_user_id_created_at", ["user_id", "created_at"]),
        ("ix_submissions_user_id_problem_created_at", ["user_id", "problem", "created_at"]),
    ],
    "test_results": [("ix_test_results_user_id_submission_id", ["user_id", "submission_id"])],
    "review_cards": [("ix_review_cards_user_id_due", ["user_id", "due"])],
    "review_logs": [("ix_review_logs_user_id_reviewed_at", ["user_id", "reviewed_at"])],
    "practice_sessions": [("ix_practice_sessions_user_id_started_at", ["user_id", "started_at"])],
    "answers": [("ix_answers_user_id_created_at", ["user_id", "created_at"])],
    "plans": [("ix_plans_user_id_created_at", ["user_id", "created_at"])],
    "plan_tasks": [("ix_plan_tasks_user_id_day", ["user_id", "day"])],
    "settings": [],
}


def upgrade() -> None:
    users = op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.execute(
        users.insert().values(
            id=LOCAL_USER_ID,
            username="local",
            password_hash=None,  # cannot log in: single-user mode needs no password
            role="admin",
            created_at=datetime.now(UTC),
            failed_logins=0,
            locked_until=None,
        )
    )
    if op.get_bind().dialect.name == "postgresql":  # the id was given: move the sequence past it
        op.execute("SELECT setval(pg_get_serial_sequence('users', 'id'), 1)")

    for table, indexes in OWNED.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column(
                    "user_id",
                    sa.Integer(),
                    nullable=False,
                    server_default=sa.text(str(LOCAL_USER_ID)),  # existing rows: the local user
                )
            )
            batch.create_foreign_key(
                op.f(f"fk_{table}_user_id_users"), "users", ["user_id"], ["id"], ondelete="CASCADE"
            )
            if table == "review_cards":
                batch.drop_constraint("uq_review_cards_question", type_="unique")
                batch.create_unique_constraint(
                    "uq_review_cards_user_id_question", ["user_id", "question"]
                )
            if table == "settings":
                batch.drop_constraint("pk_settings", type_="primary")
                batch.create_primary_key("pk_settings", ["user_id", "key"])
        with op.batch_alter_table(table) as batch:
            # New rows name their user: the store always does, so no default hides a mistake.
            batch.alter_column("user_id", existing_type=sa.Integer(), server_default=None)
            for name, columns in indexes:
                batch.create_index(name, columns, unique=False)
            if table == "submissions":  # (user_id, problem, created_at) serves its queries now
                batch.drop_index("ix_submissions_problem_created_at")


def downgrade() -> None:
    for table, indexes in reversed(OWNED.items()):
        with op.batch_alter_table(table) as batch:
            if table == "submissions":
                batch.create_index("ix_submissions_problem_created_at", ["problem", "created_at"])
            for name, _ in indexes:
                batch.drop_index(name)
            if table == "settings":
                batch.drop_constraint("pk_settings", type_="primary")
                batch.create_primary_key("pk_settings", ["key"])
            if table == "review_cards":
                batch.drop_constraint("uq_review_cards_user_id_question", type_="unique")
                batch.create_unique_constraint("uq_review_cards_question", ["question"])
            batch.drop_constraint(op.f(f"fk_{table}_user_id_users"), type_="foreignkey")
            batch.drop_column("user_id")
    op.drop_table("users")
