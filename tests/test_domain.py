"""The ML domain-knowledge round: its bank, FSRS through the shared tables, the chosen tracks,
``mlprep domain``, the ``/domain`` page and API, and the round in mock loops, plans and mastery.

Scheduling tests use a fake clock (``NOW``); the CLI tests run ``mlprep`` on a database of their
own. The content targets (questions and design cases per track) are in test_domain_content.py.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from typing import get_args

import fsrs
import pytest
from conftest import run_cli
from sqlalchemy import select
from test_dashboard import card, review

from mlprep.coach import loop
from mlprep.coach.mastery import load_mastery
from mlprep.coach.plan import build_plan, create_plan, domain_weight, parse_rounds
from mlprep.content import ContentError
from mlprep.design.bank import cases
from mlprep.design.schema import Case
from mlprep.domain import bank as domain_bank
from mlprep.domain.bank import (
    UnknownTrack,
    design_cases,
    load_questions,
    parse_tracks,
    questions,
    track_of,
    tracks,
)
from mlprep.review import bank as breadth_bank
from mlprep.review import scheduler
from mlprep.review.deck import BREADTH, DOMAIN
from mlprep.store import open_store
from mlprep.store.models import ReviewCardRow, ReviewLogRow
from mlprep.store.settings import choose_tracks, chosen_tracks

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LLM = [qid for qid in questions() if track_of(qid) == "llm"]
VISION = [qid for qid in questions() if track_of(qid) == "vision"]


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'domain.db'}"
    monkeypatch.setenv("MLPREP_DATABASE_URL", url)
    return url


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        yield opened


def logs(store) -> list[ReviewLogRow]:
    with store.reading() as session:
        return list(session.scalars(select(ReviewLogRow).order_by(ReviewLogRow.id)))


# --- the bank -------------------------------------------------------------------------------


def test_tracks_and_questions_load_and_every_question_is_in_a_track():
    assert list(tracks()) == ["llm", "recsys", "search-ads", "vision", "experimentation"]
    bank = load_questions()  # not the cached copy: validate every file now
    assert bank and set(map(track_of, bank)) <= set(tracks())
    assert {q.kind for q in bank.values()} <= {"open", "choice", "numeric"}
    assert all(":" not in qid for qid in bank), "a stored domain id never reads as breadth's"


def test_the_design_schema_knows_exactly_the_tracks_of_tracks_toml():
    literal = Case.model_fields["tracks"].annotation
    assert set(get_args(get_args(literal)[0])) == set(tracks())


def test_every_graded_domain_question_marks_its_own_answer_right():
    for qid, q in questions().items():
        expected = scheduler.expected_answer(q)
        if q.kind == "choice":
            assert scheduler.check_answer(q, chr(ord("a") + q.correct)).correct, qid
        elif q.kind == "numeric":
            assert scheduler.check_answer(q, repr(q.value)).correct, qid
            assert expected is not None
        if q.kind != "open":
            assert scheduler.check_answer(q, "").correct is False, qid


def test_a_malformed_domain_question_names_its_file_and_field(tmp_path):
    bad = tmp_path / "llm" / "broken.toml"
    bad.parent.mkdir()
    bad.write_text('kind = "numeric"\ndifficulty = "easy"\nquestion = "How many heads?"\n')
    with pytest.raises(ContentError, match=r"broken\.toml: field 'answer'"):
        load_questions(tmp_path)


def test_a_question_outside_the_tracks_is_rejected(tmp_path):
    stray = tmp_path / "astrology" / "stars.toml"
    stray.parent.mkdir()
    stray.write_text('kind = "open"\ndifficulty = "easy"\nquestion = "What is a star?"\n'
                     'answer = "A ball of plasma."\n')  # fmt: skip
    with pytest.raises(ContentError, match="'astrology' is not a track of tracks.toml"):
        load_questions(tmp_path)


def test_tracks_are_parsed_in_tracks_toml_order_and_checked():
    assert parse_tracks("vision, llm") == ("llm", "vision")
    assert parse_tracks(["recsys", "llm,recsys"]) == ("llm", "recsys")
    assert parse_tracks(None) == ()
    with pytest.raises(UnknownTrack, match="unknown track 'chess'; the tracks are: llm, recsys"):
        parse_tracks("llm,chess")
    assert design_cases("llm") == [s for s, c in cases().items() if "llm" in c.tracks]


# --- scheduling in the shared tables, on a fake clock ---------------------------------------


def test_domain_cards_are_stored_apart_from_breadth_ones(store):
    breadth_before = scheduler.due_counts(store, NOW)
    due = scheduler.due_cards(store, NOW, topics=["llm"], deck=DOMAIN)
    assert due and {c.topic for c in due} == {"llm"} and due[0].id == LLM[0]
    rated = scheduler.record_rating(store, LLM[0], 3, NOW, correct=True, answer="x", deck=DOMAIN)
    assert rated.id == LLM[0] and rated.due > NOW
    [log] = logs(store)
    assert (log.question, log.topic) == (f"domain:{LLM[0]}", "domain:llm")
    with store.reading() as session:
        assert session.scalars(select(ReviewCardRow.question)).all() == [f"domain:{LLM[0]}"]

    assert scheduler.due_counts(store, NOW) == breadth_before, "breadth does not see it"
    assert all(not c.id.startswith("domain:") for c in scheduler.due_cards(store, NOW))
    llm = next(c for c in scheduler.due_counts(store, NOW, deck=DOMAIN) if c.topic == "llm")
    assert (llm.due, llm.new, llm.total) == (0, len(LLM) - 1, len(LLM))
    later = scheduler.due_cards(store, rated.due, topics=["llm"], deck=DOMAIN)
    assert later[0].id == LLM[0] and not later[0].new, "due again: reviews come first"
    assert scheduler.next_due(store, topic="llm", deck=DOMAIN) == rated.due
    assert scheduler.next_due(store) is None, "no breadth card was rated"


def test_each_deck_has_its_own_daily_cap_of_new_cards(store):
    for qid in LLM[:3]:
        scheduler.record_rating(store, qid, 4, NOW, deck=DOMAIN)
    assert scheduler.new_left_today(store, NOW, new_per_day=5, deck=DOMAIN) == 2
    assert scheduler.new_left_today(store, NOW, new_per_day=5) == 5
    fresh = scheduler.due_cards(store, NOW + timedelta(hours=1), new_per_day=5, deck=DOMAIN)
    assert len(fresh) == 2 and [c.topic for c in fresh] == ["llm", "recsys"], "turns by track"
    recall = {r.topic: r for r in scheduler.retention(store, NOW, deck=DOMAIN)}
    assert recall["llm"].reviews == 3 and recall["llm"].recalled == 1.0
    assert recall["vision"].reviews == 0 and recall["vision"].recalled is None


def test_unknown_tracks_and_questions_are_named_as_domain_ones(store):
    with pytest.raises(scheduler.UnknownTopic, match="unknown track 'chess'; the tracks are"):
        scheduler.due_cards(store, NOW, topic="chess", deck=DOMAIN)
    with pytest.raises(scheduler.UnknownQuestion, match="no domain question 'llm/nope'"):
        scheduler.record_rating(store, "llm/nope", 3, NOW, deck=DOMAIN)
    some_breadth = next(iter(breadth_bank.questions()))
    with pytest.raises(scheduler.UnknownQuestion):
        scheduler.record_rating(store, some_breadth, 3, NOW, deck=DOMAIN)


def test_chosen_tracks_are_stored_and_read_back_in_order(store):
    assert chosen_tracks(store) == ()
    assert choose_tracks(store, ["vision", "llm"]) == ("llm", "vision")
    assert chosen_tracks(store) == ("llm", "vision")
    with pytest.raises(UnknownTrack):
        choose_tracks(store, ["chess"])
    assert chosen_tracks(store) == ("llm", "vision"), "a refused choice changes nothing"
    assert choose_tracks(store, []) == () and chosen_tracks(store) == ()


# --- the command line -----------------------------------------------------------------------


def piped(qids: list[str]) -> str:
    """Right answers to graded cards (Enter keeps Good), a sentence and Easy for open ones."""
    lines = []
    for qid in qids:
        q = questions()[qid]
        if q.kind == "choice":
            lines += [chr(ord("a") + q.correct), ""]
        elif q.kind == "numeric":
            lines += [repr(q.value), ""]
        else:
            lines += ["my own answer", "4"]
    return "\n".join(lines) + "\n"


def test_domain_session_from_piped_answers_is_marked_rated_and_stored(db_url):
    first = LLM[:3]
    result = run_cli("domain", "--track", "llm", "--limit", "3", input=piped(first))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Model answer") == 3 and "Reviewed 3 cards" in result.stdout
    expected = {"choice": (3, True), "numeric": (3, True), "open": (4, None)}
    with open_store(db_url) as store:
        stored = [(r.question, r.rating, r.correct) for r in logs(store)]
        left = next(c for c in scheduler.due_counts(store, datetime.now(UTC), deck=DOMAIN)
                    if c.topic == "llm")  # fmt: skip
        breadth_rated = sum(c.new != c.total for c in scheduler.due_counts(store, NOW))
    kinds = [questions()[q].kind for q in first]
    assert stored == [(f"domain:{q}", *expected[k]) for q, k in zip(first, kinds, strict=True)]
    assert left.new == len(LLM) - 3 and breadth_rated == 0


def test_choose_then_the_session_and_stats_follow_your_tracks(db_url):
    chose = run_cli("domain", "--choose", "vision,llm", "--json")
    assert chose.returncode == 0, chose.stderr
    assert json.loads(chose.stdout) == {"tracks": ["llm", "vision"]}
    listed = json.loads(run_cli("domain", "--list", "--json").stdout)
    assert {r["topic"] for r in listed} == {"llm", "vision"} and len(listed) == 20
    assert [r["id"] for r in listed[:2]] == [LLM[0], VISION[0]], "tracks take turns"
    one = json.loads(run_cli("domain", "--track", "recsys", "--list", "--json").stdout)
    assert {r["topic"] for r in one} == {"recsys"}, "--track overrides your tracks"
    stats = json.loads(run_cli("domain", "--stats", "--json").stdout)
    assert [(r["topic"], r["chosen"]) for r in stats] == [
        (t, t in ("llm", "vision")) for t in tracks()
    ]
    assert sum(r["total"] for r in stats) == len(questions())
    table = run_cli("domain", "--stats", env={"COLUMNS": "200"}).stdout
    assert "llm *" in table and "recsys *" not in table
    cleared = run_cli("domain", "--choose", "all")
    assert "every track" in cleared.stdout
    with open_store(db_url) as store:
        assert chosen_tracks(store) == ()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--track", "chess"], "unknown track 'chess'; the tracks are: llm"),
        (["--choose", "llm,chess"], "unknown track 'chess'"),
        (["--json"], "--json goes with --stats, --list or --choose"),
        (["--choose", "llm", "--stats"], "give it alone"),
    ],
)
def test_bad_domain_options_are_clear_usage_errors(db_url, args, message):
    result = run_cli("domain", *args, input="")
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


# --- the web page and API -------------------------------------------------------------------


@pytest.fixture
def client(store):
    from fastapi.testclient import TestClient

    from mlprep.web.app import create_app

    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def test_the_domain_page_answers_with_its_track_picker_and_the_review_machinery(client, store):
    choose_tracks(store, ["recsys"])
    page = client.get("/domain")
    assert page.status_code == 200
    html = page.text
    assert '<form id="track-picker"' in html
    for key in tracks():
        box = f'<input type="checkbox" name="track" value="{key}"'
        assert box + (" checked>" if key == "recsys" else ">") in html, key
    assert 'data-api="/api/domain"' in html and 'data-param="track"' in html
    assert '<script src="/static/review.js">' in html and 'href="/domain"' in html
    assert f'href="/design/{design_cases("recsys")[0]}"' in html, "a track's design cases"
    assert client.get("/domain", params={"track": "vision"}).status_code == 200
    assert client.get("/domain", params={"track": "chess"}).status_code == 404
    assert "track-picker" not in client.get("/review").text, "breadth has no picker"


def test_the_domain_api_chooses_tracks_serves_cards_and_rates_them(client, store):
    assert client.get("/api/domain/choice").json() == {"tracks": []}
    put = client.put("/api/domain/choice", json={"tracks": ["vision"]})
    assert put.status_code == 200 and put.json() == {"tracks": ["vision"]}
    refused = client.put("/api/domain/choice", json={"tracks": ["chess"]})
    assert refused.status_code == 422 and "unknown track 'chess'" in refused.json()["detail"]

    served = client.get("/api/domain/next", params={"limit": 50}).json()
    assert [c["id"] for c in served["cards"]] == VISION[:20] and served["to_study"] == 20
    assert all(questions()[c["id"]].answer not in json.dumps(c) for c in served["cards"])
    qid = VISION[0]
    rated = client.post(f"/api/domain/cards/{qid}/rate", json={"rating": 4, "answer": ""})
    assert rated.status_code == 200, rated.text
    assert [(r.question, r.rating) for r in logs(store)] == [(f"domain:{qid}", 4)]
    overview = client.get("/api/domain/tracks").json()
    vision = next(t for t in overview["topics"] if t["topic"] == "vision")
    assert vision["new"] == len(VISION) - 1 and overview["chosen"] == ["vision"]
    assert client.get("/api/review/topics").json()["new_left_today"] == 20, "breadth's own cap"
    missing = client.post("/api/domain/cards/llm/nope/reveal")
    assert missing.status_code == 404 and "no domain question 'llm/nope'" in missing.text
    assert client.get("/api/domain/next", params={"track": "chess"}).status_code == 404


# --- the coach: mock loop, plan, mastery ----------------------------------------------------


def test_compose_draws_the_domain_round_from_the_chosen_tracks(store):
    choose_tracks(store, ["llm", "vision"])
    minutes = loop.parse_minutes(None, ["breadth", "domain"])
    assert minutes == {"breadth": 15, "domain": 15}
    for seed in range(4):
        breadth, domain = loop.compose(
            store, ["breadth", "domain"], minutes, problems=[], rng=random.Random(seed)
        )
        assert domain.kind == "domain" and len(domain.items) == 5
        assert {track_of(q) for q in domain.items} == {"llm", "vision"}
        assert all(q in breadth_bank.questions() for q in breadth.items)
    (given,) = loop.compose(
        store,
        ["domain"],
        {"domain": 5},
        problems=[],
        rng=random.Random(0),
        domain_tracks=["recsys"],
    )
    assert {track_of(q) for q in given.items} == {"recsys"}
    with pytest.raises(loop.LoopError, match="unknown track 'chess'"):
        loop.compose(store, ["domain"], {"domain": 5}, problems=[], rng=random.Random(0),
                     domain_tracks=["chess"])  # fmt: skip


def test_a_mock_loop_with_a_domain_round_scores_it_and_reports_it(db_url):
    with open_store(db_url) as store:
        choose_tracks(store, ["llm"])
        rng = random.Random(7)
        (domain,) = loop.compose(store, ["domain"], {"domain": 15}, problems=[], rng=rng)
    answers = []
    for qid in domain.items:
        q = questions()[qid]
        if q.kind == "choice":
            answers.append(chr(ord("a") + q.correct))
        elif q.kind == "numeric":
            answers.append(repr(q.value))
        else:
            answers += ["my answer in a sentence", "4"]
    done = run_cli("mock", "--rounds", "domain", "--seed", "7", input="\n".join(answers) + "\n")
    assert done.returncode == 0, done.stderr
    assert "Round 1/1: ML domain knowledge (15 min)" in done.stdout
    assert "| ML domain knowledge | 5 questions (llm) | 15 | 100% |" in done.stdout
    with open_store(db_url) as store:
        practice = loop.last_loop(store)
        scores = loop.round_scores(store, practice)
    assert [(s.round.kind, s.score) for s in scores] == [("domain", 1.0)]
    assert practice.spec["rounds"][0]["items"] == list(domain.items)


def test_a_missed_domain_question_points_to_its_track(store):
    practice = loop.start(store, [loop.Round("domain", 10, "", (LLM[0], VISION[0]))], now=NOW)
    loop.save_breadth(store, practice, LLM[0], "", 1.0, now=NOW, round_name="domain")
    loop.save_breadth(store, practice, VISION[0], "", 0.0, now=NOW, round_name="domain")
    [score] = loop.round_scores(store, practice)
    assert score.score == 0.5 and score.title == "ML domain knowledge"
    assert score.weak_spots == ["Review Computer vision: `mlprep domain --track vision`."]


def test_the_web_mock_loop_runs_a_domain_round(client, store):
    choose_tracks(store, ["experimentation"])
    made = client.post("/api/mock/loops", json={"rounds": ["domain"], "questions": 3})
    assert made.status_code == 201, made.text
    view = made.json()
    [round_] = view["rounds"]
    qids = [q["id"] for q in round_["questions"]]
    assert round_["kind"] == "domain" and len(qids) == 3
    assert {q["topic"] for q in round_["questions"]} == {tracks()["experimentation"]}
    answers, ratings = {}, {}
    for qid in qids:
        q = questions()[qid]
        if q.kind == "choice":
            answers[qid] = chr(ord("a") + q.correct)
        elif q.kind == "numeric":
            answers[qid] = repr(q.value)
        else:
            ratings[qid] = 4
    base = f"/api/mock/loops/{view['uid']}/rounds/0"
    checked = client.post(f"{base}/check", json={"answers": answers}).json()
    assert [q["id"] for q in checked["questions"]] == qids
    submitted = client.post(f"{base}/submit", json={"answers": answers, "ratings": ratings})
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["score"] == 1.0


def test_the_plan_gives_the_domain_round_minutes_in_the_chosen_tracks_only(store):
    mastery = load_mastery(store, NOW)
    assert domain_weight(mastery, ("llm",)) == pytest.approx(0.4)
    assert domain_weight(mastery, ("llm", "vision")) == pytest.approx(0.8)
    assert domain_weight(mastery) == 1.0, "no choice: every track"
    rounds = ("coding", "domain")
    start, interview = date(2030, 1, 7), date(2030, 1, 28)

    def domain_minutes(tracks_: tuple[str, ...]) -> tuple[int, set[str]]:
        blocks = build_plan(interview, 6, rounds, start, mastery, tracks_)
        mine = [b for b in blocks if b.round == "domain"]
        return sum(b.minutes for b in mine), {b.topic for b in mine}

    one, one_topics = domain_minutes(("llm",))
    two, two_topics = domain_minutes(("llm", "vision"))
    assert one_topics == {"llm"} and two_topics == {"llm", "vision"}
    assert 0 < one < two, "more tracks, more domain time"

    choose_tracks(store, ["search-ads"])
    plan = create_plan(store, interview, 6, start=start, now=NOW)
    assert plan.rounds == parse_rounds(None, domain_tracks=("search-ads",))
    assert "domain" in plan.rounds
    domain_tasks = [t for t in plan.tasks if t.round == "domain"]
    assert domain_tasks and {t.topic for t in domain_tasks} == {"search-ads"}
    assert plan.minutes_by_round()["domain"] == sum(t.minutes for t in domain_tasks)
    assert domain_tasks[0].command == "mlprep domain --track search-ads"
    assert domain_tasks[0].href == "/domain?track=search-ads"
    assert domain_tasks[0].item in design_cases("search-ads")
    assert cases()[domain_tasks[0].item].title in domain_tasks[0].what, "named by its title"


def test_domain_mastery_per_track_from_seeded_reviews_leaves_breadth_alone(store, client):
    now = datetime.now(UTC)
    llm_card, llm_fsrs = card("domain:llm", 3, now - timedelta(days=1))
    rows = [
        review("domain:llm", 3, now - timedelta(days=1)),
        review("domain:llm", 4, now - timedelta(days=2)),
        review("domain:llm", 1, now - timedelta(days=3), correct=False),
        review("domain:vision", 2, now - timedelta(days=1)),
        review("svm", 4, now - timedelta(days=1)),
        llm_card,
    ]
    with store.writing() as session:
        session.add_all(rows)
    mastery = load_mastery(store, now)
    domain, breadth = mastery.rounds["domain"], mastery.rounds["breadth"]
    by_track = {t.key: t for t in domain.topics}
    assert list(by_track) == list(tracks())
    llm_recall = fsrs.Scheduler().get_card_retrievability(llm_fsrs, now)
    llm_cards = sum(q.startswith("llm/") for q in domain_bank.questions())
    assert by_track["llm"].score == pytest.approx(llm_recall / llm_cards)
    assert by_track["llm"].detail == (
        f"1 of {llm_cards} cards seen, FSRS expects {llm_recall:.0%} recall of those; "
        "2 of 3 recent reviews right"
    )
    assert by_track["vision"].score == 0.0 and by_track["recsys"].score is None
    assert by_track["llm"].next_items == tuple(design_cases("llm"))
    every_card = len(domain_bank.questions())
    assert domain.score == pytest.approx(llm_recall / every_card) and domain.activity == 4
    assert domain.retention == pytest.approx(2 / 4)
    assert domain.retrievability == pytest.approx(llm_recall)
    assert breadth.retention == 1.0 and breadth.activity == 1, "domain reviews are not breadth's"
    assert breadth.score == 0.0, "the svm review left no card"
    assert not any(t.key.startswith("domain:") for t in breadth.topics)

    data = client.get("/api/dashboard").json()
    rounds = {r["round"]: r for r in data["rounds"]}
    assert rounds["domain"]["score"] == pytest.approx(llm_recall / every_card, rel=1e-4)
    assert rounds["domain"]["retention"] == pytest.approx(0.5)
    assert rounds["domain"]["title"] == "ML domain knowledge"
    html = client.get("/progress").text
    assert 'id="round-domain"' in html and 'id="domain-tracks"' in html
    progress = run_cli("progress", "--json")
    scores = {r["round"]: r["score"] for r in json.loads(progress.stdout)["rounds"]}
    assert scores["domain"] == pytest.approx(llm_recall / every_card, rel=1e-4)
    assert scores["breadth"] == 0.0
    # once tracks are chosen, the round's figure covers their cards only
    assert run_cli("domain", "--choose", "llm,vision").returncode == 0
    chosen = sum(q.split("/")[0] in ("llm", "vision") for q in domain_bank.questions())
    progress = run_cli("progress", "--json")
    scores = {r["round"]: r["score"] for r in json.loads(progress.stdout)["rounds"]}
    assert scores["domain"] == pytest.approx(llm_recall / chosen, rel=1e-4)


def test_the_decks_map_ids_both_ways():
    assert (
        DOMAIN.card_id("llm/x") == "domain:llm/x" and DOMAIN.question_id("domain:llm/x") == "llm/x"
    )
    assert DOMAIN.question_id("metrics/f1") is None and BREADTH.question_id("domain:llm/x") is None
    assert BREADTH.card_id("metrics/f1") == "metrics/f1" == BREADTH.question_id("metrics/f1")
    assert (
        DOMAIN.unit_of_topic("domain:vision") == "vision" and BREADTH.unit_of_topic("svm") == "svm"
    )
