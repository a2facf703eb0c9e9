"""Is the SQLite history file intact? ``PRAGMA quick_check``, once per process per file version.

A damaged page in the middle of the file does not stop SQLite from opening it: queries fail only
when they reach that page, so without a check the web app would answer 500 on some pages and not
others. :func:`check_once` runs when a command opens the database (cheap: see docs/web.md for its
cost on a 50 MB file) and refuses a damaged file with the way to recover its rows.

Standard library only.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from mlprep.store.errors import StoreCorrupt

RECOVER_HOW = (
    "`mlprep db recover` writes a new database with every row that can still be read "
    "(the damaged file is kept as it is)"
)
RECOVER_ADVICE = f"`mlprep db check` lists the problems, and {RECOVER_HOW}"
CHECK_TIMEOUT_SECONDS = 30.0  # as the store's busy timeout: a writer may hold the file meanwhile

_checked: set[tuple[str, int, int]] = set()
_lock = threading.Lock()


def quick_check(path: Path, max_problems: int = 20) -> list[str]:
    """The problems ``PRAGMA quick_check`` finds in the SQLite file at ``path``; [] when intact.

    A file that is not a database at all is one problem. Raises ``sqlite3.OperationalError``
    when the file cannot be read now (locked, missing, unreadable): that is not damage.
    """
    with closing(sqlite3.connect(path, timeout=CHECK_TIMEOUT_SECONDS)) as db:
        db.execute("PRAGMA query_only = 1")  # a check never writes
        # A check that meets a damaged page may fail after its first report, and the sqlite3
        # module reads one row ahead, so that report is lost with the error; one report stops
        # it before that.
        for limit in (max_problems, 1):
            try:
                rows = db.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
                break
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError as exc:  # SQLITE_CORRUPT, SQLITE_NOTADB: damage itself
                error = exc
        else:
            return [str(error)]
    lines = [line for (text,) in rows for line in str(text).splitlines()]
    return [] if lines == ["ok"] else [line for line in lines if not line.startswith("*** ")]


def check_once(path: Path) -> None:
    """Raise :class:`StoreCorrupt` if the file at ``path`` is damaged; checked once per process.

    Keyed by the file's size and modification time too, so a file that changed since (another
    process wrote it, or a test damaged it) is checked again. A missing file is a new database.
    """
    try:
        stat = path.stat()
    except FileNotFoundError:
        return
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _lock:
        if key in _checked:
            return
    try:
        problems = quick_check(path)
    except sqlite3.OperationalError:
        return  # cannot read it now: opening it will meet the same error and explain it
    if problems:
        raise StoreCorrupt(describe_damage(path, problems))
    with _lock:
        _checked.add(key)


def describe_damage(path: Path, problems: list[str]) -> str:
    """One message naming the damaged file, the first problem and the fix."""
    count = f"{len(problems)} problems" if len(problems) > 1 else "a problem"
    return (
        f"{path} is damaged: SQLite's integrity check found {count}, the first: {problems[0]}. "
        f"{RECOVER_ADVICE}"
    )
