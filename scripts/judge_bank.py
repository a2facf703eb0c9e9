"""Judge each problem's reference and wrong solutions in the real sandbox, and sum up.

    .venv/bin/python scripts/judge_bank.py [SLUG ...]     (default: every problem)

For authors: the reference must be accepted, every wrong solution rejected by at least one hidden
test. Prints one line per solution and the kill rate over all wrong solutions.
"""

from __future__ import annotations

import sys

from mlprep.judge.runner import judge
from mlprep.judge.worker import Worker
from mlprep.problems import list_problems, load_problem


def main(slugs: list[str]) -> int:
    problems = [load_problem(s) for s in slugs] if slugs else list_problems()
    worker = Worker()
    killed = total = failures = 0
    try:
        for problem in problems:
            print(f"== {problem.slug}")
            reference = judge(
                problem, (problem.folder / "reference.py").read_bytes(), worker=worker
            )
            print(f"  reference.py: {reference.verdict} {reference.passed}/{reference.total}")
            failures += not reference.accepted
            for path in problem.wrong_solutions:
                report = judge(problem, path.read_bytes(), worker=worker)
                hidden = sum(not t.sample and not t.passed for t in report.tests)
                first = next((t.message for t in report.tests if not t.passed), report.message)
                caught = not report.accepted and hidden > 0
                killed += caught
                total += 1
                mark = "caught" if caught else "NOT CAUGHT BY HIDDEN TESTS"
                print(f"  {path.name}: {report.verdict}, {hidden} hidden failing, {mark}")
                print(f"      {first.splitlines()[-1][:110] if first else ''}")
    finally:
        worker.destroy()
    print(f"\nkill rate: {killed}/{total} wrong solutions rejected by hidden tests")
    return 0 if killed == total and not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
