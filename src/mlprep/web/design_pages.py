"""The design, prompt and mock-loop rounds on the web: pages and their JSON API.

Pages: ``/design`` (cases), ``/design/<case>`` (the timed mock), ``/prompts`` (both banks),
``/prompts/<round>/<id>`` (one prompt), ``/mock`` (compose and run a loop). The API lives under
``/api/design``, ``/api/prompts`` and ``/api/mock``. Rubrics, checklists and model answers are
only sent by the ``check``/``answers`` calls, after the user has written something.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.coach import loop
from mlprep.design import mock
from mlprep.design.schema import Case
from mlprep.prompts import bank as prompt_bank
from mlprep.prompts import practice
from mlprep.review.deck import DECKS, unit_of
from mlprep.review.grading import AnswerError, mark
from mlprep.rubric import PointMatch
from mlprep.store.practice import Practice, get_session
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.render import markdown, without_title
from mlprep.web.state import AppState, get_state

router = APIRouter()
State = Annotated[AppState, Depends(get_state)]
MAX_ANSWER_CHARS = 20_000
AnswerText = Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]
Result = TypeVar("Result")


# --- response and request models ------------------------------------------------------------


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
    prompt: str


class CaseDetail(BaseModel):
    slug: str
    title: str
    difficulty: str
    brief: str
    brief_html: str
    steps: list[StepView]


class PointView(BaseModel):
    point: str
    covered: bool = Field(description="The matcher's estimate.")
    score: float = Field(description="Share of the point's content words found.")
    found: list[str] = Field(description="The answer's own words that matched, as written.")


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


class StepAnswers(BaseModel):
    answers: dict[str, AnswerText]


class Ticks(BaseModel):
    ticks: dict[str, list[int]] = Field(
        default_factory=dict, description="Per step, the 0-based rubric points covered."
    )


class Report(BaseModel):
    uid: str
    markdown: str
    html: str


class PromptSummary(BaseModel):
    round: str
    id: str
    category: str
    prompt: str
    practised: datetime | None


class PartView(BaseModel):
    key: str
    title: str
    guide: str


class PromptDetail(BaseModel):
    round: str
    id: str
    category: str
    prompt: str
    parts: list[PartView]


class PromptEstimate(BaseModel):
    points: list[PointView]
    follow_ups: list[str]
    suggested_rating: int


class PromptAnswer(BaseModel):
    parts: dict[str, AnswerText]
    rating: Annotated[int, Field(ge=1, le=4)]


class SavedPrompt(BaseModel):
    auto_score: float
    self_score: float
    report_html: str


class LoopCompose(BaseModel):
    rounds: list[str] = Field(default_factory=lambda: list(loop.DEFAULT_ROUNDS))
    minutes: dict[str, int] = Field(default_factory=dict)
    questions: Annotated[int, Field(ge=1, le=30)] = loop.BREADTH_QUESTIONS
    full_design: bool = False


class QuestionView(BaseModel):
    id: str
    topic: str
    kind: str
    question_html: str
    choices: list[str]


class ProblemLink(BaseModel):
    slug: str
    title: str
    url: str


class RoundView(BaseModel):
    index: int
    kind: str
    title: str
    minutes: int
    done: bool
    score: float | None
    problem: ProblemLink | None = None
    questions: list[QuestionView] = []
    case: CaseDetail | None = None
    prompt: PromptDetail | None = None


class LoopView(BaseModel):
    uid: str
    started_at: datetime
    finished: bool
    rounds: list[RoundView]
    report_html: str


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
    answer_html: str


class RoundFeedback(BaseModel):
    questions: list[QuestionFeedback] = []
    steps: list[StepEstimate] = []
    prompt: PromptEstimate | None = None


# --- errors ---------------------------------------------------------------------------------


def _checked(call: Callable[[], Result]) -> Result:
    """Run ``call``; a refusal by the domain code becomes a 4xx with its message."""
    try:
        return call()
    except (mock.UnknownCase, practice.UnknownPrompt) as exc:
        raise HTTPException(404, str(exc)) from None
    except (AnswerError, ValueError) as exc:
        raise HTTPException(422, str(exc)) from None


def _design_or_404(state: AppState, uid: str) -> Practice:
    found = get_session(state.store, uid)
    if found is None or found.kind != mock.ROUND:
        raise HTTPException(404, f"no design mock '{uid}'")
    return found


def _loop_or_404(state: AppState, uid: str) -> Practice:
    try:
        return loop.get_loop(state.store, uid)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None


def _still_open(practice_: Practice) -> None:
    if practice_.finished_at is not None:
        raise HTTPException(409, "this session is finished; start a new one")


# --- views ----------------------------------------------------------------------------------


def _points(matches: list[PointMatch] | tuple[PointMatch, ...]) -> list[dict[str, Any]]:
    return [
        {"point": m.point, "covered": m.covered, "score": m.score, "found": list(m.found)}
        for m in matches
    ]


def _case_detail(slug: str, case: Case, budgets: Mapping[str, float]) -> dict[str, Any]:
    titles = mock.step_titles()
    return {
        "slug": slug,
        "title": case.title,
        "difficulty": case.difficulty,
        "brief": case.brief,
        "brief_html": str(markdown(case.brief)),
        "steps": [
            {"key": k, "title": titles[k], "minutes": m, "prompt": case.steps[k].prompt}
            for k, m in budgets.items()
        ],
    }


def _estimates(case: Case, keys: list[str], written: Mapping[str, str]) -> list[dict[str, Any]]:
    titles = mock.step_titles()
    return [
        {
            "key": key,
            "title": titles[key],
            "answer": written.get(key, ""),
            "points": _points(mock.estimate(case, key, written.get(key, ""))),
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
        "case": _case_detail(slug, mock.get_case(slug), found.spec["budgets"]),
        "minutes": found.minutes,
        "started_at": found.started_at,
        "finished": found.finished_at is not None,
        "answers": mock.saved_answers(state.store, found.id),
        "report_html": str(markdown(without_title(found.report))) if found.report else "",
    }


def _prompt_detail(round_name: str, prompt_id: str) -> dict[str, Any]:
    prompt = _checked(lambda: practice.get_prompt(round_name, prompt_id))
    return {
        "round": round_name,
        "id": prompt_id,
        "category": prompt.category,
        "prompt": prompt.prompt,
        "parts": [vars(p) for p in practice.parts(round_name)],
    }


def _prompt_estimate(round_name: str, prompt_id: str, texts: Mapping[str, str]) -> dict:
    prompt = _checked(lambda: practice.get_prompt(round_name, prompt_id))
    matches = practice.estimate(prompt, texts.values())
    covered = sum(m.covered for m in matches)
    return {
        "points": _points(matches),
        "follow_ups": prompt.follow_ups,
        "suggested_rating": practice.suggested_rating(covered, len(matches)),
    }


def _prompt_summaries(state: AppState) -> dict[str, list[dict[str, Any]]]:
    listing = {}
    for round_name in practice.ROUNDS:
        seen = practice.practised(state.store, round_name)
        listing[round_name] = [
            {
                "round": round_name,
                "id": pid,
                "category": p.category,
                "prompt": p.prompt,
                "practised": seen.get(pid),
            }
            for pid, p in prompt_bank.prompts(round_name).items()
        ]
    return listing


# --- design pages and API -------------------------------------------------------------------


@router.get("/design", response_class=HTMLResponse, include_in_schema=False)
def design_list(request: Request, state: State) -> HTMLResponse:
    return page(request, "design.html", cases=_case_summaries(state))


@router.get("/design/{slug}", response_class=HTMLResponse, include_in_schema=False)
def design_page(slug: str, request: Request) -> HTMLResponse:
    case = _checked(lambda: mock.get_case(slug))
    detail = _case_detail(slug, case, mock.step_budgets(mock.DEFAULT_MINUTES))
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
    case = _checked(lambda: mock.get_case(slug))
    return _case_detail(slug, case, mock.step_budgets(mock.DEFAULT_MINUTES))


@router.post(
    "/api/design/sessions",
    response_model=DesignSession,
    status_code=201,
    tags=["design"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404),
)
def api_start_design(body: DesignStart, state: State) -> dict[str, Any]:
    """Start a timed mock of one case."""
    started = _checked(lambda: mock.start(state.store, body.case, body.minutes))
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
    _still_open(found)
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
    return _estimates(case, keys, written)


@router.post(
    "/api/design/sessions/{uid}/finish",
    response_model=Report,
    tags=["design"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404, 409),
)
def api_finish_design(uid: str, body: Ticks, state: State) -> dict[str, Any]:
    """Store the self-scores (the points ticked per step) and the report; close the mock."""
    found = _design_or_404(state, uid)
    _still_open(found)
    finished, _ = _checked(lambda: mock.finish(state.store, found, body.ticks))
    return {"uid": uid, "markdown": finished.report, "html": str(markdown(finished.report))}


# --- prompt pages and API -------------------------------------------------------------------


@router.get("/prompts", response_class=HTMLResponse, include_in_schema=False)
def prompt_list(request: Request, state: State) -> HTMLResponse:
    return page(
        request, "prompts.html", banks=_prompt_summaries(state), titles=practice.ROUND_TITLES
    )


@router.get(
    "/prompts/{round_name}/{prompt_id}", response_class=HTMLResponse, include_in_schema=False
)
def prompt_page(round_name: str, prompt_id: str, request: Request) -> HTMLResponse:
    detail = _prompt_detail(round_name, prompt_id)
    title = practice.ROUND_TITLES[round_name]
    return page(request, "prompts_item.html", prompt=detail, round_title=title)


@router.get("/api/prompts", response_model=list[PromptSummary], tags=["prompts"])
def api_prompts(state: State) -> list[dict[str, Any]]:
    return [p for bank in _prompt_summaries(state).values() for p in bank]


@router.get(
    "/api/prompts/{round_name}/{prompt_id}",
    response_model=PromptDetail,
    tags=["prompts"],
    responses=responses(404, 422),
)
def api_prompt(round_name: str, prompt_id: str) -> dict[str, Any]:
    return _prompt_detail(round_name, prompt_id)


@router.post(
    "/api/prompts/{round_name}/{prompt_id}/estimate",
    response_model=PromptEstimate,
    tags=["prompts"],
    responses=responses(*BODY_ERRORS, 403, 404),
)
def api_prompt_estimate(round_name: str, prompt_id: str, body: StepAnswers) -> dict[str, Any]:
    """The checklist with the matcher's first guess, the follow-ups and a suggested rating."""
    return _prompt_estimate(round_name, prompt_id, body.answers)


@router.post(
    "/api/prompts/{round_name}/{prompt_id}/answers",
    response_model=SavedPrompt,
    status_code=201,
    tags=["prompts"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404),
)
def api_prompt_answer(
    round_name: str, prompt_id: str, body: PromptAnswer, state: State
) -> dict[str, Any]:
    """Save an answer with its 1-4 self-rating."""
    saved = _checked(
        lambda: practice.save(state.store, round_name, prompt_id, body.parts, body.rating)
    )
    text = practice.report(round_name, prompt_id, {a.part: a.text for a in saved}, body.rating)
    return {
        "auto_score": saved[0].auto_score,
        "self_score": saved[0].self_score,
        "report_html": str(markdown(text)),
    }


# --- mock loop page and API -----------------------------------------------------------------


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
            rng=random.Random(),
            breadth_questions=body.questions,
            full_design=body.full_design,
        )
    except loop.LoopError as exc:
        raise HTTPException(422, str(exc)) from None
    return _loop_view(state, loop.start(state.store, drawn))


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
    """Mark the start of a round; a coding round then scores submissions made from now on."""
    found, round_ = _round(state, uid, index)
    if round_.kind == "coding":
        loop.begin_coding(state.store, found, round_.item)
    return _loop_view(state, found)["rounds"][index]


@router.post(
    "/api/mock/loops/{uid}/rounds/{index}/check",
    response_model=RoundFeedback,
    tags=["mock"],
    responses=responses(*BODY_ERRORS, 403, 404, 409),
)
def api_check_round(uid: str, index: int, body: RoundInput, state: State) -> dict[str, Any]:
    """Feedback on the answers so far (marking, rubric, checklist); nothing is stored."""
    _, round_ = _round(state, uid, index)
    if round_.kind in loop.DECK_ROUNDS:  # breadth and domain
        answers = body.answers
        feedback = [_question_feedback(round_.kind, q, answers.get(q, "")) for q in round_.items]
        return {"questions": feedback}
    if round_.kind == "design":
        case = mock.get_case(round_.item)
        return {"steps": _estimates(case, list(round_.items), body.answers)}
    if round_.kind in practice.ROUNDS:
        return {"prompt": _prompt_estimate(round_.kind, round_.item, body.answers)}
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
    with state.store.writing():  # the round's answers all stored, or none (a full disk)
        _checked(lambda: _submit(state, found, round_, body))
    return _loop_view(state, found)["rounds"][index]


@router.post(
    "/api/mock/loops/{uid}/finish",
    response_model=Report,
    tags=["mock"],
    responses=responses(*STORING, 403, 404, 422),
)
def api_finish_loop(uid: str, state: State) -> dict[str, Any]:
    """Write the report (per-round scores, what to work on) and close the loop."""
    finished = loop.finish(state.store, _loop_or_404(state, uid))
    html = str(markdown(without_title(finished.report)))  # the page has the title already
    return {"uid": uid, "markdown": finished.report, "html": html}


def _round(state: AppState, uid: str, index: int) -> tuple[Practice, loop.Round]:
    found = _loop_or_404(state, uid)
    _still_open(found)
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
        case = mock.get_case(round_.item)
        results = [
            mock.step_result(case, key, body.answers.get(key, ""), body.ticks.get(key))
            for key in round_.items
        ]
        for result in results:
            mock.save_step(store, found.id, round_.item, result)
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
        correct = bool(answer.strip()) and _checked(lambda: mark(question, answer).correct)
        expected = mark(question, _right_answer(question)).expected
    return {
        "id": qid,
        "correct": correct,
        "expected": expected,
        "answer_html": str(markdown(question.answer)),
    }


def _right_answer(question: Any) -> str:
    """The right answer as typed, so grading itself says how to show it."""
    if question.kind == "choice":
        return chr(ord("a") + question.correct)
    return repr(question.value)


def _loop_view(state: AppState, found: Practice) -> dict[str, Any]:
    scores = loop.round_scores(state.store, found)
    return {
        "uid": found.uid,
        "started_at": found.started_at,
        "finished": found.finished_at is not None,
        "rounds": [_round_view(state, i, s) for i, s in enumerate(scores)],
        "report_html": str(markdown(without_title(found.report))) if found.report else "",
    }


def _round_view(state: AppState, index: int, score: loop.RoundScore) -> dict[str, Any]:
    round_ = score.round
    view: dict[str, Any] = {
        "index": index,
        "kind": round_.kind,
        "title": score.title,
        "minutes": round_.minutes,
        "done": score.score is not None,
        "score": score.score,
    }
    if round_.kind == "coding":
        problem = state.problems.get(round_.item)
        title = problem.meta.title if problem else round_.item
        view["problem"] = {"slug": round_.item, "title": title, "url": f"/problems/{round_.item}"}
    elif round_.kind in loop.DECK_ROUNDS:  # breadth and domain
        view["questions"] = [_question_view(round_.kind, q) for q in round_.items]
    elif round_.kind == "design":
        budgets = mock.step_budgets(round_.minutes, round_.items)
        view["case"] = _case_detail(round_.item, mock.get_case(round_.item), budgets)
    else:
        view["prompt"] = _prompt_detail(round_.kind, round_.item)
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
    }
