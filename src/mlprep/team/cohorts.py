"""Cohorts: an instructor's groups of learners, invite codes, memberships and assignments.

A cohort, and the assignments set for it, are rows of the instructor who owns them; a
membership is a row of the learner who joined. The user-bound store therefore shows an
instructor only their own cohorts and a learner only their own memberships. The few reads that
cross from one user to another are here, written out explicitly as Core statements on the
session's connection (which the store's per-user filter does not touch), each naming the
relation that allows it: a learner reads the name and assignments of a cohort they belong to,
and its owner's name; an instructor reads the usernames of their cohort's members. What an
instructor sees of the learners' work is computed in :mod:`mlprep.team.cohort_figures`.

Invite codes come from :func:`secrets.token_urlsafe`; rotating one retires the old code at once.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from mlprep.store import Store, StoreError
from mlprep.store.models import AssignmentRow, CohortRow, MembershipRow, UserRow

KINDS = ("problems", "breadth", "design", "loop")
KIND_TITLES = {
    "problems": "Problem set",
    "breadth": "Breadth topics",
    "design": "Design cases",
    "loop": "Mock loop",
}
MAX_NAME_CHARS = 100
MAX_TITLE_CHARS = 200
MAX_ITEMS = 100
CODE_BYTES = 12  # 16 URL-safe characters: not guessable, short enough to read out


class CohortError(ValueError):
    """A request about cohorts that cannot be done; the message says what to change."""


class NotFound(CohortError):
    """No such cohort or assignment for this user (another user's is not found either)."""


@dataclass(frozen=True)
class Cohort:
    id: int
    name: str
    invite_code: str
    created_at: datetime
    owner_id: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "invite_code": self.invite_code,
            "join_path": f"/join/{self.invite_code}",
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class Joined:
    """A cohort as one of its learners sees it: no invite code, no other members."""

    id: int
    name: str
    instructor: str
    joined_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "instructor": self.instructor,
            "joined_at": self.joined_at.isoformat(),
        }


@dataclass(frozen=True)
class Invite:
    """What an invite code opens, as the join page shows it before joining."""

    id: int
    name: str
    instructor: str


@dataclass(frozen=True)
class Member:
    user_id: int
    username: str
    joined_at: datetime


@dataclass(frozen=True)
class Assignment:
    id: int
    cohort_id: int
    kind: str
    title: str
    items: tuple[str, ...]
    due_at: datetime
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cohort_id": self.cohort_id,
            "kind": self.kind,
            "title": self.title,
            "items": list(self.items),
            "due_at": self.due_at.isoformat(),
            "created_at": self.created_at.isoformat(),
        }


def _now() -> datetime:
    return datetime.now(UTC)


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


# --- the instructor's own rows ----------------------------------------------------------------


def create_cohort(store: Store, name: str, now: datetime | None = None) -> Cohort:
    """A new cohort owned by ``store``'s user, with a fresh invite code."""
    row = CohortRow(name=_check_name(name), invite_code=new_code(), created_at=now or _now())
    with store.writing() as session:
        session.add(row)
        session.flush()
        return _cohort(row)


def owned_cohorts(store: Store) -> list[Cohort]:
    with store.reading() as session:
        rows = session.scalars(select(CohortRow).order_by(CohortRow.created_at, CohortRow.id))
        return [_cohort(row) for row in rows]


def owned_cohort(store: Store, cohort_id: int) -> Cohort:
    """One of ``store``'s user's cohorts; :class:`NotFound` for any other id."""
    with store.reading() as session:
        return _cohort(_owned_row(session, store, cohort_id))


def rotate_code(store: Store, cohort_id: int) -> Cohort:
    """A new invite code; the old one stops working at once. Members stay members."""
    with store.writing() as session:
        row = _owned_row(session, store, cohort_id)
        row.invite_code = new_code()
        session.flush()
        return _cohort(row)


def members(store: Store, cohort_id: int) -> list[Member]:
    """The learners of one of ``store``'s user's cohorts, by username."""
    with store.reading() as session:
        _owned_row(session, store, cohort_id)
        rows = session.connection().execute(
            select(UserRow.id, UserRow.username, MembershipRow.joined_at)
            .join(MembershipRow, MembershipRow.user_id == UserRow.id)
            .where(MembershipRow.cohort_id == cohort_id)
            .order_by(UserRow.username)
        )
        return [Member(*row) for row in rows]


def remove_member(store: Store, cohort_id: int, user_id: int) -> None:
    """Take a learner out of one of ``store``'s user's cohorts (their own work stays theirs)."""
    with store.writing() as session:
        _owned_row(session, store, cohort_id)
        gone = session.connection().execute(
            delete(MembershipRow).where(
                MembershipRow.cohort_id == cohort_id, MembershipRow.user_id == user_id
            )
        )
        if gone.rowcount == 0:
            raise NotFound(f"no member {user_id} in cohort {cohort_id}")


def add_assignment(
    store: Store,
    cohort_id: int,
    kind: str,
    items: Collection[str],
    due_at: datetime,
    *,
    known: Collection[str],
    title: str | None = None,
    now: datetime | None = None,
) -> Assignment:
    """Set work for one of ``store``'s user's cohorts. ``known`` are the valid items of ``kind``
    (the bank's slugs, topics or cases): anything else is refused, naming it."""
    checked = _check_items(kind, items, known)
    if due_at.tzinfo is None:
        raise CohortError("give the due date with its time zone, e.g. 2027-01-31T23:59:00+00:00")
    name = (title or "").strip() or _default_title(kind, checked)
    if len(name) > MAX_TITLE_CHARS:
        raise CohortError(f"the title has more than {MAX_TITLE_CHARS} characters")
    with store.writing() as session:
        _owned_row(session, store, cohort_id)
        row = AssignmentRow(
            cohort_id=cohort_id,
            kind=kind,
            title=name,
            items=json.dumps(list(checked)),
            due_at=due_at,
            created_at=now or _now(),
        )
        session.add(row)
        session.flush()
        return _assignment(row)


def cohort_assignments(store: Store, cohort_id: int) -> list[Assignment]:
    """The assignments of one of ``store``'s user's cohorts, soonest due first."""
    with store.reading() as session:
        _owned_row(session, store, cohort_id)
        rows = session.scalars(
            select(AssignmentRow)
            .where(AssignmentRow.cohort_id == cohort_id)
            .order_by(AssignmentRow.due_at, AssignmentRow.id)
        )
        return [_assignment(row) for row in rows]


def remove_assignment(store: Store, cohort_id: int, assignment_id: int) -> None:
    with store.writing() as session:
        _owned_row(session, store, cohort_id)
        gone = session.execute(
            delete(AssignmentRow).where(
                AssignmentRow.id == assignment_id, AssignmentRow.cohort_id == cohort_id
            )
        )
        if gone.rowcount == 0:
            raise NotFound(f"no assignment {assignment_id} in cohort {cohort_id}")


# --- the learner's side -----------------------------------------------------------------------


def find_by_code(store: Store, code: str) -> Invite | None:
    """The cohort an invite code opens (its name and instructor), or None."""
    if not _plausible(code):
        return None
    with store.reading() as session:
        row = (
            session.connection()
            .execute(
                select(CohortRow.id, CohortRow.name, UserRow.username)
                .join(UserRow, UserRow.id == CohortRow.user_id)
                .where(CohortRow.invite_code == code)
            )
            .first()
        )
    return None if row is None else Invite(*row)


def join(store: Store, code: str, now: datetime | None = None) -> Joined:
    """Make ``store``'s user a member of the cohort that ``code`` opens (again: no change)."""
    cohort_id, owner_id = _cohort_by_code(store, code)
    if owner_id == store.user_id:
        raise CohortError("you own this cohort: share its invite link with your learners")
    try:
        with store.writing() as session:
            exists = session.scalar(
                select(MembershipRow.id).where(
                    MembershipRow.cohort_id == cohort_id, MembershipRow.user_id == store.user_id
                )
            )
            if exists is None:
                session.add(MembershipRow(cohort_id=cohort_id, joined_at=now or _now()))
    except StoreError as exc:
        if not isinstance(exc.__cause__, IntegrityError):
            raise  # else it was joined meanwhile, in another request: nothing to do
    return next(j for j in joined_cohorts(store) if j.id == cohort_id)


def leave(store: Store, cohort_id: int) -> None:
    with store.writing() as session:
        gone = session.execute(delete(MembershipRow).where(MembershipRow.cohort_id == cohort_id))
        if gone.rowcount == 0:
            raise NotFound(f"you are not in cohort {cohort_id}")


def joined_cohorts(store: Store) -> list[Joined]:
    """The cohorts ``store``'s user is a learner in, with their instructors' names."""
    with store.reading() as session:
        rows = session.connection().execute(
            select(CohortRow.id, CohortRow.name, UserRow.username, MembershipRow.joined_at)
            .join(MembershipRow, MembershipRow.cohort_id == CohortRow.id)
            .join(UserRow, UserRow.id == CohortRow.user_id)
            .where(MembershipRow.user_id == store.user_id)
            .order_by(MembershipRow.joined_at, CohortRow.id)
        )
        return [Joined(*row) for row in rows]


def my_assignments(store: Store) -> list[tuple[Assignment, str]]:
    """Every assignment of every cohort ``store``'s user is a learner in, with the cohort's
    name, soonest due first."""
    with store.reading() as session:
        rows = session.connection().execute(
            select(AssignmentRow.__table__, CohortRow.name.label("cohort_name"))
            .join(CohortRow, CohortRow.id == AssignmentRow.cohort_id)
            .join(MembershipRow, MembershipRow.cohort_id == AssignmentRow.cohort_id)
            .where(MembershipRow.user_id == store.user_id)
            .order_by(AssignmentRow.due_at, AssignmentRow.id)
        )
        return [(_assignment(row), row.cohort_name) for row in rows]


# --- helpers ------------------------------------------------------------------------------------


def _owned_row(session: Any, store: Store, cohort_id: int) -> CohortRow:
    # The session's filter already hides other users' cohorts; the explicit condition says so.
    row = None
    if 0 < cohort_id < 2**31:
        row = session.scalar(
            select(CohortRow).where(CohortRow.id == cohort_id, CohortRow.user_id == store.user_id)
        )
    if row is None:
        raise NotFound(f"no cohort {cohort_id}")
    return row


def _cohort_by_code(store: Store, code: str) -> tuple[int, int]:
    with store.reading() as session:
        row = None
        if _plausible(code):
            row = (
                session.connection()
                .execute(
                    select(CohortRow.id, CohortRow.user_id).where(CohortRow.invite_code == code)
                )
                .first()
            )
    if row is None:
        raise NotFound("no cohort has this invite code: ask your instructor for the current link")
    return row.id, row.user_id


def _plausible(code: str) -> bool:
    return 0 < len(code) <= 64


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise CohortError("give the cohort a name")
    if len(name) > MAX_NAME_CHARS:
        raise CohortError(f"the name has more than {MAX_NAME_CHARS} characters")
    return name


def _check_items(kind: str, items: Collection[str], known: Collection[str]) -> tuple[str, ...]:
    if kind not in KINDS:
        raise CohortError(f"'{kind}' is not a kind of assignment: choose one of {', '.join(KINDS)}")
    unique = tuple(dict.fromkeys(items))
    if kind == "loop":
        if unique:
            raise CohortError("a mock loop assignment takes no items")
        return ()
    if not unique:
        raise CohortError(f"choose at least one item for a {KIND_TITLES[kind].lower()}")
    if len(unique) > MAX_ITEMS:
        raise CohortError(f"at most {MAX_ITEMS} items per assignment")
    unknown = [item for item in unique if item not in known]
    if unknown:
        raise CohortError(f"unknown {_ITEM_NAMES[kind]} '{unknown[0]}'")
    return unique


_ITEM_NAMES = {"problems": "problem", "breadth": "breadth topic", "design": "design case"}


def _default_title(kind: str, items: tuple[str, ...]) -> str:
    if not items:
        return KIND_TITLES[kind]
    shown = ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")
    return f"{KIND_TITLES[kind]}: {shown}"


def _cohort(row: CohortRow) -> Cohort:
    return Cohort(row.id, row.name, row.invite_code, row.created_at, row.user_id)


def _assignment(row: Any) -> Assignment:
    created, due = row.created_at, row.due_at
    return Assignment(
        id=row.id,
        cohort_id=row.cohort_id,
        kind=row.kind,
        title=row.title,
        items=tuple(json.loads(row.items)),
        due_at=_aware(due),
        created_at=_aware(created),
    )


def _aware(value: datetime) -> datetime:
    # Core reads of a UTCDateTime column come back through its type too; this guards raw rows.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


__all__ = [
    "KINDS",
    "Assignment",
    "Cohort",
    "CohortError",
    "Invite",
    "Joined",
    "Member",
    "NotFound",
    "add_assignment",
    "cohort_assignments",
    "create_cohort",
    "find_by_code",
    "join",
    "joined_cohorts",
    "leave",
    "members",
    "my_assignments",
    "owned_cohort",
    "owned_cohorts",
    "remove_assignment",
    "remove_member",
    "rotate_code",
]
