"""A problem's tests with their expected outputs, built once and cached on disk.

Building runs the seeded generator and the reference solution. The result is cached in the user
cache folder, keyed by a hash of the problem's files, as one ``.npz`` (no pickles) of two members:
a raw byte blob of every array, inputs first, and a JSON index of (offset, dtype, shape) specs.
The inputs part is exactly the ``inputs.bin`` a judge job needs, so loading is one read and no
repacking. The cache lives outside every sandbox.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

import mlprep
from mlprep.files import cache_root, write_atomically
from mlprep.problems.cases import Case
from mlprep.problems.checking import Value
from mlprep.problems.loader import Problem

Spec = dict[str, Any]
_memory: dict[str, TestSet] = {}


@dataclass(frozen=True)
class TestSet:
    cases: list[Case]
    expected: list[tuple[Value, ...]]
    packed: tuple[bytes | memoryview, list[list[Spec]]] | None = field(default=None, compare=False)

    _parts: dict[tuple[int, int], TestSet] = field(default_factory=dict, compare=False)

    def samples(self, problem: Problem) -> TestSet:
        return self.part(0, len(problem.meta.samples))

    def part(self, start: int, stop: int) -> TestSet:
        """Tests ``start`` to ``stop`` as a test set of their own (kept: its inputs get packed)."""
        if (start, stop) not in self._parts:
            self._parts[start, stop] = TestSet(self.cases[start:stop], self.expected[start:stop])
        return self._parts[start, stop]

    @property
    def packed_inputs(self) -> tuple[bytes | memoryview, list[list[Spec]]]:
        """Every test's arguments as one buffer and JSON specs: arrays as (offset, dtype, shape)."""
        if self.packed is None:
            packer = Packer()
            specs = [[packer.add(arg) for arg in case.args] for case in self.cases]
            object.__setattr__(self, "packed", (packer.joined(), specs))
        return self.packed


class Packer:
    """Lays arrays end to end in one buffer; small values stay in the JSON spec."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, value: Any) -> Spec:
        if not isinstance(value, np.ndarray):
            return {"value": plain(value)}
        array = np.ascontiguousarray(value)
        spec = {"array": [self.size, array.dtype.str, list(array.shape)]}
        self.chunks.append(array.tobytes())
        self.size += array.nbytes
        return spec

    def joined(self) -> bytes:
        return b"".join(self.chunks)


def unpack(blob: bytes | memoryview | np.ndarray, spec: Spec) -> Any:
    if "value" in spec:
        return spec["value"]
    offset, dtype, shape = spec["array"]
    array = np.frombuffer(blob, dtype=dtype, count=math.prod(shape), offset=offset)
    return array.reshape(shape)


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
    packer = Packer()
    args = [[packer.add(a) for a in case.args] for case in testset.cases]
    inputs_size = packer.size
    index = {
        "inputs_size": inputs_size,
        "tests": [
            {
                "name": case.name,
                "category": case.category,
                "args": case_args,
                "expected": [packer.add(v) for v in expected],
            }
            for case, case_args, expected in zip(testset.cases, args, testset.expected, strict=True)
        ],
    }
    buffer = io.BytesIO()
    np.savez(
        buffer,
        blob=np.frombuffer(packer.joined(), dtype=np.uint8),
        index=np.frombuffer(json.dumps(index).encode(), dtype=np.uint8),
    )
    write_atomically(path, buffer.getvalue())


def _read(path: Path) -> TestSet:
    with np.load(path, allow_pickle=False) as data:
        blob, index = data["blob"], json.loads(data["index"].tobytes())
    tests = index["tests"]
    cases = [
        Case(t["name"], tuple(unpack(blob, a) for a in t["args"]), t["category"]) for t in tests
    ]
    expected = [tuple(_owned(unpack(blob, e)) for e in t["expected"]) for t in tests]
    inputs = memoryview(blob)[: index["inputs_size"]]
    return TestSet(cases, expected, packed=(inputs, [t["args"] for t in tests]))


def _owned(value: Any) -> Any:
    return value.copy() if isinstance(value, np.ndarray) else value
