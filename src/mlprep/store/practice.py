"""Practice sessions and written answers: the storage the design, prompt and mock rounds share.

A session is a time box (a design mock, a set of prompts, a whole mock loop) with a JSON ``spec``
of what was drawn; answers belong to a session or stand alone. Finishing a session stores its
Markdown report. Times are UTC; callers may pass ``now`` so tests can use a fake clock.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from mlprep.store.db import Store
from mlprep.store.models import AnswerRow, SessionRow
from mlprep.store.records import from_row


@dataclass(frozen=True)
class Practice:
    id: int
    uid: str
    kind: str
    started_at: datetime
    finished_at: datetime | None
    minutes: int
    spec: dict[str, Any]
    report: str


@dataclass(frozen=True)
class Answer:
    id: int
    session_id: int | None
    round: str
    item: str
    part: str
    text: str
    auto_score: float | None
    self_score: float | None
    created_at: datetime


def start_session(
    store: Store, kind: str, minutes: int, spec: dict[str, Any], now: datetime | None = None
) -> Practice:
    row = SessionRow(
        uid=uuid.uuid4().hex,
        kind=kind,
        started_at=now or _now(),
        minutes=minutes,
        spec=json.dumps(spec),
    )
    with store.writing() as session:
        session.add(row)
        session.flush()
        return _practice(row)


def get_session(store: Store, uid: str) -> Practice | None:
    with store.reading() as session:
        row = session.scalar(select(SessionRow).where(SessionRow.uid == uid))
        return None if row is None else _practice(row)


def list_sessions(store: Store, kind: str | None = None, limit: int = 100) -> list[Practice]:
    query = select(SessionRow).order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
    if kind is not None:
        query = query.where(SessionRow.kind == kind)
    with store.reading() as session:
        return [_practice(row) for row in session.scalars(query.limit(limit))]


def finish_session(store: Store, uid: str, report: str, now: datetime | None = None) -> Practice:
    """Close the session with its report; finishing twice keeps the first finish time."""
    with store.writing() as session:
        row = session.scalar(select(SessionRow).where(SessionRow.uid == uid))
        if row is None:
            raise LookupError(f"no practice session '{uid}'")
        row.finished_at = row.finished_at or now or _now()
        row.report = report
        session.flush()
        return _practice(row)


def update_spec(
    store: Store, uid: str, changes: Callable[[dict[str, Any]], dict[str, Any]]
) -> Practice:
    """Replace the top-level keys of the session's spec that ``changes(spec)`` returns; read and
    written in one transaction (the row locked), so concurrent updates lose nothing."""
    with store.writing() as session:
        query = select(SessionRow).where(SessionRow.uid == uid).with_for_update()
        row = session.scalar(query)
        if row is None:
            raise LookupError(f"no practice session '{uid}'")
        spec = json.loads(row.spec)
        row.spec = json.dumps({**spec, **changes(spec)})
        session.flush()
        return _practice(row)


def save_answer(
    store: Store,
    round_name: str,
    item: str,
    text: str,
    *,
    part: str = "",
    session_id: int | None = None,
    auto_score: float | None = None,
    self_score: float | None = None,
    now: datetime | None = None,
) -> Answer:
    """Store one answer; saving the same (session, round, item, part) again replaces it."""
    with store.writing() as session:
        row = None
        if session_id is not None:
            row = session.scalar(
                select(AnswerRow).where(
                    AnswerRow.session_id == session_id,
                    AnswerRow.round == round_name,
                    AnswerRow.item == item,
                    AnswerRow.part == part,
                )
            )
        if row is None:
            row = AnswerRow(session_id=session_id, round=round_name, item=item, part=part)
            session.add(row)
        row.text, row.auto_score, row.self_score = text, auto_score, self_score
        row.created_at = now or _now()
        session.flush()
        return _answer(row)


def answers(
    store: Store, *, session_id: int | None = None, round_name: str | None = None
) -> list[Answer]:
    query = select(AnswerRow).order_by(AnswerRow.created_at, AnswerRow.id)
    if session_id is not None:
        query = query.where(AnswerRow.session_id == session_id)
    if round_name is not None:
        query = query.where(AnswerRow.round == round_name)
    with store.reading() as session:
        return [_answer(row) for row in session.scalars(query)]


def _practice(row: SessionRow) -> Practice:
    return from_row(Practice, row, spec=json.loads(row.spec))


def _answer(row: AnswerRow) -> Answer:
    return from_row(Answer, row)


def _now() -> datetime:
    return datetime.now(UTC)
