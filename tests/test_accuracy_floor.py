"""Accuracy floors on the project's gold: CI fails when extraction quality drops.

Floors sit a little under the figures measured when they were set (README, "Accuracy");
raise them when the extractor improves. The test split is never used for tuning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.eval.report import gold_scores

SAMPLE = Path(__file__).resolve().parents[1] / "sample"

FLOORS = {
    # split: (event F1, field accuracy); measured 2026-11-25 (second session):
    # test 0.86 / 0.81, dev 0.92 / 0.84; 2026-12-04: test 0.92 / 0.85, dev 0.96 / 0.85
    "test": (0.88, 0.80),
    "dev": (0.90, 0.80),
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_sample_corpus_stays_above_its_floor(pipeline, split: str) -> None:  # type: ignore[no-untyped-def]
    s = gold_scores(pipeline, SAMPLE / "gold.jsonl", SAMPLE / "articles.jsonl", split)
    f1_floor, field_floor = FLOORS[split]
    assert s.f1 >= f1_floor, s.as_dict()
    assert s.field_accuracy >= field_floor, s.as_dict()
    assert s.not_event_violations <= 3, s.spurious


# Public development gold (../shared/data). Measured 2026-12-02: PLOVER accuracy 0.85,
# macro-F1 0.88 (events and statements; 0.87 / 0.88 on the even / odd records), Arabic
# ASSAULT F1 0.65 / PROTEST 0.52 (even / odd lines of the file: ASSAULT 0.62 / 0.68,
# PROTEST 0.58 / 0.47), TimeML DATE value accuracy 0.35. Floors guard against regressions.
# 2026-12-04 (session 9): Arabic ASSAULT 0.641 (history dated only by a past month is no
# event; this GSR labels it ASSAULT), PROTEST 0.459.
# 2026-12-04 (session 8): Arabic PROTEST 0.456. Protesters who burn or attack now hold a
# violent demonstration (ACLED; PLOVER PROTEST), which this GSR labels "none" where the
# crowd burns property, and a protest spread over unnamed provinces is no one event.
# Session 14: PROTEST 0.432 (0.448 at the start): police dispersing protesters the
# sentence names with tear gas is a protest with intervention (ACLED), which this GSR
# labels "none" in four sentences; ASSAULT 0.645.
PUBLIC_FLOORS = {
    "plover_macro_f1": 0.84,
    "arabic_assault_f1": 0.61,
    "arabic_protest_f1": 0.42,
    "timeml_accuracy": 0.30,
}


def test_public_gold_stays_above_its_floor(shared_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from veille.eval.public import evaluate_arabic, evaluate_plover, evaluate_temporal

    data = shared_dir / "data"
    if not (data / "arabic_gsr_dev.jsonl").is_file():
        pytest.skip("../shared/data holds no public gold sets")
    plover = evaluate_plover(data / "plover_gsr_dev.jsonl", pipeline=pipeline)
    arabic = evaluate_arabic(data / "arabic_gsr_dev.jsonl", pipeline=pipeline)
    assert plover.macro_f1 >= PUBLIC_FLOORS["plover_macro_f1"]
    assert arabic["ASSAULT"].f1 >= PUBLIC_FLOORS["arabic_assault_f1"]
    assert arabic["PROTEST"].f1 >= PUBLIC_FLOORS["arabic_protest_f1"]
    timeml = evaluate_temporal(data / "temporal_dev.jsonl")
    assert timeml.accuracy >= PUBLIC_FLOORS["timeml_accuracy"]


# Outside-written news (../shared/data/news_dev), split by article-id hash
# (veille.eval.news.split_of): rules were written from the "train" half only; "heldout"
# is the accuracy figure. Measured 2026-12-03: held-out F1 0.36 (P 0.33, R 0.40, fields
# 0.66); training F1 0.56 (P 0.51, R 0.62, fields 0.71). 2026-12-04: held-out F1 0.39
# (P 0.36, R 0.44, fields 0.69); training F1 0.70 (P 0.65, R 0.76, fields 0.76).
# 2026-12-04 (session 7): held-out F1 0.50 (P 0.47, R 0.52, fields 0.74); training F1
# 0.79 (P 0.73, R 0.86, fields 0.78). Session 8: held-out F1 0.51 (P 0.49, R 0.54,
# fields 0.74); training 0.79 (P 0.73, R 0.86, fields 0.78). Session 9: held-out F1
# 0.53 (P 0.50, R 0.56, fields 0.74); training 0.79 (P 0.73, R 0.86, fields 0.79).
# Session 10: held-out 0.55 (fields 0.75), training 0.80 (fields 0.80). Session 11:
# held-out 0.57 (P 0.56, R 0.58, fields 0.75); training 0.82 (P 0.78, R 0.86, fields
# 0.80). Session 12: held-out 0.58 (P 0.58, R 0.58, fields 0.75, false events 3);
# training 0.82. Session 13: held-out 0.58 unchanged; training 0.80 (a UN call for a
# ceasefire no longer matches a gold agreement by luck). Session 14: held-out 0.59 (P
# 0.60, R 0.58, fields 0.75; a bare ceasefire is no agreement); training 0.80. Session
# 15: held-out 0.61 (P 0.62, R 0.60, fields 0.75; lists of provinces); training 0.80.
# Session 16: held-out 0.62 (P 0.62, R 0.62, fields 0.76; lists of places each with its
# own toll or day); training 0.80 (P 0.75, R 0.86, fields 0.80). Session 17: held-out
# 0.62 (fields 0.77); training 0.82 (P 0.77, R 0.88, fields 0.81; a city's quarter is
# no homonym far away).
# Floors guard against regressions, a few events under the figures.
NEWS_FLOORS = {"heldout": (0.59, 0.72), "train": (0.79, 0.77)}


@pytest.mark.parametrize("split", sorted(NEWS_FLOORS))
def test_outside_news_stays_above_its_floor(shared_dir: Path, pipeline, split: str) -> None:  # type: ignore[no-untyped-def]
    from veille.eval.news import score_news

    news = shared_dir / "data" / "news_dev"
    if not (news / "gold.json").is_file():
        pytest.skip("../shared/data holds no news_dev set")
    scores, _ = score_news(news, shared_dir / "tools" / "score_events.py", split, pipeline=pipeline)
    f1_floor, field_floor = NEWS_FLOORS[split]
    assert scores.f1 >= f1_floor, scores
    assert scores.field_accuracy >= field_floor, scores
    assert scores.framing_leaks == 0, scores


# The team's second set of the same kind (sample/probe_news, written blind by helper
# sessions: 48 articles in session 12, 24 more in session 13, 30 in session 19, 60 in
# session 25), same split. On the 72 articles at the start of session 13 (129f244):
# held-out F1 0.51 (fields 0.76), training 0.43 (fields 0.73); at the end of session 13:
# held-out 0.52 (P 0.51, R 0.53, fields 0.77), training 0.50 (P 0.47, R 0.53, fields
# 0.79). End of session 14: held-out 0.53 (P 0.53, R 0.53, fields 0.77), training 0.56
# (P 0.53, R 0.59, fields 0.80). End of session 15: held-out 0.57 (P 0.56, R 0.57,
# fields 0.78), training 0.58 (P 0.55, R 0.62, fields 0.80). End of session 16: held-out
# 0.58 (P 0.57, R 0.59, fields 0.78), training 0.61 (P 0.57, R 0.65, fields 0.79). End
# of session 18: held-out 0.58 (P 0.57, R 0.59, fields 0.78), training 0.62 (P 0.58, R
# 0.67, fields 0.79). Session 19 added 30 articles (98 events; 102 articles, 326 events
# in all): on them at its start, held-out 0.59 (P 0.60, R 0.58, fields 0.79), training
# 0.56 (P 0.53, R 0.59, fields 0.79); at its end held-out 0.59 (fields 0.79), training
# 0.61 (P 0.58, R 0.64, fields 0.81). Session 25 added 30 articles (80 events; 132
# articles, 406 events in all), scored blind before any rule saw them: F1 0.45 (P 0.43,
# R 0.47) on the 30; the whole set then held-out 0.56 (P 0.56, R 0.55, fields 0.79),
# training 0.66 (P 0.63, R 0.69, fields 0.83). Session 25 then added 30 more (pP/pQ/pR,
# 80 events; 162 articles, 486 events), scored blind: F1 0.51 (P 0.46, R 0.59) with the
# session's code, 0.51 (P 0.45) with its start's; the whole set then held-out 0.54 (P
# 0.53, R 0.55, fields 0.80), training 0.66 (P 0.62, R 0.71, fields 0.83). The held-out
# floor moves down with the harder set, not with the code (the session-start code scores
# 0.54 too). Session 37 added 30 (pS/pT/pU, 96 events; 192 articles, 582 events),
# scored blind with the session-start code: F1 0.50 (P 0.48, R 0.52); the whole set then
# held-out 0.59 (P 0.58, R 0.60, fields 0.81), training 0.71 (P 0.67, R 0.76, fields 0.84).
# Session 38 added 30 (pV/pW/pX, 83 events; 222 articles, 665 events), scored blind with
# the session-start code: F1 0.54 (P 0.54, R 0.53); the whole set then held-out 0.60 (P
# 0.59, R 0.61, fields 0.81), training 0.70 (P 0.66, R 0.74, fields 0.83). Session 39
# added 30 (pY/pZ/qA, 93 events; 252 articles, 758 events), scored blind with the
# session-start code: F1 0.50 (P 0.51, R 0.49); the whole set then held-out 0.59 (P
# 0.59, R 0.60, fields 0.80), training 0.68 (P 0.64, R 0.72, fields 0.83). Session 40
# added 30 (qB/qC/qD, 94 events; 282 articles, 852 events), scored blind with the
# session-start code: F1 0.52 (P 0.50, R 0.54); the whole set then held-out 0.59 (P
# 0.58, R 0.59, fields 0.81), training 0.68 (P 0.64, R 0.72, fields 0.83). Session 41
# added 30 (qE/qF/qG, 89 events; 312 articles, 941 events), scored blind with the
# session-start code: F1 0.57 (P 0.57, R 0.58); the whole set then held-out 0.59 (P
# 0.58, R 0.59, fields 0.80), training 0.68 (P 0.64, R 0.73, fields 0.82).
PROBE_FLOORS = {"heldout": (0.52, 0.75), "train": (0.58, 0.77)}


@pytest.mark.parametrize("split", sorted(PROBE_FLOORS))
def test_the_probe_news_stays_above_its_floor(shared_dir: Path, pipeline, split: str) -> None:  # type: ignore[no-untyped-def]
    from veille.eval.news import score_news

    probe = Path(__file__).resolve().parents[1] / "sample" / "probe_news"
    scores, _ = score_news(
        probe, shared_dir / "tools" / "score_events.py", split, pipeline=pipeline
    )
    f1_floor, field_floor = PROBE_FLOORS[split]
    assert scores.f1 >= f1_floor, scores
    assert scores.field_accuracy >= field_floor, scores
    assert scores.framing_leaks == 0, scores
