"""Writing files so that no reader ever sees half of one (standard library only).

The problem cache and the local user's revealed hints both keep small files that other
processes read at any moment; both write them here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` so no reader sees half of it. Returns False when it could not:
    for a cache that only costs speed, so callers may ignore it."""
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
