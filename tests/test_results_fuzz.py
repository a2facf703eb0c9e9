"""Fuzzing the judge's reader: whatever bytes a solution sends back, a verdict and never a crash.

The solution's process owns every byte of the three streams it writes (results, outputs, stdout),
so hypothesis throws arbitrary bytes, well-formed records with hostile values, and mixes of both at
the reader and the grader, and the report must still serialise as standard JSON.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlprep.judge.results import parse_results
from mlprep.judge.runner import _grade
from mlprep.judge.worker import Outcome
from mlprep.problems import load_problem
from mlprep.problems.testset import load_testset

KMEANS = load_problem("kmeans")
TESTSET = load_testset(KMEANS)
N = len(TESTSET.cases)

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(10**400),
)
shapes = st.lists(st.one_of(st.integers(0, 6), st.sampled_from([2**31, 2**62, -1])), max_size=4)
arrays = st.builds(
    lambda offset, dtype, shape: {"array": [offset, dtype, shape]},
    st.one_of(st.integers(-4, 64), st.sampled_from([2**62, 10**30])),
    st.sampled_from(["<f8", "<i8", "|u1", "<f4", "|O", "<U4", ">f8", "<c16", "f8"]),
    shapes,
)
values = st.one_of(
    st.builds(lambda n: {"int": n}, numbers),
    st.builds(lambda n: {"float": n}, numbers),
    st.builds(lambda t: {"other": t}, st.text(max_size=20)),
    arrays,
    st.dictionaries(st.text(max_size=5), numbers, max_size=2),
    numbers,
)
records = st.fixed_dictionaries(
    {"test": st.one_of(st.integers(-2, N + 2), st.text(max_size=3), st.none())},
    optional={
        "seconds": st.one_of(numbers, st.text(max_size=3)),
        "values": st.one_of(st.lists(values, max_size=4), values),
        "sequence": st.sampled_from(["tuple", "list", "dict", 3]),
        "length": st.one_of(st.integers(-5, 2**40), st.floats()),
        "error": st.one_of(st.text(max_size=10), st.integers()),
        "message": st.one_of(st.text(max_size=10), st.integers()),
        "tb": st.one_of(st.text(max_size=10), st.none()),
        "fatal": st.sampled_from(["import", "missing_function", "other", 1]),
    },
)
lines = st.one_of(
    records.map(lambda r: json.dumps(r).encode()),
    st.binary(max_size=64),
    st.sampled_from([b"[" * 5000, b"NaN", b'{"test": 0, "seconds": Infinity}', b"{}"]),
)
outcomes = st.builds(
    Outcome,
    exit_code=st.one_of(st.none(), st.integers(0, 255)),
    signal=st.one_of(st.none(), st.sampled_from([6, 9, 11, 24, 25, 64])),
    stragglers=st.integers(0, 1),
    timed_out=st.booleans(),
    sandbox_died=st.booleans(),
    quota=st.one_of(st.none(), st.just("more than 512 files written")),
    overflow=st.one_of(st.none(), st.sampled_from(["results", "outputs", "stdout"])),
)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(lines, max_size=12),
    st.binary(max_size=256),
    st.binary(max_size=256),
    outcomes,
)
def test_any_bytes_back_give_a_verdict_and_standard_json(results, outputs, stdout, outcome):
    parsed = parse_results(b"\n".join(results), outputs, stdout, N)
    report = _grade(KMEANS, "judge", TESTSET.cases, TESTSET.expected, parsed, outcome)
    assert report.verdict in {
        "accepted",
        "wrong_answer",
        "runtime_error",
        "time_limit_exceeded",
        "memory_limit_exceeded",
        "compile_error",
    }
    assert len(report.tests) == N
    json.dumps(report.to_json(), allow_nan=False)
    if report.verdict == "accepted":  # only real, correct values for every test can do that
        assert outcome.clean or not (outcome.sandbox_died or outcome.overflow or outcome.quota)
