"""Sentence boundaries: the parser's cuts rejoined where no sentence ended.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.nlp.sentences import whole_sentences


def _doc(words: list[str], spaces: list[bool], starts: set[int]) -> Doc:
    doc = Doc(spacy.blank("fr").vocab, words=words, spaces=spaces)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i in starts
    return doc


def test_a_cut_without_terminal_punctuation_is_rejoined() -> None:
    words = ["Un", "missile", "de", "type", "Iskander", "a", "frappé", "Odessa", ".", "Rien", "."]
    doc = _doc(words, [True] * 7 + [False, True, False, False], {0, 4, 9})
    assert [s.text for s in whole_sentences(doc)] == [
        "Un missile de type Iskander a frappé Odessa.",
        "Rien.",
    ]


def test_a_line_break_ends_a_sentence_without_punctuation() -> None:
    words = ["Frappes", "sur", "Odessa", "\n", "Trois", "morts", "."]
    doc = _doc(words, [True, True, False, False, True, False, False], {0, 4})
    assert [s.text.strip() for s in whole_sentences(doc)] == ["Frappes sur Odessa", "Trois morts."]


def test_a_closing_quote_after_the_full_stop_ends_the_sentence() -> None:
    words = ["Il", "a", "dit", "«", "non", ".", "»", "Puis", "il", "est", "parti", "."]
    spaces = [True, True, True, True, False, True, True, True, True, True, False, False]
    doc = _doc(words, spaces, {0, 7})
    assert len(list(whole_sentences(doc))) == 2


def test_a_dateline_stays_apart_but_a_hyphenated_word_does_not() -> None:
    words = ["LYON", ",", "3", "mai", "-", "Un", "dépôt", "-", "atelier", "a", "brûlé", "."]
    spaces = [False, True, True, True, True, True, False, False, True, True, False, False]
    doc = _doc(words, spaces, {0, 5, 7})
    assert [s.text.strip() for s in whole_sentences(doc)] == [
        "LYON, 3 mai -",
        "Un dépôt-atelier a brûlé.",
    ]


def test_a_dateline_inside_the_parsers_sentence_is_cut_off() -> None:
    words = ["ODESSA", ",", "3", "mai", "-", "Un", "dépôt", "a", "brûlé", "."]
    spaces = [False, True, True, True, True, True, True, True, False, False]
    doc = _doc(words, spaces, {0})
    assert [s.text.strip() for s in whole_sentences(doc)] == [
        "ODESSA, 3 mai -",
        "Un dépôt a brûlé.",
    ]


def test_a_semicolon_parts_two_clauses() -> None:
    words = ["Le", "camp", "accuse", "Paris", ";", "il", "menace", "de", "riposter", "."]
    spaces = [True, True, True, False, True, True, True, True, False, False]
    doc = _doc(words, spaces, {0, 5})
    assert len(list(whole_sentences(doc))) == 2


def test_a_blank_tokenizer_splits_closing_marks_after_a_vowel_sign() -> None:
    from veille.nlp import load_spacy

    nlp = load_spacy("ar")
    # A tanween before the full stop, a closing quote before it: each mark its own token,
    # so «قتيلاً» reads as the lexicon's word; a decimal point stays in its number.
    words = [t.text for t in nlp("ارتفع العدد إلى 3.5 قتيلاً. وقالوا «انتهى».")]
    assert words == ["ارتفع", "العدد", "إلى", "3.5", "قتيلاً", ".", "وقالوا", "«", "انتهى", "»", "."]
