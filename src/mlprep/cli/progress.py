"""``mlprep progress``: mastery per round, its trend, and your weakest topics."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError, console, open_history

if TYPE_CHECKING:
    from mlprep.coach.mastery import Mastery

SPARKS = "▁▂▃▄▅▆▇█"


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def progress(as_json: bool) -> None:
    """Mastery per round, its trend over four weeks, and your five weakest topics."""
    from mlprep.coach.mastery import load_mastery
    from mlprep.store import StoreError

    try:
        mastery = load_mastery(open_history(with_outbox=True), datetime.now().astimezone())
    except StoreError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from None
    if as_json:
        click.echo(json.dumps(mastery.to_dict()))
        return
    out = console()
    out.print(_mastery_table(mastery))
    for name in ("breadth", "domain"):
        recall = mastery.rounds[name].retrievability
        if recall is not None:
            title = mastery.rounds[name].title
            out.print(
                f"{title}: FSRS expects {recall:.0%} recall of the cards reviewed so far"
                " (out of their learning steps)."
            )
    weakest = mastery.weakest()
    if weakest:
        out.print(_weakest_table(weakest))
    else:
        out.print("No topic measured yet: solve, review or answer something first.", markup=False)


def _mastery_table(mastery: Mastery):
    from rich.table import Table

    from mlprep.coach.mastery import TREND_WEEKS

    table = Table(
        "round",
        "mastery",
        f"last {TREND_WEEKS} weeks",
        "activity",
        "topics measured",
        title="Mastery per round",
    )
    for r in mastery.rounds.values():
        table.add_row(
            r.title,
            _percent(r.score),
            f"{_sparkline([p.score for p in r.weekly[-TREND_WEEKS:]])} {_points(r.trend)}",
            f"{r.activity} ({r.recent_activity} in {TREND_WEEKS} wk)",
            f"{r.measured_topics}/{len(r.topics)}",
        )
    return table


def _weakest_table(topics):
    from rich.table import Table

    from mlprep.coach.mastery import ROUND_TITLES

    table = Table("round", "topic", "score", "based on", title="Weakest topics")
    for t in topics:
        table.add_row(ROUND_TITLES[t.round], t.label, _percent(t.score), t.detail)
    return table


def _percent(score: float | None) -> str:
    return "[dim]unmeasured[/]" if score is None else f"{score:.0%}"


def _points(change: float | None) -> str:
    """A change of a 0..1 score in percentage points."""
    if change is None:
        return "[dim]n/a[/]"
    return f"{change * 100:+.0f} pts"


def _sparkline(values: list[float | None]) -> str:
    return "".join(
        "·" if v is None else SPARKS[min(int(v * len(SPARKS)), len(SPARKS) - 1)] for v in values
    )


COMMANDS = [progress]
