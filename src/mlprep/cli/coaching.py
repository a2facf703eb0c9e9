"""Commands of the coach rounds (filled in by the coach work)."""

from __future__ import annotations

COMMANDS: list = []
