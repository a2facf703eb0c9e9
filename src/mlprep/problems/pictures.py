"""Pictures of a candidate's output on a problem's toy data, drawn with Matplotlib.

A problem declares ``[plot] kind = "..."`` and ``case = "<a sample case>"`` in ``problem.toml``.
The judge runs the samples in the sandbox as usual; the picture is then drawn here, outside it,
from the plain arrays the candidate's function returned for that case. When a sample fails, that
sample is drawn instead, with the expected result (the reference's, computed outside the sandbox
like every expected value) overlaid in green dashes or rings. Every kind draws on a 640x480
canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

if TYPE_CHECKING:
    from mlprep.judge.report import Report
    from mlprep.problems.cases import Case
    from mlprep.problems.loader import Problem

SIZE_INCHES, DPI = (6.4, 4.8), 100  # 640 x 480 pixels
EXPECTED = "#1a7f37"  # the expected result: green, dashed or hollow, over the candidate's

Drawer = Callable[[Any, Sequence[Any], Sequence[Any], Sequence[Any] | None], None]


@dataclass(frozen=True)
class PictureSource:
    """What one picture shows: a case's inputs, the candidate's outputs on it, and the expected
    outputs when they differ (None: nothing to overlay)."""

    case: str
    args: tuple[Any, ...]
    outputs: tuple[Any, ...]
    expected: tuple[Any, ...] | None = None


def picture_source(problem: Problem, report: Report, cases: Sequence[Case]) -> PictureSource | None:
    """The first failing sample the candidate returned something on, with the expected result,
    else the problem's own picture case (or the user's own input, on a custom run); None when
    the problem has no picture or nothing came back. ``cases`` are the report's tests' cases."""
    if problem.meta.plot is None:
        return None
    for test in report.tests:
        outputs = report.sample_outputs.get(test.index)
        if test.sample and test.status == "wrong_answer" and outputs is not None:
            case = cases[test.index]
            return PictureSource(case.name, case.args, outputs, report.sample_expected[test.index])
    for test in report.tests:
        case = cases[test.index]
        if test.sample and (case.name == problem.meta.plot.case or report.mode == "custom"):
            outputs = report.sample_outputs.get(test.index)
            return None if outputs is None else PictureSource(case.name, case.args, outputs)
    return None


def draw_source(problem: Problem, source: PictureSource, target: Path | BinaryIO) -> None:
    """Draw the problem's picture of ``source``; :class:`PictureError` when it cannot be."""
    if problem.meta.plot is None:
        raise PictureError(f"problem '{problem.slug}' has no picture")
    title = f"{problem.meta.title}: {source.case}"
    try:
        draw(problem.meta.plot.kind, title, source.args, source.outputs, target, source.expected)
    except OSError:
        raise
    except Exception as exc:  # the candidate's arrays may not fit the picture: say so, no trace
        raise PictureError(f"cannot draw your output on '{source.case}': {exc}") from None


class PictureError(Exception):
    """No picture can be drawn: the problem has none, or the candidate's output does not fit."""


def draw(
    kind: str,
    title: str,
    args: Sequence[Any],
    outputs: Sequence[Any],
    target: Path | BinaryIO,
    expected: Sequence[Any] | None = None,
) -> None:
    """Draw ``kind`` for one case (``args``, the candidate's ``outputs``, the ``expected`` ones
    to overlay if given) as a PNG into ``target``.

    Uses a bare ``Figure`` rather than pyplot, whose global state is not safe across the web
    server's judge threads.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
    axes = figure.subplots()
    DRAWERS[kind](axes, args, outputs, expected)
    axes.set_title(title, fontsize=11 if len(title) > 60 else 12)
    figure.tight_layout()
    figure.savefig(target, dpi=DPI, format="png")


def _arrays(outputs: Sequence[Any], kind: str) -> list[np.ndarray]:
    wanted = "iu" if kind == "int" else "f"
    return [o for o in outputs if isinstance(o, np.ndarray) and o.dtype.kind in wanted]


def _clusters(axes, args, outputs, expected=None) -> None:
    """Points coloured by the candidate's labels (grey when it returns centroids only); with
    ``expected``, its centroids as green rings and the points labelled otherwise ringed."""
    X = np.asarray(args[0], dtype=float)
    ys = X[:, 1] if X.shape[1] > 1 else np.zeros(len(X))
    found = _arrays(outputs, "int")
    labels = found[0] if found else np.full(len(X), -1)
    noise = labels < 0  # DBSCAN's -1, or no labels returned at all
    axes.scatter(X[~noise, 0], ys[~noise], c=labels[~noise], cmap="tab10", s=18)
    if noise.any():
        axes.scatter(X[noise, 0], ys[noise], c="silver", s=18, label="noise / unlabelled")
        axes.legend(loc="best")
    for centroids in (a for a in _arrays(outputs, "float") if a.ndim == 2):
        axes.scatter(
            centroids[:, 0],
            centroids[:, 1] if centroids.shape[1] > 1 else 0,
            marker="X",
            s=160,
            c="black",
            label="your centroids",
        )
        axes.legend(loc="best")
    if expected is not None:
        _expected_clusters(axes, X, ys, labels, expected)


def _expected_clusters(axes, X, ys, labels, expected) -> None:
    wanted = _arrays(expected, "int")
    if wanted and wanted[0].shape == labels.shape:
        wrong = wanted[0] != labels
        _ring(axes, X[wrong, 0], ys[wrong], f"label differs from expected ({wrong.sum()})")
    for centroids in (a for a in _arrays(expected, "float") if a.ndim == 2):
        second = centroids[:, 1] if centroids.shape[1] > 1 else np.zeros(len(centroids))
        _ring(axes, centroids[:, 0], second, "expected centroids", size=260)
    axes.legend(loc="best")


def _ring(axes, xs, ys, label: str | None, size: float = 90) -> None:
    """Hollow green circles: where the expected result puts something, or disagrees."""
    axes.scatter(xs, ys, s=size, facecolors="none", edgecolors=EXPECTED, linewidths=2, label=label)


def _classification_2d(axes, args, outputs, expected=None) -> None:
    X_train, y_train, X_test = (np.asarray(a) for a in args[:3])
    predicted = _arrays(outputs, "int")[0]
    axes.scatter(
        X_train[:, 0],
        X_train[:, 1],
        c=y_train,
        cmap="tab10",
        s=14,
        alpha=0.35,
        label="training points",
    )
    axes.scatter(
        X_test[:, 0],
        X_test[:, 1],
        c=predicted,
        cmap="tab10",
        s=40,
        marker="s",
        edgecolors="black",
        label="your predictions",
    )
    wanted = _arrays(expected or (), "int")
    if wanted and wanted[0].shape == predicted.shape:
        wrong = wanted[0] != predicted
        _ring(axes, X_test[wrong, 0], X_test[wrong, 1], f"expected another class ({wrong.sum()})")
    axes.legend(loc="best")


def _line_fit(axes, args, outputs, expected=None) -> None:
    X, y = np.asarray(args[0], dtype=float), np.asarray(args[1], dtype=float)
    w, b = np.ravel(outputs[0]), float(outputs[1])
    axes.scatter(X[:, 0], y, s=14, label="data")
    xs = np.linspace(X[:, 0].min(), X[:, 0].max(), 100)
    axes.plot(xs, w[0] * xs + b, color="crimson", label=f"your fit: y = {w[0]:.3g} x + {b:.3g}")
    if expected is not None:
        w0, b0 = np.ravel(expected[0])[0], float(expected[1])
        label = f"expected: y = {w0:.3g} x + {b0:.3g}"
        axes.plot(xs, w0 * xs + b0, color=EXPECTED, linestyle="--", linewidth=2, label=label)
    axes.legend(loc="best")


def _linear_boundary(axes, args, outputs, expected=None) -> None:
    X, y = np.asarray(args[0], dtype=float), np.asarray(args[1])
    axes.scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", s=18, edgecolors="black")
    xs = np.linspace(X[:, 0].min(), X[:, 0].max(), 100)
    lines = [(outputs, {"color": "black", "label": "your boundary: w.x + b = 0"})]
    if expected is not None:
        style = {"color": EXPECTED, "linestyle": "--", "linewidth": 2, "label": "expected boundary"}
        lines.append((expected, style))
    for values, style in lines:
        w, b = np.ravel(values[0]), float(values[1])
        if abs(w[1]) > 1e-12:
            axes.plot(xs, -(w[0] * xs + b) / w[1], **style)
            axes.set_ylim(X[:, 1].min() - 1, X[:, 1].max() + 1)
            axes.legend(loc="best")


def _projection(axes, args, outputs, expected=None) -> None:
    X = np.asarray(args[0], dtype=float)
    projected = _projected(X, outputs[0])
    axes.scatter(projected[:, 0], projected[:, 1], s=14, label="your projection")
    if expected is not None:
        wanted = _projected(X, expected[0])
        _ring(axes, wanted[:, 0], wanted[:, 1], "expected projection", size=40)
        axes.legend(loc="best")
    axes.set_xlabel("component 1")
    axes.set_ylabel("component 2" if np.atleast_2d(outputs[0]).shape[0] > 1 else "")


def _projected(X: np.ndarray, components: Any) -> np.ndarray:
    """The centred points on the first two components (zeros for a missing second one)."""
    projected = (X - X.mean(axis=0)) @ np.atleast_2d(components).T
    second = projected[:, 1] if projected.shape[1] > 1 else np.zeros(len(X))
    return np.column_stack([projected[:, 0], second])


def _roc_curve(axes, args, outputs, expected=None) -> None:
    """The curve comes from the inputs; the area in the legend is the candidate's answer."""
    y_true, y_score = np.asarray(args[0]), np.asarray(args[1], dtype=float)
    order = np.argsort(-y_score, kind="stable")
    tp = np.concatenate([[0], np.cumsum(y_true[order] == 1)])
    fp = np.concatenate([[0], np.cumsum(y_true[order] == 0)])
    axes.plot(fp / max(fp[-1], 1), tp / max(tp[-1], 1), label=f"your AUC = {float(outputs[0]):.4f}")
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey")
    if expected is not None:
        axes.plot([], [], color=EXPECTED, label=f"expected AUC = {float(expected[0]):.4f}")
    axes.set_xlabel("false positive rate")
    axes.set_ylabel("true positive rate")
    axes.legend(loc="lower right")


def _bars(axes, args, outputs, expected=None) -> None:
    values = np.ravel(np.asarray(outputs[0], dtype=float))
    axes.bar(np.arange(len(values)), values, label="your output")
    if expected is not None:
        wanted = np.ravel(np.asarray(expected[0], dtype=float))
        axes.scatter(
            np.arange(len(wanted)),
            wanted,
            marker="_",
            s=500,
            linewidths=3,
            color=EXPECTED,
            label="expected",
        )
        axes.legend(loc="best")
    axes.set_xlabel("index")
    axes.set_ylabel("your output")


def _heatmap(axes, args, outputs, expected=None) -> None:
    """The candidate's matrix; with ``expected``, each cell that differs framed in green."""
    values = _as_matrix(outputs[0])
    image = axes.imshow(values, cmap="viridis", aspect="auto")
    axes.figure.colorbar(image, ax=axes)
    wanted = None if expected is None else _as_matrix(expected[0])
    if wanted is None or wanted.shape != values.shape:
        return
    from matplotlib.patches import Rectangle

    wrong = np.argwhere(~np.isclose(values, wanted, rtol=1e-5, atol=1e-8))
    for row, column in wrong[:400]:  # enough to see the pattern; more only blurs
        axes.add_patch(
            Rectangle((column - 0.5, row - 0.5), 1, 1, fill=False, edgecolor=EXPECTED, linewidth=2)
        )
    axes.plot([], [], color=EXPECTED, linewidth=2, label=f"differs from expected ({len(wrong)})")
    axes.legend(loc="upper right", fontsize=8)


def _as_matrix(value: Any) -> np.ndarray:
    values = np.asarray(value, dtype=float)
    return values.reshape(-1, values.shape[-1]) if values.ndim != 2 else values


def _boxes(axes, args, outputs, expected=None) -> None:
    """The input boxes [x1, y1, x2, y2] in grey, the ones the candidate kept outlined in colour.

    Image convention: y grows downwards. When the second argument is one score per box, each
    box is labelled with its score; kept boxes are also labelled with their rank in the output.
    """
    from matplotlib.patches import Rectangle

    boxes = np.asarray(args[0], dtype=float).reshape(-1, 4)
    scores = np.asarray(args[1], dtype=float) if len(args) > 1 else None
    if scores is not None and scores.shape != (len(boxes),):
        scores = None
    found = _arrays(outputs, "int")
    kept = np.ravel(found[0]) if found else np.array([], dtype=int)
    if kept.size and (kept.min() < 0 or kept.max() >= len(boxes)):
        raise ValueError(f"kept indices must lie in [0, {len(boxes)})")
    for i, (x1, y1, x2, y2) in enumerate(boxes):
        axes.add_patch(
            Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, edgecolor="grey", linestyle="--")
        )
        if scores is not None:
            axes.annotate(f"{scores[i]:.2f}", (x1, y1), color="grey", fontsize=7)
    for rank, i in enumerate(kept):
        x1, y1, x2, y2 = boxes[i]
        colour = f"C{rank % 10}"
        axes.add_patch(
            Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, edgecolor=colour, linewidth=2.5)
        )
        axes.annotate(
            f"#{rank}: box {i}", (x1, y2), color=colour, fontsize=8, va="top", weight="bold"
        )
    wanted = _arrays(expected or (), "int")
    for i in np.ravel(wanted[0]) if wanted else ():
        if 0 <= i < len(boxes):
            x1, y1, x2, y2 = boxes[i]
            axes.add_patch(
                Rectangle(
                    (x1, y1),
                    x2 - x1,
                    y2 - y1,
                    fill=False,
                    edgecolor=EXPECTED,
                    linewidth=2,
                    linestyle="--",
                )
            )
    if wanted:
        axes.plot([], [], color=EXPECTED, linestyle="--", label="expected kept boxes")
    low, high = boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)
    margin = 0.05 * np.maximum(high - low, 1e-9)
    axes.set_xlim(low[0] - margin[0], high[0] + margin[0])
    axes.set_ylim(high[1] + margin[1], low[1] - margin[1])  # y grows downwards, as in images
    axes.set_aspect("equal", adjustable="box")
    axes.plot([], [], color="grey", linestyle="--", label="input boxes")
    axes.plot([], [], color="C0", linewidth=2.5, label=f"your kept boxes ({len(kept)})")
    axes.legend(loc="best")


def _rotation(axes, args, outputs, expected=None) -> None:
    """Each interleaved pair (x[i, 2j], x[i, 2j + 1]) of the input as a 2-D vector from the
    origin: grey before, coloured by pair after the candidate's rotation, labelled with its row
    (the position). At most the first 6 pairs and 24 rows are drawn."""
    x = np.asarray(args[0], dtype=float)
    y = np.asarray(outputs[0], dtype=float)
    if x.ndim != 2 or x.shape[1] % 2 or y.shape != x.shape:
        raise ValueError(f"expected an output of shape {x.shape}, got {y.shape}")
    rows, pairs = min(len(x), 24), min(x.shape[1] // 2, 6)
    for j in range(pairs):
        colour = f"C{j % 10}"
        before, after = x[:rows, 2 * j : 2 * j + 2], y[:rows, 2 * j : 2 * j + 2]
        for i in range(rows):
            axes.plot([0, before[i, 0]], [0, before[i, 1]], color="silver", linewidth=1)
            axes.plot([0, after[i, 0]], [0, after[i, 1]], color=colour, linewidth=1.5)
            axes.annotate(str(i), after[i], color=colour, fontsize=7)
        axes.scatter(before[:, 0], before[:, 1], facecolors="none", edgecolors="grey", s=24)
        axes.scatter(after[:, 0], after[:, 1], color=colour, s=24, label=f"pair {j} rotated")
        if expected is not None:
            wanted = np.asarray(expected[0], dtype=float)[:rows, 2 * j : 2 * j + 2]
            _ring(axes, wanted[:, 0], wanted[:, 1], "expected" if j == 0 else None, size=60)
    axes.scatter([], [], facecolors="none", edgecolors="grey", s=24, label="input pairs")
    axes.axhline(0, color="lightgrey", linewidth=0.8)
    axes.axvline(0, color="lightgrey", linewidth=0.8)
    axes.set_aspect("equal", adjustable="datalim")
    axes.set_xlabel("x[i, 2j]")
    axes.set_ylabel("x[i, 2j + 1]")
    axes.legend(loc="best", fontsize=8)


def _token_path(axes, args, outputs, expected=None) -> None:
    """The candidate's token sequence as a path over the (step, token) lattice of a decoding
    problem (args: first-token scores (V,), transition scores (V, V), ...). Behind it, for each
    step and token, how far the best prefix ending there falls short of the best prefix of that
    step (0 = the best of the step), computed from the inputs."""
    start = np.ravel(np.asarray(args[0], dtype=float))
    trans = np.asarray(args[1], dtype=float)
    tokens = np.ravel(_arrays(outputs, "int")[0])
    V = len(start)
    if trans.shape != (V, V) or tokens.size == 0 or tokens.min() < 0 or tokens.max() >= V:
        raise ValueError(f"expected tokens in [0, {V})")
    best = [start]
    for _ in range(len(tokens) - 1):
        best.append((best[-1][:, None] + trans).max(axis=0))
    gaps = np.array([row - row.max() for row in best]).T  # (V, length)
    steps = np.arange(1, len(tokens) + 1)
    extent = (0.5, len(tokens) + 0.5, -0.5, V - 0.5)
    image = axes.imshow(gaps, cmap="viridis", aspect="auto", origin="lower", extent=extent)
    axes.figure.colorbar(image, ax=axes, label="best prefix ending here, minus the step's best")
    score = next((float(o) for o in outputs[1:] if _is_number(o)), None)
    label = "your tokens" if score is None else f"your tokens (score {score:.4g})"
    axes.plot(
        steps, tokens, color="white", linewidth=2, marker="o", markeredgecolor="black", label=label
    )
    wanted = _arrays(expected or (), "int")
    if wanted:
        axes.plot(
            steps[: wanted[0].size],
            np.ravel(wanted[0])[: len(steps)],
            color=EXPECTED,
            linewidth=2,
            linestyle="--",
            marker="o",
            label="expected tokens",
        )
    axes.set_xlabel("step")
    axes.set_ylabel("token")
    axes.set_xticks(steps if len(steps) <= 20 else steps[:: len(steps) // 10])
    axes.legend(loc="upper right", fontsize=8)


def _is_number(value: Any) -> bool:
    """A real number: a Python or NumPy scalar, or a 0-d numeric array (not a bool)."""
    if isinstance(value, bool | np.bool_):
        return False
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and value.dtype.kind in "iuf"
    return isinstance(value, int | float | np.integer | np.floating)


DRAWERS: dict[str, Drawer] = {
    "clusters": _clusters,
    "classification_2d": _classification_2d,
    "line_fit": _line_fit,
    "linear_boundary": _linear_boundary,
    "projection": _projection,
    "roc_curve": _roc_curve,
    "bars": _bars,
    "heatmap": _heatmap,
    "boxes": _boxes,
    "rotation": _rotation,
    "token_path": _token_path,
}
