"""How long a job sent to an idle team worker waits before it is picked up (a script, not a
timed test), and what an idle worker costs meanwhile.

    .venv/bin/python scripts/bench_pickup.py [--rounds 12] [--idle 3]

Dramatiq's consumer polls Redis ever less often while its queue is empty, up to once per
``worker_timeout``. For each setting in turn, Dramatiq's default (1000 ms) and the team
worker's (:data:`mlprep.team.worker.IDLE_POLL_MS`), a worker made as ``mlprep worker`` makes
it (:func:`mlprep.team.worker.dramatiq_worker`, on :func:`mlprep.team.queue.make_broker`'s
broker, on a scratch Redis database) sits idle for ``--idle`` seconds, then one message is sent
and the time until the actor starts is taken. Medians and maxima over the rounds, and this
process's CPU while idle (the worker's threads live in it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import dramatiq

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from team_services import redis_database  # noqa: E402  (the team tests' scratch Redis)

from mlprep.team import queue, worker  # noqa: E402

SETTINGS = {"Dramatiq's default": 1000, "the team worker's": worker.IDLE_POLL_MS}


def pickups(url: str, poll_ms: int, rounds: int, idle: float) -> tuple[list[float], float]:
    """Milliseconds from send to start, one per round, and the idle CPU share of a core."""
    broker = queue.make_broker(url)
    started: dict[float, float] = {}
    arrived = threading.Event()

    def mark(sent: float) -> None:
        started[sent] = time.time()
        arrived.set()

    actor = dramatiq.Actor(
        mark, broker=broker, actor_name="mark", queue_name=queue.QUEUE, priority=0, options={}
    )
    runner = worker.dramatiq_worker(broker, 2)
    runner.worker_timeout = poll_ms  # the one setting compared
    runner.start()
    delays, idle_cpu = [], []
    try:
        for _ in range(rounds):
            cpu, wall = time.process_time(), time.monotonic()
            time.sleep(idle)
            idle_cpu.append((time.process_time() - cpu) / (time.monotonic() - wall))
            arrived.clear()
            sent = time.time()
            actor.send(sent)
            if not arrived.wait(10):
                raise SystemExit("the message was not picked up within 10 s")
            delays.append((started[sent] - sent) * 1000)
    finally:
        runner.stop()
        broker.close()
    return delays, statistics.median(idle_cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--idle", type=float, default=3.0)
    args = parser.parse_args()
    print("| worker_timeout | pickup p50 (ms) | pickup max (ms) | idle CPU (% of a core) |")
    print("|---|---|---|---|")
    with redis_database() as url:
        for name, poll_ms in SETTINGS.items():
            delays, cpu = pickups(url, poll_ms, args.rounds, args.idle)
            print(
                f"| {name}, {poll_ms} ms | {statistics.median(delays):.0f} | {max(delays):.0f} "
                f"| {cpu * 100:.2f} |"
            )


if __name__ == "__main__":
    main()
