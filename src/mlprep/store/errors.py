"""The store's exceptions, and plain-language reasons for the OS and database errors behind them.

Standard library only: the outbox, which must stay cheap to import, raises these too.
"""

from __future__ import annotations

import errno

_HINTS = {
    errno.ENOSPC: "no space left on device: free some disk space",
    errno.EDQUOT: "disk quota exceeded: free some space",
    errno.EROFS: "read-only file system: set MLPREP_DATA_DIR to a writable folder",
    errno.EACCES: "permission denied: fix the folder's permissions or set MLPREP_DATA_DIR",
    errno.EPERM: "operation not permitted: fix the folder's permissions or set MLPREP_DATA_DIR",
    errno.ENOTDIR: "a part of the path is a file, not a folder: set MLPREP_DATA_DIR elsewhere",
    errno.EEXIST: "a file is in the way of a folder: set MLPREP_DATA_DIR elsewhere",
}
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
SQLITE_FULL = 13  # sqlite3 reports it as "database or disk is full"
POSTGRES_DISK_FULL = "53100"  # SQLSTATE disk_full


class StoreError(Exception):
    """The submission history cannot be read or written; the message says where and why."""


class StoreFull(StoreError):
    """A write failed because the disk (or quota) is full; its transaction was rolled back."""


class StoreBusy(StoreError):
    """Another process held the database longer than the busy timeout."""


class StoreCorrupt(StoreError):
    """The database file is damaged; the message names it and how to recover its rows."""


def describe_os_error(exc: OSError, path: object = None) -> str:
    """What went wrong, in words a candidate can act on.

    Names the path the OS complained about unless it is ``path``, which the caller names already.
    """
    reason = _HINTS.get(exc.errno or 0) or exc.strerror or str(exc)
    if exc.filename is None or str(exc.filename) == str(path):
        return reason
    return f"{exc.filename}: {reason}"


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk is full, whichever layer raised it.

    The one place that knows the shapes of that failure: ``OSError`` ENOSPC/EDQUOT, sqlite3's
    SQLITE_FULL (also when SQLAlchemy wraps it, as ``.orig``), PostgreSQL's SQLSTATE 53100, and a
    :class:`StoreFull` already translated by the store.
    """
    if isinstance(exc, StoreFull):
        return True
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy's DBAPIError wraps the driver's
    if isinstance(cause, OSError):
        return cause.errno in _DISK_FULL_ERRNOS
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == SQLITE_FULL  # the low byte is the primary result code
    return getattr(cause, "sqlstate", None) == POSTGRES_DISK_FULL
