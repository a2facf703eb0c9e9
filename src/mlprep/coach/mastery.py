"""Mastery per round and per topic, now and week by week, read from every table of the history.

Mastery is an estimate between 0 and 1 of how much of a round's bank you could answer today. It
counts coverage (what you never practised is not mastered) and recency (what you practised long
ago is partly forgotten). The definition, with a worked example, is in docs/rounds.md:

- coding: per problem of the bank, 0 until an accepted judged submission (a samples-only run
  never counts), then ``0.5 ** (days since the latest accepted one / 60)``; a topic, group or
  the round is the mean over its problems;
- breadth and domain: per card of the bank, FSRS's retrievability now with the parameters the
  user's cards are scheduled with (0 for a card never reviewed or still in its (re)learning
  steps since less than a day); a topic (a track for domain) or the round is the mean over its
  cards. The domain round's figure covers the chosen tracks (all when none are chosen).
  Retention, the share of the reviews of the last 28 days rated Good/Easy or marked right, is
  shown beside it;
- design: per framework step, the mean rubric coverage of the latest answer to that step in each
  case answered (the user's self score, else the matcher's estimate); the round is the mean over
  every step of the framework, a step never answered counting 0; per case, the same over steps;
- behavioral and deep dive: the mean self-rating (else the auto score) per prompt category.

Only the latest answer to each (item, part) counts, so redoing a case replaces its old score,
and answers left blank are no answer. A topic without any activity is unmeasured (``score is
None``): it is never listed among the weakest, though it counts 0 in its round's figure. Weekly
series are 7-day windows ending today, in the time zone of ``now``: for coding and the written
rounds the figure as of each window's last day, for breadth and domain the window's own reviews
right (FSRS states are stored only as they are now).
"""

from __future__ import annotations

import functools
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from statistics import fmean
from typing import TYPE_CHECKING, Any, get_args

from fsrs import Card, Scheduler

from mlprep.coach.progress import DIFFICULTIES, CodingFacts, midnight
from mlprep.coach.rounds import ROUND_TITLES, ROUNDS
from mlprep.review.fitting import default_scheduler, user_scheduler
from mlprep.review.scheduler import recall_now

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
HISTORY_LIMIT = 1_000_000
CODING_HALF_LIFE_DAYS = 60  # an accepted solution counts half after this many days
_DIFFICULTY_ORDER = {difficulty: n for n, difficulty in enumerate(DIFFICULTIES)}


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

    @property
    def end(self) -> date:
        """The window's last day (today for the last window)."""
        return self.start + timedelta(days=6)


@dataclass(frozen=True)
class RoundMastery:
    round: str
    score: float | None
    activity: int  # everything ever done in the round
    topics: tuple[TopicScore, ...]  # the units a plan spreads time over
    weekly: tuple[WeekPoint, ...]  # oldest first, the last one ends today
    breakdowns: dict[str, tuple[TopicScore, ...]] = field(default_factory=dict)
    retrievability: float | None = None  # breadth and domain only: mean over reviewed cards
    retention: float | None = None  # breadth and domain: share of recent reviews right

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
            "retention": self.retention,
            "weekly": [
                {
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                    "score": p.score,
                    "count": p.count,
                }
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


@dataclass(frozen=True)
class TopicReviews:
    """One topic's reviews up to now: how many, how many (and how many right) in the retention
    window, and per week window (oldest first) how many and how many right."""

    count: int
    recent: int
    recent_right: int
    weekly: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ReviewFacts:
    """What the breadth and domain mastery read of the review log, per stored topic, as of a
    moment: :meth:`load` counts it in SQL, :meth:`from_reviews` from :class:`Review` rows."""

    topics: dict[str, TopicReviews]

    @classmethod
    def from_reviews(
        cls, reviews: Iterable[Review], now: datetime, weeks: int, window_days: int
    ) -> ReviewFacts:
        """From review rows (those after ``now`` left out)."""
        edges = _week_edges(now, weeks)
        since = now - timedelta(days=window_days)
        by_topic: dict[str, list[Review]] = defaultdict(list)
        for review in reviews:
            if review.at <= now:
                by_topic[review.topic].append(review)

        def right_of(goods: list[bool]) -> tuple[int, int]:
            return len(goods), sum(goods)

        def counted(mine: list[Review]) -> TopicReviews:
            recent = right_of([r.good for r in mine if r.at > since])
            weekly = tuple(
                right_of([r.good for r in mine if low <= r.at < high])
                for low, high in zip(edges, edges[1:], strict=False)
            )
            return TopicReviews(len(mine), *recent, weekly)

        return cls({topic: counted(mine) for topic, mine in by_topic.items()})

    @classmethod
    def load(cls, store: Store, now: datetime, weeks: int, window_days: int) -> ReviewFacts:
        """Counted in SQL: one GROUP BY topic over the user's log up to ``now`` (a range of the
        (user_id, reviewed_at) index) returns one row per topic, not one per review."""
        edges = _week_edges(now, weeks)
        moments = {f"at{n}": at for n, at in enumerate(edges)}
        moments.update(now=now, since=now - timedelta(days=window_days))
        with store.reading() as session:
            rows = session.execute(_review_counts(weeks), moments).all()
        return cls(
            {
                topic: TopicReviews(
                    int(total),
                    int(recent),
                    int(right),
                    tuple(zip(map(int, weekly[::2]), map(int, weekly[1::2]), strict=True)),
                )
                for topic, total, recent, right, *weekly in rows
            }
        )

    def of_deck(self, deck: Deck) -> ReviewFacts:
        """The deck's topics, named as the deck's own (prefix removed)."""
        return ReviewFacts(
            {
                unit: facts
                for topic, facts in self.topics.items()
                if (unit := deck.unit_of_topic(topic)) is not None
            }
        )

    @property
    def total(self) -> int:
        return sum(t.count for t in self.topics.values())

    def weekly(self, weeks: int) -> list[tuple[int, int]]:
        """Per week window, every topic's reviews and right ones added up."""
        sums = [(0, 0)] * weeks
        for facts in self.topics.values():
            sums = [(n + m, r + s) for (n, r), (m, s) in zip(sums, facts.weekly, strict=True)]
        return sums


@functools.lru_cache(maxsize=16)
def _review_counts(weeks: int) -> Any:
    """Per stored topic: reviews up to ``now``; those after ``since`` and the right ones among
    them; per week window ``[at{n}, at{n + 1})`` the reviews and the right ones. Built once per
    number of weeks, with bound parameters: building it took longer than running it."""
    from sqlalchemy import bindparam, case, func, select

    from mlprep.store.models import ReviewLogRow as log

    good = (log.rating >= GOOD_RATING) | log.correct.is_(True)

    def count(when: Any, right: bool = False) -> Any:
        return func.coalesce(func.sum(case((when & good if right else when, 1), else_=0)), 0)

    since = log.reviewed_at > bindparam("since")
    windows = [
        (log.reviewed_at >= bindparam(f"at{n}")) & (log.reviewed_at < bindparam(f"at{n + 1}"))
        for n in range(weeks)
    ]
    columns = [count(since), count(since, right=True)]
    columns += [count(window, right) for window in windows for right in (False, True)]
    return (
        select(log.topic, func.count(), *columns)
        .where(log.reviewed_at <= bindparam("now"))
        .group_by(log.topic)
    )


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
    from mlprep.store.settings import chosen_tracks

    problems = list(list_problems() if problems is None else problems)
    store.ingest_outbox()  # submissions judged from the command line meanwhile
    coding = CodingFacts.load(store, now, _week_edges(now, weeks))
    reviews = ReviewFacts.load(store, now, weeks, window_days)
    cards = _read_cards(store)
    fsrs = user_scheduler(store)  # the parameters the user's cards are scheduled with
    written = answers(store)
    builders: dict[str, Callable[[], RoundMastery]] = {
        "coding": lambda: coding_mastery(problems, coding, now, weeks),
        "breadth": lambda: breadth_mastery(
            reviews.of_deck(BREADTH),
            of_deck(BREADTH, cards),
            now,
            weeks=weeks,
            window_days=window_days,
            fsrs=fsrs,
        ),
        "domain": lambda: domain_mastery(
            reviews.of_deck(DOMAIN),
            of_deck(DOMAIN, cards),
            now,
            chosen=chosen_tracks(store),
            weeks=weeks,
            window_days=window_days,
            fsrs=fsrs,
        ),
        "design": lambda: design_mastery(written, now, weeks),
        "behavioral": lambda: prompt_mastery("behavioral", written, now, weeks),
        "deep_dive": lambda: prompt_mastery("deep_dive", written, now, weeks),
    }
    return Mastery(now, {name: builders[name]() for name in ROUNDS})


def of_deck(deck: Deck, cards: Iterable[CardState]) -> list[CardState]:
    """The cards of one deck, their topics as the deck's own (prefix removed); its reviews are
    :meth:`ReviewFacts.of_deck`."""
    return [
        CardState(topic, c.state)
        for c in cards
        if (topic := deck.unit_of_topic(c.topic)) is not None
    ]


def _read_cards(store: Store) -> list[CardState]:
    from sqlalchemy import select

    from mlprep.store.models import ReviewCardRow

    with store.reading() as session:
        rows = session.execute(select(ReviewCardRow.topic, ReviewCardRow.state))
        return [CardState(*row) for row in rows]


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
    # A submission at ``now`` counts. The microsecond is added in UTC: added to the wall time,
    # it moved a ``now`` in the repeated hour of a DST change an hour back.
    return [*starts, (now.astimezone(UTC) + timedelta(microseconds=1)).astimezone(now.tzinfo)]


def coding_mastery(
    problems: Sequence[Problem],
    history: CodingFacts | Iterable[SubmissionSummary],
    now: datetime,
    weeks: int,
) -> RoundMastery:
    """Recent accepted solutions over the bank, per topic and group, now and at each week's end.

    ``history`` is the submission rows, or their :class:`CodingFacts` counted in the weeks'
    windows (what :func:`load_mastery` reads from the store's summaries).
    """
    facts = (
        history
        if isinstance(history, CodingFacts)
        else CodingFacts.from_history(history, now, _week_edges(now, weeks))
    )
    solves = facts.accepted_times
    values = {p.slug: solved_value(solves.get(p.slug, ()), now) for p in problems}

    def shares(keys: Callable[[Problem], list[str]]) -> tuple[TopicScore, ...]:
        return _problem_shares(problems, keys, values, solves, set(facts.attempted))

    weekly = tuple(
        replace(point, score=_coding_value_as_of(as_of(point, now), problems, facts))
        for point in (
            WeekPoint(start, None, count)
            for start, count in zip(week_starts(now, weeks), facts.counts, strict=True)
        )
    )
    return RoundMastery(
        round="coding",
        score=_mean(list(values.values())) if facts.total else None,
        activity=facts.total,
        topics=shares(lambda p: p.meta.topics),
        weekly=weekly,
        breakdowns={"group": shares(lambda p: [p.meta.group])},
    )


def solved_value(accepted_at: Sequence[datetime], at: datetime) -> float:
    """One problem's mastery at ``at``: 0 unsolved, else halving every 60 days since the latest
    accepted submission (``accepted_at`` sorted, oldest first)."""
    done = [t for t in accepted_at if t <= at]
    if not done:
        return 0.0
    days = (at - done[-1]).total_seconds() / 86400
    return 0.5 ** (days / CODING_HALF_LIFE_DAYS)


def as_of(point: WeekPoint, now: datetime) -> datetime:
    """The last moment of a window: the end of its last day, or now for the current one."""
    return min(now, datetime.combine(point.end, time.max, tzinfo=now.tzinfo))


def _coding_value_as_of(
    at: datetime, problems: Sequence[Problem], facts: CodingFacts
) -> float | None:
    """The round's figure at ``at``; None before the first submission or without a bank."""
    if not problems or facts.first_at is None or facts.first_at > at:
        return None
    return fmean(solved_value(facts.accepted_times.get(p.slug, ()), at) for p in problems)


def _day(at: datetime, now: datetime) -> date:
    return at.astimezone(now.tzinfo).date()


def _problem_shares(
    problems: Sequence[Problem],
    keys: Callable[[Problem], list[str]],
    values: dict[str, float],
    solves: dict[str, list[datetime]],
    attempted: set[str],
) -> tuple[TopicScore, ...]:
    members: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        for key in keys(problem):
            members[key].append(problem)
    scores = []
    for key in sorted(members):
        group = members[key]
        done = sum(p.slug in solves for p in group)
        tried = sum(p.slug in attempted for p in group)
        scores.append(
            TopicScore(
                round="coding",
                key=key,
                label=key,
                score=fmean(values[p.slug] for p in group) if tried else None,
                count=tried,
                detail=f"{done}/{len(group)} solved",
                next_items=_to_practise(group, solves, attempted),
            )
        )
    return tuple(scores)


def _to_practise(
    group: list[Problem], solves: dict[str, list[datetime]], attempted: set[str]
) -> tuple[str, ...]:
    """Unsolved problems (attempted first, then easy before hard, then by name), then the solved
    ones to do again, the longest ago first."""
    todo = sorted(
        (p for p in group if p.slug not in solves),
        key=lambda p: (p.slug not in attempted, _DIFFICULTY_ORDER[p.meta.difficulty], p.slug),
    )
    again = sorted((p for p in group if p.slug in solves), key=lambda p: solves[p.slug][-1])
    return tuple(p.slug for p in [*todo, *again])


# --- breadth --------------------------------------------------------------------------------


def breadth_mastery(
    reviews: Iterable[Review] | ReviewFacts,
    cards: Iterable[CardState],
    now: datetime,
    *,
    titles: dict[str, str] | None = None,
    sizes: Mapping[str, int] | None = None,
    scope: Iterable[str] = (),
    weeks: int = WEEKS,
    window_days: int = WINDOW_DAYS,
    round_name: str = "breadth",
    next_items: Callable[[str], tuple[str, ...]] = lambda _topic: (),
    fsrs: Scheduler | None = None,
) -> RoundMastery:
    """FSRS recall summed over the cards, divided by the bank's cards, per topic (module doc).

    ``reviews`` and ``cards`` are one deck's (:func:`of_deck`): the review rows, or their
    :class:`ReviewFacts` counted as of ``now`` over the same weeks and window (what
    :func:`load_mastery` reads); ``sizes`` its cards per topic (default: the breadth bank's);
    the round's figure covers the topics of ``scope`` (default: all). The domain round passes
    its tracks as ``titles`` and its own ``round_name``. Recall is FSRS's with ``fsrs``, the
    user's scheduler (:func:`mlprep.review.fitting.user_scheduler`); FSRS's defaults when not
    given.
    """
    if titles is None:
        from mlprep.review.deck import BREADTH

        titles, sizes = BREADTH.titles(), deck_sizes(BREADTH)
    sizes = sizes or {}
    facts = (
        reviews
        if isinstance(reviews, ReviewFacts)
        else ReviewFacts.from_reviews(reviews, now, weeks, window_days)
    )
    counted = defaultdict(lambda: TopicReviews(0, 0, 0, ()), facts.topics)
    recall: dict[str, list[float]] = defaultdict(list)
    learning: dict[str, int] = defaultdict(int)
    for card in cards:
        rated = _rated_card(card.state, now)
        if rated is None:
            continue
        value = recall_now(fsrs or default_scheduler(), rated, now)
        if value is None:
            learning[card.topic] += 1
        else:
            recall[card.topic].append(value)
    keys = list(titles) + sorted(set(facts.topics) - set(titles))
    # a card reviewed but since removed from the bank still counts, so a topic never tops 100%
    totals = {key: max(sizes.get(key, 0), len(recall[key]) + learning[key]) for key in keys}
    topics = tuple(
        replace(
            _breadth_topic(
                key,
                titles.get(key, key),
                counted[key],
                recall[key],
                (learning[key], totals[key]),
            ),
            score=_coverage([key], recall, totals) if counted[key].count else None,
            round=round_name,
            next_items=next_items(key),
        )
        for key in keys
    )
    in_scope = set(scope) or set(keys)
    everything_recalled = [value for values in recall.values() for value in values]
    recent = sum(t.recent for t in facts.topics.values())
    right = sum(t.recent_right for t in facts.topics.values())
    return RoundMastery(
        round=round_name,
        score=_coverage(in_scope, recall, totals) if facts.total else None,
        activity=facts.total,
        topics=topics,
        weekly=tuple(
            WeekPoint(start, right / n if n else None, n)
            for start, (n, right) in zip(week_starts(now, weeks), facts.weekly(weeks), strict=True)
        ),
        retrievability=_mean(everything_recalled),
        retention=right / recent if recent else None,
    )


def deck_sizes(deck: Deck) -> dict[str, int]:
    """How many cards each topic (or track) of a deck's bank holds."""
    from mlprep.review.deck import unit_of

    sizes: dict[str, int] = defaultdict(int)
    for question_id in deck.questions():
        sizes[unit_of(question_id)] += 1
    return dict(sizes)


def domain_mastery(
    reviews: Iterable[Review] | ReviewFacts,
    cards: Iterable[CardState],
    now: datetime,
    *,
    chosen: Iterable[str] = (),
    weeks: int = WEEKS,
    window_days: int = WINDOW_DAYS,
    fsrs: Scheduler | None = None,
) -> RoundMastery:
    """Breadth's measure per domain track, the round's over the ``chosen`` tracks (else all);
    a track's next items are its design cases."""
    from mlprep.domain.bank import design_cases
    from mlprep.review.deck import DOMAIN

    titles = DOMAIN.titles()

    def cases_of(track: str) -> tuple[str, ...]:
        return tuple(design_cases(track)) if track in titles else ()

    return breadth_mastery(
        reviews,
        cards,
        now,
        titles=titles,
        sizes=deck_sizes(DOMAIN),
        scope=chosen,
        weeks=weeks,
        window_days=window_days,
        round_name="domain",
        next_items=cases_of,
        fsrs=fsrs,
    )


def _breadth_topic(
    key: str,
    label: str,
    reviews: TopicReviews,
    recalled: list[float],
    cards: tuple[int, int],
) -> TopicScore:
    """A topic's figures in words; its score is filled in by the caller (:func:`_coverage`).

    ``cards`` is (cards in (re)learning, cards of the bank)."""
    learning, total = cards
    seen = f"{len(recalled) + learning} of {total} cards seen"
    if recalled:
        of = "those" if not learning else f"{len(recalled)} of them"
        seen += f", FSRS expects {fmean(recalled):.0%} recall of {of}"
    if learning:
        seen += f", {learning} in (re)learning"
    if reviews.recent:
        seen += f"; {reviews.recent_right} of {reviews.recent} recent reviews right"
    return TopicScore(
        round="breadth",
        key=key,
        label=label,
        score=None,
        count=reviews.count,
        detail=seen if reviews.count else "not reviewed yet",
    )


def _coverage(
    keys: Iterable[str], recall: Mapping[str, list[float]], totals: Mapping[str, int]
) -> float:
    """Recall summed over the cards of ``keys``, per card of their bank (never seen: 0)."""
    keys = list(keys)
    cards = sum(totals.get(key, 0) for key in keys)
    return sum(sum(recall.get(key, ())) for key in keys) / cards if cards else 0.0


def retrievability(state: str, now: datetime, fsrs: Scheduler | None = None) -> float | None:
    """FSRS's probability of recalling a card now, from its stored state, with ``fsrs`` (FSRS's
    defaults when not given); None if never reviewed, or while in its (re)learning steps since
    less than a day (:func:`mlprep.review.scheduler.recall_now`).
    """
    card = _rated_card(state, now)
    return None if card is None else recall_now(fsrs or default_scheduler(), card, now)


def _rated_card(state: str, now: datetime) -> Card | None:
    """The FSRS card of a stored state, or None if not reviewed by ``now``.

    A malformed state is skipped with a warning rather than failing the whole dashboard.
    """
    try:
        card = Card.from_dict(json.loads(state))
    except (ValueError, KeyError, TypeError) as exc:
        logger.warning("skipping a review card with an unreadable state: %s", exc)
        return None
    if card.last_review is None or card.last_review > now:
        return None
    return card


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

    def figure(answered: list[Answer]) -> float | None:
        by_step = _grouped("design", answered, lambda a: a.part, steps)
        measured = any(t.score is not None for t in by_step)
        return _framework_coverage(by_step, steps) if measured else None

    by_case = _grouped("design", latest, lambda a: a.item, case_titles)
    return RoundMastery(
        round="design",
        score=figure(latest),
        activity=len(mine),
        topics=_grouped("design", latest, lambda a: a.part, steps, lambda _step: case_titles),
        weekly=_weekly_figures(mine, now, weeks, figure),
        breakdowns={"case": tuple(_case_coverage(case, latest, steps) for case in by_case)},
    )


def _framework_coverage(by_step: Iterable[TopicScore], steps: Mapping[str, str]) -> float:
    """The mean over the framework's steps, a step never answered counting 0."""
    return sum(t.score or 0.0 for t in by_step if t.key in steps) / len(steps)


def _case_coverage(case: TopicScore, latest: list[Answer], steps: Mapping[str, str]) -> TopicScore:
    """A case's score: its steps' latest scores over every step of the framework."""
    if case.score is None:
        return case
    mine = [a for a in latest if a.item == case.key]
    covered = _framework_coverage(_grouped("design", mine, lambda a: a.part, steps), steps)
    done = sum(a.part in steps for a in mine)
    return replace(case, score=covered, detail=f"{done} of {len(steps)} steps answered")


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
        weekly=_weekly_figures(mine, now, weeks, _mean_score),
    )


def _of_round(answers: Iterable[Answer], round_name: str, now: datetime) -> list[Answer]:
    """The round's answers up to ``now``; one left blank is no answer (it would score 0)."""
    return [a for a in answers if a.round == round_name and a.created_at <= now and a.text.strip()]


def _latest(answers: Iterable[Answer]) -> list[Answer]:
    """The newest answer to each (item, part): the current state of that piece of work."""
    newest: dict[tuple[str, str], Answer] = {}
    for answer in sorted(answers, key=lambda a: (a.created_at, a.id)):
        newest[(answer.item, answer.part)] = answer
    return list(newest.values())


def _mean_score(answers: Iterable[Answer]) -> float | None:
    return _mean([s for a in answers if (s := answer_score(a)) is not None])


def _weekly_figures(
    answers: list[Answer],
    now: datetime,
    weeks: int,
    figure: Callable[[list[Answer]], float | None],
) -> tuple[WeekPoint, ...]:
    """Each window's answer count, and the round's figure over the latest answers by its end."""
    counts = _weekly_means(((a.created_at, 0.0) for a in answers), now, weeks)
    return tuple(
        replace(p, score=figure(_latest(a for a in answers if a.created_at <= as_of(p, now))))
        for p in counts
    )


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
    "ReviewFacts",
    "RoundMastery",
    "TopicReviews",
    "TopicScore",
    "WeekPoint",
    "answer_score",
    "as_of",
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
