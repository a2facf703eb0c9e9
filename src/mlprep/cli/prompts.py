"""``mlprep behavioral`` and ``mlprep deep-dive``: answer a prompt, see the checklist and the
follow-ups, rate yourself.

See :mod:`mlprep.cli.answering` for how answers are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from mlprep.cli.answering import (
    END_OF_ANSWER,
    Answers,
    ask_rating,
    ask_ticks,
    escape,
    open_history,
    read_answer_file,
    show_matches,
)
from mlprep.cli.common import CliError, console

if TYPE_CHECKING:
    from mlprep.prompts.schema import Prompt
    from mlprep.store.db import Store


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
        store = open_history()
        if show_list:
            _list_prompts(store, round_name)
            return
        from mlprep.prompts import practice

        chosen = prompt_id or practice.choose_prompt(store, round_name)
        _prompt_or_error(round_name, chosen)
        written = read_answer_file(answer_file) if answer_file else None
        outcome = ask_prompt(Answers(), round_name, chosen, written, rating)
        if outcome is None:
            click.echo("No answer given; nothing saved.")
            return
        texts, given = outcome
        save_prompt(store, round_name, chosen, texts, given)
        click.echo(f"Saved your answer to {chosen} with rating {given}/4.")

    command.help = (
        f"Answer a {label} prompt ID (default: one not practised yet), then rate yourself."
    )
    return command


def _prompt_or_error(round_name: str, prompt_id: str) -> Prompt:
    from mlprep.prompts.practice import UnknownPrompt, get_prompt

    try:
        return get_prompt(round_name, prompt_id)
    except UnknownPrompt as exc:
        raise CliError(str(exc)) from None


def save_prompt(
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


def ask_prompt(
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
    show_matches(matches, "a strong answer shows")
    suggested = frozenset(i for i, m in enumerate(matches) if m.covered)
    ticked = suggested if written is not None else ask_ticks(inp, suggested, len(matches))
    out.print("[bold]Follow-ups an interviewer asks next:[/]")
    for question in prompt.follow_ups:
        out.print(f"  - {question}", markup=False)
    default = practice.suggested_rating(len(ticked), len(matches))
    return texts, rating or ask_rating(inp, default)


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


behavioral = _prompt_command("behavioral")
deep_dive = _prompt_command("deep_dive")


COMMANDS = [behavioral, deep_dive]
