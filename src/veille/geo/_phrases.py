"""The phrases around a name that say how precisely it places something.

"près de X", "near X", "the X area" place near it (geo_precision 2). "l'est de la
Syrie", "north of Aleppo", "شمال حلب" make one toponym of the phrase: a vague region of
a country or area (geo_precision 3), near a town or site (2), or its centre (1). A
direction before a national adjective ("le nord-est syrien", "الشمال السوري") names a
vague region of that country.
"""

from __future__ import annotations

from collections import Counter

from veille.geo._lexicon import GeoWords
from veille.geo._match import _Match, _SpanIndex
from veille.geo._normalize import Token, word_form
from veille.geo._records import Toponym
from veille.geo._store import FLAG_PRIMARY, Candidate, GazetteerStore

#: The English and French articles that make a capital's noun definite ("the
#: capital", «la capitale»; "l", an elided article's norm).
_CAPITAL_ARTICLES = ("the", "la", "l")


class Phrases:
    """Reads the phrases around names (see the module doc); reads the gazetteer and the
    place words, and marks the matches it is given."""

    def __init__(self, store: GazetteerStore, words: GeoWords) -> None:
        self._store = store
        self._words = words

    def apply_phrases(self, text: str, matches: list[_Match]) -> None:
        """Near-phrases (precision 2) and vague directional phrases (cover the phrase)."""
        for m in matches:
            before = text[max(0, m.start - 40) : m.start]
            lowered = before.lower()
            vague = self._words.vague_phrase_before(lowered)
            if vague is None:
                # «شمالي العاصمة بغداد», "north of the capital, Bamako": the capital's
                # noun between the direction and the name.
                bare = self._without_capital_noun(before)
                if bare is not None:
                    vague = self._words.vague_phrase_before(bare.lower())
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

    def _without_capital_noun(self, before: str) -> str | None:
        """``before`` less the capital's noun it ends with ("the capital ", «العاصمة »,
        «la capitale »), with its article, its comma and the spaces after it; None
        where it ends with none."""
        words = before.rstrip(" ,").split(" ")
        if len(words) < 2 or word_form(words[-1])[0] not in self._words.capital_nouns:
            return None
        words = words[:-1]
        if words and words[-1].lower() in _CAPITAL_ARTICLES:
            words = words[:-1]
        return " ".join(words) + " "

    def demonym_regions(
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
            m = _Match(
                start, tok.end, first, k + 1, (cand,), precision=3, phrase_start=start, best=cand
            )
            found.append(m)
        return found

    def with_capitals(self, text: str, tokens: list[Token], matches: list[_Match]) -> list[_Match]:
        """ "the Somali capital", «la capitale somalienne», «العاصمة الصومالية»: a noun
        for a capital beside a people's adjective is that country's capital city
        (``GazetteerStore.capital``); the adjective still names the country."""
        demonyms = self._store.demonyms()
        nouns = self._words.capital_nouns
        found: list[_Match] = []
        for k, tok in enumerate(tokens):
            iso3 = demonyms.get(tok.norm)
            if iso3 is None:
                continue
            after = k + 1 < len(tokens) and tokens[k + 1].norm in nouns
            before = k > 0 and tokens[k - 1].norm in nouns
            if after and text[tok.end : tokens[k + 1].start] == " ":
                noun = k + 1  # "the Somali capital"
            elif before and text[tokens[k - 1].end : tok.start] == " ":
                noun = k - 1  # «la capitale somalienne», «العاصمة الصومالية»
            else:
                continue
            capital = self._store.capital(iso3)
            if capital is None:
                continue
            # The noun is the city; the adjective keeps naming its country.
            cand = Candidate(capital, FLAG_PRIMARY)
            start = tokens[noun].start
            if tokens[noun].arabic:
                start += self._clitic_len(tokens[noun].raw)
            found.append(_Match(start, tokens[noun].end, noun, noun + 1, (cand,), best=cand))
        if not found:
            return matches
        taken = _SpanIndex([(m.start, m.end) for m in found])
        kept = [m for m in matches if not taken.overlapping(m.start, m.end)]
        return sorted([*kept, *found], key=lambda m: m.start)

    def bare_capitals(
        self, text: str, tokens: list[Token], toponyms: list[Toponym]
    ) -> list[Toponym]:
        """ "in the capital", «dans la capitale», «وسط العاصمة»: a definite noun for a
        capital with no name, adjective or "of" after it is the capital city the text
        named before it (``GazetteerStore.capital``), if its country is one the text
        names most (the capital of the country named most where it named several);
        none where it named none. "The capital of Kano state", «capitale
        régionale», «عاصمة الولاية» name another."""
        nouns = self._words.capital_nouns
        found = [k for k, tok in enumerate(tokens) if tok.norm in nouns]
        if not found:
            return toponyms  # most texts: no index or count is built for them
        spans = [(t.start, t.end) for t in toponyms]
        taken = _SpanIndex(spans) if spans else None
        countries = Counter(t.place.iso3 for t in toponyms if t.place and t.place.iso3)
        added: list[Toponym] = []
        for k in found:
            tok = tokens[k]
            if not self._definite(text, tokens, k):
                continue
            if taken is not None and taken.overlapping(tok.start, tok.end):
                continue
            if not self._nothing_names_it_after(text, tokens, k):
                continue
            # "30 km east of the capital", «غرب العاصمة», «près de la capitale»: around
            # the city, not in it.
            opening = tokens[k - 1].start if k > 0 and not tok.arabic else tok.start
            before = text[max(0, opening - 40) : opening].lower()
            if self._words.vague_phrase_before(before) or self._words.near_phrase_before(before):
                continue
            named = {
                t.place.gazetteer_id: t
                for t in toponyms
                if t.end <= tok.start and t.place is not None and self._is_capital(t)
            }
            if not named:
                continue
            ranked = sorted(named.values(), key=lambda t: -countries[_country(t)])
            top = ranked[0]
            most = countries[_country(top)]
            if len(ranked) > 1 and countries[_country(ranked[1])] == most:
                continue  # two capitals of countries named as often: neither
            if most < max(countries.values()):
                continue  # "Washington said" in a story of another country's places
            start = tok.start + (self._clitic_len(tok.raw) if tok.arabic else 0)
            added.append(
                top.model_copy(
                    update={"start": start, "end": tok.end, "text": text[start : tok.end]}
                )
            )
        if not added:
            return toponyms
        return sorted([*toponyms, *added], key=lambda t: t.start)

    def _is_capital(self, t: Toponym) -> bool:
        place = t.place
        if place is None or place.feature != "city" or not place.iso3:
            return False
        capital = self._store.capital(place.iso3)
        return capital is not None and place.gazetteer_id == f"geonames:{capital.id}"

    @staticmethod
    def _definite(text: str, tokens: list[Token], k: int) -> bool:
        """ "the capital", «la capitale», «العاصمة» (clitics allowed): never «عاصمة»
        (a construct: the capital of what follows) nor "a capital"."""
        tok = tokens[k]
        if tok.arabic:
            return "ال" in tok.raw[:4]
        return (
            k > 0
            and tokens[k - 1].norm in _CAPITAL_ARTICLES
            and text[tokens[k - 1].end : tok.start] in (" ", "'", "’")
        )

    def _nothing_names_it_after(self, text: str, tokens: list[Token], k: int) -> bool:
        """No "of", «de», adjective or other word of its phrase after the noun: a mark,
        the end, a function word (a preposition, "since"), or (Arabic) a word that is no
        definite adjective («العاصمة الاقتصادية»)."""
        if k + 1 >= len(tokens):
            return True
        after = tokens[k + 1]
        if text[tokens[k].end : after.start].strip():
            return True  # a mark: "in the capital, Kinshasa" names it again, or ends
        if after.norm in ("of", "de", "d", "du", "des"):
            return False
        if after.arabic:
            return not after.raw.startswith(("ال", "وال"))
        return after.norm in self._words.stop_keys

    @staticmethod
    def _clitic_len(raw: str) -> int:
        """How many letters of clitics (و ب ف ل) an Arabic direction word carries before
        its article, where the phrase starts: "وبالشمال" at "الشمال", "للشمال" after
        its "لل" (ل + ال)."""
        for prefix in ("وبال", "وال", "بال", "فال", "لل", "ال"):
            if raw.startswith(prefix):
                return len(prefix) - (2 if prefix.endswith("ال") else 0)
        return 0


def _country(t: Toponym) -> str:
    """The ISO3 of a toponym's place ("" for none)."""
    return (t.place.iso3 if t.place else None) or ""
