"""The ML breadth round: the question bank (one TOML file per question) and its spaced repetition.

``bank`` loads and validates the questions, ``grading`` marks choice and numeric answers, and
``scheduler`` keeps each card's FSRS state in the database and says which cards are due.
"""
