"""Judging in the background: a queue in front of the warm worker pool, and jobs to wait on.

A submission becomes a :class:`Job` at once; a judge thread takes it when a sandbox is free,
reports progress, stores the finished submission, and draws the problem's picture. Pages and
API clients wait on the job without holding a thread (long polling on an asyncio event). A
custom run (the user's own input) first has the reference compute the expected output, in a
child process of this one, and is not stored: it is an experiment, not a submission.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from mlprep.judge.pool import WorkerPool
from mlprep.judge.report import Report
from mlprep.judge.sandbox import SandboxUnavailable
from mlprep.problems import Case, Problem
from mlprep.problems.pictures import PictureSource, picture_source
from mlprep.store import Store, StoreError

logger = logging.getLogger(__name__)
KEEP_FINISHED_JOBS = 2000


class QueueFull(Exception):
    """More submissions are waiting than the server accepts; the client should retry later."""


class JudgeUnavailable(Exception):
    """This machine cannot run the sandbox (no bubblewrap, say); the message says how to fix it."""


@dataclass
class Job:
    """One submission on its way through the judge; read by the API, written by one thread."""

    id: str
    problem: str
    mode: str
    state: str = "queued"  # queued -> running -> done
    done_tests: int = 0
    total_tests: int = 0
    report: dict[str, Any] | None = None
    submission_id: int | None = None  # the stored submission, once saved
    error: str = ""  # why judging or saving failed, when it did
    # The case, outputs and expected outputs to draw; drawn only when the page asks.
    picture_source: PictureSource | None = field(default=None, repr=False)
    _picture: bytes | None = field(default=None, repr=False)
    version: int = 0
    _changed: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "problem": self.problem,
            "mode": self.mode,
            "state": self.state,
            "done_tests": self.done_tests,
            "total_tests": self.total_tests,
            "report": self.report,
            "submission_id": self.submission_id,
            "error": self.error,
            "picture": self.picture_source is not None,
            "picture_case": self.picture_source.case if self.picture_source else "",
            "picture_expected": bool(self.picture_source and self.picture_source.expected),
            "version": self.version,
        }

    def picture(self, problem: Problem) -> bytes | None:
        """The problem's picture of this job's output as PNG, drawn on first request."""
        if self._picture is None and self.picture_source is not None:
            self._picture = _draw(problem, self.picture_source)
        return self._picture

    def _apply(self, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(self, name, value)
        self.version += 1
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def wait_for_change(self, seen_version: int, timeout: float) -> None:
        """Return once the job is newer than ``seen_version``, or after ``timeout`` seconds."""
        if self.version != seen_version or self.state == "done":
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)


class JudgeService:
    """Owns the worker pool and the judge threads; create and close it inside the event loop."""

    def __init__(self, store: Store, workers: int = 2, queue_limit: int = 256) -> None:
        self._store = store
        self._pool: WorkerPool | None = None
        self.unavailable = ""  # why judging is impossible here, if it is
        try:
            self._pool = WorkerPool(workers)
        except SandboxUnavailable as exc:  # the other rounds still work; say why judging won't
            self.unavailable = str(exc)
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="judge")
        self._loop = asyncio.get_running_loop()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._waiting = 0
        self._queue_limit = queue_limit
        self._lock = threading.Lock()

    def submit(self, problem: Problem, data: bytes, mode: str, custom: Case | None = None) -> Job:
        """Queue ``data`` for judging; ``custom`` is the user's own input (mode "custom")."""
        if self._pool is None:
            raise JudgeUnavailable(f"this server cannot judge code: {self.unavailable}")
        with self._lock:
            if self._waiting >= self._queue_limit:
                raise QueueFull(f"{self._waiting} submissions are already waiting")
            self._waiting += 1
        job = Job(id=uuid.uuid4().hex, problem=problem.slug, mode=mode)
        self._remember(job)
        self._threads.submit(self._run, job, problem, data, custom)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    @property
    def waiting(self) -> int:
        return self._waiting

    def close(self) -> None:
        self._threads.shutdown(wait=True, cancel_futures=True)
        if self._pool is not None:
            self._pool.close()

    def _remember(self, job: Job) -> None:
        with self._lock:  # submissions arrive on several request threads at once
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_FINISHED_JOBS:
                oldest = next(iter(self._jobs.values()))
                if oldest.state != "done":
                    break
                self._jobs.popitem(last=False)

    def _update(self, job: Job, **changes: Any) -> None:
        self._loop.call_soon_threadsafe(job._apply, changes)

    def _run(self, job: Job, problem: Problem, data: bytes, custom: Case | None) -> None:
        from mlprep.problems.custom import CANNOT_RUN, ReferenceFailed

        with self._lock:
            self._waiting -= 1
        self._update(job, state="running")
        try:
            report, cases = self._judge(job, problem, data, custom)
        except ReferenceFailed as exc:  # the input, not the code, is at fault: say so
            self._update(job, state="done", error=f"{CANNOT_RUN}{exc}")
            return
        except Exception as exc:  # the sandbox itself failed: say so, keep serving
            logger.exception("judging %s failed", job.problem)
            self._update(job, state="done", error=f"the judge failed: {exc}")
            return
        changes: dict[str, Any] = {"state": "done", "report": report.to_json()}
        changes["total_tests"] = changes["done_tests"] = report.total
        if custom is None:
            changes.update(self._stored(data, report))
        changes["picture_source"] = picture_source(problem, report, cases)
        self._update(job, **changes)

    def _judge(
        self, job: Job, problem: Problem, data: bytes, custom: Case | None
    ) -> tuple[Report, list[Case]]:
        """The report, and the cases its tests ran (the bank's, or the user's own input)."""
        from mlprep.problems.custom import custom_tests

        assert self._pool is not None
        testset = None if custom is None else custom_tests(problem, custom)
        report = self._pool.judge(
            problem,
            data,
            job.mode,
            on_progress=lambda done, total: self._update(job, done_tests=done, total_tests=total),
            custom=testset,
        )
        return report, [custom] if custom is not None else problem.cases

    def _stored(self, data: bytes, report: Report) -> dict[str, Any]:
        try:
            record = {"source": data.decode("utf-8", errors="replace"), "report": report.to_json()}
            return {"submission_id": self._store.add(record)}
        except (StoreError, ValueError) as exc:
            return {"error": f"the verdict was not saved to the history: {exc}"}


def _draw(problem: Problem, source: PictureSource) -> bytes | None:
    from mlprep.problems.pictures import PictureError, draw_source

    buffer = io.BytesIO()
    try:
        draw_source(problem, source, buffer)
    except PictureError as exc:  # the verdict stands without a picture
        logger.info("no picture for %s: %s", problem.slug, exc)
        return None
    return buffer.getvalue()
