"""The mock interview loop: composing rounds, scoring each one, and the loop's report.

A loop is one practice session of kind ``loop``; its ``spec`` lists the rounds drawn, in order.
Each round stores its answers in that session (``round`` = the round's kind): the coding round
one row for the problem (``auto_score`` = tests passed / total), the breadth and domain rounds one
row per question (1 or 0 when marked, the self-rating for open ones; the domain round draws from
the user's chosen tracks, else from all), the design round one row per step,
the prompt rounds one row per part. A round's score is computed from those rows, so the report
can be rebuilt at any time; a round with no rows was not done.

The spec also keeps what a page needs to pick a loop up again after a reload (``state``: per
round, when it began, the draft and the answers checked), and whether the loop runs in
interview mode, which locks the coding round's hints and editorial while the loop is open
(:func:`locked_problems`). The report's next actions are commands in the terminal and links to
the pages on the web (:data:`COMMANDS`, :data:`PAGES`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from mlprep.coach.rounds import DECK_ROUNDS, ROUND_TITLES, ROUNDS
from mlprep.design import mock as design_mock
from mlprep.prompts import practice as prompt_practice
from mlprep.review.deck import BREADTH, DECKS, Deck, unit_of
from mlprep.review.grading import mark
from mlprep.review.schema import Question
from mlprep.store.db import Store
from mlprep.store.practice import (
    Answer,
    Practice,
    answers,
    finish_session,
    get_session,
    list_sessions,
    save_answer,
    start_session,
    update_spec,
)

KIND = "loop"
DEFAULT_ROUNDS = ("coding", "breadth", "design", "behavioral")
DEFAULT_MINUTES = {
    "coding": 45,
    "breadth": 15,
    "domain": 15,
    "design": 30,
    "behavioral": 10,
    "deep_dive": 10,
}
SHORT_DESIGN_STEPS = ("goal", "data", "baseline", "evaluation", "serving")
BREADTH_QUESTIONS = 5
WEAK_BELOW = 0.75  # a round or item scoring less goes into "what to work on"
# An interview-mode loop locks hints and editorials until it is finished, or, when it is left
# open, until this long after it started, so an abandoned loop does not lock them for good.
INTERVIEW_LOCK = timedelta(hours=12)


class LoopError(ValueError):
    """A loop cannot be composed or scored as asked; the message says why."""


@dataclass(frozen=True)
class Round:
    """One round of a loop: what was drawn for it and its time box."""

    kind: str
    minutes: int
    item: str = ""  # the problem, case or prompt drawn; empty for breadth and domain
    items: tuple[str, ...] = ()  # question ids (breadth, domain), or the design steps to answer

    def to_json(self) -> dict:
        return {**asdict(self), "items": list(self.items)}

    @classmethod
    def from_json(cls, data: Mapping) -> Round:
        return cls(data["kind"], data["minutes"], data.get("item", ""), tuple(data["items"]))


@dataclass(frozen=True)
class RoundScore:
    round: Round
    score: float | None  # None: the round was not done
    weak_spots: list[str] = field(default_factory=list)  # concrete next actions

    @property
    def title(self) -> str:
        return ROUND_TITLES[self.round.kind]


# --- composing ------------------------------------------------------------------------------


def parse_rounds(text: str | Iterable[str] | None) -> list[str]:
    """Round kinds from ``"coding,breadth"`` (or a list), in the canonical order, no repeats."""
    if text is None:
        return list(DEFAULT_ROUNDS)
    given = text.split(",") if isinstance(text, str) else list(text)
    chosen = [g.strip().replace("-", "_") for g in given if g.strip()]
    unknown = [c for c in chosen if c not in ROUNDS]
    if unknown:
        raise LoopError(f"unknown round '{unknown[0]}'; choose from {', '.join(ROUNDS)}")
    if not chosen:
        raise LoopError(f"choose at least one round from {', '.join(ROUNDS)}")
    return [r for r in ROUNDS if r in chosen]


def parse_minutes(text: str | Mapping[str, int] | None, rounds: list[str]) -> dict[str, int]:
    """Minutes per round from ``"20"`` (every round), ``"coding=30,design=20"`` or a mapping."""
    minutes = {r: DEFAULT_MINUTES[r] for r in rounds}
    if text is None or text == "":
        return minutes
    if isinstance(text, str) and "=" not in text:
        return {r: _minutes_value(text, "every round") for r in rounds}
    pairs = text.items() if isinstance(text, Mapping) else _pairs(text)
    for name, value in pairs:
        kind = str(name).strip().replace("-", "_")
        if kind not in minutes:
            raise LoopError(f"'{kind}' is not one of the chosen rounds ({', '.join(rounds)})")
        minutes[kind] = _minutes_value(value, kind)
    return minutes


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    for chunk in filter(None, (c.strip() for c in text.split(","))):
        name, sep, value = chunk.partition("=")
        if not sep:
            raise LoopError(f"'{chunk}' should look like round=minutes, e.g. coding=30")
        pairs.append((name, value))
    return pairs


def _minutes_value(value: object, what: str) -> int:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        raise LoopError(f"minutes for {what} must be a whole number, not '{value}'") from None
    if not 1 <= minutes <= 180:
        raise LoopError(f"minutes for {what} must be between 1 and 180, not {minutes}")
    return minutes


def compose(
    store: Store,
    rounds: list[str],
    minutes: Mapping[str, int],
    *,
    problems: Iterable[str],
    rng: random.Random,
    breadth_questions: int = BREADTH_QUESTIONS,
    full_design: bool = False,
    domain_tracks: Iterable[str] | None = None,
) -> list[Round]:
    """Draw each round's material: an unsolved problem, questions, a case, prompts.

    The breadth and domain rounds ask ``breadth_questions`` questions each; the domain round's
    come from ``domain_tracks``, by default the user's chosen tracks (all when none are chosen).
    """
    if not 1 <= breadth_questions <= 30:
        raise LoopError(f"the breadth round asks 1 to 30 questions, not {breadth_questions}")
    drawn = []
    for kind in rounds:
        if kind == "coding":
            drawn.append(Round(kind, minutes[kind], _draw_problem(store, problems, rng)))
        elif kind in DECK_ROUNDS:
            units: tuple[str, ...] = ()
            if kind == "domain":
                units = _domain_tracks(store, domain_tracks)
            questions = _draw_questions(breadth_questions, rng, DECKS[kind], units)
            drawn.append(Round(kind, minutes[kind], "", questions))
        elif kind == "design":
            steps = design_mock.bank.framework().keys if full_design else SHORT_DESIGN_STEPS
            case = design_mock.choose_case(store, rng)
            drawn.append(Round(kind, minutes[kind], case, tuple(steps)))
        else:
            prompt = prompt_practice.choose_prompt(store, kind, rng)
            drawn.append(Round(kind, minutes[kind], prompt))
    return drawn


def _draw_problem(store: Store, problems: Iterable[str], rng: random.Random) -> str:
    slugs = sorted(problems)
    if not slugs:
        raise LoopError("there are no coding problems to draw from")
    store.ingest_outbox()  # submissions judged from the command line meanwhile
    unsolved = [s for s in slugs if s not in store.solved_problems()]
    return rng.choice(unsolved or slugs)


def _domain_tracks(store: Store, given: Iterable[str] | None) -> tuple[str, ...]:
    from mlprep.domain.bank import UnknownTrack, parse_tracks
    from mlprep.store.settings import chosen_tracks

    if given is None:
        return chosen_tracks(store)
    try:
        return parse_tracks(list(given))
    except UnknownTrack as exc:
        raise LoopError(str(exc)) from None


def _draw_questions(
    count: int, rng: random.Random, deck: Deck = BREADTH, units: Iterable[str] = ()
) -> tuple[str, ...]:
    """``count`` questions, one per topic in a shuffled topic order, cycling when needed.

    ``units`` narrows the draw to those topics (tracks); none means every one of the deck.
    """
    wanted = set(units)
    by_topic: dict[str, list[str]] = {}
    for qid in deck.questions():
        if not wanted or unit_of(qid) in wanted:
            by_topic.setdefault(unit_of(qid), []).append(qid)
    for pool in by_topic.values():
        rng.shuffle(pool)
    order = list(by_topic)
    rng.shuffle(order)
    count = min(count, sum(len(pool) for pool in by_topic.values()))
    drawn: list[str] = []
    while len(drawn) < count:
        topic = order[len(drawn) % len(order)]
        remaining = [q for q in by_topic[topic] if q not in drawn]
        if remaining:
            drawn.append(remaining[0])
    return tuple(drawn)


def start(
    store: Store, rounds: list[Round], now: datetime | None = None, interview: bool = False
) -> Practice:
    """Open the loop; in interview mode hints and editorials stay locked while it runs."""
    total = sum(r.minutes for r in rounds)
    spec = {"rounds": [r.to_json() for r in rounds], "interview": interview, "state": {}}
    return start_session(store, KIND, total, spec, now=now)


def is_interview(practice: Practice) -> bool:
    return bool(practice.spec.get("interview"))


def locked_problems(store: Store, now: datetime | None = None) -> set[str]:
    """The problems of coding rounds in interview-mode loops still running: no hints, no
    editorial, no reference for them."""
    moment = now or datetime.now(UTC)
    locked = set()
    for practice in list_sessions(store, KIND, limit=20):
        running = practice.finished_at is None and moment - practice.started_at < INTERVIEW_LOCK
        if running and is_interview(practice):
            locked.update(r.item for r in rounds_of(practice) if r.kind == "coding")
    return locked


def round_state(practice: Practice, index: int) -> dict[str, Any]:
    """What a page keeps of round ``index``: ``began`` (ISO time), ``draft``, ``checked``."""
    return practice.spec.get("state", {}).get(str(index), {})


def update_round_state(
    store: Store, practice: Practice, index: int, changes: Mapping[str, Any]
) -> Practice:
    """Merge ``changes`` into round ``index``'s state, read and written in one transaction."""

    def merged(spec: dict[str, Any]) -> dict[str, Any]:
        state = dict(spec.get("state", {}))
        state[str(index)] = {**state.get(str(index), {}), **changes}
        return {"state": state}

    return update_spec(store, practice.uid, merged)


def begin_round(store: Store, practice: Practice, index: int, now: datetime | None = None) -> str:
    """When round ``index`` began (ISO time), recorded the first time it is asked."""
    began = round_state(practice, index).get("began")
    if began is None:
        began = (now or datetime.now(UTC)).isoformat()
        practice = update_round_state(store, practice, index, {"began": began})
    return round_state(practice, index)["began"]


def get_loop(store: Store, uid: str) -> Practice:
    found = get_session(store, uid)
    if found is None or found.kind != KIND:
        raise LookupError(f"no mock loop '{uid}'")
    return found


def rounds_of(practice: Practice) -> list[Round]:
    return [Round.from_json(r) for r in practice.spec["rounds"]]


def last_loop(store: Store) -> Practice | None:
    """The most recent finished loop."""
    return next((p for p in list_sessions(store, KIND) if p.finished_at is not None), None)


# --- scoring each round ---------------------------------------------------------------------


def save_coding(
    store: Store,
    practice: Practice,
    slug: str,
    source: str,
    passed: int,
    total: int,
    now: datetime | None = None,
) -> Answer:
    score = passed / total if total else 0.0
    return save_answer(
        store, "coding", slug, source, session_id=practice.id, auto_score=score, now=now
    )


def begin_coding(store: Store, practice: Practice, slug: str, now: datetime | None = None) -> None:
    """Mark when the coding round began (a row without a score), unless it already began."""
    if _coding_row(store, practice, slug) is None:
        save_answer(store, "coding", slug, "", session_id=practice.id, now=now)


def score_coding_since_start(
    store: Store, practice: Practice, slug: str, now: datetime | None = None
) -> Answer:
    """Score the round by the best judged submission to ``slug`` since the round began."""
    row = _coding_row(store, practice, slug)
    began = row.created_at if row is not None else practice.started_at
    store.ingest_outbox()
    judged = [
        s
        for s in store.history(slug, limit=1000)
        if s.mode == "judge" and s.created_at >= began and s.total
    ]
    if not judged:
        return save_coding(store, practice, slug, "", 0, 0, now=now)
    best = max(judged, key=lambda s: (s.passed / s.total, s.created_at))
    full = store.get(best.id)
    source = full.source if full is not None else ""
    return save_coding(store, practice, slug, source, best.passed, best.total, now=now)


def _coding_row(store: Store, practice: Practice, slug: str) -> Answer | None:
    rows = answers(store, session_id=practice.id, round_name="coding")
    return next((a for a in rows if a.item == slug), None)


def question_of(round_name: str, question_id: str) -> Question:
    """A breadth or domain round's question by its id in that round's deck."""
    return DECKS[round_name].questions()[question_id]


def breadth_score(
    question_id: str, answer: str, rating: int | None, round_name: str = "breadth"
) -> float:
    """1 or 0 for a choice or numeric answer (blank is wrong); the rating for an open one.

    ``round_name`` is the question's round, breadth or domain. Raises
    :class:`mlprep.review.grading.AnswerError` for an unreadable answer and ValueError for an
    open question without a 1-4 rating.
    """
    question = question_of(round_name, question_id)
    if question.kind == "open":
        if rating is None:
            raise ValueError(f"rate yourself 1-4 on the open question '{question_id}'")
        return prompt_practice.rating_score(rating)
    if not answer.strip():
        return 0.0
    return 1.0 if mark(question, answer).correct else 0.0


def save_breadth(
    store: Store,
    practice: Practice,
    question_id: str,
    answer: str,
    score: float,
    now: datetime | None = None,
    round_name: str = "breadth",
) -> Answer:
    """Save one answer of a breadth (or domain) round of the loop, with its score."""
    open_question = question_of(round_name, question_id).kind == "open"
    return save_answer(
        store,
        round_name,
        question_id,
        answer,
        session_id=practice.id,
        auto_score=None if open_question else score,
        self_score=score if open_question else None,
        now=now,
    )


# --- the report -----------------------------------------------------------------------------


class Links(Protocol):
    """How the report points at the next thing to do: a command, or a page."""

    def problem(self, slug: str) -> str: ...
    def deck(self, deck: Deck, unit: str) -> str: ...
    def design(self, case: str) -> str: ...
    def prompt(self, round_name: str, prompt_id: str) -> str: ...
    def loop(self, kind: str) -> str: ...


class _Commands:
    def problem(self, slug: str) -> str:
        return (
            f"`mlprep start {slug}`, then `mlprep judge {slug} FILE` (hints: `mlprep hint {slug}`)"
        )

    def deck(self, deck: Deck, unit: str) -> str:
        return f"`{deck.command} {deck.option} {unit}`"

    def design(self, case: str) -> str:
        return f"re-run `mlprep design {case}`"

    def prompt(self, round_name: str, prompt_id: str) -> str:
        return f"`mlprep {round_name.replace('_', '-')} {prompt_id}`"

    def loop(self, kind: str) -> str:
        return f"`mlprep mock --rounds {kind}`"


class _Pages:
    DECK_PAGES = {"breadth": "/review", "domain": "/domain"}

    def problem(self, slug: str) -> str:
        return f"[the problem page](/problems/{slug}) (its hints open one at a time)"

    def deck(self, deck: Deck, unit: str) -> str:
        return f"[its cards]({self.DECK_PAGES[deck.round]}?{deck.unit}={unit})"

    def design(self, case: str) -> str:
        return f"[run the case again](/design/{case})"

    def prompt(self, round_name: str, prompt_id: str) -> str:
        return f"[the prompt page](/prompts/{round_name}/{prompt_id})"

    def loop(self, kind: str) -> str:
        return "[a new loop](/mock) with this round"


COMMANDS: Links = _Commands()
PAGES: Links = _Pages()


def round_scores(store: Store, practice: Practice, links: Links = COMMANDS) -> list[RoundScore]:
    """Each round's score and next actions, pointing at commands or pages (``links``)."""
    rows: dict[str, list[Answer]] = {}
    for answer in answers(store, session_id=practice.id):
        rows.setdefault(answer.round, []).append(answer)
    return [_score(r, rows.get(r.kind, []), links) for r in rounds_of(practice)]


def _score(round_: Round, rows: list[Answer], links: Links) -> RoundScore:
    if round_.kind == "coding":
        return _coding_score(round_, rows, links)
    if round_.kind in DECK_ROUNDS:
        return _questions_score(round_, rows, links)
    if round_.kind == "design":
        return _design_score(round_, rows, links)
    return _prompt_score(round_, rows, links)


def _coding_score(round_: Round, rows: list[Answer], links: Links) -> RoundScore:
    row = next((a for a in rows if a.item == round_.item and a.auto_score is not None), None)
    if row is None:
        return RoundScore(round_, None)
    actions = []
    if row.auto_score < 1:
        actions.append(
            f"Re-solve `{round_.item}` until every test passes: {links.problem(round_.item)}."
        )
    return RoundScore(round_, row.auto_score, actions)


def _questions_score(round_: Round, rows: list[Answer], links: Links) -> RoundScore:
    scores = {a.item: design_mock.answer_score(a) for a in rows}
    if not scores:
        return RoundScore(round_, None)
    deck = DECKS[round_.kind]
    per_question = [scores.get(q, 0.0) for q in round_.items]
    missed_topics = sorted(
        {unit_of(q) for q, s in zip(round_.items, per_question, strict=True) if s < 1}
    )
    titles = deck.titles()
    actions = [f"Review {titles.get(t, t)}: {links.deck(deck, t)}." for t in missed_topics]
    return RoundScore(round_, sum(per_question) / len(per_question), actions)


def _design_score(round_: Round, rows: list[Answer], links: Links) -> RoundScore:
    scores = {a.part: design_mock.answer_score(a) for a in rows if a.item == round_.item}
    if not scores:
        return RoundScore(round_, None)
    per_step = {k: scores.get(k, 0.0) for k in round_.items}
    titles = design_mock.step_titles()
    # sorted() is stable: equally weak steps stay in the framework's order.
    weak = sorted(((k, s) for k, s in per_step.items() if s < WEAK_BELOW), key=lambda ks: ks[1])
    actions = [
        f"Design step '{titles[k]}' covered {s:.0%} of its rubric: "
        f"{links.design(round_.item)} and compare with the case's sample answer."
        for k, s in weak[:3]
    ]
    return RoundScore(round_, sum(per_step.values()) / len(per_step), actions)


def _prompt_score(round_: Round, rows: list[Answer], links: Links) -> RoundScore:
    row = next((a for a in rows if a.item == round_.item), None)
    if row is None:
        return RoundScore(round_, None)
    score = design_mock.answer_score(row)
    actions = []
    if score < WEAK_BELOW:
        prompt = prompt_practice.get_prompt(round_.kind, round_.item)
        actions.append(
            f"Re-answer `{round_.item}` with {links.prompt(round_.kind, round_.item)} and "
            f'rehearse the follow-up: "{prompt.follow_ups[0]}"'
        )
    return RoundScore(round_, score, actions)


def report(scores: list[RoundScore], practice: Practice, links: Links = COMMANDS) -> str:
    """The Markdown report: per-round scores, then what to work on, weakest first."""
    when = practice.started_at.strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Mock interview loop", "", f"{when}, {practice.minutes} minutes planned.", ""]
    lines += ["| Round | Drawn | Minutes | Score |", "|---|---|---|---|"]
    for s in scores:
        score = "not done" if s.score is None else f"{s.score:.0%}"
        drawn = s.round.item or f"{len(s.round.items)} questions"
        if s.round.kind == "domain":
            tracks = dict.fromkeys(unit_of(q) for q in s.round.items)
            drawn += f" ({', '.join(tracks)})"
        lines.append(f"| {s.title} | {drawn} | {s.round.minutes} | {score} |")
    done = [s.score for s in scores if s.score is not None]
    overall = sum(done) / len(scores) if scores else 0.0
    lines += ["", f"Overall: **{overall:.0%}** ({len(done)} of {len(scores)} rounds done).", ""]
    lines += ["## What to work on", "", *work_on(scores, links)]
    return "\n".join(lines).rstrip() + "\n"


def work_on(scores: list[RoundScore], links: Links = COMMANDS) -> list[str]:
    """Concrete next actions, weakest round first; rounds not done come first of all."""
    ranked = sorted(scores, key=lambda s: -1.0 if s.score is None else s.score)
    lines = []
    for s in ranked:
        if s.score is None:
            lines.append(f"- **{s.title}**: not done. Run it next: {links.loop(s.round.kind)}.")
        elif s.score < WEAK_BELOW or s.weak_spots:
            lines.append(f"- **{s.title}** ({s.score:.0%}):")
            lines += [f"  - {action}" for action in s.weak_spots]
    return lines or ["- Every round scored well. Next time, pick harder rounds or less time."]


def finish(
    store: Store, practice: Practice, now: datetime | None = None, links: Links = COMMANDS
) -> Practice:
    """Write the report (next actions as ``links``: commands, or pages) and close the loop."""
    text = report(round_scores(store, practice, links), practice, links)
    return finish_session(store, practice.uid, text, now=now)
