"""The progress round's page and API: the dashboard (/progress, /api/dashboard).

It shows per-round mastery cards, per-topic bars, and two charts drawn in the browser by uPlot
(vendored, served by the app) from the data embedded in the page: mastery over time and the
coding activity, both with tooltips and a time axis that runs to today.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.coach.mastery import WINDOW_DAYS, Mastery, as_of, load_mastery
from mlprep.store.settings import chosen_tracks
from mlprep.web.pages import page
from mlprep.web.state import AppState, State

router = APIRouter()


@router.get("/progress", response_class=HTMLResponse, include_in_schema=False)
def progress(request: Request, state: State) -> HTMLResponse:
    mastery = _mastery(state)
    coding = state.coding_progress()
    return page(
        request,
        "progress.html",
        p=coding,
        m=mastery,
        charts={
            "mastery": mastery_chart(mastery),
            "activity": activity_chart(coding.daily, mastery.now),
        },
        window_days=WINDOW_DAYS,
        domain_tracks=chosen_tracks(state.store),
    )


class TopicView(BaseModel):
    round: str
    key: str
    label: str
    score: float | None = Field(description="0..1; null when unmeasured")
    count: int
    detail: str
    next_items: list[str]


class WeekView(BaseModel):
    start: date
    end: date = Field(description="the window's last day; today for the last window")
    score: float | None
    count: int


class RoundView(BaseModel):
    round: str
    title: str
    score: float | None = Field(description="current mastery, 0..1; null when unmeasured")
    trend: float | None = Field(description="change over the last four weeks")
    activity: int
    recent_activity: int
    measured_topics: int
    retrievability: float | None = Field(
        description="breadth and domain: mean FSRS recall probability of the cards seen"
    )
    retention: float | None = Field(
        description="breadth and domain: share of the last 28 days' reviews rated right"
    )
    weekly: list[WeekView]
    topics: list[TopicView]
    breakdowns: dict[str, list[TopicView]]


class DashboardView(BaseModel):
    now: datetime
    rounds: list[RoundView]
    weakest: list[TopicView]


@router.get("/api/dashboard", response_model=DashboardView, tags=["coach"])
def get_dashboard(state: State) -> dict[str, Any]:
    """Mastery per round and topic, weekly series for the last weeks, and the weakest topics."""
    return _mastery(state).to_dict()


def _mastery(state: AppState) -> Mastery:
    return load_mastery(state.store, now(), state.problems.values())


def now() -> datetime:
    """The server's clock in its local time zone: days and weeks are the user's local ones."""
    return datetime.now().astimezone()


# --- the charts' data (drawn by uPlot, static/vendor/uplot, in static/charts.js) ------------


def mastery_chart(mastery: Mastery) -> dict[str, Any]:
    """Each round's weekly figure (percent, null when unmeasured) at each window's last moment:
    the end of its last day, now for the current one; the time axis runs to now."""
    weeks = next(iter(mastery.rounds.values())).weekly
    moments = [as_of(point, mastery.now) for point in weeks]
    return {
        "x": [at.timestamp() for at in moments],
        "x_min": (moments[0] - timedelta(days=7)).timestamp() if moments else None,
        "x_max": mastery.now.timestamp(),
        "series": [
            {
                "round": r.round,
                "title": r.title,
                "values": [None if p.score is None else round(p.score * 100, 2) for p in r.weekly],
                "counts": [p.count for p in r.weekly],
            }
            for r in mastery.rounds.values()
        ],
    }


def activity_chart(daily: list[tuple[date, int]], now: datetime) -> dict[str, Any]:
    """Runs and submissions per day, each day's bar at its noon; the axis runs to the end of
    today."""
    noon = [datetime.combine(day, time(12), tzinfo=now.tzinfo) for day, _ in daily]
    return {
        "x": [at.timestamp() for at in noon],
        "counts": [count for _, count in daily],
        "x_min": (noon[0] - timedelta(hours=12)).timestamp() if noon else None,
        "x_max": datetime.combine(now.date(), time.max, tzinfo=now.tzinfo).timestamp(),
    }
