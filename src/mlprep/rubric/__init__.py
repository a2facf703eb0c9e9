"""Estimating which rubric points a written answer covers: the matcher shared by every round.

Design mocks (a case step's rubric) and the behavioral and deep-dive prompts ("what a strong answer
shows") both ask the same question of an answer, so the matcher lives here rather than in either
round. ``matcher`` compares content words (stop words dropped, Snowball stems, synonyms and
interview abbreviations from ``terms.toml``, clauses the answer puts out of scope ignored);
``terms`` loads and checks that vocabulary; ``labelled`` loads the hand-labelled pairs the matcher
is measured on (``scripts/rubric_eval.py``). What a user is shown are the answer's own words that
matched, never stems. It is an estimate for the user to correct, never a grade on its own.
"""

from mlprep.rubric.matcher import COVERED_AT, PointMatch, coverage, match

__all__ = ["COVERED_AT", "PointMatch", "coverage", "match"]
