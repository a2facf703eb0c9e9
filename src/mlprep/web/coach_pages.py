"""The coach's pages and API: the progress dashboard (/progress) and the study plan (/plan).

The dashboard keeps the coding charts and adds per-round mastery cards, per-topic bars and a
chart of mastery over time, all drawn server-side as inline SVG. The plan page ticks tasks through
the JSON API (static/coach.js). API errors are ``{"detail": "..."}`` with a 4xx status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.coach.mastery import WINDOW_DAYS, Mastery, load_mastery
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
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 640, 200, 28


# --- pages ----------------------------------------------------------------------------------


@router.get("/progress", response_class=HTMLResponse, include_in_schema=False)
def progress(request: Request, state: State) -> HTMLResponse:
    mastery = _mastery(state)
    return page(
        request,
        "progress.html",
        p=state.coding_progress(),
        m=mastery,
        chart=mastery_chart(mastery),
        window_days=WINDOW_DAYS,
        domain_tracks=chosen_tracks(state.store),
    )


@router.get("/plan", response_class=HTMLResponse, include_in_schema=False)
def plan_page(request: Request, state: State) -> HTMLResponse:
    current = active_plan(state.store)
    return page(
        request,
        "plan.html",
        plan=current,
        days=current.days() if current else {},
        today=_now().date(),
        titles=TASK_TITLES,
        rounds=ROUNDS,
        domain_tracks=chosen_tracks(state.store),
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
    done: bool
    done_at: datetime | None


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
    return _plan_or_404(active_plan(state.store)).to_dict()


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


# --- the mastery-over-time chart ------------------------------------------------------------


@dataclass(frozen=True)
class ChartLine:
    round: str
    title: str
    segments: list[str]  # SVG polyline "x,y x,y" runs, broken where a week is unmeasured
    dots: list[tuple[float, float, str]]  # x, y, tooltip


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[ChartLine]
    ticks: list[tuple[float, str]]  # x, week label
    grid: list[tuple[float, str]]  # y, percent label


def mastery_chart(mastery: Mastery) -> Chart:
    """Each round's weekly score as a line; x is the week, y the score (100% at the top)."""
    weeks = next(iter(mastery.rounds.values())).weekly
    inner_w = CHART_WIDTH - 2 * CHART_PAD
    inner_h = CHART_HEIGHT - 2 * CHART_PAD
    step = inner_w / max(len(weeks) - 1, 1)

    def x(index: int) -> float:
        return round(CHART_PAD + index * step, 1)

    def y(score: float) -> float:
        return round(CHART_PAD + (1 - score) * inner_h, 1)

    lines = []
    for r in mastery.rounds.values():
        segments, run, dots = [], [], []
        for index, point in enumerate(r.weekly):
            if point.score is None:
                segments, run = _close(segments, run), []
                continue
            run.append(f"{x(index)},{y(point.score)}")
            label = f"{r.title}, week of {point.start:%b %d}: {point.score:.0%}"
            dots.append((x(index), y(point.score), label))
        lines.append(ChartLine(r.round, r.title, _close(segments, run), dots))
    ticks = [(x(i), f"{w.start:%b %d}") for i, w in enumerate(weeks)]
    grid = [(y(level), f"{level:.0%}") for level in (0.0, 0.5, 1.0)]
    return Chart(CHART_WIDTH, CHART_HEIGHT, lines, ticks, grid)


def _close(segments: list[str], run: list[str]) -> list[str]:
    return [*segments, " ".join(run)] if run else segments
