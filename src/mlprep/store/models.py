"""The database tables, as SQLAlchemy 2 typed ORM classes. Alembic migrations mirror these."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
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


LOCAL_USER_ID = 1  # the built-in user "local": single-user mode, and data from before accounts


# --- accounts (migration 0004) ----------------------------------------------------------------


class UserRow(Base):
    """An account. User 1 is "local" (no password, admin): the single-user mode's owner."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(Text)  # pwdlib Argon2; None: cannot log in
    role: Mapped[str] = mapped_column(String(16))  # "learner", "instructor", "admin"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    failed_logins: Mapped[int] = mapped_column(default=0)  # since the last success or lockout
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


# Names are unique whatever their case (0012): the database refuses "ann" beside "Ann", however
# many processes create accounts at once; lookups by name use the index.
Index("uq_users_lower_username", func.lower(UserRow.username), unique=True)


class Owned:
    """A row that belongs to one user. The store fills ``user_id`` in and filters every query by
    it (``mlprep.store.db``), so a row of another user is never read, changed or counted."""

    @declared_attr
    def user_id(cls) -> Mapped[int]:  # noqa: N805 (SQLAlchemy's declared_attr takes the class)
        return mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


class SubmissionRow(Owned, Base):
    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_user_id_created_at", "user_id", "created_at"),
        Index("ix_submissions_user_id_problem_created_at", "user_id", "problem", "created_at"),
        # a problem's latest accepted judge before a moment, from the index alone (migration 0014)
        Index(
            "ix_submissions_user_id_problem_mode_verdict_created_at",
            "user_id",
            "problem",
            "mode",
            "verdict",
            "created_at",
        ),
    )

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


class TestResultRow(Owned, Base):
    __tablename__ = "test_results"
    __table_args__ = (Index("ix_test_results_user_id_submission_id", "user_id", "submission_id"),)
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


# --- the other rounds (migration 0002) -------------------------------------------------------


class ReviewCardRow(Owned, Base):
    """One breadth question's FSRS card: its scheduling state, as ``fsrs.Card.to_dict()``."""

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "question", name="uq_review_cards_user_id_question"),
        Index("ix_review_cards_user_id_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))  # "topic/name", one card per user
    topic: Mapped[str] = mapped_column(String(100), index=True)
    due: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    state: Mapped[str] = mapped_column(Text)  # JSON
    reviews: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReviewLogRow(Owned, Base):
    """One review of one card: the rating given, and for graded kinds whether it was right."""

    __tablename__ = "review_logs"
    __table_args__ = (
        Index("ix_review_logs_reviewed_at", "reviewed_at"),
        Index("ix_review_logs_user_id_reviewed_at", "user_id", "reviewed_at"),
        # whether a card was rated before a moment: one probe (migration 0014)
        Index("ix_review_logs_user_id_question_reviewed_at", "user_id", "question", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200), index=True)
    topic: Mapped[str] = mapped_column(String(100))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    rating: Mapped[int]  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    correct: Mapped[bool | None]  # None for open questions
    answer: Mapped[str] = mapped_column(Text, default="")
    # The card as it was before this rating, as JSON ({"card": null} when it had no row yet), so
    # the rating can be undone; None for ratings stored before migration 0006 (not undoable).
    before: Mapped[str | None] = mapped_column(Text, default=None)


class SessionRow(Owned, Base):
    """A timed practice session: a design mock, a prompt answer set, or a whole mock loop."""

    __tablename__ = "practice_sessions"
    __table_args__ = (Index("ix_practice_sessions_user_id_started_at", "user_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32))  # "design", "behavioral", "deep_dive", "loop"
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    minutes: Mapped[int] = mapped_column(default=0)  # the time box
    spec: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what was drawn, in order
    report: Mapped[str] = mapped_column(Text, default="")  # Markdown, once finished


class AnswerRow(Owned, Base):
    """A written answer to one part of a round (a design step, a prompt), scored."""

    __tablename__ = "answers"
    __table_args__ = (
        Index("ix_answers_round_item", "round", "item"),
        Index("ix_answers_user_id_created_at", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[str] = mapped_column(String(32))  # "design", "behavioral", "deep_dive"
    item: Mapped[str] = mapped_column(String(200))  # case slug or prompt id
    part: Mapped[str] = mapped_column(String(64), default="")  # design step key, STAR section...
    text: Mapped[str] = mapped_column(Text, default="")
    auto_score: Mapped[float | None] = mapped_column(
        Float
    )  # rubric coverage estimated by the matcher, 0..1
    self_score: Mapped[float | None] = mapped_column(Float)  # the user's own score, 0..1
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PlanRow(Owned, Base):
    """A study plan: its inputs, and one row per task in ``plan_tasks``."""

    __tablename__ = "plans"
    __table_args__ = (Index("ix_plans_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    interview_date: Mapped[date] = mapped_column(Date())
    hours_per_week: Mapped[float] = mapped_column(Float)
    rounds: Mapped[str] = mapped_column(Text)  # JSON list
    active: Mapped[bool] = mapped_column(default=True)


class PlanTaskRow(Owned, Base):
    __tablename__ = "plan_tasks"
    __table_args__ = (Index("ix_plan_tasks_user_id_day", "user_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date(), index=True)  # the user's local day
    round: Mapped[str] = mapped_column(String(32))
    topic: Mapped[str] = mapped_column(String(100), default="")
    minutes: Mapped[int]
    what: Mapped[str] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # what the task works on: a problem, case or prompt id, or the loop's rounds (migration 0006)
    item: Mapped[str] = mapped_column(String(200), default="", server_default="")


# --- review like Anki (migration 0006) --------------------------------------------------------
# Card ids are the review tables' own (the deck's prefix, then ``unit/name``). A card needs no
# ``review_cards`` row to be suspended, buried, checked or edited: new cards can be all of these.


class ReviewFlagRow(Owned, Base):
    """A card the user took out of the queue: suspended until undone, or buried until a time."""

    __tablename__ = "review_flags"
    __table_args__ = (
        UniqueConstraint("user_id", "question", name="uq_review_flags_user_id_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))
    suspended: Mapped[bool] = mapped_column(default=False)
    buried_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReviewCheckRow(Owned, Base):
    """A graded card's checked answer, waiting for its rating: it is the answer until then, so a
    reload shows the same verdict and the card cannot be answered again."""

    __tablename__ = "review_checks"
    __table_args__ = (
        UniqueConstraint("user_id", "question", name="uq_review_checks_user_id_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool]
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReviewAnswerRow(Owned, Base):
    """The user's own model answer to a bank card, shown instead of the bank's (which is kept)."""

    __tablename__ = "review_answers"
    __table_args__ = (
        UniqueConstraint("user_id", "question", name="uq_review_answers_user_id_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UserCardRow(Owned, Base):
    """A card the user wrote: a breadth-schema question as JSON, validated when read back."""

    __tablename__ = "user_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "question", name="uq_user_cards_user_id_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))  # its card id: prefix, unit/my-name
    content: Mapped[str] = mapped_column(Text)  # JSON of mlprep.review.schema.Question
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# --- user settings (migration 0003; per user since 0004) -------------------------------------


class SettingRow(Owned, Base):
    """One user setting (the domain round's chosen tracks, say), its value as JSON."""

    __tablename__ = "settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# --- team judging (migration 0005) ------------------------------------------------------------


class JobRow(Owned, Base):
    """A submission on its way through a team server's queue (``mlprep.team``).

    The web process writes it (``queued``, with the code) and commits before the job is sent to
    the broker; a worker moves it to ``running``, writes progress, and finally to ``done`` with
    the report and the stored submission's id, in one transaction that only a row not yet done
    can take (so a redelivered job is stored once). A custom run (the user's own input) ends
    with its report and no submission: it is not stored, as on the single-user server. Every
    change bumps ``version``, which long polls wait on; ``attempts`` counts deliveries, capped
    by the worker.
    """

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_user_id_created_at", "user_id", "created_at"),
        Index("ix_jobs_state_updated_at", "state", "updated_at"),  # the re-enqueue sweep
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    problem: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(16))  # "judge", "run" or "custom"
    code: Mapped[str] = mapped_column(Text)
    # A custom run's input (the arguments as JSON text), which the worker runs the reference on.
    custom_input: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="queued")  # queued, running, done
    version: Mapped[int] = mapped_column(default=0)
    done_tests: Mapped[int] = mapped_column(default=0)
    total_tests: Mapped[int] = mapped_column(default=0)
    report: Mapped[str | None] = mapped_column(Text)  # JSON, once done
    error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=0)
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# --- materialised summaries (migration 0006) ---------------------------------------------------


class ProblemStatsRow(Owned, Base):
    """One user's submissions to one problem, summed up: what the problem list, the progress
    page and the dashboard read instead of every submission row.

    Kept by ``mlprep.store.summaries`` in the same transaction as each submission insert, so it
    always equals a recount from ``submissions`` (``rebuild`` recounts; migration 0006 backfills).
    """

    __tablename__ = "problem_stats"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    problem: Mapped[str] = mapped_column(String(200), primary_key=True)
    submissions: Mapped[int]  # every mode
    judged: Mapped[int]  # mode "judge"
    accepted: Mapped[int]  # mode "judge" with the verdict accepted
    first_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_at: Mapped[datetime] = mapped_column(UTCDateTime())
    first_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FailingStatsRow(Owned, Base):
    """How many of one user's wrong judged submissions to one problem failed a hidden test of one
    category (a submission counts once per category however many of its tests failed): what the
    cohort table's commonest failing categories read instead of every test row.

    Kept by ``mlprep.store.summaries`` in each submission's own transaction, as ``problem_stats``
    (``rebuild`` recounts; migration 0009_failing_stats backfills).
    """

    __tablename__ = "failing_stats"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    problem: Mapped[str] = mapped_column(String(200), primary_key=True)
    category: Mapped[str] = mapped_column(String(100), primary_key=True)
    submissions: Mapped[int]


# --- cohorts (migration 0007_cohorts) ---------------------------------------------------------


class CohortRow(Owned, Base):
    """A group of learners that an instructor (the owner, ``user_id``) sets work for.

    Learners join with ``invite_code`` (random, unique; rotating it retires the old one). Only
    the owner reads the cohort; learners reach its name and assignments through their
    membership, by the explicit queries of ``mlprep.team.cohorts``.
    """

    __tablename__ = "cohorts"
    __table_args__ = (Index("ix_cohorts_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    invite_code: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MembershipRow(Owned, Base):
    """A learner (``user_id``) in a cohort: the learner's own row, made by joining."""

    __tablename__ = "memberships"
    __table_args__ = (
        Index("ix_memberships_user_id_cohort_id", "user_id", "cohort_id", unique=True),
        Index("ix_memberships_cohort_id", "cohort_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AssignmentRow(Owned, Base):
    """Work set for a cohort by its owner (``user_id``), due at ``due_at``.

    ``kind`` is ``problems``, ``breadth``, ``design`` or ``loop``; ``items`` the JSON list of
    problem slugs, breadth topics or design cases (empty for a mock loop).
    """

    __tablename__ = "assignments"
    __table_args__ = (
        Index("ix_assignments_user_id_created_at", "user_id", "created_at"),
        Index("ix_assignments_cohort_id_due_at", "cohort_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    items: Mapped[str] = mapped_column(Text)  # JSON list
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


OWNED_TABLES = tuple(
    sorted(m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Owned))
)
