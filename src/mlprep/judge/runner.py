"""Judge one submission: static checks, a sandboxed run on a warm worker, checking, a verdict.

The expected outputs are computed here, by the problem's reference solution, and never leave
this process: a job hands the sandbox only the solution and the tests' inputs. The samples run
first, as the job's first part; the hidden tests' inputs reach the sandbox only once the samples'
streams are sealed, as a second part whose printed output is never shown. A custom run ("custom")
is one part of the user's own input, its expected output computed beforehand by the reference in
a child process of the judge (:mod:`mlprep.problems.custom`), shown in full like a sample.
"""

from __future__ import annotations

import json
import math
import signal
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from mlprep.judge.disclosure import hidden_error_text
from mlprep.judge.report import Report, TestReport, overall_verdict
from mlprep.judge.results import JobResults, TestRecord, parse_results
from mlprep.judge.static import StaticProblem, check_source, decode_source
from mlprep.judge.worker import Limits, Outcome, Worker
from mlprep.problems import Case, Problem
from mlprep.problems.checking import Foreign, Value, describe, kinds_error, values_error
from mlprep.problems.testset import TestSet, load_testset
from mlprep.pyparse import signature_arguments

Progress = Callable[[int, int], None]  # (tests done, total)
OUTPUT_LIMIT_MESSAGE = "output limit exceeded: the solution wrote more than 16 MB"
MEMORY_LIMIT_MESSAGE = "MemoryError: the memory limit was exceeded"
MALFORMED_MESSAGE = "the solution's process wrote a malformed result record"


def judge(
    problem: Problem,
    data: bytes,
    mode: str = "judge",
    worker: Worker | None = None,
    on_progress: Progress | None = None,
    custom: TestSet | None = None,
) -> Report:
    """Judge ``data`` (the solution file's bytes) on the samples ("run"), every test ("judge"),
    or the user's own input (``custom``, with its expected outputs: mode "custom")."""
    started = time.perf_counter()
    source = decode_source(data)
    static = (
        source
        if isinstance(source, StaticProblem)
        else check_source(source, problem.meta.function, problem.meta.allowed_imports)
    )
    parts = [custom] if custom is not None else _parts(problem, load_testset(problem), mode)
    cases = [case for part in parts for case in part.cases]
    expected = [value for part in parts for value in part.expected]
    if static is not None:
        report = _not_run_report(problem, mode, cases, static)
        report.seconds = time.perf_counter() - started
        return report
    own_worker = worker is None
    worker = worker or Worker()
    try:
        worker.start()
        results, outcome = _run_parts(worker, problem, source, parts, on_progress)
    finally:
        if own_worker:
            worker.destroy()
    report = _grade(problem, mode, cases, expected, results, outcome, source)
    report.seconds = time.perf_counter() - started
    return report


def _parts(problem: Problem, testset: TestSet, mode: str) -> list[TestSet]:
    """The samples, then (when judging) the hidden tests: run apart, so that hidden inputs are
    never in the sandbox while what the solution prints can still be shown."""
    n_samples = len(problem.meta.samples)
    parts = [testset.part(0, n_samples)]
    if mode == "judge" and len(testset.cases) > n_samples:
        parts.append(testset.part(n_samples, len(testset.cases)))
    return parts


def _run_parts(
    worker: Worker,
    problem: Problem,
    source: str,
    parts: list[TestSet],
    on_progress: Progress | None,
) -> tuple[JobResults, Outcome]:
    total = sum(len(part.cases) for part in parts)
    payloads = [job_payload(source, problem.meta.function, part) for part in parts]
    counter = None if on_progress is None else lambda done: on_progress(min(done, total), total)
    outcome, streams = worker.run(payloads, limits_for(problem), counter)
    results, first = JobResults(), 0
    for number, (part, part_streams) in enumerate(zip(parts, streams, strict=False)):
        found = parse_results(
            part_streams.results, part_streams.outputs, part_streams.stdout, len(part.cases)
        )
        if number == 0:
            results.stdout = found.stdout  # only the samples' output is ever shown
        else:
            found.fatal = None  # only the first part imports the solution: a later one is forged
        results.add(found, first)
        first += len(part.cases)
    return results, outcome


def _not_run_report(
    problem: Problem, mode: str, cases: list[Case], static: StaticProblem
) -> Report:
    tests = _not_run_tests(problem, mode, cases)
    return Report(problem.slug, mode, static.verdict, tests=tests, message=static.message)


def _not_run_tests(problem: Problem, mode: str, cases: list[Case]) -> list[TestReport]:
    return [
        TestReport(index=i, sample=_shown(problem, mode, c), category=c.category, status="not_run")
        for i, c in enumerate(cases)
    ]


def _shown(problem: Problem, mode: str, case: Case) -> bool:
    """Whether the test's data is shown: a sample's, or the user's own input's."""
    return mode == "custom" or problem.is_sample(case)


def limits_for(problem: Problem) -> Limits:
    meta = problem.meta
    return Limits(
        wall_seconds=meta.time_limit + 1.0,  # plus the solution's import and start-up
        cpu_seconds=math.ceil(meta.time_limit) + 1,
        memory_bytes=meta.memory_limit_mb * 2**20,
    )


def job_payload(source: str, function: str, part: TestSet) -> bytes:
    """What the sandbox's child reads: a JSON line, the solution's source, then the inputs."""
    inputs, specs = part.packed_inputs
    code = source.encode("utf-8")
    header = {
        "function": function,
        "tests": specs,
        "source_bytes": len(code),
        "input_bytes": len(inputs),
    }
    return b"".join([json.dumps(header).encode(), b"\n", code, bytes(inputs)])


def _grade(
    problem: Problem,
    mode: str,
    cases: list[Case],
    expected: list[tuple[Value, ...]],
    results: JobResults,
    outcome: Outcome,
    source: str = "",
) -> Report:
    """The report of a run; ``source`` (the submitted code) re-tells hidden tests' errors."""
    report = Report(problem.slug, mode, "runtime_error", stdout=results.shown_stdout())
    if results.fatal:
        report.tests = _not_run_tests(problem, mode, cases)
        return _fatal_report(report, results.fatal, problem.meta.function)
    missing_status, missing_message = _why_missing(outcome)
    for i, case in enumerate(cases):
        record = results.tests.get(i)
        test = TestReport(
            index=i, sample=_shown(problem, mode, case), category=case.category, status=""
        )
        if record is None:
            test.status, test.message = missing_status, missing_message
            missing_status, missing_message = "not_run", "not run: an earlier test ended the run"
        elif test.sample:
            test.seconds = record.seconds
            test.status, test.message = _check(problem, case, expected[i], record)
        else:  # only what the host can vouch for: see mlprep.judge.disclosure
            test.status, test.message = _check(problem, case, expected[i], record)
            test.message = _hidden_message(test.status, record, source)
        if test.sample:
            _show_data(test, problem, case, expected[i], record)
            report.sample_expected[i] = expected[i]
            if record is not None and record.values is not None:
                report.sample_outputs[i] = record.values
        report.tests.append(test)
    report.verdict = overall_verdict(report.tests, mode)
    broken = outcome.sandbox_died or outcome.overflow or outcome.quota
    if broken and report.all_passed:
        report.verdict = "runtime_error"  # the run did not end as a solution's run ends
        report.message = _why_missing(outcome)[1]
    return report


def _fatal_report(report: Report, fatal: dict, function: str) -> Report:
    if fatal["kind"] == "missing_function":
        report.verdict = "compile_error"
        report.message = f"the solution defines no function named '{function}'"
    elif fatal["error"] == "MemoryError":
        report.verdict = "memory_limit_exceeded"
        report.message = "MemoryError while importing the solution"
    else:
        report.message = _error_text(fatal["error"], fatal["message"], fatal["traceback"])
        if fatal["error"] == "SystemExit":
            report.message += "\n(the solution called exit() while being imported)"
    return report


def _why_missing(outcome: Outcome) -> tuple[str, str]:
    """The status of the first test without a result, from how the process ended."""
    if outcome.overflow:
        return "runtime_error", OUTPUT_LIMIT_MESSAGE
    if outcome.quota:
        return "runtime_error", f"file limit exceeded: the solution {outcome.quota}"
    if outcome.timed_out or outcome.signal in (signal.SIGXCPU, signal.SIGKILL):
        return "time_limit_exceeded", "time limit exceeded"
    if outcome.signal == signal.SIGXFSZ:
        return "runtime_error", OUTPUT_LIMIT_MESSAGE
    if outcome.signal == signal.SIGSEGV:
        return "runtime_error", "the process crashed (segmentation fault); deep recursion?"
    if outcome.signal:
        return (
            "runtime_error",
            f"the process was killed by signal {signal.Signals(outcome.signal).name}",
        )
    if outcome.sandbox_died:
        return "runtime_error", "the sandbox ended unexpectedly (did the solution kill its parent?)"
    return "runtime_error", f"the process exited early (exit status {outcome.exit_code})"


def _error_text(error: str, message: str, traceback: str) -> str:
    head = f"{error}: {message}" if message else error
    return f"Traceback (your code):\n{traceback}{head}" if traceback else head


def _check(
    problem: Problem, case: Case, expected: tuple[Value, ...], record: TestRecord
) -> tuple[str, str]:
    if record.error == "MemoryError":
        return "memory_limit_exceeded", MEMORY_LIMIT_MESSAGE
    if record.error == "OutputLimitExceeded":
        return "runtime_error", OUTPUT_LIMIT_MESSAGE
    if record.error:
        return "runtime_error", _error_text(record.error, record.message, record.traceback)
    actual = _shape_result(problem, record)
    if isinstance(actual, str):
        return "wrong_answer", actual
    return (
        ("wrong_answer", problem_msg)
        if (problem_msg := _compare(problem, case, expected, actual))
        else ("passed", "")
    )


def _hidden_message(status: str, record: TestRecord, source: str) -> str:
    if status == "memory_limit_exceeded":
        return MEMORY_LIMIT_MESSAGE
    if status != "runtime_error":
        return ""  # a wrong answer's difference would reveal the hidden test's data
    if record.error == "OutputLimitExceeded":
        return OUTPUT_LIMIT_MESSAGE
    if record.error == "JudgeError":
        return MALFORMED_MESSAGE  # its own message may quote what the solution wrote
    return hidden_error_text(record.error or "", record.traceback, source)


def _shape_result(problem: Problem, record: TestRecord) -> tuple[Value, ...] | str:
    """The returned values as a tuple of the documented length, or why they are not."""
    returns = problem.meta.returns
    values = record.values or ()
    if len(returns) == 1:
        if record.sequence:
            return (Foreign(f"{record.sequence} of {record.length} values"),)
        return values
    names = ", ".join(r.name for r in returns)
    if not record.sequence:
        return f"expected a tuple of {len(returns)} values ({names}), got {describe(values[0])}"
    if record.length != len(returns):
        return f"expected {len(returns)} values ({names}), got {record.length}"
    return values


def _compare(
    problem: Problem, case: Case, expected: tuple[Value, ...], actual: tuple[Value, ...]
) -> str | None:
    meta = problem.meta
    kind_problem = kinds_error(meta.returns, expected, actual)
    if kind_problem:
        return kind_problem

    def default(exp: tuple[Value, ...], act: tuple[Value, ...]) -> str | None:
        return values_error(meta.returns, exp, act, meta.tolerance)

    if problem.custom_check is not None:
        return problem.custom_check(expected, actual, case.args, default)
    return default(expected, actual)


def _show_data(
    test: TestReport,
    problem: Problem,
    case: Case,
    expected: tuple[Value, ...],
    record: TestRecord | None,
) -> None:
    """Samples only: the inputs, the expected and the actual outputs, as text."""
    names = parameter_names(problem.meta.signature)
    test.name = case.name
    test.input = "\n".join(
        f"{name} = {_format(arg)}" for name, arg in zip(names, case.args, strict=False)
    )
    outputs = [r.name for r in problem.meta.returns]
    test.expected = "\n".join(f"{n} = {_format(v)}" for n, v in zip(outputs, expected, strict=True))
    if record is not None and record.values is not None:
        test.actual = "\n".join(
            f"{n} = {_format(v)}" for n, v in zip(outputs, record.values, strict=False)
        )


def parameter_names(signature: str) -> list[str]:
    return [a.arg for a in signature_arguments(signature).args]


def _format(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=6, threshold=60, edgeitems=3, separator=", ")
    if isinstance(value, Foreign):
        return f"<{value.type_name}>"
    return repr(value)
