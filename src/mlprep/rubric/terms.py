"""The matcher's vocabulary (``terms.toml``): stop words, rewrites, symbols, abbreviations,
synonyms and the phrases that put a clause out of scope, checked when loaded."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import field_validator, model_validator

from mlprep.content import Strict, load_item

HERE = Path(__file__).parent
ONE_WORD = re.compile(r"^[a-z0-9]+$")
WORDS = re.compile(r"^[a-z0-9'-]+( [a-z0-9'-]+)*$")


class Rewrite(Strict):
    pattern: str
    replace: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return value


class Synonyms(Strict):
    words: list[str]

    @field_validator("words")
    @classmethod
    def _words(cls, value: list[str]) -> list[str]:
        if len(value) < 2:
            raise ValueError("a synonym group needs at least two words")
        bad = [w for w in value if not WORDS.match(w)]
        if bad:
            raise ValueError(f"'{bad[0]}' is not lower-case words separated by single spaces")
        return value


class Terms(Strict):
    stop_words: str
    framing_words: str
    rewrites: list[Rewrite]
    out_of_scope: list[str]
    negations: list[str]
    optional_after: list[str]
    contrast_after: list[str]
    symbols: dict[str, str]
    abbreviations: dict[str, str]
    synonyms: list[Synonyms]

    @field_validator("stop_words", "framing_words")
    @classmethod
    def _word_list(cls, value: str) -> str:
        bad = [w for w in value.split() if not WORDS.match(w)]
        if bad:
            raise ValueError(f"'{bad[0]}' is not a lower-case word")
        return value

    @field_validator("abbreviations")
    @classmethod
    def _abbreviations(cls, value: dict[str, str]) -> dict[str, str]:
        for short, long in value.items():
            if not ONE_WORD.match(short):
                raise ValueError(f"abbreviation '{short}' must be one lower-case word")
            if not WORDS.match(long):
                raise ValueError(f"'{short}' must stand for lower-case words, not '{long}'")
        return value

    @field_validator("out_of_scope", "negations", "optional_after", "contrast_after")
    @classmethod
    def _phrases(cls, value: list[str]) -> list[str]:
        bad = [p for p in value if p != p.lower().strip() or not p]
        if bad:
            raise ValueError(f"'{bad[0]}' must be a lower-case phrase")
        return value

    @model_validator(mode="after")
    def _each_word_in_one_group(self) -> Terms:
        seen: dict[str, int] = {}
        for index, group in enumerate(self.synonyms):
            for word in group.words:
                if word in seen:
                    raise ValueError(
                        f"'{word}' is in synonym groups {seen[word] + 1} and {index + 1}"
                    )
                seen[word] = index
        return self

    @property
    def stop(self) -> frozenset[str]:
        return frozenset(self.stop_words.split())

    @property
    def framing(self) -> frozenset[str]:
        return frozenset(self.framing_words.split())


def load_terms(path: Path | None = None) -> Terms:
    """The vocabulary; raises :class:`mlprep.content.ContentError` naming a bad field."""
    return load_item(path or HERE / "terms.toml", Terms)


@functools.cache
def terms() -> Terms:
    return load_terms()
