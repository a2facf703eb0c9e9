import sys
import time

from mlprep.judge.runner import judge
from mlprep.judge.worker import Worker
from mlprep.problems import load_problem

p = load_problem(sys.argv[1])
w = Worker()
files = [p.folder / "reference.py"] + p.wrong_solutions
for f in files:
    t = time.perf_counter()
    r = judge(p, f.read_bytes(), worker=w)
    print(
        f.name,
        r.verdict,
        r.passed,
        r.total,
        round(time.perf_counter() - t, 3),
        next((t.message for t in r.tests if not t.passed), r.message)[:150],
    )
w.destroy()
