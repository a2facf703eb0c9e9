"""The project deep-dive and behavioral rounds: prompt banks, the STAR template, saved answers.

``bank`` loads ``behavioral/<slug>.toml``, ``deep_dive/<slug>.toml`` and ``star.toml``.
"""
