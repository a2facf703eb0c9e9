"""``mlprep serve``: the web app on this machine, on the same judge and history as the CLI."""

from __future__ import annotations

import os
from errno import EADDRINUSE

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, EXIT_USAGE, CliError

# Longer than any client or proxy keeps an idle connection (httpx 5 s; nginx's upstream
# keepalive_timeout and cloud load balancers 60 s): whoever closes an idle connection first
# must be the client, or a request it sends just then is dropped unanswered. Uvicorn's default
# is 5 s, which dropped requests of the load test (docs/team.md).
KEEP_ALIVE_SECONDS = 75


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=min(os.cpu_count() or 2, 4),
    show_default=True,
    type=click.IntRange(1, 64),
    help="Sandboxes judging at the same time.",
)
@click.option(
    "--team",
    is_flag=True,
    help="A team server: logins, PostgreSQL (MLPREP_DATABASE_URL), judging by `mlprep worker` "
    "processes through Redis (MLPREP_BROKER_URL).",
)
def serve(host: str, port: int, workers: int, team: bool) -> None:
    """Serve the practice pages at http://HOST:PORT/ (offline: every asset is local)."""
    if team:
        _serve_team(host, port)
        return
    from mlprep.judge.sandbox import SandboxUnavailable, find_bwrap, unsafe_opt_out
    from mlprep.store import StoreError, open_store
    from mlprep.web.app import create_app
    from mlprep.web.guards import ALLOWED_HOSTS_ENV, allowed_hosts
    from mlprep.web.state import Settings

    if not unsafe_opt_out():
        try:
            find_bwrap()
        except SandboxUnavailable as exc:  # every round but coding still works
            click.secho(f"warning: code cannot be judged here: {exc}", fg="yellow", err=True)
    try:
        hosts = allowed_hosts(host)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    _check_free(host, port)
    try:
        store = open_store()
    except StoreError as exc:
        raise CliError(f"cannot open the history: {exc}", EXIT_ENVIRONMENT) from None
    app = create_app(Settings(workers=workers, allowed_hosts=hosts), store)
    shown = f"[{host}]" if ":" in host else host
    click.secho(f"mlprep is serving at http://{shown}:{port}/  (Ctrl+C stops it)", bold=True)
    # A page whose name resolves here by trickery (DNS rebinding) is refused: say what is not.
    click.echo(f"answering to the host names {', '.join(hosts)} ({ALLOWED_HOSTS_ENV} adds more)")
    try:
        _run(app, host, port)
    finally:
        store.close()


TEAM_NEEDS = (
    ("MLPREP_DATABASE_URL", "a URL such as postgresql+psycopg://user@127.0.0.1:5432/mlprep"),
    ("MLPREP_BROKER_URL", "a Redis URL such as redis://127.0.0.1:6379/0"),
)


def team_environment() -> tuple[str, str]:
    """The team server's database and broker URLs, or a CliError saying what to set."""
    missing = [f"{name} ({example})" for name, example in TEAM_NEEDS if not os.environ.get(name)]
    if missing:
        raise CliError(
            "a team server needs " + " and ".join(missing) + "; see docs/team.md",
            EXIT_ENVIRONMENT,
        )
    database, broker = (os.environ[name] for name, _ in TEAM_NEEDS)
    if not database.startswith("postgresql"):
        raise CliError(
            f"a team server needs PostgreSQL: MLPREP_DATABASE_URL is {database!r} "
            "(set it to a postgresql+psycopg:// URL)",
            EXIT_ENVIRONMENT,
        )
    if not broker.startswith(("redis://", "rediss://", "unix://")):
        message = f"MLPREP_BROKER_URL is {broker!r}: set it to a redis:// URL"
        raise CliError(message, EXIT_ENVIRONMENT)
    return database, broker


def _serve_team(host: str, port: int) -> None:
    """``serve --team``: the app for logged-in users; judging happens on `mlprep worker`s."""
    from mlprep.store import StoreError, open_store
    from mlprep.web.app import create_app
    from mlprep.web.state import Settings

    team_environment()
    _check_free(host, port)
    try:
        store = open_store()
    except StoreError as exc:
        raise CliError(f"cannot open the team database: {exc}", EXIT_ENVIRONMENT) from None
    app = create_app(Settings(team=True), store)
    shown = f"[{host}]" if ":" in host else host
    click.secho(
        f"mlprep team server at http://{shown}:{port}/  (log in; Ctrl+C stops it)", bold=True
    )
    try:
        _run(app, host, port)
    finally:
        store.close()


def _run(app: object, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(
        app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS
    )


def _check_free(host: str, port: int) -> None:
    """Say plainly that the address is taken, before printing it as the one being served."""
    import socket

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        hint = (
            " (is mlprep already serving? --port picks another)" if exc.errno == EADDRINUSE else ""
        )
        raise CliError(
            f"cannot listen on {host}:{port}: {exc.strerror}{hint}", EXIT_ENVIRONMENT
        ) from None


COMMANDS = [serve]
