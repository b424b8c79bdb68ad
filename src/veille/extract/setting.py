"""Where and when a sentence sets what it tells, beyond its date and place expressions:
a year on the trigger noun ("the 2015 attacks", «les attentats de 2015»), places left
unnamed ("in several provinces", «dans plusieurs villes»), a town told before ("attacked
the town again", «في البلدة») and a day of its own after each place of a list ("in Tyre
on Monday and in Baalbek on Tuesday"). ``veille.extract.sentence`` reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from veille.extract.candidate import PlaceRef, SentenceInput
from veille.extract.intervention import POINTING_BACK
from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import token_at
from veille.model import Span
from veille.nlp.arabic import is_definite, normalize
from veille.nlp.dates import DateExpression


@dataclass(frozen=True, slots=True)
class Year:
    value: int
    span: Span


#: A year as written: four digits from 1900 to 2099.
_YEAR = re.compile(r"(?:19|20)\d\d")


def year_of(trigger: Match, toks: list[Tok]) -> Year | None:
    """A year that modifies the trigger noun itself ("the 2015 attacks", «les
    attentats de 2015», "the 2019 massacre"): the event's year, as no date expression
    reads a bare number as one."""
    head = toks[trigger.start]
    if head.pos not in ("NOUN", "PROPN"):
        return None
    for t in toks:
        if t.head == head.i and t.i != head.i and _YEAR.fullmatch(t.text) and t.dep in _YEAR_DEPS:
            return Year(int(t.text), (t.start, t.end))
    return None


_YEAR_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "npadvmod", "obl", "appos"})


#: Words between a vague quantifier and the plural area noun it counts.
_SCATTER_REACH = 3


def scattered(lex: Lexicon, toks: list[Tok]) -> bool:
    """The sentence spreads what it tells over unnamed places ("in several provinces",
    «dans plusieurs villes», «في محافظات عدة»): a quantifier near a plural area noun."""
    quantifiers = lex.noun_classes.get("scattered_quantifiers", frozenset())
    areas = lex.noun_classes.get("plural_areas", frozenset())
    at = [i for i, t in enumerate(toks) if t.text.lower() in areas or t.keys & areas]
    return any(
        toks[j].keys & quantifiers
        for i in at
        for j in range(max(0, i - _SCATTER_REACH), min(len(toks), i + _SCATTER_REACH + 1))
    )


def the_town(lex: Lexicon, toks: list[Tok]) -> bool:
    """The sentence names its place as a town told before ("attacked the town again",
    «dans la localité», «في البلدة»): a definite town noun, with no name of its own after
    it ("the town of X" names one)."""
    towns = lex.noun_classes.get("towns", frozenset())
    for t in toks:
        if not t.keys & towns:
            continue
        if not t.pos or t.pos == "X":
            if is_definite(normalize(t.text)):
                return True
            continue
        definite = any(
            c.head == t.i and c.dep.startswith("det") and fold(c.text) in POINTING_BACK
            for c in toks
        )
        named = any(c.head == t.i and c.pos == "PROPN" for c in toks) or any(
            c.head == t.i and c.dep in ("prep", "nmod") for c in toks
        )
        if definite and not named:
            return True
    return False


def days_by_place(s: SentenceInput, places: list[PlaceRef]) -> list[DateExpression] | None:
    """The day told right after each place of a list, before the next one ("in Tyre on
    Monday and in Baalbek on Tuesday", «à Tyr lundi et à Baalbek mardi»); None unless
    each place has its own and they are not all one day."""
    ordered = sorted(places, key=lambda p: p.start)
    if [p.start for p in ordered] != [p.start for p in places]:
        return None
    out: list[DateExpression] = []
    for k, place in enumerate(places):
        end = places[k + 1].start if k + 1 < len(places) else s.end
        own = [
            d
            for d in s.dates
            if place.end <= d.start < end and d.precision == "day" and d.value is not None
        ]
        if len(own) != 1:
            return None
        out.append(own[0])
    return out if len({d.value for d in out}) > 1 else None


def nationality_of_people(lex: Lexicon, place: PlaceRef, s: SentenceInput) -> bool:
    """A country, or its people's adjective, on a noun of persons ("two French tourists",
    "three US citizens", «des ressortissants américains»; noun classes ``nationals``,
    ``one_person``, ``captives``): whose the people are, never where anything happened,
    even in a sentence that names no other place."""
    if place.feature != "country":
        return False
    toks = s.tokens
    k = token_at(toks, place.start)
    if k is None or toks[k].dep not in _ON_A_NOUN or toks[k].head == k:
        return False
    people = (
        lex.noun_classes.get("nationals", frozenset())
        | lex.noun_classes.get("one_person", frozenset())
        | lex.noun_classes.get("captives", frozenset())
    )
    head = toks[toks[k].head]
    return head.pos == "NOUN" and bool(head.keys & people)


#: How a people's adjective or a country's name hangs on the noun it qualifies.
_ON_A_NOUN = frozenset({"amod", "compound", "nmod"})
