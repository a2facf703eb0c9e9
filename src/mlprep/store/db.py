"""The history database: opening it (and migrating it once), ingesting the outbox, and queries.

Every public entry point translates database and OS failures into :class:`StoreError` naming the
database, so the CLI can print one clear line instead of a traceback.
"""

from __future__ import annotations

import copy
import fcntl
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event, func, inspect, select, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, selectinload, with_loader_criteria

from mlprep.store.errors import (
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreFull,
    describe_os_error,
    is_disk_full,
)
from mlprep.store.integrity import RECOVER_ADVICE, check_once
from mlprep.store.locations import data_dir, database_url, url_key
from mlprep.store.models import (
    LOCAL_USER_ID,
    Owned,
    ProblemStatsRow,
    SubmissionRow,
    TestResultRow,
)
from mlprep.store.outbox import (
    MalformedRecord,
    complete_record,
    pending,
    read_record,
    reject,
    sweep_abandoned,
)
from mlprep.store.records import Submission, SubmissionSummary, TestResult
from mlprep.store.summaries import count_new_submissions

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "HEAD_REVISION",
    "LOCAL_USER_ID",
    "MIGRATIONS_DIR",
    "Store",
    "alembic_config",
    "open_store",
    "revisions",
    "sqlite_file",
    "upgrade",
]

# a test checks this against Alembic's own idea of the head
HEAD_REVISION = "0016_user_notify"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_SECONDS = 30.0
VERSION_TABLE = "alembic_version"
_WRITE = "mlprep_write"  # execution option: begin with BEGIN IMMEDIATE
# The write session open in this thread or task, per store, so that nested writes join it.
_OPEN_WRITE: ContextVar[tuple[Store, Session] | None] = ContextVar("mlprep_write", default=None)
_MIGRATION_LOCK_KEY = 0x6D6C70726570  # "mlprep": PostgreSQL's advisory lock for migrating

logger = logging.getLogger(__name__)

_REPORT_COLUMNS = ("problem", "mode", "verdict", "passed", "total", "seconds", "message", "stdout")
_SUMMARY_COLUMNS = tuple(getattr(SubmissionRow, f.name) for f in fields(SubmissionSummary))
_TEST_FIELDS = tuple(f.name for f in fields(TestResult))


def open_store(url: str | None = None, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> Store:
    """Open the history database at ``url`` (default :func:`database_url`), at the latest schema.

    Creates the SQLite file and its folder if needed. An existing SQLite file is checked once per
    process (``PRAGMA quick_check``), so a damaged one is refused with the way to recover its
    rows instead of failing page by page later. Raises :class:`StoreError`.
    """
    url = url or database_url()
    label = _label(url)
    with _translating(label, busy_timeout):
        parsed = _parse(url)
        db_path = _sqlite_path(parsed)
        if db_path is not None:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            check_once(db_path)
        engine = _make_engine(parsed, busy_timeout)
        try:
            _ensure_schema(engine, _lock_path(url, db_path), label, busy_timeout)
        except BaseException:
            engine.dispose()
            raise
    return Store(engine, url, label, busy_timeout)


def revisions(url: str | None = None) -> list[str]:
    """The schema revisions stored in the database now (empty for a new or missing one)."""
    url = url or database_url()
    label = _label(url)
    with _translating(label, BUSY_TIMEOUT_SECONDS):
        parsed = _parse(url)
        db_path = _sqlite_path(parsed)
        if db_path is not None and not db_path.exists():
            return []  # connecting would create the file
        engine = _make_engine(parsed, BUSY_TIMEOUT_SECONDS)
        try:
            with engine.connect() as conn:
                return _revisions(conn)
        finally:
            engine.dispose()


def upgrade(url: str | None = None) -> tuple[list[str], str]:
    """Bring the database to the head revision (``mlprep db upgrade``); a no-op when it is there.

    Returns the revisions found before and the head. Raises :class:`StoreError`.
    """
    before = revisions(url)
    open_store(url).close()  # migrates under the lock, as every command's first open does
    return before, HEAD_REVISION


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` for the packaged migrations; no alembic.ini needed at run time.

    With ``connection``, migrations run on it (and inside its transaction).
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


class UserSession(Session):
    """A session bound to one user (``info["user_id"]``): it reads, counts, changes and deletes
    only that user's rows of every :class:`~mlprep.store.models.Owned` table, and stamps the rows
    it adds with that user. Every session the :class:`Store` hands out is one of these."""


@event.listens_for(UserSession, "do_orm_execute")
def _only_this_user(state: ORMExecuteState) -> None:
    # with_loader_criteria reaches every Owned entity of the statement, joins and relationship
    # loads included, and ORM-enabled UPDATE and DELETE; the lambda's user_id becomes a bound
    # parameter, so the statement stays cached across users.
    if not (state.is_select or state.is_update or state.is_delete):
        return
    user_id = state.session.info["user_id"]
    state.statement = state.statement.options(
        with_loader_criteria(Owned, lambda cls: cls.user_id == user_id, include_aliases=True)
    )


@event.listens_for(UserSession, "before_flush")
def _stamp_owner(session: Session, _context: Any, _instances: Any) -> None:
    user_id = session.info["user_id"]
    for row in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(row, Owned):
            continue
        if row.user_id is None and row in session.new:
            row.user_id = user_id
        elif row.user_id != user_id:  # cannot happen through the store's own queries
            raise StoreError(f"refused: a row of user {row.user_id} in a session of user {user_id}")


# Every submission a store session inserts is added to problem_stats in the same transaction.
event.listen(UserSession, "after_flush", count_new_submissions)


class Store:
    """An open history database, bound to one user (the local user 1 unless told otherwise).

    Use :func:`open_store` to get one and close it when done; :meth:`for_user` gives a view of
    the same database bound to another user. Every session it hands out (:meth:`reading`,
    :meth:`writing`) sees only that user's rows: see :class:`UserSession`.
    """

    def __init__(
        self,
        engine: Engine,
        url: str,
        label: str,
        busy_timeout: float,
        *,
        user_id: int = LOCAL_USER_ID,
        owns_engine: bool = True,
    ) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{_WRITE: True})
        # PostgreSQL runs a lone statement as its own transaction: without BEGIN and ROLLBACK or
        # COMMIT it is one round trip instead of three (see reading_one and writing_one).
        postgres = engine.dialect.name == "postgresql"
        self._at_once = engine.execution_options(isolation_level="AUTOCOMMIT") if postgres else None
        self.url = url
        self._label = label
        self._busy_timeout = busy_timeout
        self.user_id = user_id
        self._owns_engine = owns_engine

    @property
    def engine(self) -> Engine:
        return self._engine

    def for_user(self, user_id: int) -> Store:
        """The same database, bound to ``user_id``; it shares this store's connections, and
        closing it closes nothing."""
        if user_id == self.user_id:
            return self
        # A copy, not a new Store: it keeps this one's option engines, which cost a web process
        # more to make than the rest of a request's dependencies (one store per request).
        bound = copy.copy(self)
        bound.user_id, bound._owns_engine = user_id, False
        return bound

    def ingest_outbox(self) -> int:
        """Move this database's spooled records into it; returns how many were new.

        One transaction per record, and a record's file is deleted only after its commit, so a
        crash at any point loses nothing and duplicates nothing. Malformed records are moved to
        the outbox's ``rejected`` folder with a warning. The outbox is the command line's, which
        is the local user's: a store bound to another user ingests nothing.
        """
        if self.user_id != LOCAL_USER_ID:
            return 0
        with self._translating():
            sweep_abandoned(self.url)
            return sum(self._ingest_one(path) for path in pending(self.url))

    def add(self, record: dict[str, Any]) -> int:
        """Store one finished submission now (the shape :func:`spool` takes); returns its id.

        For a long-running process such as the web server, which has no reason to go through the
        outbox. Raises :class:`MalformedRecord` for a record that does not fit.
        """
        complete = complete_record(record)
        with self._translating():
            self._insert(complete)
            with self._session(self._engine) as session:
                return session.scalar(
                    select(SubmissionRow.id).where(
                        SubmissionRow.uid == complete["id"],
                        SubmissionRow.user_id == self.user_id,
                    )
                )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; database errors come out as :class:`StoreError`.

        Inside :meth:`writing` it is the write session, so reads see the writes made so far.
        """
        joined = self._open_write()
        if joined is not None:
            yield joined
            return
        with self._translating(), self._session(self._engine) as session:
            yield session

    def reading_one(self) -> AbstractContextManager[Connection]:
        """A Core connection for one query that needs no transaction of its own: the reads made
        on every request (the login check, a job's row). On PostgreSQL it runs in autocommit;
        elsewhere, and inside :meth:`writing`, it is :meth:`reading`'s connection. Several
        queries on it would not share one snapshot. Core: the store's per-user filter does not
        apply, so the statement itself names the user."""
        return self._lone(self.reading)

    def writing_one(self) -> AbstractContextManager[Connection]:
        """A Core connection for one statement that commits on its own (an ``INSERT ...
        RETURNING``): on PostgreSQL it runs in autocommit, so the statement is committed when it
        returns; elsewhere, and inside :meth:`writing`, it is :meth:`writing`'s connection."""
        return self._lone(self.writing)

    @contextmanager
    def _lone(
        self, otherwise: Callable[[], AbstractContextManager[Session]]
    ) -> Iterator[Connection]:
        # Core, not an ORM session: a team server makes these on every request and every job,
        # and a session costs more than the statement (measured in docs/team.md).
        if self._at_once is None or _OPEN_WRITE.get() is not None:
            with otherwise() as session:
                yield session.connection()
            return
        with self._translating(), self._at_once.connect() as connection:
            yield connection

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A Core connection inside one write transaction (BEGIN IMMEDIATE on SQLite), committed
        on success, rolled back on any failure: several statements all or nothing, without an ORM
        session (the worker stores each verdict in one). Inside :meth:`writing` it is that
        transaction's connection. Core: the statements themselves name the user."""
        joined = self._open_write()
        if joined is not None:
            yield joined.connection()
            return
        with self._translating(), self._writer.begin() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session inside one write transaction (BEGIN IMMEDIATE), committed on success.

        Nested calls join the outermost transaction, so a caller can make several writes all or
        nothing (a full disk then loses none of them half-way). Any failure rolls it all back.
        """
        joined = self._open_write()
        if joined is not None:
            yield joined
            return
        with self._translating(), self._session(self._writer) as session, session.begin():
            token = _OPEN_WRITE.set((self, session))
            try:
                yield session
            finally:
                _OPEN_WRITE.reset(token)

    def history(self, problem: str | None = None, limit: int = 50) -> list[SubmissionSummary]:
        """The latest ``limit`` submissions, newest first, optionally to one problem only."""
        query = select(*_SUMMARY_COLUMNS).where(SubmissionRow.user_id == self.user_id)
        if problem is not None:
            query = query.where(SubmissionRow.problem == problem)
        query = query.order_by(SubmissionRow.created_at.desc(), SubmissionRow.id.desc())
        with self._translating(), self._session(self._engine) as session:
            rows = session.execute(query.limit(max(limit, 0))).all()
        return [SubmissionSummary(**row._asdict()) for row in rows]

    def get(self, submission_id: int) -> Submission | None:
        """One submission with its code and tests, or None if there is no such id."""
        if not 0 < submission_id < 2**63:  # SQLite cannot even compare larger integers
            return None
        with self._translating(), self._session(self._engine) as session:
            row = session.get(
                SubmissionRow, submission_id, options=[selectinload(SubmissionRow.tests)]
            )
            if row is None or row.user_id != self.user_id:
                return None
            return _submission(row)

    def count(self) -> int:
        """How many submissions are stored."""
        return self._scalar(
            select(func.count())
            .select_from(SubmissionRow)
            .where(SubmissionRow.user_id == self.user_id)
        )

    def solved_problems(self) -> set[str]:
        """Problems with at least one accepted ``judge`` submission (from ``problem_stats``)."""
        query = select(ProblemStatsRow.problem).where(
            ProblemStatsRow.user_id == self.user_id, ProblemStatsRow.accepted > 0
        )
        return self._slugs(query)

    def judged_counts(self) -> dict[str, tuple[int, int]]:
        """Per problem: (accepted, all) ``judge`` submissions; runs are not submissions here.

        Read from ``problem_stats``: one row per problem, not a count over every submission.
        """
        query = select(
            ProblemStatsRow.problem, ProblemStatsRow.accepted, ProblemStatsRow.judged
        ).where(ProblemStatsRow.user_id == self.user_id, ProblemStatsRow.judged > 0)
        with self._translating(), self._session(self._engine) as session:
            rows = session.execute(query).all()
        return {problem: (accepted, judged) for problem, accepted, judged in rows}

    def latest_accepted(self, problem: str) -> Submission | None:
        """The newest accepted ``judge`` submission to ``problem``, with its code, or None."""
        query = (
            select(SubmissionRow.id)
            .where(
                SubmissionRow.user_id == self.user_id,
                SubmissionRow.problem == problem,
                SubmissionRow.mode == "judge",
                SubmissionRow.verdict == "accepted",
            )
            .order_by(SubmissionRow.created_at.desc(), SubmissionRow.id.desc())
            .limit(1)
        )
        found = self._scalar(query)
        return None if found is None else self.get(found)

    def attempted_problems(self) -> set[str]:
        """Problems with at least one submission of any mode or verdict."""
        return self._slugs(
            select(ProblemStatsRow.problem).where(ProblemStatsRow.user_id == self.user_id)
        )

    def close(self) -> None:
        if self._owns_engine:
            self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _ingest_one(self, path: Path) -> bool:
        try:
            inserted = self._insert(read_record(path))
        except FileNotFoundError:  # another ingester got there first
            return False
        except MalformedRecord as exc:
            moved_to = reject(path)
            logger.warning("outbox record %s is malformed (%s); moved to %s", path, exc, moved_to)
            return False
        path.unlink(missing_ok=True)  # only now: the record is committed, or already was
        return inserted

    def _insert(self, record: dict[str, Any]) -> bool:
        try:
            # BEGIN IMMEDIATE: concurrent ingesters queue here rather than fail on lock upgrade.
            with self._session(self._writer) as session, session.begin():
                if self._stored(session, record["id"]):
                    return False
                session.add(_submission_row(record))
        except IntegrityError as exc:
            with self._session(self._engine) as session:
                if self._stored(session, record["id"]):  # a concurrent ingester won the race
                    return False
            raise MalformedRecord(f"the database refused it: {exc.orig}") from exc
        return True

    @staticmethod
    def _stored(session: Session, uid: str) -> bool:
        return session.scalar(select(SubmissionRow.id).where(SubmissionRow.uid == uid)) is not None

    def _open_write(self) -> Session | None:
        """The session of this store's write transaction open in this context, if any: what
        :meth:`reading`, :meth:`writing` and :meth:`transaction` join instead of starting one."""
        current = _OPEN_WRITE.get()
        return current[1] if current is not None and current[0] is self else None

    def _session(self, bind: Engine) -> UserSession:
        return UserSession(bind, info={"user_id": self.user_id})

    def _scalar(self, query: Any) -> Any:
        with self._translating(), self._session(self._engine) as session:
            return session.scalar(query)

    def _slugs(self, query: Any) -> set[str]:
        with self._translating(), self._session(self._engine) as session:
            return set(session.scalars(query.distinct()))

    def _translating(self) -> Any:
        return _translating(self._label, self._busy_timeout)


# --- opening and migrating ------------------------------------------------------------------


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url!r} is not a database URL (check MLPREP_DATABASE_URL)") from exc


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite database URL; None for other databases and in-memory ones."""
    return _sqlite_path(_parse(url))


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).absolute()


def _label(url: str) -> str:
    """How messages name the database: its file, or its URL without the password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    path = _sqlite_path(parsed)
    return str(path) if path is not None else parsed.render_as_string(hide_password=True)


# SQLAlchemy's default pool lets 15 connections be open at once but keeps only 5: each one
# past them is closed when returned, so under load a request past five opened a new PostgreSQL
# connection (a backend forked and authenticated): 108 of them in one 600-submission rush
# (docs/team.md). All 15 are kept now. The cap stays: it bounds how many of a web process's 40
# threads work at once, and with 40 the 300-learner run's slowest pages were slower still.
POSTGRES_POOL = {"pool_size": 15, "max_overflow": 0}


def _make_engine(url: URL, busy_timeout: float, *, foreign_keys: bool = True) -> Engine:
    from sqlalchemy import create_engine

    engine = create_engine(url, **(POSTGRES_POOL if url.get_backend_name() == "postgresql" else {}))
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine, busy_timeout, foreign_keys)
    return engine


def _tune_sqlite(engine: Engine, busy_timeout: float, foreign_keys: bool) -> None:
    # No "PRAGMA journal_mode = WAL" here: WAL is a property of the file, set once by _use_wal
    # under the migration lock. Run by every new connection, it made concurrent first opens fail
    # at once with "database is locked" (see _use_wal).
    pragmas = (
        f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}",
        f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}",
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, now decides where transactions begin (_on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in pragmas:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the write lock up front, waiting up to the busy timeout; upgrading a
        # read transaction later can fail at once with "database is locked".
        immediate = conn.get_execution_options().get(_WRITE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _lock_path(url: str, db_path: Path | None) -> Path:
    return Path(f"{db_path}.lock") if db_path else data_dir() / f"migrate-{url_key(url)}.lock"


def _ensure_schema(engine: Engine, lock: Path, label: str, busy_timeout: float) -> None:
    """Bring the database to the head revision, in WAL mode; only one process at a time does it.

    The common case costs one short read and never imports Alembic. Everything that changes the
    file (the WAL switch, the migration) happens only while holding the lock file. No SQLite
    lock is held while waiting for it: connections go back to the pool with their transaction
    rolled back, and an idle connection holds no lock.
    """
    wal = _wants_wal(engine)
    if _state(engine, wal) == ([HEAD_REVISION], True):
        return
    with _exclusive(lock):
        revisions, in_wal = _state(engine, wal)  # another process may have done it meanwhile
        if not in_wal:
            _use_wal(engine, busy_timeout)
        if revisions != [HEAD_REVISION]:
            _migrate(engine.url, label, busy_timeout)


def _wants_wal(engine: Engine) -> bool:
    """WAL (readers never block the writer, nor it them) for SQLite files; no other database."""
    return engine.dialect.name == "sqlite" and _sqlite_path(engine.url) is not None


def _state(engine: Engine, wal: bool) -> tuple[list[str], bool]:
    """The schema revisions stored, and whether the file is in WAL mode (True if not wanted)."""
    with engine.connect() as conn:
        revisions = _revisions(conn)
        in_wal = not wal or conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    return revisions, in_wal


def _revisions(conn: Connection) -> list[str]:
    if not inspect(conn).has_table(VERSION_TABLE):
        return []
    return list(conn.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))


def _use_wal(engine: Engine, busy_timeout: float) -> None:
    """Switch the file to WAL mode, which then lasts; call only while holding the lock file.

    The switch reads the file header, then rewrites it: a read transaction upgraded to a write
    one. SQLite never waits on such an upgrade (two waiting upgraders would deadlock): it fails
    at once with "database is locked", whatever the busy timeout, when any other connection is
    writing, for instance making the same switch. So the switch is made by one process at a
    time (the lock file), and retried here against writers that do not take the lock file.
    """
    statement = "PRAGMA journal_mode = WAL"
    deadline = time.monotonic() + busy_timeout
    connection = engine.raw_connection()  # SQLAlchemy's would BEGIN, and no transaction may
    try:
        cursor = connection.cursor()
        try:
            while True:
                try:
                    cursor.execute(statement).fetchall()
                    return
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc).lower() or time.monotonic() >= deadline:
                        raise OperationalError(statement, None, exc) from exc  # for _translating
                time.sleep(0.01)
        finally:
            cursor.close()
    finally:
        connection.close()


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:  # closing the file releases the lock, even on a crash
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _migrate(url: URL, label: str, busy_timeout: float) -> None:
    from alembic import command
    from alembic.util import CommandError

    # Foreign keys off while migrating: batch migrations rebuild tables by drop and copy, and
    # ON DELETE CASCADE would empty test_results on the way.
    migrator = _make_engine(url, busy_timeout, foreign_keys=False)
    try:
        with migrator.execution_options(**{_WRITE: True}).begin() as conn:
            if conn.dialect.name == "postgresql":
                # The lock file serialises one machine's processes; web processes and workers on
                # several machines share the database, so it holds the lock for them all.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
            command.upgrade(alembic_config(conn), "head")
    except CommandError as exc:
        raise StoreError(
            f"cannot bring {label} to schema revision {HEAD_REVISION}: {exc} "
            "(was it created by a newer mlprep? then upgrade mlprep)"
        ) from exc
    finally:
        migrator.dispose()


# --- rows to records ------------------------------------------------------------------------


def submission_columns(record: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A checked record (:func:`complete_record`) as the column values of its submission row
    and of its test rows, without the ids and owner that storing it adds."""
    report = record["report"]
    submission = {
        "uid": record["id"],
        "created_at": datetime.fromisoformat(record["created_at"]),
        "source": record["source"],
        **{name: report[name] for name in _REPORT_COLUMNS},
    }
    return submission, [dict(test) for test in report["tests"]]


def _submission_row(record: dict[str, Any]) -> SubmissionRow:
    submission, tests = submission_columns(record)
    return SubmissionRow(**submission, tests=[TestResultRow(**test) for test in tests])


def _submission(row: SubmissionRow) -> Submission:
    tests = tuple(TestResult(**{f: getattr(t, f) for f in _TEST_FIELDS}) for t in row.tests)
    names = (f.name for f in fields(Submission) if f.name != "tests")
    return Submission(**{name: getattr(row, name) for name in names}, tests=tests)


# --- errors ---------------------------------------------------------------------------------


@contextmanager
def _translating(label: str, busy_timeout: float) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        raise _explain(exc, label, busy_timeout) from exc
    except OSError as exc:
        kind = StoreFull if is_disk_full(exc) else StoreError
        raise kind(f"cannot use the history at {label}: {describe_os_error(exc)}") from exc


def _explain(exc: DBAPIError, label: str, busy_timeout: float) -> StoreError:
    """The :class:`StoreError` subclass and message for a database failure."""
    detail = str(exc.orig).lower()
    if is_disk_full(exc):
        return StoreFull(f"cannot write {label}: no space left on device: free some disk space")
    if "file is not a database" in detail or "malformed" in detail:
        return StoreCorrupt(f"{label} is damaged ({exc.orig}): {RECOVER_ADVICE}")
    if "locked" in detail:
        return StoreBusy(
            f"{label} stayed locked by another process for {busy_timeout:g} s: "
            "wait for other mlprep commands to finish and try again"
        )
    if "readonly" in detail or "read-only" in detail:
        return StoreError(
            f"cannot write {label}: it or its folder is read-only (set MLPREP_DATA_DIR?)"
        )
    if "unable to open" in detail:
        return StoreError(f"cannot open {label}: check that its folder exists and is writable")
    return StoreError(f"database error on {label}: {exc.orig}")
