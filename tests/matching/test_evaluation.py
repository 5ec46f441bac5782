"""The evaluation metrics, as shared/eval/README.md defines them."""

import math

import pytest

from matching.evaluation import metrics, ndcg_at, precision_at, recall_at

RELEVANT = {"a": 3, "b": 2, "c": 1}


def test_precision_counts_relevant_among_the_first_k():
    assert precision_at(["a", "x", "b", "y", "z", "c"], RELEVANT, 5) == pytest.approx(2 / 5)


def test_recall_divides_by_all_relevant():
    assert recall_at(["x", "c"], RELEVANT, 20) == pytest.approx(1 / 3)


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise():
    assert ndcg_at(["a", "b", "c"], RELEVANT, 10) == pytest.approx(1.0)
    swapped = ndcg_at(["c", "b", "a"], RELEVANT, 10)
    ideal = 7 + 3 / math.log2(3) + 1 / 2
    assert swapped == pytest.approx((1 + 3 / math.log2(3) + 7 / 2) / ideal)


def test_metrics_average_over_judged_and_count_leaks():
    ranked = {"p1": ["a", "b", "c"], "p2": ["q"], "p3": ["a"]}
    relevance = {"p1": RELEVANT, "p2": {}, "p3": {}}
    result = metrics(ranked, relevance, consenting={"p1", "p2"})
    assert result["participants_evaluated"] == 1
    assert result["nDCG@10"] == pytest.approx(1.0)
    assert result["leak"] == 1  # p3 has no consent and got one suggestion
    assert result["suggestions_without_relevant"] == 1
