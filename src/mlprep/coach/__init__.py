"""Across rounds: progress figures, the mock interview loop and the study plan.

``progress`` turns the user's history into mastery figures per round, group and topic; the CLI
prints them as tables and the web app draws them as charts.
"""
