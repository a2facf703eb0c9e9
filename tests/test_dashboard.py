"""Mastery from seeded tables on a fake clock; ``mlprep progress``; the dashboard page and API.

``seed`` writes one known history (submissions, reviews and FSRS cards, written answers) relative
to a given ``now``; the plan tests reuse it.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from html import unescape

import fsrs
import pytest
from conftest import run_cli

from mlprep.coach.mastery import load_mastery, week_starts
from mlprep.problems import list_problems
from mlprep.store import open_store
from mlprep.store.models import AnswerRow, ReviewCardRow, ReviewLogRow, SubmissionRow

NOW = datetime(2030, 3, 15, 12, 0, tzinfo=UTC)
WIDE = {"COLUMNS": "200"}


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/x.db"
    monkeypatch.setenv("MLPREP_DATABASE_URL", url)
    opened = open_store(url)
    yield opened
    opened.close()


def days_ago(now: datetime, days: float) -> datetime:
    return now - timedelta(days=days)


def submission(slug: str, verdict: str, at: datetime, mode: str = "judge") -> SubmissionRow:
    return SubmissionRow(
        uid=uuid.uuid4().hex,
        created_at=at,
        problem=slug,
        mode=mode,
        verdict=verdict,
        passed=1,
        total=1,
        seconds=0.1,
        source="",
        message="",
        stdout="",
    )


def review(topic: str, rating: int, at: datetime, correct: bool | None = None) -> ReviewLogRow:
    return ReviewLogRow(
        question=f"{topic}/q", topic=topic, reviewed_at=at, rating=rating, correct=correct
    )


def card(topic: str, rating: int, at: datetime) -> tuple[ReviewCardRow, fsrs.Card]:
    reviewed, _log = fsrs.Scheduler().review_card(fsrs.Card(), fsrs.Rating(rating), at)
    row = ReviewCardRow(
        question=f"{topic}/q",
        topic=topic,
        due=reviewed.due,
        state=json.dumps(reviewed.to_dict()),
        reviews=1,
        updated_at=at,
    )
    return row, reviewed


def answer(
    round_name: str,
    item: str,
    part: str,
    at: datetime,
    self_score: float | None = None,
    auto_score: float | None = None,
) -> AnswerRow:
    return AnswerRow(
        round=round_name,
        item=item,
        part=part,
        text="an answer",
        self_score=self_score,
        auto_score=auto_score,
        created_at=at,
    )


def seed(store, now: datetime = NOW) -> dict[str, fsrs.Card]:
    """One known history; returns the FSRS cards written, by topic."""
    rows: list = [
        submission("linear_regression", "accepted", days_ago(now, 20)),
        submission("pca", "wrong_answer", days_ago(now, 10)),
        submission("kmeans", "accepted", days_ago(now, 9)),  # solved first here...
        submission("kmeans", "accepted", days_ago(now, 2)),  # ...and again: the first counts
        submission("dbscan", "accepted", days_ago(now, 1), mode="run"),  # a run solves nothing
        submission("pca", "accepted", now + timedelta(hours=1)),  # after "now": not yet
        # breadth: svm always wrong, metrics 3 of 4 right (Hard but correct counts), cross-
        # validation reviewed only long ago (its FSRS recall stands in)
        review("svm", 1, days_ago(now, 1), correct=False),
        review("svm", 1, days_ago(now, 2)),
        review("svm", 2, days_ago(now, 3)),
        review("metrics", 3, days_ago(now, 1)),
        review("metrics", 4, days_ago(now, 2)),
        review("metrics", 2, days_ago(now, 8), correct=True),
        review("metrics", 1, days_ago(now, 9), correct=False),
        review("cross-validation", 3, days_ago(now, 40)),
        # the weekly windows: 55 days ago is the oldest window's first day, 56 is outside them
        review("svm", 1, days_ago(now, 55)),
        review("metrics", 4, days_ago(now, 56)),
        review("svm", 4, now + timedelta(hours=2)),  # after "now": not yet
        # design: the newer payment-fraud features answer replaces the older one
        answer("design", "payment-fraud", "features", days_ago(now, 9), self_score=0.1),
        answer("design", "payment-fraud", "features", days_ago(now, 1), self_score=0.8),
        answer("design", "payment-fraud", "loss", days_ago(now, 1), auto_score=0.2),
        answer("design", "search-ranking", "features", days_ago(now, 3), 0.6, auto_score=0.9),
        answer("behavioral", "mentoring", "", days_ago(now, 5), self_score=0.6),
    ]
    metrics_card, metrics_fsrs = card("metrics", 3, days_ago(now, 1))
    cv_card, cv_fsrs = card("cross-validation", 3, days_ago(now, 40))
    later_card, _ = card("svm", 4, now + timedelta(hours=2))  # reviewed after "now": no recall
    with store.writing() as session:
        session.add_all([*rows, metrics_card, cv_card, later_card])
    return {"metrics": metrics_fsrs, "cross-validation": cv_fsrs}


def recall(days: int) -> float:
    """FSRS's forgetting curve, R = (1 + F t / S) ** C, for a card rated Good once ``days`` ago.

    Written out from the FSRS-6 formula with the library's default parameters: C = -w20 (the
    decay), F = 0.9 ** (1 / C) - 1 (so R = 0.9 when t = S), and S = w2, the stability of a new
    card rated Good. ``t`` counts whole days.
    """
    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * days / w[2]) ** decay


def topic(round_mastery, key: str):
    return next(t for t in round_mastery.topics if t.key == key)


def solved(days: float) -> float:
    """A problem's mastery ``days`` after its latest accept (half-life 60 days, docs/rounds.md)."""
    return 0.5 ** (days / 60)


def end_of(day) -> datetime:
    return datetime.combine(day, time.max, tzinfo=UTC)


def test_coding_mastery_is_recent_solves_per_topic_group_and_week(store):
    seed(store)
    problems = list_problems()
    coding = load_mastery(store, NOW, problems).rounds["coding"]
    clustering = [p for p in problems if "clustering" in p.meta.topics]
    algorithms = [p for p in problems if p.meta.group == "algorithms"]
    assert {"kmeans", "linear_regression"} <= {p.slug for p in algorithms}
    # linear_regression accepted 20 days ago, kmeans 2 days ago (its latest accept)
    now_value = solved(20) + solved(2)
    assert coding.score == pytest.approx(now_value / len(problems))
    assert coding.activity == 5, "the submission after now is not counted"
    assert topic(coding, "clustering").score == pytest.approx(solved(2) / len(clustering))
    assert topic(coding, "clustering").detail == f"1/{len(clustering)} solved"
    assert topic(coding, "dimensionality reduction").score == 0.0, "attempted, none solved"
    assert topic(coding, "attention").score is None, "never attempted: unmeasured, not zero"
    assert topic(coding, "clustering").next_items[-1] == "kmeans", "solved: last, to redo"
    assert topic(coding, "clustering").next_items[0] == "dbscan", "attempted ones come first"
    group = next(g for g in coding.breakdowns["group"] if g.key == "algorithms")
    assert group.score == pytest.approx(now_value / len(algorithms))

    weekly = [(p.score, p.count) for p in coding.weekly]
    n = len(problems)
    lr, km = days_ago(NOW, 20), days_ago(NOW, 9)  # first solves: Feb 23 and Mar 6, at noon
    mar_1, mar_8 = end_of(date(2030, 3, 1)), end_of(date(2030, 3, 8))
    as_of_mar_8 = solved((mar_8 - lr) / timedelta(days=1)) + solved(
        (mar_8 - km) / timedelta(days=1)
    )
    assert weekly == [(None, 0)] * 4 + [
        (None, 0),
        (pytest.approx(solved((mar_1 - lr) / timedelta(days=1)) / n), 1),
        (pytest.approx(as_of_mar_8 / n), 2),
        (pytest.approx(now_value / n), 2),
    ]
    assert coding.trend == pytest.approx((now_value - solved((mar_1 - lr) / timedelta(days=1))) / n)
    assert coding.recent_activity == 5


def bank_cards(topic_key: str | None = None) -> int:
    from mlprep.review.bank import questions

    return sum(topic_key is None or q.startswith(f"{topic_key}/") for q in questions())


def test_breadth_mastery_is_recall_over_the_banks_cards_and_retention_beside_it(store):
    cards = seed(store)
    assert cards["cross-validation"].stability == fsrs.scheduler.DEFAULT_PARAMETERS[2]
    breadth = load_mastery(store, NOW).rounds["breadth"]
    assert topic(breadth, "svm").score == 0.0, "its only card was reviewed after now"
    assert topic(breadth, "svm").count == 4
    assert topic(breadth, "metrics").score == pytest.approx(recall(1) / bank_cards("metrics"))
    assert topic(breadth, "metrics").detail == (
        f"1 of {bank_cards('metrics')} cards seen, FSRS expects 95% recall of those; "
        "3 of 4 recent reviews right"
    )
    assert f"{recall(1):.0%}" == "95%"
    assert topic(breadth, "metrics").count == 5
    cv = topic(breadth, "cross-validation")
    assert cv.score == pytest.approx(recall(40) / bank_cards("cross-validation"), rel=1e-12)
    assert recall(40) == pytest.approx(0.6403708590, abs=1e-10)
    assert (
        cv.detail
        == f"1 of {bank_cards('cross-validation')} cards seen, FSRS expects 64% recall of those"
    )
    assert topic(breadth, "bias-variance").score is None
    assert topic(breadth, "bias-variance").detail == "not reviewed yet"
    assert breadth.score == pytest.approx((recall(1) + recall(40)) / bank_cards(), rel=1e-12)
    assert breadth.retention == pytest.approx(3 / 7), "every review in the window"
    # the card reviewed after now has no recall yet: the mean is of the other two
    assert breadth.retrievability == pytest.approx((recall(1) + recall(40)) / 2, rel=1e-12)
    assert breadth.activity == 10
    assert [(p.score, p.count) for p in breadth.weekly] == [
        (0.0, 1),  # svm, 55 days ago; the review 56 days ago is in no window
        (None, 0),
        (1.0, 1),  # cross-validation, 40 days ago
        (None, 0),
        (None, 0),
        (None, 0),
        (pytest.approx(1 / 2), 2),
        (pytest.approx(2 / 5), 5),
    ]
    assert breadth.trend == pytest.approx(2 / 5 - 1 / 2)


def test_design_coverage_per_step_and_case_uses_the_latest_answer_and_self_score_first(store):
    seed(store)
    design = load_mastery(store, NOW).rounds["design"]
    steps = 10  # the framework's steps: a step never answered counts 0 in the round
    assert topic(design, "features").score == pytest.approx((0.8 + 0.6) / 2)
    assert topic(design, "loss").score == pytest.approx(0.2), "no self score: the matcher's"
    assert topic(design, "goal").score is None
    cases = {c.key: c.score for c in design.breakdowns["case"]}
    assert cases["payment-fraud"] == pytest.approx((0.8 + 0.2) / steps)
    assert cases["search-ranking"] == pytest.approx(0.6 / steps)
    assert cases["typeahead"] is None
    assert design.score == pytest.approx((0.7 + 0.2) / steps)
    assert design.activity == 4
    # as of Mar 8 only the older payment-fraud features answer (0.1) was there
    assert [p.score for p in design.weekly[-2:]] == [
        pytest.approx(0.1 / steps),
        pytest.approx((0.7 + 0.2) / steps),
    ]
    assert topic(design, "loss").next_items[0] != "payment-fraud", "a case not done yet first"


def test_prompt_rounds_average_self_ratings_per_category_and_unmeasured_stays_none(store):
    seed(store)
    mastery = load_mastery(store, NOW)
    behavioral, deep_dive = mastery.rounds["behavioral"], mastery.rounds["deep_dive"]
    assert topic(behavioral, "leadership").score == pytest.approx(0.6)
    assert topic(behavioral, "leadership").next_items[-1] == "mentoring", "answered ones last"
    assert topic(behavioral, "conflict").score is None
    assert behavioral.score == pytest.approx(0.6)
    assert deep_dive.score is None and deep_dive.activity == 0 and deep_dive.trend is None
    assert all(t.score is None for t in deep_dive.topics)


def test_weakest_topics_are_measured_ones_lowest_first(store):
    seed(store)
    weakest = load_mastery(store, NOW).weakest(5)
    assert len(weakest) == 5
    assert all(t.score is not None for t in weakest)
    assert [t.score for t in weakest] == sorted(t.score for t in weakest)
    assert ("breadth", "svm") in {(t.round, t.key) for t in weakest}


def test_an_empty_history_is_unmeasured_everywhere(store):
    mastery = load_mastery(store, NOW)
    assert all(r.score is None and r.measured_topics == 0 for r in mastery.rounds.values())
    assert mastery.weakest() == []
    assert [p.start for p in mastery.rounds["coding"].weekly] == week_starts(NOW, 8)
    assert week_starts(NOW, 8)[-1] == NOW.date() - timedelta(days=6)


def test_progress_command_prints_rounds_trends_and_weakest_topics(store):
    seed(store, datetime.now(UTC))
    problems = len(list_problems())
    result = run_cli("progress", env=WIDE)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Mastery per round" in out and "Weakest topics" in out
    rounds_table = out.split("Weakest topics")[0].splitlines()
    lines = {line.split("│")[1].strip(): line for line in rounds_table if line.count("│") > 4}
    assert f"{(solved(20) + solved(2)) / problems:.0%}" in lines["Coding"]
    assert f"{(recall(1) + recall(40)) / bank_cards():.0%}" == "0%"
    assert "0%" in lines["ML breadth"] and "43%" not in lines["ML breadth"]
    assert "9%" in lines["System design"]  # (0.7 + 0.2) / 10
    assert "60%" in lines["Behavioral"]
    assert "unmeasured" in lines["Project deep dive"]
    assert "Support vector machines" in out
    assert "FSRS expects" in out

    data = json.loads(run_cli("progress", "--json").stdout)
    scores = {r["round"]: r["score"] for r in data["rounds"]}
    assert scores["breadth"] == pytest.approx((recall(1) + recall(40)) / bank_cards())
    assert scores["deep_dive"] is None
    assert len(data["weakest"]) == 5


def test_progress_command_on_an_empty_history_says_so(store):
    result = run_cli("progress", env=WIDE)
    assert result.returncode == 0, result.stderr
    assert "No topic measured yet" in result.stdout


@pytest.fixture
def client(store):
    from fastapi.testclient import TestClient

    from mlprep.web.app import create_app
    from mlprep.web.state import Settings

    with TestClient(create_app(Settings(workers=1), store)) as test_client:
        yield test_client


def test_dashboard_api_and_page_show_seeded_figures(store, client):
    seed(store, datetime.now(UTC))
    data = client.get("/api/dashboard").json()
    rounds = {r["round"]: r for r in data["rounds"]}
    assert list(rounds) == ["coding", "breadth", "domain", "design", "behavioral", "deep_dive"]
    assert rounds["breadth"]["score"] == pytest.approx((recall(1) + recall(40)) / bank_cards())
    assert rounds["breadth"]["retention"] == pytest.approx(3 / 7)
    assert rounds["deep_dive"]["score"] is None
    assert len(rounds["coding"]["weekly"]) == 8
    assert "/api/dashboard" in client.get("/api/openapi.json").json()["paths"]

    html = client.get("/progress").text
    assert html.count('class="round-card round-') == 6
    assert 'id="breadth-topics"' in html and 'id="design-steps"' in html
    charts = re.findall(r'<script type="application/json" class="chart-data">(.*?)</script>', html)
    mastery_data, activity_data = (json.loads(unescape(c)) for c in charts)
    assert [s["round"] for s in mastery_data["series"]] == list(rounds)
    breadth_weeks = [
        None if w["score"] is None else round(w["score"] * 100, 2)
        for w in rounds["breadth"]["weekly"]
    ]
    assert mastery_data["series"][1]["values"] == breadth_weeks
    # six seeded runs and submissions are within 30 days; the one an hour ahead of now is not
    # counted (nothing dated after now is, as in the mastery)
    assert len(activity_data["counts"]) == 30 and sum(activity_data["counts"]) == 5
    assert 'src="/static/vendor/uplot/uPlot.iife.min.js"' in html
    assert client.get("/static/vendor/uplot/uPlot.iife.min.js").status_code == 200
    assert "Support vector machines" in html


# --- issue 12: numbers that were not true -----------------------------------------------------


def test_breadth_mastery_counts_the_cards_never_seen(store):
    """Ten cards reviewed, nine of them right: breadth is not 90% of a 266-card bank."""
    from mlprep.review.bank import questions

    ids = sorted(q for q in questions() if q.startswith("metrics/"))[:10]
    rows: list = []
    for n, qid in enumerate(ids):
        at = days_ago(NOW, 1)
        rating = 1 if n == 0 else 3
        row, _ = card("metrics", rating, at)
        row.question = qid
        rows += [row, ReviewLogRow(question=qid, topic="metrics", reviewed_at=at, rating=rating)]
    with store.writing() as session:
        session.add_all(rows)
    breadth = load_mastery(store, NOW).rounds["breadth"]
    # nine cards rated Good a day ago, one rated Again a day ago, every other card never seen
    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    good, again = ((1 + factor * 1 / w[r - 1]) ** decay for r in (3, 1))
    assert breadth.score == pytest.approx((9 * good + again) / len(questions()), rel=1e-12)
    metrics = sum(q.startswith("metrics/") for q in questions())
    assert topic(breadth, "metrics").score == pytest.approx((9 * good + again) / metrics)
    assert breadth.score < 0.04


def test_solved_by_difficulty_is_ordered_easy_medium_hard():
    from mlprep.coach.progress import CodingFacts, coding_progress, day_edges

    edges = day_edges(NOW.date() - timedelta(days=29), 30)
    facts = CodingFacts.from_history([], NOW, edges)
    shown = coding_progress(list_problems(), facts, NOW.date(), streak=0)
    assert [s.label for s in shown.by_difficulty] == ["easy", "medium", "hard"]


def test_each_week_ends_on_its_last_day_and_the_last_one_today(store, client):
    data = client.get("/api/dashboard").json()
    today = datetime.now().astimezone().date()
    for r in data["rounds"]:
        ends = [w["end"] for w in r["weekly"]]
        assert ends == [(d + timedelta(days=6)).isoformat() for d in week_starts_of(r)]
        assert ends[-1] == today.isoformat(), r["round"]


def week_starts_of(round_data: dict) -> list:
    from datetime import date

    return [date.fromisoformat(w["start"]) for w in round_data["weekly"]]


def test_design_steps_left_blank_are_not_measured_nor_weakest(store):
    with store.writing() as session:
        session.add_all(
            [
                answer("design", "payment-fraud", "goal", days_ago(NOW, 1), 0.9, 0.9),
                answer("design", "payment-fraud", "loss", days_ago(NOW, 1), 0.0, 0.0),
                answer("design", "payment-fraud", "serving", days_ago(NOW, 1), None, 0.0),
            ]
        )
        for row in session.new:
            if row.part != "goal":
                row.text = "  \n"
    mastery = load_mastery(store, NOW)
    design = mastery.rounds["design"]
    assert topic(design, "loss").score is None and topic(design, "serving").score is None
    assert [(t.round, t.key) for t in mastery.weakest()] == [("design", "goal")]


def test_the_mastery_example_of_rounds_md(store):
    """The seeded example of docs/rounds.md, built here: each figure computed from the rules and
    found, as printed, in the page."""
    from pathlib import Path

    from mlprep.review.bank import questions

    doc = (Path(__file__).resolve().parent.parent / "docs" / "rounds.md").read_text()
    metrics = sorted(q for q in questions() if q.startswith("metrics/"))[:4]
    rows: list = [
        submission("kmeans", "accepted", days_ago(NOW, 60)),
        submission("linear_regression", "accepted", NOW),
        submission("pca", "wrong_answer", days_ago(NOW, 1)),
        submission("pca", "accepted", days_ago(NOW, 1), mode="run"),
        answer("design", "payment-fraud", "features", days_ago(NOW, 2), self_score=0.8),
        answer("design", "payment-fraud", "loss", days_ago(NOW, 2), auto_score=0.5),
        answer("design", "payment-fraud", "serving", days_ago(NOW, 2), self_score=0.0),
    ]
    rows[-1].text = "   "
    for n, qid in enumerate(metrics):
        rating = 3 if n < 3 else 1
        row, _ = card("metrics", rating, days_ago(NOW, 10))
        row.question = qid
        rows += [
            row,
            ReviewLogRow(
                question=qid, topic="metrics", reviewed_at=days_ago(NOW, 10), rating=rating
            ),
        ]
    with store.writing() as session:
        session.add_all(rows)
    mastery = load_mastery(store, NOW)
    problems, cards, metric_cards = len(list_problems()), len(questions()), 13
    assert (problems, cards, sum(q.startswith("metrics/") for q in questions())) == (105, 402, 13)
    assert "with 105 problems, 402\nbreadth cards (13 of them in *metrics*)" in doc

    coding = mastery.rounds["coding"]
    assert coding.score == pytest.approx((0.5 + 1) / problems)
    assert f"(1 × 0.5 + 1 × 1) / 105 = **{coding.score:.2%}**" in doc
    clustering = topic(coding, "clustering")
    assert clustering.detail == "1/5 solved" and clustering.score == pytest.approx(0.5 / 5)
    assert f"0.5 / 5 = **{clustering.score:.0%}**" in doc

    good, again = recall_after(10, 3), recall_after(10, 1)
    assert f"R = {good:.4f} each" in doc and f"R = {again:.4f}" in doc
    total = 3 * good + again
    breadth = mastery.rounds["breadth"]
    assert topic(breadth, "metrics").score == pytest.approx(total / metric_cards)
    assert f"*metrics* {total:.4f} / 13 = **{total / metric_cards:.1%}**" in doc
    assert breadth.score == pytest.approx(total / cards)
    assert f"breadth {total:.4f} / 402 = **{breadth.score:.2%}**" in doc
    assert breadth.retention == 0.75 and "retention 3 of 4 = **75%**" in doc

    design = mastery.rounds["design"]
    assert (topic(design, "features").score, topic(design, "loss").score) == (0.8, 0.5)
    assert topic(design, "serving").score is None
    assert design.score == pytest.approx(1.3 / 10)
    case = next(c for c in design.breakdowns["case"] if c.key == "payment-fraud")
    assert case.score == pytest.approx(1.3 / 10)
    assert f"(0.8 + 0.5) / 10 = **{design.score:.0%}**" in doc


def recall_after(days: int, rating: int) -> float:
    """FSRS-6's R = (1 + F t / S) ** C for a new card rated ``rating`` once ``days`` ago."""
    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    return (1 + (0.9 ** (1 / decay) - 1) * days / w[rating - 1]) ** decay
