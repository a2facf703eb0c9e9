"""The only judge code that runs inside the sandbox: its PID 1, running one solution per fork.

Started by bubblewrap as the sandbox's PID 1 (``--as-pid-1``): ``python -I -S -B harness.py
SITE_DIR --pid-1``. It imports NumPy once, makes itself non-dumpable (so nothing it forks can open
its file descriptors or memory), says ``ready``, then serves one request at a time on fd 0, an
``AF_UNIX`` ``SOCK_SEQPACKET`` socket to the host:

- host -> harness: ``{"job": N, "parts": P, "limits": {...}}`` with five file descriptors
  attached: the first part (a sealed memfd holding a JSON line, the solution's source and the
  inputs), the write ends of three pipes the host reads (results as JSON lines, outputs as raw
  array bytes, stdout), and the read end of a pipe that brings the later parts.
- harness -> host: ``{"job": N, "status": ..., "stragglers": n, "quota": ..., "wiped": bool}``.

A job of several parts (the samples, then the hidden tests) runs in one child. When a part ends,
the child writes a last line, ``PART_ENDED``, to its results and waits for the next part on its
pipe; the host reads what the streams hold up to there, seals that part (nothing read later is
ever counted as its output), and only then writes the next part's inputs. Whatever the solution
prints once the hidden inputs are in its memory belongs to a part the host never shows.

The harness never reads a job or its results: it only forks, watches the writable folders' size,
kills what the solution left behind and wipes the folders. So it holds no data of any submission,
and a later solution, a fork of it, finds none in its memory. The child writes what the solution
returned as plain data: numbers as JSON, numeric arrays as raw bytes. It never sees expected
outputs: checking happens outside.

This file must import only the standard library and NumPy: the mlprep package is not visible here.
"""

import contextlib
import ctypes
import errno
import fcntl
import importlib.util
import json
import os
import resource
import select
import signal
import socket
import stat
import sys
import time
import traceback

SOLUTION = "solution.py"
MAX_TEXT = 4000
MAX_REQUEST = 65536
# The folders a solution may write to inside the sandbox: each a tmpfs whose bytes bubblewrap
# bounds; their files (inodes) are bounded here.
WRITABLE = ("/work", "/tmp", "/dev/shm")
MAX_FILES = 512
QUOTA_POLL_SECONDS = 0.02
PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 4, 38
JOB_FDS = 5  # the first part's memfd, the results, outputs and stdout pipes, the later parts' pipe
JOB_FD, RESULTS_FD, OUTPUTS_FD, NEXT_FD = 3, 4, 5, 6
PART_ENDED = b'{"part": "ended"}\n'


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    # Only as the sandbox's own PID 1 may leftovers be killed wholesale (kill(-1) spares init).
    sandboxed = sys.argv[2:] == ["--pid-1"] and os.getpid() == 1
    import numpy  # noqa: F401  (warm: every child inherits the imported module)

    _harden()
    control = socket.socket(fileno=0)
    control.send(json.dumps({"ready": True}).encode())
    spare = _fork_spare()
    while True:
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, MAX_REQUEST, JOB_FDS)
        except OSError:
            return
        if not data:
            return  # the host hung up
        request = json.loads(data)
        if len(fds) != JOB_FDS:
            _close(fds)
            return  # not what the host sends: stop rather than guess
        reply = _serve(request, data, fds, spare, sandboxed)
        control.send(json.dumps(reply).encode())
        spare = _fork_spare()  # after the reply: the fork is off the job's critical path


def _harden() -> None:
    """Nothing this process forks may trace it, read its memory or open its descriptors."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    # As PID 1 only signals with a handler arrive: take Python's SIGINT handler away.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(signum, signal.SIG_IGN)


def _close(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _fork_spare() -> tuple[int, socket.socket]:
    """A child forked ahead of its job, waiting for the job's descriptors on a socket of its own.

    It runs no solution code until its job arrives, and is forked only after the previous job's
    processes were killed and its folders wiped.
    """
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    pid = os.fork()
    if pid == 0:
        ours.close()
        try:
            data, fds, _flags, _addr = socket.recv_fds(theirs, MAX_REQUEST, JOB_FDS)
            theirs.close()
            if len(fds) == JOB_FDS:
                _child(json.loads(data), fds, os.getcwd())
        finally:
            os._exit(0)
    theirs.close()
    return pid, ours


def _serve(
    request: dict, data: bytes, fds: list[int], spare: tuple[int, socket.socket], sandboxed: bool
) -> dict:
    folder = os.getcwd()
    pid, channel = spare
    with contextlib.suppress(OSError):  # a spare that is gone ends as a process that exited early
        socket.send_fds(channel, [data], fds)
    channel.close()
    _close(fds)
    status, quota = _wait(pid, sandboxed)
    stragglers = _kill_stragglers(pid, sandboxed)
    wiped = _wipe(folder, sandboxed)
    return {
        "job": request["job"],
        "status": status,
        "stragglers": stragglers,
        "quota": quota,
        "wiped": wiped,
    }


def _wait(pid: int, sandboxed: bool) -> tuple[dict, str | None]:
    """Wait for the child; kill the sandbox's processes if the files written grow too many."""
    pidfd = os.pidfd_open(pid)
    quota = None
    try:
        while not select.select([pidfd], [], [], QUOTA_POLL_SECONDS)[0]:
            if sandboxed and quota is None and _files_in_use() > MAX_FILES:
                quota = f"more than {MAX_FILES} files written"
                os.kill(-1, signal.SIGKILL)
    finally:
        os.close(pidfd)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status)}, quota
    return {"exit": os.WEXITSTATUS(status)}, quota


def _files_in_use() -> int:
    used = 0
    for folder in WRITABLE:
        with contextlib.suppress(OSError):
            info = os.statvfs(folder)
            used += info.f_files - info.f_ffree - 1  # the folder itself
    return used


def _kill_stragglers(child: int, sandboxed: bool) -> int:
    """Kill what the child left behind (daemons, setsid'd grandchildren); 1 if there was any.

    As the sandbox's PID 1, ``kill(-1)`` reaches every other process of the sandbox and orphans
    are ours to reap. Outside one (the unsafe opt-out) ``kill(-1)`` would hit every process of
    the user: there only the child's own process group is killed.
    """
    if not sandboxed:
        try:
            os.killpg(child, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            return 0
        return 1
    _reap(block=False)  # orphans that already ended are not leftovers
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        return 0
    _reap(block=True)
    return 1


def _reap(block: bool) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _wipe(folder: str, sandboxed: bool) -> bool:
    """Leave nothing for the next job; False if something could not be removed.

    Only inside the sandbox, where these folders are the sandbox's own tmpfs mounts.
    """
    if not sandboxed:
        return _empty(folder)
    return all([_empty(path) for path in WRITABLE])


def _empty(folder: str) -> bool:
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    for name in names:
        _remove(os.path.join(folder, name))
    try:
        return not os.listdir(folder)
    except OSError:
        return False


def _remove(path: str) -> None:
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISDIR(info.st_mode):
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)  # a solution may have locked its own folder
        with contextlib.suppress(OSError):
            for name in os.listdir(path):
                _remove(os.path.join(path, name))
        with contextlib.suppress(OSError):
            os.rmdir(path)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _child(request: dict, fds: list[int], folder: str) -> None:
    try:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1):
            signal.signal(signum, signal.SIG_DFL)
        os.setsid()
        os.chdir(folder)
        _own_descriptors(fds)
        _set_limits(request["limits"])
        _run_parts(request["parts"])
    finally:
        os._exit(0)


def _own_descriptors(fds: list[int]) -> None:
    """stdin from /dev/null, stdout and stderr to the host's pipe, the first part on 3, results
    on 4, outputs on 5, the later parts' pipe on 6, and nothing else: the control socket and
    every other descriptor closed."""
    job, results, outputs, stdout, later = fds
    devnull = os.open("/dev/null", os.O_RDONLY)
    wanted = [devnull, stdout, stdout, job, results, outputs, later]
    # Copies above every target first, so that no dup2 overwrites a source still to be moved.
    moved = [fcntl.fcntl(fd, fcntl.F_DUPFD, len(wanted)) for fd in wanted]
    for target, fd in enumerate(moved):
        os.dup2(fd, target)
    os.closerange(len(wanted), os.sysconf("SC_OPEN_MAX"))
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", closefd=False, buffering=1)  # noqa: SIM115
    sys.stderr = sys.stdout


def _run_parts(count: int) -> None:
    """Run each part's tests; between two parts, end the part's results and wait for the next."""
    function = None
    results = open(RESULTS_FD, "wb", buffering=0, closefd=False)  # noqa: SIM115
    with open(JOB_FD, "rb") as first, open(NEXT_FD, "rb") as later:
        for number in range(count):
            header, source, inputs = _read_part(later if number else first)
            if function is None:
                function = _import_solution(header["function"], source, results)
                if function is None:
                    return
            _run_tests(function, header["tests"], inputs, results)
            del inputs
            if number < count - 1:
                sys.stdout.flush()  # all of this part's output is in its pipe before it ends
                results.write(PART_ENDED)


def _set_limits(limits: dict) -> None:
    values = {
        resource.RLIMIT_CPU: limits["cpu_seconds"],
        resource.RLIMIT_FSIZE: limits["file_bytes"],
        resource.RLIMIT_NPROC: limits["processes"],
        resource.RLIMIT_CORE: 0,
        resource.RLIMIT_AS: limits["address_space_bytes"],
    }
    for which, value in values.items():
        resource.setrlimit(which, (value, value))


def _read_part(job) -> tuple[dict, bytes, bytes]:
    header = json.loads(job.readline())
    return header, job.read(header["source_bytes"]), job.read(header["input_bytes"])


def _run_tests(function, tests: list, inputs: bytes, results) -> None:
    outputs = _Outputs(OUTPUTS_FD)  # offsets count from each part's first output
    for index, arg_specs in enumerate(tests):
        record = _run_test(function, index, [_argument(s, inputs) for s in arg_specs], outputs)
        _write(results, record)


class _Outputs:
    """The raw array bytes, written to the host's pipe; records name their offset in the stream."""

    def __init__(self, fd: int) -> None:
        self.stream = open(fd, "wb", buffering=0, closefd=False)  # noqa: SIM115
        self.size = 0

    def write(self, data: bytes) -> int:
        offset = self.size
        self.stream.write(data)
        self.size += len(data)
        return offset


def _argument(spec: dict, inputs: bytes):
    """A fresh, writable copy of one input: the solution may change its arguments in place."""
    import numpy as np

    if "value" in spec:
        return spec["value"]
    offset, dtype, shape = spec["array"]
    count = 1
    for n in shape:
        count *= n
    array = np.frombuffer(inputs, dtype=dtype, count=count, offset=offset)
    return array.reshape(shape).copy()


def _import_solution(name: str, source: bytes, results) -> object:
    with open(SOLUTION, "wb") as f:  # a real file, so tracebacks can show the user's lines
        f.write(source)
    try:
        spec = importlib.util.spec_from_file_location("solution", os.path.abspath(SOLUTION))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except BaseException as exc:  # noqa: BLE001  (SystemExit at import is the solution's fault)
        _write(results, {"fatal": "import", **_error(exc)})
        return None
    function = getattr(module, name, None)
    if not callable(function):
        _write(results, {"fatal": "missing_function", "name": name})
        return None
    return function


def _run_test(function, index: int, args: list, outputs: _Outputs) -> dict:
    start = time.perf_counter()
    try:
        result = function(*args)
    except BaseException as exc:  # noqa: BLE001
        return {"test": index, "seconds": time.perf_counter() - start, **_error(exc)}
    seconds = time.perf_counter() - start
    try:
        encoded = _encode_result(result, outputs)
    except BaseException as exc:  # noqa: BLE001  (too big to write, or a hostile __len__)
        return {"test": index, "seconds": seconds, **_error(exc)}
    return {"test": index, "seconds": seconds, **encoded}


def _encode_result(result, outputs: _Outputs) -> dict:
    if type(result) in (tuple, list):
        parts = [_encode(value, outputs) for value in result[:100]]
        return {"sequence": type(result).__name__, "values": parts, "length": len(result)}
    return {"values": [_encode(result, outputs)]}


def _encode(value, outputs: _Outputs) -> dict:
    """Plain data only: numbers as JSON, numeric arrays as raw bytes, anything else by type name."""
    import numpy as np

    if isinstance(value, bool | np.bool_):
        return {"other": "bool"}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf" or value.dtype.itemsize > 8:
            return {"other": f"{value.dtype} array"}
        data = value.tobytes(order="C")  # keeps a 0-d array's shape (), unlike ascontiguousarray
        return {"array": [outputs.write(data), value.dtype.str, list(value.shape)]}
    if isinstance(value, int | np.integer):
        return {"int": int(value)}
    if isinstance(value, float | np.floating):
        return {"float": float(value)}
    return {"other": type(value).__name__[:100]}


def _error(exc: BaseException) -> dict:
    """The exception, with a traceback trimmed to the frames of the solution's own file."""
    if isinstance(exc, MemoryError):
        return {"error": "MemoryError", "message": "", "tb": ""}
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        return {"error": "OutputLimitExceeded", "message": "", "tb": ""}
    try:
        path = os.path.abspath(SOLUTION)
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
        for frame in frames:
            frame.filename = SOLUTION  # the sandbox's folder names mean nothing to the user
        lines = traceback.format_list(frames)
        message = str(exc)[:MAX_TEXT]
    except BaseException:  # noqa: BLE001  (a hostile __str__ must not kill the report)
        lines, message = [], "(the exception could not be printed)"
    return {"error": type(exc).__name__[:100], "message": message, "tb": "".join(lines)[-MAX_TEXT:]}


def _write(results, record: dict) -> None:
    results.write((json.dumps(record) + "\n").encode())


if __name__ == "__main__":
    main()
