"""veille.lang.normalise: one normaliser, three named configurations whose keys must not
change (the gazetteer's and the actor dictionary's are built offline and shipped)."""

from __future__ import annotations

import pytest

from veille.geo._normalize import normalise_token
from veille.lang.normalise import GAZETTEER, LOOKUP, MATCH, Normaliser
from veille.nlp.arabic import normalize as arabic_normalize
from veille.resolve.textnorm import normalize_word

ALL = (GAZETTEER, LOOKUP, MATCH)


@pytest.mark.parametrize("normaliser", ALL, ids=lambda n: n.name)
def test_what_every_configuration_shares(normaliser: Normaliser) -> None:
    # Alef forms, alef maqsura and ta marbuta; harakat and tatweel dropped.
    assert normaliser.word("إِسْتـراحة") == "استراحه"
    assert normaliser.word("مستشفى") == "مستشفي"
    assert normaliser.word("Évêché") == "eveche"
    assert normaliser.word("Quay") == "quay"


def test_regional_letters_are_unified_for_the_gazetteer_only() -> None:
    word = "کوی"  # Persian kaf and yeh
    assert GAZETTEER.word(word) == "كوي"
    assert LOOKUP.word(word) == word and MATCH.word(word) == word


def test_latin_letters_without_a_decomposition() -> None:
    assert GAZETTEER.word("Søndre") == "sondre" and LOOKUP.word("Søndre") == "søndre"
    assert LOOKUP.word("Œuvre") == "oeuvre" and GAZETTEER.word("Œuvre") == "oeuvre"
    assert LOOKUP.word("Baʿth") == "bath" and GAZETTEER.word("Baʿth") == "baʿth"
    assert MATCH.word("l’Ouest") == "l'ouest" and LOOKUP.word("l’Ouest") == "l’ouest"


def test_quranic_marks_are_kept_by_the_matcher_only() -> None:
    word = "قال\u06d6"  # a Quranic pause mark, not in pyarabic's tashkeel
    assert MATCH.arabic(word) == word
    assert GAZETTEER.arabic(word) == LOOKUP.arabic(word) == "قال"


def test_the_modules_use_their_configuration() -> None:
    for word in ("إِسْتـراحة", "کوی", "Søndre", "Baʿth"):
        assert normalise_token(word) == GAZETTEER.word(word)
        assert normalize_word(word) == LOOKUP.word(word)
    assert arabic_normalize("کوی") == MATCH.arabic("کوی")


def test_one_word_split_serves_the_place_and_the_actor_readers() -> None:
    from veille.geo._normalize import tokenize as place_tokens
    from veille.lang.normalise import split_words
    from veille.resolve.textnorm import tokenize as actor_tokens

    # Decomposed accents and Arabic marks stay inside their word; "_" parts words.
    text = "L'e\u0301tat_major a\u0300 Ha\u0301ma, وبِحَلَب 12 km"
    words = split_words(text)
    assert [w.raw for w in words] == [
        "L", "e\u0301tat", "major", "a\u0300", "Ha\u0301ma", "وبِحَلَب", "12", "km"
    ]  # fmt: skip
    assert all(text[w.start : w.end] == w.raw for w in words)
    # each reader keys the same words its own way, from the split or from the text
    for tokens in (place_tokens, actor_tokens):
        assert tokens(text, words=words) == tokens(text)
    assert [t.norm for t in place_tokens(text, words=words)][1:3] == ["etat", "major"]
    assert [t.norm for t in actor_tokens(text, words=words)][4:6] == ["hama", "وبحلب"]
