"""Accounts, logins and the team server's gate, value by value, on SQLite
(``mlprep.team.accounts``, ``mlprep.web.auth``).

Hashing uses Argon2 with the smallest parameters (a hash in 0.1 ms instead of 0.5 s), except in
the one test that checks the real parameters, so that the whole file runs in seconds. Clocks
are passed in or frozen; messages, counts, lock times and redirects are written out from
docs/team.md, never read back from the code. The same flows on PostgreSQL, with real cookies
across every route, are in ``test_team_accounts.py``.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pydantic import ValidationError
from sqlalchemy import insert, select, update
from starlette.requests import Request
from team_units import fresh_store

from mlprep.store.models import JobRow, UserRow
from mlprep.team import accounts, jobs
from mlprep.team.accounts import LOCAL_USER, LockedOut, User
from mlprep.team.web import AccountCache, ChangeWatch
from mlprep.web import auth

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
WRONG = "wrong username or password"
CHEAP = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=8, parallelism=1),))
REAL_HASHER = accounts.hasher


class SpyHasher:
    """Cheap Argon2 that records every verification (the password and the hash checked)."""

    def __init__(self) -> None:
        self.verified: list[tuple[str, str]] = []

    def hash(self, password: str) -> str:
        return CHEAP.hash(password)

    def verify(self, password: str, hashed: str) -> bool:
        self.verified.append((password, hashed))
        return CHEAP.verify(password, hashed)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> SpyHasher:
    hasher = SpyHasher()
    monkeypatch.setattr(accounts, "hasher", lambda: hasher)
    return hasher


@pytest.fixture
def store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, spy):
    with fresh_store(tmp_path, tmp_path_factory.getbasetemp()) as opened:
        yield opened


def column(store, username: str, name: str) -> Any:
    with store.engine.connect() as conn:
        return conn.scalar(select(getattr(UserRow, name)).where(UserRow.username == username))


def stamp_of(hashed: str) -> str:
    return hashlib.sha256(hashed.encode()).hexdigest()[:16]


def add(store, username: str = "bob", role: str = "learner", password: str = PASSWORD) -> User:
    return accounts.create_user(store, username, password, role, now=NOW)


# --- the lock's message ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "seconds", "minutes"),
    [
        (0.0, 1, "1 minute"),  # a lock ending right now still says a second
        (0.25, 1, "1 minute"),
        (1.0, 1, "1 minute"),
        (1.5, 2, "1 minute"),  # seconds are rounded up
        (60.0, 60, "1 minute"),
        (61.0, 61, "2 minutes"),
        (300.0, 300, "5 minutes"),
    ],
)
def test_a_lock_says_the_seconds_and_minutes_left_rounded_up(left, seconds, minutes) -> None:
    locked = LockedOut(NOW + timedelta(seconds=left), NOW)
    assert locked.until == NOW + timedelta(seconds=left)
    assert locked.seconds == seconds
    assert str(locked) == f"this account is locked after 5 failed logins; try again in {minutes}"


def test_roles_grant_admin_and_instructor_rights() -> None:
    def user(role: str) -> User:
        return User(2, "x", role, NOW, None, "")

    assert [user(r).is_admin for r in ("learner", "instructor", "admin")] == [False, False, True]
    assert [user(r).is_instructor for r in ("learner", "instructor", "admin")] == [
        False,
        True,
        True,
    ]
    assert (LOCAL_USER.id, LOCAL_USER.username, LOCAL_USER.is_admin) == (1, "local", True)


# --- checks of the input -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a", "Z9", "a" + "b" * 63, "ada.l_ove@x-y", "0day"])
def test_usernames_of_1_to_64_letters_digits_and_dot_underscore_at_dash(name) -> None:
    assert accounts.check_username(name) == name


@pytest.mark.parametrize("name", ["", "_ada", ".ada", "-ada", "a b", "a" * 65, "adé", "ad/a"])
def test_other_usernames_are_refused_with_the_rule(name) -> None:
    with pytest.raises(accounts.AccountError) as refused:
        accounts.check_username(name)
    assert str(refused.value) == (
        f"'{name}' is not a valid username: 1 to 64 letters, digits or . _ @ -, "
        "starting with a letter or digit"
    )


def test_roles_are_learner_instructor_or_admin() -> None:
    assert [accounts.check_role(r) for r in ("learner", "instructor", "admin")] == [
        "learner",
        "instructor",
        "admin",
    ]
    with pytest.raises(accounts.AccountError) as refused:
        accounts.check_role("owner")
    assert str(refused.value) == "'owner' is not a role: choose one of learner, instructor, admin"


def test_passwords_have_8_to_1024_characters() -> None:
    for ok in ("x" * 8, "x" * 1024):
        assert accounts.check_password(ok) == ok
    with pytest.raises(accounts.AccountError) as short:
        accounts.check_password("x" * 7)
    assert str(short.value) == "the password must have at least 8 characters"
    with pytest.raises(accounts.AccountError) as long:
        accounts.check_password("x" * 1025)
    assert str(long.value) == "the password must have at most 1024 characters"


# --- accounts ----------------------------------------------------------------------------------


def test_a_new_account_is_stored_hashed_with_its_role_and_time(store) -> None:
    bob = add(store, "bob", "instructor")
    hashed = column(store, "bob", "password_hash")
    assert CHEAP.verify(PASSWORD, hashed) and PASSWORD not in hashed
    assert bob == User(bob.id, "bob", "instructor", NOW, None, stamp_of(hashed))
    assert bob.id == 2  # after the local user
    assert (column(store, "bob", "failed_logins"), column(store, "bob", "locked_until")) == (
        0,
        None,
    )
    assert column(store, "bob", "created_at") == NOW


def test_an_account_made_without_a_time_is_stamped_now_in_utc(store) -> None:
    before = datetime.now(UTC)
    made = accounts.create_user(store, "bob", PASSWORD, "learner")
    after = datetime.now(UTC)
    assert made.created_at.tzinfo is not None and before <= made.created_at <= after
    assert before <= column(store, "bob", "created_at") <= after


def test_a_taken_name_in_any_case_is_refused(store) -> None:
    add(store, "bob")
    with pytest.raises(accounts.NameTaken) as taken:
        accounts.create_user(store, "BOB", PASSWORD, "admin")
    assert str(taken.value) == "the username 'BOB' is taken"
    assert [u.username for u in accounts.list_users(store)] == ["local", "bob"]


@pytest.mark.parametrize("name", ["bob", "BOB"])
def test_a_name_taken_meanwhile_by_another_process_is_refused_the_same(
    store, monkeypatch, name
) -> None:
    from sqlalchemy import false

    add(store, "bob")
    monkeypatch.setattr(accounts, "_named", lambda username: false())  # the check saw nothing
    with pytest.raises(accounts.NameTaken) as taken:  # the database's index refuses it
        accounts.create_user(store, name, PASSWORD, "learner")
    assert str(taken.value) == f"the username '{name}' is taken"
    assert taken.value.__cause__ is None and taken.value.__suppress_context__


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("b b", PASSWORD, "learner", "not a valid username"),
        ("bob", PASSWORD, "owner", "not a role"),
        ("bob", "short", "learner", "at least 8"),
    ],
)
def test_bad_input_creates_nothing(store, name, password, role, message) -> None:
    with pytest.raises(accounts.AccountError, match=message):
        accounts.create_user(store, name, password, role)
    assert [u.username for u in accounts.list_users(store)] == ["local"]


def test_users_are_listed_in_the_order_they_were_made(store) -> None:
    for name, role in (("zoe", "admin"), ("amy", "learner"), ("max", "instructor")):
        add(store, name, role)
    assert [(u.id, u.username, u.role) for u in accounts.list_users(store)] == [
        (1, "local", "admin"),
        (2, "zoe", "admin"),
        (3, "amy", "learner"),
        (4, "max", "instructor"),
    ]
    local = accounts.list_users(store)[0]
    assert (local.stamp, local.locked_until) == ("", None)


def test_users_are_found_by_id_in_range_or_by_name_in_any_case(store) -> None:
    bob = add(store, "bob")
    assert accounts.get_user(store, bob.id) == bob
    local = accounts.get_user(store, 1)
    assert (local.id, local.username, local.role, local.locked_until, local.stamp) == (
        1,
        "local",
        "admin",
        None,
        "",
    )
    assert accounts.find_user(store, "BoB") == bob
    assert accounts.find_user(store, "bobby") is None
    assert accounts.get_user(store, 3) is None
    with store.engine.begin() as conn:  # rows SQLite can hold but no id of ours can be
        for number in (-1, 0, 2**63 - 1):
            conn.execute(
                insert(UserRow).values(
                    id=number,
                    username=f"odd{number}",
                    role="learner",
                    created_at=NOW,
                    failed_logins=0,
                )
            )
    found = {n: accounts.get_user(store, n) for n in (-1, 0, 2**63 - 1, 2**63)}
    assert {n for n, user in found.items() if user is not None} == {2**63 - 1}


def test_removing_a_user_removes_what_they_did(store) -> None:
    bob = add(store, "bob", "instructor")
    jobs.create(store.for_user(bob.id), "pca", "judge", "")
    assert accounts.remove_user(store, "BOB") == bob
    assert accounts.find_user(store, "bob") is None
    with store.engine.connect() as conn:
        assert conn.scalar(select(JobRow.id)) is None
    with pytest.raises(accounts.NoSuchUser) as missing:
        accounts.remove_user(store, "bob")
    assert str(missing.value) == "no user 'bob'"
    with pytest.raises(accounts.AccountError) as local:
        accounts.remove_user(store, "local")
    assert str(local.value) == "the local user is built in and cannot be removed"
    assert accounts.get_user(store, 1) is not None


def test_roles_are_changed_except_the_local_users(store) -> None:
    bob = add(store, "bob")
    assert accounts.set_role(store, "Bob", "instructor") == User(
        bob.id, "bob", "instructor", NOW, None, bob.stamp
    )
    assert accounts.find_user(store, "bob").role == "instructor"
    with pytest.raises(accounts.AccountError) as refused:
        accounts.set_role(store, "local", "learner")
    assert str(refused.value) == "the local user is built in and stays an admin"
    assert accounts.set_role(store, "local", "admin").role == "admin"
    with pytest.raises(accounts.AccountError, match="not a role"):
        accounts.set_role(store, "bob", "owner")
    with pytest.raises(accounts.NoSuchUser):
        accounts.set_role(store, "ghost", "admin")
    assert accounts.find_user(store, "bob").role == "instructor"


def test_a_new_password_unlocks_the_account_and_changes_its_stamp(store) -> None:
    bob = add(store, "bob")
    for _ in range(5):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, "bob", "not the password", now=NOW)
    assert column(store, "bob", "locked_until") == NOW + timedelta(minutes=5)
    changed = accounts.set_password(store, "BOB", "a brand new password")
    hashed = column(store, "bob", "password_hash")
    assert changed == User(bob.id, "bob", "learner", NOW, None, stamp_of(hashed))
    assert changed.stamp != bob.stamp
    assert (column(store, "bob", "failed_logins"), column(store, "bob", "locked_until")) == (
        0,
        None,
    )
    assert accounts.authenticate(store, "bob", "a brand new password", now=NOW).id == bob.id
    with pytest.raises(accounts.AccountError) as local:
        accounts.set_password(store, "local", "a password for local")
    assert str(local.value) == "the local user logs in without a password (single-user mode)"
    with pytest.raises(accounts.AccountError, match="at least 8"):
        accounts.set_password(store, "bob", "short")
    assert column(store, "bob", "password_hash") == hashed


# --- logging in --------------------------------------------------------------------------------


def test_the_right_password_logs_in_in_any_case_of_the_name(store, spy) -> None:
    bob = add(store, "bob")
    spy.verified.clear()
    assert accounts.authenticate(store, "BOB", PASSWORD, now=NOW) == bob
    assert spy.verified == [(PASSWORD, column(store, "bob", "password_hash"))]


def test_each_failure_counts_and_the_fifth_locks_for_five_minutes(store) -> None:
    add(store, "bob")
    for count in range(1, 5):
        with pytest.raises(accounts.LoginFailed) as failed:
            accounts.authenticate(store, "bob", "not the password", now=NOW)
        assert str(failed.value) == WRONG
        assert (column(store, "bob", "failed_logins"), column(store, "bob", "locked_until")) == (
            count,
            None,
        )
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store, "bob", "not the password", now=NOW)
    assert (column(store, "bob", "failed_logins"), column(store, "bob", "locked_until")) == (
        0,
        NOW + timedelta(minutes=5),
    )


def test_a_locked_account_refuses_even_the_right_password_until_the_lock_ends(store) -> None:
    add(store, "bob")
    for _ in range(5):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, "bob", "not the password", now=NOW)
    end = NOW + timedelta(minutes=5)
    with pytest.raises(LockedOut) as locked:
        accounts.authenticate(store, "bob", PASSWORD, now=end - timedelta(seconds=1))
    assert (locked.value.until, locked.value.seconds) == (end, 1)
    with pytest.raises(LockedOut):  # a wrong password meanwhile is not counted
        accounts.authenticate(store, "bob", "not the password", now=NOW + timedelta(minutes=1))
    assert column(store, "bob", "failed_logins") == 0
    assert accounts.authenticate(store, "bob", PASSWORD, now=end).username == "bob"
    assert column(store, "bob", "locked_until") is None


def test_a_success_resets_the_count_of_failures(store) -> None:
    add(store, "bob")
    for _ in range(4):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, "bob", "not the password", now=NOW)
    accounts.authenticate(store, "bob", PASSWORD, now=NOW)
    assert column(store, "bob", "failed_logins") == 0
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store, "bob", "not the password", now=NOW)
    assert (column(store, "bob", "failed_logins"), column(store, "bob", "locked_until")) == (
        1,
        None,
    )


def test_a_lock_without_a_given_time_starts_now(store) -> None:
    add(store, "bob")
    before = datetime.now(UTC)
    for _ in range(5):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, "bob", "not the password")
    after = datetime.now(UTC)
    until = column(store, "bob", "locked_until")
    assert before + timedelta(minutes=5) <= until <= after + timedelta(minutes=5)
    with pytest.raises(LockedOut):
        accounts.authenticate(store, "bob", PASSWORD)


def test_unknown_names_and_the_local_user_fail_after_the_same_work(store, spy) -> None:
    add(store, "bob")
    dummy = accounts._dummy_hash()
    spy.verified.clear()
    for name, password in (("nobody", PASSWORD), ("local", ""), ("local", PASSWORD)):
        with pytest.raises(accounts.LoginFailed) as failed:
            accounts.authenticate(store, name, password, now=NOW)
        assert str(failed.value) == WRONG
    assert spy.verified == [(PASSWORD, dummy), ("", dummy), (PASSWORD, dummy)]
    assert CHEAP.verify("not a password of anyone", dummy)


def test_passwords_over_1024_characters_are_refused_without_hashing_them_all(store, spy) -> None:
    longest = "p" * 1024
    add(store, "bob", password=longest)
    spy.verified.clear()
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store, "bob", longest + "p", now=NOW)
    assert spy.verified == [(longest, accounts._dummy_hash())]
    assert column(store, "bob", "failed_logins") == 0
    assert accounts.authenticate(store, "bob", longest, now=NOW).username == "bob"


def test_the_stamp_is_the_start_of_the_hashs_sha256() -> None:
    assert accounts.password_stamp("abc") == "ba7816bf8f01cfea"  # SHA-256 of "abc", published
    assert accounts.password_stamp(None) == ""
    assert accounts.password_stamp("") == ""


def test_real_hashes_are_argon2id_with_the_recommended_parameters(
    tmp_path, tmp_path_factory, monkeypatch
) -> None:
    monkeypatch.setattr(accounts, "hasher", REAL_HASHER)  # pwdlib's own, as in production
    with fresh_store(tmp_path, tmp_path_factory.getbasetemp()) as real:
        accounts.create_user(real, "bob", PASSWORD, "learner")
        assert column(real, "bob", "password_hash").startswith("$argon2id$v=19$m=65536,t=3,p=4$")
        assert accounts.authenticate(real, "bob", PASSWORD).username == "bob"


# --- web/auth.py: who is asking --------------------------------------------------------------


def request_with(store, scope: dict[str, Any] | None = None) -> Request:
    state = SimpleNamespace(store=store, accounts=AccountCache())
    app = SimpleNamespace(state=SimpleNamespace(mlprep=state))
    return Request({"type": "http", "app": app, "path": "/", "headers": [], **(scope or {})})


def run(coroutine: Any) -> Any:
    """``asyncio.run`` on a thread of its own: Playwright's sync API leaves an event loop
    running in this one once a browser test ran earlier in the session."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def user_of(request: Request) -> User:
    return run(auth.current_user(request))


def test_single_user_mode_is_always_the_local_user(store) -> None:
    assert user_of(request_with(store)) is LOCAL_USER


def test_the_sessions_user_is_loaded_checked_and_kept_for_the_request(store) -> None:
    bob = add(store, "bob")
    request = request_with(store, {"session": {"user": bob.id, "stamp": bob.stamp}})
    assert user_of(request) == bob
    assert request.scope["mlprep.user"] == bob
    kept = User(99, "kept", "learner", NOW, None, "")
    request.scope["mlprep.user"] = kept  # a second dependency in the same request
    assert user_of(request) is kept


@pytest.mark.parametrize(
    "session",
    [
        {},  # never logged in
        {"user": "2", "stamp": "x"},  # not an id
        {"user": 3, "stamp": ""},  # no such user
        {"user": 2, "stamp": "an old stamp"},  # the password changed since
        {"user": 1, "stamp": "anything"},  # the local user never has a session
    ],
)
def test_no_valid_session_answers_401_and_forgets_the_session(store, session) -> None:
    add(store, "bob")
    request = request_with(store, {"session": {**session, "name": "bob"}})
    with pytest.raises(HTTPException) as refused:
        user_of(request)
    assert (refused.value.status_code, refused.value.detail) == (
        401,
        "log in first (POST /api/session)",
    )
    assert request.session == {} and "mlprep.user" not in request.scope


# --- team/web.py: the accounts kept between requests ------------------------------------------


class CountedReads:
    """accounts.get_user, counting the reads of each account; ``during`` runs inside a read."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reads: list[int] = []
        self.during: Any = None
        real = accounts.get_user

        def get_user(store, user_id: int) -> User | None:
            self.reads.append(user_id)
            if self.during is not None:
                self.during()
            return real(store, user_id)

        monkeypatch.setattr(accounts, "get_user", get_user)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> CountedReads:
    return CountedReads(monkeypatch)


def read(cache: AccountCache, store, *user_ids: int) -> list[User | None]:
    return [run(cache.get(store, user_id)) for user_id in user_ids]


def test_accounts_are_read_every_time_while_not_listening(store, counted) -> None:
    bob = add(store, "bob")
    cache = AccountCache()
    assert read(cache, store, bob.id, bob.id, 99) == [bob, bob, None]
    assert counted.reads == [bob.id, bob.id, 99]


def test_while_listening_an_account_is_read_once_until_it_changes(store, counted) -> None:
    bob, amy = add(store, "bob"), add(store, "amy")
    cache = AccountCache()
    cache.listen(True)
    assert read(cache, store, bob.id, amy.id, bob.id, amy.id, 99, 99) == [bob, amy] * 2 + [None] * 2
    assert counted.reads == [bob.id, amy.id, 99, 99]  # no such account: never kept
    cache.changed(bob.id)
    assert read(cache, store, bob.id, amy.id) == [bob, amy]
    assert counted.reads[4:] == [bob.id]
    cache.changed(None)  # a notification that names no account: every one is read again
    assert read(cache, store, bob.id, amy.id) == [bob, amy]
    assert counted.reads[5:] == [bob.id, amy.id]


def read_overlapping(
    cache: AccountCache, store, counted: CountedReads, user: User, during: Any
) -> list[User | None]:
    """``user`` read once while ``during`` runs inside the read, then twice more after it."""
    counted.during = during
    first = read(cache, store, user.id)
    counted.during = None
    return first + read(cache, store, user.id, user.id)


def test_a_read_that_overlaps_a_change_is_not_kept(store, counted) -> None:
    bob, amy = add(store, "bob"), add(store, "amy")
    cache = AccountCache()
    cache.listen(True)
    changed = lambda: cache.changed(amy.id)  # noqa: E731  (any account's change, meanwhile)
    assert read_overlapping(cache, store, counted, bob, changed) == [bob, bob, bob]
    assert counted.reads == [bob.id, bob.id]


def test_a_read_begun_before_listening_started_is_not_kept(store, counted) -> None:
    bob, amy = add(store, "bob"), add(store, "amy")
    cache = AccountCache()
    cache.changed(amy.id)  # the count is not where it started
    listening = lambda: cache.listen(True)  # noqa: E731  (a change before it was never notified)
    assert read_overlapping(cache, store, counted, bob, listening) == [bob, bob, bob]
    assert counted.reads == [bob.id, bob.id]


def test_a_read_overlapping_the_start_of_listening_and_a_change_is_not_kept(store, counted) -> None:
    # Each event moves the count on: had starting to listen moved it back, the change made
    # after it would bring it back to where the read began, and the read would be kept.
    bob, amy = add(store, "bob"), add(store, "amy")
    cache = AccountCache()

    def listen_then_change() -> None:
        cache.listen(True)
        cache.changed(amy.id)

    assert read_overlapping(cache, store, counted, bob, listen_then_change) == [bob, bob, bob]
    assert counted.reads == [bob.id, bob.id]


def test_losing_the_listen_connection_drops_every_account_and_keeps_none(store, counted) -> None:
    bob = add(store, "bob")
    cache = AccountCache()
    cache.listen(True)
    read(cache, store, bob.id, bob.id)
    cache.listen(False)
    read(cache, store, bob.id, bob.id)
    cache.listen(True)  # listening again: whatever changed meanwhile was not notified
    read(cache, store, bob.id, bob.id)
    assert counted.reads == [bob.id] * 4


def test_the_cache_starts_again_empty_past_its_size(store, counted, monkeypatch) -> None:
    from mlprep.team import web

    monkeypatch.setattr(web, "MAX_CACHED_ACCOUNTS", 2)
    users = [add(store, name) for name in ("bob", "amy", "eve")]
    cache = AccountCache()
    cache.listen(True)
    read(cache, store, *(u.id for u in users))
    read(cache, store, *(u.id for u in users))
    bob, amy, eve = (u.id for u in users)
    assert counted.reads == [bob, amy, eve, bob, amy, eve]  # the third emptied the first two


def test_each_notification_reaches_the_accounts_or_the_long_polls_by_its_channel() -> None:
    watch = ChangeWatch("postgresql://unused")
    dropped: list[int | None] = []
    watch.accounts.changed = dropped.append  # type: ignore[method-assign]
    watch._notified("mlprep_users", "7")
    watch._notified("mlprep_users", "not a number")
    watch._notified("mlprep_jobs", "7")  # a job's change: no account dropped
    assert dropped == [7, None]
    with watch.watching(7) as woken, watch.watching(8) as other:
        watch._notified("mlprep_jobs", "7")
        watch._notified("mlprep_jobs", "x")
        watch._notified("mlprep_users", "8")  # an account's change wakes no job
        assert woken.is_set() and not other.is_set()


def test_the_watch_connects_with_the_stores_credentials_and_only_to_postgresql() -> None:
    from sqlalchemy.engine import make_url

    def store_at(url: str) -> Any:
        return SimpleNamespace(engine=SimpleNamespace(url=make_url(url)))

    watch = ChangeWatch.for_store(store_at("postgresql+psycopg://ann:s3cret@db.example:5433/team"))
    assert watch._conninfo == "postgresql://ann:s3cret@db.example:5433/team"
    assert ChangeWatch.for_store(store_at("sqlite:////tmp/team.db")) is None


def test_until_it_listens_a_long_poll_reads_every_150_ms_and_stopping_ends_the_watch() -> None:
    from mlprep.team.web import POLL_SECONDS, TeamJudge

    async def start_and_stop() -> tuple[float, bool, bool]:
        watch = ChangeWatch("postgresql://nobody@127.0.0.1:1/none")  # never answers
        pause = TeamJudge(watch=watch)._pause()
        watch.start()
        await asyncio.sleep(0.05)
        await watch.stop()
        return pause, watch.listening, watch._task.cancelled()

    assert run(start_and_stop()) == (POLL_SECONDS, False, True)


def test_only_admins_pass_the_admin_check(store) -> None:
    admin = User(2, "ada", "admin", NOW, None, "")
    assert auth.admin_user(admin) is admin
    for role in ("learner", "instructor"):
        with pytest.raises(HTTPException) as refused:
            auth.admin_user(User(3, "lin", role, NOW, None, ""))
        assert (refused.value.status_code, refused.value.detail) == (
            403,
            "only an admin may see this page",
        )


def test_a_login_has_a_username_of_64_and_a_password_of_1024_characters_at_most() -> None:
    assert auth.Login(username="u" * 64, password="p" * 1024).password == "p" * 1024
    for too_long in (
        {"username": "u" * 65, "password": "p"},
        {"username": "u", "password": "p" * 1025},
    ):
        with pytest.raises(ValidationError):
            auth.Login(**too_long)


# --- web/auth.py: the gate in front of every route -----------------------------------------------


BODY = b"the request's body"


def through_gate(scope: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any]]:
    """What TeamGate sends for ``scope``, and what reached the app behind it: each request's
    path and the body the app read through the gate (the lifespan's type for a lifespan)."""
    passed: list[Any] = []
    sent: list[dict[str, Any]] = []

    async def app(scope, receive, send) -> None:
        if scope["type"] != "http":
            passed.append(scope["type"])
            return
        passed.append((scope["path"], (await receive())["body"]))

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": BODY}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run(auth.TeamGate(app)(scope, receive, send))
    return sent, passed


def http(path: str, query: bytes = b"", session: dict | None = None) -> dict[str, Any]:
    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []}
    return scope if session is None else {**scope, "session": session}


def answer(sent: list[dict[str, Any]]) -> tuple[int, dict[str, str], bytes]:
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


@pytest.mark.parametrize(
    "path", ["/api/session", "/login", "/favicon.ico", "/static/app.css", "/static/vendor/x.js"]
)
def test_the_gate_lets_logging_in_and_its_assets_through_without_a_session(path) -> None:
    assert through_gate(http(path, session={})) == ([], [(path, BODY)])


def test_the_gate_lets_a_session_with_a_user_id_through() -> None:
    assert through_gate(http("/api/problems", session={"user": 2})) == (
        [],
        [("/api/problems", BODY)],
    )
    assert through_gate({"type": "lifespan"}) == ([], ["lifespan"])


@pytest.mark.parametrize("path", ["/api/problems", "/api", "/api/session/x"])
@pytest.mark.parametrize("session", [None, {}, {"user": "2"}, {"stamp": "x"}])
def test_the_gate_answers_401_to_the_api_without_a_session(path, session) -> None:
    sent, passed = through_gate(http(path, session=session))
    status, headers, body = answer(sent)
    assert passed == []
    assert (status, headers["content-type"], body) == (
        401,
        "application/json",
        b'{"detail":"log in first (POST /api/session)"}',
    )


@pytest.mark.parametrize(
    ("path", "query", "location"),
    [
        ("/", b"", "/login?next=%2F"),
        ("/plan", b"", "/login?next=%2Fplan"),
        ("/apis", b"", "/login?next=%2Fapis"),  # a page that only starts like the API
        ("/static", b"", "/login?next=%2Fstatic"),
        ("/login/x", b"", "/login?next=%2Flogin%2Fx"),
        (
            "/problems/pca",
            b"tab=code&x=%C3%A9",
            "/login?next=%2Fproblems%2Fpca%3Ftab%3Dcode%26x%3D%25C3%25A9",
        ),
        ("/caf\u00e9", b"q=\xe9", "/login?next=%2Fcaf%C3%A9%3Fq%3D%C3%A9"),  # latin-1 bytes
    ],
)
def test_the_gate_sends_pages_to_the_login_page_and_back(path, query, location) -> None:
    sent, passed = through_gate(http(path, query, session={}))
    status, headers, _ = answer(sent)
    assert passed == [] and (status, headers["location"]) == (303, location)


def test_the_way_to_the_login_page_without_a_query_string_at_all() -> None:
    scope = {"type": "http", "path": "/review"}
    assert auth.to_login(scope).headers["location"] == "/login?next=%2Freview"


# --- web/auth.py: the routes, through the team app ------------------------------------------------


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    """The team app on SQLite, with cheap hashing; yields (app, store, a started client)."""
    from mlprep.web.app import create_app
    from mlprep.web.state import Settings

    folder = tmp_path_factory.mktemp("team-app")
    with (
        pytest.MonkeyPatch.context() as patch,
        fresh_store(folder, tmp_path_factory.getbasetemp()) as opened,
    ):
        patch.setattr(accounts, "hasher", lambda: CHEAP)
        patch.delenv("MLPREP_SECRET_KEY", raising=False)
        app = create_app(Settings(team=True), opened)
        with TestClient(app) as started:
            yield app, opened, started


def fresh_name() -> str:
    fresh_name.count = getattr(fresh_name, "count", 0) + 1
    return f"user{fresh_name.count}"


def test_logging_in_and_out_through_the_api(team) -> None:
    app, store, _ = team
    name = fresh_name()
    user = accounts.create_user(store, name, PASSWORD, "instructor")
    with TestClient(app) as client:
        wrong = client.post("/api/session", json={"username": name, "password": "nope nope"})
        assert (wrong.status_code, wrong.json()) == (401, {"detail": WRONG})
        assert client.get("/api/session").status_code == 401
        ok = client.post("/api/session", json={"username": name.upper(), "password": PASSWORD})
        me = {"id": user.id, "username": name, "role": "instructor"}
        assert (ok.status_code, ok.json()) == (200, me)
        assert (client.get("/api/session").status_code, client.get("/api/session").json()) == (
            200,
            me,
        )
        out = client.delete("/api/session")
        assert (out.status_code, out.content) == (204, b"")
        gone = client.get("/api/session")
        assert (gone.status_code, gone.json()) == (
            401,
            {"detail": "log in first (POST /api/session)"},
        )


def test_a_second_login_replaces_the_first_users_session(team) -> None:
    app, store, _ = team
    first, second = fresh_name(), fresh_name()
    accounts.create_user(store, first, PASSWORD, "learner")
    other = accounts.create_user(store, second, PASSWORD, "learner")
    with TestClient(app) as client:
        client.post("/api/session", json={"username": first, "password": PASSWORD})
        client.post("/api/session", json={"username": second, "password": PASSWORD})
        assert client.get("/api/session").json()["id"] == other.id
        accounts.set_password(store, second, "a brand new password")
        assert client.get("/api/session").status_code == 401  # the stamp no longer matches


def test_a_locked_account_answers_429_with_retry_after(team, monkeypatch) -> None:
    app, store, _ = team
    frozen = datetime.now(UTC).replace(microsecond=0)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return frozen

    monkeypatch.setattr(accounts, "datetime", Frozen)
    name = fresh_name()
    accounts.create_user(store, name, PASSWORD, "learner")
    with TestClient(app) as client:
        for _ in range(5):
            bad = client.post("/api/session", json={"username": name, "password": "nope nope"})
            assert bad.status_code == 401
        locked = client.post("/api/session", json={"username": name, "password": PASSWORD})
    assert locked.status_code == 429
    assert locked.json() == {
        "detail": "this account is locked after 5 failed logins; try again in 5 minutes"
    }
    assert locked.headers["retry-after"] == "300"


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        (None, "/"),
        ("/plan?week=2", "/plan?week=2"),
        ("/", "/"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("plan", "/"),
    ],
)
def test_the_login_page_sends_back_only_into_this_app(team, asked, kept) -> None:
    _, _, client = team
    page = client.get("/login", params=None if asked is None else {"next": asked})
    assert page.status_code == 200
    assert re.findall(r'data-next="([^"]*)"', page.text) == [kept]


def test_the_users_page_lists_every_account_for_admins(team) -> None:
    app, store, _ = team
    admin, learner, locked, unlocked = (fresh_name() for _ in range(4))
    accounts.create_user(store, admin, PASSWORD, "admin")
    accounts.create_user(store, learner, PASSWORD, "learner")
    for name in (locked, unlocked):
        accounts.create_user(store, name, PASSWORD, "learner")
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        for name, until in (
            (locked, now + timedelta(hours=1)),
            (unlocked, now - timedelta(hours=1)),
        ):
            conn.execute(update(UserRow).where(UserRow.username == name).values(locked_until=until))
    with TestClient(app) as client:
        client.post("/api/session", json={"username": learner, "password": PASSWORD})
        assert client.get("/admin/users").status_code == 403
    with TestClient(app) as client:
        client.post("/api/session", json={"username": admin, "password": PASSWORD})
        page = client.get("/admin/users")
    assert page.status_code == 200
    rows = dict(re.findall(r'<tr data-username="([^"]+)">(.*?)</tr>', page.text, flags=re.S))
    assert set(rows) == {u.username for u in accounts.list_users(store)}
    assert f"{admin} (you)" in rows[admin] and "(you)" not in rows[learner]
    assert "built in, no password" in rows["local"]
    assert "locked until" in rows[locked]
    assert "allowed" in rows[unlocked] and "allowed" in rows[learner]


def test_users_stay_in_creation_order_on_postgresql_after_a_change(spy) -> None:
    """PostgreSQL returns an updated row from its new place in the table unless told the order."""
    from team_services import postgres_database

    from mlprep.store import open_store

    with postgres_database("mlprep_test_h7") as url, open_store(url) as pg:
        for name in ("zoe", "amy", "max"):
            add(pg, name)
        accounts.set_role(pg, "zoe", "admin")
        assert [u.username for u in accounts.list_users(pg)] == ["local", "zoe", "amy", "max"]


class FakeListener:
    """What ``ChangeWatch._listen`` uses of a psycopg ``AsyncConnection``: the statements it
    runs, and notifications handed out until the link drops."""

    def __init__(self, notes: list[tuple[str, str]], during: Any) -> None:
        self.executed: list[str] = []
        self.notes = notes
        self.during = during  # called with each notification, before the watch sees it
        self.closed = False

    async def __aenter__(self) -> FakeListener:
        return self

    async def __aexit__(self, *_exc: Any) -> None:
        self.closed = True

    async def execute(self, statement: str) -> None:
        self.executed.append(statement)

    async def notifies(self) -> Any:
        import psycopg

        for channel, payload in self.notes:
            self.during(channel, payload)
            yield SimpleNamespace(channel=channel, payload=payload)
        raise psycopg.OperationalError("the server closed the connection")


def test_the_watch_listens_on_both_channels_and_reconnects_when_the_link_drops(
    monkeypatch, caplog
) -> None:
    import psycopg

    from mlprep.team import web

    monkeypatch.setattr(web, "RECONNECT_SECONDS", 0.01)
    watch = ChangeWatch("postgresql://ann@db.example/team")
    seen: list[tuple[str, bool, bool]] = []  # each note: (payload, listening, keeping accounts)
    links: list[FakeListener] = []
    opened: list[tuple[str, dict[str, Any]]] = []

    def note(_channel: str, payload: str) -> None:
        seen.append((payload, watch.listening, watch.accounts.listening))

    async def connect(conninfo: str, **options: Any) -> FakeListener:
        opened.append((conninfo, options))
        if len(opened) == 2:  # the second try fails: the loop tries again
            raise psycopg.OperationalError("connection refused")
        links.append(FakeListener([("mlprep_jobs", str(len(opened)))], note))
        return links[-1]

    monkeypatch.setattr(psycopg.AsyncConnection, "connect", connect)

    async def listen_a_while() -> tuple[bool, bool, bool]:
        with watch.watching(1) as waiting:  # waits from before the watch listened
            watch.start()
            await asyncio.sleep(0.3)
            woken = waiting.is_set()
        await watch.stop()
        return woken, watch.listening, watch.accounts.listening

    with caplog.at_level(logging.WARNING, logger="mlprep.team.web"):
        woken, listening, keeping = run(listen_a_while())
    assert opened[:3] == [("postgresql://ann@db.example/team", {"autocommit": True})] * 3
    assert all(link.executed == ["LISTEN mlprep_jobs", "LISTEN mlprep_users"] for link in links)
    assert all(link.closed for link in links)
    assert seen[:2] == [("1", True, True), ("3", True, True)]  # listening while notified
    assert woken  # read again on listening: it may have changed while nobody listened
    assert (listening, keeping) == (False, False)  # the link dropped: poll, keep nothing
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in warnings[:3]] == [
        "not listening for changes: polling meanwhile"
    ] * 3
    assert all(r.exc_info[0] is psycopg.OperationalError for r in warnings[:3])  # the why, logged


class FakeQueue:
    """A broker that records the job ids sent, with the job's row as committed at the time."""

    def __init__(self, store: Any, refuse: bool = False) -> None:
        self.store = store
        self.refuse = refuse
        self.sent: list[tuple[int, str]] = []
        self.broker = SimpleNamespace(close=lambda: self.sent.append((0, "closed")))

    def send(self, job_id: int) -> None:
        from sqlalchemy import select

        from mlprep.store.models import JobRow

        with self.store.engine.connect() as conn:  # a connection of its own: committed rows only
            state = conn.scalar(select(JobRow.state).where(JobRow.id == job_id))
        self.sent.append((job_id, state))
        if self.refuse:
            raise ConnectionError("the broker is down")


def test_a_submission_is_committed_before_its_id_goes_to_the_broker(store) -> None:
    from mlprep.problems import load_problem
    from mlprep.team import jobs
    from mlprep.team.web import TeamJudge

    bob = add(store, "bob").id
    queue = FakeQueue(store)
    judge = TeamJudge(queue=queue)  # type: ignore[arg-type]
    code = "def softmax(x):\n    return 'é'\n"
    job = judge.submit_for(
        store.for_user(bob), load_problem("softmax"), code.encode("utf-8"), "custom", "[[1.0]]"
    )
    assert queue.sent == [(int(job["id"]), "queued")]
    shown = (job["problem"], job["mode"], job["state"], job["version"])
    assert shown == ("softmax", "custom", "queued", 0)
    claim = jobs.claim(store, int(job["id"]))
    assert (claim.user_id, claim.code, claim.custom_input) == (bob, code, "[[1.0]]")


def test_a_submission_the_broker_refuses_is_answered_and_left_to_the_sweep(store, caplog) -> None:
    from mlprep.problems import load_problem
    from mlprep.team.web import TeamJudge

    bob = add(store, "bob").id
    queue = FakeQueue(store, refuse=True)
    with caplog.at_level(logging.WARNING, logger="mlprep.team.web"):
        job = TeamJudge(queue=queue).submit_for(  # type: ignore[arg-type]
            store.for_user(bob), load_problem("softmax"), b"x = 1\n", "judge"
        )
    assert (job["state"], queue.sent) == ("queued", [(int(job["id"]), "queued")])
    [logged] = caplog.records
    assert logged.getMessage() == f"could not enqueue job {job['id']}; the sweep will"
    assert logged.exc_info[0] is ConnectionError  # the why, logged with it


def test_the_team_judge_makes_its_broker_once_on_first_use_and_closes_it(monkeypatch) -> None:
    from mlprep.team import web

    made: list[FakeQueue] = []
    monkeypatch.setattr(web, "TeamQueue", lambda: made.append(FakeQueue(None)) or made[-1])
    watch = ChangeWatch("postgresql://unused")
    judge = web.TeamJudge(watch=watch)
    judge.close()  # no broker made yet: nothing to close
    assert (made, judge.watch) == ([], watch)
    assert judge.queue is judge.queue is made[0] and len(made) == 1
    judge.close()
    assert made[0].sent == [(0, "closed")]
    given = FakeQueue(None)
    assert web.TeamJudge(queue=given).queue is given  # type: ignore[arg-type]
    assert len(made) == 1
