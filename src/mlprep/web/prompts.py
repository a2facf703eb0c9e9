"""The project deep-dive and behavioral rounds on the web: pages and their JSON API.

Pages: ``/prompts`` (both banks), ``/prompts/<round>/<id>`` (one prompt). The API lives under
``/api/prompts``. The checklist is only sent by the ``estimate`` call, after the user has
written something.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.prompts import bank as prompt_bank
from mlprep.prompts import practice
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.render import markdown
from mlprep.web.shared import AnswerText, PointView, StepAnswers, checked, points
from mlprep.web.state import AppState, State

router = APIRouter()


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


def prompt_detail(round_name: str, prompt_id: str) -> dict[str, Any]:
    """A prompt with its answer parts (STAR sections, or one free answer)."""
    prompt = checked(lambda: practice.get_prompt(round_name, prompt_id))
    return {
        "round": round_name,
        "id": prompt_id,
        "category": prompt.category,
        "prompt": prompt.prompt,
        "parts": [vars(p) for p in practice.parts(round_name)],
    }


def prompt_estimate(round_name: str, prompt_id: str, texts: Mapping[str, str]) -> dict:
    """The checklist with the matcher's first guess, the follow-ups and a suggested rating."""
    prompt = checked(lambda: practice.get_prompt(round_name, prompt_id))
    matches = practice.estimate(prompt, texts.values())
    covered = sum(m.covered for m in matches)
    return {
        "points": points(matches),
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


@router.get("/prompts", response_class=HTMLResponse, include_in_schema=False)
def prompt_list(request: Request, state: State) -> HTMLResponse:
    return page(
        request, "prompts.html", banks=_prompt_summaries(state), titles=practice.ROUND_TITLES
    )


@router.get(
    "/prompts/{round_name}/{prompt_id}", response_class=HTMLResponse, include_in_schema=False
)
def prompt_page(round_name: str, prompt_id: str, request: Request) -> HTMLResponse:
    detail = prompt_detail(round_name, prompt_id)
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
    return prompt_detail(round_name, prompt_id)


@router.post(
    "/api/prompts/{round_name}/{prompt_id}/estimate",
    response_model=PromptEstimate,
    tags=["prompts"],
    responses=responses(*BODY_ERRORS, 403, 404),
)
def api_prompt_estimate(round_name: str, prompt_id: str, body: StepAnswers) -> dict[str, Any]:
    """The checklist with the matcher's first guess, the follow-ups and a suggested rating."""
    return prompt_estimate(round_name, prompt_id, body.answers)


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
    saved = checked(
        lambda: practice.save(state.store, round_name, prompt_id, body.parts, body.rating)
    )
    text = practice.report(round_name, prompt_id, {a.part: a.text for a in saved}, body.rating)
    return {
        "auto_score": saved[0].auto_score,
        "self_score": saved[0].self_score,
        "report_html": str(markdown(text)),
    }
