"""Marking answers and FSRS scheduling, value by value, on small banks and a fake clock.

Expected values are written out here (the answer formats, the FSRS intervals of a new card, the
day boundary of a time zone), never read back from :mod:`mlprep.review`.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mlprep.review import scheduler
from mlprep.review.bank import topics
from mlprep.review.grading import AnswerError, Marking, mark, parse_choice, parse_number
from mlprep.review.schema import Question

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def choice_question(correct: int = 1) -> Question:
    return Question(
        kind="choice",
        difficulty="easy",
        question="Which metric ignores true negatives?",
        answer="Precision and recall both ignore them.",
        choices=["accuracy", "precision", "specificity", "log loss"],
        correct=correct,
    )


def numeric_question(value: float = 0.5, tolerance: float = 0.01) -> Question:
    return Question(
        kind="numeric",
        difficulty="easy",
        question="What is the precision of 1 TP and 1 FP?",
        answer="One half: 1 / (1 + 1).",
        value=value,
        tolerance=tolerance,
    )


def open_question() -> Question:
    return Question(
        kind="open",
        difficulty="easy",
        question="Explain the bias-variance trade-off.",
        answer="Error splits into bias, variance and noise.",
    )


# --- grading --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.73", 0.73),
        (" 73% ", 0.73),
        ("73 %", 0.73),
        ("1,234.5", 1234.5),
        ("-2e3", -2000.0),
        ("+3", 3.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("1E-2", 0.01),
        ("1e+2%", 1.0),
        ("0", 0.0),
    ],
)
def test_numbers_are_read_plain_with_thousands_commas_or_as_percentages(text, value):
    assert parse_number(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize("text", ["abc", "", "1.2.3", "5 %x", "%5", "1e", "e5", "- 5", "0x10"])
def test_anything_else_is_not_a_number_and_the_message_says_how_to_write_one(text):
    with pytest.raises(AnswerError) as caught:
        parse_number(text)
    assert str(caught.value) == f"'{text.strip()}' is not a number (write it like 0.73 or 73%)"


@pytest.mark.parametrize(
    ("text", "index"),
    [("a", 0), ("b", 1), ("B", 1), (" c) ", 2), ("d.", 3), ("1", 0), ("4", 3), ("2)", 1)],
)
def test_choices_are_read_by_letter_or_number(text, index):
    assert parse_choice(text, 4) == index


@pytest.mark.parametrize(
    ("text", "count", "message"),
    [
        ("e", 4, "there are only 4 choices (a-d)"),
        ("5", 4, "there are only 4 choices (a-d)"),
        ("0", 4, "there are only 4 choices (a-d)"),
        ("c", 2, "there are only 2 choices (a-b)"),
        ("ab", 4, "'ab' is not a choice: answer with a letter a-d"),
        (" 1.5 ", 3, "'1.5' is not a choice: answer with a letter a-c"),
        ("", 6, "'' is not a choice: answer with a letter a-f"),
        ("é", 4, "'é' is not a choice: answer with a letter a-d"),
        ("_", 4, "'_' is not a choice: answer with a letter a-d"),  # between Z and a
        ("[", 4, "'[' is not a choice: answer with a letter a-d"),
    ],
)
def test_other_choice_answers_say_what_is_allowed(text, count, message):
    with pytest.raises(AnswerError) as caught:
        parse_choice(text, count)
    assert str(caught.value) == message


def test_a_choice_is_right_only_when_it_is_the_correct_one():
    question = choice_question(correct=1)
    assert mark(question, "b") == Marking(True, "b) precision")
    assert mark(question, "2") == Marking(True, "b) precision")
    assert mark(question, "a") == Marking(False, "b) precision")
    assert mark(question, "c") == Marking(False, "b) precision")
    assert mark(choice_question(correct=3), "d") == Marking(True, "d) log loss")


def test_a_number_is_right_within_its_absolute_tolerance():
    question = numeric_question(0.5, 0.01)
    assert mark(question, "0.5") == Marking(True, "0.5 (± 0.01)")
    assert mark(question, "0.51").correct is True, "the edge itself is inside"
    assert mark(question, "0.49").correct is True
    assert mark(question, "50%").correct is True
    assert mark(question, "0.5101").correct is False
    assert mark(question, "0.4899").correct is False
    big = numeric_question(1000.0, 0.5)  # no relative slack: 1000.6 is out
    assert mark(big, "1000.6").correct is False and mark(big, "999.5").correct is True
    assert mark(big, "1000.6").expected == "1000 (± 0.5)"
    exact = numeric_question(3.0, 0.0)
    assert mark(exact, "3").correct is True and mark(exact, "3.001").correct is False
    assert mark(exact, "3").expected == "3 (± 0)"
    # no relative slack even for large values: a millionth of a million is out
    assert mark(numeric_question(1e6, 0.0), "1000000.0005").correct is False


def test_open_questions_and_unreadable_answers_raise():
    with pytest.raises(AnswerError, match="^open questions are not marked automatically; rate"):
        mark(open_question(), "anything")
    with pytest.raises(AnswerError, match="is not a number"):
        mark(numeric_question(), "half")
    with pytest.raises(AnswerError, match="there are only 4 choices"):
        mark(choice_question(), "z")


# --- scheduler: answers ---------------------------------------------------------------------------


def test_the_expected_answer_and_the_suggested_rating():
    assert scheduler.expected_answer(choice_question(2)) == "c) specificity"
    assert scheduler.expected_answer(numeric_question(0.25, 0.005)) == "0.25 (± 0.005)"
    assert scheduler.expected_answer(open_question()) is None
    assert scheduler.suggested_rating(True) == 3  # Good
    assert scheduler.suggested_rating(False) == 1  # Again


def test_a_blank_answer_is_wrong_and_shows_the_answer():
    assert scheduler.check_answer(choice_question(), "  ") == Marking(False, "b) precision")
    assert scheduler.check_answer(numeric_question(), "") == Marking(False, "0.5 (± 0.01)")
    assert scheduler.check_answer(choice_question(), "b") == Marking(True, "b) precision")
    with pytest.raises(AnswerError, match="^open questions"):
        scheduler.check_answer(open_question(), "")


def test_unknown_topics_and_questions_name_themselves_and_the_choices():
    assert scheduler.check_topic("metrics") == "metrics"
    with pytest.raises(scheduler.UnknownTopic) as caught:
        scheduler.check_topic("astrology")
    assert str(caught.value) == (
        f"unknown topic 'astrology'; the topics are: {', '.join(topics())}"
    )
    assert str(scheduler.UnknownQuestion("metrics/nope")) == "no breadth question 'metrics/nope'"


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (-5, "now"),
        (0, "now"),
        (1, "under a minute"),
        (59, "under a minute"),
        (60, "1 minute"),
        (89, "1 minute"),
        (91, "2 minutes"),
        (600, "10 minutes"),
        (3599, "60 minutes"),
        (3600, "1 hour"),
        (5400, "2 hours"),
        (86399, "24 hours"),
        (86400, "1 day"),
        (3 * 86400 + 7200, "3 days"),
    ],
)
def test_waits_are_said_the_way_a_person_says_them(seconds, said):
    assert scheduler.describe_wait(NOW + timedelta(seconds=seconds), NOW) == said


def test_waits_compare_moments_across_time_zones_and_naive_times_are_utc():
    plus_two = timezone(timedelta(hours=2))
    due = datetime(2026, 3, 2, 12, 0, tzinfo=plus_two)  # 10:00 UTC, an hour after NOW
    assert scheduler.describe_wait(due, NOW) == "1 hour"
    assert scheduler.describe_wait(datetime(2026, 3, 2, 9, 10), NOW) == "10 minutes"


# --- scheduler: the database ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def migrated_db(tmp_path_factory) -> Path:
    """An empty database at the latest schema, made once: migrating takes a second or more."""
    from mlprep.store import open_store

    path = tmp_path_factory.mktemp("migrated") / "review.db"
    with open_store(f"sqlite:///{path}"):
        pass
    return path


@pytest.fixture
def store(migrated_db, tmp_path):
    from mlprep.store import open_store

    shutil.copyfile(migrated_db, tmp_path / "review.db")
    with open_store(f"sqlite:///{tmp_path / 'review.db'}") as opened:
        yield opened


@pytest.fixture
def tokyo_local_time(monkeypatch):
    """The process's local time zone set to UTC+9 (naive times must still be read as UTC)."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def bank_of(*ids: str) -> dict[str, Question]:
    return {qid: open_question() for qid in ids}


SMALL = bank_of("metrics/a", "metrics/b", "metrics/c", "svm/a", "svm/b")


def recall_after(days: int) -> float:
    """FSRS-6's R = (1 + F t / S) ** C for a new card rated Good ``days`` ago (S = w2)."""
    import fsrs

    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    return (1 + (0.9 ** (1 / decay) - 1) * days / w[2]) ** decay


def test_a_rating_stores_a_stable_card_id_the_answer_and_the_due_time(store):
    import json
    import zlib

    from sqlalchemy import select

    from mlprep.store.models import ReviewCardRow, ReviewLogRow

    rated = scheduler.record_rating(store, "metrics/a", 3, NOW, correct=True, bank=SMALL)
    # a new card rated Good enters its 10-minute learning step
    assert rated == scheduler.Rated(
        "metrics/a", 3, True, NOW + timedelta(minutes=10), "learning", 1
    )
    again = scheduler.record_rating(store, "metrics/b", 1, NOW, bank=SMALL)
    assert (again.due, again.correct, again.reviews) == (NOW + timedelta(minutes=1), None, 1)
    with store.reading() as session:
        card = session.scalar(select(ReviewCardRow).where(ReviewCardRow.question == "metrics/a"))
        log = session.scalar(select(ReviewLogRow).where(ReviewLogRow.question == "metrics/b"))
    assert json.loads(card.state)["card_id"] == zlib.crc32(b"metrics/a")
    assert (card.topic, card.reviews) == ("metrics", 1)
    assert (log.answer, log.correct, log.rating, log.topic) == ("", None, 1, "metrics")


def test_due_reviews_come_most_overdue_first_then_new_cards_by_turns(store):
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)  # due in 10 minutes
    scheduler.record_rating(store, "svm/a", 1, NOW, bank=SMALL)  # due in 1 minute
    later = NOW + timedelta(hours=1)
    cards = scheduler.due_cards(store, later, bank=SMALL)
    assert list(topics()).index("metrics") < list(topics()).index("svm")
    assert [(c.id, c.topic, c.new) for c in cards] == [
        ("svm/a", "svm", False),
        ("metrics/a", "metrics", False),
        ("metrics/b", "metrics", True),  # then new cards, taking turns across topics
        ("svm/b", "svm", True),
        ("metrics/c", "metrics", True),
    ]
    assert cards[0].due == NOW + timedelta(minutes=1)
    assert cards[0].question is SMALL["svm/a"] and cards[2].question is SMALL["metrics/b"]
    assert all(c.due == later and c.due.tzinfo is UTC for c in cards[2:])
    assert [c.id for c in scheduler.due_cards(store, later, limit=3, bank=SMALL)] == [
        "svm/a",
        "metrics/a",
        "metrics/b",
    ]
    assert scheduler.due_cards(store, later, limit=0, bank=SMALL) == []
    assert scheduler.due_cards(store, later, limit=-2, bank=SMALL) == []


def test_due_reviews_come_most_overdue_first_on_postgresql_too():
    """Read from the table itself, the cards come back in the order they were written unless
    the query sorts them by due time."""
    from team_services import postgres_store_reading_tables_in_full

    with postgres_store_reading_tables_in_full("mlprep_test_review") as pg:
        scheduler.record_rating(pg, "metrics/a", 4, NOW, bank=SMALL)  # due in 8 days
        scheduler.record_rating(pg, "metrics/b", 3, NOW, bank=SMALL)  # in 10 minutes
        scheduler.record_rating(pg, "svm/a", 1, NOW, bank=SMALL)  # in 1 minute
        later = NOW + timedelta(days=9)
        cards = scheduler.due_cards(pg, later, new_per_day=0, bank=SMALL)
    assert [c.id for c in cards] == ["svm/a", "metrics/b", "metrics/a"]


def test_a_question_of_an_unlisted_topic_comes_after_the_listed_ones(store):
    bank = {**bank_of("zz-unlisted/q"), **bank_of("svm/a", "metrics/a")}
    ids = [c.id for c in scheduler.due_cards(store, NOW, bank=bank)]
    assert ids[-1] == "zz-unlisted/q" and sorted(ids) == sorted(bank)


def test_the_daily_cap_can_be_used_up(store):
    for qid in ("metrics/a", "svm/a"):
        scheduler.record_rating(store, qid, 4, NOW, bank=SMALL)
    later = NOW + timedelta(minutes=5)
    assert scheduler.new_left_today(store, later, new_per_day=2, bank=SMALL) == 0
    assert [c.new for c in scheduler.due_cards(store, later, new_per_day=2, bank=SMALL)] == []
    assert scheduler.new_left_today(store, later, new_per_day=1, bank=SMALL) == 0
    assert scheduler.new_left_today(store, later, new_per_day=3, bank=SMALL) == 1
    assert scheduler.due_cards(store, later, new_per_day=0, bank=SMALL) == []
    # a card since removed from the bank does not use up the cap
    assert scheduler.new_left_today(store, later, new_per_day=2, bank=bank_of("svm/a")) == 1


def test_a_cap_of_one_new_card_a_day_gives_one(store):
    new = [c.id for c in scheduler.due_cards(store, NOW, new_per_day=1, bank=SMALL) if c.new]
    assert len(new) == 1 and scheduler.new_left_today(store, NOW, new_per_day=1, bank=SMALL) == 1


def test_a_card_another_user_rated_before_today_is_new_today_for_this_one(store):
    from team_units import add_account

    eve = store.for_user(add_account(store, "eve"))
    scheduler.record_rating(eve, "metrics/a", 3, NOW - timedelta(days=1), bank=SMALL)
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)  # this user's first rating
    assert scheduler.new_left_today(store, NOW, new_per_day=3, bank=SMALL) == 2
    assert scheduler.new_left_today(eve, NOW, new_per_day=3, bank=SMALL) == 3


def test_today_starts_at_the_callers_midnight_to_the_microsecond(store):
    tokyo = timezone(timedelta(hours=9))
    midnight = datetime(2026, 3, 3, 0, 0, tzinfo=tokyo)
    scheduler.record_rating(store, "metrics/a", 3, midnight - timedelta(microseconds=1), bank=SMALL)
    scheduler.record_rating(store, "metrics/b", 3, midnight, bank=SMALL)
    scheduler.record_rating(store, "metrics/c", 3, midnight + timedelta(minutes=10), bank=SMALL)
    late = datetime(2026, 3, 3, 23, 30, 15, 500, tzinfo=tokyo)
    assert scheduler.new_left_today(store, late, new_per_day=5, bank=SMALL) == 3


def test_due_counts_count_every_due_card(store):
    for qid in ("metrics/a", "metrics/b", "svm/a"):
        scheduler.record_rating(store, qid, 1, NOW, bank=SMALL)
    counts = {c.topic: c for c in scheduler.due_counts(store, NOW + timedelta(hours=1), bank=SMALL)}
    assert (counts["metrics"].due, counts["metrics"].new, counts["metrics"].total) == (2, 1, 3)
    assert (counts["svm"].due, counts["svm"].new, counts["svm"].total) == (1, 1, 2)
    assert counts["metrics"].title == topics()["metrics"]
    assert (counts["clustering-reduction"].due, counts["clustering-reduction"].total) == (0, 0)


def test_retention_takes_the_window_with_both_ends_and_fsrs_recall_now(store):
    def rate(qid: str, rating: int, at: datetime) -> None:
        scheduler.record_rating(store, qid, rating, at, bank=SMALL)

    rate("metrics/a", 3, NOW - timedelta(days=30))  # the window's first moment: counted
    rate("metrics/b", 1, NOW - timedelta(days=30, seconds=1))  # just before it: not
    rate("metrics/c", 4, NOW)  # now itself: counted
    rate("svm/a", 1, NOW + timedelta(seconds=1))  # after now: not yet
    found = {r.topic: r for r in scheduler.retention(store, NOW, bank=SMALL)}
    metrics, svm = found["metrics"], found["svm"]
    assert (metrics.reviews, metrics.recalled, metrics.cards) == (2, 1.0, 3)
    assert metrics.title == topics()["metrics"]
    assert (svm.reviews, svm.recalled) == (0, None)
    # recall now: Good and Again 30 days ago, Easy just now (recall 1)
    import fsrs

    a_card = fsrs.Scheduler().review_card(fsrs.Card(), fsrs.Rating(3), NOW - timedelta(days=30))
    assert a_card[0].stability == fsrs.scheduler.DEFAULT_PARAMETERS[2]
    assert metrics.retrievability == pytest.approx(
        (recall_after(30) + fsrs_recall_after_again(30) + 1.0) / 3, rel=1e-9
    )
    # rated Again after now: in its learning steps, so no recall figure (not FSRS's 100%)
    assert (svm.cards, svm.learning, svm.retrievability) == (1, 1, None)
    unseen = found["clustering-reduction"]
    assert unseen.retrievability is None and unseen.cards == 0


def test_retention_takes_the_window_it_is_asked_for(store):
    scheduler.record_rating(store, "metrics/a", 3, NOW - timedelta(days=7), bank=SMALL)
    scheduler.record_rating(store, "metrics/b", 3, NOW - timedelta(days=7, seconds=1), bank=SMALL)
    found = {r.topic: r for r in scheduler.retention(store, NOW, days=7, bank=SMALL)}
    assert (found["metrics"].reviews, found["metrics"].cards) == (1, 2)


def fsrs_recall_after_again(days: int) -> float:
    """The same curve for a new card rated Again: its stability is w0."""
    import fsrs

    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    return (1 + (0.9 ** (1 / decay) - 1) * days / w[0]) ** decay


def test_a_card_just_rated_again_is_in_relearning_not_recalled_at_100_percent(store):
    def rate(qid: str, rating: int, at: datetime) -> scheduler.Rated:
        return scheduler.record_rating(store, qid, rating, at, bank=SMALL)

    rate("metrics/a", 3, NOW - timedelta(days=30))  # Good once, never again: learning, 30 days
    rate("metrics/b", 4, NOW - timedelta(days=30))  # Easy: graduated to review...
    assert rate("metrics/b", 1, NOW - timedelta(minutes=5)).state == "relearning"  # forgotten
    rate("metrics/c", 1, NOW - timedelta(days=1))  # Again a whole day ago: FSRS has a figure
    rate("svm/a", 1, NOW - timedelta(hours=23, minutes=59))  # Again, not yet a day ago
    found = {r.topic: r for r in scheduler.retention(store, NOW, bank=SMALL)}
    metrics, svm = found["metrics"], found["svm"]
    expected = (recall_after(30) + fsrs_recall_after_again(1)) / 2  # metrics/b left out
    assert metrics.retrievability == pytest.approx(expected, rel=1e-12)
    assert (metrics.cards, metrics.learning) == (3, 1)
    assert (svm.cards, svm.learning, svm.retrievability) == (1, 1, None)


def test_next_due_is_the_earliest_card_of_the_bank_and_topic(store):
    assert scheduler.next_due(store, bank=SMALL) is None
    scheduler.record_rating(store, "svm/a", 1, NOW, bank=SMALL)  # due in 1 minute
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)  # due in 10 minutes
    scheduler.record_rating(store, "metrics/b", 4, NOW, bank=SMALL)  # due in days
    assert scheduler.next_due(store, bank=SMALL) == NOW + timedelta(minutes=1)
    assert scheduler.next_due(store, topic="metrics", bank=SMALL) == NOW + timedelta(minutes=10)
    without = {k: v for k, v in SMALL.items() if k != "svm/a"}
    assert scheduler.next_due(store, bank=without) == NOW + timedelta(minutes=10)
    assert scheduler.next_due(store, topic="clustering-reduction", bank=SMALL) is None


def test_naive_times_are_utc_whatever_the_local_time_zone(store, tokyo_local_time):
    naive_now = datetime(2026, 3, 2, 9, 0)  # 09:00 UTC, which is 18:00 in Tokyo
    assert scheduler.describe_wait(datetime(2026, 3, 2, 9, 10), NOW) == "10 minutes"
    rated = scheduler.record_rating(store, "metrics/a", 3, naive_now, bank=SMALL)
    assert rated.due == NOW + timedelta(minutes=10) and rated.due.tzinfo is UTC
    fresh = scheduler.due_cards(store, NOW + timedelta(hours=1), bank=SMALL)
    assert all(c.due.tzinfo is UTC for c in fresh)


# --- scheduler: the rating buttons ----------------------------------------------------------------

# FSRS-6 with its default parameters, no fuzz, learning steps 1 and 10 minutes: a new card comes
# back after 1 minute (Again), the mean of the two steps (Hard), the second step (Good), or as a
# review card after round(w3) = round(8.2956) = 8 days (Easy).
NEW_CARD_WAITS = {
    1: timedelta(minutes=1),
    2: timedelta(minutes=5, seconds=30),
    3: timedelta(minutes=10),
    4: timedelta(days=8),
}


def test_a_new_card_shows_fsrs_first_intervals_on_its_buttons(store):
    shown = scheduler.next_intervals(store, "metrics/a", NOW)
    assert shown == {rating: NOW + wait for rating, wait in NEW_CARD_WAITS.items()}
    assert all(due.tzinfo is UTC for due in shown.values())
    tokyo = timezone(timedelta(hours=9))
    assert scheduler.next_intervals(store, "metrics/a", NOW.astimezone(tokyo)) == shown


def test_a_card_in_its_last_learning_step_shows_its_own_intervals(store):
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)
    step = NOW + timedelta(minutes=10)
    # Again: back to the first step; Hard: the current step again; Good: S stays w2 = 2.3065
    # (FSRS-6 never lowers it on a pass), 2 days; Easy: S = w2 e^(w17 (1 + w18)) w2^-w19 =
    # 3.946, 4 days.
    assert scheduler.next_intervals(store, "metrics/a", step) == {
        1: step + timedelta(minutes=1),
        2: step + timedelta(minutes=10),
        3: step + timedelta(days=2),
        4: step + timedelta(days=4),
    }
    # the buttons are what rating does
    assert scheduler.record_rating(store, "metrics/a", 4, step, bank=SMALL).due == step + timedelta(
        days=4
    )


def test_a_domain_card_is_not_its_breadth_namesake(store):
    from mlprep.review.deck import DOMAIN

    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)
    shown = scheduler.next_intervals(store, "metrics/a", NOW, deck=DOMAIN)
    assert shown == {rating: NOW + wait for rating, wait in NEW_CARD_WAITS.items()}


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (-60, "<1m"),
        (0, "<1m"),
        (59, "<1m"),
        (60, "1m"),
        (330, "6m"),  # 5.5 minutes: Python rounds halves to even, 6
        (3599, "60m"),
        (3600, "1h"),
        (5400, "2h"),
        (86399, "24h"),
        (86400, "1d"),
        (8 * 86400, "8d"),
        (30 * 86400 - 1, "30d"),
        (30 * 86400, "1.0mo"),
        (45 * 86400, "1.5mo"),
        (365 * 86400 - 1, "12.2mo"),
        (365 * 86400, "1.0y"),
        (712 * 86400, "2.0y"),  # 1.9507 years; 1.945 were a year 366 days
        (767 * 86400, "2.1y"),
    ],
)
def test_button_waits_are_written_the_way_anki_writes_them(seconds, said):
    assert scheduler.short_wait(NOW + timedelta(seconds=seconds), NOW) == said


def test_button_waits_compare_moments_across_time_zones():
    plus_two = timezone(timedelta(hours=2))
    assert scheduler.short_wait(datetime(2026, 3, 2, 12, 0, tzinfo=plus_two), NOW) == "1h"
    assert scheduler.short_wait(datetime(2026, 3, 2, 9, 10), NOW) == "10m"


# --- scheduler: undo ------------------------------------------------------------------------------


def card_rows(store) -> list[tuple[str, datetime, int, datetime]]:
    from sqlalchemy import select

    from mlprep.store.models import ReviewCardRow

    with store.reading() as session:
        rows = session.scalars(select(ReviewCardRow).order_by(ReviewCardRow.question)).all()
        return [(r.question, r.due, r.reviews, r.updated_at) for r in rows]


def log_rows(store) -> list[tuple[str, int, datetime]]:
    from sqlalchemy import select

    from mlprep.store.models import ReviewLogRow

    with store.reading() as session:
        rows = session.scalars(select(ReviewLogRow).order_by(ReviewLogRow.id)).all()
        return [(r.question, r.rating, r.reviewed_at) for r in rows]


def test_nothing_to_undo_is_none(store):
    assert scheduler.undo_last(store) is None


def test_undoing_a_first_rating_makes_the_card_new_again(store):
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)
    assert scheduler.undo_last(store) == scheduler.Undone("metrics/a", 3)
    assert card_rows(store) == [] and log_rows(store) == []
    assert scheduler.new_left_today(store, NOW, new_per_day=2, bank=SMALL) == 2
    assert scheduler.undo_last(store) is None


def test_undo_puts_the_card_back_as_it_was_before_the_last_rating(store):
    learning_step = NOW + timedelta(minutes=10)
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)
    scheduler.record_rating(store, "svm/a", 1, NOW + timedelta(minutes=1), bank=SMALL)
    scheduler.record_rating(store, "metrics/a", 4, learning_step, bank=SMALL)
    assert scheduler.undo_last(store) == scheduler.Undone("metrics/a", 4)
    svm_due = NOW + timedelta(minutes=2)
    assert card_rows(store) == [
        ("metrics/a", learning_step, 1, NOW),
        ("svm/a", svm_due, 1, NOW + timedelta(minutes=1)),
    ]
    assert log_rows(store) == [("metrics/a", 3, NOW), ("svm/a", 1, NOW + timedelta(minutes=1))]
    back = scheduler.due_cards(store, learning_step, topic="metrics", bank=SMALL)[0]
    assert (back.id, back.new, back.due, back.state) == (
        "metrics/a",
        False,
        learning_step,
        "learning",
    )
    # the restored card schedules as the one in its last learning step did: Good, 2 days
    again = scheduler.record_rating(store, "metrics/a", 3, learning_step, bank=SMALL)
    assert (again.due, again.state, again.reviews) == (
        learning_step + timedelta(days=2),
        "review",
        2,
    )
    # undos go back one rating at a time, latest first
    assert scheduler.undo_last(store) == scheduler.Undone("metrics/a", 3)
    assert scheduler.undo_last(store) == scheduler.Undone("svm/a", 1)
    assert scheduler.undo_last(store) == scheduler.Undone("metrics/a", 3)
    assert card_rows(store) == [] and scheduler.undo_last(store) is None


def test_undo_takes_back_the_decks_own_latest_rating(store):
    from mlprep.review.deck import DOMAIN

    scheduler.record_rating(store, "metrics/a", 1, NOW, bank=SMALL)
    scheduler.record_rating(store, "llm/a", 3, NOW, bank=bank_of("llm/a"), deck=DOMAIN)
    assert scheduler.undo_last(store) == scheduler.Undone("metrics/a", 1)
    assert card_rows(store) == [("domain:llm/a", NOW + timedelta(minutes=10), 1, NOW)]
    assert scheduler.undo_last(store) is None
    assert scheduler.undo_last(store, deck=DOMAIN) == scheduler.Undone("llm/a", 3)
    assert card_rows(store) == []


def test_a_rating_stored_before_undo_existed_cannot_be_undone(store):
    from sqlalchemy import update

    from mlprep.store.models import ReviewLogRow

    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)
    with store.writing() as session:
        session.execute(update(ReviewLogRow).values(before=None))
    assert scheduler.undo_last(store) is None
    assert card_rows(store) == [("metrics/a", NOW + timedelta(minutes=10), 1, NOW)]
    assert log_rows(store) == [("metrics/a", 3, NOW)]


def test_undoing_a_graded_rating_brings_back_its_checked_answer(store):
    from mlprep.review import flags

    breadth = scheduler.BREADTH
    bank = {"metrics/a": choice_question(), "metrics/b": open_question()}
    scheduler.record_rating(store, "metrics/a", 1, NOW, correct=False, answer="c", bank=bank)
    # due again after a minute: a second answer is checked, then the rating is undone
    flags.keep_check(store, breadth, "metrics/a", "b", Marking(True, ""), NOW)
    scheduler.undo_last(store)
    assert flags.pending_check(store, breadth, "metrics/a") == flags.Check("c", False)
    scheduler.record_rating(store, "metrics/a", 3, NOW, correct=True, answer="b", bank=bank)
    assert flags.pending_check(store, breadth, "metrics/a") is None
    scheduler.undo_last(store)
    assert flags.pending_check(store, breadth, "metrics/a") == flags.Check("b", True)
    # an open card's rating has no answer to bring back
    scheduler.record_rating(store, "metrics/b", 3, NOW, bank=bank)
    scheduler.undo_last(store)
    assert flags.pending_check(store, breadth, "metrics/b") is None


def test_card_now_is_the_card_as_it_stands(store):
    from mlprep.review.bank import questions

    qid = next(iter(questions()))
    tokyo = timezone(timedelta(hours=9))
    assert scheduler.card_now(store, qid, NOW.astimezone(tokyo)) == scheduler.DueCard(
        qid, qid.split("/")[0], questions()[qid], True, NOW
    )
    scheduler.record_rating(store, qid, 1, NOW)
    assert scheduler.card_now(store, qid, NOW) == scheduler.DueCard(
        qid, qid.split("/")[0], questions()[qid], False, NOW + timedelta(minutes=1), "learning"
    )


# --- scheduler: today's counts --------------------------------------------------------------------


SMALL_DOMAIN = bank_of("llm/a", "llm/b")


@pytest.fixture
def small_deck(monkeypatch):
    """The user's decks are SMALL and SMALL_DOMAIN, for the functions that take no bank."""
    decks = {"breadth": SMALL, "domain": SMALL_DOMAIN}
    monkeypatch.setattr(scheduler, "deck_bank", lambda _store, deck: decks[deck.round])


def rate_for_today(store) -> None:
    """One review due now, two cards in their steps within 20 minutes, one just past them."""

    def rate(qid: str, rating: int, at: datetime) -> None:
        scheduler.record_rating(store, qid, rating, at, bank=SMALL)

    rate("svm/a", 4, NOW - timedelta(days=8))  # a review due 8 days later: now
    rate("svm/b", 4, NOW - timedelta(days=9))  # due a day ago, then forgotten:
    rate("svm/b", 1, NOW - timedelta(minutes=5))  # relearning for 10 minutes
    rate("metrics/a", 3, NOW + timedelta(minutes=10))  # learning, due in 20 minutes
    rate("metrics/b", 3, NOW + timedelta(minutes=10, seconds=1))  # due a second past that


def test_today_counts_new_cards_learning_within_20_minutes_and_due_reviews(store, small_deck):
    rate_for_today(store)
    assert scheduler.today_counts(store, NOW) == scheduler.TodayCounts(1, 2, 1)
    assert scheduler.today_counts(store, NOW, topics=["svm"]) == scheduler.TodayCounts(0, 1, 1)
    assert scheduler.today_counts(store, NOW, topics=["metrics"]) == scheduler.TodayCounts(1, 1, 0)
    # metrics/a and metrics/b were new today: a cap of 3 leaves one, a cap of 2 none
    assert scheduler.today_counts(store, NOW, new_per_day=3).new == 1
    assert scheduler.today_counts(store, NOW, new_per_day=2).new == 0


def test_today_counts_are_the_decks_own(store, small_deck):
    from mlprep.review.deck import DOMAIN

    rate_for_today(store)
    scheduler.record_rating(store, "llm/a", 1, NOW, bank=SMALL_DOMAIN, deck=DOMAIN)
    # llm/a in its first step, llm/b new with one place left of a cap of 2 (llm/a took one)
    counts = scheduler.today_counts(store, NOW, new_per_day=2, deck=DOMAIN)
    assert counts == scheduler.TodayCounts(1, 1, 0)
    assert scheduler.today_counts(store, NOW, new_per_day=2) == scheduler.TodayCounts(0, 2, 1)


def test_today_counts_start_again_at_the_callers_midnight(store, small_deck):
    tokyo = timezone(timedelta(hours=9))
    midnight = datetime(2026, 3, 3, 0, 0, tzinfo=tokyo)
    scheduler.record_rating(store, "metrics/a", 4, midnight - timedelta(minutes=1), bank=SMALL)
    assert scheduler.today_counts(store, midnight - timedelta(microseconds=1), new_per_day=2) == (
        scheduler.TodayCounts(1, 0, 0)
    )
    assert scheduler.today_counts(store, midnight, new_per_day=2) == scheduler.TodayCounts(2, 0, 0)


# --- scheduler: suspend and bury ------------------------------------------------------------------


def test_suspended_and_buried_cards_leave_the_queue_and_its_counts(store, small_deck):
    from mlprep.review import flags

    breadth = scheduler.BREADTH
    scheduler.record_rating(store, "svm/a", 1, NOW - timedelta(hours=1), bank=SMALL)  # due
    scheduler.record_rating(store, "svm/b", 1, NOW - timedelta(hours=1), bank=SMALL)  # due
    flags.suspend(store, breadth, "metrics/a", NOW)  # new
    flags.bury(store, breadth, "svm/a", NOW)

    cards = scheduler.due_cards(store, NOW, new_per_day=4)
    # the suspended new card does not use up a place among today's new cards either
    assert [(c.id, c.new) for c in cards] == [
        ("svm/b", False),
        ("metrics/b", True),
        ("metrics/c", True),
    ]
    assert scheduler.today_counts(store, NOW, new_per_day=4) == scheduler.TodayCounts(2, 1, 0)
    counts = {c.topic: (c.due, c.new, c.total) for c in scheduler.due_counts(store, NOW)}
    assert (counts["metrics"], counts["svm"]) == ((0, 2, 3), (1, 0, 2))

    flags.suspend(store, breadth, "metrics/a", NOW, on=False)
    flags.bury(store, breadth, "svm/a", NOW, on=False)
    assert [c.id for c in scheduler.due_cards(store, NOW, new_per_day=4)] == [
        "svm/a",
        "svm/b",
        "metrics/a",
        "metrics/b",
    ]


def test_a_buried_card_comes_back_at_the_callers_next_midnight(store, small_deck):
    from mlprep.review import flags

    tokyo = timezone(timedelta(hours=9))
    evening = datetime(2026, 3, 2, 18, 0, tzinfo=tokyo)
    back = datetime(2026, 3, 3, 0, 0, tzinfo=tokyo)
    assert flags.bury(store, scheduler.BREADTH, "metrics/a", evening) == back

    def queued(at: datetime) -> list[str]:
        return [c.id for c in scheduler.due_cards(store, at, topic="metrics")]

    def counted(at: datetime) -> int:
        return {c.topic: c.new for c in scheduler.due_counts(store, at)}["metrics"]

    just_before = back - timedelta(microseconds=1)
    assert (queued(just_before), counted(just_before)) == (["metrics/b", "metrics/c"], 2)
    assert (queued(back), counted(back)) == (["metrics/a", "metrics/b", "metrics/c"], 3)


def test_next_due_skips_suspended_cards_and_waits_for_a_burial_to_end(store, small_deck):
    from mlprep.review import flags
    from mlprep.review.deck import DOMAIN

    breadth = scheduler.BREADTH
    scheduler.record_rating(store, "svm/a", 1, NOW, bank=SMALL)  # due in 1 minute
    scheduler.record_rating(store, "metrics/a", 3, NOW, bank=SMALL)  # due in 10 minutes
    scheduler.record_rating(store, "metrics/b", 4, NOW, bank=SMALL)  # due in 8 days
    flags.suspend(store, DOMAIN, "svm/a", NOW)  # another deck's card of the same name
    assert scheduler.next_due(store) == NOW + timedelta(minutes=1)

    flags.suspend(store, breadth, "svm/a", NOW)
    assert scheduler.next_due(store) == NOW + timedelta(minutes=10)
    assert scheduler.next_due(store, topic="svm") is None

    # buried at 09:00 UTC on 2 March: back at the next UTC midnight, after its own due time
    flags.bury(store, breadth, "metrics/a", NOW)
    assert scheduler.next_due(store) == datetime(2026, 3, 3, 0, 0, tzinfo=UTC)
    # a burial that ends before the card is due changes nothing
    flags.bury(store, breadth, "metrics/b", NOW)
    assert scheduler.next_due(store, topic="metrics") == datetime(2026, 3, 3, 0, 0, tzinfo=UTC)
    flags.suspend(store, breadth, "metrics/a", NOW)
    assert scheduler.next_due(store) == NOW + timedelta(days=8)

    flags.suspend(store, breadth, "metrics/b", NOW)
    assert scheduler.next_due(store) is None
    # unsuspended and never buried: its flag row stays, with nothing set, and it is due again
    flags.suspend(store, breadth, "svm/a", NOW, on=False)
    assert scheduler.next_due(store) == NOW + timedelta(minutes=1)


def test_a_card_buried_before_midnight_counts_from_midnight_not_in_the_look_ahead(
    store, small_deck
):
    from mlprep.review import flags

    tokyo = timezone(timedelta(hours=9))
    late = datetime(2026, 3, 2, 23, 45, tzinfo=tokyo)
    scheduler.record_rating(store, "metrics/a", 3, late, bank=SMALL)  # learning, due at 23:55
    scheduler.record_rating(store, "metrics/b", 3, late, bank=SMALL)  # learning, due at 23:55
    midnight = datetime(2026, 3, 3, 0, 0, tzinfo=tokyo)
    assert (
        flags.bury(store, scheduler.BREADTH, "metrics/a", late + timedelta(minutes=5)) == midnight
    )

    # at 23:50 the 20 minutes ahead reach past midnight, but the burial holds until midnight
    for at in (late + timedelta(minutes=5), midnight - timedelta(microseconds=1)):
        assert scheduler.today_counts(store, at, new_per_day=4) == scheduler.TodayCounts(2, 1, 0)
    # a new day: the cap starts again, and the buried card is back in its step
    assert scheduler.today_counts(store, midnight, new_per_day=4) == scheduler.TodayCounts(3, 2, 0)


def test_card_now_finds_a_domain_card_in_the_domain_deck(store, small_deck):
    from mlprep.review.deck import DOMAIN

    scheduler.record_rating(store, "llm/a", 4, NOW, bank=SMALL_DOMAIN, deck=DOMAIN)
    assert scheduler.card_now(store, "llm/a", NOW, deck=DOMAIN) == scheduler.DueCard(
        "llm/a", "llm", SMALL_DOMAIN["llm/a"], False, NOW + timedelta(days=8), "review"
    )
