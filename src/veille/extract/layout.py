"""How an article is laid out, as its story is read: the day its lead sentence names,
its paragraphs, the paragraphs that open on a place ("In Kisumu, ..."), and the remote
weapons its sentences name. ``read_layout`` reads it once per article;
``veille.extract.story`` reads the candidates against it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from veille.extract.candidate import PlaceRef
from veille.extract.lexicon import Lexicon, Tok, WeaponEntry
from veille.extract.taxonomy import AIR_STRIKE, family
from veille.extract.weapons import find_weapons, speaks
from veille.model import Span
from veille.nlp.dates import DateExpression

#: The family of the weapons a layout records (they type a generic explosion).
_REMOTE = "remote"


class DatedSentence(Protocol):
    """What ``lead_day`` reads of a sentence (``veille.analysis.Sentence``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def source_kind(self) -> str: ...
    @property
    def published(self) -> date | None: ...
    @property
    def dates(self) -> Sequence[DateExpression]: ...


class LaidSentence(DatedSentence, Protocol):
    """What ``read_layout`` reads of a sentence: also its words and language."""

    @property
    def tokens(self) -> Sequence[Tok]: ...
    @property
    def language(self) -> str: ...


def lead_day(text: str, sentences: Sequence[DatedSentence]) -> DateExpression | None:
    """The day the article's lead sentence names, up to the publication date ("Monday's
    protests turned deadly in several towns": the story's day, which the paragraphs
    after it tell town by town). A short first line ("Monday 8 July.", a live blog's
    header) leads on to the next sentence. Not a dateline's date ("KYIV, June 3 -"),
    which says when the dispatch was filed."""
    own = [s for s in sentences if s.source_kind == "article"]
    for s in own[:2]:
        for d in s.dates:
            if d.precision != "day" or d.value is None or _in_dateline(text, d):
                continue
            if s.published is not None and d.value > s.published:
                continue
            return d
        if s.end - s.start >= _SHORT_LINE:
            break
    return None


#: A first line shorter than this (characters) is a header: the lead goes on after it.
_SHORT_LINE = 40


def _in_dateline(text: str, d: DateExpression) -> bool:
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    reach = line_start + _DATELINE_REACH
    # The dash must be on the date's own line: a live blog's date header is followed
    # by entries that open on "12:45 - ", which dates no dispatch.
    head = _DATELINE_DASH.search(text, line_start, reach if line_end < 0 else min(reach, line_end))
    return head is not None and d.end <= head.start()


#: Characters from a line's start within which a dateline's dash comes.
_DATELINE_REACH = 80
#: The dash that ends a dateline ("KYIV, June 3 (Wire) —").
_DATELINE_DASH = re.compile(r"\s[—–-]\s|\)\s*[—–-]")


@dataclass(frozen=True)
class Scene:
    """A paragraph that opens on a place ("In Quetta, ...", «À Mamou, ...», «وفي حلب، ...»):
    what it goes on to tell happened there, unless a sentence says where else."""

    start: int
    end: int
    place: PlaceRef


#: The preposition (and town noun) before a place that opens a paragraph.
_FRONTED = re.compile(
    r"\s*(?:[ÀAà]|Au|Aux|Dans|En|In|At|Near|Près de|وفي|في|ب)\s+"
    r"(?:(?:la |the )?(?:ville|localité|commune|town|city|village|مدينة|بلدة|قرية)"
    r"\s+(?:de\s+|d'|of\s+)?)?",
    re.IGNORECASE,
)


#: A live blog's entry label before a place: its time ("13:20 -", «14h05 –»), if any.
_ENTRY_TIME = re.compile(r"\s*(?:\d{1,2}[:hH.]\d{2}\s*(?:\([^)\n]*\)\s*)?[-–—]\s*)?")


def scenes(text: str, places: Sequence[PlaceRef]) -> list[Scene]:
    """The article's paragraphs that open on a place followed by a comma ("In Kisumu,
    ..."), and a live blog's entries labelled with a place ("13:20 - Kisumu: ...")."""
    out: list[Scene] = []
    for para in _PARAGRAPH.finditer(text):
        start, end = para.span()
        first = min(
            (p for p in places if start <= p.start < end), key=lambda p: p.start, default=None
        )
        if first is None:
            continue
        after = text[first.end : first.end + 2].lstrip()[:1]
        fronted = _FRONTED.fullmatch(text, start, first.start) is not None and after in (",", "،")
        labelled = (
            not first.dateline
            and after == ":"
            and _ENTRY_TIME.fullmatch(text, start, first.start) is not None
        )
        if fronted or labelled:
            out.append(Scene(start, end, first))
    return out


#: A paragraph: text between blank lines.
_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?![ \t]*\n))*")

#: A live blog entry's label: the time it was posted at the start of its paragraph, a
#: time zone perhaps, and the mark that ends the label ("09:40 |", "08.10 BST -",
#: «14h05 –», "13:20 :"); without the mark ("09:15 Russian drones ...", group ``bare``)
#: only in a text most of whose paragraphs open so: one paragraph that opens on a clock
#: time in running text ("10:30 was the hour ...") is no entry.
_ENTRY_LABEL = re.compile(
    r"[ \t]*(?P<time>\d{1,2}[:hH.]\d{2})[ \t]*"
    r"(?:[A-Z]{2,4}[ \t]*)?(?:\([^)\n]*\)[ \t]*)?(?:[-–—|:](?=\s)|(?P<bare>[ \t]*(?=\S)))"
)
#: A live blog has several entries: one paragraph opening on a time is no blog.
_MIN_ENTRIES = 2
#: Paragraphs opening on a bare time (no mark after it) needed to read them as entries.
_MIN_BARE_ENTRIES = 3


def entry_labels(text: str, paragraphs: Sequence[tuple[int, int]]) -> dict[int, Span]:
    """The label span of each paragraph (by index) that is a live blog's entry, when the
    text has at least ``_MIN_ENTRIES`` of them."""
    marked: dict[int, Span] = {}
    bare: dict[int, Span] = {}
    for k, (start, end) in enumerate(paragraphs):
        m = _ENTRY_LABEL.match(text, start, end)
        if m is not None:
            (bare if m.group("bare") is not None else marked)[k] = m.span("time")
    # A time with no mark after it ("09:15 Russian drones struck ...") labels entries
    # only where several paragraphs, and at least half of them, open on one.
    if len(bare) >= _MIN_BARE_ENTRIES and 2 * (len(bare) + len(marked)) >= len(paragraphs):
        marked |= bare
    out = marked
    return out if len(out) >= _MIN_ENTRIES else {}


@dataclass(frozen=True)
class WeaponTold:
    """A remote weapon a sentence names ("cruise missiles", «des drones»), with the
    sub-type it gives: what a generic explosion told before it in the paragraph was."""

    sentence_start: int
    sub_event_type: str
    mode: str | None


@dataclass(frozen=True)
class Layout:
    """How an article is laid out, as its story is read: the day its lead names
    (``lead_day``), its paragraphs (spans between blank lines), those that open on a
    place (``scenes``), and the remote weapons its sentences name."""

    lead: DateExpression | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()
    scenes: tuple[Scene, ...] = ()
    weapons: tuple[WeaponTold, ...] = ()
    #: The time labels of a live blog's entries, by paragraph index (``entry_labels``).
    entries: Mapping[int, Span] = field(default_factory=dict)

    def paragraph_of(self, offset: int) -> int:
        """The index of the paragraph holding ``offset`` (-1 where none is known)."""
        i = bisect.bisect_right(self.paragraphs, offset, key=lambda p: p[0]) - 1
        return i if i >= 0 and offset < self.paragraphs[i][1] else -1

    def entry_label(self, offset: int) -> Span | None:
        """The time label of the live blog entry holding ``offset``, if it is in one."""
        return self.entries.get(self.paragraph_of(offset))

    def same_entry(self, offset: int, other: int) -> bool:
        """Whether ``other`` may tell of the story at ``offset``: always, unless
        ``offset`` lies in a live blog's entry, a report of its own, and ``other`` in
        another paragraph."""
        here = self.paragraph_of(offset)
        return here not in self.entries or self.paragraph_of(other) == here

    def in_entry_body(self, offset: int, other: int) -> bool:
        """Whether ``other`` lies in the live blog entry that ``offset`` opens: its own
        paragraph, or the unlabelled paragraphs after it up to the next entry (a heading
        line, then its body)."""
        here, there = self.paragraph_of(offset), self.paragraph_of(other)
        if here not in self.entries or there < here:
            return False
        return all(k not in self.entries for k in range(here + 1, there + 1))


def read_layout(
    text: str,
    sentences: Sequence[LaidSentence],
    places: Sequence[PlaceRef],
    lexicon_of: Callable[[str], Lexicon | None] | None = None,
) -> Layout:
    """The article's ``Layout``, from its text, sentences and places (and, given the
    lexicons, the remote weapons its sentences name)."""
    weapons: list[WeaponTold] = []
    for s in sentences:
        lex = lexicon_of(s.language) if lexicon_of is not None else None
        if lex is None:
            continue
        toks = list(s.tokens)
        told: list[WeaponEntry] = [
            w.payload
            for w in sorted(find_weapons(lex, toks), key=lambda w: w.start)
            if family(w.payload.sub) == _REMOTE and not speaks(lex, toks, w)
        ]
        # "a drone laden with explosives", «طائرة مسيرة مفخخة»: the aircraft that carried
        # the charge types the strike, as in the sentence that tells it.
        aerial = [e for e in told if e.sub == AIR_STRIKE]
        for entry in aerial or told:
            weapons.append(WeaponTold(s.start, entry.sub, entry.mode))
    paragraphs = tuple(m.span() for m in _PARAGRAPH.finditer(text))
    return Layout(
        lead=lead_day(text, sentences),
        paragraphs=paragraphs,
        scenes=tuple(scenes(text, places)),
        weapons=tuple(weapons),
        entries=entry_labels(text, paragraphs),
    )
