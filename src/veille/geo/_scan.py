"""The scan: every gazetteer name in a text's tokens, longest first, left to right.

At each word the scan reads the longest name the gazetteer holds (in its exact form,
after peeling an Arabic clitic, or in a loose spelling: ``_longest_at``), over tokens
joined as words of one name (``_join_runs``); in English also a people's adjective
("Russian troops": ``_demonym_at``). The acceptance (``_accept``) refuses a name that
is no place, and a shorter name at the same word is tried. The NER's place spans then
mark the matches inside them and add the names the gazetteer did not see
(``add_hints``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from veille.geo._accept import ARABIC_ARTICLE, Acceptance, acronym_with_tail, glued_after
from veille.geo._lexicon import GeoWords
from veille.geo._match import _Match, _SpanIndex
from veille.geo._normalize import (
    AR_CONJUNCTIONS,
    AR_PREPOSITIONS,
    LATIN_ARTICLES,
    Token,
    WordMemo,
    arabic_loose_keys,
    key_of_norms,
    loose_key_of_norms,
    normalise_token,
    strip_arabic_article,
    tokenize,
)
from veille.geo._store import FLAG_PRIMARY, Candidate, GazetteerStore

MAX_NAME_TOKENS = 8
# Text allowed between two tokens of one name: spaces, hyphens, apostrophes, a dot.
_JOIN_RE = re.compile(r"^[ \t\u00a0\-\u2010\u2011'’ʼ.]{1,3}$")


#: Letters a name needs after the Arabic article once a preposition is peeled off.
_STEM = 2


class Scanner:
    """Finds the gazetteer names of a text (see the module doc); reads the gazetteer,
    the place words and the word memo, and asks ``acceptance`` about each name."""

    def __init__(
        self, store: GazetteerStore, words: GeoWords, memo: WordMemo, acceptance: Acceptance
    ) -> None:
        self._store = store
        self._words = words
        self._memo = memo
        self._acceptance = acceptance

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
            elif not (raw.startswith("ال", i + 1) and len(raw) - i - 3 < _STEM):
                # «وكالة» (agency) is no «و» + «ك» + the article + one letter.
                forms.append((normalise_token(raw[i + 1 :]), i + 1))
        return forms

    def _country_after_cue(self, tokens: list[Token], i: int, key: str, shift: int) -> bool:
        """«في السعودية», «بمالي», «إلى سورية»: an Arabic word that spells a country's
        name and its people's adjective alike names the country after a locative cue or
        a glued «ب» ("in"); elsewhere («القوات السعودية», «الدعم المالي») it is the
        adjective."""
        token = tokens[i]
        if not token.arabic or not any(
            c.place.feature == "country" and c.flags & FLAG_PRIMARY for c in self._store.lookup(key)
        ):
            return False
        if shift:
            return token.raw[shift - 1] == "ب"
        return i > 0 and tokens[i - 1].norm in self._words.locative_cues

    def scan(
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
            if (
                found is not None
                and found.start == tok.start
                and matches
                and matches[-1].last == i
                and tok.arabic
                and tok.raw[:1] in AR_CONJUNCTIONS
            ):
                # «في ينبع وجدة»: right after a place, a glued «و» joins the next one to
                # the list ("and Jeddah"), whatever the whole word spells (Oujda).
                listed = self._longest_at(text, tokens, i, scan, conjunction=True)
                found = listed or found
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
        *,
        conjunction: bool = False,
    ) -> _Match | None:
        """The longest name at token ``i`` (of at most ``limit`` tokens, joined as one
        name: see ``_join_runs``); with ``conjunction``, only those read after the
        Arabic conjunction glued to the word."""
        best: _Match | None = None
        best_n = 0
        token = tokens[i]
        # A name spans joined tokens only: none longer than the run of joins from i.
        joined = scan.runs[i] + 1
        if joined > limit:
            joined = limit
        store, stop_keys = self._store, self._words.stop_keys
        forms = self._first_forms(token) if token.arabic else [(token.norm, 0)]
        if conjunction:
            forms = [(form, shift) for form, shift in forms if shift == 1]
        for form, shift in forms:
            if not form:
                continue
            max_n = store.max_tokens(form)
            if form in LATIN_ARTICLES:
                # "El Geneina" is keyed "al geneina" (``key``): the longest name under
                # the unified article counts too.
                max_n = max(max_n, store.max_tokens("al"))
            if max_n > joined:
                max_n = joined
            # A name of n tokens needs its first n - 1 tokens (as a key spells them) to
            # head a longer key: read on only while they do, where the head's longest
            # name and the joins would try every length ("de la ..." of eight words).
            reach = 1
            prefix = "al" if form in LATIN_ARTICLES else form
            while reach < max_n and store.continues(prefix):
                prefix = f"{prefix} {scan.heads[i + reach]}"
                reach += 1
            if max_n > reach:
                max_n = reach
            # "struck Zahle as well as Hermel", "at Hermel": a lower-case word that is
            # also a function word, then a space, is that word, no transliterated
            # article ("as-Sukhnah", "As Suwayda" are written joined or capitalised).
            spelt_as_a_word = (
                form in LATIN_ARTICLES
                and form in stop_keys
                and token.raw.islower()
                and i + 1 < len(tokens)
                and text[token.end : tokens[i + 1].start] == " "
            )
            for n in range(max_n, best_n, -1):  # only longer than the best so far
                if n > 1 and spelt_as_a_word:
                    continue
                key = scan.key(form, i, n)
                if (
                    n == 1
                    and key in store.demonyms()
                    and not self._country_after_cue(tokens, i, key, shift)
                ):
                    break  # "Syrian", "libanais", "السوري": never a place on its own
                cands = store.lookup(key)
                if key in stop_keys:
                    if n > 1 or not self._acceptance.state_abbreviation(text, token):
                        continue
                    cands = tuple(c for c in cands if c.place.feature == "admin1")
                if n > 1 and cands and tokens[i + n - 1].norm in self._words.admin_nouns:
                    # "Musakhel district": one country's alternate name of its district
                    # must not hide another country's town of that name, which may stand
                    # for a district the name does not reach (``Resolver``: "Musa Khel").
                    # Only the towns of other countries join: a country's own towns would
                    # make its districts give way to them as namesake seats, and another
                    # country's area of the bare name would take the noun ("Plateau
                    # State" is no department "Plateau").
                    cands = _with_other_towns(cands, store.lookup(scan.key(form, i, n - 1)))
                if cands and not self._acceptance.inside_compound(
                    text, token.start + shift, tokens[i + n - 1].end, cands
                ):
                    best = _Match(token.start + shift, tokens[i + n - 1].end, i, i + n, cands)
                    best_n = n
                    break
        if best is None and token.arabic:
            return self._joined_name_at(tokens, i, forms) or self._arabic_loose_at(tokens, i)
        if not tokens[i].arabic and tokens[i].raw[:1].isupper():
            # A longer name in another spelling beats a shorter exact one: "Khan Younis"
            # (Khān Yūnis) is not the place "Khan" followed by a word.
            loose = self._loose_at(text, tokens, i, scan.runs, limit)
            if loose is not None and (
                best is None or loose.last - loose.first > best.last - best.first
            ):
                best = loose
        return best

    def _joined_name_at(
        self, tokens: list[Token], i: int, forms: list[tuple[str, int]]
    ) -> _Match | None:
        """«كفركلا», «عينبعال»: a two-word name (Kfar Kila) written as one word, its head
        (``joined_name_heads``) joined to the rest; looked up as written apart."""
        for form, shift in forms:
            for head in self._words.joined_name_heads:
                if form.startswith(head) and len(form) - len(head) >= _JOINED_REST:
                    cands = self._store.lookup(f"{head} {form[len(head) :]}")
                    if cands:
                        token = tokens[i]
                        # one Arabic word: held only in a country the text names
                        return _Match(
                            token.start + shift,
                            token.end,
                            i,
                            i + 1,
                            cands,
                            weak=True,
                            regional=True,
                        )
        return None

    def _arabic_loose_at(self, tokens: list[Token], i: int) -> _Match | None:
        """A town the gazetteer knows by a Latin spelling only (بلدة بابنوسة -> Babanusa):
        an Arabic word right after a town noun («بلدة», «مدينة», «قرية»), looked up by
        the loose keys of its Latin spellings (``arabic_loose_keys``). Loose and regional:
        kept only in a country the rest of the text names (``_corroborate``)."""
        if i == 0 or tokens[i - 1].norm not in self._words.name_nouns:
            return None
        if tokens[i].norm in self._words.stop_keys:
            return None  # «قرية قرب مدينة X»: "a village near the town of X"
        if tokens[i].start - tokens[i - 1].end > 1:
            return None  # «مدينة، ...»: no name after the noun
        if ARABIC_ARTICLE.match(tokens[i - 1].raw):
            return None  # «البلدة القديمة»: a definite noun takes an adjective, no name
        cands: list[Candidate] = []
        for key in arabic_loose_keys(tokens[i].norm):
            cands.extend(c for c in self._store.lookup("~" + key) if c.place.feature == "city")
        if not cands:
            return None
        return _Match(
            tokens[i].start, tokens[i].end, i, i + 1, tuple(cands), loose=True, regional=True
        )

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
            if n > 1 and norms[0] in self._words.stop_keys and norms[0] not in LATIN_ARTICLES:
                # «À Soumy»: a preposition capitalised at the start of a sentence heads
                # no name, however loosely the two words spell one (Amman's "Al-Asimah").
                continue
            if n > 1 and norms[0] in LATIN_ARTICLES and not tokens[i + 1].raw[:1].isupper():
                # A transliterated article heads a capitalised name ("as-Sukhnah", "ad
                # Dawr"); "US and", "at once" are English words.
                continue
            if n > 1 and not self._name_shaped(tokens[i : i + n]):
                continue  # "Niger et du": words of a list, not of one name
            loose = loose_key_of_norms(norms, self._memo.loose)
            if loose is None:
                continue
            cands = self._store.lookup("~" + loose)
            if cands and not self._acceptance.inside_compound(
                text, tokens[i].start, tokens[i + n - 1].end
            ):
                return _Match(tokens[i].start, tokens[i + n - 1].end, i, i + n, cands, loose=True)
        return None

    def _name_shaped(self, name: list[Token]) -> bool:
        """Words written as one name: each capitalised but its particles, and the last
        capitalised too (a name ends on a word of its own, not on "du" or "and")."""
        last = name[-1].raw[:1]
        return self._acceptance.capitalised(name) and (last.isupper() or last.isdigit())

    def _kind_before(self, before: list[Token]) -> bool:
        """The words a NER span holds before the place the scan found in it name the
        kind of place, in lower case («ville de», "province of", «localité de», «caza
        de»): the span is that place, not a longer unknown name. Another noun («hôpital
        de X») says nothing of the place word after it."""
        kinds = self._words.city_nouns | self._words.admin_nouns | self._words.geo_nouns
        return (
            bool(before)
            and not self._acceptance.written_as_a_name(before)
            and any(t.norm in kinds for t in before)
        )

    def add_hints(
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
            while first < last and tokens[first].norm in self._words.span_articles:
                first += 1
            if first >= last or not self._acceptance.written_as_a_name(tokens[first:last]):
                continue  # «le caza de ...»: a lowercase word the NER took is no name
            if covered and self._kind_before(tokens[first : covered[0].first]):
                continue  # «la ville de Goma»: the kind of place, then the place it found
            if glued_after(text, tokens[last - 1].end):
                continue  # the NER's "Jama" of "Jama'at": a part of a word
            if last - first == 1 and acronym_with_tail(tokens[first].raw):
                continue  # the NER's «FAMa» (Mali's forces): an acronym, no place
            if self._acceptance.after_an_outlet_noun(text, tokens, first):
                continue  # «la chaîne Al-Arabiya»: the NER's place is a channel's name
            norms = [t.norm for t in tokens[first:last]]
            cands = self._store.lookup(key_of_norms(norms))
            loose = False
            if not cands and self._name_shaped(tokens[first:last]):
                # A loose spelling only of a span written as one name: "Niger et du"
                # spells no Iranian village.
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


def _with_other_towns(
    cands: tuple[Candidate, ...], more: tuple[Candidate, ...]
) -> tuple[Candidate, ...]:
    """``cands`` and the towns of ``more`` in a country none of ``cands`` lies in."""
    countries = {c.place.iso3 for c in cands}
    return cands + tuple(
        c for c in more if c.place.feature == "city" and c.place.iso3 not in countries
    )


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


#: Letters a joined name needs past its head («كفرنبل» is Kafranbel; «كفرا» no name).
_JOINED_REST = 3
