"""The broker and the judging actor: Dramatiq on Redis (``MLPREP_BROKER_URL``).

``judge_submission(submission_id)`` carries only the job row's id: the row holds the code and
the state, so a message can be lost (a broker restart) or delivered twice (a worker killed
before acknowledging it) without harm. Dramatiq acknowledges a message only after the actor
returns; a message a dead worker held is put back by the broker's maintenance once that
worker's heartbeat is ``HEARTBEAT_MS`` old. Retries(max_retries=3) resends a job whose judging
raised; the actor itself counts deliveries in the row and ends the job as an internal error
after :data:`mlprep.team.jobs.MAX_ATTEMPTS`, whatever killed them.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mlprep.team import jobs

if TYPE_CHECKING:
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker

    from mlprep.judge.worker import Worker
    from mlprep.problems import Problem
    from mlprep.problems.testset import TestSet
    from mlprep.store import Store

BROKER_URL_ENV = "MLPREP_BROKER_URL"
ACTOR = "judge_submission"
QUEUE = "mlprep-judge"
# A worker whose heartbeat is this old is dead: its unacknowledged messages go back on the queue.
HEARTBEAT_MS = int(os.environ.get("MLPREP_BROKER_HEARTBEAT_MS", "10000"))
# Out of a million broker commands, how many run that maintenance (Dramatiq's default: 1000).
MAINTENANCE_CHANCE = 200_000
MAX_RETRIES = 3
PROGRESS_EVERY = 0.15  # seconds between the claim and progress writes, and between writes

logger = logging.getLogger(__name__)


class BrokerNotConfigured(Exception):
    """No ``MLPREP_BROKER_URL``: a team server needs one."""


def broker_url() -> str:
    url = os.environ.get(BROKER_URL_ENV, "").strip()
    if not url:
        raise BrokerNotConfigured(
            f"{BROKER_URL_ENV} is not set: a team server needs a Redis URL such as "
            "redis://127.0.0.1:6379/0"
        )
    return url


def make_broker(url: str | None = None) -> RedisBroker:
    """Dramatiq's RedisBroker for ``url`` (default ``MLPREP_BROKER_URL``), with only Retries."""
    from dramatiq.brokers.redis import RedisBroker
    from dramatiq.middleware import Retries

    return RedisBroker(
        url=url or broker_url(),
        heartbeat_timeout=HEARTBEAT_MS,
        maintenance_chance=MAINTENANCE_CHANCE,
        middleware=[Retries(max_retries=MAX_RETRIES, min_backoff=500, max_backoff=5000)],
    )


class Judging:
    """What the actor works with in one process: the store and the problem bank. A worker
    process sets ``sandbox`` to give each of its threads a warm judge Worker."""

    def __init__(self, store: Store, problems: dict[str, Problem] | None = None) -> None:
        self.store = store
        self._problems = problems
        self.sandbox: Callable[[], Worker] | None = None  # this thread's warm worker

    @property
    def problems(self) -> dict[str, Problem]:
        if self._problems is None:
            from mlprep.problems import list_problems

            self._problems = {p.slug: p for p in list_problems()}
        return self._problems


def judge_job(judging: Judging, job_id: int, worker: Worker | None = None) -> None:
    """One delivery of job ``job_id``: claim it, judge it (or give up past the cap), store once."""
    from mlprep.judge.runner import judge
    from mlprep.problems.custom import CANNOT_RUN, InputError, ReferenceFailed

    store = judging.store
    claim = jobs.claim(store, job_id)
    if claim is None:
        logger.info("job %s is already done (a redelivery)", job_id)
        return
    if claim.give_up:
        logger.warning("job %s failed %s times: internal error", job_id, claim.attempts - 1)
        jobs.finish(store, claim, jobs.internal_error_report(claim))
        return
    problem = judging.problems.get(claim.problem)
    if problem is None:  # the bank changed under a queued job: nothing to judge it on
        jobs.finish(store, claim, None, error=f"unknown problem '{claim.problem}'")
        return
    try:
        custom = _custom_tests(problem, claim)
    except (InputError, ReferenceFailed) as exc:  # the input, not the code, is at fault: say so
        jobs.finish(store, claim, None, error=f"{CANNOT_RUN}{exc}")
        return
    last = [time.monotonic()]  # the claim: it made the job "running"

    def on_progress(done: int, total: int) -> None:
        # A write costs a transaction of the worker's: a job judged in less than PROGRESS_EVERY
        # writes none, and the last test is left to finish, which follows at once.
        now = time.monotonic()
        if done < total and now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            jobs.progress(store, job_id, done, total)

    report = judge(problem, claim.code.encode("utf-8"), claim.mode, worker, on_progress, custom)
    jobs.finish(store, claim, report.to_json())


def _custom_tests(problem: Problem, claim: jobs.Claim) -> TestSet | None:
    """A custom run's one test: the user's input, checked again against the problem as the web
    process checked it, and the reference's outputs on it (computed here, in a child process).
    None for a run or a submission, which take the problem's own tests."""
    from mlprep.problems.custom import custom_tests, parse_input

    if claim.mode != "custom":
        return None
    case = parse_input(problem, claim.custom_input or "")
    return custom_tests(problem, case)


class TeamQueue:
    """The broker with the ``judge_submission`` actor declared on it.

    The web process uses :meth:`send`; a worker process also passes ``judging``, which the
    actor runs with.
    """

    def __init__(self, broker: Any = None, judging: Judging | None = None) -> None:
        import dramatiq

        self.broker = broker if broker is not None else make_broker()
        self.judging = judging
        self._lock = threading.Lock()
        self.actor: dramatiq.Actor = dramatiq.Actor(
            self._perform,
            broker=self.broker,
            actor_name=ACTOR,
            queue_name=QUEUE,
            priority=0,
            options={"max_retries": MAX_RETRIES},
        )

    def send(self, job_id: int) -> None:
        """Enqueue ``judge_submission(job_id)``; call only once the job's row is committed."""
        self.actor.send(int(job_id))

    def _perform(self, submission_id: int) -> None:
        if self.judging is None:
            raise RuntimeError("this process only sends jobs; run `mlprep worker` to judge them")
        worker = self.judging.sandbox() if self.judging.sandbox is not None else None
        judge_job(self.judging, int(submission_id), worker)

    def job_ids_in_broker(self) -> set[int] | None:
        """Job ids of every message the broker still holds for this queue (waiting, delayed for
        a retry, or being judged), or None when that cannot be read."""
        import json

        namespace = getattr(self.broker, "namespace", None)
        client = getattr(self.broker, "client", None)
        if namespace is None or client is None:
            return None
        found: set[int] = set()
        try:
            for key in (f"{namespace}:{QUEUE}.msgs", f"{namespace}:{QUEUE}.DQ.msgs"):
                for data in client.hvals(key):
                    message = json.loads(data)
                    if message.get("actor_name") == ACTOR and message.get("args"):
                        found.add(int(message["args"][0]))
        except Exception:  # unreadable: the caller sends everything stale again (harmless)
            logger.exception("cannot list the broker's messages")
            return None
        return found

    def requeue_stale(self, grace: float) -> list[int]:
        """Send again every job not done, unchanged for ``grace`` seconds, that the broker no
        longer holds (lost in a broker restart, or never sent: a crash between commit and
        enqueue). Returns the ids sent. Safe to run in many processes at once: a duplicate is
        judged again and stored once."""
        assert self.judging is not None
        with self._lock:
            stale = jobs.stale(self.judging.store, grace)
            if not stale:
                return []
            held = self.job_ids_in_broker()
            lost = [job for job in stale if held is None or job not in held]
            jobs.touch(self.judging.store, lost)
            for job in lost:
                self.send(job)
            if lost:
                logger.warning("re-enqueued %d job(s) the broker did not hold: %s", len(lost), lost)
            return lost
