"""Read what a solution's process wrote back, trusting none of it.

The worker hands over three capped byte streams (results as JSON lines, outputs as raw array
bytes, stdout). Every record is parsed as JSON and validated field by field against the job it
answers: the test index within the job, finite times, integers that fit 64 bits. Arrays are
rebuilt with ``np.frombuffer`` from the raw outputs, only for plain numeric dtypes named by a
strict pattern, with a shape whose size matches the bytes and lies inside the stream: no pickles,
no object arrays. Anything else becomes a :class:`Foreign` that names only a type, or a record
the judge reports as malformed. Nothing here raises on any input.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mlprep.problems.checking import Foreign, Value

MAX_RESULTS_BYTES = 4 * 2**20
MAX_STDOUT_SHOWN = 4000
MAX_ELEMENTS = 16 * 2**20  # no array in the (16 MB) outputs stream can have more
MAX_LENGTH = 2**31  # a returned sequence's declared length
MAX_SECONDS = 3600.0
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
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
    error: str | None = None
    message: str = ""
    traceback: str = ""


@dataclass
class JobResults:
    fatal: dict[str, Any] | None = None
    tests: dict[int, TestRecord] = field(default_factory=dict)
    stdout: bytes = b""

    def shown_stdout(self) -> str:
        return self.stdout[:MAX_STDOUT_SHOWN].decode("utf-8", errors="replace")

    def add(self, other: JobResults, first: int) -> None:
        """Merge a later part of the same submission whose tests start at index ``first``."""
        self.fatal = self.fatal or other.fatal
        for index, record in other.tests.items():
            self.tests.setdefault(first + index, record)


def parse_results(results: bytes, outputs: bytes, stdout: bytes, n_tests: int) -> JobResults:
    """The records of a job of ``n_tests`` tests, validated; never raises."""
    parsed = JobResults(stdout=stdout[:MAX_STDOUT_SHOWN])
    for line in results[:MAX_RESULTS_BYTES].split(b"\n"):
        record = _parse(line)
        if record is None:
            continue
        if "fatal" in record:
            parsed.fatal = parsed.fatal or _fatal(record)
            continue
        index = record.get("test")
        if type(index) is int and 0 <= index < n_tests and index not in parsed.tests:
            try:
                parsed.tests[index] = _test_record(outputs, record)
            except (ValueError, TypeError, OverflowError, MemoryError) as exc:
                message = f"malformed result record ({type(exc).__name__})"
                parsed.tests[index] = TestRecord(seconds=0.0, error="JudgeError", message=message)
    return parsed


def _parse(line: bytes) -> dict | None:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None  # a half-written last line, the solution's noise, or nesting to crash on
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
    seconds = _seconds(record.get("seconds"))
    if seconds is None:
        return TestRecord(seconds=0.0, error="JudgeError", message="malformed result record")
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
        decoded = tuple(_decode(outputs, v) for v in values)
    except Tampered as exc:
        return TestRecord(seconds=seconds, error="JudgeError", message=str(exc))
    sequence = record.get("sequence")
    length = record.get("length")
    if not (type(length) is int and 0 <= length <= MAX_LENGTH):
        length = len(decoded)
    return TestRecord(
        seconds=seconds,
        values=decoded,
        sequence=sequence if sequence in ("tuple", "list") else None,
        length=length,
    )


def _decode(outputs: bytes, encoded: Any) -> Value:
    if not isinstance(encoded, dict) or len(encoded) != 1:
        raise Tampered("malformed value")
    ((kind, payload),) = encoded.items()
    if kind == "int" and type(payload) is int:
        return payload if INT64_MIN <= payload <= INT64_MAX else Foreign("int out of range")
    if kind == "float" and type(payload) is float:
        return payload
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
        and all(type(n) is int and 0 <= n <= MAX_ELEMENTS for n in shape)
        and type(offset) is int
        and 0 <= offset <= len(outputs)
    ):
        raise Tampered("malformed array shape")
    kind = np.dtype(dtype)
    count = math.prod(shape)
    if count > MAX_ELEMENTS or offset + count * kind.itemsize > len(outputs):
        raise Tampered("array data missing (was the output cut short?)")
    return np.frombuffer(outputs, dtype=kind, count=count, offset=offset).reshape(shape).copy()


def _seconds(value: Any) -> float | None:
    """A test's time: a finite, non-negative number of seconds, or None when it is not one."""
    if type(value) not in (int, float) or not (0 <= value <= MAX_SECONDS):
        return None  # also NaN and Infinity, which JSON lets through
    return float(value)
