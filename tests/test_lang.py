"""veille.lang: language identification and script segmentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.lang import (
    LanguageIdentifier,
    ScriptSegment,
    char_script,
    detect_language,
    script_of,
    script_segments,
)

FR = "Les drones de la Résistance islamique ont ciblé une base américaine en Syrie lundi."
EN = "Drones of the Islamic Resistance targeted an American base in Syria on Monday."
AR = "استهدفت طائرات مسيرة تابعة للمقاومة الإسلامية قاعدة أميركية في سوريا يوم الاثنين."
ARY = "واش نتا مزيان؟ أنا بغيت نمشي للدار دابا حيت عييت بزاف اليوم"  # Moroccan Darija
_ROOT = Path(__file__).resolve().parents[1]
SEED = next(
    (
        candidate
        for candidate in (
            _ROOT / "examples" / "seed_article_fr.txt",
            _ROOT.parent / "shared" / "examples" / "seed_article_fr.txt",
        )
        if candidate.exists()
    ),
    _ROOT / "examples" / "seed_article_fr.txt",
)


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FR, "fr"),
        (EN, "en"),
        (AR, "ar"),
        ("Un communiqué a été publié par le ministère de la Défense à Bagdad.", "fr"),
        ("The ministry said two soldiers were wounded in the attack.", "en"),
        ("قال مسؤولون إن جنديين أصيبا في الهجوم على القاعدة", "ar"),
    ],
)
def test_detects_fr_en_ar(identifier: LanguageIdentifier, text: str, language: str) -> None:
    assert identifier.detect(text) == language


def test_arabic_dialects_fold_into_ar(identifier: LanguageIdentifier) -> None:
    assert identifier.detect(ARY) == "ar"
    assert all(len(code) == 2 for code, _ in identifier.rank(ARY))
    assert "ar" in identifier.languages and "ary" not in identifier.languages


@pytest.mark.parametrize("text", ["", "   ", "ok", "12 345 !!! 2024-02-05", "#Syrie @x"])
def test_too_short_is_none(identifier: LanguageIdentifier, text: str) -> None:
    assert identifier.detect(text) is None
    assert identifier.rank(text) == []


def test_mixed_text_gives_the_dominant_language(identifier: LanguageIdentifier) -> None:
    mixed = f"{FR} {FR} Un message a été publié sur X : « {AR} »"
    assert identifier.detect(mixed) == "fr"
    arabic = [s for s in script_segments(mixed) if s.script == "arabic"]
    assert len(arabic) == 1
    assert identifier.detect(mixed[arabic[0].start : arabic[0].end]) == "ar"


def test_restricted_languages() -> None:
    restricted = LanguageIdentifier(["fr", "en", "ar"])
    assert restricted.languages == frozenset({"fr", "en", "ar"})
    assert restricted.detect("Dit is een Nederlandse zin over het weer vandaag.") in {"en", "fr"}
    with pytest.raises(ValueError, match="xx"):
        LanguageIdentifier(["fr", "xx"]).detect(FR)


def test_unknown_languages_can_be_left_out() -> None:
    # A language a user added that the model does not know is never the answer.
    lenient = LanguageIdentifier(["fr", "en", "xx"], skip_unknown=True)
    assert lenient.languages == frozenset({"fr", "en"})
    assert lenient.detect(FR) == "fr"
    nothing_known = LanguageIdentifier(["xx"], skip_unknown=True)
    assert nothing_known.detect(FR) is None
    assert nothing_known.rank(FR) == [] and nothing_known.languages == frozenset()


def test_model_is_loaded_once_per_instance(identifier: LanguageIdentifier) -> None:
    identifier.detect(FR)
    model = identifier._model
    identifier.detect(EN)
    assert identifier._model is model is not None


def test_detect_language_function() -> None:
    assert detect_language(FR) == "fr"
    reused = LanguageIdentifier()
    assert detect_language(EN, reused) == "en"


def test_undecidable_low_confidence_is_none() -> None:
    strict = LanguageIdentifier(min_confidence=0.999999)
    assert strict.detect("Bonjour hello marhaba ciao hola salut") is None


@pytest.mark.skipif(not SEED.exists(), reason="seed example not in this checkout")
def test_seed_article(identifier: LanguageIdentifier) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert identifier.detect(text) == "fr"
    assert any(s.script == "arabic" for s in script_segments(text))


def test_script_helpers() -> None:
    assert char_script("é") == "latin" and char_script("ب") == "arabic"
    assert char_script("Ж") == "other" and char_script("5") is None
    assert script_of(FR) == "latin" and script_of(AR) == "arabic"
    assert script_of("123 !") is None
    text = "Il a écrit : استهدفنا القاعدة، 3 مرات. Puis rien."
    segments = script_segments(text)
    assert [s.script for s in segments] == ["latin", "arabic", "latin"]
    arabic = segments[1]
    assert text[arabic.start : arabic.end] == "استهدفنا القاعدة، 3 مرات"
    assert segments[0] == ScriptSegment(0, text.index(":") - 1, "latin")
    assert script_segments("") == []
