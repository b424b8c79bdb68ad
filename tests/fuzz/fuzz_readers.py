"""Coverage-guided fuzzing of veille's input readers with atheris (libFuzzer).

Every reader must turn any bytes into Articles and ArticleFailures: an exception
escaping a reader is a finding. See README.md next to this file for how to run it;
keep each finding as a regression test in tests/test_ingest_regressions.py.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports():
    from veille.ingest import Kind, parse_feed, read_article_bytes
    from veille.ingest._decode import storable_text
    from veille.model import Article, ArticleFailure

KINDS: tuple[Kind | None, ...] = ("text", "html", "json", "jsonl", "feed", None)


def check(items: list[Article | ArticleFailure]) -> None:
    for item in items:
        if isinstance(item, Article):
            assert item.text == storable_text(item.text), "unstorable text"
            item.text.encode("utf-8")
        elif isinstance(item, ArticleFailure):
            assert "\n" not in item.message(), "multi-line failure message"
        else:
            raise AssertionError(f"reader yielded {type(item).__name__}")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    # The first byte picks the reader, so one corpus covers them all.
    kind = KINDS[data[0] % len(KINDS)]
    body = data[1:]
    check(list(read_article_bytes(body, origin="fuzz", kind=kind)))
    if kind == "feed":
        check(list(parse_feed(body, origin="fuzz")))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
