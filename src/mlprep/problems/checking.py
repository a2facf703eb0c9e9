"""Compare a candidate's outputs with the expected ones and describe the first difference.

Runs in the judge's own process, never in the sandbox. A returned value arrives here as plain
data: a NumPy array of a numeric dtype, a Python int or float, or a :class:`Foreign` that only
names the type of something else (a string, None, a list, an object...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlprep.problems.schema import Output, Tolerance


@dataclass(frozen=True)
class Foreign:
    """A returned value that is neither a number nor a numeric array; only its type is kept."""

    type_name: str


Value = np.ndarray | int | float | Foreign


def describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"{value.dtype} array of shape {value.shape}"
    if isinstance(value, Foreign):
        return value.type_name
    return f"{type(value).__name__} {value!r}"


def kind_error(spec: Output, actual: Value, expected: Value) -> str | None:
    """Why ``actual`` is not of the documented kind and shape, or None when it is."""
    kind = spec.kind
    if kind in ("float", "int"):
        if isinstance(actual, np.ndarray) and actual.ndim == 0:
            actual = actual.item()
        ok = isinstance(actual, int | float) and not isinstance(actual, bool)
        if kind == "int":
            ok = ok and isinstance(actual, int)
        return None if ok else f"{spec.name}: expected a {kind}, got {describe(actual)}"
    want = "an integer array" if kind == "int_array" else "a numeric array"
    if not isinstance(actual, np.ndarray):
        return f"{spec.name}: expected {want} of shape {np.shape(expected)}, got {describe(actual)}"
    allowed = "iu" if kind == "int_array" else "iuf"
    if actual.dtype.kind not in allowed:
        return f"{spec.name}: expected {want}, got {describe(actual)}"
    if actual.shape != np.shape(expected):
        return f"{spec.name}: expected shape {np.shape(expected)}, got shape {actual.shape}"
    return None


def first_difference(
    name: str, expected: Any, actual: Any, tol: Tolerance, exact: bool = False
) -> str | None:
    """Where ``actual`` first differs from ``expected`` (same shape), or None if they agree."""
    exp, act = _comparable(expected, actual, exact)
    if np.array_equal(exp, act):  # the common case, ten times cheaper than isclose
        return None
    if exact:
        close = exp == act
    else:
        with np.errstate(invalid="ignore", over="ignore"):
            close = np.isclose(act, exp, rtol=tol.rtol, atol=tol.atol)
    if close.all():
        return None
    bad = np.argwhere(~close.reshape(exp.shape or (1,)))[0] if exp.ndim else ()
    where = f" at index {tuple(int(i) for i in bad)}" if exp.ndim else ""
    count = int((~close).sum())
    more = f" ({count} of {close.size} values differ)" if close.size > 1 else ""
    e = exp[tuple(bad)] if exp.ndim else exp
    a = act[tuple(bad)] if exp.ndim else act
    return f"{name}{where}: expected {_num(e)}, got {_num(a)}{more}"


def _comparable(expected: Any, actual: Any, exact: bool) -> tuple[np.ndarray, np.ndarray]:
    # Integers stay integers for an exact check: as float64, 2**53 and 2**53 + 1 are equal.
    exp, act = np.asarray(expected), np.asarray(actual)
    if exact and exp.dtype.kind in "iu" and act.dtype.kind in "iu":
        return exp, act
    return exp.astype(np.float64), act.astype(np.float64)


def _num(x: Any) -> str:
    if np.asarray(x).dtype.kind in "iu":
        return str(int(x))
    return np.format_float_positional(float(x), precision=10, trim="-")


def kinds_error(
    returns: Sequence[Output], expected: Sequence[Value], actual: Sequence[Value]
) -> str | None:
    """The first returned value of the wrong kind or shape, or None."""
    for spec, exp, act in zip(returns, expected, actual, strict=True):
        problem = kind_error(spec, act, exp)
        if problem:
            return problem
    return None


def values_error(
    returns: Sequence[Output], expected: Sequence[Value], actual: Sequence[Value], tol: Tolerance
) -> str | None:
    """The default value check, once kinds and shapes agree: integers exactly, floats by tol."""
    for spec, exp, act in zip(returns, expected, actual, strict=True):
        problem = first_difference(
            spec.name, exp, act, tol, exact=spec.kind in ("int", "int_array")
        )
        if problem:
            return problem
    return None
