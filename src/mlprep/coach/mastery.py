"""Mastery per round and per topic, now and week by week, read from every table of the history.

Each round has one measure between 0 and 1:

- coding: the share of the bank's problems solved (an accepted judge), per topic and per group;
- breadth: retention, the share of the reviews in the window rated Good/Easy or marked correct.
  With no review in the window, the mean FSRS retrievability of the reviewed cards stands in:
  it is FSRS's own estimate of what is still remembered once practice has stopped;
- domain: the same retention, per track, over the domain deck's cards (``domain:`` ids);
- design: the mean rubric coverage of the answers (the user's self score, else the matcher's
  estimate), per framework step and per case;
- behavioral and deep dive: the mean self-rating (else the auto score) per prompt category.

For the written rounds only the latest answer to each (item, part) counts towards current
mastery, so redoing a case replaces its old score. A topic or round without data is unmeasured
(``score is None``), never zero. Weekly series are 7-day windows ending today, in the time zone of
``now``: cumulative solved share for coding, the week's own reviews or answers for the others.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import TYPE_CHECKING, Any, get_args

from mlprep.coach.progress import CodingFacts, midnight
from mlprep.coach.rounds import ROUND_TITLES, ROUNDS

if TYPE_CHECKING:
    from mlprep.problems import Problem
    from mlprep.review.deck import Deck
    from mlprep.store import Store, SubmissionSummary
    from mlprep.store.practice import Answer

logger = logging.getLogger(__name__)


WEEKS = 8  # how far back the "over time" charts reach
TREND_WEEKS = 4
WINDOW_DAYS = 28  # the breadth retention window
GOOD_RATING = 3  # fsrs.Rating.Good; Easy is 4
_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


@dataclass(frozen=True)
class TopicScore:
    """One topic (or group, step, case, category) of one round."""

    round: str
    key: str
    label: str
    score: float | None  # 0..1, None when unmeasured
    count: int  # what it rests on: problems attempted, reviews, answers
    detail: str = ""  # the figure in words, e.g. "3/5 solved"
    # What to practise next for it, best first: unsolved problems, cases or prompts not yet done.
    next_items: tuple[str, ...] = ()

    @property
    def measured(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class WeekPoint:
    start: date  # the window's first day; it ends six days later
    score: float | None
    count: int  # activity in the window


@dataclass(frozen=True)
class RoundMastery:
    round: str
    score: float | None
    activity: int  # everything ever done in the round
    topics: tuple[TopicScore, ...]  # the units a plan spreads time over
    weekly: tuple[WeekPoint, ...]  # oldest first, the last one ends today
    breakdowns: dict[str, tuple[TopicScore, ...]] = field(default_factory=dict)
    retrievability: float | None = None  # breadth and domain only: mean over reviewed cards

    @property
    def title(self) -> str:
        return ROUND_TITLES[self.round]

    @property
    def trend(self) -> float | None:
        """Change over the last four weeks: last measured week minus first; None below two."""
        measured = [p.score for p in self.weekly[-TREND_WEEKS:] if p.score is not None]
        return measured[-1] - measured[0] if len(measured) >= 2 else None

    @property
    def recent_activity(self) -> int:
        return sum(p.count for p in self.weekly[-TREND_WEEKS:])

    @property
    def measured_topics(self) -> int:
        return sum(t.measured for t in self.topics)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the derived figures (title, trend, recent activity) included."""
        return {
            "round": self.round,
            "title": self.title,
            "score": self.score,
            "trend": self.trend,
            "activity": self.activity,
            "recent_activity": self.recent_activity,
            "measured_topics": self.measured_topics,
            "retrievability": self.retrievability,
            "weekly": [
                {"start": p.start.isoformat(), "score": p.score, "count": p.count}
                for p in self.weekly
            ],
            "topics": [asdict(t) for t in self.topics],
            "breakdowns": {k: [asdict(t) for t in v] for k, v in self.breakdowns.items()},
        }


@dataclass(frozen=True)
class Mastery:
    now: datetime
    rounds: dict[str, RoundMastery]

    def weakest(self, n: int = 5) -> list[TopicScore]:
        """The ``n`` lowest measured topics across rounds (unmeasured ones are not "weak" yet)."""
        measured = [t for r in self.rounds.values() for t in r.topics if t.score is not None]
        return sorted(measured, key=lambda t: (t.score, -t.count, t.round, t.key))[:n]

    def to_dict(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(),
            "rounds": [r.to_dict() for r in self.rounds.values()],
            "weakest": [asdict(t) for t in self.weakest()],
        }


@dataclass(frozen=True)
class Review:
    topic: str
    at: datetime
    rating: int
    correct: bool | None

    @property
    def good(self) -> bool:
        return self.rating >= GOOD_RATING or self.correct is True


@dataclass(frozen=True)
class CardState:
    topic: str
    state: str  # JSON of fsrs.Card.to_dict()


# --- loading --------------------------------------------------------------------------------


def load_mastery(
    store: Store,
    now: datetime,
    problems: Iterable[Problem] | None = None,
    *,
    weeks: int = WEEKS,
    window_days: int = WINDOW_DAYS,
) -> Mastery:
    """Every round's mastery as of ``now`` (aware; its time zone decides where days start)."""
    from mlprep.problems import list_problems
    from mlprep.review.deck import BREADTH, DOMAIN
    from mlprep.store.practice import answers

    problems = list(list_problems() if problems is None else problems)
    store.ingest_outbox()  # submissions judged from the command line meanwhile
    coding = CodingFacts.load(store, now, _week_edges(now, weeks))
    reviews, cards = _read_reviews(store)
    written = answers(store)
    builders: dict[str, Callable[[], RoundMastery]] = {
        "coding": lambda: coding_mastery(problems, coding, now, weeks),
        "breadth": lambda: breadth_mastery(
            *of_deck(BREADTH, reviews, cards), now, weeks=weeks, window_days=window_days
        ),
        "domain": lambda: domain_mastery(
            *of_deck(DOMAIN, reviews, cards), now, weeks=weeks, window_days=window_days
        ),
        "design": lambda: design_mastery(written, now, weeks),
        "behavioral": lambda: prompt_mastery("behavioral", written, now, weeks),
        "deep_dive": lambda: prompt_mastery("deep_dive", written, now, weeks),
    }
    return Mastery(now, {name: builders[name]() for name in ROUNDS})


def of_deck(
    deck: Deck, reviews: Iterable[Review], cards: Iterable[CardState]
) -> tuple[list[Review], list[CardState]]:
    """The reviews and cards of one deck, their topics as the deck's own (prefix removed)."""
    mine_reviews = [
        Review(topic, r.at, r.rating, r.correct)
        for r in reviews
        if (topic := deck.unit_of_topic(r.topic)) is not None
    ]
    mine_cards = [
        CardState(topic, c.state)
        for c in cards
        if (topic := deck.unit_of_topic(c.topic)) is not None
    ]
    return mine_reviews, mine_cards


def _read_reviews(store: Store) -> tuple[list[Review], list[CardState]]:
    from sqlalchemy import select

    from mlprep.store.models import ReviewCardRow, ReviewLogRow

    # Only the columns used, not ORM entities: a long history has thousands of logs.
    logs = select(
        ReviewLogRow.topic, ReviewLogRow.reviewed_at, ReviewLogRow.rating, ReviewLogRow.correct
    )
    with store.reading() as session:
        reviews = [Review(*row) for row in session.execute(logs)]
        cards = [
            CardState(*row)
            for row in session.execute(select(ReviewCardRow.topic, ReviewCardRow.state))
        ]
    return reviews, cards


# --- weeks ----------------------------------------------------------------------------------


def week_starts(now: datetime, weeks: int) -> list[date]:
    """First days of the ``weeks`` 7-day windows ending today, oldest first."""
    today = now.date()
    return [today - timedelta(days=7 * i + 6) for i in range(weeks - 1, -1, -1)]


def _week_index(at: datetime, now: datetime, weeks: int) -> int | None:
    """Which window (0 = oldest) ``at`` falls in, or None if outside them or after ``now``."""
    if at > now:
        return None
    back = (now.date() - _day(at, now)).days // 7
    return weeks - 1 - back if back < weeks else None


def _weekly_means(
    events: Iterable[tuple[datetime, float]], now: datetime, weeks: int
) -> tuple[WeekPoint, ...]:
    buckets: list[list[float]] = [[] for _ in range(weeks)]
    for at, value in events:
        index = _week_index(at, now, weeks)
        if index is not None:
            buckets[index].append(value)
    return tuple(
        WeekPoint(start, _mean(values), len(values))
        for start, values in zip(week_starts(now, weeks), buckets, strict=True)
    )


def _mean(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


# --- coding ---------------------------------------------------------------------------------


def _week_edges(now: datetime, weeks: int) -> list[datetime]:
    """The instants that bound the ``weeks`` windows (``now``'s days), the last one ``now``."""
    starts = [midnight(start, now.tzinfo) for start in week_starts(now, weeks)]
    return [*starts, now + timedelta(microseconds=1)]  # a submission at ``now`` counts


def coding_mastery(
    problems: Sequence[Problem],
    history: CodingFacts | Iterable[SubmissionSummary],
    now: datetime,
    weeks: int,
) -> RoundMastery:
    """Solved share of the bank, per topic and group; weekly, the share solved by a week's end.

    ``history`` is the submission rows, or their :class:`CodingFacts` counted in the weeks'
    windows (what :func:`load_mastery` reads from the store's summaries).
    """
    facts = (
        history
        if isinstance(history, CodingFacts)
        else CodingFacts.from_history(history, now, _week_edges(now, weeks))
    )
    first_solved = facts.first_solved
    slugs = {p.slug for p in problems}

    def shares(keys: Callable[[Problem], list[str]]) -> tuple[TopicScore, ...]:
        return _problem_shares(problems, keys, set(first_solved), set(facts.attempted))

    weekly = tuple(
        WeekPoint(
            start,
            _solved_share_by(start + timedelta(days=7), facts, slugs, now),
            count,
        )
        for start, count in zip(week_starts(now, weeks), facts.counts, strict=True)
    )
    solved = len(set(first_solved) & slugs)
    return RoundMastery(
        round="coding",
        score=solved / len(problems) if facts.total and problems else None,
        activity=facts.total,
        topics=shares(lambda p: p.meta.topics),
        weekly=weekly,
        breakdowns={"group": shares(lambda p: [p.meta.group])},
    )


def _solved_share_by(end: date, facts: CodingFacts, slugs: set[str], now: datetime) -> float | None:
    """The share of the bank solved before day ``end``; None before the first submission."""
    if not slugs or facts.first_at is None or _day(facts.first_at, now) >= end:
        return None
    solved = sum(slug in slugs and _day(at, now) < end for slug, at in facts.first_solved.items())
    return solved / len(slugs)


def _day(at: datetime, now: datetime) -> date:
    return at.astimezone(now.tzinfo).date()


def _problem_shares(
    problems: Sequence[Problem],
    keys: Callable[[Problem], list[str]],
    solved: set[str],
    attempted: set[str],
) -> tuple[TopicScore, ...]:
    members: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        for key in keys(problem):
            members[key].append(problem)
    scores = []
    for key in sorted(members):
        group = members[key]
        done = sum(p.slug in solved for p in group)
        tried = sum(p.slug in attempted for p in group)
        todo = sorted(
            (p for p in group if p.slug not in solved),
            key=lambda p: (p.slug not in attempted, _DIFFICULTY_ORDER[p.meta.difficulty], p.slug),
        )
        scores.append(
            TopicScore(
                round="coding",
                key=key,
                label=key,
                score=done / len(group) if tried else None,
                count=tried,
                detail=f"{done}/{len(group)} solved",
                next_items=tuple(p.slug for p in todo),
            )
        )
    return tuple(scores)


# --- breadth --------------------------------------------------------------------------------


def breadth_mastery(
    reviews: Iterable[Review],
    cards: Iterable[CardState],
    now: datetime,
    *,
    titles: dict[str, str] | None = None,
    weeks: int = WEEKS,
    window_days: int = WINDOW_DAYS,
    round_name: str = "breadth",
    next_items: Callable[[str], tuple[str, ...]] = lambda _topic: (),
) -> RoundMastery:
    """Retention per topic over the window, falling back to FSRS retrievability (module doc).

    ``reviews`` and ``cards`` are one deck's (:func:`of_deck`); the domain round passes its
    tracks as ``titles`` and its own ``round_name``.
    """
    if titles is None:
        from mlprep.review.bank import topics

        titles = topics()
    reviews = [r for r in reviews if r.at <= now]
    since = now - timedelta(days=window_days)
    recent: dict[str, list[bool]] = defaultdict(list)
    for review in reviews:
        if review.at > since:
            recent[review.topic].append(review.good)
    recall: dict[str, list[float]] = defaultdict(list)
    for card in cards:
        value = retrievability(card.state, now)
        if value is not None:
            recall[card.topic].append(value)
    counts: dict[str, int] = defaultdict(int)
    for review in reviews:
        counts[review.topic] += 1
    keys = list(titles) + sorted({r.topic for r in reviews} - set(titles))
    topics = tuple(
        _breadth_topic(key, titles.get(key, key), recent[key], recall[key], counts[key])
        for key in keys
    )
    topics = tuple(replace(t, round=round_name, next_items=next_items(t.key)) for t in topics)
    everything_recent = [good for goods in recent.values() for good in goods]
    everything_recalled = [value for values in recall.values() for value in values]
    return RoundMastery(
        round=round_name,
        score=_retention_or_recall(everything_recent, everything_recalled),
        activity=len(reviews),
        topics=topics,
        weekly=_weekly_means(((r.at, float(r.good)) for r in reviews), now, weeks),
        retrievability=_mean(everything_recalled),
    )


def domain_mastery(
    reviews: Iterable[Review],
    cards: Iterable[CardState],
    now: datetime,
    *,
    weeks: int = WEEKS,
    window_days: int = WINDOW_DAYS,
) -> RoundMastery:
    """Breadth's retention measure per domain track; a track's next items are its design cases."""
    from mlprep.domain.bank import design_cases, tracks

    titles = tracks()

    def cases_of(track: str) -> tuple[str, ...]:
        return tuple(design_cases(track)) if track in titles else ()

    return breadth_mastery(
        reviews,
        cards,
        now,
        titles=titles,
        weeks=weeks,
        window_days=window_days,
        round_name="domain",
        next_items=cases_of,
    )


def _breadth_topic(
    key: str, label: str, recent: list[bool], recalled: list[float], count: int
) -> TopicScore:
    if recent:
        detail = f"{sum(recent)} of {len(recent)} recent reviews right"
    elif recalled:
        detail = f"no recent review; FSRS expects {fmean(recalled):.0%} recall"
    else:
        detail = "not reviewed yet"
    return TopicScore(
        round="breadth",
        key=key,
        label=label,
        score=_retention_or_recall(recent, recalled),
        count=count,
        detail=detail,
    )


def _retention_or_recall(recent: list[bool], recalled: list[float]) -> float | None:
    if recent:
        return sum(recent) / len(recent)
    return _mean(recalled)


def retrievability(state: str, now: datetime) -> float | None:
    """FSRS's probability of recalling a card now, from its stored state; None if never reviewed.

    A malformed state is skipped with a warning rather than failing the whole dashboard.
    """
    import fsrs

    try:
        card = fsrs.Card.from_dict(json.loads(state))
    except (ValueError, KeyError, TypeError) as exc:
        logger.warning("skipping a review card with an unreadable state: %s", exc)
        return None
    if card.last_review is None or card.last_review > now:
        return None
    return float(_scheduler().get_card_retrievability(card, now))


@functools.cache
def _scheduler():
    import fsrs

    return fsrs.Scheduler()


# --- written rounds: design, behavioral, deep dive ------------------------------------------


def answer_score(answer: Answer) -> float | None:
    """The user's own score when given, else the matcher's estimate."""
    return answer.self_score if answer.self_score is not None else answer.auto_score


def design_mastery(answers: Iterable[Answer], now: datetime, weeks: int = WEEKS) -> RoundMastery:
    """Rubric coverage per framework step (the plan's units) and per case."""
    from mlprep.design.bank import cases, framework

    steps = {step.key: step.title for step in framework().steps}
    case_titles = {slug: case.title for slug, case in cases().items()}
    mine = _of_round(answers, "design", now)
    latest = _latest(mine)
    return RoundMastery(
        round="design",
        score=_mean_score(latest),
        activity=len(mine),
        topics=_grouped("design", latest, lambda a: a.part, steps, lambda _step: case_titles),
        weekly=_weekly_scores(mine, now, weeks),
        breakdowns={"case": _grouped("design", latest, lambda a: a.item, case_titles)},
    )


def prompt_mastery(
    round_name: str, answers: Iterable[Answer], now: datetime, weeks: int = WEEKS
) -> RoundMastery:
    """Mean self-rating per prompt category of the behavioral or deep-dive bank."""
    from mlprep.prompts.bank import ROUNDS as PROMPT_SCHEMAS
    from mlprep.prompts.bank import prompts

    bank = prompts(round_name)
    category_type = PROMPT_SCHEMAS[round_name].model_fields["category"].annotation
    labels = {c: c.capitalize() for c in get_args(category_type)}
    mine = _of_round(answers, round_name, now)
    latest = _latest(mine)

    def category(answer: Answer) -> str:
        prompt = bank.get(answer.item)
        return prompt.category if prompt is not None else "other"

    def prompts_of(key: str) -> list[str]:
        return [slug for slug, prompt in bank.items() if prompt.category == key]

    return RoundMastery(
        round=round_name,
        score=_mean_score(latest),
        activity=len(mine),
        topics=_grouped(round_name, latest, category, labels, prompts_of),
        weekly=_weekly_scores(mine, now, weeks),
    )


def _of_round(answers: Iterable[Answer], round_name: str, now: datetime) -> list[Answer]:
    return [a for a in answers if a.round == round_name and a.created_at <= now]


def _latest(answers: Iterable[Answer]) -> list[Answer]:
    """The newest answer to each (item, part): the current state of that piece of work."""
    newest: dict[tuple[str, str], Answer] = {}
    for answer in sorted(answers, key=lambda a: (a.created_at, a.id)):
        newest[(answer.item, answer.part)] = answer
    return list(newest.values())


def _mean_score(answers: Iterable[Answer]) -> float | None:
    return _mean([s for a in answers if (s := answer_score(a)) is not None])


def _weekly_scores(answers: list[Answer], now: datetime, weeks: int) -> tuple[WeekPoint, ...]:
    scored = ((a.created_at, s) for a in answers if (s := answer_score(a)) is not None)
    return _weekly_means(scored, now, weeks)


def _grouped(
    round_name: str,
    answers: list[Answer],
    key_of: Callable[[Answer], str],
    labels: dict[str, str],
    candidates: Callable[[str], Iterable[str]] = lambda _key: (),
) -> tuple[TopicScore, ...]:
    """Mean score per key, every labelled key listed (unmeasured ones too), unknown keys after.

    ``candidates(key)`` are the items that practise a key; those not answered for it come first.
    """
    scores: dict[str, list[float]] = defaultdict(list)
    answered: dict[str, set[str]] = defaultdict(set)
    for answer in answers:
        key = key_of(answer)
        score = answer_score(answer)
        if key and score is not None:
            scores[key].append(score)
            answered[key].add(answer.item)
    keys = list(labels) + sorted(set(scores) - set(labels))
    return tuple(
        TopicScore(
            round=round_name,
            key=key,
            label=labels.get(key, key),
            score=_mean(scores[key]),
            count=len(scores[key]),
            detail=f"{len(scores[key])} answers scored" if scores[key] else "no answer yet",
            next_items=tuple(sorted(candidates(key), key=lambda item, k=key: item in answered[k])),
        )
        for key in keys
    )


__all__ = [
    "ROUNDS",
    "ROUND_TITLES",
    "CardState",
    "Mastery",
    "Review",
    "RoundMastery",
    "TopicScore",
    "WeekPoint",
    "answer_score",
    "breadth_mastery",
    "coding_mastery",
    "design_mastery",
    "domain_mastery",
    "load_mastery",
    "of_deck",
    "prompt_mastery",
    "retrievability",
    "week_starts",
]
