"""The mock loop's web API: state kept by the server, interview mode, and the report's links.

Through FastAPI's test client on a fresh SQLite database per test (no judging happens here).
"""

from __future__ import annotations

import random
import re

import pytest
from fastapi.testclient import TestClient

from mlprep.coach import loop
from mlprep.problems import list_problems
from mlprep.review.bank import questions
from mlprep.store import open_store
from mlprep.web.app import create_app
from mlprep.web.state import Settings


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/mock.db") as opened:
        yield opened


@pytest.fixture
def client(store, data):
    with TestClient(create_app(Settings(workers=1), store)) as test_client:  # hints in `data`
        yield test_client


def accepted(slug: str) -> dict:
    """A judged, accepted submission of ``slug`` as the store takes it."""
    tests = [{"index": 0, "sample": False, "category": "random", "status": "passed",
              "seconds": 0.0}]  # fmt: skip
    report = {"problem": slug, "mode": "judge", "verdict": "accepted", "seconds": 0.1,
              "tests": tests}  # fmt: skip
    return {"created_at": "2025-03-01T09:00:00+00:00", "source": "# solved\n", "report": report}


def start(client, **body) -> dict:
    made = client.post("/api/mock/loops", json=body)
    assert made.status_code == 201, made.text
    return made.json()


def coding_loop(client, interview: bool) -> tuple[dict, str]:
    view = start(client, rounds=["coding"], interview=interview, seed=3)
    return view, view["rounds"][0]["problem"]["slug"]


def with_hints() -> str:
    """A problem other than ``kmeans`` that has hints and an editorial."""
    return next(
        p.slug for p in list_problems()
        if p.meta.hints and p.editorial and p.slug != "kmeans"
    )  # fmt: skip


def test_interview_mode_locks_the_coding_rounds_hints_and_editorial_until_the_loop_ends(
    client, store
):
    view, slug = coding_loop(client, interview=True)
    assert view["interview"] is True
    store.add(accepted(slug))  # solved: the editorial would open but for the loop
    for method in ("GET", "POST"):
        locked = client.request(method, f"/api/problems/{slug}/hints")
        assert locked.status_code == 403
        assert locked.json()["detail"] == (
            "hints are locked during your interview-mode mock loop; finish the loop to see it"
        )
    editorial = client.get(f"/api/problems/{slug}/editorial")
    assert editorial.status_code == 403 and "interview-mode" in editorial.json()["detail"]
    other = with_hints() if slug != with_hints() else "kmeans"
    assert client.get(f"/api/problems/{other}/hints").status_code == 200, "only its problem"

    finished = client.post(f"/api/mock/loops/{view['uid']}/finish")
    assert finished.status_code == 200
    assert client.get(f"/api/problems/{slug}/hints").json()["revealed"] == []
    revealed = client.post(f"/api/problems/{slug}/hints").json()["revealed"]
    assert len(revealed) == 1, "the POST made while locked revealed nothing"
    assert client.get(f"/api/problems/{slug}/editorial").status_code == 200


def test_a_loop_without_interview_mode_locks_nothing(client, store):
    view, slug = coding_loop(client, interview=False)
    assert view["interview"] is False
    store.add(accepted(slug))
    assert client.get(f"/api/problems/{slug}/hints").status_code == 200
    assert client.get(f"/api/problems/{slug}/editorial").status_code == 200


def test_an_abandoned_interview_loop_stops_locking_after_its_time(store):
    from datetime import UTC, datetime

    then = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    loop.start(store, [loop.Round("coding", 45, "kmeans")], now=then, interview=True)
    assert loop.locked_problems(store, now=then + loop.INTERVIEW_LOCK / 2) == {"kmeans"}
    assert loop.locked_problems(store, now=then + loop.INTERVIEW_LOCK) == set()


def _breadth_loop(client) -> tuple[dict, list[str]]:
    """A breadth loop of 4 questions, at least one of them graded (a choice or a number)."""
    for seed in range(100):
        view = start(client, rounds=["breadth"], questions=4, seed=seed)
        qids = [q["id"] for q in view["rounds"][0]["questions"]]
        if any(questions()[q].kind != "open" for q in qids):
            return view, qids
    raise AssertionError("no seed draws a graded question")


def _right(qid: str) -> str:
    q = questions()[qid]
    if q.kind == "choice":
        return chr(ord("a") + q.correct)
    return repr(q.value) if q.kind == "numeric" else "my answer"


def _wrong(qid: str) -> str:
    q = questions()[qid]
    if q.kind == "choice":
        return chr(ord("a") + (q.correct + 1) % len(q.choices))
    return repr(q.value + 1000 * (q.tolerance + 1)) if q.kind == "numeric" else "my answer"


def test_a_checked_breadth_round_is_kept_by_the_server_and_its_answers_are_fixed(client):
    view, qids = _breadth_loop(client)
    base = f"/api/mock/loops/{view['uid']}/rounds/0"
    graded = [q for q in qids if questions()[q].kind != "open"]
    began = client.post(f"{base}/begin").json()["began_at"]
    assert client.post(f"{base}/begin").json()["began_at"] == began, "begun once"
    wrong = {q: _wrong(q) for q in qids}
    first = client.post(f"{base}/check", json={"answers": wrong}).json()
    assert [q["correct"] for q in first["questions"] if q["id"] in graded] == [False] * len(graded)
    again = client.post(f"{base}/check", json={"answers": {q: _right(q) for q in qids}})
    assert again.json() == first, "checked once: the answers are fixed"
    ratings = {q: 4 for q in qids if questions()[q].kind == "open"}
    draft = {"answers": wrong, "ratings": ratings, "ticks": {}, "rating": None}
    assert client.put(f"{base}/draft", json=draft).status_code == 204

    kept = client.get(f"/api/mock/loops/{view['uid']}").json()["rounds"][0]
    assert kept["began_at"] == began
    assert kept["checked"] == first, "a reload shows the Check's feedback"
    assert kept["draft"]["ratings"] == ratings and kept["draft"]["answers"] == wrong

    right = {q: _right(q) for q in qids}
    submitted = client.post(f"{base}/submit", json={"answers": right, "ratings": ratings})
    assert submitted.status_code == 200, submitted.text
    expected = len(ratings) / len(qids)  # graded ones wrong as checked, open ones rated 4: 1.0
    assert submitted.json()["score"] == pytest.approx(expected)


def test_the_breadth_views_carry_math_as_html_and_no_null(client):
    view = start(client, rounds=["breadth"], questions=30, seed=1)
    question = next(q for q in view["rounds"][0]["questions"] if q["kind"] == "choice")
    bank = questions()[question["id"]]
    assert question["choices"] == bank.choices
    assert len(question["choices_html"]) == len(bank.choices)
    ridge = start(client, rounds=["breadth"], questions=30, seed=_ridge_seed())
    found = next(
        q for q in ridge["rounds"][0]["questions"]
        if q["id"] == "regularization/ridge-more-features-than-rows"
    )  # fmt: skip
    assert '<span class="math inline">X^\\top X + \\lambda I</span>' in found["choices_html"][1]


def _ridge_seed() -> int:
    for seed in range(1000):
        (drawn,) = loop.compose(None, ["breadth"], {"breadth": 15}, problems=[],
                                rng=random.Random(seed), breadth_questions=30)  # fmt: skip
        if "regularization/ridge-more-features-than-rows" in drawn.items:
            return seed
    raise AssertionError("no seed draws the ridge question")


def test_the_web_report_links_to_pages_and_names_no_command(client):
    view, qids = _breadth_loop(client)
    uid = view["uid"]
    base = f"/api/mock/loops/{uid}/rounds/0"
    ratings = {q: 1 for q in qids if questions()[q].kind == "open"}
    answers = {q: _wrong(q) for q in qids}
    assert client.post(f"{base}/submit", json={"answers": answers, "ratings": ratings}).is_success
    report = client.post(f"/api/mock/loops/{uid}/finish").json()["markdown"]
    assert "mlprep " not in report and "`mlprep" not in report
    topics = sorted({q.split("/")[0] for q in qids})
    links = re.findall(r"\]\((/review\?topic=[a-z0-9_-]+)\)", report)
    assert links == [f"/review?topic={t}" for t in topics]
