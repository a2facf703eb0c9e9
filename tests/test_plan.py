"""The study plan end to end from the CLI (``mlprep plan``), its arithmetic, and its JSON API."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import run_cli
from test_dashboard import WIDE, card, client, review, seed, store  # noqa: F401  (fixtures)

from mlprep.coach.mastery import load_mastery
from mlprep.coach.plan import PlanError, build_plan, daily_minutes, parse_rounds, round_shares

START, INTERVIEW = "2030-01-07", "2030-01-28"  # three weeks
SOON = (date.today() + timedelta(days=30)).isoformat()
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()
NEW_PLAN = ("plan", "--interview-date", INTERVIEW, "--hours-per-week", "6", "--start-date", START)


def seed_weak_and_strong(store) -> None:  # noqa: F811
    """svm is weak (every review wrong); regularization stronger (four cards rated Good or Easy)."""
    now = datetime.now(UTC)
    seed(store, now)
    rows = []
    for n in range(4):
        at = now - timedelta(days=n + 1)
        row, _ = card("regularization", 3 + n % 2, at)
        row.question = f"regularization/q{n}"
        rows += [row, review("regularization", 3 + n % 2, at)]
    with store.writing() as session:
        session.add_all(rows)


def make_plan(*extra: str) -> dict:
    result = run_cli(*NEW_PLAN, "--json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def minutes_by(tasks: list[dict], key: str) -> Counter:
    totals: Counter = Counter()
    for task in tasks:
        totals[task[key]] += task["minutes"]
    return totals


def test_plan_splits_the_weekly_hours_and_leans_towards_weak_rounds_and_topics(store):  # noqa: F811
    seed_weak_and_strong(store)
    plan = make_plan()
    tasks = plan["tasks"]
    # every minute of the three weeks, but the day before the interview: half of its 51
    assert plan["total_minutes"] == sum(t["minutes"] for t in tasks) == 3 * 6 * 60 - 26
    per_day = minutes_by(tasks, "day")
    first = date.fromisoformat(START)
    assert sorted(per_day) == [(first + timedelta(days=n)).isoformat() for n in range(21)]
    for week in range(3):
        days = [(first + timedelta(days=7 * week + n)).isoformat() for n in range(7)]
        expected = 6 * 60 - (26 if week == 2 else 0)
        assert sum(per_day[d] for d in days) == expected, "every week adds up to its hours"

    mastery = load_mastery(store, datetime.now(UTC))
    shares = round_shares(plan["rounds"], mastery)
    study = [t for t in tasks if t["day"] < "2030-01-26"]
    rounds = minutes_by(study, "round")
    studied = sum(rounds.values())
    for name, share in shares.items():  # each round within one block of its share
        assert abs(rounds[name] - share * studied) <= 90, (name, rounds[name], share * studied)
    assert mastery.rounds["behavioral"].score == pytest.approx(0.6)
    assert rounds["deep_dive"] > rounds["behavioral"], "unmeasured counts as weak"
    breadth_topics = minutes_by([t for t in tasks if t["round"] == "breadth"], "topic")
    assert breadth_topics["svm"] > breadth_topics["regularization"]

    assert all(30 <= t["minutes"] <= 90 for t in study)
    loop_day = [t for t in tasks if t["day"] == "2030-01-26"]
    assert [t["round"] for t in loop_day] == ["loop"] * len(loop_day)
    eve = [t for t in tasks if t["day"] == "2030-01-27"]
    assert [(t["round"], t["minutes"]) for t in eve] == [("breadth", 25)]
    assert "Light review" in eve[0]["what"] and "no mock loop" in eve[0]["what"]
    assert "Support vector machines" in eve[0]["what"], "the light review names weak topics"
    assert all(t["href"].startswith("/") and t["command"].startswith("mlprep ") for t in tasks)


def test_plan_prints_its_split_and_first_days(store):  # noqa: F811
    result = run_cli(*NEW_PLAN, "--rounds", "coding,domain", "--rounds", "design", env=WIDE)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "New plan #" in out and "interview on 2030-01-28 (in 21 days)" in out
    assert "rounds: coding, domain, design" in out, "domain is a round of its own"
    assert "Time per round" in out and "Mock loop" in out
    assert "Mon 2030-01-07" in out and "Sun 2030-01-13" in out and "2030-01-14" not in out
    assert "Behavioral" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--interview-date", "2020-01-01", "--hours-per-week", "6"), "is not in the future"),
        (
            ("--interview-date", "2030-01-07", "--hours-per-week", "6", "--start-date", START),
            "is not in the future",
        ),
        (("--interview-date", SOON, "--hours-per-week", "0"), "more than 0 and at most 80"),
        (("--interview-date", SOON, "--hours-per-week", "81"), "more than 0 and at most 80"),
        (("--interview-date", SOON, "--hours-per-week", "nan"), "more than 0 and at most 80"),
        (
            ("--interview-date", INTERVIEW, "--hours-per-week", "6", "--rounds", "chess"),
            "unknown round 'chess'",
        ),
        (("--interview-date", INTERVIEW), "needs --hours-per-week"),
        (("--hours-per-week", "6"), "give --interview-date too"),
        (("--interview-date", "28/01/2030", "--hours-per-week", "6"), "28/01/2030"),
    ],
)
def test_bad_plan_inputs_are_refused_with_one_clear_line_and_nothing_stored(store, args, message):  # noqa: F811
    result = run_cli("plan", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("plan", "--json").stdout.strip() == "null", "no plan was stored"


def test_done_ticks_a_task_and_the_display_shows_it(store):  # noqa: F811
    plan = make_plan()
    first, second = plan["tasks"][0], plan["tasks"][1]
    result = run_cli("plan", "--done", str(first["id"]))
    assert result.returncode == 0, result.stderr
    assert f"done task {first['id']}" in result.stdout

    shown = run_cli("plan", "--on", START, env=WIDE).stdout
    cells = [line.split("│") for line in shown.splitlines() if line.count("│") > 5]
    rows = {int(c[2]): "│".join(c) for c in cells if c[2].strip().isdigit()}
    commands = [c[6].strip() for c in cells if not c[2].strip()]  # each task's second line
    assert commands[:2] == [first["command"], second["command"]]
    assert first["command"] == f"mlprep start {first['item']}", "the weakest round: coding"
    assert "✓" in rows[first["id"]] and "✓" not in rows[second["id"]]
    assert f"{first['minutes']}/1054 min done" in shown

    today = run_cli("plan", "--today", "--on", START, env=WIDE).stdout
    assert START in today and "2030-01-08" not in today
    data = json.loads(run_cli("plan", "--json").stdout)
    assert [t["done"] for t in data["tasks"][:2]] == [True, False]
    assert data["done_minutes"] == first["minutes"]

    assert run_cli("plan", "--undo", str(first["id"])).returncode == 0
    assert json.loads(run_cli("plan", "--json").stdout)["done_minutes"] == 0
    missing = run_cli("plan", "--done", "999999")
    assert missing.returncode == 2 and "no task 999999 in the active plan" in missing.stderr


def test_a_new_plan_replaces_the_active_one(store):  # noqa: F811
    old = make_plan()
    new = make_plan()
    assert json.loads(run_cli("plan", "--json").stdout)["id"] == new["id"] != old["id"]
    stale = run_cli("plan", "--done", str(old["tasks"][0]["id"]))
    assert stale.returncode == 2 and "no task" in stale.stderr


def test_plan_without_one_says_how_to_make_it(store):  # noqa: F811
    result = run_cli("plan")
    assert result.returncode == 0 and "No plan yet" in result.stdout


def test_daily_minutes_add_up_to_the_hours_in_every_week():
    for hours in (0.5, 1, 6, 7.5, 13, 80):
        minutes = daily_minutes(hours, 70)
        for start in range(0, 64):
            assert sum(minutes[start : start + 7]) == pytest.approx(hours * 60, abs=1)
        assert sum(minutes) == round(hours * 60 * 10)


def test_small_budgets_gather_into_half_hour_blocks(store):  # noqa: F811
    mastery = load_mastery(store, datetime.now(UTC))
    blocks = build_plan(date(2030, 1, 29), 1, parse_rounds(None), date(2030, 1, 1), mastery)
    # 1 h a week is 8.57 minutes a day: the day before the interview has 9, of which half is 4
    assert daily_minutes(1, 28)[-1] == 9
    assert sum(b.minutes for b in blocks) == 4 * 60 - 5
    loop_day = date(2030, 1, 27)  # then the day before the interview
    assert all(b.minutes >= 30 for b in blocks if b.day < loop_day)
    assert len({b.day for b in blocks}) < 10, "only some days get a block"


def test_round_names():
    assert parse_rounds(None) == ("coding", "breadth", "design", "behavioral", "deep_dive")
    assert parse_rounds(None, domain_tracks=("llm",)) == (
        "coding",
        "breadth",
        "domain",
        "design",
        "behavioral",
        "deep_dive",
    ), "the domain round is planned by default once tracks are chosen"
    assert parse_rounds(["Deep-Dive,domain", "coding"]) == ("coding", "domain", "deep_dive")
    with pytest.raises(PlanError, match="at least one round"):
        parse_rounds([" , "])


def test_plan_api_creates_ticks_and_refuses_bad_input(client):  # noqa: F811
    assert client.get("/api/plan").status_code == 404
    bad = client.post("/api/plan", json={"interview_date": "2020-01-01", "hours_per_week": 6})
    assert bad.status_code == 422 and "not in the future" in bad.json()["detail"]
    malformed = client.post("/api/plan", json={"interview_date": "soon", "hours_per_week": 6})
    assert malformed.status_code == 422 and isinstance(malformed.json()["detail"], str)
    assert client.post("/api/plan", content=b"{").status_code == 400

    body = {"interview_date": INTERVIEW, "hours_per_week": 6, "start_date": START}
    made = client.post("/api/plan", json={**body, "rounds": ["coding", "breadth"]})
    assert made.status_code == 201, made.text
    plan = made.json()
    assert plan["rounds"] == ["coding", "breadth"] and plan["total_minutes"] == 1080 - 26
    task = plan["tasks"][0]["id"]
    assert client.post(f"/api/plan/tasks/{task}/done").json()["done"] is True
    assert client.get("/api/plan").json()["done_minutes"] == plan["tasks"][0]["minutes"]
    assert client.delete(f"/api/plan/tasks/{task}/done").json()["done"] is False
    assert client.post("/api/plan/tasks/999999/done").status_code == 404
    assert "/api/plan/tasks/{task_id}/done" in client.get("/api/openapi.json").json()["paths"]
