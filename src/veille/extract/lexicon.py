"""Per-language lexicons (shipped JSON) and a token-sequence matcher over them.

A lexicon is data, not code: ``src/veille/lang/<lang>/triggers.json`` (the language's
folder, ``veille.lang.resources``). Patterns are
space-separated token sequences; each pattern token matches a sentence token whose
lower-cased text or lemma equals it, accents ignored; ``*`` matches any one token.
The file's layout, its pydantic models, is ``lexicon_data``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.errors import DataError
from veille.extract.lexicon_data import LexiconData as LexiconData  # re-exported (and below)
from veille.extract.lexicon_data import StatementEntry as StatementEntry
from veille.extract.lexicon_data import TriggerEntry as TriggerEntry
from veille.extract.lexicon_data import WeaponEntry as WeaponEntry
from veille.lang.loader import (
    dating_words,
    day_part_words,
    month_numbers,
    triggers_file,
    weekday_names,
)
from veille.nlp import arabic
from veille.nlp.tokens import Tok as Tok  # re-exported: extraction reads tokens from here
from veille.nlp.tokens import fold as fold


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    payload: Any


class PhraseTable:
    """Token-sequence patterns indexed by their first token for fast scanning."""

    def __init__(
        self,
        patterns: Sequence[tuple[str, Any]],
        gap: Callable[[Any], int] | None = None,
        not_before: frozenset[str] = frozenset(),
        *,
        keys: KeyIndex | None = None,
    ) -> None:
        #: Words that, a few words after a match in its clause, make it no match: the
        #: object of another sense of the word ("تبنت الجامعة مشروعا": adopted a text).
        self._not_before = not_before
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any, int]]] = {}
        for text, payload in patterns:
            toks = tuple(fold(t) for t in text.split())
            if toks:
                width = gap(payload) if gap is not None else 0
                self._by_first.setdefault(toks[0], []).append((toks, payload, width))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._firsts = frozenset(self._by_first)
        #: Where each key stands in the tokens scanned (shared by a lexicon's tables).
        self._keys = keys if keys is not None else KeyIndex()
        #: The last tokens scanned (the very objects, held so that none is freed and its
        #: identity reused) and their matches: extraction asks the same table of the same
        #: sentence's tokens many times. A list changed in place since is scanned anew
        #: (``_same_tokens``).
        self._last: tuple[tuple[Tok, ...], list[Match]] | None = None

    def find(self, toks: Sequence[Tok]) -> list[Match]:
        """All matches (possibly overlapping), longest first at each start."""
        held = tuple(toks)  # the tuple compared, scanned and held: built once per call
        last = self._last
        if last is not None and _same_tokens(last[0], held):
            return list(last[1])
        out = self._scan(held)
        self._last = (held, out)
        return list(out)

    def _scan(self, toks: Sequence[Tok]) -> list[Match]:
        out: list[Match] = []
        # Only the tokens holding a first word of a pattern, in order: most tables have
        # none of a sentence's words, and the others a few.
        present, where = self._keys.of(toks)
        firsts = present.intersection(self._firsts)
        if not firsts:
            return out
        starts = (
            where[firsts.pop()]
            if len(firsts) == 1
            else sorted({i for key in firsts for i in where[key]})
        )
        for i in starts:
            tok = toks[i]
            for key in tok.keys:
                for pattern, payload, width in self._by_first.get(key, ()):
                    end = _match_end(toks, i, pattern)
                    if end is not None:
                        out.append(Match(i, end, payload))
                    elif width and len(pattern) > 1 and _gapped(toks, i, pattern, width):
                        out.append(Match(i, i + 1, payload))  # the verb; its subject follows
        if self._not_before:
            out = [m for m in out if not self._other_sense(toks, m.end)]
        return out

    def _other_sense(self, toks: Sequence[Tok], end: int) -> bool:
        """A word of ``not_before`` stands within a few words after ``end``, in the same
        clause (the verb's subject may stand between: «تبنت الجامعة العربية مشروعا»)."""
        for j in range(end, min(len(toks), end + _NOT_BEFORE_REACH)):
            if set(toks[j].text) & _CLAUSE_PUNCT:
                return False
            if toks[j].keys & self._not_before:
                return True
        return False


class KeyIndex:
    """The matching keys of the last tokens read and where each stands (token positions,
    ascending), for the phrase tables of one lexicon: extraction asks some thirty tables
    of each sentence, and most of them hold none of its words, which a set intersection
    tells without a pass over the tokens per table.

    Like ``PhraseTable``'s memory it holds the token objects it read (so that none is
    freed and its identity reused) and compares them with those asked (``_same_tokens``:
    the same objects, or tokens equal field by field): a list whose tokens were replaced
    by others since is read anew. One immutable tuple, replaced whole, so that a reader
    never sees the keys of other tokens."""

    __slots__ = ("_last",)

    def __init__(self) -> None:
        self._last: tuple[tuple[Tok, ...], set[str], dict[str, list[int]]] = ((), set(), {})

    def of(self, toks: Sequence[Tok]) -> tuple[set[str], dict[str, list[int]]]:
        """The keys of ``toks`` and, for each, the positions of the tokens holding it."""
        held = tuple(toks)
        last = self._last
        if _same_tokens(last[0], held):
            return last[1], last[2]
        where: dict[str, list[int]] = {}
        for i, tok in enumerate(toks):
            for key in tok.keys:
                at = where.get(key)
                if at is None:
                    where[key] = [i]
                else:
                    at.append(i)
        present = set(where)
        self._last = (held, present, where)
        return present, where


def _same_tokens(held: tuple[Tok, ...], toks: tuple[Tok, ...]) -> bool:
    """Whether ``toks`` are the tokens ``held`` (``tuple(toks)`` as read before): the
    same tuple (a sentence's tokens; ``tuple`` of a tuple is that tuple), or tuples of
    the same objects. Tuple equality tests each pair for identity first, in C; it is
    asked only when the first and last tokens are the very same objects, so that other
    tokens of the same number (another sentence, another word) are told apart at once
    rather than by ``Tok``'s field-by-field ``__eq__``. Past that test, a pair that is
    not the same object is compared by its fields, which are all a scan reads: equal
    tokens scan alike. (``all(map(operator.is_, ...))`` cost four times as much per
    call, and extraction makes some 55k such calls per 300 fr articles.)"""
    return held is toks or (
        len(held) == len(toks)
        and (not held or (held[0] is toks[0] and held[-1] is toks[-1]))
        and held == toks
    )


#: Words after a match within which an object of another sense makes it no match.
_NOT_BEFORE_REACH = 5
#: Adverbial modifiers that may sit inside a verb phrase: "ont pris lundi le contrôle",
#: "took on Sunday control" (by the parse; Arabic, unparsed, never skips).
ADVERBIAL_DEPS = frozenset({"advmod", "obl:mod", "obl:tmod", "npadvmod", "nmod:tmod"})
#: Most inserted words one match may step over.
_MAX_INSERTED = 3
#: Auxiliaries hanging on a later word of the pattern: "s'est emparé", "s'était retiré".
_AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})
#: Most adjectives before a later word of a pattern ("a large, peaceful march").
_MAX_ADJECTIVES = 2
#: Punctuation that ends a verb's subject (Arabic and Latin).
_CLAUSE_PUNCT = frozenset(',.;:!?()"«»،؛؟')


def _match_end(toks: Sequence[Tok], i: int, pattern: tuple[str, ...]) -> int | None:
    """Where ``pattern`` matched from ``i`` ends (exclusive), or None. Between two words
    of the pattern, adverbials of a word already matched ("lundi" in "ont pris lundi le
    contrôle") are stepped over."""
    j = i
    skipped = 0
    matched: set[int] = set()
    for k, want in enumerate(pattern):
        while (
            k > 0
            and j < len(toks)
            and skipped < _MAX_INSERTED
            and (want == "*" or want not in toks[j].keys)
            and _inserted(toks, j, matched)
        ):
            j += 1
            skipped += 1
        if j >= len(toks):
            return None
        if want != "*" and want not in toks[j].keys:
            return None
        matched.add(j)
        j += 1
    return j


def _gapped(toks: Sequence[Tok], i: int, pattern: tuple[str, ...], width: int) -> bool:
    """Whether the rest of ``pattern`` follows its first word (matched at ``i``) after at
    most ``width`` words that hold no punctuation: the verb's subject in verb-subject
    order ("سيطرت قوات المعارضة على ..."). A phrase of time, bare or between commas, is
    stepped over and counts no word («سيطرت قوات X، اليوم الاثنين، على»)."""
    j, words = i + 1, 0
    while j < len(toks):
        after = time_phrase_end(toks, j)
        if after is not None:
            j = after
            continue
        if words and _match_end(toks, j, pattern[1:]) is not None:
            return True
        if words >= width or set(toks[j].text) & _CLAUSE_PUNCT:
            return False
        words += 1
        j += 1
    return False


#: Most words of a phrase of time stepped over in a verb's gap.
_TIME_PHRASE_WORDS = 4


def time_phrase_end(toks: Sequence[Tok], j: int) -> int | None:
    """Where a phrase of time at ``j`` ends: its words (``dating_words``, numbers), or
    a comma, such words and a closing comma. None when none starts at ``j``."""
    dating = dating_words()
    comma = toks[j].text in (",", "،")
    k = j + 1 if comma else j
    start = k
    while k < len(toks) and k - start < _TIME_PHRASE_WORDS:
        word = toks[k].text.lower()
        if not (word.isdigit() or word in dating):
            break
        k += 1
    if k == start:
        return None
    if comma:
        return k + 1 if k < len(toks) and toks[k].text in (",", "،") else None
    return k


def _inserted(toks: Sequence[Tok], j: int, matched: set[int]) -> bool:
    """An adverbial, or a word of one, hanging on a word the match already holds; an
    auxiliary of a later word ("s'est emparé")."""
    tok = toks[j]
    if tok.dep in ADVERBIAL_DEPS and tok.head in matched:
        return True
    if matched and tok.dep in _AUX_DEPS and tok.head > j:
        return True
    if matched and tok.dep == "amod" and j < tok.head <= j + _MAX_ADJECTIVES:
        return True  # "a separate march", "took full control": an adjective of a later word
    if (
        not tok.dep
        and j - 1 in matched
        and arabic.agrees_as_adjective(fold(toks[j - 1].text), fold(tok.text))
    ):
        return True  # «هجوما عنيفا على»: an adjective of the noun, before its preposition
    if not tok.dep and _instrument_between(toks, j, matched):
        return True  # «هجوما بطائرة مسيرة على»: the weapon it was made with, then its target
    # "samedi soir": the second word of the inserted phrase hangs on the first.
    if j > 0 and toks[j - 1].dep in ADVERBIAL_DEPS and tok.head == j - 1:
        return True
    return bool(matched) and _in_a_day(toks, j)


#: The shortest Arabic word read as «ب» glued to a noun of instrument («بطائرة»,
#: «بالصواريخ»); «بين», «بعد» are shorter.
_AR_INSTRUMENT_MIN = 5


def _instrument_between(toks: Sequence[Tok], j: int, matched: set[int]) -> bool:
    """Unparsed (Arabic): right after the act noun, «ب» glued to a noun («بطائرة»,
    «بقذائف») or the word that follows such a noun (its adjective, «مسيرة»): the
    instrument, between the noun and the preposition of its target."""
    word = toks[j].text
    if j - 1 in matched:
        return word.startswith("ب") and len(word) >= _AR_INSTRUMENT_MIN
    prev = toks[j - 1].text if j >= 1 else ""
    return j - 2 in matched and prev.startswith("ب") and len(prev) >= _AR_INSTRUMENT_MIN


def _in_a_day(toks: Sequence[Tok], j: int) -> bool:
    """A word of a day named by its weekday ("jeudi", "jeudi 25 septembre", "lundi
    soir"), whatever the parse made of it: "sont descendus jeudi dans les rues" read
    «jeudi» as the verb's complement."""
    weekdays, months, parts = weekday_names(), month_numbers(), day_part_words()
    k = j
    while k >= 0:
        word = toks[k].text.lower()
        if word in weekdays:
            return True
        if not (word.isdigit() or word in months or word in parts):
            return False
        k -= 1
    return False


def longest_non_overlapping(matches: list[Match], rank: Any = None) -> list[Match]:
    """Keep the longest (then highest-ranked) matches that do not overlap."""
    ordered = sorted(
        matches,
        key=lambda m: (-(m.end - m.start), -(rank(m) if rank else 0), m.start),
    )
    taken: list[Match] = []
    for m in ordered:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


#: Suffixes of the Arabic perfect, third person: she, they two (m., f.), they.
_AR_PERFECT_SUFFIXES = ("", "ت", "ا", "تا", "وا")


def _forms(entry: TriggerEntry, language: str) -> list[str]:
    """The patterns a trigger entry stands for: itself, and for an Arabic perfect verb
    (``inflect: perfect``) its other third-person forms, on the last word. An Arabic
    one-word pattern that ends in a consonant also stands for its form with the alif of
    the indefinite accusative («نفذوا اعتصاما», «شنوا هجوما»; of a verb, the dual:
    «قصفا»)."""
    if entry.inflect != "perfect":
        if language == "ar" and _takes_accusative_alif(entry.p):
            return [entry.p, entry.p + "ا"]
        return hyphen_forms(entry.p)
    head, _, last = entry.p.rpartition(" ")
    prefix = f"{head} " if head else ""
    return [f"{prefix}{last}{suffix}" for suffix in _AR_PERFECT_SUFFIXES]


def hyphen_forms(pattern: str) -> list[str]:
    """A pattern and, where it holds a hyphen, the same with the hyphen a token of its
    own, as the parser splits it («attentat-suicide» reads «attentat», «-», «suicide»;
    the plural «attentats-suicides» matches through the lemmas)."""
    if "-" not in pattern.strip("-"):
        return [pattern]
    spaced = " ".join(pattern.replace("-", " - ").split())
    return [pattern, spaced] if spaced != pattern else [pattern]


#: Final letters after which no accusative alif is written (normalised: ة is ه).
_AR_VOWEL_ENDS = frozenset("اهيىوء")
#: Endings of an Arabic noun's sound forms: bare, indefinite accusative, masculine
#: plural (nominative, oblique), feminine (ة written ه once normalised), feminine plural.
_AR_SOUND_ENDINGS = ("", "ا", "ون", "ين", "ه", "ات")


def _class_forms(word: str, language: str) -> list[str]:
    """A word of a class and, in Arabic, its form with the alif of the indefinite
    accusative when it ends in a consonant («هاجموا موقعا»: the object of the verb;
    of a perfect verb, its dual): the lists give each word once, bare."""
    if language != "ar" or len(word) < 3 or not _takes_accusative_alif(word):
        return [word]
    return [word, word + "ا"]


def _takes_accusative_alif(word: str) -> bool:
    """An Arabic one-word pattern that ends in a consonant, so that its indefinite
    accusative is written with an added alif («هجوم»: «هجوما»)."""
    return " " not in word and word[-1:] not in _AR_VOWEL_ENDS


def _sound_forms(stem: str) -> list[str]:
    """An Arabic singular noun and its sound forms (مدني: مدنيا، مدنيون، مدنيين...)."""
    return [stem + ending for ending in _AR_SOUND_ENDINGS]


#: Arabic possessive suffixes: his/its, her/its, their, their two, our.
_AR_POSSESSIVES = ("ه", "ها", "هم", "هما", "نا")


#: Endings of the Arabic dual: nominative, oblique.
_AR_DUAL_ENDINGS = ("ان", "ين")


def _dual_forms(pattern: str, language: str) -> list[str]:
    """An Arabic weapon's dual («صاروخان», «قذيفتين», «طائرتان مسيرتان», «عبوتين
    ناسفتين»): the first word, and each feminine adjective after it (ending in ة,
    normalised ه), take the dual ending, ة turning back to ت before it. None for other
    languages, or a pattern whose first word is a plural or already a dual."""
    if language != "ar":
        return []
    words = pattern.split()
    if words[0].endswith(("ات", "ان", "ين", "ا")) or len(words[0]) < 3:
        return []

    def dual(word: str, ending: str) -> str:
        return (word[:-1] + "ت" if word.endswith("ه") else word) + ending

    return [
        " ".join(dual(w, ending) if k == 0 or w.endswith("ه") else w for k, w in enumerate(words))
        for ending in _AR_DUAL_ENDINGS
    ]


def _possessed_forms(pattern: str, language: str) -> list[str]:
    """A pattern and, in Arabic, its first word with a possessive suffix («طائراته
    المسيرة», «صواريخها», «مسيرته»: its drones, her rockets), a final ة (normalised ه)
    turning back to ت before it."""
    if language != "ar":
        return [pattern]
    first, _, rest = pattern.partition(" ")
    stem = first[:-1] + "ت" if first.endswith("ه") else first
    tail = f" {rest}" if rest else ""
    return [pattern, *(f"{stem}{suffix}{tail}" for suffix in _AR_POSSESSIVES)]


class Lexicon:
    """Compiled tables of one language's lexicon."""

    def __init__(self, data: LexiconData) -> None:
        self.data = data
        self.language = data.language
        # The tables share one index of the keys of the tokens they read (``KeyIndex``).
        table = functools.partial(PhraseTable, keys=KeyIndex())
        self.triggers = table(
            [(p, t) for t in data.triggers for p in _forms(t, data.language)],
            gap=lambda t: t.subject_gap,
        )
        # Whether any trigger is armed or not by context ("strike"): if none, no text
        # needs its sense read (triggers.armed_sense_in).
        self.has_or_armed = any(t.or_armed for t in data.triggers)
        self.weapons = table(
            [
                (f, w)
                for w in data.weapons
                for p in (*_possessed_forms(w.p, data.language), *_dual_forms(w.p, data.language))
                for f in hyphen_forms(p)
            ]
        )
        # Arabic tells a claim verb-first: "أعلن تنظيم ... مسؤوليته" (the claimant between).
        # A claim verb that takes a text adopted, not an act ("تبنى قرارا"), claims nothing.
        self.claim = table(
            [(p, p) for p in data.claim],
            gap=(lambda _: 4) if data.language == "ar" else None,
            not_before=frozenset(fold(w) for w in data.noun_classes.get("adopted_texts", ())),
        )
        self.statement = table([(p, p) for p in data.statement])
        self.report = table([(p, p) for p in data.report])
        self.reporter_nouns = table([(p, p) for p in data.reporter_nouns])
        self.confirm = table([(p, p) for p in data.confirm])
        self.official_nouns = table([(p, p) for p in data.official_nouns])
        self.deny = table([(p, p) for p in data.deny])
        self.future = table([(p, p) for p in data.future])
        self.plans = table([(p, p) for p in data.plans])
        self.accusation = table([(p, p) for p in data.accusation])
        self.justification = table([(p, p) for p in data.justification])
        self.allegiance = table([(p, p) for p in data.allegiance])
        self.characterisation = table([(p, p) for p in data.characterisation])
        self.aggregate_quantifiers = table([(p, p) for p in data.aggregate_quantifiers])
        self.aggregate_periods = table([(p, p) for p in data.aggregate_periods])
        self.aggregate_places = table([(p, p) for p in data.aggregate_places])
        self.fatality = table([(p, p) for p in data.fatality_nouns])
        self.injury = table([(p, p) for p in data.injury_nouns])
        self.lower_bound = table([(p, p) for p in data.lower_bound_markers])
        self.civilian = table(
            [(p, p) for p in data.civilian_nouns]
            + [(w, w) for stem in data.civilian_stems for w in _sound_forms(stem)]
        )
        self.civilian_sites = table([(p, p) for p in data.civilian_sites])
        self.claim_verbs = table([(p, p) for p in data.claim_verbs])
        self.perfect_auxiliaries = frozenset(fold(w) for w in data.perfect_auxiliaries)
        self.no_fatalities = table([(p, p) for p in data.no_fatalities])
        self.intervention = table([(p, p) for p in data.intervention])
        self.crowd = table([(p, p) for p in data.crowd_nouns])
        self.hour_markers = frozenset(fold(w) for w in data.hour_markers)
        self.habitual = table([(p, p) for p in data.habitual])
        self.repeated = table([(p, p) for p in data.repeated])
        self.background = table([(p, p) for p in data.background])
        self.possession = table([(p, p) for p in data.possession])
        self.number_follows = frozenset(fold(w) for w in data.number_follows)
        self.toll_nouns = frozenset(fold(w) for w in data.toll_nouns)
        self.measure_nouns = frozenset(fold(w) for w in data.measure_nouns)
        self.statements = table([(e.p, e) for e in data.statements])
        self.negation = frozenset(fold(w) for w in data.negation)
        self.vague_numbers = {fold(k): v for k, v in data.vague_numbers.items()}
        self.intent_auxiliaries = frozenset(fold(w) for w in data.intent_auxiliaries)
        self.intent_verbs = frozenset(fold(w) for w in data.intent_verbs)
        self.obligation_auxiliaries = frozenset(fold(w) for w in data.obligation_auxiliaries)
        self.condition_markers = frozenset(fold(w) for w in data.condition_markers)
        self.ultimatum_markers = frozenset(fold(w) for w in data.ultimatum_markers)
        self.not_statements = table([(p, p) for p in data.not_statements])
        self.noun_classes = {
            name: frozenset(fold(f) for w in words for f in _class_forms(w, data.language))
            for name, words in data.noun_classes.items()
        }

    @classmethod
    def load(cls, language: str, path: Path | None = None) -> Lexicon:
        try:
            if path is not None:
                raw = path.read_text(encoding="utf-8")
            else:
                raw = triggers_file(language).read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise DataError(
                f"no event lexicon for language {language!r}",
                where=str(path or f"veille/lang/{language}/triggers.json"),
                fix="use --lang fr|en|ar, or add a lexicon file for this language",
            ) from exc
        try:
            data = LexiconData.model_validate(json.loads(raw))
        except ValueError as exc:
            raise DataError(
                f"invalid lexicon: {exc}",
                where=str(path or f"veille/lang/{language}/triggers.json"),
                fix="fix the JSON so it matches veille.extract.lexicon.LexiconData",
            ) from exc
        return cls(data)
