"""``mlprep history``: the submissions stored so far, newest first, or one in full."""

from __future__ import annotations

import json

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError, console


@click.command()
@click.option("--problem", "slug", help="Only submissions to this problem.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--show", "submission_id", type=int, help="Show one submission: code and tests.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def history(slug: str | None, limit: int, submission_id: int | None, as_json: bool) -> None:
    """List your past submissions."""
    from mlprep.store import StoreError, open_store

    try:
        store = open_store()
        store.ingest_outbox()
        if submission_id is not None:
            _show_one(store, submission_id, as_json)
            return
        rows = store.history(problem=slug, limit=limit)
    except StoreError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from None
    if as_json:
        click.echo(json.dumps([_summary(r) for r in rows]))
        return
    _print_table(rows)


def _summary(row) -> dict:
    return {
        "id": row.id,
        "created_at": row.created_at.isoformat(),
        "problem": row.problem,
        "mode": row.mode,
        "verdict": row.verdict,
        "passed": row.passed,
        "total": row.total,
        "seconds": row.seconds,
    }


def _print_table(rows) -> None:
    from rich.table import Table

    table = Table("id", "when (UTC)", "problem", "mode", "verdict", "tests", "time")
    for r in rows:
        style = "green" if r.verdict in ("accepted", "samples_passed") else "red"
        table.add_row(
            str(r.id),
            r.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            r.problem,
            r.mode,
            f"[{style}]{r.verdict.replace('_', ' ')}[/]",
            f"{r.passed}/{r.total}",
            f"{r.seconds * 1000:.0f} ms",
        )
    out = console()
    out.print(table if rows else "No submissions yet: try  mlprep start kmeans")


def _show_one(store, submission_id: int, as_json: bool) -> None:
    row = store.get(submission_id)
    if row is None:
        raise CliError(f"no submission with id {submission_id}")
    if as_json:
        data = _summary(row) | {"source": row.source, "message": row.message}
        data["tests"] = [{"index": t.index, "status": t.status} for t in row.tests]
        click.echo(json.dumps(data))
        return
    from rich.syntax import Syntax

    out = console()
    out.print(f"#{row.id} {row.problem} ({row.mode}) {row.verdict} {row.passed}/{row.total}")
    out.print(Syntax(row.source, "python", line_numbers=True))
    if row.message:
        out.print(row.message, markup=False)


COMMANDS = [history]
