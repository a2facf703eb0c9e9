"""``mlprep run`` (sample tests, with the data) and ``mlprep judge`` (every test, one verdict)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, EXIT_NOT_ACCEPTED, EXIT_OK, CliError, console

if TYPE_CHECKING:
    from mlprep.judge.report import Report

VERDICT_STYLE = {
    "accepted": "bold green",
    "samples_passed": "bold green",
    "wrong_answer": "bold red",
}


@click.command()
@click.argument("slug")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--plot",
    "picture",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw your output on the problem's toy data into this PNG file.",
)
def run(slug: str, file: Path, picture: Path | None) -> None:
    """Run FILE on the sample tests of problem SLUG and show every failing sample in full."""
    report = judge_file(slug, file, mode="run", as_json=False)
    _print_run(report)
    if picture is not None:
        _draw(slug, report, picture)
    _exit_now(EXIT_OK if report.all_passed else EXIT_NOT_ACCEPTED)


@click.command()
@click.argument("slug")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object and nothing else.")
def judge(slug: str, file: Path, as_json: bool) -> None:
    """Judge FILE on every test (sample and hidden) of problem SLUG and give one verdict."""
    report = judge_file(slug, file, mode="judge", as_json=as_json)
    if as_json:
        click.echo(json.dumps(_public_json(report), allow_nan=False))
    else:
        print_judge(report)
    _exit_now(EXIT_OK if report.accepted else EXIT_NOT_ACCEPTED)


def _exit_now(code: int) -> None:
    """Exit without tearing down NumPy and pydantic module by module (~25 ms saved).

    Everything that matters is done: the sandbox is gone, the submission is spooled, and the
    output is flushed here.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def judge_file(slug: str, file: Path, mode: str, as_json: bool) -> Report:
    data = _read_solution(file)
    # Start the sandbox first: it imports NumPy while this process loads the problem.
    from mlprep.judge.sandbox import OPT_OUT_ENV, SandboxUnavailable, unsafe_opt_out
    from mlprep.judge.worker import Worker

    if unsafe_opt_out():
        click.secho(
            f"WARNING: {OPT_OUT_ENV}=1: the solution runs WITHOUT a sandbox, with your "
            "permissions. Only do this on your own machine with code you trust.",
            fg="red",
            err=True,
        )

    from mlprep.launch import take_early_worker

    worker = take_early_worker() or Worker()
    try:
        worker.start()
        problem = _get_problem_or_stop(slug, worker)
        from mlprep.judge.runner import judge as judge_solution

        if as_json:
            report = judge_solution(problem, data, mode, worker)
        else:
            report = _with_progress(problem, data, mode, worker, judge_solution)
    except SandboxUnavailable as exc:
        raise CliError(f"cannot judge: {exc}", EXIT_ENVIRONMENT) from None
    finally:
        worker.destroy()
    _save(report, data)
    return report


def _get_problem_or_stop(slug: str, worker):
    from mlprep.cli.common import get_problem

    try:
        return get_problem(slug)
    except CliError:
        worker.destroy()
        raise


def _read_solution(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise CliError(f"no such file: {file}") from None
    except OSError as exc:
        raise CliError(f"cannot read {file}: {exc.strerror}") from None


def _with_progress(problem, data: bytes, mode: str, worker, judge_solution) -> Report:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as progress:
        task = progress.add_task(f"{mode} {problem.slug}", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return judge_solution(problem, data, mode, worker, on_progress=update)


def _save(report: Report, data: bytes) -> None:
    """Spool the submission for the history; a failure is reported but loses the verdict nowhere."""
    from mlprep.store.outbox import StoreError, spool

    try:
        spool(
            {
                "source": data.decode("utf-8", errors="replace"),
                "report": report.to_json(),
            }
        )
    except StoreError as exc:
        click.secho(f"warning: the submission was not saved to the history: {exc}", err=True)


def _draw(slug: str, report: Report, path: Path) -> None:
    """The problem's picture of the candidate's output, drawn here: the first failing sample with
    the expected result overlaid, else the problem's own picture sample."""
    from mlprep.cli.common import get_problem
    from mlprep.problems.pictures import PictureError, draw_source, picture_source

    problem = get_problem(slug)
    source = picture_source(problem, report, problem.cases)
    try:
        if source is None:
            why = "has no picture" if problem.meta.plot is None else "returned nothing to draw"
            raise PictureError(f"problem '{slug}' {why}")
        draw_source(problem, source, path)
    except PictureError as exc:
        raise CliError(f"no picture: {exc}") from None
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
    click.echo(f"Picture of your output on '{source.case}': {path}")


def _public_json(report: Report) -> dict:
    data = report.to_json()
    data["tests"] = [{k: v for k, v in t.items() if v not in ("", None)} for t in data["tests"]]
    return data


def _verdict_line(report: Report) -> str:
    from mlprep.judge.report import verdict_label

    style = VERDICT_STYLE.get(report.verdict, "bold yellow")
    name = verdict_label(report.verdict)
    counts = f"{report.passed}/{report.total} tests passed" if report.total else ""
    return f"[{style}]{name}[/]  {counts}  ({report.seconds * 1000:.0f} ms)"


def print_judge(report: Report) -> None:
    from rich.table import Table

    out = console()
    out.print(_verdict_line(report))
    if report.message:
        out.print(report.message, markup=False)
    if any(t.status != "not_run" for t in report.tests):
        table = Table("#", "test", "category", "result", "time")
        for t in report.tests:
            style = "green" if t.passed else ("dim" if t.status == "not_run" else "red")
            table.add_row(
                str(t.index + 1),
                "sample" if t.sample else "hidden",
                t.category,
                f"[{style}]{t.status.replace('_', ' ')}[/]",
                f"{t.seconds * 1000:.1f} ms" if t.sample else "",  # a hidden test's is not told
            )
        out.print(table)
        failed = next((t for t in report.tests if not t.passed), None)
        if failed and failed.message:
            where = "sample" if failed.sample else f"hidden test ({failed.category})"
            out.print(f"[bold]First failure[/], {where} #{failed.index + 1}:")
            out.print(failed.message, markup=False)
    _print_stdout(out, report)


def _print_run(report: Report) -> None:
    from rich.panel import Panel
    from rich.text import Text

    out = console()
    out.print(_verdict_line(report))
    if report.message:
        out.print(report.message, markup=False)
    for t in report.tests:
        if t.status == "not_run":
            continue
        if t.passed:
            out.print(f"[green]✓[/] sample {t.index + 1} ({t.name})")
            continue
        out.print(f"[red]✗[/] sample {t.index + 1} ({t.name}): {t.status.replace('_', ' ')}")
        body = f"input:\n{t.input}\n\nexpected:\n{t.expected}"
        if t.actual:
            body += f"\n\nyours:\n{t.actual}"
        if t.message:
            body += f"\n\n{t.message}"
        out.print(Panel(Text(body), title=t.name, expand=False))
    _print_stdout(out, report)


def _print_stdout(out, report: Report) -> None:
    if report.stdout.strip():
        out.print("[bold]Your output[/] (stdout and stderr, first 4000 characters):")
        out.print(report.stdout.rstrip(), markup=False)


COMMANDS = [run, judge]
