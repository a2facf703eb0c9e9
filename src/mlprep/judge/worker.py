"""Warm sandboxed workers: one bubblewrap sandbox running the harness, reused across submissions.

A worker is started ahead of need (NumPy is imported inside it once), then runs one job at a
time. Any job that ends abnormally (a signal, a timeout, processes left behind, a dead sandbox)
retires the worker, so the next job gets a fresh sandbox.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.judge import sandbox

# With the schema's largest time limit (15 s, plus 1 s of start-up) a judge run stays under 30 s.
READY_TIMEOUT = 8.0
MAX_REPLY = 4096
JOBS_PER_WORKER = 200
POLL_SECONDS = 0.1
_names = itertools.count()


@dataclass(frozen=True)
class Limits:
    wall_seconds: float
    cpu_seconds: int
    memory_bytes: int
    file_bytes: int = 16 * 2**20
    processes: int = 16


@dataclass
class Outcome:
    """How the solution's process ended, as the worker saw it."""

    exit_code: int | None = None
    signal: int | None = None
    stragglers: int = 0
    timed_out: bool = False
    sandbox_died: bool = False
    wall_seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return self.exit_code == 0 and not (self.stragglers or self.timed_out or self.sandbox_died)


@dataclass
class Worker:
    """One warm sandbox. Not thread-safe: a pool hands each worker to one caller at a time."""

    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="mlprep-worker-")))
    process: subprocess.Popen | None = None
    jobs_run: int = 0
    _cgroup: Path | None = None
    _buffer: bytes = b""
    _retired: bool = False

    def start(self) -> None:
        """Launch the sandbox without waiting for it: the caller can prepare the job meanwhile."""
        if self.process is not None:
            return
        if sandbox.unsafe_opt_out():
            command = sandbox.unsandboxed_command()
        else:
            prefix, self._cgroup = sandbox.pids_cgroup_wrapper(
                f"mlprep-{os.getpid()}-{next(_names)}", max_pids=64
            )
            command = prefix + sandbox.bwrap_command(self.scratch)
        self._log = tempfile.TemporaryFile()  # noqa: SIM115  (lives as long as the sandbox)
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            start_new_session=True,
        )
        self._buffer = b""
        self.jobs_run = 0

    def job_dir(self) -> Path:
        path = self.scratch / f"job{next(_names)}"
        path.mkdir()
        return path

    def run(self, job: Path, limits: Limits, poll: Callable[[], None] | None = None) -> Outcome:
        """Run the job prepared in ``job`` (a folder from :meth:`job_dir`) and wait for its end."""
        self.start()
        started = time.monotonic()
        if self.jobs_run == 0 and self._read_reply(started + READY_TIMEOUT) != {"ready": True}:
            reason = self._startup_error()
            self._kill()
            problem = sandbox.diagnose()
            raise sandbox.SandboxUnavailable(f"{problem} (its output: {reason})")
        inside = str(job) if sandbox.unsafe_opt_out() else f"{sandbox.SCRATCH_DIR}/{job.name}"
        request = {
            "dir": inside,
            "cpu_seconds": limits.cpu_seconds,
            "memory_bytes": limits.memory_bytes,
            "file_bytes": limits.file_bytes,
            "processes": limits.processes,
        }
        sent = time.monotonic()
        deadline = sent + limits.wall_seconds
        try:
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
        except OSError:
            self._kill()
            self._retired = True
            return Outcome(sandbox_died=True)
        reply = self._read_reply(deadline, poll)
        outcome = self._outcome(reply, time.monotonic() - sent)
        self.jobs_run += 1
        if not outcome.clean or self.jobs_run >= JOBS_PER_WORKER:
            self._kill()  # now, so nothing more is written while the results are read
            self._retired = True
        return outcome

    def _outcome(self, reply: dict | str | None, wall: float) -> Outcome:
        if reply is None:
            return Outcome(timed_out=True, wall_seconds=wall)
        if reply == "eof" or not isinstance(reply, dict) or "status" not in reply:
            return Outcome(sandbox_died=True, wall_seconds=wall)
        status = reply["status"]
        return Outcome(
            exit_code=status.get("exit"),
            signal=status.get("signal"),
            stragglers=int(reply.get("stragglers", 0)),
            wall_seconds=wall,
        )

    def _read_reply(
        self, deadline: float, poll: Callable[[], None] | None = None
    ) -> dict | str | None:
        """One JSON line from the harness; "eof" if the sandbox died; None at the deadline."""
        stdout = self.process.stdout
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                if not selector.select(min(remaining, POLL_SECONDS) if poll else remaining):
                    if poll:
                        poll()
                    continue
                chunk = os.read(stdout.fileno(), MAX_REPLY)
                if not chunk:
                    return "eof"
                self._buffer += chunk
                if len(self._buffer) > MAX_REPLY:
                    return "eof"
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            return json.loads(line)
        except ValueError:
            return "eof"

    def _startup_error(self) -> str:
        self._log.seek(0)
        text = self._log.read(4000).decode(errors="replace").strip()
        return text or "no output"

    def finish(self, job: Path) -> None:
        """Forget the job; after an abnormal end, also wipe anything it left in the scratch."""
        shutil.rmtree(job, ignore_errors=True)
        if self._retired:
            self.close()

    def close(self) -> None:
        """Kill the sandbox and empty its scratch folder; the next :meth:`run` starts afresh."""
        self._kill()
        shutil.rmtree(self.scratch, ignore_errors=True)
        self.scratch.mkdir(parents=True, exist_ok=True)
        self._retired = False

    def _kill(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                stream.close()
            self._log.close()
            self.process = None
        sandbox.remove_cgroup(self._cgroup)
        self._cgroup = None

    def destroy(self) -> None:
        self._kill()
        shutil.rmtree(self.scratch, ignore_errors=True)
