"""The dashboard (/progress) and the study plan (/plan) in headless Chromium, on `mlprep serve`.

Each test leaves full-page screenshots in ``test-artifacts/``.
"""

from __future__ import annotations

import json
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from conftest import ARTIFACTS

from mlprep.review import bank as review_bank

BANK = Path(__file__).resolve().parent.parent / "src" / "mlprep" / "problems" / "bank"
ROUNDS = ["coding", "breadth", "design", "behavioral", "deep_dive"]


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


def test_progress_shows_round_cards_mastery_chart_and_topic_bars(server, page):
    solve(server, "softmax")
    page.goto(server + "/progress")
    cards = page.locator(".round-cards .round-card")
    assert cards.count() == 5
    assert [c.get_attribute("id") for c in cards.all()] == [f"round-{r}" for r in ROUNDS]
    assert page.locator("#round-coding .mastery").inner_text().endswith("%")
    assert page.locator("#round-coding").get_attribute("class").count("unmeasured") == 0
    assert page.locator("#mastery-chart .series").count() == 5
    assert page.locator("#mastery-chart .series.round-coding circle").count() >= 1
    assert page.locator("#mastery-chart text", has_text="100%").count() == 1
    assert page.locator("#breadth-topics .bar-row").count() == len(review_bank.topics())
    assert page.locator("#design-steps .bar-row").count() == 10
    assert page.locator("svg.activity rect").count() == 30, "the coding charts stay"
    assert page.locator("#solved").inner_text() != "0"
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
