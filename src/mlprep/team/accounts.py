"""Accounts: the ``users`` table's rows, their passwords and roles, and logging in.

Passwords are hashed with Argon2 through pwdlib (``PasswordHash.recommended()``); nothing here
hashes by hand. After :data:`MAX_FAILURES` wrong passwords in a row an account is locked for
:data:`LOCKOUT`; the count and the lock live in the database, so they hold across every web
process. User 1 is the built-in "local" user of single-user mode: it has no password, so it
cannot log in, and it cannot be removed.

Usernames are matched without regard to case everywhere (logging in included), and the database
holds them unique the same way (an index on ``lower(username)``, migration 0012): of two
accounts made at once as "Ann" and "ann", the second is refused as :class:`NameTaken`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError

from mlprep.store.errors import StoreError
from mlprep.store.models import LOCAL_USER_ID, UserRow

if TYPE_CHECKING:
    from pwdlib import PasswordHash

    from mlprep.store import Store

ROLES = ("learner", "instructor", "admin")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 1024  # Argon2 takes any length; this only bounds the work per attempt
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")


class AccountError(Exception):
    """A request about accounts that cannot be done; the message says why."""


class NameTaken(AccountError):
    pass


class NoSuchUser(AccountError):
    pass


class LoginFailed(AccountError):
    """A wrong username or password (which of the two is not said)."""


class LockedOut(AccountError):
    """Too many failed logins: the account refuses logins until ``until``."""

    def __init__(self, until: datetime, now: datetime) -> None:
        self.until = until
        self.seconds = max(1, int((until - now).total_seconds() + 0.999))
        minutes = -(-self.seconds // 60)
        super().__init__(
            f"this account is locked after {MAX_FAILURES} failed logins; "
            f"try again in {minutes} minute{'s' if minutes != 1 else ''}"
        )


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    created_at: datetime
    locked_until: datetime | None
    stamp: str  # changes when the password does: sessions signed before then stop working

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_instructor(self) -> bool:
        return self.role in ("instructor", "admin")


LOCAL_USER = User(
    id=LOCAL_USER_ID,
    username="local",
    role="admin",
    created_at=datetime(2025, 1, 1, tzinfo=UTC),
    locked_until=None,
    stamp="",
)


@cache
def hasher() -> PasswordHash:
    from pwdlib import PasswordHash

    return PasswordHash.recommended()


@cache
def _dummy_hash() -> str:
    # Unknown usernames are checked against this, so they take as long as known ones.
    return hasher().hash("not a password of anyone")


def check_username(username: str) -> str:
    if not USERNAME.fullmatch(username):
        raise AccountError(
            f"'{username}' is not a valid username: 1 to 64 letters, digits or . _ @ -, "
            "starting with a letter or digit"
        )
    return username


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"'{role}' is not a role: choose one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"the password must have at most {MAX_PASSWORD_CHARS} characters")
    return password


def create_user(
    store: Store, username: str, password: str, role: str, now: datetime | None = None
) -> User:
    """A new account. Raises :class:`NameTaken`, or :class:`AccountError` for a bad input."""
    check_username(username)
    check_role(role)
    hashed = hasher().hash(check_password(password))
    row = UserRow(
        username=username,
        password_hash=hashed,
        role=role,
        created_at=now or datetime.now(UTC),
        failed_logins=0,
    )
    try:
        with store.writing() as session:
            if session.scalar(select(UserRow.id).where(_named(username))) is not None:
                raise NameTaken(f"the username '{username}' is taken")
            session.add(row)
            session.flush()
            return _user(row)
    except StoreError as exc:  # the store reports the unique index's refusal as a StoreError
        if not isinstance(exc.__cause__, IntegrityError):
            raise
        # created meanwhile by another process
        raise NameTaken(f"the username '{username}' is taken") from None


def list_users(store: Store) -> list[User]:
    """Every account, the local user included, in the order they were created."""
    with store.reading() as session:
        return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.id))]


# What a request's login check reads: the columns of a User, as one Core row.
_GET_USER = select(
    UserRow.id,
    UserRow.username,
    UserRow.role,
    UserRow.created_at,
    UserRow.locked_until,
    UserRow.password_hash,
).where(UserRow.id == bindparam("p_user"))


def get_user(store: Store, user_id: int) -> User | None:
    if not 0 < user_id < 2**63:
        return None
    with store.reading_one() as connection:  # on every request of a team server: one round trip
        row = connection.execute(_GET_USER, {"p_user": user_id}).first()
    return None if row is None else _user(row)


def find_user(store: Store, username: str) -> User | None:
    with store.reading() as session:
        row = session.scalar(select(UserRow).where(_named(username)))
        return None if row is None else _user(row)


def remove_user(store: Store, username: str) -> User:
    """Delete an account and, with it, everything it did (its rows cascade)."""
    with store.writing() as session:
        row = _row(session, username)
        if row.id == LOCAL_USER_ID:
            raise AccountError("the local user is built in and cannot be removed")
        found = _user(row)
        session.delete(row)
    return found


def set_role(store: Store, username: str, role: str) -> User:
    check_role(role)
    with store.writing() as session:
        row = _row(session, username)
        if row.id == LOCAL_USER_ID and role != "admin":
            raise AccountError("the local user is built in and stays an admin")
        row.role = role
        session.flush()
        return _user(row)


def set_password(store: Store, username: str, password: str) -> User:
    """A new password; it also unlocks the account and ends its sessions elsewhere."""
    hashed = hasher().hash(check_password(password))
    with store.writing() as session:
        row = _row(session, username)
        if row.id == LOCAL_USER_ID:
            raise AccountError("the local user logs in without a password (single-user mode)")
        row.password_hash, row.failed_logins, row.locked_until = hashed, 0, None
        session.flush()
        return _user(row)


def authenticate(store: Store, username: str, password: str, now: datetime | None = None) -> User:
    """The account, if the password is right. Raises :class:`LoginFailed` or :class:`LockedOut`.

    A locked account refuses even the right password until the lock ends. The failure count is
    raised with one UPDATE, so concurrent attempts on several web processes all count.
    """
    now = now or datetime.now(UTC)
    with store.reading() as session:
        row = session.scalar(select(UserRow).where(_named(username)))
        found = None if row is None else (row.id, row.password_hash, row.locked_until)
    if found is None or found[1] is None or len(password) > MAX_PASSWORD_CHARS:
        hasher().verify(password[:MAX_PASSWORD_CHARS], _dummy_hash())
        raise LoginFailed("wrong username or password")
    user_id, hashed, locked_until = found
    if locked_until is not None and locked_until > now:
        raise LockedOut(locked_until, now)
    if not hasher().verify(password, hashed):
        _count_failure(store, user_id, now)
        raise LoginFailed("wrong username or password")
    with store.writing() as session:
        session.execute(
            update(UserRow).where(UserRow.id == user_id).values(failed_logins=0, locked_until=None)
        )
        return _user(session.get(UserRow, user_id))


def _count_failure(store: Store, user_id: int, now: datetime) -> None:
    with store.writing() as session:
        session.execute(
            update(UserRow)
            .where(UserRow.id == user_id)
            .values(failed_logins=UserRow.failed_logins + 1)
        )
        failures = session.scalar(select(UserRow.failed_logins).where(UserRow.id == user_id))
        if failures is not None and failures >= MAX_FAILURES:
            session.execute(
                update(UserRow)
                .where(UserRow.id == user_id)
                .values(failed_logins=0, locked_until=now + LOCKOUT)
            )


def _named(username: str):  # usernames are matched without regard to case
    return func.lower(UserRow.username) == username.lower()


def _row(session, username: str) -> UserRow:
    row = session.scalar(select(UserRow).where(_named(username)))
    if row is None:
        raise NoSuchUser(f"no user '{username}'")
    return row


def _user(row: Any) -> User:
    """A User from a UserRow, or from a Core row with the same columns (:data:`_GET_USER`)."""
    return User(
        id=row.id,
        username=row.username,
        role=row.role,
        created_at=row.created_at,
        locked_until=row.locked_until,
        stamp=password_stamp(row.password_hash),
    )


def password_stamp(password_hash: str | None) -> str:
    """A short fingerprint of the password hash, kept in the session cookie."""
    if not password_hash:
        return ""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


__all__ = [
    "LOCAL_USER",
    "LOCKOUT",
    "MAX_FAILURES",
    "ROLES",
    "AccountError",
    "LockedOut",
    "LoginFailed",
    "NameTaken",
    "NoSuchUser",
    "User",
    "authenticate",
    "create_user",
    "find_user",
    "get_user",
    "list_users",
    "remove_user",
    "set_password",
    "set_role",
]
