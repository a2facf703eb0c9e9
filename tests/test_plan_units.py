"""The study plan's arithmetic on hand-made mastery: shares, blocks, days, topic picking, storage.

Every figure below is worked out by hand from the rules in ``mlprep.coach.plan``'s docstring
(minutes per day rounded cumulatively, 30-90 minute blocks near 45, breadth at 35%, weights
growing with weakness), not read back from the module.
"""

from __future__ import annotations

import math
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mlprep.coach import plan
from mlprep.coach.mastery import Mastery, RoundMastery, TopicScore
from mlprep.coach.plan import (
    Block,
    Plan,
    PlanError,
    PlanTask,
    UnknownTask,
    build_plan,
    check_inputs,
    daily_minutes,
    describe,
    domain_weight,
    parse_rounds,
    round_shares,
)
from mlprep.coach.rounds import ROUNDS

NOW = datetime(2030, 1, 6, 18, 0, tzinfo=UTC)
START = date(2030, 1, 7)


def topic(round_name: str, key: str, score: float | None, items=(), label=None) -> TopicScore:
    return TopicScore(round_name, key, label or key.title(), score, 1, "", tuple(items))


def mastery_of(scores: dict[str, float | None], topics: dict | None = None) -> Mastery:
    topics = topics or {}
    return Mastery(
        NOW,
        {r: RoundMastery(r, scores.get(r), 0, tuple(topics.get(r, ())), ()) for r in ROUNDS},
    )


# --- inputs ---------------------------------------------------------------------------------


def test_round_names_are_read_loosely_and_returned_in_the_usual_order():
    assert parse_rounds(None) == ("coding", "breadth", "design", "behavioral", "deep_dive")
    assert parse_rounds(None, domain_tracks=("llm",)) == ROUNDS
    assert parse_rounds([" Deep-Dive , CODING", "", "breadth"]) == (
        "coding",
        "breadth",
        "deep_dive",
    )
    with pytest.raises(PlanError) as caught:
        parse_rounds(["coding,chess"])
    assert str(caught.value) == f"unknown round 'chess': choose from {', '.join(ROUNDS)}"
    with pytest.raises(PlanError) as caught:
        parse_rounds([",", " "])
    assert str(caught.value) == f"choose at least one round from {', '.join(ROUNDS)}"


def test_inputs_are_checked_with_messages_that_say_what_to_change():
    check_inputs(START + timedelta(days=1), 0.5, START)
    check_inputs(START + timedelta(days=366), 80.0, START)
    with pytest.raises(PlanError) as caught:
        check_inputs(START, 5, START)
    assert str(caught.value) == (
        "the interview date 2030-01-07 is not in the future (the plan starts on 2030-01-07): "
        "give a later --interview-date"
    )
    with pytest.raises(PlanError) as caught:
        check_inputs(START + timedelta(days=367), 5, START)
    assert str(caught.value) == "the interview is more than 366 days away: plan the last year only"
    for hours in (0.0, -1.0, 80.5, float("nan")):
        with pytest.raises(PlanError) as caught:
            check_inputs(START + timedelta(days=3), hours, START)
        assert str(caught.value) == (
            f"hours per week must be more than 0 and at most 80 (got {hours:g})"
        )


# --- minutes and blocks -----------------------------------------------------------------------


def test_daily_minutes_round_so_that_each_week_adds_up():
    # 6 h a week is 51.43 min a day: cumulative totals 0, 51, 103, 154, 206, 257, 309, 360
    assert daily_minutes(6, 7) == [51, 52, 51, 52, 51, 52, 51]
    assert sum(daily_minutes(6, 14)) == 720
    assert daily_minutes(7, 3) == [60, 60, 60]
    assert daily_minutes(1, 7) == [9, 8, 9, 8, 9, 8, 9]  # 8.57 a day
    assert daily_minutes(2, 0) == []


def test_daily_totals_round_half_a_minute_up_and_a_hair_under_it_down():
    # 1/2760 h a week is 1/322 minute a day: the 161st day brings the total to half a minute,
    # which rounds up to the first whole one
    assert daily_minutes(1 / 2760, 161) == [0] * 160 + [1]
    # a hair under 59.675 h a week is a hair under 511.5 minutes a day: one day's total rounds
    # down to 511, two days' (a hair under 1023) to 1023
    assert daily_minutes(59.67499999999999, 2) == [511, 512]


@pytest.mark.parametrize(
    ("minutes", "blocks"),
    [
        (0, [0]),
        (29, [29]),
        (30, [30]),
        (45, [45]),
        (60, [60]),
        (67, [67]),
        (68, [34, 34]),
        (89, [45, 44]),
        (90, [45, 45]),
        (91, [46, 45]),
        (100, [50, 50]),
        (181, [45, 46, 45, 45]),
        (200, [50, 50, 50, 50]),
        (270, [45] * 6),
        (400, [44, 45, 44, 45, 44, 45, 44, 45, 44]),
    ],
)
def test_minutes_split_into_near_equal_blocks_of_about_45(minutes, blocks):
    assert plan._split(minutes) == blocks


def test_days_under_half_an_hour_carry_their_minutes_over():
    days = [START + timedelta(days=n) for n in range(5)]
    slots, carried = plan._study_slots(days, [20, 20, 50, 10, 25])
    assert slots == [(days[1], 40), (days[2], 50), (days[4], 35)]
    assert carried == 0
    slots, carried = plan._study_slots(days[:2], [10, 19])
    assert (slots, carried) == ([], 29)
    assert plan._study_slots(days[:1], [30]) == ([(days[0], 30)], 0), "30 minutes is a block"


def test_slots_go_to_the_round_furthest_behind_its_share():
    slots = [(START, 45)] * 5
    # deficits after each slot: a first (22.5), then b (27), c (27 > 22.5), a (45), then a tie
    # of a and b at 22.5 broken by the larger share
    assert plan._assign_rounds(slots, {"a": 0.5, "b": 0.3, "c": 0.2}) == ["a", "b", "c", "a", "a"]
    sizes = [(START, 90), (START, 30), (START, 30)]
    assert plan._assign_rounds(sizes, {"a": 0.5, "b": 0.5}) == ["a", "b", "b"]
    # a near thing: after 166 minutes c is 24.9 behind and a 24.6, so c
    near = [(START, m) for m in (30, 31, 45, 60)]
    shares = {"a": 0.6, "b": 0.25, "c": 0.15}
    assert plan._assign_rounds(near, shares) == ["a", "b", "a", "c"]


# --- shares ------------------------------------------------------------------------------------


def test_round_shares_lean_towards_weak_and_unmeasured_rounds():
    m = mastery_of({"coding": 0.2, "design": None, "behavioral": 0.9})
    shares = round_shares(["coding", "breadth", "design", "behavioral"], m)
    # weights: coding 1 * 0.8, breadth and design 1 * 1 (never practised), behavioral 0.7 * 0.1
    total = 0.8 + 1 + 1 + 0.07
    assert shares == pytest.approx(
        {"coding": 0.8 / total, "breadth": 1 / total, "design": 1 / total,
         "behavioral": 0.07 / total}
    )  # fmt: skip
    assert list(shares) == ["coding", "breadth", "design", "behavioral"]
    assert round_shares(["breadth"], m) == {"breadth": 1.0}
    mastered = round_shares(["coding", "deep_dive"], mastery_of({"coding": 1.0, "deep_dive": 0.0}))
    # a mastered round keeps the minimum weakness: 1 * 0.05 against 0.7 * 1
    assert mastered == pytest.approx({"coding": 0.05 / 0.75, "deep_dive": 0.7 / 0.75})


def test_the_domain_weight_grows_with_the_tracks_covered():
    tracks = [topic("domain", k, None) for k in ("llm", "recsys", "vision", "search", "exp")]
    m = mastery_of({}, {"domain": tracks})
    assert domain_weight(m) == 1.0  # five tracks: 2.0, at most 1
    assert domain_weight(m, ("llm",)) == pytest.approx(0.4)
    assert domain_weight(m, ("llm", "vision")) == pytest.approx(0.8)
    assert domain_weight(m, ("nope",)) == 0.0
    without = Mastery(NOW, {r: m.rounds[r] for r in ROUNDS if r != "domain"})
    assert domain_weight(without) == 0.0
    shares = round_shares(["coding", "domain"], m, ("llm",))
    # coding 1 * 1, domain 0.4 * 1: both unmeasured
    assert shares == pytest.approx({"coding": 1 / 1.4, "domain": 0.4 / 1.4})
    assert round_shares(["domain"], m, ("nope",)) == {"domain": 1.0}, "no weight at all"


def test_without_any_weight_the_rounds_still_share_the_whole_time():
    m = mastery_of({})  # no tracks in the mastery: the domain round weighs nothing
    assert round_shares(["domain"], m) == {"domain": 1.0}
    # a round named twice (parse_rounds never does) is one round: it still gets all of it
    assert round_shares(["domain", "domain"], m) == {"domain": 1.0}


# --- topics and what to do ---------------------------------------------------------------------


def test_the_weakest_topic_gets_blocks_until_weakness_per_block_evens_out():
    coding = [topic("coding", "weak", 0.1, ["p1", "p2", "p3"]), topic("coding", "ok", 0.6, ["p2"])]
    picker = plan._TopicPicker(mastery_of({}, {"coding": coding}), ["coding"])
    # weakness per block already given: weak 0.9, 0.45, 0.3, 0.225; ok 0.4, 0.2
    # -> weak, weak (0.45 > 0.4), ok (0.4 > 0.3), weak (0.3 > 0.2), weak (0.225 > 0.2)
    picked = [picker.next("coding") for _ in range(5)]
    assert [key for key, _, _ in picked] == ["weak", "weak", "ok", "weak", "weak"]
    # a problem already planned is skipped while fresh ones remain, then they come round
    # again by the topic's own count: ok's only p2; weak's fourth block is its p1 again
    assert [item for _, item, _ in picked] == ["p1", "p2", "p2", "p3", "p1"]
    assert [what.split()[1] for _, _, what in picked] == ["p1", "p2", "p2", "p3", "p1"]


def test_a_problem_planned_for_one_topic_is_not_planned_again_for_another():
    coding = [topic("coding", "a", 0.1, ["p1", "p2"]), topic("coding", "b", 0.1, ["p1", "p3"])]
    picker = plan._TopicPicker(mastery_of({}, {"coding": coding}), ["coding"])
    picked = [picker.next("coding") for _ in range(2)]
    assert picked == [
        ("a", "p1", "Solve p1 (A); read the editorial once accepted"),
        ("b", "p3", "Solve p3 (B); read the editorial once accepted"),
    ]
    bare = plan._TopicPicker(mastery_of({}, {"coding": [topic("coding", "c", 0.1)]}), ["coding"])
    assert bare.next("coding") == ("c", "", "Re-solve a C problem from memory, no hints")
    titled = plan._TopicPicker(
        mastery_of({}, {"coding": coding}), ["coding"], titles={"p1": "Problem one"}
    )
    assert titled.next("coding") == (
        "a",
        "p1",
        "Solve Problem one (A); read the editorial once accepted",
    )


def test_design_cases_come_round_in_turn_and_domain_tracks_walk_their_own():
    steps = [topic("design", "goal", 0.0, ["c1", "c2"]), topic("design", "loss", 0.0, ["c1"])]
    picker = plan._TopicPicker(mastery_of({}, {"design": steps}), ["design"])
    picked = [picker.next("design") for _ in range(4)]
    walk = "Walk the case {}, weight on the step '{}'; then check it against the rubric"
    # loss's only case c1 was planned already: every one of its cases came round, so again
    assert picked == [
        ("goal", "c1", walk.format("c1", "Goal")),
        ("loss", "c1", walk.format("c1", "Loss")),
        ("goal", "c2", walk.format("c2", "Goal")),
        ("loss", "c1", walk.format("c1", "Loss")),
    ]
    both = [topic("design", "goal", 0.0, ["c1", "c2"]), topic("design", "loss", 0.0, ["c1", "c2"])]
    picker = plan._TopicPicker(mastery_of({}, {"design": both}), ["design"])
    assert [picker.next("design")[1] for _ in range(3)] == ["c1", "c2", "c1"]
    tracks = [topic("domain", "llm", 0.2, ["rag"]), topic("domain", "vision", None, ["det"])]
    domain = plan._TopicPicker(mastery_of({}, {"domain": tracks}), ["domain"], ("llm",))
    assert [domain.next("domain")[0] for _ in range(3)] == ["llm", "llm", "llm"]
    two = [
        topic("domain", "llm", 0.0, ["rag", "chat"]),
        topic("domain", "vision", 0.0, ["rag", "det"]),
    ]
    domain = plan._TopicPicker(mastery_of({}, {"domain": two}), ["domain"])
    assert [domain.next("domain")[1] for _ in range(4)] == ["rag", "rag", "chat", "det"], (
        "a case comes back for each track, each track in its own turn"
    )


def test_a_round_without_topics_is_open_practice():
    picker = plan._TopicPicker(mastery_of({}), ["behavioral", "domain"], ("llm",))
    assert picker.next("behavioral") == ("", "", "Behavioral: open practice")
    assert picker.next("domain") == ("", "", "ML domain knowledge: open practice")


@pytest.mark.parametrize(
    ("round_name", "item", "text"),
    [
        ("coding", "kmeans", "Solve kmeans (Clustering); read the editorial once accepted"),
        ("coding", "", "Re-solve a Clustering problem from memory, no hints"),
        ("breadth", "", "Breadth: Clustering: due cards first, then reread the answers you missed"),
        ("domain", "rag", "Domain: Clustering: due cards first; then walk the design case rag "
         "with this track in mind"),
        ("domain", "", "Domain: Clustering: due cards first"),
        ("design", "", "Walk a case, weight on the step 'Clustering'; then check it against the "
         "rubric"),
        ("design", "Fraud", "Walk the case Fraud, weight on the step 'Clustering'; then check it "
         "against the rubric"),
        ("behavioral", "mentoring", "Behavioral: answer 'mentoring' out loud (STAR), then rate "
         "yourself"),
        ("deep_dive", "", "Project deep dive: answer a clustering prompt out loud (STAR), then "
         "rate yourself"),
    ],
)  # fmt: skip
def test_each_block_says_what_to_do(round_name, item, text):
    assert describe(topic(round_name, "clustering", 0.5), item) == text


# --- whole plans ------------------------------------------------------------------------------


def test_the_loop_day_runs_the_weakest_rounds_that_fit_at_their_real_length():
    m = mastery_of({"coding": 0.1, "breadth": 0.5, "design": 0.3, "behavioral": 0.9})
    day = date(2030, 1, 26)
    loop = "Mock loop ({} min): {}, back to back, timed, no notes"
    report = Block(day, "loop", "report", 5, "Go over the loop's report: redo what it flagged")
    rounds = ["coding", "breadth", "design", "behavioral"]
    # weakest first: coding 45, design 30, breadth 15, behavioral 10; all of them fit in 105
    assert plan._loop_day(day, 105, m, rounds) == [
        Block(day, "loop", "", 100, loop.format(100, "Coding, ML breadth, System design, "
              "Behavioral"), item="coding,breadth,design,behavioral"),
        report,
    ]  # fmt: skip
    # 80: coding and design (75); breadth (15) and behavioral (10) no longer fit
    assert plan._loop_day(day, 80, m, rounds) == [
        Block(day, "loop", "", 75, loop.format(75, "Coding, System design"), item="coding,design"),
        replace(report, minutes=5),
    ]
    # 85: coding, design, then behavioral (10) fits where breadth (15) does not
    assert plan._loop_day(day, 85, m, rounds) == [
        Block(day, "loop", "", 85, loop.format(85, "Coding, System design, Behavioral"),
              item="coding,design,behavioral"),
    ]  # fmt: skip
    assert plan._loop_day(day, 9, m, rounds) == [
        Block(day, "breadth", "", 9, "Light review; due cards, nothing new, no mock loop"),
    ], "no round fits: a light review of the whole day"  # fmt: skip
    assert plan._loop_day(day, 0, m, rounds) == []


def test_the_day_before_is_half_the_day_at_most_an_hour_of_light_review():
    weak = [topic("coding", "a", 0.1), topic("coding", "b", 0.3), topic("coding", "c", 0.5)]
    m = mastery_of(
        {}, {"coding": [*weak, topic("coding", "d", 0.7)], "design": [topic("design", "z", 0.0)]}
    )
    day = date(2030, 1, 27)
    light = "Light review of your weakest topics: A, B, C; due cards, nothing new, no mock loop"
    assert plan._eve(day, 101, m, ["coding"]) == [Block(day, "breadth", "", 50, light)]
    assert plan._eve(day, 200, m, ["coding"]) == [Block(day, "breadth", "", 60, light)]
    assert plan._eve(day, 2, m, ["coding"]) == [Block(day, "breadth", "", 1, light)]
    assert plan._eve(day, 1, m, ["coding"]) == []
    assert plan._eve(day, 0, m, ["coding"]) == []
    nothing = "Light review; due cards, nothing new, no mock loop"
    assert plan._eve(day, 60, mastery_of({}), ["coding"])[0].what == nothing


def test_a_plan_fills_every_day_before_the_interview():
    m = mastery_of({"coding": 0.5}, {"coding": [topic("coding", "t", 0.5, ["p"])]})
    blocks = build_plan(START + timedelta(days=7), 6, ["coding", "breadth"], START, m)
    per_day: dict[date, int] = {}
    for b in blocks:
        per_day[b.day] = per_day.get(b.day, 0) + b.minutes
    # 51, 52, 51, 52, 51 on the five study days, 52 on the loop day; half of 51 the day before
    minutes = daily_minutes(6, 7)
    assert minutes == [51, 52, 51, 52, 51, 52, 51]
    assert per_day == {START + timedelta(days=n): m for n, m in enumerate([*minutes[:6], 25])}
    loop_day = [b for b in blocks if b.day == START + timedelta(days=5)]
    # breadth (never practised) is weaker than coding (50%): its 15 fit in 52, coding's 45 no more
    assert [(b.round, b.topic, b.minutes, b.item) for b in loop_day] == [
        ("loop", "", 15, "breadth"),
        ("loop", "report", 37, ""),
    ]
    last = [b for b in blocks if b.day == START + timedelta(days=6)]
    assert [(b.round, b.minutes) for b in last] == [("breadth", 25)]
    study = [b for b in blocks if b.day < START + timedelta(days=5)]
    assert all(30 <= b.minutes <= 90 for b in study)
    assert {b.round for b in study} == {"coding", "breadth"}
    with pytest.raises(PlanError):
        build_plan(START, 6, ["coding"], START, m)


def test_minutes_carried_past_the_last_study_day_go_to_the_loop_day():
    m = mastery_of({})
    # 1.5 h a week: 12.86 a day (13, 13, 13): the one study day does not reach 30, so the loop
    # day has 13 + 13 = 26 minutes, too few for coding's 45: a light review; then half of 13
    blocks = build_plan(START + timedelta(days=3), 1.5, ["coding"], START, m)
    assert [(b.day, b.round, b.minutes) for b in blocks] == [
        (START + timedelta(days=1), "breadth", 26),
        (START + timedelta(days=2), "breadth", 6),
    ]
    one_day = build_plan(START + timedelta(days=1), 7, ["coding"], START, m)
    assert [(b.day, b.round, b.minutes) for b in one_day] == [(START, "breadth", 30)]
    two_days = build_plan(START + timedelta(days=2), 7, ["coding"], START, m)
    assert [(b.day, b.round, b.topic, b.minutes) for b in two_days] == [
        (START, "loop", "", 45),
        (START, "loop", "report", 15),
        (START + timedelta(days=1), "breadth", "", 30),
    ]


# --- storage ----------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path):
    from mlprep.store import open_store

    with open_store(f"sqlite:///{tmp_path / 'plan.db'}") as opened:
        yield opened


def make(store, days: int = 4):
    m = mastery_of({}, {"coding": [topic("coding", "t", None, ["p"])]})
    return plan.create_plan(
        store, START + timedelta(days=days), 7, ["coding"], start=START, now=NOW, mastery=m
    )


def test_a_stored_plan_reads_back_whole_and_a_new_one_replaces_it(store):
    assert plan.active_plan(store) is None
    first = make(store)
    assert plan.active_plan(store) == first
    assert (first.interview_date, first.hours_per_week, first.rounds) == (
        START + timedelta(days=4),
        7.0,
        ("coding",),
    )
    assert first.created_at.replace(tzinfo=UTC) == NOW and first.active
    # 60 minutes a day: two study days of one coding block, the loop day, the light review
    assert [(t.day, t.round, t.topic, t.minutes, t.item) for t in first.tasks] == [
        (START, "coding", "t", 60, "p"),
        (START + timedelta(days=1), "coding", "t", 60, "p"),
        (START + timedelta(days=2), "loop", "", 45, "coding"),
        (START + timedelta(days=2), "loop", "report", 15, ""),
        (START + timedelta(days=3), "breadth", "", 30, ""),
    ]
    assert [t.href for t in first.tasks] == ["/problems/p"] * 2 + ["/mock"] * 2 + ["/review"]
    assert (first.total_minutes, first.done_minutes) == (210, 0)
    assert first.minutes_by_round() == {"coding": 120, "loop": 60, "breadth": 30}
    second = make(store, days=2)
    assert plan.active_plan(store).id == second.id != first.id
    with pytest.raises(UnknownTask):
        plan.set_done(store, first.tasks[0].id, True, NOW)


def test_ticking_keeps_the_first_time_and_unticking_clears_it(store):
    made = make(store)
    task = made.tasks[1]
    later = NOW + timedelta(hours=2)
    ticked = plan.set_done(store, task.id, True, NOW)
    assert ticked.done and ticked.done_at.replace(tzinfo=UTC) == NOW
    again = plan.set_done(store, task.id, True, later)
    assert again.done_at.replace(tzinfo=UTC) == NOW, "ticking twice keeps the first time"
    stored = plan.active_plan(store)
    assert stored.done_minutes == 60 and [t.done for t in stored.tasks] == [
        False,
        True,
        False,
        False,
        False,
    ]
    assert plan.set_done(store, task.id, False, later).done_at is None
    assert plan.active_plan(store).done_minutes == 0
    for bad in (0, -1, 2**63, 10**15):
        with pytest.raises(UnknownTask) as caught:
            plan.set_done(store, bad, True, NOW)
        assert str(caught.value) == f"no task {bad} in the active plan"


def test_a_task_far_down_a_long_plan_can_be_ticked(store):
    m = mastery_of({}, {"coding": [topic("coding", "t", None, ["p"])]})
    long = plan.create_plan(
        store, START + timedelta(days=200), 20, ["coding"], start=START, now=NOW, mastery=m
    )
    last = long.tasks[-1]
    assert last.id > 200, "a plan of 200 days has hundreds of tasks"
    assert plan.set_done(store, last.id, True, NOW).done


def test_a_task_number_that_cannot_be_is_refused_without_waiting_for_the_store(tmp_path):
    from mlprep.store import open_store

    path = tmp_path / "busy.db"
    with (
        open_store(f"sqlite:///{path}", busy_timeout=0.1) as opened,
        closing(sqlite3.connect(path, isolation_level=None)) as other,
    ):
        other.execute("BEGIN IMMEDIATE")  # another process is writing
        with pytest.raises(UnknownTask) as caught:
            plan.set_done(opened, 0, True, NOW)
    assert str(caught.value) == "no task 0 in the active plan"


def test_a_task_whose_plan_row_was_lost_cannot_be_ticked(store, tmp_path):
    """A recovered history can keep rows whose parent row was lost (``mlprep.store.recovery``)."""
    made = make(store)
    with closing(sqlite3.connect(tmp_path / "plan.db")) as db:  # foreign keys are off here
        db.execute("DELETE FROM plans")
        db.commit()
    task_id = made.tasks[0].id
    with pytest.raises(UnknownTask) as caught:
        plan.set_done(store, task_id, True, NOW)
    assert str(caught.value) == f"no task {task_id} in the active plan"


def test_of_two_active_plans_the_newest_is_the_active_one(store):
    """Nothing in the schema keeps two plans from being active at once (two made at the same
    moment on PostgreSQL each deactivate only the plans they see)."""
    from sqlalchemy import update

    from mlprep.store.models import PlanRow

    first = make(store)
    second = make(store, days=2)
    with store.writing() as session:
        session.execute(update(PlanRow).where(PlanRow.id == first.id).values(active=True))
    assert plan.active_plan(store).id == second.id


def test_tasks_read_back_in_day_order_whatever_order_they_were_stored_in(store):
    from mlprep.store.models import PlanRow, PlanTaskRow

    with store.writing() as session:
        row = PlanRow(
            created_at=NOW,
            interview_date=START + timedelta(days=3),
            hours_per_week=7.0,
            rounds='["coding"]',
        )
        session.add(row)
        session.flush()
        for n in (2, 0, 1):  # one at a time, so the ids follow this order
            day = START + timedelta(days=n)
            session.add(PlanTaskRow(plan_id=row.id, day=day, round="coding", minutes=60, what=""))
            session.flush()
    shown = plan.active_plan(store, tz=UTC)
    assert [t.day for t in shown.tasks] == [START + timedelta(days=n) for n in (0, 1, 2)]
    assert [t.id for t in shown.tasks] == [2, 3, 1]


def test_tasks_of_one_day_keep_their_order_after_a_tick_on_postgresql_too():
    """PostgreSQL writes a ticked task's row anew, after the others: read from the table itself,
    the day's tasks come back in another order unless the query sorts by id."""
    from team_services import postgres_store_reading_tables_in_full

    with postgres_store_reading_tables_in_full("mlprep_test_plan") as pg:
        made = make(pg)  # the loop day (START + 2): the loop, then its report
        plan.set_done(pg, made.tasks[2].id, True, NOW)
        shown = plan.active_plan(pg, tz=UTC)
    assert [(t.round, t.topic, t.done) for t in shown.tasks] == [
        ("coding", "t", False),
        ("coding", "t", False),
        ("loop", "", True),
        ("loop", "report", False),
        ("breadth", "", False),
    ]


def test_a_plan_serialises_with_its_totals_and_days():
    tasks = (
        PlanTask(date(2030, 1, 8), "coding", "t", 45, "Solve p", 2, NOW),
        PlanTask(date(2030, 1, 7), "breadth", "", 30, "Review", 1, None),
        PlanTask(date(2030, 1, 9), "loop", "", 60, "Mock loop", 3, None),
    )
    p = Plan(7, NOW, date(2030, 1, 10), 5.0, ("coding", "breadth"), True, tasks)
    data = p.to_dict()
    assert data == {
        "id": 7,
        "created_at": "2030-01-06T18:00:00+00:00",
        "interview_date": "2030-01-10",
        "hours_per_week": 5.0,
        "rounds": ["coding", "breadth"],
        "total_minutes": 135,
        "done_minutes": 45,
        "minutes_by_round": {"coding": 45, "breadth": 30, "loop": 60},
        "tasks": [t.to_dict() for t in tasks],
    }
    assert tasks[0].to_dict() == {
        "id": 2,
        "day": "2030-01-08",
        "round": "coding",
        "topic": "t",
        "minutes": 45,
        "what": "Solve p",
        "item": "",
        "href": "/",
        "command": "mlprep list --topic t",
        "done": True,
        "done_at": "2030-01-06T18:00:00+00:00",
        "evidence": "",
    }
    assert tasks[1].to_dict()["done_at"] is None and tasks[1].done is False
    assert list(p.days()) == [date(2030, 1, 7), date(2030, 1, 8), date(2030, 1, 9)]
    assert p.days(first=date(2030, 1, 8)) == {
        date(2030, 1, 8): [tasks[0]],
        date(2030, 1, 9): [tasks[2]],
    }
    assert p.days(last=date(2030, 1, 8)) == {
        date(2030, 1, 7): [tasks[1]],
        date(2030, 1, 8): [tasks[0]],
    }
    assert p.days(date(2030, 1, 8), date(2030, 1, 8)) == {date(2030, 1, 8): [tasks[0]]}
    assert math.isclose(p.total_minutes, 135)


# --- issue 12: a plan that follows the numbers ------------------------------------------------


def test_minutes_follow_weakness_breadth_included():
    """Coding at 6% and breadth at 90%: coding gets the time, not breadth."""
    m = mastery_of({"coding": 0.06, "breadth": 0.9, "design": 0.5})
    shares = round_shares(["coding", "breadth", "design", "behavioral", "deep_dive"], m)
    # weights: base weight times weakness (1 - mastery; unmeasured rounds count as 0% mastered)
    weights = {"coding": 0.94, "breadth": 0.1, "design": 0.5, "behavioral": 0.7, "deep_dive": 0.7}
    total = sum(weights.values())
    assert shares == pytest.approx({r: w / total for r, w in weights.items()})
    assert shares["coding"] > 9 * shares["breadth"]


def test_the_day_before_is_a_light_review_and_the_loop_comes_before_it():
    m = mastery_of({"coding": 0.2}, {"coding": [topic("coding", "t", 0.2, ["p"])]})
    interview = START + timedelta(days=7)
    blocks = build_plan(interview, 14, ["coding", "breadth", "design"], START, m)
    eve = [b for b in blocks if b.day == interview - timedelta(days=1)]
    assert [(b.round, b.minutes) for b in eve] == [("breadth", 60)], "half of 120, no loop"
    assert "nothing new" in eve[0].what
    loop_day = [b for b in blocks if b.day == interview - timedelta(days=2)]
    # 120 minutes: coding (45) and design (30) of the loop's rounds fit with breadth (15)
    assert [(b.round, b.minutes) for b in loop_day] == [("loop", 90), ("loop", 30)]
    assert loop_day[0].item == "coding,breadth,design"


def test_design_blocks_walk_a_different_case_each_time_until_all_are_done():
    steps = [topic("design", k, 0.0, ["c1", "c2", "c3"]) for k in ("goal", "loss", "data")]
    picker = plan._TopicPicker(mastery_of({}, {"design": steps}), ["design"])
    cases = [picker.next("design")[1] for _ in range(5)]
    assert cases == ["c1", "c2", "c3", "c1", "c2"]


@pytest.mark.parametrize(
    ("round_name", "topic_key", "item", "href", "command"),
    [
        ("coding", "clustering", "kmeans", "/problems/kmeans", "mlprep start kmeans"),
        ("coding", "clustering", "", "/", "mlprep list --topic clustering"),
        ("breadth", "svm", "", "/review?topic=svm", "mlprep review --topic svm"),
        ("breadth", "", "", "/review", "mlprep review"),
        ("domain", "llm", "rag", "/domain?track=llm", "mlprep domain --track llm"),
        ("design", "loss", "payment-fraud", "/design/payment-fraud", "mlprep design payment-fraud"),
        ("design", "loss", "", "/design", "mlprep design"),
        ("behavioral", "conflict", "mentoring", "/prompts/behavioral/mentoring",
         "mlprep behavioral mentoring"),
        ("deep_dive", "impact", "", "/prompts", "mlprep deep-dive"),
        ("loop", "", "coding,design", "/mock", "mlprep mock --rounds coding,design"),
        ("loop", "", "", "/mock", "mlprep mock"),
        ("loop", "report", "", "/mock", "mlprep mock --last"),
    ],
)  # fmt: skip
def test_a_task_links_to_its_page_and_names_its_command(round_name, topic_key, item, href, command):
    task = PlanTask(date(2030, 1, 8), round_name, topic_key, 45, "x", 2, None, item=item)
    assert (task.href, task.command) == (href, command)
    assert (task.to_dict()["href"], task.to_dict()["command"]) == (href, command)
    assert task.to_dict()["item"] == item


def accepted(store, slug: str, at: datetime, mode: str = "judge", verdict: str = "accepted"):
    import uuid

    from mlprep.store.models import SubmissionRow

    row = SubmissionRow(
        uid=uuid.uuid4().hex, created_at=at, problem=slug, mode=mode, verdict=verdict,
        passed=1, total=1, seconds=0.1, source="", message="", stdout="",
    )  # fmt: skip
    with store.writing() as session:
        session.add(row)


def test_a_task_ticks_itself_when_the_store_shows_the_work_that_day(store):
    made = make(store)  # coding on START and START + 1, both on the problem p
    at = datetime(2030, 1, 7, 10, 30, tzinfo=UTC)
    accepted(store, "p", at)  # the first task's problem, accepted on its day
    accepted(store, "p", at + timedelta(days=1), mode="run")  # a run is not a submission
    accepted(store, "p", at + timedelta(days=1, hours=1), verdict="wrong_answer")
    accepted(store, "q", at + timedelta(days=1, hours=2))  # another problem
    shown = plan.active_plan(store, tz=UTC)
    assert [t.done for t in shown.tasks] == [True, False, False, False, False]
    assert shown.tasks[0].evidence == "p accepted at 10:30"
    assert shown.tasks[0].done_at is None, "nothing was ticked by hand"
    assert shown.done_minutes == 60
    assert shown.tasks[0].to_dict()["evidence"] == "p accepted at 10:30"
    # in UTC+14 the submission was on Jan 8, the second task's day
    later = plan.active_plan(store, tz=timezone(timedelta(hours=14)))
    assert [t.done for t in later.tasks] == [False, True, False, False, False]
    assert made.tasks[0].evidence == ""


def test_links_and_commands_quote_what_they_carry():
    task = PlanTask(date(2030, 1, 8), "coding", "A/B testing", 45, "x", 2, None)
    assert (task.href, task.command) == ("/", "mlprep list --topic 'A/B testing'")
    odd = PlanTask(date(2030, 1, 8), "breadth", "a b&c", 45, "x", 2, None)
    assert odd.href == "/review?topic=a+b%26c"
    assert odd.command == "mlprep review --topic 'a b&c'"


def test_items_are_named_by_the_titles_of_problems_cases_and_prompts():
    titles = plan.item_titles()
    assert titles["kmeans"] == "K-means clustering (Lloyd's algorithm)"  # a problem
    assert titles["customer-churn"] == "Predict churn for a subscription streaming service"
    assert titles["changed-technical-belief"] == (
        "Tell me about a strongly held technical belief you changed your mind about."
    )  # a behavioral prompt
    assert titles["baseline"] == (
        "What was your baseline, and by how much did your final model beat it?"
    )  # a deep-dive one
