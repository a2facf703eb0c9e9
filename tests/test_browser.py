"""The web app in a real browser: Playwright driving Debian's Chromium against ``mlprep serve``.

Each test leaves a full-page screenshot in ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections import Counter
from pathlib import Path

from conftest import BANK, METAS, type_code, wait_for_verdict

CORRECT = (BANK / "kmeans" / "reference.py").read_text()
WRONG = (BANK / "kmeans" / "wrong" / "ignores_max_iters.py").read_text()


def editor_text(page) -> str:
    return page.evaluate("() => window.mlprepView.state.doc.toString()")


def test_problem_list_filters_and_searches(server, page):
    page.goto(server + "/")
    rows = page.locator("#problems tbody tr")
    assert rows.count() == len(METAS), "every problem of the bank is listed"
    links = rows.locator("td a[href^='/problems/']")
    slugs = [a.get_attribute("href").rsplit("/", 1)[1] for a in links.all()]
    assert sorted(slugs) == sorted(METAS)
    page.fill("#search", "k-means")
    visible = page.locator("#problems tbody tr:visible")
    assert 1 <= visible.count() < rows.count()
    assert all("k-means" in t.lower() for t in visible.locator("td.title a").all_inner_texts())
    page.fill("#search", "")
    page.select_option("#group", "metrics")
    groups = set(page.locator("#problems tbody tr:visible td.group").all_inner_texts())
    assert groups == {"metrics"}
    page.fill("#search", "no such problem anywhere")
    assert page.locator("#none").is_visible()


def test_accepted_then_wrong_answer_then_draft_then_history(server, page):
    page.goto(server + "/")
    page.fill("#search", "k-means clustering")
    page.locator("#problems tbody tr:visible a", has_text=re.compile("K-means", re.I)).first.click()
    page.wait_for_url("**/problems/kmeans")
    assert page.locator("#statement .katex").count() > 0, "math is rendered by KaTeX"
    assert "def kmeans" in editor_text(page), "the editor starts with the starter code"
    page.screenshot(path=str(_artifact("kmeans-starter")), full_page=True)

    type_code(page, CORRECT)
    page.keyboard.press("Control+Enter")
    wait_for_verdict(page, "Accepted")
    from mlprep.problems import load_problem

    kmeans = load_problem("kmeans")
    hidden = len(kmeans.cases) - len(kmeans.meta.samples)  # 15 hidden of 19 tests
    assert page.locator("#hidden-tests .chip.pass").count() == hidden
    assert page.locator("#hidden-tests .chip.fail").count() == 0
    picture = page.locator("#picture")
    picture.wait_for()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    assert picture.evaluate("(img) => img.naturalWidth") == 640
    page.locator("#editorial-body h2").first.wait_for()  # the editorial opens once accepted
    page.screenshot(path=str(_artifact("kmeans-accepted")), full_page=True)

    type_code(page, WRONG)
    page.click("#submit")
    wait_for_verdict(page, "Wrong answer")
    failing = page.locator("details.sample.fail").first
    assert "one_iteration" in failing.inner_text()
    difference = failing.locator("pre.diff").inner_text()
    assert "expected 0, got 0.5" in difference
    page.screenshot(path=str(_artifact("kmeans-wrong-answer")), full_page=True)

    page.reload()
    page.locator(".cm-content").wait_for()
    assert editor_text(page) == WRONG, "the draft survives a reload"

    page.click("text=Your submissions to this problem")
    page.wait_for_url("**/submissions?problem=kmeans")
    verdicts = page.locator("#history tbody td:nth-child(5)").all_inner_texts()
    assert verdicts[:2] == ["Wrong answer", "Accepted"]
    page.screenshot(path=str(_artifact("kmeans-history")), full_page=True)
    page.locator("#history tbody tr").nth(1).locator("a.verdict").click()
    assert page.locator("#code").inner_text() == CORRECT, "the accepted submission's own code"


def test_run_shows_samples_and_a_runtime_error_trimmed_to_user_lines(server, page):
    page.goto(server + "/problems/kmeans")
    page.locator(".cm-content").wait_for()
    type_code(
        page,
        "import numpy as np\n\ndef kmeans(X, init_centroids, max_iters=100):\n    return 1 / 0\n",
    )
    page.click("#run")
    wait_for_verdict(page, "Runtime error")
    text = page.locator("#result").inner_text()
    assert "ZeroDivisionError" in text and "return 1 / 0" in text
    assert "harness" not in text and "mlprep" not in text, "only the user's lines are shown"
    assert page.locator("#hidden-tests").count() == 0, "Run uses the samples only"


def test_hints_one_at_a_time_and_oversized_code_refused(server, page):
    page.goto(server + "/problems/linear_regression")
    page.click("#reveal-hint")
    page.locator("#hint-list li").first.wait_for()
    assert page.locator("#hint-list li").count() == 1
    page.click("#reveal-hint")
    page.wait_for_function("() => document.querySelectorAll('#hint-list li').length === 2")
    # A paste-sized text: set at once, as a paste would, rather than typed line by line.
    page.evaluate("(t) => mlprepEditor.setText(window.mlprepView, t)", "x = 1\n" * 20000)
    page.click("#submit")
    assert "the limit is" in page.locator("#result").inner_text()


def test_progress_page_draws_charts(server, page):
    with urllib.request.urlopen(server + "/api/submissions?limit=1000", timeout=30) as reply:
        history = json.loads(reply.read())
    solved = {s["problem"] for s in history if s["mode"] == "judge" and s["verdict"] == "accepted"}
    page.goto(server + "/progress")
    assert page.locator("#solved").inner_text() == str(len(solved))
    # solved by group: one bar per group of the bank, "solved/total" from problem.toml files
    rows = page.locator("h3:text-is('Solved by group') + .bars .bar-row")
    shown = dict(
        zip(
            rows.locator(".bar-label").all_inner_texts(),
            rows.locator(".bar-value").all_inner_texts(),
            strict=True,
        )
    )
    totals = Counter(meta["group"] for meta in METAS.values())
    done = Counter(METAS[slug]["group"] for slug in solved)
    assert shown == {group: f"{done[group]}/{totals[group]}" for group in totals}
    # the activity chart: thirty days, today's bar counts every submission of this server
    page.wait_for_function("() => window.mlprepCharts && window.mlprepCharts['activity-chart']")
    days, counts = page.evaluate("() => window.mlprepCharts['activity-chart'].data")
    assert len(days) == 30
    assert sum(counts) == counts[-1] == len(history), "this server's history is all from today"
    difficulties = page.locator("h3:text-is('Solved by difficulty') + .bars .bar-label")
    assert difficulties.all_inner_texts() == ["easy", "medium", "hard"]


def _artifact(name: str) -> Path:
    from conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def test_pages_load_nothing_from_another_host(server, page):
    """Offline: every request a page makes, scripts, styles, fonts, images, goes to the app."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "/problems/kmeans")
    page.locator("#statement .katex").first.wait_for()
    page.goto(server + "/api/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()
    page.goto(server + "/progress")
    page.locator("#mastery-chart canvas").first.wait_for()
    assert requested
    elsewhere = [url for url in requested if not url.startswith((server, "data:"))]
    assert not elsewhere, elsewhere
