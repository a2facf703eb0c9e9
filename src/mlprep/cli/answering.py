"""What the answer-writing commands (design, behavioral, deep-dive, mock) share.

Answers come from stdin line by line (a multi-line answer ends with a line holding only ``.``),
so scripts and tests can pipe them; at end of input a command stops and keeps what was
answered. Time limits are advisory: the elapsed time is shown, input is never cut off.
"""

from __future__ import annotations

import json
import time
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mlprep.cli import common
from mlprep.cli.common import EXIT_ENVIRONMENT, CliError, console

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mlprep.rubric import PointMatch
    from mlprep.store.db import Store

END_OF_ANSWER = "."


class Answers:
    """Lines from stdin; remembers end of input so every later question is skipped."""

    def __init__(self) -> None:
        self._stream = click.get_text_stream("stdin")
        self.ended = False

    def line(self, prompt: str) -> str | None:
        """One line, or None at end of input."""
        if self.ended:
            return None
        console().print(prompt, end="", markup=False)
        text = self._stream.readline()
        self.ended = not text
        if self.ended or not self._stream.isatty():
            console().print()  # piped input is not echoed: end the prompt's line here
        return None if self.ended else text.rstrip("\r\n")

    def block(self, prompt: str) -> str | None:
        """Lines up to one holding only ".", or the end of input; None if nothing came."""
        if self.ended:
            return None
        console().print(prompt, markup=False)
        lines = []
        while (text := self._stream.readline()) and text.rstrip("\r\n") != END_OF_ANSWER:
            lines.append(text.rstrip("\r\n"))
        self.ended = not text
        return "\n".join(lines).strip() if lines or not self.ended else None


class Timer:
    """Elapsed wall time since a start, shown against a budget."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    @property
    def minutes(self) -> float:
        return (time.monotonic() - self.started) / 60

    def against(self, budget: float) -> str:
        from mlprep.design.mock import clock

        late = " [red](over)[/]" if self.minutes > budget else ""
        return f"{clock(self.minutes)} of {clock(budget)}{late}"


def escape(text: str) -> str:
    """Text shown as is by Rich, brackets included."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def open_history() -> Store:
    """:func:`mlprep.cli.common.open_history`, or a clear error saying why it cannot be opened."""
    from mlprep.store import StoreError

    try:
        return common.open_history()
    except StoreError as exc:
        raise CliError(f"cannot open your history: {exc}", EXIT_ENVIRONMENT) from None


def parse_ticks(text: str, count: int) -> frozenset[int] | None:
    """Point numbers like "1 3" or "1,3" (or "none") as 0-based indexes; None if unreadable."""
    words = text.replace(",", " ").split()
    if words in (["none"], ["-"], ["0"]):
        return frozenset()
    if not all(w.isdigit() and 1 <= int(w) <= count for w in words):
        return None
    return frozenset(int(w) - 1 for w in words)


def ask_ticks(inp: Answers, suggested: frozenset[int], count: int) -> frozenset[int]:
    """Which points the user covered; Enter (or end of input) accepts the suggestion."""
    shown = ",".join(str(i + 1) for i in sorted(suggested)) or "none"
    while True:
        text = inp.line(f"Points you covered (numbers; Enter accepts {shown}): ")
        if text is None or not text.strip():
            return suggested
        ticks = parse_ticks(text, count)
        if ticks is not None:
            return ticks
        click.secho(f"  type point numbers between 1 and {count}, e.g. 1 3, or none", fg="red")


def show_matches(matches: Sequence[PointMatch], title: str) -> None:
    """The rubric or checklist with the estimate and the answer's own words that matched."""
    from rich.table import Table

    table = Table("#", title, "estimate", "your words that matched", show_lines=False)
    for number, m in enumerate(matches, start=1):
        mark = "[green]covered[/]" if m.covered else "[dim]missing[/]"
        table.add_row(str(number), escape(m.point), mark, ", ".join(m.found))
    console().print(table)


def read_answer_file(path: Path) -> dict[str, str]:
    """A JSON or TOML mapping of part (step key, STAR section) to answer text."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise CliError(f"{path} is not valid {path.suffix.lstrip('.') or 'JSON'}: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CliError(f"{path} must map each part to its answer text")
    return data


def write_report(path: Path | None, text: str) -> None:
    if path is None:
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
    click.echo(f"Report written to {path}")


def ask_rating(inp: Answers, default: int) -> int:
    from mlprep.prompts.practice import RATINGS

    scale = ", ".join(f"{k} {v.split(':')[0]}" for k, v in RATINGS.items())
    while True:
        text = inp.line(f"Rate yourself ({scale}; Enter accepts {default}): ")
        if text is None or not text.strip():
            return default
        if text.strip() in ("1", "2", "3", "4"):
            return int(text)
        click.secho("  type 1, 2, 3 or 4", fg="red")
