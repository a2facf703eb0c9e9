"""Load test of `mlprep serve` over loopback (a script, not a timed test).

    .venv/bin/python scripts/load_web.py [--submissions 60] [--workers 2]

Starts a real server with its own empty database, then fires every submission at once from as
many client threads (a mix of correct and wrong solutions to several problems), each waiting for
its verdict by long polling. Meanwhile a probe keeps loading pages. It reports:
- whether every submission was answered with the expected verdict, and whether the database holds
  each exactly once (none lost, none duplicated);
- time to verdict (p50, p95, max) and verdicts per second;
- page latency (median, p95) while the judge is busy, against the same pages idle just before.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BANK = Path(__file__).resolve().parent.parent / "src" / "mlprep" / "problems" / "bank"
PROBLEMS = ["kmeans", "knn_classify", "linear_regression", "logistic_regression", "pca", "f1_score"]
PAGES = ["/", "/problems/kmeans", "/api/problems", "/submissions"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlprep-load-") as data:
        server, base = start_server(Path(data), args.workers)
        try:
            run(base, Path(data), args.submissions, args.workers)
        finally:
            server.terminate()
            server.wait(timeout=30)


def start_server(data: Path, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "mlprep", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env={**os.environ, "MLPREP_DATA_DIR": str(data)},
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            get(base + "/api/problems")
            return server, base
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as reply:
        return reply.read()


def post_json(url: str, data: dict) -> dict:
    request = urllib.request.Request(
        url, json.dumps(data).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=60) as reply:
        return json.loads(reply.read())


def workload(count: int) -> list[tuple[str, str, str]]:
    """(problem, code, expected verdict): every third submission is a wrong solution."""
    items = []
    for n in range(count):
        slug = PROBLEMS[n % len(PROBLEMS)]
        if n % 3 == 2:
            wrong = sorted((BANK / slug / "wrong").glob("*.py"))[0]
            items.append((slug, wrong.read_text(), "not accepted"))
        else:
            items.append((slug, (BANK / slug / "reference.py").read_text(), "accepted"))
    return items


def submit_and_wait(base: str, slug: str, code: str) -> tuple[dict, float]:
    started = time.perf_counter()
    job = post_json(f"{base}/api/problems/{slug}/submit", {"code": code})
    while job["state"] != "done":
        job = json.loads(get(f"{base}/api/jobs/{job['id']}?after={job['version']}&wait=25"))
    return job, time.perf_counter() - started


def page_latencies(base: str, stop: threading.Event | None, rounds: int = 0) -> list[float]:
    times, n = [], 0
    while (stop is not None and not stop.is_set()) or n < rounds:
        page = PAGES[n % len(PAGES)]
        started = time.perf_counter()
        get(base + page)
        times.append(time.perf_counter() - started)
        n += 1
        time.sleep(0.02)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(base: str, data: Path, count: int, workers: int) -> None:
    items = workload(count)
    for slug in PROBLEMS:  # warm each problem's test-set cache, as a user's first visit would
        submit_and_wait(base, slug, (BANK / slug / "reference.py").read_text())
    idle = page_latencies(base, None, rounds=80)

    stop = threading.Event()
    busy: list[float] = []
    probe = threading.Thread(target=lambda: busy.extend(page_latencies(base, stop)))
    probe.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        results = list(pool.map(lambda item: submit_and_wait(base, item[0], item[1]), items))
    wall = time.perf_counter() - started
    stop.set()
    probe.join()

    jobs = [job for job, _ in results]
    waits = [seconds for _, seconds in results]
    right = sum(
        (job["report"]["verdict"] == "accepted") == (expected == "accepted")
        for job, (_, _, expected) in zip(jobs, items, strict=True)
    )
    stored = stored_submissions(data)
    ids = [job["submission_id"] for job in jobs]
    mine = [row for row in stored if row[0] in set(ids)]
    print(f"submissions fired at once:   {count} (server judging with {workers} workers)")
    print(f"answered with a verdict:     {sum(j['state'] == 'done' for j in jobs)}/{count}")
    print(f"expected verdict:            {right}/{count}")
    print(
        f"in the database:             {len(mine)} rows for {len(set(ids))} distinct ids "
        f"({len(stored)} rows in all, incl. {len(PROBLEMS)} warm-ups)"
    )
    print(
        f"lost: {len(set(ids) - {r[0] for r in mine})}, duplicated: "
        f"{len(stored) - len({r[1] for r in stored})}"
    )
    print(
        f"time to verdict:             p50 {percentile(waits, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(waits, 0.95) * 1000:.0f} ms, max {max(waits) * 1000:.0f} ms"
    )
    print(f"throughput:                  {count / wall:.1f} verdicts/s ({wall:.1f} s in all)")
    print(
        f"page latency idle:           median {statistics.median(idle) * 1000:.1f} ms, "
        f"p95 {percentile(idle, 0.95) * 1000:.1f} ms ({len(idle)} loads)"
    )
    print(
        f"page latency, judge busy:    median {statistics.median(busy) * 1000:.1f} ms, "
        f"p95 {percentile(busy, 0.95) * 1000:.1f} ms ({len(busy)} loads)"
    )


def stored_submissions(data: Path) -> list[tuple[int, str]]:
    import sqlite3

    with sqlite3.connect(data / "mlprep.db") as db:
        return db.execute("select id, uid from submissions").fetchall()


if __name__ == "__main__":
    main()
