"""Run on your own input: the arguments a user writes as JSON, checked against the problem, and
the reference's outputs on them.

Each parameter's kind (an array of floats or of integers and its number of dimensions, an int, a
float, a bool, a string, a list) is read from the problem's own test cases, so an input that the
function could never have been given is refused with what was expected. The reference then runs
on the input in a child process of the judge (``python -m mlprep.problems.custom``), outside the
sandbox like every expected value, within the problem's time limit: an input that makes the
reference fail or run too long is refused too. Outputs come back as raw numbers and JSON, never
as pickles.
"""

from __future__ import annotations

import ast
import json
import os
import resource
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlprep.problems.cases import Case
from mlprep.problems.checking import Value
from mlprep.problems.loader import Problem
from mlprep.problems.testset import Packer, TestSet, expected_outputs, plain, unpack
from mlprep.pyparse import signature_arguments

CASE_NAME = "your input"
CANNOT_RUN = "Your input cannot be run: "  # how a job whose input is at fault ends
MAX_VALUES = 200_000  # toy data: the contract's largest inputs are 2,000 x 50
MAX_DIMENSIONS = 4
REFERENCE_START_SECONDS = 10.0  # Python, NumPy and the problem load before the reference runs
REFERENCE_MEMORY_BYTES = 4 << 30
_NO_DEFAULT = object()


class InputError(ValueError):
    """The user's input cannot be run: the message says which argument and why."""


@dataclass(frozen=True)
class Parameter:
    """One parameter of the function, with the kinds its test cases give it."""

    name: str
    kind: str  # "float_array", "int_array", "number_array", "int", "float", "number", ...
    ndims: tuple[int, ...] = ()  # the array dimensions seen in the tests
    optional: bool = False  # some test passes None
    default: Any = _NO_DEFAULT  # the signature's default, when it has a literal one

    def describe(self) -> str:
        if self.kind.endswith("_array"):
            what = {"float": "numbers", "int": "integers", "number": "numbers"}
            dims = _dimensions(self.ndims)
            text = f"a {dims} array of {what[self.kind.removesuffix('_array')]}"
        else:
            text = {"int": "an integer", "float": "a number", "number": "a number"}.get(
                self.kind, f"a {self.kind}"
            )
        return f"{text} or null" if self.optional else text


def _dimensions(ndims: tuple[int, ...]) -> str:
    """``(2,)`` is "2-D", ``(1, 2)`` "1-D or 2-D", ``(1, 2, 3, 4)`` "1-D to 4-D"."""
    if len(ndims) > 2 and ndims == tuple(range(ndims[0], ndims[-1] + 1)):
        return f"{ndims[0]}-D to {ndims[-1]}-D"
    return " or ".join(f"{n}-D" for n in ndims)


def parameters(problem: Problem) -> list[Parameter]:
    """The function's parameters, in order, with the kinds its test cases give them."""
    arguments = signature_arguments(problem.meta.signature)
    names = [a.arg for a in arguments.args]
    defaults = [_NO_DEFAULT] * (len(names) - len(arguments.defaults))
    defaults += [_literal(node) for node in arguments.defaults]
    seen: list[list[Any]] = [[] for _ in names]
    for case in problem.cases:
        for i, value in enumerate(case.args[: len(names)]):
            seen[i].append(value)
    return [_parameter(n, d, values) for n, d, values in zip(names, defaults, seen, strict=True)]


def _literal(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _NO_DEFAULT


def _parameter(name: str, default: Any, values: list[Any]) -> Parameter:
    present = [v for v in values if v is not None]
    optional = len(present) < len(values) or (default is None)
    arrays = [v for v in present if isinstance(v, np.ndarray)]
    if arrays:
        kinds = {a.dtype.kind for a in arrays}
        element = "int" if kinds <= {"i", "u"} else "float" if kinds == {"f"} else "number"
        ndims = tuple(sorted({a.ndim for a in arrays}))
        return Parameter(name, f"{element}_array", ndims, optional, default)
    types = {_scalar_kind(v) for v in present} or {_scalar_kind(default)}
    kind = types.pop() if len(types) == 1 else "number" if types <= {"int", "float"} else "any"
    return Parameter(name, kind, (), optional, default)


def _scalar_kind(value: Any) -> str:
    if isinstance(value, bool | np.bool_):
        return "bool"
    if isinstance(value, int | np.integer):
        return "int"
    if isinstance(value, float | np.floating):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "list"
    return "any"


def sample_inputs(problem: Problem) -> list[dict[str, Any]]:
    """Each sample's arguments by name, as JSON text a user can edit (NaN written as NaN)."""
    names = [p.name for p in parameters(problem)]
    samples = [case for case in problem.cases if problem.is_sample(case)]
    return [
        {"name": case.name, "input": input_text(dict(zip(names, case.args, strict=False)))}
        for case in samples
    ]


def input_text(arguments: Mapping[str, Any]) -> str:
    """Arguments as a JSON object, one argument (and one row of a matrix) per line."""
    lines = []
    for name, value in arguments.items():
        data = _jsonable(value)
        if isinstance(data, list) and data and all(isinstance(row, list) for row in data):
            rows = ",\n    ".join(json.dumps(row) for row in data)
            text = f"[\n    {rows}\n  ]"
        else:
            text = json.dumps(data)
        lines.append(f"  {json.dumps(name)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def parse_input(problem: Problem, text: str) -> Case:
    """The JSON object of arguments as a test case; :class:`InputError` says what is wrong."""
    try:
        given = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"your input is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(given, dict):
        raise InputError('your input must be a JSON object of arguments, like {"x": [1, 2]}')
    params = parameters(problem)
    names = [p.name for p in params]
    unknown = [name for name in given if name not in names]
    if unknown:
        raise InputError(f"unknown argument '{unknown[0]}'; the arguments are {', '.join(names)}")
    args = [_argument(param, given) for param in params[: _last_given(params, given) + 1]]
    if sum(_size(a) for a in args) > MAX_VALUES:
        raise InputError(f"your input has more than {MAX_VALUES:,} values; tests use toy data")
    return Case(CASE_NAME, tuple(args), "your input")


def _last_given(params: list[Parameter], given: Mapping[str, Any]) -> int:
    """The index of the last parameter to pass: every one without a default, and any given."""
    needed = [i for i, p in enumerate(params) if p.name in given or p.default is _NO_DEFAULT]
    return max(needed, default=-1)


def _argument(param: Parameter, given: Mapping[str, Any]) -> Any:
    if param.name not in given:
        if param.default is _NO_DEFAULT:
            raise InputError(f"missing argument '{param.name}': {param.describe()}")
        return param.default
    value = given[param.name]
    if value is None:
        if param.optional:
            return None
        raise InputError(f"{param.name}: expected {param.describe()}, got null")
    try:
        return _converted(param, value)
    except InputError as exc:
        raise InputError(f"{param.name}: {exc}") from None


def _converted(param: Parameter, value: Any) -> Any:
    if param.kind.endswith("_array"):
        return _array(param, value)
    if param.kind in ("int", "float", "number"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"expected {param.describe()}, got {_json_type(value)}")
        if param.kind == "int" and not isinstance(value, int):
            raise InputError(f"expected an integer, got {value!r}")
        return float(value) if param.kind == "float" else value
    wanted = {"bool": bool, "string": str, "list": list}.get(param.kind)
    if wanted is not None and not isinstance(value, wanted):
        raise InputError(f"expected {param.describe()}, got {_json_type(value)}")
    return value


def _array(param: Parameter, value: Any) -> np.ndarray:
    if not isinstance(value, list):
        raise InputError(f"expected {param.describe()}, got {_json_type(value)}")
    try:
        array = np.array(value)
    except ValueError:
        raise InputError("the rows are not all the same length") from None
    if array.size and array.dtype.kind not in "iuf":
        raise InputError(f"expected {param.describe()}, found {_element_type(array)}")
    if array.ndim not in param.ndims or array.ndim > MAX_DIMENSIONS:
        raise InputError(f"expected {param.describe()}, got a {array.ndim}-D array")
    element = param.kind.removesuffix("_array")
    if element == "int" or (element == "number" and array.dtype.kind in "iu"):
        if array.dtype.kind == "f":
            where = tuple(int(i) for i in np.argwhere(array != np.round(array))[0])
            raise InputError(f"expected integers, found {array[where]!r} at index {where}")
        return array.astype(np.int64)
    return array.astype(np.float64)


def _element_type(array: np.ndarray) -> str:
    return {"U": "a string", "b": "true or false", "O": "null or a nested object"}.get(
        array.dtype.kind, f"values of type {array.dtype}"
    )


def _json_type(value: Any) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    names.update({list: "a list", dict: "an object"})
    return names.get(type(value), type(value).__name__)


def _size(value: Any) -> int:
    if isinstance(value, np.ndarray):
        return value.size
    if isinstance(value, list):
        return sum(_size(v) for v in value) + 1
    return 1


class ReferenceFailed(Exception):
    """The reference could not run on the input (it raised, ran too long or ran out of memory)."""


def custom_tests(problem: Problem, case: Case) -> TestSet:
    """The user's input as a one-test set with the reference's outputs on it (what the judge
    takes as ``custom``); raises :class:`ReferenceFailed` as :func:`reference_outputs` does."""
    return TestSet([case], [reference_outputs(problem, case)])


def reference_outputs(problem: Problem, case: Case) -> tuple[Value, ...]:
    """The reference's outputs on ``case``, computed in a child process within the time limit."""
    packer = Packer()
    specs = [packer.add(arg) for arg in case.args]
    header = {"folder": str(problem.folder), "args": specs}
    payload = json.dumps(header).encode() + b"\n" + packer.joined()
    seconds = problem.meta.time_limit + REFERENCE_START_SECONDS
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mlprep.problems.custom"],
            input=payload,
            capture_output=True,
            timeout=seconds,
            env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
        )
    except subprocess.TimeoutExpired:
        raise ReferenceFailed(
            f"the reference solution ran for more than {seconds:g} s on this input; "
            "try a smaller one"
        ) from None
    return _read_outputs(done)


def _read_outputs(done: subprocess.CompletedProcess[bytes]) -> tuple[Value, ...]:
    head, _, blob = done.stdout.partition(b"\n")
    try:
        answer = json.loads(head)
    except ValueError:
        why = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no answer"]
        raise ReferenceFailed(f"the reference solution stopped: {why[0]}") from None
    if "error" in answer:
        raise ReferenceFailed(
            f"the reference solution cannot run on this input ({answer['error']}); "
            "check it against the statement's constraints"
        )
    return tuple(_owned(unpack(blob, spec)) for spec in answer["outputs"])


def _child() -> None:
    """In the child: read the problem and the input, run the reference, write its outputs."""
    resource.setrlimit(resource.RLIMIT_AS, (REFERENCE_MEMORY_BYTES, REFERENCE_MEMORY_BYTES))
    head, _, blob = sys.stdin.buffer.read().partition(b"\n")
    header = json.loads(head)
    problem = Problem.from_folder(Path(header["folder"]))
    args = tuple(_owned(unpack(blob, spec)) for spec in header["args"])
    try:
        outputs = expected_outputs(problem, Case(CASE_NAME, args))
        packer = Packer()
        specs = [packer.add(_checked(plain(v))) for v in outputs]
    except Exception as exc:  # the input broke the reference: say how, briefly
        sys.stdout.buffer.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode())
        return
    sys.stdout.buffer.write(json.dumps({"outputs": specs}).encode() + b"\n" + packer.joined())


def _owned(value: Any) -> Any:
    return value.copy() if isinstance(value, np.ndarray) else value


def _checked(value: Any) -> Any:
    """Only numbers and numeric arrays travel back; anything else is the reference's bug."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return value
    if isinstance(value, int | float):
        return value
    raise TypeError(f"the reference returned {type(value).__name__}")


if __name__ == "__main__":
    _child()
