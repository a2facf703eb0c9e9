"""The hostile suite, part two: the judge's trust boundary against a solution that attacks it.

Each test is one finding of a security probe: taking over the warm worker, reading the server's
environment, hanging or crashing the host's reader, filling the disk, nesting namespaces, seeing
hidden inputs, leaving job folders behind. Every attack is bounded in itself (finite loops and
sizes, subprocesses with timeouts and memory limits), so a broken defence fails the test instead
of harming the machine.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import judge_source, leftovers, run_cli, sandbox_processes
from test_hostile import KMEANS, REFERENCE, kmeans_body, write

from mlprep.problems import load_problem

SAMPLES = len(KMEANS.meta.samples)


def test_the_solution_reaches_no_other_process_descriptor_or_memory(worker):
    probe = r"""
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
for path in ("/proc/1/fd/0", "/proc/1/fd/1", "/proc/1/mem", "/proc/1/environ",
             "/proc/self/mountinfo", "/proc/1/cmdline", "/proc"):
    try:
        os.listdir(path) if path == "/proc" else open(path, "rb").close()
        print("OPENED", path)
    except OSError:
        print("refused", path)
# ptrace(PTRACE_ATTACH, 1), process_vm_readv of PID 1, pidfd_getfd on PID 1's descriptors
if libc.ptrace(16, 1, 0, 0) == 0:
    print("OPENED ptrace")
buffer = ctypes.create_string_buffer(8)
if libc.syscall(310, 1, 0, 1, 0, 1, 0) >= 0:
    print("OPENED process_vm_readv")
pidfd = libc.syscall(434, 1, 0)
if pidfd >= 0 and libc.syscall(438, pidfd, 0, 0) >= 0:
    print("OPENED pidfd_getfd")
import stat
for fd in range(3, 256):
    try:
        if stat.S_ISSOCK(os.fstat(fd).st_mode):
            print("OPENED socket", fd)  # the harness's channel to the host
    except OSError:
        pass
"""
    report = judge_source("kmeans", kmeans_body(probe), worker, mode="run")
    assert "OPENED" not in report.stdout, report.stdout
    assert report.stdout.count("refused") == 7 * SAMPLES


def test_a_daemon_left_by_one_job_cannot_judge_or_read_the_next(worker):
    """The old take-over: stay alive after the job, read the next solution, answer for it."""
    daemon = r"""
if os.fork() == 0:
    os.setsid()
    for _ in range(40):  # 4 s at most, long enough to see the next job
        for name in os.listdir("/work") if os.path.isdir("/work") else []:
            try:
                print("STOLE", open(os.path.join("/work", name)).read()[:20], flush=True)
            except OSError:
                pass
        time.sleep(0.1)
    os._exit(0)
"""
    first = judge_source("kmeans", kmeans_body(daemon), worker)
    wrong = kmeans_body("pass")
    second = judge_source("kmeans", wrong, worker)
    third = judge_source("kmeans", REFERENCE, worker)
    assert first.verdict == second.verdict == "wrong_answer"
    assert third.verdict == "accepted"
    assert "STOLE" not in second.stdout + third.stdout


def test_a_reply_for_another_job_is_never_a_verdict():
    from mlprep.judge.worker import _valid_reply

    good = {"job": 7, "status": {"exit": 0}, "stragglers": 0, "quota": None, "wiped": True}
    assert _valid_reply(good, 7) == {"exit": 0}
    assert _valid_reply(good, 8) is None  # an answer to a job that was not asked
    for broken in (
        {**good, "job": "7"},
        {**good, "status": {"exit": 0, "signal": 9}},
        {**good, "status": {"exit": 0.0}},
        {**good, "status": {"halt": 0}},
        {**good, "stragglers": "0"},
        {**good, "wiped": 1},
        {**good, "quota": 3},
        [good],
        "eof",
    ):
        assert _valid_reply(broken, 7) is None, broken


def test_the_servers_environment_and_host_paths_stay_outside(monkeypatch, tmp_path):
    from mlprep.judge.worker import Worker

    secret = "tok-" + os.urandom(8).hex()
    monkeypatch.setenv("MLPREP_SECRET_TOKEN", secret)
    probe = r"""
import numpy, sys
print(dict(os.environ), sys.executable, sys.prefix, sys.path, numpy.__file__, os.getcwd())
for path in ("/proc/1/environ", "/proc/1/cmdline", "/proc/self/mountinfo", "/proc/self/environ"):
    try:
        print(open(path, "rb").read()[:2000])
    except OSError:
        print("refused", path)
"""
    worker = Worker()  # started now, with the secret in the server's environment
    try:
        report = judge_source("kmeans", kmeans_body(probe), worker, mode="run")
    finally:
        worker.destroy()
    shown = report.stdout
    assert "refused /proc/1/environ" in shown, shown
    for leak in (
        secret,
        "MLPREP_",
        str(Path.home()),
        sys.base_prefix,
        sys.prefix,
        tempfile.gettempdir() + "/m",
    ):
        assert leak not in shown, leak
    assert str(Path(__file__).parents[1]) not in shown


def _attack_in_subprocess(code: str, timeout: float = 40) -> subprocess.CompletedProcess:
    """Run judging code in a child Python whose memory is capped, so a reader that follows a link
    to /dev/zero ends in MemoryError there rather than eating this machine."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=cap,
        env=os.environ.copy(),
    )


JOB_FILE_TRAPS = r"""
for name in ("stdout.txt", "outputs.bin", "results.jsonl"):
    try:
        os.remove(name)
    except OSError:
        pass
    try:
        os.mkfifo(name) if name != "results.jsonl" else os.symlink("/dev/zero", name)
    except OSError:
        pass
time.sleep(0.5)
"""


def test_special_files_in_the_job_folder_neither_hang_nor_flood_the_judge(tmp_path):
    solution = write(tmp_path, kmeans_body(JOB_FILE_TRAPS))
    code = f"""
import json
from mlprep.judge.runner import judge
from mlprep.problems import load_problem
seen = []
report = judge(load_problem("kmeans"), open({str(solution)!r}, "rb").read(),
               on_progress=lambda done, total: seen.append(done))
print(json.dumps([report.verdict, max(seen, default=0)]))
"""
    started = time.monotonic()
    done = _attack_in_subprocess(code)
    assert done.returncode == 0, done.stderr[-2000:]
    verdict, progress = json.loads(done.stdout.splitlines()[-1])
    assert verdict == "wrong_answer"
    assert progress <= len(KMEANS.cases)
    assert time.monotonic() - started < 30


FORGED = {
    "huge int": '{"test": 0, "seconds": 0.1, "sequence": "tuple", "length": 2, '
    '"values": [{"int": 1' + "0" * 400 + '}, {"int": 1}]}',
    "huge shape": '{"test": 0, "seconds": 0.1, "sequence": "tuple", "length": 2, '
    '"values": [{"array": [0, "<f8", [0, 4611686018427387904, 4611686018427387904]]}, '
    '{"array": [0, "<i8", [0]]}]}',
    "infinite time": '{"test": 0, "seconds": Infinity, "sequence": "tuple", "length": 2, '
    '"values": [{"int": 1}, {"int": 1}]}',
    "deep nesting": "DEEP",
    "wrong test": '{"test": 99, "seconds": 0.1, "values": [{"int": 1}]}',
}


@pytest.mark.parametrize("record", FORGED.values(), ids=FORGED.keys())
def test_forged_records_give_a_clear_verdict_and_standard_json(tmp_path, record):
    forge = f"""
text = {record!r}
line = (("[" * 100000 + "]" * 100000) if text == "DEEP" else text).encode() + b"\\n"
try:  # the judge's channels, as a solution may find them
    os.write(4, line)
except OSError:
    pass
try:
    open("results.jsonl", "ab").write(line)
    os.remove("outputs.bin")
    os.mkdir("outputs.bin")
except OSError:
    pass
"""
    result = run_cli("judge", "kmeans", str(write(tmp_path, kmeans_body(forge))), "--json")

    def refuse(constant: str) -> None:
        raise ValueError(f"non-standard JSON constant {constant}")

    report = json.loads(result.stdout, parse_constant=refuse)
    assert result.returncode == 1, result.stderr[-2000:]
    assert report["verdict"] in ("wrong_answer", "runtime_error")
    assert report["passed"] < report["total"]


def test_the_writable_places_are_bounded_per_job(worker):
    fill = r"""
block = b"x" * 2**20
for folder in ("/tmp", "/dev/shm", "."):
    written = 0
    try:
        for part in range(25):  # 25 files of 8 MB: 200 MB at most, each under the file limit
            with open(os.path.join(folder, f"fill{part}"), "wb") as f:
                for _ in range(8):
                    f.write(block)
                    written += 1
    except OSError:
        pass
    print("MB", folder, written)
    for part in range(25):
        try:
            os.remove(os.path.join(folder, f"fill{part}"))
        except OSError:
            pass
"""
    report = judge_source("kmeans", kmeans_body(fill), worker, mode="run")
    written = {
        line.split()[1]: int(line.split()[2])
        for line in report.stdout.splitlines()
        if line.startswith("MB")
    }
    assert set(written) == {"/tmp", "/dev/shm", "."}, report.stdout
    assert written["/tmp"] <= 64 and written["/dev/shm"] <= 16 and written["."] <= 64
    assert report.verdict == "wrong_answer"


def test_creating_thousands_of_files_is_stopped(worker):
    spam = r"""
made = 0
for i in range(20000):  # bounded: 20,000 empty files at most
    try:
        open(f"/tmp/f{i}", "w").close()
        made += 1
    except OSError:
        break
print("MADE", made)
"""
    started = time.monotonic()
    report = judge_source("kmeans", kmeans_body(spam), worker)
    assert report.verdict == "runtime_error"
    assert "file limit exceeded" in report.tests[0].message
    assert "MADE" not in report.stdout  # killed before it could finish
    assert time.monotonic() - started < 15
    assert judge_source("kmeans", REFERENCE, worker).verdict == "accepted"  # a fresh sandbox


def test_no_namespaces_mounts_or_kernel_interfaces_inside(worker):
    probe = r"""
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
NEWUSER, NEWNS, NEWNET = 0x10000000, 0x00020000, 0x40000000
tries = {
    "unshare": lambda: libc.unshare(NEWUSER | NEWNS | NEWNET),
    "unshare_user": lambda: libc.unshare(NEWUSER),
    "mount": lambda: libc.mount(b"none", b"/tmp", b"tmpfs", 0, None),
    "ptrace_traceme": lambda: libc.ptrace(0, 0, 0, 0),
    "bpf": lambda: libc.syscall(321, 0, 0, 0),
    "perf_event_open": lambda: libc.syscall(298, 0, 0, -1, -1, 0),
    "keyctl": lambda: libc.syscall(250, 0, 0, 0, 0, 0),
    "userfaultfd": lambda: libc.syscall(323, 0),
    "inet_socket": lambda: libc.socket(2, 1, 0),
}
for name, call in tries.items():
    print("ALLOWED" if call() >= 0 else "denied", name)
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print("fork works")
"""
    report = judge_source("kmeans", kmeans_body(probe), worker, mode="run")
    assert "ALLOWED" not in report.stdout, report.stdout
    assert report.stdout.count("denied") == 9 * SAMPLES
    assert "fork works" in report.stdout  # a plain fork is still a solution's right


def test_hidden_inputs_are_out_of_reach_while_output_is_shown(worker):
    peek = r"""
import json
seen = 0
for name in ("job.json", "/work/job.json"):
    try:
        seen = max(seen, len(json.load(open(name))["tests"]))
    except (OSError, ValueError, KeyError):
        pass
try:
    os.lseek(3, 0, 0)
    seen = max(seen, len(json.loads(os.read(3, 10**6).split(b"\n")[0])["tests"]))
except (OSError, ValueError, KeyError):
    pass
print("TESTS", seen)
"""
    report = judge_source("kmeans", kmeans_body(peek), worker)
    counts = {
        int(line.split()[1]) for line in report.stdout.splitlines() if line.startswith("TESTS")
    }
    assert counts and max(counts) <= SAMPLES, report.stdout  # the samples at most
    assert report.total == len(KMEANS.cases)


def _fingerprint(X) -> str:
    """What the attacks below print of an input: its shape and its sum, as the test computes it."""
    return f"{X.shape[0]}x{X.shape[1]}:{float(X.sum()):.6f}"


def _fingerprints(sample: bool) -> set[str]:
    from mlprep.problems.testset import load_testset

    cases = load_testset(KMEANS).cases
    return {_fingerprint(c.args[0]) for c in cases if KMEANS.is_sample(c) == sample}


def test_a_thread_left_from_the_samples_shows_no_hidden_input(worker):
    """One process runs the samples, then the hidden tests: a thread started during the samples
    that reads the next part's pipe and prints, and an early, forged end of the samples' part,
    still show nothing of the hidden inputs."""
    attack = r"""
import threading
def steal():
    while True:
        try:
            data = os.read(6, 1 << 20)
        except OSError:
            return
        if not data:
            return
        print("STOLE", len(data), flush=True)
if not getattr(sys, "started", False):
    sys.started = True
    threading.Thread(target=steal, daemon=True).start()
    os.write(4, b'{"part": "ended"}\n')  # say the samples ended before they did
print("SEEN", f"{X.shape[0]}x{X.shape[1]}:{float(X.sum()):.6f}", flush=True)
"""
    report = judge_source("kmeans", kmeans_body(attack), worker)
    seen = {line.split()[1] for line in report.stdout.splitlines() if line.startswith("SEEN")}
    assert "STOLE" not in report.stdout, report.stdout
    assert seen <= _fingerprints(sample=True), seen - _fingerprints(sample=True)
    # The forgery cuts the samples' part short when the host reads it: its own loss, a race.
    assert report.verdict in ("wrong_answer", "runtime_error")
    # Without the forgery every sample's output is there: the print channel works.
    honest_attack = attack.replace("os.write(4, ", "len(")
    honest = judge_source("kmeans", kmeans_body(honest_attack), worker)
    seen = {line.split()[1] for line in honest.stdout.splitlines() if line.startswith("SEEN")}
    assert seen == _fingerprints(sample=True)
    assert "STOLE" not in honest.stdout


def test_what_a_hidden_test_tells_carries_none_of_its_input(worker):
    """On each hidden test the solution rewrites its own file with the input (tracebacks read
    their lines from it) and raises an exception whose class is named after the input; on every
    other one it first forges a record whose time is the input's sum."""
    attack = r"""
import json
sys.calls = getattr(sys, "calls", 0) + 1
text = f"{X.shape[0]}x{X.shape[1]}:{float(X.sum()):.6f}"
hidden_index = sys.calls - 1 - SAMPLES
if hidden_index >= 0:
    with open(__file__, "w") as f:
        f.write(("LEAK " + text + "\n") * 80)
    if hidden_index % 2 == 0:
        forged = {"test": hidden_index, "seconds": float(X.sum()) % 3000, "values": [{"int": 1}]}
        os.write(4, (json.dumps(forged) + "\n").encode())
raise type("Leak_" + "".join(c if c.isalnum() else "_" for c in text), (Exception,), {})()
""".replace("SAMPLES", str(SAMPLES))
    source = kmeans_body(attack)
    report = judge_source("kmeans", source, worker)
    lines = source.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("raise type("))
    frame = f'  File "solution.py", line {line}, in kmeans\n    {lines[line - 1].strip()}\n'
    hidden = [t for t in report.tests if not t.sample]
    assert len(hidden) == len(KMEANS.cases) - SAMPLES
    own_class = f"Traceback (your code):\n{frame}an exception of the solution's own class"
    assert [(t.status, t.message, t.seconds) for t in hidden] == [
        ("wrong_answer", "", 0.0) if i % 2 == 0 else ("runtime_error", own_class, 0.0)
        for i in range(len(hidden))
    ]
    assert report.message == ""
    # The samples are the user's to see: there the same attack's text shows, as written.
    assert report.tests[0].message.endswith(f"Leak_{_fingerprint_name(0)}")


def _fingerprint_name(index: int) -> str:
    from mlprep.problems.testset import load_testset

    text = _fingerprint(load_testset(KMEANS).cases[index].args[0])
    return "".join(c if c.isalnum() else "_" for c in text)


def test_a_zero_dimensional_array_is_a_float():
    f1 = load_problem("f1_score")
    reference = (f1.folder / "reference.py").read_text()
    wrapped = reference + "\n_f1 = f1_score\n\ndef f1_score(y_true, y_pred):\n"
    wrapped += "    return np.array(_f1(y_true, y_pred))\n"
    if "import numpy as np" not in wrapped:
        wrapped = "import numpy as np\n" + wrapped
    report = judge_source("f1_score", wrapped)
    assert report.verdict == "accepted", [t.message for t in report.tests if t.message]


def test_a_killed_judge_leaves_no_job_files_and_no_sandbox(tmp_path):
    marker = "MARKER_" + os.urandom(6).hex()
    solution = write(tmp_path, kmeans_body(f"# {marker}\ntime.sleep(30)"))
    temp = Path(tempfile.gettempdir())
    before = sandbox_processes()
    judge = subprocess.Popen(
        [str(Path(sys.executable).with_name("mlprep")), "judge", "kmeans", str(solution)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(2.0)  # inside the first test by now
        judge.send_signal(signal.SIGKILL)
        judge.wait(timeout=10)
    finally:
        judge.kill()
    assert not leftovers(before, wait=3.0)
    holding = []
    for folder, _, names in os.walk(temp):  # other processes come and go in /tmp meanwhile
        if Path(folder).is_relative_to(tmp_path.parents[1]):  # pytest's own, the solution's too
            continue
        for name in names:
            path = Path(folder, name)
            try:
                if not path.is_symlink() and marker.encode() in path.read_bytes():
                    holding.append(path)
            except OSError:
                continue
    assert holding == [], holding


def test_leftovers_of_dead_servers_are_removed_at_start(tmp_path, monkeypatch):
    from mlprep.judge import sandbox

    dead = subprocess.Popen(["true"])
    dead.wait()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"{sandbox.UNSAFE_PREFIX}{dead.pid}-abc"
    live = tmp_path / f"{sandbox.UNSAFE_PREFIX}{os.getpid()}-abc"
    other = tmp_path / "someone-elses"
    for folder in (stale, live, other):
        folder.mkdir()
        (folder / "solution.py").write_text("x")
    assert sandbox.remove_leftovers() >= 1
    assert not stale.exists() and live.exists() and other.exists()


TEST_USER = "mlprep-judge-test"
UNPRIVILEGED_ATTACKS = {
    "forks": kmeans_body(
        "for _ in range(100):\n    try:\n        os.fork() or (time.sleep(3), os._exit(0))\n"
        "    except OSError:\n        break"
    ),
    "proc": kmeans_body(
        "for p in ('/proc/1/fd/0', '/proc/1/mem', '/proc/1/environ'):\n"
        "    try:\n        open(p, 'rb'); print('OPENED', p)\n    except OSError:\n        pass"
    ),
    "files": kmeans_body(
        "for i in range(20000):\n    try:\n        open(f'/tmp/f{i}', 'w').close()\n"
        "    except OSError:\n        break"
    ),
}


@pytest.mark.skipif(
    os.geteuid() != 0,
    reason="creating an unprivileged user needs root (as a non-root user, every other test "
    "of this suite already judges unprivileged)",
)
def test_the_judge_holds_for_an_unprivileged_user():
    """As root the judge adds a pids cgroup; here the same sandbox runs without any privilege."""
    if subprocess.run(["id", TEST_USER], capture_output=True).returncode != 0:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
            check=True,
        )
    home = Path(tempfile.mkdtemp(prefix="mlprep-nonroot-"))
    sources = {"reference": REFERENCE, **UNPRIVILEGED_ATTACKS}
    for name, source in sources.items():
        (home / f"{name}.py").write_text(source)
    subprocess.run(["chown", "-R", f"{TEST_USER}:", str(home)], check=True)
    home.chmod(0o755)
    mlprep = str(Path(sys.executable).with_name("mlprep"))
    # The interpreter may live under root's private home (pyenv): show the user only that part.
    reveal = ""
    if os.stat("/root").st_mode & 0o001 == 0 and sys.base_prefix.startswith("/root/"):
        view = home / "root-view"
        top = Path(sys.base_prefix).relative_to("/root").parts[0]
        (view / top).mkdir(parents=True)
        view.chmod(0o755)
        reveal = f"mount --bind /root/{top} {view}/{top} && mount --rbind {view} /root && "
    results = {}
    try:
        for name in sources:
            command = (
                f"{reveal}exec setpriv --reuid={TEST_USER} --regid={TEST_USER} --clear-groups "
                f"env -i PATH=/usr/bin:/bin HOME={home} MLPREP_DATA_DIR={home}/data "
                f"MLPREP_CACHE_DIR={home}/cache {mlprep} judge kmeans {home}/{name}.py --json"
            )
            done = subprocess.run(
                ["unshare", "--mount", "--propagation", "private", "sh", "-c", command],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.stdout, done.stderr[-2000:]
            results[name] = json.loads(done.stdout)
    finally:
        subprocess.run(["umount", "-R", str(home / "root-view")], capture_output=True)
        subprocess.run(["rm", "-rf", str(home)])
    assert results["reference"]["verdict"] == "accepted"
    assert results["forks"]["verdict"] == "wrong_answer"
    assert "OPENED" not in json.dumps(results["proc"])
    assert results["proc"]["verdict"] == "wrong_answer"
    assert results["files"]["verdict"] == "runtime_error"
    assert "file limit exceeded" in json.dumps(results["files"])
