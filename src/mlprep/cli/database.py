"""``mlprep db``: upgrade the history database's schema."""

from __future__ import annotations

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError


@click.group()
def db() -> None:
    """Upgrade the history database (MLPREP_DATABASE_URL, or the SQLite file)."""


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


COMMANDS = [db]
