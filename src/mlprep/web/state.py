"""What the running app holds: settings, the problem bank, the store and the judge service."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request

from mlprep.coach.progress import CodingProgress, load_coding_progress, problem_status
from mlprep.judge.static import MAX_SOURCE_BYTES
from mlprep.problems import Problem
from mlprep.problems.roadmap import Step, in_roadmap_order
from mlprep.store import Store
from mlprep.web.auth import CurrentUser
from mlprep.web.guards import allowed_hosts
from mlprep.web.jobs import JudgeService

if TYPE_CHECKING:
    from mlprep.team.web import AccountCache

DEFAULT_BIND = "127.0.0.1"  # mlprep serve's default --host


def _default_hosts() -> tuple[str, ...]:
    return allowed_hosts(DEFAULT_BIND)


@dataclass(frozen=True)
class Settings:
    workers: int = 2
    max_source_bytes: int = MAX_SOURCE_BYTES
    queue_limit: int = 256
    # The Host names answered (DNS rebinding): `mlprep serve` passes those of its --host.
    allowed_hosts: tuple[str, ...] = field(default_factory=_default_hosts)
    team: bool = False  # a team server: logins, a session per request, judging on workers


@dataclass
class AppState:
    settings: Settings
    problems: dict[str, Problem]
    store: Store
    judge: JudgeService
    roadmap: dict[str, Step] = field(default_factory=dict)  # the recommended order
    accounts: AccountCache | None = None  # a team server's login checks (web.auth)

    def statuses(self) -> dict[str, str]:
        self.store.ingest_outbox()  # submissions judged from the command line meanwhile
        solved, attempted = self.store.solved_problems(), self.store.attempted_problems()
        return {slug: problem_status(slug, solved, attempted) for slug in self.problems}

    def problem_summaries(self, only: Problem | None = None) -> list[dict[str, Any]]:
        """Every problem (or ``only`` one) with the user's status and acceptance on it, in the
        roadmap's order: the problems page and ``/api/problems`` both list these rows."""
        statuses = self.statuses()
        judged = self.store.judged_counts()
        problems = [only] if only is not None else self.problems.values()
        rows = [self._summary(p, statuses, judged) for p in problems]
        return in_roadmap_order(rows, self.roadmap, lambda row: row["slug"])

    def _summary(
        self, problem: Problem, statuses: dict[str, str], judged: dict[str, tuple[int, int]]
    ) -> dict[str, Any]:
        meta = problem.meta
        step = self.roadmap.get(meta.slug)
        accepted, submitted = judged.get(meta.slug, (0, 0))
        return {
            "slug": meta.slug,
            "title": meta.title,
            "group": meta.group,
            "difficulty": meta.difficulty,
            "topics": meta.topics,
            "status": statuses.get(meta.slug, "new"),
            "position": step.position if step else 0,
            "stage": step.stage if step else "",
            "accepted_submissions": accepted,
            "judged_submissions": submitted,
        }

    def assignments(self) -> list[Any]:
        """The user's cohort assignments with their progress (a team server's only)."""
        if not self.settings.team:
            return []
        from mlprep.team.cohort_figures import learner_assignments

        return learner_assignments(self.store, datetime.now(UTC))

    def coding_progress(self) -> CodingProgress:
        return load_coding_progress(self.store, self.problems.values())


async def get_state(request: Request, user: CurrentUser) -> AppState:
    """The app's state for this request, its store bound to the current user: every route that
    reads or writes rows does so through it, so it sees the caller's rows only. Async though it
    awaits nothing: FastAPI runs a plain function dependency on a thread of its pool, a hop per
    request for a few attribute reads."""
    state: AppState = request.app.state.mlprep
    if user.id == state.store.user_id:
        return state
    return dataclasses.replace(state, store=state.store.for_user(user.id))


State = Annotated[AppState, Depends(get_state)]  # what a route takes to act for its caller


def problem_or_404(state: AppState, slug: str) -> Problem:
    problem = state.problems.get(slug)
    if problem is None:
        raise HTTPException(404, f"unknown problem '{slug}'")
    return problem


def problem_limits(problem: Problem) -> dict[str, Any]:
    """The limits and test counts a problem page shows."""
    samples = len(problem.meta.samples)
    return {
        "time_limit_seconds": problem.meta.time_limit,
        "memory_limit_mb": problem.meta.memory_limit_mb,
        "sample_tests": samples,
        "hidden_tests": len(problem.cases) - samples,
    }
