"""Inputs that once crashed or misled a reader (fuzzing findings and reviews), kept forever."""

from __future__ import annotations

import base64
from pathlib import Path

from veille.ingest import parse_feed, read_article_bytes, read_inputs
from veille.model import Article, ArticleFailure

# tests/fuzz finding 1: a namespace URI that holds a space after decoding made
# feedparser's strict parser raise ValueError (too many values to unpack).
FEED_NAMESPACE_CRASH = base64.b64decode(
    "PGZlZWQgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDUvQXRv////rq6urv//////////////////////"
    "bSI+PGVuZXRyeT48aWQ+PC94ZWkgbmZyYf///3MwNSJoZWQiOiAiMmH///1zaGVkY288dGVudD48L2VudHIw"
    "eT48L2ZlZWQ+"
)


def test_feed_that_crashed_feedparser_is_a_failure() -> None:
    items = list(parse_feed(FEED_NAMESPACE_CRASH, origin="crash.xml"))
    assert items and all(isinstance(i, (Article, ArticleFailure)) for i in items)
    assert any(isinstance(i, ArticleFailure) and "crash.xml" in i.message() for i in items)


def test_feed_body_naming_a_local_file_does_not_read_it(tmp_path: Path) -> None:
    # feedparser.parse(bytes) tries open(bytes) first: a body that is a path would
    # have been read from disk. We hand feedparser a file object instead.
    local = tmp_path / "local-feed.xml"
    local.write_text(
        '<rss version="2.0"><channel><item><guid>leak</guid>'
        "<description>Local file content</description></item></channel></rss>"
    )
    items = list(parse_feed(str(local).encode(), origin="remote.xml"))
    assert not any(isinstance(i, Article) for i in items)
    assert all(
        "Local file content" not in i.message() for i in items if isinstance(i, ArticleFailure)
    )


def test_json_integer_past_the_digit_limit_is_a_failure() -> None:
    line = b'{"id": ' + b"1" * 5000 + b', "text": "x"}\n{"id": "ok", "text": "fine"}\n'
    bad, good = read_article_bytes(line, origin="big-int.jsonl", kind="jsonl")
    assert isinstance(bad, ArticleFailure) and bad.cause.startswith("invalid JSON (Exceeds")
    assert isinstance(good, Article)


def test_jsonl_with_a_nul_in_one_line_is_not_binary_as_a_whole() -> None:
    data = b'{"id": "a", "text": "x\x00y"}\n{"id": "b", "text": "fine"}\n'
    bad, good = read_article_bytes(data, origin="nul.jsonl", kind="jsonl")
    assert isinstance(bad, ArticleFailure) and "Invalid control character" in bad.cause
    assert isinstance(good, Article) and good.id == "b"


def test_device_file_with_known_extension_is_capped(tmp_path: Path) -> None:
    # Reading is capped at the document limit + 1 byte, never "read everything".
    fifo_like = tmp_path / "zeros.txt"
    fifo_like.write_bytes(b"\x00" * 1000)
    (failure,) = read_inputs([str(fifo_like)])
    assert isinstance(failure, ArticleFailure) and "looks binary" in failure.cause
