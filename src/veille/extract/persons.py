"""Persons told with no number ("a street vendor", "a passenger and a driver", «une
femme et un enfant»): which singular nouns name one person each, read by
``veille.extract.tolls`` to count one dead per person."""

from __future__ import annotations

from veille.extract.lexicon import Lexicon, Tok, fold

#: Determiners of one person: "a", "one", and a definite or possessive one on a singular
#: noun ("killing its rider", «tuant son chauffeur»).
ONE = frozenset(
    {"a", "an", "one", "the", "its", "his", "her", "their"}
    | {"un", "une", "le", "la", "l'", "son", "sa", "leur"}
)
#: The shortest noun read as a person by its ending.
_AGENTIVE_MIN = 5
#: The "of" after a noun that makes it a measure of others ("a number of"); also the
#: preposition from a death noun to the dead it counts (``veille.extract.tolls``).
OF = frozenset({"de", "d'", "d’", "des", "du", "of"})


def one_more_person(lex: Lexicon, toks: list[Tok], c: Tok, people: frozenset[str]) -> bool:
    """A singular person noun joined to the first one, with a determiner of one and no
    number of its own ("and a driver", «et un enfant»)."""
    return (
        bool(c.keys & people or agentive(lex, toks, c))
        and "Number=Plur" not in c.morph
        and any(d.head == c.i and d.dep == "det" and fold(d.text) in ONE for d in toks)
        and not any(d.head == c.i and d.dep == "nummod" for d in toks)
    )


def joined_nouns(toks: list[Tok], t: Tok) -> list[Tok]:
    """The nouns joined to ``t`` by "and" or a comma, however the parser chained them
    ("a passenger, a driver and a soldier")."""
    found: list[Tok] = []
    heads = {t.i}
    for c in toks:
        if c.dep == "conj" and c.head in heads:
            found.append(c)
            heads.add(c.i)
    return found


def agentive(lex: Lexicon, toks: list[Tok], t: Tok) -> bool:
    """A singular common noun of a person by its ending (noun class ``person_suffixes``:
    "a street vendor", "a tea seller", «un commerçant»), not a measure of others ("a
    number of", «une partie de»): one dead, as a noun of ``one_person`` is."""
    suffixes = lex.noun_classes.get("person_suffixes", frozenset())
    word = t.text
    return (
        t.pos == "NOUN"
        and len(word) >= _AGENTIVE_MIN
        and word.islower()
        and any(word.endswith(s) for s in suffixes)
        and not any(c.head == t.i and fold(c.text) in OF for c in toks)
        and not (t.i + 1 < len(toks) and fold(toks[t.i + 1].text) in OF)
    )
