"""The rubric matcher as it was before issue 12 (a hand-written suffix stemmer and stop list).

A frozen copy, kept only so scripts/rubric_eval.py can measure the old and the new matcher on the
same labelled set in one run. Nothing in mlprep imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COVERED_AT = 0.5
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_STOP_WORDS = """
    a an the and or of to in on for with by from at as is are be been being it its this that
    these those which who whom what when where how why than then so such into onto over under
    per via not no do does did can could should would will may might must use uses used using
    each every any all both either one two more most less least very also only just about
    their there they them we our you your he she his her i me my if but while because after
    before between within without same other others own make makes made keep keeps first"""
_STOP = frozenset(_STOP_WORDS.split())  # noqa: SIM905  (a word list reads better as prose)
_ABBREVIATIONS = {
    "ctr": "click through rate",
    "auc": "area under curve",
    "roc": "receiver operating characteristic",
    "ab": "a b test",
    "qps": "queries per second",
    "ann": "approximate nearest neighbor",
    "gbdt": "gradient boosted decision trees",
    "ndcg": "normalized discounted cumulative gain",
    "p99": "latency percentile",
    "psi": "population stability index",
    "ltv": "lifetime value",
}
_SUFFIXES = (
    "ization",
    "isation",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ities",
    "ity",
    "ings",
    "ing",
    "ies",
    "ers",
    "er",
    "ed",
    "es",
    "s",
    "ly",
)


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    words: set[str] = set()
    for word in _WORD.findall(text.lower()):
        for part in _ABBREVIATIONS.get(word, word).replace("-", " ").split():
            if part not in _STOP and (len(part) > 1 or part.isdigit()):
                words.add(stem(part))
    return words


@dataclass(frozen=True)
class PointMatch:
    point: str
    score: float  # share of the point's content words found in the answer
    found: tuple[str, ...]  # the matched words, to show why

    @property
    def covered(self) -> bool:
        return self.score >= COVERED_AT


def match(answer: str, rubric: list[str]) -> list[PointMatch]:
    """How well ``answer`` covers each point of ``rubric``, in rubric order."""
    said = content_words(answer)
    matches = []
    for point in rubric:
        wanted = content_words(point)
        found = tuple(sorted(wanted & said))
        matches.append(PointMatch(point, len(found) / len(wanted) if wanted else 0.0, found))
    return matches


def coverage(answer: str, rubric: list[str]) -> float:
    """The share of rubric points the answer covers, 0..1."""
    matches = match(answer, rubric)
    return sum(m.covered for m in matches) / len(matches) if matches else 0.0
