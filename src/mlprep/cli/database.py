"""``mlprep db``: check the history database, recover a damaged one, upgrade its schema."""

from __future__ import annotations

import shlex
import sys
from datetime import datetime
from pathlib import Path

import click

from mlprep.cli.common import (
    EXIT_ENVIRONMENT,
    EXIT_NOT_ACCEPTED,
    EXIT_USAGE,
    CliError,
    FullHelpGroup,
)

DATABASE_OPTION = click.option(
    "--database",
    "database",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An SQLite file other than the configured history (MLPREP_DATABASE_URL, MLPREP_DATA_DIR).",
)


@click.group(cls=FullHelpGroup)
def db() -> None:
    """Check, recover or upgrade the history database."""


@db.command()
@DATABASE_OPTION
def check(database: Path | None) -> None:
    """Run SQLite's integrity check: print ok (exit 0) or the problems (exit 1)."""
    from mlprep.store.integrity import RECOVER_HOW, quick_check

    path = database or _configured_file()
    if not path.exists():
        click.echo(f"{path}: no database there yet, so nothing to check")
        return
    try:
        problems = quick_check(path)
    except Exception as exc:  # sqlite3.OperationalError: locked, unreadable
        raise CliError(f"cannot check {path}: {exc}", EXIT_ENVIRONMENT) from None
    if not problems:
        click.echo(f"{path}: ok")
        return
    # Plain echo, not Rich: a console would wrap long paths, and these lines are to be copied.
    click.echo(f"{path}: damaged, {len(problems)} problem{'s' if len(problems) > 1 else ''}:")
    for problem in problems:
        click.echo(f"  {problem}")
    click.echo(f"{RECOVER_HOW}.")
    sys.exit(EXIT_NOT_ACCEPTED)


@db.command()
@DATABASE_OPTION
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The new database to write (default: beside the damaged one, named by the time).",
)
def recover(database: Path | None, output: Path | None) -> None:
    """Write a new database with every row of the history that can still be read.

    The damaged file is left exactly as it is; the command then says how to switch to the new one.
    """
    from mlprep.store.recovery import RecoveryError
    from mlprep.store.recovery import recover as recover_rows

    source = database or _configured_file()
    target = output or _default_output(source)
    try:
        done = recover_rows(source, target)
    except (RecoveryError, OSError) as exc:
        raise CliError(f"cannot recover {source}: {exc}", EXIT_ENVIRONMENT) from None
    click.echo(f"Recovered {source} into {done.output} ({done.method}).")
    for note in done.notes:
        click.echo(f"  note: {note}")
    click.echo("Rows kept per table:")
    for table, rows in done.rows.items():
        click.echo(f"  {table:<20} {rows:>8}")
    click.echo(_switch_advice(source, done.output))


@db.command()
def upgrade() -> None:
    """Bring the configured database to the newest schema (safe to run again)."""
    from mlprep.store import StoreError
    from mlprep.store.db import upgrade as upgrade_schema

    try:
        before, head = upgrade_schema()
    except StoreError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from None
    if before == [head]:
        click.echo(f"the database is already at schema revision {head}")
    else:
        was = ", ".join(before) or "empty"
        click.echo(f"the database is now at schema revision {head} (was: {was})")


def _configured_file() -> Path:
    """The configured history's SQLite file; other databases have their own tools."""
    from mlprep.store import database_url
    from mlprep.store.db import sqlite_file

    url = database_url()
    path = sqlite_file(url)
    if path is None:
        raise CliError(
            f"{url} is not an SQLite file: check and recover it with its own tools", EXIT_USAGE
        )
    return path


def _default_output(source: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}-recovered-{stamp}{source.suffix}")


def _switch_advice(source: Path, recovered: Path) -> str:
    """How to put the recovered file in the damaged one's place, keeping the damaged one."""
    old, new = shlex.quote(str(source)), shlex.quote(str(recovered))
    kept = shlex.quote(f"{source}.damaged")
    return (
        f"The damaged file is untouched. To switch, stop `mlprep serve` and any other mlprep "
        f"command, then:\n"
        f"  mv {old} {kept}\n"
        f"  mv {old}-wal {kept}-wal; rm -f {old}-shm   # if they exist: they belong to it\n"
        f"  mv {new} {old}\n"
        f"or keep both and point mlprep at the new file:\n"
        f"  export MLPREP_DATABASE_URL=sqlite:///{recovered.absolute()}"
    )


COMMANDS = [db]
