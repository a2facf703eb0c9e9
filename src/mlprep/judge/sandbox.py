"""The bubblewrap command line: what a solution can see, and the checks that it can run at all.

Inside the sandbox a solution sees a read-only /usr, the Python standard library, NumPy (bound
alone, so no other installed package and not the problem bank), the harness, a private /tmp and
its worker's scratch folder. It has fresh user, PID, network, IPC and UTS namespaces: no network,
no view of host processes, and no host files beyond those.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

SITE_DIR = "/sandbox/site"
HARNESS_PATH = "/sandbox/harness.py"
SCRATCH_DIR = "/work"
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


def _python_mounts() -> list[str]:
    """The interpreter's prefix read-only, with every site-packages folder in it hidden."""
    args: list[str] = []
    prefix = os.path.realpath(sys.base_prefix)
    visible = ["/usr/", "/lib/", "/lib64/", prefix + "/"]
    if not prefix.startswith("/usr/"):
        args += ["--ro-bind", prefix, prefix]
    for hidden in _package_folders():
        if os.path.isdir(hidden) and any((hidden + "/").startswith(v) for v in visible):
            args += ["--tmpfs", hidden]
    numpy_dir = Path(_find_spec_origin("numpy")).parent
    args += ["--ro-bind", str(numpy_dir), f"{SITE_DIR}/numpy"]
    libs = numpy_dir.with_name("numpy.libs")
    if libs.is_dir():
        args += ["--ro-bind", str(libs), f"{SITE_DIR}/numpy.libs"]
    return args


def _package_folders() -> list[str]:
    """Folders that may hold installed packages (and so the problem bank): hidden in the sandbox.

    Hiding them also keeps SciPy, scikit-learn and the like out of reach of a solution that
    edits ``sys.path``: only NumPy is bound back in, at its own path.
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


def bwrap_command(scratch: Path) -> list[str]:
    """The full command that starts a warm worker whose jobs live under ``scratch``."""
    return [
        find_bwrap(),
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        *_system_mounts(),
        *_python_mounts(),
        "--ro-bind",
        str(harness_file()),
        HARNESS_PATH,
        "--bind",
        str(scratch),
        SCRATCH_DIR,
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        "--chdir",
        SCRATCH_DIR,
        "--clearenv",
        *_environment(),
        python_executable(),
        "-I",
        "-S",
        "-B",
        HARNESS_PATH,
        SITE_DIR,
        "--own-pid-namespace",
    ]


def _environment() -> list[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": "C.UTF-8",
        # One thread each: threads count against the process limit and skew timings.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    args: list[str] = []
    for key, value in env.items():
        args += ["--setenv", key, value]
    return args


def pids_cgroup_wrapper(name: str, max_pids: int) -> tuple[list[str], Path | None]:
    """As root the kernel ignores RLIMIT_NPROC, so cap processes with a pids cgroup when we can.

    Returns a command prefix that moves the shell into a fresh cgroup and execs the rest, and the
    cgroup's folder (to remove later); ``([], None)`` when no writable pids cgroup exists.
    """
    if os.geteuid() != 0:
        return [], None
    for root, procs in (
        ("/sys/fs/cgroup/pids", "cgroup.procs"),
        ("/sys/fs/cgroup", "cgroup.procs"),
    ):
        controllers = Path(root, "cgroup.controllers")
        if root == "/sys/fs/cgroup" and not (
            controllers.is_file() and "pids" in controllers.read_text().split()
        ):
            continue
        group = Path(root, name)
        try:
            group.mkdir(exist_ok=True)
            (group / "pids.max").write_text(str(max_pids))
        except OSError:
            continue
        script = f'echo $$ > "{group / procs}" && exec "$@"'
        return ["/bin/sh", "-c", script, "sh"], group
    return [], None


def remove_cgroup(group: Path | None) -> None:
    if group is not None:
        # Still busy for a moment after a kill: the kernel frees an emptied group anyway.
        with contextlib.suppress(OSError):
            group.rmdir()


def unsandboxed_command() -> list[str]:
    """The explicit opt-out: the same harness with no isolation at all."""
    numpy_parent = str(Path(_find_spec_origin("numpy")).parents[1])
    return [python_executable(), "-I", "-S", "-B", str(harness_file()), numpy_parent]
