"""The area a text places a name in, right after it: "Khiam, in the Marjayoun district",
«Kpakpara, dans la préfecture de Tône», «قرية الرشاد التابعة لقضاء المقدادية».

The text's own word on where a place lies announces a village the other sources lack
(``Acceptance``), picks the homonym that lies there, and says that a name none of whose
homonyms lies in a province or district it is placed in is some other place the index
does not hold (``AreaReader.settle``): the event is then coded at the area, not at a
namesake in another province.
"""

from __future__ import annotations

from veille.geo._lexicon import GeoWords
from veille.geo._match import _Match
from veille.geo._normalize import Token, key_of_norms
from veille.geo._store import FLAG_VILLAGE, GazetteerStore, PlaceRecord
from veille.geodesy import distance_km

#: Kilometres within which a place is "in" or "near" a town, or in a district the index
#: gives no place its id.
NEAR_TOWN_KM = 30.0
#: Words between a name's comma and its area's name: a cue, an article, a noun of an
#: area and its "of" («, dans le caza de», ", in the district of").
_AREA_WORDS = 6
_OF_WORDS = frozenset({"de", "d", "du", "des", "of"})
#: Words at most of an apposition before the area: an article, two adjectives, the noun.
_APPOSITION_WORDS = 4
#: Arabic words that tie a place to the area after it: «التابعة لـ» (belonging to),
#: «الواقعة في» (lying in), and their prepositions; read on keys (article dropped).
_ARABIC_TIES = frozenset({"تابعه", "تابع", "واقعه", "واقع", "في", "ب", "ل"})
_ARABIC_CLITICS = ("ل", "ب", "في")
#: Letters a name keeps once a glued «و» is peeled off it.
_MIN_NAME = 3
#: Features of an area whose ids the index gives its places.
_AREAS = frozenset({"admin1", "admin2"})


def inside(place: PlaceRecord, area: PlaceRecord) -> bool:
    """The place lies in the area: its province or district, or within
    ``NEAR_TOWN_KM`` of a town (or of a district the place has no id of)."""
    if place.iso3 != area.iso3 or place.id == area.id:
        return False
    if area.feature == "admin1":
        return place.admin1 == area.id
    if area.feature == "admin2":
        return place.admin2 == area.id or (
            place.admin2 is None
            and place.admin1 == area.admin1
            and distance_km(place.lat, place.lon, area.lat, area.lon) <= NEAR_TOWN_KM
        )
    return (
        area.feature == "city"
        and distance_km(place.lat, place.lon, area.lat, area.lon) <= NEAR_TOWN_KM
    )


class AreaReader:
    """Reads the area named right after a name, and settles the name by it."""

    def __init__(self, store: GazetteerStore, words: GeoWords) -> None:
        self._store = store
        self._words = words

    def area_after(self, text: str, tokens: list[Token], m: _Match) -> list[PlaceRecord]:
        """The places (not villages) the index gives the area named right after ``m``,
        the longest name first; none where no such phrase follows."""
        arabic = tokens[m.first].arabic
        start = self._arabic_area(tokens, m) if arabic else self._latin_area(text, tokens, m)
        return self.known_at(tokens, start)

    def known_at(
        self, tokens: list[Token], start: int | None, first: str | None = None
    ) -> list[PlaceRecord]:
        """The places (not villages) of the longest name the index holds from token
        ``start`` on (its first word keyed ``first`` where given: a clitic peeled
        off); none for None or past the end."""
        if start is None or start >= len(tokens):
            return []
        head = tokens[start].norm if first is None else first
        for n in range(self._store.max_tokens(head), 0, -1):
            key = key_of_norms([head, *(t.norm for t in tokens[start + 1 : start + n])])
            found = [c.place for c in self._store.lookup(key) if not c.flags & FLAG_VILLAGE]
            if found:
                return found
        return []

    def listed_before(self, text: str, tokens: list[Token], m: _Match) -> list[PlaceRecord]:
        """ "Khiam, Kfar Kila and Odaisseh", «الخيام وبنت جبيل»: the places (not
        villages) of the name that follows ``m`` in one list (``list_gap`` between
        them, or Arabic's «و» glued to it), capitalised or Arabic."""
        k = m.last
        if k >= len(tokens):
            return []
        word = tokens[k]
        gap = text[m.end : word.start]
        if word.arabic and gap.strip() in ("", "،") and word.norm.startswith("و"):
            return self.known_at(tokens, k, word.norm[1:]) if len(word.norm) > _MIN_NAME else []
        if not self._words.list_gap.match(gap) or not (word.arabic or word.raw[:1].isupper()):
            return []
        return self.known_at(tokens, k)

    def _latin_area(self, text: str, tokens: list[Token], m: _Match) -> int | None:
        """ ", in the Marjayoun district", «, dans le caza de Marjayoun», " village in
        the Tsafe local government area": the index of the area's first word after a
        comma or the noun of a town, a cue of place (``village_cues``), perhaps an
        article and a noun of an area; None where the text goes on otherwise."""
        k = m.last
        if k >= len(tokens):
            return None
        gap = text[m.end : tokens[k].start]
        if gap == " " and tokens[k].norm in self._words.city_nouns | self._words.geo_nouns:
            k += 1  # "Kadawa village in ...": the town's noun after its name
            if k >= len(tokens) or text[tokens[k - 1].end : tokens[k].start] != " ":
                return None
        elif gap.strip() != ",":
            return None
        else:
            k = self._past_apposition(tokens, k)
        cues = self._words.village_cues
        j = next(
            (
                k + n
                for n in (1, 2, 3)
                if " ".join(t.raw.lower() for t in tokens[k : k + n]) in cues
            ),
            None,
        )
        if j is None and k > m.last and k < len(tokens) and tokens[k].norm in _OF_WORDS:
            j = k  # «Kuriga, localité du district de Chikun»: the apposition's "of"
        if j is None:
            return None
        skipped = self._words.span_articles | self._words.geo_nouns | _OF_WORDS
        while j < len(tokens) and j - k < _AREA_WORDS and tokens[j].norm in skipped:
            j += 1
        return j if j < len(tokens) and tokens[j].raw[:1].isupper() else None

    def _past_apposition(self, tokens: list[Token], k: int) -> int:
        """The index past an apposition that says what kind of settlement a name is
        (", a farming community", «, une localité», «, village»: an article, a few
        lower-case words, a ``settlement_nouns`` noun, perhaps a participle such as
        "located"), where one opens at ``k``; ``k`` itself otherwise."""
        nouns = self._words.settlement_nouns
        for j in range(k, min(k + _APPOSITION_WORDS, len(tokens))):
            word = tokens[j]
            if word.arabic or not word.raw[:1].islower():
                return k
            if word.norm in nouns:
                after = j + 1
                if (
                    after + 1 < len(tokens)
                    and tokens[after].raw[:1].islower()
                    and tokens[after].raw.lower() not in self._words.village_cues
                    and tokens[after].norm not in _OF_WORDS
                    and tokens[after + 1].raw.lower() in self._words.village_cues
                ):
                    after += 1  # "located in", «située dans»
                return after
        return k

    def _arabic_area(self, tokens: list[Token], m: _Match) -> int | None:
        """«التابعة لقضاء المقدادية», «في محافظة ديالى»: a tie, then a noun of an area
        or a town (its preposition glued or apart); the index of the area's name."""
        nouns = self._words.admin_nouns | self._words.city_nouns
        # «بلدة بولو مرير بإقليم ...»: after a town's noun the name may run one word
        # past the match (a name of two words the index lacks).
        longer = m.first > 0 and tokens[m.first - 1].norm in self._words.name_nouns
        j = m.last
        while j < len(tokens) and j - m.last < _AREA_WORDS and tokens[j].arabic:
            norm = tokens[j].norm
            if norm in nouns or any(
                norm.startswith(c) and norm[len(c) :] in nouns for c in _ARABIC_CLITICS
            ):
                return j + 1
            if norm not in _ARABIC_TIES and not (longer and j == m.last):
                return None
            j += 1
        return None

    def settle(self, text: str, tokens: list[Token], matches: list[_Match]) -> None:
        """A resolved town the text places in an area right after it: the homonym that
        lies there, where one does; none (a place the index does not hold) where the area
        is a province or a district none of its homonyms lies in."""
        for m in matches:
            if m.best is None or m.best.place.feature not in ("city", "site"):
                continue
            areas = self.area_after(text, tokens, m)
            if not areas:
                continue
            there = [c for c in m.candidates if any(inside(c.place, a) for a in areas)]
            if there:
                if m.best not in there:
                    m.best = max(there, key=lambda c: m.scores.get(c.place.id, 0.0))
            elif any(a.feature in _AREAS for a in areas) and (
                len({a.iso3 for a in areas}) == 1
                or any(a.iso3 == m.best.place.iso3 for a in areas if a.feature in _AREAS)
            ):
                # The area of one country, or one of the town's: the town is not this
                # homonym («بولو» in Lower Shabelle is no Bolu of Turkey).
                m.best = None
