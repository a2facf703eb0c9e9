"""Marking answers and FSRS scheduling, value by value, on small banks and a fake clock.

Expected values are written out here (the answer formats, the FSRS intervals of a new card, the
day boundary of a time zone), never read back from :mod:`mlprep.review`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

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


# --- grading ----------------------------------------------------------------------------------


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


# --- scheduler: answers ------------------------------------------------------------------------


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


# --- scheduler: the database ---------------------------------------------------------------------


@pytest.fixture
def store(tmp_path):
    from mlprep.store import open_store

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
