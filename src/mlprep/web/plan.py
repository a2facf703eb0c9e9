"""The study plan's page and API (/plan, /api/plan): make a plan, read it, tick its tasks.

The page ticks tasks through the JSON API (static/coach.js). API errors are
``{"detail": "..."}`` with a 4xx status.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

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
from mlprep.web.progress import now as _now
from mlprep.web.state import AppState, State

router = APIRouter()


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
