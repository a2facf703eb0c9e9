"""Shared fixtures: an isolated data/cache folder for every run, a warm worker, helpers."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

_ISOLATED = tempfile.mkdtemp(prefix="mlprep-tests-")
os.environ["MLPREP_DATA_DIR"] = str(Path(_ISOLATED, "data"))
os.environ["MLPREP_CACHE_DIR"] = str(Path(_ISOLATED, "cache"))
os.environ.pop("MLPREP_DATABASE_URL", None)
os.environ.pop("MLPREP_UNSAFE_NO_SANDBOX", None)

MLPREP = [sys.executable, "-m", "mlprep"]


@pytest.fixture(scope="module")
def worker():
    from mlprep.judge.worker import Worker

    w = Worker()
    yield w
    w.destroy()


def judge_source(slug: str, source: str, worker=None, mode: str = "judge"):
    from mlprep.judge.runner import judge
    from mlprep.problems import load_problem

    return judge(load_problem(slug), source.encode(), mode=mode, worker=worker)


def run_cli(*args: str, timeout: float = 60, env: dict | None = None, **kwargs):
    return subprocess.run(
        [*MLPREP, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def sandbox_processes() -> set[int]:
    """Live host processes that belong to a sandbox (bwrap or the harness), from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path("/proc", entry, "cmdline").read_bytes()
            state = Path("/proc", entry, "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z" and (b"/sandbox/harness.py" in cmdline or b"judge/harness.py" in cmdline):
            found.add(int(entry))
    return found


def leftovers(before: set[int], wait: float = 3.0) -> set[int]:
    """Sandbox processes that appeared since ``before`` and are still alive after ``wait``."""
    deadline = time.monotonic() + wait
    while (extra := sandbox_processes() - before) and time.monotonic() < deadline:
        time.sleep(0.05)
    return extra
