"""Hostile submissions: each is contained, never accepted, and bounded in itself.

Every attack below stops on its own (finite loops, capped allocations and forks), so a broken
sandbox would make a test fail rather than harm the machine. Where an attack reports what it
managed to do, it prints it, and the test reads the solution's captured output.
"""

from __future__ import annotations

import json
import socket
import time
import uuid
from pathlib import Path

import pytest
from conftest import judge_source, leftovers, run_cli, sandbox_processes

from mlprep.problems import load_problem

KMEANS = load_problem("kmeans")
REFERENCE = (KMEANS.folder / "reference.py").read_text()
WRONG_RESULT = (
    "    return np.zeros((len(init_centroids), X.shape[1])), np.zeros(len(X), dtype=int)\n"
)
HEADER = "import numpy as np\nimport os, sys, time, math, gc\n\n"


def kmeans_body(body: str) -> str:
    """A kmeans whose body is the attack, then a wrong answer."""
    indented = "".join(f"    {line}\n" for line in body.strip("\n").splitlines())
    return f"{HEADER}def kmeans(X, init_centroids, max_iters=100):\n{indented}{WRONG_RESULT}"


def write(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "solution.py"
    path.write_text(source)
    return path


def test_reference_is_accepted_in_the_sandbox(worker):
    report = judge_source("kmeans", REFERENCE, worker)
    assert report.verdict == "accepted", report
    assert report.passed == report.total == len(KMEANS.cases)


def test_infinite_loop_is_time_limit_exceeded(worker):
    source = kmeans_body("end = time.time() + 60\nwhile time.time() < end:\n    pass")
    started = time.monotonic()
    report = judge_source("kmeans", source, worker)
    assert report.verdict == "time_limit_exceeded"
    assert time.monotonic() - started < KMEANS.meta.time_limit + 5


def test_sleeping_for_an_hour_is_stopped_by_the_wall_clock(worker):
    started = time.monotonic()
    report = judge_source("kmeans", kmeans_body("time.sleep(3600)"), worker)
    assert report.verdict == "time_limit_exceeded"
    assert time.monotonic() - started < KMEANS.meta.time_limit + 5


def test_memory_hog_is_memory_limit_exceeded(worker):
    hog = """
chunks = []
for _ in range(24):  # at most 6 GiB even with no limit at all
    chunks.append(np.ones(2**25))  # 256 MiB each
"""
    report = judge_source("kmeans", kmeans_body(hog), worker)
    assert report.verdict == "memory_limit_exceeded"


def test_fork_burst_is_capped_and_leaves_nothing(worker):
    burst = """
children = 0
for _ in range(200):  # bounded burst: 200 sleepers at most
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(120)
        os._exit(0)
    children += 1
print("forked", children)
"""
    worker.close()
    before = sandbox_processes()
    report = judge_source("kmeans", kmeans_body(burst), worker)
    assert report.verdict != "accepted"
    forked = int(report.stdout.split("forked")[1].split()[0])
    assert forked < 64, report.stdout
    worker.close()
    assert not leftovers(before)


def test_double_forked_daemon_is_killed_with_the_verdict(tmp_path):
    daemon = """
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(120)  # a daemon that would outlive the judge
    os._exit(0)
time.sleep(0.2)
"""
    before = sandbox_processes()
    result = run_cli("judge", "kmeans", str(write(tmp_path, kmeans_body(daemon))), "--json")
    assert json.loads(result.stdout)["verdict"] == "wrong_answer"
    assert not leftovers(before, wait=0.5)


def test_child_holding_stdout_open_does_not_stall_the_judge(tmp_path):
    holder = """
if os.fork() == 0:
    os.setsid()
    for fd in (1, 2):
        os.write(fd, b"x")
    time.sleep(120)  # keeps every inherited descriptor open
    os._exit(0)
"""
    started = time.monotonic()
    result = run_cli("judge", "kmeans", str(write(tmp_path, kmeans_body(holder))), "--json")
    assert time.monotonic() - started < 30
    assert json.loads(result.stdout)["verdict"] == "wrong_answer"


def test_file_system_search_finds_no_expected_outputs():
    """The whole tree the solution sees is walked, with time to finish: a walk cut short by the
    problem's time limit on a slow disk would prove nothing (and once failed CI that way)."""
    from dataclasses import replace

    from mlprep.judge.runner import job_payload, limits_for
    from mlprep.judge.worker import Worker
    from mlprep.problems.testset import load_testset

    search = f"""
found = []
for path in ({str(KMEANS.folder / "reference.py")!r}, {str(KMEANS.folder / "tests.py")!r}):
    try:
        open(path).read()
        found.append(path)
    except OSError:
        pass
seen = 0
for root, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
    for name in files:
        seen += 1
        path = os.path.join(root, name)
        if "mlprep" in path or name == "problem.toml" or name.startswith("kmeans-"):
            found.append(path)
print("found", found, "walked", seen, "files", flush=True)
for path in found:
    if path.endswith("reference.py"):
        ns = {{}}
        exec(open(path).read(), ns)
        return ns["kmeans"](X, init_centroids, max_iters)
os._exit(0)
"""
    samples = load_testset(KMEANS).samples(KMEANS)
    patient = replace(limits_for(KMEANS), wall_seconds=240.0, cpu_seconds=240)
    worker = Worker()
    try:
        outcome, streams = worker.run(
            [job_payload(kmeans_body(search), "kmeans", samples)], patient
        )
    finally:
        worker.destroy()
    assert not outcome.timed_out, outcome
    printed = streams[0].stdout.decode()
    assert printed.startswith("found [] walked "), printed
    assert int(printed.split()[3]) > 1000, printed  # the walk saw /usr, not an empty root


def test_frame_and_gc_inspection_find_no_expected_values(worker):
    snoop = """
frame, leaks = sys._getframe(), []
while frame is not None:
    leaks += [k for k in frame.f_locals if "expect" in k.lower()]
    frame = frame.f_back
for obj in gc.get_objects():
    if isinstance(obj, dict) and any(isinstance(k, str) and "expect" in k for k in obj):
        leaks.append("dict")
print("leaks", leaks)
"""
    report = judge_source("kmeans", kmeans_body(snoop), worker)
    assert "leaks []" in report.stdout, report.stdout
    assert report.verdict == "wrong_answer"


def test_patching_comparison_functions_changes_nothing(worker):
    patch = """
np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), dtype=bool)
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
math.isclose = lambda *a, **k: True
"""
    report = judge_source("kmeans", kmeans_body(patch), worker)
    assert report.verdict == "wrong_answer"


def test_returned_object_with_reduce_or_float_runs_nothing_in_the_judge(worker):
    sentinel = Path("/tmp") / f"mlprep-pwned-{uuid.uuid4().hex}"
    source = f"""{HEADER}
def _pwn(*args):
    open({str(sentinel)!r}, "w").write("pwned")
    return 0.0

class Evil:
    __reduce__ = lambda self: (_pwn, ())
    __float__ = _pwn
    __int__ = lambda self: int(_pwn())
    __array__ = lambda self, *a, **k: (_pwn(), np.zeros(1))[1]
    __len__ = lambda self: 2
    __iter__ = lambda self: iter([_pwn(), _pwn()])

def kmeans(X, init_centroids, max_iters=100):
    return Evil(), Evil()
"""
    report = judge_source("kmeans", source, worker)
    assert report.verdict == "wrong_answer"
    assert "Evil" in report.tests[0].message
    assert not sentinel.exists()


def test_fake_json_verdict_on_stdout_is_not_believed(tmp_path):
    fake = json.dumps({"problem": "kmeans", "verdict": "accepted", "passed": 18, "total": 18})
    source = kmeans_body(f"print({fake!r}, flush=True)\nos._exit(0)")
    result = run_cli("judge", "kmeans", str(write(tmp_path, source)), "--json")
    assert result.returncode == 1
    verdict = json.loads(result.stdout)  # exactly one JSON object, the judge's own
    assert verdict["verdict"] == "runtime_error"
    assert verdict["passed"] == 0


def test_sys_exit_at_import_is_a_runtime_error(worker):
    report = judge_source("kmeans", "import sys\nsys.exit(0)\n" + REFERENCE, worker)
    assert report.verdict == "runtime_error"
    assert "exit()" in report.message


def test_killing_its_parent_does_nothing_and_the_worker_serves_on(worker):
    attack = "os.kill(os.getppid(), 9)\nos.kill(1, 9)\ntime.sleep(0.1)\nprint('alive')"
    report = judge_source("kmeans", kmeans_body(attack), worker)
    assert report.verdict == "wrong_answer"  # PID 1 of a namespace ignores signals from inside
    assert "alive" in report.stdout
    assert worker.process is not None  # not even retired
    assert judge_source("kmeans", REFERENCE, worker).verdict == "accepted"


def test_no_network_even_to_a_local_listener(worker):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    connect = f"""
import socket
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"leak")
    print("connected")
except OSError as exc:
    print("network error", exc.errno)
"""
    try:
        report = judge_source("kmeans", kmeans_body(connect), worker)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()
    assert "network error" in report.stdout, report.stdout
    assert report.verdict == "wrong_answer"


def test_writes_outside_the_scratch_folder_fail(worker, tmp_path):
    in_tmp = Path("/tmp") / f"mlprep-escape-{uuid.uuid4().hex}"  # the sandbox's /tmp is private
    host_folder = tmp_path / "escape.txt"
    reference = KMEANS.folder / "reference.py"
    before = reference.read_bytes()
    attack = f"""
for path in ({str(host_folder)!r}, {str(reference)!r}, "/usr/escape", {str(in_tmp)!r}):
    try:
        open(path, "w").write("escaped")
        print("wrote", path)
    except OSError:
        print("refused", path)
open("scratch-ok.txt", "w").write("fine")
"""
    report = judge_source("kmeans", kmeans_body(attack), worker)
    for path in (host_folder, reference, "/usr/escape"):
        assert f"refused {path}" in report.stdout, report.stdout
    assert not in_tmp.exists() and not host_folder.exists()
    assert reference.read_bytes() == before
    assert report.verdict == "wrong_answer"


def test_output_flood_is_cut_off(worker):
    flood = """
line = "x" * 1023 + "\\n"
for _ in range(200 * 1024):  # 200 MB
    sys.stdout.write(line)
"""
    started = time.monotonic()
    report = judge_source("kmeans", kmeans_body(flood), worker)
    assert report.verdict == "runtime_error"
    assert "output limit" in report.tests[0].message
    assert len(report.stdout) <= 4000
    assert time.monotonic() - started < 10


def test_syntax_error_names_line_and_column(worker):
    report = judge_source("kmeans", "def kmeans(X, init_centroids, max_iters=100)\n    pass\n")
    assert report.verdict == "compile_error"
    assert "line 1, column" in report.message


def test_missing_function_is_named(worker):
    report = judge_source("kmeans", "import numpy as np\n\ndef k_means(X, c):\n    return c\n")
    assert report.verdict == "compile_error"
    assert "no function named 'kmeans'" in report.message


def test_missing_function_found_only_at_run_time(worker):
    report = judge_source("kmeans", "import numpy as np\nif True:\n    pass\n", worker)
    assert report.verdict == "compile_error"
    assert "no function named 'kmeans'" in report.message


@pytest.mark.parametrize(
    ("module", "named"),
    [("sklearn.cluster", "scikit-learn"), ("scipy", "SciPy"), ("torch", "PyTorch")],
)
def test_forbidden_imports_are_named_with_the_reason(module, named):
    report = judge_source("kmeans", f"import {module}\n" + REFERENCE)
    assert report.verdict == "forbidden"
    assert module in report.message and named in report.message


@pytest.mark.parametrize(
    ("returned", "says"),
    [
        ("None", "expected a tuple of 2 values"),
        ("'centroids'", "expected a tuple of 2 values"),
        ("(init_centroids,)", "expected 2 values"),
        ("init_centroids, None", "labels: expected an integer array"),
        ("init_centroids, 'labels'", "labels: expected an integer array"),
        ("init_centroids[:1], np.zeros(len(X), dtype=int)", "centroids: expected shape"),
        ("init_centroids, np.zeros((len(X), 1), dtype=int)", "labels: expected shape"),
        ("init_centroids, [0] * len(X)", "labels: expected an integer array"),
    ],
)
def test_wrong_return_types_and_shapes_are_wrong_answers(worker, returned, says):
    source = f"{HEADER}def kmeans(X, init_centroids, max_iters=100):\n    return {returned}\n"
    report = judge_source("kmeans", source, worker)
    assert report.verdict == "wrong_answer"
    assert says in report.tests[0].message, report.tests[0].message


def test_runaway_recursion_is_a_runtime_error(worker):
    source = kmeans_body("return kmeans(X, init_centroids)")
    report = judge_source("kmeans", source, worker)
    assert report.verdict == "runtime_error"
    assert "RecursionError" in report.tests[0].message
    assert "solution.py" in report.tests[0].message


def test_recursion_past_the_c_stack_crashes_contained(worker):
    source = (
        f"{HEADER}sys.setrecursionlimit(10**7)\n\n"
        "def deep(n):\n    return deep(n + 1) + 1\n\n"
        "def kmeans(X, init_centroids, max_iters=100):\n    return deep(0)\n"
    )
    started = time.monotonic()
    report = judge_source("kmeans", source, worker)
    # CPython 3.11 keeps Python frames off the C stack, so this ends on a limit or a crash.
    assert report.verdict in ("runtime_error", "memory_limit_exceeded", "time_limit_exceeded")
    assert time.monotonic() - started < KMEANS.meta.time_limit + 5


def test_non_utf8_source_is_a_clear_compile_error():
    from mlprep.judge.runner import judge

    report = judge(KMEANS, b"def kmeans(X, c, m=100):\n    return '\xff'\n")
    assert report.verdict == "compile_error"
    assert "UTF-8" in report.message


def test_judge_leaves_no_sandbox_process_behind(tmp_path):
    before = sandbox_processes()
    result = run_cli("judge", "kmeans", str(write(tmp_path, REFERENCE)), "--json")
    assert result.returncode == 0, result.stderr
    assert not leftovers(before, wait=0.5)


def test_worker_kills_leftovers_inside_its_namespace_and_retires():
    from mlprep.judge.runner import job_payload, limits_for
    from mlprep.judge.worker import Worker
    from mlprep.problems.testset import load_testset

    samples = load_testset(KMEANS).samples(KMEANS)
    daemon = "if os.fork() == 0:\n    os.setsid()\n    time.sleep(120)\n    os._exit(0)"
    others = sandbox_processes()  # other tests' servers may keep warm sandboxes meanwhile
    worker = Worker()
    try:
        # A first, clean job: the sandbox is surely up (exec'd, named) before it is counted.
        outcome, _ = worker.run([job_payload(REFERENCE, "kmeans", samples)], limits_for(KMEANS))
        assert outcome.clean
        mine = sandbox_processes() - others
        attack = job_payload(kmeans_body(daemon), "kmeans", samples)
        outcome, _ = worker.run([attack], limits_for(KMEANS))
        assert outcome.exit_code == 0 and outcome.stragglers == 1
        assert not outcome.clean
        assert worker.process is None and worker.retired  # an unclean job retires the sandbox
        assert len(mine) >= 2  # bwrap and the harness at least
        # Killing a sandbox is asynchronous (the kernel tears its PID namespace down after
        # SIGKILL): allow it a moment, as leftovers() does, then nothing of it may be left.
        deadline = time.monotonic() + 3
        while mine & sandbox_processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not (mine & sandbox_processes())
    finally:
        worker.destroy()


def test_hidden_tests_print_nothing_the_user_sees(worker):
    source = kmeans_body("print('SEEN', X.shape)")
    report = judge_source("kmeans", source, worker)
    assert report.stdout.count("SEEN") == len(KMEANS.meta.samples)  # samples only, not hidden
    hidden = [t for t in report.tests if not t.sample]
    assert all(t.message == "" for t in hidden if t.status == "wrong_answer")


def test_nothing_passes_from_one_submission_to_the_next(worker):
    stash = """
for folder in ("/tmp", "/dev/shm", ".."):
    try:
        open(os.path.join(folder, "stash.txt"), "w").write(repr(X.tolist()))
    except OSError:
        pass
"""
    peek = """
for folder in ("/tmp", "/dev/shm", ".."):
    print(folder, "found" if os.path.exists(os.path.join(folder, "stash.txt")) else "empty")
"""
    first = judge_source("kmeans", kmeans_body(stash), worker)
    assert worker.process is not None  # a clean job keeps the warm sandbox...
    second = judge_source("kmeans", kmeans_body(peek), worker)
    assert "found" not in second.stdout and "empty" in second.stdout, second.stdout
    assert first.verdict == second.verdict == "wrong_answer"
