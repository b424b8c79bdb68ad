"""Arabic names of places the gazetteer knows only in Latin script.

GeoNames gives Arabic names to the towns of Arabic-speaking countries, seldom to those
of Nigeria, Mali, Ukraine or to the villages of Sudan: «قرب بلدة غوزا» (Gwoza),
«منطقة دامبوا» (Damboa) found nothing. Arabic writes long vowels only, Latin spellings
write every vowel and spell one Arabic consonant several ways (غ g/gh, ش sh/ch, خ
kh/x); both reduce to the same *skeleton*, the classes of their consonants, vowels and
semivowels left out and doubled letters written once: «غوزا» and "Gwoza" are both
``KZ``, «دامبوا» and "Damboa" ``DMB``.

The index's loose keys (``_normalize.arabic_loose_keys``) do the same for the places
the build gave one; skeletons reach every town of a country, and keep a consonant that
a vowel parts from its twin («تلتيتا» is no "Talty"), v as f and p as b.

A skeleton is no name: many places share one. It is read only where the text announces
a place by a singular, indefinite noun («مدينة», «بلدة», «منطقة», «ولاية»; a plural or
definite noun takes an adjective: «مدن تونسية») before a word no gazetteer entry
matched, only among the places of the countries the text's resolved places (or its
national adjectives) name, and only when one place of them, or one far more populous
than the others, has it; a skeleton shorter than ``MIN_SKELETON`` consonants names
nothing. A town's noun («قرية», «بلدة», «مدينة») may also announce a village of the
villages' index, which has no population to rank namesakes by: it is looked for only in
the first-level areas the text's places lie in, and read only when one village name
there has the skeleton.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from veille.geo._store import GazetteerStore, PlaceRecord
from veille.geodesy import distance_km

#: Consonants a skeleton needs to name a place ("KZ" of Gwoza alone is too common).
MIN_SKELETON = 3
#: How many times more populous than the next the one place kept must be.
POPULATION_LEAD = 10

#: How far apart two entries of one village's name may lie and be the one village.
SAME_VILLAGE_KM = 25.0

#: Which of a town and the areas named after it a name stands for first.
_FEATURE_RANK = {"city": 0, "admin2": 1, "admin1": 2}

#: Arabic letters by consonant class; letters absent (alef, waw, ya, hamza, ain, ta
#: marbuta) are vowels, semivowels or glides that Latin spellings render or drop.
_ARABIC = {
    "ب": "B",
    "ت": "T",
    "ث": "T",
    "ج": "J",
    "ح": "H",
    "خ": "X",
    "د": "D",
    "ذ": "D",
    "ر": "R",
    "ز": "Z",
    "س": "S",
    "ش": "C",
    "ص": "S",
    "ض": "D",
    "ط": "T",
    "ظ": "Z",
    "غ": "K",
    "ف": "F",
    "ق": "K",
    "ك": "K",
    "گ": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "H",
    "پ": "B",
    "ڤ": "F",
}

#: Latin digraphs first (one Arabic consonant each), then single letters.
_LATIN_DIGRAPHS = {
    "kh": "X",
    "sh": "C",
    "ch": "C",
    "gh": "K",
    "th": "T",
    "dh": "D",
    "ph": "F",
    "dj": "J",
    "zh": "J",
}
_LATIN = {
    "b": "B",
    "p": "B",
    "t": "T",
    "d": "D",
    "j": "J",
    "h": "H",
    "x": "X",
    "r": "R",
    "z": "Z",
    "s": "S",
    "c": "K",
    "k": "K",
    "q": "K",
    "g": "K",
    "f": "F",
    "v": "F",
    "l": "L",
    "m": "M",
    "n": "N",
}


def _squeezed(classes: Iterable[str | None]) -> str:
    """The consonant classes (None: a vowel or a letter left out), a consonant written
    twice in a row once (Arabic writes no shadda: "Ogossagou" has one s for «غوساغو»);
    the same consonant on either side of a vowel stays two ("Taltita": ``TLTT``)."""
    out: list[str] = []
    joined = False  # the last class was a consonant right before this letter
    for c in classes:
        if c is None:
            joined = False
            continue
        if not (joined and out and out[-1] == c):
            out.append(c)
        joined = True
    return "".join(out)


def arabic_skeleton(word: str) -> str:
    """The consonant classes of an Arabic word: «غوزا» -> ``KZ``, «بابنوسة» -> ``BNS``.
    The article «ال» before a name is left out («المحبس» -> ``MHBS``); so is a final
    «ه» (a ta marbuta, normalised or not)."""
    return _squeezed(c for c, _ in _arabic_letters(word))


def latin_skeleton(name: str) -> str:
    """The consonant classes of a Latin-script name: "Gwoza" -> ``KZ``, "Babanūsah" ->
    ``BNS`` (accents folded, digraphs one consonant; a final "h" after a vowel, as in
    "-ah", is a ta marbuta's)."""
    return _squeezed(c for c, _ in _latin_classes(name))


def _arabic_letters(word: str) -> list[tuple[str | None, str]]:
    """Each letter of an Arabic name, its article and final ta marbuta left out, with
    its consonant class (None: a vowel, a semivowel or a glide)."""
    letters = word.strip()
    if letters.startswith("ال") and len(letters) > 4:
        letters = letters[2:]
    if letters.endswith(("ة", "ه")):
        letters = letters[:-1]
    return [(_ARABIC.get(ch), ch) for ch in letters]


def _latin_classes(name: str) -> list[tuple[str | None, str]]:
    """Each letter (a digraph as one) of a Latin name, folded, a final "h" after a
    vowel left out, with its consonant class (None: a vowel or a letter left out)."""
    text = _latin_letters(name)
    if text.endswith("h") and len(text) > 2 and text[-2] in "aeiou":
        text = text[:-1]
    out: list[tuple[str | None, str]] = []
    i = 0
    while i < len(text):
        pair = _LATIN_DIGRAPHS.get(text[i : i + 2])
        if pair is not None:
            out.append((pair, text[i : i + 2]))
            i += 2
            continue
        out.append((_LATIN.get(text[i]), text[i]))
        i += 1
    return out


#: Arabic letters a name that opens on a vowel is written with first.
_OPEN_ON_A_VOWEL = ("ا", "أ", "إ", "آ", "ع")


#: Arabic long vowels and the Latin letters that write each.
_LONG_VOWELS = {"ا": "ae", "أ": "ae", "إ": "ie", "آ": "ae", "ى": "ae", "و": "ouw", "ي": "iey"}


def _vowels_after(letters: Iterable[tuple[str | None, str]]) -> list[str]:
    """What stands between each consonant of a skeleton and the next (``letters``:
    each letter's consonant class, None for a vowel, and the letter), the consonants
    squeezed as ``_squeezed`` does."""
    slots: list[str] = []
    last: str | None = None
    joined = False
    for c, letter in letters:
        if c is None:
            if slots:
                slots[-1] += letter
            joined = False
            continue
        if not (joined and last == c):
            slots.append("")
        last, joined = c, True
    return slots


def long_vowels_agree(word: str, name: str) -> bool:
    """Whether every long vowel the Arabic ``word`` writes after a consonant is one the
    Latin ``name`` writes there too (their skeletons being equal): «الرشاد» writes
    Rashad's long a, which "Rashid" has not. Arabic leaves short vowels out, so where
    it writes none the Latin name may write any."""
    arabic = _vowels_after(_arabic_letters(word))
    latin = _vowels_after(_latin_classes(name))
    if len(arabic) != len(latin):
        return False
    for written, spelt in zip(arabic, latin, strict=True):
        for vowel in written:
            if not any(letter in spelt for letter in _LONG_VOWELS.get(vowel, "")):
                return False
    return True


def _opens_on_a_vowel(name: str) -> bool:
    return _latin_letters(name)[:1] in "aeiou"


def _latin_letters(name: str) -> str:
    """A Latin-script name's letters, lower-cased, accents folded, all else left out."""
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in folded if "a" <= ch <= "z")


def _by_skeleton(named: Iterable[tuple[PlaceRecord, str]]) -> dict[str, list[PlaceRecord]]:
    """Places by the skeleton of their name; a skeleton too short to name one, none."""
    out: dict[str, list[PlaceRecord]] = {}
    for record, name in named:
        key = latin_skeleton(name)
        if len(key) >= MIN_SKELETON:
            out.setdefault(key, []).append(record)
    return out


class TransliteratedNames:
    """Places of a country by the skeleton of their Latin names, read from the index one
    country at a time and kept (a per-instance cache, as the store's own)."""

    def __init__(self, store: GazetteerStore) -> None:
        self._store = store
        self._by_country: dict[str, dict[str, list[PlaceRecord]]] = {}
        self._provinces: dict[str, list[PlaceRecord]] | None = None
        self._by_area: dict[tuple[str, int], dict[str, list[PlaceRecord]]] = {}

    def find_province(self, word: str) -> PlaceRecord | None:
        """The one first-level area of any country whose name has the skeleton of the
        Arabic ``word`` («ولاية زمفرة»: Zamfara): a text names its state or province
        before anything else that would say its country."""
        if self._provinces is None:
            self._provinces = _by_skeleton(self._store.provinces())
        key = arabic_skeleton(word)
        found = self._provinces.get(key, []) if len(key) >= MIN_SKELETON else []
        return found[0] if len(found) == 1 else None

    def _skeletons(self, iso3: str) -> dict[str, list[PlaceRecord]]:
        known = self._by_country.get(iso3)
        if known is None:
            known = self._by_country[iso3] = _by_skeleton(self._store.places_in(iso3))
        return known

    def find_village(self, word: str, areas: Iterable[tuple[str, int]]) -> PlaceRecord | None:
        """The one village of the villages' index, in the first-level ``areas`` (ISO3,
        admin1 id) the text's places lie in, whose name has the skeleton of the Arabic
        ``word``: «قرية غومسوري» in a story of Borno. Villages have no population to
        rank them by, so a skeleton two names share names neither; one name several
        entries bear (a village entered twice) is the one only when they lie within
        ``SAME_VILLAGE_KM`` of each other."""
        key = arabic_skeleton(word)
        if len(key) < MIN_SKELETON:
            return None
        found: list[PlaceRecord] = []
        for area in sorted(set(areas)):
            known = self._by_area.get(area)
            if known is None:
                known = self._by_area[area] = _by_skeleton(self._store.villages_in(*area))
            found.extend(known.get(key, ()))
        if not word.startswith(_OPEN_ON_A_VOWEL):
            found = [r for r in found if not _opens_on_a_vowel(self._store.name(r.id) or "")]
        # A village has no population to tell a likely namesake by: its Latin name
        # must write the long vowels the Arabic writes.
        found = [r for r in found if long_vowels_agree(word, self._store.name(r.id) or "")]
        if not found or len({self._store.name(r.id) for r in found}) > 1:
            return None
        first = found[0]
        if any(_km(first, r) > SAME_VILLAGE_KM for r in found[1:]):
            return None
        return first

    def find(self, word: str, countries: Iterable[str]) -> PlaceRecord | None:
        """The one place of ``countries`` whose name has the skeleton of the Arabic
        ``word``, or the one far more populous than the others that have it."""
        key = arabic_skeleton(word)
        if len(key) < MIN_SKELETON:
            return None
        found = [r for iso3 in sorted(set(countries)) for r in self._skeletons(iso3).get(key, ())]
        if not word.startswith(_OPEN_ON_A_VOWEL):
            # «ندون» is no "Andoni": a name that opens on a vowel is written with an
            # alif (or an ain) before its first consonant, which the skeleton leaves out.
            found = [r for r in found if not _opens_on_a_vowel(self._store.name(r.id) or "")]
        if not found:
            return None
        # One name is one place: a town and the district named after it («Damboa» the
        # town and the local government area) are the town.
        by_name: dict[str, PlaceRecord] = {}
        for r in found:
            name = self._store.name(r.id) or ""
            kept = by_name.get(name)
            if kept is None or _FEATURE_RANK[r.feature] < _FEATURE_RANK[kept.feature]:
                by_name[name] = r
        ranked = sorted(by_name.values(), key=lambda r: -r.population)
        if len(ranked) == 1 or ranked[0].population >= POPULATION_LEAD * max(
            1, ranked[1].population
        ):
            return ranked[0]
        return None


def _km(a: PlaceRecord, b: PlaceRecord) -> float:
    """Great-circle distance between two places, in km."""
    return distance_km(a.lat, a.lon, b.lat, b.lon)
