"""A team server in Chromium: `mlprep serve --team` on real PostgreSQL and Redis, accounts made
with `mlprep users add`, then logging in, the admin's user list, and logging out."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import ARTIFACTS, MLPREP, free_port, run_cli
from team_services import postgres_database, redis_database

PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def team_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("team-server")
    with postgres_database("mlprep_test_t1_browser") as database, redis_database() as broker:
        env = {
            "MLPREP_DATA_DIR": str(data),
            "MLPREP_DATABASE_URL": database,
            "MLPREP_BROKER_URL": broker,
        }
        assert run_cli("db", "upgrade", env=env).returncode == 0
        for name, role in (("ada", "admin"), ("lin", "learner")):
            made = run_cli("users", "add", name, "--role", role, input=PASSWORD + "\n", env=env)
            assert made.returncode == 0, made.stderr
        port = free_port()
        log = open(data / "server.log", "w+b")  # noqa: SIM115  (closed after the server stops)
        process = subprocess.Popen(
            [*MLPREP, "serve", "--team", "--port", str(port)],
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/login", timeout=5).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                process.kill()
                pytest.fail(f"mlprep serve --team did not start: {log.read().decode()}")
            time.sleep(0.2)
        try:
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()


def log_in(page, base: str, username: str, password: str = PASSWORD) -> None:
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#login-button")


def test_log_in_see_the_users_and_log_out(team_server, page):
    page.goto(team_server + "/submissions")
    page.wait_for_url("**/login?next=%2Fsubmissions")
    log_in(page, team_server, "ada", "not the password")
    error = page.locator("#login-error")
    error.wait_for()
    assert "wrong username or password" in error.inner_text().lower()

    log_in(page, team_server, "ada")
    page.wait_for_url("**/submissions")
    assert "ada" in page.locator("header .account").inner_text()
    page.goto(team_server + "/admin/users")
    names = page.locator("#users tbody tr").all_inner_texts()
    assert any(n.startswith("ada") for n in names) and any(n.startswith("lin") for n in names)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "team-admin-users.png"), full_page=True)

    page.click("#log-out")
    page.wait_for_url("**/login")
    page.goto(team_server + "/")
    page.wait_for_url("**/login?next=%2F")


def test_a_learner_cannot_open_the_admin_page(team_server, page):
    page.goto(team_server + "/login")
    log_in(page, team_server, "lin")
    page.wait_for_url(team_server + "/")
    reply = page.goto(team_server + "/admin/users")
    assert reply.status == 403
