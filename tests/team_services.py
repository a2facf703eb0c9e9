"""Real PostgreSQL and Redis for the tests: a fresh database or Redis DB per use, dropped after.

The services themselves are started by ``scripts/test`` (127.0.0.1:5432, trust auth, user
postgres; Redis on 127.0.0.1:6379). A test that needs one and finds it down fails, it does not
skip: the team path is tested against the real engines or not at all.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlprep.store import Store

PG_ADMIN = os.environ.get("MLPREP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("MLPREP_TEST_REDIS", "redis://127.0.0.1:6379")


@contextmanager
def postgres_database(prefix: str = "mlprep_test") -> Iterator[str]:
    """A new, empty PostgreSQL database; yields its SQLAlchemy URL and drops it afterwards."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(6)}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=10) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def postgres_store_reading_tables_in_full(prefix: str) -> Iterator[Store]:
    """A store on a new PostgreSQL database whose planner may not scan an index. Read from the
    table itself (a plan PostgreSQL may choose for a user with many rows), rows come in the
    order they were written, so a query that forgets its ORDER BY shows; through an index, a few
    rows would come in the index's order by chance."""
    import psycopg

    from mlprep.store import open_store

    with postgres_database(prefix) as url:
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" SET enable_indexscan = off')
            admin.execute(f'ALTER DATABASE "{name}" SET enable_bitmapscan = off')
        with open_store(url) as store:
            yield store


@contextmanager
def redis_database() -> Iterator[str]:
    """An empty Redis logical database (1..15) claimed with a marker key; yields its URL and
    flushes it afterwards. Other tests running at once claim other numbers."""
    import redis

    for number in secrets.SystemRandom().sample(range(1, 16), 15):
        client = redis.Redis.from_url(f"{REDIS}/{number}")
        try:
            if client.set("mlprep:test:claim", "1", nx=True):
                if client.dbsize() == 1:
                    break
                client.delete("mlprep:test:claim")  # someone else's data: leave it alone
        except Exception:
            client.close()
            raise
        client.close()
    else:
        raise RuntimeError("no free Redis database among 1..15 for this test")
    try:
        yield f"{REDIS}/{number}"
    finally:
        client.flushdb()
        client.close()
