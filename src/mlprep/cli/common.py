"""What the commands share: exit codes, errors, problem lookup and the Rich consoles."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console

    from mlprep.problems import Problem
    from mlprep.store import Store

EXIT_OK, EXIT_NOT_ACCEPTED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3
WORKSPACE_SHOWN = "mlprep-workspace, or $MLPREP_WORKSPACE"


class FullHelpGroup(click.Group):
    """A command group whose ``--help`` gives each command's whole first sentence.

    Click cuts a command's line in the list at 45 characters ("Answer a behavioral prompt ID
    (default: one not..."), which hides what most commands do.
    """

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.write_command_section(ctx, formatter, "Commands", self.list_commands(ctx))

    def write_command_section(
        self,
        ctx: click.Context,
        formatter: click.HelpFormatter,
        heading: str,
        names: Iterable[str],
        width: int = 0,
    ) -> None:
        """One titled list of commands; ``width`` lines up the help of several such lists."""
        rows = []
        for name in names:
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name.ljust(width), command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section(heading):
                formatter.write_dl(rows)


def default_workspace() -> str:
    """Where starter files go: ``$MLPREP_WORKSPACE``, else ``./mlprep-workspace``."""
    return os.environ.get("MLPREP_WORKSPACE", "mlprep-workspace")


class CliError(Exception):
    """A problem the user can fix, shown as one line without a traceback."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def get_problem(slug: str) -> Problem:
    from mlprep.problems import ProblemError, UnknownProblem, load_problem

    try:
        return load_problem(slug)
    except UnknownProblem as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except ProblemError as exc:
        raise CliError(f"malformed problem: {exc}", EXIT_ENVIRONMENT) from None


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def open_history(*, with_outbox: bool = False) -> Store:
    """The user's store; ``with_outbox``, with the judge's outbox taken in first, so the figures
    include every run. Raises :class:`mlprep.store.StoreError` for the caller to word."""
    from mlprep.store import open_store

    store = open_store()
    if with_outbox:
        store.ingest_outbox()
    return store
