"""The ``mlprep`` command line: browse problems, run and judge solutions, read the history.

Commands import what they need when they run, so that ``mlprep judge`` starts its sandbox
before the heavier imports (NumPy, pydantic) happen in parallel with the sandbox's own start.
"""

from __future__ import annotations

import importlib
import sys

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, EXIT_USAGE, CliError, FullHelpGroup

# Which module holds each command. Only the module of the command being run is imported, so
# `mlprep judge` does not pay for loading the other rounds' commands (see docs/benchmarks.md).
COMMAND_MODULES = {
    "list": "browse",
    "show": "browse",
    "start": "browse",
    "run": "judging",
    "judge": "judging",
    "hint": "learning",
    "editorial": "learning",
    "history": "history",
    "new-problem": "authoring",
    "check-problem": "authoring",
    "serve": "serving",
    "db": "database",
    "worker": "working",
    "review": "breadth",
    "domain": "domain",
    "design": "design",
    "behavioral": "prompts",
    "deep-dive": "prompts",
    "mock": "mock",
    "plan": "plan",
    "progress": "progress",
    "users": "users",
}


# How `mlprep --help` lists the commands: by interview round, in the order a user meets them.
COMMAND_ROUNDS = {
    "Coding": ["list", "show", "start", "run", "judge", "hint", "editorial", "history"],
    "Breadth and domain knowledge": ["review", "domain"],
    "System design, deep dive and behavioral": ["design", "deep-dive", "behavioral"],
    "Mock loops, plan and progress": ["mock", "plan", "progress"],
    "Web app, team server and data": ["serve", "worker", "users", "db"],
    "Writing problems": ["new-problem", "check-problem"],
}


class LazyGroup(FullHelpGroup):
    """A group that imports a command's module only when that command is asked for."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        width = max(map(len, COMMAND_MODULES))
        for heading, names in COMMAND_ROUNDS.items():
            self.write_command_section(ctx, formatter, heading, names, width)
        unsorted = sorted(set(COMMAND_MODULES) - {n for ns in COMMAND_ROUNDS.values() for n in ns})
        self.write_command_section(ctx, formatter, "Other commands", unsorted, width)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(name)
        if module_name is None:
            return None
        module = importlib.import_module(f"mlprep.cli.{module_name}")
        return next(c for c in module.COMMANDS if c.name == name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlprep")
def cli() -> None:
    """Practise machine-learning engineer interviews: coding, breadth, design and the rest."""


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except CliError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        sys.exit(exc.code)
    except KeyboardInterrupt:
        sys.exit(130)


__all__ = ["EXIT_ENVIRONMENT", "cli", "main"]
