"""The design mock, a prompt and the mock loop in a real browser (Playwright, Debian's Chromium).

Each test leaves full-page screenshots in ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest

from mlprep.design.bank import cases

CASE = "payment-fraud"


def _artifact(name: str) -> Path:
    from conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def _wait_for_text(page, selector: str, text: str) -> None:
    has_text = "([s, t]) => (document.querySelector(s)?.textContent || '').includes(t)"
    page.wait_for_function(has_text, arg=[selector, text])


def _get(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.loads(reply.read())


def test_design_mock_write_score_correct_and_finish(server, page):
    page.goto(server + "/design")
    assert page.locator("#cases tbody tr").count() == len(cases())
    page.click(f"#cases a[href='/design/{CASE}']")
    page.wait_for_url(f"**/design/{CASE}")
    page.fill("#minutes", "20")
    page.click("#start")
    page.locator("#writing").wait_for()
    assert re.fullmatch(r"-?\d+:\d\d", page.inner_text("#timer"))
    assert page.inner_text(".step[data-key=evaluation] .step-minutes") == "3 min", "6 of 45 -> 20"

    steps = cases()[CASE].steps
    page.fill("#answer-goal", steps["goal"].sample_answer)
    page.fill("#answer-loss", "I would use a weighted cross-entropy loss.")
    page.click("#save")
    page.wait_for_function(
        "() => document.querySelector('#saved-at').textContent.includes('Saved')"
    )
    page.reload()  # the session and the drafts survive
    page.locator("#writing").wait_for()
    assert page.input_value("#answer-goal") == steps["goal"].sample_answer
    page.screenshot(path=str(_artifact("design-mock-writing")), full_page=True)

    page.click("#score")
    page.locator("#scoring").wait_for()
    goal_boxes = page.locator(".score-step[data-key=goal] input[type=checkbox]")
    assert goal_boxes.count() == len(steps["goal"].rubric)
    ticked = [i for i in range(goal_boxes.count()) if goal_boxes.nth(i).is_checked()]
    assert len(ticked) >= 3, "a sample answer covers most of its rubric"
    goal_boxes.nth(ticked[0]).uncheck()
    loss_boxes = page.locator(".score-step[data-key=loss] input[type=checkbox]")
    loss_boxes.nth(0).check()
    assert page.locator(".score-step[data-key=features] input:checked").count() == 0
    page.screenshot(path=str(_artifact("design-mock-scoring")), full_page=True)

    page.click("#finish")
    report = page.locator("#report")
    report.wait_for()
    text = report.inner_text()
    assert "Design mock:" in text and "Missed points" in text
    assert steps["goal"].rubric[ticked[0]] in text, "the point unticked is reported as missed"
    assert steps["loss"].rubric[0] not in text, "the point ticked is not"
    assert page.locator("#report table").count() == 1
    page.screenshot(path=str(_artifact("design-mock-report")), full_page=True)

    listing = {c["slug"]: c for c in _get(server + "/api/design/cases")}
    assert listing[CASE]["best_coverage"] > 0


def ownership(server: str) -> tuple[float, int]:
    """The behavioral "ownership" competency on the dashboard: (score sum, answers scored)."""
    rounds = {r["round"]: r for r in _get(server + "/api/dashboard")["rounds"]}
    found = next(t for t in rounds["behavioral"]["topics"] if t["key"] == "ownership")
    return (found["score"] or 0.0) * found["count"], found["count"]


def test_prompt_page_star_checklist_rating(server, page):
    from mlprep.prompts.bank import prompts

    behavioral, deep_dive = prompts("behavioral"), prompts("deep_dive")
    assert behavioral["beyond-the-model"].category == "ownership"
    page.goto(server + "/prompts")
    assert page.locator("#prompts-behavioral tbody tr").count() == len(behavioral)
    assert page.locator("#prompts-deep_dive tbody tr").count() == len(deep_dive)
    before_sum, before_count = ownership(server)
    page.goto(server + "/prompts/behavioral/beyond-the-model")
    for key in ("situation", "task", "action", "result"):
        page.fill(f"#part-{key}", f"My {key}: I built a prediction-drift dashboard and alerting.")
    page.click("#check")
    page.locator("#feedback").wait_for()
    assert page.locator("#checklist input[type=checkbox]").count() >= 2
    follow_ups = page.locator("#follow-ups li").all_inner_texts()
    assert follow_ups == [f.strip() for f in behavioral["beyond-the-model"].follow_ups]
    page.check("input[name=rating][value='2']")
    page.click("#save")
    page.locator("#saved").wait_for()
    assert "Saved" in page.inner_text("#saved")
    practised = [p for p in _get(server + "/api/prompts") if p["id"] == "beyond-the-model"]
    assert practised[0]["practised"] is not None
    # what was stored: the rating, 2 of 4, is a self score of (2 - 1) / 3 on every answer saved
    after_sum, after_count = ownership(server)
    assert after_count > before_count
    assert (after_sum - before_sum) / (after_count - before_count) == pytest.approx(1 / 3)


def test_mock_loop_breadth_and_behavioral_to_its_report(server, page):
    page.goto(server + "/mock")
    for box in page.locator("input[name=round]").all():
        box.set_checked(box.get_attribute("value") in ("breadth", "behavioral"))
    page.fill(".round-minutes[data-round=breadth]", "5")
    page.fill("#questions", "3")
    page.click("#start-loop")
    page.wait_for_function(
        "() => document.querySelector('#round-title').textContent === 'ML breadth'"
    )
    questions = page.locator("#round-body .question")
    assert questions.count() == 3
    assert page.inner_text("#round-timer").startswith(("5:00", "4:5"))
    drawn = [q.get_attribute("data-id") for q in questions.all()]
    for question in questions.all():
        if question.locator("input[type=radio]").count():
            question.locator("input[type=radio]").first.check()
        elif question.locator("input[type=text]").count():
            question.locator("input[type=text]").fill("1")
        else:
            question.locator("textarea").fill("An answer in my own words.")
    page.click("#check-round")
    page.locator(".question-feedback .model-answer").first.wait_for()
    for rating in page.locator(".question-feedback .ratings").all():
        rating.locator("input[value='3']").check()
    page.screenshot(path=str(_artifact("mock-loop-breadth")), full_page=True)
    page.click("#submit-round")

    page.wait_for_function(
        "() => document.querySelector('#round-title').textContent === 'Behavioral'"
    )
    page.locator("#round-body textarea").first.fill("At Acme, the situation was tense.")
    page.reload()  # the loop and the draft survive
    page.wait_for_function(
        "() => document.querySelector('#round-title').textContent === 'Behavioral'"
    )
    assert page.locator("#round-body textarea").first.input_value() == (
        "At Acme, the situation was tense."
    )
    for area in page.locator("#round-body textarea").all()[1:]:
        area.fill("I owned the monitoring and documented the retraining cadence.")
    page.click("#check-round")
    page.locator("#round-feedback .checklist").wait_for()
    page.check("#round-feedback input[value='4']")
    page.click("#submit-round")

    report = page.locator("#loop-report")
    report.wait_for()
    text = report.inner_text()
    assert "What to work on" in text and "Mock interview loop" not in text, "one title, the page's"
    assert page.locator("h1").inner_text() == "Mock interview loop"
    rows = page.locator("#loop-report table tbody tr")
    assert rows.count() == 2
    # breadth: the first choice, "1" for a number (each right or wrong by the bank's answer),
    # open questions rated Good (3 of 4: a score of 2/3)
    from mlprep.review.bank import questions as bank

    def scored(qid: str) -> float:
        q = bank()[qid]
        if q.kind == "choice":
            return float(q.correct == 0)
        if q.kind == "numeric":
            return float(abs(1 - q.value) <= q.tolerance + 1e-12)
        return 2 / 3

    breadth = sum(scored(qid) for qid in drawn) / len(drawn)
    cells = rows.nth(0).locator("td").all_inner_texts()
    assert cells == ["ML breadth", "3 questions", "5", f"{breadth:.0%}"]
    assert rows.nth(1).locator("td").all_inner_texts()[-1] == "100%", "rated 4 of 4"
    page.screenshot(path=str(_artifact("mock-loop-report")), full_page=True)


RIDGE = "regularization/ridge-more-features-than-rows"  # a choice written as $X^\top X + ...$


def _seed_drawing(wanted: str, count: int) -> tuple[int, tuple[str, ...]]:
    """A seed whose breadth round of ``count`` questions has ``wanted`` and an open question."""
    import random

    from mlprep.coach import loop
    from mlprep.review.bank import questions

    for seed in range(10_000):
        rng = random.Random(seed)
        (drawn,) = loop.compose(None, ["breadth"], {"breadth": 5}, problems=[], rng=rng,
                                breadth_questions=count)  # fmt: skip
        kinds = {questions()[q].kind for q in drawn.items}
        if wanted in drawn.items and {"choice", "open"} <= kinds:
            return seed, drawn.items
    raise AssertionError(f"no seed draws {wanted}")


def _start_loop_from_page(page, server: str, body: dict) -> dict:
    """Compose a loop through the API from the page itself, and make it the page's loop."""
    page.goto(server + "/mock")
    view = page.evaluate("(body) => api('POST', '/api/mock/loops', body)", body)
    page.evaluate(
        "(uid) => localStorage.setItem('mlprep:mock', JSON.stringify({uid}))", view["uid"]
    )
    page.reload()
    _wait_for_text(page, "#round-title", view["rounds"][0]["title"])
    return view


def test_mock_loop_breadth_math_feedback_and_reload(server, page):
    from mlprep.review.bank import questions

    seed, drawn = _seed_drawing(RIDGE, 3)
    _start_loop_from_page(
        page,
        server,
        {"rounds": ["breadth"], "minutes": {"breadth": 5}, "questions": 3, "seed": seed},
    )
    problems = []
    ridge = page.locator(f".question[data-id='{RIDGE}']")
    if ridge.locator("label.choice .katex").count() != 1:
        problems.append("the choice's math is not rendered: " + ridge.inner_text())
    right = {}
    for qid in drawn:
        q, block = questions()[qid], page.locator(f".question[data-id='{qid}']")
        if q.kind == "choice":  # the ridge one right, any other one wrong
            pick = q.correct if qid == RIDGE else (q.correct + 1) % len(q.choices)
            block.locator("input[type=radio]").nth(pick).check()
            right[qid] = qid == RIDGE
        elif q.kind == "numeric":
            block.locator("input[type=text]").fill(repr(q.value))
            right[qid] = True
        else:
            block.locator("textarea").fill("An answer in my own words.")
    page.click("#check-round")
    page.locator(".question-feedback .model-answer").first.wait_for()
    feedback = page.locator(".question-feedback").all_inner_texts()
    if any("null" in text for text in feedback):
        problems.append(f"a literal null under an explanation: {feedback}")
    page.screenshot(path=str(_artifact("mock-loop-breadth-checked")), full_page=True)
    opened = [q for q in drawn if questions()[q].kind == "open"]
    for qid in opened:
        page.locator(f".question[data-id='{qid}'] .ratings input[value='3']").check()
    page.reload()  # the checked answers, their feedback and the ratings survive
    _wait_for_text(page, "#round-title", "ML breadth")
    verdicts = {
        qid: page.locator(f".question[data-id='{qid}'] .question-feedback").inner_text()
        for qid in drawn
    }
    for qid, was_right in right.items():
        if not verdicts[qid].startswith("Right: " if was_right else "Wrong: "):
            problems.append(f"after a reload, {qid} shows {verdicts[qid]!r}")
    page.click("#submit-round")
    page.wait_for_function(
        "() => !document.querySelector('#loop-report').hidden"
        " || document.querySelector('#error').textContent"
    )
    if not page.locator("#error").is_hidden():
        problems.append("Finish after a reload: " + page.inner_text("#error"))
    else:
        score = (sum(right.values()) + len(opened) * 2 / 3) / len(drawn)
        cells = page.locator("#loop-report table tbody tr").first.locator("td").all_inner_texts()
        if cells != ["ML breadth", "3 questions", "5", f"{score:.0%}"]:
            problems.append(f"the report row is {cells}")
    page.screenshot(path=str(_artifact("mock-loop-breadth-after-reload")), full_page=True)
    assert not problems, "\n".join(problems)


def test_interview_mode_locks_the_hints_and_survives_a_reload(server, page):
    page.goto(server + "/mock")
    for box in page.locator("input[name=round]").all():
        box.set_checked(box.get_attribute("value") == "coding")
    page.fill(".round-minutes[data-round=coding]", "30")
    page.check("#interview")
    page.click("#start-loop")
    _wait_for_text(page, "#round-title", "Coding")
    assert page.locator("#interview-note").is_visible()
    href = page.get_attribute("#problem-link", "href")
    slug = href.rsplit("/", 1)[1]
    began = page.evaluate(
        "async () => (await api('GET', '/api/mock/loops/' + "
        "JSON.parse(localStorage.getItem('mlprep:mock')).uid)).rounds[0].began_at"
    )

    page.reload()  # mid-loop: the same round, the same clock, still in interview mode
    _wait_for_text(page, "#round-title", "Coding")
    assert page.locator("#interview-note").is_visible()
    assert page.get_attribute("#problem-link", "href") == href
    after = page.evaluate(
        "async () => (await api('GET', '/api/mock/loops/' + "
        "JSON.parse(localStorage.getItem('mlprep:mock')).uid)).rounds[0].began_at"
    )
    assert after == began
    assert re.fullmatch(r"(30:00|29:\d\d)", page.inner_text("#round-timer"))
    page.screenshot(path=str(_artifact("interview-mode-loop")), full_page=True)

    page.goto(server + href)
    page.locator("#hint-list li.locked").wait_for()
    assert page.inner_text("#hint-list") == (
        "Hints are locked during your interview-mode mock loop; finish the loop to see it."
    )
    assert page.locator("#reveal-hint").is_hidden()
    assert "interview-mode" in page.inner_text("#editorial-locked")
    page.locator("#hints").screenshot(path=str(_artifact("interview-mode-hints")))

    page.goto(server + "/mock")
    _wait_for_text(page, "#round-title", "Coding")
    page.click("#submit-round")  # nothing submitted: the round scores 0
    report = page.locator("#loop-report")
    report.wait_for()
    assert "mlprep " not in report.inner_text(), "the web report names pages, not commands"
    assert report.locator(f"a[href='/problems/{slug}']").count() == 1
    page.screenshot(path=str(_artifact("interview-mode-report")), full_page=True)

    page.goto(server + href)  # the loop is over: hints open again
    page.locator("#reveal-hint").wait_for()
    assert page.locator("#hint-list li.locked").count() == 0
