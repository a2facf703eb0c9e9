"""``mlprep worker``: a Dramatiq worker process that judges the team server's submissions.

It owns, for its lifetime: the store (``MLPREP_DATABASE_URL``), the broker
(``MLPREP_BROKER_URL``), Dramatiq's worker threads (``--concurrency``), each holding one warm
sandbox (a :class:`mlprep.judge.worker.Worker` started when the thread boots, destroyed when it
stops), a heartbeat thread that keeps the broker from taking this process for dead while all
its threads are busy, and the sweep that sends again, at start and every
``MLPREP_REQUEUE_INTERVAL`` seconds, the jobs the broker lost. Killed with SIGKILL, it leaves no
sandbox behind (bubblewrap runs with --die-with-parent) and its unacknowledged messages are
redelivered by the broker to another worker.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from typing import Any

from dramatiq.middleware import Middleware

from mlprep.judge.worker import Worker
from mlprep.team.queue import HEARTBEAT_MS, QUEUE, Judging, TeamQueue, make_broker

REQUEUE_INTERVAL = float(os.environ.get("MLPREP_REQUEUE_INTERVAL", "30"))
REQUEUE_GRACE = float(os.environ.get("MLPREP_REQUEUE_GRACE", "30"))
# An idle Dramatiq consumer polls the broker ever less often, up to once per worker_timeout: at
# Dramatiq's 1000 ms a job sent to an idle worker waited a median 0.35 s before it was picked
# up; at 200 ms, 0.07 s, for under 1% more of a core while idle (scripts/bench_pickup.py).
IDLE_POLL_MS = 200

logger = logging.getLogger(__name__)


class WarmSandboxes(Middleware):
    """One warm judge Worker per Dramatiq worker thread, started as the thread boots."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Worker] = []

    def after_worker_thread_boot(self, broker: Any, thread: Any) -> None:
        self.current()

    def before_worker_thread_shutdown(self, broker: Any, thread: Any) -> None:
        worker = getattr(self._local, "worker", None)
        if worker is not None:
            worker.destroy()
            self._local.worker = None

    def current(self) -> Worker:
        """This thread's warm worker; a retired one (its sandbox died) is replaced."""
        worker = getattr(self._local, "worker", None)
        if worker is None or worker.retired:
            if worker is not None:
                worker.destroy()
            worker = Worker()
            worker.start()
            self._local.worker = worker
            with self._lock:
                self._all.append(worker)
        return worker

    def destroy_all(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.destroy()


def run(concurrency: int, *, ready: threading.Event | None = None) -> None:
    """Judge until SIGTERM or SIGINT; then finish the jobs in hand and stop."""
    from mlprep.store import open_store

    store = open_store()
    sandboxes = WarmSandboxes()
    broker = make_broker()
    broker.add_middleware(sandboxes)
    judging = Judging(store)
    judging.problems  # noqa: B018  (load the bank now, not in the first job)
    judging.sandbox = sandboxes.current
    queue = TeamQueue(broker, judging)
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    worker = dramatiq_worker(broker, concurrency)
    worker.start()
    beat = threading.Thread(target=_heartbeat, args=(broker, stop), name="heartbeat", daemon=True)
    beat.start()
    sweep = threading.Thread(target=_sweep, args=(queue, stop), name="requeue", daemon=True)
    sweep.start()
    logger.info("judging with %d thread(s)", concurrency)
    if ready is not None:
        ready.set()
    try:
        stop.wait()
    finally:
        worker.stop(timeout=60_000)
        sandboxes.destroy_all()
        broker.close()
        store.close()


def dramatiq_worker(broker: Any, concurrency: int) -> Any:
    """Dramatiq's worker for the judging queue: ``concurrency`` threads, polling the broker at
    least every :data:`IDLE_POLL_MS` when idle."""
    import dramatiq

    return dramatiq.Worker(
        broker, queues={QUEUE}, worker_threads=concurrency, worker_timeout=IDLE_POLL_MS
    )


def _heartbeat(broker: Any, stop: threading.Event) -> None:
    # Dramatiq's consumer beats only when it fetches, which it does not while every thread is
    # busy and its prefetch is full: a long judging would make the broker requeue its messages.
    while not stop.wait(max(HEARTBEAT_MS / 4000, 0.2)):
        try:
            broker.do_qsize(QUEUE)  # any command records the heartbeat (and may run maintenance)
        except Exception:
            logger.warning("broker heartbeat failed", exc_info=True)


def _sweep(queue: TeamQueue, stop: threading.Event) -> None:
    while True:
        try:
            queue.requeue_stale(REQUEUE_GRACE)
        except Exception:
            logger.warning("re-enqueue sweep failed", exc_info=True)
        if stop.wait(REQUEUE_INTERVAL):
            return
