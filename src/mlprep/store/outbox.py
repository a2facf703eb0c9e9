"""The outbox: finished submissions spooled as JSON files, one per submission.

``mlprep judge`` must finish fast, and importing SQLAlchemy alone costs about a quarter of a
second, so this module imports only the standard library (and the store's stdlib-only siblings).
A record becomes visible only by an atomic rename of a complete, fsynced file, so a process
killed mid-write leaves at most a hidden temporary file, which ingestion ignores. The database
side (:meth:`mlprep.store.db.Store.ingest_outbox`) moves records into the database later.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mlprep.judge.report import stored_verdict
from mlprep.store.errors import StoreError, describe_os_error
from mlprep.store.locations import outbox_dir

__all__ = [
    "MalformedRecord",
    "StoreError",
    "check_record",
    "complete_record",
    "pending",
    "read_record",
    "reject",
    "spool",
    "sweep_abandoned",
]

RECORD_SUFFIX = ".json"
TEMP_SUFFIX = ".tmp"
REJECTED_DIR = "rejected"
# A temporary file this old belongs to a writer that died; live writers take milliseconds.
ABANDONED_AFTER_SECONDS = 3600.0

_ID = re.compile(r"^[0-9a-f]{32}$")
_NUMBER = (int, float)
# Field: (type, default); a default of ... means the field is required.
_REPORT_FIELDS: dict[str, tuple[Any, Any]] = {
    "problem": (str, ...),
    "mode": (str, ...),
    "verdict": (str, ...),
    "seconds": (_NUMBER, 0.0),
    "message": (str, ""),
    "stdout": (str, ""),
}
_TEST_FIELDS: dict[str, tuple[Any, Any]] = {
    "index": (int, ...),
    "sample": (bool, ...),
    "category": (str, ...),
    "status": (str, ...),
    "seconds": (_NUMBER, 0.0),
    "message": (str, ""),
    "name": (str, ""),
    "input": (str, ""),
    "expected": (str, ""),
    "actual": (str, ""),
}
MODES = ("run", "judge")


class MalformedRecord(ValueError):
    """A spooled record that is not what :func:`spool` writes."""


def spool(record: Mapping[str, Any], *, url: str | None = None) -> Path:
    """Write one finished submission to the outbox of ``url`` (default: the configured database).

    ``record`` holds ``source`` (the code) and ``report`` (``Report.to_json()``); ``id`` (uuid4
    hex) and ``created_at`` (ISO-8601 UTC) are added when missing. Returns the file written.
    Raises :class:`MalformedRecord` for a record that could never be ingested, and
    :class:`StoreError` when the file cannot be written; no partial file is left either way.
    """
    complete = complete_record(record)
    # Serialise before touching the disk, so an unserialisable record leaves nothing behind.
    data = json.dumps(complete, ensure_ascii=False).encode("utf-8")
    # Named by time first, so that ingesting in name order keeps the submissions' order.
    stamp = time.time_ns()
    target = outbox_dir(url) / f"{stamp:020d}-{complete['id']}{RECORD_SUFFIX}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, data)
    except OSError as exc:
        raise StoreError(
            f"cannot save the submission to {target}: {describe_os_error(exc, target)}"
        ) from exc
    return target


def complete_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` checked, with an ``id`` and ``created_at`` added when missing."""
    return check_record({"id": uuid.uuid4().hex, "created_at": _now(), **record})


def pending(url: str | None = None) -> list[Path]:
    """The complete records waiting in the outbox of ``url``, oldest name first."""
    folder = outbox_dir(url)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*{RECORD_SUFFIX}") if not p.name.startswith("."))


def read_record(path: Path) -> dict[str, Any]:
    """Load and check one spooled record. ``FileNotFoundError`` if another process took it."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedRecord(f"not UTF-8 JSON: {exc}") from exc
    return check_record(data)


def reject(path: Path) -> Path | None:
    """Move a malformed record aside, out of ingestion's way but kept for a human to look at."""
    folder = path.parent / REJECTED_DIR
    folder.mkdir(exist_ok=True)
    destination = folder / path.name
    try:
        os.replace(path, destination)
    except FileNotFoundError:  # another ingester moved it first
        return None
    return destination


def sweep_abandoned(url: str | None = None, older_than: float = ABANDONED_AFTER_SECONDS) -> int:
    """Delete temporary files left by writers killed mid-write; returns how many went."""
    folder = outbox_dir(url)
    if not folder.is_dir():
        return 0
    cutoff, removed = time.time() - older_than, 0
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
                removed += 1
    return removed


def check_record(record: Any) -> dict[str, Any]:
    """The record with defaults filled in, or :class:`MalformedRecord` saying what is wrong."""
    if not isinstance(record, Mapping):
        raise MalformedRecord("a record must be a JSON object")
    uid = record.get("id")
    if not isinstance(uid, str) or not _ID.fullmatch(uid):
        raise MalformedRecord(f"id must be 32 lowercase hex digits, not {uid!r}")
    source = record.get("source")
    if not isinstance(source, str):
        raise MalformedRecord("source must be a string")
    return {
        "id": uid,
        "created_at": _check_time(record.get("created_at")),
        "source": source,
        "report": _check_report(record.get("report")),
    }


def _check_report(report: Any) -> dict[str, Any]:
    checked = _fields(report, _REPORT_FIELDS, "report")
    if checked["mode"] not in MODES:
        raise MalformedRecord(f"report.mode must be one of {MODES}, not {checked['mode']!r}")
    # Older versions spooled a run whose samples all passed as "accepted"; it never was.
    checked["verdict"] = stored_verdict(checked["mode"], checked["verdict"])
    tests = report.get("tests", [])
    if not isinstance(tests, list):
        raise MalformedRecord("report.tests must be a list")
    checked["tests"] = [_fields(t, _TEST_FIELDS, f"report.tests[{i}]") for i, t in enumerate(tests)]
    passed = sum(t["status"] == "passed" for t in checked["tests"])
    checked["passed"] = _count(report, "passed", passed)
    checked["total"] = _count(report, "total", len(tests))
    return checked


def _fields(data: Any, spec: dict[str, tuple[Any, Any]], where: str) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise MalformedRecord(f"{where} must be a JSON object")
    checked = {}
    for name, (kind, default) in spec.items():
        value = data.get(name, default)
        if value is ...:
            raise MalformedRecord(f"{where}.{name} is missing")
        # bool is an int in Python but never a count or a duration here.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise MalformedRecord(f"{where}.{name} has the wrong type: {value!r}")
        checked[name] = value
    return checked


def _count(report: Mapping[str, Any], name: str, default: int) -> int:
    value = report.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise MalformedRecord(f"report.{name} must be a count, not {value!r}")
    return value


def _check_time(value: Any) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise MalformedRecord(f"created_at must be an ISO-8601 time, not {value!r}") from exc
    if moment.tzinfo is None:  # the writer always adds UTC; a bare time can only mean UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _write_atomically(target: Path, data: bytes) -> None:
    # The leading dot and the suffix keep the temporary file out of pending()'s *.json glob.
    temp = target.with_name(f".{target.stem}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)  # the data must be on disk before the rename makes it visible
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; the record is already complete and visible, so a
    # file system that cannot fsync a folder costs nothing but that guarantee.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
