"""The numeric gradient goes through the default comparison (the [tolerance] of problem.toml).

The relative error gets its own check and message: at small h it is rounding noise of order
1e-11..1e-7, which the default message would print as "expected 0". It must be a finite,
non-negative number within atol + rtol * expected of the reference value (the same numbers as
[tolerance]): below about 1e-6 when the reference is tiny, and within 0.01% when a large h makes
it a real, deterministic quantity.
"""

import math

RTOL, ATOL = 1e-4, 1e-6


def check(expected, actual, args, default):
    problem = default(expected, (actual[0], expected[1]))  # numeric_grad only
    if problem:
        return problem
    want, got = float(expected[1]), float(actual[1])
    if math.isfinite(got) and got >= 0 and abs(got - want) <= ATOL + RTOL * abs(want):
        return None
    return (
        f"max_relative_error: expected {want:.6g}, got {got:.6g} (allowed difference: "
        f"{ATOL:g} + {RTOL:g} * expected; with a small h a correct check gives a tiny value)"
    )
