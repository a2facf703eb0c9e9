"""A malformed problem folder is reported with the file and field at fault, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlprep.problems import ProblemError, UnknownProblem, bank_dir, load_problem


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    shutil.copytree(bank_dir() / "kmeans", tmp_path / "kmeans")
    return tmp_path


def edit_toml(bank: Path, old: str, new: str) -> None:
    path = bank / "kmeans" / "problem.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_copy_of_a_good_problem_loads(bank):
    problem = load_problem("kmeans", bank=bank)
    assert problem.meta.function == "kmeans"
    assert len(problem.cases) >= 13


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('difficulty = "medium"', 'difficulty = "brutal"', "field 'difficulty'"),
        ("time_limit = 5.0", "time_limit = -1", "field 'time_limit'"),
        ("seed = 1101", 'seed = "x"', "field 'seed'"),
        ('slug = "kmeans"', 'slug = "k_means"', "differs from folder"),
        ('slug = "kmeans"', 'slug = "kmeans"\nauthor = "me"', "field 'author'"),
        ('kind = "int_array"', 'kind = "labels"', "field 'returns.1.kind'"),
        ('signature = "kmeans(', 'signature = "k_means(', "field 'signature'"),
        ('samples = ["two_blobs"', 'samples = ["no_such_case"', "no case named no_such_case"),
        ("title = ", "title = = ", "not valid TOML"),
    ],
)
def test_bad_metadata_names_file_and_field(bank, old, new, message):
    edit_toml(bank, old, new)
    with pytest.raises(ProblemError) as caught:
        problem = load_problem("kmeans", bank=bank)
        problem.cases  # noqa: B018  (samples are checked against the cases)
    assert "problem.toml" in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize("name", ["statement.md", "starter.py", "reference.py", "tests.py"])
def test_missing_file_is_named(bank, name):
    (bank / "kmeans" / name).unlink()
    with pytest.raises(ProblemError, match=f"{name}: missing file"):
        load_problem("kmeans", bank=bank)


def test_broken_generator_is_named(bank):
    (bank / "kmeans" / "tests.py").write_text("def cases(rng):\n    raise ValueError('oops')\n")
    with pytest.raises(ProblemError, match=r"tests.py: cases\(\) raised ValueError: oops"):
        load_problem("kmeans", bank=bank).cases  # noqa: B018


def test_reference_with_syntax_error_is_named(bank):
    (bank / "kmeans" / "reference.py").write_text("def kmeans(:\n")
    with pytest.raises(ProblemError, match="reference.py: cannot be imported: SyntaxError"):
        load_problem("kmeans", bank=bank).reference  # noqa: B018


def test_unknown_slug_suggests_close_ones_or_where_to_list_them(bank):
    with pytest.raises(UnknownProblem, match="unknown problem 'kmean'; did you mean 'kmeans'\\?"):
        load_problem("kmean", bank=bank)
    with pytest.raises(UnknownProblem, match=r"unknown problem 'nope' \(see `mlprep list`\)"):
        load_problem("nope", bank=bank)


def test_path_like_slug_is_unknown(bank):
    with pytest.raises(UnknownProblem):
        load_problem("../kmeans", bank=bank)


def test_validated_metadata_is_remembered_and_equal(bank, tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_CACHE_DIR", str(tmp_path / "cache"))
    first = load_problem("kmeans", bank=bank).meta  # validated by pydantic, then remembered
    remembered = list((tmp_path / "cache" / "meta").glob("*.json"))
    assert len(remembered) == 1
    assert load_problem("kmeans", bank=bank).meta == first  # rebuilt from the cache
    remembered[0].write_text("{not json")  # a damaged cache entry only costs a re-validation
    assert load_problem("kmeans", bank=bank).meta == first


def test_a_changed_file_is_validated_again(bank, tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_CACHE_DIR", str(tmp_path / "cache"))
    load_problem("kmeans", bank=bank)
    edit_toml(bank, 'difficulty = "medium"', 'difficulty = "brutal"')
    with pytest.raises(ProblemError, match="field 'difficulty'"):
        load_problem("kmeans", bank=bank)
