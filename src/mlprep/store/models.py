"""The database tables, as SQLAlchemy 2 typed ORM classes. Alembic migrations mirror these."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, MetaData, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Named constraints, so later batch migrations on SQLite can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; SQLite itself keeps no time zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _as_utc(value)


def _as_utc(value: datetime) -> datetime:
    # Naive values only ever come from the store's own UTC writes.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class SubmissionRow(Base):
    __tablename__ = "submissions"
    __table_args__ = (Index("ix_submissions_problem_created_at", "problem", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)  # the outbox record's id
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    problem: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(16))
    verdict: Mapped[str] = mapped_column(String(32))
    passed: Mapped[int]
    total: Mapped[int]
    seconds: Mapped[float] = mapped_column(Float)  # explicit: SQLAlchemy 2.1 defaults to Double
    source: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    stdout: Mapped[str] = mapped_column(Text)

    # lazy="raise": rows are copied into records inside the session, so a lazy load would be a bug.
    tests: Mapped[list[TestResultRow]] = relationship(
        back_populates="submission",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="TestResultRow.index",
        lazy="raise",
    )


class TestResultRow(Base):
    __tablename__ = "test_results"
    __test__ = False  # not a pytest test class, despite the name

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    index: Mapped[int]
    sample: Mapped[bool]
    category: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(32))
    seconds: Mapped[float] = mapped_column(Float)  # explicit: SQLAlchemy 2.1 defaults to Double
    message: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    input: Mapped[str] = mapped_column(Text)
    expected: Mapped[str] = mapped_column(Text)
    actual: Mapped[str] = mapped_column(Text)

    submission: Mapped[SubmissionRow] = relationship(back_populates="tests", lazy="raise")
