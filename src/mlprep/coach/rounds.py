"""The interview rounds mlprep practises, in the order pages and reports list them.

ML domain knowledge is practised within breadth (its topics reach into deep learning and
transformers), so it has no round of its own.
"""

from __future__ import annotations

ROUND_TITLES = {
    "coding": "Coding",
    "breadth": "ML breadth",
    "design": "System design",
    "behavioral": "Behavioral",
    "deep_dive": "Project deep dive",
}
ROUNDS = tuple(ROUND_TITLES)
