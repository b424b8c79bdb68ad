"""HTML to article text: trafilatura for whole pages, a plain converter for fragments.

Pages too big for trafilatura (whose time and memory grow steeply with the size of a
page: about a minute and 800 MB for 10 MB of markup on the development machine) are
first slimmed in one streaming pass (scripts, styles, SVG and inline data dropped); a
page still over ``MAX_BOILERPLATE_HTML_CHARS`` after that has its visible text taken
block by block, navigation and footers left out, without building a tree.
"""

from __future__ import annotations

import html as html_escape
import re
from dataclasses import dataclass
from datetime import date
from typing import Final, cast

import trafilatura
from lxml import etree
from trafilatura.settings import Document, use_config

from veille.errors import InputError
from veille.ingest._limits import MAX_BOILERPLATE_HTML_CHARS, MAX_DOCUMENT_BYTES

# Elements whose end starts a new line in the plain converter.
_BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "td", "th", "tr", "ul",
    }
)  # fmt: skip
_SKIPPED_TAGS: Final = frozenset({"script", "style", "noscript", "template", "head", "title"})
# Page furniture left out when a page is too big for trafilatura's boilerplate removal.
_BOILERPLATE_TAGS: Final = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
# Dropped with their content when a big page is slimmed for trafilatura.
_HEAVY_TAGS: Final = frozenset({"script", "style", "noscript", "template", "svg", "math"})
_VOID_TAGS: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
# Attribute values longer than this (inline images as data: URIs, JSON blobs) are dropped.
_MAX_ATTRIBUTE_CHARS: Final = 2048
# JSON-LD holds the publication date trafilatura reads: kept when no bigger than this.
_MAX_JSON_LD_CHARS: Final = 64 * 1024
_FEED_CHARS: Final = 1024 * 1024
_SPACES: Final = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ATTRIBUTE_NAME: Final = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]{0,63}")


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """What an HTML page gives: its main text and the metadata it states."""

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str) -> HtmlContent:
    """Main text of a page (no comments, one paragraph per line) and its metadata.

    Falls back to the plain converter when trafilatura finds no main text (short pages).
    Dates come only from the page's metadata, never from a search of its text.
    Raises ``InputError`` when the page has no text at all.
    """
    if len(html) > MAX_BOILERPLATE_HTML_CHARS:
        html = slim_html(html)
        if len(html) > MAX_BOILERPLATE_HTML_CHARS:
            return _big_page(html)
    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_DOCUMENT_BYTES))
    # Dates from the page's metadata only: the extensive search guesses from the text.
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            config=config,
        )
    except Exception as exc:
        # trafilatura documents no exceptions and catches most itself; anything that
        # still escapes on hostile markup is this input's failure, with the cause named.
        reason = " ".join(str(exc).split())[:200]
        raise InputError(
            f"the HTML could not be extracted ({type(exc).__name__}: {reason})",
            fix="check that the file is an HTML page",
        ) from exc
    if not isinstance(document, Document):
        document = None
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        text = html_to_text(html)
    if not text:
        raise InputError(
            "no article text found in the HTML",
            fix="check that the page has its text in the HTML (not loaded by JavaScript).",
        )
    if document is None:
        return HtmlContent(text=text)
    return HtmlContent(
        text=text,
        title=_clean_field(document.title),
        published=_metadata_date(document.date),
        outlet=_clean_field(document.sitename),
        url=_clean_field(document.url),
    )


def html_to_text(html: str, *, skip_boilerplate: bool = False) -> str:
    """Visible text of HTML: one line per block, spaces collapsed.

    Streams through lxml's parser (no tree, no recursion), so neither deeply nested
    hostile markup nor a page of tens of megabytes can exhaust the stack or memory.
    ``skip_boilerplate`` also leaves out navigation, headers, footers, asides and forms.
    """
    if not html.strip():
        return ""
    skipped = _SKIPPED_TAGS | _BOILERPLATE_TAGS if skip_boilerplate else _SKIPPED_TAGS
    collector = _TextCollector(skipped)
    _stream(html, collector)
    return collector.text()


def slim_html(html: str) -> str:
    """The page without scripts, styles, SVG, comments and inline data, in one pass.

    What trafilatura needs is kept: elements, their short attributes, the text, the
    ``<meta>`` tags and small JSON-LD blocks (publication dates).
    """
    slimmer = _Slimmer()
    _stream(html, slimmer)
    return slimmer.html()


def _stream(html: str, target: _TextCollector | _Slimmer) -> None:
    # lxml calls a target with str when it is fed str; its stubs also allow bytes.
    parser = etree.HTMLParser(
        target=cast("etree.ParserTarget", target),
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    for start in range(0, len(html), _FEED_CHARS):
        parser.feed(html[start : start + _FEED_CHARS])
    try:
        parser.close()
    except etree.XMLSyntaxError:
        return  # lxml found no element at all: there is nothing visible to keep


class _TextCollector:
    """lxml parser target collecting visible text, one line per block element."""

    def __init__(self, skipped: frozenset[str]) -> None:
        self._skipped = skipped
        self._lines: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def start(self, tag: str, _attrib: object) -> None:
        tag = tag.lower()
        if tag in _BLOCK_TAGS:
            self._end_line()
        if tag in self._skipped:
            self._skipping += 1

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if tag in self._skipped:
            self._skipping = max(0, self._skipping - 1)
        if tag in _BLOCK_TAGS:
            self._end_line()

    def data(self, text: str) -> None:
        if not self._skipping:
            self._current.append(text.replace("\n", " "))

    def comment(self, _text: str) -> None:
        return None

    def close(self) -> None:
        self._end_line()

    def text(self) -> str:
        return "\n".join(self._lines)

    def _end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self._current)).strip()
        if line:
            self._lines.append(line)
        self._current.clear()


class _Slimmer:
    """lxml parser target re-writing a page without its heavy parts."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._dropping = 0
        self._json_ld: list[str] | None = None
        self._json_ld_chars = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        tag = tag.lower()
        if tag == "script" and attrib.get("type", "").lower() == "application/ld+json":
            if not self._dropping:
                self._json_ld = []
                self._json_ld_chars = 0
            self._dropping += 1
            return
        if tag in _HEAVY_TAGS or self._dropping:
            self._dropping += 1
            return
        kept = "".join(
            f' {name}="{html_escape.escape(value)}"'
            for name, value in attrib.items()
            if len(value) <= _MAX_ATTRIBUTE_CHARS and _ATTRIBUTE_NAME.fullmatch(name)
        )
        self._parts.append(f"<{tag}{kept}>")

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if self._dropping:
            self._dropping -= 1
            if not self._dropping and self._json_ld is not None:
                block = "".join(self._json_ld)
                if self._json_ld_chars <= _MAX_JSON_LD_CHARS:
                    escaped = block.replace("</", "<\\/")
                    self._parts.append(f'<script type="application/ld+json">{escaped}</script>')
                self._json_ld = None
            return
        if tag not in _VOID_TAGS:
            self._parts.append(f"</{tag}>")

    def data(self, text: str) -> None:
        if self._json_ld is not None:
            self._json_ld_chars += len(text)
            if self._json_ld_chars <= _MAX_JSON_LD_CHARS:
                self._json_ld.append(text)
        elif not self._dropping:
            self._parts.append(html_escape.escape(text, quote=False))

    def comment(self, _text: str) -> None:
        return None

    def close(self) -> None:
        return None

    def html(self) -> str:
        return "".join(self._parts)


def _big_page(html: str) -> HtmlContent:
    """A page too big for boilerplate removal even when slimmed: its visible text."""
    text = html_to_text(html, skip_boilerplate=True)
    if not text:
        raise InputError(
            "no article text found in the HTML",
            fix="check that the page has its text in the HTML (not loaded by JavaScript).",
        )
    return HtmlContent(text=text)


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _metadata_date(value: str | None) -> date | None:
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None  # metadata with an impossible date states nothing usable
