"""Numeric cards carry their own arithmetic: a small function beside each recomputes the answer.

Every numeric question ``X.toml`` of the 2026 breadth topics and of the domain round has a
sibling ``X.py`` whose ``answer()`` recomputes the value from the numbers in the question, so a
question and its answer cannot drift apart. Older numeric cards may have one too; when they do,
it must agree.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mlprep.content import load_bank
from mlprep.review.bank import HERE as REVIEW
from mlprep.review.bank import questions
from mlprep.review.schema import Question

BREADTH = REVIEW / "questions"
DOMAIN = REVIEW.parent / "domain" / "questions"
DOMAIN_QUESTIONS = load_bank(DOMAIN, Question, depth=2)
NEW_TOPICS = (
    "retrieval-embeddings",
    "ann-indexes",
    "retrieval-augmented-generation",
    "generative-evaluation",
    "training-at-scale",
    "generative-models",
    "fairness-metrics",
)
NUMERIC = [(BREADTH, qid, q) for qid, q in questions().items() if q.kind == "numeric"]
NUMERIC += [(DOMAIN, qid, q) for qid, q in DOMAIN_QUESTIONS.items() if q.kind == "numeric"]


def _answer(path: Path) -> float:
    spec = importlib.util.spec_from_file_location(f"answer_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return float(module.answer())


@pytest.mark.parametrize(("root", "qid", "question"), NUMERIC, ids=[q for _, q, _ in NUMERIC])
def test_a_numeric_answer_equals_its_function(root, qid, question):
    path = root / f"{qid}.py"
    if root == DOMAIN or qid.split("/")[0] in NEW_TOPICS:
        assert path.is_file(), f"{qid}: a numeric card of a 2026 topic needs {path.name}"
    if path.is_file():
        assert abs(_answer(path) - question.value) <= question.tolerance / 10


def test_the_2026_breadth_topics_have_their_counts():
    new = [q for qid, q in questions().items() if qid.split("/")[0] in NEW_TOPICS]
    assert len(new) == 136
    assert sum(q.kind == "numeric" for q in new) == 55


def test_every_domain_track_has_its_deep_questions():
    per_track: dict[str, int] = {}
    for qid in DOMAIN_QUESTIONS:
        per_track[qid.split("/")[0]] = per_track.get(qid.split("/")[0], 0) + 1
    assert per_track == {
        t: 33 for t in ("llm", "recsys", "search-ads", "vision", "experimentation")
    }
    assert sum(q.kind == "numeric" for q in DOMAIN_QUESTIONS.values()) == 50
