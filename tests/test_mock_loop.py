"""The mock interview loop end to end from the CLI, and its composing and scoring underneath."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

import pytest
from conftest import run_cli

from mlprep.coach import loop
from mlprep.design.bank import cases
from mlprep.problems import bank_dir, list_problems
from mlprep.review.bank import questions, topic_of
from mlprep.store import open_store
from mlprep.store.practice import answers, list_sessions

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SEED = 11


def slugs() -> list[str]:
    return [p.slug for p in list_problems()]


def drawn(rounds: list[str], seed: int = SEED) -> list[loop.Round]:
    """What `mlprep mock --seed` draws on a fresh history, drawn the same way in this process."""
    minutes = loop.parse_minutes(None, rounds)
    rng = random.Random(seed)
    return loop.compose(open_store(), rounds, minutes, problems=slugs(), rng=rng)


def breadth_input(ids: tuple[str, ...]) -> str:
    """The right answer to every graded question; an open one gets a sentence and rating 4."""
    lines = []
    for qid in ids:
        question = questions()[qid]
        if question.kind == "choice":
            lines.append(chr(ord("a") + question.correct))
        elif question.kind == "numeric":
            lines.append(repr(question.value))
        else:
            lines += ["my answer in a sentence", "4"]
    return "".join(f"{line}\n" for line in lines)


def design_input(slug: str, steps: tuple[str, ...]) -> str:
    return "".join(f"{cases()[slug].steps[k].sample_answer}\n.\n\n" for k in steps)


STAR = ["Situation text here.", "My task here.", "I did these actions.", "Result: 10% up."]


def test_full_loop_from_the_cli_writes_a_report_with_per_round_scores(data, tmp_path):
    rounds = ["coding", "breadth", "design", "behavioral"]
    coding, breadth, design, behavioral = drawn(rounds)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    reference = (bank_dir() / coding.item / "reference.py").read_text()
    (workspace / f"{coding.item}.py").write_text(reference)  # "edited" before pressing Enter
    piped = (
        "\n"
        + breadth_input(breadth.items)
        + design_input(design.item, design.items)
        + "".join(f"{text}\n.\n" for text in STAR)
        + "\n1\n"
    )
    report_file = tmp_path / "loop.md"
    done = run_cli(
        "mock", "--seed", str(SEED), "--workspace", str(workspace), "--report", str(report_file),
        input=piped, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Accepted" in done.stdout, "the coding round was judged"
    assert "Round 4/4: Behavioral" in done.stdout
    assert f"| Coding | {coding.item} | 45 | 100% |" in done.stdout
    assert "| ML breadth | 5 questions | 15 | 100% |" in done.stdout
    design_score = re.search(rf"\| System design \| {design.item} \| 30 \| (\d+)% \|", done.stdout)
    assert design_score and int(design_score.group(1)) >= 70
    assert f"| Behavioral | {behavioral.item} | 10 | 0% |" in done.stdout, "rated 1: 0%"
    assert "## What to work on" in done.stdout
    assert f"mlprep behavioral {behavioral.item}" in done.stdout, "the weakest round's action"

    store = open_store()
    (session,) = list_sessions(store, "loop")
    assert session.finished_at is not None and session.minutes == 45 + 15 + 30 + 10
    assert [r["kind"] for r in session.spec["rounds"]] == rounds
    assert report_file.read_text() == session.report
    by_round: dict[str, list] = {}
    for answer in answers(store, session_id=session.id):
        by_round.setdefault(answer.round, []).append(answer)
    assert [a.auto_score for a in by_round["coding"]] == [1.0]
    assert by_round["coding"][0].text == reference
    assert sorted(a.item for a in by_round["breadth"]) == sorted(breadth.items)
    assert [a.part for a in by_round["design"]] == list(design.items)
    assert len(by_round["behavioral"]) == 4
    assert store.solved_problems() == {coding.item}, "the submission is in the history"

    last = run_cli("mock", "--last")
    assert last.returncode == 0 and last.stdout.strip() == session.report.strip()


def test_a_loop_cut_short_by_end_of_input_reports_what_was_not_done(data):
    (breadth, behavioral) = drawn(["breadth", "behavioral"])
    first_answer = breadth_input(breadth.items[:1])
    done = run_cli(
        "mock", "--rounds", "breadth,behavioral", "--minutes-per-round", "5",
        "--seed", str(SEED), input=first_answer,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "| ML breadth | 5 questions | 5 | 20% |" in done.stdout, "1 of 5 answered, right"
    assert f"| Behavioral | {behavioral.item} | 5 | not done |" in done.stdout
    assert "**Behavioral**: not done" in done.stdout
    topics = {topic_of(q) for q in breadth.items[1:]}
    assert all(f"mlprep review --topic {t}" in done.stdout for t in topics)
    (session,) = list_sessions(open_store(), "loop")
    assert len(answers(open_store(), session_id=session.id)) == 1


def test_wrong_breadth_answers_score_zero_and_unreadable_ones_are_asked_again(data):
    (breadth,) = drawn(["breadth"])
    lines = []
    for qid in breadth.items:
        question = questions()[qid]
        if question.kind == "choice":
            wrong = (question.correct + 1) % len(question.choices)
            lines += ["zz", chr(ord("a") + wrong)]  # unreadable first, then a wrong choice
        elif question.kind == "numeric":
            lines += ["lots", repr(question.value + 1000 * (question.tolerance + 1))]
        else:
            lines += ["", "1"]
    done = run_cli(
        "mock", "--rounds", "breadth", "--seed", str(SEED), input="\n".join(lines) + "\n"
    )
    assert done.returncode == 0, done.stderr
    assert "| ML breadth | 5 questions | 15 | 0% |" in done.stdout
    graded = [questions()[q] for q in breadth.items if questions()[q].kind != "open"]
    assert graded, "the seeded draw has graded questions"
    out = done.stdout
    assert out.count("wrong: ") == len(graded) and "right: " not in out
    asked_again = out.count("is not a choice") + out.count("is not a number")
    assert asked_again == len(graded), "each unreadable answer was asked again, once"
    for q in graded:
        if q.kind == "choice":
            expected = f"{'abcdef'[q.correct]}) {q.choices[q.correct]}"
        else:
            expected = f"{q.value:g} (± {q.tolerance:g})"
        assert f"wrong: {expected}" in " ".join(out.split()), expected  # rich may wrap lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rounds", "coding,painting"], "unknown round 'painting'; choose from coding"),
        (["--rounds", ","], "choose at least one round"),
        (["--minutes-per-round", "design=20"], "'design' is not one of the chosen rounds"),
        (["--rounds", "design", "--minutes-per-round", "lots"], "must be a whole number"),
        (["--rounds", "design", "--minutes-per-round", "0"], "between 1 and 180"),
        (["--rounds", "breadth", "--minutes-per-round", "breadth=5,x"], "should look like"),
        (["--rounds", "breadth", "--questions", "0"], "1 to 30 questions"),
    ],
)
def test_bad_loop_options_are_clear_errors(data, args, message):
    done = run_cli("mock", "--rounds", "breadth", *args, input="")
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert list_sessions(open_store()) == []


def test_mock_last_without_any_loop_is_a_clear_error(data):
    done = run_cli("mock", "--last")
    assert done.returncode == 2 and "no finished mock loop yet" in done.stderr


def test_parse_minutes_for_every_round_or_each_one():
    rounds = ["coding", "design"]
    assert loop.parse_minutes(None, rounds) == {"coding": 45, "design": 30}
    assert loop.parse_minutes("20", rounds) == {"coding": 20, "design": 20}
    assert loop.parse_minutes("design=25", rounds) == {"coding": 45, "design": 25}
    assert loop.parse_minutes({"coding": 10}, rounds) == {"coding": 10, "design": 30}
    assert loop.parse_rounds("deep-dive, coding") == ["coding", "deep_dive"]


def test_compose_draws_an_unsolved_problem_and_questions_from_distinct_topics(data):
    store = open_store()
    problems = ["kmeans", "f1_score"]
    store.add(_submission("kmeans", passed=3, total=3))
    for seed in range(5):
        rng = random.Random(seed)
        (coding, breadth) = loop.compose(
            store, ["coding", "breadth"], {"coding": 5, "breadth": 5}, problems=problems, rng=rng
        )
        assert coding.item == "f1_score"
        assert len({topic_of(q) for q in breadth.items}) == 5
    design = loop.compose(store, ["design"], {"design": 5}, problems=problems, rng=rng)[0]
    assert design.items == loop.SHORT_DESIGN_STEPS and design.item in cases()
    full = loop.compose(
        store, ["design"], {"design": 5}, problems=problems, rng=rng, full_design=True
    )[0]
    assert len(full.items) == 10


def test_coding_round_scores_the_best_submission_since_it_began(data):
    store = open_store()
    rounds = [loop.Round("coding", 30, "kmeans")]
    practice_ = loop.start(store, rounds, now=T0)
    store.add(_submission("kmeans", passed=5, total=5, at=T0 - timedelta(minutes=5)))
    loop.begin_coding(store, practice_, "kmeans", now=T0)
    assert loop.round_scores(store, practice_)[0].score is None, "begun, not done"
    store.add(_submission("kmeans", passed=1, total=4, at=T0 + timedelta(minutes=10)))
    store.add(_submission("kmeans", passed=3, total=4, at=T0 + timedelta(minutes=20)))
    store.add(_submission("kmeans", passed=4, total=4, at=T0 + timedelta(minutes=25), mode="run"))
    loop.score_coding_since_start(store, practice_, "kmeans", now=T0 + timedelta(minutes=30))
    (score,) = loop.round_scores(store, practice_)
    assert score.score == pytest.approx(0.75)
    assert "mlprep start kmeans" in score.weak_spots[0]
    finished = loop.finish(store, practice_, now=T0 + timedelta(minutes=31))
    assert "| Coding | kmeans | 30 | 75% |" in finished.report


def _submission(slug: str, passed: int, total: int, at: datetime = T0, mode: str = "judge"):
    verdict = "accepted" if passed == total else "wrong_answer"
    tests = [
        {"index": i, "sample": False, "category": "random", "status": "passed" if i < passed
         else "wrong_answer", "seconds": 0.0}
        for i in range(total)
    ]  # fmt: skip
    return {
        "created_at": at.isoformat(),
        "source": f"# {passed} of {total}\n",
        "report": {
            "problem": slug, "mode": mode, "verdict": verdict, "seconds": 0.1, "tests": tests,
        },
    }  # fmt: skip
