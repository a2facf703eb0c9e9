"""The /review page in a real browser: answer, check or reveal, rate, and the counts that follow.

Playwright drives Debian's Chromium against ``mlprep serve`` (the ``server`` fixture); each step
worth seeing is saved as a screenshot in ``test-artifacts/``.
"""

from __future__ import annotations

from conftest import ARTIFACTS

from mlprep.review.bank import questions

TIMEOUT_MS = 15_000


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review-{name}.png"), full_page=True)


def shown_card(page) -> str:
    page.locator("#card:not([hidden]) #question p").first.wait_for(timeout=TIMEOUT_MS)
    return page.locator("#card").get_attribute("data-id")


def number(page, selector: str) -> int:
    return int(page.locator(selector).inner_text())


def answer(page, card_id: str, right: bool) -> None:
    """Fill the card's answer box the way its kind asks: a radio, a number, or free text."""
    q = questions()[card_id]
    if q.kind == "choice":
        pick = q.correct if right else (q.correct + 1) % len(q.choices)
        page.locator("#answer input[type=radio]").nth(pick).check()
    elif q.kind == "numeric":
        page.fill("#answer", repr(q.value if right else q.value + 10 * q.tolerance + 1))
    else:
        page.fill("#answer", "What I remember of it.")


def wait_for_next_card(page, previous: str) -> str:
    page.wait_for_function(
        "(id) => document.querySelector('#card').dataset.id !== id",
        arg=previous,
        timeout=TIMEOUT_MS,
    )
    return shown_card(page)


def test_answer_reveal_rate_then_the_next_card_and_fewer_due(server, page):
    page.goto(server + "/review")
    first = shown_card(page)
    q = questions()[first]
    to_study, topic = number(page, "#to-study"), first.split("/")[0]
    new_in_topic = number(page, f'#topics tr[data-topic="{topic}"] .new')
    assert q.answer.strip()[:40] not in page.content(), "no answer before it is asked for"
    shot(page, "card")

    answer(page, first, right=True)
    page.click("#check")
    page.locator("#ratings:not([hidden])").wait_for(timeout=TIMEOUT_MS)
    model = page.locator("#model-answer")
    assert model.is_visible() and q.answer.split()[0] in model.inner_text()
    assert page.locator("#verdict").is_visible() == (q.kind != "open")
    shot(page, "revealed")

    page.keyboard.press("3")  # keyboard rating: Good
    second = wait_for_next_card(page, first)
    assert second != first
    assert "Good, next review in 10 minutes" in page.locator("#last-rating").inner_text()
    assert number(page, "#to-study") == to_study - 1
    assert number(page, f'#topics tr[data-topic="{topic}"] .new') == new_in_topic - 1
    shot(page, "next-card")

    # The first card is an open question (self-rated); go on to the first graded one, which
    # must be marked right and suggest Good. The loop is bounded: graded cards are most cards.
    card, graded = second, None
    for _ in range(12):
        if questions()[card].kind != "open":
            graded = card
            break
        page.click("#check")  # an open card reveals its answer
        page.locator("#ratings:not([hidden])").wait_for(timeout=TIMEOUT_MS)
        page.keyboard.press("3")
        card = wait_for_next_card(page, card)
    assert graded is not None, "no choice or numeric card among the first twelve"
    answer(page, graded, right=True)
    page.click("#check")
    page.locator("#ratings:not([hidden])").wait_for(timeout=TIMEOUT_MS)
    verdict = page.locator("#verdict")
    assert verdict.is_visible() and verdict.inner_text().startswith("Right.")
    assert page.locator("#ratings button.primary").inner_text().endswith("Good")
    shot(page, "graded-right")


def test_one_topic_marks_choices_and_numbers_and_renders_math(server, page):
    page.goto(server + "/review?topic=metrics")
    assert page.locator("#topics tr.on").get_attribute("data-topic") == "metrics"
    seen: set[str] = set()
    card = shown_card(page)
    while card.split("/")[0] == "metrics" and len(seen) < 4:
        seen.add(card)
        kind = questions()[card].kind
        before = number(page, "#to-study")
        if kind == "numeric":
            page.fill("#answer", "seventy")
            page.click("#check")
            error = page.locator("#card-error")
            error.wait_for(timeout=TIMEOUT_MS)
            assert "is not a number" in error.inner_text()
        answer(page, card, right=False)
        page.click("#check")
        page.locator("#ratings:not([hidden])").wait_for(timeout=TIMEOUT_MS)
        if kind != "open":
            assert page.locator("#verdict").inner_text().startswith("Wrong.")
            assert page.locator("#ratings button.primary").inner_text().endswith("Again")
        if "$" in questions()[card].answer:
            assert page.locator("#model-answer .katex").count() > 0, "math is rendered"
        shot(page, f"metrics-{kind}")
        page.click("#ratings button[data-rating='1']")
        card = wait_for_next_card(page, card)
        assert number(page, "#to-study") == before - 1
    kinds = {questions()[c].kind for c in seen}
    assert kinds == {"choice", "numeric", "open"}, kinds
