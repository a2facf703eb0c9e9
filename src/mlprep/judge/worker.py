"""Warm sandboxed workers: one bubblewrap sandbox running the harness, reused across submissions.

A worker is started ahead of need (NumPy is imported inside it once), then runs one job at a
time. The host talks to the harness over a socket and hands each job over as file descriptors: a
sealed memfd with the solution and the inputs, and three pipes the host reads back (results,
outputs, stdout). Nothing of a job is written to the host's disk, and nothing comes back but those
bounded streams and one reply, which must name the job it answers.

A job may come in parts (the samples, then the hidden tests), run by one process. A part ends
with a last line in the results; the host then reads what the streams hold, seals the part
(nothing read afterwards counts as its output) and only then writes the next part's inputs to a
pipe of the job's own: nothing printed once they are in the sandbox can join an earlier part.

Any job that ends abnormally (a signal, a timeout, processes left behind, too many files, a reply
that does not fit, a dead sandbox) retires the worker, so the next job gets a fresh sandbox.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import itertools
import json
import os
import selectors
import signal
import socket
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
STREAM_LIMITS = {"results": 4 * 2**20, "outputs": 16 * 2**20, "stdout": 16 * 2**20}
_SEALS = fcntl.F_SEAL_SEAL | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_WRITE
_jobs = itertools.count(1)

Progress = Callable[[int], None]


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
    quota: str | None = None  # too many files written
    overflow: str | None = None  # the stream that went past its limit
    wall_seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return self.exit_code == 0 and not (
            self.stragglers or self.timed_out or self.sandbox_died or self.quota or self.overflow
        )


@dataclass
class Streams:
    """What one job's process wrote back: every byte of it is the solution's to forge."""

    results: bytes = b""
    outputs: bytes = b""
    stdout: bytes = b""


@dataclass
class Worker:
    """One warm sandbox. Not thread-safe: a pool hands each worker to one caller at a time."""

    process: subprocess.Popen | None = None
    jobs_run: int = 0
    _control: socket.socket | None = None
    _cgroup: Path | None = None
    _folder: tempfile.TemporaryDirectory | None = None
    _address_space: int = 0
    _retired: bool = False
    _log: object = field(default=None, repr=False)

    def start(self) -> None:
        """Launch the sandbox without waiting for it: the caller can prepare the job meanwhile."""
        if self.process is not None:
            return
        _clean_once()
        host_end, sandbox_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        info_read, info_write = os.pipe()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115  (lives as long as the sandbox)
        try:
            if sandbox.unsafe_opt_out():
                self._folder = sandbox.unsafe_folder()
                command, cwd, extra_fds = sandbox.unsandboxed_command(), self._folder.name, ()
            else:
                prefix, self._cgroup = sandbox.pids_cgroup_wrapper(max_pids=64)
                seccomp = sandbox.seccomp_fd()
                command = prefix + sandbox.bwrap_command(seccomp, info_write)
                cwd, extra_fds = None, (seccomp, info_write)
            self.process = subprocess.Popen(
                command,
                stdin=sandbox_end,
                stdout=subprocess.DEVNULL,
                stderr=self._log,
                cwd=cwd,
                env=sandbox.host_environment(),
                pass_fds=extra_fds,
                start_new_session=True,
            )
        finally:
            sandbox_end.close()
            os.close(info_write)
            if not sandbox.unsafe_opt_out():
                with contextlib.suppress(NameError, OSError):
                    os.close(seccomp)
        self._control = host_end
        self._info = info_read
        self._retired = False
        self.jobs_run = 0

    def run(
        self, parts: list[bytes], limits: Limits, on_progress: Progress | None = None
    ) -> tuple[Outcome, list[Streams]]:
        """Run one job, its ``parts`` (what the harness's child reads) one after the other in one
        process, each within ``limits``, and wait for its end.

        Returns the :class:`Outcome` and the :class:`Streams` of each part that ran: fewer than
        the parts when the process ended early.
        """
        self.start()
        if self.jobs_run == 0:
            self._await_ready()
        job = next(_jobs)
        request = {"job": job, "parts": len(parts), "limits": self._child_limits(limits, parts)}
        reader = _send_job(self._control, request, parts[0])
        if reader is None:
            self._retire()
            return Outcome(sandbox_died=True), []
        started = time.monotonic()
        with reader:
            streams = reader.collect_parts(parts, limits.wall_seconds, on_progress)
        outcome = self._outcome(job, reader.reply, reader.overflow, time.monotonic() - started)
        self.jobs_run += 1
        if not outcome.clean or self.jobs_run >= JOBS_PER_WORKER:
            self._retire()  # now: nothing of this sandbox may run on while the results are read
        return outcome, streams

    def _await_ready(self) -> None:
        reply = _read_message(self._control, time.monotonic() + READY_TIMEOUT)
        if reply != {"ready": True}:
            reason = self._startup_error()
            self._kill()
            problem = sandbox.diagnose()
            raise sandbox.SandboxUnavailable(f"{problem} (its output: {reason})")
        self._address_space = sandbox.address_space_of(self._info, self.process)

    def _child_limits(self, limits: Limits, parts: list[bytes]) -> dict:
        return {
            "cpu_seconds": limits.cpu_seconds * len(parts),  # one process runs every part
            "file_bytes": limits.file_bytes,
            "processes": limits.processes,
            # The child starts as a copy of the warm harness: its own size plus the allowance.
            "address_space_bytes": self._address_space + limits.memory_bytes,
        }

    def _outcome(self, job: int, reply: object, overflow: str | None, wall: float) -> Outcome:
        if overflow:
            return Outcome(overflow=overflow, wall_seconds=wall)
        if reply is None:
            return Outcome(timed_out=True, wall_seconds=wall)
        status = _valid_reply(reply, job)
        if status is None:
            return Outcome(sandbox_died=True, wall_seconds=wall)
        outcome = Outcome(
            exit_code=status.get("exit"),
            signal=status.get("signal"),
            stragglers=int(reply["stragglers"]),
            quota=reply["quota"],
            wall_seconds=wall,
        )
        if not reply["wiped"]:
            outcome.stragglers = outcome.stragglers or 1  # files left behind: never reuse
        return outcome

    def _startup_error(self) -> str:
        self._log.seek(0)
        text = self._log.read(4000).decode(errors="replace").strip()
        return text or "no output"

    def _retire(self) -> None:
        self._kill()
        self._retired = True

    @property
    def retired(self) -> bool:
        return self._retired

    def close(self) -> None:
        """Kill the sandbox; the next :meth:`run` starts afresh."""
        self._kill()
        self._retired = False

    def _kill(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self._control.close()
            os.close(self._info)
            self._log.close()
            self.process = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        sandbox.remove_cgroup(self._cgroup)
        self._cgroup = None

    def destroy(self) -> None:
        self._kill()


@functools.cache
def _clean_once() -> None:
    """Once per process: what a killed server left behind goes before new sandboxes start."""
    sandbox.remove_leftovers()


def _valid_reply(reply: object, job: int) -> dict | None:
    """The reply's status if it answers exactly this job in the harness's own shape, else None."""
    if not (isinstance(reply, dict) and reply.get("job") == job):
        return None
    status = reply.get("status")
    if not (isinstance(status, dict) and len(status) == 1):
        return None
    ((key, value),) = status.items()
    if key not in ("exit", "signal") or type(value) is not int:
        return None
    if type(reply.get("stragglers")) is not int or type(reply.get("wiped")) is not bool:
        return None
    if not (reply.get("quota") is None or isinstance(reply.get("quota"), str)):
        return None
    return status


def _sealed_memfd(payload: bytes) -> int:
    """The job as an in-memory file that nobody, the solution included, can change any more."""
    fd = os.memfd_create("mlprep-job", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]
    fcntl.fcntl(fd, fcntl.F_ADD_SEALS, _SEALS)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _read_message(control: socket.socket, deadline: float) -> object:
    """One reply from the harness (a JSON object), "eof" if the sandbox died, None if too late."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return None
    control.settimeout(remaining)
    try:
        data = control.recv(MAX_REPLY)
    except TimeoutError:
        return None
    except OSError:
        return "eof"
    if not data:
        return "eof"
    try:
        return json.loads(data)
    except ValueError:
        return "eof"


_REPLY, _NEXT = "reply", "next"
PART_ENDED = b'{"part": "ended"}\n'  # the harness's last line of a part that is not the last


def _send_job(control: socket.socket, request: dict, first: bytes) -> _JobReader | None:
    """Hand the job over: its first part as a sealed memfd, the write ends of the three streams'
    pipes and the read end of the later parts' pipe. None if the sandbox is gone."""
    pipes = {name: os.pipe() for name in (*STREAM_LIMITS, "next")}
    memfd = _sealed_memfd(first)
    theirs = [memfd, *(pipes[name][1] for name in STREAM_LIMITS), pipes["next"][0]]
    reads = {name: pipes[name][0] for name in STREAM_LIMITS}
    try:
        socket.send_fds(control, [json.dumps(request).encode()], theirs)
    except OSError:
        _close_all([*reads.values(), pipes["next"][1]])
        return None
    finally:
        _close_all(theirs)
    return _JobReader(control, reads, pipes["next"][1])


class _JobReader:
    """Drain a job's streams part by part, and wait for the harness's reply, within deadlines.

    A part that is not the last ends when its results end with ``PART_ENDED``: what the other
    streams hold then is read without waiting, and everything read later belongs to later parts.
    """

    def __init__(self, control: socket.socket, reads: dict[str, int], later: int) -> None:
        self.control = control
        self.open = {fd: name for name, fd in reads.items()}
        self.reads = list(reads.values())
        self.later: int | None = later
        self.pending = b""  # the next part's bytes still to write
        self.close_after = False
        self.reply: object = None  # the harness's reply: the process ended
        self.late = False
        self.overflow: str | None = None
        self._lines = self._reported = 0  # result records seen, and last told

    def __enter__(self) -> _JobReader:
        os.set_blocking(self.later, False)
        return self

    def __exit__(self, *exc: object) -> None:
        _close_all([*self.reads, *([] if self.later is None else [self.later])])

    @property
    def ended(self) -> bool:
        """The process ended, or is to be killed: no later part may run."""
        return self.reply is not None or self.late or self.overflow is not None

    def collect_parts(
        self, parts: list[bytes], wall_seconds: float, on_progress: Progress | None
    ) -> list[Streams]:
        """Each part's streams, a later part written only once the one before it ended; fewer
        than the parts when the process ended early."""
        streams = []
        for number, payload in enumerate(parts):
            last = number == len(parts) - 1
            if number:
                self.send_next(payload, last)
            streams.append(self.collect(time.monotonic() + wall_seconds, on_progress, last))
            if self.ended:
                break
        return streams

    def send_next(self, payload: bytes, last: bool) -> None:
        """Queue the next part's bytes: written while its streams are read."""
        self.pending = payload if self.later is not None else b""
        self.close_after = last

    def collect(self, deadline: float, on_progress: Progress | None, last: bool) -> Streams:
        buffers = {name: bytearray() for name in STREAM_LIMITS}
        part_ended = False
        with selectors.DefaultSelector() as selector:
            for fd, name in self.open.items():
                selector.register(fd, selectors.EVENT_READ, name)
            if self.reply is None:
                selector.register(self.control, selectors.EVENT_READ, _REPLY)
            if self.pending:
                selector.register(self.later, selectors.EVENT_WRITE, _NEXT)
            elif self.close_after:
                self._close_later()
            while (self.open or self.reply is None) and not part_ended:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.overflow:
                    self.late = remaining <= 0
                    break
                for key, _ in selector.select(remaining):
                    if key.data == _REPLY:
                        selector.unregister(self.control)
                        self.reply = _read_message(self.control, deadline)
                        if self.reply == "eof":
                            self.open.clear()  # nothing more will come: do not wait on strays
                    elif key.data == _NEXT:
                        if not self._write_next():
                            selector.unregister(self.later)
                            self._close_later()
                    elif not self._read(buffers, key.data, key.fd):
                        selector.unregister(key.fd)
                        del self.open[key.fd]
                    elif not last and key.data == "results":
                        part_ended = buffers["results"].endswith(PART_ENDED)
                        self._lines -= part_ended  # the part's end is no test
                self._report(on_progress)
            if part_ended:
                self._drain(buffers)
                del buffers["results"][-len(PART_ENDED) :]
        return Streams(*(bytes(buffers[name]) for name in STREAM_LIMITS))

    def _write_next(self) -> bool:
        """Write what the pipe takes of the next part; False once all is written or it broke."""
        try:
            written = os.write(self.later, self.pending[: 1 << 16])
        except BlockingIOError:
            return True
        except OSError:
            self.pending = b""
            return False
        self.pending = self.pending[written:]
        return bool(self.pending)

    def _close_later(self) -> None:
        if self.close_after and self.later is not None:
            os.close(self.later)
            self.later = None

    def _drain(self, buffers: dict[str, bytearray]) -> None:
        """Read what the pipes hold now, without waiting: the part said everything is there."""
        for fd, name in list(self.open.items()):
            os.set_blocking(fd, False)
            try:
                while self._read(buffers, name, fd):
                    pass
                del self.open[fd]  # at its end, or past its limit
            except BlockingIOError:
                pass
            finally:
                os.set_blocking(fd, True)

    def _read(self, buffers: dict[str, bytearray], name: str, fd: int) -> bool:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return False
        buffer = buffers[name]
        if len(buffer) + len(chunk) > STREAM_LIMITS[name]:
            self.overflow = name
            return False
        buffer += chunk
        if name == "results":
            self._lines += chunk.count(b"\n")
        return True

    def _report(self, on_progress: Progress | None) -> None:
        if on_progress is not None and self._lines != self._reported:
            self._reported = self._lines
            on_progress(self._lines)
