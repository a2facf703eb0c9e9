"""The web process's side of team judging: write the job row, then enqueue; long-poll the row.

A team server's web process judges nothing. ``POST /api/problems/{slug}/submit`` (and ``/run``,
and ``/custom-run`` with the user's input kept in the row) commits the job row first and only
then sends ``judge_submission`` to the broker, so whatever is answered 202 is in the database:
if the send fails (the broker down) or the process is killed right after the commit, a worker's
re-enqueue sweep sends it later. Live progress comes from the database:
``GET /api/jobs/{id}?after=VERSION&wait=SECONDS`` reads the row until its version is past
``after`` (or it is done, or the wait is over), so any web process can answer for any job,
whichever worker judges it.

It reads the row again when PostgreSQL says the job changed: a trigger (migration
0015_job_notify) sends ``NOTIFY mlprep_jobs`` with the job's id when its version changes, once
that change is committed, and :class:`ChangeWatch` LISTENs on one connection per web process.
Waiting costs no read meanwhile, only one every :data:`FALLBACK_SECONDS` in case a notification
was lost in a reconnection. Without that connection (SQLite, or PostgreSQL unreachable for the
moment) the row is read every :data:`POLL_SECONDS`.

The same connection keeps the login check off the database: every request's session names an
account that must still exist with the same password (``web.auth.current_user``), and
:class:`AccountCache` keeps those accounts between requests while it listens on
``mlprep_users`` (migration 0016_user_notify), whose notification drops a changed account.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from mlprep.problems import Problem
from mlprep.store import Store
from mlprep.team import accounts, jobs
from mlprep.team.accounts import User
from mlprep.team.queue import TeamQueue

POLL_SECONDS = 0.15  # between reads of a waited-for job, when not listening
FALLBACK_SECONDS = 5.0  # between reads while listening
RECONNECT_SECONDS = 1.0
CHANNEL = "mlprep_jobs"  # what migration 0015_job_notify's trigger notifies
USERS_CHANNEL = "mlprep_users"  # what migration 0016_user_notify's trigger notifies
MAX_CACHED_ACCOUNTS = 10_000  # past this many, the cache starts again empty
logger = logging.getLogger(__name__)


class AccountCache:
    """The accounts behind this web process's sessions, kept between requests only while the
    process LISTENs for their changes: a change commits, PostgreSQL notifies it, and the next
    request reads the account again. So a removed account, a new password or a new role takes
    effect on every web process as soon as the notification arrives (milliseconds), not only at
    the next read; while not listening, every request reads its account.

    Used from the event loop only (requests and notifications alike), so it needs no lock.
    """

    def __init__(self) -> None:
        self._accounts: dict[int, User] = {}
        self.changes = 0  # changes notified so far: a read that overlaps one is not kept
        self.listening = False

    async def get(self, store: Store, user_id: int) -> User | None:
        """Account ``user_id``, or None when there is no such account."""
        if self.listening and user_id in self._accounts:
            return self._accounts[user_id]
        changes = self.changes
        user = await run_in_threadpool(accounts.get_user, store, user_id)
        if user is not None and self.listening and changes == self.changes:
            if len(self._accounts) >= MAX_CACHED_ACCOUNTS:
                self._accounts.clear()
            self._accounts[user_id] = user
        return user

    def changed(self, user_id: int | None) -> None:
        """Account ``user_id`` (None: any account) changed or went: read it again next time."""
        self.changes += 1
        if user_id is None:
            self._accounts.clear()
        else:
            self._accounts.pop(user_id, None)

    def listen(self, on: bool) -> None:
        """Keep accounts from now on (the LISTEN is in place), or no longer (it was lost): a
        change made meanwhile was not notified, so whatever was kept is dropped either way."""
        self.changes += 1
        self._accounts.clear()
        self.listening = on


class ChangeWatch:
    """One LISTEN connection of this web process: wakes the long polls waiting on a job when
    PostgreSQL notifies that the job changed, and drops a changed account from ``accounts``."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._waiting: dict[int, set[asyncio.Event]] = defaultdict(set)
        self._task: asyncio.Task[None] | None = None
        self.listening = False
        self.accounts = AccountCache()

    @classmethod
    def for_store(cls, store: Store) -> ChangeWatch | None:
        """A watch on ``store``'s database, or None for SQLite (no notifications)."""
        url = store.engine.url
        if url.get_backend_name() != "postgresql":
            return None
        return cls(url.set(drivername="postgresql").render_as_string(hide_password=False))

    def start(self) -> None:
        """Listen from now on, in the running event loop, reconnecting when the link drops."""
        self._task = asyncio.get_running_loop().create_task(self._listen())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @contextlib.contextmanager
    def watching(self, job_id: int) -> Iterator[asyncio.Event]:
        """An event set whenever job ``job_id`` changes while the block runs."""
        event = asyncio.Event()
        self._waiting[job_id].add(event)
        try:
            yield event
        finally:
            waiters = self._waiting[job_id]
            waiters.discard(event)
            if not waiters:
                del self._waiting[job_id]

    async def _listen(self) -> None:
        import psycopg

        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self._conninfo, autocommit=True
                ) as connection:
                    await connection.execute(f"LISTEN {CHANNEL}")
                    await connection.execute(f"LISTEN {USERS_CHANNEL}")
                    self.listening = True
                    self.accounts.listen(True)
                    self._wake(list(self._waiting))  # changed while not listening: read again
                    async for note in connection.notifies():
                        self._notified(note.channel, note.payload)
            except (psycopg.Error, OSError):
                logger.warning("not listening for changes: polling meanwhile", exc_info=True)
            finally:
                self.listening = False
                self.accounts.listen(False)
            await asyncio.sleep(RECONNECT_SECONDS)

    def _notified(self, channel: str, payload: str) -> None:
        number = jobs.job_number(payload)  # a row's id, jobs' or users'; None if it names none
        if channel == USERS_CHANNEL:
            self.accounts.changed(number)  # None: whichever account it was, read them all again
        elif number is not None:
            self._wake([number])

    def _wake(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            for event in self._waiting.get(job_id, ()):
                event.set()


class TeamJudge:
    """Stands in for the in-process ``JudgeService`` on a team server."""

    unavailable = ""  # workers judge; this process can always take submissions
    waiting = 0

    def __init__(self, queue: TeamQueue | None = None, watch: ChangeWatch | None = None) -> None:
        self._queue = queue
        self._lock = threading.Lock()
        self.watch = watch

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
        if after < 0 or wait <= 0:
            return await run_in_threadpool(jobs.get, store, job_id)
        deadline = time.monotonic() + wait
        with self._watching(job_id) as changed:  # before the first read: no change is missed
            job = await run_in_threadpool(jobs.get, store, job_id)
            while job is not None and job["version"] <= after and job["state"] != "done":
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                await _until(changed, min(left, self._pause()))
                job = await run_in_threadpool(jobs.get, store, job_id) or job
        return job

    def _watching(self, job_id: str) -> contextlib.AbstractContextManager[asyncio.Event]:
        number = jobs.job_number(job_id)
        if self.watch is None or number is None:
            return contextlib.nullcontext(asyncio.Event())  # never set: the pause decides
        return self.watch.watching(number)

    def _pause(self) -> float:
        return FALLBACK_SECONDS if self.watch is not None and self.watch.listening else POLL_SECONDS

    def close(self) -> None:
        if self._queue is not None:
            self._queue.broker.close()


async def _until(event: asyncio.Event, timeout: float) -> None:
    """Wait until ``event`` is set or ``timeout`` seconds have passed, then clear it."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), timeout)
    event.clear()
