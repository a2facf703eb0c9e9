"""The coach's pages and API: the progress dashboard (/progress) and the study plan (/plan).

The dashboard shows per-round mastery cards, per-topic bars, and two charts drawn in the browser
by uPlot (vendored, served by the app) from the data embedded in the page: mastery over time
and the coding activity, both with tooltips and a time axis that runs to today. The plan page
ticks tasks through the JSON API (static/coach.js). API errors are ``{"detail": "..."}`` with
a 4xx status.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.coach.mastery import WINDOW_DAYS, Mastery, as_of, load_mastery
from mlprep.coach.plan import (
    ROUND_CHOICES,
    ROUNDS,
    TASK_TITLES,
    Plan,
    PlanError,
    UnknownTask,
    active_plan,
    create_plan,
    set_done,
)
from mlprep.store.settings import chosen_tracks
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.state import AppState, get_state

router = APIRouter()
State = Annotated[AppState, Depends(get_state)]


# --- pages ----------------------------------------------------------------------------------


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


@router.get("/plan", response_class=HTMLResponse, include_in_schema=False)
def plan_page(request: Request, state: State) -> HTMLResponse:
    current = active_plan(state.store, _now().tzinfo)
    return page(
        request,
        "plan.html",
        plan=current,
        days=current.days() if current else {},
        today=_now().date(),
        titles=TASK_TITLES,
        rounds=ROUNDS,
        domain_tracks=chosen_tracks(state.store),
        assignments=state.assignments(),
    )


# --- API ------------------------------------------------------------------------------------


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


class TaskView(BaseModel):
    id: int
    day: date
    round: str
    topic: str
    minutes: int
    what: str
    item: str = Field(description="what it works on: a problem, case or prompt id, or rounds")
    href: str = Field(description="the page where the task's work is done")
    command: str = Field(description="the mlprep command that does it in a terminal")
    done: bool = Field(description="ticked by hand, or its work found in the store that day")
    done_at: datetime | None = Field(description="when it was ticked by hand")
    evidence: str = Field(description="the work found in the store on the task's day, in words")


class PlanView(BaseModel):
    id: int
    created_at: datetime
    interview_date: date
    hours_per_week: float
    rounds: list[str]
    total_minutes: int
    done_minutes: int
    minutes_by_round: dict[str, int]
    tasks: list[TaskView]


class NewPlan(BaseModel):
    interview_date: date = Field(description="The interview day (YYYY-MM-DD), after start_date.")
    hours_per_week: float = Field(description="More than 0, at most 80.")
    rounds: list[str] | None = Field(
        None,
        description=f"Default all (domain only once tracks are chosen); from "
        f"{', '.join(ROUND_CHOICES)}.",
    )
    start_date: date | None = Field(None, description="The plan's first day; default today.")


@router.get("/api/dashboard", response_model=DashboardView, tags=["coach"])
def get_dashboard(state: State) -> dict[str, Any]:
    """Mastery per round and topic, weekly series for the last weeks, and the weakest topics."""
    return _mastery(state).to_dict()


@router.get("/api/plan", response_model=PlanView, tags=["coach"], responses=responses(404))
def get_plan(state: State) -> dict[str, Any]:
    """The active study plan with every task."""
    return _plan_or_404(active_plan(state.store, _now().tzinfo)).to_dict()


@router.post(
    "/api/plan",
    status_code=201,
    response_model=PlanView,
    tags=["coach"],
    responses=responses(*BODY_ERRORS, *STORING, 403),
)
def post_plan(state: State, body: NewPlan) -> dict[str, Any]:
    """Make a new plan from the current mastery; it replaces the active one."""
    now = _now()
    try:
        made = create_plan(
            state.store,
            body.interview_date,
            body.hours_per_week,
            body.rounds,
            start=body.start_date or now.date(),
            now=now,
        )
    except PlanError as exc:
        raise HTTPException(422, str(exc)) from None
    return made.to_dict()


@router.post(
    "/api/plan/tasks/{task_id}/done",
    response_model=TaskView,
    tags=["coach"],
    responses=responses(404, 422, *STORING, 403),
)
def tick_task(task_id: int, state: State) -> dict[str, Any]:
    """Mark a task of the active plan done (again: keeps the first time)."""
    return _set_done(state, task_id, True)


@router.delete(
    "/api/plan/tasks/{task_id}/done",
    response_model=TaskView,
    tags=["coach"],
    responses=responses(404, 422, *STORING, 403),
)
def untick_task(task_id: int, state: State) -> dict[str, Any]:
    """Mark a task of the active plan not done."""
    return _set_done(state, task_id, False)


def _set_done(state: AppState, task_id: int, done: bool) -> dict[str, Any]:
    try:
        return set_done(state.store, task_id, done, _now()).to_dict()
    except UnknownTask as exc:
        raise HTTPException(404, str(exc)) from None


def _plan_or_404(found: Plan | None) -> Plan:
    if found is None:
        raise HTTPException(404, "no active plan: create one with POST /api/plan")
    return found


def _mastery(state: AppState) -> Mastery:
    return load_mastery(state.store, _now(), state.problems.values())


def _now() -> datetime:
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
