"""``mlprep db recover``: copy every row that can still be read from a damaged SQLite history.

Two ways, the better first:

1. the ``sqlite3`` command's ``.recover``, which reads the file page by page and also saves rows
   whose parent pages are lost. It needs a build with the ``sqlite_dbpage`` table; Debian 12's
   ``sqlite3`` lacks it and fails, and then:
2. table by table through the ``sqlite3`` module: each table's rows are read by rowid range, and
   a range that meets a damaged page is halved until only its unreadable rows are left out.

The damaged file is never opened: both work on a copy in a temporary folder (opening a database
can rewrite it, replaying its WAL). The new file appears under its final name only when complete.
The summaries derived from the submissions (``problem_stats``) are then recounted from the rows
that were kept: copied as they were, they would still count the lost ones.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROWID_MIN, ROWID_MAX = -(2**63), 2**63 - 1
CLI_METHOD = "sqlite3 .recover"
TABLE_METHOD = "table by table"


class RecoveryError(Exception):
    """Nothing could be recovered, or the output cannot be written; the message says why."""


@dataclass(frozen=True)
class Recovery:
    """What ``recover`` wrote: where, how, and the rows kept in each table."""

    output: Path
    method: str
    rows: dict[str, int]
    notes: list[str] = field(default_factory=list)


def recover(source: Path, output: Path, *, use_cli: bool = True) -> Recovery:
    """Write into ``output`` (which must not exist) every row of ``source`` that can be read."""
    if output.exists():
        raise RecoveryError(f"{output} already exists: choose another --output")
    if not source.is_file():
        raise RecoveryError(f"{source} does not exist: there is nothing to recover")
    with tempfile.TemporaryDirectory(prefix="mlprep-recover-") as work:
        copy = _copy_of(source, Path(work))
        partial = Path(work) / "recovered.db"
        notes: list[str] = []
        method = _recover_with_cli(copy, partial, notes) if use_cli else None
        if method is None:
            method = TABLE_METHOD
            _recover_table_by_table(copy, partial, notes)
        _recount_summaries(partial, notes)
        rows = count_rows(partial)
        notes += _orphans(partial)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(partial, output)  # a rename when on one file system: never half a file
    return Recovery(output, method, rows, notes)


def _recount_summaries(path: Path, notes: list[str]) -> None:
    """Rebuild ``problem_stats`` from the submissions kept (a history older than migration 0006
    has no such table: nothing to do)."""
    from sqlalchemy import create_engine, inspect

    from mlprep.store.summaries import rebuild

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            tables = set(inspect(connection).get_table_names())
            if {"problem_stats", "submissions"} <= tables:
                rebuild(connection)
                notes.append("problem_stats: recounted from the submissions kept")
    finally:
        engine.dispose()


def count_rows(path: Path) -> dict[str, int]:
    """Rows per table of an intact database, in table order."""
    with closing(sqlite3.connect(path)) as db:
        names = [name for (name,) in db.execute(_TABLES)]
        return {
            name: db.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0]
            for name in names
        }


_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
)


def _orphans(path: Path) -> list[str]:
    """Rows kept whose parent row was lost (test results of a lost submission, say)."""
    with closing(sqlite3.connect(path)) as db:
        found = db.execute("PRAGMA foreign_key_check").fetchall()
    counts: dict[str, int] = {}
    for table, *_ in found:
        counts[table] = counts.get(table, 0) + 1
    return [f"{table}: {n} rows refer to a row that was lost" for table, n in counts.items()]


def _copy_of(source: Path, folder: Path) -> Path:
    """Copy the database and its WAL (rows not yet checkpointed live there) into ``folder``."""
    copy = folder / "damaged.db"
    shutil.copyfile(source, copy)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


# --- 1. the sqlite3 command's .recover --------------------------------------------------------


def _recover_with_cli(copy: Path, output: Path, notes: list[str]) -> str | None:
    """Run ``sqlite3 COPY .recover`` into a new database; None when that cannot be done here.

    The SQL it prints goes through a file beside the copy, not memory: it is larger than the
    database.
    """
    binary = shutil.which("sqlite3")
    if binary is None:
        notes.append("no sqlite3 command here (Debian: apt-get install sqlite3)")
        return None
    script = copy.with_suffix(".sql")
    with open(script, "wb") as out:
        dump = subprocess.run([binary, str(copy), ".recover"], stdout=out, stderr=subprocess.PIPE)
    if dump.returncode != 0:
        why = dump.stderr.decode(errors="replace").strip().splitlines() or [str(dump.returncode)]
        notes.append(f"sqlite3's .recover does not work here ({why[-1]}), so {TABLE_METHOD}")
        return None
    with open(script, "rb") as sql:
        load = subprocess.run([binary, str(output)], stdin=sql, capture_output=True)
    if load.returncode != 0:
        notes.append(f"loading what .recover found failed ({load.stderr.decode(errors='replace')})")
        output.unlink(missing_ok=True)
        return None
    return CLI_METHOD


# --- 2. table by table, by rowid range ------------------------------------------------------


def _recover_table_by_table(copy: Path, output: Path, notes: list[str]) -> None:
    with closing(sqlite3.connect(copy)) as source, _new_database(output) as target:
        schema = _schema(source)
        for name, sql in schema["table"]:
            target.execute(sql)
            kept = _copy_rows(source, target, name)
            notes.extend([] if kept is not None else [f"{name}: its columns are unreadable"])
        for kind in ("index", "view", "trigger"):
            for name, sql in schema[kind]:
                try:
                    target.execute(sql)
                except sqlite3.Error as exc:  # the rows are what matter; say what is missing
                    notes.append(f"{kind} {name} not recreated: {exc}")


@contextmanager
def _new_database(path: Path) -> Iterator[sqlite3.Connection]:
    """A new database written in one transaction, committed when the block ends without error."""
    target = sqlite3.connect(path, isolation_level=None)
    try:
        target.execute("BEGIN")
        yield target
        target.execute("COMMIT")
    finally:
        target.close()


def _schema(source: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    """The CREATE statements by kind, tables first; the schema page is the one thing we need."""
    query = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    try:
        entries = source.execute(query).fetchall()
    except sqlite3.DatabaseError as exc:
        raise RecoveryError(f"its list of tables is unreadable ({exc}): nothing to copy") from exc
    schema: dict[str, list[tuple[str, str]]] = {"table": [], "index": [], "view": [], "trigger": []}
    for kind, name, sql in entries:
        if kind in schema and not name.startswith("sqlite_"):
            schema[kind].append((name, sql))
    return schema


def _copy_rows(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> int | None:
    """Copy every readable row of ``table``; returns how many, None if it has no readable columns.

    The declared columns carry the data (an INTEGER PRIMARY KEY is the rowid itself); the rowid
    only orders and bounds the reads.
    """
    try:
        columns = [row[1] for row in source.execute(f"PRAGMA table_info({_quoted(table)})")]
    except sqlite3.DatabaseError:
        return None
    return _RowCopier(source, target, table, columns).copy(ROWID_MIN, ROWID_MAX)


@dataclass
class _RowCopier:
    source: sqlite3.Connection
    target: sqlite3.Connection
    table: str
    columns: list[str]

    def __post_init__(self) -> None:
        names = ", ".join(_quoted(c) for c in self.columns)
        table = _quoted(self.table)
        self.read_range = f"SELECT rowid, {names} FROM {table} WHERE rowid BETWEEN ? AND ?"
        # One row by equality: a range scan steps on to the next row, maybe on a damaged page.
        self.read_one = f"SELECT rowid, {names} FROM {table} WHERE rowid = ?"
        marks = ", ".join("?" * len(self.columns))
        self.write = f"INSERT INTO {table} ({names}) VALUES ({marks})"

    def copy(self, low: int, high: int) -> int:
        """Copy the readable rows with ``low <= rowid <= high``, halving around damaged pages.

        Rows are streamed in rowid order, so a range fails only from the row it could not read
        (the sqlite3 module reads one row ahead); the rest is split in two and each half tried
        again, down to single rowids. Ids here are dense, so that costs about one query per row
        lost, and no readable row is left out.
        """
        if low > high:
            return 0
        kept, start = 0, low
        try:
            for row in self._read(low, high):
                self.target.execute(self.write, row[1:])  # an error here is not the source's
                kept, start = kept + 1, row[0] + 1
        except _Unreadable:
            if low == high:
                return 0  # this row is unreadable: left out
            middle = start + (high - start) // 2
            kept += self.copy(start, middle) + self.copy(middle + 1, high)
        return kept

    def _read(self, low: int, high: int) -> Iterator[tuple]:
        """The source's rows in ``[low, high]``; a damaged page raises :class:`_Unreadable`."""
        query, args = (self.read_one, (low,)) if low == high else (self.read_range, (low, high))
        try:
            yield from self.source.execute(query, args)
        except sqlite3.DatabaseError as exc:
            raise _Unreadable from exc


class _Unreadable(Exception):
    """A read of the damaged source failed (as opposed to a write of the new database)."""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
