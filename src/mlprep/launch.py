"""The console script's entry point: starts the judge's sandbox before anything heavy loads.

``mlprep judge`` and ``mlprep run`` spend most of their start-up waiting for the sandbox's
Python to import NumPy. Starting it here, before Click and the commands are even imported,
lets that happen in parallel with everything this process loads. It lives outside ``mlprep.cli``
because importing that package imports Click, which would delay the sandbox's start.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlprep.judge.worker import Worker

_early: Worker | None = None


def main() -> None:
    global _early
    args = sys.argv[1:]
    if args[:1] in (["judge"], ["run"]) and not {"-h", "--help"} & set(args):
        from mlprep.judge.sandbox import SandboxUnavailable
        from mlprep.judge.worker import Worker

        try:
            _early = Worker()
            _early.start()
        except SandboxUnavailable:
            _early = None  # the command itself explains what is missing
    try:
        from mlprep.cli import main as run_cli

        run_cli()
    finally:
        discard_early_worker()


def take_early_worker() -> Worker | None:
    """The sandbox started at launch, if any; the caller owns (and destroys) it."""
    global _early
    worker, _early = _early, None
    return worker


def discard_early_worker() -> None:
    worker = take_early_worker()
    if worker is not None:
        worker.destroy()
