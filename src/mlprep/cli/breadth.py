"""``mlprep review``: the breadth round in the terminal, one due card at a time, scheduled by FSRS.

Answers are read from stdin line by line, so a script can pipe them in; at the end of the input
the session stops and keeps every rating given so far. ``mlprep domain`` (:mod:`.domain`) runs
the domain round's deck through the same session code: every helper here takes the deck and the
topics (or tracks) in scope.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, CliError, console, open_history

if TYPE_CHECKING:
    from rich.console import Console

    from mlprep.review.deck import Deck
    from mlprep.review.scheduler import DueCard
    from mlprep.store import Store

Scope = tuple[str, ...] | None  # the topics (or tracks) to study; None: all of them

QUIT = "q"
SET_ASIDE_KEYS = {"-": "bury", "@": "suspend"}  # the review page's keys
RATING_PROMPT = "1 Again · 2 Hard · 3 Good · 4 Easy"


class _SetAside(Exception):
    """The user typed - (bury) or @ (suspend) instead of an answer or a rating."""

    def __init__(self, action: str) -> None:
        super().__init__(action)
        self.action = action


class _Stop(Exception):
    """The user typed q, or the input ended: the session ends here."""

    def __init__(self, at_eof: bool) -> None:
        super().__init__("end of input" if at_eof else "quit")
        self.at_eof = at_eof


@dataclass
class Tally:
    """A session's ratings, and of its graded (choice, numeric) cards how many were right."""

    ratings: Counter = field(default_factory=Counter)
    right: int = 0
    graded: int = 0


@click.group(invoke_without_command=True)
@click.option("--topic", help="Only this topic (mlprep review --stats lists them).")
@click.option("--limit", type=click.IntRange(1, 10_000), help="At most this many cards.")
@click.option("--stats", is_flag=True, help="Print due, new and total cards per topic, and exit.")
@click.option("--list", "list_only", is_flag=True, help="List the cards due now, and exit.")
@click.option("--json", "as_json", is_flag=True, help="With --stats or --list: print JSON.")
@click.pass_context
def review(
    ctx: click.Context,
    topic: str | None,
    limit: int | None,
    stats: bool,
    list_only: bool,
    as_json: bool,
) -> None:
    """Review today's due breadth cards (spaced repetition): answer, see the model answer, rate.

    Choice and numeric answers are marked for you; rate 1 Again, 2 Hard, 3 Good or 4 Easy (Enter
    takes the suggested rating). Type - to bury a card until tomorrow, @ to suspend it, q to
    stop. The subcommands move your own cards as TOML, undo the last rating, suspend, bury and
    bring back cards, and fit FSRS to your log.
    """
    from mlprep.review.deck import BREADTH
    from mlprep.review.scheduler import check_topic

    if ctx.invoked_subcommand is not None:
        return
    if as_json and not (stats or list_only):
        raise CliError("--json goes with --stats or --list")
    with handling_errors(BREADTH):
        if topic is not None:
            check_topic(topic)
        with open_history() as store:
            if stats:
                print_stats(console(), store, as_json, BREADTH)
            else:
                run_session(store, None if topic is None else (topic,), limit, list_only, as_json)


DECK_OPTION = click.option(
    "--deck",
    "deck_name",
    type=click.Choice(["breadth", "domain"]),
    default="breadth",
    show_default=True,
    help="Which deck: breadth's topics or the domain round's tracks.",
)


@review.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@DECK_OPTION
def export_cards(file: str, deck_name: str) -> None:
    """Write your own cards of a deck to FILE as TOML (what import reads)."""
    from pathlib import Path

    from mlprep.review.deck import DECKS
    from mlprep.review.mine import export_toml, own_cards

    deck = DECKS[deck_name]
    with handling_errors(deck), open_history() as store:
        text, count = export_toml(store, deck), len(own_cards(store, deck))
    try:
        Path(file).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {file}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {count} card{'s' if count != 1 else ''} to {file}.")


@review.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@DECK_OPTION
def import_cards(file: str, deck_name: str) -> None:
    """Add (or replace) your own cards from a TOML FILE: all of it, or nothing if one is bad."""
    from pathlib import Path

    from mlprep.review import mine
    from mlprep.review.deck import DECKS

    deck = DECKS[deck_name]
    try:
        text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {file}: {exc}") from None
    with handling_errors(deck):
        try:
            cards = mine.parse_cards(text, deck, file)
        except mine.CardError as exc:
            raise CliError(f"{exc}\nNothing was imported.") from None
        with open_history() as store:
            added, replaced = mine.import_cards(store, deck, cards, _now())
    click.echo(f"Imported {added} new and {replaced} replaced {deck.round} cards.")


@review.command("undo")
@DECK_OPTION
def undo(deck_name: str) -> None:
    """Take back the deck's last rating: the card is as it was before it."""
    from mlprep.review.deck import DECKS
    from mlprep.review.scheduler import RATING_NAMES, undo_last

    deck = DECKS[deck_name]
    with handling_errors(deck), open_history() as store:
        undone = undo_last(store, deck=deck)
    if undone is None:
        raise CliError(f"no {deck.round} rating to undo")
    click.echo(f"Undone: {RATING_NAMES[undone.rating]} on {undone.id}.")


SET_ASIDE_COMMANDS = (  # name, flag, on, help: flags.suspend or flags.bury, as the web's routes
    ("suspend", "suspend", True, "Take card ID (topic/name) out of the queue until unsuspended."),
    ("unsuspend", "suspend", False, "Put a suspended card ID back in the queue."),
    ("bury", "bury", True, "Hide card ID (topic/name) until tomorrow (the next midnight, yours)."),
    ("unbury", "bury", False, "Put a buried card ID back in the queue now."),
)


def _add_set_aside_command(name: str, action: str, on: bool, help_text: str) -> None:
    @review.command(name, help=help_text)
    @click.argument("card_id", metavar="ID")
    @DECK_OPTION
    def command(card_id: str, deck_name: str) -> None:
        _set_card_aside(card_id, deck_name, action, on)


for _command in SET_ASIDE_COMMANDS:
    _add_set_aside_command(*_command)


@review.command("set-aside")
@DECK_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
def list_set_aside(deck_name: str, as_json: bool) -> None:
    """List the deck's suspended and buried cards."""
    from mlprep.review import flags
    from mlprep.review.deck import DECKS

    deck = DECKS[deck_name]
    with handling_errors(deck), open_history() as store:
        aside = flags.set_aside(store, deck, _now())
    if as_json:
        rows = [
            {
                "id": item.id,
                "suspended": item.suspended,
                "buried_until": item.buried_until and item.buried_until.isoformat(),
            }
            for item in aside.values()
        ]
        click.echo(json.dumps(rows))
        return
    for item in aside.values():
        click.echo(f"{item.id}: {_aside_words(item.suspended, item.buried_until)}")
    click.echo(f"{_count(len(aside), 'card')} set aside.")


def _set_card_aside(card_id: str, deck_name: str, action: str, on: bool) -> None:
    """Suspend or bury (``action``) a card of the deck, or bring it back (not ``on``)."""
    from mlprep.review.deck import DECKS
    from mlprep.review.mine import deck_bank
    from mlprep.review.scheduler import UnknownQuestion

    deck = DECKS[deck_name]
    with handling_errors(deck), open_history() as store:
        if card_id not in deck_bank(store, deck):
            raise UnknownQuestion(card_id, deck)
        until = set_card_aside(store, deck, card_id, action, on)
    if not on:
        click.echo(f"{card_id} is back in the queue.")
    else:
        click.echo(f"{card_id}: {_aside_words(action == 'suspend', until)}.")


def set_card_aside(store: Store, deck: Deck, card_id: str, action: str, on: bool) -> datetime:
    """:func:`mlprep.review.flags.suspend` or :func:`~mlprep.review.flags.bury` the card now;
    returns until when it is buried (now for a suspension)."""
    from mlprep.review import flags

    now = _now()
    if action == "bury":
        return flags.bury(store, deck, card_id, now, on)
    flags.suspend(store, deck, card_id, now, on)
    return now


def _aside_words(suspended: bool, buried_until: datetime | None) -> str:
    if suspended:
        return "suspended (mlprep review unsuspend brings it back)"
    assert buried_until is not None
    return f"buried until {buried_until.astimezone().strftime('%Y-%m-%d %H:%M')}"


@review.command("fit")
def fit() -> None:
    """Fit FSRS's parameters to your own review log (needs the optimizer extra)."""
    from mlprep.review import fitting
    from mlprep.review.deck import BREADTH

    with handling_errors(BREADTH), open_history() as store:
        try:
            found = fitting.fit(store, _now())
        except fitting.CannotFit as exc:
            raise CliError(str(exc)) from None
    console().print(f"FSRS fitted to your {found.reviews} ratings; it schedules with them now.")


@contextmanager
def handling_errors(deck: Deck) -> Iterator[None]:
    """The usual failures of a review command, as :class:`CliError` with the right exit code."""
    from mlprep.content import ContentError
    from mlprep.review.scheduler import UnknownQuestion, UnknownTopic
    from mlprep.store import StoreError

    try:
        yield
    except (UnknownTopic, UnknownQuestion) as exc:
        raise CliError(str(exc)) from None
    except StoreError as exc:
        raise CliError(f"cannot use the history: {exc}", EXIT_ENVIRONMENT) from None
    except ContentError as exc:
        raise CliError(f"malformed {deck.round} question: {exc}", EXIT_ENVIRONMENT) from None


def run_session(
    store: Store,
    topics: Scope,
    limit: int | None,
    list_only: bool,
    as_json: bool,
    deck: Deck | None = None,
) -> None:
    """List, or study one by one, the cards due now in ``topics`` of ``deck`` (breadth)."""
    from mlprep.review.deck import BREADTH
    from mlprep.review.scheduler import due_cards

    deck = deck or BREADTH
    out = console()
    cards = due_cards(store, _now(), topics=topics, limit=limit, deck=deck)
    if list_only:
        _print_list(out, cards, as_json)
    elif not cards:
        out.print("Nothing is due now. " + _next_due_note(store, topics, deck))
    else:
        tally = _review(out, store, cards, click.get_text_stream("stdin"), deck)
        _print_summary(out, store, topics, tally, deck)


# --- one session ------------------------------------------------------------------------------


def _review(out: Console, store: Store, cards: list[DueCard], lines: TextIO, deck: Deck) -> Tally:
    tally = Tally()
    for number, card in enumerate(cards, start=1):
        _show_card(out, card, f"{number}/{len(cards)}")
        try:
            answer, correct = _attempt(out, card, lines)
            rating = _ask_rating(out, correct, lines)
        except _Stop:
            break
        except _SetAside as aside:
            until = set_card_aside(store, deck, card.id, aside.action, True)
            words = _aside_words(aside.action == "suspend", until)
            out.print(f"[dim]{card.id}: {words}.[/]", highlight=False)
            continue
        _record(out, store, card, rating, correct, answer, deck)
        tally.ratings[rating] += 1
        tally.graded += correct is not None
        tally.right += bool(correct)
    return tally


def _show_card(out: Console, card: DueCard, position: str) -> None:
    from rich.rule import Rule

    from mlprep.cli.mathtext import markdown, math_to_unicode

    q = card.question
    label = "new" if card.new else "review"
    out.print(Rule(f"{position}  {card.id}  ·  {q.kind}  ·  {q.difficulty}  ·  {label}"))
    out.print(markdown(q.question))
    for index, choice in enumerate(q.choices or []):
        shown = math_to_unicode(choice, markdown=False)
        out.print(f"  {chr(ord('a') + index)}) {shown}", markup=False)


def _attempt(out: Console, card: DueCard, lines: TextIO) -> tuple[str, bool | None]:
    """Read the answer; mark it if the kind is graded, then show the model answer."""
    from rich.markup import escape

    from mlprep.cli.mathtext import math_to_unicode
    from mlprep.review.grading import AnswerError
    from mlprep.review.scheduler import check_answer

    question = card.question
    if question.kind == "open":
        answer = _ask(out, "Your answer (Enter to reveal): ", lines)
        _show_answer(out, card)
        return answer, None
    hint = f"a-{chr(ord('a') + len(question.choices) - 1)}" if question.choices else "a number"
    while True:
        answer = _ask(out, f"Your answer ({hint}; Enter if you do not know): ", lines)
        try:
            marking = check_answer(question, answer)
            break
        except AnswerError as exc:
            out.print(f"[red]{escape(str(exc))}[/]")
    verdict = "[bold green]Right.[/]" if marking.correct else "[bold red]Wrong.[/]"
    expected = math_to_unicode(marking.expected, markdown=False)
    out.print(f"{verdict} The answer is {escape(expected)}")
    _show_answer(out, card)
    return answer, marking.correct


def _show_answer(out: Console, card: DueCard) -> None:
    from rich.panel import Panel

    from mlprep.cli.mathtext import markdown

    out.print(Panel(markdown(card.question.answer), title="Model answer", title_align="left"))


def _ask_rating(out: Console, correct: bool | None, lines: TextIO) -> int:
    from mlprep.review.scheduler import RATING_NAMES, suggested_rating

    suggestion = None if correct is None else suggested_rating(correct)
    default = f" [Enter = {suggestion} {RATING_NAMES[suggestion]}]" if suggestion else ""
    while True:
        try:
            text = _ask(out, f"Rate it: {RATING_PROMPT}{default}: ", lines)
        except _Stop as stop:
            # At the end of piped input a marked card keeps its suggested rating; q discards it.
            if suggestion is None or not stop.at_eof:
                raise
            return suggestion
        if not text and suggestion is not None:
            return suggestion
        if text in ("1", "2", "3", "4"):
            return int(text)
        out.print("[red]rate with 1, 2, 3 or 4 (or q to stop)[/]")


def _ask(out: Console, prompt: str, lines: TextIO) -> str:
    """One line of input, stripped; :class:`_Stop` on ``q`` or at the end of the input,
    :class:`_SetAside` on ``-`` or ``@``."""
    out.print(prompt, end="", markup=False)
    line = lines.readline()
    if not line:
        out.print()
        raise _Stop(at_eof=True)
    text = line.strip()
    if not lines.isatty():  # piped input is not echoed: show it, so the transcript reads well
        out.print(text, markup=False)
    if text.lower() == QUIT:
        raise _Stop(at_eof=False)
    if text in SET_ASIDE_KEYS:
        raise _SetAside(SET_ASIDE_KEYS[text])
    return text


def _record(
    out: Console,
    store: Store,
    card: DueCard,
    rating: int,
    correct: bool | None,
    answer: str,
    deck: Deck,
) -> None:
    from mlprep.review.scheduler import RATING_NAMES, describe_wait, record_rating

    now = _now()
    rated = record_rating(store, card.id, rating, now, correct=correct, answer=answer, deck=deck)
    when = rated.due.astimezone().strftime("%Y-%m-%d %H:%M")
    wait = describe_wait(rated.due, now)
    out.print(f"[dim]{RATING_NAMES[rating]}: next review in {wait} ({when}).[/]")


def _print_summary(out: Console, store: Store, topics: Scope, tally: Tally, deck: Deck) -> None:
    from mlprep.review.scheduler import due_cards

    out.rule("Summary")
    out.print(summary_line(tally), markup=False, soft_wrap=True)
    left = len(due_cards(store, _now(), topics=topics, deck=deck))
    out.print(f"{left} card{'s' if left != 1 else ''} still to study today.")


def summary_line(tally: Tally) -> str:
    """ "Reviewed 3 cards: 1 of 1 graded answer right, 2 open cards self-rated (Good 3)."."""
    from mlprep.review.scheduler import RATING_NAMES

    reviewed = sum(tally.ratings.values())
    if not reviewed:
        return "No card was rated."
    parts = []
    if tally.graded:
        parts.append(f"{tally.right} of {_count(tally.graded, 'graded answer')} right")
    if reviewed > tally.graded:
        parts.append(f"{_count(reviewed - tally.graded, 'open card')} self-rated")
    counts = ", ".join(f"{RATING_NAMES[r]} {tally.ratings[r]}" for r in sorted(tally.ratings))
    return f"Reviewed {_count(reviewed, 'card')}: {', '.join(parts)} ({counts})."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


# --- the non-interactive views ------------------------------------------------------------------


def print_stats(
    out: Console,
    store: Store,
    as_json: bool,
    deck: Deck,
    marked: tuple[str, ...] = (),
    title: str = "Breadth cards",
) -> None:
    """Due, new and total cards per topic (or track) of ``deck``; ``marked`` ones get a ``*``."""
    from rich.table import Table

    from mlprep.review.scheduler import due_counts, new_left_today, retention

    now = _now()
    counts = due_counts(store, now, deck=deck)
    recall = {r.topic: r for r in retention(store, now, deck=deck)}
    if as_json:
        rows = [vars(c) | {"recalled_30d": recall[c.topic].recalled} for c in counts]
        if marked:
            rows = [row | {"chosen": row["topic"] in marked} for row in rows]
        click.echo(json.dumps(rows))
        return
    table = Table(deck.unit, "due", "new", "total", "recalled (30 d)", title=title)
    for c in counts:
        share = recall[c.topic].recalled
        cells = (c.due, c.new, c.total)
        name = f"{c.topic} *" if c.topic in marked else c.topic
        table.add_row(name, *map(str, cells), "-" if share is None else f"{share:.0%}")
    totals = (sum(c.due for c in counts), sum(c.new for c in counts), sum(c.total for c in counts))
    table.add_section()
    table.add_row("all", *map(str, totals), "")
    out.print(table)
    out.print(f"{new_left_today(store, now, deck=deck)} new cards may still be started today.")


def _print_list(out: Console, cards: list[DueCard], as_json: bool) -> None:
    rows = [
        {
            "id": c.id,
            "topic": c.topic,
            "kind": c.question.kind,
            "difficulty": c.question.difficulty,
            "new": c.new,
            "due": c.due.isoformat(),
        }
        for c in cards
    ]
    if as_json:
        click.echo(json.dumps(rows))
        return
    for row in rows:
        out.print(f"{row['id']}  {row['kind']}  {row['difficulty']}  {'new' if row['new'] else ''}")
    out.print(f"{len(rows)} card{'s' if len(rows) != 1 else ''} to study now.")


def _next_due_note(store: Store, topics: Scope, deck: Deck) -> str:
    from mlprep.review.scheduler import describe_wait, due_counts, next_due

    now = _now()
    counts = [c for c in due_counts(store, now, deck=deck) if topics is None or c.topic in topics]
    if sum(c.new for c in counts):
        return "Today's new cards are done; more tomorrow."
    dues = [next_due(store, topic=t, deck=deck) for t in (topics or (None,))]
    upcoming = min((d for d in dues if d is not None), default=None)
    return "" if upcoming is None else f"The next card is due in {describe_wait(upcoming, now)}."


def _now() -> datetime:
    # Local time zone, so "today" (the daily cap on new cards) is the user's own day.
    return datetime.now().astimezone()


COMMANDS = [review]
