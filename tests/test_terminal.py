"""The terminal's reading aids: math as Unicode in `show` and `review`, "did you mean" for names."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import run_cli
from rich.console import Console

from mlprep.cli.mathtext import math_to_unicode
from mlprep.review.bank import questions
from mlprep.review.scheduler import DueCard
from mlprep.suggest import close_names, did_you_mean

RIDGE = "regularization/ridge-more-features-than-rows"


def test_math_spans_become_unicode_and_nothing_else_changes():
    line = r"- `X`: float array of shape $(n, d)$, $1 \le n \le 2000$, $1 \le d \le 50$."
    assert math_to_unicode(line, markdown=False) == (
        "- `X`: float array of shape (n, d), 1 ≤ n ≤ 2000, 1 ≤ d ≤ 50."
    )
    assert math_to_unicode(r"$1 \le n \le 2000$") == "1 ≤ n ≤ 2000"
    assert math_to_unicode(r"$X^\top X + \lambda I$", markdown=False) == "X^⊤ X + λ I"
    assert math_to_unicode(r"$\frac{a + b}{2}$", markdown=False) == "(a + b)/2"
    untouched = "costs $5 or $6; run `echo $HOME $x$`\n\n```\nprice = $3$\n```\n"
    assert math_to_unicode(untouched) == untouched
    assert math_to_unicode("$x_i * y_i$") == r"x\_i \* y\_i", "escaped so Markdown keeps it"


def test_show_prints_the_statement_math_as_unicode():
    done = run_cli("show", "kmeans")
    assert done.returncode == 0, done.stderr
    assert "1 ≤ n ≤ 2000, 1 ≤ d ≤ 50" in done.stdout
    assert "\\le" not in done.stdout and "$" not in done.stdout
    assert "K-means" in done.stdout and "Signature" in done.stdout


def test_review_shows_question_choices_and_answer_math_as_unicode():
    from mlprep.cli.breadth import _show_answer, _show_card

    card = DueCard(RIDGE, "regularization", questions()[RIDGE], True, datetime.now(UTC))
    out = Console(record=True, width=400, force_terminal=False)
    _show_card(out, card, "1/1")
    _show_answer(out, card)
    text = out.export_text()
    assert "(λ > 0)" in text
    assert "b) It makes X^⊤ X + λ I invertible" in text
    assert "w = (X^⊤ X + λ I)^-1 X^⊤ y" in text
    assert "\\lambda" not in text and "$" not in text


def test_close_names_and_the_message_around_them():
    slugs = ["kmeans", "kmeans_plus_plus_init", "pca", "logistic_regression"]
    assert close_names("kmean", slugs)[0] == "kmeans"
    assert close_names("logistic", slugs) == ["logistic_regression"]
    assert did_you_mean("pcaa", slugs, "see `mlprep list`") == "; did you mean 'pca'?"
    assert did_you_mean("zzz", slugs, "see `mlprep list`") == " (see `mlprep list`)"


def test_unknown_slug_and_case_suggest_close_names_instead_of_listing_all():
    done = run_cli("show", "kmean")
    assert done.returncode == 2
    assert "unknown problem 'kmean'; did you mean 'kmeans'" in done.stderr
    assert "pca" not in done.stderr, "not every slug"
    done = run_cli("show", "zzzz")
    assert done.returncode == 2 and "unknown problem 'zzzz' (see `mlprep list`)" in done.stderr
    done = run_cli("design", "fraud", input="")
    assert done.returncode == 2
    assert "unknown case 'fraud'; did you mean 'payment-fraud'?" in done.stderr
