"""Cohorts, invite codes, assignments and the instructor's cohort table, on PostgreSQL and SQLite.

The table's figures are checked exactly against a small seeded cohort whose every number is
worked out by hand below (and against the rows that must not count: another user's, samples,
tests not run, runs, reviews outside the window, the domain deck, superseded answers). The API
is checked for roles (learners cannot create, assign or read tables) and for 404 on anyone
else's cohort.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from team_services import postgres_database

from mlprep.design.bank import framework
from mlprep.review.bank import questions
from mlprep.store import open_store
from mlprep.store.models import AnswerRow, ReviewLogRow, SessionRow
from mlprep.team import accounts, cohorts
from mlprep.team.cohort_figures import (
    cohort_table,
    learner_assignments,
    problems_csv,
    safe_cell,
    table_csv,
)
from mlprep.web.app import create_app
from mlprep.web.state import Settings

NOW = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
DAY = timedelta(days=1)
CASE = "ad-click-prediction"
TITLES = {"kmeans": "K-means", "pca": "PCA"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory) -> Iterator:
    if request.param == "sqlite":
        with open_store(f"sqlite:///{tmp_path_factory.mktemp('cohorts') / 'c.db'}") as opened:
            yield opened
        return
    with postgres_database("mlprep_test_h5") as url, open_store(url) as opened:
        yield opened


def new_user(store, role: str = "learner", name: str = "") -> accounts.User:
    return accounts.create_user(store, name or f"u{uuid.uuid4().hex[:10]}", PASSWORD, role)


def result(category: str, status: str, sample: bool = False) -> dict:
    return {
        "index": 0,
        "sample": sample,
        "category": category,
        "status": status,
        "seconds": 0.01,
        "message": "",
        "name": category,
        "input": "{}",
        "expected": "",
        "actual": "",
    }


def submit(store, user, problem, verdict, tests=(), mode="judge", at=NOW - DAY) -> int:
    tests = [dict(t, index=i) for i, t in enumerate(tests)]
    return store.for_user(user.id).add(
        {
            "created_at": at.isoformat(),
            "source": "SECRET SOURCE",
            "report": {
                "problem": problem,
                "mode": mode,
                "verdict": verdict,
                "passed": 0,
                "total": len(tests),
                "seconds": 0.1,
                "message": "",
                "stdout": "",
                "tests": tests,
            },
        }
    )


def add_rows(store, user, *rows) -> None:
    with store.for_user(user.id).writing() as session:
        session.add_all(rows)


def review(question: str, at: datetime, rating: int, correct: bool | None = None) -> ReviewLogRow:
    topic = question.rsplit("/", 1)[0]
    return ReviewLogRow(
        question=question, topic=topic, reviewed_at=at, rating=rating, correct=correct
    )


def answer(step: str, score: float | None, at: datetime, text: str = "an answer") -> AnswerRow:
    return AnswerRow(
        round="design", item=CASE, part=step, text=text, self_score=score, created_at=at
    )


def loop(finished: datetime) -> SessionRow:
    return SessionRow(
        uid=uuid.uuid4().hex,
        kind="loop",
        started_at=finished - timedelta(hours=1),
        finished_at=finished,
        spec="{}",
    )


@pytest.fixture(scope="module")
def seeded(store):
    """A cohort of three learners (l1 busy, l2 a little, l3 blanks) and an outsider."""
    teacher = new_user(store, "instructor")
    l1, l2, l3, outsider = (new_user(store) for _ in range(4))
    mine = store.for_user(teacher.id)
    cohort = cohorts.create_cohort(mine, "Spring", now=NOW - 10 * DAY)
    for learner in (l1, l2, l3):
        cohorts.join(store.for_user(learner.id), cohort.invite_code, now=NOW - 9 * DAY)
    known = {"kmeans", "pca", "svm", CASE}
    set_at = NOW - 2 * DAY
    a1 = cohorts.add_assignment(
        mine, cohort.id, "problems", ["kmeans", "pca"], NOW - DAY, known=known, now=set_at
    )
    a2 = cohorts.add_assignment(
        mine, cohort.id, "breadth", ["svm"], NOW + 7 * DAY, known=known, now=set_at, title="SVMs"
    )
    a3 = cohorts.add_assignment(
        mine, cohort.id, "design", [CASE], NOW + 7 * DAY, known=known, now=set_at
    )
    a4 = cohorts.add_assignment(mine, cohort.id, "loop", [], NOW + 8 * DAY, known=known, now=set_at)

    # l1: kmeans wrong (hidden "ties" twice, a failing sample, a test not run), then accepted;
    # pca wrong on hidden "random"; a run (never counted).
    submit(
        store,
        l1,
        "kmeans",
        "wrong_answer",
        [
            result("basic", "wrong_answer", sample=True),
            result("ties", "wrong_answer"),
            result("ties", "runtime_error"),
            result("random", "not_run"),
            result("empty", "passed"),
        ],
    )
    submit(store, l1, "kmeans", "accepted", [result("ties", "passed")])
    submit(store, l1, "pca", "wrong_answer", [result("random", "wrong_answer")])
    submit(store, l1, "pca", "accepted", [], mode="run")
    # l2: kmeans wrong on hidden "ties" and "shapes"; a run of pca.
    submit(
        store,
        l2,
        "kmeans",
        "wrong_answer",
        [
            result("ties", "wrong_answer"),
            result("shapes", "wrong_answer"),
        ],
    )
    submit(store, l2, "pca", "wrong_answer", [result("random", "wrong_answer")], mode="run")
    # The outsider: never counted anywhere.
    submit(store, outsider, "kmeans", "accepted", [])
    submit(store, outsider, "kmeans", "wrong_answer", [result("random", "wrong_answer")])

    svm = sorted(q for q in questions() if q.startswith("svm/"))
    add_rows(
        store,
        l1,
        # every svm question once, long ago (outside the window): the topic is done
        *(review(q, NOW - 40 * DAY, 1) for q in svm),
        # the window: Good, Easy, Again, Hard-but-correct -> 3 good of 4
        review("metrics/a", NOW - DAY, 3),
        review("metrics/b", NOW - DAY, 4),
        review("metrics/c", NOW - DAY, 1),
        review("metrics/d", NOW - DAY, 2, correct=True),
        # not counted: the domain deck, and a review after "now"
        ReviewLogRow(question="domain:llm/x", topic="domain:llm", reviewed_at=NOW - DAY, rating=1),
        review("metrics/e", NOW + timedelta(hours=1), 1),
        # every framework step of the case; "goal" answered twice, the later one counts
        answer(framework().keys[0], 1.0, NOW - 5 * DAY),
        *(answer(step, (i + 1) / 10, NOW - 3 * DAY) for i, step in enumerate(framework().keys)),
        loop(NOW - DAY),  # after the loop was assigned
    )
    add_rows(
        store,
        l2,
        *(review(q, NOW - 3 * DAY, 4) for q in svm[:-1]),  # one question short
        answer("goal", 0.5, NOW - 4 * DAY),
        answer("goal", 0.9, NOW - 3 * DAY),
        answer("data", None, NOW - 3 * DAY, text="   "),  # no text, no score: 0, not done
        loop(NOW - 3 * DAY),  # before the loop was assigned
    )
    # l3: every step "answered" with blanks only: the case is not done, each step scores 0
    add_rows(store, l3, *(answer(step, None, NOW - DAY, text=" \n ") for step in framework().keys))
    add_rows(store, outsider, review("metrics/a", NOW - DAY, 1), loop(NOW - DAY))
    return {
        "store": store,
        "teacher": teacher,
        "l1": l1,
        "l2": l2,
        "l3": l3,
        "outsider": outsider,
        "cohort": cohort,
        "a": (a1, a2, a3, a4),
        "svm": svm,
    }


def test_the_cohort_table_figures_are_exact(seeded) -> None:
    s = seeded
    store, teacher, (a1, a2, a3, a4) = s["store"], s["teacher"], s["a"]
    table = cohort_table(store.for_user(teacher.id), s["cohort"].id, NOW, TITLES)
    assert [a.id for a in table.assignments] == [a1.id, a2.id, a3.id, a4.id]
    by_name = {row.username: row for row in table.learners}
    assert sorted(by_name) == sorted(s[k].username for k in ("l1", "l2", "l3"))
    l1, l2, l3 = (by_name[s[k].username] for k in ("l1", "l2", "l3"))

    def cells(row):
        return [
            (
                row.progress[a.id].state,
                row.progress[a.id].done_items,
                row.progress[a.id].total_items,
            )
            for a in (a1, a2, a3, a4)
        ]

    assert cells(l1) == [("overdue", 1, 2), ("done", 1, 1), ("done", 1, 1), ("done", 1, 1)]
    assert cells(l2) == [("overdue", 0, 2), ("due", 0, 1), ("due", 0, 1), ("due", 0, 1)]
    assert cells(l3) == cells(l2)
    assert [(r.count("done"), r.count("due"), r.count("overdue")) for r in (l1, l2, l3)] == [
        (3, 0, 1),
        (0, 3, 1),
        (0, 3, 1),
    ]
    assert [(r.accepted, r.assigned_problems) for r in (l1, l2, l3)] == [(1, 2), (0, 2), (0, 2)]
    assert (l1.retention, l1.reviews) == (0.75, 4)
    assert len(s["svm"]) == 13
    assert (l2.retention, l2.reviews) == (1.0, 12)
    steps = len(framework().keys)
    assert l1.design_coverage == pytest.approx(sum(range(1, steps + 1)) / 10 / steps)
    assert l1.design_answers == steps
    assert (l2.design_coverage, l2.design_answers) == (pytest.approx(0.45), 2)
    assert (l3.retention, l3.design_coverage, l3.design_answers) == (None, 0.0, steps)

    problems = {p.slug: p for p in table.problems}
    assert list(problems) == ["kmeans", "pca"]
    k, p = problems["kmeans"], problems["pca"]
    assert (k.title, k.learners, k.learners_attempted, k.learners_accepted) == ("K-means", 3, 2, 1)
    assert (k.submissions, k.accepted_submissions, k.acceptance_rate) == (3, 1, 1 / 3)
    assert k.failing_categories == (("ties", 2), ("shapes", 1))
    assert (p.learners_attempted, p.learners_accepted, p.submissions) == (1, 0, 1)
    assert (p.acceptance_rate, p.failing_categories) == (0.0, (("random", 1),))
    assert "SECRET SOURCE" not in str(table.to_dict())


def test_each_learner_sees_their_own_assignments_and_progress(seeded) -> None:
    s = seeded
    store, (a1, a2, a3, a4) = s["store"], s["a"]
    mine = learner_assignments(store.for_user(s["l1"].id), NOW)
    assert [(x.assignment.id, x.cohort, x.progress.state) for x in mine] == [
        (a1.id, "Spring", "overdue"),
        (a2.id, "Spring", "done"),
        (a3.id, "Spring", "done"),
        (a4.id, "Spring", "done"),
    ]
    assert (mine[0].progress.done_items, mine[0].progress.total_items) == (1, 2)
    assert learner_assignments(store.for_user(s["outsider"].id), NOW) == []
    # The instructor is no learner of their own cohort.
    assert learner_assignments(store.for_user(s["teacher"].id), NOW) == []


def test_the_csv_is_exact_and_formula_safe(store) -> None:
    teacher, ann, bob = new_user(store, "instructor"), new_user(store), new_user(store)
    mine = store.for_user(teacher.id)
    cohort = cohorts.create_cohort(mine, "CSV")
    for learner in (ann, bob):
        cohorts.join(store.for_user(learner.id), cohort.invite_code)
    due = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    risky = cohorts.add_assignment(
        mine,
        cohort.id,
        "problems",
        ["kmeans"],
        due,
        known={"kmeans"},
        title='=HYPERLINK("http://evil.example","click"), then more',
        now=NOW - DAY,
    )
    minus = cohorts.add_assignment(
        mine, cohort.id, "loop", [], due, known=(), title="-1+1", now=NOW - DAY
    )
    submit(store, ann, "kmeans", "accepted", [])
    add_rows(
        store,
        ann,
        review("metrics/a", NOW - DAY, 3),
        review("metrics/b", NOW - DAY, 1),
        review("metrics/c", NOW - DAY, 1),
    )
    table = cohort_table(mine, cohort.id, NOW, TITLES)
    assert [a.id for a in table.assignments] == [risky.id, minus.id]
    first, second = sorted((ann.username, bob.username))
    rows = {
        ann.username: [
            ann.username,
            "1",
            "1",
            "0",
            "1",
            "1",
            "0.333",
            "3",
            "",
            "0",
            "done 1/1",
            "due 0/1",
        ],
        bob.username: [
            bob.username,
            "0",
            "2",
            "0",
            "0",
            "1",
            "",
            "0",
            "",
            "0",
            "due 0/1",
            "due 0/1",
        ],
    }
    expected = (
        "learner,done,due,overdue,problems accepted,problems assigned,breadth retention,"
        "breadth reviews (28 days),design coverage,design answers,"
        '"\'=HYPERLINK(""http://evil.example"",""click""), then more (due 2026-12-31 23:59 UTC)",'
        "'-1+1 (due 2026-12-31 23:59 UTC)\r\n"
        + ",".join(rows[first])
        + "\r\n"
        + ",".join(rows[second])
        + "\r\n"
    )
    text = table_csv(table)
    assert text == expected
    parsed = list(csv.reader(io.StringIO(text)))
    assert (
        parsed[0][10].startswith("'=HYPERLINK(")
        and parsed[0][11] == "'-1+1 (due 2026-12-31 23:59 UTC)"
    )
    assert [safe_cell(v) for v in ("@SUM(A1)", "+1", "\tx", "a=b", "7")] == [
        "'@SUM(A1)",
        "'+1",
        "'\tx",
        "a=b",
        "7",
    ]


PROBLEMS_HEAD = (
    "problem,title,learners,learners attempted,learners accepted,submissions,"
    "accepted submissions,acceptance rate,commonest failing hidden tests\r\n"
)


def test_the_problems_csv_is_exact(seeded) -> None:
    s = seeded
    table = cohort_table(s["store"].for_user(s["teacher"].id), s["cohort"].id, NOW, TITLES)
    assert problems_csv(table) == (
        PROBLEMS_HEAD
        + "kmeans,K-means,3,2,1,3,1,0.333,ties: 2; shapes: 1\r\n"
        + "pca,PCA,3,1,0,1,0,0.000,random: 1\r\n"
    )


def test_the_problems_csv_is_formula_safe_and_blank_without_submissions(store) -> None:
    teacher, ann, bob = new_user(store, "instructor"), new_user(store), new_user(store)
    mine = store.for_user(teacher.id)
    cohort = cohorts.create_cohort(mine, "Problems CSV")
    for learner in (ann, bob):
        cohorts.join(store.for_user(learner.id), cohort.invite_code)
    due = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    known = {"kmeans", "pca"}
    cohorts.add_assignment(mine, cohort.id, "problems", ["kmeans", "pca"], due, known=known)
    submit(store, ann, "kmeans", "wrong_answer", [result("=SUM(A1)", "wrong_answer")])
    submit(store, ann, "kmeans", "accepted", [])
    submit(
        store,
        bob,
        "kmeans",
        "wrong_answer",
        [
            result("=SUM(A1)", "wrong_answer"),
            result("ties", "runtime_error"),
            result("basic", "wrong_answer", sample=True),
        ],
    )
    table = cohort_table(mine, cohort.id, NOW, TITLES)
    text = problems_csv(table)
    assert text == (
        PROBLEMS_HEAD
        + "kmeans,K-means,2,2,1,3,1,0.333,'=SUM(A1): 2; ties: 1\r\n"
        + "pca,PCA,2,0,0,0,0,,\r\n"
    )
    assert list(csv.reader(io.StringIO(text)))[1][8] == "'=SUM(A1): 2; ties: 1"


def test_invite_codes_are_random_rotate_and_join_once(store) -> None:
    teacher, learner = new_user(store, "instructor"), new_user(store)
    mine, theirs = store.for_user(teacher.id), store.for_user(learner.id)
    cohort = cohorts.create_cohort(mine, "  Codes  ")
    assert cohort.name == "Codes" and len(cohort.invite_code) == 16
    assert cohorts.create_cohort(mine, "Other").invite_code != cohort.invite_code
    with pytest.raises(cohorts.CohortError, match="you own this cohort"):
        cohorts.join(mine, cohort.invite_code)
    joined = cohorts.join(theirs, cohort.invite_code)
    assert (joined.id, joined.name, joined.instructor) == (cohort.id, "Codes", teacher.username)
    cohorts.join(theirs, cohort.invite_code)  # again: still one membership
    assert [m.user_id for m in cohorts.members(mine, cohort.id)] == [learner.id]
    rotated = cohorts.rotate_code(mine, cohort.id)
    assert rotated.invite_code != cohort.invite_code
    with pytest.raises(cohorts.NotFound, match="no cohort has this invite code"):
        cohorts.join(new_user_store(store), cohort.invite_code)
    assert cohorts.find_by_code(theirs, rotated.invite_code).name == "Codes"
    assert [j.id for j in cohorts.joined_cohorts(theirs)] == [cohort.id]  # still a member
    with pytest.raises(cohorts.NotFound):  # a learner's store cannot reach the cohort as owner
        cohorts.owned_cohort(theirs, cohort.id)
    with pytest.raises(cohorts.CohortError, match="give the cohort a name"):
        cohorts.create_cohort(mine, "   ")
    cohorts.leave(theirs, cohort.id)
    assert cohorts.joined_cohorts(theirs) == [] and cohorts.members(mine, cohort.id) == []


def new_user_store(store):
    return store.for_user(new_user(store).id)


# --- the API --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(store):
    from team_services import redis_database

    with pytest.MonkeyPatch.context() as patch, redis_database() as broker:
        patch.delenv("MLPREP_SECRET_KEY", raising=False)
        patch.setenv("MLPREP_BROKER_URL", broker)
        made = create_app(Settings(team=True, workers=1), store)
        with TestClient(made):  # started (its lifespan) for the whole module
            yield made


def logged_in(app, user: accounts.User) -> TestClient:
    client = TestClient(app)
    response = client.post("/api/session", json={"username": user.username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return client


DUE = "2027-01-31T23:59:00+00:00"


def test_roles_and_ownership_are_enforced_by_the_api(app, store) -> None:
    teacher, other_teacher = new_user(store, "instructor"), new_user(store, "admin")
    learner = new_user(store)
    with (
        closing(logged_in(app, teacher)) as as_teacher,
        closing(logged_in(app, other_teacher)) as as_other,
        closing(logged_in(app, learner)) as as_learner,
    ):
        refused = as_learner.post("/api/cohorts", json={"name": "Mine"})
        assert refused.status_code == 403 and "instructors" in refused.json()["detail"]
        made = as_teacher.post("/api/cohorts", json={"name": "Autumn"})
        assert made.status_code == 201, made.text
        cohort = made.json()
        assert cohort["join_path"] == f"/join/{cohort['invite_code']}"
        cid = cohort["id"]

        bad = as_teacher.post(
            f"/api/cohorts/{cid}/assignments",
            json={"kind": "problems", "items": ["kmeans", "nope"], "due_at": DUE},
        )
        assert bad.status_code == 422 and bad.json()["detail"] == "unknown problem 'nope'"
        naive = as_teacher.post(
            f"/api/cohorts/{cid}/assignments",
            json={"kind": "loop", "due_at": "2027-01-31T23:59:00"},
        )
        assert naive.status_code == 422 and "due_at" in naive.json()["detail"]
        looped = as_teacher.post(
            f"/api/cohorts/{cid}/assignments", json={"kind": "loop", "items": ["x"], "due_at": DUE}
        )
        assert looped.json()["detail"] == "a mock loop assignment takes no items"
        set_ = as_teacher.post(
            f"/api/cohorts/{cid}/assignments",
            json={"kind": "breadth", "items": ["svm"], "due_at": DUE},
        )
        assert set_.status_code == 201, set_.text
        assignment = set_.json()
        assert (assignment["title"], assignment["items"]) == ("Breadth topics: svm", ["svm"])

        joined = as_learner.post("/api/memberships", json={"code": cohort["invite_code"]})
        assert joined.status_code == 200 and joined.json()["name"] == "Autumn"
        wrong = as_learner.post("/api/memberships", json={"code": "not-a-code"})
        assert wrong.status_code == 404 and "invite code" in wrong.json()["detail"]
        own = as_teacher.post("/api/memberships", json={"code": cohort["invite_code"]})
        assert own.status_code == 422

        # A member learner, and another instructor, reach nothing of the cohort: 404.
        for client in (as_learner, as_other):
            for method, url in (
                ("GET", f"/api/cohorts/{cid}"),
                ("GET", f"/api/cohorts/{cid}/table"),
                ("GET", f"/api/cohorts/{cid}/table.csv"),
                ("GET", f"/api/cohorts/{cid}/problems.csv"),
                ("POST", f"/api/cohorts/{cid}/invite-code"),
                ("DELETE", f"/api/cohorts/{cid}/assignments/{assignment['id']}"),
                ("DELETE", f"/api/cohorts/{cid}/members/{learner.id}"),
            ):
                assert client.request(method, url).status_code == 404, (method, url)
            added = client.post(
                f"/api/cohorts/{cid}/assignments", json={"kind": "loop", "due_at": DUE}
            )
            assert added.status_code == 404
            assert client.get(f"/cohorts/{cid}").status_code == 404
        assert as_other.get("/api/cohorts").json() == {"owned": [], "joined": []}

        listed = as_learner.get("/api/cohorts").json()
        assert listed["owned"] == [] and [j["id"] for j in listed["joined"]] == [cid]
        mine = as_learner.get("/api/assignments").json()
        assert [
            (a["id"], a["cohort"], a["state"], a["done_items"], a["total_items"]) for a in mine
        ] == [(assignment["id"], "Autumn", "due", 0, 1)]
        for page in ("/", "/plan", "/cohorts"):
            shown = as_learner.get(page)
            assert shown.status_code == 200 and 'id="assignments"' in shown.text, page
            assert "Breadth topics: svm" in shown.text, page
        assert 'id="assignments"' not in as_other.get("/").text

        detail = as_teacher.get(f"/api/cohorts/{cid}").json()
        assert [m["username"] for m in detail["members"]] == [learner.username]
        table = as_teacher.get(f"/api/cohorts/{cid}/table")
        assert table.status_code == 200
        assert [row["username"] for row in table.json()["learners"]] == [learner.username]
        csv_reply = as_teacher.get(f"/api/cohorts/{cid}/table.csv")
        assert csv_reply.headers["content-type"] == "text/csv; charset=utf-8"
        assert csv_reply.text.splitlines()[1].startswith(f"{learner.username},0,1,0,")
        problems_reply = as_teacher.get(f"/api/cohorts/{cid}/problems.csv")
        assert problems_reply.headers["content-type"] == "text/csv; charset=utf-8"
        assert problems_reply.headers["content-disposition"] == (
            f'attachment; filename="cohort-{cid}-problems-{datetime.now(UTC):%Y%m%d}.csv"'
        )
        assert problems_reply.text == PROBLEMS_HEAD  # no problem set assigned
        page = as_teacher.get(f"/cohorts/{cid}")
        assert page.status_code == 200 and f'data-learner="{learner.username}"' in page.text

        join_page = as_other.get(f"/join/{cohort['invite_code']}")
        assert join_page.status_code == 200 and "Autumn" in join_page.text
        assert as_other.get("/join/nothing-here").status_code == 404
        rotated = as_teacher.post(f"/api/cohorts/{cid}/invite-code").json()["invite_code"]
        assert as_other.get(f"/join/{cohort['invite_code']}").status_code == 404
        assert as_other.get(f"/join/{rotated}").status_code == 200

        assert as_teacher.delete(f"/api/cohorts/{cid}/members/{learner.id}").status_code == 204
        assert as_learner.get("/api/assignments").json() == []


def test_single_user_mode_has_no_cohort_routes(tmp_path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'solo.db'}") as solo:
        plain = create_app(Settings(), solo)
        with TestClient(plain) as client:
            assert client.get("/api/cohorts").status_code == 404
            assert client.get("/cohorts").status_code == 404
            home = client.get("/")
            assert home.status_code == 200 and 'href="/cohorts"' not in home.text
        assert not any("cohort" in path for path in plain.openapi()["paths"])
