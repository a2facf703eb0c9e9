"""The /domain page in a real browser: choose tracks, then answer and rate a card in them.

The page is /review's over the domain deck (same template and script); this checks that the
track picker stores the choice and that cards, links and counts follow it.
"""

from __future__ import annotations

import json
import urllib.request

from conftest import ARTIFACTS

from mlprep.domain.bank import questions, track_of

TIMEOUT_MS = 15_000


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"domain-{name}.png"), full_page=True)


def choice(base: str, tracks: list[str] | None = None) -> list[str]:
    body = None if tracks is None else json.dumps({"tracks": tracks}).encode()
    request = urllib.request.Request(
        base + "/api/domain/choice",
        data=body,
        method="GET" if tracks is None else "PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=40) as reply:
        return json.loads(reply.read())["tracks"]


def test_pick_tracks_then_study_a_card_in_them(server, page):
    try:
        page.goto(server + "/domain")
        page.locator("#track-picker").wait_for(timeout=TIMEOUT_MS)
        page.check("#track-picker input[value=vision]")
        page.check("#track-picker input[value=experimentation]")
        with page.expect_navigation(timeout=TIMEOUT_MS):
            page.click("#save-tracks")
        assert choice(server) == ["vision", "experimentation"]
        assert page.locator("#track-picker input[value=vision]").is_checked()
        assert not page.locator("#track-picker input[value=llm]").is_checked()

        page.locator("#card:not([hidden]) #question p").first.wait_for(timeout=TIMEOUT_MS)
        first = page.locator("#card").get_attribute("data-id")
        assert track_of(first) in ("vision", "experimentation")
        link = page.locator("#card-meta a").first.get_attribute("href")
        assert link == f"/domain?track={track_of(first)}"
        to_study = int(page.locator("#to-study").inner_text())
        shot(page, "card")

        q = questions()[first]
        if q.kind == "choice":
            page.locator("#answer input[type=radio]").nth(q.correct).check()
        elif q.kind == "numeric":
            page.fill("#answer", repr(q.value))
        page.click("#check")
        page.locator("#ratings:not([hidden])").wait_for(timeout=TIMEOUT_MS)
        if q.kind != "open":
            assert page.locator("#verdict").inner_text().startswith("Right.")
        page.keyboard.press("3")
        page.wait_for_function(
            "(id) => document.querySelector('#card').dataset.id !== id",
            arg=first,
            timeout=TIMEOUT_MS,
        )
        assert int(page.locator("#to-study").inner_text()) == to_study - 1
        row = page.locator(f'#topics tr[data-topic="{track_of(first)}"] .new').inner_text()
        total = sum(track_of(qid) == track_of(first) for qid in questions())
        assert int(row) == total - 1
        shot(page, "rated")
    finally:
        choice(server, [])  # the server is shared: leave no choice behind for other tests
