"""Numbers as written: digits ("12", "1,200", «12.500»), number words of the lexicon
("twelve", «douze», «عشرات»), hyphenated words («dix-sept», «quatre-vingt-dix»), a
number the tokenizer split at its hyphen ("Twenty", "-", "three"), multiplied ("ten
thousand", «عشرة آلاف») or an Arabic teen («خمسة عشر»), and an Arabic dual of a person
noun (مدنيان: two civilians). ``veille.extract.tolls`` counts the dead with them; the
other rules read counts with ``read_number``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.extract.lexicon import Lexicon, Tok, fold
from veille.extract.syntax import NUM
from veille.lang.loader import closed_words
from veille.model import Span

#: A number written with thousands separators ("1,200"; «12.500» in some styles).
_GROUPED = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$")


def read_number(lex: Lexicon, tok: Tok) -> int | None:
    """A token's value as a number: digits, or a number word of the lexicon."""
    raw = tok.text.replace("\u202f", "").replace(" ", "")
    if NUM.match(raw):
        return int(raw)
    if _GROUPED.match(raw):
        return int(re.sub(r"[,.]", "", raw))  # "1,200", "12.500": thousands grouped
    word = fold(tok.text)
    number = lex.vague_numbers.get(word)
    if number is None and "-" in word:
        return _compound_number(lex, word)
    if number is None and word.endswith(("ان", "ين")) and dual_of_a_person(lex, tok):
        return 2  # "قتل مدنيان", «سقوط قتيلين»: a dual person noun counts two
    if number is None and word.startswith("ال") and word[2:] in _AR_VAGUE_PLURALS:
        return lex.vague_numbers.get(word[2:])  # «قتل العشرات»: the dozens killed
    return number


#: Arabic plurals of a round number that count with the article too («العشرات»,
#: «المئات», «الآلاف»); «الخمسة» (the five) points back at people told before.
_AR_VAGUE_PLURALS = frozenset({"عشرات", "مئات", "الاف"})


#: Number words that multiply what comes before them ("deux-cents", "quatre-vingts").
_MULTIPLIERS = frozenset({100, 1000})


#: Words that join the parts of a written number ("vingt-et-un", "twenty-and-one").
_NUMBER_JOINERS = frozenset({"et", "and"})


def _compound_number(lex: Lexicon, word: str) -> int | None:
    """A number written in hyphenated words: «dix-sept», «vingt-deux», «quatre-vingt-dix»,
    "thirty-five": the parts' number words add up, or multiply."""
    value = 0
    for part in word.split("-"):
        if part in _NUMBER_JOINERS:
            continue
        v = lex.vague_numbers.get(part)
        if v is None and part.endswith("s"):
            v = lex.vague_numbers.get(part[:-1])  # «quatre-vingts», «deux-cents»
        if v is None:
            return None
        if v in _MULTIPLIERS or (v == 20 and value == 4):
            value = max(value, 1) * v  # «quatre-vingt»: four twenties
        else:
            value += v
    return value or None


#: The hyphen a tokenizer splits off between a number's words ("twenty", "-", "three").
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _tens(n: int | None) -> bool:
    return n is not None and 20 <= n <= 90 and n % 10 == 0


def spelt_number(lex: Lexicon, toks: list[Tok], i: int) -> int | None:
    """``read_number`` over a number the tokenizer split at its hyphen ("Twenty", "-",
    "three"): the unit reads the whole, the tens read nothing of their own."""
    n = read_number(lex, toks[i])
    if n is None:
        return None
    if fold(toks[i].text) in closed_words("partitive_numbers") and not (
        i + 1 < len(toks) and fold(toks[i + 1].text) in closed_words("partitive_ofs")
    ):
        return None  # «عدد ضحايا الغارات»: the number of victims, no figure of its own
    # "ten thousand", «vingt mille», «عشرة آلاف»: the number before a multiplier reads
    # the whole, the multiplier reads nothing of its own.
    multipliers = closed_words("number_multipliers")
    if i + 1 < len(toks) and fold(toks[i + 1].text) in multipliers and n < LEAST_MULTIPLIER:
        times = read_number(lex, toks[i + 1])
        if times is not None:
            return n * times
    if fold(toks[i].text) in multipliers and i > 0 and fold(toks[i - 1].text) not in multipliers:
        before = read_number(lex, toks[i - 1])
        if before is not None and before < LEAST_MULTIPLIER:
            return None
    if _tens(n) and i + 2 < len(toks) and toks[i + 1].text in _HYPHENS:
        unit = read_number(lex, toks[i + 2])
        if unit is not None and 0 < unit < 10:
            return None
    if 0 < n < 10 and i >= 2 and toks[i - 1].text in _HYPHENS:
        tens = read_number(lex, toks[i - 2])
        if tens is not None and _tens(tens):
            return tens + n
    # Arabic teens: the unit, then "ten" («اثني عشر», «خمسة عشر»): the unit reads the
    # whole, the ten reads nothing of its own.
    if 0 < n < 10 and i + 1 < len(toks) and fold(toks[i + 1].text) in _AR_TEN:
        return 10 + n
    if n == 10 and fold(toks[i].text) in _AR_TEN and i > 0:
        unit = read_number(lex, toks[i - 1])
        if unit is not None and 0 < unit < 10:
            return None
    return n


#: The smallest value of a multiplier ("hundred"): a number below it may be multiplied.
LEAST_MULTIPLIER = 100


#: The "ten" of an Arabic number from 11 to 19 («أحد عشر», «اثنتا عشرة», «ستة عشر»).
_AR_TEN = frozenset({"عشر", "عشره"})


def dual_of_a_person(lex: Lexicon, tok: Tok) -> bool:
    """An Arabic dual of a person noun: nominative (مدنيان, صحفيان, طفلان: a key of the
    token less its ـان is a one-person noun), or oblique (قتيلين, شخصين, جنديين) of a
    noun whose plural is broken (``dual_in_yn``: «مدنيين» is as often the plural)."""
    people = lex.noun_classes.get("one_person", frozenset())
    broken = lex.noun_classes.get("dual_in_yn", frozenset())
    return any(
        (k.endswith("ان") and k[:-2] in people) or (k.endswith("ين") and k[:-2] in broken)
        for k in tok.keys
    )


def estimated(lex: Lexicon, toks: Sequence[Tok], span: Span) -> bool:
    """The toll at ``span`` is an estimate: a word of a round, vague count (noun class
    ``estimate_words``: "dozens", «des dizaines», «عشرات») and no figure ("at least 80"
    is a figure; "dozens", which ACLED codes as 12, is not)."""
    words = lex.noun_classes.get("estimate_words", frozenset())
    inside = [t for t in toks if span[0] <= t.start < span[1]]
    return any(t.keys & words for t in inside) and not any(NUM.match(t.text) for t in inside)
