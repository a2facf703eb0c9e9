"""CPU per request of a team server's web path (a benchmark script, not a test).

    .venv/bin/python scripts/bench_web_path.py [--requests 400] [--rounds 5]
    # before and after, side by side: one server per source tree, rounds taken in turn
    .venv/bin/python scripts/bench_web_path.py --src /tmp/base/src src

Starts one ``mlprep serve --team`` on a scratch PostgreSQL database and Redis DB (as
scripts/load_team.py does, and no worker: the jobs stay queued), logs one learner in, and sends
the three calls a verdict costs the web process, one at a time: ``POST /api/problems/{slug}/submit``
(write the job's row, enqueue it), ``GET /api/jobs/{id}`` (the long poll's read, answered at
once), and ``GET /api/session`` (only the login check, for scale). For each it prints the
median over the rounds of the CPU milliseconds per request of the web process, PostgreSQL,
Redis and this client (from /proc, as load_team.py's ``--compare-workers`` does). With several
``--src`` folders it starts one server per folder (``PYTHONPATH``), all on the same database,
and measures them in turn in every round, so a noisy machine weighs on each alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_team import (  # noqa: E402  (scripts/ is on sys.path)
    BANK,
    PASSWORD,
    Cluster,
    _create_learners,
    cpu_per,
    cpu_snapshot,
    free_ports,
    postgres_database,
    redis_database,
    scratch_folder,
)

PARTS = ("web processes", "PostgreSQL", "Redis", "client (this script)")
SLUG = "softmax"


def calls(client: httpx.Client, job: str, code: str) -> dict[str, object]:
    return {
        f"POST /api/problems/{SLUG}/submit": lambda: client.post(
            f"/api/problems/{SLUG}/submit", json={"code": code}
        ),
        "GET /api/jobs/{id}": lambda: client.get(f"/api/jobs/{job}"),
        "GET /api/session": lambda: client.get("/api/session"),
    }


def measure(args: argparse.Namespace) -> dict[tuple[str, str], dict[str, list[float]]]:
    """CPU ms per request, by (source tree, call) and part, one value per round."""
    found: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with (
        scratch_folder(False) as folder,
        postgres_database("mlprep_bench_web") as database,
        redis_database() as broker,
    ):
        clusters = {src: Cluster(database, broker, folder, 1) for src in args.src}
        for src, cluster in clusters.items():
            cluster.env["PYTHONPATH"] = str(Path(src).resolve())
        servers: dict[str, tuple[Cluster, httpx.Client, str, str]] = {}
        try:
            next(iter(clusters.values())).run("db", "upgrade")
            _create_learners(database, 1)
            for src, cluster in clusters.items():
                servers[src] = start(cluster)
            for _ in range(args.rounds):
                for src, (cluster, client, job, code) in servers.items():
                    for name, call in calls(client, job, code).items():
                        for _ in range(args.requests // 10):  # warm: caches, prepared statements
                            call().raise_for_status()
                        before = cpu_snapshot(cluster)
                        for _ in range(args.requests):
                            call().raise_for_status()
                        spent = cpu_per(before, cpu_snapshot(cluster), args.requests)
                        for part in PARTS:
                            found[src, name][part].append(spent[part] * 1000)
        finally:
            for _, client, _, _ in servers.values():
                client.close()
            for cluster in clusters.values():
                cluster.close()
    return found


def start(cluster: Cluster) -> tuple[Cluster, httpx.Client, str, str]:
    """A logged-in server of the cluster's code (its ``PYTHONPATH``), and a job to read."""
    port = free_ports(1)[0]
    cluster.web(port)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    login = {"username": "learner001", "password": PASSWORD}
    client.post("/api/session", json=login).raise_for_status()
    code = (BANK / SLUG / "reference.py").read_text()
    job = client.post(f"/api/problems/{SLUG}/submit", json={"code": code}).json()
    return cluster, client, job["id"], code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="per call and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--src", nargs="+", default=["src"], help="source trees to compare")
    args = parser.parse_args()
    found = measure(args)
    print(f"\nCPU ms per request, median of {args.rounds} rounds of {args.requests}\n")
    print("| code | call | " + " | ".join(PARTS) + " |\n|---|---|" + "---|" * len(PARTS))
    for (src, name), parts in found.items():
        cells = " | ".join(f"{statistics.median(parts[p]):.2f}" for p in PARTS)
        print(f"| {src} | `{name}` | {cells} |")


if __name__ == "__main__":
    main()
