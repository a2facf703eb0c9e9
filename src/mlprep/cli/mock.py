"""``mlprep mock``: a mock interview loop, each round with its own timer, then a report.

The design and prompt rounds are asked as ``mlprep design`` and ``mlprep behavioral`` ask them;
see :mod:`mlprep.cli.answering` for how answers are read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mlprep.cli.answering import (
    Answers,
    Timer,
    ask_rating,
    escape,
    open_history,
    write_report,
)
from mlprep.cli.common import (
    EXIT_ENVIRONMENT,
    WORKSPACE_SHOWN,
    CliError,
    console,
    default_workspace,
)
from mlprep.cli.design import case_or_error, introduce_case, run_steps
from mlprep.cli.prompts import ask_prompt, save_prompt

if TYPE_CHECKING:
    from mlprep.coach.loop import Round
    from mlprep.store.db import Store
    from mlprep.store.practice import Practice


@click.command()
@click.option(
    "--rounds",
    show_default="coding,breadth,design,behavioral",
    help="Rounds to run, from coding, breadth, domain, design, behavioral, deep_dive (domain: "
    "questions from your chosen tracks, see mlprep domain --choose).",
)
@click.option(
    "--minutes-per-round",
    "minutes_text",
    help="Minutes for every round (20), or per round (coding=30,design=20).",
)
@click.option(
    "--questions", default=5, show_default=True, help="Breadth (and domain) questions to ask."
)
@click.option("--full-design", is_flag=True, help="Walk every framework step, not five.")
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_workspace,
    show_default=WORKSPACE_SHOWN,
    help="Folder for the coding round's file (an existing file is kept).",
)
@click.option("--seed", type=int, help="Draw the same rounds again (for scripts and tests).")
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the Markdown report to this file.",
)
@click.option("--last", is_flag=True, help="Print the report of your last loop and stop.")
def mock(
    rounds: str | None,
    minutes_text: str | None,
    questions: int,
    full_design: bool,
    workspace: Path,
    seed: int | None,
    report_file: Path | None,
    last: bool,
) -> None:
    """A mock interview loop: the rounds you pick, each with its own timer, then a report."""
    import random

    from mlprep.coach import loop

    store = open_history()
    if last:
        _print_last(store, report_file)
        return
    try:
        kinds = loop.parse_rounds(rounds)
        minutes = loop.parse_minutes(minutes_text, kinds)
        drawn = loop.compose(
            store,
            kinds,
            minutes,
            problems=_problem_slugs(),
            rng=random.Random(seed),
            breadth_questions=questions,
            full_design=full_design,
        )
    except loop.LoopError as exc:
        raise CliError(str(exc)) from None
    practice = loop.start(store, drawn)
    inp = Answers()
    for number, round_ in enumerate(drawn, start=1):
        if inp.ended:
            break
        _run_round(store, practice, round_, inp, workspace, f"Round {number}/{len(drawn)}")
    finished = loop.finish(store, practice)
    click.echo()
    click.echo(finished.report)
    write_report(report_file, finished.report)


def _print_last(store: Store, report_file: Path | None) -> None:
    from mlprep.coach.loop import last_loop

    found = last_loop(store)
    if found is None:
        raise CliError("no finished mock loop yet: run `mlprep mock` first")
    click.echo(found.report)
    write_report(report_file, found.report)


def _problem_slugs() -> list[str]:
    from mlprep.problems import ProblemError, list_problems

    try:
        return [p.slug for p in list_problems()]
    except ProblemError as exc:
        raise CliError(f"malformed problem: {exc}", EXIT_ENVIRONMENT) from None


def _run_round(
    store: Store, practice: Practice, round_: Round, inp: Answers, workspace: Path, header: str
) -> None:
    from mlprep.coach.loop import ROUND_TITLES

    runners: dict[str, Callable[..., None]] = {
        "coding": _coding_round,
        "breadth": _breadth_round,
        "domain": _breadth_round,
        "design": _design_round,
        "behavioral": _prompt_round,
        "deep_dive": _prompt_round,
    }
    console().rule(f"[bold]{header}: {ROUND_TITLES[round_.kind]} ({round_.minutes} min)")
    timer = Timer()
    runners[round_.kind](store, practice, round_, inp, workspace=workspace)
    console().print(f"[dim]Round time {timer.against(round_.minutes)}[/]")


def _coding_round(
    store: Store, practice: Practice, round_: Round, inp: Answers, workspace: Path
) -> None:
    from rich.markdown import Markdown

    from mlprep.cli.common import get_problem
    from mlprep.cli.judging import judge_file, print_judge  # the `mlprep judge` path, reused
    from mlprep.coach import loop

    problem = get_problem(round_.item)
    target = _workspace_file(workspace, round_.item, problem.starter)
    console().print(Markdown(problem.statement))
    click.echo(f"Your file: {target}")
    inp.line(f"Edit {target}, then press Enter to judge it: ")
    try:
        report = judge_file(round_.item, target, mode="judge", as_json=False)
    except CliError as exc:
        click.secho(f"error: {exc}; the round scores 0", fg="red", err=True)
        loop.save_coding(store, practice, round_.item, "", 0, 0)
        return
    print_judge(report)
    store.ingest_outbox()  # the submission joins the history now, as a solved problem
    source = target.read_text(encoding="utf-8", errors="replace")
    loop.save_coding(store, practice, round_.item, source, report.passed, report.total)


def _workspace_file(workspace: Path, slug: str, starter: str) -> Path:
    """The round's file, with the starter code unless it exists already (work is kept)."""
    target = workspace / f"{slug}.py"
    try:
        workspace.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_text(starter, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror}") from None
    return target


def _breadth_round(store: Store, practice: Practice, round_: Round, inp: Answers, **_: Any) -> None:
    """The breadth round, or the domain round: the same questions, from another deck."""
    from mlprep.coach import loop
    from mlprep.review.deck import DECKS, unit_of

    out = console()
    titles = DECKS[round_.kind].titles()
    for number, qid in enumerate(round_.items, start=1):
        question = loop.question_of(round_.kind, qid)
        title = titles.get(unit_of(qid), unit_of(qid))
        out.print(f"[bold]Question {number}/{len(round_.items)}[/] [dim]({title})[/]")
        out.print(question.question.strip(), markup=False)
        for index, choice in enumerate(question.choices or []):
            out.print(f"  {chr(ord('a') + index)}) {choice}", markup=False)
        outcome = _ask_breadth(inp, qid, round_.kind)
        if outcome is None:
            return
        answer, score = outcome
        loop.save_breadth(store, practice, qid, answer, score, round_name=round_.kind)


def _ask_breadth(inp: Answers, qid: str, round_name: str = "breadth") -> tuple[str, float] | None:
    """Read and mark one answer; an open one is self-rated after the model answer."""
    from mlprep.coach.loop import breadth_score, question_of
    from mlprep.review.grading import AnswerError, mark

    question = question_of(round_name, qid)
    while True:
        answer = inp.line("Your answer: ")
        if answer is None:
            return None
        try:
            if question.kind == "open":
                _show_model_answer(question.answer)
                return answer, breadth_score(qid, answer, ask_rating(inp, 3), round_name)
            score = breadth_score(qid, answer, None, round_name)
            expected = mark(question, answer).expected if answer.strip() else "skipped"
        except AnswerError as exc:
            click.secho(f"  {exc}", fg="red")
            continue
        verdict = "[green]right[/]" if score else "[red]wrong[/]"
        console().print(f"{verdict}: {escape(expected)}")
        _show_model_answer(question.answer)
        return answer, score


def _show_model_answer(text: str) -> None:
    console().print(f"[bold]Model answer:[/] {escape(text.strip())}")


def _design_round(store: Store, practice: Practice, round_: Round, inp: Answers, **_: Any) -> None:
    from mlprep.design import mock

    case = case_or_error(round_.item)
    budgets = mock.step_budgets(round_.minutes, round_.items)
    introduce_case(round_.item, case, f"{len(budgets)} steps, {round_.minutes} minutes")
    run_steps(inp, store, practice.id, round_.item, case, budgets)


def _prompt_round(store: Store, practice: Practice, round_: Round, inp: Answers, **_: Any) -> None:
    outcome = ask_prompt(inp, round_.kind, round_.item)
    if outcome is not None:
        texts, rating = outcome
        save_prompt(store, round_.kind, round_.item, texts, rating, session_id=practice.id)


COMMANDS = [mock]
