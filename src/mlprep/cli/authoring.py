"""``mlprep new-problem`` and ``mlprep check-problem``: write a problem and prove its tests."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mlprep.cli.common import EXIT_ENVIRONMENT, EXIT_NOT_ACCEPTED, CliError, console
from mlprep.problems.schema import GROUPS

BANK_OPTION = click.option(
    "--bank",
    type=click.Path(file_okay=False, path_type=Path),
    help="The problem bank folder (default: the one shipped with mlprep).",
)


@click.command(name="new-problem")
@click.argument("slug")
@click.option("--title", help="The problem's title (default: from the slug).")
@click.option(
    "--group",
    type=click.Choice(GROUPS),
    default="algorithms",
    show_default=True,
)
@click.option(
    "--difficulty", type=click.Choice(["easy", "medium", "hard"]), default="easy", show_default=True
)
@BANK_OPTION
def new_problem(
    slug: str, title: str | None, group: str, difficulty: str, bank: Path | None
) -> None:
    """Scaffold a new problem folder: a small working example to edit into your problem."""
    import re

    from mlprep.problems import bank_dir
    from mlprep.problems.schema import SLUG_PATTERN

    if not re.match(SLUG_PATTERN, slug):
        raise CliError(f"'{slug}' is not a slug: use 2-48 lowercase letters, digits and '_'")
    target = (bank or bank_dir()) / slug
    if target.exists():
        raise CliError(f"{target} already exists")
    values = {
        "slug": slug,
        "title": title or slug.replace("_", " ").capitalize(),
        "group": group,
        "difficulty": difficulty,
    }
    template = Path(__file__).parents[1] / "problems" / "template"
    try:
        for source in sorted(template.rglob("*.tmpl")):
            text = source.read_text(encoding="utf-8")
            for key, value in values.items():
                text = text.replace("{{" + key + "}}", value)
            destination = target / source.relative_to(template).with_suffix("")
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror}", EXIT_ENVIRONMENT) from None
    click.echo(f"Created {target}")
    click.echo(
        f"Edit its files, then: mlprep check-problem {slug}" + (f" --bank {bank}" if bank else "")
    )


@click.command(name="check-problem")
@click.argument("slugs", nargs=-1)
@click.option("--all", "check_all", is_flag=True, help="Check every problem in the bank.")
@BANK_OPTION
def check_problem(slugs: tuple[str, ...], check_all: bool, bank: Path | None) -> None:
    """Validate problems and prove their hidden tests reject every kept wrong solution."""
    from mlprep.judge.proof import Proof, kill_rate, prove
    from mlprep.judge.sandbox import SandboxUnavailable
    from mlprep.judge.worker import Worker
    from mlprep.problems import ProblemError, UnknownProblem, bank_dir, load_problem
    from mlprep.problems.loader import problem_slugs

    if check_all:
        slugs = tuple(problem_slugs(bank or bank_dir()))
    if not slugs:
        raise CliError("name one or more problems, or pass --all")
    proofs: list[Proof] = []
    worker = Worker()
    try:
        for slug in slugs:
            try:
                proofs.append(prove(load_problem(slug, bank=bank), worker))
            except UnknownProblem as exc:
                raise CliError(str(exc)) from None
            except ProblemError as exc:
                proofs.append(Proof(slug, problems=[str(exc)]))
    except SandboxUnavailable as exc:
        raise CliError(f"cannot judge: {exc}", EXIT_ENVIRONMENT) from None
    finally:
        worker.destroy()
    _print_proofs(proofs)
    killed, total = kill_rate(proofs)
    rate = f"{100 * killed / total:.0f}%" if total else "n/a"
    console().print(
        f"\nKill rate: {killed}/{total} wrong solutions rejected by hidden tests ({rate})"
    )
    sys.exit(0 if all(p.ok for p in proofs) else EXIT_NOT_ACCEPTED)


def _print_proofs(proofs) -> None:
    from rich.table import Table

    table = Table("problem", "result", "wrong solutions caught by hidden tests")
    for proof in proofs:
        caught = sum(w.caught for w in proof.wrong)
        table.add_row(
            proof.slug,
            "[green]ok[/]" if proof.ok else "[red]fails[/]",
            f"{caught}/{len(proof.wrong)}",
        )
    out = console()
    out.print(table)
    for proof in proofs:  # below the table, unwrapped, so paths and names stay whole
        found = proof.problems + [
            f"not caught by hidden tests: {w.name} ({w.verdict})"
            for w in proof.wrong
            if not w.caught
        ]
        for problem in found:
            out.print(f"[red]{proof.slug}[/]: {problem}", soft_wrap=True)


COMMANDS = [new_problem, check_problem]
