"""Accounts, logins and per-user scoping, on real PostgreSQL and on SQLite.

Each backend gets its own database for the module (PostgreSQL: created here and dropped after).
The isolation test walks the team app's OpenAPI schema: every route that takes the id of a
user's row is called by user B with user A's ids and must answer 404, and every read B can make
must show nothing of A's (B sees exactly what a user who never did anything sees).
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import run_cli
from fastapi.testclient import TestClient
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from team_services import postgres_database, redis_database

from mlprep.store import open_store
from mlprep.store.db import HEAD_REVISION, alembic_config
from mlprep.store.models import (
    OWNED_TABLES,
    AnswerRow,
    PlanRow,
    PlanTaskRow,
    ReviewCardRow,
    ReviewLogRow,
    SessionRow,
    SettingRow,
    SubmissionRow,
    TestResultRow,
)
from mlprep.team import accounts
from mlprep.web.app import create_app
from mlprep.web.state import Settings

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('team') / 'team.db'}"
        return
    with postgres_database("mlprep_test_t1") as url:
        yield url


@pytest.fixture(scope="module")
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def new_user(store, role: str = "learner") -> accounts.User:
    return accounts.create_user(store, f"u{uuid.uuid4().hex[:10]}", PASSWORD, role)


def record(problem: str = "kmeans", verdict: str = "accepted") -> dict:
    return {
        "created_at": NOW.isoformat(),
        "source": "def kmeans(X, init_centroids, max_iters=100):\n    return 'secret of A'\n",
        "report": {
            "problem": problem,
            "mode": "judge",
            "verdict": verdict,
            "passed": 1,
            "total": 1,
            "seconds": 0.1,
            "message": "",
            "stdout": "",
            "tests": [
                {
                    "index": 0,
                    "sample": True,
                    "category": "basic",
                    "status": "passed",
                    "seconds": 0.1,
                    "message": "",
                    "name": "t",
                    "input": "{}",
                    "expected": "1",
                    "actual": "1",
                }
            ],
        },
    }


# --- schema ------------------------------------------------------------------------------------


def test_every_user_data_table_has_an_indexed_user_id(store) -> None:
    inspector = inspect(store.engine)
    assert set(OWNED_TABLES) >= {
        "submissions",
        "test_results",
        "review_cards",
        "review_logs",
        "practice_sessions",
        "answers",
        "plans",
        "plan_tasks",
        "settings",
    }
    for table in OWNED_TABLES:
        columns = {c["name"]: c for c in inspector.get_columns(table)}
        assert columns["user_id"]["nullable"] is False, table
        keys = [fk for fk in inspector.get_foreign_keys(table) if fk["referred_table"] == "users"]
        assert keys and keys[0]["constrained_columns"] == ["user_id"], table
        indexed = [i["column_names"] for i in inspector.get_indexes(table)]
        # A unique constraint is backed by an index on both databases.
        unique = [u["column_names"] for u in inspector.get_unique_constraints(table)]
        primary = inspector.get_pk_constraint(table)["constrained_columns"]
        assert any(cols[0] == "user_id" for cols in [*indexed, *unique, primary]), table
    assert inspector.get_pk_constraint("settings")["constrained_columns"] == ["user_id", "key"]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrading_a_single_user_history_gives_its_rows_to_the_local_user(
    tmp_path: Path, backend: str
) -> None:
    if backend == "sqlite":
        _upgrade_from_0003(f"sqlite:///{tmp_path / 'old.db'}")
    else:
        with postgres_database("mlprep_test_t1_upgrade") as url:
            _upgrade_from_0003(url)


def _upgrade_from_0003(url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
        conn.execute(
            text(
                "INSERT INTO review_cards (question, topic, due, state, reviews, updated_at) "
                "VALUES ('metrics/q', 'metrics', :t, '{}', 1, :t)"
            ),
            {"t": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO settings (key, value, updated_at) VALUES ('domain.tracks', '[]', :t)"
            ),
            {"t": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO submissions (uid, created_at, problem, mode, verdict, passed, total,"
                " seconds, source, message, stdout) VALUES ('u1', :t, 'pca', 'judge', "
                "'accepted', 1, 1, 0.1, 'src', '', '')"
            ),
            {"t": NOW},
        )
    engine.dispose()
    with open_store(url) as upgraded:
        assert upgraded.solved_problems() == {"pca"}
        assert (
            upgraded.for_user(
                accounts.create_user(upgraded, "newbie", PASSWORD, "learner").id
            ).solved_problems()
            == set()
        )
        with upgraded.reading() as session:
            assert session.scalar(select(ReviewCardRow.user_id)) == 1
            assert session.get(SettingRow, (1, "domain.tracks")).value == "[]"
        with upgraded.engine.connect() as conn:
            assert conn.scalar(text("SELECT username FROM users WHERE id = 1")) == "local"
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == HEAD_REVISION


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrading_renames_later_accounts_whose_names_differ_only_in_case(
    tmp_path: Path, backend: str
) -> None:
    if backend == "sqlite":
        _upgrade_duplicates_from_0011(f"sqlite:///{tmp_path / 'old.db'}")
    else:
        with postgres_database("mlprep_test_t1_case") as url:
            _upgrade_duplicates_from_0011(url)


_ADD_USER = text(
    "INSERT INTO users (username, role, created_at, failed_logins) VALUES (:name, 'learner', :t, 0)"
)


def _upgrade_duplicates_from_0011(url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    long_name = "L" + "o" * 63  # 64 characters: the longest name there is
    names = ["Ann", "bob", "ann", long_name, "ANN", long_name.lower()]  # ids 2 to 7
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0011_review_anki")
        for name in names:
            conn.execute(_ADD_USER, {"name": name, "t": NOW})
    engine.dispose()
    with open_store(url) as upgraded:
        kept = [(u.id, u.username) for u in accounts.list_users(upgraded)]
        assert kept == [
            (1, "local"),
            (2, "Ann"),
            (3, "bob"),
            (4, "ann~4"),
            (5, long_name),
            (6, "ANN~6"),
            (7, "l" + "o" * 61 + "~7"),
        ]
        with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:  # not Python's check
            conn.execute(_ADD_USER, {"name": "aNN", "t": NOW})


def test_postgresql_hands_out_new_user_ids_after_the_local_user(store) -> None:
    user = new_user(store)
    assert user.id > 1


# --- the store: every table, every query, one user's rows only --------------------------------


def test_a_bound_store_shares_the_connections_and_closing_it_closes_nothing(store) -> None:
    user = new_user(store)
    pool = store.engine.pool
    bound = store.for_user(user.id)
    assert (bound.user_id, store.user_id, bound.engine) == (user.id, 1, store.engine)
    assert bound.for_user(user.id) is bound and bound.for_user(1).user_id == 1
    bound.close()
    assert store.engine.pool is pool  # not disposed: the app's store goes on as it was


def test_a_store_bound_to_a_user_sees_only_that_users_rows(store) -> None:
    a, b = new_user(store), new_user(store)
    store_a, store_b = store.for_user(a.id), store.for_user(b.id)
    sid = store_a.add(record())
    with store_a.writing() as session:
        plan = PlanRow(
            created_at=NOW, interview_date=date(2027, 1, 1), hours_per_week=5, rounds="[]"
        )
        practice = SessionRow(uid=uuid.uuid4().hex, kind="design", started_at=NOW, spec="{}")
        session.add_all([plan, practice])
        session.flush()
        session.add_all(
            [
                PlanTaskRow(
                    plan_id=plan.id, day=date(2026, 12, 2), round="coding", minutes=30, what="x"
                ),
                AnswerRow(session_id=practice.id, round="design", item="c", created_at=NOW),
                ReviewCardRow(
                    question="metrics/q", topic="metrics", due=NOW, state="{}", updated_at=NOW
                ),
                ReviewLogRow(question="metrics/q", topic="metrics", reviewed_at=NOW, rating=3),
                SettingRow(key="domain.tracks", value="[]", updated_at=NOW),
            ]
        )
        plan_id = plan.id
    rows = {
        SubmissionRow,
        TestResultRow,
        PlanRow,
        PlanTaskRow,
        SessionRow,
        AnswerRow,
        ReviewCardRow,
        ReviewLogRow,
        SettingRow,
    }
    assert {r.__tablename__ for r in rows} <= set(OWNED_TABLES)
    with store_a.reading() as session:
        for row in rows:
            assert session.scalar(select(func.count()).select_from(row)) >= 1, row
            assert set(session.scalars(select(row.user_id).distinct())) == {a.id}, row
    with store_b.reading() as session:
        for row in rows:
            assert session.scalar(select(func.count()).select_from(row)) == 0, row
            assert session.scalars(select(row)).all() == [], row
        assert session.get(PlanRow, plan_id) is None
        assert session.get(SettingRow, (a.id, "domain.tracks")) is None
    assert store_b.get(sid) is None and store_b.history() == [] and store_b.count() == 0
    assert store_b.solved_problems() == set() and store_b.attempted_problems() == set()
    assert store_a.get(sid).source.endswith("'secret of A'\n")
    # Writes are scoped too: B's bulk update touches no row of A's.
    from sqlalchemy import update

    with store_b.writing() as session:
        session.execute(update(PlanRow).values(active=False))
    with store_a.reading() as session:
        assert session.get(PlanRow, plan_id).active is True
    # The same question's card can exist once per user.
    with store_b.writing() as session:
        session.add(
            ReviewCardRow(
                question="metrics/q", topic="metrics", due=NOW, state="{}", updated_at=NOW
            )
        )


# --- accounts ----------------------------------------------------------------------------------


def test_accounts_are_created_listed_changed_and_removed(store) -> None:
    name = f"amy{uuid.uuid4().hex[:6]}"
    amy = accounts.create_user(store, name, PASSWORD, "learner")
    assert amy.role == "learner" and amy.stamp
    with pytest.raises(accounts.NameTaken):
        accounts.create_user(store, name.upper(), PASSWORD, "admin")
    with pytest.raises(accounts.AccountError, match="at least 8"):
        accounts.create_user(store, "shorty", "short", "learner")
    with pytest.raises(accounts.AccountError, match="role"):
        accounts.create_user(store, "roley", PASSWORD, "owner")
    listed = {u.username: u for u in accounts.list_users(store)}
    assert listed["local"].id == 1 and listed[name].id == amy.id
    with store.reading() as session:  # Argon2, by pwdlib; never the password itself
        hashed = session.scalar(
            text("SELECT password_hash FROM users WHERE id = :i"), {"i": amy.id}
        )
    assert hashed.startswith("$argon2") and PASSWORD not in hashed
    assert accounts.set_role(store, name, "instructor").role == "instructor"
    changed = accounts.set_password(store, name, "another password")
    assert changed.stamp != amy.stamp
    assert accounts.authenticate(store, name, "another password").id == amy.id
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store, name, PASSWORD)
    store.for_user(amy.id).add(record())
    accounts.remove_user(store, name)
    assert accounts.find_user(store, name) is None
    with store.engine.connect() as conn:  # their rows went with them
        left = conn.scalar(
            text("SELECT count(*) FROM submissions WHERE user_id = :i"), {"i": amy.id}
        )
    assert left == 0
    with pytest.raises(accounts.AccountError, match="built in"):
        accounts.remove_user(store, "local")
    with pytest.raises(accounts.LoginFailed):  # no password: the local user cannot log in
        accounts.authenticate(store, "local", "")


def test_five_failures_lock_the_account_for_five_minutes(store) -> None:
    user = new_user(store)
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, user.username, "wrong password", now=NOW)
    with pytest.raises(accounts.LockedOut, match="5 minutes") as locked:
        accounts.authenticate(store, user.username, PASSWORD, now=NOW + timedelta(seconds=1))
    assert locked.value.until == NOW + accounts.LOCKOUT
    with pytest.raises(accounts.LockedOut, match="1 minute"):
        accounts.authenticate(store, user.username, PASSWORD, now=NOW + timedelta(minutes=4.5))
    later = NOW + accounts.LOCKOUT + timedelta(seconds=1)
    assert accounts.authenticate(store, user.username, PASSWORD, now=later).id == user.id
    # A success resets the count: four failures then a success never lock.
    for _ in range(4):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, user.username, "nope nope", now=later)
    assert accounts.authenticate(store, user.username, PASSWORD, now=later).id == user.id
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store, user.username, "nope nope", now=later)
    assert accounts.authenticate(store, user.username, PASSWORD, now=later).id == user.id


# --- the team web app ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(store, monkeypatch_module):
    monkeypatch_module.delenv("MLPREP_SECRET_KEY", raising=False)
    with redis_database() as broker:  # submissions are queued there (no worker runs here)
        monkeypatch_module.setenv("MLPREP_BROKER_URL", broker)
        yield create_app(Settings(team=True, workers=1), store)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def anonymous(app) -> Iterator[TestClient]:
    with TestClient(app) as client:  # starts the app (its lifespan) for the whole module
        yield client


def client_of(app) -> TestClient:
    """Another browser; the module's ``anonymous`` client keeps the app started meanwhile."""
    return TestClient(app)


def logged_in(app, user: accounts.User) -> TestClient:
    client = client_of(app)
    response = client.post("/api/session", json={"username": user.username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return client


def test_login_sets_a_signed_httponly_samesite_cookie_and_logout_ends_it(
    app, store, anonymous
) -> None:
    user = new_user(store)
    with closing(client_of(app)) as client:
        wrong = client.post("/api/session", json={"username": user.username, "password": "x"})
        assert wrong.status_code == 401 and "wrong username or password" in wrong.json()["detail"]
        unknown = client.post("/api/session", json={"username": "nobody", "password": PASSWORD})
        assert unknown.status_code == 401
        ok = client.post("/api/session", json={"username": user.username, "password": PASSWORD})
        assert ok.status_code == 200 and ok.json() == {
            "id": user.id,
            "username": user.username,
            "role": "learner",
        }
        cookie = ok.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "mlprep_session=" in cookie
        assert client.get("/api/session").json()["id"] == user.id
        assert client.get("/api/problems").status_code == 200
        home = client.get("/")
        assert home.status_code == 200 and user.username in home.text and "log-out" in home.text
        forged = client.cookies["mlprep_session"][:-2] + "xx"
        with closing(client_of(app)) as other:
            other.cookies.set("mlprep_session", forged)
            assert other.get("/api/problems").status_code == 401
        assert client.delete("/api/session").status_code == 204
        assert client.get("/api/problems").status_code == 401


def test_a_locked_account_answers_429_with_the_reason(app, store, anonymous) -> None:
    user = new_user(store)
    with closing(client_of(app)) as client:
        for _ in range(accounts.MAX_FAILURES):
            bad = {"username": user.username, "password": "wrong password"}
            assert client.post("/api/session", json=bad).status_code == 401
        good = {"username": user.username, "password": PASSWORD}
        locked = client.post("/api/session", json=good)
        assert locked.status_code == 429
        assert "locked" in locked.json()["detail"] and int(locked.headers["retry-after"]) > 0
    accounts.set_password(store, user.username, PASSWORD)  # an admin's reset unlocks it
    logged_in(app, user).close()


def test_without_a_session_every_api_route_answers_401_and_pages_go_to_login(app, anonymous):
    schema = app.openapi()
    for path, operations in schema["paths"].items():
        for method in operations:
            concrete = re.sub(r"\{[^}]+\}", "1", path)
            response = anonymous.request(method.upper(), concrete, json={})
            if path == "/api/session" and method in ("post", "delete"):
                continue  # logging in and out need no session
            assert response.status_code == 401, (method, path, response.status_code)
            assert "401" in operations[method]["responses"], (method, path)  # and says so
    assert anonymous.get("/api/openapi.json").status_code == 401
    for page in ("/", "/submissions", "/review", "/design", "/plan", "/progress", "/admin/users"):
        response = anonymous.get(page, follow_redirects=False)
        assert response.status_code == 303, page
        assert response.headers["location"].startswith("/login?next=")
    login = anonymous.get("/login")
    assert login.status_code == 200 and 'id="login-form"' in login.text
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', login.text):
        assert anonymous.get(asset).status_code == 200, asset


def test_a_write_from_another_origin_is_refused(app, store, anonymous) -> None:
    user = new_user(store)
    with closing(logged_in(app, user)) as client:
        evil = {"origin": "https://evil.example"}
        body = {"interview_date": "2027-06-01", "hours_per_week": 5}
        assert client.post("/api/plan", json=body, headers=evil).status_code == 403
        login = {"username": user.username, "password": PASSWORD}
        assert client.post("/api/session", json=login, headers=evil).status_code == 403
        assert client.post("/api/plan", json=body).status_code == 201


def test_the_admin_page_lists_users_for_admins_only(app, store, anonymous) -> None:
    learner, admin = new_user(store), new_user(store, "admin")
    with closing(logged_in(app, learner)) as client:
        assert client.get("/admin/users").status_code == 403
    with closing(logged_in(app, admin)) as client:
        page = client.get("/admin/users")
        assert page.status_code == 200
        assert learner.username in page.text and admin.username in page.text
        assert 'href="/static/app.css"' in page.text


def test_removing_a_user_or_changing_the_password_ends_their_sessions(
    app, store, anonymous
) -> None:
    """On PostgreSQL the web process learns of the change by a notification, a few
    milliseconds after it commits (``team.web.AccountCache``): the 401 is waited for."""
    user = new_user(store)
    client = logged_in(app, user)
    assert client.get("/api/problems").status_code == 200  # the account is kept from now on
    accounts.set_password(store, user.username, "a brand new password")
    assert refused_soon(client, "/api/problems")
    client.close()
    accounts.set_password(store, user.username, PASSWORD)
    client = logged_in(app, user)
    assert client.get("/api/problems").status_code == 200
    accounts.remove_user(store, user.username)
    assert refused_soon(client, "/api/problems")
    client.close()


def refused_soon(client, path: str, seconds: float = 5.0) -> bool:
    """Whether ``path`` answers 401 within ``seconds``."""
    deadline = time.monotonic() + seconds
    while client.get(path).status_code != 401:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_the_session_secret_is_made_once_and_shared(store, monkeypatch) -> None:
    from mlprep.team.sessions import session_secret

    monkeypatch.delenv("MLPREP_SECRET_KEY", raising=False)
    first = session_secret(store)
    assert len(first) >= 40 and session_secret(store) == first
    monkeypatch.setenv("MLPREP_SECRET_KEY", "from the environment")
    assert session_secret(store) == "from the environment"


# --- isolation on every route ----------------------------------------------------------------

# Path parameters naming a row of the user's own (the rest name content from the banks).
ROW_IDS = {
    "submission_id",
    "job_id",
    "uid",
    "task_id",
    "cohort_id",
    "assignment_id",
    "member_id",
}
CONTENT = {"slug", "topic", "track", "unit", "name", "round_name", "prompt_id", "index"}
BODIES = {
    "StepAnswers": {"answers": {"problem": "x"}},
    "Ticks": {"ticks": {}},
    "RoundInput": {"answers": {}},
    "Code": {"code": "def kmeans(X, init_centroids, max_iters=100):\n    return 1\n"},
    "NewAssignment": {"kind": "loop", "due_at": "2027-01-31T23:59:00+00:00"},
}


def _body_for(operation: dict) -> dict | None:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return None
    schema = content["schema"]
    name = schema.get("$ref", "").rsplit("/", 1)[-1] or schema.get("title", "")
    assert name in BODIES, f"add a body for {name} to BODIES"
    return BODIES[name]


def _content_ids(client: TestClient) -> dict[str, str]:
    case = client.get("/api/design/cases").json()[0]["slug"]
    prompt = client.get("/api/prompts").json()
    round_name = next(iter(prompt)) if isinstance(prompt, dict) else prompt[0]["round"]
    first = prompt[round_name][0] if isinstance(prompt, dict) else prompt[0]
    topic, name = client.get("/api/review/next").json()["cards"][0]["id"].split("/", 1)
    return {
        "case": case,
        "round_name": round_name,
        "prompt_id": first["id"],
        "topic": topic,
        "name": name,
    }


def _fill(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([^}]+)\}", lambda m: values[m.group(1)], path)


def _without_clock(value):
    """A response without the server's clock readings, which differ between two requests."""
    if isinstance(value, dict):
        return {k: _without_clock(v) for k, v in value.items() if k != "now"}
    if isinstance(value, list):
        return [_without_clock(v) for v in value]
    return value


def test_user_b_can_reach_none_of_user_as_rows_on_any_route(app, store, anonymous) -> None:
    # Instructors, so that A owns a cohort and B could own one: B still reaches none of A's.
    a, b, fresh = (new_user(store, "instructor") for _ in range(3))
    member = new_user(store)
    with (
        closing(logged_in(app, a)) as as_a,
        closing(logged_in(app, b)) as as_b,
        closing(logged_in(app, fresh)) as as_new,
    ):
        content = _content_ids(as_a)
        # A does something in every round.
        submission_id = store.for_user(a.id).add(record())
        job = as_a.post("/api/problems/kmeans/submit", json=BODIES["Code"])
        assert job.status_code == 202, job.text
        design = as_a.post("/api/design/sessions", json={"case": content["case"]})
        assert design.status_code == 201, design.text
        loop = as_a.post("/api/mock/loops", json={"rounds": ["breadth"]})
        assert loop.status_code == 201, loop.text
        plan = as_a.post("/api/plan", json={"interview_date": "2027-06-01", "hours_per_week": 5})
        assert plan.status_code == 201, plan.text
        rated = as_a.post(
            f"/api/review/cards/{content['topic']}/{content['name']}/rate",
            json={"rating": 3, "answer": "A's answer"},
        )
        assert rated.status_code == 200, rated.text
        answered = as_a.post(
            f"/api/prompts/{content['round_name']}/{content['prompt_id']}/answers",
            json={"parts": {"situation": "A's story"}, "rating": 3},
        )
        assert answered.status_code in (200, 201), answered.text
        assert as_a.post("/api/problems/kmeans/hints").status_code == 200
        cohort = as_a.post("/api/cohorts", json={"name": "A's cohort"})
        assert cohort.status_code == 201, cohort.text
        cohort_id = cohort.json()["id"]
        assignment = as_a.post(
            f"/api/cohorts/{cohort_id}/assignments",
            json={"kind": "problems", "items": ["kmeans"], "due_at": "2027-01-31T23:59:00Z"},
        )
        assert assignment.status_code == 201, assignment.text
        with closing(logged_in(app, member)) as as_member:
            code = {"code": cohort.json()["invite_code"]}
            assert as_member.post("/api/memberships", json=code).status_code == 200
        ids = {
            "submission_id": str(submission_id),
            "job_id": job.json()["id"],
            "task_id": str(plan.json()["tasks"][0]["id"]),
            "cohort_id": str(cohort_id),
            "assignment_id": str(assignment.json()["id"]),
            "member_id": str(member.id),
            "index": "0",
            "slug": "kmeans",
            "track": "llm",
            "unit": content["topic"],
            **content,
        }
        loop_uid, design_uid = loop.json()["uid"], design.json()["uid"]

        checked = set()
        schema = app.openapi()
        for path, operations in schema["paths"].items():
            params = set(re.findall(r"\{([^}]+)\}", path))
            assert params <= ROW_IDS | CONTENT, f"classify the parameters of {path}"
            if not params & ROW_IDS:
                continue
            for method, operation in operations.items():
                values = dict(ids, uid=loop_uid if path.startswith("/api/mock/") else design_uid)
                if path.startswith("/api/design/cases/"):
                    values["slug"] = content["case"]
                url = _fill(path, values)
                # A reaches it (so the id is right), B gets 404.
                if method == "get":
                    mine = as_a.get(url)
                    assert mine.status_code in (200, 404) and (
                        mine.status_code == 200 or "picture" in path
                    ), (url, mine.status_code, mine.text)
                theirs = as_b.request(method.upper(), url, json=_body_for(operation))
                assert theirs.status_code == 404, (method, url, theirs.status_code, theirs.text)
                checked.add((method, path))
        assert {p for _, p in checked} >= {
            "/api/submissions/{submission_id}",
            "/api/jobs/{job_id}",
            "/api/design/sessions/{uid}",
            "/api/mock/loops/{uid}",
            "/api/plan/tasks/{task_id}/done",
            "/api/cohorts/{cohort_id}",
            "/api/cohorts/{cohort_id}/table",
            "/api/cohorts/{cohort_id}/table.csv",
            "/api/cohorts/{cohort_id}/invite-code",
            "/api/cohorts/{cohort_id}/assignments",
            "/api/cohorts/{cohort_id}/assignments/{assignment_id}",
            "/api/cohorts/{cohort_id}/members/{member_id}",
            "/api/memberships/{cohort_id}",
        }

        # Every read B can make shows nothing of A's: B sees what a brand-new user sees.
        for path, operations in schema["paths"].items():
            if "get" not in operations or set(re.findall(r"\{([^}]+)\}", path)) & ROW_IDS:
                continue
            values = dict(
                ids, slug=content["case"] if path.startswith("/api/design/") else "kmeans"
            )
            url = _fill(path, values)
            if path == "/api/session":
                continue  # who is asking: differs by design
            seen_b, seen_new = as_b.get(url), as_new.get(url)
            assert seen_b.status_code == seen_new.status_code, url
            if seen_b.headers["content-type"].startswith("application/json"):
                assert _without_clock(seen_b.json()) == _without_clock(seen_new.json()), url
            else:  # a download (the review deck's TOML export): byte for byte
                assert seen_b.content == seen_new.content, url
        assert as_b.get("/api/submissions").json() == []
        assert all(p["status"] == "new" for p in as_b.get("/api/problems").json())
        assert as_b.get("/api/problems/kmeans/hints").json()["revealed"] == []
        assert as_b.get("/api/problems/kmeans/editorial").status_code == 403
        assert as_b.get("/api/plan").status_code == 404
        assert as_b.get("/api/cohorts").json() == {"owned": [], "joined": []}
        assert as_b.get(f"/cohorts/{cohort_id}").status_code == 404
        assert as_a.get(f"/cohorts/{cohort_id}").status_code == 200
        # ...while A sees their own.
        assert [s["id"] for s in as_a.get("/api/submissions").json()] == [submission_id]
        assert as_a.get("/api/problems/kmeans/hints").json()["revealed"]
        assert as_a.get("/api/problems/kmeans/editorial").status_code == 200
        assert as_b.get(f"/submissions/{submission_id}").status_code == 404
        assert as_a.get(f"/submissions/{submission_id}").status_code == 200


# --- the command line -----------------------------------------------------------------------


def test_users_commands(tmp_path: Path) -> None:
    env = {"MLPREP_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    first = run_cli("db", "upgrade", env=env)
    assert first.returncode == 0 and HEAD_REVISION in first.stdout
    again = run_cli("db", "upgrade", env=env)
    assert again.returncode == 0 and "already" in again.stdout
    added = run_cli("users", "add", "carol", "--role", "instructor", input=PASSWORD + "\n", env=env)
    assert added.returncode == 0, added.stderr
    taken = run_cli("users", "add", "carol", "--role", "learner", input=PASSWORD + "\n", env=env)
    assert taken.returncode == 1 and "taken" in taken.stderr
    short = run_cli("users", "add", "dave", input="short\n", env=env)
    assert short.returncode == 2 and "at least" in short.stderr
    assert run_cli("users", "set-role", "carol", "admin", env=env).returncode == 0
    assert (
        run_cli("users", "set-password", "carol", input="new password!\n", env=env).returncode == 0
    )
    listed = run_cli("users", "list", env=env)
    assert re.search(r"carol\s+admin", listed.stdout) and "local" in listed.stdout
    with open_store(env["MLPREP_DATABASE_URL"]) as opened:
        assert accounts.authenticate(opened, "carol", "new password!").role == "admin"
    assert run_cli("users", "remove", "carol", "--yes", env=env).returncode == 0
    assert run_cli("users", "remove", "carol", "--yes", env=env).returncode == 1


def test_serve_team_refuses_to_start_without_its_services() -> None:
    missing = run_cli("serve", "--team", env={"MLPREP_BROKER_URL": ""})
    assert missing.returncode == 3
    assert "MLPREP_DATABASE_URL" in missing.stderr and "MLPREP_BROKER_URL" in missing.stderr
    sqlite = run_cli(
        "serve",
        "--team",
        env={"MLPREP_DATABASE_URL": "sqlite:///x.db", "MLPREP_BROKER_URL": "redis://127.0.0.1"},
    )
    assert sqlite.returncode == 3 and "PostgreSQL" in sqlite.stderr


def test_a_run_on_your_own_input_is_queued_for_the_workers_and_offered_on_the_page(
    app, store, anonymous
) -> None:
    user = new_user(store)
    arguments = '{"z": [1.0]}'
    with closing(logged_in(app, user)) as client:
        body = {"code": "def softmax(z):\n    return z\n", "input": arguments}
        reply = client.post("/api/problems/softmax/custom-run", json=body)
        page = client.get("/problems/softmax")
    assert reply.status_code == 202, reply.text
    job = reply.json()
    assert (job["mode"], job["state"], job["version"], job["report"]) == (
        "custom",
        "queued",
        0,
        None,
    )
    with store.engine.connect() as conn:
        row = conn.execute(
            text("SELECT user_id, mode, custom_input FROM jobs WHERE id = :i"),
            {"i": int(job["id"])},
        ).one()
    assert tuple(row) == (user.id, "custom", arguments)
    assert page.status_code == 200 and 'id="custom-input"' in page.text
