"""JSON records and plain documents to ``Article``: field checks, defaults, limits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from pydantic import ValidationError

from veille.errors import InputError
from veille.ingest._decode import storable_text
from veille.ingest._html import extract_html
from veille.ingest._limits import MAX_ARTICLE_CHARS
from veille.model import Article, ArticleFailure

_LANGUAGE_TAG: Final = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
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
    """Article text ready to store; ``InputError`` when empty or over the size limit."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"article text is {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}",
            fix="split the document into several articles.",
        )
    if not text.strip():
        raise InputError("article text is empty", fix="give the article some text.")
    return storable_text(text)


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
    """Build the ``Article``; raise ``InputError`` when the text is empty or too big."""
    try:
        return Article(
            id=storable_text(article_id),
            text=checked_text(text),
            published=published,
            language=language,
            outlet=storable_text(outlet) if outlet else None,
            url=storable_text(url) if url else None,
            title=storable_text(title) if title else None,
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
        content = extract_html(html)
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
