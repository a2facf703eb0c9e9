"""Cohorts on a team server: the JSON API and the pages (``/cohorts``, ``/join/CODE``).

Only a team server includes these routes. Instructors and admins create cohorts and set work;
anyone logged in may join a cohort with its invite code and sees their assignments (on the
home page and the plan too). A cohort, its table and its assignments answer 404 to anyone but
the instructor who owns it, as every other user's row does. The queries are in
``mlprep.team.cohorts`` and ``mlprep.team.cohort_figures``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import AwareDatetime, BaseModel, Field

from mlprep.team import cohort_figures, cohorts
from mlprep.team.accounts import User
from mlprep.web.auth import CurrentUser
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.state import AppState, State

router = APIRouter(prefix="/api", tags=["cohorts"])
page_router = APIRouter(include_in_schema=False)


# --- API models -------------------------------------------------------------------------------


class NewCohort(BaseModel):
    name: str = Field(max_length=cohorts.MAX_NAME_CHARS, description="Shown to its learners.")


class CohortView(BaseModel):
    id: int
    name: str
    invite_code: str
    join_path: str = Field(description="The invite link's path: /join/CODE.")
    created_at: datetime


class JoinedView(BaseModel):
    id: int
    name: str
    instructor: str
    joined_at: datetime


class MemberView(BaseModel):
    user_id: int
    username: str
    joined_at: datetime


class AssignmentView(BaseModel):
    id: int
    cohort_id: int
    kind: Literal["problems", "breadth", "design", "loop"]
    title: str
    items: list[str]
    due_at: datetime
    created_at: datetime


class CohortDetail(CohortView):
    members: list[MemberView]
    assignments: list[AssignmentView]


class CohortList(BaseModel):
    owned: list[CohortView] = Field(description="Cohorts you teach (instructors and admins).")
    joined: list[JoinedView] = Field(description="Cohorts you are a learner in.")


class NewAssignment(BaseModel):
    kind: Literal["problems", "breadth", "design", "loop"]
    items: list[str] = Field(
        default_factory=list,
        max_length=cohorts.MAX_ITEMS,
        description="Problem slugs, breadth topics or design case slugs; none for a mock loop.",
    )
    due_at: AwareDatetime = Field(description="With its time zone: 2027-01-31T23:59:00+00:00.")
    title: str | None = Field(None, max_length=cohorts.MAX_TITLE_CHARS)


class JoinCode(BaseModel):
    code: str = Field(max_length=64, description="The invite code (the end of the invite link).")


class ProgressView(BaseModel):
    done_items: int
    total_items: int
    state: Literal["done", "due", "overdue"]


class MyAssignment(AssignmentView, ProgressView):
    cohort: str


class LearnerView(BaseModel):
    user_id: int
    username: str
    done: int
    due: int
    overdue: int
    accepted: int = Field(description="Assigned problems with an accepted submission.")
    assigned_problems: int
    retention: float | None = Field(
        description="Share of breadth reviews in the window rated Good/Easy or marked correct."
    )
    reviews: int = Field(description="Breadth reviews in the window.")
    design_coverage: float | None = Field(
        description="Mean rubric coverage of the latest answer to each design case step."
    )
    design_answers: int
    assignments: dict[str, ProgressView] = Field(description="By assignment id.")


class CategoryView(BaseModel):
    category: str
    submissions: int = Field(description="Judged submissions failing a hidden test of it.")


class ProblemView(BaseModel):
    slug: str
    title: str
    learners: int
    learners_attempted: int
    learners_accepted: int
    submissions: int
    accepted_submissions: int
    acceptance_rate: float | None
    failing_categories: list[CategoryView]


class TableView(BaseModel):
    cohort: CohortView
    now: datetime
    window_days: int
    assignments: list[AssignmentView]
    learners: list[LearnerView]
    problems: list[ProblemView]


# --- API --------------------------------------------------------------------------------------


def instructor(user: CurrentUser) -> User:
    if not user.is_instructor:
        raise HTTPException(403, "only instructors and admins create cohorts")
    return user


@contextmanager
def _as_http() -> Iterator[None]:
    """The cohort module's refusals as HTTP answers: not found is 404, the rest 422."""
    try:
        yield
    except cohorts.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except cohorts.CohortError as exc:
        raise HTTPException(422, str(exc)) from None


@router.post(
    "/cohorts",
    status_code=201,
    response_model=CohortView,
    responses=responses(*BODY_ERRORS, *STORING, 403),
)
def create_cohort(
    body: NewCohort, state: State, _: Annotated[User, Depends(instructor)]
) -> dict[str, Any]:
    """Create a cohort (instructors and admins; 403 for learners) with a fresh invite code."""
    with _as_http():
        return cohorts.create_cohort(state.store, body.name).to_dict()


@router.get("/cohorts", response_model=CohortList)
def list_cohorts(state: State) -> dict[str, Any]:
    """The cohorts you teach and the cohorts you are a learner in."""
    return {
        "owned": [c.to_dict() for c in cohorts.owned_cohorts(state.store)],
        "joined": [j.to_dict() for j in cohorts.joined_cohorts(state.store)],
    }


@router.get("/cohorts/{cohort_id}", response_model=CohortDetail, responses=responses(404, 422))
def get_cohort(cohort_id: int, state: State) -> dict[str, Any]:
    """One of your cohorts: its invite code, learners and assignments."""
    with _as_http():
        return _detail(state, cohort_id)


@router.post(
    "/cohorts/{cohort_id}/invite-code",
    response_model=CohortView,
    responses=responses(404, 422, *STORING, 403),
)
def rotate_invite_code(cohort_id: int, state: State) -> dict[str, Any]:
    """A new invite code for one of your cohorts; the old link stops working."""
    with _as_http():
        return cohorts.rotate_code(state.store, cohort_id).to_dict()


@router.delete(
    "/cohorts/{cohort_id}/members/{member_id}",
    status_code=204,
    response_class=Response,
    responses=responses(404, 422, *STORING, 403),
)
def remove_member(cohort_id: int, member_id: int, state: State) -> Response:
    """Take a learner out of one of your cohorts; their own work stays theirs."""
    with _as_http():
        cohorts.remove_member(state.store, cohort_id, member_id)
    return Response(status_code=204)


@router.post(
    "/cohorts/{cohort_id}/assignments",
    status_code=201,
    response_model=AssignmentView,
    responses=responses(404, *BODY_ERRORS, *STORING, 403),
)
def add_assignment(cohort_id: int, body: NewAssignment, state: State) -> dict[str, Any]:
    """Set work for one of your cohorts, due at ``due_at``."""
    with _as_http():
        made = cohorts.add_assignment(
            state.store,
            cohort_id,
            body.kind,
            body.items,
            body.due_at,
            known=_known_items(state, body.kind),
            title=body.title,
        )
    return made.to_dict()


@router.delete(
    "/cohorts/{cohort_id}/assignments/{assignment_id}",
    status_code=204,
    response_class=Response,
    responses=responses(404, 422, *STORING, 403),
)
def remove_assignment(cohort_id: int, assignment_id: int, state: State) -> Response:
    """Withdraw an assignment of one of your cohorts."""
    with _as_http():
        cohorts.remove_assignment(state.store, cohort_id, assignment_id)
    return Response(status_code=204)


@router.get("/cohorts/{cohort_id}/table", response_model=TableView, responses=responses(404, 422))
def get_table(cohort_id: int, state: State) -> dict[str, Any]:
    """The cohort table: per learner, assignments done, due and overdue, accepted problems,
    breadth retention and design coverage; per assigned problem, acceptance and the hidden-test
    categories failed most. Never any learner's code or answers."""
    with _as_http():
        return _table(state, cohort_id).to_dict()


@router.get(
    "/cohorts/{cohort_id}/table.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}, **responses(404, 422)},
)
def get_table_csv(cohort_id: int, state: State) -> Response:
    """The learners' part of the cohort table as CSV (formula-safe: see the docs)."""
    return _csv_download(state, cohort_id, cohort_figures.table_csv, "")


@router.get(
    "/cohorts/{cohort_id}/problems.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}, **responses(404, 422)},
)
def get_problems_csv(cohort_id: int, state: State) -> Response:
    """The per-problem part of the cohort table as CSV: learners attempted and accepted,
    submissions, acceptance rate, commonest failing hidden-test categories."""
    return _csv_download(state, cohort_id, cohort_figures.problems_csv, "-problems")


def _csv_download(
    state: AppState,
    cohort_id: int,
    render: Callable[[cohort_figures.CohortTable], str],
    suffix: str,
) -> Response:
    with _as_http():
        table = _table(state, cohort_id)
    name = f"cohort-{cohort_id}{suffix}-{table.now:%Y%m%d}.csv"
    return Response(
        render(table),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post(
    "/memberships", response_model=JoinedView, responses=responses(404, *BODY_ERRORS, *STORING, 403)
)
def join_cohort(body: JoinCode, state: State) -> dict[str, Any]:
    """Join the cohort an invite code opens (joining again changes nothing)."""
    with _as_http():
        return cohorts.join(state.store, body.code.strip()).to_dict()


@router.delete(
    "/memberships/{cohort_id}",
    status_code=204,
    response_class=Response,
    responses=responses(404, 422, *STORING, 403),
)
def leave_cohort(cohort_id: int, state: State) -> Response:
    """Leave a cohort you are a learner in."""
    with _as_http():
        cohorts.leave(state.store, cohort_id)
    return Response(status_code=204)


@router.get("/assignments", response_model=list[MyAssignment])
def my_assignments(state: State) -> list[dict[str, Any]]:
    """Your assignments in every cohort you are in, soonest due first, with what is done."""
    return [s.to_dict() for s in cohort_figures.learner_assignments(state.store, _now())]


def _detail(state: AppState, cohort_id: int) -> dict[str, Any]:
    cohort = cohorts.owned_cohort(state.store, cohort_id)
    people = cohorts.members(state.store, cohort_id)
    return {
        **cohort.to_dict(),
        "members": [vars(m) for m in people],
        "assignments": [a.to_dict() for a in cohorts.cohort_assignments(state.store, cohort_id)],
    }


def _table(state: AppState, cohort_id: int) -> cohort_figures.CohortTable:
    titles = {slug: p.meta.title for slug, p in state.problems.items()}
    return cohort_figures.cohort_table(state.store, cohort_id, _now(), titles)


def _known_items(state: AppState, kind: str) -> Collection[str]:
    return item_choices(state).get(kind, {})


def item_choices(state: AppState) -> dict[str, dict[str, str]]:
    """What may be assigned, by kind: each item's id and title."""
    from mlprep.design.bank import cases
    from mlprep.review.bank import topics

    return {
        "problems": {slug: p.meta.title for slug, p in state.problems.items()},
        "breadth": dict(topics()),
        "design": {slug: case.title for slug, case in cases().items()},
    }


def _now() -> datetime:
    return datetime.now(UTC)


# --- pages --------------------------------------------------------------------------------------


@page_router.get("/cohorts", response_class=HTMLResponse)
def cohorts_page(request: Request, state: State, user: CurrentUser) -> HTMLResponse:
    return page(
        request,
        "cohorts.html",
        owned=cohorts.owned_cohorts(state.store) if user.is_instructor else [],
        joined=cohorts.joined_cohorts(state.store),
        assignments=cohort_figures.learner_assignments(state.store, _now()),
        instructor=user.is_instructor,
    )


@page_router.get("/cohorts/{cohort_id}", response_class=HTMLResponse)
def cohort_page(cohort_id: int, request: Request, state: State) -> HTMLResponse:
    with _as_http():
        table = _table(state, cohort_id)
        people = cohorts.members(state.store, cohort_id)
    return page(
        request,
        "cohort.html",
        t=table,
        members=people,
        choices=item_choices(state),
        kinds=cohorts.KIND_TITLES,
        join_url=str(request.base_url).rstrip("/") + f"/join/{table.cohort.invite_code}",
    )


@page_router.get("/join/{code}", response_class=HTMLResponse)
def join_page(code: str, request: Request, state: State) -> HTMLResponse:
    invite = cohorts.find_by_code(state.store, code)
    if invite is None:
        raise HTTPException(404, "no cohort has this invite code: ask your instructor for the link")
    member = any(j.id == invite.id for j in cohorts.joined_cohorts(state.store))
    return page(request, "join.html", invite=invite, code=code, member=member)
