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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from veille.nlp.repairs import reduced_relatives
from veille.nlp.segment import Segment
from veille.nlp.tokens import Tok, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

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


class TokenNames:
    """What the ids of a vocabulary's token attributes name, remembered across docs: the
    strings of orths, lemmas and dependency labels, parts of speech and morphologies
    (as the ``Token`` properties give them), and the matching keys of each (text,
    lemma) pair. A vocabulary string is decoded anew at each look-up and a morphology
    read through a ``Token``; a corpus repeats its words. An id names one string for
    good (the vocabulary's hash of it), so nothing goes stale; each vocabulary has its
    own table (a morphology is named by its vocabulary's), and a table is emptied past
    ``limit`` entries, so that a long run does not grow it without bound."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self._tables: dict[Vocab, _Names] = {}
        self._keys: dict[tuple[str, str], frozenset[str]] = {}

    def of(self, vocab: Vocab) -> _Names:
        """The table of ``vocab`` (emptied first when full)."""
        table = self._tables.get(vocab)
        if table is None:
            table = self._tables[vocab] = _Names({}, {}, {})
        elif len(table.strings) + len(table.morphs) >= self.limit:
            table.strings.clear()
            table.morphs.clear()
        return table

    def keys(self) -> dict[tuple[str, str], frozenset[str]]:
        """(text, lemma) -> ``Tok``'s default keys (emptied first when full)."""
        if len(self._keys) >= self.limit:
            self._keys.clear()
        return self._keys


@dataclass(frozen=True, slots=True)
class _Names:
    """One vocabulary's names: string ids -> strings, part-of-speech ids -> ``pos_``,
    morphology ids -> ``str(morph)``."""

    strings: dict[int, str]
    pos: dict[int, str]
    morphs: dict[int, str]


@dataclass(frozen=True)
class SentenceSplitter:
    """Segment + its spaCy doc -> the segment's sentences, in order (none empty)."""

    #: The names of the token attributes of the docs it has split (``TokenNames``).
    names: TokenNames = field(default_factory=TokenNames, compare=False, repr=False)

    def __call__(self, doc: Doc, segment: Segment) -> list[SentenceSpan]:
        return [
            SentenceSpan(start, end, tuple(toks))
            for start, end, toks in split_sentences(doc, segment, self.names)
            if toks
        ]


def split_sentences(
    doc: Doc, seg: Segment, names: TokenNames | None = None
) -> Iterator[tuple[int, int, list[Tok]]]:
    """Sentences of a segment as absolute spans with their tokens (``names``: what the
    docs split before have named, see ``TokenNames``)."""
    if seg.language == "ar" or not doc.has_annotation("SENT_START"):
        yield from _arabic_sentences(doc, seg)
        return
    columns = _Columns(doc, names or TokenNames())
    english = seg.language == "en"
    for sent in _whole_sentences(doc, columns):
        toks = columns.tokens(sent.start, sent.end, seg.start)
        if english:
            reduced_relatives(toks)
        if toks:
            yield seg.start + sent.start_char, seg.start + sent.end_char, toks


def _dateline_end(doc_text: str, start_char: int, text: str) -> bool:
    """ "PARIS, 12 mars -": a dash after a space closes a dateline (a dash inside a word,
    as in "station-service", does not). ``text`` is the sentence's, without its trailing
    whitespace; ``start_char`` where it starts in ``doc_text``."""
    if not text or text[-1] not in "-–—":
        return False
    at = start_char + len(text) - 1
    return at > 0 and doc_text[at - 1].isspace()


def whole_sentences(doc: Doc) -> Iterator[Any]:
    """The parser's sentences, rejoined where it cut one in the middle.

    The statistical sentence splitter sometimes cuts before a capitalised name or a
    hyphenated word ("de type | Shahed a frappé", "une station | - | service"). A
    sentence ends at terminal punctuation or a line break; a piece that ends with
    neither is joined to the next one (each piece keeps its own parse tree).
    """
    return _whole_sentences(doc, _Columns(doc, TokenNames()))


def _whole_sentences(doc: Doc, columns: _Columns) -> Iterator[Any]:
    """``whole_sentences`` with the texts of the doc and its tokens read once (``columns``).

    ``Doc.text`` and ``Span.text`` join their tokens' texts one ``Token`` object at a
    time, at each call; a sentence's text is the slice of the doc's text between its
    first and last characters (a token's trailing whitespace is one space at most, so
    nothing else differs)."""
    start: int | None = None
    doc_text = columns.text
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        if start is None:
            start = sent.start
        last = k == len(sents) - 1
        start_char, end_char = sent.start_char, sent.end_char
        text = doc_text[start_char:end_char]
        stripped = text.rstrip()
        ends = _SENTENCE_END.search(stripped) is not None or _dateline_end(
            doc_text, start_char, stripped
        )
        breaks = "\n" in text[len(stripped) :] or (
            not last and "\n" in doc_text[end_char : sents[k + 1].start_char]
        )
        if last or ends or breaks or not stripped:
            for piece in _at_opening_quotes(doc, doc[start : sent.end], columns.texts):
                yield from _without_dateline(doc, doc_text, piece)
            start = None


#: Marks that only open a quotation (a straight quote may as well close one).
_OPENING_QUOTES = frozenset({"«", "“"})


def _at_opening_quotes(doc: Doc, span: Any, texts: list[str]) -> Iterator[Any]:
    """The span cut after a full stop that an opening quote and a capital follow
    («... (nord-est). « Les frappes ont visé ... », indique ...»): the parser reads the
    quote as the same sentence; it is the next one (a sentence of its own teller).
    ``texts`` are the texts of the doc's tokens."""
    start = span.start
    for k in range(span.start, span.end - 2):
        if (
            texts[k] in (".", "!", "?")
            and texts[k + 1] in _OPENING_QUOTES
            and texts[k + 2][:1].isupper()
        ):
            yield doc[start : k + 1]
            start = k + 1
    yield doc[start : span.end]


def _without_dateline(doc: Doc, doc_text: str, span: Any) -> Iterator[Any]:
    """A sentence that opens with a dateline, as the dateline and the sentence: where the
    reporter files from is not where the sentence's event happened. ``doc_text`` is
    ``doc.text``."""
    text = doc_text[span.start_char : span.end_char]  # span.text
    m = _DATELINE.match(text)
    if m is None or m.end() >= len(text.rstrip()):
        yield span
        return
    cut = doc.char_span(span.start_char, span.start_char + m.end(), alignment_mode="contract")
    if cut is None or cut.end <= span.start or cut.end >= span.end:
        yield span
        return
    yield doc[span.start : cut.end]
    yield doc[cut.end : span.end]


class _Columns:
    """The attributes ``Tok`` copies of every token of a parsed doc, read at once with
    ``Doc.to_array`` instead of one spaCy ``Token`` object (and one string look-up per
    attribute) per token and per sentence; the ids named through ``TokenNames``. Built
    per doc, and used while it is."""

    def __init__(self, doc: Doc, names: TokenNames) -> None:
        import numpy
        from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SPACY

        self.doc = doc
        self._names = names.of(doc.vocab)
        self._keys = names.keys()
        self._french = doc.lang_ == "fr"
        rows: list[list[int]] = doc.to_array([ORTH, LEMMA, DEP, POS, MORPH, IDX, SPACY]).tolist()
        self.rows = rows
        strings = doc.vocab.strings
        named = self._names.strings
        texts = []
        for row in rows:
            text = named.get(row[0])
            if text is None:
                text = named[row[0]] = strings[row[0]]
            texts.append(text)
        #: Token texts, as ``Token.text`` (the vocabulary's string of the orth).
        self.texts: list[str] = texts
        #: ``doc.text``: each token's text and its space, as ``Doc.text`` joins them
        #: (through a ``Token`` object and a string look-up per token, at each call).
        self.text = "".join(
            [text + " " if row[6] else text for text, row in zip(texts, rows, strict=True)]
        )
        #: Offsets of the heads (``HEAD`` is relative, stored unsigned).
        self.heads: list[int] = doc.to_array(HEAD).view(numpy.int64).tolist()

    def tokens(self, start: int, end: int, base: int) -> list[Tok]:
        """The ``Tok`` of tokens ``start`` to ``end`` of the doc (a sentence), indexed
        within it; ``base`` is the segment's offset in the article."""
        doc, french, keys_of = self.doc, self._french, self._keys
        strings = doc.vocab.strings
        texts, rows, heads = self.texts, self.rows, self.heads
        named, pos_of, morph_of = self._names.strings, self._names.pos, self._names.morphs
        out: list[Tok] = []
        append = out.append
        for ti in range(start, end):
            _orth, lemma_id, dep_id, pos_id, morph_id, idx, _space = rows[ti]
            text = texts[ti]
            pos = pos_of.get(pos_id)
            if pos is None:
                pos = pos_of[pos_id] = doc[ti].pos_
            morph = morph_of.get(morph_id)
            if morph is None:
                morph = morph_of[morph_id] = str(doc[ti].morph)
            lemma_ = named.get(lemma_id)
            if lemma_ is None:
                lemma_ = named[lemma_id] = strings[lemma_id]
            dep = named.get(dep_id)
            if dep is None:
                dep = named[dep_id] = strings[dep_id]
            lemma = lemma_ or text
            if french and pos == "VERB":
                lemma = _french_infinitive(text, lemma_, pos)
            keys = _capitalised_plural_keys(text, lemma_, pos) if pos == "PROPN" else None
            if not keys:
                # ``Tok``'s default keys, folded once per distinct (text, lemma).
                keys = keys_of.get((text, lemma))
                if keys is None:
                    keys = keys_of[text, lemma] = frozenset({fold(text), fold(lemma)})
            head_i = ti + heads[ti]
            append(
                Tok(
                    ti - start,
                    text,
                    lemma,
                    pos,
                    dep,
                    head_i - start if start <= head_i < end else ti - start,
                    base + idx,
                    base + idx + len(text),
                    morph,
                    keys,
                )
            )
        return out


def _capitalised_plural_keys(text: str, lemma: str, pos: str) -> frozenset[str]:
    """The keys of a token (its folded text and lemma), and, for a capitalised plural
    the tagger took for a name and left unlemmatised ("Airstrikes pounded ...", a
    headline's «Frappes russes sur ...»), its singular forms as well: the common noun
    it is. Empty (the default keys) for every other token. ``lemma`` is the token's
    lemma as spaCy gives it ("" when none)."""
    if not (
        pos == "PROPN"
        and (lemma or text) == text
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


def _french_infinitive(text: str, lemma_: str, pos: str) -> str:
    """The token's lemma; where the French lemmatizer left a verb in -e as it is
    («l'armée bombarde»), the infinitive of its first group (bombarder). ``lemma_`` is
    the token's lemma as spaCy gives it ("" when none)."""
    lemma = lemma_ or text
    # (The tagger may call such a form a participle; a participle of the first group
    # ends in -é or -ée, never in a bare -e.)
    if (
        pos == "VERB"
        and lemma.lower() == text.lower()
        and text.endswith("e")
        and not text.endswith(("ée", "ue", "ie"))
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
