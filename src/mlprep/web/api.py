"""The JSON API under ``/api/``: problems, runs and submissions, jobs, hints, history, progress.

The pages use it from the browser; it is described by FastAPI's OpenAPI schema at
``/api/openapi.json``. Errors are ``{"detail": "..."}`` with a 4xx status and a message that says
what to fix.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from mlprep.content import describe_validation_error
from mlprep.problems import Case
from mlprep.store import Submission, SubmissionSummary
from mlprep.web.errors import BODY_ERRORS, STORING, ErrorDetail, responses
from mlprep.web.guards import MAX_BODY_BYTES
from mlprep.web.jobs import JudgeUnavailable, QueueFull
from mlprep.web.render import markdown
from mlprep.web.state import AppState, State, problem_limits, problem_or_404

router = APIRouter(prefix="/api", tags=["api"])
JSON_ESCAPE_ROOM = 6  # a JSON string may spend up to six bytes (\uXXXX) per byte of code
Body = TypeVar("Body", bound=BaseModel)


class ProblemSummary(BaseModel):
    slug: str
    title: str
    group: str
    difficulty: str
    topics: list[str]
    status: Literal["solved", "attempted", "new"]
    position: int = Field(description="Place in the recommended order (problems/roadmap.toml).")
    stage: str = Field(description="The roadmap stage the problem belongs to.")
    accepted_submissions: int = Field(description="Your accepted submissions (runs not counted).")
    judged_submissions: int = Field(description="All your submissions (runs not counted).")


class SampleInput(BaseModel):
    name: str
    input: str  # JSON text of the arguments


class ProblemDetail(ProblemSummary):
    signature: str
    statement: str  # Markdown
    statement_html: str
    starter: str
    hints: int
    has_picture: bool
    editorial_open: bool
    time_limit_seconds: float = Field(description="Wall-clock seconds for all the tests.")
    memory_limit_mb: int
    sample_tests: int
    hidden_tests: int
    sample_inputs: list[SampleInput]


class Code(BaseModel):
    code: str = Field(description="The solution file's text (UTF-8).")


class CustomRun(Code):
    input: str = Field(
        description="The arguments as a JSON object of the function's parameters, as text "
        "(NaN and Infinity allowed), e.g. the `input` of one of the problem's `sample_inputs`."
    )


class JobView(BaseModel):
    id: str
    problem: str
    mode: Literal["run", "judge", "custom"]
    state: Literal["queued", "running", "done"]
    done_tests: int
    total_tests: int
    report: dict[str, Any] | None
    submission_id: int | None
    error: str
    picture: bool
    picture_case: str = Field("", description="The test case the picture shows.")
    picture_expected: bool = Field(False, description="The expected result is drawn over yours.")
    version: int


class Hints(BaseModel):
    total: int
    revealed: list[str]


class AcceptedCode(BaseModel):
    submission_id: int
    source: str


class Editorial(BaseModel):
    markdown: str
    html: str
    reference: str = Field(description="The reference solution's source.")
    yours: AcceptedCode = Field(description="Your latest accepted submission's code.")


@router.get("/problems", response_model=list[ProblemSummary], responses=responses(*STORING))
def list_problems(state: State) -> list[dict[str, Any]]:
    return state.problem_summaries()


@router.get(
    "/problems/{slug}", response_model=ProblemDetail, responses=responses(404, 422, *STORING)
)
def get_problem(slug: str, state: State) -> dict[str, Any]:
    from mlprep.problems.custom import sample_inputs

    problem = problem_or_404(state, slug)
    (summary,) = state.problem_summaries(problem)
    return {
        **summary,
        **problem_limits(problem),
        "signature": problem.meta.signature,
        "statement": problem.statement,
        "statement_html": str(markdown(problem.statement)),
        "starter": problem.starter,
        "hints": len(problem.meta.hints),
        "has_picture": problem.meta.plot is not None,
        "editorial_open": summary["status"] == "solved",
        "sample_inputs": sample_inputs(problem),
    }


async def submitted_code(request: Request) -> bytes:
    """The ``code`` of a JSON body, with a clear 4xx for every way the body can be wrong."""
    limit = request.app.state.mlprep.settings.max_source_bytes
    body = await _body(request, Code, limit * JSON_ESCAPE_ROOM + 1024, limit)
    return _code_bytes(body.code, limit)


async def submitted_custom_run(request: Request) -> CustomRun:
    """The code and the input of a custom run; the input has the request's own size limit."""
    limit = request.app.state.mlprep.settings.max_source_bytes
    body = await _body(request, CustomRun, MAX_BODY_BYTES, limit)
    _code_bytes(body.code, limit)
    return body


async def _body(request: Request, model: type[Body], room: int, limit: int) -> Body:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > room:
        raise _too_large(int(declared), limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > room:
            raise _too_large(len(body), limit)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the request body is not UTF-8 (byte {exc.start})") from None
    try:
        return model.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"the request body is not JSON: {exc}") from None
    except ValidationError as exc:
        raise HTTPException(422, describe_validation_error(exc)) from None


def _code_bytes(code: str, limit: int) -> bytes:
    data = code.encode("utf-8", errors="surrogatepass")
    if len(data) > limit:
        raise _too_large(len(data), limit)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the code contains characters that are not valid UTF-8") from None
    return data


def _too_large(size: int, limit: int) -> HTTPException:
    return HTTPException(413, f"the submission is {size} bytes; the limit is {limit} bytes")


_CODE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": Code.model_json_schema()}},
    }
}
Source = Annotated[bytes, Depends(submitted_code)]
# The judge's queue is in memory: starting a job writes nothing to the database.
_JUDGE_ERRORS = responses(*BODY_ERRORS, 403, 404, 503)


@router.post(
    "/problems/{slug}/run",
    status_code=202,
    response_model=JobView,
    openapi_extra=_CODE_BODY,
    responses=_JUDGE_ERRORS,
)
async def run(slug: str, state: State, data: Source) -> dict[str, Any]:
    """Run the code on the sample tests; the verdict arrives on the job."""
    return await run_in_threadpool(_start, state, slug, data, "run")


@router.post(
    "/problems/{slug}/submit",
    status_code=202,
    response_model=JobView,
    openapi_extra=_CODE_BODY,
    responses=_JUDGE_ERRORS,
)
async def submit(slug: str, state: State, data: Source) -> dict[str, Any]:
    """Judge the code on every test, sample and hidden; the verdict arrives on the job."""
    return await run_in_threadpool(_start, state, slug, data, "judge")


@router.post(
    "/problems/{slug}/custom-run",
    status_code=202,
    response_model=JobView,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": CustomRun.model_json_schema()}},
        }
    },
    responses=_JUDGE_ERRORS,
)
def custom_run(
    slug: str, state: State, body: Annotated[CustomRun, Depends(submitted_custom_run)]
) -> dict[str, Any]:
    """Run the code on your own input (422 says which argument is wrong, and how). The job's
    report holds your output beside the reference's; a custom run is not stored."""
    from mlprep.problems.custom import InputError, parse_input

    problem = problem_or_404(state, slug)
    try:
        case = parse_input(problem, body.input)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    data = body.code.encode("utf-8", errors="surrogatepass")
    if state.settings.team:  # the worker reads the input from the job's row and checks it again
        return state.judge.submit_for(state.store, problem, data, "custom", body.input)
    return _start(state, slug, data, "custom", case)


def _start(
    state: AppState, slug: str, data: bytes, mode: str, custom: Case | None = None
) -> dict[str, Any]:
    """Queue a job; it blocks (it writes the job's row, or waits for the in-process queue), so
    the async ``run`` and ``submit`` call it on a thread of the pool. Being async, they have
    FastAPI check their answer on the event loop: for a plain-function route it takes a second
    thread of the pool to do that."""
    problem = problem_or_404(state, slug)
    if state.settings.team:  # the row is committed before the job is enqueued (mlprep.team.web)
        return state.judge.submit_for(state.store, problem, data, mode)
    try:
        job = state.judge.submit(problem, data, mode, custom)
    except QueueFull as exc:
        raise HTTPException(503, f"the judge is busy ({exc}); try again in a moment") from None
    except JudgeUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
    return job.public()


@router.get("/jobs/{job_id}", response_model=JobView, responses=responses(404, 422))
async def get_job(
    job_id: str,
    state: State,
    after: Annotated[int, Query(ge=-1, description="Wait for a version newer than this.")] = -1,
    wait: Annotated[float, Query(ge=0, le=30, description="Seconds to wait for news.")] = 0,
) -> dict[str, Any]:
    """A job's state; with ``after`` and ``wait``, held open until it changes (long polling)."""
    if state.settings.team:  # the job's row, read until it changes (mlprep.team.web)
        found = await state.judge.wait(state.store, job_id, after, wait)
        if found is None:
            raise HTTPException(404, f"no job '{job_id}'")
        return found
    job = state.judge.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job '{job_id}' (jobs are kept while the server runs)")
    if after >= 0 and wait > 0:
        await job.wait_for_change(after, wait)
    return job.public()


@router.get(
    "/jobs/{job_id}/picture.png",
    response_class=Response,
    responses={
        200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}},
        **responses(404, 422),
    },
)
def get_picture(job_id: str, state: State) -> Response:
    if state.settings.team:  # workers keep no outputs to draw
        raise HTTPException(404, "this job has no picture")
    job = state.judge.get(job_id)
    picture = None if job is None else job.picture(state.problems[job.problem])
    if picture is None:
        raise HTTPException(404, "this job has no picture")
    return Response(picture, media_type="image/png")


@router.get("/problems/{slug}/hints", response_model=Hints, responses=responses(403, 404, 422))
def get_hints(slug: str, state: State) -> dict[str, Any]:
    """The hints revealed so far (none while an interview-mode mock loop has this problem)."""
    from mlprep.store import hints
    from mlprep.web.mock import refuse_if_interview_locked

    problem = problem_or_404(state, slug)
    refuse_if_interview_locked(state, slug, "hints are")
    return {
        "total": len(problem.meta.hints),
        "revealed": problem.meta.hints[: hints.revealed(slug, state.store)],
    }


@router.post("/problems/{slug}/hints", response_model=Hints, responses=responses(403, 404, 422))
def reveal_hint(slug: str, state: State) -> dict[str, Any]:
    """Reveal one more hint."""
    from mlprep.store import hints
    from mlprep.web.mock import refuse_if_interview_locked

    problem = problem_or_404(state, slug)
    refuse_if_interview_locked(state, slug, "hints are")
    if not problem.meta.hints:
        raise HTTPException(404, f"problem '{slug}' has no hints")
    shown, _ = hints.reveal_next(slug, len(problem.meta.hints), state.store)
    return {"total": len(problem.meta.hints), "revealed": problem.meta.hints[:shown]}


@router.get(
    "/problems/{slug}/editorial",
    response_model=Editorial,
    responses={
        **responses(404, 422),
        403: {
            "model": ErrorDetail,
            "description": "Not solved yet (it opens once accepted), or locked by an "
            "interview-mode mock loop.",
        },
    },
)
def get_editorial(slug: str, state: State) -> dict[str, Any]:
    """The editorial, once the problem has an accepted submission, with the reference solution
    and your latest accepted code to read side by side."""
    from mlprep.web.mock import refuse_if_interview_locked

    problem = problem_or_404(state, slug)
    if problem.editorial is None:
        raise HTTPException(404, f"problem '{slug}' has no editorial")
    refuse_if_interview_locked(state, slug, "the editorial is")
    yours = state.store.latest_accepted(slug)
    if yours is None:
        raise HTTPException(403, "the editorial opens after an accepted submission")
    return {
        "markdown": problem.editorial,
        "html": str(markdown(problem.editorial)),
        "reference": problem.reference_source,
        "yours": {"submission_id": yours.id, "source": yours.source},
    }


@router.get("/submissions", response_model=list[SubmissionSummary], responses=responses(404, 422))
def list_submissions(
    state: State,
    problem: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[SubmissionSummary]:
    """The latest submissions, newest first, without their code."""
    if problem is not None:
        problem_or_404(state, problem)
    return state.store.history(problem, limit)


@router.get(
    "/submissions/{submission_id}", response_model=Submission, responses=responses(404, 422)
)
def get_submission(submission_id: int, state: State) -> Submission:
    """One submission: its code, output and every test (hidden ones without their data)."""
    found = state.store.get(submission_id)
    if found is None:
        raise HTTPException(404, f"no submission {submission_id}")
    return found


@router.get("/progress")
def get_progress(state: State) -> dict[str, Any]:
    """Coding progress: solved per group, difficulty and topic, attempts, streak, daily counts."""
    progress = state.coding_progress()
    data = dataclasses.asdict(progress)
    data["daily"] = [{"date": d.isoformat(), "submissions": n} for d, n in progress.daily]
    return data
