"""The system design round on the web: the case list, the timed mock, and their JSON API.

Pages: ``/design`` (cases), ``/design/<case>`` (the timed mock). The API lives under
``/api/design``. Rubrics are only sent by the ``answers`` call, after the user has written
something.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.design import mock
from mlprep.design.schema import Case
from mlprep.store.practice import Practice, get_session
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.render import markdown, without_title
from mlprep.web.shared import PointView, Report, StepAnswers, checked, points, still_open
from mlprep.web.state import AppState, State

router = APIRouter()


class CaseSummary(BaseModel):
    slug: str
    title: str
    difficulty: str
    topics: list[str]
    best_coverage: float | None
    last_practised: datetime | None


class StepView(BaseModel):
    key: str
    title: str
    minutes: float
    minutes_label: str = Field(description='The budget as shown ("3 min"); empty under 1.')
    prompt: str


class CaseDetail(BaseModel):
    slug: str
    title: str
    difficulty: str
    brief: str
    brief_html: str
    steps: list[StepView]


class StepEstimate(BaseModel):
    key: str
    title: str
    answer: str
    points: list[PointView]


class DesignSession(BaseModel):
    uid: str
    case: CaseDetail
    minutes: int
    started_at: datetime
    finished: bool
    answers: dict[str, str]
    report_html: str


class DesignStart(BaseModel):
    case: str
    minutes: Annotated[int, Field(ge=1, le=240)] = mock.DEFAULT_MINUTES


class Ticks(BaseModel):
    ticks: dict[str, list[int]] = Field(
        default_factory=dict, description="Per step, the 0-based rubric points covered."
    )


def _design_or_404(state: AppState, uid: str) -> Practice:
    found = get_session(state.store, uid)
    if found is None or found.kind != mock.ROUND:
        raise HTTPException(404, f"no design mock '{uid}'")
    return found


def case_detail(slug: str, case: Case, budgets: Mapping[str, float]) -> dict[str, Any]:
    """A case with its steps and each step's time budget (the framework's split, scaled)."""
    titles = mock.step_titles()
    return {
        "slug": slug,
        "title": case.title,
        "difficulty": case.difficulty,
        "brief": case.brief,
        "brief_html": str(markdown(case.brief)),
        "steps": [
            {
                "key": k,
                "title": titles[k],
                "minutes": m,
                "minutes_label": mock.minutes_label(m),
                "prompt": case.steps[k].prompt,
            }
            for k, m in budgets.items()
        ],
    }


def estimates(case: Case, keys: list[str], written: Mapping[str, str]) -> list[dict[str, Any]]:
    """The matcher's estimate for each step of ``keys``, beside the answer written."""
    titles = mock.step_titles()
    return [
        {
            "key": key,
            "title": titles[key],
            "answer": written.get(key, ""),
            "points": points(mock.estimate(case, key, written.get(key, ""))),
        }
        for key in keys
    ]


def _case_summaries(state: AppState) -> list[dict[str, Any]]:
    best, seen = mock.best_coverage(state.store), mock.last_practised(state.store)
    return [
        {
            "slug": slug,
            "title": case.title,
            "difficulty": case.difficulty,
            "topics": case.topics,
            "best_coverage": best.get(slug),
            "last_practised": seen.get(slug),
        }
        for slug, case in mock.bank.cases().items()
    ]


def _design_view(state: AppState, found: Practice) -> dict[str, Any]:
    slug = found.spec["case"]
    return {
        "uid": found.uid,
        "case": case_detail(slug, mock.get_case(slug), found.spec["budgets"]),
        "minutes": found.minutes,
        "started_at": found.started_at,
        "finished": found.finished_at is not None,
        "answers": mock.saved_answers(state.store, found.id),
        "report_html": str(markdown(without_title(found.report))) if found.report else "",
    }


@router.get("/design", response_class=HTMLResponse, include_in_schema=False)
def design_list(request: Request, state: State) -> HTMLResponse:
    return page(request, "design.html", cases=_case_summaries(state))


@router.get("/design/{slug}", response_class=HTMLResponse, include_in_schema=False)
def design_page(slug: str, request: Request) -> HTMLResponse:
    case = checked(lambda: mock.get_case(slug))
    detail = case_detail(slug, case, mock.step_budgets(mock.DEFAULT_MINUTES))
    return page(request, "design_mock.html", case=detail, default_minutes=mock.DEFAULT_MINUTES)


@router.get("/api/design/cases", response_model=list[CaseSummary], tags=["design"])
def api_cases(state: State) -> list[dict[str, Any]]:
    return _case_summaries(state)


@router.get(
    "/api/design/cases/{slug}",
    response_model=CaseDetail,
    tags=["design"],
    responses=responses(404, 422),
)
def api_case(slug: str) -> dict[str, Any]:
    case = checked(lambda: mock.get_case(slug))
    return case_detail(slug, case, mock.step_budgets(mock.DEFAULT_MINUTES))


@router.post(
    "/api/design/sessions",
    response_model=DesignSession,
    status_code=201,
    tags=["design"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404),
)
def api_start_design(body: DesignStart, state: State) -> dict[str, Any]:
    """Start a timed mock of one case."""
    started = checked(lambda: mock.start(state.store, body.case, body.minutes))
    return _design_view(state, started)


@router.get(
    "/api/design/sessions/{uid}",
    response_model=DesignSession,
    tags=["design"],
    responses=responses(404, 422),
)
def api_design_session(uid: str, state: State) -> dict[str, Any]:
    return _design_view(state, _design_or_404(state, uid))


@router.put(
    "/api/design/sessions/{uid}/answers",
    response_model=list[StepEstimate],
    tags=["design"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404, 409),
)
def api_save_design(uid: str, body: StepAnswers, state: State) -> list[dict[str, Any]]:
    """Save step answers (drafts, not self-scored yet); returns the matcher's estimate per step."""
    found = _design_or_404(state, uid)
    still_open(found)
    keys = found.spec["steps"]
    unknown = [k for k in body.answers if k not in keys]
    if unknown:
        raise HTTPException(422, f"this mock has no step '{unknown[0]}'")
    case = mock.get_case(found.spec["case"])
    with state.store.writing():  # every step or none: a full disk loses no half of a save
        for key, text in body.answers.items():
            result = mock.step_result(case, key, text)
            mock.save_step(state.store, found.id, found.spec["case"], result, self_scored=False)
    written = mock.saved_answers(state.store, found.id)
    return estimates(case, keys, written)


@router.post(
    "/api/design/sessions/{uid}/finish",
    response_model=Report,
    tags=["design"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404, 409),
)
def api_finish_design(uid: str, body: Ticks, state: State) -> dict[str, Any]:
    """Store the self-scores (the points ticked per step) and the report; close the mock."""
    found = _design_or_404(state, uid)
    still_open(found)
    finished, _ = checked(lambda: mock.finish(state.store, found, body.ticks))
    return {"uid": uid, "markdown": finished.report, "html": str(markdown(finished.report))}
