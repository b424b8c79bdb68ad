"""One word normaliser for look-up keys, by script, with named options where its users differ.

One word split (``split_words``) reads a text's words for the dictionary look-ups.
Three modules turn a word into a key, and their keys must not change: the gazetteer's
and the actor dictionary's are built offline and shipped, and the event lexicons are
written in the matcher's form. They share one implementation here; where they differ,
the difference is a named option of ``Normaliser``, and each has a named configuration:

* ``GAZETTEER`` (``veille.geo._normalize``): every Arabic mark dropped; regional letters
  (Persian, Kurdish, Urdu ی ې ک ڪ ھ ە) unified with their Arabic forms; Latin
  case-folded first, then letters without a decomposition folded (ø ł đ ı æ œ ð þ),
  then NFKD without combining marks.
* ``LOOKUP`` (``veille.resolve.textnorm``, actor names): Arabic as ``GAZETTEER`` but the
  regional letters kept; Latin œ æ and the transliteration marks ʿ ʾ folded, NFKD
  without combining marks, case-folded last.
* ``MATCH`` (``veille.extract.lexicon.fold``, ``veille.nlp.arabic.normalize``): Arabic
  tashkeel and tatweel only (pyarabic's sets); Latin lower-cased, ’ read as ', NFD
  without nonspacing marks.

In every configuration Arabic alef forms (أ إ آ ٱ) become ا, alef maqsura ى becomes ي
and ta marbuta ة becomes ه; hamza on waw or ya is kept. ASCII words are only
lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from pyarabic import araby

#: Arabic diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel.
ARABIC_MARKS: Final = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_ARABIC_MARKS_RE: Final = re.compile(rf"[{ARABIC_MARKS}]")

#: A word for dictionary look-ups (places, actors, framing): a run of letters or digits
#: (not "_") with the combining marks inside it (Latin accents of a decomposed text,
#: Arabic tashkeel and tatweel), read a run of each at a time.
WORD_RE: Final = re.compile(rf"(?:[^\W_]+|[\u0300-\u036f{ARABIC_MARKS}]+)+")


class Word(NamedTuple):
    """One look-up word of a text: code-point offsets and the text itself."""

    start: int
    end: int
    raw: str


def split_words(text: str) -> list[Word]:
    """The look-up words of ``text`` (``WORD_RE``): one split of an article's text that
    the place and actor readers share (``ArticleAnalysis.lookup_words``), each reading
    its own keys from it."""
    make = tuple.__new__  # what Word(...) runs, without its Python-level wrapper
    return [make(Word, (*m.span(), m.group())) for m in WORD_RE.finditer(text)]


def _translation(pairs: Mapping[str, str]) -> Mapping[int, str]:
    """A read-only ``str.translate`` table."""
    return MappingProxyType({ord(char): into for char, into in pairs.items()})


_ARABIC_FOLDS: Final = MappingProxyType(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
)
_ARABIC_UNIFY: Final = _translation(_ARABIC_FOLDS)
_ARABIC_UNIFY_REGIONAL: Final = _translation(
    {**_ARABIC_FOLDS, "ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك", "ھ": "ه", "ە": "ه"}
)

#: Which Arabic marks a configuration drops: every mark and tatweel, or pyarabic's
#: tashkeel and tatweel only.
ArabicMarks = Literal["all", "tashkeel"]
#: When Latin case is folded: ``casefold`` before the other steps, ``casefold_last``
#: after them, ``lower`` (``str.lower``) before them.
LatinCase = Literal["casefold", "casefold_last", "lower"]
#: Which marks are dropped after decomposition: those with a combining class
#: (``unicodedata.combining``) or those of category Mn (nonspacing).
LatinMarks = Literal["combining", "nonspacing"]


@dataclass(frozen=True, slots=True)
class Normaliser:
    """A word's look-up key by script; see the module docstring for the configurations."""

    name: str
    #: A word with a match of this pattern is normalised as Arabic.
    arabic_letter: re.Pattern[str]
    arabic_marks: ArabicMarks
    #: Unify Persian / Kurdish / Urdu letters with their Arabic forms.
    regional_letters: bool
    latin_form: Literal["NFKD", "NFD"]
    latin_case: LatinCase
    latin_marks: LatinMarks
    #: Letters folded before decomposition (a ``str.translate`` table).
    latin_letters: Mapping[int, str]
    #: Read the typographic apostrophe ’ as '.
    apostrophe: bool

    def is_arabic(self, word: str) -> bool:
        """Whether ``word`` is normalised as Arabic."""
        return self.arabic_letter.search(word) is not None

    def arabic(self, word: str) -> str:
        """The key of an Arabic word."""
        if self.arabic_marks == "all":
            word = _ARABIC_MARKS_RE.sub("", word)
        else:
            word = araby.strip_tashkeel(araby.strip_tatweel(word))
        return word.translate(_ARABIC_UNIFY_REGIONAL if self.regional_letters else _ARABIC_UNIFY)

    def latin(self, word: str) -> str:
        """The key of a Latin-script (or any non-Arabic) word."""
        if word.isascii():
            return word.lower()
        if self.latin_case == "casefold":
            word = word.casefold()
        elif self.latin_case == "lower":
            word = word.lower()
        if self.apostrophe:
            word = word.replace("’", "'")
        if self.latin_letters:
            word = word.translate(self.latin_letters)
        decomposed = unicodedata.normalize(self.latin_form, word)
        if self.latin_marks == "combining":
            kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        else:
            kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        return kept.casefold() if self.latin_case == "casefold_last" else kept

    def word(self, word: str) -> str:
        """The key of one word, by script."""
        return self.arabic(word) if self.is_arabic(word) else self.latin(word)


GAZETTEER: Final = Normaliser(
    name="gazetteer",
    arabic_letter=re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]"),
    arabic_marks="all",
    regional_letters=True,
    latin_form="NFKD",
    latin_case="casefold",
    latin_marks="combining",
    # Latin letters that NFKD does not decompose.
    latin_letters=_translation(
        {"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"}
    ),
    apostrophe=False,
)

LOOKUP: Final = Normaliser(
    name="lookup",
    arabic_letter=re.compile(r"[\u0621-\u064a\u0671-\u06d3]"),
    arabic_marks="all",
    regional_letters=False,
    latin_form="NFKD",
    latin_case="casefold_last",
    latin_marks="combining",
    latin_letters=_translation({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ʿ": "", "ʾ": ""}),
    apostrophe=False,
)

MATCH: Final = Normaliser(
    name="match",
    arabic_letter=re.compile("[\u0600-\u06ff]"),
    arabic_marks="tashkeel",
    regional_letters=False,
    latin_form="NFD",
    latin_case="lower",
    latin_marks="nonspacing",
    latin_letters=_translation({}),
    apostrophe=True,
)
