"""A damaged history database: found when opened, refused by `mlprep serve` with the way out,
and `mlprep db recover` keeps every row of the pages that are still intact; `mlprep db upgrade`.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import free_port, run_cli

from mlprep.store import open_store

SUBMISSIONS, TESTS_EACH = 400, 3


def seed(path: Path) -> None:
    """Submissions with their tests, spread over many pages, all in the main file (no WAL)."""
    with open_store(f"sqlite:///{path}") as store:
        for i in range(SUBMISSIONS):
            store.add({"source": f"# attempt {i}\n" + "x = 1\n" * 30, "report": _report(i)})
    assert not Path(f"{path}-wal").exists()  # closing checkpointed everything


def damage_a_middle_page(path: Path, table: str = "submissions") -> int:
    """Overwrite, from its first byte, a leaf page in the middle of ``table``; returns the
    number of rows that page held (SQLite's dbstat table says which page holds how many)."""
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        leaves = db.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
            (table,),
        ).fetchall()
    assert len(leaves) >= 10, "the table spans many pages"
    page, rows = leaves[len(leaves) // 2]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xff" * page_size)
    return rows


@pytest.fixture
def damaged(data: Path) -> tuple[Path, int]:
    """The configured history (in the test's data folder), seeded, then one page damaged."""
    path = data / "mlprep.db"
    path.parent.mkdir(parents=True)
    seed(path)
    return path, damage_a_middle_page(path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_db_check_says_ok_or_names_the_problems(data: Path) -> None:
    path = data / "mlprep.db"
    path.parent.mkdir(parents=True)
    seed(path)
    ok = run_cli("db", "check")
    assert ok.returncode == 0 and ok.stdout.strip() == f"{path}: ok"
    damage_a_middle_page(path)
    bad = run_cli("db", "check")
    assert bad.returncode == 1, bad.stderr
    assert f"{path}: damaged" in bad.stdout and "mlprep db recover" in bad.stdout


def test_serve_and_other_commands_refuse_a_damaged_database(damaged: tuple[Path, int]) -> None:
    path, _ = damaged
    try:
        serve = run_cli("serve", "--port", str(free_port()), timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("mlprep serve served a damaged database")
    assert serve.returncode == 3
    assert f"{path} is damaged" in serve.stderr and "mlprep db recover" in serve.stderr
    history = run_cli("history")
    assert history.returncode == 3 and "mlprep db recover" in history.stderr


def test_recover_keeps_every_row_of_the_intact_pages(damaged: tuple[Path, int]) -> None:
    path, lost = damaged
    before = digest(path)
    output = path.with_name("recovered.db")
    result = run_cli("db", "recover", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert digest(path) == before, "the damaged file is left as it was"
    with sqlite3.connect(output) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = _counter(db)
        assert count("submissions") == SUBMISSIONS - lost
        assert count("test_results") == SUBMISSIONS * TESTS_EACH  # their pages are intact
        assert count("alembic_version") == 1
    assert re.search(rf"submissions +{SUBMISSIONS - lost}\n", result.stdout), result.stdout
    assert f"mv {path} {path}.damaged" in result.stdout and "MLPREP_DATABASE_URL" in result.stdout
    switched = run_cli(
        "history", "--json", "--limit", "10000", env={"MLPREP_DATABASE_URL": f"sqlite:///{output}"}
    )
    assert switched.returncode == 0, switched.stderr
    assert switched.stdout.count('"problem"') == SUBMISSIONS - lost


@pytest.mark.parametrize("use_cli", [True, False], ids=["sqlite3 .recover if it works", "tables"])
def test_both_ways_of_recovering_keep_the_same_rows(tmp_path: Path, use_cli: bool) -> None:
    """`.recover` needs an sqlite3 built with sqlite_dbpage (Debian's is not): without it the
    table-by-table copy runs, so both parameters test it here, and `.recover` where it works."""
    from mlprep.store.recovery import recover

    path = tmp_path / "mlprep.db"
    seed(path)
    lost = damage_a_middle_page(path)
    done = recover(path, tmp_path / "out.db", use_cli=use_cli)
    assert done.rows["submissions"] == SUBMISSIONS - lost
    assert done.rows["test_results"] == SUBMISSIONS * TESTS_EACH
    assert any("refer to a row that was lost" in note for note in done.notes)


@pytest.mark.parametrize("use_cli", [True, False], ids=["sqlite3 .recover if it works", "tables"])
def test_recover_recounts_the_problem_summaries_from_the_rows_kept(
    tmp_path: Path, use_cli: bool
) -> None:
    """The summary copied as it was would still count the submissions of the damaged page."""
    from mlprep.store.recovery import recover

    path = tmp_path / "mlprep.db"
    seed(path)
    lost = damage_a_middle_page(path)
    recover(path, tmp_path / "out.db", use_cli=use_cli)
    with sqlite3.connect(tmp_path / "out.db") as db:
        ids = [row[0] for row in db.execute("SELECT id FROM submissions")]
        times = [row[0] for row in db.execute("SELECT created_at FROM submissions ORDER BY id")]
        stats = db.execute(
            "SELECT user_id, problem, submissions, judged, accepted, first_at, last_at "
            "FROM problem_stats"
        ).fetchall()
    assert len(ids) == SUBMISSIONS - lost
    accepted = sum(1 for i in ids if (i - 1) % 2)  # _report: attempt i (id i + 1) odd is accepted
    assert stats == [
        (1, "kmeans", SUBMISSIONS - lost, SUBMISSIONS - lost, accepted, times[0], times[-1])
    ]


def test_recover_never_overwrites(damaged: tuple[Path, int]) -> None:
    path, _ = damaged
    taken = path.with_name("taken.db")
    taken.write_bytes(b"keep me")
    result = run_cli("db", "recover", "--output", str(taken))
    assert result.returncode == 3 and "already exists" in result.stderr
    assert taken.read_bytes() == b"keep me"


def test_the_integrity_check_runs_once_per_process_and_file_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlprep.store import integrity

    calls: list[Path] = []
    real = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda p: calls.append(p) or real(p))
    url = f"sqlite:///{tmp_path}/once.db"
    open_store(url).close()  # a new file: nothing to check yet
    for _ in range(3):
        open_store(url).close()
    assert len(calls) == 1


def test_db_upgrade_migrates_and_is_safe_to_run_twice(data: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from mlprep.store.db import HEAD_REVISION, alembic_config

    path = data / "mlprep.db"
    path.parent.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")  # a history made by an older mlprep
    engine.dispose()
    first = run_cli("db", "upgrade")
    assert first.returncode == 0, first.stderr
    assert f"now at schema revision {HEAD_REVISION} (was: 0001)" in first.stdout
    again = run_cli("db", "upgrade")
    assert again.returncode == 0 and f"already at schema revision {HEAD_REVISION}" in again.stdout


def test_db_commands_on_a_missing_or_non_sqlite_database(data: Path) -> None:
    missing = run_cli("db", "check")
    assert missing.returncode == 0 and "nothing to check" in missing.stdout
    other = run_cli("db", "check", env={"MLPREP_DATABASE_URL": "postgresql://u@127.0.0.1/x"})
    assert other.returncode == 2 and "not an SQLite file" in other.stderr


def _counter(db: sqlite3.Connection) -> Any:
    return lambda table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _report(i: int) -> dict[str, Any]:
    tests = [
        {
            "index": k,
            "sample": k == 0,
            "category": "edge",
            "status": "passed",
            "seconds": 0.01,
            "message": "",
            "name": f"case {k}",
            "input": "",
            "expected": "",
            "actual": "",
        }
        for k in range(TESTS_EACH)
    ]
    return {
        "problem": "kmeans",
        "mode": "judge",
        "verdict": "accepted" if i % 2 else "wrong_answer",
        "passed": TESTS_EACH,
        "total": TESTS_EACH,
        "seconds": 0.1,
        "message": "",
        "stdout": "",
        "tests": tests,
    }
