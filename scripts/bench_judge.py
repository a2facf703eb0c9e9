"""Benchmark the judge's hot paths, side by side in one run (a script, not a timed test).

    .venv/bin/python scripts/bench_judge.py [--rounds 7] [--submissions 100]

1. Whole process: `mlprep judge SLUG REFERENCE --json` per pinned problem, against a fresh
   `python -c "import numpy"` measured in the same run (interleaved, medians).
2. Many submissions in one process, warm worker: median overhead per submission beyond the
   solution's own compute on the same tests (the reference timed in-process).
3. The naive design in the same run: a fresh sandbox and interpreter per submission.
4. Throughput: verdicts per second with two workers on two threads.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mlprep.judge.pool import WorkerPool
from mlprep.judge.runner import judge
from mlprep.judge.worker import Worker
from mlprep.problems import load_problem
from mlprep.problems.testset import load_testset

PINNED = [
    "kmeans",
    "knn_classify",
    "linear_regression",
    "logistic_regression",
    "pca",
    "softmax",
    "roc_auc",
    "f1_score",
    "binary_cross_entropy",
    "ndcg_at_k",
    # The second pinned set: the 2026 loop.
    "multi_head_causal_attention",
    "top_p_filter",
    "bm25_scores",
    "rope",
    "beam_search",
    "info_nce_loss",
    "dpo_loss",
]
MLPREP = str(Path(sys.executable).with_name("mlprep"))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def whole_process(rounds: int, slugs: list[str]) -> None:
    print("## 1. `mlprep judge SLUG reference.py --json`, whole process\n")
    print("| problem | median judge (ms) | median `import numpy` (ms) | ratio |")
    print("|---|---|---|---|")
    ratios = []
    for slug in slugs:
        reference = str(load_problem(slug).folder / "reference.py")
        judge_cmd = [MLPREP, "judge", slug, reference, "--json"]
        numpy_cmd = [sys.executable, "-c", "import numpy"]
        timed(judge_cmd)  # warm the test-set cache and the page cache
        judges, numpys = [], []
        for _ in range(rounds):  # interleaved, so both see the same machine load
            judges.append(timed(judge_cmd))
            numpys.append(timed(numpy_cmd))
        j, n = statistics.median(judges), statistics.median(numpys)
        ratios.append(j / n)
        print(f"| {slug} | {j * 1000:.0f} | {n * 1000:.0f} | {j / n:.2f}x |")
    print(
        f"\nMedian ratio over these problems: **{statistics.median(ratios):.2f}x** "
        f"(target: at most 3x); worst: {max(ratios):.2f}x\n"
    )


def own_compute(slug: str) -> float:
    """The reference's own compute on every test, in-process (what no judge can avoid)."""
    problem = load_problem(slug)
    testset = load_testset(problem)
    start = time.perf_counter()
    for case in testset.cases:
        problem.reference(*case.args)
    return time.perf_counter() - start


def in_process(rounds: int, slugs: list[str]) -> None:
    print("## 2-3. Many submissions in one process: warm worker vs a new interpreter each\n")
    print(
        "| problem | solution's own compute (ms) | warm: judge (ms) | warm: overhead (ms) "
        "| naive: judge (ms) | naive: overhead (ms) |"
    )
    print("|---|---|---|---|---|---|")
    warm_overheads, naive_overheads = [], []
    worker = Worker()
    try:
        for slug in slugs:
            problem = load_problem(slug)
            data = (problem.folder / "reference.py").read_bytes()
            load_testset(problem)
            judge(problem, data, worker=worker)  # first use starts the sandbox
            compute = statistics.median(own_compute(slug) for _ in range(rounds))
            warm = statistics.median(_judge_time(problem, data, worker) for _ in range(rounds))
            naive = statistics.median(_judge_time(problem, data, None) for _ in range(rounds))
            warm_overheads.append(warm - compute)
            naive_overheads.append(naive - compute)
            print(
                f"| {slug} | {compute * 1000:.1f} | {warm * 1000:.1f} | "
                f"{(warm - compute) * 1000:.1f} | {naive * 1000:.1f} | "
                f"{(naive - compute) * 1000:.1f} |"
            )
    finally:
        worker.destroy()
    print(
        f"\nMedian overhead per submission: warm **{statistics.median(warm_overheads) * 1000:.1f}"
        f" ms** (target: at most 20 ms); naive {statistics.median(naive_overheads) * 1000:.1f} ms"
        "\n"
    )


def _judge_time(problem, data: bytes, worker: Worker | None) -> float:
    start = time.perf_counter()
    report = judge(problem, data, worker=worker)
    elapsed = time.perf_counter() - start
    assert report.verdict == "accepted", (problem.slug, report.verdict)
    return elapsed


def throughput(submissions: int) -> None:
    print("## 4. Throughput: two workers, two threads\n")
    rate, accepted, elapsed = pool_throughput(submissions)
    print(
        f"{submissions} submissions (the pinned references in turn) in {elapsed:.2f} s: "
        f"**{rate:.1f} verdicts/s** (target: at least 15); "
        f"{accepted}/{submissions} accepted\n"
    )


def pool_throughput(submissions: int, workers: int = 2) -> tuple[float, int, float]:
    """Verdicts per second of a warm ``WorkerPool(workers)`` fed by as many threads, judging
    the pinned references in turn; also how many were accepted and the seconds it took.
    (scripts/load_team.py compares the team server's web path with this figure.)"""
    problems = [load_problem(slug) for slug in PINNED]
    jobs = [(p, (p.folder / "reference.py").read_bytes()) for p in problems]
    for p in problems:
        load_testset(p)
    with WorkerPool(workers) as pool:
        for p, data in jobs:  # warm the workers and the caches
            pool.judge(p, data)
        start = time.perf_counter()
        with ThreadPoolExecutor(workers) as threads:
            reports = list(
                threads.map(lambda i: pool.judge(*jobs[i % len(jobs)]), range(submissions))
            )
        elapsed = time.perf_counter() - start
    accepted = sum(r.verdict == "accepted" for r in reports)
    return submissions / elapsed, accepted, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument("--only", nargs="*", default=PINNED, help="problems for parts 1-3")
    args = parser.parse_args()
    # Keep the user's history out of it: the benchmark's submissions go to a scratch folder.
    os.environ["MLPREP_DATA_DIR"] = tempfile.mkdtemp(prefix="mlprep-bench-")
    print(
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"command: {Path(sys.argv[0]).name} --rounds {args.rounds} "
        f"--submissions {args.submissions}\n"
    )
    whole_process(args.rounds, args.only)
    in_process(args.rounds, args.only)
    throughput(args.submissions)


if __name__ == "__main__":
    main()
