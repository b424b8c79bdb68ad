"""Places that name one location ("Tessit, près de Gao, dans le nord du Mali", "Rafah,
Gaza", "Walton, Liverpool"): ``place_clusters`` groups a sentence's places so that the
place chooser (``placing``) reads each location once, by its most specific name
(``specificity``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from veille.extract.candidate import PlaceRef, SentenceInput
from veille.extract.lexicon import fold
from veille.geodesy import distance_km
from veille.lang.loader import languages, resources


@functools.cache
def _containment() -> re.Pattern[str]:
    """What stands between a place and the bigger one it lies in: a comma, a
    preposition, perhaps an article and the noun of an area or a town (each language's
    ``admin_nouns``, ``city_nouns`` and ``geo_nouns``: «, en territoire d'», ", in the
    province of", «, dans le caza de»)."""
    # "territoire" (a DRC territory, named after its seat): the gazetteer knows the
    # town, so the noun is no admin noun of the place reader.
    nouns = {"ville", "province", "region", "district", "city", "territoire", "territory"} | {
        fold(w)
        for code in languages()
        for w in (
            *resources(code).places.admin_nouns,
            *resources(code).places.city_nouns,
            *resources(code).places.geo_nouns,
        )
    }
    alternatives = _alternation(nouns)
    return re.compile(
        r"^\s*(?:,\s*)?"
        r"(?:à|a|au|aux|en|dans|près de|pres de|in|near|at|of|de|du|d'|في|ب|قرب|,)\s*"
        r"(?:la |le |l'|les |the )?"
        rf"(?:(?:{alternatives})\s+(?:de |d'|of )?)?$",
        re.IGNORECASE,
    )


def text_between(a: PlaceRef, b: PlaceRef, s: SentenceInput) -> str:
    """The folded text from the end of one place to the start of the next."""
    return fold(s.text[a.end - s.start : b.start - s.start])


def specificity(p: PlaceRef) -> tuple[int, int]:
    """Sort key: the most precise place first (a site before a city before a country)."""
    order = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
    return (p.precision, order.get(p.feature, 3))


def place_clusters(places: Sequence[PlaceRef], s: SentenceInput) -> list[list[PlaceRef]]:
    """Group places that name one location ("Tessit, près de Gao, dans le nord du Mali")."""
    clusters: list[list[PlaceRef]] = []
    for p in sorted(places, key=lambda x: x.start):
        if clusters:
            last = clusters[-1][-1]
            between = s.text[last.end - s.start : p.start - s.start].replace("’", "'")
            # "Harir, Erbil", "Gao, Mali" name one location; "Rafah, Khan Younis" (two
            # towns after a bare comma) is a list.
            towns = {last.feature, p.feature} <= {"city"}
            # «de Tyr, de Nabatiyé et de ...»: a comma and the list's repeated "de"
            # join two towns as a bare comma does.
            listed = _LISTED_AFTER_COMMA.match(between) is not None
            # "Walton, Liverpool": a quarter and its city; "Rafah, Gaza": a town and the
            # area named after a bigger one; not where a list goes on after them
            # ("Khiam, Kfar Kila et Odaisseh", the last perhaps unknown to the index).
            two_listed = (
                towns
                and listed
                and (
                    not (_quarter_of(last, p) or _names_its_area(last, p, places, s))
                    or _list_goes_on(p, s)
                )
            )
            if last.iso3 == p.iso3 and _containment().match(between) and not two_listed:
                clusters[-1].append(p)
                continue
        for c in clusters:
            # Two towns are two places, though both lie in the country named first.
            other_town = any(q.place_id != p.place_id and _town(q) for q in c) and _town(p)
            if not other_town and any(_nested(p, q) for q in c):
                c.append(p)
                break
        else:
            clusters.append([p])
    return clusters


#: A comma, alone or with the "de" a French list repeats before each name.
_LISTED_AFTER_COMMA = re.compile(r"^\s*,\s*(?:(?:de|d'|du)\s*)?$", re.IGNORECASE)
#: Kilometres within which a much smaller place named before a city is a part of it.
_QUARTER_KM = 12.0
#: How many times bigger that city is than the place.
_QUARTER_RATIO = 10


def _list_goes_on(p: PlaceRef, s: SentenceInput) -> bool:
    """A list joiner and another name follow the place ("Khiam, Kfar Kila et Odaisseh"):
    the names before are members of a list, not a quarter and its town."""
    after = s.text[p.end - s.start : p.end - s.start + 40]
    return _list_joint_then_name().match(after) is not None


@functools.cache
def _list_joint_then_name() -> re.Pattern[str]:
    """A list's joint (``_list_joint``'s words) and a capitalised or Arabic word."""
    joiners = _alternation(_list_joiners())
    return re.compile(rf"^\s*(?:,|،)?\s*(?:(?:{joiners})\s+|و)?[A-ZÀ-Þ\u0600-\u06FF]")


def _list_joiners() -> set[str]:
    """Each language's ``list_joiners``, as the geocoder reads lists."""
    return {w for code in languages() for w in resources(code).places.list_joiners}


def _alternation(words: set[str]) -> str:
    """A regex alternative of the words, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _quarter_of(part: PlaceRef, city: PlaceRef) -> bool:
    """ "Walton, Liverpool", "Kadamzai, Peshawar": a small place right before a city
    many times its size, a few kilometres from it, is a quarter of that city, not a
    second town of a list ("Rafah, Khan Younis": two towns of a size)."""
    small, big = _population(part), _population(city)
    if small is None or big is None or big < _QUARTER_RATIO * max(small, 1):
        return False
    return _within(part, city, _QUARTER_KM)


#: Kilometres within which a bigger town after a bare comma names the smaller's area.
_AREA_KM = 100.0


@functools.cache
def _list_joint() -> re.Pattern[str]:
    """What joins two places of a list: a comma, a conjunction of a list (each
    language's ``list_joiners``, as the geocoder reads lists), or both; nothing else."""
    alternatives = _alternation({fold(w) for w in _list_joiners()})
    return re.compile(rf"^\s*(?:,|،)?\s*(?:{alternatives})?\s*$", re.IGNORECASE)


def _names_its_area(
    town: PlaceRef, big: PlaceRef, places: Sequence[PlaceRef], s: SentenceInput
) -> bool:
    """ "Rafah, Gaza", "Kajuru, Kaduna": a bigger town's name right after a town, joined
    by a bare comma, names the area the town lies in (the Gaza Strip, Kaduna State, both
    named after their city), not a second place, where no list goes on around the two:
    a list of two is told with "and" ("Rafah and Khan Younis"), a longer one goes on
    ("Rafah, Khan Younis and Deir al-Balah")."""
    small, large = _population(town), _population(big)
    if small is None or large is None or large <= small:
        return False
    if not _within(town, big, _AREA_KM):
        return False
    ordered = sorted(places, key=lambda x: x.start)
    k = ordered.index(town)
    before = ordered[k - 1] if k > 0 else None
    after = ordered[k + 2] if k + 2 < len(ordered) else None
    if before is not None and _list_joint().match(text_between(before, town, s)):
        return False
    return after is None or not _list_joint().match(text_between(big, after, s))


def _population(p: PlaceRef) -> int | None:
    population = _gazetteer_field(p, "population")
    return population if isinstance(population, int) else None


def _gazetteer_field(p: PlaceRef, name: str) -> object:
    """A field of the gazetteer place behind ``p`` (its toponym's), None where none."""
    return getattr(getattr(p.payload, "place", None), name, None)


def _town(p: PlaceRef) -> bool:
    """A town or a site, not a vague part of one ("northern Gaza")."""
    return p.feature in ("city", "site") and not p.vague


def _nested(a: PlaceRef, b: PlaceRef) -> bool:
    """One place contains or equals the other (same country, compatible province); a
    vague part of a town ("northern Gaza", «le sud de Tyr») holds the towns within
    ``_VAGUE_PART_KM`` of it ("In northern Gaza, a strike in Jabalia ...")."""
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    if a.iso3 is None or b.iso3 is None or a.iso3 != b.iso3:
        return False
    if (a.vague or b.vague) and _within(a, b, _VAGUE_PART_KM):
        return True
    broad = {"country", "region"}
    if a.feature in broad or b.feature in broad:
        return True
    if a.feature == "admin1" or b.feature == "admin1":
        return a.admin1 is None or b.admin1 is None or fold(a.admin1) == fold(b.admin1)
    if "admin2" in (a.feature, b.feature):
        # "Yelwa, a community in Shendam LGA": a town and the district it lies in.
        a2, b2 = _admin2(a), _admin2(b)
        return a2 is not None and b2 is not None and fold(a2) == fold(b2) and a.admin1 == b.admin1
    return False


def _admin2(p: PlaceRef) -> str | None:
    """The name of the district the place lies in (its own for a district)."""
    admin2 = _gazetteer_field(p, "admin2")
    return admin2 if isinstance(admin2, str) else None


#: Kilometres from a town within which a place lies in a vague part of it ("northern
#: Gaza" is read at Gaza city, the strip's north runs some 30 km).
_VAGUE_PART_KM = 40.0


def _within(a: PlaceRef, b: PlaceRef, km: float) -> bool:
    """Both places have coordinates and lie within ``km`` of each other."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km
