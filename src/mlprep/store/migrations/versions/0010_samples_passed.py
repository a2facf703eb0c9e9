"""Runs whose samples all passed: verdict "samples_passed", no longer "accepted".

A run checks the samples only, so it never was an accepted submission; older versions stored it
as one. Judged submissions and failing runs keep their verdicts. The downgrade gives the old
spelling back.

Revision ID: 0010_samples_passed
Revises: 0009_failing_stats
Create Date: 2026-12-05 10:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_samples_passed"
down_revision: str | Sequence[str] | None = "0009_failing_stats"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_RENAME = sa.text("UPDATE submissions SET verdict = :new WHERE mode = 'run' AND verdict = :old")


def upgrade() -> None:
    op.get_bind().execute(_RENAME, {"old": "accepted", "new": "samples_passed"})


def downgrade() -> None:
    op.get_bind().execute(_RENAME, {"old": "samples_passed", "new": "accepted"})
