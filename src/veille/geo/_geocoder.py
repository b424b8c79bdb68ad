"""The geocoder: every toponym of a text (fr, ar, en), resolved against the gazetteer.

``Geocoder.geoparse`` runs the stages in order, one module each:

1. ``_scan``: the gazetteer names in the text, longest first, and the NER's place spans;
2. ``_accept``: why a word was not taken as a place at all (a common word, a person's
   name, part of a longer name...): the scan asks it about each name;
3. ``_phrases``: how precisely a name places something ("près de X", "l'est de la
   Syrie", "le nord-est syrien");
4. ``_resolve``: how a homonym is chosen (priors, nouns, the text's context, nearby
   towns, the outlet's area);
5. ``_corroborate``: why a resolved weak name was dropped after all (no support from
   the rest of the text);
6. here: the ``Toponym`` and ``Place`` records (``_records``) of what is left.

The stages pass ``_match._Match`` along, each filling it in; they read the gazetteer
(``_store``), the place words of every language (``_lexicon``) and the weights
(``_weights``), and keep nothing between texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from veille.geo._accept import Acceptance
from veille.geo._areas import AreaReader
from veille.geo._corroborate import Corroboration
from veille.geo._lexicon import GeoWords, geo_words
from veille.geo._match import _Match
from veille.geo._normalize import (
    Token,
    WordMemo,
    key_of_norms,
    loose_key_of_norms,
    tokenize,
    word_form,
)
from veille.geo._phrases import Phrases
from veille.geo._quarters import drop_far_quarters
from veille.geo._records import _OUTLET_FEATURES, OutletProfile, Place, Toponym
from veille.geo._resolve import Resolver, prior
from veille.geo._scan import Scanner
from veille.geo._store import DEFAULT_INDEX, Candidate, GazetteerStore, PlaceRecord
from veille.geo._transliterate import TransliteratedNames
from veille.geo._weights import GeocoderWeights
from veille.lang.normalise import Word
from veille.model import GeoPrecision, Location

__all__ = ["Geocoder", "OutletProfile", "Place", "Toponym"]


#: The endings of an Arabic adjective of relation («تونسية», «سوري»): no place's name.
_NISBA = ("ية", "يه", "يين", "يون")
#: The Arabic article, after a proclitic or not («البلدة», «بالمدينة», «للقرية»).
_DEFINITE = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل)")


class Geocoder:
    """Finds every toponym in a text and resolves it against the shipped gazetteer.

    Holds its own read-only SQLite connection and caches; pickling keeps only the index
    path, so a Spark executor re-opens it cheaply.
    """

    def __init__(
        self,
        store: GazetteerStore,
        weights: GeocoderWeights | None = None,
        words: GeoWords | None = None,
    ) -> None:
        self._assemble(
            store,
            weights if weights is not None else GeocoderWeights.load(),
            words if words is not None else geo_words(),
        )

    def _assemble(self, store: GazetteerStore, weights: GeocoderWeights, words: GeoWords) -> None:
        """Hold the gazetteer, the weights and the place words, and the stages that read
        them (built here, and again when unpickled)."""
        self._store = store
        self._weights = weights
        #: The place words of every language (``veille/lang/<code>/places.json``).
        self._words = words
        self._memo = WordMemo()
        # One reader of the area after a name: it announces villages and settles towns.
        self._areas = AreaReader(store, words)
        acceptance = Acceptance(store, words, weights, self._areas)
        self._scanner = Scanner(store, words, self._memo, acceptance)
        self._phrases = Phrases(store, words)
        self._resolver = Resolver(store, words, weights)
        self._corroboration = Corroboration(store, words, weights)
        self._transliterated = TransliteratedNames(store)

    @classmethod
    def load(cls, path: Path | None = None, *, weights_path: Path | str | None = None) -> Geocoder:
        """Open the shipped gazetteer index (or ``path``) with the shipped weights (or
        those of ``weights_path``); raises DataError if either is missing or invalid."""
        return cls(GazetteerStore(path or DEFAULT_INDEX), GeocoderWeights.load(weights_path))

    @property
    def weights(self) -> GeocoderWeights:
        """The scores, bonuses and thresholds this geocoder resolves with."""
        return self._weights

    @property
    def words(self) -> GeoWords:
        """The place words of every language it reads text with."""
        return self._words

    def with_weights(self, weights: GeocoderWeights) -> Geocoder:
        """The same gazetteer (and its caches) under other weights."""
        return Geocoder(self._store, weights, self._words)

    def with_words(self, words: GeoWords) -> Geocoder:
        """The same gazetteer and weights with other place words (``geo_words(root)`` of
        another folder of languages)."""
        return Geocoder(self._store, self._weights, words)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self._store.path, "weights": self._weights, "words": self._words}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._assemble(GazetteerStore(state["path"]), state["weights"], state["words"])

    # ------------------------------------------------------------------ public API

    def lookup(self, name: str) -> list[Place]:
        """Places a name can refer to, most likely first (no context)."""
        norms = [t.norm for t in tokenize(name)]
        if not norms:
            return []
        cands = self._store.lookup(key_of_norms(norms))
        if not cands:
            loose = loose_key_of_norms(norms)
            cands = self._store.lookup("~" + loose) if loose else ()
        ranked = sorted(cands, key=lambda c: -self._prior(c))
        return [self._place(c.place) for c in ranked]

    def geoparse(
        self,
        text: str,
        language: str,
        *,
        hints: Sequence[tuple[int, int]] = (),
        persons: Sequence[tuple[int, int]] = (),
        outlet: OutletProfile | None = None,
        words: Sequence[Word] | None = None,
    ) -> list[Toponym]:
        """Every toponym in ``text`` (fr, ar, en), resolved with the whole text as context.

        ``hints`` are spans the caller's NER labelled LOC/GPE; ``persons`` the spans it
        labelled PERSON (PER), whose one-word town names are refused as first names and
        surnames (see ``_accept._PersonNames``). Toponyms do not overlap and are sorted
        by start; vague regional phrases ("l'est de la Syrie") are one toponym covering
        the phrase, with geo_precision 3. ``outlet``, the profile of the outlet's other
        articles, weighs homonyms toward the area the outlet usually reports from.
        ``words``: ``split_words(text)`` where the caller has it already.
        """
        tokens = tokenize(text, self._memo, words)
        matches = self._scanner.scan(text, tokens, hints, language, persons)
        matches = self._scanner.add_hints(text, tokens, matches, hints)
        self._phrases.apply_phrases(text, matches)
        adjectives = self._resolver.demonym_context(tokens) if language != "en" else {}
        self._resolver.resolve(text, tokens, matches, outlet, adjectives)
        self._areas.settle(text, tokens, matches)
        matches = self._corroboration.drop_uncorroborated(matches, text, set(adjectives))
        self._corroboration.one_place_per_name(matches, text)
        drop_far_quarters(self._words, text, tokens, matches)
        matches = self._phrases.with_capitals(text, tokens, matches)
        matches.extend(self._phrases.demonym_regions(text, tokens, matches))
        toponyms = self._to_toponyms(text, matches)
        toponyms = self._phrases.bare_capitals(text, tokens, toponyms)
        if language == "ar":
            toponyms = self._with_transliterated(text, tokens, toponyms, set(adjectives))
            toponyms = self._named_again(tokens, toponyms)
        return toponyms

    def _with_transliterated(
        self, text: str, tokens: list[Token], toponyms: list[Toponym], adjectives: set[str]
    ) -> list[Toponym]:
        """``toponyms`` and the Arabic names of places the index has only in Latin script
        (``_transliterate``): a word no toponym covers, right after a noun that announces
        a place («بلدة غوزا»), in a country the text's places or adjectives name."""
        countries = {t.place.iso3 for t in toponyms if t.place and t.place.iso3} | adjectives
        # A singular, indefinite noun takes a name («بلدة غوزا»); a plural or a definite
        # one takes an adjective («مدن تونسية», «البلدة القديمة»).
        nouns = self._words.name_nouns | self._words.place_nouns
        # An unresolved toponym of one word may be the name the index lacks. (The
        # characters of the resolved ones, so a long text costs no toponyms × words.)
        covered = {i for t in toponyms if t.place is not None for i in range(t.start, t.end)}
        unresolved = {t.start for t in toponyms if t.place is None}
        heads = self._words.joined_name_heads
        # «مديرية بني مطر»: a name's first word («بني», «تل», a common word alone) and
        # the word after it.
        # A plural noun («قرى», «بلدات») takes a name where a list follows it.
        plurals = self._words.city_nouns - nouns
        names: list[tuple[Token, Token, Token]] = []
        for k, (before, word) in enumerate(pairwise(tokens)):
            if not (
                word.arabic
                and (before.norm in nouns or before.norm in plurals)
                and not _DEFINITE.match(before.raw)
                and text[before.end : word.start] == " "
                and word.norm not in nouns
                and word.norm not in self._words.stop_keys  # «بلدة قرب مدينة»: a preposition
                and (word.norm not in self._words.common_words or word.norm in heads)
                and word.start not in covered
                and word.end - 1 not in covered
            ):
                continue
            last = self._name_end(text, tokens, k + 1, covered)
            listed = list(self._listed_names(text, tokens, tokens.index(last, k + 1), covered))
            if before.norm in plurals and (not listed or word.raw.endswith(_NISBA)):
                continue  # «مدن تونسية»: a plural noun and its adjective
            names.append((before, word, last))
            names.extend((before, member, member) for member in listed)
        if not names:
            return toponyms  # no noun announces a name: no skeleton or area to read
        found: dict[int, PlaceRecord] = {}
        # «ولاية زمفرة»: a state or province first, of whatever country; it names the
        # country its towns are looked for in.
        admin = self._words.admin_nouns
        for k, (before, word, last) in enumerate(names):
            if not any(before.norm.endswith(a) for a in admin):
                continue  # «ولاية», «بولاية»: a state's noun, a clitic glued or not
            province = self._transliterated.find_province(_norms(word, last))
            if province is not None and province.iso3:
                found[k] = province
                countries.add(province.iso3)
        if not countries:
            return toponyms
        added: list[Toponym] = []
        # The countries the text's places name; those only an adjective names
        # («وكالة الصحافة الفرنسية», the French news agency) where its places name none.
        placed = countries - (adjectives - {t.place.iso3 for t in toponyms if t.place})
        # The first-level areas the text's places lie in, where a town's noun may
        # announce a village the main index lacks («قرية غومسوري» in a story of Borno).
        village_areas = sorted(
            {
                (t.place.iso3, int(t.place.admin1_id.removeprefix("geonames:")))
                for t in toponyms
                if t.place is not None
                and t.place.iso3 in (placed or countries)
                and t.place.admin1_id is not None
                and t.place.admin1_id.startswith("geonames:")
            }
        )
        for k, (before, word, last) in enumerate(names):
            norms = _norms(word, last)
            record = found.get(k) or self._transliterated.find(norms, placed or countries)
            if record is None and village_areas and before.norm in self._words.name_nouns:
                record = self._transliterated.find_village(norms, village_areas)
            if record is None:
                continue
            place = self._place(record)
            added.append(
                Toponym(
                    start=word.start,
                    end=last.end,
                    text=text[word.start : last.end],
                    place=place,
                    geo_precision=self._default_precision(place.feature),
                )
            )
        if not added:
            return toponyms
        replaced = {t.start for t in added} & unresolved
        kept = [t for t in toponyms if t.start not in replaced]
        return sorted([*kept, *added], key=lambda t: t.start)

    def _named_again(self, tokens: list[Token], toponyms: list[Toponym]) -> list[Toponym]:
        """The other mentions of a one-word Arabic name a town's or an area's noun
        announced once («مدينة بنجغور» ... «مستشفى بنجغور», «استهدفت بنجغور»): the text
        names the same place again with no noun before it, which alone would not say
        the word is a name."""
        nouns = self._words.city_nouns | self._words.admin_nouns
        starts = {t.start: t for t in toponyms if t.place is not None and " " not in t.text}
        named: dict[str, Toponym] = {}
        for before, word in pairwise(tokens):
            if word.start in starts and word.arabic and before.norm in nouns:
                named.setdefault(word.raw, starts[word.start])
        if not named:
            return toponyms
        taken = {i for t in toponyms for i in range(t.start, t.end)}
        again = [
            named[word.raw].model_copy(update={"start": word.start, "end": word.end})
            for word in tokens
            if word.raw in named and word.start not in taken
        ]
        return sorted([*toponyms, *again], key=lambda t: t.start)

    def _listed_names(
        self, text: str, tokens: list[Token], k: int, covered: set[int]
    ) -> Iterable[Token]:
        """The Arabic names listed after the name that ends at ``tokens[k]`` («قرى X وY
        وZ», «بلدتي X وY», «مدن X، Y وZ»): each word after «و» glued to it or after a
        comma, up to the first word that is no such member (a resolved toponym, a
        common word, a noun of a place, a word that goes on as no name does: «وسرقوا
        المواشي», a verb and its object); a member has its «و» left out."""
        for j in range(k + 1, len(tokens)):
            token = tokens[j]
            between = text[tokens[k].end : token.start]
            raw = token.raw
            if between == " " and raw.startswith("و") and len(raw) > 3:
                raw = raw[1:]
                start = token.start + 1
            elif between.strip() in ("،", ",") and between.endswith(" "):
                start = token.start
            else:
                return
            norm, arabic = word_form(raw)
            if (
                not arabic
                or token.start in covered
                or norm in self._words.common_words
                or norm in self._words.place_nouns
                or norm in self._words.city_nouns
                or not self._ends_a_name(text, tokens, j)
            ):
                return
            yield Token(start, token.end, raw, norm, True)
            k = j

    def _ends_a_name(self, text: str, tokens: list[Token], k: int) -> bool:
        """Whether what follows ``tokens[k]`` is what follows a listed name: the end of
        the text or a mark, the next member («وY»), or the place's setting («في»,
        «قرب»: ``locative_cues``; «شمال»; «بولاية», a noun of a place after «ب»)."""
        if k + 1 >= len(tokens):
            return True
        after = tokens[k + 1]
        if text[tokens[k].end : after.start] != " " or after.raw.startswith("و"):
            return True
        if after.raw in self._words.locative_cues and after.raw != "من":
            return True  # «في», «قرب» («من»: a verb's too, «وسرقوا من المنازل»)
        if self._words.vague_before.search(after.raw + " "):
            return True  # «شمال», «جنوبي»
        nouns = self._words.place_nouns | self._words.city_nouns
        return after.raw.startswith("ب") and word_form(after.raw[1:])[0] in nouns

    def _name_end(self, text: str, tokens: list[Token], k: int, covered: set[int]) -> Token:
        """The last word of the Arabic name that ``tokens[k]`` opens: the word after it
        where it is a name's first word (``joined_name_heads``: «بني مطر», «تل عرن»)
        and no resolved toponym (its characters ``covered``) holds it, else itself."""
        word = tokens[k]
        if word.norm in self._words.joined_name_heads and k + 1 < len(tokens):
            after = tokens[k + 1]
            if (
                after.arabic
                and text[word.end : after.start] == " "
                and after.start not in covered
                and after.end - 1 not in covered
            ):
                return after
        return word

    def outlet_profile(self, documents: int, articles: Iterable[Iterable[str]]) -> OutletProfile:
        """An outlet's profile from the gazetteer ids of the places each of its articles
        named (e.g. ``Store.outlet_places``); ``documents`` counts all its articles,
        those that named no place included."""
        profile = OutletProfile(documents=documents)
        for ids in articles:
            profile.areas.update({a for gid in ids if (a := self._admin1_id(gid)) is not None})
        return profile

    def _admin1_id(self, gazetteer_id: str) -> str | None:
        prefix, _, raw = gazetteer_id.partition(":")
        if prefix != "geonames" or not raw.lstrip("-").isdigit():
            return None
        rec = self._store.place(int(raw))
        if rec is None or rec.feature not in _OUTLET_FEATURES:
            return None
        area = rec.id if rec.feature == "admin1" else rec.admin1
        return None if area is None else f"geonames:{area}"

    def _prior(self, c: Candidate) -> float:
        """A candidate's context-free plausibility (``_resolve.prior``)."""
        return prior(c, self._weights.prior)

    def _prefer_namesake_towns(self, m: _Match) -> None:
        """Lower the areas named after a town among ``m``'s candidates
        (``Resolver.prefer_namesake_towns``)."""
        self._resolver.prefer_namesake_towns(m)

    def to_location(self, toponym: Toponym) -> Location | None:
        """The event location of a toponym (None when it was not resolved)."""
        place = toponym.place
        if place is None:
            return None
        precision: GeoPrecision = toponym.geo_precision or self._default_precision(place.feature)
        return Location(
            name=place.name,
            admin1=place.admin1,
            admin2=place.admin2,
            country=place.country,
            iso3=place.iso3,
            lat=place.lat,
            lon=place.lon,
            geo_precision=precision,
            gazetteer_id=place.gazetteer_id,
        )

    # ------------------------------------------------------------------ output

    @staticmethod
    def _default_precision(feature: str) -> GeoPrecision:
        if feature in ("city", "site"):
            return 1
        if feature == "admin2":
            return 2
        return 3

    def _to_toponyms(self, text: str, matches: list[_Match]) -> list[Toponym]:
        out: list[Toponym] = []
        last_end = -1
        for m in sorted(
            matches, key=lambda m: (m.phrase_start or m.start, -(m.phrase_end or m.end))
        ):
            start = m.phrase_start if m.phrase_start is not None else m.start
            end = m.phrase_end if m.phrase_end is not None else m.end
            if start < last_end:
                continue
            place = None if m.best is None else self._place(m.best.place)
            precision: GeoPrecision | None = None
            if place is not None:
                precision = self._default_precision(place.feature)
                if m.precision is not None:
                    if m.phrase_start is not None and place.feature in ("city", "site"):
                        phrase = text[m.phrase_start : m.start]
                        precision = 1 if self._words.centre_phrase.match(phrase) else 2
                    else:
                        precision = max(precision, m.precision)  # type: ignore[assignment]
            out.append(
                Toponym(
                    start=start,
                    end=end,
                    text=text[start:end],
                    place=place,
                    geo_precision=precision,
                    demonym=m.demonym,
                    vague=m.phrase_start is not None or m.phrase_end is not None,
                )
            )
            last_end = end
        return out

    def _place(self, rec: PlaceRecord) -> Place:
        admin1 = admin2 = admin1_id = None
        name = self._store.name(rec.id) or ""
        gid = f"geonames:{rec.id}"
        if rec.feature in ("site", "region"):
            info = self._store.site_info(rec.id)
            if info is not None:
                gid = f"site:{info[0]}"
                admin1 = info[2]
        else:
            if rec.admin1 is not None and rec.feature != "admin1":
                admin1 = self._store.name(rec.admin1)
                admin1_id = f"geonames:{rec.admin1}"
            elif rec.feature == "admin1":
                admin1, admin1_id = name, gid
            if rec.admin2 is not None:
                admin2 = self._store.name(rec.admin2)
            elif rec.feature == "admin2":
                admin2 = name
        country = self._store.country(rec.iso3) if rec.iso3 else None
        return Place(
            gazetteer_id=gid,
            name=name,
            feature=rec.feature,
            admin1=admin1,
            admin1_id=admin1_id,
            admin2=admin2,
            country=self._store.name(country.id) if country else None,
            iso3=rec.iso3,
            lat=rec.lat,
            lon=rec.lon,
            population=rec.population,
        )


def _norms(first: Token, last: Token) -> str:
    """The normalised words of a name of one or two words, as the skeletons read them."""
    return first.norm if first is last else f"{first.norm} {last.norm}"
