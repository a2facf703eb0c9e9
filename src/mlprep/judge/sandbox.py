"""The bubblewrap command line: what a solution can see, and the checks that it can run at all.

Inside the sandbox a solution sees a read-only /usr, the Python standard library, NumPy (bound
alone, so no other installed package and not the problem bank), the harness, a private /tmp and
its worker's scratch folder. It has fresh user, PID, network, IPC and UTS namespaces: no network,
no view of host processes, and no host files beyond those.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

SITE_DIR = "/sandbox/site"
HARNESS_PATH = "/sandbox/harness.py"
PYTHON_DIR = "/sandbox/python"
SCRATCH_DIR = "/work"
# The bytes a job may write (each a tmpfs in the sandbox; files are capped by the harness).
WORK_BYTES, TMP_BYTES, SHM_BYTES = 64 * 2**20, 64 * 2**20, 16 * 2**20
DEFAULT_ADDRESS_SPACE = 2 * 2**30
UNSAFE_PREFIX = "mlprep-unsafe-"
OPT_OUT_ENV = "MLPREP_UNSAFE_NO_SANDBOX"
FIX_HINT = (
    "Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap) and allow unprivileged "
    "user namespaces (sysctl kernel.unprivileged_userns_clone=1, or on Ubuntu 24.04+ "
    "kernel.apparmor_restrict_unprivileged_userns=0). To run solutions without any isolation on "
    f"a machine you trust, set {OPT_OUT_ENV}=1 (never on a shared server)."
)


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create its namespaces here."""


def harness_file() -> Path:
    return Path(__file__).with_name("harness.py")


def python_executable() -> str:
    """The real interpreter behind a virtual environment: its stdlib lives in base_prefix."""
    return os.path.realpath(sys.executable)


def unsafe_opt_out() -> bool:
    return os.environ.get(OPT_OUT_ENV, "") == "1"


def find_bwrap() -> str:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable(f"bubblewrap (bwrap) is not installed. {FIX_HINT}")
    return bwrap


def diagnose() -> SandboxUnavailable:
    """Why a sandbox failed to start: bwrap's own words from a minimal run, with the fix."""
    try:
        bwrap = find_bwrap()
    except SandboxUnavailable as exc:
        return exc
    probe = subprocess.run(
        [bwrap, "--unshare-all", "--ro-bind", "/", "/", "--dev", "/dev", "true"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    if probe.returncode != 0:
        reason = probe.stderr.strip() or f"exit status {probe.returncode}"
        return SandboxUnavailable(f"bubblewrap cannot create its namespaces: {reason}. {FIX_HINT}")
    return SandboxUnavailable(f"the sandbox did not start. {FIX_HINT}")


def _system_mounts() -> list[str]:
    """/usr read-only, and the /lib-style folders as they are on the host (links or folders)."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    if Path("/etc/ld.so.cache").is_file():
        args += ["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    return args


def _python_prefix() -> tuple[str, str]:
    """Where the interpreter's prefix is on the host, and where the sandbox sees it.

    A prefix outside /usr (pyenv, a home folder) is shown at a neutral path, so a solution learns
    no host path from ``sys.executable`` or ``sys.prefix``.
    """
    prefix = os.path.realpath(sys.base_prefix)
    return prefix, (prefix if prefix.startswith("/usr/") else PYTHON_DIR)


def _python_mounts() -> list[str]:
    """The interpreter's prefix read-only, with every site-packages folder in it hidden."""
    args: list[str] = []
    prefix, shown = _python_prefix()
    if shown != prefix:
        args += ["--ro-bind", prefix, shown]
    for hidden in _package_folders():
        if hidden.startswith(prefix + "/"):
            inside = shown + hidden[len(prefix) :]
        elif hidden.startswith(("/usr/", "/lib/", "/lib64/")):
            inside = hidden
        else:
            continue
        if os.path.isdir(hidden):
            args += ["--size", "4096", "--tmpfs", inside, "--remount-ro", inside]
    numpy_dir = Path(_find_spec_origin("numpy")).parent
    args += ["--ro-bind", str(numpy_dir), f"{SITE_DIR}/numpy"]
    libs = numpy_dir.with_name("numpy.libs")
    if libs.is_dir():
        args += ["--ro-bind", str(libs), f"{SITE_DIR}/numpy.libs"]
    return args


def _package_folders() -> list[str]:
    """Folders that may hold installed packages (and so the problem bank): hidden in the sandbox.

    Hiding them also keeps SciPy, scikit-learn and the like out of reach of a solution that
    edits ``sys.path``: only NumPy is bound back in, at a path of its own.
    """
    folders = set(site.getsitepackages()) | {site.getusersitepackages()}
    base = {"base": sys.base_prefix, "platbase": sys.base_exec_prefix}
    for scheme_vars in ({}, base):
        folders |= {sysconfig.get_path(k, vars=scheme_vars) for k in ("purelib", "platlib")}
    for pattern in ("/usr/lib/python3*/*-packages", "/usr/local/lib/python3*/*-packages"):
        folders |= set(glob.glob(pattern))
    folders.add(str(Path(__file__).resolve().parents[1]))  # the mlprep package itself
    return sorted({os.path.realpath(f) for f in folders if f})


def _find_spec_origin(name: str) -> str:
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SandboxUnavailable(f"{name} is not installed")
    return spec.origin


def _writable_mounts() -> list[str]:
    """Every place a solution may write: tmpfs mounts of bounded size, nothing on the host."""
    return [
        "--dev",
        "/dev",
        "--size",
        str(SHM_BYTES),
        "--tmpfs",
        "/dev/shm",
        "--remount-ro",
        "/dev",
        "--size",
        str(TMP_BYTES),
        "--tmpfs",
        "/tmp",
        "--size",
        str(WORK_BYTES),
        "--tmpfs",
        SCRATCH_DIR,
    ]


def bwrap_command(seccomp: int, info: int) -> list[str]:
    """The command that starts a warm worker: the harness as the sandbox's non-dumpable PID 1.

    No /proc is mounted, so no process's descriptors, memory, environment or mounts can be
    looked up; no user namespace can be made inside; ``seccomp`` is the descriptor of the
    syscall filter, and bubblewrap writes the sandbox's host pid to ``info``.
    """
    prefix, shown = _python_prefix()
    interpreter = python_executable()
    return [
        find_bwrap(),
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--as-pid-1",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--seccomp",
        str(seccomp),
        "--info-fd",
        str(info),
        *_system_mounts(),
        *_python_mounts(),
        "--ro-bind",
        str(harness_file()),
        HARNESS_PATH,
        *_writable_mounts(),
        "--remount-ro",
        "/",  # bubblewrap's root is a tmpfs of its own: nothing may be left in it
        "--chdir",
        SCRATCH_DIR,
        "--clearenv",
        *_environment(shown),
        shown + interpreter[len(prefix) :] if interpreter.startswith(prefix + "/") else interpreter,
        "-I",
        "-S",
        "-B",
        HARNESS_PATH,
        SITE_DIR,
        "--pid-1",
    ]


def _environment(python_prefix: str) -> list[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": "C.UTF-8",
        # One thread each: threads count against the process limit and skew timings.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    if python_prefix == PYTHON_DIR:
        env["LD_LIBRARY_PATH"] = f"{PYTHON_DIR}/lib"  # a shared libpython moved with its prefix
    args: list[str] = []
    for key, value in env.items():
        args += ["--setenv", key, value]
    return args


def host_environment() -> dict[str, str]:
    """bubblewrap's own environment: nothing of the server's (tokens, paths, MLPREP_*)."""
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


def address_space_of(info: int, process: subprocess.Popen) -> int:
    """The warm harness's address space in bytes, read from the host's /proc.

    A solution's process starts as a copy of it, so its memory limit is this plus the problem's
    allowance. bubblewrap names the harness's host pid on ``info``; without bubblewrap (the
    opt-out) the harness is ``process`` itself.
    """
    pid = process.pid
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        pid = int(json.loads(os.read(info, 4096))["child-pid"])
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return DEFAULT_ADDRESS_SPACE
    return pages * os.sysconf("SC_PAGE_SIZE")


_groups = itertools.count()
CGROUP_ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))


def pids_cgroup_wrapper(max_pids: int) -> tuple[list[str], Path | None]:
    """As root the kernel ignores RLIMIT_NPROC, so cap processes with a pids cgroup when we can.

    Returns a command prefix that moves the shell into a fresh cgroup and execs the rest, and the
    cgroup's folder (to remove later); ``([], None)`` when no writable pids cgroup exists. The
    folder is named after this process, so a later start can tell a dead server's leftovers.
    """
    if os.geteuid() != 0:
        return [], None
    for root in CGROUP_ROOTS:
        controllers = root / "cgroup.controllers"
        if root.name == "cgroup" and not (
            controllers.is_file() and "pids" in controllers.read_text().split()
        ):
            continue
        group = root / f"mlprep-{os.getpid()}-{next(_groups)}"
        try:
            group.mkdir(exist_ok=True)
            (group / "pids.max").write_text(str(max_pids))
        except OSError:
            continue
        script = f'echo $$ > "{group / "cgroup.procs"}" && exec "$@"'
        return ["/bin/sh", "-c", script, "sh"], group
    return [], None


def remove_cgroup(group: Path | None) -> None:
    if group is not None:
        # Still busy for a moment after a kill; a later start removes it (remove_leftovers).
        with contextlib.suppress(OSError):
            group.rmdir()


def remove_leftovers() -> int:
    """Remove what killed servers left: their cgroups and opt-out folders; returns how many.

    Only leftovers of processes that are no longer alive are touched.
    """
    removed = 0
    places = [(root, "mlprep-") for root in CGROUP_ROOTS]
    places.append((Path(tempfile.gettempdir()), UNSAFE_PREFIX))
    for root, prefix in places:
        with contextlib.suppress(OSError):
            for entry in root.iterdir():
                owner = _owner_pid(entry.name, prefix)
                if owner is None or _alive(owner):
                    continue
                with contextlib.suppress(OSError):
                    if root in CGROUP_ROOTS:
                        entry.rmdir()  # an empty cgroup is removed with rmdir, not unlink
                    else:
                        shutil.rmtree(entry)
                    removed += 1
    return removed


def _owner_pid(name: str, prefix: str) -> int | None:
    if not name.startswith(prefix):
        return None
    pid = name[len(prefix) :].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def unsafe_folder() -> tempfile.TemporaryDirectory:
    """The opt-out's job folder: private (0700) and named after this process."""
    return tempfile.TemporaryDirectory(prefix=f"{UNSAFE_PREFIX}{os.getpid()}-")


def unsandboxed_command() -> list[str]:
    """The explicit opt-out: the same harness with no isolation at all."""
    numpy_parent = str(Path(_find_spec_origin("numpy")).parents[1])
    return [python_executable(), "-I", "-S", "-B", str(harness_file()), numpy_parent]


def seccomp_fd() -> int:
    """A descriptor holding the syscall filter's BPF program, for bubblewrap's ``--seccomp``."""
    from mlprep.judge.seccomp import filter_program

    program = filter_program()
    fd = os.memfd_create("mlprep-seccomp", 0)
    os.write(fd, program)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
