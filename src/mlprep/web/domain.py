"""The ML domain-knowledge round on the web: ``/domain`` and its JSON API under ``/api/domain/``.

It is the breadth review page and API (:mod:`.breadth`) over the domain deck, plus the track
picker: the tracks you interview for are stored (``PUT /api/domain/choice``) and are what the
page, the mock loop's domain round and the plan draw from; with none chosen, every track.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from mlprep.domain.bank import UnknownTrack, design_cases, parse_tracks, tracks
from mlprep.review.deck import DOMAIN
from mlprep.review.scheduler import DeckRead
from mlprep.store.settings import choose_tracks, chosen_tracks
from mlprep.web import breadth as shared
from mlprep.web.errors import BODY_ERRORS, STORING, responses
from mlprep.web.pages import page
from mlprep.web.state import AppState, State

router = APIRouter()
TrackQuery = Annotated[
    str | None, Query(description="Only this track; default your chosen tracks, else all.")
]


class DomainOverview(shared.Overview):
    """Per track (in ``topics``, as breadth's page has them) and the tracks you chose."""

    chosen: list[str] = Field(description="Your tracks; empty: every track is studied.")


class Choice(BaseModel):
    tracks: list[str] = Field(
        default_factory=list, max_length=20, description="Track keys; empty clears the choice."
    )


class ChoiceView(BaseModel):
    tracks: list[str]


# --- the page ---------------------------------------------------------------------------------


@router.get("/domain", response_class=HTMLResponse, include_in_schema=False)
def domain_page(request: Request, state: State, track: str | None = None) -> HTMLResponse:
    shared._known_topic(track, DOMAIN)
    read = DeckRead(state.store, DOMAIN)
    overview = _overview(state, track, read)
    titles = tracks()
    return page(
        request,
        "review.html",
        overview=overview,
        topic=track,
        topic_title=titles.get(track or ""),
        total=sum(t.total for t in overview.topics),
        deck=_deck_context(),
        picker=[
            {
                "key": key,
                "title": title,
                "chosen": key in overview.chosen,
                "cases": design_cases(key),
            }
            for key, title in titles.items()
        ],
        chosen=overview.chosen,
        **shared.deck_extras(state, DOMAIN, read),
    )


def _deck_context() -> dict[str, str]:
    """What review.html and review.js need to serve the domain deck instead of breadth's."""
    return {
        "heading": "ML domain knowledge",
        "title": "Domain knowledge",
        "page": "/domain",
        "param": "track",
        "unit": "track",
        "units": "Tracks",
        "api": "/api/domain",
        "counts": "tracks",
    }


# --- the API ----------------------------------------------------------------------------------


@router.get(
    "/api/domain/tracks",
    response_model=DomainOverview,
    tags=["domain"],
    responses=responses(404, 422),
)
def get_tracks(state: State, track: TrackQuery = None) -> DomainOverview:
    """Cards due, new and in all per track, recent recall, your tracks, and how many to study."""
    shared._known_topic(track, DOMAIN)
    return _overview(state, track)


@router.get(
    "/api/domain/next",
    response_model=shared.NextCards,
    tags=["domain"],
    responses=responses(404, 422),
)
def get_next(
    state: State,
    track: TrackQuery = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 1,
) -> shared.NextCards:
    """The next cards to study (in your tracks unless ``track`` is given), without answers."""
    shared._known_topic(track, DOMAIN)
    scope = (track,) if track is not None else (chosen_tracks(state.store) or None)
    return shared.next_cards(state, scope, limit, DOMAIN)


@router.get("/api/domain/choice", response_model=ChoiceView, tags=["domain"])
def get_choice(state: State) -> ChoiceView:
    """The tracks you chose (empty: none, so every track)."""
    return ChoiceView(tracks=list(chosen_tracks(state.store)))


@router.put(
    "/api/domain/choice",
    response_model=ChoiceView,
    tags=["domain"],
    responses=responses(*BODY_ERRORS, *STORING, 403),
)
def put_choice(state: State, body: Choice) -> ChoiceView:
    """Store the tracks you interview for; the page, mock loop and plan draw from them."""
    try:
        parse_tracks(body.tracks)
    except UnknownTrack as exc:
        raise HTTPException(422, str(exc)) from None
    return ChoiceView(tracks=list(choose_tracks(state.store, body.tracks)))


@router.post(
    "/api/domain/cards/{track}/{name}/check",
    response_model=shared.Checked,
    tags=["domain"],
    responses=responses(*BODY_ERRORS, 403, 404),
)
def check(track: str, name: str, state: State, body: shared.AnswerIn) -> shared.Checked:
    """Mark the answer to a choice or numeric card; the model answer comes with the verdict.

    The first answer checked is kept until the card is rated: checking again answers with it."""
    return shared.check_card(state, track, name, body, DOMAIN)


@router.post(
    "/api/domain/cards/{track}/{name}/reveal",
    response_model=shared.Revealed,
    tags=["domain"],
    responses=responses(403, 404, 422),
)
def reveal(track: str, name: str, state: State) -> shared.Revealed:
    """The model answer (for an open card, before rating yourself)."""
    return shared._revealed(shared._question_or_404(state, track, name, DOMAIN))


@router.post(
    "/api/domain/cards/{track}/{name}/rate",
    response_model=shared.RatedView,
    tags=["domain"],
    responses=responses(*BODY_ERRORS, *STORING, 403, 404),
)
def rate(track: str, name: str, state: State, body: shared.RatingIn) -> shared.RatedView:
    """Record a rating; a graded card's answer is marked again so the log says if it was right."""
    return shared.rate_card(state, track, name, body, DOMAIN)


# --- helpers ----------------------------------------------------------------------------------


def _overview(state: AppState, track: str | None, read: DeckRead | None = None) -> DomainOverview:
    chosen = chosen_tracks(state.store)
    overview = shared._overview(state, track, DOMAIN, chosen or None, read)
    return DomainOverview(**overview.model_dump(), chosen=list(chosen))
