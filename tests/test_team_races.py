"""Races between web processes on real PostgreSQL: two accounts whose names differ only in case,
and two web processes making the session secret at once.

Each race is run, not hoped for: both callers are held at the INSERT that the race is about
(a barrier on the engine's ``before_cursor_execute``) until both have got there, so both have
already looked and found nothing, exactly as two processes racing would. On SQLite the store's
BEGIN IMMEDIATE serialises writers, so these races are PostgreSQL's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select
from team_services import postgres_database

from mlprep.store import Store, open_store
from mlprep.store.models import LOCAL_USER_ID, SettingRow
from mlprep.team import accounts
from mlprep.team.sessions import SECRET_SETTING, session_secret

PASSWORD = "correct horse battery"


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.delenv("MLPREP_SECRET_KEY", raising=False)
    with postgres_database("mlprep_test_races") as url, open_store(url) as opened:
        yield opened


@contextmanager
def held_at(store: Store, statement_start: str, parties: int = 2) -> Iterator[None]:
    """Every statement beginning with ``statement_start`` waits until ``parties`` callers have
    reached one (for ten seconds at most: a caller that never gets there breaks the barrier)."""
    barrier = threading.Barrier(parties, timeout=10)

    def hold(_conn, _cursor, statement: str, *_args: Any) -> None:
        if statement.startswith(statement_start):
            barrier.wait()

    event.listen(store.engine, "before_cursor_execute", hold)
    try:
        yield
    finally:
        event.remove(store.engine, "before_cursor_execute", hold)


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Each call's result, or the exception it raised, in the order given."""

    def outcome(call: Callable[[], Any]) -> Any:
        try:
            return call()
        except Exception as exc:  # the race's loser: what it raised is what the test checks
            return exc

    with ThreadPoolExecutor(len(calls)) as threads:
        return list(threads.map(outcome, calls))


def test_two_names_differing_only_in_case_made_at_once_make_one_account(store: Store) -> None:
    with held_at(store, "INSERT INTO users"):
        made = at_once(
            lambda: accounts.create_user(store, "Ann", PASSWORD, "learner"),
            lambda: accounts.create_user(store, "ann", PASSWORD, "learner"),
        )
    assert sorted(type(m).__name__ for m in made) == ["NameTaken", "User"], made
    winner, loser = made if isinstance(made[0], accounts.User) else made[::-1]
    taken_name = "ann" if winner.username == "Ann" else "Ann"
    assert str(loser) == f"the username '{taken_name}' is taken"
    assert [u.username for u in accounts.list_users(store)] == ["local", winner.username]


def test_two_web_processes_starting_at_once_share_one_session_secret(store: Store) -> None:
    with held_at(store, "INSERT INTO settings"):
        first, second = at_once(lambda: session_secret(store), lambda: session_secret(store))
    with store.reading() as session:
        kept = session.scalar(
            select(SettingRow.value).where(
                SettingRow.user_id == LOCAL_USER_ID, SettingRow.key == SECRET_SETTING
            )
        )
    assert isinstance(first, str) and isinstance(second, str), (first, second)
    assert first == second and f'"{first}"' == kept
