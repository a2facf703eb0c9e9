"""A problem's tests with their expected outputs, built once and cached on disk.

Building runs the seeded generator and the reference solution; the result is saved as an
``.npz`` (no pickles) in the user cache folder, keyed by a hash of the problem's files, so a
judge run loads it instead of recomputing. The cache lives outside every sandbox.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

import mlprep
from mlprep.problems.cache import cache_root, write_atomically
from mlprep.problems.cases import Case
from mlprep.problems.checking import Value
from mlprep.problems.loader import Problem

_memory: dict[str, TestSet] = {}


@dataclass(frozen=True)
class TestSet:
    cases: list[Case]
    expected: list[tuple[Value, ...]]

    def samples(self, problem: Problem) -> TestSet:
        n = len(problem.meta.samples)
        return TestSet(self.cases[:n], self.expected[:n])

    @cached_property
    def packed_inputs(self) -> tuple[bytes, list[list[dict[str, Any]]]]:
        """All tests' arguments as one buffer plus JSON specs: arrays by (offset, dtype, shape)."""
        chunks: list[bytes] = []
        offset = 0
        specs = []
        for case in self.cases:
            test = []
            for arg in case.args:
                if isinstance(arg, np.ndarray):
                    array = np.ascontiguousarray(arg)
                    test.append({"array": [offset, array.dtype.str, list(array.shape)]})
                    chunks.append(array.tobytes())
                    offset += array.nbytes
                else:
                    test.append({"value": plain(arg)})
            specs.append(test)
        return b"".join(chunks), specs


def cache_dir() -> Path:
    return cache_root() / "tests"


def load_testset(problem: Problem) -> TestSet:
    key = f"{problem.slug}-{_fingerprint(problem.folder)}"
    if key in _memory:
        return _memory[key]
    path = cache_dir() / f"{key}.npz"
    try:
        testset = _read(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        testset = build_testset(problem)
        _write_quietly(path, testset)
    _memory[key] = testset
    return testset


def build_testset(problem: Problem) -> TestSet:
    cases = problem.cases
    return TestSet(cases, [expected_outputs(problem, case) for case in cases])


def expected_outputs(problem: Problem, case: Case) -> tuple[Value, ...]:
    """The reference solution's outputs, normalised as the judge normalises a candidate's."""
    args = [np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in case.args]
    result = problem.reference(*args)
    values = result if len(problem.meta.returns) > 1 else (result,)
    return tuple(plain(v) for v in values)


def plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256(f"{mlprep.__version__} {np.__version__}".encode())
    for path in sorted(folder.glob("*")):
        if path.is_file() and path.suffix in (".py", ".toml"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _write_quietly(path: Path, testset: TestSet) -> None:
    """Save for next time; a cache that cannot be written only costs speed."""
    arrays: dict[str, np.ndarray] = {}
    index = []
    for i, (case, expected) in enumerate(zip(testset.cases, testset.expected, strict=True)):
        index.append(
            {
                "name": case.name,
                "category": case.category,
                "args": [_pack(arrays, f"a{i}_{j}", v) for j, v in enumerate(case.args)],
                "expected": [_pack(arrays, f"e{i}_{j}", v) for j, v in enumerate(expected)],
            }
        )
    arrays["index"] = np.frombuffer(json.dumps(index).encode(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    write_atomically(path, buffer.getvalue())


def _pack(arrays: dict[str, np.ndarray], name: str, value: Any) -> dict[str, Any]:
    if isinstance(value, np.ndarray):
        arrays[name] = value
        return {"array": name}
    return {"value": plain(value)}


def _read(path: Path) -> TestSet:
    with np.load(path, allow_pickle=False) as data:
        index = json.loads(data["index"].tobytes())

        def unpack(spec: dict[str, Any]) -> Any:
            return data[spec["array"]] if "array" in spec else spec["value"]

        cases = [Case(t["name"], tuple(unpack(a) for a in t["args"]), t["category"]) for t in index]
        expected = [tuple(unpack(e) for e in t["expected"]) for t in index]
    return TestSet(cases, expected)
