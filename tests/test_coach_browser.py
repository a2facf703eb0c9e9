"""The dashboard (/progress) and the study plan (/plan) in headless Chromium, on `mlprep serve`.

Each test leaves full-page screenshots in ``test-artifacts/``.
"""

from __future__ import annotations

import json
import time
import tomllib
import urllib.request
from datetime import date, datetime, timedelta
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
    latest: dict[str, datetime] = {}  # each solved problem's latest accepted submission
    for s in history:
        if s["mode"] == "judge" and s["verdict"] == "accepted":
            at = datetime.fromisoformat(s["created_at"])
            latest[s["problem"]] = max(at, latest.get(s["problem"], at))
    solved = set(latest)
    bank = [d for d in BANK.iterdir() if (d / "problem.toml").is_file()]
    dashboard = call(server, "GET", "/api/dashboard")
    now = datetime.fromisoformat(dashboard["now"])
    # the coding score from the history and the bank: each solve halves in 60 days
    share = sum(0.5 ** ((now - at) / timedelta(days=60)) for at in latest.values()) / len(bank)
    rounds = {r["round"]: r for r in dashboard["rounds"]}
    assert rounds["coding"]["score"] == pytest.approx(share, rel=1e-9)

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

    # The chart (uPlot): one series per round, each point the API's weekly figure, the time
    # axis running to now; hovering the last week shows its figures in the tooltip.
    page.wait_for_function("() => window.mlprepCharts['mastery-chart']")
    chart = page.evaluate(
        """() => { const u = window.mlprepCharts['mastery-chart'];
                   return {labels: u.series.slice(1).map(s => s.label), data: u.data,
                           max: u.scales.x.max, min: u.scales.x.min}; }"""
    )
    assert chart["labels"] == [rounds[name]["title"] for name in ROUNDS]
    for values, name in zip(chart["data"][1:], ROUNDS, strict=True):
        expected = [
            None if w["score"] is None else round(w["score"] * 100, 2)
            for w in rounds[name]["weekly"]
        ]
        assert values == expected, name
    # the page was drawn after the API call above and before this line: its now is in between
    assert now.timestamp() <= chart["max"] <= datetime.now().astimezone().timestamp()
    assert chart["data"][0][-1] == chart["max"], "the last week's point is today"
    ends = [w["end"] for w in rounds["coding"]["weekly"]]
    assert ends[-1] == date.today().isoformat()
    box = page.locator("#mastery-chart .u-over").bounding_box()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2)
    tip = page.locator("#mastery-chart .chart-tip")
    tip.wait_for()
    lines = tip.locator("div").all_inner_texts()
    assert lines[0] == f"Week ending {date.today():%b} {date.today().day} (today)"
    assert f"Coding: {share * 100:.0f}%" in lines
    shot(page, "coach-dashboard-tooltip")

    activity = page.evaluate("() => window.mlprepCharts['activity-chart'].data")
    assert len(activity[0]) == 30 and activity[1][-1] == len(history), "today's submissions"

    # Per-topic bars: one per breadth topic and design step, labelled and valued.
    breadth = page.locator("#breadth-topics .bar-row")
    assert breadth.locator(".bar-label").all_inner_texts() == list(review_bank.topics().values())
    assert breadth.locator(".bar-value").all_inner_texts() == [
        percent(t["score"]) for t in rounds["breadth"]["topics"]
    ]
    steps = page.locator("#design-steps .bar-row .bar-label").all_inner_texts()
    assert steps == [step.title for step in framework().steps]
    assert page.locator("#solved").inner_text() == str(len(solved))
    canvas = page.locator("#mastery-chart canvas").bounding_box()
    room = page.evaluate("() => document.querySelector('#mastery-chart').parentElement.clientWidth")
    assert (canvas["width"], canvas["height"]) == (min(room, 760), 240), "drawn to size"
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


def test_plan_tasks_link_to_their_pages_and_tick_themselves_when_the_work_is_done(server, page):
    page.goto(server + "/plan")
    page.fill("#interview-date", (date.today() + timedelta(days=10)).isoformat())
    page.fill("#hours", "7")
    for box in page.locator("input[name=round]").all():
        if box.get_attribute("value") != "coding":
            box.uncheck()
    page.locator("input[name=round][value=coding]").check()
    with page.expect_navigation():  # the page reloads once the plan is stored
        page.click("#make-plan")
    page.locator("#plan-days .plan-day").first.wait_for()
    plan = call(server, "GET", "/api/plan")
    links = page.locator("#plan-days .task .what a")
    assert links.evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
        t["href"] for t in plan["tasks"]
    ]
    commands = page.locator("#plan-days .task .command").all_inner_texts()
    assert commands == [t["command"] for t in plan["tasks"]]
    first = plan["tasks"][0]
    assert first["round"] == "coding" and first["day"] == date.today().isoformat()
    assert first["href"] == f"/problems/{first['item']}"
    assert first["command"] == f"mlprep start {first['item']}"
    title = tomllib.loads((BANK / first["item"] / "problem.toml").read_text())["title"]
    assert first["what"].startswith(f"Solve {title} (")
    # the last two days: the mock loop (a coding round of 45 minutes, its report) and a light review
    last = [(t["round"], t["minutes"]) for t in plan["tasks"][-3:]]
    assert last == [("loop", 45), ("loop", 15), ("breadth", 30)]
    shot(page, "coach-plan-links")

    solve(server, first["item"])  # the work, done outside the plan page
    page.reload()
    box = page.locator(f"input[data-task='{first['id']}']")
    assert box.is_checked() and box.is_disabled(), "ticked by the accepted submission"
    evidence = page.locator(f"#task-{first['id']} .evidence").inner_text()
    assert evidence.startswith(f"done: {first['item']} accepted at ")
    assert page.locator("input[data-task]:checked").count() == 1
    assert page.locator("#done-minutes").inner_text() == str(first["minutes"])
    stored = call(server, "GET", "/api/plan")
    assert stored["tasks"][0]["done"] and stored["tasks"][0]["done_at"] is None
    assert stored["done_minutes"] == first["minutes"]
    page.locator(f"#task-{first['id']} .what a").click()
    page.wait_for_url(server + first["href"])
    shot(page, "coach-plan-ticked-itself")
