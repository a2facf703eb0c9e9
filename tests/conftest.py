"""Shared fixtures: an isolated data/cache folder for every run, a warm worker, helpers."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import pytest

_ISOLATED = tempfile.mkdtemp(prefix="mlprep-tests-")
os.environ["MLPREP_DATA_DIR"] = str(Path(_ISOLATED, "data"))
os.environ["MLPREP_CACHE_DIR"] = str(Path(_ISOLATED, "cache"))
os.environ.pop("MLPREP_DATABASE_URL", None)
os.environ.pop("MLPREP_UNSAFE_NO_SANDBOX", None)
# FastAPI's TestClient (and schemathesis) send "Host: testserver": the apps under test answer to
# it as configured, as a deployment would add its own name. No default of the app includes it.
os.environ["MLPREP_ALLOWED_HOSTS"] = "testserver"

MLPREP = [sys.executable, "-m", "mlprep"]


@pytest.fixture(scope="module")
def worker():
    from mlprep.judge.worker import Worker

    w = Worker()
    yield w
    w.destroy()


def judge_source(slug: str, source: str, worker=None, mode: str = "judge"):
    from mlprep.judge.runner import judge
    from mlprep.problems import load_problem

    return judge(load_problem(slug), source.encode(), mode=mode, worker=worker)


def run_cli(*args: str, timeout: float = 60, env: dict | None = None, **kwargs):
    return subprocess.run(
        [*MLPREP, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def sandbox_processes() -> set[int]:
    """Live host processes of this checkout's sandboxes: bwrap started with this checkout's
    harness, and every descendant of it (the harness, solutions, their daemons), from /proc.

    Sandboxes of other checkouts running on the same machine are not counted."""
    harness = str(Path(__file__).parents[1] / "src" / "mlprep" / "judge" / "harness.py").encode()
    parents: dict[int, int] = {}
    roots = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path("/proc", entry, "cmdline").read_bytes()
            fields = Path("/proc", entry, "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] == "Z":
            continue
        parents[int(entry)] = int(fields[1])
        if harness in cmdline:
            roots.add(int(entry))
    found = set(roots)
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def leftovers(before: set[int], wait: float = 3.0) -> set[int]:
    """Sandbox processes that appeared since ``before`` and are still alive after ``wait``."""
    deadline = time.monotonic() + wait
    while (extra := sandbox_processes() - before) and time.monotonic() < deadline:
        time.sleep(0.05)
    return extra


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(data: Path, workers: int = 2):
    """A real ``mlprep serve`` on loopback keeping its data in ``data`` (made if missing), judging
    with ``workers`` warm workers; yields its base URL."""
    import urllib.request

    port = free_port()
    data.mkdir(parents=True, exist_ok=True)
    log = open(data / "server.log", "w+b")  # noqa: SIM115  (closed after the server stops)
    process = subprocess.Popen(
        [*MLPREP, "serve", "--port", str(port), "--workers", str(workers)],
        env={**os.environ, "MLPREP_DATA_DIR": str(data)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/problems", timeout=5) as reply:
                if reply.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            pytest.fail(f"mlprep serve did not start: {log.read().decode(errors='replace')}")
        time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real ``mlprep serve`` on loopback with its own data folder; yields its base URL."""
    with serving(tmp_path_factory.mktemp("server-data")) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


BANK = Path(__file__).resolve().parent.parent / "src" / "mlprep" / "problems" / "bank"
# Read from the bank's own files, not through mlprep: each problem folder's problem.toml.
METAS = {
    d.name: tomllib.loads((d / "problem.toml").read_text())
    for d in sorted(BANK.iterdir())
    if (d / "problem.toml").is_file()
}
VERDICT_TIMEOUT_MS = 30_000


def type_code(page, code: str) -> None:
    """Replace the editor's text the way a user would: select all, then type (paste-like)."""
    page.click(".cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def wait_for_verdict(page, verdict: str) -> None:
    page.wait_for_function(
        "(name) => document.querySelector('#verdict')?.textContent === name",
        arg=verdict,
        timeout=VERDICT_TIMEOUT_MS,
    )


@pytest.fixture
def page(browser, request):
    """A fresh browser context (empty storage); a screenshot is saved as an artifact at the end."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder (and so a fresh database) for this test and the CLI it runs."""
    folder = tmp_path / "data"
    monkeypatch.setenv("MLPREP_DATA_DIR", str(folder))
    monkeypatch.delenv("MLPREP_DATABASE_URL", raising=False)
    return folder
