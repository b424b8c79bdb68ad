"""Input readers: files, directories, stdin and URLs to ``Article`` records.

``read_inputs(paths)`` yields an ``Article`` for every document or record it can read
and an ``ArticleFailure`` (origin, cause, fix) for every one it cannot; it never raises
for a bad input, so one broken line does not stop a batch.

Formats, by extension (case-insensitive):

- ``.txt``, ``.md``: the whole file is one article.
- ``.html``, ``.htm``: trafilatura extracts the main text (no comments, one paragraph
  per line), the title, and the date from the page's metadata (never guessed from the
  text). A page trafilatura finds no main text in falls back to all its visible text.
- ``.json``: one article object, or an array of them (origins ``file[i]``).
- ``.jsonl``, ``.ndjson``: one article object per line, streamed (origins
  ``file:LINE``): ``{"id", "text" | "html", "published", "language", "outlet", "url",
  "title"}``; only ``id`` and ``text`` or ``html`` are required, unknown keys are
  ignored, ``published`` is ``YYYY-MM-DD`` or an ISO datetime (its date is kept).
- ``.xml``, ``.rss``, ``.atom``: RSS/Atom feeds, one article per entry (origins
  ``file[entry N]``), checked with defusedxml first: entity declarations are refused.
- ``-``: standard input, sniffed (``{``: JSONL, ``[``: JSON, feed root: feed, other
  markup: HTML, else text); origin ``<stdin>``, id ``stdin`` for a single document.
- ``http://``, ``https://``: fetched with ``fetch_url`` (public addresses only by
  default), then read by content type or sniffing; the id of a page is its URL.

Ids of ``.txt``/``.md``/``.html`` articles: the file name without its extension
(``reports/x.txt`` -> ``x``); inside a directory, the path relative to that directory
without extension (``dir/sub/x.txt`` read as ``dir`` -> ``sub/x``), so the same tree
always gives the same ids and two ``x.txt`` in different folders do not collide.

Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy encodings
(Windows-1256, Windows-1252, Latin-1, ...) detected by charset-normalizer when the
bytes are not UTF-8; HTML ``<meta charset>``, XML declarations and HTTP charsets are
honoured. NUL or control bytes make an input "binary", a failure. A record whose
fields hold a NUL character or a lone surrogate (JSON ``\\u0000``, ``\\ud800``) is a
failure naming the field. Every door (files, feeds, URLs, ``POST /api/ingest``) builds
its articles through the same check (``make_article``): the same limits, and a
``published`` date outside 1900-2100 refused.

Limits (see ``_limits``): ``MAX_ARTICLE_CHARS`` (5,000,000 code points of text),
``MAX_DOCUMENT_BYTES`` (60 MiB for any document read whole, and for fetched bodies),
``MAX_LINE_BYTES`` (10 MiB per JSONL line). Past a limit the input is a failure.
``MAX_BOILERPLATE_HTML_CHARS`` (4 MiB of markup once scripts, styles and inline data are
dropped) is no failure: a bigger page is read block by block without boilerplate removal.
"""

from veille.ingest._count import count_items
from veille.ingest._feed import parse_feed
from veille.ingest._fetch import FetchedDocument, FetchPolicy, fetch_url
from veille.ingest._jsonl import jsonl_encoding, record_from_object
from veille.ingest._limits import (
    MAX_ARTICLE_CHARS,
    MAX_BOILERPLATE_HTML_CHARS,
    MAX_DOCUMENT_BYTES,
    MAX_LINE_BYTES,
)
from veille.ingest._read import (
    EXTENSION_KINDS,
    Kind,
    read_article_bytes,
    read_inputs,
    sniff_kind,
    walked_kind,
)
from veille.ingest._records import Defaults

__all__ = [
    "EXTENSION_KINDS",
    "MAX_ARTICLE_CHARS",
    "MAX_BOILERPLATE_HTML_CHARS",
    "MAX_DOCUMENT_BYTES",
    "MAX_LINE_BYTES",
    "Defaults",
    "FetchPolicy",
    "FetchedDocument",
    "Kind",
    "count_items",
    "fetch_url",
    "jsonl_encoding",
    "parse_feed",
    "read_article_bytes",
    "read_inputs",
    "record_from_object",
    "sniff_kind",
    "walked_kind",
]
