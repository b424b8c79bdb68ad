"""Split an article into segments (paragraphs; embedded social-media posts) and sources.

An embedded post appears in extracted article text as its body line(s) followed by an
attribution line such as ``— Outlet (@handle) February 4, 2024``. The post is a
source of its own, with its own language and date; the article is another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from veille.model import Article, Source, SourceKind
from veille.nlp.dates import find_date_expressions

_EMBED_LINE = re.compile(
    r"^[\s]*[—–\-]{1,2}\s*(?P<name>[^\n()]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*(?P<date>[^\n]{0,40}?)\s*$"
)
# Spans blanked out before analysis (offsets are kept: same length, spaces).
_NOISE = re.compile(r"(?:https?://\S+|pic\.twitter\.com/\S+|www\.\S+|#\w+|@\w+)")
# A wire dateline opening an article: "NAIROBI, May 20, 2025 (Horizon Wire) -",
# "Kaduna, 8 octobre 2024 (Dépêche Horizon) –". It says where and when the report was
# filed, not where or when anything happened, so it is blanked before analysis.
_DATELINE = re.compile(
    r"^\s*[A-ZÀ-ÖØ-Þ][^\n,()]{1,40},\s*[^\n()]{0,40}?\([^\n()]{1,60}\)\s*[-–—]+\s*"
)
#: How many of an article's first paragraphs may hold its dateline (a headline and a
#: standfirst may come before it).
_DATELINE_PARAGRAPHS = 3
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph of one source, in one language, with absolute offsets."""

    start: int
    end: int
    text: str  # analysis text: article text[start:end] with URLs/hashtags blanked
    language: str
    source_id: str
    kind: SourceKind
    published: date | None
    date_span: tuple[int, int] | None = None  # where an embedded post's own date is written


def arabic_ratio(text: str) -> float:
    """The share of the letters of ``text`` that are in the Arabic blocks (0.0 without
    letters)."""
    if _ARABIC.search(text) is None:
        return 0.0  # the usual Latin-script paragraph: no letter to count
    letters = sum(map(len, _LETTERS.findall(text)))
    if not letters:
        return 0.0
    # Counted in runs, in C: a Python test of each letter cost more than the search.
    arabic = sum(map(len, _LETTERS.findall(" ".join(_ARABIC_RUN.findall(text)))))
    return arabic / letters


def mask_noise(text: str) -> str:
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped_left = len(line) - len(line.lstrip())
        stripped_right = len(line.rstrip())
        if line.strip():
            spans.append((start + stripped_left, start + stripped_right))
    return spans


# A paragraph longer than this is analysed in pieces cut at sentence ends: spaCy's
# parser needs ~1 GB per 100,000 characters and refuses texts over 1,000,000.
MAX_SEGMENT_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?؟]\s+")


def _split_long(seg: Segment) -> list[Segment]:
    if len(seg.text) <= MAX_SEGMENT_CHARS:
        return [seg]
    pieces: list[Segment] = []
    pos = 0
    text = seg.text
    while pos < len(text):
        end = min(len(text), pos + MAX_SEGMENT_CHARS)
        if end < len(text):
            cuts = [m.end() for m in _SENTENCE_END.finditer(text, pos, end)]
            if cuts and cuts[-1] > pos:
                end = cuts[-1]
            else:
                space = text.rfind(" ", pos + 1, end)
                end = space + 1 if space > pos else end
        pieces.append(
            Segment(
                seg.start + pos,
                seg.start + end,
                text[pos:end],
                seg.language,
                seg.source_id,
                seg.kind,
                seg.published,
                seg.date_span,
            )
        )
        pos = end
    return pieces


def segment_article(
    article: Article, language: str, detect: Callable[[str], str | None] | None = None
) -> tuple[list[Segment], list[Source]]:
    """Paragraph segments with their source, and the list of sources (article first).

    A paragraph in another script than the article's (an Arabic quote in a French
    article, a French caption in an Arabic one) is analysed in its own language:
    Arabic by its script, a Latin-script paragraph by ``detect`` when given.
    """
    text = article.text
    article_source = Source(
        source_id=article.id,
        article_id=article.id,
        kind="article",
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        language=language,
    )
    sources: list[Source] = [article_source]
    paras = _paragraphs(text)
    segments: list[Segment] = []
    embedded_body: set[int] = set()
    attribution: set[int] = set()
    for k, (s, e) in enumerate(paras):
        m = _EMBED_LINE.match(text[s:e])
        if not m or k == 0:
            continue
        body_s, body_e = paras[k - 1]
        if k - 1 in embedded_body or k - 1 in attribution:
            continue
        post_lang = "ar" if arabic_ratio(text[body_s:body_e]) > 0.5 else language
        date_exprs = find_date_expressions(
            m.group("date"), "en", published=article.published
        ) or find_date_expressions(m.group("date"), language, published=article.published)
        post_date = next((d.value for d in date_exprs if d.value is not None), None)
        date_span = None
        if date_exprs and post_date is not None:
            off = s + m.start("date")
            date_span = (off + date_exprs[0].start, off + date_exprs[0].end)
        source_id = f"{article.id}#post-{len(sources)}"
        sources.append(
            Source(
                source_id=source_id,
                article_id=article.id,
                kind="embedded_post",
                outlet=m.group("name").strip(),
                handle=m.group("handle"),
                published=post_date,
                language=post_lang,
                span=(body_s, e),
            )
        )
        embedded_body.add(k - 1)
        attribution.add(k)
        segments.append(
            Segment(
                body_s,
                body_e,
                mask_noise(text[body_s:body_e]),
                post_lang,
                source_id,
                "embedded_post",
                post_date,
                date_span,
            )
        )
    opening = 0  # the article's paragraphs read so far for a dateline
    for k, (s, e) in enumerate(paras):
        if k in embedded_body or k in attribution:
            continue
        para = text[s:e]
        # A paragraph in another script inside the article (a quoted post without
        # attribution, a caption) is analysed in its own language, same source.
        lang = "ar" if language != "ar" and arabic_ratio(para) > 0.5 else language
        if language == "ar" and arabic_ratio(para) < 0.2:
            found = detect(para) if detect is not None else None
            lang = found if found is not None else language
        analysed = mask_noise(para)
        if opening < _DATELINE_PARAGRAPHS:
            # The body's first paragraph opens on it, after a headline or a standfirst.
            opening += 1
            blanked = _DATELINE.sub(lambda m: " " * len(m.group(0)), analysed, count=1)
            if blanked != analysed:
                analysed, opening = blanked, _DATELINE_PARAGRAPHS
        segments.append(Segment(s, e, analysed, lang, article.id, "article", article.published))
    segments = [piece for seg in segments for piece in _split_long(seg)]
    segments.sort(key=lambda seg: seg.start)
    return segments, sources
