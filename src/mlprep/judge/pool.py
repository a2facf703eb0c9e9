"""A pool of warm workers for judging many submissions in one process (the web server's path)."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from contextlib import contextmanager

from mlprep.judge.report import Report
from mlprep.judge.runner import Progress, judge
from mlprep.judge.worker import Worker
from mlprep.problems import Problem
from mlprep.problems.testset import TestSet


class WorkerPool:
    """``size`` sandboxes, each used by one submission at a time; callers block for a free one."""

    def __init__(self, size: int = 2) -> None:
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._workers = [Worker() for _ in range(size)]
        for worker in self._workers:
            worker.start()  # warm up now, not on the first submission
            self._idle.put(worker)

    @contextmanager
    def worker(self) -> Iterator[Worker]:
        worker = self._idle.get()
        try:
            yield worker
        finally:
            self._idle.put(worker)

    def judge(
        self,
        problem: Problem,
        data: bytes,
        mode: str = "judge",
        on_progress: Progress | None = None,
        custom: TestSet | None = None,
    ) -> Report:
        with self.worker() as worker:
            return judge(problem, data, mode, worker, on_progress, custom)

    def close(self) -> None:
        for worker in self._workers:
            worker.destroy()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
