"""Small file helpers shared across packages: where rebuildable caches live, atomic writes.

The problem cache, the seccomp filter's cache and the local user's revealed hints all keep
small files that other processes read at any moment; all write them here. Standard library
only: the judge's sandbox start-up reads its syscall filter through here before NumPy or
pydantic are loaded.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def cache_root() -> Path:
    """Where mlprep keeps what it can rebuild: validated metadata, test sets, the seccomp filter."""
    if os.environ.get("MLPREP_CACHE_DIR"):
        return Path(os.environ["MLPREP_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlprep"))


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` so no reader sees half of it. Returns False when it could not:
    for a cache or a convenience file that only costs speed, so callers may ignore it."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            temp = tmp.name
            tmp.write(data)
        os.replace(temp, path)
    except OSError:
        if temp is not None:  # a full disk must not leave a stray temporary file behind
            with contextlib.suppress(OSError):
                os.unlink(temp)
        return False
    return True
