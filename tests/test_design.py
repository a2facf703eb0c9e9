"""The design mock and the prompt rounds: the matcher, the stored sessions, the CLI end to end."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from conftest import run_cli

from mlprep.design import mock
from mlprep.design.bank import cases, framework
from mlprep.prompts import practice
from mlprep.prompts.bank import prompts
from mlprep.rubric import coverage
from mlprep.store import open_store
from mlprep.store.practice import answers, list_sessions

CASE = "payment-fraud"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def step_input(texts: list[str], ticks: list[str] | None = None) -> str:
    """Piped input for a mock: each answer ends with ".", then the ticks line (Enter accepts)."""
    ticks = ticks or [""] * len(texts)
    return "".join(f"{text}\n.\n{tick}\n" for text, tick in zip(texts, ticks, strict=True))


def samples(slug: str) -> list[str]:
    return [step.sample_answer for step in cases()[slug].steps.values()]


def coverage_in(report: str) -> int:
    found = re.search(r"Coverage: \*\*you (\d+)%\*\*, matcher estimate (\d+)%", report)
    assert found, report
    return int(found.group(1))


# --- the matcher ----------------------------------------------------------------------------


def test_a_cases_own_samples_cover_its_rubric_far_better_than_another_cases():
    slugs = list(cases())
    for index, slug in enumerate(slugs):
        other = slugs[(index + 1) % len(slugs)]
        own = [coverage(s.sample_answer, s.rubric) for s in cases()[slug].steps.values()]
        theirs = [
            coverage(cases()[other].steps[key].sample_answer, s.rubric)
            for key, s in cases()[slug].steps.items()
        ]
        assert sum(own) / len(own) >= 0.7, slug
        assert sum(own) / len(own) > sum(theirs) / len(theirs) + 0.4, (slug, other)


def test_step_budgets_follow_the_framework_and_scale_to_the_chosen_minutes():
    assert sum(s.minutes for s in framework().steps) == 45
    budgets = mock.step_budgets(30)
    assert list(budgets) == framework().keys
    assert sum(budgets.values()) == pytest.approx(30)
    assert budgets["evaluation"] == pytest.approx(6 * 30 / 45)
    short = mock.step_budgets(10, ["goal", "loss"])
    assert short == pytest.approx({"goal": 10 * 4 / 7, "loss": 10 * 3 / 7})


def test_finish_stores_self_scores_and_the_report_names_missed_points(data):
    store = open_store()
    practice_ = mock.start(store, CASE, 45, now=T0)
    case = cases()[CASE]
    for key in ("goal", "loss"):
        result = mock.step_result(case, key, case.steps[key].sample_answer)
        mock.save_step(store, practice_.id, CASE, result, self_scored=False, now=T0)
    finished, results = mock.finish(store, practice_, {"goal": [0, 1]}, now=T0 + timedelta(30))
    by_step = {a.part: a for a in answers(store, session_id=practice_.id)}
    assert set(by_step) == {"goal", "loss"}, "steps never written are not stored"
    goal_points = case.steps["goal"].rubric
    assert by_step["goal"].self_score == pytest.approx(2 / len(goal_points))
    assert by_step["goal"].auto_score > 0.5
    assert by_step["loss"].self_score == by_step["loss"].auto_score, "no ticks: the estimate"
    assert finished.finished_at is not None and finished.report
    for point in goal_points[2:]:
        assert point in finished.report
    assert case.steps["features"].sample_answer.strip() in finished.report, "weakest step sample"
    assert [r.key for r in results] == framework().keys


def test_finish_refuses_ticks_outside_the_rubric_and_stores_nothing(data):
    store = open_store()
    practice_ = mock.start(store, CASE, 45, now=T0)
    with pytest.raises(ValueError, match="rubric points 1-"):
        mock.finish(store, practice_, {"goal": [0, 99]})
    with pytest.raises(ValueError, match="no step 'nope'"):
        mock.finish(store, practice_, {"nope": [0]})
    assert answers(store, session_id=practice_.id) == []
    assert list_sessions(store, "design")[0].finished_at is None


def test_choose_case_takes_an_unpractised_case_then_the_least_recent(data):
    store = open_store()
    slugs = list(cases())
    assert mock.choose_case(store) == slugs[0]
    for offset, slug in enumerate(slugs):
        session = mock.start(store, slug, 45, now=T0)
        text = cases()[slug].steps["goal"].sample_answer
        result = mock.step_result(cases()[slug], "goal", text)
        # The second case is practised first, so it is the least recent one.
        when = T0 + timedelta(hours=offset if offset != 1 else -5)
        mock.save_step(store, session.id, slug, result, now=when)
    assert mock.choose_case(store) == slugs[1]


# --- mlprep design --------------------------------------------------------------------------


def test_design_mock_with_the_sample_answers_scores_high_and_is_stored(data, tmp_path):
    report_file = tmp_path / "report.md"
    done = run_cli(
        "design", CASE, "--minutes", "30", "--report", str(report_file),
        input=step_input(samples(CASE)),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Business goal and success" in done.stdout and "3 min" in done.stdout
    assert cases()[CASE].steps["goal"].prompt.split()[0] in done.stdout
    assert coverage_in(done.stdout) >= 75
    store = open_store()
    (session,) = list_sessions(store, "design")
    assert session.finished_at is not None and session.minutes == 30
    assert session.spec["case"] == CASE
    stored = answers(store, session_id=session.id)
    assert [a.part for a in stored] == framework().keys
    assert all(a.auto_score is not None and a.self_score is not None for a in stored)
    assert report_file.read_text() == session.report
    assert session.report in done.stdout


def test_design_mock_with_empty_answers_scores_zero_and_lists_every_point(data):
    done = run_cli("design", CASE, input=step_input([""] * 10))
    assert done.returncode == 0, done.stderr
    assert coverage_in(done.stdout) == 0
    store = open_store()
    stored = answers(store, round_name="design")
    assert len(stored) == 10 and all(a.auto_score == 0 and a.self_score == 0 for a in stored)
    for step in cases()[CASE].steps.values():
        assert all(point in done.stdout for point in step.rubric)


def test_design_mock_corrections_replace_the_estimate(data):
    texts = samples(CASE)[:2]
    done = run_cli("design", CASE, input=step_input(texts, ["1", "none"]))
    assert done.returncode == 0, done.stderr
    stored = {a.part: a for a in answers(open_store(), round_name="design")}
    assert set(stored) == {"goal", "requirements"}, "end of input: only what was answered"
    assert stored["goal"].self_score == pytest.approx(1 / len(cases()[CASE].steps["goal"].rubric))
    assert stored["requirements"].self_score == 0
    assert stored["requirements"].auto_score > 0.5


def test_design_mock_asks_again_for_unreadable_point_numbers(data):
    done = run_cli("design", CASE, input="my answer\n.\n42\n2\n")
    assert done.returncode == 0, done.stderr
    assert "type point numbers between 1 and" in done.stdout + done.stderr
    (goal,) = answers(open_store(), round_name="design")
    assert goal.self_score == pytest.approx(1 / len(cases()[CASE].steps["goal"].rubric))


def test_design_without_a_case_picks_one_not_practised_and_list_shows_best_coverage(data):
    first = list(cases())[0]
    done = run_cli("design", input=step_input([cases()[first].steps["goal"].sample_answer]))
    assert done.returncode == 0, done.stderr
    assert cases()[first].title in done.stdout
    listing = run_cli("design", "--list", env={"COLUMNS": "200"})
    assert listing.returncode == 0, listing.stderr
    row = next(line for line in listing.stdout.splitlines() if first in line)
    assert re.search(r"\d+%", row) and "never" not in row
    other = next(line for line in listing.stdout.splitlines() if "typeahead" in line)
    assert "never" in other


def test_design_answers_file_runs_without_questions(data, tmp_path):
    answer_file = tmp_path / "answers.json"
    answer_file.write_text(json.dumps(dict(zip(framework().keys, samples(CASE), strict=True))))
    done = run_cli("design", CASE, "--answers", str(answer_file), input="")
    assert done.returncode == 0, done.stderr
    assert coverage_in(done.stdout) >= 75


def test_a_short_mock_labels_no_step_0_min(data, tmp_path):
    """Under half a minute a step shows no budget at all; from there, whole minutes."""
    answer_file = tmp_path / "answers.json"
    answer_file.write_text(json.dumps({"goal": "Cut fraud losses."}))
    done = run_cli("design", CASE, "--minutes", "5", "--answers", str(answer_file), input="")
    assert done.returncode == 0, done.stderr
    assert "(0 min)" not in done.stdout
    rules = re.findall(r"Step (\d+)/10: ([^\n]*?)\s*─", done.stdout)
    # 45 framework minutes scaled to 5: goal 4 -> 0.44 (none), features 5 -> 0.56 (1 min),
    # evaluation 6 -> 0.67 (1 min), loss 3 -> 0.33 (none)
    by_number = dict(rules)
    assert by_number["1"] == "Business goal and success"
    assert by_number["4"] == "Features (1 min)"
    assert by_number["6"] == "Loss"
    assert by_number["8"] == "Offline metrics and online A/B tests (1 min)"
    assert "| Loss | 0:20 | 0/4 | 0/4 |" in done.stdout, "the report's budgets as m:ss"
    assert [mock.minutes_label(m) for m in (0.49, 0.5, 1.49, 1.5, 6)] == [
        "",
        "",
        "1 min",
        "2 min",
        "6 min",
    ]  # Python rounds half to even: 0.5 -> 0, 1.5 -> 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["design", "no-such-case"], "unknown case 'no-such-case' (see `mlprep design --list`)"),
        (["design", "payment-frad"], "unknown case 'payment-frad'; did you mean 'payment-fraud'?"),
        (["design", CASE, "--minutes", "0"], "0 is not in the range"),
        (["behavioral", "no-such-prompt"], "unknown behavioral prompt 'no-such-prompt'"),
        (["deep-dive", "nope"], "unknown deep-dive prompt 'nope'"),
    ],
)
def test_unknown_ids_are_clear_errors_and_store_nothing(data, args, message):
    done = run_cli(*args, input="x\n.\n")
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert list_sessions(open_store()) == []


def test_a_bad_answers_file_is_a_clear_error(data, tmp_path):
    bad = tmp_path / "answers.json"
    bad.write_text(json.dumps({"no_such_step": "text"}))
    done = run_cli("design", CASE, "--answers", str(bad))
    assert done.returncode == 2 and "unknown step 'no_such_step'" in done.stderr
    bad.write_text("{not json")
    done = run_cli("design", CASE, "--answers", str(bad))
    assert done.returncode == 2 and "is not valid json" in done.stderr


# --- mlprep behavioral / deep-dive ----------------------------------------------------------

STAR = [
    "At Acme I led the fraud model team; the model shipped but nobody used it.",
    "I owned the serving path and the monitoring, with no platform team to help.",
    "I wrote the integration, built a prediction-drift dashboard and alerting thresholds.",
    "Chargebacks fell 12 percent. I planned for the long run: documented the retraining cadence "
    "and alerting thresholds so someone else can follow them.",
]


def test_behavioral_saves_the_four_star_parts_with_the_rating(data):
    pid = "beyond-the-model"
    piped = "".join(f"{text}\n.\n" for text in STAR) + "\n2\n"
    done = run_cli("behavioral", pid, input=piped)
    assert done.returncode == 0, done.stderr
    for heading in ("Situation", "Task", "Action", "Result"):
        assert heading in done.stdout
    for follow_up in prompts("behavioral")[pid].follow_ups:
        assert follow_up in done.stdout
    stored = answers(open_store(), round_name="behavioral")
    assert [a.part for a in stored] == ["situation", "task", "action", "result"]
    assert [a.text for a in stored] == STAR
    assert all(a.self_score == pytest.approx(1 / 3) for a in stored)
    assert all(a.auto_score is not None and a.auto_score > 0 for a in stored)
    (session,) = list_sessions(open_store(), "behavioral")
    assert session.finished_at is not None and "2/4" in session.report


def test_deep_dive_takes_one_answer_and_enter_accepts_the_suggested_rating(data):
    pid = "baseline"
    text = (
        "The baseline was logistic regression on basic features; gradient-boosted trees beat it "
        "on the same evaluation set and the same metric, outside the bootstrap interval."
    )
    done = run_cli("deep-dive", pid, input=f"{text}\n.\n\n\n")
    assert done.returncode == 0, done.stderr
    (saved,) = answers(open_store(), round_name="deep_dive")
    assert saved.part == "answer" and saved.item == pid and saved.text == text
    suggested = re.search(r"Enter accepts (\d)\)", done.stdout)
    assert suggested and saved.self_score == pytest.approx((int(suggested.group(1)) - 1) / 3)
    listing = run_cli("deep-dive", "--list", env={"COLUMNS": "200"})
    row = next(line for line in listing.stdout.splitlines() if line.startswith(f"│ {pid} "))
    assert re.search(r"\d{4}-\d\d-\d\d", row)


def test_prompt_without_id_draws_an_unpractised_one_and_empty_input_saves_nothing(data):
    done = run_cli("behavioral", input="")
    assert done.returncode == 0, done.stderr
    assert "nothing saved" in done.stdout
    first = next(iter(prompts("behavioral")))
    assert prompts("behavioral")[first].prompt.split()[0] in done.stdout
    assert answers(open_store()) == []


def test_prompt_answers_file_and_rating_flags(data, tmp_path):
    answer_file = tmp_path / "star.toml"
    keys = ["situation", "task", "action", "result"]
    answer_file.write_text("\n".join(f'{k} = "{t}"' for k, t in zip(keys, STAR, strict=True)))
    done = run_cli("behavioral", "beyond-the-model", "--answers", str(answer_file), "--rating", "4")
    assert done.returncode == 0, done.stderr
    assert {a.self_score for a in answers(open_store())} == {1.0}
    bad = run_cli("behavioral", "beyond-the-model", "--answers", str(answer_file), "--rating", "5")
    assert bad.returncode == 2


def test_prompt_save_validates_before_storing_anything(data):
    store = open_store()
    with pytest.raises(ValueError, match="rating is 1 to 4"):
        practice.save(store, "behavioral", "beyond-the-model", {"situation": "x"}, 7)
    with pytest.raises(ValueError, match="not a part"):
        practice.save(store, "deep_dive", "baseline", {"situation": "x"}, 3)
    with pytest.raises(ValueError, match="empty"):
        practice.save(store, "deep_dive", "baseline", {"answer": "  "}, 3)
    with pytest.raises(practice.UnknownPrompt, match="unknown round"):
        practice.save(store, "coding", "baseline", {"answer": "x"}, 3)
    assert answers(store) == [] and list_sessions(store) == []
