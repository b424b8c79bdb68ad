"""One analysis per article: the typed layers the pipeline's stages fill and read.

``ArticleAnalysis`` starts as the article, its language, its segments and sources
(``veille.nlp.segment``), and the parser's doc of each segment; each stage then adds
one layer, read by the stages after it::

    sentences   the splitter (veille.nlp.sentences), then the date stage (their dates)
    places      the place stage (veille.geo.places.PlaceFinder), with ``countries``
    actors      the actor stage (veille.resolve.actors), with ``framing``
    candidates  the sentence extractor (veille.extract), then veto, crowd and story
    statement_candidates  the sentence extractor (non-violent PLOVER records)
    events, statements    the assembler (veille.extract.assemble), then within-article
                          deduplication (veille.dedup)

Layer items are records with absolute character offsets in ``article.text``; the
span layers (``places``, ``actors``, ``framing``) are sorted by start, so a sentence
takes its items by bisection (``within``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from veille.extract.candidate import (
    ActorRef,
    Candidate,
    FramingRef,
    PlaceRef,
    StatementCandidate,
)
from veille.lang.loader import LangRoots, event_languages, language_info
from veille.lang.normalise import Word, split_words
from veille.model import Article, Event, Source, SourceKind, Span, Statement
from veille.nlp.dates import DateExpression
from veille.nlp.segment import Segment
from veille.nlp.tokens import Tok

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from veille.geo import OutletProfile

__all__ = [
    "ActorRef",
    "AnalysisStage",
    "ArticleAnalysis",
    "FramingRef",
    "PlaceRef",
    "Sentence",
    "within",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article: its span, tokens, where it comes from, its dates."""

    start: int
    end: int
    tokens: tuple[Tok, ...]
    segment: int  # index in ``ArticleAnalysis.segments``
    language: str
    source_id: str
    source_kind: SourceKind
    #: The date its source was published (an embedded post's own, else the article's).
    published: date | None
    #: Where an embedded post's own date is written (None in the article's text).
    post_date_span: Span | None = None
    #: Its date expressions, absolute offsets (filled by the date stage).
    dates: tuple[DateExpression, ...] = ()


@dataclass
class ArticleAnalysis:
    """One article and every layer found in it so far (see the module doc)."""

    article: Article
    language: str
    segments: list[Segment]
    sources: list[Source]
    #: The profile of the article's outlet, when the pipeline knows one.
    outlet: OutletProfile | None = None
    #: Where the language folders are (the config's ``[lang] roots``, then the shipped).
    lang_roots: LangRoots = field(default_factory=LangRoots)
    docs: dict[int, Doc] = field(default_factory=dict)  # segment index -> spaCy doc
    sentences: list[Sentence] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    #: The countries of ``places``, most named first (ties: first found first).
    countries: list[str] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    #: A country's forces where its name may stand for them ("Israel struck"): kept
    #: apart from ``actors``, as only the event rules' agent position makes them actors.
    state_names: list[ActorRef] = field(default_factory=list)
    #: The same forces where a people's adjective names them ("Russian", «israélien»):
    #: only an adjective on the attack word itself makes them its doer.
    state_adjectives: list[ActorRef] = field(default_factory=list)
    #: Starts of the places that speak for their government ("Washington said",
    #: «Kinshasa accuse Kigali»): no event of the story happened there.
    voices: set[int] = field(default_factory=set)
    framing: list[FramingRef] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    statement_candidates: list[StatementCandidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    #: ``lookup_words``'s split of each language's text, made once.
    _words: dict[str, list[Word]] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> list[str]:
        """The languages of the article's segments, sorted."""
        return sorted({s.language for s in self.segments})

    def parsed(self, language: str) -> bool:
        """Whether ``language``'s parser gives tags, a parse and entities to trust
        (``parsed`` in its ``language.json``; False for a language with no folder)."""
        roots = self.lang_roots
        return language in event_languages(roots) and language_info(language, roots).has_parse

    def lookup_words(self, language: str) -> list[Word]:
        """The words of ``text_in(language)`` for the dictionary look-ups (places,
        actors, framing): one split (``veille.lang.normalise.split_words``) that each
        reader keys its own way."""
        words = self._words.get(language)
        if words is None:
            words = self._words[language] = split_words(self.text_in(language))
        return words

    def text_in(self, language: str) -> str:
        """The article text with everything outside ``language``'s segments blanked
        (line breaks kept; offsets unchanged)."""
        text = self.article.text
        mine = [seg for seg in self.segments if seg.language == language]
        pieces: list[str] = []
        at = 0
        for seg in mine:
            if not (
                at <= seg.start <= seg.end <= len(text) and len(seg.text) == seg.end - seg.start
            ):
                return _blanked_char_by_char(text, mine)  # out of order, overlapping...
            pieces += (_blank(text[at : seg.start]), seg.text)
            at = seg.end
        pieces.append(_blank(text[at:]))
        return "".join(pieces)


def _blank(text: str) -> str:
    """``text`` with every character but the line breaks a space."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def _blanked_char_by_char(text: str, segments: list[Segment]) -> str:
    """``text`` blanked (``_blank``), then each of ``segments`` written over it in turn:
    what ``ArticleAnalysis.text_in`` gives of segments that are not in order, apart and
    each as long as its span (which it builds piece by piece, faster)."""
    chars = [" " if c != "\n" else "\n" for c in text]
    for seg in segments:
        chars[seg.start : seg.end] = seg.text
    return "".join(chars)


class AnalysisStage(Protocol):
    """One step of the pipeline: reads the analysis's layers and adds its own."""

    def __call__(self, analysis: ArticleAnalysis) -> None: ...


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_Ref = TypeVar("_Ref", bound=_Spanned)


def within(refs: Sequence[_Ref], starts: Sequence[int], start: int, end: int) -> list[_Ref]:
    """The items of ``refs`` (sorted by start; ``starts`` their starts) that lie inside
    [start, end)."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [r for r in refs[lo:hi] if r.end <= end]
