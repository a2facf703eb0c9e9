"""The HTML pages: problem list, problem (editor and verdicts), submissions.

The progress dashboard (/progress) is in ``progress``, the study plan in ``plan``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from mlprep.judge.report import verdict_label
from mlprep.web.render import markdown, without_title
from mlprep.web.state import State, problem_limits, problem_or_404

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
templates.env.filters["markdown"] = markdown
templates.env.filters["without_title"] = without_title
templates.env.filters["verdict_name"] = verdict_label


def page(request: Request, name: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=http_status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status, code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def problem_list(request: Request, state: State) -> HTMLResponse:
    rows = state.problem_summaries()
    groups = sorted({r["group"] for r in rows})
    topics = sorted({t for r in rows for t in r["topics"]})
    stages = list(dict.fromkeys(r["stage"] for r in rows))
    return page(
        request,
        "problems.html",
        rows=rows,
        groups=groups,
        topics=topics,
        stages=stages,
        assignments=state.assignments(),
    )


@router.get("/problems/{slug}", response_class=HTMLResponse)
def problem_page(slug: str, request: Request, state: State) -> HTMLResponse:
    from mlprep.problems.custom import sample_inputs

    problem = problem_or_404(state, slug)
    (summary,) = state.problem_summaries(problem)
    return page(
        request,
        "problem.html",
        problem=problem,
        meta=problem.meta,
        summary=summary,
        status=summary["status"],
        limits=problem_limits(problem),
        samples=sample_inputs(problem),
        limit=state.settings.max_source_bytes,
    )


@router.get("/submissions", response_class=HTMLResponse)
def submissions(request: Request, state: State, problem: str | None = None) -> HTMLResponse:
    if problem is not None:
        problem_or_404(state, problem)
    history = state.store.history(problem, limit=500)
    titles = {slug: p.meta.title for slug, p in state.problems.items()}
    return page(request, "submissions.html", history=history, problem=problem, titles=titles)


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission(submission_id: int, request: Request, state: State) -> HTMLResponse:
    found = state.store.get(submission_id)
    if found is None:
        raise HTTPException(404, f"no submission {submission_id}")
    problem = state.problems.get(found.problem)
    return page(request, "submission.html", s=found, problem=problem)
