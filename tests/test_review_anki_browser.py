"""The review page as an Anki user works it, in Chromium: keys, intervals on the buttons, today's
counts, undo, bury and suspend, an edited answer and an own card, and a reload after a check.

Each test has a server of its own (a fresh database), since the counts it reads are exact.
Screenshots go to ``test-artifacts/review-anki-*.png``.
"""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, serving

from mlprep.review.bank import questions, topic_of

TIMEOUT_MS = 15_000
METRICS = [qid for qid in questions() if topic_of(qid) == "metrics"]


@pytest.fixture
def fresh_server(tmp_path):
    """``mlprep serve`` on its own empty data folder, for counts that start from nothing."""
    with serving(tmp_path / "data", workers=1) as base:
        yield base


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review-anki-{name}.png"), full_page=True)


def shown_card(page) -> str:
    page.locator("#card:not([hidden]) #question p").first.wait_for(timeout=TIMEOUT_MS)
    return page.locator("#card").get_attribute("data-id")


def next_card(page, previous: str) -> str:
    page.wait_for_function(
        "(id) => document.querySelector('#card').dataset.id !== id",
        arg=previous,
        timeout=TIMEOUT_MS,
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


def test_keys_intervals_counts_and_undo_as_in_anki(fresh_server, page):
    page.goto(fresh_server + "/review?topic=metrics")
    open_card = next(qid for qid in METRICS if questions()[qid].kind == "open")
    first = shown_card(page)
    total = len(METRICS)
    assert counts(page) == (total, 0, 0)
    while first != open_card:  # graded cards first: Enter checks the empty answer, 1 rates it
        page.keyboard.press("Enter")
        page.locator("#ratings").wait_for(state="visible", timeout=TIMEOUT_MS)
        page.keyboard.press("1")
        first = next_card(page, first)
    done = METRICS.index(open_card)
    assert counts(page) == (total - done, done, 0), "each Again card is learning now"
    page.keyboard.press("Enter")  # reveals the open card's answer
    page.locator("#ratings").wait_for(state="visible", timeout=TIMEOUT_MS)
    intervals = [
        page.locator(f'#ratings .interval[data-rating="{r}"]').inner_text() for r in "1234"
    ]
    assert intervals == ["1m", "6m", "10m", "8d"]
    shot(page, "intervals")
    page.keyboard.press("4")  # Easy: straight to a review in 8 days
    after = next_card(page, open_card)
    assert counts(page) == (total - done - 1, done, 0)
    assert "Easy, next review in 8 days" in page.locator("#last-rating").inner_text()
    page.keyboard.press("Escape")  # the next card is a number: its box has the focus
    page.keyboard.press("u")
    page.wait_for_function(
        "(id) => document.querySelector('#card').dataset.id === id",
        arg=open_card,
        timeout=TIMEOUT_MS,
    )
    assert counts(page) == (total - done, done, 0), "undone: new again"
    assert page.locator("#undo-note").inner_text() == f"Undone: Easy on {open_card}."
    assert after != open_card
    shot(page, "undone")


def test_bury_suspend_and_bring_back(fresh_server, page):
    page.goto(fresh_server + "/review?topic=metrics")
    first = shown_card(page)
    page.keyboard.press("-")
    second = next_card(page, first)
    page.locator("#bury").click()  # the button does what the key does... bury the second too
    third = next_card(page, second)
    page.keyboard.press("@")
    next_card(page, third)
    assert counts(page) == (len(METRICS) - 3, 0, 0)
    page.locator("#set-aside-panel summary").click()
    items = page.locator("#set-aside li")
    assert [items.nth(i).get_attribute("data-id") for i in range(3)] == [first, second, third]
    assert "suspended" in items.nth(2).inner_text()
    shot(page, "set-aside")
    items.nth(0).locator("button").click()
    page.wait_for_function("() => document.querySelectorAll('#set-aside li').length === 2")
    page.wait_for_function(
        f"() => document.querySelector('#count-new').textContent === '{len(METRICS) - 2}'"
    )


def test_edit_an_answer_and_add_an_own_card(fresh_server, page):
    page.goto(fresh_server + "/review?topic=metrics")
    card = shown_card(page)
    page.locator("#check").click()
    page.locator("#answer-tools").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.keyboard.press("e")
    page.fill("#answer-text", "In my words: accuracy hides the rare class entirely.")
    page.locator("#answer-editor button[type=submit]").click()
    page.locator("#restore-answer").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#model-answer").inner_text() == (
        "In my words: accuracy hides the rare class entirely."
    )
    shot(page, "edited-answer")
    page.reload()
    assert shown_card(page) == card  # checked before the reload: comes back checked
    page.locator("#model-answer").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#model-answer").inner_text().startswith("In my words")
    assert "your answer" in page.locator("#card-meta").inner_text()

    page.locator("#own-cards summary").click()
    form = page.locator("#add-card")
    form.locator("select[name=kind]").select_option("choice")
    form.locator("textarea[name=question]").fill("Which loss does logistic regression minimise?")
    form.locator("textarea[name=answer]").fill("The log loss: the negative log-likelihood.")
    form.locator("textarea[name=choices]").fill("Hinge loss\n*Log loss\nSquared error")
    form.locator("button[type=submit]").click()
    note = page.locator("#add-note")
    page.wait_for_function(
        "() => document.querySelector('#add-note').textContent.startsWith('Added')"
    )
    assert note.inner_text() == (
        "Added metrics/my-which-loss-does-logistic-regression: it comes as a new card."
    )
    page.wait_for_function(
        f"() => document.querySelector('#count-new').textContent === '{len(METRICS) + 1}'"
    )
    shot(page, "own-card-added")


def test_the_domain_page_has_the_same_keys_counts_and_undo(fresh_server, page):
    page.goto(fresh_server + "/domain?track=llm")
    first = shown_card(page)
    new = counts(page)[0]
    page.keyboard.press("Escape")  # a number's box may have the focus
    page.keyboard.press(" ")
    page.locator("#ratings").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator('#ratings .interval[data-rating="3"]').inner_text() == "10m"
    page.keyboard.press("3")
    second = next_card(page, first)
    assert counts(page) == (new - 1, 1, 0)
    page.locator("#undo").click()
    page.wait_for_function(
        "(id) => document.querySelector('#card').dataset.id === id", arg=first, timeout=TIMEOUT_MS
    )
    assert counts(page) == (new, 0, 0) and second != first
    shot(page, "domain-undone")


def fsrs_recall_of_easy(days: int) -> float:
    """FSRS-6's R = (1 + F t / S) ** C for a new card rated Easy ``days`` ago (S = w3)."""
    import fsrs

    w = fsrs.scheduler.DEFAULT_PARAMETERS
    decay = -w[20]
    return (1 + (0.9 ** (1 / decay) - 1) * days / w[3]) ** decay


def test_recall_now_is_rewritten_after_each_rating_and_undo(fresh_server, tmp_path, page):
    """The topic table's *Recall now* cells as review.js's ``recallNow`` writes them after each
    rating and undo, without a reload: FSRS's 100% for a card rated Easy a moment ago (a review
    card), "1 in (re)learning" for one rated Again (no figure yet), both together, and "-" when
    nothing is rated; and FSRS's 93% for another topic's card rated Easy 5 days ago, beside its
    100% of recalled ratings. A reload then shows what the page's own macro writes: the same."""
    from datetime import UTC, datetime, timedelta

    from mlprep.review import scheduler
    from mlprep.store import open_store

    other = next(qid for qid in questions() if topic_of(qid) != "metrics")
    with open_store(f"sqlite:///{tmp_path / 'data' / 'mlprep.db'}") as store:
        five_days_ago = datetime.now(UTC) - timedelta(days=5, hours=1)  # FSRS counts whole days
        scheduler.record_rating(store, other, 4, five_days_ago)  # due again in 3 days
    earlier = f"{round(fsrs_recall_of_easy(5) * 100)}%"
    assert earlier == "93%"

    def row(topic: str) -> tuple[str, str]:
        cells = page.locator(f'#topics tr[data-topic="{topic}"]')
        return cells.locator(".retrievability").inner_text(), cells.locator(
            ".recalled"
        ).inner_text()

    def rate(key: str) -> None:
        page.keyboard.press("Escape")  # a number's box may have the focus
        if page.locator("#ratings").is_hidden():
            page.keyboard.press("Enter")  # checks the empty answer, or reveals an open card's
            page.locator("#ratings").wait_for(state="visible", timeout=TIMEOUT_MS)
        page.keyboard.press(key)

    def undo_to(card: str) -> None:
        page.keyboard.press("Escape")
        page.keyboard.press("u")
        page.wait_for_function(
            "(id) => document.querySelector('#card').dataset.id === id",
            arg=card,
            timeout=TIMEOUT_MS,
        )

    page.goto(fresh_server + "/review?topic=metrics")
    first = shown_card(page)
    assert (row("metrics"), row(topic_of(other))) == (("-", "-"), (earlier, "100%"))
    rate("1")
    second = next_card(page, first)  # the counts are refreshed before the next card shows
    assert (row("metrics"), row(topic_of(other))) == (
        ("1 in (re)learning", "0%"),
        (earlier, "100%"),
    )
    rate("4")
    next_card(page, second)
    assert row("metrics") == ("100%, 1 in (re)learning", "50%")
    shot(page, "recall-now-both")
    undo_to(second)
    assert row("metrics") == ("1 in (re)learning", "0%")
    undo_to(first)
    assert row("metrics") == ("-", "-")
    rate("4")
    next_card(page, first)
    assert (row("metrics"), row(topic_of(other))) == (("100%", "100%"), (earlier, "100%"))
    page.reload()
    shown_card(page)
    assert (row("metrics"), row(topic_of(other))) == (("100%", "100%"), (earlier, "100%"))
