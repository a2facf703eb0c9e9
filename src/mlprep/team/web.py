"""The web process's side of team judging: write the job row, then enqueue; long-poll the row.

A team server's web process judges nothing. ``POST /api/problems/{slug}/submit`` (and ``/run``,
and ``/custom-run`` with the user's input kept in the row) commits the job row first and only
then sends ``judge_submission`` to the broker, so whatever is answered 202 is in the database:
if the send fails (the broker down) or the process is killed right after the commit, a worker's
re-enqueue sweep sends it later. Live progress comes from the database:
``GET /api/jobs/{id}?after=VERSION&wait=SECONDS`` reads the row every :data:`POLL_SECONDS`
until its version is past ``after`` (or it is done, or the wait is over), so any web process can
answer for any job, whichever worker judges it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

from starlette.concurrency import run_in_threadpool

from mlprep.problems import Problem
from mlprep.store import Store
from mlprep.team import jobs
from mlprep.team.queue import TeamQueue

POLL_SECONDS = 0.15
logger = logging.getLogger(__name__)


class TeamJudge:
    """Stands in for the in-process ``JudgeService`` on a team server."""

    unavailable = ""  # workers judge; this process can always take submissions
    waiting = 0

    def __init__(self, queue: TeamQueue | None = None) -> None:
        self._queue = queue
        self._lock = threading.Lock()

    @property
    def queue(self) -> TeamQueue:
        """The broker, made on the first submission (so pages that only read need no Redis)."""
        with self._lock:
            if self._queue is None:
                self._queue = TeamQueue()
            return self._queue

    def submit_for(
        self,
        store: Store,
        problem: Problem,
        data: bytes,
        mode: str,
        custom_input: str | None = None,
    ) -> dict[str, Any]:
        """A committed job of ``store``'s user, then sent to the workers; its public view.
        ``custom_input`` is a custom run's arguments (JSON text), kept in the job's row."""
        job = jobs.create(store, problem.slug, mode, data.decode("utf-8"), custom_input)
        try:
            self.queue.send(int(job["id"]))
        except Exception:  # committed already: the workers' sweep sends it once the broker is back
            logger.warning("could not enqueue job %s; the sweep will", job["id"], exc_info=True)
        return job

    async def wait(
        self, store: Store, job_id: str, after: int, wait: float
    ) -> dict[str, Any] | None:
        """The job (None if it is not this user's), once its version is past ``after``, it is
        done, or ``wait`` seconds have passed."""
        job = await run_in_threadpool(jobs.get, store, job_id)
        if job is None or after < 0 or wait <= 0:
            return job
        deadline = time.monotonic() + wait
        while job["version"] <= after and job["state"] != "done":
            left = deadline - time.monotonic()
            if left <= 0:
                break
            await asyncio.sleep(min(POLL_SECONDS, left))
            job = await run_in_threadpool(jobs.get, store, job_id) or job
        return job

    def close(self) -> None:
        if self._queue is not None:
            self._queue.broker.close()
