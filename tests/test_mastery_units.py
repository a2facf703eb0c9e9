"""Mastery's arithmetic on hand-made events: weekly windows, trends, shares, latest answers.

Problems, submissions and answers are plain stand-ins built here; every expected figure is
worked out by hand in the comments (dates, windows, shares), not read back from the module.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import fsrs
import pytest

from mlprep.coach import mastery
from mlprep.coach.mastery import (
    CardState,
    Mastery,
    Review,
    ReviewFacts,
    RoundMastery,
    TopicReviews,
    TopicScore,
    WeekPoint,
    answer_score,
    breadth_mastery,
    coding_mastery,
    design_mastery,
    prompt_mastery,
    retrievability,
    solved_value,
    week_starts,
)
from mlprep.store.practice import Answer

NOW = datetime(2030, 3, 15, 12, 0, tzinfo=UTC)  # a Friday; 2030 is not a leap year


def ago(days: float, **more: float) -> datetime:
    return NOW - timedelta(days=days, **more)


def recall(days: int, rating: int = 3, w: list[float] | None = None) -> float:
    """FSRS-6's forgetting curve R = (1 + F t / S) ** C for a new card rated once ``days`` ago,
    with the parameters ``w`` (FSRS's defaults when not given)."""
    w = w or fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    return (1 + (0.9 ** (1 / decay) - 1) * days / w[rating - 1]) ** decay


def solved(days: float) -> float:
    """A problem's mastery ``days`` after its latest accepted submission: it halves in 60 days."""
    return 0.5 ** (days / 60)


def days_between(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / 86400


def end_of(day: date, tz=UTC) -> datetime:
    return datetime.combine(day, time.max, tzinfo=tz)


def card_state(rating: int, at: datetime, w: list[float] | None = None) -> str:
    scheduler = fsrs.Scheduler() if w is None else fsrs.Scheduler(parameters=w)
    card, _ = scheduler.review_card(fsrs.Card(), fsrs.Rating(rating), at)
    return json.dumps(card.to_dict())


def steep_parameters() -> list[float]:
    """FSRS's defaults, but a first Good lasts 20 days, on a steeper curve than the default."""
    w = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    w[2], w[20] = 20.0, 0.5
    return w


# --- weeks ------------------------------------------------------------------------------------


def test_week_starts_are_seven_day_windows_ending_today():
    assert week_starts(NOW, 3) == [date(2030, 2, 23), date(2030, 3, 2), date(2030, 3, 9)]
    assert week_starts(NOW, 1) == [date(2030, 3, 9)]


@pytest.mark.parametrize(
    ("at", "index"),
    [
        (NOW, 7),
        (ago(6), 7),
        (ago(7), 6),
        (ago(55), 0),  # the oldest window's first day
        (ago(56), None),  # exactly eight weeks back: in no window
        (ago(400), None),
        (NOW + timedelta(seconds=1), None),  # after now: not yet
        # 23:30 on Mar 8 in New York is Mar 9 in UTC, the time zone of now: six days back
        (datetime(2030, 3, 8, 23, 30, tzinfo=timezone(timedelta(hours=-5))), 7),
    ],
)
def test_an_event_falls_in_the_window_of_its_day_in_nows_time_zone(at, index):
    assert mastery._week_index(at, NOW, 8) == index


def test_an_events_day_is_read_in_nows_time_zone_not_the_machines():
    west, east = timezone(timedelta(hours=-12)), timezone(timedelta(hours=14))
    at = datetime(2030, 3, 9, 0, 30, tzinfo=west)  # Mar 9 in the west, Mar 10 02:30 in the east
    # now on Mar 9 in the west: at is today; a day of Mar 10 would be after today
    assert mastery._week_index(at, datetime(2030, 3, 9, 12, 0, tzinfo=west), 2) == 1
    # now on Mar 16 in the east: windows Mar 3-9 and Mar 10-16; Mar 9 would be the older one
    assert mastery._week_index(at, datetime(2030, 3, 16, 12, 0, tzinfo=east), 2) == 1


def test_weekly_means_average_each_window_and_count_its_events():
    events = [(NOW, 1.0), (ago(1), 0.0), (ago(7), 0.5), (ago(56), 1.0), (NOW + timedelta(1), 0)]
    assert mastery._weekly_means(events, NOW, 3) == (
        WeekPoint(date(2030, 2, 23), None, 0),
        WeekPoint(date(2030, 3, 2), 0.5, 1),
        WeekPoint(date(2030, 3, 9), 0.5, 2),
    )


# --- the round and the whole -------------------------------------------------------------------


def round_with(scores: list[float | None], counts: list[int] | None = None) -> RoundMastery:
    counts = counts or [1] * len(scores)
    weekly = tuple(
        WeekPoint(start, score, count)
        for start, score, count in zip(week_starts(NOW, len(scores)), scores, counts, strict=True)
    )
    topics = (
        TopicScore("coding", "a", "A", 0.5, 2),
        TopicScore("coding", "b", "B", None, 0),
    )
    return RoundMastery("coding", 0.5, 9, topics, weekly)


def test_the_trend_is_the_last_measured_week_minus_the_first_of_the_last_four():
    # last four: 0.2, None, 0.5, 0.7 -> 0.7 - 0.2 (the 0.9 five weeks back is not in it)
    assert round_with([0.9, None, None, None, 0.2, None, 0.5, 0.7]).trend == pytest.approx(0.5)
    assert round_with([0.9, None, None, None, None, 0.3, None, 0.4]).trend == pytest.approx(0.1)
    assert round_with([0.9, 0.1, 0.2, 0.3, None, None, None, 0.4]).trend is None, "one measured"
    assert round_with([0.2, 0.6]).trend == pytest.approx(0.4)
    assert round_with([None, None]).trend is None


def test_recent_activity_is_the_last_four_weeks_and_topics_measured_count():
    r = round_with([None] * 8, counts=[100, 1, 1, 1, 2, 3, 4, 5])
    assert r.recent_activity == 2 + 3 + 4 + 5
    assert r.measured_topics == 1
    assert r.title == "Coding"
    assert (
        TopicScore("x", "k", "K", 0.0, 1).measured
        and not TopicScore("x", "k", "K", None, 0).measured
    )


def test_a_round_serialises_with_its_derived_figures():
    r = round_with([None, 0.25, 0.5, 0.75], counts=[0, 1, 2, 3])
    assert r.to_dict() == {
        "round": "coding",
        "title": "Coding",
        "score": 0.5,
        "trend": 0.5,
        "activity": 9,
        "recent_activity": 6,
        "measured_topics": 1,
        "retrievability": None,
        "retention": None,
        "weekly": [
            {"start": "2030-02-16", "end": "2030-02-22", "score": None, "count": 0},
            {"start": "2030-02-23", "end": "2030-03-01", "score": 0.25, "count": 1},
            {"start": "2030-03-02", "end": "2030-03-08", "score": 0.5, "count": 2},
            {"start": "2030-03-09", "end": "2030-03-15", "score": 0.75, "count": 3},
        ],
        "topics": [
            {"round": "coding", "key": "a", "label": "A", "score": 0.5, "count": 2,
             "detail": "", "next_items": ()},
            {"round": "coding", "key": "b", "label": "B", "score": None, "count": 0,
             "detail": "", "next_items": ()},
        ],
        "breakdowns": {},
    }  # fmt: skip


def test_the_weakest_topics_are_measured_ones_lowest_first_then_most_practised():
    def t(round_name: str, key: str, score: float | None, count: int) -> TopicScore:
        return TopicScore(round_name, key, key.upper(), score, count)

    a, b, c = t("coding", "b", 0.2, 1), t("breadth", "a", 0.2, 5), t("coding", "a", 0.2, 5)
    d, e, f = t("design", "x", None, 0), t("coding", "z", 0.9, 1), t("coding", "c", 0.2, 5)
    rounds = {
        "coding": RoundMastery("coding", 0.5, 1, (a, c, e, f), ()),
        "breadth": RoundMastery("breadth", 0.2, 1, (b,), ()),
        "design": RoundMastery("design", None, 0, (d,), ()),
    }
    whole = Mastery(NOW, rounds)
    assert whole.weakest(2) == [b, c]
    assert whole.weakest() == [b, c, f, a, e]  # five asked, five measured
    g = t("design", "y", 0.95, 1)
    more = Mastery(NOW, {**rounds, "design": RoundMastery("design", 0.9, 1, (d, g), ())})
    assert more.weakest() == [b, c, f, a, e], "five by default, of six measured"
    data = whole.to_dict()
    assert data["now"] == "2030-03-15T12:00:00+00:00"
    assert [r["round"] for r in data["rounds"]] == ["coding", "breadth", "design"]
    assert [(w["round"], w["key"]) for w in data["weakest"]] == [
        ("breadth", "a"),
        ("coding", "a"),
        ("coding", "c"),
        ("coding", "b"),
        ("coding", "z"),
    ]


def test_a_review_is_good_when_rated_good_or_easy_or_marked_right():
    assert [Review("t", NOW, r, None).good for r in (1, 2, 3, 4)] == [False, False, True, True]
    assert Review("t", NOW, 1, True).good is True  # Again, but the answer was marked right
    assert Review("t", NOW, 3, False).good is True  # the user's own rating stands
    assert Review("t", NOW, 2, False).good is False


# --- coding -------------------------------------------------------------------------------------


def problem(slug: str, topics: list[str], group: str, difficulty: str) -> SimpleNamespace:
    meta = SimpleNamespace(topics=topics, group=group, difficulty=difficulty)
    return SimpleNamespace(slug=slug, meta=meta)


def submitted(slug: str, at: datetime, accepted: bool = True, mode: str = "judge"):
    return SimpleNamespace(problem=slug, created_at=at, accepted=accepted, mode=mode)


PROBLEMS = [
    problem("a1", ["t1", "t2"], "g1", "hard"),
    problem("a2", ["t1"], "g1", "easy"),
    problem("a3", ["t2"], "g2", "medium"),
    problem("a4", ["t1"], "g2", "easy"),
    problem("a0", ["t3"], "g2", "hard"),
]
HISTORY = [
    submitted("a2", ago(33), accepted=False),  # Feb 10: the first attempt
    submitted("a1", ago(20)),  # Feb 23: a1 solved first here...
    submitted("a1", ago(2)),  # ...and again on Mar 13
    submitted("a2", ago(1), mode="run"),  # a run solves nothing, but it is an attempt
    submitted("a3", ago(10), accepted=False),  # Mar 5
    submitted("a4", NOW + timedelta(hours=1)),  # after now: not yet
    submitted("gone", ago(3)),  # a problem since removed from the bank
    submitted("a3", NOW, accepted=False),  # at now itself: counted
]


def test_coding_mastery_is_recent_solves_over_the_bank_per_topic_and_group():
    coding = coding_mastery(PROBLEMS, HISTORY, NOW, 8)
    a1 = solved(2)  # a1's latest accepted submission is two days old
    assert coding.round == "coding"
    assert coding.score == pytest.approx(a1 / 5), "a1 only: runs, removed problems do not count"
    assert coding.activity == 7
    topics = {t.key: t for t in coding.topics}
    assert list(topics) == ["t1", "t2", "t3"]
    # t1: a1 solved, a2 attempted (a run), a4 not yet tried
    assert (topics["t1"].score, topics["t1"].count, topics["t1"].detail) == (
        pytest.approx(a1 / 3),
        2,
        "1/3 solved",
    )
    # unsolved first (attempted, then easy), then the solved ones to do again
    assert topics["t1"].next_items == ("a2", "a4", "a1")
    assert (topics["t2"].score, topics["t2"].count, topics["t2"].next_items) == (
        pytest.approx(a1 / 2),
        2,
        ("a3", "a1"),
    )
    assert (topics["t3"].score, topics["t3"].count, topics["t3"].detail) == (None, 0, "0/1 solved")
    assert all(t.round == "coding" and t.label == t.key for t in coding.topics)
    groups = {g.key: g for g in coding.breakdowns["group"]}
    assert (groups["g1"].score, groups["g2"].score) == (pytest.approx(a1 / 2), 0.0)
    # attempted first, then easy before hard, then by name
    assert groups["g2"].next_items == ("a3", "a4", "a0")


def test_solved_problems_fade_by_half_every_sixty_days_from_the_latest_accept():
    first, latest = ago(90), ago(30)
    assert solved_value([first, latest], NOW) == pytest.approx(0.5**0.5)
    assert solved_value([first, latest], ago(60)) == pytest.approx(0.5**0.5), "as of then"
    assert solved_value([first], ago(30) - timedelta(seconds=1)) == pytest.approx(
        0.5 ** (days_between(ago(30, seconds=1), first) / 60)
    )
    assert solved_value([first, latest], ago(91)) == 0.0, "not solved yet"
    assert solved_value([], NOW) == 0.0
    assert solved_value([NOW], NOW) == 1.0
    assert solved_value([ago(120)], NOW) == pytest.approx(0.25)
    two = [problem("x", ["t"], "g", "easy"), problem("y", ["t"], "g", "easy")]
    old = [submitted("x", ago(120)), submitted("y", ago(60)), submitted("y", ago(200))]
    assert coding_mastery(two, old, NOW, 1).score == pytest.approx((0.25 + 0.5) / 2)
    assert [t.next_items for t in coding_mastery(two, old, NOW, 1).topics] == [("x", "y")]


def test_coding_weekly_figures_are_the_round_as_of_each_weeks_last_day():
    coding = coding_mastery(PROBLEMS, HISTORY, NOW, 8)
    # windows start Jan 19, Jan 26, Feb 2, Feb 9, Feb 16, Feb 23, Mar 2, Mar 9
    assert [p.start for p in coding.weekly] == week_starts(NOW, 8)
    assert [p.end for p in coding.weekly] == [d + timedelta(days=6) for d in week_starts(NOW, 8)]
    first_solve = ago(20)  # a1 on Feb 23 at noon
    mar_1, mar_8 = end_of(date(2030, 3, 1)), end_of(date(2030, 3, 8))
    assert [(p.score, p.count) for p in coding.weekly] == [
        (None, 0),
        (None, 0),
        (None, 0),  # nothing submitted before Feb 9
        (0.0, 1),  # a2 tried on Feb 10
        (0.0, 0),  # a1's solve on Feb 23 is the next window's
        (pytest.approx(solved(days_between(mar_1, first_solve)) / 5), 1),
        (pytest.approx(solved(days_between(mar_8, first_solve)) / 5), 1),  # a3 tried
        (pytest.approx(solved(2) / 5), 4),  # a1 again, a2 run, "gone", a3 at now
    ]
    assert coding.trend == pytest.approx(solved(2) / 5) and coding.recent_activity == 6


def test_coding_days_are_counted_in_nows_time_zone():
    tokyo = timezone(timedelta(hours=9))
    now = datetime(2030, 3, 15, 8, 0, tzinfo=tokyo)  # Mar 14 23:00 UTC
    # Mar 8 20:00 UTC is Mar 9 05:00 in Tokyo: the last window, not the one before
    at = datetime(2030, 3, 8, 20, 0, tzinfo=UTC)
    weekly = coding_mastery(PROBLEMS, [submitted("a1", at)], now, 2).weekly
    assert [(p.start, p.score, p.count) for p in weekly] == [
        (date(2030, 3, 2), None, 0),
        (date(2030, 3, 9), pytest.approx(solved(6.125) / 5), 1),  # 6 days and 3 hours on
    ]


def test_a_week_is_measured_from_a_first_submission_at_its_last_moment():
    end_mar_8 = end_of(date(2030, 3, 8))  # the last instant of the window Mar 2-8
    weekly = coding_mastery(PROBLEMS, [submitted("a1", end_mar_8)], NOW, 2).weekly
    assert [(p.score, p.count) for p in weekly] == [
        (pytest.approx(solved(0) / 5), 1),  # a1 solved at that very instant
        (pytest.approx(solved(days_between(NOW, end_mar_8)) / 5), 0),
    ]
    weekly = coding_mastery(PROBLEMS, [submitted("a1", NOW)], NOW, 2).weekly
    assert [(p.score, p.count) for p in weekly] == [(None, 0), (pytest.approx(1 / 5), 1)]


def test_coding_facts_counted_over_other_weeks_are_refused():
    from mlprep.coach.progress import CodingFacts

    # the midnights that start eight windows ending today, and just after now
    edges = [datetime.combine(day, time(), tzinfo=UTC) for day in week_starts(NOW, 8)]
    eight = CodingFacts.from_history(HISTORY, NOW, [*edges, NOW + timedelta(microseconds=1)])
    assert len(coding_mastery(PROBLEMS, eight, NOW, 8).weekly) == 8
    with pytest.raises(ValueError):
        coding_mastery(PROBLEMS, eight, NOW, 3)


def test_coding_without_history_or_problems_is_unmeasured():
    assert coding_mastery(PROBLEMS, [], NOW, 8).score is None
    assert coding_mastery(PROBLEMS, [submitted("a1", NOW + timedelta(1))], NOW, 8).score is None
    empty = coding_mastery([], HISTORY, NOW, 2)
    assert empty.score is None and [p.score for p in empty.weekly] == [None, None]
    assert empty.topics == () and empty.activity == 7


# --- breadth ------------------------------------------------------------------------------------

TITLES = {"t1": "Topic one", "t2": "Topic two", "t3": "Topic three"}
SIZES = {"t1": 4, "t2": 2, "t3": 5}  # cards in the bank per topic
REVIEWS = [
    Review("t1", ago(1), 3, None),  # Good
    Review("t1", ago(2), 2, True),  # Hard but marked right: good
    Review("t1", ago(27), 1, None),  # in the 28-day window, wrong
    Review("t1", ago(28), 4, None),  # exactly 28 days back: out of the window
    Review("t2", ago(40), 3, None),
    Review("t1", NOW + timedelta(hours=1), 1, None),  # after now: not yet
    Review("tx", ago(3), 3, None),  # topics outside the titles come last, by name
    Review("ta", ago(3), 1, None),
    Review("tb", NOW, 4, None),  # at now itself: counted
]


def test_breadth_retention_over_the_window_and_recall_in_its_absence(caplog):
    cards = [
        CardState("t2", card_state(3, ago(40))),
        CardState("t1", "not json"),  # skipped with a warning
        CardState("t1", json.dumps(fsrs.Card().to_dict())),  # never reviewed: no recall
        CardState("t3", card_state(3, NOW + timedelta(hours=1))),  # reviewed after now
    ]
    with caplog.at_level(logging.WARNING):
        breadth = breadth_mastery(REVIEWS, cards, NOW, titles=TITLES, sizes=SIZES)
    try:
        json.loads("not json")
    except ValueError as exc:
        why = str(exc)
    assert [r.getMessage() for r in caplog.records] == [
        f"skipping a review card with an unreadable state: {why}"
    ]
    topics = {t.key: t for t in breadth.topics}
    assert list(topics) == ["t1", "t2", "t3", "ta", "tb", "tx"]
    labels = ["Topic one", "Topic two", "Topic three", "ta", "tb", "tx"]
    assert [t.label for t in breadth.topics] == labels
    # t1: four reviews, no card with a recall: none of its 4 cards counts yet
    assert (topics["t1"].score, topics["t1"].count) == (0.0, 4)
    assert topics["t1"].detail == "0 of 4 cards seen; 2 of 3 recent reviews right"
    assert topics["t2"].score == pytest.approx(recall(40) / 2, rel=1e-12), "one of two cards"
    assert topics["t2"].detail == "1 of 2 cards seen, FSRS expects 64% recall of those"
    assert (topics["t3"].score, topics["t3"].count, topics["t3"].detail) == (
        None,
        0,
        "not reviewed yet",
    )
    # reviewed topics outside the bank, without cards: nothing to recall
    assert (topics["ta"].score, topics["tb"].score, topics["tx"].score) == (0.0, 0.0, 0.0)
    assert breadth.score == pytest.approx(recall(40) / (4 + 2 + 5)), "over every card of the bank"
    assert breadth.retention == pytest.approx(4 / 6), "every recent review, across topics"
    assert breadth.activity == 8
    assert breadth.retrievability == pytest.approx(recall(40), rel=1e-12)
    assert [(p.score, p.count) for p in breadth.weekly] == [
        (None, 0),
        (None, 0),
        (1.0, 1),  # t2, 40 days back
        (1.0, 1),  # t1 Easy, 28 days back
        (0.0, 1),  # t1 Again, 27 days back
        (None, 0),
        (None, 0),
        (0.8, 5),
    ]
    assert breadth.trend == pytest.approx(0.8)
    assert all(t.round == "breadth" and t.next_items == () for t in breadth.topics)


def test_a_review_at_midnight_counts_in_the_window_that_starts_then():
    midnight = datetime(2030, 3, 9, tzinfo=UTC)  # the first instant of the window Mar 9-15
    at_midnight = breadth_mastery(
        [Review("t1", midnight, 3, None)], [], NOW, titles=TITLES, weeks=2
    )
    assert [p.count for p in at_midnight.weekly] == [0, 1]
    before = [Review("t1", midnight - timedelta(microseconds=1), 3, None)]
    just_before = breadth_mastery(before, [], NOW, titles=TITLES, weeks=2)
    assert [p.count for p in just_before.weekly] == [1, 0], "the window Mar 2-8's last instant"


def test_a_review_a_microsecond_after_now_is_not_counted():
    def counted(at: datetime) -> list[int]:
        reviews = [Review("t1", at, 3, None)]
        return [p.count for p in breadth_mastery(reviews, [], NOW, titles=TITLES, weeks=1).weekly]

    assert counted(NOW) == [1]
    assert counted(NOW + timedelta(microseconds=1)) == [0]


def test_a_review_in_the_repeated_hour_of_a_dst_change_counts_in_this_week():
    new_york = ZoneInfo("America/New_York")
    now = datetime(2030, 11, 3, 1, 30, fold=1, tzinfo=new_york)  # the second 1:30, EST: 6:30 UTC
    # the first 1:30 (EDT) and a microsecond: an hour before now, less a microsecond
    at = datetime(2030, 11, 3, 5, 30, 0, 1, tzinfo=UTC)
    breadth = breadth_mastery([Review("t1", at, 3, None)], [], now, titles=TITLES, weeks=1)
    assert [p.count for p in breadth.weekly] == [1]


def test_a_card_never_reviewed_does_not_hide_the_cards_after_it():
    cards = [
        CardState("t1", json.dumps(fsrs.Card().to_dict())),  # never reviewed: no recall
        CardState("t2", card_state(3, ago(40))),
    ]
    reviews = [Review("t2", ago(40), 3, None)]
    breadth = breadth_mastery(reviews, cards, NOW, titles=TITLES, sizes=SIZES)
    t2 = {t.key: t for t in breadth.topics}["t2"]
    assert t2.score == pytest.approx(recall(40) / 2, rel=1e-12), "one of its two cards"
    assert breadth.retrievability == pytest.approx(recall(40), rel=1e-12)


def test_every_card_in_relearning_counts_among_a_topics_cards():
    cards = [
        CardState("t2", card_state(3, ago(40))),
        CardState("t2", card_state(1, ago(0, hours=1))),
        CardState("t2", card_state(1, ago(0, hours=2))),
    ]
    reviews = [Review("t2", ago(40), 3, None)]
    reviews += [Review("t2", ago(0, hours=1), 1, None), Review("t2", ago(0, hours=2), 1, None)]
    # three cards stored, two in the bank (one since removed): the topic counts three
    breadth = breadth_mastery(reviews, cards, NOW, titles=TITLES, sizes={"t2": 2})
    t2 = {t.key: t for t in breadth.topics}["t2"]
    assert t2.score == pytest.approx(recall(40) / 3, rel=1e-12)
    assert t2.detail == (
        "3 of 3 cards seen, FSRS expects 64% recall of 1 of them, 2 in (re)learning;"
        " 0 of 2 recent reviews right"
    )


def test_a_scope_key_outside_the_bank_adds_neither_cards_nor_recall():
    cards = [CardState("t2", card_state(3, ago(2)))]
    reviews = [Review("t2", ago(2), 3, None)]
    scope = ["t2", "retired-topic"]
    breadth = breadth_mastery(reviews, cards, NOW, titles=TITLES, sizes=SIZES, scope=scope)
    assert breadth.score == pytest.approx(recall(2) / 2, rel=1e-12), "t2's two cards alone"


def test_review_facts_counted_over_other_weeks_are_refused():
    facts = ReviewFacts(
        {
            "t1": TopicReviews(3, 0, 0, ((1, 1), (1, 0))),
            "t2": TopicReviews(1, 0, 0, ((0, 0), (1, 1))),
        }
    )
    assert facts.weekly(2) == [(1 + 0, 1 + 0), (1 + 1, 0 + 1)]
    with pytest.raises(ValueError):
        facts.weekly(3)
    with pytest.raises(ValueError):
        facts.weekly(1)
    with pytest.raises(ValueError):
        breadth_mastery(facts, [], NOW, titles=TITLES, weeks=1)


def test_breadth_takes_its_round_name_window_and_next_items_from_the_caller():
    domain = breadth_mastery(
        REVIEWS,
        [],
        NOW,
        titles=TITLES,
        weeks=2,
        window_days=2,
        round_name="domain",
        next_items=lambda key: (f"{key}-case",),
    )
    assert domain.round == "domain" and len(domain.weekly) == 2
    assert all(t.round == "domain" and t.next_items == (f"{t.key}-case",) for t in domain.topics)
    # a two-day window: only the reviews one day back and now (two days back is its edge)
    assert domain.retention == 1.0 and domain.retrievability is None
    assert domain.score == 0.0, "no card has a recall"
    assert {t.key: t.score for t in domain.topics}["t1"] == 0.0


def test_the_round_sums_recall_over_its_scope_and_a_topic_never_tops_its_cards():
    cards = [CardState("t1", card_state(3, ago(1))), CardState("t2", card_state(3, ago(2)))]
    cards += [CardState("t2", card_state(3, ago(3))), CardState("t2", card_state(1, ago(3)))]
    reviews = [Review("t1", ago(1), 3, None), Review("t2", ago(2), 3, None)]
    sizes = {"t1": 10, "t2": 2, "t3": 5}
    breadth = breadth_mastery(reviews, cards, NOW, titles=TITLES, sizes=sizes, scope=["t2"])
    t2 = recall(2) + recall(3) + recall(3, 1)
    # t2 has three cards stored but two in the bank (one since removed): it counts three
    assert {t.key: t.score for t in breadth.topics}["t2"] == pytest.approx(t2 / 3)
    assert breadth.score == pytest.approx(t2 / 3), "the scope is t2 alone"
    whole = breadth_mastery(reviews, cards, NOW, titles=TITLES, sizes=sizes)
    assert whole.score == pytest.approx((recall(1) + t2) / (10 + 3 + 5))
    assert {t.key: t.score for t in whole.topics}["t1"] == pytest.approx(recall(1) / 10)


def test_a_card_just_rated_again_counts_as_relearning_not_as_recalled():
    cards = [
        CardState("t2", card_state(3, ago(40))),
        CardState("t2", card_state(1, ago(0, hours=1))),
    ]
    reviews = [Review("t2", ago(40), 3, None), Review("t2", ago(0, hours=1), 1, None)]
    breadth = breadth_mastery(reviews, cards, NOW, titles=TITLES, sizes={"t2": 2})
    t2 = {t.key: t for t in breadth.topics}["t2"]
    assert t2.score == pytest.approx(recall(40) / 2, rel=1e-12), "the forgotten card counts 0"
    assert breadth.retrievability == pytest.approx(recall(40), rel=1e-12)
    assert t2.detail == (
        "2 of 2 cards seen, FSRS expects 64% recall of 1 of them, 1 in (re)learning;"
        " 0 of 1 recent reviews right"
    )


def test_without_recent_reviews_the_round_is_scored_by_fsrs_recall():
    old = [Review("t1", ago(40), 3, None), Review("t2", ago(30), 1, None)]
    cards = [CardState("t1", card_state(3, ago(40))), CardState("t2", card_state(1, ago(30)))]
    breadth = breadth_mastery(old, cards, NOW, titles=TITLES)
    both = (recall(40) + recall(30, 1)) / 2
    assert breadth.score == pytest.approx(both, rel=1e-12)
    assert breadth.retrievability == pytest.approx(both, rel=1e-12)


def test_domain_tracks_suggest_their_design_cases_and_take_the_window_given():
    from mlprep.domain.bank import design_cases, tracks

    track = next(iter(tracks()))
    reviews = [Review(track, ago(1), 3, None), Review(track, ago(3), 1, None)]
    reviews.append(Review("retired-track", ago(1), 3, None))
    domain = mastery.domain_mastery(reviews, [], NOW, weeks=3, window_days=2)
    assert domain.round == "domain" and len(domain.weekly) == 3
    found = {t.key: t for t in domain.topics}
    assert list(found)[: len(tracks())] == list(tracks())
    assert found[track].next_items == tuple(design_cases(track))
    assert found[track].score == 0.0, "no card recalled"
    assert domain.retention == 1.0, "only the reviews one day back are in a two-day window"
    assert found["retired-track"].next_items == ()


def test_the_domain_round_covers_the_chosen_tracks_with_the_scheduler_given():
    from mlprep.domain.bank import tracks
    from mlprep.review.deck import DOMAIN

    first, second = list(tracks())[:2]
    w = steep_parameters()
    cards = [
        CardState(first, card_state(3, ago(10), w)),
        CardState(second, card_state(3, ago(10), w)),
    ]
    reviews = [Review(first, ago(10), 3, None), Review(second, ago(10), 3, None)]
    steep = fsrs.Scheduler(parameters=w, enable_fuzzing=False)
    domain = mastery.domain_mastery(reviews, cards, NOW, chosen=[first], fsrs=steep)
    assert domain.retrievability == pytest.approx(recall(10, w=w), rel=1e-12)
    cards_of_first = sum(qid.split("/")[0] == first for qid in DOMAIN.questions())
    assert domain.score == pytest.approx(recall(10, w=w) / cards_of_first, rel=1e-12)


def test_load_mastery_passes_its_weeks_window_and_problems_to_every_round(tmp_path):
    from mlprep.domain.bank import tracks
    from mlprep.problems import load_problem
    from mlprep.store import open_store
    from mlprep.store.models import ReviewLogRow

    def logged(question: str, rating: int, at: datetime) -> ReviewLogRow:
        topic = question.rsplit("/", 1)[0]
        return ReviewLogRow(
            question=question, topic=topic, reviewed_at=at, rating=rating, correct=None
        )

    track = next(iter(tracks()))

    two = [load_problem("kmeans"), load_problem("pca")]
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        with store.writing() as session:
            session.add_all([logged("metrics/q", 1, ago(3)), logged("metrics/r", 3, ago(1))])
            session.add_all(
                [logged(f"domain:{track}/q", 1, ago(3)), logged(f"domain:{track}/r", 3, ago(1))]
            )
        whole = mastery.load_mastery(store, NOW, two, weeks=3, window_days=2)
    assert all(len(r.weekly) == 3 for r in whole.rounds.values())
    assert whole.rounds["breadth"].retention == 1.0, "the review three days back is outside"
    assert whole.rounds["domain"].retention == 1.0, "the same window for the domain round"
    topics = {"clustering", "unsupervised learning"} | set(two[1].meta.topics)
    assert [t.key for t in whole.rounds["coding"].topics] == sorted(topics)


def test_mastery_recalls_with_the_users_fitted_parameters_and_no_query_per_card(tmp_path):
    from sqlalchemy import event

    from mlprep.problems import load_problem
    from mlprep.review import fitting, scheduler
    from mlprep.review.bank import questions, topic_of
    from mlprep.store import open_store
    from mlprep.store.settings import set_setting

    w = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    w[2], w[20] = 20.0, 0.5  # a first Good lasts 20 days, on a steeper curve than the default
    fitted = {"parameters": w, "fitted_at": ago(20).isoformat(), "reviews": 400}
    decay = -w[20]
    recall_fitted = (1 + (0.9 ** (1 / decay) - 1) * 10 / w[2]) ** decay  # 10 days after a Good
    metrics = [qid for qid in questions() if topic_of(qid) == "metrics"]
    kmeans = [load_problem("kmeans")]
    statements: list[str] = []
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        set_setting(store, fitting.SETTING, fitted, ago(20))
        event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        counts = []
        for qid in metrics[:3]:
            scheduler.record_rating(store, qid, 3, ago(10))
            statements.clear()
            whole = mastery.load_mastery(store, NOW, kmeans)
            counts.append(len(statements))
    assert whole.rounds["breadth"].retrievability == pytest.approx(recall_fitted, rel=1e-12)
    assert counts[0] == counts[1] == counts[2], "one, two and three cards: the same queries"


def test_load_mastery_gives_the_domain_round_the_users_parameters_and_chosen_tracks(tmp_path):
    from mlprep.domain.bank import tracks
    from mlprep.problems import load_problem
    from mlprep.review import fitting, scheduler
    from mlprep.review.deck import DOMAIN
    from mlprep.store import open_store
    from mlprep.store.settings import choose_tracks, set_setting

    w = steep_parameters()
    fitted = {"parameters": w, "fitted_at": ago(20).isoformat(), "reviews": 400}
    first, second = list(tracks())[:2]
    questions = list(DOMAIN.questions())
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        set_setting(store, fitting.SETTING, fitted, ago(20))
        choose_tracks(store, [first])
        for track in (first, second):  # one card of each track, rated Good ten days back
            qid = next(q for q in questions if q.split("/")[0] == track)
            scheduler.record_rating(store, qid, 3, ago(10), deck=DOMAIN)
        domain = mastery.load_mastery(store, NOW, [load_problem("kmeans")]).rounds["domain"]
    assert domain.retrievability == pytest.approx(recall(10, w=w), rel=1e-12)
    cards_of_first = sum(qid.split("/")[0] == first for qid in questions)
    assert domain.score == pytest.approx(recall(10, w=w) / cards_of_first, rel=1e-12)


def test_retrievability_is_fsrs_recall_now_and_none_without_a_past_review():
    assert retrievability(card_state(3, ago(10)), NOW) == pytest.approx(recall(10), rel=1e-12)
    assert retrievability(card_state(1, ago(3)), NOW) == pytest.approx(recall(3, 1), rel=1e-12)
    assert retrievability(card_state(4, NOW), NOW) == 1.0  # Easy: graduated, just recalled
    # in its learning steps and rated less than a day ago: no figure, whatever the rating
    assert retrievability(card_state(1, NOW), NOW) is None
    assert retrievability(card_state(3, ago(0, hours=23, minutes=59)), NOW) is None
    assert retrievability(card_state(1, ago(1)), NOW) == pytest.approx(recall(1, 1), rel=1e-12)
    assert retrievability(card_state(3, NOW + timedelta(seconds=1)), NOW) is None
    assert retrievability(json.dumps(fsrs.Card().to_dict()), NOW) is None
    assert retrievability("{}", NOW) is None
    assert retrievability("[1, 2]", NOW) is None


# --- written rounds -----------------------------------------------------------------------------


def written(
    round_name: str,
    item: str,
    part: str,
    at: datetime,
    self_score: float | None = None,
    auto: float | None = None,
    id: int = 0,  # noqa: A002
) -> Answer:
    return Answer(id, None, round_name, item, part, "text", auto, self_score, at)


def test_the_users_own_score_comes_first_even_when_it_is_zero():
    assert answer_score(written("design", "c", "goal", NOW, 0.0, 0.9)) == 0.0
    assert answer_score(written("design", "c", "goal", NOW, None, 0.9)) == 0.9
    assert answer_score(written("design", "c", "goal", NOW, None, None)) is None


def test_design_takes_the_latest_answer_per_case_and_step():
    from mlprep.design.bank import cases, framework

    case_slugs = list(cases())
    first, second = case_slugs[0], case_slugs[1]
    answers = [
        written("design", first, "goal", ago(9), 0.2, id=1),
        written("design", first, "goal", ago(1), 0.8, id=2),  # replaces the answer above
        written("design", first, "loss", ago(1), None, 0.4, id=3),
        written("design", second, "goal", ago(1), 0.6, id=5),
        written("design", second, "goal", ago(1), 0.0, id=4),  # same time, lower id: older
        written("design", second, "data", ago(1), None, None, id=6),  # no score at all
        written("design", second, "loss", NOW + timedelta(hours=1), 1.0, id=7),  # after now
        written("behavioral", first, "goal", ago(1), 0.1, id=8),  # another round
        written("design", second, "serving", NOW, 0.3, id=9),  # at now itself: counted
    ]
    design = design_mastery(answers, NOW, 8)
    assert design.activity == 7
    steps = {t.key: t for t in design.topics}
    assert list(steps) == [step.key for step in framework().steps]
    assert steps["goal"].score == pytest.approx((0.8 + 0.6) / 2)
    assert (steps["goal"].count, steps["goal"].detail) == (2, "2 answers scored")
    assert steps["loss"].score == pytest.approx(0.4)
    assert (steps["data"].score, steps["data"].detail) == (None, "no answer yet")
    assert steps["goal"].label == framework().steps[0].title
    rounds = {t.round for t in design.topics} | {t.round for t in design.breakdowns["case"]}
    assert rounds == {"design"}
    # cases not yet answered for a step come first, in the bank's order
    assert steps["goal"].next_items[-2:] == (first, second)
    assert (
        steps["goal"].next_items[:3] == tuple(s for s in case_slugs if s not in (first, second))[:3]
    )
    assert steps["loss"].next_items[-1] == first
    n = len(framework().steps)  # a step never answered counts 0
    by_case = {t.key: t for t in design.breakdowns["case"]}
    assert by_case[first].score == pytest.approx((0.8 + 0.4) / n)
    assert by_case[first].detail == f"2 of {n} steps answered"
    assert by_case[second].score == pytest.approx((0.6 + 0.3) / n)
    assert by_case[second].detail == f"3 of {n} steps answered", "data answered, not scored"
    assert by_case[case_slugs[2]].score is None
    assert steps["serving"].score == pytest.approx(0.3)
    # goal 0.7 (two cases), loss 0.4, serving 0.3, the other seven steps 0
    assert design.score == pytest.approx((0.7 + 0.4 + 0.3) / n)
    # as of Mar 8, only the older goal answer of the first case, nine days back
    assert [(p.score, p.count) for p in design.weekly[-3:]] == [
        (None, 0),
        (pytest.approx(0.2 / n), 1),
        (pytest.approx((0.7 + 0.4 + 0.3) / n), 6),
    ]


def test_answers_left_blank_are_no_answer():
    from mlprep.design.bank import framework

    blank = [
        written("design", "c", "goal", ago(2), 0.9, id=1),
        written("design", "c", "goal", ago(1), 0.0, 0.0, id=2),  # the newer one is blank
        written("behavioral", "p", "", ago(1), 0.0, id=3),
    ]
    blank[1] = replace(blank[1], text=" \n\t")
    blank[2] = replace(blank[2], text="")
    design = design_mastery(blank, NOW, 2)
    assert design.activity == 1
    assert design.score == pytest.approx(0.9 / len(framework().steps))
    behavioral = prompt_mastery("behavioral", blank, NOW, 2)
    assert behavioral.score is None and behavioral.activity == 0


def test_prompt_rounds_average_per_category_and_unknown_prompts_are_other():
    from mlprep.prompts.bank import prompts

    bank = prompts("behavioral")
    ownership = [slug for slug, p in bank.items() if p.category == "ownership"]
    answers = [
        written("behavioral", ownership[0], "", ago(2), 0.5, id=1),
        written("behavioral", ownership[1], "", ago(1), None, 1.0, id=2),
        written("behavioral", "retired-prompt", "", ago(1), 0.25, id=3),
        written("deep_dive", ownership[0], "", ago(1), 0.0, id=4),
    ]
    behavioral = prompt_mastery("behavioral", answers, NOW, 8)
    topics = {t.key: t for t in behavioral.topics}
    assert list(topics)[-1] == "other", "unknown categories come after the bank's"
    assert topics["ownership"].label == "Ownership"
    assert topics["ownership"].score == pytest.approx(0.75)
    assert topics["other"].score == 0.25 and topics["other"].label == "other"
    assert topics["ownership"].next_items[-2:] == (ownership[0], ownership[1])
    assert set(topics["ownership"].next_items) == set(ownership)
    assert topics["conflict"].score is None
    assert behavioral.score == pytest.approx((0.5 + 1.0 + 0.25) / 3)
    assert behavioral.activity == 3 and behavioral.round == "behavioral"
    assert behavioral.weekly[-1] == WeekPoint(week_starts(NOW, 8)[-1], pytest.approx(1.75 / 3), 3)
