"""Every problem that declares a picture draws it from a candidate's own output on its toy data."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import run_cli
from PIL import Image

from mlprep.problems import list_problems, load_problem

WITH_PICTURES = [p for p in list_problems() if p.meta.plot is not None]


def test_the_pinned_algorithms_declare_pictures():
    slugs = {p.slug for p in WITH_PICTURES}
    assert {"kmeans", "knn_classify", "linear_regression", "logistic_regression", "pca"} <= slugs


@pytest.mark.parametrize("problem", WITH_PICTURES, ids=lambda p: p.slug)
def test_picture_renders_as_a_non_empty_image(problem, tmp_path):
    picture = tmp_path / f"{problem.slug}.png"
    reference = problem.folder / "reference.py"
    result = run_cli("run", problem.slug, str(reference), "--plot", str(picture))
    assert result.returncode == 0, result.stderr
    with Image.open(picture) as image:
        assert image.size == (640, 480)
        pixels = np.asarray(image.convert("L"), dtype=float)
    assert pixels.std() > 5  # something was drawn, not a blank canvas
    assert (pixels < 128).mean() > 0.005  # and it has marks, not just a background


def test_problem_without_a_picture_says_so(tmp_path):
    slug = next(p.slug for p in list_problems() if p.meta.plot is None)
    reference = load_problem(slug).folder / "reference.py"
    result = run_cli("run", slug, str(reference), "--plot", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "has no picture" in result.stderr


def test_unusable_output_is_a_clear_error_not_a_traceback(tmp_path):
    bad = tmp_path / "kmeans.py"
    bad.write_text("def kmeans(X, init_centroids, max_iters=100):\n    return 1 / 0\n")
    result = run_cli("run", "kmeans", str(bad), "--plot", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "no picture" in result.stderr
    assert "Traceback" not in result.stderr


def test_boxes_picture_outlines_the_kept_boxes_in_colour(tmp_path):
    from mlprep.problems.pictures import draw

    boxes = np.array([[0, 0, 4, 4], [1, 1, 5, 5], [10, 10, 14, 14]], dtype=float)
    args = (boxes, np.array([0.9, 0.3, 0.8]), 0.5)

    def coloured_pixels(kept, name):
        draw("boxes", "nms", args, (np.array(kept, dtype=np.int64),), tmp_path / name)
        with Image.open(tmp_path / name) as image:
            assert image.size == (640, 480)
            rgb = np.asarray(image.convert("RGB"), dtype=int)
        return int(((rgb.max(axis=2) - rgb.min(axis=2)) > 80).sum())

    none, some = coloured_pixels([], "none.png"), coloured_pixels([0, 2], "some.png")
    assert some > none + 500  # the kept boxes stand out in colour; the inputs alone are grey
    with pytest.raises(ValueError, match="kept indices"):
        draw("boxes", "nms", args, (np.array([0, 3], dtype=np.int64),), tmp_path / "bad.png")


def test_rotation_picture_draws_each_pair_before_and_after(tmp_path):
    from mlprep.problems.pictures import draw

    x = np.tile([1.0, 0.0, 0.5, 0.0], (6, 1))
    angles = np.arange(6)[:, None] * np.array([1.0, 0.1])
    rotated = np.empty_like(x)
    rotated[:, 0::2], rotated[:, 1::2] = x[:, 0::2] * np.cos(angles), x[:, 0::2] * np.sin(angles)

    def coloured_pixels(y, name):
        draw("rotation", "rope", (x,), (y,), tmp_path / name)
        with Image.open(tmp_path / name) as image:
            assert image.size == (640, 480)
            rgb = np.asarray(image.convert("RGB"), dtype=int)
        return int(((rgb.max(axis=2) - rgb.min(axis=2)) > 80).sum())

    # Unrotated, every coloured vector lies on the x axis; rotated, they fan out.
    assert coloured_pixels(rotated, "rotated.png") > coloured_pixels(x, "still.png") + 500
    with pytest.raises(ValueError, match="shape"):
        draw("rotation", "rope", (x,), (x[:, :2],), tmp_path / "bad.png")


def test_token_path_picture_follows_the_returned_tokens(tmp_path):
    from mlprep.problems.pictures import draw

    start = np.array([0.0, -1.0, -2.0])
    trans = np.array([[-3.0, -2.5, -3.0], [-0.25, -0.5, -3.0], [-1.0, -1.0, -1.0]])
    args = (start, trans, 4, 2)

    def pixels(tokens, name):
        draw("token_path", "beams", args, (np.array(tokens, dtype=np.int64), -1.0), tmp_path / name)
        with Image.open(tmp_path / name) as image:
            assert image.size == (640, 480)
            return np.asarray(image.convert("RGB"), dtype=int)

    zigzag, flat = pixels([1, 0, 0, 2], "zigzag.png"), pixels([0, 0, 0, 0], "flat.png")
    assert (zigzag != flat).any(axis=2).sum() > 1000  # the path is drawn where the tokens are
    assert (flat.max(axis=2) - flat.min(axis=2) > 80).mean() > 0.2  # on a coloured lattice
    with pytest.raises(ValueError, match="tokens"):
        draw("token_path", "beams", args, (np.array([0, 3, 0, 0]), -1.0), tmp_path / "bad.png")


def _perturbed(value):
    """Another answer of the same kind and shape: floats moved, integers rotated."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "iu":
        return np.roll(value, 1) if value.size > 1 else value + 1
    if isinstance(value, np.ndarray):
        return value * 1.5 + 0.3
    return value * 1.5 + 0.3 if isinstance(value, float) else value


@pytest.mark.parametrize("problem", WITH_PICTURES, ids=lambda p: p.slug)
def test_a_wrong_answer_is_drawn_with_the_expected_result_in_green(problem, tmp_path):
    from mlprep.problems.pictures import PictureSource, draw_source
    from mlprep.problems.testset import load_testset

    testset = load_testset(problem)
    index = problem.meta.samples.index(problem.meta.plot.case)
    expected = testset.expected[index]
    wrong = tuple(_perturbed(v) for v in expected)
    green = np.array([0x1A, 0x7F, 0x37])  # pictures.EXPECTED, written out

    def green_pixels(source, name):
        draw_source(problem, source, tmp_path / name)
        with Image.open(tmp_path / name) as image:
            rgb = np.asarray(image.convert("RGB"), dtype=int)
        return int((np.abs(rgb - green).max(axis=2) <= 12).sum())

    args = testset.cases[index].args
    plain = green_pixels(PictureSource("case", args, wrong), "plain.png")
    overlaid = green_pixels(PictureSource("case", args, wrong, expected), "overlaid.png")
    assert plain == 0 and overlaid > 20, (plain, overlaid)
