"""The web app's JSON API and pages through FastAPI's test client: flows, bad input, hostility.

The app runs with its real judge (sandboxed warm workers) and its own SQLite database.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import sandbox_processes
from fastapi.testclient import TestClient

from mlprep.problems import load_problem
from mlprep.store import open_store
from mlprep.web.app import create_app
from mlprep.web.state import Settings

BANK = Path(__file__).resolve().parent.parent / "src" / "mlprep" / "problems" / "bank"

CORRECT = (BANK / "kmeans" / "reference.py").read_text()
WRONG = (BANK / "kmeans" / "wrong" / "ignores_max_iters.py").read_text()
LIMIT = 4096


def problem_folders() -> list[str]:
    """The bank's problems, counted from its folders (not through the loader)."""
    return sorted(d.name for d in BANK.iterdir() if (d / "problem.toml").is_file())


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('web-db')}/web.db"
    store = open_store(url)
    app = create_app(Settings(workers=2, max_source_bytes=LIMIT), store)
    with TestClient(app) as test_client:
        test_client.store = store
        yield test_client
    store.close()


def finish(client, job: dict, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while job["state"] != "done":
        assert time.monotonic() < deadline, f"no verdict in {timeout} s: {job}"
        job = client.get(f"/api/jobs/{job['id']}?after={job['version']}&wait=10").json()
    return job


def send(client, slug: str, code: str, action: str = "submit") -> dict:
    reply = client.post(f"/api/problems/{slug}/{action}", json={"code": code})
    assert reply.status_code == 202, reply.text
    return finish(client, reply.json())


def test_submit_accepted_is_stored_with_its_picture(client):
    before = client.store.count()
    job = send(client, "kmeans", CORRECT)
    assert job["report"]["verdict"] == "accepted"
    tests = len(load_problem("kmeans").cases)  # samples and hidden tests of tests.py: 19
    assert job["report"]["passed"] == job["report"]["total"] == tests
    assert client.store.count() == before + 1
    stored = client.get(f"/api/submissions/{job['submission_id']}").json()
    assert stored["source"] == CORRECT and stored["verdict"] == "accepted"
    picture = client.get(f"/api/jobs/{job['id']}/picture.png")
    assert picture.headers["content-type"] == "image/png"
    assert picture.content.startswith(b"\x89PNG")


def test_wrong_answer_shows_the_sample_difference_and_hides_hidden_values(client):
    job = send(client, "kmeans", WRONG)
    report = job["report"]
    assert report["verdict"] == "wrong_answer"
    failing = next(t for t in report["tests"] if t["sample"] and t["status"] != "passed")
    assert failing["expected"] and failing["actual"] and "expected 0, got 0.5" in failing["message"]
    for test in (t for t in report["tests"] if not t["sample"]):
        assert test["input"] == test["expected"] == test["actual"] == ""


def test_run_judges_the_samples_only(client):
    job = send(client, "kmeans", CORRECT, action="run")
    assert job["mode"] == "run" and job["report"]["verdict"] == "samples_passed"
    assert all(t["sample"] for t in job["report"]["tests"])


def test_long_poll_returns_progress_before_the_verdict(client):
    # The reference, slowed down to 0.1 s a test, so that progress shows between tests.
    slow = CORRECT.replace("def kmeans(", "def _kmeans(") + (
        "\n\ndef kmeans(X, init_centroids, max_iters=100):\n"
        "    import time\n    time.sleep(0.1)\n"
        "    return _kmeans(X, init_centroids, max_iters)\n"
    )
    tests = len(load_problem("kmeans").cases)  # 19: 4 samples, 15 hidden
    reply = client.post("/api/problems/kmeans/submit", json={"code": slow}).json()
    seen = [reply]
    while reply["state"] != "done":
        reply = client.get(f"/api/jobs/{reply['id']}?after={reply['version']}&wait=10").json()
        seen.append(reply)
    first = seen[0]  # the judge thread may already have taken it
    assert first["state"] in ("queued", "running") and first["done_tests"] == 0
    assert seen[-1]["state"] == "done" and seen[-1]["report"]["verdict"] == "accepted"
    assert (seen[-1]["done_tests"], seen[-1]["total_tests"]) == (tests, tests)
    progress = [(r["done_tests"], r["total_tests"]) for r in seen if r["state"] == "running"]
    partial = [done for done, total in progress if total == tests and 0 < done < tests]
    assert partial, f"no progress between the first and the last test: {progress}"
    assert all(total in (0, tests) and 0 <= done <= tests for done, total in progress)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


@pytest.mark.parametrize(
    ("body", "headers", "status", "says"),
    [
        (b"\xff\xfe{}", {}, 400, "not UTF-8"),
        (b'{"code": ', {}, 400, "not JSON"),
        (b'{"source": "x"}', {}, 422, "field 'code'"),
        (b'{"code": 42}', {}, 422, "field 'code'"),
        (b"[1, 2]", {}, 422, ""),
        (b'{"code": "' + b"x" * (LIMIT + 1) + b'"}', {}, 413, f"the limit is {LIMIT} bytes"),
        (b"x" * (LIMIT * 7 + 2048), {}, 413, "the limit is"),
    ],
)
def test_bad_bodies_get_a_clear_4xx_and_store_nothing(client, body, headers, status, says):
    before = client.store.count()
    reply = client.post("/api/problems/kmeans/submit", content=body, headers=headers)
    assert reply.status_code == status, reply.text
    assert says in reply.json()["detail"]
    assert client.store.count() == before


def test_unknown_slugs_and_ids_are_404_with_the_name(client):
    for url in ("/api/problems/nope", "/api/problems/nope/hints", "/api/submissions?problem=nope"):
        reply = client.get(url)
        assert reply.status_code == 404 and "nope" in reply.json()["detail"]
    reply = client.post("/api/problems/nope/submit", json={"code": CORRECT})
    assert reply.status_code == 404 and "unknown problem 'nope'" in reply.json()["detail"]
    assert client.get("/api/submissions/999999").status_code == 404
    assert client.get("/api/jobs/feedface").status_code == 404
    page = client.get("/problems/nope")
    assert page.status_code == 404 and "unknown problem" in page.text and "<html" in page.text


def test_malformed_query_parameters_are_422(client):
    assert client.get("/api/submissions?limit=0").status_code == 422
    assert client.get("/api/submissions/abc").status_code == 422
    assert client.get("/api/jobs/x?wait=999").status_code == 422


def test_hostile_submissions_are_contained_and_the_server_keeps_serving(client):
    send(client, "kmeans", CORRECT, action="run")  # both warm workers are up
    send(client, "kmeans", CORRECT, action="run")
    warm = len(sandbox_processes())
    attacks = {
        "kill_parent": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
        "fork_burst": "import os\nfor _ in range(200):\n    try:\n        os.fork()\n"
        "    except OSError:\n        break\n",
        "read_host_files": "print(open('/etc/hostname').read())\n",
        "spin": "while True:\n    pass\n",
    }
    for name, body in attacks.items():
        code = (
            f"import numpy as np\n{body}\ndef kmeans(X, init_centroids, max_iters=1):\n    pass\n"
        )
        job = send(client, "kmeans", code, action="run")
        assert job["report"]["verdict"] != "accepted", name
        started = time.monotonic()
        assert client.get("/api/problems").status_code == 200
        assert time.monotonic() - started < 2, "the server stays responsive"
    assert send(client, "kmeans", CORRECT)["report"]["verdict"] == "accepted"
    send(client, "kmeans", CORRECT, action="run")
    deadline = time.monotonic() + 5
    while len(sandbox_processes()) > warm and time.monotonic() < deadline:
        time.sleep(0.1)
    # Retired workers are replaced, so the pids change; but nothing is left over beside them.
    assert len(sandbox_processes()) <= warm


def test_hints_reveal_one_at_a_time_and_editorial_needs_acceptance(client):
    first = client.get("/api/problems/linear_regression/hints").json()
    after = client.post("/api/problems/linear_regression/hints").json()
    assert len(after["revealed"]) == len(first["revealed"]) + 1 <= after["total"]
    assert client.get("/api/problems/dbscan/editorial").status_code == 403
    send(client, "kmeans", CORRECT)
    editorial = client.get("/api/problems/kmeans/editorial").json()
    assert "Idea" in editorial["markdown"] and "<h2>" in editorial["html"]


def test_problem_list_statuses_follow_the_history(client):
    send(client, "kmeans", CORRECT)
    send(client, "knn_classify", "import numpy as np\ndef knn_classify(*a):\n    return 0\n")
    statuses = {p["slug"]: p["status"] for p in client.get("/api/problems").json()}
    assert statuses["kmeans"] == "solved"
    assert statuses["knn_classify"] == "attempted"
    assert statuses["pca"] == "new"
    assert len(statuses) == len(problem_folders())  # every problem of the bank, none dropped


def test_openapi_describes_the_api(client):
    schema = client.get("/api/openapi.json").json()
    for path in (
        "/api/problems",
        "/api/problems/{slug}/submit",
        "/api/jobs/{job_id}",
        "/api/submissions/{submission_id}",
        "/api/progress",
    ):
        assert path in schema["paths"], path
    body = schema["paths"]["/api/problems/{slug}/submit"]["post"]["requestBody"]
    assert "code" in body["content"]["application/json"]["schema"]["properties"]


def test_every_page_asset_is_served_by_the_app(client):
    """Offline: no page refers to another host, and every script, style and font loads."""
    from mlprep.prompts.bank import prompts

    prompt = next(iter(prompts("behavioral")))
    pages = [
        "/",
        "/problems/kmeans",
        "/submissions",
        "/progress",
        "/review",
        "/design",
        "/design/typeahead",
        "/prompts",
        f"/prompts/behavioral/{prompt}",
        "/mock",
        "/plan",
    ]
    for url in pages:
        reply = client.get(url)
        assert reply.status_code == 200, url
        html = reply.text
        assert not re.search(r"""(src|href)=["']?[a-z]+:""", html), f"{url}: absolute URL"
        for asset in re.findall(r"""(?:src|href)=["'](/static/[^"']+)""", html):
            assert client.get(asset).status_code == 200, asset
    css = client.get("/static/vendor/katex/katex.min.css").text
    fonts = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert fonts, "KaTeX's fonts are referenced"
    for font in fonts:
        assert client.get(f"/static/vendor/katex/{font}").status_code == 200, font


def test_without_bubblewrap_the_app_serves_and_says_why_it_cannot_judge(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap to be found
    store = open_store(f"sqlite:///{tmp_path}/nobwrap.db")
    with TestClient(create_app(Settings(workers=1), store)) as client:
        assert client.get("/problems/kmeans").status_code == 200
        reply = client.post("/api/problems/kmeans/submit", json={"code": CORRECT})
        assert reply.status_code == 503
        assert "bubblewrap" in reply.json()["detail"]
    assert store.count() == 0
    store.close()


def test_writes_from_another_site_are_refused_and_store_nothing(client):
    before = client.store.count()
    evil = {"Origin": "http://evil.example"}
    reply = client.post("/api/problems/kmeans/submit", json={"code": CORRECT}, headers=evil)
    assert reply.status_code == 403 and "evil.example" in reply.json()["detail"]
    assert client.post("/api/problems/kmeans/hints", headers=evil).status_code == 403
    assert client.store.count() == before
    same = {"Origin": "http://testserver"}  # the app's own pages
    assert client.post("/api/problems/kmeans/hints", headers=same).status_code == 200
