"""``mlprep worker``: judge a team server's submissions from the broker (see mlprep.team)."""

from __future__ import annotations

import os

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError


@click.command()
@click.option(
    "--concurrency",
    default=min(os.cpu_count() or 2, 4),
    show_default=True,
    type=click.IntRange(1, 64),
    help="Submissions judged at the same time (threads, each with a warm sandbox).",
)
def worker(concurrency: int) -> None:
    """Judge submissions queued by `mlprep serve --team` (needs MLPREP_DATABASE_URL and
    MLPREP_BROKER_URL); stops cleanly on Ctrl+C or SIGTERM."""
    import logging

    from mlprep.judge.sandbox import SandboxUnavailable, find_bwrap, unsafe_opt_out
    from mlprep.store import StoreError
    from mlprep.store.locations import DATABASE_URL_ENV
    from mlprep.team.queue import BrokerNotConfigured, broker_url

    if not os.environ.get(DATABASE_URL_ENV):
        raise CliError(
            f"{DATABASE_URL_ENV} is not set: a worker judges into the team server's database "
            "(postgresql+psycopg://user@host:5432/mlprep)",
            EXIT_ENVIRONMENT,
        )
    try:
        broker_url()
    except BrokerNotConfigured as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from None
    if not unsafe_opt_out():
        try:
            find_bwrap()
        except SandboxUnavailable as exc:
            raise CliError(f"this machine cannot judge: {exc}", EXIT_ENVIRONMENT) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    from mlprep.team.worker import run

    click.secho(f"mlprep worker: judging with {concurrency} sandbox(es) (Ctrl+C stops)", bold=True)
    try:
        run(concurrency)
    except StoreError as exc:
        raise CliError(f"cannot open the team database: {exc}", EXIT_ENVIRONMENT) from None


COMMANDS = [worker]
