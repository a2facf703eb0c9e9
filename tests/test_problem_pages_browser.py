"""The problem list and problem pages in Chromium, read as the user sees them: sorting and the
roadmap, acceptance, limits, a run on your own input beside the reference, the picture of a
failing sample with the expected result, the editorial's two solutions, "Samples passed".

The module has its own ``mlprep serve`` (and database), so what it submits changes no other
module's pages; its tests run in file order, and the last one reads the list the others left
(softmax run, kmeans attempted, f1_score accepted). Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import numpy as np
import pytest
from conftest import ARTIFACTS, BANK, METAS, serving, type_code, wait_for_verdict

ROADMAP = BANK.parent / "roadmap.toml"


def source(slug: str, name: str = "reference.py") -> str:
    return (BANK / slug / name).read_text()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("pages-server")) as base:
        yield base


def shot(page, name: str, at: str = "") -> Path:
    """A screenshot; ``at`` is an element to scroll to first (the page's panes scroll apart)."""
    if at:
        page.locator(at).first.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"problem-pages-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_problem(page, site: str, slug: str) -> None:
    page.goto(f"{site}/problems/{slug}")
    page.locator(".cm-content").wait_for()


def shown_slugs(page) -> list[str]:
    links = page.locator("#problems tbody tr:visible td.title a")
    return [a.get_attribute("href").rsplit("/", 1)[1] for a in links.all()]


def test_a_samples_only_run_says_samples_passed_and_is_never_accepted(site, page):
    open_problem(page, site, "softmax")
    type_code(page, source("softmax"))
    page.click("#run")
    wait_for_verdict(page, "Samples passed")
    assert "Accepted" not in page.locator("#result").inner_text()
    shot(page, "samples-passed", "#result")
    page.goto(f"{site}/submissions?problem=softmax")
    cells = page.locator("#history tbody tr").first.locator("td").all_inner_texts()
    assert (cells[3], cells[4]) == ("run", "Samples passed")
    page.goto(site + "/")
    row = page.locator("#problems tbody tr", has=page.locator("a[href='/problems/softmax']"))
    assert row.locator(".status").get_attribute("title") == "attempted"
    assert row.locator("td.acceptance").inner_text() == "–", "a run is not a submission"


def test_your_own_input_runs_beside_the_reference_with_the_difference(site, page):
    open_problem(page, site, "softmax")
    type_code(page, source("softmax", "wrong/axis_zero.py"))
    page.click("#custom summary")
    page.select_option("#custom-sample", "1")
    first_sample = METAS["softmax"]["samples"][1]
    assert page.locator("#custom-sample option:checked").inner_text().endswith(f"({first_sample})")
    assert page.input_value("#custom-input").startswith('{\n  "z": [')
    page.fill("#custom-input", '{"z": [[1, 2], [3, 5]]}')
    page.click("#custom-run")
    wait_for_verdict(page, "Wrong answer")
    z = np.array([[1.0, 2.0], [3.0, 5.0]])
    rows = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)  # the softmax of each row
    shown = np.array2string(rows, precision=6, separator=", ")
    assert page.locator("#reference-output").inner_text() == f"p = {shown}"
    assert page.locator("#your-output .differs").count() == 2, "both rows of axis 0's differ"
    assert page.locator("#custom-result pre.diff").inner_text().startswith("p at index (0, 0)")
    page.locator("#picture").wait_for()
    assert page.locator("#picture-title").inner_text() == (
        "Your output on your input, the expected result in green"
    )
    shot(page, "custom-input-wrong", "#custom-result")

    page.fill("#custom-input", '{"z": [[1, 2], [3]]}')
    page.click("#custom-run")
    page.locator("#result pre.error").wait_for()
    error = page.locator("#result pre.error").inner_text()
    assert error == "z: the rows are not all the same length"

    type_code(page, source("softmax"))
    run_matching_the_reference(page, '{"z": [0, 1e4, -1e4]}', "p = [0., 1., 0.]")
    shot(page, "custom-input-matches", "#custom-result")


def run_matching_the_reference(page, arguments: str, output: str) -> None:
    """Run the editor's code on ``arguments`` (JSON) from the custom-input box: it must match
    the reference, both outputs shown as ``output`` and no line marked as differing."""
    page.fill("#custom-input", arguments)
    page.click("#custom-run")
    wait_for_verdict(page, "Matches reference")
    assert page.locator("#reference-output").inner_text() == output
    assert page.locator("#your-output").inner_text().strip() == output
    assert page.locator("#your-output .differs").count() == 0


def test_a_failing_sample_is_drawn_with_the_expected_result(site, page):
    open_problem(page, site, "kmeans")
    type_code(page, source("kmeans", "wrong/ignores_max_iters.py"))
    page.click("#run")
    wait_for_verdict(page, "Wrong answer")
    failing = page.locator("details.sample.fail summary").first.inner_text()
    name = re.search(r"\((\w+)\)", failing).group(1)
    assert page.locator("#picture-title").inner_text() == (
        f"Your output on sample {name}, the expected result in green"
    )
    picture = page.locator("#picture")
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    assert picture.evaluate("(img) => img.naturalWidth") == 640
    shot(page, "failing-sample-picture", "#picture")


def test_limits_and_the_editorials_two_solutions_side_by_side(site, page):
    meta = METAS["f1_score"]
    open_problem(page, site, "f1_score")
    limits = page.locator("#limits").inner_text()
    samples = len(meta["samples"])
    assert f"Time limit: {meta['time_limit']:g} s" in limits
    assert f"Memory limit: {meta['memory_limit_mb']} MB" in limits
    assert re.search(rf"Tests: {samples} samples, \d+ hidden", limits)
    assert "Your acceptance: no submissions yet" in limits
    assert page.locator("#solutions").is_hidden()
    mine = source("f1_score") + "\n# mine\n"
    type_code(page, mine)
    page.click("#submit")
    wait_for_verdict(page, "Accepted")
    page.locator("#solutions").wait_for()
    assert page.locator("#reference-code").inner_text() == source("f1_score")
    assert page.locator("#your-code").inner_text() == mine
    left, right = (page.locator("#solutions > div").nth(i).bounding_box() for i in (0, 1))
    assert abs(left["y"] - right["y"]) < 1 and left["x"] + left["width"] <= right["x"]
    code = page.locator("#your-code").bounding_box()
    assert right["x"] <= code["x"] and code["x"] + code["width"] <= right["x"] + right["width"]
    shot(page, "editorial-solutions", "#solutions")
    page.reload()
    assert "Your acceptance: 1/1" in page.locator("#limits").inner_text()


def test_the_list_follows_the_roadmap_and_sorts_by_column(site, page):
    page.goto(site + "/")
    roadmap = tomllib.loads(ROADMAP.read_text())
    order = [slug for stage in roadmap["stage"] for slug in stage["problems"]]
    assert shown_slugs(page) == order
    headings = page.locator("#problems tbody tr td.title .stage:visible").all_inner_texts()
    assert headings == [stage["title"] for stage in roadmap["stage"]], "each stage named once"
    shot(page, "list-roadmap")

    rank = {"easy": 0, "medium": 1, "hard": 2}
    page.click("th button[data-sort=difficulty]")
    assert shown_slugs(page) == sorted(order, key=lambda s: rank[METAS[s]["difficulty"]])
    assert page.locator("#problems tbody tr td.title .stage:visible").count() == 0
    page.click("th button[data-sort=difficulty]")
    descending = sorted(order, key=lambda s: -rank[METAS[s]["difficulty"]])
    assert shown_slugs(page) == descending
    assert page.get_attribute("th:has(button[data-sort=difficulty])", "aria-sort") == "descending"

    page.click("th button[data-sort=title]")
    by_title = sorted(order, key=lambda s: f"{METAS[s]['title'].lower()} {s}")
    assert shown_slugs(page) == by_title

    # softmax: one run (not a submission); f1_score: one accepted submission (tests above)
    page.click("th button[data-sort=acceptance]")
    assert shown_slugs(page)[0] == "f1_score"
    row = page.locator("#problems tbody tr").first
    assert row.locator("td.acceptance").inner_text() == "100% (1/1)"
    page.click("th button[data-sort=status]")
    page.click("th button[data-sort=status]")  # solved, then attempted, each in roadmap order
    assert shown_slugs(page)[:3] == ["f1_score", "kmeans", "softmax"]
    shot(page, "list-sorted")

    page.reload()
    assert shown_slugs(page)[0] == "f1_score", "the sort is kept for the tab"
    page.select_option("#stage", roadmap["stage"][5]["title"])
    assert shown_slugs(page) == roadmap["stage"][5]["problems"]
