"""The study plan: time until the interview, split across rounds and topics by measured weakness.

Each chosen round's share of the time is its base weight times its weakness, one minus its
mastery (:mod:`mlprep.coach.mastery`; a round never practised is 0% mastered, a mastered one
keeps 5%). Stories for the behavioral and deep-dive rounds weigh 0.7; the domain round weighs 0.4
per track it covers (the user's chosen tracks, else all of them, at most 1) and is planned by
default only once tracks are chosen (``mlprep domain --choose``). Within a round, a topic's next
block goes to the one with the most weakness per block it already has (unmeasured topics count
as 0% mastered), so a weak topic gets several blocks before a strong one gets its first. Each
block works on one item (a problem, a case, a prompt); design blocks walk a different case each
time until every case has come round.

Each day's minutes are ``hours_per_week * 60 / 7``, rounded so that every seven days add up to
the weekly hours exactly. A study day's minutes become 30-90 minute blocks; a day with less than
30 minutes carries its time over to the next. The plan tapers: two days before the interview is
a mock loop of the chosen rounds that fit the day, at their real length, weakest first (the rest
of the day goes over its report); the day before is a light review of half the day's time, at
most an hour: nothing new and no loop. Every task links to its page and names its command, and
ticks itself when the store shows the work done on its day (:func:`active_plan`). Plans live in
``plans`` and ``plan_tasks``; a new plan deactivates the old one.
"""

from __future__ import annotations

import json
import math
import shlex
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from mlprep.coach.mastery import Mastery, TopicScore
from mlprep.coach.rounds import ROUND_TITLES, ROUNDS
from mlprep.store.records import from_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mlprep.store import Store
    from mlprep.store.models import PlanRow, PlanTaskRow

ROUND_CHOICES = ROUNDS
LOOP = "loop"  # the mock loop of the last day; not a round of its own
TASK_TITLES = {**ROUND_TITLES, LOOP: "Mock loop"}
# Stories for behavioral and deep-dive rounds, once written, need less time than problems,
# cards or designs, so those rounds start lighter before weakness is taken into account.
BASE_WEIGHTS = {"coding": 1.0, "breadth": 1.0, "design": 1.0, "behavioral": 0.7, "deep_dive": 0.7}
DOMAIN_WEIGHT_PER_TRACK = 0.4  # one track weighs 0.4, three or more as much as coding
MAX_HOURS_PER_WEEK = 80.0
MAX_DAYS = 366
BLOCK_MIN, BLOCK_TARGET, BLOCK_MAX = 30, 45, 90
UNMEASURED_SCORE = 0.0  # never practised: not mastered
MIN_WEAKNESS = 0.05  # mastered topics still come back now and then
LIGHT_SHARE, LIGHT_MAX = 0.5, 60  # the day before: half its minutes, at most an hour
REPORT = "report"  # the topic of the block that goes over the mock loop's report
# the question rounds: their page, command and the option naming one topic or track
DECK_LINKS = {
    "breadth": ("/review", "mlprep review", "topic"),
    "domain": ("/domain", "mlprep domain", "track"),
}


class PlanError(ValueError):
    """Inputs a plan cannot be made from; the message says what to change."""


class UnknownTask(LookupError):
    """No such task in the active plan."""


@dataclass(frozen=True)
class Block:
    """One planned block of practice, before it is stored."""

    day: date
    round: str
    topic: str
    minutes: int
    what: str
    # what it works on: a problem, case or prompt id, or the loop's rounds ("coding,design")
    item: str = field(default="", kw_only=True)

    @property
    def href(self) -> str:
        """The page of the web app where the block's work is done."""
        return task_link(self.round, self.topic, self.item)[0]

    @property
    def command(self) -> str:
        """The ``mlprep`` command that does the block's work in a terminal."""
        return task_link(self.round, self.topic, self.item)[1]


@dataclass(frozen=True)
class PlanTask(Block):
    id: int
    done_at: datetime | None  # ticked by hand
    evidence: str = field(default="", kw_only=True)  # the work found in the store, in words

    @property
    def done(self) -> bool:
        return self.done_at is not None or bool(self.evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "round": self.round,
            "topic": self.topic,
            "minutes": self.minutes,
            "what": self.what,
            "item": self.item,
            "href": self.href,
            "command": self.command,
            "done": self.done,
            "done_at": None if self.done_at is None else self.done_at.isoformat(),
            "evidence": self.evidence,
        }


def task_link(round_name: str, topic: str, item: str) -> tuple[str, str]:
    """(page, command) of a task: where its round's work on ``topic`` and ``item`` is done."""
    if round_name == "coding":
        if item:
            return f"/problems/{quote(item)}", f"mlprep start {shlex.quote(item)}"
        return "/", f"mlprep list --topic {shlex.quote(topic)}"
    if round_name in DECK_LINKS:
        page, command, option = DECK_LINKS[round_name]
        if topic:
            return (
                f"{page}?{urlencode({option: topic})}",
                f"{command} --{option} {shlex.quote(topic)}",
            )
        return page, command
    if round_name == "design":
        if item:
            return f"/design/{quote(item)}", f"mlprep design {shlex.quote(item)}"
        return "/design", "mlprep design"
    if round_name in ("behavioral", "deep_dive"):
        command = "mlprep " + round_name.replace("_", "-")
        if item:
            return f"/prompts/{round_name}/{quote(item)}", f"{command} {shlex.quote(item)}"
        return "/prompts", command
    if topic == REPORT:
        return "/mock", "mlprep mock --last"
    return "/mock", f"mlprep mock --rounds {item}" if item else "mlprep mock"


@dataclass(frozen=True)
class Plan:
    id: int
    created_at: datetime
    interview_date: date
    hours_per_week: float
    rounds: tuple[str, ...]
    active: bool
    tasks: tuple[PlanTask, ...]

    @property
    def total_minutes(self) -> int:
        return sum(t.minutes for t in self.tasks)

    @property
    def done_minutes(self) -> int:
        return sum(t.minutes for t in self.tasks if t.done)

    def minutes_by_round(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for task in self.tasks:
            totals[task.round] += task.minutes
        return dict(totals)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, tasks included."""
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "interview_date": self.interview_date.isoformat(),
            "hours_per_week": self.hours_per_week,
            "rounds": list(self.rounds),
            "total_minutes": self.total_minutes,
            "done_minutes": self.done_minutes,
            "minutes_by_round": self.minutes_by_round(),
            "tasks": [t.to_dict() for t in self.tasks],
        }

    def days(
        self, first: date | None = None, last: date | None = None
    ) -> dict[date, list[PlanTask]]:
        """Tasks per day, in day order, optionally only from ``first`` to ``last`` inclusive."""
        by_day: dict[date, list[PlanTask]] = defaultdict(list)
        for task in self.tasks:
            if (first is None or task.day >= first) and (last is None or task.day <= last):
                by_day[task.day].append(task)
        return dict(sorted(by_day.items()))


# --- inputs ---------------------------------------------------------------------------------


def parse_rounds(
    names: Iterable[str] | None, *, domain_tracks: Sequence[str] = ()
) -> tuple[str, ...]:
    """Round names (commas allowed inside one) to canonical rounds, in the usual order.

    By default every round, the domain round only when ``domain_tracks`` were chosen.
    """
    if names is None:
        return tuple(r for r in ROUNDS if r != "domain" or domain_tracks)
    wanted = set()
    for name in (part.strip() for given in names for part in given.split(",")):
        if not name:
            continue
        key = name.lower().replace("-", "_")
        if key not in ROUND_CHOICES:
            choices = ", ".join(ROUND_CHOICES)
            raise PlanError(f"unknown round '{name}': choose from {choices}")
        wanted.add(key)
    if not wanted:
        raise PlanError(f"choose at least one round from {', '.join(ROUND_CHOICES)}")
    return tuple(r for r in ROUNDS if r in wanted)


def check_inputs(interview_date: date, hours_per_week: float, start: date) -> None:
    if interview_date <= start:
        raise PlanError(
            f"the interview date {interview_date} is not in the future "
            f"(the plan starts on {start}): give a later --interview-date"
        )
    if (interview_date - start).days > MAX_DAYS:
        raise PlanError(f"the interview is more than {MAX_DAYS} days away: plan the last year only")
    if not (0 < hours_per_week <= MAX_HOURS_PER_WEEK):  # NaN fails it too
        raise PlanError(
            f"hours per week must be more than 0 and at most {MAX_HOURS_PER_WEEK:g} "
            f"(got {hours_per_week:g})"
        )


# --- building -------------------------------------------------------------------------------


def daily_minutes(hours_per_week: float, days: int) -> list[int]:
    """Minutes per day, rounded cumulatively so every seven days sum to the weekly hours."""
    per_day = hours_per_week * 60 / 7
    totals = [math.floor(n * per_day + 0.5) for n in range(days + 1)]
    return [b - a for a, b in zip(totals, totals[1:], strict=False)]


def round_shares(
    rounds: Sequence[str], mastery: Mastery, domain_tracks: Sequence[str] = ()
) -> dict[str, float]:
    """Each chosen round's share of the study time: base weight times weakness (module doc).

    The shares sum to 1 (a lone domain round without tracks in scope gets it all).
    """
    base = BASE_WEIGHTS | {"domain": domain_weight(mastery, domain_tracks)}
    weights = {r: base[r] * _weakness(mastery.rounds[r].score) for r in rounds}
    total = sum(weights.values())
    if not total:
        return {r: 1 / len(weights) for r in weights}  # a round named twice is one round
    return {r: w / total for r, w in weights.items()}


def domain_weight(mastery: Mastery, domain_tracks: Sequence[str] = ()) -> float:
    """The domain round's base weight: :data:`DOMAIN_WEIGHT_PER_TRACK` per track, at most 1."""
    covered = len(_domain_topics(mastery, domain_tracks))
    return min(1.0, DOMAIN_WEIGHT_PER_TRACK * covered)


def _domain_topics(mastery: Mastery, domain_tracks: Sequence[str]) -> tuple[TopicScore, ...]:
    """The domain round's tracks in the plan: the chosen ones, or all when none were chosen."""
    topics = mastery.rounds["domain"].topics if "domain" in mastery.rounds else ()
    return tuple(t for t in topics if not domain_tracks or t.key in domain_tracks)


def _weakness(score: float | None) -> float:
    return max(1.0 - (UNMEASURED_SCORE if score is None else score), MIN_WEAKNESS)


def build_plan(
    interview_date: date,
    hours_per_week: float,
    rounds: Sequence[str],
    start: date,
    mastery: Mastery,
    domain_tracks: Sequence[str] = (),
    titles: Mapping[str, str] | None = None,
) -> list[Block]:
    """The plan's blocks, day by day from ``start`` to the day before the interview.

    ``domain_tracks`` are the user's chosen tracks (none: every track) for the domain round;
    ``titles`` name the items (problems, cases, prompts) in the tasks' text, else their ids.
    """
    check_inputs(interview_date, hours_per_week, start)
    days = [start + timedelta(days=n) for n in range((interview_date - start).days)]
    minutes = daily_minutes(hours_per_week, len(days))
    slots, carried = _study_slots(days[:-2], minutes[:-2])
    picker = _TopicPicker(mastery, rounds, domain_tracks, titles)
    assigned = _assign_rounds(slots, round_shares(rounds, mastery, domain_tracks))
    blocks = []
    for (day, size), round_name in zip(slots, assigned, strict=True):
        topic, item, what = picker.next(round_name)
        blocks.append(Block(day, round_name, topic, size, what, item=item))
    if len(days) > 1:
        blocks += _loop_day(days[-2], minutes[-2] + carried, mastery, rounds)
        carried = 0
    return blocks + _eve(days[-1], minutes[-1] + carried, mastery, rounds)


def _study_slots(days: list[date], minutes: list[int]) -> tuple[list[tuple[date, int]], int]:
    """(day, minutes) blocks for the study days, and the minutes carried past the last one."""
    slots = []
    carry = 0
    for day, today in zip(days, minutes, strict=True):
        available = carry + today
        if available < BLOCK_MIN:
            carry = available
            continue
        slots.extend((day, size) for size in _split(available))
        carry = 0
    return slots, carry


def _split(minutes: int) -> list[int]:
    """``minutes`` as near-equal blocks of 30-90 minutes, about 45 each."""
    count = round(minutes / BLOCK_TARGET)
    count = max(math.ceil(minutes / BLOCK_MAX), min(count, minutes // BLOCK_MIN), 1)
    edges = [math.floor(n * minutes / count + 0.5) for n in range(count + 1)]
    return [b - a for a, b in zip(edges, edges[1:], strict=False)]


def _assign_rounds(slots: list[tuple[date, int]], shares: dict[str, float]) -> list[str]:
    """Each slot to the round furthest behind its share so far, so rounds interleave."""
    given: Counter[str] = Counter()
    elapsed = 0
    chosen = []
    for _day, size in slots:
        elapsed += size
        pick = max(shares, key=lambda r: (shares[r] * elapsed - given[r], shares[r]))
        given[pick] += size
        chosen.append(pick)
    return chosen


class _TopicPicker:
    """Hands out a round's topics weakest first, each next one to the most weakness per block.

    Each block also gets an item to work on (a problem, a case, a prompt) from the topic's
    suggestions. A problem spans several topics, so items already planned in the round are
    skipped while fresh ones remain; design cases come round in turn, each once before any
    again; a domain track walks its own cases in turn.
    """

    def __init__(
        self,
        mastery: Mastery,
        rounds: Sequence[str],
        domain_tracks: Sequence[str] = (),
        titles: Mapping[str, str] | None = None,
    ) -> None:
        self._mastery = mastery
        self._domain_tracks = tuple(domain_tracks)
        self._titles = titles or {}
        self._blocks: dict[str, Counter[str]] = {r: Counter() for r in rounds}
        self._used: dict[str, set[str]] = {r: set() for r in rounds}

    def next(self, round_name: str) -> tuple[str, str, str]:
        """(topic, item, what to do) for the round's next block."""
        topics = self._mastery.rounds[round_name].topics
        if round_name == "domain":
            topics = _domain_topics(self._mastery, self._domain_tracks)
        if not topics:
            return "", "", f"{ROUND_TITLES[round_name]}: open practice"
        counts = self._blocks[round_name]
        # on a tie a topic already practised goes first: its weakness is measured, not assumed
        topic = max(topics, key=lambda t: (_weakness(t.score) / (1 + counts[t.key]), t.measured))
        item = self._item(topic, counts[topic.key])
        counts[topic.key] += 1
        return topic.key, item, describe(topic, self._titles.get(item, item))

    def _item(self, topic: TopicScore, repeat: int) -> str:
        items = topic.next_items
        if not items:
            return ""
        if topic.round == "domain":  # each track walks its own cases in turn
            return items[repeat % len(items)]
        used = self._used[topic.round]
        fresh = [i for i in items if i not in used]
        if not fresh and topic.round == "design":  # every case came round: start again
            used.clear()
            fresh = list(items)
        item = fresh[0] if fresh else items[repeat % len(items)]
        used.add(item)
        return item


def describe(topic: TopicScore, item: str) -> str:
    """What to do in a block on ``topic``, working on ``item`` (its title) when there is one."""
    if topic.round == "coding":
        if item:
            return f"Solve {item} ({topic.label}); read the editorial once accepted"
        return f"Re-solve a {topic.label} problem from memory, no hints"
    if topic.round == "breadth":
        return f"Breadth: {topic.label}: due cards first, then reread the answers you missed"
    if topic.round == "domain":
        case = f"; then walk the design case {item} with this track in mind" if item else ""
        return f"Domain: {topic.label}: due cards first{case}"
    if topic.round == "design":
        case = f"Walk the case {item}" if item else "Walk a case"
        return f"{case}, weight on the step '{topic.label}'; then check it against the rubric"
    prompt = f"'{item}'" if item else f"a {topic.label.lower()} prompt"
    return f"{ROUND_TITLES[topic.round]}: answer {prompt} out loud (STAR), then rate yourself"


def _loop_day(day: date, minutes: int, mastery: Mastery, rounds: Sequence[str]) -> list[Block]:
    """The mock loop: the chosen rounds that fit the day at their real length, weakest first,
    run in the loop's order; the rest of the day goes over its report."""
    from mlprep.coach.loop import DEFAULT_MINUTES

    fitting: list[str] = []
    left = minutes
    for name in sorted(rounds, key=lambda r: -_weakness(mastery.rounds[r].score)):
        if DEFAULT_MINUTES[name] <= left:
            fitting.append(name)
            left -= DEFAULT_MINUTES[name]
    if not fitting:
        return _eve(day, minutes, mastery, rounds, share=1.0)
    ordered = [r for r in rounds if r in fitting]
    names = ", ".join(ROUND_TITLES[r] for r in ordered)
    loop_minutes = minutes - left
    what = f"Mock loop ({loop_minutes} min): {names}, back to back, timed, no notes"
    blocks = [Block(day, LOOP, "", loop_minutes, what, item=",".join(ordered))]
    if left:
        report = "Go over the loop's report: redo what it flagged"
        blocks.append(Block(day, LOOP, REPORT, left, report))
    return blocks


def _eve(
    day: date,
    minutes: int,
    mastery: Mastery,
    rounds: Sequence[str],
    share: float = LIGHT_SHARE,
) -> list[Block]:
    """A light review of ``share`` of the day's minutes (at most an hour): nothing new."""
    light = min(math.floor(minutes * share), LIGHT_MAX)
    if light <= 0:
        return []
    return [Block(day, "breadth", "", light, _light_review(mastery, rounds))]


def _light_review(mastery: Mastery, rounds: Sequence[str]) -> str:
    chosen = [mastery.rounds[r] for r in rounds]
    weakest = Mastery(mastery.now, {r.round: r for r in chosen}).weakest(3)
    names = ", ".join(t.label for t in weakest)
    focus = f" of your weakest topics: {names}" if names else ""
    return f"Light review{focus}; due cards, nothing new, no mock loop"


# --- storing --------------------------------------------------------------------------------


def create_plan(
    store: Store,
    interview_date: date,
    hours_per_week: float,
    rounds: Iterable[str] | None = None,
    *,
    start: date,
    now: datetime,
    mastery: Mastery | None = None,
) -> Plan:
    """Build a plan from the user's mastery as of ``now``, store it, and make it the active one."""
    from mlprep.coach.mastery import load_mastery
    from mlprep.store.settings import chosen_tracks

    tracks = chosen_tracks(store)
    chosen = parse_rounds(rounds, domain_tracks=tracks)
    check_inputs(interview_date, hours_per_week, start)
    mastery = mastery or load_mastery(store, now)
    blocks = build_plan(
        interview_date, hours_per_week, chosen, start, mastery, tracks, item_titles()
    )
    return _save(store, blocks, interview_date, hours_per_week, chosen, now)


def item_titles() -> dict[str, str]:
    """The title of every problem and design case, and the question of every prompt, by id."""
    from mlprep.design.bank import cases
    from mlprep.problems import list_problems
    from mlprep.prompts.bank import prompts

    titles = {p.slug: p.meta.title for p in list_problems()}
    titles |= {slug: case.title for slug, case in cases().items()}
    for round_name in ("behavioral", "deep_dive"):
        titles |= {slug: prompt.prompt for slug, prompt in prompts(round_name).items()}
    return titles


def _save(
    store: Store,
    blocks: list[Block],
    interview_date: date,
    hours_per_week: float,
    rounds: tuple[str, ...],
    now: datetime,
) -> Plan:
    from sqlalchemy import update

    from mlprep.store.models import PlanRow, PlanTaskRow

    with store.writing() as session:
        session.execute(update(PlanRow).where(PlanRow.active.is_(True)).values(active=False))
        row = PlanRow(
            created_at=now,
            interview_date=interview_date,
            hours_per_week=hours_per_week,
            rounds=json.dumps(list(rounds)),
            active=True,
        )
        session.add(row)
        session.flush()
        tasks = [
            PlanTaskRow(
                plan_id=row.id,
                day=b.day,
                round=b.round,
                topic=b.topic,
                minutes=b.minutes,
                what=b.what,
                item=b.item,
            )
            for b in blocks
        ]
        session.add_all(tasks)
        session.flush()
        return _plan(row, tasks)


def active_plan(store: Store, tz: tzinfo | None = None) -> Plan | None:
    """The active plan; a task is done when ticked or when its work is in the store on its day
    (days in ``tz``, default the machine's time zone)."""
    from sqlalchemy import select

    from mlprep.coach.evidence import work_done
    from mlprep.store.models import PlanRow

    with store.reading() as session:
        query = select(PlanRow).where(PlanRow.active.is_(True)).order_by(PlanRow.id.desc())
        row = session.scalars(query.limit(1)).first()
        if row is None:
            return None
        found = _plan(row, _tasks_of(session, row.id))
    evidence = work_done(store, found.tasks, tz or datetime.now().astimezone().tzinfo)
    tasks = tuple(replace(t, evidence=evidence.get(t.id, "")) for t in found.tasks)
    return replace(found, tasks=tasks)


def set_done(store: Store, task_id: int, done: bool, now: datetime) -> PlanTask:
    """Tick (or untick) a task of the active plan; ticking twice keeps the first time."""
    from mlprep.store.models import PlanRow, PlanTaskRow

    if not 0 < task_id < 2**63:  # SQLite cannot even compare larger integers
        raise UnknownTask(f"no task {task_id} in the active plan")
    with store.writing() as session:
        task = session.get(PlanTaskRow, task_id)
        plan = None if task is None else session.get(PlanRow, task.plan_id)
        if task is None or plan is None or not plan.active:
            raise UnknownTask(f"no task {task_id} in the active plan")
        task.done_at = (task.done_at or now) if done else None
        session.flush()
        return from_row(PlanTask, task, evidence="")


def _tasks_of(session: Session, plan_id: int) -> list[PlanTaskRow]:
    from sqlalchemy import select

    from mlprep.store.models import PlanTaskRow

    query = select(PlanTaskRow).where(PlanTaskRow.plan_id == plan_id)
    return list(session.scalars(query.order_by(PlanTaskRow.day, PlanTaskRow.id)))


def _plan(row: PlanRow, tasks: Iterable[PlanTaskRow]) -> Plan:
    return from_row(
        Plan,
        row,
        rounds=tuple(json.loads(row.rounds)),
        tasks=tuple(from_row(PlanTask, t, evidence="") for t in tasks),
    )


__all__ = [
    "ROUNDS",
    "ROUND_CHOICES",
    "TASK_TITLES",
    "Block",
    "Plan",
    "PlanError",
    "PlanTask",
    "UnknownTask",
    "active_plan",
    "build_plan",
    "create_plan",
    "daily_minutes",
    "domain_weight",
    "parse_rounds",
    "round_shares",
    "set_done",
]
