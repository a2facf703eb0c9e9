"""Commands of the design rounds (filled in by the design work)."""

from __future__ import annotations

COMMANDS: list = []
