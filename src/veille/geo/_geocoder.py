"""Toponym recognition (gazetteer scanning + NER hints) and resolution in context."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.geo._accept import Acceptance
from veille.geo._corroborate import Corroboration
from veille.geo._lexicon import GeoWords, geo_words
from veille.geo._match import _Match, _SpanIndex
from veille.geo._normalize import (
    AR_CONJUNCTIONS,
    AR_PREPOSITIONS,
    LATIN_ARTICLES,
    Token,
    WordMemo,
    key_of_norms,
    loose_key_of_norms,
    normalise_token,
    strip_arabic_article,
    tokenize,
)
from veille.geo._records import _OUTLET_FEATURES, OutletProfile, Place, Toponym
from veille.geo._resolve import Resolver, prior
from veille.geo._store import (
    DEFAULT_INDEX,
    FLAG_PRIMARY,
    Candidate,
    GazetteerStore,
    PlaceRecord,
)
from veille.geo._weights import GeocoderWeights
from veille.model import GeoPrecision, Location

__all__ = ["Geocoder", "OutletProfile", "Place", "Toponym"]

MAX_NAME_TOKENS = 8
# Text allowed between two tokens of one name: spaces, hyphens, apostrophes, a dot.
_JOIN_RE = re.compile(r"^[ \t\u00a0\-\u2010\u2011'’ʼ.]{1,3}$")


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
        self._resolver = Resolver(store, words, weights)
        self._acceptance = Acceptance(store, words, weights)
        self._corroboration = Corroboration(store, words, weights)

    @classmethod
    def load(cls, path: Path | None = None, *, weights_path: Path | str | None = None) -> Geocoder:
        """Open the shipped gazetteer index (or ``path``) with the shipped weights (or
        those of ``weights_path``); raises DataError if either is missing or invalid."""
        return cls(GazetteerStore(path or DEFAULT_INDEX), GeocoderWeights.load(weights_path))

    @property
    def weights(self) -> GeocoderWeights:
        """The scores, bonuses and thresholds this geocoder resolves with."""
        return self._weights

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
    ) -> list[Toponym]:
        """Every toponym in ``text`` (fr, ar, en), resolved with the whole text as context.

        ``hints`` are spans the caller's NER labelled LOC/GPE; ``persons`` the spans it
        labelled PERSON (PER), whose one-word town names are refused as first names and
        surnames (see ``_accept._PersonNames``). Toponyms do not overlap and are sorted by start;
        vague regional phrases ("l'est de la Syrie") are one toponym covering the phrase,
        with geo_precision 3. ``outlet``, the profile of the outlet's other articles,
        weighs homonyms toward the area the outlet usually reports from.
        """
        tokens = tokenize(text, self._memo)
        matches = self._scan(text, tokens, hints, language, persons)
        matches = self._add_hints(text, tokens, matches, hints)
        self._apply_phrases(text, tokens, matches)
        adjectives = self._resolver.demonym_context(tokens) if language != "en" else {}
        self._resolver.resolve(text, tokens, matches, outlet, adjectives)
        matches = self._corroboration.drop_uncorroborated(matches, text, set(adjectives))
        matches.extend(self._demonym_regions(text, tokens, matches))
        return self._to_toponyms(text, matches)

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

    # ------------------------------------------------------------------ scanning

    def _first_forms(self, token: Token) -> list[tuple[str, int]]:
        """Normalised forms of a name's first token, with the offset of the name inside it.

        Arabic conjunctions and prepositions glued to a name (و ف ب ل ك, and "لل" for
        ل + ال) are peeled off; the name then starts after them.
        """
        forms = [(token.norm, 0)]
        if not token.arabic:
            return forms
        raw = token.raw
        i = 0
        if len(raw) > 3 and raw[0] in AR_CONJUNCTIONS:
            i = 1
            forms.append((normalise_token(raw[i:]), i))
        if len(raw) - i > 3 and raw[i] in AR_PREPOSITIONS:
            if raw[i] == "ل" and raw[i + 1] == "ل" and len(raw) - i > 4:
                rest = raw[i + 2 :]
                forms.append((strip_arabic_article(normalise_token(rest)), i + 2))
            else:
                forms.append((normalise_token(raw[i + 1 :]), i + 1))
        return forms

    def _scan(
        self,
        text: str,
        tokens: list[Token],
        hints: Sequence[tuple[int, int]],
        language: str = "en",
        persons: Sequence[tuple[int, int]] = (),
    ) -> list[_Match]:
        """Longest gazetteer names, left to right. A rejected name lets a shorter one at the
        same word try ("Washington" of "Washington state"), then the next word."""
        matches: list[_Match] = []
        scan = _ScanText.of(text, tokens)
        hint_index = _SpanIndex(hints)
        people = self._acceptance.person_names(tokens, persons, hints)
        max_tokens = self._store.max_tokens
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if not tok.arabic and not tok.raw[:1].isupper() and not max_tokens(tok.norm):
                # No name starts with this lower-case word, and no loose spelling or
                # demonym is read from one: the next word (most words of a text).
                i += 1
                continue
            found = self._longest_at(text, tokens, i, scan)
            if language == "en":
                demonym = self._demonym_at(tokens, i, scan.runs)
                if demonym is not None and (
                    found is None or found.last - found.first <= demonym.last - demonym.first
                ):
                    matches.append(demonym)
                    i = demonym.last
                    continue
            last_end = matches[-1].end if matches else -1
            while found is not None and not self._acceptance.accepted(
                text, tokens, found, hint_index, last_end, people
            ):
                shorter = found.last - found.first - 1
                found = self._longest_at(text, tokens, i, scan, shorter) if shorter else None
            if found is None:
                i += 1
                continue
            matches.append(found)
            i = found.last
        return matches

    def _longest_at(
        self,
        text: str,
        tokens: list[Token],
        i: int,
        scan: _ScanText,
        limit: int = MAX_NAME_TOKENS,
    ) -> _Match | None:
        """The longest name at token ``i`` (of at most ``limit`` tokens, joined as one
        name: see ``_join_runs``)."""
        best: _Match | None = None
        best_n = 0
        token = tokens[i]
        # A name spans joined tokens only: none longer than the run of joins from i.
        joined = scan.runs[i] + 1
        if joined > limit:
            joined = limit
        store, stop_keys = self._store, self._words.stop_keys
        forms = self._first_forms(token) if token.arabic else ((token.norm, 0),)
        for form, shift in forms:
            if not form:
                continue
            max_n = store.max_tokens(form)
            if max_n > joined:
                max_n = joined
            for n in range(max_n, best_n, -1):  # only longer than the best so far
                key = scan.key(form, i, n)
                if n == 1 and key in store.demonyms():
                    break  # "Syrian", "libanais", "السوري": never a place on its own
                cands = store.lookup(key)
                if key in stop_keys:
                    if n > 1 or not self._acceptance.state_abbreviation(text, token):
                        continue
                    cands = tuple(c for c in cands if c.place.feature == "admin1")
                if cands and not self._acceptance.inside_compound(
                    text, token.start + shift, tokens[i + n - 1].end
                ):
                    best = _Match(token.start + shift, tokens[i + n - 1].end, i, i + n, cands)
                    best_n = n
                    break
        if not tokens[i].arabic and tokens[i].raw[:1].isupper():
            # A longer name in another spelling beats a shorter exact one: "Khan Younis"
            # (Khān Yūnis) is not the place "Khan" followed by a word.
            loose = self._loose_at(text, tokens, i, scan.runs, limit)
            if loose is not None and (
                best is None or loose.last - loose.first > best.last - best.first
            ):
                best = loose
        return best

    def _demonym_at(self, tokens: list[Token], i: int, runs: Sequence[int]) -> _Match | None:
        """An English capitalised demonym ("Russian", "Sri Lankans"): its country or region.

        GeoWebNews and LGL count "Russian" in "Russian troops" as a toponym of Russia; the
        place it names is vague (geo_precision 3). Homonymous admin areas ("Georgian":
        Georgia, the US state) stay candidates for the context to decide.
        """
        for n in range(min(3, runs[i] + 1), 0, -1):
            name = tokens[i : i + n]
            if any(t.arabic or not t.raw[:1].isupper() for t in name):
                continue
            key = key_of_norms([t.norm for t in name])
            cands = self._demonym_candidates(key)
            if not cands and key.endswith("s"):
                cands = self._demonym_candidates(key[:-1])  # "Russians", "Palestinians"
            if cands:
                m = _Match(tokens[i].start, tokens[i + n - 1].end, i, i + n, cands)
                m.precision = 3
                m.demonym = True
                return m
        return None

    def _demonym_candidates(self, key: str) -> tuple[Candidate, ...]:
        iso3 = self._store.demonyms().get(key)
        if iso3 is not None:
            country = self._store.country(iso3)
            if country is None:
                return ()
            name = self._store.name(country.id) or ""
            homonyms = self._store.lookup(key_of_norms([t.norm for t in tokenize(name)]))
            states = [c for c in homonyms if c.place.feature == "admin1"]
            return (Candidate(country, FLAG_PRIMARY), *states)
        place_key = self._words.demonyms.get(key)
        if place_key is None:
            return ()
        return tuple(
            c
            for c in self._store.lookup(place_key)
            if c.place.feature in ("country", "admin1", "region")
        )

    def _loose_at(
        self, text: str, tokens: list[Token], i: int, runs: Sequence[int], limit: int = 4
    ) -> _Match | None:
        first = tokens[i].norm
        # No loose key starts with this word's skeleton: spare the four lookups.
        if (
            first.isascii()
            and first.isalpha()
            and first not in LATIN_ARTICLES
            and not self._store.max_tokens("~" + self._memo.loose(first))
        ):
            return None
        for n in range(min(4, limit, runs[i] + 1), 0, -1):
            norms = [t.norm for t in tokens[i : i + n]]
            if n == 1 and (norms[0] in self._words.stop_keys or norms[0] in self._store.demonyms()):
                continue
            if n > 1 and norms[0] in LATIN_ARTICLES and not tokens[i + 1].raw[:1].isupper():
                # A transliterated article heads a capitalised name ("as-Sukhnah", "ad
                # Dawr"); "US and", "at once" are English words.
                continue
            loose = loose_key_of_norms(norms, self._memo.loose)
            if loose is None:
                continue
            cands = self._store.lookup("~" + loose)
            if cands and not self._acceptance.inside_compound(
                text, tokens[i].start, tokens[i + n - 1].end
            ):
                return _Match(tokens[i].start, tokens[i + n - 1].end, i, i + n, cands, loose=True)
        return None

    def _add_hints(
        self,
        text: str,
        tokens: list[Token],
        matches: list[_Match],
        hints: Sequence[tuple[int, int]],
    ) -> list[_Match]:
        """Mark matches inside NER spans; look up NER spans the scan did not cover.

        ``matches`` run left to right without overlapping, and stay so (a hint's match
        replaces those it covers), so the matches and tokens of a span are found by
        bisection: a text with thousands of hints stays linear.
        """
        if not hints:
            return matches
        matches = list(matches)
        token_starts = [t.start for t in tokens]
        token_ends = [t.end for t in tokens]
        for start, end in hints:
            lo = bisect.bisect_right(matches, start, key=lambda m: m.end)
            hi = bisect.bisect_left(matches, end, key=lambda m: m.start)
            covered = matches[lo:hi]
            if covered:
                covered[0].hinted = True
            if covered and (
                (min(m.start for m in covered) <= start and max(m.end for m in covered) >= end)
                or any(
                    c.place.feature in ("country", "admin1", "site", "region")
                    for m in covered
                    for c in m.candidates
                )
            ):
                continue
            # The NER span is longer than what the gazetteer saw inside it ("Zzyzxqu
            # Valley" around "Valley"): the whole span is the toponym.
            first = bisect.bisect_left(token_starts, start)
            last = bisect.bisect_right(token_ends, end)
            while first < last and tokens[first].norm in {"the", "le", "la", "les", "l"}:
                first += 1
            if first >= last:
                continue
            norms = [t.norm for t in tokens[first:last]]
            cands = self._store.lookup(key_of_norms(norms))
            loose = False
            if not cands:
                lkey = loose_key_of_norms(norms)
                cands = self._store.lookup("~" + lkey) if lkey else ()
                loose = bool(cands)
            if not cands and covered and covered[0].first == first:
                continue  # "Boston Harbor", "St. Louis Hills": the place heads the span
            new = _Match(
                tokens[first].start,
                tokens[last - 1].end,
                first,
                last,
                cands,
                loose=loose,
                hinted=True,
            )
            matches[lo:hi] = [new]  # the span's tokens hold no other match
        return matches

    # ------------------------------------------------------------------ acceptance

    # ------------------------------------------------------------------ phrases

    def _apply_phrases(self, text: str, tokens: list[Token], matches: list[_Match]) -> None:
        """Near-phrases (precision 2) and vague directional phrases (cover the phrase)."""
        for m in matches:
            before = text[max(0, m.start - 40) : m.start]
            lowered = before.lower()
            vague = self._words.vague_phrase_before(lowered)
            if vague is not None:
                phrase = before[vague.start() :]
                clitic = self._words.clitic_before_direction.match(phrase)
                m.phrase_start = m.start - len(phrase) + (clitic.end() if clitic else 0)
                after = self._words.direction_after.match(text[m.end : m.end + 20])
                if after is not None:
                    m.phrase_end = m.end + after.end()
                m.precision = 3  # lowered to 2 for towns and sites once resolved
                continue
            if self._words.near_phrase_before(lowered) or self._words.near_after.match(
                text[m.end : m.end + 15]
            ):
                m.precision = 2

    def _demonym_regions(
        self, text: str, tokens: list[Token], matches: list[_Match]
    ) -> list[_Match]:
        """ "le nord-est syrien", "الشمال السوري": a direction then a demonym -> country."""
        demonyms = self._store.demonyms()
        taken = _SpanIndex(
            [
                (
                    m.start if m.phrase_start is None else m.phrase_start,
                    m.end if m.phrase_end is None else m.phrase_end,
                )
                for m in matches
            ]
        )
        found: list[_Match] = []
        for k, tok in enumerate(tokens):
            iso3 = demonyms.get(tok.norm)
            if iso3 is None or k == 0 or tokens[k - 1].norm not in self._words.direction_words:
                continue
            first = k - 1
            if first > 0 and tokens[first - 1].norm in self._words.direction_words:
                first -= 1
            start = tokens[first].start
            if first > 0 and tokens[first - 1].norm in {"l", "le"}:
                start = tokens[first - 1].start
            if tokens[first].arabic:
                start = tokens[first].start + self._clitic_len(tokens[first].raw)
            if taken.overlapping(start, tok.end):
                continue
            country = self._store.country(iso3)
            if country is None:
                continue
            cand = Candidate(country, FLAG_PRIMARY)
            m = _Match(start, tok.end, first, k + 1, (cand,), precision=3, best=cand)
            found.append(m)
        return found

    @staticmethod
    def _clitic_len(raw: str) -> int:
        for prefix in ("وبال", "وال", "بال", "فال", "لل", "ال"):
            if raw.startswith(prefix):
                return len(prefix) - (2 if prefix.endswith("ال") else 0)
        return 0

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


@dataclass(frozen=True, slots=True)
class _ScanText:
    """What the scan reads of one text's tokens, computed once: their normalised forms,
    the same with a transliterated article unified as inside a key (``key_of_norms``),
    and how many next tokens each is joined to (``_join_runs``)."""

    norms: list[str]
    heads: list[str]
    runs: list[int]

    @classmethod
    def of(cls, text: str, tokens: Sequence[Token]) -> _ScanText:
        norms = [t.norm for t in tokens]
        heads = ["al" if norm in LATIN_ARTICLES else norm for norm in norms]
        return cls(norms, heads, _join_runs(text, tokens))

    def key(self, form: str, i: int, n: int) -> str:
        """``key_of_norms`` of ``form`` (a form of token ``i``) and the ``n - 1`` next
        tokens' forms: an article is unified only before another word."""
        if n == 1:
            return form
        first = "al" if form in LATIN_ARTICLES else form
        return " ".join([first, *self.heads[i + 1 : i + n - 1], self.norms[i + n - 1]])


def _join_runs(text: str, tokens: Sequence[Token]) -> list[int]:
    """For each token, how many of the next tokens are joined to it one by one as words
    of one name: the text between two of them is spaces, hyphens, apostrophes or a dot
    (``_JOIN_RE``), and a dot only after a short word ("St. Louis", "S.C.", not "Nord.
    Est"). A name of ``n`` tokens from ``i`` needs ``runs[i] >= n - 1``."""
    runs = [0] * len(tokens)
    for k in range(len(tokens) - 2, -1, -1):
        gap = text[tokens[k].end : tokens[k + 1].start]
        if _JOIN_RE.match(gap) and not ("." in gap and len(tokens[k].raw) > 3):
            runs[k] = runs[k + 1] + 1
    return runs
