"""Authoring and learning commands: new-problem, check-problem, hint, editorial."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from mlprep.problems import bank_dir


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    folder.mkdir()
    assert run_cli("new-problem", "vector_sum", "--bank", str(folder)).returncode == 0
    return folder


@pytest.fixture
def isolated(tmp_path: Path) -> dict[str, str]:
    return {"MLPREP_DATA_DIR": str(tmp_path / "data")}


def test_scaffold_is_a_complete_problem_that_proves_itself(bank):
    result = run_cli("check-problem", "vector_sum", "--bank", str(bank))
    assert result.returncode == 0, result.stdout
    assert "3/3 wrong solutions rejected by hidden tests (100%)" in result.stdout


def test_scaffold_refuses_to_overwrite(bank):
    again = run_cli("new-problem", "vector_sum", "--bank", str(bank))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_a_wrong_solution_that_escapes_fails_the_check(bank):
    (bank / "vector_sum" / "wrong" / "also_right.py").write_text(
        '"""Not wrong at all."""\nimport numpy as np\n\n\ndef vector_sum(x):\n'
        "    return float(np.sum(x))\n"
    )
    result = run_cli("check-problem", "vector_sum", "--bank", str(bank))
    assert result.returncode == 1
    assert "not caught by hidden tests: also_right.py (accepted)" in result.stdout
    assert "3/4" in result.stdout


def test_malformed_problem_is_reported_not_a_traceback(bank):
    toml = bank / "vector_sum" / "problem.toml"
    toml.write_text(toml.read_text().replace('difficulty = "easy"', 'difficulty = "brutal"'))
    result = run_cli("check-problem", "vector_sum", "--bank", str(bank))
    assert result.returncode == 1
    assert "difficulty" in result.stdout and "Traceback" not in result.stderr


def test_missing_editorial_and_hints_are_reported(bank):
    folder = bank / "vector_sum"
    (folder / "editorial.md").unlink()
    toml = folder / "problem.toml"
    text = toml.read_text()
    toml.write_text(text[: text.index("hints = [")])
    result = run_cli("check-problem", "vector_sum", "--bank", str(bank))
    assert result.returncode == 1
    assert "no editorial.md" in result.stdout and "0 hints" in result.stdout


def test_hints_are_revealed_one_at_a_time(isolated):
    slug = next(
        p.name
        for p in sorted(bank_dir().iterdir())
        if (p / "problem.toml").is_file() and "hints" in (p / "problem.toml").read_text()
    )
    first = run_cli("hint", slug, env=isolated)
    assert first.returncode == 0 and "Hint 1/" in first.stdout and "Hint 2/" not in first.stdout
    second = run_cli("hint", slug, env=isolated)
    assert "Hint 1/" in second.stdout and "Hint 2/" in second.stdout


def test_editorial_opens_after_an_accepted_judge(isolated):
    slug = "kmeans"
    locked = run_cli("editorial", slug, env=isolated)
    assert locked.returncode == 2 and "--spoil" in locked.stderr
    assert run_cli("editorial", slug, "--spoil", env=isolated).returncode == 0
    reference = bank_dir() / slug / "reference.py"
    assert run_cli("judge", slug, str(reference), "--json", env=isolated).returncode == 0
    opened = run_cli("editorial", slug, env=isolated)
    assert opened.returncode == 0 and "Editorial" in opened.stdout


def test_statement_without_an_example_is_reported(bank):
    statement = bank / "vector_sum" / "statement.md"
    statement.write_text(statement.read_text().replace("## Example", "## Illustration"))
    result = run_cli("check-problem", "vector_sum", "--bank", str(bank))
    assert result.returncode == 1
    assert "statement.md has no '## Example' section" in result.stdout
