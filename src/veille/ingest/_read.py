"""``read_inputs``: paths, directories, stdin and URLs to a stream of Articles and failures."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from email.message import Message
from pathlib import Path, PurePath, PurePosixPath
from types import MappingProxyType
from typing import BinaryIO, Final, Literal

from veille.errors import FetchError, InputError
from veille.ingest._decode import (
    bom_encoding,
    decode_document,
    normalise_newlines,
    usable_charset,
)
from veille.ingest._feed import parse_feed
from veille.ingest._fetch import FetchPolicy, fetch_url
from veille.ingest._html import extract_html
from veille.ingest._jsonl import read_json_document, read_jsonl, read_up_to
from veille.ingest._limits import MAX_DOCUMENT_BYTES
from veille.ingest._records import Defaults, failure, make_article, normalise_language
from veille.model import Article, ArticleFailure

Kind = Literal["text", "html", "json", "jsonl", "feed"]

#: File extensions read, and as what. Anything else is skipped inside a directory and
#: a failure when named explicitly.
EXTENSION_KINDS: Final[Mapping[str, Kind]] = MappingProxyType(
    {
        ".txt": "text",
        ".md": "text",
        ".html": "html",
        ".htm": "html",
        ".json": "json",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".xml": "feed",
        ".rss": "feed",
        ".atom": "feed",
    }
)
_CONTENT_TYPE_KINDS: Final[Mapping[str, Kind]] = MappingProxyType(
    {
        "text/html": "html",
        "application/xhtml+xml": "html",
        "application/rss+xml": "feed",
        "application/atom+xml": "feed",
        "application/rdf+xml": "feed",
        "application/xml": "feed",
        "text/xml": "feed",
        "application/json": "json",
        "application/x-ndjson": "jsonl",
        "application/jsonl": "jsonl",
        "application/x-jsonlines": "jsonl",
        "text/plain": "text",
        "text/markdown": "text",
    }
)
_FEED_ROOT: Final = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_SNIFF_BYTES: Final = 64 * 1024
STDIN_ORIGIN: Final = "<stdin>"
_KNOWN: Final = ", ".join(EXTENSION_KINDS)


def read_inputs(
    paths: Sequence[str],
    *,
    pub_date: date | None = None,
    language: str | None = None,
    stdin: BinaryIO | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> Iterator[Article | ArticleFailure]:
    """Yield every article the inputs hold, and one ``ArticleFailure`` per bad input.

    Each PATH is a file, a directory (read recursively in sorted order, hidden and
    unknown files skipped), ``-`` for ``stdin`` (default: the process's standard input)
    or an http(s) URL (fetched with ``fetch_url`` under ``fetch_policy``, by default
    public addresses only). Never raises for a bad input; raises ``InputError`` only
    for a bad ``language`` argument. ``pub_date`` and ``language`` fill in for articles
    that state none (a record's own value wins).
    """
    defaults = Defaults(pub_date=pub_date, language=normalise_language(language))
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, defaults)
        elif "://" in path:
            yield from _read_url(path, defaults, fetch_policy)
        else:
            yield from _read_path(path, defaults)


def read_article_bytes(
    data: bytes,
    *,
    origin: str,
    kind: Kind | None = None,
    content_type: str | None = None,
    article_id: str | None = None,
    pub_date: date | None = None,
    language: str | None = None,
    url: str | None = None,
) -> Iterator[Article | ArticleFailure]:
    """Read a document already in memory (an upload, a fetched body, stdin).

    ``kind`` says what it is; without it the ``content_type`` decides, else sniffing
    (``{`` first: JSONL, ``[``: JSON, a feed root element: feed, other markup: HTML,
    else text); a feed root element wins over a content type that says otherwise.
    ``article_id`` names a text or HTML document (default: ``origin``'s stem);
    records and feed entries carry their own ids.
    """
    defaults = Defaults(pub_date=pub_date, language=normalise_language(language))
    media_type, charset = _parse_content_type(content_type)
    if kind is None:
        sniffed = sniff_kind(data)
        declared = _CONTENT_TYPE_KINDS.get(media_type or "")
        # Many servers label feeds text/html or text/plain; the root element is surer.
        kind = sniffed if declared is None or sniffed == "feed" else declared
    article_id = article_id or PurePosixPath(origin).stem or origin
    if len(data) > MAX_DOCUMENT_BYTES:
        yield ArticleFailure(
            origin=origin,
            article_id=article_id,
            cause=f"input is {len(data):,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,}",
            fix="split it into smaller files, or give articles as JSONL (streamed).",
        )
        return
    if kind == "feed":
        yield from parse_feed(
            data, origin=origin, pub_date=defaults.pub_date, language=defaults.language
        )
    elif kind == "json":
        yield from read_json_document(data, source=origin, defaults=defaults)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), source=origin, defaults=defaults)
    else:
        try:
            yield _read_document(
                data, kind=kind, origin=origin, article_id=article_id,
                defaults=defaults, charset=charset, url=url,
            )  # fmt: skip
        except InputError as exc:
            yield failure(origin, exc, article_id)


def sniff_kind(data: bytes) -> Kind:
    """Guess what a document is from its first bytes."""
    head = data[:_SNIFF_BYTES]
    bom = bom_encoding(head)
    if bom is not None:
        text = head[bom[1] :].decode(bom[0], errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff \t\r\n\f\v")
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("["):
        return "json"
    if text.startswith("<"):
        lower = text[:2048].lower()
        if _FEED_ROOT.search(lower) and "<html" not in lower:
            return "feed"
        return "html"
    return "text"


def _read_document(
    data: bytes,
    *,
    kind: Kind,
    origin: str,
    article_id: str,
    defaults: Defaults,
    charset: str | None,
    url: str | None,
) -> Article:
    """A text or HTML document as one Article; ``InputError`` when it is unusable."""
    if not data.strip():
        raise InputError("empty file", fix="give the file some text.")
    text = normalise_newlines(decode_document(data, declared=charset))
    if not text.strip():
        raise InputError("empty file", fix="give the file some text.")
    if kind != "html":
        return make_article(
            article_id=article_id, text=text, origin=origin,
            published=defaults.pub_date, language=defaults.language, url=url,
        )  # fmt: skip
    content = extract_html(text)
    return make_article(
        article_id=article_id,
        text=content.text,
        origin=origin,
        published=defaults.pub_date or content.published,
        language=defaults.language,
        outlet=content.outlet,
        url=url or content.url,
        title=content.title,
    )


def _read_path(path: str, defaults: Defaults) -> Iterator[Article | ArticleFailure]:
    target = Path(path)
    try:
        is_dir = target.is_dir()
        exists = is_dir or target.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        yield ArticleFailure(
            origin=path, cause=f"cannot read ({exc.strerror})", fix="check the path."
        )
        return
    if not exists:
        yield ArticleFailure(origin=path, cause="no such file or directory", fix="check the path.")
        return
    if is_dir:
        yield from _read_directory(target, path, defaults)
        return
    if not target.is_file():  # a FIFO or a device would block on open() or never end
        yield ArticleFailure(
            origin=path,
            cause="not a regular file (a FIFO, socket or device)",
            fix="give regular files, or read a stream with '-' on stdin.",
        )
        return
    kind = EXTENSION_KINDS.get(target.suffix.lower())
    if kind is None:
        yield ArticleFailure(
            origin=path,
            cause=f"unsupported file type {target.suffix or '(no extension)'!r}",
            fix=f"give a file ending in one of {_KNOWN}, or a directory of them.",
        )
        return
    yield from _read_file(target, path, kind=kind, article_id=target.stem, defaults=defaults)


def _read_directory(
    root: Path, origin: str, defaults: Defaults
) -> Iterator[Article | ArticleFailure]:
    """Every known file under ``root``, sorted; ids are relative paths without suffix."""
    errors: list[OSError] = []
    found = 0
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        while errors:
            error = errors.pop(0)
            yield ArticleFailure(
                origin=str(error.filename or dirpath),
                cause=f"cannot read the directory ({error.strerror})",
                fix="check its permissions.",
            )
        for name in sorted(filenames):
            kind = walked_kind(name)
            if kind is None:
                continue
            file = Path(dirpath) / name
            found += 1
            if not file.is_file():  # a FIFO would block the walk forever on open()
                yield ArticleFailure(
                    origin=str(file),
                    cause="not a regular file (a FIFO, socket, device or broken link)",
                    fix="give regular files, or read a stream with '-' on stdin.",
                )
                continue
            relative = file.relative_to(root).with_suffix("")
            yield from _read_file(
                file, str(file), kind=kind, article_id=relative.as_posix(), defaults=defaults
            )
    for error in errors:
        yield ArticleFailure(
            origin=str(error.filename or origin),
            cause=f"cannot read the directory ({error.strerror})",
            fix="check its permissions.",
        )
    if found == 0:
        yield ArticleFailure(
            origin=origin,
            cause="no readable files in the directory",
            fix=f"put files ending in one of {_KNOWN} in it (hidden files are skipped).",
        )


def walked_kind(name: str) -> Kind | None:
    """The kind a directory walk reads a file of this name as, or None if it skips it
    (hidden files, unknown extensions)."""
    if name.startswith("."):
        return None
    return EXTENSION_KINDS.get(PurePath(name).suffix.lower())


def _read_file(
    file: Path, origin: str, *, kind: Kind, article_id: str, defaults: Defaults
) -> Iterator[Article | ArticleFailure]:
    try:
        with file.open("rb") as stream:
            if kind == "jsonl":
                yield from read_jsonl(stream, source=origin, defaults=defaults)
                return
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        yield ArticleFailure(
            origin=origin,
            article_id=article_id,
            cause=f"cannot read the file ({exc.strerror or exc})",
            fix="check that it exists and is readable.",
        )
        return
    yield from read_article_bytes(
        data,
        origin=origin,
        kind=kind,
        article_id=article_id,
        pub_date=defaults.pub_date,
        language=defaults.language,
    )


def _read_stdin(stream: BinaryIO, defaults: Defaults) -> Iterator[Article | ArticleFailure]:
    head = read_up_to(stream, _SNIFF_BYTES)
    kind = sniff_kind(head)
    if kind == "jsonl":
        yield from read_jsonl(stream, source=STDIN_ORIGIN, defaults=defaults, prefix=head)
        return
    data = head + read_up_to(stream, MAX_DOCUMENT_BYTES + 1 - len(head))
    yield from read_article_bytes(
        data,
        origin=STDIN_ORIGIN,
        kind=kind,
        article_id="stdin",
        pub_date=defaults.pub_date,
        language=defaults.language,
    )


def _read_url(
    url: str, defaults: Defaults, policy: FetchPolicy | None
) -> Iterator[Article | ArticleFailure]:
    try:
        document = fetch_url(url, policy)
    except FetchError as exc:
        yield ArticleFailure(origin=url, article_id=url, cause=exc.cause, fix=exc.fix or "")
        return
    yield from read_article_bytes(
        document.body,
        origin=url,
        content_type=document.content_type,
        article_id=url,
        pub_date=defaults.pub_date,
        language=defaults.language,
        url=document.final_url,
    )


def _parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    message = Message()
    message["content-type"] = value
    charset = message.get_param("charset")
    return message.get_content_type(), usable_charset(charset if isinstance(charset, str) else None)
