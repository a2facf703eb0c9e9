"""The ``mlprep`` command line as a user meets it: output, exit codes and clear errors."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import run_cli

from mlprep.problems import load_problem

ROOT = Path(__file__).parents[1]
KMEANS = load_problem("kmeans")
REFERENCE = KMEANS.folder / "reference.py"
WRONG = KMEANS.folder / "wrong" / "labels_after_update.py"


@pytest.fixture
def isolated(tmp_path: Path) -> dict[str, str]:
    """A fresh data folder, so history assertions see only this test's submissions."""
    return {"MLPREP_DATA_DIR": str(tmp_path / "data")}


def pinned_problems() -> list[str]:
    """The pinned problems of the contract (the workplace's copy, else the repository's)."""
    contract = Path(__file__).parents[2] / "shared" / "CONTRACT.md"
    if not contract.is_file():
        contract = Path(__file__).parents[1] / "docs" / "contract.md"
    return re.findall(r"^\| (\w+) \| `[^`]+` \|", contract.read_text(), flags=re.M)


def test_list_json_has_the_pinned_problems():
    result = run_cli("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["slug"]: row for row in json.loads(result.stdout)}
    pinned = pinned_problems()
    assert len(pinned) == len(set(pinned)) == 17  # the first ten, then the 2026 loop's seven
    assert sorted(set(pinned) - set(rows)) == [], "every pinned problem is listed"
    # and every problem folder of the bank, each with what its problem.toml says
    bank = KMEANS.folder.parent
    metas = {
        d.name: tomllib.loads((d / "problem.toml").read_text())
        for d in bank.iterdir()
        if (d / "problem.toml").is_file()
    }
    assert sorted(rows) == sorted(metas)
    for slug, meta in metas.items():
        row = rows[slug]
        assert (row["title"], row["group"], row["difficulty"], row["topics"]) == (
            meta["title"],
            meta["group"],
            meta["difficulty"],
            meta["topics"],
        ), slug


UNCLOSED = '[[stage]\ntitle = "x"\n'


def _toml_error(text: str) -> str:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return str(exc)
    raise AssertionError("the text was meant not to be TOML")


def _spoil(path: Path, fault: str) -> None:
    text = path.read_text()
    if fault == "unclosed":
        path.write_text(UNCLOSED)
    elif fault == "no kmeans":
        path.write_text(text.replace('"kmeans", ', "").replace(', "kmeans"', ""))
    elif fault == "extra field":
        path.write_text(text.replace("[[stage]]\n", '[[stage]]\nnotes = "x"\n', 1))
    elif fault == "deleted":
        path.unlink()
    else:
        path.write_text(re.sub(r"(?m)^difficulty = .*$", 'difficulty = "trivial"', text))


@pytest.mark.parametrize(
    ("fault", "file", "message"),
    [
        ("unclosed", "roadmap.toml", "not valid TOML: " + _toml_error(UNCLOSED)),
        ("no kmeans", "roadmap.toml", "missing (add each to the stage where it belongs): kmeans"),
        ("extra field", "roadmap.toml", "field 'stage.0.notes': Extra inputs are not permitted"),
        (
            "deleted",
            "roadmap.toml",
            "cannot be read: [Errno 2] No such file or directory: '{path}'",
        ),
        (
            "difficulty",
            "bank/pca/problem.toml",
            "field 'difficulty': Input should be 'easy', 'medium' or 'hard'",
        ),
    ],
)
def test_list_with_malformed_content_names_the_file_and_the_fault(tmp_path, fault, file, message):
    """A copy of the package with one file spoilt: one line naming it, exit 3 as for any
    malformed content (2 is for usage errors), and no traceback."""
    package = tmp_path / "mlprep"
    shutil.copytree(ROOT / "src" / "mlprep", package, ignore=shutil.ignore_patterns("__pycache__"))
    spoilt = package / "problems" / file
    _spoil(spoilt, fault)
    result = run_cli("list", env={"PYTHONPATH": str(tmp_path)})
    what = "roadmap" if file == "roadmap.toml" else "problem"
    expected = f"error: malformed {what}: {spoilt}: {message.format(path=spoilt)}\n"
    assert (result.returncode, result.stderr, result.stdout) == (3, expected, "")


def test_list_filters_by_difficulty_and_topic():
    rows = json.loads(run_cli("list", "--json", "--difficulty", "easy").stdout)
    assert rows and all(r["difficulty"] == "easy" for r in rows)
    rows = json.loads(run_cli("list", "--json", "--topic", "clustering").stdout)
    assert "kmeans" in [r["slug"] for r in rows]
    assert all(any("clustering" in t.lower() for t in r["topics"]) for r in rows)
    assert "softmax" not in [r["slug"] for r in rows]


def test_list_follows_the_roadmap_the_web_follows_in_json_and_table():
    roadmap = tomllib.loads((ROOT / "src/mlprep/problems/roadmap.toml").read_text())
    stages = {slug: stage["title"] for stage in roadmap["stage"] for slug in stage["problems"]}
    written = list(stages)  # every stage's problems in the file's order
    rows = json.loads(run_cli("list", "--json").stdout)
    assert [r["slug"] for r in rows] == written
    assert [r["position"] for r in rows] == list(range(1, len(written) + 1))
    assert [r["stage"] for r in rows] == [stages[slug] for slug in written]
    easy = {r["slug"] for r in rows if r["difficulty"] == "easy"}
    table = run_cli("list", "--difficulty", "easy", env={"COLUMNS": "250"}).stdout
    shown = re.findall(r"^│ (\d+) +│ (\w+) ", table, flags=re.M)
    assert shown == [(str(written.index(s) + 1), s) for s in written if s in easy]


def test_show_renders_the_statement():
    result = run_cli("show", "kmeans")
    assert result.returncode == 0
    assert "Lloyd" in result.stdout and "kmeans(X, init_centroids, max_iters=100)" in result.stdout


def test_start_writes_the_starter_and_keeps_existing_work(tmp_path):
    first = run_cli("start", "kmeans", "--dir", str(tmp_path))
    assert first.returncode == 0
    target = tmp_path / "kmeans.py"
    assert target.read_text() == KMEANS.starter
    target.write_text("# my work")
    again = run_cli("start", "kmeans", "--dir", str(tmp_path))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert target.read_text() == "# my work"


def test_run_shows_input_expected_actual_and_first_difference(isolated):
    result = run_cli("run", "kmeans", str(WRONG), env=isolated)
    assert result.returncode == 1
    for text in ("one_iteration", "input:", "expected:", "yours:", "labels at index (1,)"):
        assert text in result.stdout, result.stdout
    assert "hidden" not in result.stdout


def test_run_of_passing_samples_says_so_exits_0_and_solves_nothing(isolated):
    result = run_cli("run", "kmeans", str(REFERENCE), env=isolated)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"Samples passed  {len(KMEANS.meta.samples)}/4 tests passed")
    assert "Accepted" not in result.stdout
    rows = json.loads(run_cli("history", "--json", env=isolated).stdout)
    assert [(r["mode"], r["verdict"]) for r in rows] == [("run", "samples_passed")]
    listed = json.loads(run_cli("list", "--json", env=isolated).stdout)
    assert {r["slug"]: r["status"] for r in listed}["kmeans"] == "attempted"


def test_judge_json_contract_accepted(isolated):
    result = run_cli("judge", "kmeans", str(REFERENCE), "--json", env=isolated)
    assert result.returncode == 0
    verdict = json.loads(result.stdout)
    assert verdict["problem"] == "kmeans" and verdict["verdict"] == "accepted"
    assert verdict["passed"] == verdict["total"] == len(KMEANS.cases)


def test_judge_hides_hidden_test_data(isolated):
    result = run_cli("judge", "kmeans", str(WRONG), "--json", env=isolated)
    assert result.returncode == 1
    verdict = json.loads(result.stdout)
    assert verdict["verdict"] == "wrong_answer"
    hidden = [t for t in verdict["tests"] if not t["sample"]]
    assert hidden and all(
        set(t) <= {"index", "sample", "category", "status", "seconds", "message"} for t in hidden
    )
    assert all("message" not in t for t in hidden if t["status"] == "wrong_answer")


def test_judge_table_output(isolated):
    result = run_cli("judge", "kmeans", str(WRONG), env=isolated)
    assert result.returncode == 1
    assert "Wrong answer" in result.stdout and "hidden" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("judge", "no_such_problem", str(REFERENCE)), "unknown problem 'no_such_problem'"),
        (("judge", "kmeans", "/no/such/file.py"), "no such file: /no/such/file.py"),
        (("run", "kmeans"), "Missing argument"),
        (("show", "nope"), "unknown problem 'nope'"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_history_lists_submissions_newest_first(isolated):
    run_cli("judge", "kmeans", str(WRONG), "--json", env=isolated)
    run_cli("judge", "kmeans", str(REFERENCE), "--json", env=isolated)
    rows = json.loads(run_cli("history", "--json", env=isolated).stdout)
    assert [r["verdict"] for r in rows] == ["accepted", "wrong_answer"]
    assert rows[0]["id"] > rows[1]["id"]
    one = json.loads(
        run_cli("history", "--show", str(rows[0]["id"]), "--json", env=isolated).stdout
    )
    assert one["source"] == REFERENCE.read_text()
    assert len(one["tests"]) == len(KMEANS.cases)
    listed = json.loads(run_cli("list", "--json", env=isolated).stdout)
    assert {r["slug"]: r["status"] for r in listed}["kmeans"] == "solved"


def test_corrupt_database_is_a_clear_error_and_the_verdict_survives(isolated):
    data = Path(isolated["MLPREP_DATA_DIR"])
    data.mkdir(parents=True)
    (data / "mlprep.db").write_bytes(os.urandom(4096))
    judged = run_cli("judge", "kmeans", str(REFERENCE), "--json", env=isolated)
    assert judged.returncode == 0 and json.loads(judged.stdout)["verdict"] == "accepted"
    history = run_cli("history", env=isolated)
    assert history.returncode == 3
    assert "mlprep.db" in history.stderr and "Traceback" not in history.stderr


def test_unwritable_data_folder_warns_but_still_judges(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {"MLPREP_DATA_DIR": str(blocker / "data")}
    judged = run_cli("judge", "kmeans", str(REFERENCE), "--json", env=env)
    assert judged.returncode == 0 and json.loads(judged.stdout)["verdict"] == "accepted"
    assert "not saved to the history" in judged.stderr


def _fake_bwrap(folder: Path, script: str) -> dict[str, str]:
    folder.mkdir()
    fake = folder / "bwrap"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{folder}:/usr/bin:/bin"}


def test_missing_bubblewrap_refuses_with_the_fix(tmp_path):
    result = run_cli("judge", "kmeans", str(REFERENCE), env={"PATH": str(tmp_path)})
    assert result.returncode == 3
    assert "bubblewrap" in result.stderr and "apt-get install bubblewrap" in result.stderr
    assert "MLPREP_UNSAFE_NO_SANDBOX=1" in result.stderr


def test_bubblewrap_without_namespaces_refuses_with_its_reason(tmp_path):
    env = _fake_bwrap(
        tmp_path / "bin", 'echo "bwrap: setting up uid map: Permission denied" >&2; exit 1'
    )
    result = run_cli("judge", "kmeans", str(REFERENCE), env=env)
    assert result.returncode == 3
    assert "setting up uid map: Permission denied" in result.stderr
    assert "unprivileged_userns_clone" in result.stderr


def test_explicit_opt_out_runs_without_a_sandbox(tmp_path, isolated):
    env = {**_fake_bwrap(tmp_path / "bin", "exit 1"), "MLPREP_UNSAFE_NO_SANDBOX": "1", **isolated}
    result = run_cli("judge", "kmeans", str(REFERENCE), "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "accepted"
    assert "WITHOUT a sandbox" in result.stderr


def test_every_command_is_listed_where_it_lives():
    """The lazy command table names each module's commands, no more and no fewer."""
    import importlib

    from mlprep.cli import COMMAND_MODULES

    for module_name in set(COMMAND_MODULES.values()):
        module = importlib.import_module(f"mlprep.cli.{module_name}")
        listed = {name for name, where in COMMAND_MODULES.items() if where == module_name}
        assert {c.name for c in module.COMMANDS} == listed, module_name


def test_serve_says_when_its_port_is_taken():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port), timeout=30)
    assert result.returncode == 3
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "already serving" in result.stderr and "serving at" not in result.stdout


def test_the_sandbox_starts_before_any_heavy_import():
    """The entry point and everything `Worker.start()` needs import no NumPy, Click or pydantic.

    `mlprep judge` overlaps the sandbox's own NumPy import with this process's imports; a heavy
    import on the path to `Worker.start()` puts the whole sandbox start-up on the critical path.
    """
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["mlprep"]
    module = entry.split(":")[0]
    heavy = ("numpy", "click", "pydantic", "rich", "sqlalchemy", "annotated_types")
    code = (
        f"import sys, {module}, mlprep.judge.worker, mlprep.judge.seccomp\n"
        "mlprep.judge.seccomp.filter_program()\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


# --- help -----------------------------------------------------------------------------------

ROUNDS = {
    "Coding": ["list", "show", "start", "run", "judge", "hint", "editorial", "history"],
    "Breadth and domain knowledge": ["review", "domain"],
    "System design, deep dive and behavioral": ["design", "deep-dive", "behavioral"],
    "Mock loops, plan and progress": ["mock", "plan", "progress"],
    "Web app, team server and data": ["serve", "worker", "users", "db"],
    "Writing problems": ["new-problem", "check-problem"],
}


def first_sentence(command) -> str:
    """The command's help up to the end of its first sentence, on one line."""
    words = (command.help or "").split("\n\n")[0].split()
    text = " ".join(words)
    end = re.search(r"\.(\s+[^a-z\s]|$)", text)  # a period before a lowercase word goes on
    return text[: end.start() + 1] if end else text


def help_entries(text: str, heading: str) -> dict[str, str]:
    """The commands listed under ``heading:`` in a --help text, each with its joined help."""
    block = text.split(f"\n{heading}:\n", 1)[1].split("\n\n", 1)[0]
    entries: dict[str, str] = {}
    name = ""
    for line in block.splitlines():
        match = re.match(r"^  (\S+)\s+(.*)$", line)
        if match:
            name, rest = match.groups()
            entries[name] = rest
        else:
            entries[name] += " " + line.strip()
    return entries


def test_help_groups_every_command_by_round_with_its_whole_first_sentence():
    from mlprep.cli import cli

    result = run_cli("--help", env={"COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    listed = []
    for heading, names in ROUNDS.items():
        entries = help_entries(result.stdout, heading)
        assert list(entries) == names, heading
        for name, shown in entries.items():
            assert shown == first_sentence(cli.get_command(None, name)), name
        listed += names
    assert sorted(listed) == sorted(cli.list_commands(None)), "each command in one round"
    commands = result.stdout.split("\nCoding:\n", 1)[1]
    assert "..." not in commands
    lines = [line for line in commands.splitlines() if re.match(r"^  [a-z]", line)]
    starts = {line.index(line.split()[1]) for line in lines}
    assert len(starts) == 1, "every round's help starts in the same column"


@pytest.mark.parametrize("group", ["db", "users"])
def test_a_command_groups_help_is_not_cut_off(group):
    from mlprep.cli import cli

    result = run_cli(group, "--help", env={"COLUMNS": "100"})
    entries = help_entries(result.stdout, "Commands")
    command = cli.get_command(None, group)
    assert sorted(entries) == sorted(command.commands)
    for name, shown in entries.items():
        assert shown == first_sentence(command.commands[name]), name
