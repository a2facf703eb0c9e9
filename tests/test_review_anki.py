"""Review as Anki users expect it, below the pages: kept checks, intervals, today's counts, undo,
suspend and bury, own answers and own cards (TOML in and out), and FSRS fitted to the log.

Scheduling runs on a fake clock (``NOW``) in a database of each test's own; the API tests go
through FastAPI's TestClient on the same store. Every deck-level behaviour is checked on both
decks (breadth and domain) where the two could differ.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import fsrs
import pytest
from sqlalchemy import select

from mlprep.domain.bank import questions as domain_questions
from mlprep.review import fitting, flags, mine, scheduler
from mlprep.review.bank import questions, topic_of
from mlprep.review.deck import BREADTH, DOMAIN
from mlprep.store import open_store
from mlprep.store.models import ReviewCardRow, ReviewCheckRow, ReviewLogRow

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
METRICS = [qid for qid in questions() if topic_of(qid) == "metrics"]
CHOICE = next(qid for qid in METRICS if questions()[qid].kind == "choice")
DOMAIN_CHOICE = next(qid for qid, q in domain_questions().items() if q.kind == "choice")


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'review.db'}") as opened:
        yield opened


@pytest.fixture
def client(store):
    from fastapi.testclient import TestClient

    from mlprep.web.app import create_app

    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def logs(store) -> list[ReviewLogRow]:
    with store.reading() as session:
        return list(session.scalars(select(ReviewLogRow).order_by(ReviewLogRow.id)))


def letter(index: int) -> str:
    return "abcdef"[index]


def wrong_letter(question) -> str:
    return letter((question.correct + 1) % len(question.choices))


# --- a checked answer is kept until the card is rated ------------------------------------------


@pytest.mark.parametrize(
    ("api", "card", "bank"),
    [("review", CHOICE, questions), ("domain", DOMAIN_CHOICE, domain_questions)],
)
def test_a_wrong_check_stays_wrong_after_a_reload_and_is_what_the_rating_logs(
    client, store, api, card, bank
):
    q = bank()[card]
    url = f"/api/{api}/cards/{card}"
    first = client.post(f"{url}/check", json={"answer": wrong_letter(q)}).json()
    assert (first["correct"], first["suggested_rating"]) == (False, 1)
    # the page is reloaded: the card comes back with its verdict, and a second answer is not marked
    again = client.post(f"{url}/check", json={"answer": letter(q.correct)}).json()
    assert again["correct"] is False
    assert again["answer_given"] == wrong_letter(q)
    shown = client.get(f"/api/{api}/next", params={"limit": 50}).json()["cards"]
    waiting = next(c for c in shown if c["id"] == card)
    assert waiting["checked"] == {"answer": wrong_letter(q), "correct": False}
    rated = client.post(f"{url}/rate", json={"rating": 3, "answer": letter(q.correct)})
    assert rated.status_code == 200
    last = logs(store)[-1]
    assert (last.rating, last.correct, last.answer) == (3, False, wrong_letter(q))
    with store.reading() as session:
        assert session.scalars(select(ReviewCheckRow)).all() == [], "rated: the check is done"


# --- intervals on the rating buttons -----------------------------------------------------------


@pytest.mark.parametrize(
    ("later", "said"),
    [
        (timedelta(seconds=30), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "6m"),  # round half to even: 5.5 -> 6
        (timedelta(minutes=59), "59m"),
        (timedelta(hours=1), "1h"),
        (timedelta(hours=23), "23h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=400), "1.1y"),
    ],
)
def test_intervals_are_written_as_on_anki_buttons(later, said):
    assert scheduler.short_wait(NOW + later, NOW) == said


def test_a_new_cards_buttons_show_fsrs_learning_steps_and_easy_days(store):
    # FSRS-6 defaults: learning steps 1 and 10 minutes; Hard on the first step is their mean
    # (5.5 min); Easy graduates at once, with stability w3 = 8.2956 days, so 8 days at 90%.
    ahead = scheduler.next_intervals(store, CHOICE, NOW)
    waits = {r: scheduler.short_wait(due, NOW) for r, due in ahead.items()}
    assert waits == {1: "1m", 2: "6m", 3: "10m", 4: "8d"}
    assert ahead[3] == NOW + timedelta(minutes=10)
    rated = scheduler.record_rating(store, CHOICE, 3, NOW, correct=True)
    assert rated.due == ahead[3], "the button said what the rating did"


def test_the_api_sends_each_cards_intervals_and_counts(client):
    data = client.get("/api/review/next", params={"topic": "metrics"}).json()
    card = data["cards"][0]
    assert card["intervals"] == {"1": "1m", "2": "6m", "3": "10m", "4": "8d"}
    assert data["today"] == {"new": len(METRICS), "learning": 0, "due": 0}


# --- new cards take turns across topics ---------------------------------------------------------


def test_new_cards_never_come_two_of_a_topic_in_a_row_while_others_wait(store):
    cards = scheduler.due_cards(store, NOW)
    assert len(cards) == scheduler.NEW_PER_DAY
    topics = [card.topic for card in cards]
    order = list(scheduler.BREADTH.titles())
    assert topics == order[: len(topics)], "one of each topic, in topics.toml order"
    assert scheduler.due_cards(store, NOW) == cards, "the same order every time"


# --- today's counts ----------------------------------------------------------------------------


def test_todays_counts_split_the_queue_into_new_learning_and_due(store):
    a, b, c, d = METRICS[:4]
    scheduler.record_rating(store, a, 4, NOW - timedelta(days=30))  # Easy: due 8 days later
    scheduler.record_rating(store, b, 3, NOW)  # Good: learning, back in 10 minutes
    scheduler.record_rating(store, c, 1, NOW)  # Again: learning, back in 1 minute
    at = NOW + timedelta(minutes=11)
    # two new cards were started today, so 18 of the daily 20 are left; a is a review due;
    # b and c count as learning already at NOW, due within Anki's 20 minutes of learning ahead
    assert scheduler.today_counts(store, at) == scheduler.TodayCounts(18, 2, 1)
    assert scheduler.today_counts(store, NOW) == scheduler.TodayCounts(18, 2, 1)
    assert len(scheduler.due_cards(store, NOW)) == 18 + 1, "not yet in the queue itself"
    flags.suspend(store, BREADTH, b, at)
    flags.bury(store, BREADTH, a, at)
    assert scheduler.today_counts(store, at) == scheduler.TodayCounts(18, 1, 0)
    only_metrics = scheduler.today_counts(store, at, topics=["metrics"])
    metrics_new = len(METRICS) - 3
    assert only_metrics == scheduler.TodayCounts(min(18, metrics_new), 1, 0)
    flags.suspend(store, BREADTH, d, at)
    assert scheduler.today_counts(store, at, topics=["metrics"]).new == metrics_new - 1


# --- undo --------------------------------------------------------------------------------------


def card_row(store, card_id: str) -> tuple | None:
    with store.reading() as session:
        row = session.scalar(select(ReviewCardRow).where(ReviewCardRow.question == card_id))
        return None if row is None else (row.state, row.due, row.reviews, row.updated_at)


def test_undo_puts_the_card_back_and_removes_the_log_row_one_rating_at_a_time(store):
    a = METRICS[0]
    scheduler.record_rating(store, a, 3, NOW, correct=True, answer="b")
    after_first = card_row(store, a)
    scheduler.record_rating(store, a, 3, NOW + timedelta(minutes=11), correct=True)
    assert card_row(store, a)[2] == 2 and len(logs(store)) == 2
    assert scheduler.undo_last(store) == scheduler.Undone(a, 3)
    assert card_row(store, a) == after_first and len(logs(store)) == 1
    assert scheduler.undo_last(store) == scheduler.Undone(a, 3)
    assert card_row(store, a) is None and logs(store) == [], "a new card again"
    assert scheduler.undo_last(store) is None
    # the graded answer undone is kept as checked: the card cannot be answered afresh
    assert flags.pending_check(store, BREADTH, a) == flags.Check("b", True)


def test_undo_takes_back_only_its_own_decks_ratings(store):
    scheduler.record_rating(store, METRICS[0], 3, NOW)
    scheduler.record_rating(store, DOMAIN_CHOICE, 1, NOW + timedelta(seconds=1), deck=DOMAIN)
    assert scheduler.undo_last(store) == scheduler.Undone(METRICS[0], 3)
    assert [r.question for r in logs(store)] == [DOMAIN.card_id(DOMAIN_CHOICE)]


def test_the_undo_route_answers_with_the_rating_undone_then_404(client, store):
    card = next(qid for qid in METRICS if questions()[qid].kind == "open")
    client.post(f"/api/review/cards/{card}/rate", json={"rating": 2})
    undone = client.post("/api/review/undo").json()
    assert (undone["id"], undone["rating"], undone["rating_name"]) == (card, 2, "Hard")
    assert (undone["card"]["id"], undone["card"]["new"]) == (card, True)
    after = client.get("/api/review/topics", params={"topic": "metrics"}).json()
    assert after["today"]["new"] == len(METRICS)
    nothing = client.post("/api/review/undo")
    assert (nothing.status_code, nothing.json()["detail"]) == (404, "no breadth rating to undo")


# --- recall now ----------------------------------------------------------------------------------


def test_a_card_just_rated_again_shows_as_relearning_not_as_recalled(client, store):
    import re

    now = datetime.now(UTC)
    forgotten, kept = METRICS[:2]
    scheduler.record_rating(store, forgotten, 4, now - timedelta(days=30))  # Easy: in review
    scheduler.record_rating(store, kept, 3, now - timedelta(days=3))  # Good, three days ago
    rated = client.post(f"/api/review/cards/{forgotten}/rate", json={"rating": 1}).json()
    assert rated["state"] == "relearning"
    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    kept_recall = (1 + (0.9 ** (1 / decay) - 1) * 3 / w[2]) ** decay  # S = w2 after one Good
    rows = client.get("/api/review/topics", params={"topic": "metrics"}).json()["topics"]
    metrics = next(row for row in rows if row["topic"] == "metrics")
    assert metrics["retrievability"] == pytest.approx(kept_recall, rel=1e-12)
    assert metrics["learning"] == 1
    page = client.get("/review", params={"topic": "metrics"}).text
    cell = re.search(r'<tr data-topic="metrics".*?class="retrievability">([^<]*)<', page, re.S)
    assert cell[1] == f"{kept_recall * 100:.0f}%, 1 in (re)learning"


# --- suspend and bury --------------------------------------------------------------------------


def test_a_suspended_card_leaves_the_queue_until_unsuspended(store):
    first = scheduler.due_cards(store, NOW, topic="metrics")[0].id
    flags.suspend(store, BREADTH, first, NOW)
    assert first not in [c.id for c in scheduler.due_cards(store, NOW, topic="metrics")]
    later = NOW + timedelta(days=400)
    assert first not in [c.id for c in scheduler.due_cards(store, later, topic="metrics")]
    flags.suspend(store, BREADTH, first, NOW, on=False)
    assert scheduler.due_cards(store, NOW, topic="metrics")[0].id == first


def test_a_buried_card_comes_back_at_the_next_midnight_of_the_callers_day(store):
    first = METRICS[0]
    local = timezone(timedelta(hours=-5))  # 09:00 UTC is 04:00 there
    until = flags.bury(store, BREADTH, first, NOW.astimezone(local))
    assert until == datetime(2026, 3, 3, 0, 0, tzinfo=local)
    ids = lambda at: [c.id for c in scheduler.due_cards(store, at, topic="metrics")]  # noqa: E731
    assert first not in ids(until - timedelta(microseconds=1))
    assert ids(until)[0] == first
    flags.bury(store, BREADTH, first, NOW)
    flags.bury(store, BREADTH, first, NOW, on=False)
    assert ids(NOW)[0] == first, "unburied: back now"


def test_suspend_and_bury_through_the_api_and_the_set_aside_list(client):
    a, b = METRICS[:2]
    assert client.post(f"/api/review/cards/{a}/suspend").json() == {"id": a, "suspended": True}
    buried = client.post(f"/api/review/cards/{b}/bury").json()
    assert buried["id"] == b and buried["buried_until"] is not None
    listed = client.get("/api/review/set-aside").json()
    assert [(x["id"], x["suspended"], x["buried_until"]) for x in listed] == [
        (a, True, None),
        (b, False, buried["buried_until"]),
    ]
    ids = [c["id"] for c in client.get("/api/review/next?topic=metrics&limit=50").json()["cards"]]
    assert a not in ids and b not in ids and len(ids) == len(METRICS) - 2
    client.delete(f"/api/review/cards/{a}/suspend")
    client.delete(f"/api/review/cards/{b}/bury")
    assert client.get("/api/review/set-aside").json() == []
    missing = client.post("/api/domain/cards/llm/no-such-card/suspend")
    assert missing.status_code == 404


def test_the_cli_suspends_buries_and_brings_back_cards_of_either_deck(tmp_path, monkeypatch):
    import json

    from conftest import run_cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MLPREP_DATABASE_URL", url)

    def aside(deck: str = "breadth") -> list[tuple[str, bool, str | None]]:
        listed = json.loads(run_cli("review", "set-aside", "--deck", deck, "--json").stdout)
        return [(x["id"], x["suspended"], x["buried_until"]) for x in listed]

    a, b = METRICS[:2]
    said = run_cli("review", "suspend", a)
    assert said.stdout == f"{a}: suspended (mlprep review unsuspend brings it back).\n"
    before = datetime.now().astimezone()
    run_cli("review", "bury", b)
    midnight = before.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    assert aside() == [(a, True, None), (b, False, midnight.astimezone(UTC).isoformat())]
    due = json.loads(run_cli("review", "--list", "--json", "--topic", "metrics").stdout)
    assert [c["id"] for c in due] == METRICS[2:]
    assert run_cli("review", "unsuspend", a).stdout == f"{a} is back in the queue.\n"
    run_cli("review", "unbury", b)
    assert aside() == []
    track_card = next(qid for qid in domain_questions() if qid.startswith("llm/"))
    run_cli("review", "suspend", track_card, "--deck", "domain")
    assert aside("domain") == [(track_card, True, None)] and aside() == []
    unknown = run_cli("review", "bury", "metrics/no-such-card")
    assert unknown.returncode == 2
    assert unknown.stderr == "error: no breadth question 'metrics/no-such-card'\n"


def test_in_a_cli_session_minus_buries_and_at_suspends_the_card_shown(tmp_path, monkeypatch):
    import json

    from conftest import run_cli

    monkeypatch.setenv("MLPREP_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    first, second = METRICS[:2]
    piped = {"input": "-\n@\n", "env": {"COLUMNS": "200"}}  # no wrapped lines
    session = run_cli("review", "--topic", "metrics", "--limit", "2", **piped)
    assert session.returncode == 0, session.stderr
    assert f"{first}: buried until " in session.stdout
    assert f"{second}: suspended (mlprep review unsuspend brings it back)." in session.stdout
    assert "No card was rated." in session.stdout
    listed = json.loads(run_cli("review", "set-aside", "--json").stdout)
    assert [(x["id"], x["suspended"]) for x in listed] == [(first, False), (second, True)]


# --- your own answers ----------------------------------------------------------------------------


def other_user(store):
    from mlprep.team import accounts

    return store.for_user(
        accounts.create_user(store, "other", "a long enough password", "learner").id
    )


def test_an_edited_answer_is_the_users_own_and_the_bank_is_untouched(client, store):
    card = METRICS[2]
    bank_answer = questions()[card].answer
    mine_text = "My own words: calibrate with isotonic regression on held-out data."
    edited = client.put(f"/api/review/cards/{card}/answer", json={"answer": mine_text})
    assert edited.json()["answer"] == mine_text
    assert client.post(f"/api/review/cards/{card}/reveal").json()["answer"] == mine_text
    assert questions()[card].answer == bank_answer, "the bank is not changed"
    assert mine.deck_bank(other_user(store), BREADTH)[card].answer == bank_answer
    shown = client.get("/api/review/next?topic=metrics&limit=50").json()["cards"]
    assert next(c for c in shown if c["id"] == card)["edited"] is True
    short = client.put(f"/api/review/cards/{card}/answer", json={"answer": "short"})
    assert short.status_code == 422 and "at least 10 characters" in short.json()["detail"]
    assert client.delete(f"/api/review/cards/{card}/answer").json()["answer"] == bank_answer


# --- your own cards ----------------------------------------------------------------------------

NUMERIC = {
    "unit": "metrics",
    "kind": "numeric",
    "difficulty": "easy",
    "question": "Precision 0.5 and recall 1.0: what is F1?",
    "answer": "F1 is the harmonic mean: 2 * 0.5 * 1 / 1.5 = 0.667.",
    "value": 0.667,
    "tolerance": 0.01,
}


def test_an_own_card_joins_the_queue_is_marked_and_belongs_to_its_writer(client, store):
    created = client.post("/api/review/cards", json=NUMERIC)
    assert created.status_code == 201
    card = created.json()["id"]
    assert card == "metrics/my-precision-0-5-and-recall"
    ids = [c["id"] for c in client.get("/api/review/next?topic=metrics&limit=50").json()["cards"]]
    assert ids == [*METRICS, card], "new, after the bank's own metrics cards"
    checked = client.post(f"/api/review/cards/{card}/check", json={"answer": "0.67"}).json()
    assert checked["correct"] is True and checked["answer"] == NUMERIC["answer"]
    assert card not in mine.deck_bank(other_user(store), BREADTH), "nobody else sees it"
    again = client.post("/api/review/cards", json=NUMERIC).json()["id"]
    assert again == card + "-2", "the same question twice gets its own name"
    assert client.delete(f"/api/review/cards/{again}").status_code == 200
    assert client.delete(f"/api/review/cards/{METRICS[0]}").status_code == 404, "bank card"


def test_an_own_card_that_breaks_the_schema_is_refused_with_its_field(client):
    no_value = {k: v for k, v in NUMERIC.items() if k != "value"}
    reply = client.post("/api/review/cards", json=no_value)
    assert reply.status_code == 422
    assert reply.json()["detail"] == "'value' is required for numeric questions and only for them"
    bad_unit = client.post("/api/domain/cards", json=NUMERIC)
    assert bad_unit.status_code == 422 and bad_unit.json()["detail"].startswith(
        "track: 'metrics' is not one of llm"
    )


def test_own_cards_go_out_as_toml_and_come_back_the_same(client, store, tmp_path):
    card = client.post("/api/review/cards", json=NUMERIC).json()["id"]
    exported = client.get("/api/review/cards.toml")
    assert exported.headers["content-disposition"].endswith('"mlprep-breadth-cards.toml"')
    text = exported.text
    assert f'[cards."{card}"]' in text
    with open_store(f"sqlite:///{tmp_path / 'other.db'}") as fresh:
        parsed = mine.parse_cards(text, BREADTH, "cards.toml")
        assert mine.import_cards(fresh, BREADTH, parsed, NOW) == (1, 0)
        assert mine.own_cards(fresh, BREADTH) == mine.own_cards(store, BREADTH)
        assert mine.import_cards(fresh, BREADTH, parsed, NOW) == (0, 1), "same id: replaced"


BAD_FILES = [
    ("kind = 'open'", 'cards.toml: kind: not a card; cards go under [cards."unit/my-name"]'),
    ("[cards", "cards.toml: not valid TOML: "),
    (
        '[cards."metrics/f1"]\nkind = "open"',
        "cards.toml: cards.\"metrics/f1\": the name of your own card starts with 'my-'",
    ),
    (
        '[cards."astrology/my-x"]\nkind = "open"',
        "cards.toml: cards.\"astrology/my-x\": 'astrology' is not a topic: ",
    ),
    (
        '[cards."metrics/my-x"]\nkind = "open"\ndifficulty = "easy"\n'
        'question = "What is recall?"\nanswer = "short"',
        'cards.toml: cards."metrics/my-x": answer: String should have at least 10 characters',
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_a_bad_cards_file_names_where_and_why_and_imports_nothing(client, store, text, message):
    good = '[cards."metrics/my-good"]\n' + "\n".join(
        f"{k} = {v!r}" for k, v in NUMERIC.items() if k != "unit"
    )
    reply = client.post("/api/review/cards.toml", json={"toml": text + "\n\n" + good})
    assert reply.status_code == 422
    assert reply.json()["detail"].startswith(message)
    assert mine.own_cards(store, BREADTH) == {}, "nothing of a bad file is imported"


# --- FSRS fitted to the user's log -------------------------------------------------------------

# A forgetful learner: their memories start four times weaker than FSRS's average user's.
DEFAULTS = fsrs.scheduler.DEFAULT_PARAMETERS
TRUE_PARAMETERS = (
    DEFAULTS[0] / 4,
    DEFAULTS[1] / 4,
    DEFAULTS[2] / 4,
    DEFAULTS[3] / 4,
    *DEFAULTS[4:],
)


def seed_log(store, cards: int = 70, days: int = 120, seed: int = 7) -> int:
    """Reviews of a simulated learner (their recall drawn from TRUE_PARAMETERS) scheduled by
    FSRS's defaults, written straight to the log; returns how many."""
    import random

    from fsrs import Card, Rating, Scheduler

    rng = random.Random(seed)
    truth = Scheduler(TRUE_PARAMETERS, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    app = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    rows = []
    for n, question in enumerate(list(questions())[:cards]):
        when = NOW - timedelta(days=days) + timedelta(days=n % 30)
        real, shown = Card(card_id=n), Card(card_id=n)
        while when < NOW:
            recalled = real.last_review is None or rng.random() < truth.get_card_retrievability(
                real, when
            )
            rating = Rating.Good if recalled else Rating.Again
            real = truth.review_card(real, rating, when)[0]
            shown = app.review_card(shown, rating, when)[0]
            rows.append(
                ReviewLogRow(
                    question=question,
                    topic=topic_of(question),
                    reviewed_at=when,
                    rating=int(rating),
                    correct=None,
                    answer="",
                )
            )
            when = shown.due
    with store.writing() as session:
        session.add_all(rows)
    return len(rows)


def test_fitting_waits_for_a_long_enough_log_and_says_so(client, store):
    before = client.get("/api/review/memory").json()
    assert (before["reviews"], before["needed"], before["fitted"]) == (0, fitting.MIN_REVIEWS, None)
    assert before["optimizer"] is True and before["desired"] == 0.9
    refused = client.post("/api/review/memory/fit")
    assert refused.status_code == 409
    assert refused.json()["detail"] == f"0 ratings logged; fitting needs {fitting.MIN_REVIEWS}"


def test_measured_retention_is_the_share_not_again_a_day_or_more_later(store):
    a, b = METRICS[:2]
    day = timedelta(days=1)
    for question, rating, at in [
        (a, 3, NOW - 3 * day),
        (a, 3, NOW - 3 * day + timedelta(minutes=10)),  # same day: learning, not a recall test
        (a, 1, NOW - day),  # two days later: forgotten
        (a, 3, NOW),  # a day later: recalled
        (b, 2, NOW - 2 * day),
        (b, 2, NOW),  # Hard is recalled too
    ]:
        scheduler.record_rating(store, question, rating, at)
    memory = fitting.memory(store, NOW, BREADTH)
    assert (memory.reviews, memory.recall_reviews, memory.measured) == (6, 3, 2 / 3)
    assert fitting.memory(store, NOW, DOMAIN).recall_reviews == 0


def test_fitting_a_forgetful_learners_log_shortens_their_intervals(client, store):
    logged = seed_log(store)
    assert logged >= fitting.MIN_REVIEWS, "the simulation is long enough to fit"
    fitted = client.post("/api/review/memory/fit").json()["fitted"]
    assert fitted["reviews"] == logged
    parameters = fitted["parameters"]
    assert fitting.fitted(store).parameters == parameters
    assert fitting.user_scheduler(store).parameters == tuple(parameters)
    # the fitted first stability after Good is nearer the learner's true one than the default,
    # so a card leaving its learning steps comes back sooner than FSRS's average user's would
    assert abs(parameters[2] - TRUE_PARAMETERS[2]) < abs(DEFAULTS[2] - TRUE_PARAMETERS[2])
    card = next(qid for qid in questions() if qid not in {r.question for r in logs(store)})
    scheduler.record_rating(store, card, 3, NOW)  # first step of learning
    later = NOW + timedelta(minutes=10)
    graduates = scheduler.next_intervals(store, card, later)[3]
    average = fsrs.Scheduler(enable_fuzzing=False)
    first = average.review_card(fsrs.Card(card_id=1), fsrs.Rating.Good, NOW)[0]
    assert graduates < average.review_card(first, fsrs.Rating.Good, later)[0].due


# --- the command line --------------------------------------------------------------------------


def test_the_cli_exports_imports_undoes_and_refuses_a_bad_file(tmp_path, monkeypatch):
    from conftest import run_cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MLPREP_DATABASE_URL", url)
    with open_store(url) as store:
        mine.add_card(store, DOMAIN, "llm", {k: v for k, v in NUMERIC.items() if k != "unit"}, NOW)
    out = tmp_path / "mine.toml"
    exported = run_cli("review", "export", str(out), "--deck", "domain")
    assert exported.returncode == 0 and exported.stdout == f"Wrote 1 card to {out}.\n"
    assert '[cards."llm/my-precision-0-5-and-recall"]' in out.read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(out.read_text().replace("llm/my-", "llm/"))
    refused = run_cli("review", "import", str(bad))
    assert refused.returncode == 2
    assert f"{bad}: cards.\"llm/precision-0-5-and-recall\": 'llm' is not a topic" in refused.stderr
    assert "Nothing was imported." in refused.stderr
    imported = run_cli("review", "import", str(out), "--deck", "domain")
    assert imported.stdout == "Imported 0 new and 1 replaced domain cards.\n"
    with open_store(url) as store:
        assert list(mine.own_cards(store, BREADTH)) == []
        scheduler.record_rating(store, METRICS[0], 3, datetime.now(UTC))
    undone = run_cli("review", "undo")
    assert undone.stdout == f"Undone: Good on {METRICS[0]}.\n"
    again = run_cli("review", "undo")
    assert again.returncode != 0 and "no breadth rating to undo" in again.stderr


def test_no_bank_card_is_named_like_an_own_card():
    banks = [*questions(), *domain_questions()]
    assert [qid for qid in banks if mine.is_own(qid)] == []
