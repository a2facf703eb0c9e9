"""Pages and API of the coach rounds (filled in by the coach work)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
