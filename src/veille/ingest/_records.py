"""JSON records and plain documents to ``Article``: field checks, defaults, limits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from pydantic import ValidationError

from veille.errors import InputError
from veille.ingest._html import extract_html
from veille.ingest._limits import MAX_ARTICLE_CHARS
from veille.model import EARLIEST_DATE, LATEST_DATE, Article, ArticleFailure

_LANGUAGE_TAG: Final = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
# NUL, which databases refuse in text, and surrogates: a str holds one only when it is
# unpaired (JSON "\ud800"), which cannot be written as UTF-8.
_UNSTORABLE: Final = re.compile("[\x00\ud800-\udfff]")
_OPTIONAL_STRINGS: Final = ("outlet", "url", "title")
RECORD_FIX: Final = (
    'give each record a string "id" and a string "text" or "html"; "published" as YYYY-MM-DD.'
)


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values the caller supplies for articles that do not state their own."""

    pub_date: date | None = None
    language: str | None = None


def failure(origin: str, error: InputError, article_id: str | None = None) -> ArticleFailure:
    """The ``ArticleFailure`` for an ``InputError`` raised while reading ``origin``."""
    return ArticleFailure(
        origin=origin, article_id=article_id, cause=error.cause, fix=error.fix or ""
    )


def parse_published(value: object) -> date | None:
    """``YYYY-MM-DD`` or an ISO 8601 datetime (its date is kept); None for null/empty."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'"published" must be a string, not {type(value).__name__}')
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputError(
            f'"published" is not a date: {text[:40]!r}',
            fix='write "published" as YYYY-MM-DD or an ISO 8601 datetime.',
        ) from exc


def normalise_language(value: object) -> str | None:
    """``fr``, ``fr-FR``, ``FR`` -> ``fr``; None for null/empty/``auto``."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'"language" must be a string, not {type(value).__name__}')
    if value.strip().lower() == "auto":
        return None
    match = _LANGUAGE_TAG.match(value.strip())
    if match is None:
        raise InputError(
            f'"language" is not a language code: {value[:40]!r}',
            fix='write "language" as an ISO 639-1 code such as "fr", "ar" or "en".',
        )
    return match.group(1).lower()


def checked_text(text: str) -> str:
    """Article text ready to store; ``InputError`` when empty, over the size limit, or
    holding a NUL or a lone surrogate."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"article text is {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}",
            fix="split the document into several articles.",
        )
    if not text.strip():
        raise InputError("article text is empty", fix="give the article some text.")
    return checked_field("text", text)


def checked_field(name: str, value: str) -> str:
    """``value`` unchanged; ``InputError`` naming the field when it holds a NUL or a
    lone UTF-16 surrogate (neither can be stored, and either hides a broken encoder)."""
    bad = _UNSTORABLE.search(value)
    if bad is None:
        return value
    what = "a NUL character" if bad.group() == "\x00" else "a lone UTF-16 surrogate"
    raise InputError(
        f'"{name}" holds {what} (U+{ord(bad.group()):04X}) at character {bad.start() + 1:,}',
        fix=f'remove it from "{name}", or fix the program that wrote the record '
        "(it lost or cut a character)",
    )


def checked_published(published: date | None) -> date | None:
    """``published`` unchanged when plausible (1900-2100); ``InputError`` otherwise: a
    year-1 or year-9999 publication date is a placeholder, not a date to resolve
    "yesterday" against."""
    if published is not None and not EARLIEST_DATE <= published <= LATEST_DATE:
        raise InputError(
            f'"published" {published.isoformat()} is outside the plausible range '
            f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}",
            fix='give the real publication date, or leave "published" out.',
        )
    return published


def make_article(
    *,
    article_id: str,
    text: str,
    origin: str,
    published: date | None = None,
    language: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """Build the ``Article``: the one check every door (file, feed, URL, API) goes
    through. ``InputError`` when the text is empty or too big, a field holds a NUL or a
    lone surrogate, or the publication date is implausible."""
    try:
        return Article(
            id=checked_field("id", article_id),
            text=checked_text(text),
            published=checked_published(published),
            language=language,
            outlet=checked_field("outlet", outlet) if outlet else None,
            url=checked_field("url", url) if url else None,
            title=checked_field("title", title) if title else None,
            origin=origin,
        )
    except ValidationError as exc:  # a field our checks let through: report it, do not crash
        raise InputError(f"invalid article ({exc.errors()[0]['msg']})", fix=RECORD_FIX) from exc


def article_from_record(record: object, *, origin: str, defaults: Defaults) -> Article:
    """One JSON object -> ``Article``. Unknown keys are ignored; ``InputError`` if unusable."""
    if not isinstance(record, dict):
        raise InputError(
            f"record is a JSON {_json_kind(record)}, not an object",
            fix="make each line one JSON object.",
        )
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or str(raw_id) == "":
        raise InputError('record has no "id" (string)', fix='give every record a unique "id".')
    article_id = str(raw_id)
    for key in (*_OPTIONAL_STRINGS, "text", "html"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string, not {_json_kind(value)}', fix=RECORD_FIX)
    published = parse_published(record.get("published"))
    language = normalise_language(record.get("language")) or defaults.language
    text = record.get("text")
    html = record.get("html")
    title: str | None = record.get("title") or None
    if not text and html:
        content = extract_html(checked_field("html", html))
        text = content.text
        title = title or content.title
        if published is None:
            published = defaults.pub_date or content.published
    if not text:
        raise InputError(
            'record has neither "text" nor "html"',
            fix='give the article body as "text" (or "html").',
        )
    return make_article(
        article_id=article_id,
        text=text,
        origin=origin,
        published=published or defaults.pub_date,
        language=language,
        outlet=record.get("outlet") or None,
        url=record.get("url") or None,
        title=title,
    )


def _json_kind(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
