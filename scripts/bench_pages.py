"""Latency of every page and API call a learner makes, on a seeded database (a script, not a test).

    # single-user mode on an SQLite history (seed it with scripts/seed_scale.py --local 50000)
    .venv/bin/python scripts/bench_pages.py --url sqlite:////tmp/scale.db
    # a team server on PostgreSQL, logged in as five of the seeded learners in turn
    .venv/bin/python scripts/bench_pages.py --team --learners 5 \\
        --url postgresql+psycopg://postgres@127.0.0.1:5432/mlprep_scale

Starts one real ``mlprep serve`` (``--team`` for a team server) over loopback on the database,
then requests each page ``--requests`` times, one request at a time (after two warm-up requests
each), and prints p50, p95 and max per page in milliseconds, and whether every p95 is under the
target. The server process is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time

import httpx

TARGET_MS = 100.0
SLUG, CASE = "kmeans", "video-recommendations"
PAGES = [
    "/",
    f"/problems/{SLUG}",
    "/submissions",
    "/submissions/{submission}",
    "/progress",
    "/plan",
    "/review",
    "/domain",
    "/design",
    f"/design/{CASE}",
    "/prompts",
    "/mock",
    "/api/problems",
    f"/api/problems/{SLUG}",
    f"/api/problems/{SLUG}/hints",
    "/api/submissions",
    "/api/submissions/{submission}",
    "/api/progress",
    "/api/dashboard",
    "/api/plan",
    "/api/review/topics",
    "/api/review/next",
    "/api/domain/tracks",
    "/api/domain/next",
    "/api/design/cases",
    "/api/prompts",
]
OK = {200, 404}  # /api/plan answers 404 until a plan is made: still a full, timed answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the seeded database's SQLAlchemy URL")
    parser.add_argument("--team", action="store_true", help="serve --team and log in")
    parser.add_argument("--learners", type=int, default=5, help="team: learners to log in as")
    parser.add_argument("--password", default="load-test-password")
    parser.add_argument("--requests", type=int, default=30, help="per page (and per learner)")
    args = parser.parse_args()
    server, base = start_server(args.url, args.team)
    try:
        clients = (
            [login(base, n, args.password) for n in range(1, args.learners + 1)]
            if args.team
            else [httpx.Client(base_url=base, timeout=60)]
        )
        report(measure(clients, args.requests), args)
    finally:
        server.terminate()
        server.wait(timeout=30)


def start_server(url: str, team: bool) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "mlprep", "serve", "--port", str(port)]
    env = {**os.environ, "MLPREP_DATABASE_URL": url}
    env.setdefault("MLPREP_BROKER_URL", "redis://127.0.0.1:6379/15")  # never used: nothing submits
    server = subprocess.Popen(
        [*command, "--team"] if team else command, env=env, stdout=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/login" if team else base + "/api/problems", timeout=5)
            return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def login(base: str, number: int, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60, headers={"Origin": base})
    name = f"learner{number:03d}"
    reply = client.post("/api/session", json={"username": name, "password": password})
    if reply.status_code != 200:
        raise SystemExit(f"{name} could not log in: {reply.status_code} {reply.text}")
    return client


def measure(clients: list[httpx.Client], requests: int) -> dict[str, list[float]]:
    submission = {id(c): c.get("/api/submissions?limit=1").json()[0]["id"] for c in clients}
    times: dict[str, list[float]] = {page: [] for page in PAGES}
    for page in PAGES:
        for client in clients:
            path = page.format(submission=submission[id(client)])
            for n in range(requests + 2):
                started = time.perf_counter()
                reply = client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if reply.status_code not in OK:
                    raise SystemExit(f"{path}: {reply.status_code} {reply.text[:200]}")
                if n >= 2:  # the first two warm caches (templates, the problem bank's pages)
                    times[page].append(elapsed)
    return times


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def report(times: dict[str, list[float]], args: argparse.Namespace) -> None:
    kind = "team server" if args.team else "single-user"
    print(
        f"{kind} on {args.url.split('@')[-1]}; {args.requests} requests per page"
        f"{f' x {args.learners} learners' if args.team else ''}\n"
    )
    print("| page | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|")
    worst = 0.0
    for page, values in times.items():
        p95 = percentile(values, 95)
        worst = max(worst, p95)
        print(f"| `{page}` | {statistics.median(values):.1f} | {p95:.1f} | {max(values):.1f} |")
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(f"\nworst p95: {worst:.1f} ms (target: every p95 under {TARGET_MS:g} ms: {verdict})")


if __name__ == "__main__":
    main()
