"""Pages and API of the design rounds (filled in by the design work)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
