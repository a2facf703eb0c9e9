"""The mock interview loop on the web: composing a loop, running its rounds, and its report.

Page: ``/mock``. The API lives under ``/api/mock``. A round's material comes from the design
and prompt rounds' views (``web.design``, ``web.prompts``); model answers are only sent by the
``check`` call, after the user has answered.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.coach import loop
from mlprep.design import mock as design_mock
from mlprep.prompts import practice
from mlprep.review.deck import DECKS, unit_of
from mlprep.review.grading import mark
from mlprep.store.practice import Practice
from mlprep.web.design import CaseDetail, StepEstimate, case_detail, estimates
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.prompts import PromptDetail, PromptEstimate, prompt_detail, prompt_estimate
from mlprep.web.render import markdown, without_title
from mlprep.web.shared import AnswerText, Report, checked, still_open
from mlprep.web.state import AppState, State

router = APIRouter()


class LoopCompose(BaseModel):
    rounds: list[str] = Field(default_factory=lambda: list(loop.DEFAULT_ROUNDS))
    minutes: dict[str, int] = Field(default_factory=dict)
    questions: Annotated[int, Field(ge=1, le=30)] = loop.BREADTH_QUESTIONS
    full_design: bool = False
    seed: int | None = Field(
        default=None, description="Draw the same rounds again, as `mlprep mock --seed`."
    )
    interview: bool = Field(
        default=False,
        description="Interview mode: the coding round's hints, editorial and reference stay "
        "locked until the loop is finished.",
    )


class QuestionView(BaseModel):
    id: str
    topic: str
    kind: str
    question_html: str
    choices: list[str]
    choices_html: list[str] = Field(description="Each choice as HTML, its math for KaTeX.")


class ProblemLink(BaseModel):
    slug: str
    title: str
    url: str


class RoundInput(BaseModel):
    answers: dict[str, AnswerText] = Field(
        default_factory=dict, description="Per question id, design step or answer part."
    )
    ticks: dict[str, list[int]] = Field(default_factory=dict, description="Design rounds.")
    ratings: dict[str, int] = Field(
        default_factory=dict, description="1-4 per open breadth question."
    )
    rating: int | None = Field(default=None, description="1-4 for a prompt round.")


class QuestionFeedback(BaseModel):
    id: str
    correct: bool | None = Field(description="None for an open question (self-rated).")
    expected: str
    expected_html: str = Field(description="The expected answer as HTML, its math for KaTeX.")
    answer_html: str


class RoundFeedback(BaseModel):
    questions: list[QuestionFeedback] = []
    steps: list[StepEstimate] = []
    prompt: PromptEstimate | None = None


class RoundView(BaseModel):
    index: int
    kind: str
    title: str
    minutes: int
    done: bool
    score: float | None
    began_at: datetime | None = Field(description="When the round was begun; None: not yet.")
    draft: RoundInput | None = Field(description="What was written so far, kept by the server.")
    checked: RoundFeedback | None = Field(
        description="The feedback of the last Check (for breadth and domain, the only one)."
    )
    problem: ProblemLink | None = None
    questions: list[QuestionView] = []
    case: CaseDetail | None = None
    prompt: PromptDetail | None = None


class LoopView(BaseModel):
    uid: str
    started_at: datetime
    finished: bool
    interview: bool
    rounds: list[RoundView]
    report_html: str


def refuse_if_interview_locked(state: AppState, slug: str, what: str) -> None:
    """403 while ``slug`` is the coding round of an interview-mode loop still running."""
    if slug in loop.locked_problems(state.store):
        raise HTTPException(
            403, f"{what} locked during your interview-mode mock loop; finish the loop to see it"
        )


def _loop_or_404(state: AppState, uid: str) -> Practice:
    try:
        return loop.get_loop(state.store, uid)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/mock", response_class=HTMLResponse, include_in_schema=False)
def mock_page(request: Request) -> HTMLResponse:
    return page(
        request,
        "mock.html",
        rounds=loop.ROUNDS,
        titles=loop.ROUND_TITLES,
        defaults=loop.DEFAULT_ROUNDS,
        minutes=loop.DEFAULT_MINUTES,
        questions=loop.BREADTH_QUESTIONS,
    )


@router.post(
    "/api/mock/loops",
    response_model=LoopView,
    status_code=201,
    tags=["mock"],
    responses=responses(*BODY_ERRORS, *STORING, 403),
)
def api_start_loop(body: LoopCompose, state: State) -> dict[str, Any]:
    """Compose a loop from the rounds chosen, drawing each round's material."""
    try:
        kinds = loop.parse_rounds(body.rounds)
        minutes = loop.parse_minutes({k: v for k, v in body.minutes.items() if k in kinds}, kinds)
        drawn = loop.compose(
            state.store,
            kinds,
            minutes,
            problems=state.problems,
            rng=random.Random(body.seed),
            breadth_questions=body.questions,
            full_design=body.full_design,
        )
    except loop.LoopError as exc:
        raise HTTPException(422, str(exc)) from None
    return _loop_view(state, loop.start(state.store, drawn, interview=body.interview))


@router.get(
    "/api/mock/loops/{uid}", response_model=LoopView, tags=["mock"], responses=responses(404, 422)
)
def api_loop(uid: str, state: State) -> dict[str, Any]:
    return _loop_view(state, _loop_or_404(state, uid))


@router.post(
    "/api/mock/loops/{uid}/rounds/{index}/begin",
    response_model=RoundView,
    tags=["mock"],
    responses=responses(*STORING, 403, 404, 409, 422),
)
def api_begin_round(uid: str, index: int, state: State) -> dict[str, Any]:
    """Mark the start of a round (once: its timer runs from then, across reloads); a coding
    round then scores submissions made from now on."""
    found, round_ = _round(state, uid, index)
    with state.store.writing():
        loop.begin_round(state.store, found, index)
        if round_.kind == "coding":
            loop.begin_coding(state.store, found, round_.item)
    return _loop_view(state, _loop_or_404(state, uid))["rounds"][index]


@router.put(
    "/api/mock/loops/{uid}/rounds/{index}/draft",
    status_code=204,
    tags=["mock"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404, 409),
)
def api_save_draft(uid: str, index: int, body: RoundInput, state: State) -> None:
    """Keep what was written so far in a round, so a reload (or another browser) finds it."""
    found, _ = _round(state, uid, index)
    loop.update_round_state(state.store, found, index, {"draft": body.model_dump()})


@router.post(
    "/api/mock/loops/{uid}/rounds/{index}/check",
    response_model=RoundFeedback,
    tags=["mock"],
    responses=responses(*BODY_ERRORS, 403, 404, 409),
)
def api_check_round(uid: str, index: int, body: RoundInput, state: State) -> dict[str, Any]:
    """Feedback on the answers (marking, rubric, checklist), kept with them for a reload.

    A breadth or domain round is checked once: its answers are then fixed, and checking again
    returns the first feedback; the round is scored on those answers.
    """
    found, round_ = _round(state, uid, index)
    kept = loop.round_state(found, index)
    if round_.kind in loop.DECK_ROUNDS and "checked" in kept:
        return _feedback(round_, kept["checked"])
    feedback = _feedback(round_, body.answers)  # an unreadable answer is refused here
    changes = {"draft": body.model_dump(), "checked": body.answers}
    loop.update_round_state(state.store, found, index, changes)
    return feedback


def _feedback(round_: loop.Round, answers: dict[str, str]) -> dict[str, Any]:
    if round_.kind in loop.DECK_ROUNDS:  # breadth and domain
        feedback = [_question_feedback(round_.kind, q, answers.get(q, "")) for q in round_.items]
        return {"questions": feedback}
    if round_.kind == "design":
        case = design_mock.get_case(round_.item)
        return {"steps": estimates(case, list(round_.items), answers)}
    if round_.kind in practice.ROUNDS:
        return {"prompt": prompt_estimate(round_.kind, round_.item, answers)}
    return {}


@router.post(
    "/api/mock/loops/{uid}/rounds/{index}/submit",
    response_model=RoundView,
    tags=["mock"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404, 409),
)
def api_submit_round(uid: str, index: int, body: RoundInput, state: State) -> dict[str, Any]:
    """Score and store one round; answering a round again replaces its answers."""
    found, round_ = _round(state, uid, index)
    kept = loop.round_state(found, index)
    if round_.kind in loop.DECK_ROUNDS and "checked" in kept:  # scored as they were checked
        body = body.model_copy(update={"answers": kept["checked"]})
    with state.store.writing():  # the round's answers all stored, or none (a full disk)
        checked(lambda: _submit(state, found, round_, body))
    return _loop_view(state, found)["rounds"][index]


@router.post(
    "/api/mock/loops/{uid}/finish",
    response_model=Report,
    tags=["mock"],
    responses=responses(*STORING, 403, 404, 422),
)
def api_finish_loop(uid: str, state: State) -> dict[str, Any]:
    """Write the report (per-round scores, what to work on) and close the loop."""
    finished = loop.finish(state.store, _loop_or_404(state, uid), links=loop.PAGES)
    html = str(markdown(without_title(finished.report)))  # the page has the title already
    return {"uid": uid, "markdown": finished.report, "html": html}


def _round(state: AppState, uid: str, index: int) -> tuple[Practice, loop.Round]:
    found = _loop_or_404(state, uid)
    still_open(found)
    rounds = loop.rounds_of(found)
    if not 0 <= index < len(rounds):
        raise HTTPException(404, f"this loop has rounds 0-{len(rounds) - 1}, not {index}")
    return found, rounds[index]


def _submit(state: AppState, found: Practice, round_: loop.Round, body: RoundInput) -> None:
    """Check everything first, then store: a refused round stores nothing."""
    store = state.store
    if round_.kind == "coding":
        loop.score_coding_since_start(store, found, round_.item)
    elif round_.kind in loop.DECK_ROUNDS:  # breadth and domain
        kind = round_.kind
        scores = {
            q: loop.breadth_score(q, body.answers.get(q, ""), body.ratings.get(q), kind)
            for q in round_.items
        }
        for qid, score in scores.items():
            loop.save_breadth(store, found, qid, body.answers.get(qid, ""), score, round_name=kind)
    elif round_.kind == "design":
        case = design_mock.get_case(round_.item)
        results = [
            design_mock.step_result(case, key, body.answers.get(key, ""), body.ticks.get(key))
            for key in round_.items
        ]
        for result in results:
            design_mock.save_step(store, found.id, round_.item, result)
    else:
        if body.rating is None:
            raise ValueError("rate yourself 1-4 before finishing this round")
        practice.save(
            store, round_.kind, round_.item, body.answers, body.rating, session_id=found.id
        )


def _question_feedback(round_name: str, qid: str, answer: str) -> dict[str, Any]:
    question = loop.question_of(round_name, qid)
    correct, expected = None, ""
    if question.kind != "open":
        correct = bool(answer.strip()) and checked(lambda: mark(question, answer).correct)
        expected = mark(question, _right_answer(question)).expected
    return {
        "id": qid,
        "correct": correct,
        "expected": expected,
        "expected_html": str(markdown(expected)) if expected else "",
        "answer_html": str(markdown(question.answer)),
    }


def _right_answer(question: Any) -> str:
    """The right answer as typed, so grading itself says how to show it."""
    if question.kind == "choice":
        return chr(ord("a") + question.correct)
    return repr(question.value)


def _loop_view(state: AppState, found: Practice) -> dict[str, Any]:
    scores = loop.round_scores(state.store, found, loop.PAGES)
    return {
        "uid": found.uid,
        "started_at": found.started_at,
        "finished": found.finished_at is not None,
        "interview": loop.is_interview(found),
        "rounds": [_round_view(state, found, i, s) for i, s in enumerate(scores)],
        "report_html": str(markdown(without_title(found.report))) if found.report else "",
    }


def _round_view(
    state: AppState, found: Practice, index: int, score: loop.RoundScore
) -> dict[str, Any]:
    round_ = score.round
    kept = loop.round_state(found, index)
    draft = kept.get("draft")
    view: dict[str, Any] = {
        "index": index,
        "kind": round_.kind,
        "title": score.title,
        "minutes": round_.minutes,
        "done": score.score is not None,
        "score": score.score,
        "began_at": kept.get("began"),
        "draft": draft,
        "checked": _feedback(round_, kept["checked"]) if "checked" in kept else None,
    }
    if round_.kind == "coding":
        problem = state.problems.get(round_.item)
        title = problem.meta.title if problem else round_.item
        view["problem"] = {"slug": round_.item, "title": title, "url": f"/problems/{round_.item}"}
    elif round_.kind in loop.DECK_ROUNDS:  # breadth and domain
        view["questions"] = [_question_view(round_.kind, q) for q in round_.items]
    elif round_.kind == "design":
        budgets = design_mock.step_budgets(round_.minutes, round_.items)
        view["case"] = case_detail(round_.item, design_mock.get_case(round_.item), budgets)
    else:
        view["prompt"] = prompt_detail(round_.kind, round_.item)
    return view


def _question_view(round_name: str, qid: str) -> dict[str, Any]:
    question = loop.question_of(round_name, qid)
    unit = unit_of(qid)
    return {
        "id": qid,
        "topic": DECKS[round_name].titles().get(unit, unit),
        "kind": question.kind,
        "question_html": str(markdown(question.question)),
        "choices": question.choices or [],
        "choices_html": [str(markdown(c)) for c in question.choices or []],
    }
