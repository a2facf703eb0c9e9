"""Load test of a team server: two web processes and W workers on loopback (a script, not a test).

    # 300 learners for 3 minutes; one worker and one web process killed (-9) at 1/3 and restarted
    .venv/bin/python scripts/load_team.py [--learners 300] [--duration 180] [--workers 2]
    # verdicts/s with 1 and 2 worker processes, beside the raw WorkerPool(2) of bench_judge.py
    .venv/bin/python scripts/load_team.py --learners 0 --compare-workers

Needs PostgreSQL and Redis as the tests do (127.0.0.1:5432, user postgres, trust; Redis on
6379; ``MLPREP_TEST_POSTGRES`` / ``MLPREP_TEST_REDIS`` point elsewhere). It creates its own
database (``mlprep_load_<random>``) and claims a free Redis DB number (tests/team_services.py),
runs ``mlprep db upgrade``, and creates the learners ``learner001``... in one bulk insert that
reuses a single Argon2 hash of the password (scripts/seed_scale.py): hashing 300 passwords one
by one takes minutes on a loaded machine, and every login still verifies an Argon2 hash.

Each simulated learner (asyncio + aiohttp, one cookie jar each, half of them on each web port)
logs in, then until the end loops: browse (home, problem list, a problem, progress, review),
submit the problem's reference or one of its ``wrong/`` files, follow the job by long polling
until its verdict, and rate a review card, with a random think time between actions. Every
submitted file ends with a unique comment, so the database says which submission came from
which request. At the end it waits for every job, then checks in the database that every job
answered 202 was stored exactly once, with the right verdict (reference accepted, wrong not).

With kills on (the default), at 1/3 of the run one worker and one web process get SIGKILL and
are started again. A learner whose connection is refused, or dropped mid-request, by the killed
web process retries on the other port, as a client behind a load balancer would: those are
counted as retries, not errors. A submit dropped mid-request may have been stored without its
202 reaching the learner: such jobs are counted apart ("stored, never answered"), and must be
stored once too. Everything started (processes, database, Redis DB) is removed at the end, on
Ctrl-C or on failure as well. Prints Markdown tables for docs/team.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from json import loads
from pathlib import Path
from typing import Any

import aiohttp
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the scratch database and Redis DB of the team tests

from bench_judge import PINNED, pool_throughput  # noqa: E402  (scripts/ is on sys.path)
from seed_scale import _create_users  # noqa: E402
from team_services import postgres_database, redis_database  # noqa: E402

MLPREP = [sys.executable, "-m", "mlprep"]
BANK = ROOT / "src" / "mlprep" / "problems" / "bank"
PASSWORD = "load-test-password"
MARKER = re.compile(r"# load-test submission ([0-9a-f]{32})")
WAIT_SECONDS = 10  # per long poll
VERDICT_TIMEOUT = 300  # a job without a verdict this long after its 202 is an error
RECENT_KILL = 30.0  # a transport failure on a port killed this recently is a retry, not an error
START_TIMEOUT = 180


# --- what a learner submits -------------------------------------------------------------------


@dataclass(frozen=True)
class Solution:
    slug: str
    code: str
    accepted: bool  # what the verdict must say

    def marked(self) -> tuple[str, str]:
        """The code with a unique trailing comment, and that comment's id."""
        mark = uuid.uuid4().hex
        return f"{self.code}\n# load-test submission {mark}\n", mark


def solutions(slugs: list[str]) -> tuple[list[Solution], list[Solution]]:
    """The references and the ``wrong/`` files of the given problems."""
    right = [Solution(s, (BANK / s / "reference.py").read_text(), True) for s in slugs]
    wrong = [
        Solution(s, path.read_text(), False)
        for s in slugs
        for path in sorted((BANK / s / "wrong").glob("*.py"))
    ]
    return right, wrong


# --- what was measured ------------------------------------------------------------------------


@dataclass
class Submitted:
    """A submit answered 202."""

    mark: str
    solution: Solution
    job_id: int
    verdict: str | None = None  # as the learner saw it
    seconds: float | None = None  # 202 to verdict, as the learner saw it


@dataclass
class Stats:
    pages: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    logins: list[float] = field(default_factory=list)
    submitted: list[Submitted] = field(default_factory=list)
    reviews: int = 0
    errors: list[str] = field(default_factory=list)
    retries: Counter[str] = field(default_factory=Counter)
    first_submit: float | None = None
    last_verdict: float | None = None
    cpu: dict[str, float] = field(default_factory=dict)  # CPU ms per verdict, by part
    calls: Counter[str] = field(default_factory=Counter)  # requests sent, by route
    measured: int = 0  # submissions of the timed phase (warm-up ones are listed too)
    judged: int = 0  # the raw pool's verdicts, warm-up included (its CPU is per one of them)

    def error(self, message: str) -> None:
        self.errors.append(message)


# --- the processes ----------------------------------------------------------------------------


class Cluster:
    """The web and worker processes of one run, on one database and Redis DB; each logs to a
    file in ``folder``. Every process started is stopped by :meth:`close`."""

    def __init__(self, database: str, broker: str, folder: Path, concurrency: int) -> None:
        self.folder = folder
        self.concurrency = concurrency
        self.env = {
            **os.environ,
            "MLPREP_DATABASE_URL": database,
            "MLPREP_BROKER_URL": broker,
            "MLPREP_DATA_DIR": str(folder / "data"),
        }
        self.processes: list[subprocess.Popen[bytes]] = []
        self.logs: dict[int, Path] = {}
        self.count = 0
        self.cores: dict[str, set[int]] = {}  # with --pin-workers: "worker" and "rest"
        self.monitor: Any = None  # a psycopg connection reading PostgreSQL's statistics

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*MLPREP, *args], env=self.env, capture_output=True, text=True, timeout=300
        )
        if done.returncode != 0:
            raise SystemExit(f"mlprep {' '.join(args)} failed: {done.stderr[-2000:]}")
        return done.stdout

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        self.count += 1
        log = self.folder / f"{self.count:02d}-{name}.log"
        with open(log, "ab") as out:
            cores = self.cores.get("worker" if args[0] == "worker" else "rest")
            pinned = ["taskset", "-c", ",".join(map(str, sorted(cores)))] if cores else []
            process = subprocess.Popen(
                [*pinned, *MLPREP, *args],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches this script, which stops them in order
            )
        self.processes.append(process)
        self.logs[process.pid] = log
        return process

    def worker(self) -> subprocess.Popen[bytes]:
        process = self.start("worker", "worker", "--concurrency", str(self.concurrency))
        self._wait(process, lambda: b"judging with" in self.logs[process.pid].read_bytes())
        return process

    def web(self, port: int) -> subprocess.Popen[bytes]:
        process = self.start(f"web-{port}", "serve", "--team", "--port", str(port))
        self._wait(process, lambda: _answers(port))
        return process

    def _wait(self, process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not ready():
            if process.poll() is not None:
                tail = self.logs[process.pid].read_text(errors="replace")[-2000:]
                raise SystemExit(f"{process.args} exited with {process.returncode}:\n{tail}")
            if time.monotonic() > deadline:
                raise SystemExit(f"{process.args} not ready after {START_TIMEOUT} s")
            time.sleep(0.2)

    def stop(self, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
        """SIGTERM (a worker finishes the job in hand), then SIGKILL if it does not end."""
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)

    def close(self) -> None:
        for process in self.processes:
            self.stop(process, timeout=30)
        if self.monitor is not None:
            self.monitor.close()  # else the database cannot be dropped


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/login", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def free_ports(count: int) -> list[int]:
    import socket

    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


# --- the clients' side: two ports, as behind a load balancer -----------------------------------


class Balancer:
    """Which port a request goes to: the learner's own, unless a failure there marked it down
    for a moment; and whether a failure on a port is one the run caused (a recent kill)."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.down_until = dict.fromkeys(ports, 0.0)
        self.killed_at = dict.fromkeys(ports, -1e9)

    def pick(self, home: int, avoid: int | None = None) -> int:
        now = time.monotonic()
        order = [home, *[p for p in self.ports if p != home]]
        usable = [p for p in order if p != avoid and self.down_until[p] <= now]
        return (usable or [p for p in order if p != avoid] or order)[0]

    def failed(self, port: int) -> bool:
        """Mark ``port`` down for a second; True when it was killed recently (an expected
        failure, retried) rather than an unexplained one (an error)."""
        now = time.monotonic()
        self.down_until[port] = now + 1.0
        return now - self.killed_at[port] < RECENT_KILL


# aiohttp, not httpx, for the learners: the clients share the machine with the server they
# measure, and aiohttp spends a fifth of httpx's CPU on a request (0.42 against 2.03 ms here).
REFUSED = (aiohttp.ClientConnectorError,)  # a subclass of ClientOSError: tested first
DROPPED = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError)


@dataclass
class Reply:
    """An answer, read in full (aiohttp's response is closed once read)."""

    status_code: int
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return loads(self.body)


class Learner:
    def __init__(self, number: int, home: int, balancer: Balancer, stats: Stats) -> None:
        self.name = f"learner{number:03d}"
        self.home = home
        self.balancer = balancer
        self.stats = stats
        self.client = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # unsafe: the host is an IP address
            timeout=aiohttp.ClientTimeout(total=60),
        )
        self.logged_in = False
        self.answered_at: float | None = None  # when the last answer came (connection idle since)

    async def request(
        self, method: str, path: str, json: Callable[[], Any] | None = None, **params: Any
    ) -> Reply:
        """Send, retrying on the other port when the connection was refused or dropped.

        ``json`` makes the body anew for each attempt (a retried submit gets a new mark)."""
        port = self.balancer.pick(self.home)
        self.stats.calls[f"{method} {_route(path)}"] += 1
        for _attempt in range(6):
            base = f"http://127.0.0.1:{port}"
            idle = self._idle()
            try:
                async with self.client.request(
                    method,
                    base + path,
                    json=None if json is None else json(),
                    params=params or None,
                    headers={"Origin": base},
                    allow_redirects=False,
                ) as answer:
                    reply = Reply(answer.status, await answer.read())
                self.answered_at = time.monotonic()
                return reply
            except (*REFUSED, *DROPPED) as exc:
                kind = "refused" if isinstance(exc, REFUSED) else "dropped"
                if self.balancer.failed(port):
                    self.stats.retries[f"{kind}: {method} {_route(path)}"] += 1
                else:
                    self.stats.error(f"{method} {path} on {port}: {kind} {idle} ({exc!r})")
                port = self.balancer.pick(self.home, avoid=port)
                await asyncio.sleep(0.05)
        raise RuntimeError(f"{method} {path}: every port failed")

    def _idle(self) -> str:
        # Said with every unexplained drop: a drop right at the server's keep-alive timeout
        # (uvicorn's 5 s) is a connection it closed while this request was on its way.
        if self.answered_at is None:
            return "on a new client"
        return f"after {time.monotonic() - self.answered_at:.2f} s idle"

    async def page(self, name: str, path: str, expect: int = 200) -> Reply | None:
        started = time.perf_counter()
        reply = await self.request("GET", path)
        self.stats.pages[name].append(time.perf_counter() - started)
        if reply.status_code != expect:
            self.stats.error(f"GET {path}: {reply.status_code} {reply.text[:200]}")
            return None
        return reply

    async def login(self) -> bool:
        started = time.perf_counter()
        body = {"username": self.name, "password": PASSWORD}
        reply = await self.request("POST", "/api/session", json=lambda: body)
        self.stats.logins.append(time.perf_counter() - started)
        if reply.status_code != 200:
            self.stats.error(f"login {self.name}: {reply.status_code} {reply.text[:200]}")
        return reply.status_code == 200

    async def browse(self, slug: str, think: Callable[[], Awaitable[None]]) -> None:
        for name, path in [
            ("/", "/"),
            ("/api/problems", "/api/problems"),
            ("/problems/{slug}", f"/problems/{slug}"),
            ("/progress", "/progress"),
            ("/review", "/review"),
        ]:
            await self.page(name, path)
            await think()

    async def submit(self, solution: Solution, follow: bool = True) -> Submitted | None:
        marks: list[str] = []

        def body() -> dict[str, str]:
            code, mark = solution.marked()
            marks.append(mark)
            return {"code": code}

        reply = await self.request("POST", f"/api/problems/{solution.slug}/submit", json=body)
        if reply.status_code != 202:
            self.stats.error(f"submit {solution.slug}: {reply.status_code} {reply.text[:200]}")
            return None
        job = reply.json()
        sent = Submitted(marks[-1], solution, int(job["id"]))
        self.stats.submitted.append(sent)
        started = time.monotonic()
        if self.stats.first_submit is None:
            self.stats.first_submit = started
        if follow:
            await self.follow(sent, job, started)
        return sent

    async def follow(self, sent: Submitted, job: dict[str, Any], started: float) -> None:
        """Long-poll the job until its verdict, as the problem page does."""
        while job["state"] != "done":
            if time.monotonic() - started > VERDICT_TIMEOUT:
                self.stats.error(f"job {sent.job_id}: no verdict after {VERDICT_TIMEOUT} s")
                return
            reply = await self.request(
                "GET", f"/api/jobs/{sent.job_id}", after=job["version"], wait=WAIT_SECONDS
            )
            if reply.status_code != 200:
                self.stats.error(f"job {sent.job_id}: {reply.status_code} {reply.text[:200]}")
                return
            job = reply.json()
        sent.seconds = time.monotonic() - started
        sent.verdict = (job.get("report") or {}).get("verdict")
        self.stats.last_verdict = time.monotonic()
        if sent.verdict is None or (sent.verdict == "accepted") != sent.solution.accepted:
            self.stats.error(
                f"job {sent.job_id} ({sent.solution.slug}, "
                f"{'reference' if sent.solution.accepted else 'wrong'}): verdict {sent.verdict}"
            )

    async def review(self, rng: random.Random) -> None:
        reply = await self.page("/api/review/next", "/api/review/next")
        cards = [] if reply is None else reply.json()["cards"]
        if not cards:
            return
        topic, name = cards[0]["id"].split("/", 1)
        body = {"answer": "", "rating": rng.choice([2, 3, 3, 4])}
        rated = await self.request(
            "POST", f"/api/review/cards/{topic}/{name}/rate", json=lambda: body
        )
        if rated.status_code != 200:
            self.stats.error(f"rate {topic}/{name}: {rated.status_code} {rated.text[:200]}")
        else:
            self.stats.reviews += 1

    async def close(self) -> None:
        await self.client.close()


def _route(path: str) -> str:
    """A path with its ids and slugs replaced, to group retries."""
    path = re.sub(r"/api/jobs/\d+", "/api/jobs/{id}", path)
    path = re.sub(r"/cards/[^/]+/[^/]+/", "/cards/{topic}/{name}/", path)
    return re.sub(r"/problems/[^/]+", "/problems/{slug}", path)


# --- the scenarios ----------------------------------------------------------------------------


@dataclass
class Plan:
    learners: int
    duration: float
    think: float
    ramp: float
    wrong_share: float
    seed: int
    kill: bool
    login_at_once: int


async def log_in_all(learners: list[Learner], at_once: int) -> float:
    """Log every learner in, ``at_once`` at a time; returns the seconds it took. A phase of its
    own: each login verifies an Argon2 hash (64 MiB, 3 passes), which would crowd out the pages
    measured after it."""
    gate = asyncio.Semaphore(at_once)
    started = time.monotonic()

    async def one(learner: Learner) -> None:
        async with gate:
            try:
                learner.logged_in = await learner.login()
            except Exception as exc:
                learner.stats.error(f"login {learner.name}: {exc!r}")

    await asyncio.gather(*(one(learner) for learner in learners))
    return time.monotonic() - started


async def learner_life(
    learner: Learner,
    plan: Plan,
    deadline: float,
    pool: tuple[list[Solution], list[Solution]],
    rng: random.Random,
) -> None:
    """Starting at a random moment of the ramp, browse, submit and review until the deadline;
    a submission in flight at the deadline is followed to its verdict."""

    async def think() -> None:
        await asyncio.sleep(rng.expovariate(1 / plan.think) if plan.think > 0 else 0)

    right, wrong = pool
    try:
        await asyncio.sleep(rng.uniform(0, plan.ramp))
        while learner.logged_in and time.monotonic() < deadline:
            solution = rng.choice(wrong if rng.random() < plan.wrong_share else right)
            await learner.browse(solution.slug, think)
            if time.monotonic() >= deadline:
                break
            await learner.submit(solution)
            await think()
            await learner.review(rng)
            await think()
    except Exception as exc:  # one learner's failure is an error to count, not the run's end
        learner.stats.error(f"{learner.name}: {exc!r}")
    finally:
        await learner.close()


async def kill_and_restart(
    cluster: Cluster, balancer: Balancer, webs: dict[int, Any], workers: list[Any], at: float
) -> dict[str, float]:
    """At ``at`` (monotonic), SIGKILL the first worker and the first web process, then start
    both again (the web process on the same port); returns when each was back, in seconds."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    port = balancer.ports[0]
    killed = time.monotonic()
    balancer.killed_at[port] = killed
    for process in (workers[0], webs[port]):
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    restarted_web, restarted_worker = await asyncio.gather(
        asyncio.to_thread(cluster.web, port), asyncio.to_thread(cluster.worker)
    )
    web_back = time.monotonic() - killed
    balancer.killed_at[port] = time.monotonic()  # in-flight failures may still surface
    webs[port], workers[0] = restarted_web, restarted_worker
    return {"web down (s)": web_back, "killed at (s)": killed}


async def learners_run(
    cluster: Cluster, ports: list[int], webs: dict[int, Any], workers: list[Any], plan: Plan
) -> tuple[Stats, dict[str, float]]:
    """Log the learners in, then let them work for ``plan.duration`` seconds (and kill and
    restart a worker and a web process at a third of it); returns the figures and a timeline."""
    stats = Stats()
    balancer = Balancer(ports)
    rng = random.Random(plan.seed)
    pool = solutions(PINNED)
    learners = [
        Learner(n, ports[n % len(ports)], balancer, stats) for n in range(1, plan.learners + 1)
    ]
    timeline = {"login phase (s)": await log_in_all(learners, plan.login_at_once)}
    started = time.monotonic()
    deadline = started + plan.duration
    lives = [
        learner_life(learner, plan, deadline, pool, random.Random(rng.random()))
        for learner in learners
    ]
    if plan.kill:
        at = started + plan.duration / 3
        lives.append(_record(timeline, kill_and_restart(cluster, balancer, webs, workers, at)))
    await asyncio.gather(*lives)
    if "killed at (s)" in timeline:
        timeline["killed at (s)"] -= started
    timeline["run (s)"] = time.monotonic() - started
    return stats, timeline


async def _record(into: dict[str, float], task: Awaitable[dict[str, float]]) -> None:
    into.update(await task)


# --- the database's word ----------------------------------------------------------------------


@dataclass
class Audit:
    answered: int = 0  # jobs answered 202
    stored_once: int = 0
    lost: int = 0
    duplicated: int = 0
    wrong_verdict: int = 0
    unanswered_stored: int = 0  # jobs whose 202 never reached the learner, stored once
    unanswered_bad: int = 0  # ...stored not once
    stray: int = 0  # submissions without a mark or job
    internal_errors: int = 0
    redelivered: int = 0  # jobs claimed more than once (a killed worker's, judged again)
    problems: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        """Nothing lost, doubled, misjudged or stray."""
        return not (
            self.lost
            or self.duplicated
            or self.wrong_verdict
            or self.unanswered_bad
            or self.stray
            or self.stored_once != self.answered
        )


def wait_until_judged(database: str, timeout: float) -> int:
    """Wait until no job is left unjudged (those of dropped submits too); returns how many are."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database)
    try:
        deadline = time.monotonic() + timeout
        while True:
            with engine.connect() as conn:
                left = conn.scalar(text("SELECT count(*) FROM jobs WHERE state != 'done'"))
            if not left or time.monotonic() > deadline:
                return int(left or 0)
            time.sleep(1)
    finally:
        engine.dispose()


def audit(database: str, submitted: list[Submitted]) -> Audit:
    """Every job answered 202 has exactly one stored submission (found by its mark), which the
    job points to, with the right verdict; and no submission is stored that no job made."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database)
    try:
        with engine.connect() as conn:
            jobs = {
                row.id: row
                for row in conn.execute(
                    text("SELECT id, state, submission_id, code, attempts FROM jobs")
                )
            }
            rows = list(conn.execute(text("SELECT id, source, verdict FROM submissions")))
    finally:
        engine.dispose()
    by_mark: dict[str, list[Any]] = defaultdict(list)
    result = Audit(answered=len(submitted))
    result.redelivered = sum(job.attempts > 1 for job in jobs.values())
    for row in rows:
        found = MARKER.search(row.source)
        by_mark[found.group(1) if found else ""].append(row)
    job_marks = {_mark(job.code) for job in jobs.values()}
    result.stray = sum(len(v) for m, v in by_mark.items() if m not in job_marks or not m)
    answered_ids = {s.job_id for s in submitted}
    for sent in submitted:
        _check_answered(result, sent, jobs.get(sent.job_id), by_mark.get(sent.mark, []))
    for job_id, job in jobs.items():
        if job_id in answered_ids:
            continue
        stored = by_mark.get(_mark(job.code), [])
        ok = job.state == "done" and len(stored) == 1 and stored[0].id == job.submission_id
        result.unanswered_stored += ok
        result.unanswered_bad += not ok
    return result


def _mark(code: str) -> str:
    found = MARKER.search(code)
    return found.group(1) if found else ""


def _check_answered(result: Audit, sent: Submitted, job: Any, stored: list[Any]) -> None:
    if job is None or job.state != "done":  # never judged: lost, whatever else is stored
        result.lost += 1
        result.problems.append(f"job {sent.job_id}: {'missing' if job is None else job.state}")
        return
    if not stored:
        result.lost += 1
        result.problems.append(f"job {sent.job_id}: no stored submission")
        return
    if len(stored) > 1:
        result.duplicated += len(stored) - 1
        result.problems.append(f"job {sent.job_id}: stored {len(stored)} times")
        return
    [row] = stored
    if job is not None and job.submission_id != row.id:
        result.problems.append(f"job {sent.job_id}: points to {job.submission_id}, not {row.id}")
        result.lost += 1
        return
    result.stored_once += 1
    result.internal_errors += row.verdict == "internal_error"
    if (row.verdict == "accepted") != sent.solution.accepted or row.verdict != sent.verdict:
        result.wrong_verdict += 1
        result.problems.append(
            f"job {sent.job_id} ({sent.solution.slug}): stored {row.verdict}, "
            f"seen {sent.verdict}, expected {'accepted' if sent.solution.accepted else 'not'}"
        )


# --- --pin-workers: the workers on a core of their own, as on a machine of their own ----------


@contextlib.contextmanager
def pinned_services(cores: set[int]) -> Iterator[None]:
    """PostgreSQL's and Redis's processes (every thread) on ``cores`` for the block, then back
    where they were. New PostgreSQL backends are forked by the postmaster, pinned with them."""
    saved: dict[int, set[int]] = {}
    for pid, (_, name, _) in _processes().items():
        if name.startswith(("postgres", "redis-server")):
            for task in os.listdir(f"/proc/{pid}/task"):
                with contextlib.suppress(OSError):
                    saved[int(task)] = os.sched_getaffinity(int(task))
                    os.sched_setaffinity(int(task), cores)
    try:
        yield
    finally:
        for task, before in saved.items():
            with contextlib.suppress(OSError):  # ended meanwhile
                os.sched_setaffinity(task, before)


@contextlib.contextmanager
def on_cores(cores: set[int] | None) -> Iterator[None]:
    """This thread (and the sandboxes and threads it starts) on ``cores`` for the block."""
    if not cores:
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cores)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


# --- where the CPU goes -------------------------------------------------------------------------

TICKS = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, str, float]]:
    """Every process's parent, name and CPU seconds (its own and its reaped children's)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        cpu = sum(int(fields[n]) for n in (11, 12, 13, 14)) / TICKS  # utime stime cutime cstime
        found[int(entry)] = (int(fields[1]), name, cpu)
    return found


def _tree_cpu(roots: list[int], table: dict[int, tuple[int, str, float]]) -> float:
    children: dict[int, list[int]] = defaultdict(list)
    for pid, (parent, _, _) in table.items():
        children[parent].append(pid)
    total, todo = 0.0, [r for r in roots if r in table]
    while todo:
        pid = todo.pop()
        total += table[pid][2]
        todo += children[pid]
    return total


def cpu_snapshot(cluster: Cluster) -> dict[str, float]:
    """CPU seconds so far of the web processes, PostgreSQL and Redis (every process of theirs on
    the machine), this client, and the rest of the machine: the workers with their sandboxes,
    the kernel's share, and whatever else runs. A sandbox is killed with its PID namespace, so
    its processes' time reaches no parent: the workers are counted as what is left of the
    whole machine's busy time (/proc/stat), which holds only on an otherwise quiet machine."""
    table = _processes()
    webs = [p.pid for p in cluster.processes if p.poll() is None and "serve" in p.args]
    times = os.times()
    machine = Path("/proc/stat").read_text().split("\n")[0].split()[1:]
    busy = (sum(int(v) for v in machine) - int(machine[3]) - int(machine[4])) / TICKS
    parts = {
        "web processes": _tree_cpu(webs, table),
        "PostgreSQL": sum(cpu for _, name, cpu in table.values() if name.startswith("postgres")),
        "Redis": sum(cpu for _, name, cpu in table.values() if name.startswith("redis-server")),
        "client (this script)": times.user + times.system,
    }
    rest = busy - sum(parts.values())
    opened = {CONNECTIONS: connections_opened(cluster)}
    return {**parts, "workers, sandboxes, the rest": rest, "whole machine": busy, **opened}


CONNECTIONS = "PostgreSQL connections opened"


def connections_opened(cluster: Cluster) -> float:
    """How many connections PostgreSQL has accepted so far, to any database: each one forks a
    backend, so a pool that closes and reopens connections under load shows here."""
    if cluster.monitor is None:  # one connection of its own, opened once: it counts once
        import psycopg

        url = cluster.env["MLPREP_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
        cluster.monitor = psycopg.connect(url, autocommit=True)
    row = cluster.monitor.execute("SELECT sum(sessions) FROM pg_stat_database").fetchone()
    return float(row[0] or 0)


def cpu_per(before: dict[str, float], after: dict[str, float], count: int) -> dict[str, float]:
    """CPU seconds of each part between two snapshots, per one of ``count`` (verdicts, requests)."""
    return {part: (after[part] - before[part]) / max(count, 1) for part in after}


# --- --compare-workers ------------------------------------------------------------------------


async def logged_in_learners(ports: list[int], clients: int, stats: Stats) -> list[Learner]:
    """``clients`` learners, spread over the ports, every one of them logged in."""
    balancer = Balancer(ports)
    learners = [Learner(n, ports[n % len(ports)], balancer, stats) for n in range(1, clients + 1)]
    await log_in_all(learners, len(learners))
    if not all(learner.logged_in for learner in learners):
        raise SystemExit(f"some learners could not log in: {stats.errors[:3]}")
    return learners


Meter = Callable[[], dict[str, float]]


async def submissions_only(
    ports: list[int], count: int, clients: int, meter: Meter | None = None
) -> tuple[float, Stats]:
    """``count`` references of the pinned problems in turn, from ``clients`` learners at once,
    each submitting again as soon as its verdict is in; verdicts per second, first submit to
    last verdict. With a CPU ``meter``, the CPU per verdict from the first submit on (the
    logins' Argon2 is not the judging's cost)."""
    stats = Stats()
    learners = await logged_in_learners(ports, clients, stats)
    right, _ = solutions(PINNED)
    turn = iter(range(count))

    async def keep_submitting(learner: Learner) -> None:
        try:
            for n in turn:
                await learner.submit(right[n % len(right)])
        finally:
            await learner.close()

    before = meter() if meter else {}
    await asyncio.gather(*(keep_submitting(learner) for learner in learners))
    stats.measured = len(stats.submitted)
    if meter:
        stats.cpu = cpu_per(before, meter(), stats.measured)
    if stats.first_submit is None or stats.last_verdict is None:
        return 0.0, stats
    return stats.measured / (stats.last_verdict - stats.first_submit), stats


async def rush(
    ports: list[int], count: int, clients: int, database: str, meter: Meter
) -> tuple[float, Stats]:
    """The deadline rush: ``count`` references sent at once by ``clients`` learners, each
    answered 202 and not waited on, while the workers drain the queue; verdicts per second from
    the first job's row written to the last one done (the database's own times). Then each
    learner reads its verdicts once, outside the timing (and the CPU ``meter``), for the audit."""
    from sqlalchemy import bindparam, create_engine, text

    stats = Stats()
    learners = await logged_in_learners(ports, clients, stats)
    right, _ = solutions(PINNED)
    turn = iter(range(count))
    mine: dict[Learner, list[Submitted]] = defaultdict(list)

    async def send_all(learner: Learner) -> None:
        for n in turn:
            sent = await learner.submit(right[n % len(right)], follow=False)
            if sent is not None:
                mine[learner].append(sent)

    async def read_verdicts(learner: Learner) -> None:
        for sent in mine[learner]:
            reply = await learner.request("GET", f"/api/jobs/{sent.job_id}")
            sent.verdict = (reply.json().get("report") or {}).get("verdict")

    before = meter()
    try:
        await asyncio.gather(*(send_all(learner) for learner in learners))
        await asyncio.to_thread(wait_until_judged, database, VERDICT_TIMEOUT)
        stats.measured = len(stats.submitted)
        stats.cpu = cpu_per(before, meter(), stats.measured)
        await asyncio.gather(*(read_verdicts(learner) for learner in learners))
    finally:
        for learner in learners:
            await learner.close()
    span = text("SELECT min(created_at), max(updated_at) FROM jobs WHERE id IN :ids")
    engine = create_engine(database)
    try:
        with engine.connect() as conn:
            ids = [sent.job_id for sent in stats.submitted]
            first, last = conn.execute(
                span.bindparams(bindparam("ids", expanding=True)), {"ids": ids}
            ).one()
    finally:
        engine.dispose()
    return stats.measured / (last - first).total_seconds(), stats


@dataclass
class Row:
    """One figure of the comparison; a web path's ``raw`` is the mean of the raw figures measured
    just before and just after it (the machine's speed drifts between runs)."""

    name: str
    rate: float
    stats: Stats
    raw: float = 0.0


def raw_figure(cluster: Cluster, args: argparse.Namespace) -> Row:
    """bench_judge.py's part 4 in this process, with the CPU it cost (warm-up included)."""
    sandboxes = 2 * args.concurrency
    before = cpu_snapshot(cluster)
    with on_cores(cluster.cores.get("worker")):  # where the workers run, with --pin-workers
        rate, accepted, _ = pool_throughput(args.compare_submissions, workers=sandboxes)
    if accepted != args.compare_submissions:
        raise SystemExit(f"the raw pool accepted {accepted}/{args.compare_submissions}")
    stats = Stats()
    stats.judged = args.compare_submissions + len(PINNED)
    stats.cpu = cpu_per(before, cpu_snapshot(cluster), stats.judged)
    return Row(f"raw `WorkerPool({sandboxes})` (bench_judge.py part 4)", rate, stats, rate)


def compare_workers(
    cluster: Cluster, ports: list[int], workers: list[Any], args: argparse.Namespace
) -> list[Row]:
    """The raw WorkerPool figure, then the web path with 1 and with 2 worker processes (learners
    waiting for their verdicts, then the deadline rush), each followed by the raw figure again."""
    for process in workers:  # the learners' run's workers: the comparison starts its own
        cluster.stop(process)
    workers.clear()
    meter = partial(cpu_snapshot, cluster)
    database = cluster.env["MLPREP_DATABASE_URL"]
    submissions, clients = args.compare_submissions, args.compare_clients
    raws = [raw_figure(cluster, args)]
    rows: list[Row] = [raws[0]]
    for count in (1, 2):
        started = [cluster.worker() for _ in range(count)]
        shape = f"{count} worker process(es) x {args.concurrency} thread(s)"
        # a warm-up round first: every worker loads every problem's tests
        _, warming = asyncio.run(submissions_only(ports, len(PINNED) * count, clients))
        waited = Row(
            f"web path, {shape}, each learner waiting for its verdict",
            *asyncio.run(submissions_only(ports, submissions, clients, meter)),
        )
        waited.stats.errors[:0] = warming.errors
        waited.stats.submitted[:0] = warming.submitted
        rushed = Row(
            f"web path, {shape}, deadline rush (all sent, then drained)",
            *asyncio.run(rush(ports, submissions, clients, database, meter)),
        )
        for process in started:
            cluster.stop(process)
        raws.append(raw_figure(cluster, args))
        for row in (waited, rushed):
            row.raw = (raws[-2].rate + raws[-1].rate) / 2
        rows += [waited, rushed, raws[-1]]
    return rows


# --- the report -------------------------------------------------------------------------------


def ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000:.0f}"


def _percentiles(values: list[float]) -> str:
    return f"{ms(values, 0.5)} | {ms(values, 0.95)} | {ms(values, 1.0)}"


def print_run(
    stats: Stats, result: Audit, timeline: dict[str, float], args: argparse.Namespace
) -> None:
    pages = [t for times in stats.pages.values() for t in times]
    verdicts = [s.seconds for s in stats.submitted if s.seconds is not None]
    span = (stats.last_verdict or 0) - (stats.first_submit or 0)
    load = os.getloadavg()
    print(
        f"\n{args.learners} learners, {args.duration:g} s, 2 web processes, {args.workers} "
        f"worker process(es) x {args.concurrency} thread(s), think time {args.think:g} s; "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"on {os.cpu_count()} cores\n"
    )
    print("| page or call | requests | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|---|")
    for name, times in [*sorted(stats.pages.items()), ("all pages", pages)]:
        shown = name if name == "all pages" else f"`{name}`"
        print(f"| {shown} | {len(times)} | {_percentiles(times)} |")
    print(f"| login (`POST /api/session`) | {len(stats.logins)} | {_percentiles(stats.logins)} |")
    print(f"| time to verdict (202 to done) | {len(verdicts)} | {_percentiles(verdicts)} |")
    killed = (
        f"a worker and a web process at {timeline['killed at (s)']:.0f} s; the web process "
        f"answered again after {timeline['web down (s)']:.1f} s"
        if "killed at (s)" in timeline
        else "none"
    )
    logins = len(stats.logins)
    rows = [
        ("verdicts", f"{len(verdicts)} ({len(verdicts) / span:.2f}/s)" if span > 0 else "0"),
        ("cards rated", str(stats.reviews)),
        ("errors (must be 0)", str(len(stats.errors))),
        ("lost (must be 0)", str(result.lost)),
        ("duplicated (must be 0)", str(result.duplicated)),
        ("wrong verdicts (must be 0)", str(result.wrong_verdict)),
        ("answered 202, stored exactly once", f"{result.stored_once}/{result.answered}"),
        ("stored, 202 never received (dropped submit)", str(result.unanswered_stored)),
        ("...not stored exactly once (must be 0)", str(result.unanswered_bad)),
        ("submissions no job made (must be 0)", str(result.stray)),
        ("internal errors", str(result.internal_errors)),
        ("jobs judged again after a worker died", str(result.redelivered)),
        ("login phase", f"{logins} logins in {timeline['login phase (s)']:.1f} s"),
        ("killed (SIGKILL) and restarted", killed),
        ("retries on the other port", str(sum(stats.retries.values()))),
    ]
    print("\n| figure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for route, n in sorted(stats.retries.items()):
        print(f"|   retried: {route} | {n} |")
    _print_problems(stats.errors + result.problems)


def print_comparison(rows: list[Row]) -> None:
    print("\n| judging | verdicts/s | of the raw figure (mean of the two around it) |")
    print("|---|---|---|")
    for row in rows:
        shown = "" if row.stats.measured == 0 else f"{row.rate / row.raw:.0%}"
        print(f"| {row.name} | {row.rate:.2f} | {shown} |")
    print("\n| CPU ms per verdict | " + " | ".join(row.name for row in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for part in rows[0].stats.cpu:
        if part != CONNECTIONS:
            cells = " | ".join(f"{row.stats.cpu[part] * 1000:.1f}" for row in rows)
            print(f"| {part} | {cells} |")
    opened = ", ".join(f"{row.stats.cpu[CONNECTIONS] * _verdicts(row):.0f}" for row in rows)
    print(f"\nPostgreSQL connections opened during each figure above, in order: {opened}")
    for row in rows:
        if row.stats.measured:
            calls = sorted(row.stats.calls.items())
            shown = ", ".join(f"{route} {n / row.stats.measured:.2f}" for route, n in calls)
            print(f"\nrequests per verdict, {row.name}: {shown}")
    for kind in ("waiting", "rush"):
        best = max((r.rate / r.raw for r in rows if kind in r.name), default=0.0)
        print(f"\nweb path / raw, learners {kind}: {best:.0%} (target: at least 80%)")
    _print_problems([e for row in rows for e in row.stats.errors])


def _verdicts(row: Row) -> int:
    """How many verdicts a row's per-verdict figures are divided by (see raw_figure)."""
    return row.stats.measured or row.stats.judged


def _print_problems(problems: list[str]) -> None:
    for problem in problems[:20]:
        print(f"  ! {problem}")
    if len(problems) > 20:
        print(f"  ! ... and {len(problems) - 20} more")


# --- main ---------------------------------------------------------------------------------------


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=300, help="0: only --compare-workers")
    parser.add_argument("--duration", type=float, default=180, help="seconds of learning")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--concurrency", type=int, default=1, help="threads per worker")
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between actions")
    parser.add_argument("--ramp", type=float, default=20.0, help="logins spread over seconds")
    parser.add_argument("--wrong-share", type=float, default=1 / 3, help="wrong submissions")
    parser.add_argument("--login-at-once", type=int, default=8, help="logins in flight")
    parser.add_argument("--no-kill", dest="kill", action="store_false", help="kill nothing")
    parser.add_argument("--compare-workers", action="store_true")
    parser.add_argument("--compare-submissions", type=int, default=100)
    parser.add_argument("--compare-clients", type=int, default=16)
    parser.add_argument(
        "--pin-workers",
        action="store_true",
        help="workers and the raw pool on the last core, everything else on the others",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep-logs", action="store_true", help="keep the processes' logs")
    return parser.parse_args()


def stop_on_sigterm() -> None:
    def interrupt(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


@contextlib.contextmanager
def scratch_folder(keep: bool) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="mlprep-load-team-"))
    try:
        yield folder
    finally:
        if keep:
            print(f"\nlogs kept in {folder}")
        else:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    args = parse()
    stop_on_sigterm()
    os.environ["MLPREP_DATA_DIR"] = tempfile.mkdtemp(prefix="mlprep-load-pool-")  # the raw pool's
    with (
        scratch_folder(args.keep_logs) as folder,
        postgres_database("mlprep_load") as database,
        redis_database() as broker,
    ):
        cluster = Cluster(database, broker, folder, args.concurrency)
        if args.pin_workers:
            *rest, last = sorted(os.sched_getaffinity(0))
            cluster.cores = {"worker": {last}, "rest": set(rest)}
            os.sched_setaffinity(0, set(rest))  # the clients
        try:
            with pinned_services(cluster.cores["rest"]) if args.pin_workers else nullcontext():
                run(cluster, database, args)
        except KeyboardInterrupt:
            print("\ninterrupted: stopping the processes, dropping the database and Redis DB")
            raise SystemExit(130) from None
        finally:
            cluster.close()


def run(cluster: Cluster, database: str, args: argparse.Namespace) -> None:
    print(f"started {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; " + " ".join(sys.argv[1:]))
    cluster.run("db", "upgrade")
    _create_learners(database, max(args.learners, args.compare_clients))
    ports = free_ports(2)
    webs = {port: cluster.web(port) for port in ports}
    workers = [cluster.worker() for _ in range(args.workers)]
    sent: list[Submitted] = []
    failed = False
    if args.learners:
        plan = Plan(
            args.learners,
            args.duration,
            args.think,
            args.ramp,
            args.wrong_share,
            args.seed,
            args.kill,
            args.login_at_once,
        )
        stats, timeline = asyncio.run(learners_run(cluster, ports, webs, workers, plan))
        left = wait_until_judged(database, VERDICT_TIMEOUT)
        if left:
            stats.error(f"{left} jobs still not judged {VERDICT_TIMEOUT} s after the run")
        checked = audit(database, stats.submitted)
        print_run(stats, checked, timeline, args)
        sent += stats.submitted
        failed = failed or bool(stats.errors) or not checked.clean()
    if args.compare_workers:
        rows = compare_workers(cluster, ports, workers, args)
        print_comparison(rows)
        sent += [one for row in rows for one in row.stats.submitted]
        wait_until_judged(database, VERDICT_TIMEOUT)
        final = audit(database, sent)
        print(
            f"\nall submissions of the run: {final.stored_once}/{final.answered} answered 202 and "
            f"stored exactly once; lost {final.lost}, duplicated "
            f"{final.duplicated}, wrong verdicts {final.wrong_verdict}, stored without a 202 "
            f"{final.unanswered_stored} (not once: {final.unanswered_bad}), stray {final.stray}"
        )
        failed = failed or not final.clean() or any(row.stats.errors for row in rows)
    if failed:
        raise SystemExit("FAILED: errors, lost, duplicated or wrong verdicts above")


def _create_learners(database: str, count: int) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(database)
    try:
        with engine.begin() as conn:
            _create_users(conn, count, PASSWORD, datetime.now(UTC))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
