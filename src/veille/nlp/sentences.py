"""Sentences of a parsed segment: the splitter every later stage reads.

One sentence is a span of the article (absolute character offsets) with its tokens
(``veille.extract.lexicon.Tok``: text, lemma, part of speech, dependency, head, offsets).
French and English take the parser's sentences, rejoined where it cut in the middle of
one and cut after a news dateline; Arabic (a blank pipeline, no parser) is split at
sentence punctuation and its tokens carry the normalised forms the lexicon matches.

``Tok`` still lives in ``veille.extract.lexicon`` (the lexicon matches on it); it is a
token record, and belongs here once that module's language data has moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from veille.nlp.segment import Segment
from veille.nlp.tokens import Tok, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: An Arabic sentence: up to sentence punctuation or a line break, with the closing
#: quotes after it. A question or exclamation mark right before a closing quote ends a
#: quoted slogan or title («رفعوا شعار «إلى متى؟» في ...»), not the sentence.
_AR_SENT = re.compile(r"(?:[^.!?؟\n]|[!?؟]+(?=[ \t]*[»”]))+(?:[.!?؟]+(?:[ \t]*[»”])*)?")

#: What ends a sentence: a full stop, a question or exclamation mark, an ellipsis, a
#: semicolon (two clauses, two statements), possibly followed by closing quotes.
_SENTENCE_END = re.compile(r"[.!?…;؛](?:\s*['’\"»”)\]])*$")

#: A news dateline: a place in capitals, perhaps the agency and the date, then a dash
#: ("KIEV, 28 juin - ", "DNIPRO, Ukraine, Jan 15 - ", "BEIRUT (AP) — ").
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.\-/ ]{1,40}(?:\s*\([^)\n]{1,20}\))?(?:,[^\n–—]{1,40}?)?\s+[-–—]+\s+"
)


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """One sentence of a segment: absolute offsets in the article and its tokens."""

    start: int
    end: int
    tokens: tuple[Tok, ...]


@dataclass(frozen=True)
class SentenceSplitter:
    """Segment + its spaCy doc -> the segment's sentences, in order (none empty)."""

    def __call__(self, doc: Doc, segment: Segment) -> list[SentenceSpan]:
        return [
            SentenceSpan(start, end, tuple(toks))
            for start, end, toks in split_sentences(doc, segment)
            if toks
        ]


def split_sentences(doc: Doc, seg: Segment) -> Iterator[tuple[int, int, list[Tok]]]:
    """Sentences of a segment as absolute spans with their tokens."""
    if seg.language == "ar" or not doc.has_annotation("SENT_START"):
        yield from _arabic_sentences(doc, seg)
        return
    for sent in whole_sentences(doc):
        toks = _tokens(sent, seg.start, sent.start)
        if toks:
            yield seg.start + sent.start_char, seg.start + sent.end_char, toks


def _dateline_end(doc: Doc, sent: Any) -> bool:
    """ "PARIS, 12 mars -": a dash after a space closes a dateline (a dash inside a word,
    as in "station-service", does not)."""
    text = sent.text.rstrip()
    if not text or text[-1] not in "-–—":
        return False
    at = sent.start_char + len(text) - 1
    return at > 0 and doc.text[at - 1].isspace()


def whole_sentences(doc: Doc) -> Iterator[Any]:
    """The parser's sentences, rejoined where it cut one in the middle.

    The statistical sentence splitter sometimes cuts before a capitalised name or a
    hyphenated word ("de type | Shahed a frappé", "une station | - | service"). A
    sentence ends at terminal punctuation or a line break; a piece that ends with
    neither is joined to the next one (each piece keeps its own parse tree).
    """
    start: int | None = None
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        if start is None:
            start = sent.start
        last = k == len(sents) - 1
        ends = _SENTENCE_END.search(sent.text.rstrip()) is not None or _dateline_end(doc, sent)
        breaks = "\n" in sent.text_with_ws[len(sent.text.rstrip()) :] or (
            not last and "\n" in doc.text[sent.end_char : sents[k + 1].start_char]
        )
        if last or ends or breaks or not sent.text.strip():
            for piece in _at_opening_quotes(doc, doc[start : sent.end]):
                yield from _without_dateline(doc, piece)
            start = None


#: Marks that only open a quotation (a straight quote may as well close one).
_OPENING_QUOTES = frozenset({"«", "“"})


def _at_opening_quotes(doc: Doc, span: Any) -> Iterator[Any]:
    """The span cut after a full stop that an opening quote and a capital follow
    («... (nord-est). « Les frappes ont visé ... », indique ...»): the parser reads the
    quote as the same sentence; it is the next one (a sentence of its own teller)."""
    start = span.start
    for k in range(span.start, span.end - 2):
        if (
            doc[k].text in (".", "!", "?")
            and doc[k + 1].text in _OPENING_QUOTES
            and doc[k + 2].text[:1].isupper()
        ):
            yield doc[start : k + 1]
            start = k + 1
    yield doc[start : span.end]


def _without_dateline(doc: Doc, span: Any) -> Iterator[Any]:
    """A sentence that opens with a dateline, as the dateline and the sentence: where the
    reporter files from is not where the sentence's event happened."""
    m = _DATELINE.match(span.text)
    if m is None or m.end() >= len(span.text.rstrip()):
        yield span
        return
    cut = doc.char_span(span.start_char, span.start_char + m.end(), alignment_mode="contract")
    if cut is None or cut.end <= span.start or cut.end >= span.end:
        yield span
        return
    yield doc[span.start : cut.end]
    yield doc[cut.end : span.end]


def _tokens(span: Any, base: int, first: int) -> list[Tok]:
    out = []
    french = span.doc.lang_ == "fr"
    for t in span:
        head = t.head.i - first if span.start <= t.head.i < span.end else t.i - first
        out.append(
            Tok(
                i=t.i - first,
                text=t.text,
                lemma=_french_infinitive(t) if french else (t.lemma_ or t.text),
                pos=t.pos_,
                dep=t.dep_,
                head=head,
                start=base + t.idx,
                end=base + t.idx + len(t.text),
                morph=str(t.morph),
                keys=_capitalised_plural_keys(t),
            )
        )
    return out


def _capitalised_plural_keys(t: Any) -> frozenset[str]:
    """The keys of a token (its folded text and lemma), and, for a capitalised plural
    the tagger took for a name and left unlemmatised ("Airstrikes pounded ...", a
    headline's «Frappes russes sur ...»), its singular forms as well: the common noun
    it is. Empty (the default keys) for every other token."""
    text: str = t.text
    if not (
        t.pos_ == "PROPN"
        and (t.lemma_ or text) == text
        and len(text) > 4
        and text[0].isupper()
        and text[1:].islower()
        and text.endswith(("s", "x"))
    ):
        return frozenset()
    low = text.lower()
    singular = {low[:-1]}
    if low.endswith("es"):
        singular.add(low[:-2])  # "clashes"
    if low.endswith("ies"):
        singular.add(low[:-3] + "y")  # "casualties"
    return frozenset({fold(text), *(fold(w) for w in singular)})


def _french_infinitive(t: Any) -> str:
    """The token's lemma; where the French lemmatizer left a verb in -e as it is
    («l'armée bombarde»), the infinitive of its first group (bombarder)."""
    lemma: str = t.lemma_ or t.text
    # (The tagger may call such a form a participle; a participle of the first group
    # ends in -é or -ée, never in a bare -e.)
    if (
        t.pos_ == "VERB"
        and lemma.lower() == t.text.lower()
        and t.text.endswith("e")
        and not t.text.endswith(("ée", "ue", "ie"))
    ):
        return lemma + "r"
    return lemma


def _arabic_sentences(doc: Doc, seg: Segment) -> Iterator[tuple[int, int, list[Tok]]]:
    from veille.nlp.arabic import normalize_token, singular_of_dual, singular_of_nisba_dual

    for m in _AR_SENT.finditer(seg.text):
        if not m.group(0).strip():
            continue
        s, e = m.start(), m.end()
        toks = [t for t in doc if s <= t.idx < e and not t.is_space]
        out: list[Tok] = []
        for k, t in enumerate(toks):
            norm, stem = normalize_token(t.text)
            singular = singular_of_dual(stem) or singular_of_nisba_dual(stem)
            extra = {singular} if singular else set()
            out.append(
                Tok(
                    i=k,
                    text=t.text,
                    lemma=stem,
                    pos="X",
                    dep="",
                    head=k,
                    start=seg.start + t.idx,
                    end=seg.start + t.idx + len(t.text),
                    keys=frozenset({norm, stem, *extra}),
                )
            )
        if out:
            yield seg.start + s, seg.start + e, out
