"""Readers under hostile input: any bytes give Articles/ArticleFailures, never an exception;
broken JSONL lines never cost a good one; memory stays bounded on big JSONL; limits hold."""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from veille.ingest import (
    EXTENSION_KINDS,
    MAX_ARTICLE_CHARS,
    MAX_BOILERPLATE_HTML_CHARS,
    MAX_DOCUMENT_BYTES,
    Kind,
    parse_feed,
    read_article_bytes,
    read_inputs,
)
from veille.model import Article, ArticleFailure

KINDS: tuple[Kind, ...] = ("text", "html", "json", "jsonl", "feed")
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

SEEDS = [
    b'{"id": "a", "text": "Une frappe.", "published": "2024-02-05"}\n{"id": 2, "html": "<p>x</p>"}',
    b'[{"id": "a", "text": "t"}, {"id": "b", "html": "<b>h</b>"}]',
    b"<html><head><meta charset='windows-1256'><title>t</title></head><body><p>\xc7\xe1</p>",
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><guid>1</guid>'
    b"<description>&lt;p&gt;D&lt;/p&gt;</description></item></channel></rss>",
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><content type="html">c'
    b"</content></entry></feed>",
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>',
    "\ufeffTexte en français, déjà là.\r\n".encode(),
    "نص عربي".encode("utf-16"),
]


def mutated(seed: bytes, data: st.DataObject) -> bytes:
    """The seed with a few random byte-level edits: cut, insert, overwrite."""
    buffer = bytearray(seed)
    for _ in range(data.draw(st.integers(0, 4))):
        position = data.draw(st.integers(0, len(buffer)))
        edit = data.draw(st.sampled_from(["cut", "insert", "overwrite"]))
        noise = data.draw(st.binary(min_size=1, max_size=8))
        if edit == "cut":
            del buffer[position : position + len(noise)]
        elif edit == "insert":
            buffer[position:position] = noise
        else:
            buffer[position : position + len(noise)] = noise
    return bytes(buffer)


def check_outputs(items: list[Article | ArticleFailure]) -> None:
    for item in items:
        assert isinstance(item, (Article, ArticleFailure))
        if isinstance(item, ArticleFailure):
            message = item.message()
            assert "\n" not in message and item.origin in message
        else:
            assert item.text.strip() and len(item.text) <= MAX_ARTICLE_CHARS
            item.text.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in item.text


@pytest.mark.parametrize("kind", [*KINDS, None])
@FAST
@given(data=st.binary(max_size=2048))
def test_any_bytes_never_raise(kind: Kind | None, data: bytes) -> None:
    check_outputs(list(read_article_bytes(data, origin="fuzz.bin", kind=kind)))


@pytest.mark.parametrize("kind", [*KINDS, None])
@FAST
@given(data=st.data())
def test_mutated_documents_never_raise(kind: Kind | None, data: st.DataObject) -> None:
    document = mutated(data.draw(st.sampled_from(SEEDS)), data)
    check_outputs(list(read_article_bytes(document, origin="fuzz.bin", kind=kind)))


@FAST
@given(data=st.data())
def test_feed_reader_never_raises(data: st.DataObject) -> None:
    document = mutated(data.draw(st.sampled_from(SEEDS)), data)
    check_outputs(list(parse_feed(document, origin="fuzz.xml")))


@FAST
@given(data=st.binary(max_size=1024))
def test_stdin_never_raises(data: bytes) -> None:
    check_outputs(list(read_inputs(["-"], stdin=io.BytesIO(data))))


@pytest.mark.parametrize("extension", sorted(EXTENSION_KINDS))
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=1024))
def test_files_of_any_bytes_never_raise(tmp_path: Path, extension: str, data: bytes) -> None:
    path = tmp_path / f"input{extension}"
    path.write_bytes(data)
    items = list(read_inputs([str(path)]))
    check_outputs(items)
    assert items, "every file gives at least one Article or ArticleFailure"


good_record = st.builds(
    lambda n, text: {"id": f"good-{n}", "text": text},
    st.integers(0, 10**6),
    # A NUL in a field is refused (the record's failure): good records hold none.
    st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=40).filter(str.strip),
)
garbage_line = st.one_of(st.binary(max_size=60), st.text(max_size=60).map(str.encode)).map(
    lambda b: b.replace(b"\n", b" ")
)


def _is_record(line: bytes) -> bool:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(lines=st.lists(st.one_of(good_record, garbage_line), min_size=1, max_size=25))
def test_jsonl_with_broken_lines_keeps_every_good_one(lines: list[dict[str, str] | bytes]) -> None:
    encoded = [
        json.dumps(line, ensure_ascii=False).encode() if isinstance(line, dict) else line
        for line in lines
    ]
    assume(not any(isinstance(line, bytes) and _is_record(line) for line in lines))
    items = list(read_inputs(["-"], stdin=io.BytesIO(b"{}\n" + b"\n".join(encoded))))
    check_outputs(items)
    expected = [(line["id"], f"<stdin>:{number}") for number, line in enumerate(lines, start=2)
                if isinstance(line, dict)]  # fmt: skip
    assert [(a.id, a.origin) for a in items if isinstance(a, Article)] == expected
    garbage = sum(1 for line in lines if isinstance(line, bytes) and line.strip())
    assert sum(isinstance(a, ArticleFailure) for a in items) == garbage + 1  # + the "{}"


class GeneratedJsonl(io.RawIOBase):
    """A JSONL stream of ``total`` bytes made on the fly, never held in memory."""

    def __init__(self, total: int, text_size: int = 2000) -> None:
        self.remaining = total
        self.count = 0
        self.text = "Une frappe de drone a visé une base près de la frontière. " * (text_size // 60)
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self.pending) < len(buffer) and self.remaining > 0:
            self.count += 1
            line = json.dumps({"id": f"r{self.count}", "text": self.text}).encode() + b"\n"
            line = line[: self.remaining]
            self.remaining -= len(line)
            self.pending += line
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def consume(stream: io.RawIOBase) -> Iterator[int]:
    for item in read_inputs(["-"], stdin=io.BufferedReader(stream)):
        yield 1 if isinstance(item, Article) else 0


def test_20mb_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as sink:
        source = GeneratedJsonl(20 * 1024 * 1024)
        while chunk := source.read(1 << 20):
            sink.write(chunk)
    gc.collect()
    tracemalloc.start()
    try:
        read = sum(1 for item in read_inputs([str(path)]) if isinstance(item, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == source.count - 1 or read == source.count  # the last line may be cut
    assert peak < 6 * 1024 * 1024, f"peak {peak:,} bytes for a 20 MiB file"


@pytest.mark.slow
def test_200mb_jsonl_stream_in_bounded_memory() -> None:
    source = GeneratedJsonl(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        read = sum(consume(source))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read >= source.count - 1
    assert peak < 8 * 1024 * 1024, f"peak {peak:,} bytes for a 200 MiB stream"


# --- big HTML pages: read in a child process whose peak RSS is measured -------------

_READ_AND_MEASURE = """
import json, resource, sys
from veille.ingest import read_inputs
out = []
for item in read_inputs([sys.argv[1]]):
    out.append(item.model_dump(mode="json"))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"items": out, "peak": peak}))
"""


def read_in_child(path: Path) -> tuple[list[Article | ArticleFailure], int]:
    done = subprocess.run(
        [sys.executable, "-c", _READ_AND_MEASURE, str(path)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    report = json.loads(done.stdout)
    items = [
        ArticleFailure.model_validate(item) if "cause" in item else Article.model_validate(item)
        for item in report["items"]
    ]
    return items, report["peak"]


def heavy_page(size: int) -> str:
    """A page of ``size`` characters that is mostly inline data, as real pages can be."""
    story = "".join(
        f"<p>Paragraphe {i} : une frappe a visé un dépôt près de la ville, selon la police.</p>"
        for i in range(30)
    )
    head = (
        "<html><head><title>Une page lourde</title>"
        "<meta property='article:published_time' content='2024-02-05T08:00:00Z'>"
        "<script>var tracker = 1;</script></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
    )
    tail = f"<article><h1>Titre du jour</h1>{story}</article><footer>Mentions légales</footer>"
    image = "<img src='data:image/png;base64,{}'>".format("iVBORw0KGgo" * (size // 32))
    blob = "<script>window.__STATE__ = '{}';</script>".format("x" * (size // 3))
    drawing = "<svg>{}</svg>".format("<path d='M0 0L1 1'/>" * (size // 58))
    filler = image + blob + drawing
    return head + filler + tail + "</body></html>"


@pytest.mark.slow
def test_50mb_html_page_gives_its_article_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "heavy.html"
    path.write_text(heavy_page(50 * 1024 * 1024), "utf-8")
    assert path.stat().st_size > 50 * 1024 * 1024
    (article,), peak = read_in_child(path)
    assert isinstance(article, Article), article
    lines = article.text.splitlines()
    assert lines[0] == "Titre du jour" and len(lines) == 31
    assert lines[30].startswith("Paragraphe 29 : une frappe")
    assert "Accueil" not in article.text and "Mentions" not in article.text
    assert article.published == date(2024, 2, 5)  # the page's metadata survives slimming
    assert peak < 1024 * 1024 * 1024, f"peak RSS {peak:,} bytes for a 50 MiB page"


@pytest.mark.slow
def test_50mb_html_of_text_is_refused_by_the_text_limit_in_bounded_memory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wall.html"
    paragraph = "<p>" + "Un paragraphe de texte ordinaire, sans rien de plus. " * 8 + "</p>\n"
    with path.open("w", encoding="utf-8") as sink:
        sink.write("<html><body>")
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            sink.write(paragraph)
        sink.write("</body></html>")
    (failure,), peak = read_in_child(path)
    assert isinstance(failure, ArticleFailure)
    assert f"over the limit of {MAX_ARTICLE_CHARS:,}" in failure.cause
    assert peak < 1536 * 1024 * 1024, f"peak RSS {peak:,} bytes for a 50 MiB page"


def test_page_too_big_for_boilerplate_removal_keeps_text_and_drops_navigation() -> None:
    paragraph = "<p>Une phrase du corps de l'article, assez longue pour compter.</p>"
    body = paragraph * (MAX_BOILERPLATE_HTML_CHARS // len(paragraph) + 10)
    page = (
        "<html><body><header>En-tête</header><nav>Rubriques</nav><main>"
        f"{body}</main><aside>À lire aussi</aside><footer>Pied</footer></body></html>"
    )
    (article,) = read_article_bytes(page.encode(), origin="big.html", kind="html")
    assert isinstance(article, Article)
    lines = article.text.splitlines()
    assert set(lines) == {"Une phrase du corps de l'article, assez longue pour compter."}
    assert len(lines) == MAX_BOILERPLATE_HTML_CHARS // len(paragraph) + 10


def test_article_over_the_size_limit_fails(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_ARTICLE_CHARS + 1))
    (failure,) = read_inputs([str(path)])
    assert isinstance(failure, ArticleFailure)
    assert "over the limit of 5,000,000" in failure.cause


def test_document_over_the_byte_limit_fails_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as sink:
        sink.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: no disk cost
    (failure,) = read_inputs([str(path)])
    assert isinstance(failure, ArticleFailure)
    assert "over the limit of 62,914,560" in failure.cause


def test_billion_laughs_feed_is_refused_quickly() -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
        "<rss><channel><title>&lol9;</title><item><description>&lol9;</description>"
        "</item></channel></rss>"
    ).encode()
    (failure,) = parse_feed(bomb, origin="bomb.xml")
    assert isinstance(failure, ArticleFailure)
    assert "declares XML entities" in failure.cause


def test_external_entity_feed_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><description>&x;</description></item></channel></rss>"
    ).encode()
    items = list(parse_feed(xxe, origin="xxe.xml"))
    assert all(isinstance(i, ArticleFailure) for i in items)
    assert all("TOP SECRET" not in i.message() for i in items if isinstance(i, ArticleFailure))
