"""The ``mlprep`` command line: browse problems, run and judge solutions, read the history.

Commands import what they need when they run, so that ``mlprep judge`` starts its sandbox
before the heavier imports (NumPy, pydantic) happen in parallel with the sandbox's own start.
"""

from __future__ import annotations

import sys

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, EXIT_USAGE, CliError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlprep")
def cli() -> None:
    """Practise machine-learning engineer interviews: coding, breadth, design and the rest."""


def _register() -> None:
    from mlprep.cli import (
        authoring,
        browse,
        coaching,
        designing,
        history,
        judging,
        learning,
        reviewing,
        serving,
    )

    modules = (browse, judging, learning, history, authoring, serving)
    for module in (*modules, reviewing, designing, coaching):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


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
