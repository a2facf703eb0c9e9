"""Read what a solution's process wrote into its job folder, trusting none of it.

Every record is parsed as JSON with a size cap and validated field by field. Arrays are rebuilt
with ``np.frombuffer`` from the raw ``outputs.bin`` (read once, capped, never through a link),
only for plain numeric dtypes named by a strict pattern and only within the file's bounds: no
pickles, no object arrays. Anything else becomes a :class:`Foreign` that names only a type.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mlprep.problems.checking import Foreign, Value

MAX_RESULTS_BYTES = 4 * 2**20
MAX_OUTPUT_BYTES = 64 * 2**20
MAX_STDOUT_SHOWN = 4000
_NUMERIC_DTYPE = re.compile(r"^[<>|=][biuf][1248]$")


class Tampered(Exception):
    """The job folder holds something the harness would not have written."""


@dataclass
class TestRecord:
    """One test as the harness reported it: the returned values, or the exception raised."""

    seconds: float
    values: tuple[Value, ...] | None = None
    sequence: str | None = None
    length: int = 0
    stdout_end: int = -1
    error: str | None = None
    message: str = ""
    traceback: str = ""


@dataclass
class JobResults:
    fatal: dict[str, Any] | None = None
    tests: dict[int, TestRecord] = field(default_factory=dict)
    stdout: bytes = b""

    def stdout_until(self, test: int) -> str:
        """What the solution printed up to the end of ``test`` (all of it if unknown)."""
        record = self.tests.get(test)
        end = record.stdout_end if record is not None and record.stdout_end >= 0 else None
        text = self.stdout[:end] if end is not None else self.stdout
        return text[:MAX_STDOUT_SHOWN].decode("utf-8", errors="replace")


def read_results(job: Path, n_tests: int) -> JobResults:
    results = JobResults(stdout=_read_capped(job / "stdout.txt", MAX_STDOUT_SHOWN))
    raw = _read_capped(job / "results.jsonl", MAX_RESULTS_BYTES).decode("utf-8", errors="replace")
    outputs = _read_capped(job / "outputs.bin", MAX_OUTPUT_BYTES)
    for line in raw.splitlines():
        record = _parse(line)
        if record is None:
            continue
        if "fatal" in record:
            results.fatal = results.fatal or _fatal(record)
            continue
        index = record.get("test")
        if isinstance(index, int) and 0 <= index < n_tests and index not in results.tests:
            results.tests[index] = _test_record(outputs, record)
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


def _test_record(outputs: bytes, record: dict) -> TestRecord:
    seconds = record.get("seconds")
    seconds = float(seconds) if isinstance(seconds, int | float) and seconds >= 0 else 0.0
    stdout_end = record.get("stdout_end")
    stdout_end = stdout_end if type(stdout_end) is int and stdout_end >= 0 else -1
    if "error" in record:
        return TestRecord(
            seconds=seconds,
            stdout_end=stdout_end,
            error=_text(record["error"], 100) or "Exception",
            message=_text(record.get("message")),
            traceback=_text(record.get("tb")),
        )
    values = record.get("values")
    if not isinstance(values, list) or not values or len(values) > 100:
        return TestRecord(seconds=seconds, error="JudgeError", message="malformed result record")
    try:
        decoded = tuple(_decode(outputs, v) for v in values)
    except Tampered as exc:
        return TestRecord(seconds=seconds, error="JudgeError", message=str(exc))
    sequence = record.get("sequence")
    length = record.get("length")
    return TestRecord(
        seconds=seconds,
        stdout_end=stdout_end,
        values=decoded,
        sequence=sequence if sequence in ("tuple", "list") else None,
        length=length if type(length) is int and length >= 0 else len(decoded),
    )


def _decode(outputs: bytes, encoded: Any) -> Value:
    if not isinstance(encoded, dict) or len(encoded) != 1:
        raise Tampered("malformed value")
    ((kind, payload),) = encoded.items()
    if kind == "int" and type(payload) is int:
        return payload
    if kind == "float" and type(payload) in (int, float):
        return float(payload)
    if kind == "other" and isinstance(payload, str):
        return Foreign(payload[:100])
    if kind == "array":
        return _array(outputs, payload)
    raise Tampered("malformed value")


def _array(outputs: bytes, payload: Any) -> np.ndarray:
    """One array from the raw outputs: numeric dtype, sane shape, inside the file's bounds."""
    if not (isinstance(payload, list) and len(payload) == 3):
        raise Tampered("malformed array")
    offset, dtype, shape = payload
    if not (isinstance(dtype, str) and _NUMERIC_DTYPE.match(dtype)):
        raise Tampered(f"unexpected array dtype {str(dtype)[:40]!r}")
    if not (
        isinstance(shape, list)
        and len(shape) <= 32
        and all(type(n) is int and n >= 0 for n in shape)
        and type(offset) is int
        and offset >= 0
    ):
        raise Tampered("malformed array shape")
    kind = np.dtype(dtype)
    count = math.prod(shape)
    if offset + count * kind.itemsize > len(outputs):
        raise Tampered("array data missing (was the output cut short?)")
    return np.frombuffer(outputs, dtype=kind, count=count, offset=offset).reshape(shape).copy()


def _read_capped(path: Path, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as stream:
        return stream.read(limit)
