"""``mlprep serve``: the web app on this machine, on the same judge and history as the CLI."""

from __future__ import annotations

import os
from errno import EADDRINUSE

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, EXIT_USAGE, CliError


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
def serve(host: str, port: int, workers: int) -> None:
    """Serve the practice pages at http://HOST:PORT/ (offline: every asset is local)."""
    import uvicorn

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
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


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
