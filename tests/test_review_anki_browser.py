"""The review page as an Anki user works it, in Chromium: keys, intervals on the buttons, today's
counts, undo, bury and suspend, an edited answer and an own card, and a reload after a check.

Each test has a server of its own (a fresh database), since the counts it reads are exact.
Screenshots go to ``test-artifacts/review-anki-*.png``.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request

import pytest
from conftest import ARTIFACTS, MLPREP, free_port

from mlprep.review.bank import questions, topic_of

TIMEOUT_MS = 15_000
METRICS = [qid for qid in questions() if topic_of(qid) == "metrics"]


@pytest.fixture
def fresh_server(tmp_path):
    """``mlprep serve`` on its own empty data folder, for counts that start from nothing."""
    port = free_port()
    log = open(tmp_path / "server.log", "w+b")  # noqa: SIM115  (closed after the server stops)
    process = subprocess.Popen(
        [*MLPREP, "serve", "--port", str(port), "--workers", "1"],
        env={**os.environ, "MLPREP_DATA_DIR": str(tmp_path / "data")},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/review/topics", timeout=5):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"mlprep serve did not start: {log.read().decode(errors='replace')}")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=20)
    log.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review-anki-{name}.png"), full_page=True)


def shown_card(page) -> str:
    page.locator("#card:not([hidden]) #question p").first.wait_for(timeout=TIMEOUT_MS)
    return page.locator("#card").get_attribute("data-id")


def next_card(page, previous: str) -> str:
    page.wait_for_function(
        "(id) => document.querySelector('#card').dataset.id !== id", arg=previous, timeout=TIMEOUT_MS
    )
    return shown_card(page)


def counts(page) -> tuple[int, int, int]:
    return tuple(int(page.locator(f"#count-{k}").inner_text()) for k in ("new", "learning", "due"))


def test_the_rating_buttons_wait_for_the_check(fresh_server, page):
    page.goto(fresh_server + "/review?topic=metrics")
    assert shown_card(page) == METRICS[0]
    assert not page.locator("#ratings").is_visible(), "no rating before the answer is seen"
    page.locator("#check").click()
    page.locator("#ratings").wait_for(state="visible", timeout=TIMEOUT_MS)


def test_a_wrong_check_survives_a_reload(fresh_server, page):
    card = METRICS[0]  # a choice card
    q = questions()[card]
    page.goto(fresh_server + "/review?topic=metrics")
    assert shown_card(page) == card
    page.locator("#answer input[type=radio]").nth((q.correct + 1) % len(q.choices)).check()
    page.locator("#check").click()
    page.locator("#verdict:not([hidden])").wait_for(timeout=TIMEOUT_MS)
    page.reload()
    assert shown_card(page) == card
    verdict = page.locator("#verdict")
    verdict.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert verdict.inner_text().startswith("Wrong.")
    assert not page.locator("#check").is_visible(), "it cannot be answered again"
    assert page.locator("#answer input[type=radio]").nth(q.correct).is_disabled()
    shot(page, "reloaded-after-wrong-check")
