"""A team server in Chromium: `mlprep serve --team` on real PostgreSQL and Redis, accounts made
with `mlprep users add`, then logging in, the admin's user list, and logging out; a run on your
own input, judged by a real `mlprep worker`; and a cohort:
an instructor creates it and sets a problem, a learner joins with the invite link and submits
(judged by a real `mlprep worker`), and the instructor's table shows it."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ARTIFACTS, MLPREP, free_port, run_cli
from team_services import postgres_database, redis_database
from test_browser import type_code, wait_for_verdict
from test_problem_pages_browser import run_matching_the_reference

PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def team_env(tmp_path_factory):
    data = tmp_path_factory.mktemp("team-server")
    with postgres_database("mlprep_test_t1_browser") as database, redis_database() as broker:
        env = {
            "MLPREP_DATA_DIR": str(data),
            "MLPREP_DATABASE_URL": database,
            "MLPREP_BROKER_URL": broker,
        }
        assert run_cli("db", "upgrade", env=env).returncode == 0
        people = (("ada", "admin"), ("lin", "learner"), ("ivy", "instructor"), ("kim", "learner"))
        for name, role in people:
            made = run_cli("users", "add", name, "--role", role, input=PASSWORD + "\n", env=env)
            assert made.returncode == 0, made.stderr
        yield env


@pytest.fixture(scope="module")
def team_server(team_env):
    env, data = team_env, Path(team_env["MLPREP_DATA_DIR"])
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


@pytest.fixture(scope="module")
def team_worker(team_env):
    """A real `mlprep worker` judging for the module's server, once it says it is judging."""
    worker_log = Path(team_env["MLPREP_DATA_DIR"]) / "worker.log"
    with open(worker_log, "ab") as log:
        worker = subprocess.Popen(
            [*MLPREP, "worker", "--concurrency", "1"],
            env={**os.environ, **team_env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: b"judging with" in worker_log.read_bytes(), worker)
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def test_a_run_on_your_own_input_is_judged_by_a_worker_beside_the_reference(
    team_server, team_worker, browser
):
    """Kim runs a correct softmax on her own input: a worker runs the reference and her code,
    the page shows both outputs, and nothing is stored as a submission."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(team_server + "/problems/softmax")
        log_in(page, team_server, "kim")
        page.wait_for_url("**/problems/softmax")
        type_code(page, SOFTMAX)
        page.click("#custom summary")
        run_matching_the_reference(page, '{"z": [0, 1e4, -1e4]}', "p = [0., 1., 0.]")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "team-custom-input.png"), full_page=True)
        assert context.request.get(team_server + "/api/submissions").json() == []
    finally:
        context.close()


def test_a_cohort_from_invite_to_the_instructors_table(team_server, team_worker, browser):
    """Ivy creates a cohort and sets softmax; Lin joins with the link, submits a correct
    solution (judged by a worker); Ivy's table shows it done and accepted."""
    teacher = browser.new_context(viewport={"width": 1400, "height": 900})
    learner = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        ivy = teacher.new_page()
        ivy.goto(team_server + "/cohorts")
        log_in(ivy, team_server, "ivy")
        ivy.wait_for_url("**/cohorts")
        ivy.fill("#cohort-name", "Spring bootcamp")
        ivy.click("#create-cohort")
        ivy.wait_for_url("**/cohorts/*")
        link = ivy.locator("#invite-link").inner_text()
        assert link.startswith(team_server + "/join/")
        ivy.select_option("#assignment-kind", "problems")
        ivy.select_option("#items-problems", "softmax")
        ivy.fill("#assignment-due", "2030-01-31T18:00")
        ivy.fill("#assignment-title", "Softmax, stable")
        ivy.click("#add-assignment")
        ivy.locator("#assignment-list", has_text="Softmax, stable").wait_for()
        assert ivy.locator("#no-learners").is_visible()

        lin = learner.new_page()
        lin.goto(link)
        lin.wait_for_url("**/login?next=%2Fjoin%2F*")
        log_in(lin, team_server, "lin")
        lin.wait_for_url(link)
        assert "Spring bootcamp" in lin.locator("h1").inner_text()
        lin.click("#join-button")
        lin.wait_for_url(team_server + "/")
        row = lin.locator("#assignments tr.assignment")
        assert row.count() == 1 and "Softmax, stable" in row.inner_text()
        assert row.locator(".state").inner_text().lower() == "due"
        ARTIFACTS.mkdir(exist_ok=True)
        lin.screenshot(path=str(ARTIFACTS / "team-learner-assignments.png"), full_page=True)

        lin.click("#assignments a[href='/problems/softmax']")
        lin.wait_for_url("**/problems/softmax")
        type_code(lin, SOFTMAX)
        lin.click("#submit")
        wait_for_verdict(lin, "Accepted")
        lin.goto(team_server + "/")
        assert row.locator(".state").inner_text().lower() == "done"

        ivy.reload()
        cells = ivy.locator("#learners tr[data-learner='lin'] td").all_inner_texts()
        assert cells[:5] == ["lin", "1", "0", "0", "1/1"]
        assert cells[-1].split() == ["DONE", "1/1"]
        problem = ivy.locator("#problem-figures tr[data-problem='softmax'] td").all_inner_texts()
        assert problem[1:3] == ["1/1", "100% of 1"]
        ivy.screenshot(path=str(ARTIFACTS / "team-cohort-table.png"), full_page=True)
        with ivy.expect_download() as download:
            ivy.click("#csv")
        lines = Path(download.value.path()).read_text().splitlines()
        assert lines[1] == "lin,1,0,0,1,1,,0,,0,done 1/1"
    finally:
        teacher.close()
        learner.close()


SOFTMAX = (Path(__file__).parents[1] / "src/mlprep/problems/bank/softmax/reference.py").read_text()


def wait_until(condition, process, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail("the worker did not start")
        time.sleep(0.2)
