"""Size limits of the readers: past any of them the input is a failure, never an OOM crash.

They are module constants (immutable numbers), documented in ``veille.ingest``.
"""

from __future__ import annotations

from typing import Final

MIB: Final = 1024 * 1024

#: Longest article text kept, in code points, after extraction (about 2,000 pages).
MAX_ARTICLE_CHARS: Final = 5_000_000

#: Largest whole document read into memory: .txt, .md, .html, .json, feeds, stdin
#: that is not JSONL, and a fetched URL body.
MAX_DOCUMENT_BYTES: Final = 60 * MIB

#: Largest HTML page (in code points, after scripts, styles and inline data are
#: dropped) given to trafilatura's boilerplate removal; a bigger page has its visible
#: text read block by block instead, navigation and footers left out.
MAX_BOILERPLATE_HTML_CHARS: Final = 4 * MIB

#: Longest single JSONL line. JSONL files are streamed line by line, so a file of any
#: size reads in bounded memory; one line longer than this is a failure for that line.
MAX_LINE_BYTES: Final = 10 * MIB

#: How much of a JSONL stream is sampled to choose its encoding.
ENCODING_SAMPLE_BYTES: Final = 1 * MIB

#: Read size for streaming.
CHUNK_BYTES: Final = 256 * 1024
