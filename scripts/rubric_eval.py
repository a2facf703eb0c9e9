"""Precision and recall of the rubric matcher on the hand-labelled pairs, before and after.

    .venv/bin/python scripts/rubric_eval.py            # the table docs/rounds.md quotes
    .venv/bin/python scripts/rubric_eval.py --wrong    # also every pair the new matcher gets wrong

"Before" is the matcher as it was until issue 12 (scripts/rubric_before.py, a frozen copy);
"after" is mlprep.rubric. Both run on the same pairs (tests/data/rubric/*.toml) in this one run.
A pair is positive when the labeller says the answer covers the point; precision is the share of
the points the matcher ticks that are really covered, recall the share of covered points it ticks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELLED = HERE.parent / "tests" / "data" / "rubric"
sys.path.insert(0, str(HERE))

import rubric_before  # noqa: E402

from mlprep.rubric import labelled, match  # noqa: E402

MATCHERS = {"before": rubric_before.match, "after": match}


def measure(folder: Path = LABELLED) -> tuple[list[labelled.Pair], dict[str, labelled.Scores]]:
    pairs = labelled.load(folder)
    return pairs, {name: labelled.evaluate(pairs, m) for name, m in MATCHERS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=LABELLED)
    parser.add_argument("--wrong", action="store_true", help="list the new matcher's mistakes")
    args = parser.parse_args(argv)
    pairs, scores = measure(args.folder)
    covered = sum(p.covered for p in pairs)
    points = len({p.source for p in pairs})
    print(
        f"{len(pairs)} labelled pairs on {points} rubric points: {covered} covered, "
        f"{len(pairs) - covered} not"
    )
    print(
        f"{'matcher':8} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4} "
        f"{'TN':>4}"
    )
    for name, s in scores.items():
        print(
            f"{name:8} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:4} {s.fp:4} "
            f"{s.fn:4} {s.tn:4}"
        )
    print("\nright per kind of pair (before -> after):")
    for kind in labelled.KINDS:
        old, new = scores["before"].by_kind.get(kind), scores["after"].by_kind.get(kind)
        if old and new:
            print(f"  {kind:13} {old[0]:3}/{old[1]:<3} -> {new[0]:3}/{new[1]}")
    if args.wrong:
        print("\nthe new matcher's mistakes (label, kind, point | answer):")
        for pair in scores["after"].wrong:
            label = "missed" if pair.covered else "false tick"
            print(f"- {label} ({pair.kind}) {pair.source}: {pair.point}\n    | {pair.answer}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
