"""The store's one exception, and plain-language reasons for the OS errors behind it.

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


class StoreError(Exception):
    """The submission history cannot be read or written; the message says where and why."""


def describe_os_error(exc: OSError, path: object = None) -> str:
    """What went wrong, in words a candidate can act on.

    Names the path the OS complained about unless it is ``path``, which the caller names already.
    """
    reason = _HINTS.get(exc.errno or 0) or exc.strerror or str(exc)
    if exc.filename is None or str(exc.filename) == str(path):
        return reason
    return f"{exc.filename}: {reason}"
