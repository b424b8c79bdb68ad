"""Parts of a city: a name a quarter noun marks ("le quartier de Faladié", "the Sheikh
Radwan neighbourhood", "Ward 4") or a city owns in the possessive ("Kinshasa's Gombe
district") is a part of the city the text names; a homonym far from it is another place.
Run by ``veille.geo._geocoder.Geocoder`` after the corroboration of weak matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.geo._lexicon import GeoWords
from veille.geo._match import _Match
from veille.geo._normalize import Token
from veille.geodesy import distance_km as _haversine_km

#: Kilometres within which a quarter lies from the city the text names.
QUARTER_KM = 15.0
#: Words that may stand between a quarter noun and the quarter's name («quartier de X»).
#: Indefinite articles before a quarter noun: "a neighbourhood of X" is one of X's, with
#: up to two adjectives between ("a crowded residential neighbourhood of X").
_INDEFINITE = frozenset({"a", "an", "un", "une"})
_ADJECTIVES = 3
_QUARTER_LINKS = frozenset({"de", "d", "du", "of"})


def drop_far_quarters(
    words: GeoWords, text: str, tokens: Sequence[Token], matches: list[_Match]
) -> None:
    """ "le quartier de Faladié" in a story about Bamako, "the Sheikh Radwan
    neighbourhood of Gaza City": a name a quarter noun marks is a part of a city
    the text names; a homonym that lies farther than ``QUARTER_KM`` from every city
    the text names is another place. The quarter is then placed near the one city
    the text names (precision 2), or nowhere when it names several (a text that
    names no city leaves it as it is). A name a city owns in the possessive
    ("Kinshasa's Gombe district") is a part of that city the same way."""
    quarters = words.quarter_nouns
    cities = {
        m.best.place.id: m.best
        for m in matches
        if m.best is not None and m.best.place.feature == "city"
    }
    cities_by_end = {
        m.end: m for m in matches if m.best is not None and m.best.place.feature == "city"
    }
    for m in matches:
        owner = _owned_by_a_city(text, m, cities_by_end)
        if owner is not None and owner is not m and m.best is not None and owner.best is not None:
            # "Kinshasa's Gombe district": a part of the city named in the
            # possessive before it; a homonym far from that city is another place.
            here, city = m.best.place, owner.best.place
            if _haversine_km(here.lat, here.lon, city.lat, city.lon) > QUARTER_KM:
                m.best = owner.best
                m.precision = 2
            continue
        if m.best is None or not _marked_as_quarter(tokens, m, quarters):
            continue
        others = [c for pid, c in cities.items() if pid != m.best.place.id]
        here = m.best.place
        if others and all(
            _haversine_km(here.lat, here.lon, c.place.lat, c.place.lon) > QUARTER_KM for c in others
        ):
            m.best = others[0] if len(others) == 1 else None
            m.precision = 2


def _owned_by_a_city(text: str, m: _Match, cities_by_end: dict[int, _Match]) -> _Match | None:
    """The match right before ``m`` names a city in the possessive ("Kinshasa's Gombe
    district", "Gaza City's Rimal quarter"); ``cities_by_end``: the matches that resolved
    to a city, by the offset their name ends at."""
    found = _POSSESSIVE_BEFORE_RE.search(text, max(0, m.start - _POSSESSIVE_CHARS), m.start)
    return cities_by_end.get(found.start()) if found is not None else None


#: The possessive between a city and a part of it ("'s "), right before the part, and
#: the characters back from the part within which it is looked for.
_POSSESSIVE_BEFORE_RE = re.compile(r"['’]s\s+$")
_POSSESSIVE_CHARS = 8


def _marked_as_quarter(tokens: Sequence[Token], m: _Match, quarters: frozenset[str]) -> bool:
    """A quarter noun right before the name ("quartier X", "quartier de X", «حي X») or
    right after it ("the X neighbourhood", also past one more capitalised word of the
    name the gazetteer matched a part of: "the Sheikh Radwan neighbourhood"), or the
    name's own first word ("Ward 4": a numbered ward of a town)."""
    if tokens[m.first].norm in quarters:
        return True
    k = m.first - 1
    if k >= 0 and tokens[k].norm in _QUARTER_LINKS:
        k -= 1
    if k >= 0 and tokens[k].norm in quarters:
        # "the Sheikh Radwan neighbourhood of Gaza City": after a quarter's own name,
        # "neighbourhood of" introduces the city; so it does after an indefinite article
        # ("a residential neighbourhood of Homs", «un quartier de Bamako»: one of its
        # quarters, unnamed).
        named = k > 0 and tokens[k - 1].raw[:1].isupper() and not tokens[k - 1].arabic
        one_of = any(tokens[j].norm in _INDEFINITE for j in range(max(0, k - _ADJECTIVES), k))
        return not named and not one_of
    j = m.last
    if j < len(tokens) and tokens[j].raw[:1].isupper() and not tokens[j].arabic:
        j += 1
    return j < len(tokens) and tokens[j].norm in quarters
