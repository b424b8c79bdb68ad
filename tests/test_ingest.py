"""veille.ingest: each format, each encoding, each failure kind, directories, stdin, ids."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from veille.errors import InputError
from veille.ingest import (
    MAX_LINE_BYTES,
    read_article_bytes,
    read_inputs,
    sniff_kind,
)
from veille.model import Article, ArticleFailure

FR = (
    "Les drones de la Résistance islamique en Irak ont ciblé une base américaine en Syrie.\n"
    "Quelques minutes plus tard, un communiqué a revendiqué l’attaque à l’aube, « succès »."
)
AR = (
    "استهدفت طائرة مسيرة مستودعا للذخيرة قرب الحدود السورية العراقية فجر الاثنين، "
    "وفق ما أفادت وسائل إعلام محلية. وأعلنت المقاومة الإسلامية في العراق مسؤوليتها."
)
EN = "A drone strike hit an ammunition depot near the Syrian border on Monday, officials said."

PAGE = """<!doctype html><html><head><title>Frappe près de Deir ez-Zor</title>
<meta property="article:published_time" content="2024-02-05T06:00:00Z">
<meta property="og:site_name" content="Le Journal"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Frappe près de Deir ez-Zor</h1>
<p>Les drones de la Résistance islamique en Irak ont une nouvelle fois ciblé une base
américaine en Syrie, selon plusieurs médias arabes qui citent des sources locales.</p>
<p>Quelques minutes plus tard, un communiqué a revendiqué l'attaque contre le champ
pétrolier d'al-Omar, dans l'est du pays, a-t-on appris lundi.</p></article>
<div class="comments"><h3>Commentaires</h3><p>Lecteur42: bravo pour cet article !</p></div>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Agence Test</title><language>fr-FR</language>
<item><guid>urn:test:1</guid><title>Frappe de drone</title><link>https://example.org/a1</link>
<pubDate>Mon, 05 Feb 2024 06:00:00 GMT</pubDate>
<description>&lt;p&gt;Une frappe de drone a visé une base.&lt;/p&gt;
&lt;p&gt;Deux morts.&lt;/p&gt;</description>
</item>
<item><title>Sans lien</title><link>https://example.org/a2</link>
<description>Un second article, en texte.</description></item>
<item><guid>urn:test:3</guid><title>Vide</title></item>
</channel></rss>"""


def read(*paths: str | Path, **kwargs: object) -> list[Article | ArticleFailure]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def articles(items: list[Article | ArticleFailure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures(items: list[Article | ArticleFailure]) -> list[ArticleFailure]:
    return [item for item in items if isinstance(item, ArticleFailure)]


def only_article(items: list[Article | ArticleFailure]) -> Article:
    assert failures(items) == [], [f.message() for f in failures(items)]
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, Article)
    return item


def only_failure(items: list[Article | ArticleFailure]) -> ArticleFailure:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, ArticleFailure), item
    return item


# --- formats -------------------------------------------------------------------------


def test_txt_is_one_article_with_stem_id_and_arguments(tmp_path: Path) -> None:
    path = tmp_path / "rapport-05.txt"
    path.write_text(FR + "\n", encoding="utf-8")
    article = only_article(read(path, pub_date=date(2024, 2, 5), language="fr"))
    assert article.id == "rapport-05"
    assert article.text == FR + "\n"
    assert article.published == date(2024, 2, 5)
    assert article.language == "fr"
    assert article.origin == str(path)


def test_md_and_crlf_newlines(tmp_path: Path) -> None:
    path = tmp_path / "note.MD"
    path.write_bytes(b"line one\r\nline two\rline three")
    article = only_article(read(path))
    assert article.text == "line one\nline two\nline three"


def test_html_main_text_title_date_outlet_without_comments(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = only_article(read(path))
    assert article.id == "page"
    assert "ciblé une base" in article.text
    assert "champ\npétrolier" not in article.text  # paragraphs are lines, not raw breaks
    assert "bravo" not in article.text and "Accueil" not in article.text
    lines = article.text.splitlines()
    assert any(line.startswith("Quelques minutes") for line in lines)
    assert article.title == "Frappe près de Deir ez-Zor"
    assert article.published == date(2024, 2, 5)
    assert article.outlet == "Le Journal"


def test_html_pub_date_argument_wins_over_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    assert only_article(read(path, pub_date=date(2024, 1, 1))).published == date(2024, 1, 1)


def test_html_date_is_never_guessed_from_text(tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_text("<html><body><p>Publié le 3 mars 2023 à Paris.</p></body></html>")
    article = only_article(read(path))
    assert article.text == "Publié le 3 mars 2023 à Paris."
    assert article.published is None


def test_jsonl_records_fields_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": FR, "published": "2024-02-05", "language": "fr",
         "outlet": "Le Journal", "url": "https://example.org/a1", "title": "T",
         "extra_key": {"ignored": True}},
        {"id": 7, "text": EN, "published": "2024-02-06T23:30:00+03:00"},
        {"id": "a3", "html": PAGE},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n")
    items = read(path, pub_date=date(2000, 1, 1), language="en")
    first, second, third = (only_article([item]) for item in items)
    assert (first.id, first.published, first.language, first.outlet, first.url, first.title) == (
        "a1", date(2024, 2, 5), "fr", "Le Journal", "https://example.org/a1", "T",
    )  # fmt: skip
    assert first.origin == f"{path}:1"
    assert (second.id, second.published, second.language) == ("7", date(2024, 2, 6), "en")
    assert third.origin == f"{path}:3"
    assert "ciblé une base" in third.text and third.title == "Frappe près de Deir ez-Zor"
    assert third.published == date(2000, 1, 1)  # the argument fills in before metadata


def test_ndjson_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.ndjson"
    path.write_text('{"id": "n1", "text": "hello"}')  # no final newline
    assert only_article(read(path)).id == "n1"


def test_json_object_and_array(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "o1", "text": FR}))
    assert only_article(read(one)).origin == str(one)
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "m1", "text": FR}, {"text": "no id"}]))
    items = read(many)
    assert isinstance(items[0], Article) and items[0].origin == f"{many}[0]"
    assert isinstance(items[1], ArticleFailure)
    assert items[1].message().startswith(f'{many}[1]: record has no "id"')


def test_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "agence.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read(path)
    first, second = articles(items)
    assert first.id == "urn:test:1"
    assert first.text == "Une frappe de drone a visé une base.\nDeux morts."
    assert first.published == date(2024, 2, 5)
    assert (first.outlet, first.url, first.title, first.language) == (
        "Agence Test", "https://example.org/a1", "Frappe de drone", "fr",
    )  # fmt: skip
    assert second.id == "https://example.org/a2"  # no guid: the link
    (empty,) = failures(items)
    assert empty.origin == f"{path}[entry 3]" and empty.article_id == "urn:test:3"


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "f.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<entry><id>tag:x,2024:1</id><title>E</title><updated>2024-02-05T10:00:00Z</updated>"
        '<content type="html">&lt;p&gt;Texte complet.&lt;/p&gt;</content></entry></feed>'
    )
    article = only_article(read(path))
    assert (article.id, article.text, article.published) == (
        "tag:x,2024:1", "Texte complet.", date(2024, 2, 5),
    )  # fmt: skip


# --- encodings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "text"),
    [
        pytest.param(FR.encode("utf-8"), FR, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + FR.encode("utf-8"), FR, id="utf-8-bom"),
        pytest.param(FR.encode("utf-16"), FR, id="utf-16-bom"),
        pytest.param(AR.encode("utf-16-be").join([b"\xfe\xff", b""]), AR, id="utf-16-be-bom"),
        pytest.param(FR.encode("utf-16-le"), FR, id="utf-16-le-no-bom"),
        pytest.param(AR.encode("utf-16-be"), AR, id="utf-16-be-no-bom"),
        pytest.param(AR.encode("utf-16-le"), AR, id="utf-16-le-no-bom-arabic"),
        pytest.param(AR.encode("cp1256"), AR, id="windows-1256"),
        pytest.param(FR.replace("’", "'").encode("latin-1"), FR.replace("’", "'"), id="latin-1"),
        pytest.param(FR.encode("cp1252"), FR, id="windows-1252"),
    ],
)
def test_txt_encodings(tmp_path: Path, encoded: bytes, text: str) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(encoded)
    assert only_article(read(path)).text == text


def test_jsonl_in_windows_1256_and_utf16(tmp_path: Path) -> None:
    record = json.dumps({"id": "ar1", "text": AR}, ensure_ascii=False) + "\n"
    legacy = tmp_path / "ar.jsonl"
    legacy.write_bytes(record.encode("cp1256") * 3)
    assert [a.text for a in articles(read(legacy))] == [AR] * 3
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes((record * 2).encode("utf-16"))
    items = read(wide)
    assert [a.text for a in articles(items)] == [AR] * 2
    assert [a.origin for a in articles(items)] == [f"{wide}:1", f"{wide}:2"]


def test_bomless_utf16_jsonl_feed_and_html(tmp_path: Path) -> None:
    record = json.dumps({"id": "ar1", "text": AR}, ensure_ascii=False) + "\n"
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes((record * 2).encode("utf-16-le"))
    assert [a.text for a in articles(read(wide))] == [AR] * 2
    feed = tmp_path / "feed.xml"
    feed.write_bytes(
        f'<rss version="2.0"><channel><item><guid>1</guid><description>{AR}</description>'
        "</item></channel></rss>".encode("utf-16-be")
    )
    assert only_article(read(feed)).text == AR
    page = tmp_path / "page.html"
    first_line = FR.splitlines()[0]
    page.write_bytes(f"<html><body><p>{first_line}</p></body></html>".encode("utf-16-le"))
    assert only_article(read(page)).text == first_line


def test_binary_with_nul_bytes_is_not_taken_for_utf16(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    # NULs at both parities, as in images and archives, and UTF-32 text
    path.write_bytes(bytes(range(256)) * 8)
    assert "looks binary" in only_failure(read(path)).cause
    path.write_bytes(FR.encode("utf-32-le"))
    assert "looks binary" in only_failure(read(path)).cause


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{AR}</p></body></html>'
    path = tmp_path / "ar.html"
    path.write_bytes(page.encode("cp1256"))
    assert only_article(read(path)).text == AR


def test_feed_in_declared_legacy_encoding(tmp_path: Path) -> None:
    feed = RSS.replace('encoding="utf-8"', 'encoding="windows-1252"')
    path = tmp_path / "latin.xml"
    path.write_bytes(feed.encode("cp1252"))
    assert articles(read(path))[0].text.startswith("Une frappe de drone a visé")


# --- failures ------------------------------------------------------------------------


def test_broken_jsonl_line_names_file_and_line_and_others_still_yield(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    good = json.dumps({"id": "g", "text": "ok"})
    path.write_text("\n".join([good, '{"id": "b", "text": "x" "y"}', good, "[1, 2]", good]))
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "Article", "ArticleFailure", "Article", "ArticleFailure", "Article",
    ]  # fmt: skip
    broken = items[1]
    assert isinstance(broken, ArticleFailure)
    assert broken.message() == (
        f"{path}:2: invalid JSON (Expecting ',' delimiter at column 25). "
        "Fix: make each line one JSON object."
    )
    array_line = items[3]
    assert isinstance(array_line, ArticleFailure)
    assert "record is a JSON array, not an object" in array_line.message()


def test_json_messages_that_end_in_at_read_once(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "u", "text": "unterminated\n', encoding="utf-8")
    doc = tmp_path / "x.json"
    doc.write_text('{"id": "u",\n "text": "unterminated', encoding="utf-8")
    line, whole = read(path)[0], read(doc)[0]
    assert isinstance(line, ArticleFailure) and isinstance(whole, ArticleFailure)
    assert "(Unterminated string starting at column 21)" in line.message()
    assert "(Unterminated string starting at line 2, column 10)" in whole.message()
    assert "at at" not in line.message() + whole.message()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"text": "no id"}', 'record has no "id"'),
        ('{"id": "r", "title": "t"}', 'record "r" has neither'),
        ('{"id": "r", "text": 3}', '"text" must be a string, not number'),
        ('{"id": "r", "text": "x", "published": "05/02/2024"}', '"published" is not a date'),
        ('{"id": "r", "text": "x", "language": "français!"}', '"language" is not a language'),
        ('{"id": "r", "text": "   "}', "article text is empty"),
        ('{"id": true, "text": "x"}', 'record has no "id"'),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_bad_record_kinds(tmp_path: Path, line: str, expected: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n" + '{"id": "ok", "text": "fine"}\n')
    bad, good = read(path)
    assert isinstance(bad, ArticleFailure) and isinstance(good, Article)
    message = bad.message()
    assert message.startswith(f"{path}:1: ")
    assert expected.replace('record "r" has neither', "has neither") in message
    assert "Fix: " in message


def test_invalid_utf8_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "é", "text": "déjà"}, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + b'{"id": "bad", "text": "caf\xe9 \xff"}\n' + good + b"\n")
    items = read(path)
    assert [a.text for a in articles(items)] == ["déjà", "déjà"]
    (bad,) = failures(items)
    assert bad.message().startswith(f"{path}:2: line is not valid UTF-8")


def test_line_over_the_limit_fails_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_text = "x" * (MAX_LINE_BYTES + 10)
    with path.open("w") as stream:
        stream.write(json.dumps({"id": "long", "text": long_text}) + "\n")
        stream.write(json.dumps({"id": "after", "text": "short"}) + "\n")
    too_long, after = read(path)
    assert isinstance(too_long, ArticleFailure) and "longer than the limit" in too_long.cause
    assert too_long.origin == f"{path}:1"
    assert isinstance(after, Article) and after.origin == f"{path}:2"


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl", "empty.json", "e.xml"])
def test_empty_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b" \n\n ")
    failure = only_failure(read(path))
    assert failure.message().startswith(f"{path}: empty file.")


@pytest.mark.parametrize("name", ["blob.txt", "blob.html", "blob.jsonl", "blob.json", "b.rss"])
def test_binary_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    failure = only_failure(read(path))
    assert "looks binary" in failure.cause
    assert failure.origin == str(path)


def test_undecodable_bytes_after_utf16_bom(tmp_path: Path) -> None:
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xdc")  # lone low surrogate
    assert "not valid UTF-16-LE" in only_failure(read(path)).cause


def test_missing_path_and_unsupported_extension(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert only_failure(read(missing)).message() == (
        f"{missing}: no such file or directory. Fix: check the path."
    )
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    failure = only_failure(read(pdf))
    assert "unsupported file type '.pdf'" in failure.cause and ".jsonl" in failure.fix


def test_one_bad_path_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Un texte.")
    items = read(tmp_path / "missing.jsonl", good)
    assert isinstance(items[0], ArticleFailure) and isinstance(items[1], Article)


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body> </body></html>")
    assert "no article text found" in only_failure(read(path)).cause


def test_nul_and_lone_surrogates_in_json_text_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_text('{"id": "n", "text": "a\\u0000b\\ud800c"}\n')
    assert only_failure(read(path)).cause.startswith('"text" holds a NUL character')


def test_bad_language_argument_is_a_usage_error() -> None:
    with pytest.raises(InputError):
        list(read_inputs(["-"], language="not a language", stdin=io.BytesIO(b"x")))


# --- directories, stdin, ids ---------------------------------------------------------


def test_directory_is_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "z.txt").write_text("zed")
    (tmp_path / "b" / "x.txt").write_text("b x")
    (tmp_path / "a" / "x.txt").write_text("a x")
    (tmp_path / "a" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git" / "HEAD.txt").write_text("hidden dir")
    (tmp_path / "a" / "broken.jsonl").write_text("{nope\n")
    items = read(tmp_path)
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("Article", str(tmp_path / "z.txt")),
        ("ArticleFailure", f"{tmp_path / 'a' / 'broken.jsonl'}:1"),
        ("Article", str(tmp_path / "a" / "x.txt")),
        ("Article", str(tmp_path / "b" / "x.txt")),
    ]
    assert [a.id for a in articles(items)] == ["z", "a/x", "b/x"]  # no collision


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Un.")
    (tmp_path / "feed.xml").write_text(RSS.replace("<guid>urn:test:1</guid>", ""))
    first = [i.id for i in articles(read(tmp_path))]
    second = [i.id for i in articles(read(tmp_path))]
    assert first == second and len(set(first)) == len(first)


def test_directory_without_readable_files(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    failure = only_failure(read(tmp_path))
    assert failure.message().startswith(f"{tmp_path}: no readable files in the directory.")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'  \n{"id": "s1", "text": "x"}\n{"id": "s2", "text": "y"}\n', "jsonl"),
        (b'[{"id": "s1", "text": "x"}]', "json"),
        (b"<html><body><p>Bonjour tout le monde.</p></body></html>", "html"),
        (RSS.encode(), "feed"),
        (FR.encode(), "text"),
    ],
)
def test_stdin_is_sniffed(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind
    items = read("-", stdin=io.BytesIO(data))
    assert articles(items), [f.message() for f in failures(items)]
    first = articles(items)[0]
    if kind == "jsonl":
        assert [a.origin for a in articles(items)] == ["<stdin>:2", "<stdin>:3"]
    elif kind in ("text", "html"):
        assert (first.id, first.origin) == ("stdin", "<stdin>")


def test_empty_stdin() -> None:
    assert only_failure(read("-", stdin=io.BytesIO(b""))).cause == "empty file"


def test_read_article_bytes_uses_content_type_and_charset() -> None:
    body = f"<html><body><p>{AR}</p></body></html>".encode("cp1256")
    items = list(
        read_article_bytes(
            body,
            origin="https://example.org/x",
            content_type="text/html; charset=windows-1256",
            article_id="https://example.org/x",
        )
    )
    assert only_article(items).text == AR


def test_unsupported_url_scheme() -> None:
    failure = only_failure(read("ftp://example.org/feed.xml"))
    assert "unsupported URL scheme" in failure.cause


def test_feed_in_utf16_with_bom_and_guid_that_is_not_a_url(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>قناة</title>'
        f"<item><guid>1</guid><description>{AR}</description></item></channel></rss>"
    )
    path = tmp_path / "ar.xml"
    path.write_bytes(feed.encode("utf-16"))
    article = only_article(read(path))
    assert (article.id, article.text, article.outlet) == ("1", AR, "قناة")
    assert article.url is None  # feedparser copies the guid into link; "1" is no URL


def test_directory_reports_fifos_and_broken_links_instead_of_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "real.txt").write_text("Un texte.")
    items = read(tmp_path)
    assert [a.id for a in articles(items)] == ["real"]
    assert sorted(Path(f.origin).name for f in failures(items)) == ["dangling.txt", "pipe.jsonl"]
    assert all("not a regular file" in f.cause for f in failures(items))


def test_undecodable_legacy_bytes_fail_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 2)
    failure = only_failure(read(path))
    assert failure.message() == (
        f"{path}: not valid UTF-8 (byte 1), and its encoding could not be detected. "
        "Fix: re-save the file as UTF-8."
    )


def test_feed_served_as_text_html_is_read_as_a_feed() -> None:
    items = list(read_article_bytes(RSS.encode(), origin="https://x/rss", content_type="text/html"))
    assert [a.id for a in articles(items)] == ["urn:test:1", "https://example.org/a2"]
