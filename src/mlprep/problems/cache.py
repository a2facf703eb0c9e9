"""Where mlprep keeps what it can rebuild: validated metadata and generated test sets.

Its files are written with :func:`mlprep.files.write_atomically`, re-exported here.
"""

from __future__ import annotations

import os
from pathlib import Path

from mlprep.files import write_atomically

__all__ = ["cache_root", "write_atomically"]


def cache_root() -> Path:
    if os.environ.get("MLPREP_CACHE_DIR"):
        return Path(os.environ["MLPREP_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlprep"))
