"""Name normalisation shared by the gazetteer build script and the geocoder.

A *key* is the normalised form of a place name: tokens joined by one space, each token
lower-cased and stripped of accents (Latin) or of diacritics, tatweel and the article
(Arabic), with Arabic-style articles in Latin script (al-, el-, ad-, ar-, as-, az-, ash-,
at-, ed-, ez-...) unified as ``al``. Build and run time must produce the same keys, so
both import these functions. A *loose key* additionally drops vowels, articles and
doubled letters and unifies common transliteration digraphs, so that "Deir ez-Zor",
"Dayr az Zawr", "Deir el-Zor" and "Der Ezzor" meet; it is only indexed for places where
such variation is common (see ``LOOSE_COUNTRIES``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from veille.lang.normalise import GAZETTEER, Word, split_words

# Letters of standard Arabic after unification; names with other Arabic-script letters
# (Kurdish, Urdu, Pashto spellings) are not indexed.
_AR_STANDARD = set("ءؤئابتثجحخدذرزسشصضطظعغفقكلمنهوي")

# Arabic article as transliterated in Latin script; unified to "al" inside names.
LATIN_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "az", "ash", "at", "ath", "ed", "er", "es", "ez", "esh"}
    | {"ech", "ej", "en", "et", "ul", "ud", "ur", "us", "adh", "an"}
)
# Arabic clitics that can be glued before a name: conjunctions then prepositions.
AR_CONJUNCTIONS = "وف"
AR_PREPOSITIONS = "بلك"

# Countries whose names are usually transliterated from Arabic (or Persian, Pashto,
# Kurdish, Tamasheq...), where spelling varies most: their places get loose keys.
LOOSE_COUNTRIES = frozenset(
    {"SYR", "IRQ", "LBN", "JOR", "PSE", "ISR", "EGY", "LBY", "TUN", "DZA", "MAR", "MRT"}
    | {"SDN", "SSD", "YEM", "SAU", "OMN", "ARE", "QAT", "BHR", "KWT", "IRN", "AFG", "PAK"}
    | {"TUR", "SOM", "DJI", "ERI", "ETH", "MLI", "NER", "BFA", "TCD", "ESH", "UKR"}
)


class Token(NamedTuple):
    """One word of a text: code-point offsets, the raw text, and its normalised form.

    A named tuple: the geocoder makes one per word of every text, and a tuple is the
    cheapest immutable typed record to build (a third of a frozen dataclass's cost)."""

    start: int
    end: int
    raw: str
    norm: str
    arabic: bool


def is_arabic(text: str) -> bool:
    """Whether ``text`` contains an Arabic-script letter."""
    return GAZETTEER.is_arabic(text)


def normalise_arabic(word: str) -> str:
    """Strip diacritics and tatweel and unify letter variants (alef forms, ى, ة, and the
    Persian/Kurdish/Urdu letters; not hamza seats on waw/ya): ``veille.lang.normalise``'s
    ``GAZETTEER`` configuration."""
    return GAZETTEER.arabic(word)


def strip_arabic_article(word: str) -> str:
    """Drop a leading "ال" when a name of at least two letters remains."""
    if word.startswith("ال") and len(word) >= 4:
        return word[2:]
    return word


def normalise_latin(word: str) -> str:
    """Lower-case, strip accents and fold letters without decomposition (``GAZETTEER``)."""
    return GAZETTEER.latin(word)


def normalise_token(raw: str) -> str:
    """The key form of one token (see the module docstring)."""
    if is_arabic(raw):
        return strip_arabic_article(normalise_arabic(raw))
    return normalise_latin(raw)


def word_form(raw: str) -> tuple[str, bool]:
    """``(normalise_token(raw), is_arabic(raw))``, the script read once."""
    if raw.isascii():
        return raw.lower(), False
    if is_arabic(raw):
        return strip_arabic_article(normalise_arabic(raw)), True
    return normalise_latin(raw), False


def tokenize(
    text: str, memo: WordMemo | None = None, words: Sequence[Word] | None = None
) -> list[Token]:
    """``text``'s words (``split_words``; ``words`` where the caller has them already)
    as tokens with exact code-point offsets and their keys. A text repeats its words
    (articles, prepositions, its places), and a corpus its vocabulary: each distinct
    word is normalised once per call, or once per ``memo``."""
    tokens: list[Token] = []
    append = tokens.append
    seen = memo.words() if memo is not None else {}
    make = tuple.__new__  # what Token(...) runs, without its Python-level wrapper
    for start, end, raw in split_words(text) if words is None else words:
        known = seen.get(raw)
        if known is None:
            known = seen[raw] = word_form(raw)
        append(make(Token, (start, end, raw, known[0], known[1])))
    return tokens


def _unify_articles(norms: list[str]) -> list[str]:
    out = []
    for i, norm in enumerate(norms):
        out.append("al" if norm in LATIN_ARTICLES and i + 1 < len(norms) else norm)
    return out


def key_of_norms(norms: list[str]) -> str:
    """The key of a sequence of normalised tokens."""
    return " ".join(_unify_articles(norms))


def name_keys(name: str) -> list[str]:
    """Every key a gazetteer name is indexed under: the key, and without a leading article."""
    norms = [t.norm for t in tokenize(name)]
    if not norms:
        return []
    key = key_of_norms(norms)
    keys = [key]
    if key.startswith("al ") and len(norms) > 1:
        keys.append(key[3:])
    return keys


def arabic_name_ok(name: str) -> bool:
    """Whether an Arabic-script name uses only standard Arabic letters (after unification)."""
    letters = normalise_arabic(name).replace(" ", "")
    return bool(letters) and all(ch in _AR_STANDARD or not ch.isalpha() for ch in letters)


# Transliteration digraphs unified by the loose key, applied in order.
_LOOSE_DIGRAPHS = (
    ("dj", "j"),
    ("zh", "j"),
    ("ch", "sh"),
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ou", "u"),
    ("q", "k"),
    ("c", "k"),
)
_GLUED_ARTICLE_RE = re.compile(r"^[ae]([tdrzsnl])(?=\1[a-z]{2})")
_TRAILING_H_RE = re.compile(r"(?<=[aeiou])h$")
_DOUBLE_RE = re.compile(r"(.)\1+")
_VOWELS_RE = re.compile(r"(?<!^)[aeiouyw]")


def loose_word(norm: str) -> str:
    """The loose form of one normalised Latin-script word (the first word of a loose key
    is its head in the index)."""
    if norm.isdigit():
        return norm
    word = _GLUED_ARTICLE_RE.sub("", norm)
    word = _TRAILING_H_RE.sub("", word)
    for old, new in _LOOSE_DIGRAPHS:
        word = word.replace(old, new)
    word = _DOUBLE_RE.sub(r"\1", word)
    word = _VOWELS_RE.sub("", word)
    return _DOUBLE_RE.sub(r"\1", word)


@dataclass
class WordMemo:
    """Word forms remembered across the texts one geocoder reads: the key form of each
    word (``tokenize``) and the loose form of each key form (``loose``). Per instance,
    each cleared past ``limit`` words, as the gazetteer store's caches are."""

    limit: int = 200_000
    _words: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)
    _loose: dict[str, str] = field(default_factory=dict, repr=False)

    def words(self) -> dict[str, tuple[str, bool]]:
        """Raw word -> ``word_form`` (emptied first when full)."""
        if len(self._words) >= self.limit:
            self._words.clear()
        return self._words

    def loose(self, norm: str) -> str:
        """``loose_word(norm)``."""
        found = self._loose.get(norm)
        if found is None:
            if len(self._loose) >= self.limit:
                self._loose.clear()
            found = self._loose[norm] = loose_word(norm)
        return found


def loose_key_of_norms(
    norms: list[str], word_form: Callable[[str], str] = loose_word
) -> str | None:
    """The loose key of Latin-script normalised tokens, or None if too short to be safe;
    ``word_form`` is ``loose_word`` or a memo of it (``WordMemo.loose``)."""
    parts = []
    for norm in _unify_articles(norms):
        if norm == "al" or not norm.isascii() or not norm.isalpha():
            if norm != "al" and not norm.isdigit():
                return None
            if norm.isdigit():
                parts.append(norm)
            continue
        word = word_form(norm)
        if word:
            parts.append(word)
    loose = " ".join(parts)
    return loose if len(loose.replace(" ", "")) >= 3 else None


#: Arabic consonants as the Latin letters a loose key keeps of their transliterations
#: (``_LOOSE_DIGRAPHS``: kh, q -> k; th -> t; dh -> d; gh -> g; ch, sh -> sh). Long
#: vowels and weak letters (ا و ي ى) and ع, ء are vowels or nothing in Latin spellings.
_AR_LOOSE = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}  # fmt: skip
#: The Latin first letters a word-initial Arabic vowel letter may be spelt with (a loose
#: key keeps a word's first letter, vowel or not).
_AR_INITIAL = {"ا": "aieou", "ع": "aieou", "و": "wuo", "ي": "yie"}


def arabic_loose_keys(norm: str) -> list[str]:
    """The loose keys (``loose_word``) a Latin spelling of the one-word Arabic name
    ``norm`` (``normalise_token`` form) may have: بابنوسه -> "bns" (Babanusa), ادلب ->
    "idlb" (Idlib) among "adlb", "edlb"... Too short a key (under three letters) is no
    evidence: none."""
    if not norm or not all("\u0621" <= ch <= "\u064a" for ch in norm):
        return []
    body = norm[:-1] if norm.endswith(("ه", "ة")) and len(norm) > 2 else norm
    firsts = _AR_INITIAL.get(body[0])
    rest = "".join(_AR_LOOSE.get(ch, "") for ch in body[1:] if ch not in "اويىعءئؤ")
    heads = list(firsts) if firsts else [_AR_LOOSE.get(body[0], "")]
    keys = []
    for head in heads:
        if not head:
            continue
        key = _DOUBLE_RE.sub(r"\1", head + rest)
        if len(key) >= 3 and key not in keys:
            keys.append(key)
    return keys


def loose_name_key(name: str) -> str | None:
    """The loose key of a Latin-script gazetteer name."""
    if is_arabic(name):
        return None
    return loose_key_of_norms([t.norm for t in tokenize(name)])
