"""``mlprep users``: the team server's accounts (add, list, remove, set-role, set-password).

They act on the configured database (``MLPREP_DATABASE_URL``). Passwords are read from standard
input (the first line; a terminal asks twice without echo), never from the command line, where
other users of the machine could see them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from mlprep.cli.common import (
    EXIT_ENVIRONMENT,
    EXIT_NOT_ACCEPTED,
    EXIT_USAGE,
    CliError,
    FullHelpGroup,
)

if TYPE_CHECKING:
    from mlprep.store import Store

ROLE = click.Choice(["learner", "instructor", "admin"])


@click.group(cls=FullHelpGroup)
def users() -> None:
    """Manage the team server's accounts (on MLPREP_DATABASE_URL)."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=ROLE, default="learner", show_default=True)
def add(username: str, role: str) -> None:
    """Create an account; its password is read from standard input. Exit 1: the name is taken."""
    from mlprep.team import accounts

    password = _password()
    with _store() as store:
        try:
            user = accounts.create_user(store, username, password, role)
        except accounts.NameTaken as exc:
            raise CliError(str(exc), EXIT_NOT_ACCEPTED) from None
        except accounts.AccountError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    click.echo(f"added {user.username} ({user.role})")


@users.command("list")
def list_() -> None:
    """Every account: username, role, when created, whether locked."""
    from datetime import UTC, datetime

    from mlprep.team import accounts

    with _store() as store:
        found = accounts.list_users(store)
    now = datetime.now(UTC)
    click.echo(f"{'username':<24} {'role':<11} {'created (UTC)':<17} login")
    for user in found:
        if user.id == 1:
            login = "built in, no password"
        elif user.locked_until and user.locked_until > now:
            login = f"locked until {user.locked_until:%H:%M} UTC"
        else:
            login = "allowed"
        created = f"{user.created_at:%Y-%m-%d %H:%M}"
        click.echo(f"{user.username:<24} {user.role:<11} {created:<17} {login}")


@users.command()
@click.argument("username")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def remove(username: str, yes: bool) -> None:
    """Delete an account and everything it did (submissions, reviews, answers, plans)."""
    from mlprep.team import accounts

    if not yes and sys.stdin.isatty():
        click.confirm(f"remove {username} and all their data?", abort=True)
    with _store() as store:
        _checked(lambda: accounts.remove_user(store, username))
    click.echo(f"removed {username}")


@users.command("set-role")
@click.argument("username")
@click.argument("role", type=ROLE)
def set_role(username: str, role: str) -> None:
    """Change an account's role."""
    from mlprep.team import accounts

    with _store() as store:
        user = _checked(lambda: accounts.set_role(store, username, role))
    click.echo(f"{user.username} is now {user.role}")


@users.command("set-password")
@click.argument("username")
def set_password(username: str) -> None:
    """Set a new password (from standard input); it also unlocks the account and logs it out."""
    from mlprep.team import accounts

    password = _password()
    with _store() as store:
        user = _checked(lambda: accounts.set_password(store, username, password))
    click.echo(f"new password set for {user.username}")


def _password() -> str:
    if sys.stdin.isatty():
        return click.prompt("password", hide_input=True, confirmation_prompt=True)
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    if not password:
        raise CliError("give the password on standard input (one line)", EXIT_USAGE)
    return password


def _checked(action):
    from mlprep.team import accounts

    try:
        return action()
    except accounts.NoSuchUser as exc:
        raise CliError(str(exc), EXIT_NOT_ACCEPTED) from None
    except accounts.AccountError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def _store() -> Store:
    from mlprep.store import StoreError, open_store

    try:
        return open_store()
    except StoreError as exc:
        raise CliError(f"cannot open the database: {exc}", EXIT_ENVIRONMENT) from None


COMMANDS = [users]
