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
