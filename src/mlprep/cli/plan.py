"""``mlprep plan``: make a study plan, show it, tick its tasks off."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError, console, open_history

if TYPE_CHECKING:
    from mlprep.coach.plan import Plan, PlanTask

DAY = click.DateTime(formats=["%Y-%m-%d"])
UPCOMING_DAYS = 7


@click.command()
@click.option("--interview-date", type=DAY, help="Make a new plan up to this day (YYYY-MM-DD).")
@click.option("--hours-per-week", type=float, help="Study hours per week (more than 0, up to 80).")
@click.option(
    "--rounds",
    multiple=True,
    metavar="ROUND[,ROUND]",
    help="Rounds to plan for: coding, breadth, domain, design, behavioral, deep_dive (default "
    "all; domain once tracks are chosen with mlprep domain --choose). Repeat it or use commas.",
)
@click.option("--start-date", type=DAY, help="First day of the new plan (default: today).")
@click.option("--done", "done_ids", type=int, multiple=True, help="Mark task ID done.")
@click.option("--undo", "undo_ids", type=int, multiple=True, help="Mark task ID not done.")
@click.option("--today", "only_today", is_flag=True, help="Show only today's tasks.")
@click.option("--all", "every_day", is_flag=True, help="Show every day, past ones too.")
@click.option("--on", "on_day", type=DAY, help="Show the plan as of this day (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
def plan(
    interview_date: datetime | None,
    hours_per_week: float | None,
    rounds: tuple[str, ...],
    start_date: datetime | None,
    done_ids: tuple[int, ...],
    undo_ids: tuple[int, ...],
    only_today: bool,
    every_day: bool,
    on_day: datetime | None,
    as_json: bool,
) -> None:
    """Plan study time until the interview, weakest rounds and topics first; show and tick it.

    With --interview-date and --hours-per-week, make a new plan (it replaces the active one).
    Without, show the active plan: today and the next days, with ticks for what is done.
    """
    from mlprep.coach.plan import PlanError, UnknownTask, active_plan, create_plan, set_done
    from mlprep.store import StoreError

    now = datetime.now().astimezone()
    today = on_day.date() if on_day else now.date()
    making = interview_date is not None
    _check_plan_options(making, hours_per_week, rounds, start_date)
    try:
        store = open_history(with_outbox=True)
        if making:
            made = create_plan(
                store,
                interview_date.date(),
                hours_per_week,
                rounds or None,
                start=start_date.date() if start_date else today,
                now=now,
            )
            _show(made, made.tasks[0].day if made.tasks else today, False, False, as_json, True)
            return
        for task_id, done in [(i, True) for i in done_ids] + [(i, False) for i in undo_ids]:
            task = set_done(store, task_id, done, now)
            if not as_json:
                mark = "[green]✓ done[/]" if done else "[yellow]not done[/]"
                console().print(f"{mark} task {task.id} ({task.day}): {task.what}", markup=True)
        if (done_ids or undo_ids) and not (only_today or every_day or as_json):
            return
        current = active_plan(store, now.tzinfo)
    except (PlanError, UnknownTask) as exc:
        raise CliError(str(exc)) from None
    except StoreError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from None
    if current is None:
        if as_json:
            click.echo("null")
            return
        console().print(
            "No plan yet: mlprep plan --interview-date YYYY-MM-DD --hours-per-week N", markup=False
        )
        return
    _show(current, today, only_today, every_day, as_json, False)


def _check_plan_options(
    making: bool,
    hours_per_week: float | None,
    rounds: tuple[str, ...],
    start_date: datetime | None,
) -> None:
    if making and hours_per_week is None:
        raise CliError("a new plan needs --hours-per-week too (for example 6)")
    if not making and (hours_per_week is not None or rounds or start_date is not None):
        raise CliError(
            "--hours-per-week, --rounds and --start-date make a new plan: give --interview-date too"
        )


def _show(
    shown: Plan, today: date, only_today: bool, every_day: bool, as_json: bool, new: bool
) -> None:
    if as_json:
        click.echo(json.dumps(shown.to_dict()))
        return
    out = console()
    out.print(_headline(shown, today, new), markup=False)
    if new:
        out.print(_round_table(shown))
    if only_today:
        first, last = today, today
    elif every_day:
        first, last = None, None
    else:
        first, last = today, today + timedelta(days=UPCOMING_DAYS - 1)
    days = shown.days(first, last)
    if not days:
        out.print(_nothing_shown(shown, today, only_today), markup=False)
        return
    out.print(_day_table(days, today))
    if not new:
        out.print("Tick a task off with  mlprep plan --done ID", markup=False, style="dim")


def _headline(shown: Plan, today: date, new: bool) -> str:
    left = (shown.interview_date - today).days
    when = f"in {left} days" if left > 0 else "passed" if left < 0 else "today"
    done = shown.done_minutes / shown.total_minutes if shown.total_minutes else 0.0
    made = "New plan" if new else "Plan"
    return (
        f"{made} #{shown.id}: interview on {shown.interview_date} ({when}), "
        f"{shown.hours_per_week:g} h/week, rounds: {', '.join(shown.rounds)}; "
        f"{shown.done_minutes}/{shown.total_minutes} min done ({done:.0%})"
    )


def _nothing_shown(shown: Plan, today: date, only_today: bool) -> str:
    if today >= shown.interview_date:
        return "The interview date has passed: make a new plan with --interview-date."
    if only_today:
        return f"Nothing planned for {today}."
    return f"Nothing planned from {today} for {UPCOMING_DAYS} days (see --all)."


def _round_table(shown: Plan):
    from rich.table import Table

    from mlprep.coach.plan import TASK_TITLES

    table = Table("round", "minutes", "share", title="Time per round")
    total = shown.total_minutes or 1
    for name, minutes in sorted(shown.minutes_by_round().items(), key=lambda kv: -kv[1]):
        table.add_row(TASK_TITLES[name], str(minutes), f"{minutes / total:.0%}")
    return table


def _day_table(days: dict, today: date):
    from rich.table import Table

    from mlprep.coach.plan import TASK_TITLES

    table = Table("", "id", "day", "round", "min", "what, and the command that does it")
    for day, tasks in days.items():
        for index, task in enumerate(tasks):
            label = day.strftime("%a %Y-%m-%d") if index == 0 else ""
            table.add_row(
                "[green]✓[/]" if task.done else "·",
                str(task.id),
                label,
                TASK_TITLES[task.round],
                str(task.minutes),
                _task_text(task),
                style="bold" if day == today else None,
            )
        table.add_section()
    return table


def _task_text(task: PlanTask):
    """What to do, the work that ticked it (when the store shows it), then the command."""
    from rich.text import Text

    text = Text(task.what)
    if task.evidence:
        text.append(f" (done: {task.evidence})", style="green")
    text.append(f"\n{task.command}", style="cyan")
    return text


COMMANDS = [plan]
