"""Scorers for the public dev gold sets: exact on hand-made data, sane on the real files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from veille.eval.public import (
    binary_scores,
    classification_scores,
    evaluate_arabic,
    evaluate_plover,
    evaluate_temporal,
    timeml_value,
)
from veille.nlp.dates import DateExpression

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is absent: the public dev gold sets live in ../shared/data")
    return DATA


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_classification_scores_by_hand() -> None:
    pairs = [("A", "A"), ("A", "none"), ("B", "A"), ("B", "B"), ("C", "none")]
    s = classification_scores(pairs)
    assert s.n == 5 and s.correct == 2 and s.accuracy == pytest.approx(0.4)
    assert s.labels == ("A", "B", "C")
    a, b, c = s.per_type["A"], s.per_type["B"], s.per_type["C"]
    assert (a.tp, a.fp, a.fn) == (1, 1, 1) and a.f1 == pytest.approx(0.5)
    assert (b.tp, b.fp, b.fn) == (1, 0, 1) and b.f1 == pytest.approx(2 / 3)
    assert c.f1 == 0.0
    # macro-F1 over the gold types only: "none" (never gold) does not count.
    assert s.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    assert s.confusion["B"] == {"A": 1, "B": 1}


def test_binary_scores_by_hand() -> None:
    s = binary_scores([(True, True), (True, False), (False, True), (False, False), (False, False)])
    assert (s.tp, s.fn, s.fp, s.tn) == (1, 1, 1, 2)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5) and s.accuracy == pytest.approx(0.6)
    assert binary_scores([]).f1 == 0.0


def test_timeml_value_at_precision() -> None:
    def expr(value: date, precision: Any) -> DateExpression:
        return DateExpression(0, 1, "x", "explicit", value, precision, None)

    d = date(2013, 3, 22)
    assert timeml_value(expr(d, "day")) == "2013-03-22"
    assert timeml_value(expr(d, "month")) == "2013-03"
    assert timeml_value(expr(d, "year")) == "2013"
    assert timeml_value(expr(d, "week")) == "2013-W12"


def test_temporal_scorer_on_a_tiny_file(tmp_path: Path) -> None:
    text = "The talks ended on Friday. They resume on April 2."
    friday = text.index("Friday")
    april = text.index("April 2")
    doc = {
        "id": "d1",
        "dct": "2013-03-24",
        "text": text,
        "timex3": [
            {"start": friday, "end": friday + 6, "type": "DATE", "value": "2013-03-22"},
            # A deliberately wrong gold value: the scorer must count it as an error.
            {"start": april, "end": april + 7, "type": "DATE", "value": "1999-01-01"},
            {"start": 0, "end": 3, "type": "DURATION", "value": "P1D"},
        ],
    }
    s = evaluate_temporal(_write(tmp_path / "t.jsonl", [doc]))
    assert s.gold == 2 and s.found == 2 and s.correct == 1
    assert s.accuracy == pytest.approx(0.5)
    assert s.errors[0][2] == "1999-01-01"


def test_plover_scorer_on_a_tiny_file(tmp_path: Path, pipeline: Any) -> None:
    rows = [
        {
            "id": "p1",
            "language": "en",
            "event_type": "ASSAULT",
            "text": "Gunmen attacked a police checkpoint in Kano on Monday, killing three men.",
        },
        {
            "id": "p2",
            "language": "en",
            "event_type": "AGREE",
            "text": "The two governments signed a trade pact on Tuesday.",
        },
    ]
    s = evaluate_plover(_write(tmp_path / "p.jsonl", rows), pipeline=pipeline)
    assert s.n == 2 and s.correct == 1
    assert s.confusion == {"AGREE": {"none": 1}, "ASSAULT": {"ASSAULT": 1}}
    assert s.macro_f1 == pytest.approx(0.5)


def test_arabic_scorer_on_a_tiny_file(tmp_path: Path, pipeline: Any) -> None:
    strike = "قصفت الطائرات الحربية بلدة في ريف ادلب امس"
    rows = [
        {"id": "a1", "language": "ar", "event_type_tested": "ASSAULT", "label": "ASSAULT",
         "text": strike},
        {"id": "a2", "language": "ar", "event_type_tested": "ASSAULT", "label": "none",
         "text": "ناقش الوزراء الميزانية الجديدة في اجتماعهم امس"},
        {"id": "a3", "language": "ar", "event_type_tested": "ASSAULT", "label": "ambiguous",
         "text": strike},
        {"id": "a4", "language": "ar", "event_type_tested": "PROTEST", "label": "PROTEST",
         "text": strike},
    ]  # fmt: skip
    s = evaluate_arabic(_write(tmp_path / "a.jsonl", rows), pipeline=pipeline)
    assert (s["ASSAULT"].tp, s["ASSAULT"].fp, s["ASSAULT"].tn, s["ASSAULT"].fn) == (1, 0, 1, 0)
    assert (s["PROTEST"].tp, s["PROTEST"].fn) == (0, 1)  # ambiguous left out, a4 missed


def test_public_dev_sets_small(data_dir: Path, pipeline: Any) -> None:
    p = evaluate_plover(data_dir / "plover_gsr_dev.jsonl", pipeline=pipeline, limit=20)
    assert p.n == 20 and 0.0 <= p.accuracy <= 1.0 and 0.0 <= p.macro_f1 <= 1.0
    a = evaluate_arabic(data_dir / "arabic_gsr_dev.jsonl", pipeline=pipeline, limit=15)
    for scores in a.values():
        assert scores.n == 15
        assert all(0.0 <= x <= 1.0 for x in (scores.precision, scores.recall, scores.f1))
    t = evaluate_temporal(data_dir / "temporal_dev.jsonl", limit=2)
    assert t.gold > 0 and 0.0 <= t.accuracy <= 1.0 and t.found <= t.gold
