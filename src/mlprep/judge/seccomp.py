"""The sandbox's syscall filter: what a NumPy solution never needs is refused with EPERM.

Built with libseccomp (through ``pyseccomp``) and exported as a BPF program that bubblewrap loads
with ``--seccomp`` before it starts the harness, so the harness and every solution run under it.
Building costs tens of milliseconds, so the program is kept in the cache folder, keyed by the rule
list and the machine's architecture.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import platform
import tempfile

from mlprep.files import cache_root, write_atomically

# Namespaces, mounts, other processes' memory, kernel objects a sandbox could be attacked through.
DENIED = (
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "mount_setattr",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "process_madvise",
    "pidfd_getfd",
    "kcmp",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "keyctl",
    "add_key",
    "request_key",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "open_by_handle_at",
    "name_to_handle_at",
    "fanotify_init",
    "quotactl",
    "acct",
    "swapon",
    "swapoff",
    "reboot",
    "syslog",
    "personality",
    "setdomainname",
    "sethostname",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
)
# clone() with any of these flags makes a namespace: CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC,
# NEWUSER, NEWPID, NEWNET, NEWTIME.
CLONE_NAMESPACE_FLAGS = (
    0x00020000,
    0x02000000,
    0x04000000,
    0x08000000,
    0x10000000,
    0x20000000,
    0x40000000,
    0x00000080,
)
AF_UNIX = 1


class SeccompUnavailable(RuntimeError):
    """libseccomp is missing: the sandbox refuses to start without its syscall filter."""


def filter_program() -> bytes:
    """The BPF program, from the cache when it was built before on this architecture."""
    rules = json.dumps([DENIED, CLONE_NAMESPACE_FLAGS, AF_UNIX, platform.machine()])
    path = cache_root() / "seccomp" / f"{hashlib.sha256(rules.encode()).hexdigest()[:16]}.bpf"
    try:
        return path.read_bytes()
    except OSError:
        program = build_program()
        write_atomically(path, program)
        return program


def build_program() -> bytes:
    try:
        import pyseccomp as sc

        rules = sc.SyscallFilter(defaction=sc.ALLOW)
    except (ImportError, OSError, RuntimeError) as exc:
        raise SeccompUnavailable(
            f"the syscall filter cannot be built ({exc}); install libseccomp "
            "(Debian/Ubuntu: sudo apt-get install libseccomp2)"
        ) from None
    refuse = sc.ERRNO(errno.EPERM)
    for name in DENIED:
        _add(rules, refuse, name)
    for flag in CLONE_NAMESPACE_FLAGS:
        rules.add_rule(refuse, "clone", sc.Arg(0, sc.MASKED_EQ, flag, flag))
    # clone3 passes its flags in memory, out of a filter's sight: glibc falls back to clone.
    rules.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    # No network but local sockets (the network namespace is empty anyway).
    rules.add_rule(refuse, "socket", sc.Arg(0, sc.NE, AF_UNIX))
    with tempfile.TemporaryFile() as out:
        rules.export_bpf(out)
        out.seek(0)
        return out.read()


def _add(rules, action, name: str) -> None:
    # A syscall this kernel or architecture does not have cannot be called either.
    with contextlib.suppress(RuntimeError, ValueError, OSError):
        rules.add_rule(action, name)
