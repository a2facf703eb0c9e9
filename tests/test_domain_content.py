"""Content targets of the ML domain round: every track has at least 30 questions and 2 design cases.

One test per track, so a short track is named in the test id and in the message. The content is
still being written (issue 11); a failure here says which track needs more, not that code broke.
"""

from __future__ import annotations

import pytest

from mlprep.domain.bank import design_cases, load_questions, track_of, tracks

MIN_QUESTIONS = 30
MIN_DESIGN_CASES = 2


@pytest.mark.parametrize("track", list(tracks()))
def test_each_track_has_enough_questions(track: str) -> None:
    count = sum(track_of(qid) == track for qid in load_questions())
    assert count >= MIN_QUESTIONS, (
        f"track '{track}' is short of questions: {count} of at least {MIN_QUESTIONS} "
        f"(add files under src/mlprep/domain/questions/{track}/)"
    )


@pytest.mark.parametrize("track", list(tracks()))
def test_each_track_has_enough_design_cases(track: str) -> None:
    found = design_cases(track)
    assert len(found) >= MIN_DESIGN_CASES, (
        f"track '{track}' is short of design cases: {len(found)} ({', '.join(found) or 'none'}) "
        f"of at least {MIN_DESIGN_CASES} (add '{track}' to a case's `tracks` in design/cases/)"
    )
