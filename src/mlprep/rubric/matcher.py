"""Which rubric points an answer covers, by comparing content words.

Both texts are cut into words; each word is lower-cased, rewritten (``p99``, ``A/B``, British
spellings), read as a word if it is a symbol (``>`` exceeds, ``*`` times), spelled out if it is an
abbreviation, stripped of stop words, stemmed by Snowball's English stemmer and mapped to its
synonym group: the result is a *key*. A rubric point's keys leave out its framing verbs ("Uses",
"Notes") and its contrasts ("rather than ..."). A point's score is the share of its keys the
answer has, or, when higher, the share of the keys of the point without its examples ("such as
..."); it counts as covered from :data:`COVERED_AT`. Clauses where the answer puts something out
of scope or declines it ("we will not cover X", "X is not needed") count for nothing, and so do
the words an answer negates ("we will not tune thresholds per merchant"), except for a point
that is negative itself ("never a random split"). Keys are internal: a :class:`PointMatch` shows
the answer's own words that matched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer

from mlprep.rubric.terms import Terms, terms

COVERED_AT = 0.5
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+|[A-Za-z0-9]+(?:['’/@.-][A-Za-z0-9]+)*|>=|<=|[><*×=≥≤+]")
_PART = re.compile(r"\d+(?:\.\d+)?|[a-z0-9]+")
_CLAUSE = re.compile(r"[;!?\n]|\.(?=\s|$)|\b(?:but|however|whereas|although)\b", re.IGNORECASE)
_SEGMENT_END = re.compile(r"[,;]|\.(?=\s|$)")
_NEGATED_END = re.compile(
    r"[,;:!?\n]|\.(?=\s|$)|\b(?:so|because|since|but|while|whereas|although|however)\b",
    re.IGNORECASE,
)


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words of a lower-cased text."""
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![a-z0-9'])(?:{alternatives})(?![a-z0-9'])")


def _lowered(text: str) -> str:
    """Lower case with typographic apostrophes made plain; as long as ``text``."""
    return text.lower().replace("’", "'")


@dataclass(frozen=True)
class PointMatch:
    point: str
    score: float  # share of the point's content words found in the answer
    found: tuple[str, ...]  # the answer's own words that matched, as written, to show why

    @property
    def covered(self) -> bool:
        return self.score >= COVERED_AT


class _Vocabulary:
    def __init__(self, data: Terms) -> None:
        self.data = data
        self.stop = data.stop
        self.framing = data.framing
        self.rewrites = [(re.compile(r.pattern), r.replace) for r in data.rewrites]
        self._stemmer = snowballstemmer.stemmer("english")
        self.synonyms: dict[str, str] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        for group in data.synonyms:
            stems = [tuple(self.stem(w) for w in words.split()) for words in group.words]
            canonical = " ".join(stems[0])
            for words, stemmed in zip(group.words, stems, strict=True):
                if len(stemmed) == 1 and "-" not in words:
                    self.synonyms[stemmed[0]] = canonical
                else:
                    self.phrases[stemmed] = canonical
        self.longest_phrase = max((len(p) for p in self.phrases), default=1)
        self.optional = _phrases(data.optional_after)
        self.contrast = _phrases(data.contrast_after)
        self.negation = _phrases(data.negations)
        self.scope = tuple(data.out_of_scope)

    @functools.lru_cache(maxsize=65536)  # noqa: B019  (one vocabulary per process)
    def stem(self, word: str) -> str:
        return self._stemmer.stemWord(word)

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def keys(self, token: str) -> tuple[str, ...]:
        """The keys of one lower-cased word as written (several for "a/b" or "ctr")."""
        if token in self.stop:
            return ()
        for pattern, replace in self.rewrites:
            token = pattern.sub(replace, token)
        token = self.data.symbols.get(token, token)
        words: list[str] = []
        for part in _PART.findall(token):
            words.extend(self.data.abbreviations.get(part, part).split())
        keys = []
        for word in words:
            if word in self.stop or (len(word) == 1 and not word.isdigit()):
                continue
            key = self.stem(word)
            keys.append(self.synonyms.get(key, key))
        return tuple(keys)

    def analyse(self, text: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        """(key, the words as written) for every content word of ``text``, in order."""
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        lowered = [t.lower().replace("’", "'") for t in tokens]
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest_phrase, len(tokens) - i), 1 - 1, -1):
                stems = tuple(self.stem(w) for w in lowered[i : i + n])
                if stems in self.phrases:
                    out.append((self.phrases[stems], " ".join(tokens[i : i + n])))
                    i += n
                    break
            else:
                if lowered[i] not in skip:
                    out.extend((key, tokens[i]) for key in self.keys(lowered[i]))
                i += 1
        return out

    def in_scope(self, answer: str) -> str:
        """The answer without the clauses that put something out of scope."""
        kept, start = [], 0
        for cut in [*_CLAUSE.finditer(answer), None]:
            end = cut.end() if cut else len(answer)
            clause = answer[start:end]
            normal = " ".join(_lowered(clause).split())
            if not any(phrase in normal for phrase in self.scope):
                kept.append(clause)
            start = end
        return " ".join(kept)

    def affirmed(self, answer: str) -> str:
        """The answer without what it negates: from a negation to the end of its segment."""
        return _cut(answer, self.negation, _NEGATED_END)

    def without_contrasts(self, point: str) -> str:
        """The point with each contrast segment ("rather than ...") cut out."""
        return _cut(point, self.contrast, _SEGMENT_END)

    def without_examples(self, point: str) -> str:
        """The point with each example segment ("such as ...") cut out."""
        return _cut(point, self.optional, _SEGMENT_END)

    def negative(self, point: str) -> bool:
        """Whether the point itself says what not to do ("never a random split")."""
        return self.negation.search(_lowered(point)) is not None


def _cut(text: str, start_at: re.Pattern[str], end_at: re.Pattern[str]) -> str:
    """``text`` without each span from a match of ``start_at`` to the next ``end_at``."""
    lowered, pieces, start = _lowered(text), [], 0
    for found in start_at.finditer(lowered):
        if found.start() < start:
            continue
        end = end_at.search(lowered, found.end())
        pieces.append(text[start : found.start()])
        start = end.start() if end else len(text)
    pieces.append(text[start:])
    return "".join(pieces)


@functools.cache
def vocabulary() -> _Vocabulary:
    return _Vocabulary(terms())


def _share(wanted: set[str], said: Iterable[str]) -> float:
    return len(wanted & set(said)) / len(wanted) if wanted else 0.0


def match(answer: str, rubric: list[str]) -> list[PointMatch]:
    """How well ``answer`` covers each point of ``rubric``, in rubric order."""
    vocab = vocabulary()
    scoped = vocab.in_scope(answer)
    said_all = vocab.analyse(scoped)
    said_affirmed = vocab.analyse(vocab.affirmed(scoped))
    matches = []
    for point in rubric:
        kept = vocab.without_contrasts(point)
        said = said_all if vocab.negative(kept) else said_affirmed
        keys = {key for key, _ in said}
        full = {key for key, _ in vocab.analyse(kept, vocab.framing)}
        core = {key for key, _ in vocab.analyse(vocab.without_examples(kept), vocab.framing)}
        score = max(_share(full, keys), _share(core, keys))
        shown: dict[str, str] = {}
        for key, words in said:
            if key in full:
                shown.setdefault(words.lower(), words)
        matches.append(PointMatch(point, score, tuple(shown.values())))
    return matches


def coverage(answer: str, rubric: list[str]) -> float:
    """The share of rubric points the answer covers, 0..1."""
    matches = match(answer, rubric)
    return sum(m.covered for m in matches) / len(matches) if matches else 0.0
