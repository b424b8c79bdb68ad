"""Why a place found in the text was dropped after all: the weak matches need support
from the rest of the text.

The scan marks a match weak when it may be a coincidence (a surname-like town, a loose
spelling, an alternate name, a one-word Arabic name, a compass direction). Once every
match is resolved, a weak one stays only when the text's firm places support it: the
same country or first-level area, a city large enough to stand alone, a containing
place right after it ("Baalbek in Lebanon"), a list it shares with a firm town
("Nabatieh, Tyre and Baalbek"). A hinted match the text does not support keeps its
toponym but loses its place, as does a lone small town or an exonym far from the one
country the story is about.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from veille.geo._lexicon import GeoWords, key_of
from veille.geo._match import _Match
from veille.geo._normalize import name_keys
from veille.geo._store import FLAG_PRIMARY, FLAG_VILLAGE, Candidate, GazetteerStore, PlaceRecord
from veille.geo._weights import ArabicRegionalWeights, GeocoderWeights
from veille.geodesy import distance_km as _haversine_km

# Degrees around a country's box beyond which a town is in another region of the world.
FAR_DEGREES = 10.0
#: French and English words that make no word of a name ("Le Courrier" loosely spells
#: "Le Caire" by one word, not two; "EN DIRECT" is a live blog's label). The Arabic
#: article stays a word: "El Fasher" spelt "El-Facher" is no coincidence.
_NAME_ARTICLES = frozenset({"le", "la", "les", "l", "the", "en", "d", "de", "du", "des"})
# "X in Lebanon", "X, Liban", "X (Yemen)", "X, au Liban", "X في لبنان": the name is placed
# by the next one, which contains it.
_CONTAINED_BY_NEXT_RE = re.compile(
    r"^\s*(?:,\s*|\(\s*|in\s+|en\s+|au\s+|aux\s+|dans\s+(?:le\s+|la\s+|l'|l’)?"
    r"|,\s*(?:in|en|au|aux|dans)\s+(?:le\s+|la\s+|l'|l’)?|في\s+|ب)(?:the\s+)?$",
    re.IGNORECASE,
)


class Corroboration:
    """Keeps the weak matches the rest of the text supports (see the module doc); reads
    the gazetteer, the place words and the weights."""

    def __init__(self, store: GazetteerStore, words: GeoWords, weights: GeocoderWeights) -> None:
        self._store = store
        self._words = words
        self._weights = weights

    @staticmethod
    def one_place_per_name(matches: list[_Match], text: str) -> None:
        """ "near Boni ... on the Boni-Hombori road": a name read as two places in one
        text, one in the country the text's other places lie in and one elsewhere, is
        that country's place at each mention (one text, one sense of a name)."""
        groups: dict[str, list[_Match]] = {}
        for m in matches:
            if m.best is not None:
                groups.setdefault(key_of(text[m.start : m.end]), []).append(m)
        for key, group in groups.items():
            places = {m.best.place.id: m.best for m in group if m.best is not None}
            if len(places) < 2:
                continue
            around = Counter(
                m.best.place.iso3
                for other, ms in groups.items()
                if other != key
                for m in ms
                if m.best is not None
            )
            home = [c for c in places.values() if around[c.place.iso3]]
            if len(home) != 1:
                continue
            chosen = home[0]
            for m in group:
                # also where the place came from the villages' index at one mention only
                # (a cue before it there: «à proximité de Boni»)
                if m.best is not None and not around[m.best.place.iso3]:
                    m.best = chosen

    def drop_uncorroborated(
        self, matches: list[_Match], text: str, adjectives: set[str] | None = None
    ) -> list[_Match]:
        """Weak matches (surnames, loose spellings) stay only with support from the text.
        ``adjectives``: countries the text names by a national adjective («قصف إسرائيلي»)."""
        # A loose spelling supports nothing, even when the NER hinted it.
        firm = [m for m in matches if not m.weak and not m.loose and m.best is not None]
        countries = {m.best.place.iso3 for m in firm if m.best is not None}
        # The countries the text names a town or an area of, not only the country itself
        # (a country named in passing, "Israeli jets" over Lebanon, vouches for no loose
        # spelling of one of its villages).
        told = {
            m.best.place.iso3
            for m in firm
            if m.best is not None and m.best.place.feature != "country"
        }
        admins = {m.best.place.admin1 for m in firm if m.best is not None}
        regional = _regional_countries(matches, bool(countries), self._weights.arabic_regional)
        # A one-word Arabic name also stands in a country the text names by its adjective
        # («القوات السورية ... في منبج»).
        regional |= adjectives or set()
        verdict: dict[int, bool] = {}
        # "l'Ouest" in a story about Niger is not Cameroon's West Region: a direction
        # names a region only in a country the rest of the text names.
        directions = {
            id(m) for m in matches if key_of(text[m.start : m.end]) in self._words.direction_names
        }
        elsewhere = {
            m.best.place.iso3 for m in firm if m.best is not None and id(m) not in directions
        }
        for k, m in enumerate(matches):
            if m.best is not None and m.best.flags & FLAG_VILLAGE:
                # A village of the villages' index: in a country the text supports.
                verdict[k] = m.best.place.iso3 in countries | regional
            elif id(m) in directions and m.best is not None:
                verdict[k] = m.best.place.iso3 in elsewhere | regional
            elif not (m.weak or m.loose) or m.best is None:
                verdict[k] = True
            elif m.regional:
                verdict[k] = m.best.place.iso3 in countries or m.best.place.iso3 in regional
            else:
                # An alternate name is vouched for by its country named by its adjective
                # too («السعودية», Saudi Arabia named as Arabic names it), or by the
                # country a big Arabic town of the text names alone («رفح ... بيت لاهيا»).
                verdict[k] = self._corroborated(
                    m, m.best, told if m.loose else countries | regional, admins, text
                )
            if not verdict[k] and not m.loose:
                verdict[k] = _contained_by_next(text, m, firm)
        # "Bindi village" in a story about Plateau, Nigeria: the NER saw a place, and the
        # only town of that name lies in a country the text never names; a toponym
        # still, with no place. Every match is judged against the same firm places.
        # A people's adjective ("Russian" forces near Kupiansk) says whose, not where:
        # it makes no town of another country a stray.
        placing = [f for f in firm if not f.demonym]
        firm_countries = Counter(f.best.place.iso3 for f in placing if f.best is not None)
        # The story's country by its towns and areas, not by a country named in passing.
        towns = Counter(
            f.best.place.iso3
            for f in firm
            if f.best is not None and f.best.place.feature != "country"
        )
        # «les Forces armées maliennes ... Douentza», "an Israeli army post in Metula": a
        # town of a country the text names by its adjective is no stray.
        by_adjective = (adjectives or set()) | {
            f.best.place.iso3 for f in firm if f.demonym and f.best is not None
        }
        strays = [
            m
            for k, m in enumerate(matches)
            if verdict[k]
            and m.hinted
            and (m.best is None or m.best.place.iso3 not in by_adjective)
            and self._stray_town(m, firm_countries, len(placing), towns)
        ]
        for m in strays:
            m.best = None
        self._drop_far_villages(matches, verdict, firm)
        self._place_villages(matches, verdict)
        # "la ville de Ber" in a story about Mali: a town read only through a foreign
        # alternate name (Véroia's), far from the one country the text names.
        # The firm places' countries once the stray towns above lost their place.
        named = Counter(f.best.place.iso3 for f in firm if f.best is not None)
        firm_ids = {id(f) for f in firm}
        for k, m in enumerate(matches):
            best = m.best
            if not verdict[k] or best is None or best.place.feature != "city":
                continue
            own = best.place.iso3 if id(m) in firm_ids else None  # it names itself
            others = {c for c, n in named.items() if c and n - (c == own) > 0}
            others |= adjectives or set()
            weights = self._weights.corroboration
            if best.flags & FLAG_PRIMARY:
                # "the Beach View hotel" in a story about Mogadishu is not Beach, North
                # Dakota: a village's own name, far from every country the text names.
                # «une attaque contre Palma» in a story about Mozambique is not Palma,
                # Majorca: a town named with no cue and no NER, far from every country
                # named, short of a big city's fame.
                fame = self._weights.namesake.big_city_population
                if self._stray_far(best.place, others, weights.village_population) or (
                    (m.weak or self._area_noun_after(text, m))
                    and self._stray_far(best.place, others, fame)
                ):
                    m.best = None
                continue
            # Only in a story about one country: a list of cities across regions ("à
            # Bagdad, Damas et Tombouctou") names its places by their exonyms too.
            # A big city named firmly keeps its usual exonym in a story about another
            # country's forces ("off the coast of Hodeidah, the US military said").
            big = best.place.population >= self._weights.namesake.big_city_population
            # An Arabic one-word name is weak by construction: a big city read so
            # («تظاهروا أمام السفارة الأمريكية في بغداد») keeps its place too.
            firmly = not m.loose and (not m.weak or m.regional)
            lone = len(others) == 1 and best.place.iso3 not in others and not (big and firmly)
            if lone and best.place.iso3 in regional:
                # A town of a country the text's other Arabic towns vouch for is no stray,
                # whatever one adjective names («غارات أمريكية على الحديدة وصنعاء وصعدة»).
                rest = [n for n in matches if n is not m]
                lone = best.place.iso3 not in _regional_countries(
                    rest, bool(countries), self._weights.arabic_regional
                )
            if (lone and self._far_from(best.place, others)) or self._stray_far(
                best.place, others, weights.town_population
            ):
                # "près d'Eli" in a story about the West Bank is not Ely, Nevada: a small
                # town read through an alternate name, far from every country named.
                m.best = None
        w = self._words
        _outside_named_area(text, matches, w.site_nouns | w.geo_nouns | w.city_nouns)
        self._hidden_villages(text, matches, verdict, countries | regional)
        # A list of towns vouches for each member: "Nabatieh, Tyre and Baalbek".
        placed = [m for k, m in enumerate(matches) if verdict[k] and m.best is not None]
        # "the Nuseirat and Bureij camps": two towns of one country listed together,
        # each unsupported alone, vouch for each other.
        unsure = [
            m
            for k, m in enumerate(matches)
            if not verdict[k] and not m.loose and m.best is not None
        ]
        kept = []
        for k, m in enumerate(matches):
            beside = [n for n in unsure if n is not m]
            if verdict[k] or (
                not m.loose
                and (
                    _listed_with_firm(text, m, placed, self._words)
                    or _listed_with_firm(text, m, beside, self._words)
                )
            ):
                kept.append(m)
            elif m.hinted:
                # The NER saw a place whose spelling only loosely matches an unrelated
                # one: a toponym still, with no place (as for a name the index lacks).
                m.best = None
                kept.append(m)
        return kept

    def _hidden_villages(
        self, text: str, matches: list[_Match], verdict: dict[int, bool], supported: set[str | None]
    ) -> None:
        """A name all of whose known places were ruled out («une attaque contre Palma» in
        a story about Mozambique is not Majorca's) is the village that name hides in the
        villages' index (``GazetteerStore.shadowed``), in a country the text supports,
        nearest the story's other places and within ``village_reach_km`` of one."""
        anchors = _village_anchors(matches, verdict)
        if not anchors:
            return
        reach = self._weights.corroboration.village_reach_km
        for k, m in enumerate(matches):
            if not verdict[k] or m.best is not None or m.demonym or not m.candidates:
                continue
            keys = name_keys(text[m.start : m.end])
            hidden = [
                c
                for key in (["~" + key for key in keys] if m.loose else keys)
                for c in self._store.shadowed(key)
                if c.place.iso3 in supported
            ]
            nearest = _nearest_within(hidden, anchors, reach)
            if nearest is not None:
                m.best = nearest

    def _place_villages(self, matches: list[_Match], verdict: dict[int, bool]) -> None:
        """A village of the villages' index (``FLAG_VILLAGE``: population 0, one of many
        of its name) is the one nearest the story's other kept towns, areas and sites
        (the "Ngongo" of a story about Ituri is Ituri's, not Kasai's); none of them within
        ``village_reach_km`` of any: no place. A story that anchors nowhere (a country
        only) keeps the resolver's choice."""
        anchors = _village_anchors(matches, verdict)
        if not anchors:
            return
        reach = self._weights.corroboration.village_reach_km
        for k, m in enumerate(matches):
            best = m.best
            if not verdict[k] or best is None or not m.village:
                continue
            namesakes = [c for c in m.candidates if c.place.iso3 == best.place.iso3]
            m.best = _nearest_within(namesakes, anchors, reach)

    def _drop_far_villages(
        self, matches: list[_Match], verdict: dict[int, bool], firm: list[_Match]
    ) -> None:
        """ "Lido beach", "the Beach View hotel", "Pearl Beach" in a story about Mogadishu
        are no villages of the United States, however many of them the text holds: a
        village (under ``village_population``) of a country that no firm place other
        than a village names by its own name, far from every country the story is
        anchored in, loses its place. Villages of one faraway country, read from words
        of names, do not vouch for each other. The anchors are the firm areas and towns:
        a country named in passing ("Chad Foster" in a story about Ohio) anchors no
        story, though it vouches for its own villages ("Taji" in a story that names
        Iraq)."""
        small = self._weights.corroboration.village_population
        big = [
            f.best.place
            for f in firm
            if f.best is not None
            and f.best.flags & FLAG_PRIMARY  # "Savo" is no anchor in Italy for Savona
            and (f.best.place.feature != "city" or f.best.place.population >= small)
        ]
        vouched = {p.iso3 for p in big if p.iso3}
        anchors = {p.iso3 for p in big if p.iso3 and p.feature != "country"}
        if not anchors:
            return
        for k, m in enumerate(matches):
            best = m.best
            if (
                verdict[k]
                and best is not None
                and best.place.feature == "city"
                and best.place.population < small
                and best.place.iso3 not in vouched
                and self._far_from(best.place, anchors)
            ):
                m.best = None

    def _area_noun_after(self, text: str, m: _Match) -> bool:
        """An admin noun right after the name ("Kani Township", "X district"): the text
        names an area; a town of that name far away is read only by its name."""
        after = re.match(r"\s+([^\W\d_]+)", text[m.end : m.end + _NOUN_AFTER_CHARS])
        return after is not None and key_of(after.group(1)) in self._words.admin_nouns

    def _stray_far(self, place: PlaceRecord, countries: set[str], population: int) -> bool:
        """A town under ``population`` in none of ``countries`` (the ones the text
        names), and far from all of them."""
        return (
            bool(countries)
            and place.iso3 not in countries
            and place.population < population
            and self._far_from(place, countries)
        )

    def _far_from(self, place: PlaceRecord, countries: set[str]) -> bool:
        """The place lies outside every box of ``countries`` widened by
        ``FAR_DEGREES`` (another region of the world than the text's)."""
        boxes = self._store.country_boxes()
        d = FAR_DEGREES
        return not any(
            b[0] - d <= place.lat <= b[1] + d and b[2] - d <= place.lon <= b[3] + d
            for c in countries
            if (b := boxes.get(c)) is not None
        )

    def _stray_town(
        self,
        m: _Match,
        firm_countries: Counter[str | None],
        n_firm: int,
        towns: Counter[str | None] | None = None,
    ) -> bool:
        """A lone small town whose country no other firm place of the text names, while
        some other firm place names one (``firm_countries``: the firm places' countries,
        counted; ``n_firm``: how many there are; ``towns``: the same for the firm places
        that are no country). A hinted match is itself firm."""
        if m.best is None or m.best.place.feature != "city":
            return False
        place = m.best.place
        own = 0 if m.weak or m.loose else 1  # it counts among the firm places
        weights = self._weights.corroboration
        if n_firm - own <= 0 or place.population >= weights.far_city_population:
            return False
        named = {c for c, n in firm_countries.items() if c and n - (own if c == place.iso3 else 0)}
        if place.population >= weights.town_population:
            # "une attaque contre Palma" in a story about one country, Mozambique: a city
            # of another continent, named once and by nothing else of its country, is a
            # namesake the gazetteer lacks the right one of.
            # Only a story told through a town or an area of its countries: a country
            # named in passing ("ships linked to the United States") is no story's place.
            told = sum((towns or Counter())[c] for c in named)
            return told >= 1 and self._all_far(m, named)
        if len(m.candidates) == 1:
            return firm_countries[place.iso3] - own == 0
        # "a protest at the cenotaph in Albert Park" in a story about English towns: of
        # several homonyms, every one lies far from every country the firm places name.
        return bool(named) and self._all_far(m, named)

    def _all_far(self, m: _Match, named: set[str]) -> bool:
        """Every homonym of the match lies outside, and far from, every named country."""
        return all(
            c.place.iso3 not in named and self._far_from(c.place, named) for c in m.candidates
        )

    def _corroborated(
        self,
        m: _Match,
        c: Candidate,
        countries: set[str | None],
        admins: set[int | None],
        text: str,
    ) -> bool:
        """Whether the firm places' ``countries`` and ``admins`` (or its own size)
        support the weak match ``m`` read as ``c``. For a loose spelling, ``countries``
        holds only those the text names a town or an area of."""
        place = c.place
        weights = self._weights.corroboration
        if m.loose or not c.flags & FLAG_PRIMARY:
            # Loose keys and foreign alternate names ("Julia" for Plovdiv) need a firm
            # place of the same country, unless it is a several-word name of a large
            # city ("Khan Younis" for Khān Yūnis): that is no coincidence.
            return place.iso3 in countries or (
                _content_words(text[m.start : m.end]) >= 2
                and place.population >= weights.loose_name_city_population
            )
        return (
            place.population >= weights.town_population
            or place.admin1 in admins
            # "Kfar Kila", "Deir el-Balah": a town's own name of several words (no
            # one-word surname) in a country the text names
            or (_content_words(text[m.start : m.end]) >= 2 and place.iso3 in countries)
        )


#: Characters after a name within which the admin noun that follows it is read.
_NOUN_AFTER_CHARS = 24


def _village_anchors(matches: list[_Match], verdict: dict[int, bool]) -> list[PlaceRecord]:
    """The kept towns, areas and sites a village is placed near (no country, no village)."""
    return [
        m.best.place
        for k, m in enumerate(matches)
        if verdict[k]
        and m.best is not None
        and m.best.place.feature != "country"
        and not m.best.flags & FLAG_VILLAGE
    ]


def _nearest_km(place: PlaceRecord, anchors: Sequence[PlaceRecord]) -> float:
    return min(_haversine_km(place.lat, place.lon, a.lat, a.lon) for a in anchors)


def _in_an_anchors_area(place: PlaceRecord, anchors: Sequence[PlaceRecord]) -> bool:
    """The place lies in an area the text names, or in the province of a town it names
    (a large province's centre, or its other towns, may lie beyond any reach)."""
    return any(
        a.id in (place.admin1, place.admin2)
        or (a.feature != "admin1" and a.admin1 is not None and a.admin1 == place.admin1)
        for a in anchors
    )


def _nearest_within(
    candidates: Sequence[Candidate], anchors: Sequence[PlaceRecord], reach: float
) -> Candidate | None:
    """The candidate nearest the anchors, if within ``reach`` km of one or in an area
    of one (None when there is none)."""
    if not candidates:
        return None
    # "the village of X in Katsina state": a namesake in an area the text names wins
    # over a nearer one outside it (Katsina's X over Kano's, nearer Katsina's centre).
    inside = [c for c in candidates if _in_an_anchors_area(c.place, anchors)]
    if inside:
        return min(inside, key=lambda c: _nearest_km(c.place, anchors))
    km, nearest = min(((_nearest_km(c.place, anchors), c) for c in candidates), key=lambda p: p[0])
    return nearest if km <= reach else None


#: The longest text between two names of one list (", as well as ").
_LIST_GAP = 13


def _listed_with_firm(text: str, m: _Match, firm: Sequence[_Match], words: GeoWords) -> bool:
    """Whether the match stands in a list next to a firm town of its own country: "Nabatieh,
    Tyre and Baalbek" vouch for each other."""
    if m.best is None:
        return False
    place = m.best.place
    for n in firm:
        if n.best is None or n.best.place.iso3 != place.iso3 or n.best.place.feature != "city":
            continue
        gap = text[n.end : m.start] if n.end <= m.start else text[m.end : n.start]
        if len(gap) <= _LIST_GAP and words.list_gap.match(gap):
            return True
    return False


def _contained_by_next(text: str, m: _Match, firm: Sequence[_Match]) -> bool:
    """Whether the match is followed at once by a firm place that contains it: its
    country, or its province ("Baalbek in Lebanon", "Toretsk, Donetsk oblast")."""
    if m.best is None:
        return False
    place = m.best.place
    for n in firm:
        if n.start < m.end or n.start - m.end > 16 or n.best is None:
            continue
        if not _CONTAINED_BY_NEXT_RE.match(text[m.end : n.start]):
            return False
        outer = n.best.place
        if outer.feature == "country":
            return outer.iso3 == place.iso3
        return (
            outer.feature == "admin1"
            and outer.iso3 == place.iso3
            and place.admin1 is not None
            and place.admin1 in (outer.id, outer.admin1)
        )
    return False


#: The words between a town and the area a text places it in ("Karma, dans la province
#: du Yatenga", "Kuriga, in Kaduna state", «كويا، في محافظة أربيل»): a preposition, and
#: perhaps an article and a noun of an area kind with its "of".
_IN_AREA = (
    r"(?:dans|en|in|au|في|ب)\s*(?:la\s+|le\s+|l'|the\s+)?"
    # "in the northern Y": a direction of the area ("western", "central").
    r"(?:(?:north|south)?-?(?:east|west)?(?:ern)?(?<=[a-z])\s+(?=[A-Z])|central\s+)?"
    r"(?:(?:province|région|region|district|préfecture|prefecture|state|état|governorate|"
    r"gouvernorat|département|county|wilaya|محافظة|ولاية|منطقة|اقليم|إقليم)"
    r"\s*(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+)?)?"
)
#: After the town's name, with a comma or not ("X in the southern Bekaa valley").
_AREA_AFTER_RE = re.compile(r"\s*[,،]?\s*" + _IN_AREA, re.IGNORECASE)
#: After a place noun, with or without ("the X base in Y province").
_IN_AREA_RE = re.compile(r"\s*[,،]?\s+" + _IN_AREA, re.IGNORECASE)


#: Up to three lower-case words after a town's name whose last is a noun of a place
#: kind ("the X military base in", "X refugee camp, in"): the area after them holds the
#: town as well. Any other words ("X was attacked in") do not place the town.
_NOUN_RUN_RE = re.compile(r"(?:\s+[^\W\d_A-Z][\w'’-]*){1,3}")


def _after_place_nouns(text: str, at: int, nouns: frozenset[str]) -> int | None:
    """Where the run of lower-case words after ``at`` ends, if it ends on a noun of
    ``nouns`` (shortest run first)."""
    run = _NOUN_RUN_RE.match(text, at)
    if run is None:
        return None
    for word in re.finditer(r"\S+", text[at : run.end()]):
        if key_of(word.group()) in nouns:
            return at + word.end()
    return None


def _outside_named_area(
    text: str, matches: Sequence[_Match], nouns: frozenset[str] = frozenset()
) -> None:
    """A town the text places in an area ("Karma, in Yatenga province", "X in the northern
    Bekaa") whose reading lies outside that area's is another town of the same
    name (Karma in India): it keeps its toponym but loses its place, and so does every
    other mention of the name read as that town (a headline's «massacre à Karma»)."""
    ruled_out: set[int] = set()
    for k, m in enumerate(matches):
        if m.best is None or m.best.place.feature != "city" or k + 1 >= len(matches):
            continue
        gap = _AREA_AFTER_RE.match(text, m.end)
        named_for = False  # "the Ramadi military base in Babil": a site named after a town
        if gap is None and (after := _after_place_nouns(text, m.end, nouns)) is not None:
            gap = _IN_AREA_RE.match(text, after)
            named_for = True
        # The area is the next match, right after the words between, or taking the area
        # noun in (a parser's span "province du Yatenga").
        area = matches[k + 1]
        if gap is None or not m.end < area.start <= gap.end() or area.best is None:
            continue
        if area.demonym:
            continue  # "a Tunis school in the Libyan capital": a people's adjective, no area
        a, town = area.best.place, m.best.place
        if a.feature not in ("country", "admin1", "admin2"):
            continue
        # Within its own country, a town itself placed in an area it lies outside of may
        # only sit across an administrative line the gazetteer draws anew (Baalbek, now
        # of Baalbek-Hermel, "in the Bekaa"): it is ruled out only where a homonym lies
        # inside the area. A site named after a town is elsewhere whatever the country.
        homonym_inside = any(_within(c.place, a) for c in m.candidates)
        if not _within(town, a) and (named_for or town.iso3 != a.iso3 or homonym_inside):
            ruled_out.add(town.id)
    for m in matches:
        if m.best is not None and m.best.place.id in ruled_out:
            m.best = None


def _within(town: PlaceRecord, area: PlaceRecord) -> bool:
    """The town lies in the country, province or district ``area``."""
    if area.feature == "country":
        return town.iso3 == area.iso3
    if area.feature == "admin1":
        return town.admin1 == area.id
    return town.admin2 == area.id


def _content_words(name: str) -> int:
    """Words of a matched name other than its articles."""
    words = re.split(r"[\s\-'’]+", name.lower())
    return sum(1 for w in words if w and w not in _NAME_ARTICLES)


def _regional_countries(
    matches: Sequence[_Match], text_names_a_country: bool, weights: ArabicRegionalWeights
) -> set[str]:
    """Countries that one-word Arabic names support by themselves: that of two different
    towns near each other, and that of a city large enough to stand alone.

    A one-word Arabic name outside the countries the text names stands alone only for a
    city of ``alone_population`` when the text names no country, ``country_named_factor``
    times larger when it names one (Aleppo, not Al Ain), and ``peeled_factor`` times
    larger again when a one-letter clitic was peeled off to read it ("بيان" is "ب" +
    Yan'an, a city of 475,000; "بحلب" is Aleppo). Two one-word names vouch for each
    other's country when both are towns of ``pair_population`` at most ``pair_km``
    apart ("صنعاء" and "الحديدة"); two hamlets that happen to spell common nouns
    ("الرأس", "الغاز": Ross and Gas, USA) do not."""
    towns = []
    out: set[str] = set()
    for m in matches:
        iso3 = m.best.place.iso3 if m.best is not None else None
        if not m.regional or m.best is None or iso3 is None:
            continue
        place = m.best.place
        alone = weights.alone_population * (
            weights.country_named_factor if text_names_a_country else 1
        )
        # A loose spelling (vowels and doubled letters dropped) of a big city is a
        # coincidence as often as not: it stands alone for no country.
        if (
            not m.loose
            and place.feature == "city"
            and place.population >= alone * (weights.peeled_factor if m.peeled else 1)
        ):
            out.add(iso3)
        if place.population >= weights.pair_population:
            towns.append(place)
    for a, b in itertools.combinations({p.id: p for p in towns}.values(), 2):
        if (
            a.iso3
            and a.iso3 == b.iso3
            and _haversine_km(a.lat, a.lon, b.lat, b.lon) <= weights.pair_km
        ):
            out.add(a.iso3)
    return out
