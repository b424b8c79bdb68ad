"""Shared parse readings of the extractor (veille.extract.syntax). Sentences invented."""

from __future__ import annotations

from sentence_builder import W, tokens
from veille.extract.lexicon import Match, PhraseTable
from veille.extract.syntax import (
    ancestors,
    clause_anchors,
    governed_by,
    head_of,
    preposition_of,
    span,
    token_at,
)

# "Rebels launched an attack on the camp"
WORDS = [
    W("Rebels", "NOUN", "nsubj", 1),
    W("launched", "VERB", "ROOT", lemma="launch"),
    W("an", "DET", "det", 3),
    W("attack", "NOUN", "dobj", 1),
    W("on", "ADP", "prep", 3),
    W("the", "DET", "det", 6),
    W("camp", "NOUN", "pobj", 4),
]


def test_ancestors_stop_at_the_root_and_at_the_limit() -> None:
    toks = tokens(WORDS)
    assert ancestors(toks, 6, limit=8) == [4, 3, 1]
    assert ancestors(toks, 6, limit=2) == [4, 3]
    assert ancestors(toks, 1, limit=8) == []


def test_token_at_a_character_or_the_next_token() -> None:
    toks = tokens(WORDS, offset=100)
    assert token_at(toks, toks[3].start + 2) == 3
    assert token_at(toks, toks[3].end) == 4  # the space after "attack"
    assert token_at(toks, toks[-1].end + 5) is None


def test_head_of_a_multiword_match_and_its_span() -> None:
    toks = tokens(WORDS)
    m = Match(2, 4, None)  # "an attack"
    assert head_of(toks, m) == 3
    assert span(toks, m) == (toks[2].start, toks[3].end)


def test_a_nominal_triggers_clause_includes_its_verb() -> None:
    toks = tokens(WORDS)
    assert clause_anchors(toks, 3) == {3, 1}
    assert clause_anchors(toks, 1) == {1}


def test_a_cue_governs_within_three_ancestors() -> None:
    toks = tokens(WORDS)
    table = PhraseTable([("launched", "x")])
    assert governed_by(ancestors(toks, 6, limit=4), table, toks)
    assert not governed_by([4], table, toks)


def test_the_preposition_of_a_noun_in_either_kind_of_parse() -> None:
    # English: the noun is the preposition's object; the phrase hangs on its head.
    toks = tokens(WORDS)
    prep, holder = preposition_of(toks, 6)
    assert prep is not None and prep.text == "on" and holder == 3
    # UD (French): «tués dans la ville»: the noun holds its case child, hangs on the verb.
    fr = tokens(
        [
            W("tués", "VERB", "ROOT"),
            W("dans", "ADP", "case", 3),
            W("la", "DET", "det", 3),
            W("ville", "NOUN", "obl:mod", 0),
        ]
    )
    prep, holder = preposition_of(fr, 3)
    assert prep is not None and prep.text == "dans" and holder == 0
    # No preposition: the noun's head.
    assert preposition_of(toks, 3) == (None, 1)
