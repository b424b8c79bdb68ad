"""The place component: which toponyms of a text are places, resolved in context.

One class, :class:`PlaceFinder`, serves the three callers that need places: the
pipeline (the places events may get), ``veille geoparse`` and the geoparsing
evaluation, so that the evaluation's figures measure the places events get.

Its input is the text (one language; other languages blanked, offsets kept), the
parser's evidence about it (:class:`PlaceEvidence`: entity spans and function words,
as absolute character offsets) and the outlet's profile; its output the resolved
:class:`~veille.geo.Toponym` list. On top of the geocoder (gazetteer scanning, NER
hints, resolution in context) it drops two classes of false toponyms that only the
parse can tell:

- a capitalised function word or verb the gazetteer happens to know ("Quelques", a
  determiner, is a village somewhere) unless the NER labels it a place. A word written
  wholly in capitals amid words that are not (a dateline, "NAME: ..." or "NAME, country
  (agency) -") is out of that class: running text does not write its function words in
  capitals, and a tagger's part of speech for a word in capitals is a guess;
- a place word heading a longer name the gazetteer does not know, in a country nothing
  else in the text names (a gang called "Gran ...", not Esztergom; "X Road"). A country
  or a first-level area is no such coincidence: a longer place name it heads ("X Bay"
  after a state, two countries listed without their comma) still lies in or beside it.

and marks a third, ``in_name``: a place word inside the name of an organisation or a
person ("the Ministry of Defence of X", "Radio X"), when the word is not the whole
name. Geoparsing gold (LGL, GeoWebNews) counts such embedded toponyms; an event is not
where a ministry's name says, so the pipeline leaves them out.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from veille.geo._geocoder import Geocoder, OutletProfile, Toponym
from veille.geo._lexicon import key_of
from veille.lang.loader import weekday_names
from veille.lang.normalise import Word

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

Span = tuple[int, int]

#: NER labels that hint a place, and those of people and organisations.
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
NAME_LABELS = frozenset({"ORG", "PER", "PERSON"})
#: Features too well known to be a name's chance first word (see ``_name_goes_on``).
AREA_FEATURES = frozenset({"country", "admin1"})
#: Parts of speech of words that are never a place on their own.
FUNCTION_POS = frozenset(
    {"DET", "ADV", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "NUM", "PART"}
)


@dataclass(frozen=True)
class PlaceEvidence:
    """What a parser found in one text, as absolute character spans.

    ``places`` are its place entities (LOC, GPE, FAC): hints to the geocoder;
    ``persons`` its people (first names and surnames are no towns); ``names`` the
    organisations and people of a parsed language, inside which a place word is no
    place; ``function_words`` the starts of words tagged as function words or verbs
    outside any entity. Empty evidence (no parser) leaves the geocoder alone.
    """

    places: tuple[Span, ...] = ()
    persons: tuple[Span, ...] = ()
    names: tuple[Span, ...] = ()
    function_words: frozenset[int] = frozenset()

    @classmethod
    def from_docs(cls, docs: Iterable[tuple[int, Doc]], *, parsed: bool = True) -> PlaceEvidence:
        """Evidence from spaCy docs, each with the offset of its text in the whole.

        ``parsed`` says whether the docs come from a tagger and NER of the language (fr,
        en); a blank pipeline (ar) gives its entities, if any, but no names and no parts
        of speech to trust.
        """
        from spacy.attrs import ENT_TYPE, IDX, POS
        from spacy.parts_of_speech import IDS

        places: list[Span] = []
        persons: list[Span] = []
        names: list[Span] = []
        function_words: set[int] = set()
        weekdays = weekday_names()
        function_pos = frozenset(IDS[name] for name in FUNCTION_POS)
        for offset, doc in docs:
            for ent in doc.ents:
                if any(t.lower_ in weekdays for t in ent) or _across_a_mark(ent):
                    # "Marib lundi" read as a person, "BST - Kyiv: Explosions" as an
                    # organisation: an entity that runs over a weekday or a heading's
                    # mark is misread, and its label says nothing of the names in it.
                    continue
                span = (offset + ent.start_char, offset + ent.end_char)
                if ent.label_ in PLACE_LABELS:
                    places.append(span)
                if ent.label_ in PERSON_LABELS:
                    persons.append(span)
                if parsed and ent.label_ in NAME_LABELS:
                    names.append(span)
            if parsed:
                # The words tagged ``FUNCTION_POS`` outside any entity, read from the
                # doc's columns as numbers (a pass over its ``Token`` objects, each
                # ``pos_`` and ``ent_type_`` a string look-up, cost half as much again).
                function_words.update(
                    offset + idx
                    for pos, ent_type, idx in doc.to_array([POS, ENT_TYPE, IDX]).tolist()
                    if pos in function_pos and not ent_type
                )
        return cls(tuple(places), tuple(persons), tuple(names), frozenset(function_words))

    @classmethod
    def hints_only(cls, places: Iterable[Span]) -> PlaceEvidence:
        """Evidence of place spans alone (another NER, or a test's hints)."""
        return cls(places=tuple(places))


def _across_a_mark(ent: SpacySpan) -> bool:
    """The entity runs over a mark that parts a heading from its text: a dash with
    spaces on both sides or a colon before a space (a live blog's "09:10 GMT - Kyiv:
    Explosions ..."). A hyphen inside a name ("Guinea-Bissau") has no spaces."""
    doc = ent.doc
    for t in ent[:-1]:
        spaced = bool(t.whitespace_) and t.i > 0 and bool(doc[t.i - 1].whitespace_)
        if (t.text in _DASHES and spaced) or (t.text == ":" and t.whitespace_):
            return True
    return False


#: Words at most of an area's name before its phrase ("X Y Local Government Area").
_AREA_NAME_WORDS = 3
#: Dashes that part a heading from its text when set between spaces.
_DASHES = frozenset({"-", "–", "—"})


@dataclass
class PlaceFinder:
    """Toponyms of a text, resolved, less those the parse shows are no places."""

    geocoder: Geocoder

    def find(
        self,
        text: str,
        language: str,
        evidence: PlaceEvidence | None = None,
        *,
        outlet: OutletProfile | None = None,
        words: Sequence[Word] | None = None,
    ) -> list[Toponym]:
        """The toponyms of ``text`` (sorted by start, not overlapping), each resolved to
        a place or left unresolved; ``outlet`` weighs homonyms toward the areas the
        outlet's other articles name. A toponym inside an organisation's or a person's
        name is kept with ``in_name`` set: geoparsing counts it, an event is not there.
        ``words``: ``split_words(text)`` where the caller has it (the article's analysis)."""
        ev = self._areas_as_places(text, evidence or PlaceEvidence())
        toponyms = self.geocoder.geoparse(
            text,
            language,
            hints=list(ev.places),
            persons=list(ev.persons),
            outlet=outlet,
            words=words,
        )
        return self.keep(text, toponyms, ev)

    def _areas_as_places(self, text: str, ev: PlaceEvidence) -> PlaceEvidence:
        """The evidence with the names a parser took for a person's or an organisation's
        that close on an area's phrase ("Guma LGA", "Shendam Local Government Area",
        ``area_tails``) read as places: the area's own name, its word no surname."""
        tail = self.geocoder.words.area_tail
        areas = set()
        for s, e in (*ev.persons, *ev.names):
            found = list(tail.finditer(text, s, e))
            # One phrase, closing a short name: "Islamic State Sahel Province" is a
            # group's name, its "State" a phrase too.
            if (
                len(found) == 1
                and found[0].end() == e
                and 0 < len(text[s : found[0].start()].split()) <= _AREA_NAME_WORDS
            ):
                areas.add((s, e))
        if not areas:
            return ev
        return replace(
            ev,
            places=tuple(sorted({*ev.places, *areas})),
            persons=tuple(x for x in ev.persons if x not in areas),
            names=tuple(x for x in ev.names if x not in areas),
        )

    def keep(self, text: str, toponyms: list[Toponym], evidence: PlaceEvidence) -> list[Toponym]:
        """``toponyms`` less those the parse shows are no places (see the module doc),
        those inside a name marked ``in_name``. Unresolved toponyms are kept: a caller
        may count them (the evaluation's recognition) or skip them (events need a place)."""
        hinted = set(evidence.places)
        hint_spans = sorted(evidence.places)
        names = sorted(evidence.names)
        name_starts = [start for start, _ in names]
        # How many resolved toponyms name each country: "another toponym names it".
        countries = Counter(t.place.iso3 for t in toponyms if t.place is not None)
        credits = _outlet_credits(text)
        out: list[Toponym] = []
        for top in toponyms:
            place = top.place
            if place is None:
                out.append(top)
                continue
            if (
                countries[place.iso3] < 2
                and place.feature not in AREA_FEATURES
                and _name_goes_on(text, hint_spans, top)
                and self.geocoder.words.area_tail.match(text, top.end) is None
            ):
                continue  # no other toponym names its country
            if (
                top.start in evidence.function_words
                and (top.start, top.end) not in hinted
                and " " not in top.text.strip()  # "le sud du Liban", "the Valley": phrases
                and not _capitals_amid_lower_case(text, top)
            ):
                continue
            name = _strictly_inside(names, name_starts, top.start, top.end)
            if name is not None and _only_places(text, name, toponyms):
                name = None  # "Kharkiv and Odesa" read as one organisation: a list
            if (
                (name is not None and not self._names_a_facility(text, name))
                or any(b <= top.start and top.end <= e for b, e in credits)
                or self._a_seat(text, top)
                or self._across_a_border(text, top)
                or self._names_a_group(text, top)
            ):
                top = top.model_copy(update={"in_name": True})
            out.append(top)
        return out

    def _names_a_group(self, text: str, top: Toponym) -> bool:
        """The place names an armed group ("the X gang", «le cartel de X»,
        ``group_nouns_after`` / ``_before``): its name, not where it acted."""
        words = self.geocoder.words
        before = text[max(0, top.start - _NEIGHBOURHOOD) : top.start].lower()
        return bool(words.group_after.match(text, top.end) or words.group_before.search(before))

    def _a_seat(self, text: str, top: Toponym) -> bool:
        """The place is an organisation's seat: "the London-based monitor", «l'OSDH,
        basé à Londres», «المرصد ومقره لندن» (place words ``seat_before``,
        ``seat_after``): where it speaks from, not where an event is."""
        words = self.geocoder.words
        before = text[max(0, top.start - _NEIGHBOURHOOD) : top.start].lower()
        return bool(
            words.seat_before.search(before) or words.seat_after.match(text[top.end : top.end + 12])
        )

    def _across_a_border(self, text: str, top: Toponym) -> bool:
        """The place is the land across a border ("near the border with X", «près de la
        frontière avec le X», «قرب الحدود مع X»: place words ``beyond_before``): the act
        was on this side of X's border, not in X."""
        before = text[max(0, top.start - _NEIGHBOURHOOD) : top.start].lower()
        return bool(self.geocoder.words.beyond_before.search(before))

    def _names_a_facility(self, text: str, name: Span) -> bool:
        """Whether the name is a building's or an institution's named after its town
        ("the X High Court", «l'université de X»): it stands where its place word says,
        as "Radio X" or "the Ministry of Defence of X" need not."""
        nouns = self.geocoder.words.facility_nouns
        return any(key_of(w) in nouns for w in _WORD.findall(text[name[0] : name[1]]))


#: A dispatch's credit after its dateline: "KYIV, Sept 17, 2024 (Horizon Wire) -",
#: «Nairobi, 3 juillet 2024 (Le Quotidien de l'Océan Indien) –»: the outlet's name.
_OUTLET_CREDIT = re.compile(r"\d{4}[ \t]*\(([^()\n]{2,80})\)[ \t]*[-–—]")  # on one line


def _outlet_credits(text: str) -> list[tuple[int, int]]:
    """The spans of the outlets credited right after a dateline's date (one pass over
    the text, whatever the number of toponyms)."""
    return [(m.start(1), m.end(1)) for m in _OUTLET_CREDIT.finditer(text)]


#: A word: letters only (a run of ``\w`` less digits and the underscore).
_WORD = re.compile(r"[^\W\d_]+")
#: How far around a toponym its neighbouring words are looked for (characters).
_NEIGHBOURHOOD = 40
#: Shorter words in capitals are often acronyms ("US", "AU", "ONU"), not names.
_MIN_CAPITALS = 4


def _capitals_amid_lower_case(text: str, top: Toponym) -> bool:
    """Whether ``top`` is one word of at least ``_MIN_CAPITALS`` letters written wholly
    in capitals next to a word that is not (its nearest word before or after): a
    dateline or a place set in capitals in running text, not a word of a headline
    written all in capitals (whose function words are in capitals too)."""
    word = top.text.strip()
    if len(word) < _MIN_CAPITALS or not word.isupper() or _WORD.fullmatch(word) is None:
        return False
    before = _WORD.findall(text[max(0, top.start - _NEIGHBOURHOOD) : top.start])
    after = _WORD.findall(text[top.end : top.end + _NEIGHBOURHOOD])
    return any(not w.isupper() for w in before[-1:] + after[:1])


#: Words that join the names of a list ("Kharkiv, Sumy and Odesa").
_LIST_WORDS = frozenset({"and", "or", "et", "ou", "و"})


def _only_places(text: str, name: Span, toponyms: list[Toponym]) -> bool:
    """Whether the NER's name holds nothing but toponyms and the words of a list: a
    list of places the parser read as one organisation or person ("Kharkiv and
    Odesa", "Kharkiv, Sumy and"), not "Radio X"."""
    chars = list(text[name[0] : name[1]])
    for t in toponyms:
        for k in range(max(t.start, name[0]), min(t.end, name[1])):
            chars[k - name[0]] = " "
    rest = _WORD.findall("".join(chars))
    return len(rest) < len(_WORD.findall(text[name[0] : name[1]])) and all(
        w.lower() in _LIST_WORDS for w in rest
    )


def _strictly_inside(spans: list[Span], starts: list[int], start: int, end: int) -> Span | None:
    """The one of ``spans`` (sorted, not overlapping, as a parser's entities are) that
    holds ``[start, end)`` without being all of it, if any; a bisection, not a scan."""
    k = bisect.bisect_right(starts, start) - 1
    if k < 0:
        return None
    s, e = spans[k]
    return (s, e) if end <= e and (s, e) != (start, end) else None


def _name_goes_on(text: str, spans: list[Span], top: Toponym) -> bool:
    """Whether ``top`` heads a longer NER span (``spans`` sorted, not overlapping) that
    goes on with a capitalised word: "Gran Grif", not "Khan Younis refugee camp"."""
    k = bisect.bisect_right([s for s, _ in spans], top.start) - 1
    if k < 0:
        return False
    s, e = spans[k]
    if s != top.start or e <= top.end:
        return False
    rest = text[top.end : e].split()
    return bool(rest) and rest[0][:1].isupper()
