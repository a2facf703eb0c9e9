"""Load the domain bank: ``tracks.toml`` and ``questions/<track>/<name>.toml``.

Questions use the breadth schema (:class:`mlprep.review.schema.Question`) and are keyed
``track/name`` like breadth's ``topic/name``; in the shared review tables their cards are stored
as ``domain:track/name`` (see :data:`mlprep.review.deck.DOMAIN`), so the two banks never collide.
A design case joins a track through its ``tracks`` field.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from mlprep.content import ContentError, Strict, load_bank, load_item
from mlprep.review.schema import Question, Topic

HERE = Path(__file__).parent


class TrackList(Strict):
    """``tracks.toml``: ``[tracks.<key>] title = "..."``, in the order tracks are listed."""

    tracks: dict[str, Topic]


class UnknownTrack(LookupError):
    """A track that is not in ``tracks.toml``; the message lists the ones that are."""

    def __init__(self, track: str) -> None:
        super().__init__(f"unknown track '{track}'; the tracks are: {', '.join(tracks())}")
        self.track = track


@functools.cache
def tracks() -> dict[str, str]:
    """Track key -> title, in the order of ``tracks.toml``."""
    listing = load_item(HERE / "tracks.toml", TrackList)
    return {key: track.title for key, track in listing.tracks.items()}


def load_questions(root: Path | None = None) -> dict[str, Question]:
    """Every question by id (``track/name``); raises :class:`ContentError` for a bad file."""
    known = tracks()

    def track_is_known(item_id: str, _question: Question) -> str | None:
        track = item_id.split("/")[0]
        return None if track in known else f"'{track}' is not a track of tracks.toml"

    return load_bank(root or HERE / "questions", Question, depth=2, check=track_is_known)


@functools.cache
def questions() -> dict[str, Question]:
    """The installed bank, loaded once per process."""
    return load_questions()


def track_of(question_id: str) -> str:
    return question_id.split("/", 1)[0]


def check_track(track: str) -> str:
    """The track itself, or :class:`UnknownTrack`."""
    if track not in tracks():
        raise UnknownTrack(track)
    return track


def parse_tracks(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """Tracks from ``"llm,recsys"`` (or a list of such), checked, in ``tracks.toml`` order."""
    if text is None:
        return ()
    given = [text] if isinstance(text, str) else list(text)
    wanted = {part.strip() for chunk in given for part in chunk.split(",") if part.strip()}
    for track in sorted(wanted):
        check_track(track)
    return tuple(t for t in tracks() if t in wanted)


def design_cases(track: str) -> list[str]:
    """Slugs of the design cases that declare ``track`` in their ``tracks``."""
    from mlprep.design.bank import cases

    check_track(track)
    return [slug for slug, case in cases().items() if track in case.tracks]


__all__ = [
    "ContentError",
    "Question",
    "TrackList",
    "UnknownTrack",
    "check_track",
    "design_cases",
    "load_questions",
    "parse_tracks",
    "questions",
    "track_of",
    "tracks",
]
