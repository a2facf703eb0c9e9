"""``mlprep domain``: the ML domain-knowledge round in the terminal, one due card at a time.

The same session as ``mlprep review`` (:mod:`.breadth`) over the domain deck: questions per
track (LLMs, recommender systems, search and ads, vision, experimentation), scheduled by FSRS.
``--choose`` stores the tracks you are interviewing for; they are the default scope here, in
the mock loop's domain round and in the plan.
"""

from __future__ import annotations

import json

import click

from mlprep.cli.breadth import handling_errors, print_stats, run_session
from mlprep.cli.common import CliError, console, open_history


@click.command()
@click.option(
    "--track",
    "tracks",
    multiple=True,
    help="Only this track (repeat it, or llm,recsys). Default: your chosen tracks, else all.",
)
@click.option("--limit", type=click.IntRange(1, 10_000), help="At most this many cards.")
@click.option("--stats", is_flag=True, help="Print due, new and total cards per track, and exit.")
@click.option("--list", "list_only", is_flag=True, help="List the cards due now, and exit.")
@click.option("--json", "as_json", is_flag=True, help="With --stats, --list or --choose: JSON.")
@click.option(
    "--choose",
    metavar="TRACKS",
    help="Store the tracks you interview for (llm,recsys), or 'all' to clear; then exit.",
)
def domain(
    tracks: tuple[str, ...],
    limit: int | None,
    stats: bool,
    list_only: bool,
    as_json: bool,
    choose: str | None,
) -> None:
    """Review today's due ML domain cards (spaced repetition) in your chosen tracks.

    Choice and numeric answers are marked for you; rate 1 Again, 2 Hard, 3 Good or 4 Easy (Enter
    takes the suggested rating). Type q to stop.
    """
    from mlprep.domain.bank import UnknownTrack, parse_tracks
    from mlprep.review.deck import DOMAIN
    from mlprep.store.settings import chosen_tracks

    if as_json and not (stats or list_only or choose is not None):
        raise CliError("--json goes with --stats, --list or --choose")
    if choose is not None and (tracks or stats or list_only or limit):
        raise CliError("--choose stores your tracks and exits: give it alone (with --json)")
    with handling_errors(DOMAIN):
        try:
            scope = parse_tracks(tracks) if tracks else None
            choice = None if choose is None else _parse_choice(choose)
        except UnknownTrack as exc:
            raise CliError(str(exc)) from None
        with open_history() as store:
            if choice is not None:
                _store_choice(store, choice, as_json)
                return
            chosen = chosen_tracks(store)
            if stats:
                title = "Domain cards (* your tracks)" if chosen else "Domain cards"
                print_stats(console(), store, as_json, DOMAIN, chosen, title)
                return
            if scope is None and chosen and not (list_only and as_json):
                console().print(f"[dim]Your tracks: {', '.join(chosen)} (--choose to change).[/]")
            run_session(store, scope or chosen or None, limit, list_only, as_json, DOMAIN)


def _parse_choice(text: str) -> tuple[str, ...]:
    from mlprep.domain.bank import parse_tracks

    return () if text.strip().lower() in ("", "all", "none") else parse_tracks(text)


def _store_choice(store, choice: tuple[str, ...], as_json: bool) -> None:
    from mlprep.domain.bank import tracks
    from mlprep.store.settings import choose_tracks

    stored = choose_tracks(store, choice)
    if as_json:
        click.echo(json.dumps({"tracks": list(stored)}))
    elif stored:
        titles = tracks()
        console().print("Your tracks: " + ", ".join(f"{t} ({titles[t]})" for t in stored) + ".")
    else:
        console().print("No track chosen: the domain round draws from every track.")


COMMANDS = [domain]
