"""Text normalisation for dictionary look-ups in French, English and Arabic.

Generic and stateless: word tokens keep their code-point offsets into the original
text, and each token carries a normalised form used only as a look-up key.

- Latin script: compatibility decomposition, accents dropped, case folded, typographic
  apostrophes and every hyphen treated as separators ("l'État" -> ``l``, ``etat``).
- Arabic script: tashkeel and tatweel stripped, alef forms unified (أ إ آ ٱ -> ا),
  alef maqsura -> ya (ى -> ي), ta marbuta -> ha (ة -> ه). Hamza on waw or ya is
  kept (no ``normalize_hamza``), so distinct words stay distinct.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from veille.lang.normalise import ARABIC_MARKS, LOOKUP, Word, split_words

_ARABIC_DROPPED = re.compile(f"[{ARABIC_MARKS}]")

# Attached clitics that may precede a name: a conjunction, then a preposition.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_STEM = 2


class Token(NamedTuple):
    """One word of a text: its offsets in the original text and its look-up key."""

    start: int
    end: int
    norm: str
    upper: bool  # every cased letter is upper case (for acronyms such as "US", "IS")


def is_arabic(word: str) -> bool:
    """True when the word contains an Arabic letter."""
    return LOOKUP.is_arabic(word)


def normalize_arabic_word(word: str) -> str:
    """Look-up key of one Arabic word (see the module docstring)."""
    return LOOKUP.arabic(word)


def normalize_latin_word(word: str) -> str:
    """Look-up key of one Latin-script word: no accents, case folded."""
    return LOOKUP.latin(word)


def normalize_word(word: str) -> str:
    """Look-up key of one word, by script (``veille.lang.normalise``'s ``LOOKUP``)."""
    return LOOKUP.word(word)


def _is_upper(word: str) -> bool:
    # Arabic letters have no case: they are never "upper".
    if word.isascii():  # no title-case letters: str.isupper says the same, faster
        return word.isupper()
    return any(ch.isupper() for ch in word) and not any(ch.islower() for ch in word)


class WordKeys:
    """Look-up keys of words remembered across texts (``tokenize``'s ``memo``): a
    caller that reads many texts (``ActorResolver``) normalises its vocabulary once.
    Cleared past ``limit`` words."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self._keys: dict[str, tuple[str, bool]] = {}

    def table(self) -> dict[str, tuple[str, bool]]:
        """Word -> (key, upper), emptied first when full."""
        if len(self._keys) >= self.limit:
            self._keys.clear()
        return self._keys


def tokenize(
    text: str, memo: WordKeys | None = None, words: Sequence[Word] | None = None
) -> list[Token]:
    """``text``'s words (``split_words``; ``words`` where the caller has them already)
    as tokens with offsets and normalised keys. A text repeats its words: each distinct
    word is normalised once per call, or once per ``memo``."""
    tokens: list[Token] = []
    append = tokens.append
    seen = memo.table() if memo is not None else {}
    make = tuple.__new__  # what Token(...) runs, without its Python-level wrapper
    for start, end, word in split_words(text) if words is None else words:
        known = seen.get(word)
        if known is None:
            known = seen[word] = (normalize_word(word), _is_upper(word))
        if known[0]:
            append(make(Token, (start, end, known[0], known[1])))
    return tokens


def normalize_phrase(phrase: str) -> tuple[str, ...]:
    """Look-up key of a dictionary phrase: its normalised tokens."""
    return tuple(token.norm for token in tokenize(phrase))


def arabic_clitic_forms(norm: str) -> list[tuple[str, int]]:
    """Forms of a normalised Arabic word with attached clitics removed.

    Returns ``(form, prefix_length)`` pairs, the unstripped word first; the prefix
    length counts normalised letters. ``ل`` + ``ال`` is written ``لل``: the form
    restores the article's alef (``للقوات`` -> ``القوات``) and its prefix leaves the
    preposition in the span (prefix 0; ``وللقوات`` -> prefix 1, span ``للقوات``).
    """
    forms = [(norm, 0)]
    bases = [(norm, 0)]
    if norm[:1] in _CONJUNCTIONS and len(norm) - 1 >= _MIN_STEM:
        forms.append((norm[1:], 1))
        bases.append((norm[1:], 1))
    for base, used in bases:
        if base[:1] not in _PREPOSITIONS:
            continue
        rest = base[1:]
        if len(rest) < _MIN_STEM:
            continue
        forms.append((rest, used + 1))
        if base[0] == "ل" and rest.startswith("ل"):
            # The article has lost its alef to the preposition, so the name is not
            # written apart from it: the span keeps the preposition ("للقوات").
            forms.append(("ا" + rest, used))
    return forms


def original_offset(raw: str, letters: int) -> int:
    """Offset in ``raw`` just after its first ``letters`` kept (non-dropped) letters.

    Maps a prefix length counted on the normalised Arabic word back onto the word as
    written, where tashkeel and tatweel occupy code points of their own.
    """
    if letters <= 0:
        return 0
    seen = 0
    for index, ch in enumerate(raw):
        if _ARABIC_DROPPED.match(ch):
            continue
        seen += 1
        if seen == letters:
            # Marks written on the last clitic letter belong to it.
            end = index + 1
            while end < len(raw) and _ARABIC_DROPPED.match(raw[end]):
                end += 1
            return end
    return len(raw)
