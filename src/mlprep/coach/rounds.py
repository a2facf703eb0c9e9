"""The interview rounds mlprep practises, in the order pages and reports list them.

ML breadth and ML domain knowledge are both decks of questions scheduled by FSRS
(:data:`mlprep.review.deck.DECKS`): breadth covers the foundations by topic, the domain round
goes deep in the tracks you interview for (LLMs, recommender systems, search and ads, vision,
experimentation). Coach code iterates :data:`ROUNDS`; :data:`DECK_ROUNDS` are the question rounds.
"""

from __future__ import annotations

ROUND_TITLES = {
    "coding": "Coding",
    "breadth": "ML breadth",
    "domain": "ML domain knowledge",
    "design": "System design",
    "behavioral": "Behavioral",
    "deep_dive": "Project deep dive",
}
ROUNDS = tuple(ROUND_TITLES)
DECK_ROUNDS = ("breadth", "domain")  # question rounds: a deck of mlprep.review.deck.DECKS each
