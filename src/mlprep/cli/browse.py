"""``mlprep list``, ``mlprep show`` and ``mlprep start``: find a problem and begin it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mlprep.cli.common import (
    EXIT_ENVIRONMENT,
    WORKSPACE_SHOWN,
    CliError,
    console,
    default_workspace,
    get_problem,
)
from mlprep.problems.roadmap import Step, in_roadmap_order, load_roadmap
from mlprep.problems.schema import GROUPS

if TYPE_CHECKING:
    from mlprep.problems import Problem

DIFFICULTY_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}


@click.command(name="list")
@click.option("--topic", help="Only problems with this topic (substring match).")
@click.option("--difficulty", type=click.Choice(["easy", "medium", "hard"]))
@click.option("--group", type=click.Choice(GROUPS))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_(topic: str | None, difficulty: str | None, group: str | None, as_json: bool) -> None:
    """List the problems in the recommended order, with your status on each (solved, attempted,
    new)."""
    problems, roadmap = _problems_and_roadmap()
    problems = [
        p
        for p in in_roadmap_order(problems, roadmap, lambda problem: problem.slug)
        if (not topic or any(topic.lower() in t.lower() for t in p.meta.topics))
        and (not difficulty or p.meta.difficulty == difficulty)
        and (not group or p.meta.group == group)
    ]
    status = _statuses()
    rows = [
        {
            "slug": p.slug,
            "title": p.meta.title,
            "group": p.meta.group,
            "difficulty": p.meta.difficulty,
            "topics": p.meta.topics,
            "status": status.get(p.slug, "new"),
            "position": roadmap[p.slug].position,
            "stage": roadmap[p.slug].stage,
        }
        for p in problems
    ]
    if as_json:
        click.echo(json.dumps(rows))
        return
    _print_table(rows)


def _problems_and_roadmap() -> tuple[list[Problem], dict[str, Step]]:
    """The bank and its recommended order (the web's), or a :class:`CliError` naming the file."""
    from mlprep.content import ContentError
    from mlprep.problems import ProblemError, list_problems

    try:
        problems = list_problems()
        return problems, load_roadmap(p.slug for p in problems)
    except ProblemError as exc:
        raise CliError(f"malformed problem: {exc}", EXIT_ENVIRONMENT) from None
    except ContentError as exc:
        raise CliError(f"malformed roadmap: {exc}", EXIT_ENVIRONMENT) from None


def _print_table(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table("#", "slug", "title", "group", "difficulty", "status")
    table.columns[1].no_wrap = True
    for row in rows:
        style = DIFFICULTY_STYLE[row["difficulty"]]
        mark = {"solved": "[green]solved[/]", "attempted": "[yellow]attempted[/]"}
        table.add_row(
            str(row["position"]),
            row["slug"],
            row["title"],
            row["group"],
            f"[{style}]{row['difficulty']}[/]",
            mark.get(row["status"], "new"),
        )
    console().print(table)
    console().print(f"{len(rows)} problems")


def _statuses() -> dict[str, str]:
    """solved / attempted per slug from the history; an unusable history only warns."""
    from mlprep.store import StoreError, open_store

    try:
        store = open_store()
        store.ingest_outbox()
        attempted = store.attempted_problems()
        solved = store.solved_problems()
    except StoreError as exc:
        click.secho(f"warning: history unavailable: {exc}", err=True)
        return {}
    return {slug: ("solved" if slug in solved else "attempted") for slug in attempted | solved}


@click.command()
@click.argument("slug")
def show(slug: str) -> None:
    """Show the statement of problem SLUG (math as Unicode)."""
    from mlprep.cli.mathtext import markdown

    problem = get_problem(slug)
    meta = problem.meta
    out = console()
    out.print(markdown(problem.statement))
    out.print()
    out.print(f"[bold]Signature[/]  {meta.signature}", markup=True)
    out.print(
        f"[bold]Group[/] {meta.group}   [bold]Difficulty[/] {meta.difficulty}   "
        f"[bold]Topics[/] {', '.join(meta.topics)}"
    )
    out.print(
        f"[bold]Limits[/] {meta.time_limit:g} s for all tests, {meta.memory_limit_mb} MB; "
        f"imports: {', '.join(meta.allowed_imports)} and the standard library"
    )
    out.print(f"[bold]Tests[/] {len(meta.samples)} samples, {len(problem.cases)} in all")


@click.command()
@click.argument("slug")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_workspace,
    show_default=WORKSPACE_SHOWN,
    help="The workspace folder to write the starter file into.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def start(slug: str, folder: Path, force: bool) -> None:
    """Write the starter code of problem SLUG into your workspace folder."""
    problem = get_problem(slug)
    target = folder / f"{slug}.py"
    if target.exists() and not force:
        raise CliError(f"{target} already exists (your work is kept; use --force to overwrite)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(problem.starter, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror}") from None
    click.echo(f"Wrote {target}")
    click.echo(f"Next: mlprep run {slug} {target}   then   mlprep judge {slug} {target}")


COMMANDS = [list_, show, start]
