"""Read what a solution's process wrote into its job folder, trusting none of it.

Every record is parsed as JSON with a size cap and validated field by field; arrays are loaded
from ``.npy`` files with ``allow_pickle=False``, never through a link, and only of numeric
dtypes. Anything else becomes a :class:`Foreign` that names a type and holds no object.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mlprep.problems.checking import Foreign, Value

MAX_RESULTS_BYTES = 4 * 2**20
MAX_ARRAY_BYTES = 64 * 2**20
MAX_STDOUT_SHOWN = 4000
_NPY_NAME = re.compile(r"^out/(\d{1,5})_(\d{1,3})\.npy$")


class Tampered(Exception):
    """The job folder holds something the harness would not have written."""


@dataclass
class TestRecord:
    """One test as the harness reported it: the returned values, or the exception raised."""

    seconds: float
    values: tuple[Value, ...] | None = None
    sequence: str | None = None
    error: str | None = None
    message: str = ""
    traceback: str = ""


@dataclass
class JobResults:
    fatal: dict[str, Any] | None = None
    tests: dict[int, TestRecord] = field(default_factory=dict)
    stdout: str = ""


def read_results(job: Path, n_tests: int) -> JobResults:
    results = JobResults(stdout=_read_capped(job / "stdout.txt", MAX_STDOUT_SHOWN))
    raw = _read_capped(job / "results.jsonl", MAX_RESULTS_BYTES)
    for line in raw.splitlines():
        record = _parse(line)
        if record is None:
            continue
        if "fatal" in record:
            results.fatal = results.fatal or _fatal(record)
            continue
        index = record.get("test")
        if isinstance(index, int) and 0 <= index < n_tests and index not in results.tests:
            results.tests[index] = _test_record(job, index, record)
    return results


def _parse(line: str) -> dict | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None  # a half-written last line (the process was killed) or the solution's noise
    return record if isinstance(record, dict) else None


def _fatal(record: dict) -> dict[str, Any]:
    kind = record.get("fatal")
    return {
        "kind": kind if kind in ("import", "missing_function") else "import",
        "error": _text(record.get("error"), 100),
        "message": _text(record.get("message")),
        "traceback": _text(record.get("tb")),
    }


def _text(value: Any, limit: int = 4000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _test_record(job: Path, index: int, record: dict) -> TestRecord:
    seconds = record.get("seconds")
    seconds = float(seconds) if isinstance(seconds, int | float) and seconds >= 0 else 0.0
    if "error" in record:
        return TestRecord(
            seconds=seconds,
            error=_text(record["error"], 100) or "Exception",
            message=_text(record.get("message")),
            traceback=_text(record.get("tb")),
        )
    values = record.get("values")
    if not isinstance(values, list) or not values or len(values) > 100:
        return TestRecord(seconds=seconds, error="JudgeError", message="malformed result record")
    try:
        decoded = tuple(_decode(job, index, v) for v in values)
    except Tampered as exc:
        return TestRecord(seconds=seconds, error="JudgeError", message=str(exc))
    sequence = record.get("sequence")
    return TestRecord(
        seconds=seconds,
        values=decoded,
        sequence=sequence if sequence in ("tuple", "list") else None,
    )


def _decode(job: Path, index: int, encoded: Any) -> Value:
    if not isinstance(encoded, dict) or len(encoded) != 1:
        raise Tampered("malformed value")
    ((kind, payload),) = encoded.items()
    if kind == "int" and type(payload) is int:
        return payload
    if kind == "float" and type(payload) in (int, float):
        return float(payload)
    if kind == "other" and isinstance(payload, str):
        return Foreign(payload[:100])
    if kind == "npy" and isinstance(payload, str):
        match = _NPY_NAME.match(payload)
        if not match or int(match.group(1)) != index:
            raise Tampered(f"unexpected output file name {payload[:80]!r}")
        return _load_array(job / payload)
    raise Tampered("malformed value")


def _load_array(path: Path) -> Value:
    """Load one .npy file: no links, bounded size, no pickles, numeric dtypes only."""
    if path.parent.is_symlink():
        raise Tampered("the output folder was replaced by a link")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        raise Tampered(f"output file unreadable: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as stream:
        size = os.fstat(fd).st_size
        if size > MAX_ARRAY_BYTES:
            raise Tampered(f"output array of {size} bytes exceeds {MAX_ARRAY_BYTES}")
        try:
            array = np.load(stream, allow_pickle=False)
        except (ValueError, OSError, EOFError) as exc:
            raise Tampered(f"output array unreadable: {exc}") from None
    if not isinstance(array, np.ndarray) or array.dtype.kind not in "biuf":
        return Foreign("non-numeric array")
    return array


def _read_capped(path: Path, limit: int) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as stream:
        return stream.read(limit).decode("utf-8", errors="replace")
