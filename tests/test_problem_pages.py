"""The problem pages' data: the roadmap, per-problem acceptance, limits, custom inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlprep.content import ContentError
from mlprep.problems.loader import bank_dir
from mlprep.problems.roadmap import ROADMAP_FILE, Step, load_roadmap

BANK_SLUGS = sorted(d.name for d in bank_dir().iterdir() if (d / "problem.toml").is_file())


def test_the_roadmap_lists_every_problem_once_in_its_written_order():
    steps = load_roadmap(BANK_SLUGS)
    written = re.findall(r'"([a-z0-9_]+)"', ROADMAP_FILE.read_text())  # read apart from TOML
    assert sorted(steps) == BANK_SLUGS and len(written) == len(BANK_SLUGS)
    assert [steps[slug].position for slug in written] == list(range(1, len(BANK_SLUGS) + 1))
    assert steps["precision_recall"] == Step(1, "NumPy warm-up: metrics and data preparation")
    assert steps["bleu"].stage == "LLMs: training, decoding and evaluation"


def write_roadmap(tmp_path: Path, *stages: tuple[str, list[str]]) -> Path:
    text = "".join(
        f'[[stage]]\ntitle = "{title}"\nproblems = {problems!r}\n'.replace("'", '"')
        for title, problems in stages
    )
    path = tmp_path / "roadmap.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        (
            [("Basics", ["a", "b"]), ("Later", ["b"])],
            "listed more than once: b; missing (add each to the stage where it belongs): c",
        ),
        ([("Basics", ["a", "b", "c", "zz"])], "not problems of the bank: zz"),
        ([("Basics", [])], "field 'stage.0.problems': List should have at least 1 item"),
        ([("B", ["a", "b", "c"])], "field 'stage.0.title': String should have at least 3"),
    ],
)
def test_a_roadmap_that_is_not_every_problem_once_is_refused_naming_the_file(
    tmp_path, stages, message
):
    path = write_roadmap(tmp_path, *stages)
    with pytest.raises(ContentError) as raised:
        load_roadmap(["a", "b", "c"], path)
    assert str(raised.value).startswith(f"{path}: {message}")


# --- the API behind the pages: one app with its real judge and its own database ------------

import io  # noqa: E402
import time  # noqa: E402
import tomllib  # noqa: E402

import numpy as np  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from PIL import Image  # noqa: E402

from mlprep.judge.report import Report  # noqa: E402
from mlprep.judge.report import TestReport as Outcome  # noqa: E402
from mlprep.store import open_store  # noqa: E402
from mlprep.web.app import create_app  # noqa: E402
from mlprep.web.state import Settings  # noqa: E402

BANK = bank_dir()
SOFTMAX = (BANK / "softmax" / "reference.py").read_text()
NO_SHIFT = (BANK / "softmax" / "wrong" / "axis_zero.py").read_text()
KMEANS = (BANK / "kmeans" / "reference.py").read_text()
KMEANS_WRONG = (BANK / "kmeans" / "wrong" / "ignores_max_iters.py").read_text()
GREEN = np.array([0x1A, 0x7F, 0x37])  # pictures.EXPECTED, written out


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('pages-db')}/web.db"
    store = open_store(url)
    app = create_app(Settings(workers=1), store)
    with TestClient(app) as test_client:
        test_client.store = store
        yield test_client
    store.close()


def finish(client, reply, timeout: float = 60) -> dict:
    assert reply.status_code == 202, reply.text
    job, deadline = reply.json(), time.monotonic() + timeout
    while job["state"] != "done":
        assert time.monotonic() < deadline, f"no verdict in {timeout} s: {job}"
        job = client.get(f"/api/jobs/{job['id']}?after={job['version']}&wait=10").json()
    return job


def stored(client, slug: str, mode: str, verdict: str, code: str = "x = 1\n") -> int:
    test = Outcome(0, True, "general", "passed" if verdict == "accepted" else "wrong_answer")
    report = Report(slug, mode, verdict, [test])
    return client.store.add({"source": code, "report": report.to_json()})


def toml_meta(slug: str) -> dict:
    return tomllib.loads((BANK / slug / "problem.toml").read_text())


def test_the_list_gives_each_problem_its_roadmap_place_and_your_acceptance(client):
    stored(client, "f1_score", "judge", "wrong_answer")
    stored(client, "f1_score", "judge", "accepted")
    stored(client, "f1_score", "judge", "wrong_answer")
    stored(client, "f1_score", "run", "samples_passed")
    rows = {r["slug"]: r for r in client.get("/api/problems").json()}
    assert sorted(rows) == BANK_SLUGS
    f1 = rows["f1_score"]
    assert (f1["accepted_submissions"], f1["judged_submissions"], f1["status"]) == (1, 3, "solved")
    assert (rows["pca"]["accepted_submissions"], rows["pca"]["judged_submissions"]) == (0, 0)
    written = re.findall(r'"([a-z0-9_]+)"', ROADMAP_FILE.read_text())
    assert sorted(rows, key=lambda s: rows[s]["position"]) == written
    assert rows["bleu"]["stage"] == "LLMs: training, decoding and evaluation"


def test_the_api_lists_the_problems_in_the_roadmaps_written_order(client):
    written = re.findall(r'"([a-z0-9_]+)"', ROADMAP_FILE.read_text())
    assert [r["slug"] for r in client.get("/api/problems").json()] == written
    assert [r["position"] for r in client.get("/api/problems").json()] == list(
        range(1, len(written) + 1)
    )


def test_a_problem_gives_its_limits_test_counts_and_sample_inputs(client):
    meta = toml_meta("confusion_matrix")
    detail = client.get("/api/problems/confusion_matrix").json()
    hidden = len(load_cases("confusion_matrix")) - len(meta["samples"])
    assert (detail["time_limit_seconds"], detail["memory_limit_mb"]) == (3.0, 512)
    assert (detail["sample_tests"], detail["hidden_tests"]) == (len(meta["samples"]), hidden)
    assert [s["name"] for s in detail["sample_inputs"]] == meta["samples"]


def load_cases(slug: str) -> list:
    from mlprep.problems import load_problem

    return load_problem(slug).cases


def custom(client, code: str, text: str, slug: str = "softmax"):
    return client.post(f"/api/problems/{slug}/custom-run", json={"code": code, "input": text})


OWN_INPUT = '{"z": [[1, 2, 3], [0, 0, 0]]}'


def check_softmax_on_own_input(job: dict) -> None:
    """``job`` ran a correct softmax on :data:`OWN_INPUT`: one test, shown like a sample, with
    the reference's output (checked against the softmax computed here) and the same output."""
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    want = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)  # computed here, not by mlprep
    (test,) = job["report"]["tests"]
    assert (job["mode"], job["report"]["verdict"], test["name"], test["status"]) == (
        "custom",
        "matches_reference",
        "your input",
        "passed",
    )
    assert test["input"] == "z = [[1., 2., 3.],\n [0., 0., 0.]]"
    shown = np.array(eval(test["expected"].removeprefix("p = ").replace("\n", "")))
    assert np.allclose(shown, want, atol=1e-6) and test["actual"] == test["expected"]


def test_your_own_input_runs_beside_the_reference_and_is_not_stored(client):
    before = client.store.count()
    job = finish(client, custom(client, SOFTMAX, OWN_INPUT))
    check_softmax_on_own_input(job)
    assert job["submission_id"] is None and client.store.count() == before


def test_a_wrong_answer_on_your_input_shows_where_it_differs_from_the_reference(client):
    job = finish(client, custom(client, NO_SHIFT, '{"z": [[1, 2], [3, 5]]}'))
    (test,) = job["report"]["tests"]
    z = np.array([[1.0, 2.0], [3.0, 5.0]])
    want = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    wrong = np.exp(z) / np.exp(z).sum(axis=0, keepdims=True)  # what axis_zero.py computes
    assert job["report"]["verdict"] == "wrong_answer"
    assert test["message"].startswith(
        f"p at index (0, 0): expected {want[0, 0]:.10f}".rstrip("0")
        + f", got {wrong[0, 0]:.10f}".rstrip("0")
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"z": [[1, 2], [3]]}', "z: the rows are not all the same length"),
        ('{"z": "abc"}', "z: expected a 1-D to 4-D array of numbers, got a string"),
        ('{"z": [1, 2], "t": 3}', "unknown argument 't'; the arguments are z"),
        ("{}", "missing argument 'z': a 1-D to 4-D array of numbers"),
        ('{"z": [1, 2,]}', "your input is not valid JSON: Expecting value (line 1, column 13)"),
    ],
)
def test_an_input_the_function_could_not_take_is_refused_naming_the_argument(client, text, message):
    reply = custom(client, SOFTMAX, text)
    assert (reply.status_code, reply.json()["detail"]) == (422, message)


def test_an_input_that_breaks_the_reference_is_refused_with_its_reason(client):
    text = '{"X": [[0, 0], [1, 1]], "init_centroids": [[0, 0, 0]]}'
    job = finish(client, custom(client, KMEANS, text, "kmeans"))
    assert job["report"] is None
    assert job["error"].startswith(
        "Your input cannot be run: the reference solution cannot run on this input (ValueError"
    )


def green_pixels(png: bytes) -> int:
    with Image.open(io.BytesIO(png)) as image:
        rgb = np.asarray(image.convert("RGB"), dtype=int)
    return int((np.abs(rgb - GREEN).max(axis=2) <= 12).sum())


def test_the_picture_shows_the_failing_sample_with_the_expected_result_over_it(client):
    wrong = finish(client, client.post("/api/problems/kmeans/run", json={"code": KMEANS_WRONG}))
    failing = next(t for t in wrong["report"]["tests"] if t["status"] != "passed")
    assert (wrong["picture_case"], wrong["picture_expected"]) == (failing["name"], True)
    right = finish(client, client.post("/api/problems/kmeans/run", json={"code": KMEANS}))
    plot_case = toml_meta("kmeans")["plot"]["case"]
    assert (right["picture_case"], right["picture_expected"]) == (plot_case, False)
    overlaid = client.get(f"/api/jobs/{wrong['id']}/picture.png").content
    plain = client.get(f"/api/jobs/{right['id']}/picture.png").content
    assert green_pixels(plain) == 0 and green_pixels(overlaid) > 200


def test_the_editorial_gives_the_reference_beside_your_latest_accepted_code(client):
    assert client.get("/api/problems/macro_f1/editorial").status_code == 403
    stored(client, "macro_f1", "judge", "accepted", code="def macro_f1(a, b):\n    return 1.0\n")
    latest = stored(client, "macro_f1", "judge", "accepted", code="# mine\n")
    stored(client, "macro_f1", "judge", "wrong_answer", code="# later, wrong\n")
    editorial = client.get("/api/problems/macro_f1/editorial").json()
    assert editorial["reference"] == (BANK / "macro_f1" / "reference.py").read_text()
    assert editorial["yours"] == {"submission_id": latest, "source": "# mine\n"}
