"""The breadth round: the bank, FSRS scheduling through the database, the CLI and the JSON API.

Scheduling tests use a fake clock (``NOW`` and offsets from it) and a database of their own.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import run_cli
from sqlalchemy import select

from mlprep.content import ContentError
from mlprep.review import scheduler
from mlprep.review.bank import load_questions, questions, topic_of, topics
from mlprep.review.grading import AnswerError
from mlprep.store import open_store
from mlprep.store.models import ReviewCardRow, ReviewLogRow

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
METRICS = [qid for qid in questions() if topic_of(qid) == "metrics"]


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    monkeypatch.setenv("MLPREP_DATABASE_URL", url)
    return url


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        yield opened


def logs(store) -> list[ReviewLogRow]:
    with store.reading() as session:
        return list(session.scalars(select(ReviewLogRow).order_by(ReviewLogRow.id)))


def counts_of(store, now, topic: str) -> scheduler.TopicCounts:
    return next(c for c in scheduler.due_counts(store, now) if c.topic == topic)


# --- the bank ---------------------------------------------------------------------------------


def test_the_whole_bank_loads_and_covers_every_topic_and_kind():
    bank = load_questions()  # not the cached copy: validate every file now
    assert len(bank) >= 250
    per_topic = {t: sum(topic_of(qid) == t for qid in bank) for t in topics()}
    assert min(per_topic.values()) >= 10, per_topic
    assert {q.kind for q in bank.values()} == {"open", "choice", "numeric"}


def test_every_graded_question_has_one_right_answer_that_marks_right():
    graded = 0
    for qid, q in questions().items():
        if q.kind == "open":
            continue
        graded += 1
        if q.kind == "choice":
            assert isinstance(q.correct, int) and 0 <= q.correct < len(q.choices), qid
            assert len(set(q.choices)) == len(q.choices), qid
            letter = "abcdef"[q.correct]
            expected = f"{letter}) {q.choices[q.correct]}"
            # every choice, by number and by letter: the right one alone marks right
            for index in range(len(q.choices)):
                for given in (str(index + 1), "abcdef"[index], "ABCDEF"[index] + ")"):
                    marked = scheduler.check_answer(q, given)
                    assert marked.correct is (index == q.correct), (qid, given)
                    assert marked.expected == expected, qid
        else:
            assert math.isfinite(q.value) and math.isfinite(q.tolerance), qid
            assert q.tolerance < max(abs(q.value), 1e-9) or q.value == 0, qid
            expected = f"{q.value:g} (± {q.tolerance:g})"
            assert scheduler.check_answer(q, repr(q.value)).correct is True, qid
            inside = q.tolerance / 2
            off = 2 * q.tolerance if q.tolerance else 1e-6 * max(abs(q.value), 1.0)
            assert scheduler.check_answer(q, repr(q.value + inside)).correct is True, qid
            assert scheduler.check_answer(q, repr(q.value - inside)).correct is True, qid
            assert scheduler.check_answer(q, repr(q.value + off)).correct is False, qid
            assert scheduler.check_answer(q, repr(q.value - off)).correct is False, qid
            assert scheduler.check_answer(q, repr(q.value)).expected == expected, qid
        blank = scheduler.check_answer(q, "  ")
        assert (blank.correct, blank.expected) == (False, expected), qid
        assert scheduler.expected_answer(q) == expected, qid
    assert graded, "the bank has graded questions"


def _write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


GOOD_OPEN = """\
kind = "open"
difficulty = "easy"
question = "What does a loss function measure?"
answer = "How far one prediction is from its target."
"""


def test_a_malformed_question_names_its_file_and_field(tmp_path):
    _write(tmp_path, "metrics/fine.toml", GOOD_OPEN)
    bad = _write(tmp_path, "metrics/bad.toml", GOOD_OPEN.replace('"easy"', '"trivial"'))
    with pytest.raises(ContentError) as caught:
        load_questions(root=tmp_path)
    assert caught.value.path == bad
    assert "field 'difficulty'" in str(caught.value) and "bad.toml" in str(caught.value)


def test_a_choice_without_its_correct_index_is_rejected(tmp_path):
    text = GOOD_OPEN.replace('"open"', '"choice"') + 'choices = ["a thing", "another"]\n'
    bad = _write(tmp_path, "metrics/no-correct.toml", text)
    with pytest.raises(ContentError, match="needs 'choices' and 'correct'") as caught:
        load_questions(root=tmp_path)
    assert caught.value.path == bad


def test_a_question_in_an_unknown_topic_folder_is_rejected(tmp_path):
    _write(tmp_path, "astrology/stars.toml", GOOD_OPEN)
    with pytest.raises(ContentError, match="'astrology' is not a topic"):
        load_questions(root=tmp_path)


# --- FSRS through the database, on a fake clock -----------------------------------------------


def test_a_new_card_is_due_and_good_moves_it_into_the_future(store):
    due = scheduler.due_cards(store, NOW, topic="metrics")
    assert [c.id for c in due] == METRICS and all(c.new for c in due)
    first = METRICS[0]
    rated = scheduler.record_rating(store, first, 3, NOW)
    assert rated.due > NOW and rated.reviews == 1 and rated.state == "learning"
    later = scheduler.due_cards(store, NOW + timedelta(minutes=5), topic="metrics")
    assert first not in [c.id for c in later], "a card not yet due is not returned"
    back = scheduler.due_cards(store, rated.due, topic="metrics")
    assert back[0].id == first and not back[0].new, "due reviews come before new cards"


def test_again_brings_a_card_back_sooner_than_good(store):
    again_id, good_id = METRICS[:2]
    # Two ratings of Good each take both cards out of learning into review, days apart.
    for qid in (again_id, good_id):
        scheduler.record_rating(store, qid, 3, NOW)
        graduated = scheduler.record_rating(store, qid, 3, NOW + timedelta(minutes=10))
        assert graduated.state == "review" and graduated.due > NOW + timedelta(days=1)
    when = max(c.due for c in scheduler.due_cards(store, NOW + timedelta(days=60)) if not c.new)
    again = scheduler.record_rating(store, again_id, 1, when)
    good = scheduler.record_rating(store, good_id, 3, when)
    assert when < again.due < good.due
    assert again.state == "relearning" and good.due - when > timedelta(days=2)


def test_due_counts_follow_the_ratings(store):
    before = counts_of(store, NOW, "metrics")
    assert (before.due, before.new, before.total) == (0, len(METRICS), len(METRICS))
    rated = scheduler.record_rating(store, METRICS[0], 1, NOW)
    after = counts_of(store, NOW, "metrics")
    assert (after.due, after.new, after.total) == (0, len(METRICS) - 1, len(METRICS))
    assert counts_of(store, rated.due, "metrics").due == 1
    others = [c for c in scheduler.due_counts(store, NOW) if c.topic != "metrics"]
    assert all(c.new == c.total and c.due == 0 for c in others)


def test_every_rating_is_logged_with_its_card_in_one_place(store):
    scheduler.record_rating(store, METRICS[0], 3, NOW, correct=True, answer="a")
    scheduler.record_rating(store, METRICS[0], 2, NOW + timedelta(minutes=10), answer="again")
    rows = logs(store)
    assert [(r.question, r.rating, r.correct, r.answer) for r in rows] == [
        (METRICS[0], 3, True, "a"),
        (METRICS[0], 2, None, "again"),
    ]
    assert rows[0].reviewed_at == NOW and rows[0].topic == "metrics"
    with store.reading() as session:
        card = session.scalar(select(ReviewCardRow))
    assert card.reviews == 2 and json.loads(card.state)["last_review"].startswith("2026-03-02")


def test_bad_ratings_store_nothing(store):
    with pytest.raises(scheduler.UnknownQuestion, match="no breadth question 'metrics/nope'"):
        scheduler.record_rating(store, "metrics/nope", 3, NOW)
    with pytest.raises(ValueError, match="1 \\(Again\\)"):
        scheduler.record_rating(store, METRICS[0], 5, NOW)
    assert logs(store) == [] and counts_of(store, NOW, "metrics").new == len(METRICS)


def test_new_cards_are_capped_per_day_and_take_turns_across_topics(store):
    fresh = scheduler.due_cards(store, NOW, new_per_day=5)
    assert [c.topic for c in fresh] == list(topics())[:5]
    for card in fresh[:3]:
        scheduler.record_rating(store, card.id, 4, NOW)
    assert len(scheduler.due_cards(store, NOW + timedelta(hours=1), new_per_day=5)) == 2
    assert scheduler.new_left_today(store, NOW, new_per_day=5) == 2
    other_topic = next(t for t in topics() if t not in {c.topic for c in fresh[:3]})
    assert len(scheduler.due_cards(store, NOW, topic=other_topic, new_per_day=5)) == 2
    tomorrow = NOW + timedelta(days=1)
    assert sum(c.new for c in scheduler.due_cards(store, tomorrow, new_per_day=5)) == 5
    assert len(scheduler.due_cards(store, NOW, limit=2)) == 2


def test_the_day_starts_at_midnight_in_the_callers_time_zone(store):
    tokyo = timezone(timedelta(hours=9))
    late = datetime(2026, 3, 2, 23, 30, tzinfo=tokyo)
    rated = scheduler.record_rating(store, METRICS[0], 3, late)  # fsrs wants UTC: converted
    assert rated.due.tzinfo == UTC
    assert scheduler.new_left_today(store, late, new_per_day=5) == 4
    assert scheduler.new_left_today(store, late + timedelta(hours=1), new_per_day=5) == 5


def test_questions_removed_from_the_bank_are_ignored(store):
    gone, kept = METRICS[0], METRICS[1]
    scheduler.record_rating(store, gone, 1, NOW)
    scheduler.record_rating(store, kept, 1, NOW)
    smaller = {qid: q for qid, q in questions().items() if qid != gone}
    later = NOW + timedelta(hours=1)
    due = scheduler.due_cards(store, later, topic="metrics", bank=smaller)
    assert due[0].id == kept and gone not in [c.id for c in due]
    assert counts_of_bank(store, later, smaller).due == 1
    recall = {r.topic: r for r in scheduler.retention(store, later, bank=smaller)}
    assert recall["metrics"].reviews == 1 and recall["metrics"].cards == 1
    assert scheduler.next_due(store, topic="metrics", bank=smaller) is not None
    with pytest.raises(scheduler.UnknownQuestion):
        scheduler.record_rating(store, gone, 3, later, bank=smaller)


def counts_of_bank(store, now, bank) -> scheduler.TopicCounts:
    return next(c for c in scheduler.due_counts(store, now, bank=bank) if c.topic == "metrics")


def test_retention_counts_recent_good_and_easy_and_fsrs_recall(store):
    scheduler.record_rating(store, METRICS[0], 3, NOW - timedelta(days=40))  # outside the window
    scheduler.record_rating(store, METRICS[1], 4, NOW - timedelta(days=2))
    scheduler.record_rating(store, METRICS[2], 1, NOW - timedelta(days=1))
    scheduler.record_rating(store, METRICS[3], 2, NOW - timedelta(days=1))  # Hard: not recalled
    recall = {r.topic: r for r in scheduler.retention(store, NOW)}
    metrics = recall["metrics"]
    assert metrics.reviews == 3 and metrics.recalled == pytest.approx(1 / 3)
    assert metrics.cards == 4
    assert 0 < metrics.retrievability < 1
    assert recall["svm"].reviews == 0 and recall["svm"].recalled is None


def test_unknown_topic_names_the_known_ones(store):
    with pytest.raises(scheduler.UnknownTopic, match="unknown topic 'astrology'.*metrics"):
        scheduler.due_cards(store, NOW, topic="astrology")


def test_waits_are_said_the_way_people_say_them():
    assert scheduler.describe_wait(NOW + timedelta(minutes=10), NOW) == "10 minutes"
    assert scheduler.describe_wait(NOW + timedelta(days=1), NOW) == "1 day"
    assert scheduler.describe_wait(NOW - timedelta(days=1), NOW) == "now"


# --- the command line -------------------------------------------------------------------------


def piped_answers(qids: list[str], wrong_choice: bool = True) -> str:
    """Answers for these cards: a wrong choice (Enter keeps Again), a right number, an open one."""
    lines = []
    for qid in qids:
        q = questions()[qid]
        if q.kind == "choice":
            pick = (q.correct + 1) % len(q.choices) if wrong_choice else q.correct
            lines += [chr(ord("a") + pick), ""]
        elif q.kind == "numeric":
            lines += ["not a number", repr(q.value), ""]
        else:
            lines += ["my own answer", "4"]
    return "\n".join(lines) + "\n"


def test_review_session_from_piped_answers_is_marked_rated_and_stored(db_url):
    first = METRICS[:3]
    result = run_cli("review", "--topic", "metrics", "--limit", "3", input=piped_answers(first))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("Model answer") == 3 and "next review in" in out
    assert "is not a number" in out, "an unreadable number is asked again"
    # one choice marked wrong, one number marked right, one open card rated by its writer
    assert "Reviewed 3 cards: 1 of 2 graded answers right, 1 open card self-rated" in out
    assert "(Again 1, Good 1, Easy 1)." in out
    kinds = [questions()[qid].kind for qid in first]
    expected_ratings = {"choice": (1, False), "numeric": (3, True), "open": (4, None)}
    with open_store(db_url) as store:
        stored = [(r.question, r.rating, r.correct) for r in logs(store)]
        left = counts_of(store, datetime.now(UTC), "metrics")
    assert stored == [(qid, *expected_ratings[k]) for qid, k in zip(first, kinds, strict=True)]
    assert left.new == len(METRICS) - 3


def test_choice_letters_are_shown_and_right_answers_suggest_good(db_url):
    choice = next(qid for qid in METRICS if questions()[qid].kind == "choice")
    position = METRICS.index(choice)
    answers = piped_answers(METRICS[: position + 1], wrong_choice=False)
    result = run_cli("review", "--topic", "metrics", "--limit", str(position + 1), input=answers)
    assert "a) " in result.stdout and "b) " in result.stdout
    assert "Right." in result.stdout and "[Enter = 3 Good]" in result.stdout


@pytest.mark.parametrize(
    ("ratings", "right", "graded", "line"),
    [
        # the session: three cards, one of them graded
        (
            {3: 2, 4: 1},
            1,
            1,
            "Reviewed 3 cards: 1 of 1 graded answer right, 2 open cards self-rated"
            " (Good 2, Easy 1).",
        ),
        ({1: 1}, 0, 1, "Reviewed 1 card: 0 of 1 graded answer right (Again 1)."),
        ({4: 2}, 0, 0, "Reviewed 2 cards: 2 open cards self-rated (Easy 2)."),
    ],
)
def test_the_summary_counts_graded_and_open_cards_apart(ratings, right, graded, line):
    from collections import Counter

    from mlprep.cli.breadth import Tally, summary_line

    assert summary_line(Tally(Counter(ratings), right, graded)) == line


def test_q_quits_and_end_of_input_keeps_what_was_answered(db_url):
    quit_now = run_cli("review", "--topic", "metrics", input="q\n")
    assert quit_now.returncode == 0 and "No card was rated" in quit_now.stdout
    with open_store(db_url) as store:
        assert logs(store) == []
    open_id = next(qid for qid in METRICS if questions()[qid].kind == "open")
    position = METRICS.index(open_id)
    answers = piped_answers(METRICS[: position + 1])  # then the input ends, mid-session
    ended = run_cli("review", "--topic", "metrics", input=answers)
    assert ended.returncode == 0 and f"Reviewed {position + 1} card" in ended.stdout
    with open_store(db_url) as store:
        assert len(logs(store)) == position + 1


def test_stats_prints_due_new_and_total_per_topic(db_url):
    run_cli("review", "--topic", "svm", "--limit", "1", input=piped_answers([_first("svm")]))
    result = run_cli("review", "--stats")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if "topic" in line)
    assert all(word in header for word in ("due", "new", "total"))
    svm_row = next(line for line in result.stdout.splitlines() if " svm " in line)
    total = sum(qid.startswith("svm/") for qid in questions())
    assert [int(n) for n in svm_row.split("│")[2:5]] == [0, total - 1, total]
    rows = json.loads(run_cli("review", "--stats", "--json").stdout)
    assert {r["topic"] for r in rows} == set(topics()) and sum(r["total"] for r in rows) == len(
        questions()
    )


def test_list_shows_the_due_cards_without_answers(db_url):
    result = run_cli("review", "--topic", "metrics", "--list", "--json")
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == METRICS and all(r["new"] for r in rows)
    assert "answer" not in rows[0]


def test_unknown_topic_is_a_clear_usage_error(db_url):
    result = run_cli("review", "--topic", "astrology")
    assert result.returncode == 2
    assert "unknown topic 'astrology'" in result.stderr and "metrics" in result.stderr
    assert "Traceback" not in result.stderr


def _first(topic: str) -> str:
    return next(qid for qid in questions() if topic_of(qid) == topic)


# --- the JSON API -----------------------------------------------------------------------------


@pytest.fixture
def client(store):
    from fastapi.testclient import TestClient

    from mlprep.web.app import create_app

    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def test_the_api_never_sends_an_answer_before_it_is_asked_for(client):
    cards = client.get("/api/review/next", params={"topic": "metrics", "limit": 50}).json()
    assert [c["id"] for c in cards["cards"]] == METRICS and cards["to_study"] == len(METRICS)
    text = json.dumps(cards)
    for qid in METRICS:
        q = questions()[qid]
        assert q.answer not in text and q.answer.strip()[:40] not in text
    card = cards["cards"][0]
    assert not {"answer", "correct", "value", "expected"} & set(card)


def test_check_reveal_and_rate_through_the_api(client, store):
    choice = next(qid for qid in METRICS if questions()[qid].kind == "choice")
    q = questions()[choice]
    url = f"/api/review/cards/{choice}"
    checked = client.post(f"{url}/check", json={"answer": chr(ord("a") + q.correct)}).json()
    assert checked["correct"] and checked["suggested_rating"] == 3
    assert checked["answer"] == q.answer and checked["expected"].startswith("abcdef"[q.correct])
    assert client.post(f"{url}/reveal").json()["answer"] == q.answer
    rated = client.post(f"{url}/rate", json={"rating": 3, "answer": "a"})
    assert rated.status_code == 200 and rated.json()["due_in"] == "10 minutes"
    assert [(r.question, r.rating) for r in logs(store)] == [(choice, 3)]
    overview = client.get("/api/review/topics", params={"topic": "metrics"}).json()
    metrics = next(t for t in overview["topics"] if t["topic"] == "metrics")
    assert metrics["new"] == len(METRICS) - 1 and overview["to_study"] == len(METRICS) - 1


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "message"),
    [
        ("get", "/api/review/next?topic=astrology", None, 404, "unknown topic 'astrology'"),
        ("post", "/api/review/cards/metrics/nope/reveal", None, 404, "no breadth question"),
        ("post", "/api/review/cards/{choice}/check", {"answer": "zz"}, 422, "is not a choice"),
        ("post", "/api/review/cards/{choice}/rate", {"rating": 9}, 422, "field 'rating'"),
        ("post", "/api/review/cards/{choice}/rate", b"{not json", 400, "not JSON"),
        ("post", "/api/review/cards/{open}/check", {"answer": "x"}, 422, "rate yourself"),
    ],
)
def test_bad_api_requests_get_one_clear_detail(client, store, method, path, body, status, message):
    kinds = {kind: next(i for i in METRICS if questions()[i].kind == kind) for kind in ("choice",)}
    kinds["open"] = next(i for i in METRICS if questions()[i].kind == "open")
    url = path.format(**kinds)
    extra = {"content": body} if isinstance(body, bytes) else {"json": body}
    reply = client.request(method.upper(), url, **({} if body is None else extra))
    assert reply.status_code == status
    assert message in reply.json()["detail"]
    assert logs(store) == [], "nothing is stored for a bad request"


def test_open_answers_cannot_be_marked():
    q = questions()[next(i for i in METRICS if questions()[i].kind == "open")]
    with pytest.raises(AnswerError):
        scheduler.check_answer(q, "my answer")
