"""The only judge code that runs inside the sandbox: a warm worker that runs one solution per fork.

Started by bubblewrap as ``python -I -S -B harness.py SITE_DIR``. It imports NumPy once, says
``ready`` on stdout, then for each request line (a JSON object naming a job folder and limits)
forks a child that imports the solution and calls it on every test's inputs. The child writes
what it returned as plain data into the job folder: numeric arrays as raw bytes and one JSON
line per test in ``results.jsonl``. It never sees expected outputs: checking happens outside.

Arrays cross the boundary as raw bytes in one file per direction (``inputs.bin``,
``outputs.bin``) described by JSON (offset, dtype, shape): no pickles, and far cheaper than
one ``.npy`` file per array.

This file must import only the standard library and NumPy: the mlprep package is not visible here.
"""

import contextlib
import ctypes
import errno
import importlib.util
import json
import os
import resource
import signal
import sys
import time
import traceback

SOLUTION = "solution.py"
MAX_TEXT = 4000


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    # Only inside the sandbox's own PID namespace may leftovers be killed wholesale.
    # The pid check is a second guard: in a fresh namespace bwrap's init is 1 and we are 2.
    own_pid_namespace = sys.argv[2:] == ["--own-pid-namespace"] and os.getpid() <= 2
    import numpy  # noqa: F401  (warm: every child inherits the imported module)

    _forbid_tracing()
    _reply({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        stragglers = _kill_stragglers(pid, own_pid_namespace)
        if own_pid_namespace:
            _wipe_shared_folders(keep=request["dir"])
        _reply({"status": _decode_status(status), "stragglers": stragglers})


def _forbid_tracing() -> None:
    """Children must not ptrace or read the memory of this long-lived process."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_dumpable = 4
    libc.prctl(pr_set_dumpable, 0, 0, 0, 0)


def _reply(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _decode_status(status: int) -> dict:
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status)}
    return {"exit": os.WEXITSTATUS(status)}


def _kill_stragglers(child: int, own_pid_namespace: bool) -> int:
    """Kill what the child left behind (daemons, setsid'd grandchildren).

    In the sandbox this process and init are alone in their PID namespace, so ``kill(-1)`` reaches
    exactly the leftovers. Outside one (the unsafe opt-out), ``kill(-1)`` would hit every process
    of the user: there only the child's own process group is killed.
    """
    if not own_pid_namespace:
        try:
            os.killpg(child, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            return 0
        return 1
    me = os.getpid()
    others = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, me)]
    if others:
        os.kill(-1, signal.SIGKILL)  # every process we may signal but ourselves and init
    return len(others)


def _wipe_shared_folders(keep: str) -> None:
    """Leave nothing for the next submission: a solution must not pass data between jobs.

    Only ever called inside the sandbox, where these folders are the sandbox's own tmpfs and
    scratch mount, never the host's.
    """
    import shutil

    for folder in ("/tmp", "/dev/shm", os.path.dirname(keep)):
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for name in entries:
            path = os.path.join(folder, name)
            if path == keep:
                continue
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)


def _child(request: dict) -> None:
    try:
        os.setsid()
        os.chdir(request["dir"])
        _redirect_stdio()
        _set_limits(request)
        _run_job(request)
    finally:
        os._exit(0)


def _redirect_stdio() -> None:
    """Close the channel to the judge: the solution's prints go to a capped file."""
    devnull = os.open("/dev/null", os.O_RDONLY)
    out = os.open("stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(devnull, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.close(devnull)
    os.close(out)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", closefd=False, buffering=1)  # noqa: SIM115
    sys.stderr = sys.stdout


def _set_limits(request: dict) -> None:
    limits = {
        resource.RLIMIT_CPU: request["cpu_seconds"],
        resource.RLIMIT_FSIZE: request["file_bytes"],
        resource.RLIMIT_NPROC: request["processes"],
        resource.RLIMIT_CORE: 0,
    }
    mapped = _mapped_bytes()
    limits[resource.RLIMIT_AS] = mapped + request["memory_bytes"]
    for which, value in limits.items():
        resource.setrlimit(which, (value, value))


def _mapped_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _run_job(request: dict) -> None:
    with open("job.json") as f:
        job = json.load(f)
    with open("inputs.bin", "rb") as f:
        inputs = f.read()
    results = open("results.jsonl", "a", buffering=1)  # noqa: SIM115
    outputs = open("outputs.bin", "ab")  # noqa: SIM115
    function = _import_solution(job["function"], results)
    if function is None:
        return
    for index, arg_specs in enumerate(job["tests"]):
        record = _run_test(function, index, [_argument(s, inputs) for s in arg_specs], outputs)
        outputs.flush()  # the bytes land before the record that points at them
        record["stdout_end"] = _stdout_offset()
        _write(results, record)


def _stdout_offset() -> int:
    """How much the solution has printed so far: the judge shows only what samples printed."""
    try:
        sys.stdout.flush()
        return os.lseek(1, 0, os.SEEK_CUR)
    except (OSError, ValueError):
        return -1


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


def _import_solution(name: str, results) -> object:
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


def _run_test(function, index: int, args: list, outputs) -> dict:
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


def _encode_result(result, outputs) -> dict:
    if type(result) in (tuple, list):
        parts = [_encode(value, outputs) for value in result[:100]]
        return {"sequence": type(result).__name__, "values": parts, "length": len(result)}
    return {"values": [_encode(result, outputs)]}


def _encode(value, outputs) -> dict:
    """Plain data only: numbers as JSON, numeric arrays as raw bytes, anything else by type name."""
    import numpy as np

    if isinstance(value, bool | np.bool_):
        return {"other": "bool"}
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        if array.dtype.kind not in "biuf" or array.dtype.itemsize > 8:
            return {"other": f"{array.dtype} array"}
        offset = outputs.tell()
        outputs.write(array.tobytes())
        return {"array": [offset, array.dtype.str, list(array.shape)]}
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
    results.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
