"""Pictures of a candidate's output on a problem's toy data, drawn with Matplotlib.

A problem declares ``[plot] kind = "..."`` and ``case = "<a sample case>"`` in ``problem.toml``.
The judge runs the samples in the sandbox as usual; the picture is then drawn here, outside it,
from the plain arrays the candidate's function returned for that case. Every kind draws on a
640x480 canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

if TYPE_CHECKING:
    from mlprep.problems.loader import Problem

SIZE_INCHES, DPI = (6.4, 4.8), 100  # 640 x 480 pixels

Drawer = Callable[[Any, Sequence[Any], Sequence[Any]], None]


class PictureError(Exception):
    """No picture can be drawn: the problem has none, or the candidate's output does not fit."""


def draw_sample(
    problem: Problem, sample_outputs: Mapping[int, Sequence[Any]], target: Path | BinaryIO
) -> None:
    """Draw the problem's picture from what the candidate returned on its picture's sample."""
    plot = problem.meta.plot
    if plot is None:
        raise PictureError(f"problem '{problem.slug}' has no picture")
    index = problem.meta.samples.index(plot.case)
    outputs = sample_outputs.get(index)
    if outputs is None:
        raise PictureError(f"your function returned nothing usable on '{plot.case}'")
    title = f"{problem.meta.title}: {plot.case}"
    try:
        draw(plot.kind, title, problem.cases[index].args, outputs, target)
    except OSError:
        raise
    except Exception as exc:  # the candidate's arrays may not fit the picture: say so, no trace
        raise PictureError(f"cannot draw your output on '{plot.case}': {exc}") from None


def draw(
    kind: str, title: str, args: Sequence[Any], outputs: Sequence[Any], target: Path | BinaryIO
) -> None:
    """Draw ``kind`` for one case (``args``, the candidate's ``outputs``) as a PNG into ``target``.

    Uses a bare ``Figure`` rather than pyplot, whose global state is not safe across the web
    server's judge threads.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
    axes = figure.subplots()
    DRAWERS[kind](axes, args, outputs)
    axes.set_title(title)
    figure.tight_layout()
    figure.savefig(target, dpi=DPI, format="png")


def _arrays(outputs: Sequence[Any], kind: str) -> list[np.ndarray]:
    wanted = "iu" if kind == "int" else "f"
    return [o for o in outputs if isinstance(o, np.ndarray) and o.dtype.kind in wanted]


def _clusters(axes, args, outputs) -> None:
    """Points coloured by the candidate's labels (grey when it returns centroids only)."""
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


def _classification_2d(axes, args, outputs) -> None:
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
    axes.legend(loc="best")


def _line_fit(axes, args, outputs) -> None:
    X, y = np.asarray(args[0], dtype=float), np.asarray(args[1], dtype=float)
    w, b = np.ravel(outputs[0]), float(outputs[1])
    axes.scatter(X[:, 0], y, s=14, label="data")
    xs = np.linspace(X[:, 0].min(), X[:, 0].max(), 100)
    axes.plot(xs, w[0] * xs + b, color="crimson", label=f"your fit: y = {w[0]:.3g} x + {b:.3g}")
    axes.legend(loc="best")


def _linear_boundary(axes, args, outputs) -> None:
    X, y = np.asarray(args[0], dtype=float), np.asarray(args[1])
    w, b = np.ravel(outputs[0]), float(outputs[1])
    axes.scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", s=18, edgecolors="black")
    xs = np.linspace(X[:, 0].min(), X[:, 0].max(), 100)
    if abs(w[1]) > 1e-12:
        axes.plot(xs, -(w[0] * xs + b) / w[1], color="black", label="your boundary: w.x + b = 0")
        axes.set_ylim(X[:, 1].min() - 1, X[:, 1].max() + 1)
        axes.legend(loc="best")


def _projection(axes, args, outputs) -> None:
    X = np.asarray(args[0], dtype=float)
    components = np.atleast_2d(outputs[0])
    projected = (X - X.mean(axis=0)) @ components.T
    second = projected[:, 1] if projected.shape[1] > 1 else np.zeros(len(X))
    axes.scatter(projected[:, 0], second, s=14)
    axes.set_xlabel("your component 1")
    axes.set_ylabel("your component 2" if projected.shape[1] > 1 else "")


def _roc_curve(axes, args, outputs) -> None:
    """The curve comes from the inputs; the area in the legend is the candidate's answer."""
    y_true, y_score = np.asarray(args[0]), np.asarray(args[1], dtype=float)
    order = np.argsort(-y_score, kind="stable")
    tp = np.concatenate([[0], np.cumsum(y_true[order] == 1)])
    fp = np.concatenate([[0], np.cumsum(y_true[order] == 0)])
    axes.plot(fp / max(fp[-1], 1), tp / max(tp[-1], 1), label=f"your AUC = {float(outputs[0]):.4f}")
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey")
    axes.set_xlabel("false positive rate")
    axes.set_ylabel("true positive rate")
    axes.legend(loc="lower right")


def _bars(axes, args, outputs) -> None:
    values = np.ravel(np.asarray(outputs[0], dtype=float))
    axes.bar(np.arange(len(values)), values)
    axes.set_xlabel("index")
    axes.set_ylabel("your output")


def _heatmap(axes, args, outputs) -> None:
    values = np.asarray(outputs[0], dtype=float)
    values = values.reshape(-1, values.shape[-1]) if values.ndim != 2 else values
    image = axes.imshow(values, cmap="viridis", aspect="auto")
    axes.figure.colorbar(image, ax=axes)


DRAWERS: dict[str, Drawer] = {
    "clusters": _clusters,
    "classification_2d": _classification_2d,
    "line_fit": _line_fit,
    "linear_boundary": _linear_boundary,
    "projection": _projection,
    "roc_curve": _roc_curve,
    "bars": _bars,
    "heatmap": _heatmap,
}
