"""How a homonym is chosen: each gazetteer match's place among its candidates.

A candidate starts from its prior (``prior``: feature, size, how official the name is),
plus the bonus of a noun that names its class ("la province de X", "Idlib province"),
less the readings the text rules out (the governorate named after a town, the country
after "the capital", the province named after a sea). Then, twice over, the context of
the whole text: the countries and first-level areas the other picks name (each name
voting once, never for itself), the countries a French or Arabic text's national
adjectives name, the towns named nearby (``PROXIMITY_NEIGHBOURS`` on each side) and the
area the outlet usually reports from (``OutletProfile``). "X, Y" where Y contains X
settles both first (``_apply_containers``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping

from veille.geo._lexicon import GeoWords
from veille.geo._match import _Match
from veille.geo._normalize import Token, normalise_token
from veille.geo._records import _OUTLET_FEATURES, OutletProfile
from veille.geo._store import FLAG_LOOSE, FLAG_PRIMARY, Candidate, GazetteerStore, PlaceRecord
from veille.geo._weights import GeocoderWeights, PriorWeights
from veille.geo.datelines import is_dateline
from veille.geodesy import distance_km as _haversine_km

# How many resolvable names on each side of a name, in text order, can vouch for a
# nearby town: bounds the proximity score (linear in the text, not quadratic) and keeps
# a long page of many stories from mixing one story's places into another's.
PROXIMITY_NEIGHBOURS = 4
# What a national adjective in a French or Arabic text adds to its country's support
# (a name resolved with a clear margin adds up to 1).
DEMONYM_VOTE = 1.0
# Score taken from a reading the text rules out (the country after "the capital"): more
# than any prior or context bonus can give back.
_OUTRANKED = 100.0
# A town this small does not outrank the sea it is named after.
_SMALL_TOWN = 50_000
# Kinds of curated site that are bodies of water (``sites.csv``).
_WATER_KINDS = frozenset({"sea", "lake", "strait"})
# Kilometres per degree of latitude: farther pairs are skipped before the haversine.
_KM_PER_DEGREE = 111.2
# Only a comma between a name and the next ("Tripoli, Lebanon", "Mer Rouge, La.").
_COMMA_AFTER_RE = re.compile(r"^\s*,\s*$")
# The most words that may tie a place to the area named after it ("X district of the
# Y": 3), and what ends the clause they must stand in.
_CONTAINER_GAP = 5
_CLAUSE_BREAK_RE = re.compile(r"[.;:!?؛\n]")
# The first lower-case word after a name, or after a list of capitalised names that it
# starts ("Harvey, Harper and Kingman counties").
_NOUN_AFTER_LIST_RE = re.compile(
    r"(?:(?:,| and| or|, and|, or) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)* ([a-z]+)\b"
)
_ADMIN_NOUNS_AFTER = frozenset(
    {"county", "counties", "parish", "parishes", "province", "provinces", "governorate"}
    | {"governorates", "state", "states", "oblast", "oblasts", "district", "districts"}
)
#: Nouns after a name that make it the area named after its town only ("the Kharkiv
#: region", "the Mopti region": the oblast, the region), not another country's area of
#: that name (a city's "region" is its metropolitan area: "the Charlotte region").
_SEAT_AREA_NOUNS_AFTER = frozenset({"region", "regions"})


def prior(c: Candidate, weights: PriorWeights) -> float:
    """Context-free plausibility: feature, size, and how official the name is."""
    place = c.place
    score = weights.feature.of(place.feature)
    weight = weights.log_population.of(place.feature)
    if weight:
        score += weight * math.log10(place.population + 1)
    if c.flags & FLAG_PRIMARY:
        score += weights.primary_name
    if c.flags & FLAG_LOOSE:
        score -= weights.loose_spelling
    return score


class Resolver:
    """Picks each match's place (see the module doc); reads the gazetteer, the place
    words and the weights, and writes only the matches it is given."""

    def __init__(self, store: GazetteerStore, words: GeoWords, weights: GeocoderWeights) -> None:
        self._store = store
        self._words = words
        self._weights = weights

    def demonym_context(self, tokens: list[Token]) -> dict[str, float]:
        """The countries a French or Arabic text's national adjectives name («une frappe
        israélienne», «القوات السورية»), each counted once with ``DEMONYM_VOTE``. In
        English a demonym is itself a toponym ("Israeli": the scan reads it); elsewhere
        it only tells which country the text is about."""
        demonyms = self._store.demonyms()
        found = {iso3 for t in tokens if (iso3 := self._demonym_of(t, demonyms)) is not None}
        return dict.fromkeys(found, DEMONYM_VOTE)

    def _demonym_of(self, token: Token, demonyms: Mapping[str, str]) -> str | None:
        """The country a people's adjective names, inflected or not («جنود ماليون»,
        «جنديان باكستانيان»: the adjective's ending of number or gender taken off)."""
        iso3 = demonyms.get(token.norm)
        if iso3 is not None:
            return iso3
        if not token.arabic:
            # «les Forces armées maliennes», «des soldats maliens»: the plural's -s.
            return demonyms.get(token.norm[:-1]) if token.norm.endswith("s") else None
        for ending in self._words.demonym_endings:
            stem = token.norm[: -len(ending)]
            if token.norm.endswith(ending) and len(stem) > 2 and stem in demonyms:
                return demonyms[stem]
        return None

    def resolve(
        self,
        text: str,
        tokens: list[Token],
        matches: list[_Match],
        outlet: OutletProfile | None = None,
        adjectives: dict[str, float] | None = None,
    ) -> None:
        """Pick each match's place: priors and nouns first, then twice with the text's
        context (the countries and areas of the other picks, plus ``adjectives``: the
        countries the text's national adjectives name, «israélienne», «السوري»)."""
        resolvable = [m for m in matches if m.candidates]
        for m in resolvable:
            # "Idlib province", "Harvey, Harper and Kingman counties", "the Kharkiv region"
            after = None if m.demonym else _noun_after(text, m.end)
            noun_after = not m.demonym and (
                after in _ADMIN_NOUNS_AFTER
                # "Donetsk Oblast", "Kaduna State": the name's own last word is the noun
                or (m.last - m.first > 1 and tokens[m.last - 1].norm in _ADMIN_NOUNS_AFTER)
                # "Shendam Local Government Area", "Guma LGA": an area's own phrase
                or self._words.area_tail.match(text, m.end) is not None
            )
            seat_area = after in _SEAT_AREA_NOUNS_AFTER
            seats = {
                a
                for c in m.candidates
                if seat_area and c.place.feature == "city"
                for a in (c.place.admin1, c.place.admin2)
            }
            m.scores = {
                c.place.id: prior(c, self._weights.prior)
                + self._noun_bonus(tokens, m, c, noun_after or c.place.id in seats)
                for c in m.candidates
            }
            self.prefer_namesake_towns(m)
            self._country_not_its_city(m)
            self._capital_not_country(text, tokens, m)
            self._water_not_province(text, tokens, m, noun_after)
            self._pick(m)
        self._apply_containers(text, tokens, resolvable)
        k = PROXIMITY_NEIGHBOURS
        names = _by_name(resolvable)  # the candidates stay the same across both passes
        for _ in range(2):
            countries, admins = self._context(names)
            for iso3, weight in (adjectives or {}).items():
                countries[iso3] += weight
            for i, m in enumerate(resolvable):
                neighbours = resolvable[max(0, i - k) : i] + resolvable[i + 1 : i + 1 + k]
                self._pick(m, countries, admins, neighbours, outlet)

    def _country_not_its_city(self, m: _Match) -> None:
        """ "in Mexico", "into Guatemala": a country's own name is the country, not the
        city of that country that carries it only as an alternate name ("Mexico City",
        "Guatemala City"); the city is named in full, or after a noun for a capital
        (``_capital_not_country``, which runs after this and outranks it)."""
        countries = {
            c.place.iso3
            for c in m.candidates
            if c.place.feature == "country" and c.flags & FLAG_PRIMARY
        }
        if not countries:
            return
        for c in m.candidates:
            if (
                c.place.feature == "city"
                and c.place.iso3 in countries
                and not c.flags & FLAG_PRIMARY
            ):
                m.scores[c.place.id] -= self._weights.namesake.area_penalty

    def _capital_not_country(self, text: str, tokens: list[Token], m: _Match) -> None:
        """ "العاصمة تونس", «la capitale Djibouti», "the capital, Kuwait": after a noun for
        a capital (and a national adjective: "العاصمة الليبية طرابلس") the name is the
        city where a country shares it; so it is before one ("تونس العاصمة", "الجزائر
        العاصمة": the capital city, told from the country). Right after the noun or at
        the head of a dispatch ("وفي العاصمة عمان", "عمان –"), a big city's reading beats
        every country's, whatever the city's country (Amman, not Oman)."""
        before = {t.norm for t in tokens[max(0, m.first - 2) : m.first]}
        after = {tokens[m.last].norm} if m.last < len(tokens) else set()
        city = self._apposed_to_capital(tokens, m) or is_dateline(text, m.start, m.end)
        if not city and not (before | after) & self._words.capital_nouns:
            return
        big = self._weights.namesake.big_city_population
        any_big_city = city and any(
            c.place.feature == "city" and c.place.population >= big for c in m.candidates
        )
        cities = {c.place.iso3 for c in m.candidates if c.place.feature == "city"}
        for c in m.candidates:
            if c.place.feature == "country" and (any_big_city or c.place.iso3 in cities):
                m.scores[c.place.id] -= _OUTRANKED

    def _apposed_to_capital(self, tokens: list[Token], m: _Match) -> bool:
        """The name is in apposition to a noun for a capital: right after it, or after it
        and a national adjective ("the capital Amman", «العاصمة الأردنية عمان»); not after
        "capital of" nor Arabic's indefinite construct («عاصمة عمان»: Oman's capital)."""
        k = m.first - 1
        if k >= 1 and tokens[k].norm in self._store.demonyms():
            k -= 1
        if k < 0 or tokens[k].norm not in self._words.capital_nouns:
            return False
        raw = tokens[k].raw  # the norm has lost the article: read it on the word as written
        return not tokens[k].arabic or "ال" in raw[:4] or raw.startswith("لل")

    def _water_not_province(
        self, text: str, tokens: list[Token], m: _Match, noun_after: bool
    ) -> None:
        """ "في البحر الأحمر", «en mer Rouge»: a sea's name is the sea, not the province
        named after it (Sudan's and Egypt's Red Sea), unless a noun for an area comes
        first ("ولاية البحر الأحمر", "Red Sea State" reads the province by its noun)."""
        water = any(
            c.place.feature == "region"
            and (info := self._store.site_info(c.place.id)) is not None
            and info[1] in _WATER_KINDS
            for c in m.candidates
        )
        if not water or noun_after:
            return
        before = {t.norm for t in tokens[max(0, m.first - 2) : m.first]}
        if before & self._words.admin_nouns:
            return
        for c in m.candidates:
            # The province named after the sea, or a small town that took its name
            # ("Mer Rouge", Louisiana, in a story that names the United States).
            small_town = (
                c.place.feature == "city"
                and c.place.population < _SMALL_TOWN
                and not _COMMA_AFTER_RE.match(text[m.end : m.end + 2])  # "Mer Rouge, La."
            )
            if c.place.feature in ("admin1", "admin2") or small_town:
                m.scores[c.place.id] -= _OUTRANKED

    def prefer_namesake_towns(self, m: _Match) -> None:
        """A bare "Aleppo" is the city, not the governorate named after it (ACLED's reading);
        "la province d'Alep" gets the admin area through the noun bonus."""
        # Not a village that merely carries the name among its alternate names: "Minnesota"
        # is one of Minneota's (1,400 people), which must not make the state give way.
        # "Alep" is only an alternate name of Aleppo the city too, but a namesake seat.
        weights = self._weights.namesake
        area_pop = {c.place.id: c.place.population for c in m.candidates}
        named = [
            c
            for c in m.candidates
            if c.place.feature == "city"
            and (
                c.flags & FLAG_PRIMARY
                or c.place.population * weights.town_share
                >= max(area_pop.get(c.place.admin1 or -1, 0), area_pop.get(c.place.admin2 or -1, 0))
            )
        ]
        towns = {c.place.admin1 for c in named} | {c.place.admin2 for c in named}
        # A town the gazetteer files under no district ("Bent Jbaïl") is still the seat
        # of the same-named district of its province ("Caza de Bent Jbaïl").
        unfiled = {c.place.admin1 for c in named if c.place.admin2 is None}
        # A big city outranks a same-named state of its country ("Washington"): news
        # names the state with its noun ("Washington state").
        big = {
            c.place.iso3
            for c in m.candidates
            if c.place.feature == "city" and c.place.population >= weights.big_city_population
        }
        # The seat and its namesake area are one reading of the name: the town stands
        # as high as its area before the area gives way ("Gaza", city and governorate,
        # is not outranked by a namesake province of another country).
        # The seat is the area's largest town of the name, not a village of the same
        # name inside it (Zaporizhzhia the city, not the hamlet of 656 in its oblast).
        by_id = {c.place.id: c for c in m.candidates}
        seat: dict[int, Candidate] = {}
        for c in named:
            for a in (c.place.admin1, c.place.admin2):
                if a in by_id and (a not in seat or c.place.population > seat[a].place.population):
                    seat[a] = c
        areas_of: dict[int, list[int]] = {}
        for a, c in seat.items():
            areas_of.setdefault(c.place.id, []).append(a)
        priors = self._weights.prior
        for town, areas in areas_of.items():  # the area's standing without its noun
            lift = max(prior(by_id[a], priors) for a in areas) - prior(by_id[town], priors)
            m.scores[town] += max(0.0, lift)
        for c in m.candidates:
            if c.place.feature in ("admin1", "admin2") and (
                c.place.id in towns
                or c.place.iso3 in big
                or (c.place.feature == "admin2" and c.place.admin1 in unfiled)
            ):
                m.scores[c.place.id] -= weights.area_penalty

    def _noun_bonus(
        self, tokens: list[Token], m: _Match, c: Candidate, admin_after: bool = False
    ) -> float:
        window = {t.norm for t in tokens[max(0, m.first - 4) : m.first]}
        if m.start > tokens[m.first].start:  # glued Arabic preposition: same window
            window |= {tokens[m.first - 1].norm} if m.first else set()
        feature = c.place.feature
        nouns = self._weights.nouns
        if feature == "site" and window & self._words.site_nouns:
            return nouns.site
        prev = tokens[m.first - 1].norm if m.first else ""
        prev2 = tokens[m.first - 2].norm if m.first > 1 else ""
        near_nouns = {prev, prev2}
        if prev in _OF and m.first > 2:
            # «la province syrienne d'Idleb», "the region of X": a people's adjective
            # may stand between the noun and its "of".
            near_nouns.add(tokens[m.first - 3].norm)
        admin_noun = bool(
            near_nouns & self._words.admin_nouns
            or admin_after
            or self._in_admin_list(tokens, m.first)
        )
        if feature in ("admin1", "admin2") and admin_noun:
            return nouns.admin
        if feature == "city" and admin_noun and self._seat_of_unnamed_area(tokens, m, c):
            return nouns.admin
        if feature == "city" and near_nouns & self._words.city_nouns:
            return nouns.city
        return 0.0

    def _seat_of_unnamed_area(self, tokens: list[Token], m: _Match, c: Candidate) -> bool:
        """The town lies in a district (or province) of the name as written that the
        name does not reach ("Musakhel district": the gazetteer spells the district "Musa
        Khel District" and knows the town under "Musakhel"): the admin noun stands for
        that area through its town."""
        ids = {o.place.id for o in m.candidates}
        admin_nouns = self._words.admin_nouns
        written = _squeezed(
            " ".join(t.norm for t in tokens[m.first : m.last] if t.norm not in admin_nouns)
        )
        for area in (c.place.admin2, c.place.admin1):
            if area is None or area in ids:
                continue
            name = self._store.name(area) or ""
            bare = " ".join(w for w in name.split() if normalise_token(w) not in admin_nouns)
            if bare and _squeezed(normalise_token(bare)) == written:
                return True
        return False

    def _in_admin_list(self, tokens: list[Token], first: int) -> bool:
        """The name stands in a list that a plural admin noun opens ("the provinces of
        Khost and Paktika", «les régions de Mopti et de Ségou», «محافظتي إدلب وحلب»):
        between them only names and the list's joiners."""
        names = 0
        for k in range(first - 1, max(-1, first - _ADMIN_LIST_REACH - 1), -1):
            tok = tokens[k]
            if tok.norm in self._words.admin_list_nouns:
                return True
            if tok.norm in _LIST_JOINERS:
                continue
            if not (tok.arabic or tok.raw[:1].isupper()) or names == _ADMIN_LIST_NAMES:
                return False
            names += 1
        return False

    def _apply_containers(self, text: str, tokens: list[Token], matches: list[_Match]) -> None:
        """ "Alexandria, La." / "Tripoli, Lebanon": the second name contains the first;
        so it does after the words that tie a place to its area ("X district of Y
        province", "X, a village in Y", «X, dans la province de Y», «X التابعة لقضاء Y»:
        ``GeoWords.container_links``)."""
        ordered = sorted(matches, key=lambda x: x.first)
        for i, m in enumerate(ordered[:-1]):
            nxt = ordered[i + 1]
            if not self._contained_by_next(text, tokens, m, nxt):
                continue
            containers = {
                c.place.id: c.place
                for c in nxt.candidates
                if c.place.feature in ("country", "admin1", "admin2")
            }
            if not containers:
                continue
            inside = [c for c in m.candidates if self._contained(c.place, containers)]
            if inside:
                for c in inside:
                    m.scores[c.place.id] += self._weights.containers.contained
                for c in nxt.candidates:
                    if any(self._contained(i.place, {c.place.id: c.place}) for i in inside):
                        nxt.scores[c.place.id] += self._weights.containers.container

    def _contained_by_next(self, text: str, tokens: list[Token], m: _Match, nxt: _Match) -> bool:
        """Whether only a comma, or a few of the words that tie a place to its area (and
        their articles), stand between ``m`` and the next name, in one clause."""
        if nxt.first < m.last or m.last >= len(tokens):
            return False
        gap = tokens[m.last : nxt.first]
        if not gap:
            return _COMMA_AFTER_RE.match(text[m.end : nxt.start]) is not None
        links, articles = self._words.container_links, self._words.container_articles
        return (
            len(gap) <= _CONTAINER_GAP
            and not _CLAUSE_BREAK_RE.search(text, m.end, nxt.start)
            and all(t.norm in links or t.norm in articles for t in gap)
            and any(t.norm in links for t in gap)
        )

    @staticmethod
    def _contained(place: PlaceRecord, containers: dict[int, PlaceRecord]) -> bool:
        for cont in containers.values():
            if place.id == cont.id:
                continue
            if cont.feature == "country" and place.iso3 == cont.iso3:
                return True
            if cont.feature == "admin1" and place.admin1 == cont.id:
                return True
            if cont.feature == "admin2" and place.admin2 == cont.id:
                return True
        return False

    def _context(
        self, by_name: dict[frozenset[int], list[_Match]]
    ) -> tuple[dict[str, float], dict[int, float]]:
        """Weights of countries and admin1 areas the text talks about (from current picks).

        A name counts once however often it is repeated (its mentions share its reading,
        so ten "Dublin" must not vote for the Irish one: ``by_name``, the matches grouped
        by ``_by_name``), and each match records what its name contributed, so that it
        can leave itself out.
        """
        countries: dict[str, float] = defaultdict(float)
        admins: dict[int, float] = defaultdict(float)
        weights = self._weights.context
        for group in by_name.values():
            own_countries: dict[str, float] = {}
            own_admins: dict[int, float] = {}
            for m in group:
                if m.best is None:
                    continue
                place = m.best.place
                ranked = sorted(m.scores.values(), reverse=True)
                margin = ranked[0] - ranked[1] if len(ranked) > 1 else weights.lone_margin
                weight = min(1.0, weights.weight_floor + margin / weights.margin_scale)
                if place.iso3:
                    own_countries[place.iso3] = max(own_countries.get(place.iso3, 0.0), weight)
                if place.admin1 is not None:
                    own_admins[place.admin1] = max(own_admins.get(place.admin1, 0.0), weight)
            for iso3, w in own_countries.items():
                countries[iso3] += w
            for admin1, w in own_admins.items():
                admins[admin1] += w
            for m in group:
                m.own_countries, m.own_admins = own_countries, own_admins
        return countries, admins

    def _pick(
        self,
        m: _Match,
        countries: dict[str, float] | None = None,
        admins: dict[int, float] | None = None,
        neighbours: list[_Match] | None = None,
        outlet: OutletProfile | None = None,
    ) -> None:
        best: Candidate | None = None
        best_score = -math.inf
        weights = self._weights.context
        # A country's support counts by its share of everything else the text names: one
        # stray US town in a story about Amsterdam, London and Brussels must not pull
        # "Paris" and "Berlin" across the Atlantic (dev: acc@161 0.785 -> 0.798).
        others = 0.0
        neighbours_of = self._store.neighbours() if countries else {}

        def country_support(iso3: str) -> float:
            """What the rest of the text says for ``iso3``, less this name's own vote."""
            return (countries or {}).get(iso3, 0.0) - m.own_countries.get(iso3, 0.0)

        directly_supported = False
        if countries:
            others = sum(countries.values()) - sum(m.own_countries.values())
            directly_supported = any(
                c.place.iso3 and country_support(c.place.iso3) > 0 for c in m.candidates
            )
        for c in m.candidates:
            context = 0.0
            if countries and c.place.iso3 and others > 0:
                own = country_support(c.place.iso3)
                context += weights.country * (own / others) * min(own, 1.0)
                # "Israeli troops ... in Gaza": where the text names no candidate's own
                # country, one it names lends support to the places of the countries
                # bordering it (a tie-breaker: a named country of a candidate decides).
                near = sum(country_support(n) for n in neighbours_of.get(c.place.iso3, ()))
                if near > 0 and not directly_supported:
                    context += weights.neighbour * (near / others) * min(near, 1.0)
            if admins and c.place.admin1 is not None and c.place.feature != "admin1":
                support = admins.get(c.place.admin1, 0.0)
                support -= m.own_admins.get(c.place.admin1, 0.0)
                context += weights.admin1 * min(support, 1.0)
            if neighbours and c.place.feature in ("city", "site"):
                context += self._proximity(c, neighbours)
            if outlet is not None and c.place.feature in _OUTLET_FEATURES:
                area = c.place.id if c.place.feature == "admin1" else c.place.admin1
                if area is not None:
                    context += weights.outlet * outlet.share(f"geonames:{area}")
            # Context decides between homonyms of similar standing; capped so that a
            # US local story still reads "Egypt" as the country.
            score = m.scores[c.place.id] + min(context, weights.cap)
            if score > best_score:
                best, best_score = c, score
        m.best = best

    def _proximity(self, c: Candidate, neighbours: list[_Match]) -> float:
        """Towns near the towns named around them are likelier (at most
        ``proximity.cap``).

        ``neighbours`` are the names within ``PROXIMITY_NEIGHBOURS`` on each side, so the
        cost per candidate is bounded whatever the length of the text.
        """
        weights = self._weights.proximity
        max_dlat = weights.far_km / _KM_PER_DEGREE
        bonus = 0.0
        lat, lon = c.place.lat, c.place.lon
        for o in neighbours:
            if o.best is None:
                continue
            near = o.best.place
            if near.feature not in ("city", "site") or near.id == c.place.id:
                continue
            if abs(near.lat - lat) > max_dlat:
                continue
            d = _haversine_km(lat, lon, near.lat, near.lon)
            if d < weights.near_km:
                bonus += weights.near
            elif d < weights.far_km:
                bonus += weights.far
            if bonus >= weights.cap:
                break
        return min(bonus, weights.cap)


def _by_name(matches: list[_Match]) -> dict[frozenset[int], list[_Match]]:
    """The matches grouped by the places their name can be (one group per name, in the
    order of its first match): ``Resolver._context``'s groups, made once per text
    since a match's candidates do not change while it is resolved (a frozenset of a
    common name's hundreds of candidates, twice per match, cost 15 ms per 300 fr
    articles)."""
    by_name: dict[frozenset[int], list[_Match]] = defaultdict(list)
    for m in matches:
        by_name[frozenset(c.place.id for c in m.candidates)].append(m)
    return by_name


#: Words back from a name to the plural admin noun that opens its list, and the most
#: words of other names between them.
_ADMIN_LIST_REACH = 8
_ADMIN_LIST_NAMES = 4
#: The words that join a list of names, normalised ("," and "of" included).
_LIST_JOINERS = frozenset({",", "et", "and", "de", "d", "of", "the", "la", "le", "l", "du"})


def _squeezed(name: str) -> str:
    """A name compared without its case, spaces and hyphens ("Musa Khel", "Musakhel")."""
    return re.sub(r"[\s\-‐-―']+", "", name).casefold()


def _noun_after(text: str, end: int) -> str | None:
    """The first lower-case word after the name or the list of names it starts ("Idlib
    province", "Washington state", "Harvey, Harper and Kingman counties")."""
    found = _NOUN_AFTER_LIST_RE.match(text, end)
    return found.group(1) if found is not None else None


#: The words of "of" that join an area noun to its name ("province de", "region of").
_OF = frozenset({"de", "d", "of", "du"})
