"""The design and prompt banks: every file validates, and the counts the issue asks for hold."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import get_args

import pytest

from mlprep.content import ContentError
from mlprep.design.bank import HERE as DESIGN_DIR
from mlprep.design.bank import framework, load_cases
from mlprep.prompts.bank import load_prompts, star
from mlprep.prompts.schema import Competency, Focus

NAMED_CASES = {  # the domains the issue names, by the slug of our case for each
    "recommendations": "video-recommendations",
    "ad click prediction": "ad-click-prediction",
    "news feed ranking": "news-feed-ranking",
    "search ranking": "search-ranking",
    "rideshare": "rideshare-eta",
    "churn": "customer-churn",
    "fraud": "payment-fraud",
    "harmful content": "harmful-content",
    "people you may know": "people-you-may-know",
    "typeahead": "typeahead",
}


def test_framework_is_a_45_minute_walk_of_the_named_steps():
    steps = framework().steps
    assert sum(s.minutes for s in steps) == 45
    assert [s.key for s in steps] == [
        "goal", "requirements", "data", "features", "baseline",
        "loss", "imbalance", "evaluation", "serving", "monitoring",
    ]  # fmt: skip


def test_at_least_ten_cases_cover_the_named_domains_and_every_step():
    cases = load_cases()
    assert len(cases) >= 10
    assert set(NAMED_CASES.values()) <= set(cases)
    for slug, case in cases.items():
        assert list(case.steps) == [s.key for s in framework().steps], slug
        for key, step in case.steps.items():
            assert 4 <= len(step.rubric) <= 8, (slug, key)


@pytest.mark.parametrize(
    ("round_name", "categories"), [("behavioral", Competency), ("deep_dive", Focus)]
)
def test_prompt_banks_hold_thirty_or_more_spread_over_their_categories(round_name, categories):
    prompts = load_prompts(round_name)
    assert len(prompts) >= 30
    spread = Counter(p.category for p in prompts.values())
    assert set(spread) == set(get_args(categories)), "every category has prompts"
    for prompt_id, prompt in prompts.items():
        assert len(prompt.follow_ups) >= 2, prompt_id


def test_star_template_has_its_four_sections_in_order():
    assert [s.key for s in star().sections] == ["situation", "task", "action", "result"]


def test_a_case_missing_a_step_is_named_with_the_field(tmp_path: Path):
    source = DESIGN_DIR / "cases" / "typeahead.toml"
    text = source.read_text()
    broken = text[: text.index("[steps.monitoring]")]
    (tmp_path / "typeahead.toml").write_text(broken)
    with pytest.raises(ContentError) as caught:
        load_cases(tmp_path)
    assert "typeahead.toml" in str(caught.value) and "monitoring" in str(caught.value)


def test_a_prompt_with_an_unknown_category_is_named_with_the_field(tmp_path: Path):
    (tmp_path / "odd.toml").write_text(
        'prompt = "Tell me about a time you did something."\ncategory = "bravery"\n'
        'strong_answer_shows = ["Shows one thing clearly.", "Shows another thing."]\n'
        'follow_ups = ["What happened next?", "What would you change?"]\n'
    )
    with pytest.raises(ContentError) as caught:
        load_prompts("behavioral", tmp_path)
    assert "odd.toml" in str(caught.value) and "field 'category'" in str(caught.value)


def test_adam_editorial_and_card_agree_that_skipping_bias_correction_makes_early_steps_larger():
    import math

    import mlprep
    from mlprep.content import load_item
    from mlprep.review.schema import Question

    beta1, beta2 = 0.9, 0.999
    # Zero-initialised moments after one step: m_1 = (1 - beta1) g and v_1 = (1 - beta2) g^2.
    g = 0.004
    m1, v1 = (1 - beta1) * g, (1 - beta2) * g * g
    ratio = m1 / math.sqrt(v1)  # the uncorrected first step divided by the learning rate
    assert ratio == pytest.approx(3.1623, abs=1e-4) and ratio > 1

    root = Path(mlprep.__file__).parent
    editorial = (root / "problems/bank/adam_step/editorial.md").read_text()
    bullet = next(line for line in editorial.split("\n- ") if "No bias correction" in line)
    assert f"{ratio:.2f}" in bullet and "too large" in bullet
    assert "too small" not in editorial

    card_path = root / "review/questions/optimization/adam-without-bias-correction.toml"
    card = load_item(card_path, Question)
    assert "\\beta_1 = 0.9" in card.question and "\\beta_2 = 0.999" in card.question
    assert card.value is not None and abs(card.value - ratio) <= card.tolerance
    assert "too large" in card.answer and "too small" not in card.answer
