"""JSONL (streamed line by line, bounded memory) and whole JSON documents."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO, Final

from veille.errors import InputError
from veille.ingest._decode import (
    BINARY_FIX,
    REENCODE_FIX,
    bom_encoding,
    decode_document,
    detect_legacy_encoding,
    is_ascii_compatible,
    looks_binary,
    storable_text,
)
from veille.ingest._limits import CHUNK_BYTES, ENCODING_SAMPLE_BYTES, MAX_LINE_BYTES
from veille.ingest._records import Defaults, article_from_record, failure
from veille.model import Article, ArticleFailure

LINE_FIX: Final = "make each line one JSON object."


def read_jsonl(
    stream: BinaryIO, *, source: str, defaults: Defaults, prefix: bytes = b""
) -> Iterator[Article | ArticleFailure]:
    """Yield one Article or ArticleFailure per non-blank line of a JSONL stream.

    Memory stays bounded by ``MAX_LINE_BYTES`` plus one read chunk, whatever the size
    of the stream. ``prefix`` holds bytes already read from ``stream`` (by a sniffer).
    Origins are ``source:LINE``. A broken line is a failure; the next lines still count.
    """
    sample = prefix + read_up_to(stream, ENCODING_SAMPLE_BYTES - len(prefix))
    at_eof = len(sample) < ENCODING_SAMPLE_BYTES
    if not sample.strip():
        yield ArticleFailure(origin=source, cause="empty file", fix="give at least one record.")
        return
    bom = bom_encoding(sample)
    chunks: Iterator[bytes]
    if bom is not None and bom[0] != "utf-8":
        chunks = _transcoded(sample[bom[1] :], stream, bom[0])
        encoding = "utf-8"
    else:
        if bom is not None:
            sample = sample[bom[1] :]
        # A JSONL file with a NUL in one line is still JSONL (that line fails alone);
        # one that does not even start like JSON is binary, refused as a whole.
        if looks_binary(sample) and not sample.lstrip().startswith(b"{"):
            yield ArticleFailure(
                origin=source, cause="looks binary (NUL or control bytes), not JSONL",
                fix=BINARY_FIX,
            )  # fmt: skip
            return
        encoding = _choose_encoding(sample, at_eof=at_eof)
        chunks = _chunks(sample, stream)
    records = 0
    try:
        for lineno, line in split_lines(chunks, max_line=MAX_LINE_BYTES):
            origin = f"{source}:{lineno}"
            if line is None:
                yield ArticleFailure(
                    origin=origin,
                    cause=f"line is longer than the limit of {MAX_LINE_BYTES:,} bytes",
                    fix="split the record, or give long documents as separate files.",
                )
                continue
            if not line.strip():
                continue
            records += 1
            try:
                text = line.decode(encoding)
            except UnicodeDecodeError as exc:
                yield ArticleFailure(
                    origin=origin,
                    cause=f"line is not valid {encoding.upper()} (byte {exc.start + 1})",
                    fix=REENCODE_FIX,
                )
                continue
            yield record_from_json(text, origin=origin, defaults=defaults)
    except InputError as exc:  # the stream itself became unreadable: report where it stopped
        yield failure(source, exc)
        return
    if records == 0:
        yield ArticleFailure(origin=source, cause="empty file", fix="give at least one record.")


def record_from_json(text: str, *, origin: str, defaults: Defaults) -> Article | ArticleFailure:
    """Parse one JSON object into an Article, or the failure that says why not."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return ArticleFailure(
            origin=origin,
            cause=f"invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})",
            fix=LINE_FIX,
        )
    except RecursionError:
        return ArticleFailure(origin=origin, cause="JSON is nested too deeply", fix=LINE_FIX)
    except ValueError as exc:  # e.g. an integer past Python's digit limit
        return ArticleFailure(origin=origin, cause=f"invalid JSON ({exc})", fix=LINE_FIX)
    article_id = _record_id(record)
    try:
        return article_from_record(record, origin=origin, defaults=defaults)
    except InputError as exc:
        return failure(origin, exc, article_id)


def read_json_document(
    data: bytes, *, source: str, defaults: Defaults
) -> Iterator[Article | ArticleFailure]:
    """A ``.json`` file: one article object, or an array of them (origins ``source[i]``)."""
    try:
        text = decode_document(data)
    except InputError as exc:
        yield failure(source, exc)
        return
    if not text.strip():
        yield ArticleFailure(origin=source, cause="empty file", fix="give at least one record.")
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ArticleFailure(
            origin=source,
            cause=f"invalid JSON ({exc.msg.removesuffix(' at')} at line {exc.lineno}, "
            f"column {exc.colno})",
            fix="make the file one JSON object or an array of objects (or use JSONL).",
        )
        return
    except RecursionError:
        yield ArticleFailure(origin=source, cause="JSON is nested too deeply", fix=LINE_FIX)
        return
    except ValueError as exc:
        yield ArticleFailure(origin=source, cause=f"invalid JSON ({exc})", fix=LINE_FIX)
        return
    if not isinstance(document, list):
        yield record_from_object(document, origin=source, defaults=defaults)
        return
    if not document:
        yield ArticleFailure(origin=source, cause="the JSON array is empty", fix="add records.")
    for index, record in enumerate(document):
        yield record_from_object(record, origin=f"{source}[{index}]", defaults=defaults)


def record_from_object(
    record: object, *, origin: str, defaults: Defaults
) -> Article | ArticleFailure:
    """An already parsed JSON value -> Article or the failure that says why not."""
    try:
        return article_from_record(record, origin=origin, defaults=defaults)
    except InputError as exc:
        return failure(origin, exc, _record_id(record))


def split_lines(chunks: Iterator[bytes], *, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line bytes)`` from a stream of chunks; None for an over-long line.

    Holds at most ``max_line`` bytes plus one chunk: the rest of a too-long line is
    skipped as it streams past, never accumulated.
    """
    pending = bytearray()
    lineno = 0
    too_long = False
    for chunk in chunks:
        pending += chunk
        start = 0
        while (newline := pending.find(b"\n", start)) >= 0:
            lineno += 1
            if too_long or newline - start > max_line:
                too_long = False
                yield lineno, None
            else:
                yield lineno, bytes(pending[start:newline])
            start = newline + 1
        del pending[:start]
        if too_long or len(pending) > max_line:
            too_long = True
            pending.clear()
    if too_long:
        yield lineno + 1, None
    elif pending:
        yield lineno + 1, bytes(pending)


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes unless the stream ends first (pipes return short reads)."""
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(min(remaining, CHUNK_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def _chunks(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield first
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


def _transcoded(first: bytes, stream: BinaryIO, encoding: str) -> Iterator[bytes]:
    """UTF-16/32 chunks re-encoded as UTF-8, so lines can be split on the LF byte."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    consumed = 0
    for chunk in _chunks(first, stream):
        try:
            yield decoder.decode(chunk).encode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not valid {encoding.upper()} near byte {consumed + exc.start + 1}; "
                "stopped reading there",
                fix=REENCODE_FIX,
            ) from exc
        consumed += len(chunk)
    try:
        yield decoder.decode(b"", final=True).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"ends inside a {encoding.upper()} character", fix=REENCODE_FIX) from exc


def jsonl_encoding(stream: BinaryIO) -> str:
    """The encoding ``read_jsonl`` reads this stream in (from its first bytes): a BOM's,
    else UTF-8 unless the sample shows a legacy encoding (see ``_choose_encoding``)."""
    sample = read_up_to(stream, ENCODING_SAMPLE_BYTES)
    bom = bom_encoding(sample)
    if bom is not None:
        return bom[0]
    return _choose_encoding(sample, at_eof=len(sample) < ENCODING_SAMPLE_BYTES)


def _choose_encoding(sample: bytes, *, at_eof: bool) -> str:
    """UTF-8 unless no non-ASCII line of the sample is UTF-8 and a legacy one fits.

    Decided on whole lines so that one bad line in a UTF-8 file stays one failure
    instead of turning the whole file into mojibake.
    """
    lines = sample.split(b"\n")
    if not at_eof and len(lines) > 1:
        lines.pop()  # cut by the sample's end, maybe inside a character
    valid = invalid = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            invalid += 1
        else:
            valid += 1
    if valid or not invalid:
        return "utf-8"
    detected = detect_legacy_encoding(sample)
    if detected is not None and is_ascii_compatible(detected):
        return detected
    return "utf-8"


def _record_id(record: object) -> str | None:
    if isinstance(record, dict):
        value = record.get("id")
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return storable_text(str(value)[:200])  # a failure names it, even with a NUL
    return None
