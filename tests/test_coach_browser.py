"""The dashboard (/progress) and the study plan (/plan) in headless Chromium, on `mlprep serve`.

Each test leaves full-page screenshots in ``test-artifacts/``.
"""

from __future__ import annotations

import json
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import ARTIFACTS

from mlprep.design.bank import framework
from mlprep.review import bank as review_bank

BANK = Path(__file__).resolve().parent.parent / "src" / "mlprep" / "problems" / "bank"
ROUNDS = ["coding", "breadth", "domain", "design", "behavioral", "deep_dive"]


def call(base: str, method: str, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        base + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=40) as reply:
        return json.loads(reply.read())


def solve(base: str, slug: str) -> None:
    """Judge the problem's reference solution through the API, so coding has a measurement."""
    code = (BANK / slug / "reference.py").read_text()
    job = call(base, "POST", f"/api/problems/{slug}/submit", {"code": code})
    deadline = time.monotonic() + 60
    while job["state"] != "done":
        assert time.monotonic() < deadline, f"no verdict: {job}"
        job = call(base, "GET", f"/api/jobs/{job['id']}?after={job['version']}&wait=10")
    assert job["report"]["verdict"] == "accepted", job


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def percent(score: float | None) -> str:
    return "unmeasured" if score is None else f"{score * 100:.0f}%"


def test_progress_shows_round_cards_mastery_chart_and_topic_bars(server, page):
    solve(server, "softmax")
    history = call(server, "GET", "/api/submissions?limit=1000")
    solved = {s["problem"] for s in history if s["mode"] == "judge" and s["verdict"] == "accepted"}
    bank = [d for d in BANK.iterdir() if (d / "problem.toml").is_file()]
    share = len(solved) / len(bank)  # the coding score, worked out from the history and the bank
    rounds = {r["round"]: r for r in call(server, "GET", "/api/dashboard")["rounds"]}
    assert rounds["coding"]["score"] == pytest.approx(share)

    page.goto(server + "/progress")
    cards = page.locator(".round-cards .round-card")
    assert [c.get_attribute("id") for c in cards.all()] == [f"round-{r}" for r in ROUNDS]
    assert page.locator("#round-coding .mastery").inner_text() == f"{share * 100:.0f}%"
    for name in ROUNDS:  # every card shows its round's score as the API gives it
        assert page.locator(f"#round-{name} .mastery").inner_text() == percent(
            rounds[name]["score"]
        ), name
        unmeasured = "unmeasured" in page.locator(f"#round-{name}").get_attribute("class")
        assert unmeasured == (rounds[name]["score"] is None), name

    # The chart: 100% and 0% grid lines give the scale; each dot sits at its week's score.
    chart = page.locator("#mastery-chart")
    labels = chart.locator("text").all()
    levels = {t.text_content(): float(t.get_attribute("y")) - 3 for t in labels}
    top, bottom = levels["100%"], levels["0%"]
    assert page.locator("#mastery-chart .series").count() == len(ROUNDS)
    for name in ROUNDS:
        weeks = [w for w in rounds[name]["weekly"] if w["score"] is not None]
        dots = chart.locator(f".series.round-{name} circle")
        assert dots.count() == len(weeks), name
        for dot, week in zip(dots.all(), weeks, strict=True):
            y = float(dot.get_attribute("cy"))
            assert y == pytest.approx(top + (1 - week["score"]) * (bottom - top), abs=0.06)
    last = chart.locator(".series.round-coding circle").last
    start = date.today() - timedelta(days=6)  # the last window ends today
    assert last.locator("title").text_content() == (
        f"Coding, week of {start:%b %d}: {share * 100:.0f}%"
    )
    assert float(last.get_attribute("cy")) == pytest.approx(
        top + (1 - share) * (bottom - top), abs=0.06
    )

    # Per-topic bars: one per breadth topic and design step, labelled and valued.
    breadth = page.locator("#breadth-topics .bar-row")
    assert breadth.locator(".bar-label").all_inner_texts() == list(review_bank.topics().values())
    assert breadth.locator(".bar-value").all_inner_texts() == [
        percent(t["score"]) for t in rounds["breadth"]["topics"]
    ]
    steps = page.locator("#design-steps .bar-row .bar-label").all_inner_texts()
    assert steps == [step.title for step in framework().steps]
    assert page.locator("svg.activity rect").count() == 30, "the coding charts stay"
    assert page.locator("#solved").inner_text() == str(len(solved))
    chart_box = page.locator("#mastery-chart").bounding_box()
    assert chart_box["width"] > 400 and chart_box["height"] > 100, "the chart is drawn to size"
    shot(page, "coach-dashboard")


def test_plan_page_makes_a_plan_and_a_tick_survives_a_reload(server, page):
    page.goto(server + "/plan")
    interview = (date.today() + timedelta(days=14)).isoformat()
    page.fill("#interview-date", interview)
    page.fill("#hours", "5")
    page.uncheck("input[name=round][value=deep_dive]")
    page.click("#make-plan")
    page.locator("#plan-days .plan-day").first.wait_for()
    assert page.locator("#plan-days .plan-day").count() == 14
    assert page.locator(".plan-day.today").count() == 1
    tags = set(page.locator(".task .round-tag").all_inner_texts())
    assert "Project deep dive" not in tags and {"ML breadth", "Mock loop"} <= tags
    shot(page, "coach-plan-made")

    first = page.locator("input[data-task]").first
    minutes = first.get_attribute("data-minutes")
    first.check()
    page.locator(".task.done").first.wait_for()
    assert page.locator("#done-minutes").inner_text() == minutes
    plan = call(server, "GET", "/api/plan")
    assert [t["done"] for t in plan["tasks"]][:2] == [True, False]

    page.reload()
    page.locator("#plan-days").wait_for()
    assert page.locator("input[data-task]").first.is_checked(), "the tick was stored"
    assert page.locator("input[data-task]:checked").count() == 1
    assert page.locator("#done-minutes").inner_text() == minutes
    shot(page, "coach-plan-ticked")

    page.locator("input[data-task]").first.uncheck()
    page.wait_for_function("() => !document.querySelector('.task.done')")
    assert call(server, "GET", "/api/plan")["done_minutes"] == 0
