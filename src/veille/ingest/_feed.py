"""RSS/Atom feeds: checked by defusedxml first (no entity expansion), parsed by feedparser."""

from __future__ import annotations

import io
import re
import xml.sax
from collections.abc import Iterator, Mapping
from datetime import date
from time import struct_time
from typing import Any, Final

import defusedxml
import defusedxml.sax
import feedparser

from veille.errors import InputError
from veille.ingest._decode import BINARY_FIX, bom_encoding, decode_document, looks_binary
from veille.ingest._html import html_to_text
from veille.ingest._limits import MAX_DOCUMENT_BYTES
from veille.ingest._records import Defaults, failure, make_article, normalise_language
from veille.model import Article, ArticleFailure, stable_id

_ENTITY_DECLARATION: Final = re.compile(r"<!\s*ENTITY", re.I)
# A character reference XML forbids (&#0;, &#xD800;, past U+10FFFF): feedparser's lenient
# parser turns it into a character that then fails the whole feed, not just its entry.
_CHAR_REFERENCE: Final = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));")
_XML_DECLARATION_TAG: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_WEB_URL: Final = re.compile(r"^https?://", re.I)
_PLAIN_TYPES: Final = frozenset({"text/plain", "text"})
FEED_FIX: Final = "give an RSS or Atom feed (well-formed XML, no entity declarations)."


def parse_feed(
    data: bytes,
    *,
    origin: str,
    pub_date: date | None = None,
    language: str | None = None,
    source: str | None = None,
) -> Iterator[Article | ArticleFailure]:
    """Yield one Article per feed entry, or failures; never raises for a bad feed.

    With ``source`` (the feed's URL, as ``watch`` polls it), ids are ``SOURCE#ID``:
    entry ids are only unique within their feed, so two feeds may both say ``g1``,
    and a hostile feed must not pre-empt another feed's articles by reusing their ids.

    The bytes are first parsed by defusedxml with entity declarations forbidden, so a
    billion-laughs or external-entity feed is refused before feedparser sees it.
    Entry origins are ``origin[entry N]`` (N from 1). Ids come from the entry's id,
    else its link, else a hash of the feed origin, title and position. ``pub_date``
    and ``language`` fill in for entries (and feeds) that state none.
    """
    defaults = Defaults(pub_date=pub_date, language=language)
    try:
        data = _checked_feed_bytes(data)
        parsed = _feedparser_parse(data)
    except InputError as exc:
        yield failure(origin, exc)
        return
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        cause = "no feed entries found"
        if parsed.get("bozo") and reason is not None:
            cause = f"not a readable RSS/Atom feed ({_one_line(str(reason))})"
        yield ArticleFailure(origin=origin, cause=cause, fix=FEED_FIX)
        return
    feed_info = parsed.get("feed") or {}
    outlet = _string(feed_info.get("title"))
    feed_language = _language_or_none(feed_info.get("language"))
    for number, entry in enumerate(entries, start=1):
        entry_origin = f"{origin}[entry {number}]"
        article_id = (
            _string(entry.get("id"))
            or _string(entry.get("link"))
            or stable_id(origin, _string(entry.get("title")) or "", str(number), prefix="entry.")
        )
        if source is not None:
            article_id = f"{source}#{article_id}"
        try:
            yield make_article(
                article_id=article_id,
                text=_entry_text(entry),
                origin=entry_origin,
                published=_entry_date(entry) or defaults.pub_date,
                language=feed_language or defaults.language,
                outlet=outlet,
                url=_web_url(entry.get("link")),
                title=_string(entry.get("title")),
            )
        except InputError as exc:
            yield failure(entry_origin, exc, article_id)


def _checked_feed_bytes(data: bytes) -> bytes:
    """The bytes feedparser may read; ``InputError`` for unsafe, binary or huge input.

    The feed is decoded here, whatever its encoding (BOM, declaration, detection: an
    EBCDIC feed is found to be cp037), and feedparser is handed that text as UTF-8
    without its declaration. The safety checks run on that same text, so no encoding
    can hide an entity declaration from them.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"feed is {len(data):,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,}",
            fix="split the feed.",
        )
    if not data.strip():
        raise InputError("empty file", fix="give a feed with at least one entry.")
    if bom_encoding(data) is None and looks_binary(data):
        raise InputError("looks binary (NUL or control bytes), not a feed", fix=BINARY_FIX)
    text = _XML_DECLARATION_TAG.sub("", decode_document(data), count=1)
    if _ENTITY_DECLARATION.search(text):
        # Whether or not the XML is well-formed: feedparser's lenient parser expands
        # internal entities, so one declaration and many references exhaust memory.
        raise InputError("feed refused: it declares XML entities", fix=FEED_FIX)
    utf8 = _CHAR_REFERENCE.sub(_valid_reference, text).encode("utf-8")
    try:
        defusedxml.sax.parseString(
            utf8,
            xml.sax.handler.ContentHandler(),
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        )
    except defusedxml.DefusedXmlException as exc:
        raise InputError(
            f"feed refused: it declares XML entities or external references ({exc})",
            fix=FEED_FIX,
        ) from exc
    except xml.sax.SAXException:
        pass  # not well-formed: feedparser's lenient parser may still read it
    return utf8


def _valid_reference(match: re.Match[str]) -> str:
    """The reference unchanged if XML allows its character, else ``&#xFFFD;``."""
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return match.group(0) if allowed and code not in (0xFFFE, 0xFFFF) else "&#xFFFD;"


def _feedparser_parse(data: bytes) -> Mapping[str, Any]:
    # A file object, never bytes: feedparser tries to open() bytes as a file name, so
    # a feed body such as b"/etc/passwd" would read that local file.
    try:
        parsed: Mapping[str, Any] = feedparser.parse(
            io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True
        )
    except Exception as exc:
        # feedparser documents no exceptions, yet hostile feeds crash it in many ways
        # (ValueError from a namespace with a space: tests/test_ingest_regressions.py).
        # Reported as this input's failure, with the exception named.
        raise InputError(
            f"feedparser could not read the feed ({type(exc).__name__}: {_one_line(str(exc))})",
            fix=FEED_FIX,
        ) from exc
    return parsed


def _entry_text(entry: Mapping[str, Any]) -> str:
    """Plain text of the entry's longest content, else its summary."""
    best: tuple[str, str] | None = None
    for content in entry.get("content") or []:
        value = _string(content.get("value"))
        if value and (best is None or len(value) > len(best[0])):
            best = (value, _string(content.get("type")) or "text/html")
    if best is None:
        summary = _string(entry.get("summary"))
        if summary is None:
            return ""
        detail = entry.get("summary_detail") or {}
        best = (summary, _string(detail.get("type")) or "text/html")
    value, content_type = best
    if content_type in _PLAIN_TYPES:
        return value.strip()
    return html_to_text(value)


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue  # an impossible date in the feed states nothing usable
    return None


def _language_or_none(value: object) -> str | None:
    try:
        return normalise_language(value)
    except InputError:
        return None  # a malformed feed-level language tag is no reason to drop entries


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _web_url(value: object) -> str | None:
    """An http(s) link, or None: feedparser copies an RSS guid such as "1" into link."""
    text = _string(value)
    return text if text is not None and _WEB_URL.match(text) else None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]
