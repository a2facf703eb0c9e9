"""Where mlprep keeps what it can rebuild: validated metadata and generated test sets."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_root() -> Path:
    if os.environ.get("MLPREP_CACHE_DIR"):
        return Path(os.environ["MLPREP_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlprep"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so no reader sees half of it; a cache that cannot be written
    only costs speed, so failures are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)
    except OSError:
        pass
