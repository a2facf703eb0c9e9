"""What the commands share: exit codes, errors, problem lookup and the Rich consoles."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from mlprep.problems import Problem

EXIT_OK, EXIT_NOT_ACCEPTED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3
WORKSPACE_SHOWN = "mlprep-workspace, or $MLPREP_WORKSPACE"


def default_workspace() -> str:
    """Where starter files go: ``$MLPREP_WORKSPACE``, else ``./mlprep-workspace``."""
    return os.environ.get("MLPREP_WORKSPACE", "mlprep-workspace")


class CliError(Exception):
    """A problem the user can fix, shown as one line without a traceback."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def get_problem(slug: str) -> Problem:
    from mlprep.problems import ProblemError, UnknownProblem, load_problem

    try:
        return load_problem(slug)
    except UnknownProblem as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except ProblemError as exc:
        raise CliError(f"malformed problem: {exc}", EXIT_ENVIRONMENT) from None


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)
