"""HTML to article text: trafilatura for whole pages, a plain converter for fragments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

import trafilatura
from lxml import etree
from trafilatura.settings import Document, use_config

from veille.errors import InputError
from veille.ingest._limits import MAX_DOCUMENT_BYTES

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
_SPACES: Final = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


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


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment: one line per block, spaces collapsed.

    Iterative (no recursion), so deeply nested hostile markup cannot overflow the stack.
    """
    if not html.strip():
        return ""
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    parser.feed(html)
    try:
        root = parser.close()
    except etree.XMLSyntaxError:
        return ""  # lxml found no element at all: there is no visible text
    if root is None:
        return ""
    lines: list[str] = []
    current: list[str] = []
    skipping = 0

    def end_line() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    for action, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if action == "start":
            if tag in _BLOCK_TAGS:
                end_line()
            if tag in _SKIPPED_TAGS:
                skipping += 1
            elif not skipping and element.text:
                current.append(element.text.replace("\n", " "))
            continue
        if tag in _SKIPPED_TAGS:
            skipping -= 1
        if tag in _BLOCK_TAGS:
            end_line()
        if not skipping and element.tail:
            current.append(element.tail.replace("\n", " "))
    end_line()
    return "\n".join(lines)


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
