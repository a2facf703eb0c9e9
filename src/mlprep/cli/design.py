"""``mlprep design``: a timed system design mock, step by step, with the rubric after each.

See :mod:`mlprep.cli.answering` for how answers are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from mlprep.cli.answering import (
    END_OF_ANSWER,
    Answers,
    Timer,
    ask_ticks,
    escape,
    open_history,
    read_answer_file,
    show_matches,
    write_report,
)
from mlprep.cli.common import CliError, console

if TYPE_CHECKING:
    from mlprep.design.mock import StepResult
    from mlprep.design.schema import Case
    from mlprep.store.db import Store


@click.command()
@click.argument("case", required=False)
@click.option("--minutes", default=45, show_default=True, type=click.IntRange(1, 240))
@click.option("--list", "show_list", is_flag=True, help="List the cases and your best coverage.")
@click.option(
    "--answers",
    "answer_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Take the step answers from this JSON/TOML file (step key -> text), accept estimates.",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the Markdown report to this file.",
)
def design(
    case: str | None,
    minutes: int,
    show_list: bool,
    answer_file: Path | None,
    report_file: Path | None,
) -> None:
    """A timed system design mock on CASE (default: one you have not practised yet)."""
    from mlprep.design import mock

    store = open_history()
    if show_list:
        _list_cases(store)
        return
    slug = case or mock.choose_case(store)
    chosen = case_or_error(slug)
    written = read_answer_file(answer_file) if answer_file else None
    if written is not None:
        _check_step_keys(written)
    practice = mock.start(store, slug, minutes)
    introduce_case(slug, chosen, f"{minutes} minutes")
    budgets = practice.spec["budgets"]
    ticks = run_steps(Answers(), store, practice.id, slug, chosen, budgets, written)
    finished, _ = mock.finish(store, practice, ticks)
    click.echo()
    click.echo(finished.report)
    write_report(report_file, finished.report)


def case_or_error(slug: str) -> Case:
    from mlprep.design.mock import UnknownCase, get_case

    try:
        return get_case(slug)
    except UnknownCase as exc:
        raise CliError(str(exc)) from None


def _check_step_keys(written: dict[str, str]) -> None:
    from mlprep.design.bank import framework

    unknown = sorted(set(written) - set(framework().keys))
    if unknown:
        raise CliError(f"unknown step '{unknown[0]}' in the answers; steps: {framework().keys}")


def _list_cases(store: Store) -> None:
    from rich.table import Table

    from mlprep.cli.browse import DIFFICULTY_STYLE
    from mlprep.design import mock

    best, seen = mock.best_coverage(store), mock.last_practised(store)
    table = Table("case", "title", "difficulty", "best coverage", "last practised")
    table.columns[0].no_wrap = True
    for slug, case in mock.bank.cases().items():
        style = DIFFICULTY_STYLE[case.difficulty]
        table.add_row(
            slug,
            escape(case.title),
            f"[{style}]{case.difficulty}[/]",
            f"{best[slug]:.0%}" if slug in best else "-",
            seen[slug].strftime("%Y-%m-%d") if slug in seen else "never",
        )
    console().print(table)


def introduce_case(slug: str, case: Case, length: str) -> None:
    out = console()
    out.print(f"[bold]{escape(case.title)}[/]  ({slug}, {case.difficulty}, {length})")
    out.print(case.brief, markup=False)
    out.print(f"[dim]End each answer with a line holding only '{END_OF_ANSWER}'.[/]")


def run_steps(
    inp: Answers,
    store: Store,
    session_id: int,
    slug: str,
    case: Case,
    budgets: dict[str, float],
    written: dict[str, str] | None = None,
) -> dict[str, frozenset[int]]:
    """Ask each step in turn, show the rubric, save it; returns the points ticked per step."""
    from mlprep.design import mock

    overall, total = Timer(), sum(budgets.values())
    ticks: dict[str, frozenset[int]] = {}
    for number, (key, budget) in enumerate(budgets.items(), start=1):
        step_timer = Timer()
        header = f"Step {number}/{len(budgets)}"
        result = _ask_step(inp, case, key, budget, header, overall.against(total), written)
        if result is None:
            break
        mock.save_step(store, session_id, slug, result)
        ticks[key] = result.ticked
        console().print(
            f"[dim]Step time {step_timer.against(budget)}; overall {overall.against(total)}[/]"
        )
    return ticks


def _ask_step(
    inp: Answers,
    case: Case,
    key: str,
    budget: float,
    header: str,
    remaining: str,
    written: dict[str, str] | None,
) -> StepResult | None:
    from mlprep.design import mock

    title = mock.step_titles()[key]
    out = console()
    budget_shown = mock.minutes_label(budget)
    out.rule(escape(f"{header}: {title}" + (f" ({budget_shown})" if budget_shown else "")))
    out.print(case.steps[key].prompt, markup=False)
    out.print(f"[dim]Time so far: {remaining}[/]")
    if written is not None:
        answer = written.get(key, "")
    else:
        answer = inp.block("Your answer:")
        if answer is None:
            return None
    estimate = mock.step_result(case, key, answer)
    show_matches(estimate.matches, "rubric point")
    if written is not None:
        return estimate
    chosen = ask_ticks(inp, estimate.ticked, len(estimate.matches))
    return mock.step_result(case, key, answer, chosen)


COMMANDS = [design]
