"""Why a word was not taken as a place: whether a gazetteer match found by the scan is
a place name at all.

A match is refused when it is a common word (lower-case, a sentence's first word with a
weak prior, an Arabic word that only spells a place), part of a longer proper name
("George Washington", "Air France") or of a hyphenated one ("Saint" of "Saint-Denis"),
or a person's name (``_PersonNames``, from the NER's PERSON spans). A span the NER
labelled a place vouches for the name inside it. An accepted match may still be
``weak``: kept only if the rest of the text supports it (``_corroborate``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from veille.geo._areas import AreaReader, inside
from veille.geo._lexicon import GeoWords, key_of
from veille.geo._match import _Match, _SpanIndex
from veille.geo._normalize import Token, key_of_norms, normalise_token, tokenize
from veille.geo._resolve import prior
from veille.geo._store import FLAG_PRIMARY, FLAG_VILLAGE, Candidate, GazetteerStore
from veille.geo._weights import GeocoderWeights
from veille.geo.datelines import DATELINE_AFTER
from veille.geodesy import distance_km

# What may stand just before the first word of a sentence (or of a heading).
_SENTENCE_END_RE = re.compile(r"(?:^|[.!?\n:;«»\"“”()\[\]|]|^\W*)\s*$")
#: An apostrophe inside a word, after a match ("Jama'at", "Shi'ite"): not an English
#: clitic ("Kharkiv's", "Gaza'll").
_GLUED_AFTER_RE = re.compile(r"['’](?!(?:s|ll|re|ve|d|t|m)\b)[a-z]")


#: An acronym with a lower-case tail ("FAMa", "FDSs"): capitals inside a word name no
#: place as written; a place is written in title case or, in a dateline, all capitals.
_ACRONYM_WITH_TAIL = re.compile(r"[A-Z]{2,}[a-z]{1,2}")


def acronym_with_tail(word: str) -> bool:
    """ "FAMa", "FDSs": capitals inside a word name no place as written."""
    return _ACRONYM_WITH_TAIL.fullmatch(word) is not None


def glued_after(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` goes on past an apostrophe ("Jama'at")."""
    return _GLUED_AFTER_RE.match(text, end) is not None


# "Houston-based", "Aleppo-born", "Gaza-bound": the hyphen makes an adjective of a place.
_ADJECTIVE_AFTER_RE = re.compile(
    r"[-‐](?:based|born|bound|area|backed|led|owned|registered|headquartered)\b"
)
# The capitalised word across a hyphen ("Fargo-Moorhead").
_WORD_BEFORE_HYPHEN_RE = re.compile(r"(?<![\w-])([A-Z][^\W\d_]+)[-‐]$")
_WORD_AFTER_HYPHEN_RE = re.compile(r"[-‐]([A-Z][^\W\d_]+)(?![\w-])")
# "Rep. Jane Doe, D-Plymouth": party initial, hyphen, home town.
_PARTY_BEFORE_RE = re.compile(r"(?:^|[\s,(])[DRI][-‐]$")
#: The Arabic article at a word's start, alone or after a one-letter clitic (وال، بال، لل).
ARABIC_ARTICLE = re.compile(r"^(?:[وفبكل]?ال|[وف]?لل)")
#: How transliterations write the Arabic article at a name's start ("Al Kharj",
#: "El Fasher", "Ar Raqqah", "As Suwayda"...).
_LATIN_ARTICLE = re.compile(r"^(?:a[ln]|e[ln]|a[drstz]|ash|ath|adh)[\s'\-]", re.IGNORECASE)


class Acceptance:
    """Accepts or refuses the scan's matches (see the module doc); reads the gazetteer,
    the place words and the weights, and marks the matches it accepts (``hinted``,
    ``weak``, ``regional``, ``peeled``)."""

    def __init__(
        self, store: GazetteerStore, words: GeoWords, weights: GeocoderWeights, areas: AreaReader
    ) -> None:
        self._store = store
        self._words = words
        self._weights = weights
        self._areas = areas

    def person_names(
        self,
        tokens: list[Token],
        persons: Sequence[tuple[int, int]],
        hints: Sequence[tuple[int, int]],
    ) -> _PersonNames | None:
        """The people the text names, from its PERSON spans (None when it has none)."""
        if not persons:
            return None
        well_known = self._weights.acceptance.well_known_state_population
        return _PersonNames(tokens, persons, hints, well_known)

    def accepted(
        self,
        text: str,
        tokens: list[Token],
        found: _Match,
        hint_index: _SpanIndex,
        last_end: int,
        people: _PersonNames | None,
    ) -> bool:
        """Whether the scan keeps ``found``: inside a NER place span (``hint_index``) that no
        earlier match (ending at ``last_end``) took, or a place name (``_acceptable``) that
        is no person's name (``people``)."""
        # A NER span vouches for the first name inside it: "the Dublin Art Stroll" is
        # Dublin's, not a hint that "Art" and "Stroll" are towns. Matches run left to
        # right without overlapping, so only the last one can already sit in the span.
        if self._names_a_street(text, tokens, found) or self.after_an_outlet_noun(
            text, tokens, found.first
        ):
            return False
        if glued_after(text, found.end):
            return False  # "Jama'at", "Shi'ite": a word with an apostrophe inside
        if found.last - found.first == 1 and acronym_with_tail(text[found.start : found.end]):
            return False  # «les FAMa» (Mali's forces) is no Fama, Brazil, hinted or not
        # A loose spelling that runs past the span's end ("Rafah a", for the NER's
        # "Rafah") is not what the NER saw: the exact name inside it is tried next.
        found.hinted = any(
            last_end <= s and (not found.loose or found.end <= e)
            for s, e in hint_index.overlapping(found.start, found.end)
        )
        if found.village:
            # A village the other sources lack, hinted or not, is a place only where the
            # text announces one, and only in a country the text names (weak): an NER
            # span ("the Bay Area", "An Albany man") does not vouch for a homonym found
            # nowhere else, and a longer name read from it would hide the shorter one.
            found.weak = True
            listed = _listed_after(
                text, found, last_end, self._words
            ) or self._listed_before_a_neighbour(text, tokens, found)
            # "Homs et Hama" (a hamlet's name somewhere): a list of known places, announced
            # or listed, not one village; an Arabic name's first word is often a place's
            # too («تل», «دير»), and a cue announces the whole name.
            announced = (listed or self._announced_village(text, tokens, found)) and not (
                self._opens_on_a_place(tokens, found) and (listed or not tokens[found.first].arabic)
            )
            return announced and (people is None or not people.holds(found))
        if found.hinted and self.written_as_a_name(tokens[found.first : found.last]):
            return True
        found.hinted = False
        if not self._acceptable(text, tokens, found):
            return False
        return people is None or not people.holds(found)

    def _heads_a_construct(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """A one-word Arabic match that is a name's first word or a noun of a place kind
        (``joined_name_heads``, ``place_nouns``: «بني», «تل», «جزيرة»), without the
        article and right before another word that is no function word: it heads a
        construct, a longer name («بني مطر», «جزيرة كمران»), not a place of its own."""
        word = tokens[m.first]
        if m.start != word.start or ARABIC_ARTICLE.match(word.raw):
            return False
        heads = self._words.place_nouns
        if word.norm not in heads and word.norm not in self._words.joined_name_heads:
            return False
        if m.last >= len(tokens):
            return False
        after = tokens[m.last]
        return (
            after.arabic
            and text[m.end : after.start] == " "
            and after.norm not in self._words.stop_keys
        )

    def _opens_on_a_place(self, tokens: list[Token], m: _Match) -> bool:
        """A name of several words whose first word is a known place ("Chile Peru", a
        hamlet's name, in "Bolivia, Chile Peru and Brazil"): a list of known places, not
        one village."""
        if m.last - m.first < 2:
            return False
        key = key_of_norms([tokens[m.first].norm])
        return any(not c.flags & FLAG_VILLAGE for c in self._store.lookup(key))

    def _announced_village(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """A name only a village of the villages' index bears (``FLAG_VILLAGE``: population
        0, no known homonym) is a place where the text announces one: in Latin script a
        capitalised name after a locative cue or a town noun ("in Zorgabou", «le village
        de Zorgabou»), in Arabic after a noun of a town or a place («قرية X», «منطقة X»):
        Arabic has no capitals, and its everyday words name villages somewhere."""
        name_tokens = tokens[m.first : m.last]
        if name_tokens[0].arabic:
            nouns = self._words.city_nouns | self._words.place_nouns
            return m.start == name_tokens[0].start and self._after_city_noun(text, tokens, m, nouns)
        if not self.capitalised(name_tokens) or self._inside_proper_name(text, tokens, m):
            return False
        if self._dateline(text, tokens, m) or self._town_noun_of(text, tokens, m):
            return True
        if self._placed_in_its_area(text, tokens, m):
            return True
        # "in X", «près de X», «aux abords de X»: a cue of up to three words
        # (``village_cues``) right before the name.
        for n in (1, 2, 3):
            if m.first < n:
                break
            before = tokens[m.first - n : m.first]
            if " ".join(t.raw.lower() for t in before) in self._words.village_cues:
                return text[before[-1].end : m.start] in (" ", "'", "’")
        return False

    def _placed_in_its_area(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """ "Khiam, in the Marjayoun district", «Kpakpara, dans la préfecture de Tône»:
        the area named right after the name (``AreaReader.area_after``) is one that
        one of the name's villages lies in or near (``inside``): the text places the
        village in its area."""
        villages = [c.place for c in m.candidates if c.flags & FLAG_VILLAGE]
        areas = self._areas.area_after(text, tokens, m)
        return any(inside(v, a) for v in villages for a in areas)

    def _listed_before_a_neighbour(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """ "Khiam, Kfar Kila and Odaisseh": the name opens a list whose next member is
        a town the index holds within ``village_reach_km`` of one of its villages, in
        the same country: the list the village stands in announces it, as one that
        follows an accepted place does (``_listed_after``)."""
        reach = self._weights.corroboration.village_reach_km
        return any(
            v.iso3 == n.iso3 and distance_km(v.lat, v.lon, n.lat, n.lon) <= reach
            for v in (c.place for c in m.candidates if c.flags & FLAG_VILLAGE)
            for n in self._areas.listed_before(text, tokens, m)
        )

    @staticmethod
    def state_abbreviation(text: str, token: Token) -> bool:
        """ "Alexandria, La.": an AP-style state abbreviation after a comma."""
        return (
            token.raw[:1].isupper()
            and text[token.end : token.end + 1] == "."
            and text[max(0, token.start - 2) : token.start] == ", "
        )

    def _acceptable(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """Whether an unhinted gazetteer match is a place name, not a common word."""
        name_tokens = tokens[m.first : m.last]
        strong = max(prior(c, self._weights.prior) for c in m.candidates)
        strong_prior = self._weights.acceptance.strong_prior
        features = {c.place.feature for c in m.candidates}
        multi = len([t for t in name_tokens if t.norm not in self._words.name_particles]) > 1
        arabic = name_tokens[0].arabic
        if not arabic:
            if not self.capitalised(name_tokens) and not (
                features & {"site", "region"}
                and multi
                and any(t.raw[:1].isupper() or t.raw[:1].isdigit() for t in name_tokens)
            ):
                return False
            raw = text[m.start : m.end]
            if (
                raw.isupper()
                and text[m.start - 1 : m.start] == "("
                and text[m.end : m.end + 1] == ")"
            ):
                return False  # «l'office des secours (NEMA)», "the agency (UNHCR)": an acronym
            if raw.isupper() and len(raw.replace(".", "")) <= 3:
                return any(
                    c.place.feature in ("country", "admin1") and c.flags & FLAG_PRIMARY
                    for c in m.candidates
                    if "." in raw or c.place.feature == "country"
                )
            # "Air France", "Star India": a country inside a name is still named.
            if "country" not in features and self._inside_proper_name(text, tokens, m):
                return False
            if (
                not multi
                and _numbered(text, tokens, m)
                and not self._sentence_initial(text, tokens, m)  # "KYIV 12 March": dateline
            ):
                # "Article 51" (loosely, Artuklu), "Route 9", "Brigade 12": an item of a
                # numbered series that no NER read as a place spells no town
                return False
        cue = (
            self._cue_before(text, tokens, m)
            or self._dateline(text, tokens, m)
            or self._area_noun_after(text, tokens, m)
        )
        if arabic and not multi and "country" not in features and self._people_of(tokens, m):
            return False  # "للشعب الفلسطيني": the Palestinian people, not Sha'ab (Israel)
        if arabic and not multi and self._two_of_a_people(text, m):
            return False  # "وسوريان": two Syrians, not Surian (Iran)
        if m.first > 0 and tokens[m.first - 1].norm in self._words.time_nouns_before:
            return False  # «صلاة المغرب»: the sunset prayer, not Morocco
        if arabic and not multi and self._heads_a_construct(text, tokens, m):
            return False  # «بني مطر», «جزيرة كمران»: the head of a name the index lacks
        if arabic and not multi and "country" not in features:
            # Arabic writes no capitals, and its common nouns are place names somewhere:
            # "بيان" (statement) less its "ب" is Yan'an, "لجان" (committees) less its
            # "ل" is Dschang, "الغاز" (gas) spells Gas, Kansas, "العاصمة" (the capital)
            # is Yemen's capital province. A one-word Arabic name is kept only where the
            # rest of the text puts it (see ``_corroborate._regional_countries``).
            m.peeled = m.start == tokens[m.first].start + 1
            word = tokens[m.first]
            if len(word.norm) <= 2 and not m.peeled:
                return False  # "إم", "لا": two letters name no place on their own
            if self._article_names_only(m) and not ARABIC_ARTICLE.match(word.raw):
                # "خرج" (went out) is not "الخرج": a name written with the article is
                # the name only with it.
                return False
            if not m.peeled and features & {"city"} and self._after_city_noun(text, tokens, m):
                return True  # "مدينة رفح", "بلدات صور": the noun announces a town
            if (
                not m.peeled
                and features & {"city", "admin1", "admin2"}
                and word.norm not in self._words.common_words
                and self._after_city_noun(text, tokens, m, self._words.admin_nouns)
            ):
                # "قضاء مرجعيون": a district named after its town; «مديرية الأمن» is a
                # directorate of security, no district named Emmen.
                return True
            if word.norm in self._words.near_words:
                return False  # «محيط» (surroundings), «أطراف» (outskirts): a cue, no name
            if word.norm in self._words.common_words and not (
                m.first > 0 and tokens[m.first - 1].norm in self._words.locative_cues
            ):
                return False  # «كيف» (how) is no Kyiv, «بأنه» (that it) no Baneh
            m.weak = m.regional = True
            if m.peeled and m.first > 0 and tokens[m.first - 1].norm in self._words.place_nouns:
                # "منطقة فزان": after a place noun the next word is the name, whole; a
                # preposition never sits there, so "ف" is no clitic (not "زان", Ulsan).
                return False
            return cue or strong >= strong_prior or bool(features & {"region", "site", "admin1"})
        if m.loose:
            if (
                not multi
                and text[m.end : m.end + 1] == ":"
                and self._sentence_initial(text, tokens, m)
            ):
                # "Summary: ...", "Update: ...": a label opening a sentence is written
                # with a capital whatever it is; one word spelt loosely like a name
                # there is no name (a place that labels a live blog's entry is written
                # as the gazetteer has it).
                return False
            m.weak = True  # kept only if the rest of the text points to the same country
            return True
        if features & {"country", "region", "site", "admin1"}:
            return True
        if arabic and multi and m.start > tokens[m.first].start:
            # A name read after peeling a clitic off a word, then across the next
            # word(s): as fragile as a one-word name.
            m.weak = m.regional = m.peeled = True
            return True
        if multi:
            # An alternate name of several words is weak, unless a town noun announces
            # it ("مستوطنة كريات شمونة", "la ville de Kiryat Shmona").
            announced = features & {"city"} and self._after_city_noun(text, tokens, m)
            m.weak = not announced and not any(c.flags & FLAG_PRIMARY for c in m.candidates)
            return True
        if arabic:
            return cue or strong >= strong_prior
        m.weak = not cue
        if self._sentence_initial(text, tokens, m) and not cue:
            return strong >= strong_prior
        return True

    def _after_city_noun(
        self, text: str, tokens: list[Token], m: _Match, nouns: frozenset[str] | None = None
    ) -> bool:
        """A town noun (or one of ``nouns``: an area's, "قضاء") stands right before the
        name, in the same phrase ("مدينة رفح")."""
        if m.first == 0:
            return False
        prev = tokens[m.first - 1]
        if prev.arabic and ARABIC_ARTICLE.match(prev.raw):
            return False  # «المدن بأنه»: a definite noun takes an adjective, no name
        kinds = self._words.city_nouns if nouns is None else nouns
        return prev.norm in kinds and not text[prev.end : m.start].strip()

    def _article_names_only(self, m: _Match) -> bool:
        """Every place the match may be is named with the article ("Al Kharj")."""
        return bool(m.candidates) and all(
            _LATIN_ARTICLE.match(self._store.name(c.place.id) or "") for c in m.candidates
        )

    def _two_of_a_people(self, text: str, m: _Match) -> bool:
        """The matched word is the dual of a people's adjective ("سوريان", two Syrians;
        "لبنانيان"): its singular (less "ان") is a demonym."""
        word = normalise_token(text[m.start : m.end])
        return word.endswith("يان") and word[:-2] in self._store.demonyms()

    def _people_of(self, tokens: list[Token], m: _Match) -> bool:
        """An Arabic word followed by another country's national adjective is a common
        noun qualified by it ("الشعب الفلسطيني", "الجيش السوري"), not a place: a town
        may take its own country's adjective ("حلب السورية"), not another's."""
        if m.last >= len(tokens):
            return False
        iso3 = self._store.demonyms().get(tokens[m.last].norm)
        return iso3 is not None and all(c.place.iso3 != iso3 for c in m.candidates)

    def written_as_a_name(self, name_tokens: list[Token]) -> bool:
        """Arabic, or a word of it (other than a particle such as "al") capitalised: a
        NER span vouches for no lowercase common noun («un village du caza»: the district
        noun, not Kazan)."""
        if not name_tokens or name_tokens[0].arabic:
            return True
        return any(
            (t.raw[:1].isupper() or t.raw[:1].isdigit())
            for t in name_tokens
            if t.norm not in self._words.name_particles or t.raw[:1].isupper()
        )

    def capitalised(self, name_tokens: list[Token]) -> bool:
        """Every word of the name but its particles is capitalised (or a number)."""
        content = [
            t
            for t in name_tokens
            if t.norm not in self._words.name_particles or t.raw[:1].isupper()
        ]
        if not content:
            return False
        return all(t.raw[:1].isupper() or t.raw[:1].isdigit() for t in content)

    def _names_a_street(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """A place word that names a street or a square: "Victoria Square", "Kabul Road"
        (a capitalised street noun right after it), «rue de Paris», «avenue Habib
        Bourguiba» (a street noun right before it, past "de"). Such a street lies in the
        town the text tells of, not in the place whose name it bears."""
        streets = self._words.street_nouns
        if m.last < len(tokens):
            nxt = tokens[m.last]
            if nxt.raw[:1].isupper() and nxt.norm in streets and text[m.end : nxt.start] == " ":
                return True
        k = m.first - 1
        if k >= 0 and tokens[k].norm in ("de", "d"):
            k -= 1
        return k >= 0 and tokens[k].norm in streets and not tokens[k].raw[:1].isupper()

    def after_an_outlet_noun(self, text: str, tokens: list[Token], first: int) -> bool:
        """ "the channel Al-Mayadeen", «la chaîne Al-Massirah», «لقناة الجزيرة»: a name
        (from token ``first``) right after a noun of news outlets in lower case, nothing
        but a space between, is the outlet's, not a place (Gezira, Sudan)."""
        if first < 1:
            return False
        prev = tokens[first - 1]
        return (
            prev.norm in self._words.outlet_nouns
            and not prev.raw[:1].isupper()
            and not text[prev.end : tokens[first].start].strip()
        )

    def _inside_proper_name(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """A capitalised word just before: "George Washington", "Chad Smith".

        A capitalised word after is allowed: embedded toponyms ("Mansfield Police") count.
        """
        if m.first > 0:
            prev = tokens[m.first - 1]
            gap = text[prev.end : m.start]
            if (
                not prev.arabic
                and prev.raw[:1].isupper()
                and gap in (" ", "-")
                and prev.norm not in self._words.stop_keys
                and prev.norm not in self._words.locative_cues
            ):
                # "the Amsterdam-London leg": two places, not a double-barrelled name.
                return not (gap == "-" and self._known_place(prev.raw))
        return False

    def inside_compound(
        self, text: str, start: int, end: int, candidates: Sequence[Candidate] = ()
    ) -> bool:
        """Part of a hyphenated name ("Saint" of "Saint-Denis"), unless the word across
        the hyphen names a country or a town of its own: "Fargo-Moorhead", "Egypt-US
        relations", "the Amsterdam-London leg" name two places. With ``candidates``
        (the places the part names), a part that names no country and no town of some
        size is a place only beside a town of its own country: "Mayo" of "Mayo-Sava", a
        Cameroonian department, is no Irish county beside an Italian Sava."""
        if not _part_of_hyphenated(text, start, end):
            return False
        before = _WORD_BEFORE_HYPHEN_RE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER_HYPHEN_RE.match(text, end)
        road = self._road_around(
            text, before.start() if before else start, after.end() if after else end
        )
        least = self._weights.acceptance.hyphen_town_population
        if candidates and not road and not any(_a_town(c, least) for c in candidates):
            # A small place or an area: two places only beside a town of its country
            # ("Watertown-Mayer", "Logan-Rogersville"), not beside a namesake abroad.
            countries = {c.place.iso3 for c in candidates if _a_town(c)}
            return not any(
                word is not None and self._town_in(word.group(1), countries)
                for word in (before, after)
            )
        return not any(
            word is not None and self._known_place(word.group(1), any_size=road)
            for word in (before, after)
        )

    def _town_in(self, word: str, countries: set[str | None]) -> bool:
        """``word`` names a town (or a country) of one of ``countries``."""
        return any(_a_town(c) and c.place.iso3 in countries for c in self._one_word(word))

    def _one_word(self, word: str) -> tuple[Candidate, ...]:
        """The places a word across a hyphen names: none for a stop key or for what
        the tokenizer splits in several words."""
        norms = [t.norm for t in tokenize(word)]
        if len(norms) != 1 or norms[0] in self._words.stop_keys:
            return ()
        return tuple(self._store.lookup(norms[0]))

    def _road_around(self, text: str, start: int, end: int) -> bool:
        """A road noun right before ("l'axe X-Y", "la route X-Y") or right after ("the
        X-Y road") the hyphenated pair spanning ``[start, end)``."""
        words = self._words.road_nouns
        prev = _LAST_WORD_RE.search(text, max(0, start - 24), start)
        nxt = _FIRST_WORD_RE.match(text, end)
        return any(w is not None and key_of(w.group(1)) in words for w in (prev, nxt))

    def _known_place(self, word: str, *, any_size: bool = False) -> bool:
        """``word`` names a country or a town of the index: under its own name and of
        some size, or (``any_size``: a road names it) any town of that name."""
        if any_size:
            return any(c.place.feature in ("country", "city") for c in self._one_word(word))
        least = self._weights.acceptance.hyphen_town_population
        return any(_a_town(c, least) for c in self._one_word(word))

    def _dateline(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """ "TORRINGTON — The mayor...", "BEIRUT (AP) -": a news dateline names a place."""
        raw = text[m.start : m.end]
        return (
            raw.isupper()
            and len(raw) > 3
            and self._sentence_initial(text, tokens, m)
            and DATELINE_AFTER.match(text, m.end) is not None
        )

    def _sentence_initial_token(self, text: str, tokens: list[Token], k: int) -> bool:
        before = text[max(0, tokens[k].start - 3) : tokens[k].start]
        return k == 0 or _SENTENCE_END_RE.search(before) is not None

    def _sentence_initial(self, text: str, tokens: list[Token], m: _Match) -> bool:
        return self._sentence_initial_token(text, tokens, m.first)

    def _cue_before(self, text: str, tokens: list[Token], m: _Match) -> bool:
        if m.start > tokens[m.first].start:  # an Arabic preposition glued to the name
            return True
        if m.first == 0:
            return False
        if self._town_noun_of(text, tokens, m):
            return True
        prev = tokens[m.first - 1]
        if prev.norm in self._words.near_words and text[prev.end : m.start] == " ":
            return True  # «أطراف الهرمل», "outskirts of": a word of nearness locates it
        return prev.norm in self._words.locative_cues and text[prev.end : m.start] in (
            " ",
            "'",
            "’",
        )

    def _area_noun_after(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """ "the Bankass district of central Mali", "the Kidal region": a name that a
        noun of an area follows (Latin script; a surname takes none)."""
        if m.last >= len(tokens) or tokens[m.first].arabic:
            return False
        after = tokens[m.last]
        return after.norm in self._words.geo_nouns and text[m.end : after.start] == " "

    def _town_noun_of(self, text: str, tokens: list[Token], m: _Match) -> bool:
        """ "the town of Bentiu", «la localité de Boni», "off the coast of X", "the
        capture of X", «le camp de X»: a noun of a town, an area or a site, or of a place
        taken (``seizure_nouns``), then "of", announces the name; so it does past one
        adjective after the noun («le camp militaire de X», «la ville voisine de X»)."""
        if m.first < 2 or tokens[m.first - 1].norm not in ("of", "de", "d"):
            return False
        prev = tokens[m.first - 1]
        words = self._words
        nouns = words.city_nouns | words.geo_nouns | words.site_nouns | words.seizure_nouns
        noun = tokens[m.first - 2]
        if noun.norm in nouns:
            return text[noun.end : prev.start] == " "
        if m.first < 3 or not noun.raw.islower() or noun.arabic:
            return False
        head = tokens[m.first - 3]
        return head.norm in nouns and text[head.end : prev.start] == f" {noun.raw} "


#: The most characters between a place and one added to it ("..., as well as X").
_ADDED_REACH = 80
#: A sentence's end inside that text: the added name belongs to another sentence.
_SENTENCE_BREAK = re.compile(r"[.!?؟]\s")


def _listed_after(text: str, m: _Match, last_end: int, words: GeoWords) -> bool:
    """The name follows the place the scan accepted last, in one list ("the villages
    of X, Y and Z": the noun that announced X announces Y and Z), or is added to it
    past a phrase that locates it ("X in the north of the valley, as well as Y")."""
    if last_end <= 0:
        return False
    gap = text[last_end : m.start]
    if words.list_gap.match(gap):
        return True
    return (
        len(gap) <= _ADDED_REACH
        and _SENTENCE_BREAK.search(gap) is None
        and words.added_place.search(gap) is not None
    )


class _PersonNames:
    """The people a text names, from the spans its NER labelled PERSON.

    A one-word town name inside a longer PERSON span is a first name or a surname
    ("Nureddine Mehmud", "Chad Smith"), not a place; so is the same word alone in a PERSON
    span once the text has used it in a full name, and the last word of a full name met
    again with no label ("Obama said"). NER also labels towns as people ("Mansfield",
    "Tega Cay"): a word only ever alone in PERSON spans stays a place, as do several-word
    names and any name the NER labels a place elsewhere in the text. Countries, regions,
    sites and large states are refused only as the last word of a full name ("Michael
    Jordan").
    """

    def __init__(
        self,
        tokens: list[Token],
        persons: Sequence[tuple[int, int]],
        hints: Sequence[tuple[int, int]],
        well_known_state_population: int,
    ) -> None:
        self._spans = _SpanIndex(persons)
        self._well_known_state = well_known_state_population
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]

        def words(start: int, end: int) -> list[Token]:
            return tokens[bisect.bisect_left(starts, start) : bisect.bisect_right(ends, end)]

        self._in_full_names = {
            t.norm for s, e in persons if len(span := words(s, e)) > 1 for t in span
        }
        # The last word of a full name, met alone later: "Obama", "Mehmud".
        self._surnames = {span[-1].norm for s, e in persons if len(span := words(s, e)) > 1}
        self._place_keys = {key_of_norms([t.norm for t in words(s, e)]) for s, e in hints}
        self._tokens = tokens

    def holds(self, m: _Match) -> bool:
        """Whether the gazetteer match ``m`` is (part of) a person's name."""
        if m.last - m.first > 1:
            return False
        spans = [
            (s, e)
            for s, e in self._spans.overlapping(m.start, m.end)
            if s <= m.start and m.end <= e
        ]
        norm = self._tokens[m.first].norm
        if norm in self._place_keys:
            return False
        # NER labels places people too often to refuse a country or a large state on its
        # word alone; as the surname of a full name it is one ("Michael Jordan").
        well_known = any(
            c.place.feature in ("country", "region", "site")
            or (c.place.feature == "admin1" and c.place.population >= self._well_known_state)
            for c in m.candidates
        )
        if not spans:  # "Obama said", after "Barack Obama": the surname again
            return not well_known and norm in self._surnames
        if well_known:
            return any(s < m.start and e == m.end for s, e in spans)
        return any((s, e) != (m.start, m.end) for s, e in spans) or norm in self._in_full_names


#: The word that ends / opens a text (an apostrophe ends "l'" before it).
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)\s+$")
_FIRST_WORD_RE = re.compile(r"\s+([^\W\d_]+)")


def _numbered(text: str, tokens: list[Token], m: _Match) -> bool:
    """The name is followed, one space on, by a number: an item of a numbered series
    ("Article 51", "Resolution 2254", "Flight 17") that shares a town's spelling."""
    return (
        m.last < len(tokens)
        and tokens[m.last].raw.isdigit()
        and text[m.end : tokens[m.last].start] == " "
    )


def _a_town(c: Candidate, least: int = 0) -> bool:
    """A country, or a town of ``least`` people or more, under its own name."""
    return bool(c.flags & FLAG_PRIMARY) and (
        c.place.feature == "country" or (c.place.feature == "city" and c.place.population >= least)
    )


def _part_of_hyphenated(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only part of a hyphenated name: "Dasht" of
    "Dasht-e-Barchi" (a Kabul district), "Saint" of "Saint-Denis", is not a place.

    Two hyphenations keep the place: an English adjective made of it ("the Houston-based
    contractor", "a Damascus-born writer") and a US legislator's party and home town
    ("Rep. Jane Doe, D-Plymouth").
    """
    before = text[start - 1 : start] if start > 0 else ""
    after = text[end : end + 2]
    joined_before = (
        before in ("-", "‐")
        and start > 1
        and text[start - 2].isalpha()
        and _PARTY_BEFORE_RE.search(text, max(0, start - 4), start) is None
    )
    joined_after = (
        len(after) == 2
        and after[0] in ("-", "‐")
        and after[1].isalpha()
        and _ADJECTIVE_AFTER_RE.match(text, end) is None
    )
    return joined_before or joined_after
