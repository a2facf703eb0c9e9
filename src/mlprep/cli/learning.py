"""``mlprep hint`` and ``mlprep editorial``: help that is revealed a step at a time."""

from __future__ import annotations

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError, console, get_problem


@click.command()
@click.argument("slug")
@click.option("--all", "show_all", is_flag=True, help="Show every hint revealed so far again.")
def hint(slug: str, show_all: bool) -> None:
    """Reveal the next hint for problem SLUG, one at a time."""
    from mlprep.store import hints as hint_state

    hints = get_problem(slug).meta.hints
    if not hints:
        raise CliError(f"problem '{slug}' has no hints")
    remembered = True
    if show_all:
        shown = hint_state.revealed(slug)
    else:
        shown, remembered = hint_state.reveal_next(slug, len(hints))
    out = console()
    for number, text in enumerate(hints[: max(shown, 1)], start=1):
        out.print(f"[bold]Hint {number}/{len(hints)}[/]  {text}")
    if shown >= len(hints):
        out.print("[dim]That was the last hint. The editorial opens after an accepted judge.[/]")
    if not remembered:
        click.secho("warning: could not remember which hints you have seen", err=True)


@click.command()
@click.argument("slug")
@click.option("--spoil", is_flag=True, help="Show it even before you have solved the problem.")
def editorial(slug: str, spoil: bool) -> None:
    """Show the editorial of problem SLUG (after an accepted judge, or with --spoil)."""
    from rich.markdown import Markdown

    problem = get_problem(slug)
    if problem.editorial is None:
        raise CliError(f"problem '{slug}' has no editorial yet")
    if not spoil and slug not in _solved():
        raise CliError(
            f"the editorial opens once `mlprep judge {slug} FILE` says accepted "
            "(or pass --spoil to read it now)"
        )
    console().print(Markdown(problem.editorial))


def _solved() -> set[str]:
    from mlprep.store import StoreError, open_store

    try:
        store = open_store()
        store.ingest_outbox()
        return store.solved_problems()
    except StoreError as exc:
        raise CliError(f"cannot read your history: {exc}", EXIT_ENVIRONMENT) from None


COMMANDS = [hint, editorial]
