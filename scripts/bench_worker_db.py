"""A team worker's own database work per job, in-process (a script, not a timed test).

    .venv/bin/python scripts/bench_worker_db.py [--rounds 5] [--url postgresql+psycopg://...]

On a fresh PostgreSQL database (created and dropped here, as the team tests do; or ``--url``),
with one warm sandbox: for each pinned reference of ``scripts/bench_judge.py``, alternately,
``judge`` alone and ``queue.judge_job`` on a job row of that code (claim, judge with progress
writes, finish). The difference is what a worker spends on the database per job; the time spent
inside each of ``jobs.claim``, ``jobs.progress`` and ``jobs.finish`` is timed too, in wall time
and in the worker thread's own CPU time (steadier on a noisy machine). Medians.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the scratch database of the team tests

from bench_judge import PINNED  # noqa: E402  (scripts/ is on sys.path)
from seed_scale import _create_users  # noqa: E402
from team_services import postgres_database  # noqa: E402

from mlprep.judge.runner import judge  # noqa: E402
from mlprep.judge.worker import Worker  # noqa: E402
from mlprep.problems import load_problem  # noqa: E402
from mlprep.problems.testset import load_testset  # noqa: E402
from mlprep.store import Store, open_store  # noqa: E402
from mlprep.team import jobs, queue  # noqa: E402

TIMED = ("claim", "progress", "finish")


@contextlib.contextmanager
def timing_job_calls(spent: dict[str, float]) -> Iterator[None]:
    """Add the seconds spent in each of jobs.claim/progress/finish to ``spent``."""
    originals = {name: getattr(jobs, name) for name in TIMED}

    def timed(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.thread_time()
            try:
                return call(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
                spent[f"{name} cpu"] += time.thread_time() - start_cpu

        return wrapper

    for name, call in originals.items():
        setattr(jobs, name, timed(name, call))
    try:
        yield
    finally:
        for name, call in originals.items():
            setattr(jobs, name, call)


def measure(store: Store, rounds: int) -> dict[str, list[float]]:
    """Per job, in ms: judge alone, judge_job, and each jobs call inside judge_job."""
    problems = [load_problem(slug) for slug in PINNED]
    for problem in problems:
        load_testset(problem)
    judging = queue.Judging(store, {p.slug: p for p in problems})
    figures: dict[str, list[float]] = defaultdict(list)
    worker = Worker()
    try:
        for problem in problems:  # warm: the sandbox, the caches, the connection pool
            data = (problem.folder / "reference.py").read_bytes()
            judge(problem, data, worker=worker)
            _one_job(store, judging, problem.slug, data.decode(), worker, defaultdict(float))
        for _ in range(rounds):
            for problem in problems:
                data = (problem.folder / "reference.py").read_bytes()
                start = time.perf_counter()
                judge(problem, data, "judge", worker, lambda done, total: None)
                figures["judge"].append(time.perf_counter() - start)
                spent: dict[str, float] = defaultdict(float)
                elapsed = _one_job(store, judging, problem.slug, data.decode(), worker, spent)
                figures["judge_job"].append(elapsed)
                for name in TIMED:
                    figures[name].append(spent[name])
                    figures[f"{name} cpu"].append(spent[f"{name} cpu"])
    finally:
        worker.destroy()
    return figures


def _one_job(
    store: Store,
    judging: queue.Judging,
    slug: str,
    code: str,
    worker: Worker,
    spent: dict[str, float],
) -> float:
    job_id = int(jobs.create(store, slug, "judge", code)["id"])
    with timing_job_calls(spent):
        start = time.perf_counter()
        queue.judge_job(judging, job_id, worker)
        return time.perf_counter() - start


def report(figures: dict[str, list[float]], url: str) -> None:
    load = os.getloadavg()
    print(
        f"{len(figures['judge'])} jobs per figure ({len(PINNED)} pinned references in turn) on "
        f"{url.rsplit('@', 1)[-1]}; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"on {os.cpu_count()} cores\n"
    )
    print("| per job | median (ms) | mean (ms) | the worker thread's CPU, median (ms) |")
    print("|---|---|---|---|")
    labels = {"judge": "`judge` alone", "judge_job": "`judge_job`"}
    for name in ("judge", "judge_job", *TIMED):
        values = [v * 1000 for v in figures[name]]
        label = labels.get(name, f"  in `jobs.{name}`")
        cpu = f"{statistics.median(figures[f'{name} cpu']) * 1000:.2f}" if name in TIMED else ""
        print(
            f"| {label} | {statistics.median(values):.1f} | {statistics.mean(values):.1f} | {cpu} |"
        )
    extra = [j - k for j, k in zip(figures["judge_job"], figures["judge"], strict=True)]
    print(
        f"\nthe worker's own work per job (judge_job - judge, paired): median "
        f"**{statistics.median(extra) * 1000:.1f} ms**, mean {statistics.mean(extra) * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--url", help="an existing database (default: a scratch PostgreSQL one)")
    args = parser.parse_args()
    os.environ["MLPREP_DATA_DIR"] = tempfile.mkdtemp(prefix="mlprep-bench-worker-db-")
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(postgres_database("mlprep_bench"))
        store = stack.enter_context(open_store(url))
        with store.engine.begin() as conn:
            [user_id] = _create_users(conn, 1, "bench-password", datetime.now(UTC))
        report(measure(store.for_user(user_id), args.rounds), url)


if __name__ == "__main__":
    main()
