"""The judge's own decisions, without a sandbox: checking, reading results, grading, verdicts.

A :class:`FakeWorker` stands in for the warm sandbox. It either runs each job in this process
(decoding the job as the harness does and answering in the harness's format) or replays replies
written by hand, and it records every job, limit and progress call it was given. Every expected
value below is written out or computed here, never read back from the module under test.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import math
import signal
from types import SimpleNamespace

import numpy as np
import pytest

from mlprep.judge import runner
from mlprep.judge.disclosure import (
    BUILTIN_EXCEPTIONS,
    hidden_error_text,
    innermost_frame,
    scope_names,
)
from mlprep.judge.report import Report, overall_verdict, stored_verdict, verdict_label
from mlprep.judge.report import TestReport as OneTest  # (not a pytest class)
from mlprep.judge.results import JobResults, parse_results
from mlprep.judge.results import TestRecord as Record
from mlprep.judge.runner import _grade, job_payload, judge, limits_for, parameter_names
from mlprep.judge.worker import Limits, Outcome, Streams
from mlprep.problems import Case, load_problem
from mlprep.problems.checking import (
    Foreign,
    describe,
    first_difference,
    kind_error,
    kinds_error,
    values_error,
)
from mlprep.problems.schema import Output, Tolerance
from mlprep.problems.testset import TestSet as Cases  # (not a pytest class)
from mlprep.problems.testset import load_testset

KMEANS = load_problem("kmeans")
KMEANS_REFERENCE = (KMEANS.folder / "reference.py").read_text()
SAMPLES, HIDDEN = 4, 15  # kmeans: samples in problem.toml, hidden cases in tests.py
TOL = Tolerance(rtol=1e-5, atol=1e-8)


# --- a worker that needs no sandbox ----------------------------------------------------------


def unpack(inputs: bytes, spec: dict):
    if "value" in spec:
        return spec["value"]
    offset, dtype, shape = spec["array"]
    count = math.prod(shape)
    return np.frombuffer(inputs, dtype=dtype, count=count, offset=offset).reshape(shape).copy()


def encode(value, outputs: bytearray) -> dict:
    """One returned value in the harness's format (docs/sandbox.md)."""
    if isinstance(value, bool | np.bool_):
        return {"other": "bool"}
    if isinstance(value, np.ndarray):
        offset = len(outputs)
        outputs += value.tobytes()
        return {"array": [offset, value.dtype.str, list(value.shape)]}
    if isinstance(value, int | np.integer):
        return {"int": int(value)}
    if isinstance(value, float | np.floating):
        return {"float": float(value)}
    return {"other": type(value).__name__}


def record(test: int, result, outputs: bytearray, seconds: float = 0.001) -> dict:
    if type(result) in (tuple, list):
        values = [encode(v, outputs) for v in result]
        return {"test": test, "seconds": seconds, "sequence": type(result).__name__,
                "values": values, "length": len(result)}  # fmt: skip
    return {"test": test, "seconds": seconds, "values": [encode(result, outputs)]}


def lines(*records: dict) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def execute(header: dict, source: str, inputs: bytes, on_progress) -> tuple[Outcome, Streams]:
    """Run a job in this process the way the harness runs it in the sandbox."""
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        try:
            exec(compile(source, "solution.py", "exec"), namespace)
        except BaseException as exc:  # noqa: BLE001  (a solution may raise anything)
            fatal = {"fatal": "import", "error": type(exc).__name__, "message": str(exc), "tb": ""}
            return Outcome(exit_code=0), Streams(lines(fatal), b"", printed.getvalue().encode())
        function = namespace.get(header["function"])
        if function is None:
            fatal = {"fatal": "missing_function", "error": "", "message": "", "tb": ""}
            return Outcome(exit_code=0), Streams(lines(fatal), b"", printed.getvalue().encode())
        results, outputs = [], bytearray()
        for index, specs in enumerate(header["tests"]):
            args = [unpack(inputs, spec) for spec in specs]
            try:
                result = function(*args)
            except Exception as exc:  # noqa: BLE001
                tb = '  File "solution.py", line 3, in kmeans\n'
                results.append({"test": index, "seconds": 0.001, "error": type(exc).__name__,
                                "message": str(exc), "tb": tb})  # fmt: skip
            else:
                results.append(record(index, result, outputs))
            if on_progress is not None:
                on_progress(index + 1)
    streams = Streams(lines(*results), bytes(outputs), printed.getvalue().encode())
    return Outcome(exit_code=0), streams


class FakeWorker:
    """Runs jobs in-process, or replays ``replies`` (outcome, streams, progress calls) in order."""

    instances: list[FakeWorker] = []

    def __init__(self, replies: list | None = None) -> None:
        self.replies = None if replies is None else list(replies)
        self.jobs: list[SimpleNamespace] = []
        self.started = self.destroyed = 0
        FakeWorker.instances.append(self)

    def start(self) -> None:
        self.started += 1

    def destroy(self) -> None:
        self.destroyed += 1

    def run(self, parts: list[bytes], limits: Limits, on_progress=None):
        """Each part as a job of its own; like the real worker, stop after a part whose process
        ended (not clean) or that reported a fatal error, and count progress across parts."""
        outcome, streams, seen = Outcome(exit_code=0), [], 0
        for payload in parts:
            counter = (
                None if on_progress is None else lambda done, seen=seen: on_progress(seen + done)
            )
            outcome, part_streams, done = self._run_part(payload, limits, counter)
            streams.append(part_streams)
            seen += done
            if not outcome.clean or b'"fatal"' in part_streams.results:
                break
        return outcome, streams

    def _run_part(self, payload: bytes, limits: Limits, on_progress):
        head, _, rest = payload.partition(b"\n")
        header = json.loads(head)
        size = header["source_bytes"]
        job = SimpleNamespace(
            header=header,
            source=rest[:size].decode(),
            inputs=rest[size:],
            limits=limits,
            on_progress=on_progress,
        )
        self.jobs.append(job)
        if self.replies is None:
            outcome, streams = execute(header, job.source, job.inputs, on_progress)
            return outcome, streams, streams.results.count(b"\n")
        outcome, streams, progress = self.replies.pop(0)
        for done in progress:
            on_progress(done)
        return outcome, streams, max(progress, default=0)


def kmeans_with(body: str) -> str:
    """The reference kmeans with ``body`` run first on every call."""
    indented = "\n".join("    " + line for line in body.splitlines())
    return (
        KMEANS_REFERENCE.replace("def kmeans(", "def _kmeans(")
        + f"\n\ndef kmeans(X, init_centroids, max_iters=100):\n{indented}\n"
        + "    return _kmeans(X, init_centroids, max_iters)\n"
    )


def fake_judge(source: str, mode: str = "judge", problem=KMEANS, **kwargs):
    worker = kwargs.pop("worker", None) or FakeWorker()
    return judge(problem, source.encode(), mode=mode, worker=worker, **kwargs), worker


# --- problems/checking.py --------------------------------------------------------------------


def test_describe_names_arrays_foreign_values_and_numbers():
    assert describe(np.zeros((2, 3), dtype=np.int32)) == "int32 array of shape (2, 3)"
    assert describe(Foreign("str")) == "str"
    assert describe(1.5) == "float 1.5"
    assert describe(7) == "int 7"


@pytest.mark.parametrize(
    ("kind", "actual", "expected", "problem"),
    [
        ("float", 1.5, 0.0, None),
        ("float", 2, 0.0, None),  # an int is a fine float
        ("float", np.array(2.5), 0.0, None),  # a 0-d array is a number
        ("float", True, 0.0, "v: expected a float, got bool True"),
        ("float", Foreign("str"), 0.0, "v: expected a float, got str"),
        ("float", np.array([1.0]), 0.0, "v: expected a float, got float64 array of shape (1,)"),
        ("int", 3, 0, None),
        ("int", np.array(3), 0, None),
        ("int", 3.0, 0, "v: expected a int, got float 3.0"),
        ("int", False, 0, "v: expected a int, got bool False"),
        ("float_array", np.array([1, 2]), np.zeros(2), None),  # integers are numbers
        ("float_array", np.array([1.0, 2.0]), np.zeros(2), None),
        ("float_array", np.array([1], np.uint8), np.zeros(1), None),
        (
            "float_array",
            np.array([True, False]),
            np.zeros(2),
            "v: expected a numeric array, got bool array of shape (2,)",
        ),
        (
            "float_array",
            [1.0, 2.0],
            np.zeros(2),
            "v: expected a numeric array of shape (2,), got list [1.0, 2.0]",
        ),
        (
            "float_array",
            np.zeros((2, 1)),
            np.zeros(2),
            "v: expected shape (2,), got shape (2, 1)",
        ),
        ("int_array", np.array([1, 2]), np.zeros(2, int), None),
        ("int_array", np.array([1], np.uint16), np.zeros(1, int), None),
        (
            "int_array",
            np.array([1.0, 2.0]),
            np.zeros(2, int),
            "v: expected an integer array, got float64 array of shape (2,)",
        ),
        (
            "int_array",
            Foreign("NoneType"),
            np.zeros(3, int),
            "v: expected an integer array of shape (3,), got NoneType",
        ),
    ],
)
def test_kind_error_accepts_the_documented_kind_only(kind, actual, expected, problem):
    assert kind_error(Output(name="v", kind=kind), actual, expected) == problem


def test_first_difference_reports_the_first_index_the_count_and_both_values():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    actual = np.array([[1.0, 2.5], [3.0, 5.0]])
    assert first_difference("w", expected, actual, TOL) == (
        "w at index (0, 1): expected 2, got 2.5 (2 of 4 values differ)"
    )
    assert first_difference("w", expected, expected.copy(), TOL) is None
    one = first_difference("w", np.array([1.0, 2.0]), np.array([1.0, 7.0]), TOL)
    assert one == "w at index (1,): expected 2, got 7 (1 of 2 values differ)"


def test_first_difference_of_scalars_and_one_element_arrays_says_no_count():
    assert first_difference("loss", 0.25, 0.5, TOL) == "loss: expected 0.25, got 0.5"
    assert first_difference("x", np.array([1.0]), np.array([2.0]), TOL) == (
        "x at index (0,): expected 1, got 2"
    )


def test_first_difference_uses_the_tolerance_both_ways():
    # rtol: 1e-5 of 1000 is 0.01; atol alone covers tiny values.
    loose = Tolerance(rtol=1e-5, atol=0.0)
    assert first_difference("v", 1000.0, 1000.009, loose) is None
    assert first_difference("v", 1000.0, 1000.011, loose) == "v: expected 1000, got 1000.011"
    tight = Tolerance(rtol=0.0, atol=1e-3)
    assert first_difference("v", 0.0, 0.0009, tight) is None
    assert first_difference("v", 0.0, 0.0011, tight) == "v: expected 0, got 0.0011"
    assert first_difference("v", 1.0, 1.0 + 1e-9, TOL) is None


def test_first_difference_exact_for_integers_and_nan_never_matches():
    assert first_difference("n", 3, 3, TOL, exact=True) is None
    # 10**9 and 10**9 + 1 are close in relative terms, but integers must be equal.
    assert first_difference("n", 10**9, 10**9 + 1, TOL) is None
    assert first_difference("n", 10**9, 10**9 + 1, TOL, exact=True) == (
        "n: expected 1000000000, got 1000000001"
    )
    assert first_difference("v", 1.0, float("nan"), TOL) == "v: expected 1, got nan"


def test_the_count_is_of_the_values_that_differ():
    expected = np.array([1.0, 2.0, 3.0])
    assert first_difference("v", expected, np.array([1.0, 2.0, 9.0]), TOL) == (
        "v at index (2,): expected 3, got 9 (1 of 3 values differ)"
    )
    assert first_difference("v", expected, np.array([0.0, 0.0, 3.0]), TOL) == (
        "v at index (0,): expected 1, got 0 (2 of 3 values differ)"
    )


def test_the_problems_own_relative_tolerance_is_used_not_numpys_default():
    # numpy's default rtol is 1e-5: 1000.009 would pass with it, not with rtol 0
    absolute = Tolerance(rtol=0.0, atol=1e-3)
    assert first_difference("v", 1000.0, 1000.009, absolute) == "v: expected 1000, got 1000.009"
    relative = Tolerance(rtol=1e-3, atol=0.0)
    assert first_difference("v", 1000.0, 1000.9, relative) is None


def test_comparing_huge_values_prints_no_numpy_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning would reach the user's terminal
        message = first_difference("v", np.array([1e308]), np.array([-1e308]), TOL)
    assert message == ("v at index (0,): expected 1" + "0" * 308 + ", got -1" + "0" * 308)


def test_numbers_in_messages_keep_ten_decimals_without_trailing_zeros():
    message = first_difference("v", 0.123456789012, 0.5, TOL)
    assert message == "v: expected 0.123456789, got 0.5"


def test_kinds_and_values_error_report_the_first_bad_value_in_order():
    returns = [Output(name="a", kind="float"), Output(name="b", kind="int_array")]
    good = (1.0, np.array([1, 2]))
    assert kinds_error(returns, good, good) is None
    assert kinds_error(returns, good, (Foreign("str"), np.array([1.0]))) == (
        "a: expected a float, got str"
    )
    assert kinds_error(returns, good, (1.0, np.array([1.0, 2.0]))) == (
        "b: expected an integer array, got float64 array of shape (2,)"
    )
    assert values_error(returns, good, good, TOL) is None
    assert values_error(returns, good, (2.0, np.array([1, 3])), TOL) == "a: expected 1, got 2"
    assert values_error(returns, good, (1.0, np.array([1, 3])), TOL) == (
        "b at index (1,): expected 2, got 3 (1 of 2 values differ)"
    )
    # integer arrays are compared exactly, float ones with the tolerance
    big = (1.0, np.array([10**9]))
    assert values_error(returns, big, (1.0, np.array([10**9 + 1])), TOL) == (
        "b at index (0,): expected 1000000000, got 1000000001"
    )
    single = [Output(name="n", kind="int")]
    assert values_error(single, (10**9,), (10**9 + 1,), TOL) == (
        "n: expected 1000000000, got 1000000001"
    )
    assert values_error([Output(name="f", kind="float")], (1e9,), (1e9 + 1,), TOL) is None
    floats = [Output(name="c", kind="float_array")]
    assert values_error(floats, (np.array([1e9]),), (np.array([1e9 + 1]),), TOL) is None


def test_expected_and_actual_values_must_pair_up_one_to_one():
    returns = [Output(name="a", kind="float"), Output(name="b", kind="float")]
    with pytest.raises(ValueError):
        kinds_error(returns, (1.0, 2.0), (1.0,))
    with pytest.raises(ValueError):
        values_error(returns, (1.0, 2.0), (1.0,), TOL)


# --- judge/report.py -------------------------------------------------------------------------


def report_test(status: str, index: int = 0, sample: bool = True) -> OneTest:
    return OneTest(index=index, sample=sample, category="c", status=status)


@pytest.mark.parametrize(
    ("statuses", "verdict"),
    [
        (["passed", "passed"], "accepted"),
        (["passed", "wrong_answer", "time_limit_exceeded"], "wrong_answer"),
        (["not_run", "runtime_error"], "runtime_error"),
        (["not_run", "wrong_answer", "passed"], "wrong_answer"),
        (["passed", "not_run", "memory_limit_exceeded"], "memory_limit_exceeded"),
        (["passed", "not_run"], "runtime_error"),  # not every test passed, none failed
        (["not_run", "not_run"], "runtime_error"),
        ([], "runtime_error"),  # nothing ran: never accepted
    ],
)
def test_overall_verdict_is_the_first_test_that_did_not_pass(statuses, verdict):
    assert overall_verdict([report_test(s, i) for i, s in enumerate(statuses)]) == verdict


def test_report_counts_passed_tests_and_serialises_without_outputs():
    tests = [report_test("passed", 0), report_test("wrong_answer", 1), report_test("passed", 2)]
    report = Report("kmeans", "judge", "wrong_answer", tests=tests, message="m", stdout="out")
    report.sample_outputs[0] = (np.zeros(2),)
    assert (report.passed, report.total, report.accepted) == (2, 3, False)
    assert [t.passed for t in tests] == [True, False, True]
    report.sample_expected[0] = (np.ones(2),)
    data = report.to_json()
    assert list(data) == [  # the fields in order, then the counts; no samples' raw values
        "problem",
        "mode",
        "verdict",
        "tests",
        "message",
        "stdout",
        "seconds",
        "passed",
        "total",
    ]
    assert (data["passed"], data["total"], data["verdict"]) == (2, 3, "wrong_answer")
    data["tests"][0]["status"] = "changed"  # a copy: the report keeps its own
    assert tests[0].status == "passed"
    assert data["tests"][1] == {
        "index": 1,
        "sample": True,
        "category": "c",
        "status": "wrong_answer",
        "seconds": 0.0,
        "message": "",
        "name": "",
        "input": "",
        "expected": "",
        "actual": "",
    }
    assert (data["problem"], data["mode"], data["message"], data["stdout"]) == (
        "kmeans",
        "judge",
        "m",
        "out",
    )
    assert Report("kmeans", "judge", "accepted").accepted
    assert Report("kmeans", "judge", "accepted").total == 0
    assert not Report("kmeans", "run", "samples_passed").accepted, "a run is never accepted"
    assert Report("kmeans", "run", "samples_passed").all_passed


# --- judge/results.py ------------------------------------------------------------------------


def parse(*records, outputs: bytes = b"", stdout: bytes = b"", n: int = 3) -> JobResults:
    raw = b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)
    return parse_results(raw, outputs, stdout, n)


def test_records_become_values_arrays_and_sequences():
    outputs = np.array([[1.5, 2.5]]).tobytes() + np.array([7, 8, 9], dtype="<i4").tobytes()
    parsed = parse(
        {"test": 0, "seconds": 0.25, "values": [{"float": 0.5}]},
        {"test": 1, "seconds": 1, "sequence": "tuple", "length": 2,
         "values": [{"array": [0, "<f8", [1, 2]]}, {"array": [16, "<i4", [3]]}]},
        {"test": 2, "seconds": 0, "sequence": "list", "length": 2,
         "values": [{"int": -3}, {"other": "str"}]},
        outputs=outputs,
    )  # fmt: skip
    first, second, third = parsed.tests[0], parsed.tests[1], parsed.tests[2]
    assert first == Record(seconds=0.25, values=(0.5,), sequence=None, length=1)
    assert second.seconds == 1.0 and type(second.seconds) is float
    assert (second.sequence, second.length) == ("tuple", 2)
    centroids, labels = second.values
    assert centroids.dtype == np.float64 and centroids.tolist() == [[1.5, 2.5]]
    assert labels.dtype == np.dtype("<i4") and labels.tolist() == [7, 8, 9]
    assert third.values == (-3, Foreign("str")) and third.sequence == "list"
    assert parsed.fatal is None and parsed.stdout == b""


def test_the_first_record_of_a_test_wins_and_indices_outside_the_job_are_ignored():
    parsed = parse(
        {"test": 0, "seconds": 0.1, "values": [{"int": 1}]},
        {"test": 0, "seconds": 0.1, "values": [{"int": 2}]},
        {"test": 3, "seconds": 0.1, "values": [{"int": 3}]},  # a job of three tests: 0..2
        {"test": -1, "seconds": 0.1, "values": [{"int": 4}]},
        {"test": True, "seconds": 0.1, "values": [{"int": 5}]},  # a bool is not an index
        {"test": 2.0, "seconds": 0.1, "values": [{"int": 6}]},
        {"test": 2, "seconds": 0.1, "values": [{"int": 7}]},
    )
    assert {i: r.values for i, r in parsed.tests.items()} == {0: (1,), 2: (7,)}


def test_noise_half_lines_and_deep_nesting_are_skipped():
    parsed = parse(
        b"hello from print",
        b"[" * 100_000,
        b"[1, 2]",
        b'"text"',
        b'{"test": 1, "seconds": 0.5, "values": [{"float": 2.0}]',  # cut short
        {"test": 1, "seconds": 0.5, "values": [{"float": 3.0}]},
    )
    assert list(parsed.tests) == [1] and parsed.tests[1].values == (3.0,)


def test_only_the_first_four_megabytes_of_results_are_read():
    filler = b" " * (4 * 2**20 - 1) + b"\n"
    inside = json.dumps({"test": 0, "seconds": 0.1, "values": [{"int": 1}]}).encode()
    whole = inside + b"\n" + filler
    assert parse_results(whole, b"", b"", 2).tests[0].values == (1,)
    late = json.dumps({"test": 1, "seconds": 0.1, "values": [{"int": 2}]}).encode()
    assert 1 not in parse_results(whole + late + b"\n", b"", b"", 2).tests
    # a record that ends exactly at the limit is read; one byte later it is cut
    pad = 4 * 2**20 - len(late) - 1
    assert parse_results(b" " * pad + b"\n" + late, b"", b"", 2).tests[1].values == (2,)
    assert not parse_results(b" " * (pad + 1) + b"\n" + late, b"", b"", 2).tests


def test_stdout_is_kept_to_four_thousand_bytes_and_decoded_leniently():
    parsed = parse(stdout=b"a" * 3999 + b"\xff" + b"z" * 10)
    assert len(parsed.stdout) == 4000
    assert parsed.shown_stdout() == "a" * 3999 + "\ufffd"
    assert JobResults(stdout=b"x" * 5000).shown_stdout() == "x" * 4000


@pytest.mark.parametrize(
    ("seconds", "kept"),
    [(0, 0.0), (3600, 3600.0), (2.5, 2.5), (-0.001, None), (3600.5, None), (True, None),
     ("1", None), (None, None)],
)  # fmt: skip
def test_seconds_must_be_a_number_from_zero_to_an_hour(seconds, kept):
    parsed = parse({"test": 0, "seconds": seconds, "values": [{"int": 1}]})
    if kept is None:
        assert parsed.tests[0] == Record(
            seconds=0.0, error="JudgeError", message="malformed result record"
        )
    else:
        assert parsed.tests[0].seconds == kept and parsed.tests[0].values == (1,)


def test_an_exception_record_keeps_its_name_message_and_traceback_trimmed():
    parsed = parse(
        {"test": 0, "seconds": 0.1, "error": "ValueError", "message": "bad", "tb": "line 3\n"},
        {"test": 1, "seconds": 0.1, "error": "E" * 150, "message": "m" * 5000, "tb": 7},
        {"test": 2, "seconds": 0.1, "error": 12},
    )
    assert parsed.tests[0] == Record(
        seconds=0.1, error="ValueError", message="bad", traceback="line 3\n"
    )
    assert parsed.tests[1] == Record(seconds=0.1, error="E" * 100, message="m" * 4000, traceback="")
    assert parsed.tests[2] == Record(seconds=0.1, error="Exception")


def test_fatal_records_are_kept_once_with_their_kind_and_trimmed_texts():
    parsed = parse(
        {"fatal": "missing_function", "error": "", "message": "", "tb": ""},
        {"fatal": "import", "error": "SyntaxError"},
    )
    assert parsed.fatal == {"kind": "missing_function", "error": "", "message": "", "traceback": ""}
    odd = parse({"fatal": "other", "error": "X" * 200, "message": "m" * 4001, "tb": "t"}).fatal
    assert odd == {"kind": "import", "error": "X" * 100, "message": "m" * 4000, "traceback": "t"}
    imported = parse({"fatal": "import", "error": "ImportError", "message": "no", "tb": None})
    assert imported.fatal == {
        "kind": "import",
        "error": "ImportError",
        "message": "no",
        "traceback": "",
    }
    assert not imported.tests


@pytest.mark.parametrize(
    "values",
    [None, [], "x", [{"int": 1}] * 101, [{"int": 1, "float": 2.0}], [{}], [{"int": 1.5}],
     [{"float": 1}], [{"other": 3}], [{"tuple": 1}], [7]],
)  # fmt: skip
def test_malformed_values_are_a_judge_error_for_that_test(values):
    record = parse({"test": 0, "seconds": 0.5, "values": values}).tests[0]
    assert record.error == "JudgeError" and record.values is None
    assert record.message in ("malformed result record", "malformed value")
    assert record.seconds == 0.5


def test_a_hundred_values_are_fine_and_other_names_are_cut_to_a_hundred():
    record = parse({"test": 0, "seconds": 0.5, "values": [{"int": 1}] * 100}).tests[0]
    assert record.values == (1,) * 100 and record.length == 100
    named = parse({"test": 0, "seconds": 0, "values": [{"other": "T" * 150}]}).tests[0]
    assert named.values == (Foreign("T" * 100),)


def test_integers_beyond_64_bits_become_foreign_and_the_edges_are_kept():
    record = parse(
        {"test": 0, "seconds": 0, "sequence": "tuple", "length": 4,
         "values": [{"int": 2**63 - 1}, {"int": -(2**63)}, {"int": 2**63}, {"int": -(2**63) - 1}]}
    ).tests[0]  # fmt: skip
    assert record.values == (
        2**63 - 1,
        -(2**63),
        Foreign("int out of range"),
        Foreign("int out of range"),
    )


@pytest.mark.parametrize(
    ("length", "kept"),
    [(5, 5), (0, 0), (2**31, 2**31), (2**31 + 1, 1), (-1, 1), (2.0, 1), (True, 1), ("3", 1)],
)
def test_a_sequence_length_is_kept_only_when_plausible(length, kept):
    record = parse(
        {"test": 0, "seconds": 0, "sequence": "dict", "length": length, "values": [{"int": 1}]}
    ).tests[0]
    assert record.length == kept and record.sequence is None


def array_record(offset, dtype, shape) -> dict:
    return {"test": 0, "seconds": 0.5, "values": [{"array": [offset, dtype, shape]}]}


@pytest.mark.parametrize(
    ("array", "message"),
    [
        ([0, "<f8"], "malformed array"),
        ("0,<f8,[1]", "malformed array"),
        ([0, "<f8", [1], 4], "malformed array"),
        ([0, "|O", [1]], "unexpected array dtype '|O'"),
        ([0, "<U4", [1]], "unexpected array dtype '<U4'"),
        ([0, "f8", [1]], "unexpected array dtype 'f8'"),
        ([0, "<c16", [1]], "unexpected array dtype '<c16'"),
        ([0, "<f8 ", [1]], "unexpected array dtype '<f8 '"),
        ([0, 8, [1]], "unexpected array dtype '8'"),
        ([0, "x" * 60, [1]], f"unexpected array dtype '{'x' * 40}'"),
        ([0, "<f8", 1], "malformed array shape"),
        ([0, "<f8", [-1]], "malformed array shape"),
        ([0, "<f8", [1.0]], "malformed array shape"),
        ([0, "<f8", [True]], "malformed array shape"),
        ([0, "<f8", [16 * 2**20 + 1]], "malformed array shape"),
        ([0, "|u1", [1] * 33], "malformed array shape"),
        ([-1, "<f8", [1]], "malformed array shape"),
        ([1.0, "<f8", [1]], "malformed array shape"),
        ([17, "|u1", [0]], "malformed array shape"),  # past the end of 16 bytes
        ([9, "<f8", [1]], "array data missing (was the output cut short?)"),
        ([0, "<f8", [3]], "array data missing (was the output cut short?)"),
        ([0, "|u1", [4096, 4097]], "array data missing (was the output cut short?)"),
    ],
)
def test_arrays_are_rebuilt_only_from_sane_descriptors(array, message):
    outputs = bytes(range(16))
    record = {"test": 0, "seconds": 0.5, "values": [{"array": array}]}
    assert parse(record, outputs=outputs).tests[0] == Record(
        seconds=0.5, error="JudgeError", message=message
    )


def test_arrays_at_the_edges_of_the_limits_are_rebuilt():
    outputs = np.arange(2, dtype="<f8").tobytes()
    exact = parse(array_record(0, "<f8", [2]), outputs=outputs).tests[0].values[0]
    assert exact.tolist() == [0.0, 1.0]
    assert parse(array_record(8, "<f8", [1]), outputs=outputs).tests[0].values[0].tolist() == [1.0]
    empty = parse(array_record(16, "<f8", [0]), outputs=outputs).tests[0].values[0]
    assert empty.shape == (0,)
    scalar = parse(array_record(8, ">f8", []), outputs=np.array([0.0, 2.0], ">f8").tobytes())
    assert scalar.tests[0].values[0].shape == () and float(scalar.tests[0].values[0]) == 2.0
    deep = parse(array_record(0, "|u1", [1] * 32), outputs=b"\x05").tests[0].values[0]
    assert deep.shape == (1,) * 32 and deep.item() == 5
    big = bytes(16 * 2**20)
    assert parse(array_record(0, "|u1", [16 * 2**20]), outputs=big).tests[0].values[0].size == (
        16 * 2**20
    )
    assert parse(array_record(0, "|u1", [4096, 4096]), outputs=big).tests[0].values[0].shape == (
        4096,
        4096,
    )


def test_a_rebuilt_array_is_a_copy_not_a_view_of_the_stream():
    outputs = bytearray(np.array([1.0]).tobytes())
    array = parse(array_record(0, "<f8", [1]), outputs=bytes(outputs)).tests[0].values[0]
    array[0] = 5.0  # writable: it owns its memory
    assert array.flags.owndata


def test_a_dtype_numpy_refuses_is_a_malformed_record_of_that_test_only():
    parsed = parse(array_record(0, "<b8", [1]), {"test": 1, "seconds": 0, "values": [{"int": 1}]},
                   outputs=bytes(8))  # fmt: skip
    assert parsed.tests[0] == Record(
        seconds=0.0, error="JudgeError", message="malformed result record (TypeError)"
    )
    assert parsed.tests[1].values == (1,)


def test_merging_parts_offsets_indices_keeps_the_first_record_and_the_first_fatal():
    first = parse({"test": 0, "seconds": 0, "values": [{"int": 1}]})
    first.fatal = {"kind": "import"}
    second = parse(
        {"test": 0, "seconds": 0, "values": [{"int": 2}]},
        {"test": 1, "seconds": 0, "values": [{"int": 3}]},
    )
    second.fatal = {"kind": "missing_function"}
    first.add(second, 1)
    assert {i: r.values for i, r in first.tests.items()} == {0: (1,), 1: (2,), 2: (3,)}
    assert first.fatal == {"kind": "import"}
    clean = JobResults()
    clean.add(second, 0)
    assert clean.fatal == {"kind": "missing_function"}
    again = parse({"test": 0, "seconds": 0, "values": [{"int": 9}]})
    clean.add(again, 0)
    assert clean.tests[0].values == (2,), "a test already reported keeps its first record"


# --- judge/runner.py: grading -----------------------------------------------------------------


def tiny_cases() -> list[Case]:
    """Two kmeans-shaped cases: the first named as a sample of kmeans, the second hidden."""
    sample = Case(
        "two_blobs",
        (np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([[0.0, 0.0]]), 5),
        "basic",
    )
    hidden = Case("secret", (np.array([[2.0, 4.0]]), np.array([[2.0, 4.0]]), 3), "ties")
    return [sample, hidden]


TINY_EXPECTED = [
    (np.array([[0.5, 0.5]]), np.array([0, 0])),
    (np.array([[2.0, 4.0]]), np.array([0])),
]


def results_of(*records: Record | None) -> JobResults:
    return JobResults(tests={i: r for i, r in enumerate(records) if r is not None})


def ok(values: tuple, sequence: str = "tuple") -> Record:
    return Record(seconds=0.125, values=values, sequence=sequence, length=len(values))


def grade(
    *records, outcome: Outcome | None = None, stdout: bytes = b"", source: str = ""
) -> Report:
    results = results_of(*records)
    results.stdout = stdout
    outcome = outcome or Outcome(exit_code=0)
    return _grade(KMEANS, "judge", tiny_cases(), TINY_EXPECTED, results, outcome, source)


def test_a_right_answer_is_accepted_and_the_sample_is_shown_in_full():
    report = grade(ok(TINY_EXPECTED[0]), ok(TINY_EXPECTED[1]), stdout=b"hi\n")
    assert (report.verdict, report.message, report.stdout) == ("accepted", "", "hi\n")
    assert (report.problem, report.mode) == ("kmeans", "judge")
    sample, hidden = report.tests
    assert (sample.index, sample.sample, sample.category, sample.status) == (
        0,
        True,
        "basic",
        "passed",
    )
    assert sample.seconds == 0.125
    assert sample.name == "two_blobs"
    assert sample.input == (
        "X = [[0., 0.],\n [1., 1.]]\ninit_centroids = [[0., 0.]]\nmax_iters = 5"
    )
    assert sample.expected == "centroids = [[0.5, 0.5]]\nlabels = [0, 0]"
    assert sample.actual == "centroids = [[0.5, 0.5]]\nlabels = [0, 0]"
    assert (hidden.index, hidden.sample, hidden.category, hidden.status) == (
        1,
        False,
        "ties",
        "passed",
    )
    assert hidden.name == hidden.input == hidden.expected == hidden.actual == ""
    assert sample.message == hidden.message == ""
    assert list(report.sample_outputs) == [0]
    assert report.sample_outputs[0][0].tolist() == [[0.5, 0.5]]


def test_a_wrong_sample_says_where_and_a_wrong_hidden_test_says_nothing():
    wrong_sample = ok((np.array([[0.5, 0.75]]), np.array([0, 0])))
    wrong_hidden = ok((np.array([[2.0, 4.0]]), np.array([1])))
    report = grade(wrong_sample, wrong_hidden)
    assert report.verdict == "wrong_answer"
    sample, hidden = report.tests
    assert sample.status == hidden.status == "wrong_answer"
    assert (
        sample.message == "centroids at index (0, 1): expected 0.5, got 0.75 (1 of 2 values differ)"
    )
    assert sample.actual == "centroids = [[0.5 , 0.75]]\nlabels = [0, 0]"
    assert hidden.message == ""
    report = grade(ok(TINY_EXPECTED[0]), wrong_hidden)
    assert report.verdict == "wrong_answer" and report.tests[1].message == ""


def test_returned_values_of_the_wrong_shape_or_count_are_named():
    single = Record(seconds=0.1, values=(np.array([[0.5, 0.5]]),), sequence=None, length=1)
    report = grade(single, ok(TINY_EXPECTED[1]))
    assert report.tests[0].message == (
        "expected a tuple of 2 values (centroids, labels), got float64 array of shape (1, 2)"
    )
    three = Record(seconds=0.1, values=(*TINY_EXPECTED[0], 1), sequence="list", length=3)
    assert grade(three, ok(TINY_EXPECTED[1])).tests[0].message == (
        "expected 2 values (centroids, labels), got 3"
    )
    assert grade(three, ok(TINY_EXPECTED[1])).tests[0].status == "wrong_answer"
    report = grade(ok(TINY_EXPECTED[0]), three)
    assert (report.verdict, report.tests[1].status, report.tests[1].message) == (
        "wrong_answer",
        "wrong_answer",
        "",
    ), "a hidden test's shape is not revealed either"
    long = Record(seconds=0.1, values=TINY_EXPECTED[0], sequence="tuple", length=200)
    assert grade(long, ok(TINY_EXPECTED[1])).tests[0].message == (
        "expected 2 values (centroids, labels), got 200"
    )
    as_list = ok(TINY_EXPECTED[0], sequence="list")
    assert grade(as_list, ok(TINY_EXPECTED[1])).verdict == "accepted", "a list is fine too"
    floats = ok((np.array([[0.5, 0.5]]), np.array([0.0, 0.0])))
    assert grade(floats, ok(TINY_EXPECTED[1])).tests[0].message == (
        "labels: expected an integer array, got float64 array of shape (2,)"
    )


def test_a_single_value_returned_as_a_tuple_is_wrong_for_a_one_value_problem():
    softmax = load_problem("softmax")
    case = Case(softmax.meta.samples[0], (np.array([0.0, 0.0]),))
    expected = [(np.array([0.5, 0.5]),)]
    right = Record(seconds=0.1, values=(np.array([0.5, 0.5]),), length=1)
    report = _grade(softmax, "run", [case], expected, results_of(right), Outcome(exit_code=0))
    assert report.verdict == "samples_passed"
    boxed = Record(seconds=0.1, values=(np.array([0.5, 0.5]),), sequence="tuple", length=1)
    report = _grade(softmax, "run", [case], expected, results_of(boxed), Outcome(exit_code=0))
    assert (
        report.tests[0].message
        == "p: expected a numeric array of shape (2,), got tuple of 1 values"
    )
    assert report.tests[0].actual == "p = [0.5, 0.5]"  # what was inside the tuple


BOOM_SOURCE = "import numpy as np\n\ndef kmeans(X, c, m):\n    raise ValueError(X.sum())\n"
BOOM_FRAME = '  File "solution.py", line 4, in kmeans\n    raise ValueError(X.sum())\n'


def test_exceptions_show_their_message_on_samples_only():
    boom = Record(seconds=0.1, error="ValueError", message="secret 42", traceback=BOOM_FRAME)
    report = grade(boom, boom, source=BOOM_SOURCE)
    sample, hidden = report.tests
    assert report.verdict == "runtime_error"
    assert sample.message == f"Traceback (your code):\n{BOOM_FRAME}ValueError: secret 42"
    assert hidden.message == f"Traceback (your code):\n{BOOM_FRAME}ValueError"
    assert (sample.seconds, hidden.seconds) == (0.1, 0.0)  # a hidden test's time is not told
    bare = Record(seconds=0.1, error="KeyError", message="", traceback="")
    assert grade(bare, bare).tests[0].message == "KeyError"
    plain = Record(seconds=0.1, error="KeyError", message="'k'", traceback="")
    assert grade(plain, plain).tests[0].message == "KeyError: 'k'"


def test_memory_and_output_errors_have_their_own_status():
    memory = Record(seconds=0.1, error="MemoryError")
    report = grade(ok(TINY_EXPECTED[0]), memory)
    assert report.verdict == "memory_limit_exceeded"
    assert report.tests[1].message == "MemoryError: the memory limit was exceeded"
    output = Record(seconds=0.1, error="OutputLimitExceeded")
    report = grade(output, ok(TINY_EXPECTED[1]))
    assert (report.verdict, report.tests[0].message) == (
        "runtime_error",
        "output limit exceeded: the solution wrote more than 16 MB",
    )


def test_a_hidden_tests_memory_output_and_malformed_errors_are_told_in_the_hosts_words():
    output = Record(seconds=0.1, error="OutputLimitExceeded", message="x", traceback=BOOM_FRAME)
    assert grade(ok(TINY_EXPECTED[0]), output).tests[1].message == (
        "output limit exceeded: the solution wrote more than 16 MB"
    )
    memory = Record(seconds=0.1, error="MemoryError", message="x", traceback=BOOM_FRAME)
    assert grade(ok(TINY_EXPECTED[0]), memory).tests[1].message == (
        "MemoryError: the memory limit was exceeded"
    )
    forged = Record(seconds=0.1, error="JudgeError", message="unexpected array dtype 'LEAK'")
    sample, hidden = grade(forged, forged).tests
    assert sample.message == "JudgeError: unexpected array dtype 'LEAK'"
    assert hidden.message == "the solution's process wrote a malformed result record"
    assert (sample.status, hidden.status) == ("runtime_error", "runtime_error")


def users_own_test() -> Cases:
    """A custom run's one test: a kmeans case that is not a sample, with its expected outputs."""
    testset = load_testset(KMEANS)
    n = len(KMEANS.meta.samples)
    assert not KMEANS.is_sample(testset.cases[n])
    return Cases([testset.cases[n]], [testset.expected[n]])


def test_a_custom_run_judges_only_the_users_own_test_and_shows_it():
    report, _ = fake_judge(KMEANS_REFERENCE, "custom", custom=users_own_test())
    assert (report.verdict, report.total, report.passed) == ("matches_reference", 1, 1)
    assert [t.sample for t in report.tests] == [True]
    assert report.tests[0].input and report.tests[0].actual


@pytest.mark.parametrize(
    ("source", "status"),
    [
        ("def (\n" + KMEANS_REFERENCE, "not_run"),  # a syntax error: refused before it runs
        ("raise ValueError('at import')\n" + KMEANS_REFERENCE, "not_run"),  # fails at import
    ],
)
def test_a_custom_run_that_never_reaches_its_test_still_shows_it(source, status):
    report, _ = fake_judge(source, "custom", custom=users_own_test())
    assert [(t.sample, t.status) for t in report.tests] == [(True, status)]


def test_a_run_keeps_each_samples_expected_values_for_its_picture():
    report, _ = fake_judge(KMEANS_REFERENCE, "run")
    testset = load_testset(KMEANS)
    n = len(KMEANS.meta.samples)
    assert sorted(report.sample_expected) == list(range(n))
    for i in range(n):
        kept, expected = report.sample_expected[i], testset.expected[i]
        assert len(kept) == len(expected)
        assert all(np.array_equal(a, b) for a, b in zip(kept, expected, strict=True))


# --- judge/disclosure.py ---------------------------------------------------------------------

NESTED_SOURCE = (
    "import numpy as np\n"  # 1
    "\n"  # 2
    "class Model:\n"  # 3
    "    def fit(self, X):\n"  # 4
    "        return [1 / x for x in X]\n"  # 5
    "\n"  # 6
    "def kmeans(X, c, m):\n"  # 7
    "    return Model().fit(X)\n"  # 8
)


def frames(*where: tuple[int, str]) -> str:
    return "".join(f'  File "solution.py", line {n}, in {f}\n    LEAK 1.5 2.5\n' for n, f in where)


def test_a_hidden_frame_is_the_innermost_one_retold_from_the_submitted_source():
    told = innermost_frame(frames((8, "kmeans"), (5, "fit"), (5, "<listcomp>")), NESTED_SOURCE)
    assert told == '  File "solution.py", line 5, in <listcomp>\n    return [1 / x for x in X]\n'
    assert innermost_frame(frames((8, "kmeans")), NESTED_SOURCE) == (
        '  File "solution.py", line 8, in kmeans\n    return Model().fit(X)\n'
    )
    assert innermost_frame(frames((3, "Model")), NESTED_SOURCE).startswith(
        '  File "solution.py", line 3, in Model\n'
    )
    assert innermost_frame(frames((1, "<module>")), NESTED_SOURCE) == (
        '  File "solution.py", line 1, in <module>\n    import numpy as np\n'
    )
    # a blank line has no text to show
    assert innermost_frame(frames((2, "<module>")), NESTED_SOURCE) == (
        '  File "solution.py", line 2, in <module>\n'
    )


@pytest.mark.parametrize(
    "traceback",
    [
        frames((9, "kmeans")),  # one past the last line
        frames((0, "kmeans")),
        frames((5, "LEAK_1_5")),  # a function the source does not define
        frames((5, "fit"), (8, "leak")),  # the innermost frame decides, not an earlier one
        "LEAK 1.5 2.5\n",  # no frame at all
        '  File "other.py", line 5, in fit\n',  # not the solution's file
    ],
)
def test_a_frame_the_source_cannot_have_is_not_told(traceback):
    assert innermost_frame(traceback, NESTED_SOURCE) == ""


def test_a_source_that_does_not_parse_allows_only_the_scopes_python_names_itself():
    broken = "def kmeans(:\n    pass\n"
    assert scope_names(broken) == {
        "<module>", "<lambda>", "<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"
    }  # fmt: skip
    assert scope_names(NESTED_SOURCE) == scope_names(broken) | {"Model", "fit", "kmeans"}


def test_a_hidden_error_names_a_built_in_exception_or_says_it_is_the_solutions_own():
    where = frames((8, "kmeans"))
    frame = '  File "solution.py", line 8, in kmeans\n    return Model().fit(X)\n'
    assert hidden_error_text("ZeroDivisionError", where, NESTED_SOURCE) == (
        f"Traceback (your code):\n{frame}ZeroDivisionError"
    )
    assert hidden_error_text("Leak_1_5_2_5", where, NESTED_SOURCE) == (
        f"Traceback (your code):\n{frame}an exception of the solution's own class"
    )
    assert hidden_error_text("KeyError", "", NESTED_SOURCE) == "KeyError"
    assert hidden_error_text("", "", NESTED_SOURCE) == "an exception of the solution's own class"
    assert {"KeyboardInterrupt", "SystemExit", "ValueError", "Exception"} <= BUILTIN_EXCEPTIONS
    assert "JudgeError" not in BUILTIN_EXCEPTIONS and "print" not in BUILTIN_EXCEPTIONS


def test_a_fatal_record_in_the_hidden_part_is_a_forgery_and_ignored():
    testset = load_testset(KMEANS)
    outputs = bytearray()
    samples = [record(i, testset.expected[i], outputs) for i in range(SAMPLES)]
    good = (Outcome(exit_code=0), Streams(lines(*samples), bytes(outputs), b"S"), [])
    fatal = {"fatal": "import", "error": "ValueError", "message": "LEAK 1.5", "tb": ""}
    forged = (Outcome(exit_code=0), Streams(lines(fatal)), [])
    report, _ = fake_judge("def kmeans(): pass", worker=FakeWorker([good, forged]))
    assert report.message == "" and "LEAK" not in json.dumps(report.to_json())
    assert [t.status for t in report.tests] == ["passed"] * SAMPLES + ["runtime_error"] + [
        "not_run"
    ] * (HIDDEN - 1)
    assert report.tests[SAMPLES].message == "the process exited early (exit status 0)"


@pytest.mark.parametrize(
    ("outcome", "status", "message"),
    [
        (Outcome(timed_out=True), "time_limit_exceeded", "time limit exceeded"),
        (Outcome(signal=signal.SIGXCPU), "time_limit_exceeded", "time limit exceeded"),
        (Outcome(signal=signal.SIGKILL), "time_limit_exceeded", "time limit exceeded"),
        (
            Outcome(signal=signal.SIGXFSZ),
            "runtime_error",
            "output limit exceeded: the solution wrote more than 16 MB",
        ),
        (
            Outcome(signal=signal.SIGSEGV),
            "runtime_error",
            "the process crashed (segmentation fault); deep recursion?",
        ),
        (
            Outcome(signal=signal.SIGABRT),
            "runtime_error",
            "the process was killed by signal SIGABRT",
        ),
        (
            Outcome(sandbox_died=True),
            "runtime_error",
            "the sandbox ended unexpectedly (did the solution kill its parent?)",
        ),
        (Outcome(exit_code=3), "runtime_error", "the process exited early (exit status 3)"),
        (
            Outcome(overflow="stdout", timed_out=True, signal=signal.SIGKILL),
            "runtime_error",
            "output limit exceeded: the solution wrote more than 16 MB",
        ),
        (
            Outcome(quota="wrote more than 512 files", timed_out=True),
            "runtime_error",
            "file limit exceeded: the solution wrote more than 512 files",
        ),
        (
            Outcome(timed_out=True, signal=signal.SIGSEGV, sandbox_died=True),
            "time_limit_exceeded",
            "time limit exceeded",
        ),
        (
            Outcome(signal=signal.SIGSEGV, sandbox_died=True),
            "runtime_error",
            "the process crashed (segmentation fault); deep recursion?",
        ),
    ],
)
def test_the_first_missing_result_says_how_the_run_ended_and_the_rest_did_not_run(
    outcome, status, message
):
    report = grade(ok(TINY_EXPECTED[0]), None, outcome=outcome)
    assert report.tests[0].status == "passed"
    assert (report.tests[1].status, report.tests[1].message) == (status, message)
    assert report.verdict == status
    report = grade(None, None, outcome=outcome)
    assert [(t.status, t.message) for t in report.tests] == [
        (status, message),
        ("not_run", "not run: an earlier test ended the run"),
    ]
    assert report.tests[0].actual == "" and report.tests[0].name == "two_blobs"
    assert report.tests[0].expected == "centroids = [[0.5, 0.5]]\nlabels = [0, 0]"
    assert report.sample_outputs == {}


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (
            Outcome(exit_code=0, sandbox_died=True),
            "the sandbox ended unexpectedly (did the solution kill its parent?)",
        ),
        (
            Outcome(exit_code=0, overflow="outputs"),
            "output limit exceeded: the solution wrote more than 16 MB",
        ),
        (
            Outcome(exit_code=0, quota="wrote 600 files"),
            "file limit exceeded: the solution wrote 600 files",
        ),
    ],
)
def test_every_result_right_but_a_broken_run_is_not_accepted(outcome, message):
    report = grade(ok(TINY_EXPECTED[0]), ok(TINY_EXPECTED[1]), outcome=outcome)
    assert (report.verdict, report.message) == ("runtime_error", message)
    assert [t.status for t in report.tests] == ["passed", "passed"]


@pytest.mark.parametrize(
    "outcome",
    [
        Outcome(exit_code=0, stragglers=1),
        Outcome(exit_code=0, timed_out=True),
        Outcome(exit_code=1),
    ],
)
def test_every_result_right_with_leftovers_or_a_late_timeout_is_still_accepted(outcome):
    report = grade(ok(TINY_EXPECTED[0]), ok(TINY_EXPECTED[1]), outcome=outcome)
    assert (report.verdict, report.message) == ("accepted", "")


def test_a_wrong_answer_in_a_broken_run_stays_a_wrong_answer():
    wrong = ok((np.array([[2.0, 4.0]]), np.array([1])))
    report = grade(ok(TINY_EXPECTED[0]), wrong, outcome=Outcome(exit_code=0, sandbox_died=True))
    assert (report.verdict, report.message) == ("wrong_answer", "")


@pytest.mark.parametrize(
    ("fatal", "verdict", "message"),
    [
        (
            {"kind": "missing_function", "error": "", "message": "", "traceback": ""},
            "compile_error",
            "the solution defines no function named 'kmeans'",
        ),
        (
            {"kind": "import", "error": "MemoryError", "message": "", "traceback": ""},
            "memory_limit_exceeded",
            "MemoryError while importing the solution",
        ),
        (
            {"kind": "import", "error": "NameError", "message": "name 'x' is not defined",
             "traceback": '  File "solution.py", line 1\n'},
            "runtime_error",
            'Traceback (your code):\n  File "solution.py", line 1\n'
            "NameError: name 'x' is not defined",
        ),
        (
            {"kind": "import", "error": "SystemExit", "message": "0", "traceback": ""},
            "runtime_error",
            "SystemExit: 0\n(the solution called exit() while being imported)",
        ),
    ],
)  # fmt: skip
def test_a_solution_that_cannot_be_imported_runs_no_test(fatal, verdict, message):
    results = results_of(ok(TINY_EXPECTED[0]))
    results.fatal = fatal
    report = _grade(KMEANS, "judge", tiny_cases(), TINY_EXPECTED, results, Outcome(exit_code=0))
    assert (report.verdict, report.message) == (verdict, message)
    assert [(t.index, t.sample, t.category, t.status) for t in report.tests] == [
        (0, True, "basic", "not_run"),
        (1, False, "ties", "not_run"),
    ]


def test_a_problem_checker_decides_and_gets_the_default_check():
    pca = load_problem("pca")
    testset = load_testset(pca)
    case, expected = testset.cases[0], testset.expected[0]
    components, ratio = expected
    flipped = Record(seconds=0.1, values=(-components, ratio), sequence="tuple", length=2)
    report = _grade(pca, "run", [case], [expected], results_of(flipped), Outcome(exit_code=0))
    assert report.verdict == "samples_passed", "PCA directions are defined up to sign"
    off = Record(seconds=0.1, values=(components, ratio + 0.5), sequence="tuple", length=2)
    report = _grade(pca, "run", [case], [expected], results_of(off), Outcome(exit_code=0))
    want = float(ratio[0])
    assert report.tests[0].message.startswith(
        f"explained_variance_ratio at index (0,): expected {want:.10g}, got {want + 0.5:.10g}"
    )
    loose = dataclasses.replace(pca.meta, tolerance=Tolerance(rtol=0.0, atol=0.6))
    lenient = dataclasses.replace(pca, meta=loose)
    report = _grade(lenient, "run", [case], [expected], results_of(off), Outcome(exit_code=0))
    assert report.verdict == "samples_passed", "the default check uses the problem's tolerance"


def test_long_arrays_are_summarised_and_other_values_shown_as_written():
    softmax = load_problem("softmax")
    long = np.arange(61.0)
    case = Case(softmax.meta.samples[0], (long,))
    exp = (np.full(61, 1 / 3),)
    report = _grade(softmax, "run", [case], [exp], results_of(None), Outcome(exit_code=0))
    assert report.tests[0].input == "z = [ 0.,  1.,  2., ..., 58., 59., 60.]"
    assert report.tests[0].expected == (
        "p = [0.333333, 0.333333, 0.333333, ..., 0.333333, 0.333333, 0.333333]"
    )
    case = Case(softmax.meta.samples[0], (np.arange(60.0),))
    report = _grade(softmax, "run", [case], [exp], results_of(None), Outcome(exit_code=0))
    assert "..." not in report.tests[0].input and report.tests[0].input.endswith("58., 59.]")
    f1 = load_problem("f1_score")
    case = Case(f1.meta.samples[0], (np.array([1, 0]), np.array([1, 1])))
    record = Record(seconds=0.1, values=(Foreign("str"),), length=1)
    report = _grade(f1, "run", [case], [(2 / 3,)], results_of(record), Outcome(exit_code=0))
    assert report.tests[0].input == "y_true = [1, 0]\ny_pred = [1, 1]"
    assert report.tests[0].expected == "f1 = 0.6666666666666666"
    assert report.tests[0].actual == "f1 = <str>"
    assert report.tests[0].message == "f1: expected a float, got str"


def test_parameter_names_come_from_the_signature():
    assert parameter_names("kmeans(X, init_centroids, max_iters=100) -> (centroids, labels)") == [
        "X",
        "init_centroids",
        "max_iters",
    ]
    assert parameter_names("f(a, b=1)") == ["a", "b"]
    # what follows the arrow is free text, not Python
    assert parameter_names("score(y_true, y_pred) -> the F1 score") == ["y_true", "y_pred"]


# --- judge/runner.py: jobs, limits, parts and progress ----------------------------------------


def test_limits_give_a_second_of_start_up_and_whole_cpu_seconds():
    f1 = load_problem("f1_score")  # time_limit 2.0, memory 512 MB
    assert limits_for(f1) == Limits(wall_seconds=3.0, cpu_seconds=3, memory_bytes=512 * 2**20)
    odd = dataclasses.replace(f1, meta=dataclasses.replace(f1.meta, time_limit=2.5,
                                                            memory_limit_mb=64))  # fmt: skip
    assert limits_for(odd) == Limits(wall_seconds=3.5, cpu_seconds=4, memory_bytes=64 * 2**20)


def test_a_job_is_a_json_line_the_source_then_the_inputs():
    part = load_testset(KMEANS).samples(KMEANS)
    source = "# é\ndef kmeans(X, c, m=100):\n    return 1\n"
    payload = job_payload(source, "kmeans", part)
    head, _, rest = payload.partition(b"\n")
    header = json.loads(head)
    code = source.encode()
    assert len(code) == len(source) + 1  # é is two bytes: the size is counted in bytes
    inputs, specs = part.packed_inputs
    assert header == {
        "function": "kmeans",
        "tests": specs,
        "source_bytes": len(code),
        "input_bytes": 2680,  # the samples hold 335 float64 numbers, 8 bytes each
    }
    assert len(inputs) == 2680
    assert len(header["tests"]) == SAMPLES
    assert rest == code + bytes(inputs)
    first = header["tests"][0]  # two_blobs: X (4x2) then init_centroids (2x2), floats
    assert first == [{"array": [0, "<f8", [4, 2]]}, {"array": [64, "<f8", [2, 2]]}]


def test_judging_runs_samples_then_hidden_tests_as_two_jobs_with_progress():
    progress = []
    report, worker = fake_judge(KMEANS_REFERENCE, on_progress=lambda *a: progress.append(a))
    assert report.verdict == "accepted" and (report.passed, report.total) == (19, 19)
    assert [len(job.header["tests"]) for job in worker.jobs] == [SAMPLES, HIDDEN]
    assert all(job.header["function"] == "kmeans" for job in worker.jobs)
    assert all(job.limits == Limits(6.0, 6, 512 * 2**20) for job in worker.jobs)
    assert progress == [(n, 19) for n in range(1, 20)]
    assert (worker.started, worker.destroyed) == (1, 0), "a borrowed worker is not destroyed"
    assert [t.sample for t in report.tests] == [True] * SAMPLES + [False] * HIDDEN
    assert [t.index for t in report.tests] == list(range(19))
    cases = load_testset(KMEANS).cases
    assert [t.category for t in report.tests] == [c.category for c in cases]
    assert sorted(report.sample_outputs) == [0, 1, 2, 3]
    assert 0 < report.seconds < 60


def test_run_mode_sends_the_samples_only():
    report, worker = fake_judge(KMEANS_REFERENCE, mode="run")
    assert [len(job.header["tests"]) for job in worker.jobs] == [SAMPLES]
    assert (report.mode, report.verdict, report.total) == ("run", "samples_passed", SAMPLES)
    assert (report.accepted, report.all_passed) == (False, True)


def test_a_problem_of_samples_only_is_one_job():
    cases = load_testset(KMEANS).cases
    everything = dataclasses.replace(KMEANS.meta, samples=[c.name for c in cases])
    problem = dataclasses.replace(KMEANS, meta=everything)
    report, worker = fake_judge(KMEANS_REFERENCE, problem=problem)
    assert [len(job.header["tests"]) for job in worker.jobs] == [SAMPLES + HIDDEN]
    assert report.verdict == "accepted" and report.total == SAMPLES + HIDDEN


def test_without_progress_the_worker_gets_no_callback():
    _report, worker = fake_judge(KMEANS_REFERENCE)
    assert [job.on_progress for job in worker.jobs] == [None, None]


def test_progress_counts_across_parts_and_never_passes_the_total():
    samples_job = (Outcome(exit_code=0), Streams(), [1, 4, 9])
    hidden_job = (Outcome(exit_code=0), Streams(), [2, 15, 40])
    progress = []
    fake_judge(
        KMEANS_REFERENCE,
        worker=FakeWorker([samples_job, hidden_job]),
        on_progress=lambda *a: progress.append(a),
    )
    assert progress == [(1, 19), (4, 19), (9, 19), (11, 19), (19, 19), (19, 19)]


def test_only_the_samples_printed_output_is_shown_and_hidden_records_go_to_hidden_tests():
    testset = load_testset(KMEANS)
    outputs = bytearray()
    samples = [record(i, testset.expected[i], outputs) for i in range(SAMPLES)]
    # a record numbered past the samples' job is the solution's forgery: ignored
    forged = record(SAMPLES, (np.zeros((3, 2)), np.zeros(3, dtype=int)), outputs)
    samples_job = (Outcome(exit_code=0), Streams(lines(*samples, forged), bytes(outputs), b"S"), [])
    outputs = bytearray()
    hidden = [record(i, testset.expected[SAMPLES + i], outputs) for i in range(HIDDEN)]
    hidden_job = (Outcome(exit_code=0), Streams(lines(*hidden), bytes(outputs), b"H"), [])
    report, _ = fake_judge(
        "x = 1\ndef kmeans(): pass", worker=FakeWorker([samples_job, hidden_job])
    )
    assert (report.verdict, report.stdout) == ("accepted", "S")


def test_a_samples_job_that_ended_badly_sends_no_hidden_inputs():
    testset = load_testset(KMEANS)
    outputs = bytearray()
    two = [record(i, testset.expected[i], outputs) for i in range(2)]
    cut = (Outcome(timed_out=True, signal=signal.SIGKILL), Streams(lines(*two), bytes(outputs)), [])
    worker = FakeWorker([cut])
    report, _ = fake_judge("def kmeans(): pass", worker=worker)
    assert len(worker.jobs) == 1
    assert [t.status for t in report.tests] == (
        ["passed", "passed", "time_limit_exceeded"] + ["not_run"] * (SAMPLES + HIDDEN - 3)
    )
    assert report.verdict == "time_limit_exceeded"


def test_a_fatal_samples_job_sends_no_hidden_inputs():
    report, worker = fake_judge(
        "import numpy as np\nraise ValueError('at import')\ndef kmeans(): pass"
    )
    assert len(worker.jobs) == 1
    assert report.verdict == "runtime_error"
    assert report.message == "ValueError: at import"
    assert [t.status for t in report.tests] == ["not_run"] * (SAMPLES + HIDDEN)


def test_a_hidden_job_that_ended_badly_keeps_the_samples_results():
    testset = load_testset(KMEANS)
    outputs = bytearray()
    samples = [record(i, testset.expected[i], outputs) for i in range(SAMPLES)]
    good = (Outcome(exit_code=0), Streams(lines(*samples), bytes(outputs), b"S"), [])
    died = (Outcome(exit_code=None, sandbox_died=True), Streams(stdout=b"H"), [])
    report, worker = fake_judge("def kmeans(): pass", worker=FakeWorker([good, died]))
    assert len(worker.jobs) == 2 and report.stdout == "S"
    assert [t.status for t in report.tests[: SAMPLES + 2]] == ["passed"] * SAMPLES + [
        "runtime_error",
        "not_run",
    ]
    assert report.tests[SAMPLES].message == (
        "the sandbox ended unexpectedly (did the solution kill its parent?)"
    )


def test_a_static_problem_is_reported_without_running_anything():
    report, worker = fake_judge("import sklearn\ndef kmeans(X, c, m=100):\n    return X, c\n")
    assert worker.jobs == [] and worker.started == 0
    assert report.verdict == "forbidden" and "sklearn" in report.message
    assert report.total == SAMPLES + HIDDEN and report.passed == 0
    assert [t.status for t in report.tests] == ["not_run"] * (SAMPLES + HIDDEN)
    assert [t.sample for t in report.tests] == [True] * SAMPLES + [False] * HIDDEN
    assert 0 < report.seconds < 60
    assert (report.problem, report.mode) == ("kmeans", "judge")
    report, _ = fake_judge("def other(): pass\n", mode="run")
    assert report.verdict == "compile_error" and report.total == SAMPLES
    assert (report.problem, report.mode) == ("kmeans", "run")
    report = judge(KMEANS, b"\xff\xfe", worker=FakeWorker())
    assert report.verdict == "compile_error"


def test_judging_is_the_default_mode():
    worker = FakeWorker()
    report = judge(KMEANS, KMEANS_REFERENCE.encode(), worker=worker)
    assert report.mode == "judge" and report.total == SAMPLES + HIDDEN
    assert len(worker.jobs) == 2


def test_a_problem_checker_gets_the_tests_arguments():
    seen = []

    def check(expected, actual, args, default):
        seen.append(args)
        return default(expected, actual)

    problem = load_problem("kmeans")  # a fresh object: its checker can be replaced
    problem.__dict__["custom_check"] = check
    cases = tiny_cases()
    results = results_of(ok(TINY_EXPECTED[0]), ok(TINY_EXPECTED[1]))
    report = _grade(problem, "judge", cases, TINY_EXPECTED, results, Outcome(exit_code=0))
    assert report.verdict == "accepted"
    assert seen == [cases[0].args, cases[1].args]


def test_without_a_worker_the_judge_makes_one_and_destroys_it(monkeypatch):
    FakeWorker.instances.clear()
    monkeypatch.setattr(runner, "Worker", FakeWorker)
    report = judge(KMEANS, KMEANS_REFERENCE.encode(), mode="run")
    assert report.verdict == "samples_passed"
    (made,) = FakeWorker.instances
    assert (made.started, made.destroyed, len(made.jobs)) == (1, 1, 1)


def test_a_solution_run_in_process_gets_verdicts_and_messages_end_to_end():
    # 150 points in the fourth sample, 60 or more in the last seven hidden tests
    report, _ = fake_judge(kmeans_with("if len(X) >= 60:\n    raise ValueError('big input')"))
    where = 'Traceback (your code):\n  File "solution.py", line 3, in kmeans\nValueError'
    failed = [(t.index, t.message) for t in report.tests if t.status == "runtime_error"]
    assert failed == [(3, f"{where}: big input")] + [(i, where) for i in range(12, 19)]
    assert report.verdict == "runtime_error"
    report, _ = fake_judge(kmeans_with("print('hello')\nraise KeyError('k')"), mode="run")
    assert report.stdout == "hello\n" * SAMPLES
    assert report.tests[0].message.endswith("KeyError: 'k'")
    assert [t.status for t in report.tests] == ["runtime_error"] * SAMPLES
    report, _ = fake_judge("def kmeans_typo(X, c, m=100):\n    return 1\n")
    assert report.verdict == "compile_error"


def test_integers_beyond_two_to_the_53_are_compared_exactly():
    # As float64, 2**53 and 2**53 + 1 are the same number; as integers they differ.
    big = 2**53
    assert first_difference("n", big, big + 1, TOL, exact=True) == (
        "n: expected 9007199254740992, got 9007199254740993"
    )
    expected = np.array([1, big], dtype=np.int64)
    actual = np.array([1, big + 1], dtype=np.int64)
    assert first_difference("ids", expected, actual, TOL, exact=True) == (
        "ids at index (1,): expected 9007199254740992, got 9007199254740993 (1 of 2 values differ)"
    )
    assert first_difference("ids", expected, expected.copy(), TOL, exact=True) is None


def test_a_verdict_reads_as_the_start_of_a_sentence():
    assert verdict_label("wrong_answer") == "Wrong answer"
    assert verdict_label("time_limit_exceeded") == "Time limit exceeded"
    assert verdict_label("accepted") == "Accepted"


@pytest.mark.parametrize(
    ("mode", "verdict", "kept"),
    [
        ("judge", "accepted", "accepted"),
        ("run", "accepted", "samples_passed"),
        ("custom", "accepted", "matches_reference"),
        ("judge", "wrong_answer", "wrong_answer"),
        ("run", "wrong_answer", "wrong_answer"),
        ("custom", "runtime_error", "runtime_error"),
    ],
)
def test_only_a_judged_submission_is_kept_as_accepted(mode, verdict, kept):
    assert stored_verdict(mode, verdict) == kept


def test_every_parse_on_the_host_goes_through_the_one_thread_at_a_time_parser():
    # CPython 3.11's AST constructor can fail when two threads parse at once (python/cpython
    # #106905); the judge pool's threads parse every submission, so mlprep.pyparse serialises.
    import re
    from pathlib import Path

    import mlprep

    package = Path(mlprep.__file__).parent
    calls = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if re.search(r"\bast\.parse\(", path.read_text()) and path.name != "pyparse.py"
    }
    assert calls == set()
