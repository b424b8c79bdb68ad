"""Gatherings a protest word may name that are no protest: a ceremony's procession, a
crowd out to celebrate, a gathering of armed people (read by ``triggers``)."""

from __future__ import annotations

from veille.extract.lexicon import Lexicon, Match, Tok
from veille.extract.syntax import PHRASE_ENDS

#: Words from an (unparsed) Arabic crowd's words to the word of the feast it went out for.
_AR_FEAST_REACH = 8


def no_protest(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The protest word ``m`` names a gathering of armed people or a ceremony."""
    return _of_armed_people(lex, m, toks) or _of_a_ceremony(lex, m, toks)


def _of_a_ceremony(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A crowd word of a ceremony ("a wedding procession", «un cortège de mariage»,
    «موكب زفاف», "the funeral march"): a word of the class ``ceremonies`` right before
    it or within two words after it; or a crowd out to celebrate (``celebrations``)."""
    words = lex.noun_classes.get("ceremonies", frozenset())
    near = [*range(max(0, m.start - 1), m.start), *range(m.end, min(len(toks), m.end + 2))]
    if any(toks[k].keys & words for k in near):
        return True
    # "Fans took to the streets to celebrate the victory", «pour fêter»: a crowd out
    # to celebrate (a clause of purpose on the crowd's verb) is no protest.
    feasts = lex.noun_classes.get("celebrations", frozenset())
    if not any(t.dep for t in toks):
        # Unparsed Arabic: «خرج الآلاف إلى الشوارع احتفالا بالفوز», the masdar of
        # purpose after the crowd's words, before the clause ends.
        for t in toks[m.end : m.end + _AR_FEAST_REACH]:
            if t.text in PHRASE_ENDS:
                return False
            if t.keys & feasts:
                return True
        return False
    verb = toks[m.start].head if toks[m.start].pos != "VERB" else m.start
    return any(
        t.keys & feasts and t.pos == "VERB" and t.head in (m.start, verb) and t.i > m.start
        for t in toks
    )


#: Words between a crowd noun and whom it gathers: "of (the)", «de», «d'», «des», «من».
_OF = frozenset({"of", "the", "de", "des", "d'", "d’", "du", "من"})


def _of_armed_people(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A gathering noun whose members are armed ("a gathering of fighters", «un
    rassemblement de combattants», «تجمع لمقاتلين») names a target, not a demonstration."""
    armed = lex.noun_classes.get("armed_people", frozenset())
    k = m.end
    while k < len(toks) and k < m.end + 3 and toks[k].keys & _OF:
        k += 1
    if k == m.end and not (k < len(toks) and toks[k].text.startswith("ل")):
        return False  # no "of" between: "fighters' rally" is read elsewhere
    return k < len(toks) and bool(toks[k].keys & armed)
