"""The hand-labelled (answer, rubric point, covered) pairs the matcher is measured on.

A labelled file is TOML: ``[[points]]`` each with ``point`` naming a rubric point of the banks
(``design:<case>/<step>/<index>`` or ``prompt:<round>/<prompt>/<index>``, 0-based) and ``answers``,
each ``{ covered, kind, text }``. Loading checks the fields, that every point exists in the banks
and that no answer is labelled twice for a point. :func:`evaluate` scores a matcher on the pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from pydantic import Field

from mlprep.content import ContentError, Strict, load_item

KINDS = (
    "paraphrase",  # the point in other words
    "verbatim",  # close to the point's own wording
    "abbreviation",  # written with abbreviations (CTR, A/B, p99, GBDT)
    "formula",  # written as a formula (p*amount > (1-p)*margin)
    "negation",  # says the opposite, or declines to do it
    "out-of-scope",  # names the point only to put it out of scope
    "other-point",  # on topic, but another point of the same step
    "unrelated",  # another step's or case's matter
)
Kind = Literal[
    "paraphrase",
    "verbatim",
    "abbreviation",
    "formula",
    "negation",
    "out-of-scope",
    "other-point",
    "unrelated",
]


class Answer(Strict):
    covered: bool
    kind: Kind
    text: str = Field(min_length=10)


class Point(Strict):
    point: str = Field(pattern=r"^(design|prompt):[a-z0-9_-]+/[a-z0-9_-]+/\d+$")
    answers: list[Answer] = Field(min_length=1)


class LabelledFile(Strict):
    points: list[Point] = Field(min_length=1)


@dataclass(frozen=True)
class Pair:
    source: str  # the point's id, e.g. design:payment-fraud/loss/2
    point: str  # its text
    answer: str
    covered: bool
    kind: str


def rubric_point(point_id: str) -> str | None:
    """The text of a rubric point named as in a labelled file, or None if there is none."""
    from mlprep.design.bank import cases
    from mlprep.prompts.bank import ROUNDS, prompts

    bank, _, rest = point_id.partition(":")
    owner, part, index = rest.split("/")
    points: Sequence[str] | None = None
    if bank == "design":
        case = cases().get(owner)
        step = case.steps.get(part) if case else None
        points = step.rubric if step else None
    elif owner in ROUNDS:
        prompt = prompts(owner).get(part)
        points = prompt.strong_answer_shows if prompt else None
    return points[int(index)] if points and int(index) < len(points) else None


def load_file(path: Path) -> list[Pair]:
    """The pairs of one file; :class:`ContentError` names the file and what is wrong."""
    data = load_item(path, LabelledFile)
    pairs: list[Pair] = []
    seen: set[tuple[str, str]] = set()
    for n, item in enumerate(data.points):
        text = rubric_point(item.point)
        if text is None:
            raise ContentError(path, f"field 'points.{n}.point': no rubric point '{item.point}'")
        for answer in item.answers:
            if (item.point, answer.text) in seen:
                raise ContentError(path, f"'{item.point}' labels an answer twice: {answer.text}")
            seen.add((item.point, answer.text))
            pairs.append(Pair(item.point, text, answer.text, answer.covered, answer.kind))
    return pairs


def load(folder: Path) -> list[Pair]:
    """Every ``*.toml`` file of ``folder``, in name order."""
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ContentError(folder, "no labelled *.toml files")
    return [pair for path in files for pair in load_file(path)]


class _Covers(Protocol):
    covered: bool


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[Pair] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind: [right, total]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def evaluate(pairs: Sequence[Pair], match: Callable[[str, list[str]], Sequence[_Covers]]) -> Scores:
    """How ``match(answer, [point])`` agrees with the labels: precision and recall of "covered"."""
    scores = Scores()
    for pair in pairs:
        said = match(pair.answer, [pair.point])[0].covered
        if said and pair.covered:
            scores.tp += 1
        elif said:
            scores.fp += 1
        elif pair.covered:
            scores.fn += 1
        else:
            scores.tn += 1
        right = said == pair.covered
        if not right:
            scores.wrong.append(pair)
        tally = scores.by_kind.setdefault(pair.kind, [0, 0])
        tally[0] += right
        tally[1] += 1
    return scores
