"""``mlprep design``, ``mlprep behavioral``, ``mlprep deep-dive`` and ``mlprep mock``.

Every command reads answers from stdin line by line (a multi-line answer ends with a line holding
only ``.``), so scripts and tests can pipe them; at end of input a command stops and keeps what
was answered. Time limits are advisory: the elapsed time is shown, input is never cut off.
"""

from __future__ import annotations

import json
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mlprep.cli.common import (
    EXIT_ENVIRONMENT,
    WORKSPACE_SHOWN,
    CliError,
    console,
    default_workspace,
)

if TYPE_CHECKING:
    from mlprep.coach.loop import Round
    from mlprep.design.mock import StepResult
    from mlprep.design.schema import Case
    from mlprep.store.db import Store
    from mlprep.store.practice import Practice

END_OF_ANSWER = "."


class Answers:
    """Lines from stdin; remembers end of input so every later question is skipped."""

    def __init__(self) -> None:
        self._stream = click.get_text_stream("stdin")
        self.ended = False

    def line(self, prompt: str) -> str | None:
        """One line, or None at end of input."""
        if self.ended:
            return None
        console().print(prompt, end="", markup=False)
        text = self._stream.readline()
        self.ended = not text
        if self.ended or not self._stream.isatty():
            console().print()  # piped input is not echoed: end the prompt's line here
        return None if self.ended else text.rstrip("\r\n")

    def block(self, prompt: str) -> str | None:
        """Lines up to one holding only ".", or the end of input; None if nothing came."""
        if self.ended:
            return None
        console().print(prompt, markup=False)
        lines = []
        while (text := self._stream.readline()) and text.rstrip("\r\n") != END_OF_ANSWER:
            lines.append(text.rstrip("\r\n"))
        self.ended = not text
        return "\n".join(lines).strip() if lines or not self.ended else None


class Timer:
    """Elapsed wall time since a start, shown against a budget."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    @property
    def minutes(self) -> float:
        return (time.monotonic() - self.started) / 60

    def against(self, budget: float) -> str:
        late = " [red](over)[/]" if self.minutes > budget else ""
        return f"{_clock(self.minutes)} of {_clock(budget)}{late}"


def escape(text: str) -> str:
    """Text shown as is by Rich, brackets included."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _store() -> Store:
    from mlprep.store import StoreError, open_store

    try:
        return open_store()
    except StoreError as exc:
        raise CliError(f"cannot open your history: {exc}", EXIT_ENVIRONMENT) from None


def _parse_ticks(text: str, count: int) -> frozenset[int] | None:
    """Point numbers like "1 3" or "1,3" (or "none") as 0-based indexes; None if unreadable."""
    words = text.replace(",", " ").split()
    if words in (["none"], ["-"], ["0"]):
        return frozenset()
    if not all(w.isdigit() and 1 <= int(w) <= count for w in words):
        return None
    return frozenset(int(w) - 1 for w in words)


def _ask_ticks(inp: Answers, suggested: frozenset[int], count: int) -> frozenset[int]:
    """Which points the user covered; Enter (or end of input) accepts the suggestion."""
    shown = ",".join(str(i + 1) for i in sorted(suggested)) or "none"
    while True:
        text = inp.line(f"Points you covered (numbers; Enter accepts {shown}): ")
        if text is None or not text.strip():
            return suggested
        ticks = _parse_ticks(text, count)
        if ticks is not None:
            return ticks
        click.secho(f"  type point numbers between 1 and {count}, e.g. 1 3, or none", fg="red")


def _show_matches(matches, title: str) -> None:
    from rich.table import Table

    table = Table("#", title, "estimate", "your words that matched", show_lines=False)
    for number, m in enumerate(matches, start=1):
        mark = "[green]covered[/]" if m.covered else "[dim]missing[/]"
        table.add_row(str(number), escape(m.point), mark, ", ".join(m.found))
    console().print(table)


def _read_answer_file(path: Path) -> dict[str, str]:
    """A JSON or TOML mapping of part (step key, STAR section) to answer text."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise CliError(f"{path} is not valid {path.suffix.lstrip('.') or 'JSON'}: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CliError(f"{path} must map each part to its answer text")
    return data


def _write_report(path: Path | None, text: str) -> None:
    if path is None:
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
    click.echo(f"Report written to {path}")


# --- mlprep design --------------------------------------------------------------------------


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

    store = _store()
    if show_list:
        _list_cases(store)
        return
    slug = case or mock.choose_case(store)
    chosen = _case_or_error(slug)
    written = _read_answer_file(answer_file) if answer_file else None
    if written is not None:
        _check_step_keys(written)
    practice = mock.start(store, slug, minutes)
    _introduce_case(slug, chosen, f"{minutes} minutes")
    budgets = practice.spec["budgets"]
    ticks = _run_steps(Answers(), store, practice.id, slug, chosen, budgets, written)
    finished, _ = mock.finish(store, practice, ticks)
    click.echo()
    click.echo(finished.report)
    _write_report(report_file, finished.report)


def _case_or_error(slug: str) -> Case:
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


def _introduce_case(slug: str, case: Case, length: str) -> None:
    out = console()
    out.print(f"[bold]{escape(case.title)}[/]  ({slug}, {case.difficulty}, {length})")
    out.print(case.brief, markup=False)
    out.print(f"[dim]End each answer with a line holding only '{END_OF_ANSWER}'.[/]")


def _run_steps(
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
    out.rule(escape(f"{header}: {title} ({budget:.0f} min)"))
    out.print(case.steps[key].prompt, markup=False)
    out.print(f"[dim]Time so far: {remaining}[/]")
    if written is not None:
        answer = written.get(key, "")
    else:
        answer = inp.block("Your answer:")
        if answer is None:
            return None
    estimate = mock.step_result(case, key, answer)
    _show_matches(estimate.matches, "rubric point")
    if written is not None:
        return estimate
    chosen = _ask_ticks(inp, estimate.ticked, len(estimate.matches))
    return mock.step_result(case, key, answer, chosen)


# --- mlprep behavioral / deep-dive ----------------------------------------------------------


def _prompt_command(round_name: str) -> click.Command:
    label = round_name.replace("_", "-")

    @click.command(name=label)
    @click.argument("prompt_id", metavar="ID", required=False)
    @click.option("--list", "show_list", is_flag=True, help="List the prompts.")
    @click.option(
        "--answers",
        "answer_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Take the answer from this JSON/TOML file (part -> text) instead of stdin.",
    )
    @click.option("--rating", type=click.IntRange(1, 4), help="Your 1-4 self-rating.")
    def command(
        prompt_id: str | None, show_list: bool, answer_file: Path | None, rating: int | None
    ) -> None:
        store = _store()
        if show_list:
            _list_prompts(store, round_name)
            return
        from mlprep.prompts import practice

        chosen = prompt_id or practice.choose_prompt(store, round_name)
        _prompt_or_error(round_name, chosen)
        written = _read_answer_file(answer_file) if answer_file else None
        outcome = _ask_prompt(Answers(), round_name, chosen, written, rating)
        if outcome is None:
            click.echo("No answer given; nothing saved.")
            return
        texts, given = outcome
        _save_prompt(store, round_name, chosen, texts, given)
        click.echo(f"Saved your answer to {chosen} with rating {given}/4.")

    command.help = (
        f"Answer a {label} prompt ID (default: one not practised yet), then rate yourself."
    )
    return command


def _prompt_or_error(round_name: str, prompt_id: str):
    from mlprep.prompts.practice import UnknownPrompt, get_prompt

    try:
        return get_prompt(round_name, prompt_id)
    except UnknownPrompt as exc:
        raise CliError(str(exc)) from None


def _save_prompt(
    store: Store,
    round_name: str,
    prompt_id: str,
    texts: dict[str, str],
    rating: int,
    session_id: int | None = None,
) -> None:
    from mlprep.prompts import practice

    try:
        practice.save(store, round_name, prompt_id, texts, rating, session_id=session_id)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _list_prompts(store: Store, round_name: str) -> None:
    from rich.table import Table

    from mlprep.prompts import bank, practice

    seen = practice.practised(store, round_name)
    table = Table("id", "category", "prompt", "practised")
    for prompt_id, prompt in bank.prompts(round_name).items():
        when = seen[prompt_id].strftime("%Y-%m-%d") if prompt_id in seen else "-"
        table.add_row(prompt_id, prompt.category, escape(prompt.prompt), when)
    console().print(table)


def _ask_prompt(
    inp: Answers,
    round_name: str,
    prompt_id: str,
    written: dict[str, str] | None = None,
    rating: int | None = None,
) -> tuple[dict[str, str], int] | None:
    """Ask each part, show the checklist and follow-ups, and take the rating; None if no answer."""
    from mlprep.prompts import practice

    prompt = _prompt_or_error(round_name, prompt_id)
    out = console()
    out.rule(f"{practice.ROUND_TITLES[round_name]}: {prompt_id} ({prompt.category})")
    out.print(prompt.prompt, markup=False)
    texts = written if written is not None else _ask_parts(inp, round_name)
    if not any(t.strip() for t in texts.values()):
        return None
    matches = practice.estimate(prompt, texts.values())
    _show_matches(matches, "a strong answer shows")
    suggested = frozenset(i for i, m in enumerate(matches) if m.covered)
    ticked = suggested if written is not None else _ask_ticks(inp, suggested, len(matches))
    out.print("[bold]Follow-ups an interviewer asks next:[/]")
    for question in prompt.follow_ups:
        out.print(f"  - {question}", markup=False)
    default = practice.suggested_rating(len(ticked), len(matches))
    return texts, rating or _ask_rating(inp, default)


def _ask_parts(inp: Answers, round_name: str) -> dict[str, str]:
    from mlprep.prompts import practice

    texts: dict[str, str] = {}
    for part in practice.parts(round_name):
        console().print(f"[bold]{part.title}[/] [dim]{part.guide}[/]")
        answer = inp.block(f"(end with a line holding only '{END_OF_ANSWER}')")
        if answer is None:
            break
        texts[part.key] = answer
    return texts


def _ask_rating(inp: Answers, default: int) -> int:
    from mlprep.prompts.practice import RATINGS

    scale = ", ".join(f"{k} {v.split(':')[0]}" for k, v in RATINGS.items())
    while True:
        text = inp.line(f"Rate yourself ({scale}; Enter accepts {default}): ")
        if text is None or not text.strip():
            return default
        if text.strip() in ("1", "2", "3", "4"):
            return int(text)
        click.secho("  type 1, 2, 3 or 4", fg="red")


behavioral = _prompt_command("behavioral")
deep_dive = _prompt_command("deep_dive")


# --- mlprep mock ----------------------------------------------------------------------------


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

    store = _store()
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
    _write_report(report_file, finished.report)


def _print_last(store: Store, report_file: Path | None) -> None:
    from mlprep.coach.loop import last_loop

    found = last_loop(store)
    if found is None:
        raise CliError("no finished mock loop yet: run `mlprep mock` first")
    click.echo(found.report)
    _write_report(report_file, found.report)


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
                return answer, breadth_score(qid, answer, _ask_rating(inp, 3), round_name)
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

    case = _case_or_error(round_.item)
    budgets = mock.step_budgets(round_.minutes, round_.items)
    _introduce_case(round_.item, case, f"{len(budgets)} steps, {round_.minutes} minutes")
    _run_steps(inp, store, practice.id, round_.item, case, budgets)


def _prompt_round(store: Store, practice: Practice, round_: Round, inp: Answers, **_: Any) -> None:
    outcome = _ask_prompt(inp, round_.kind, round_.item)
    if outcome is not None:
        texts, rating = outcome
        _save_prompt(store, round_.kind, round_.item, texts, rating, session_id=practice.id)


COMMANDS = [design, behavioral, deep_dive, mock]
