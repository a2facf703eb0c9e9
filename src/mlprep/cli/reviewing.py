"""Commands of the review rounds (filled in by the review work)."""

from __future__ import annotations

COMMANDS: list = []
