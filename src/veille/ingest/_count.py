"""How many items ``read_inputs`` will yield, when that is cheap to know (progress bars)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from veille.ingest._read import EXTENSION_KINDS, Kind, walked_kind

_CHUNK = 1 << 20


def count_items(paths: Sequence[str]) -> int | None:
    """The number of articles and failures ``read_inputs(paths)`` yields, or ``None``
    when it cannot be known without parsing (stdin, URLs, JSON arrays, feeds, JSONL not
    in UTF-8). A text or HTML file counts 1, a JSONL file its non-blank lines; a missing
    or unreadable path counts 1 (its failure). Reads JSONL files once, in 1 MiB blocks."""
    total = 0
    for path in paths:
        if path == "-" or "://" in path:
            return None
        target = Path(path)
        if target.is_dir():
            files = 0
            for dirpath, dirnames, filenames in os.walk(target):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    kind = walked_kind(name)
                    if kind is None:
                        continue
                    files += 1
                    n = _file_items(Path(dirpath) / name, kind)
                    if n is None:
                        return None
                    total += n
            total += 0 if files else 1  # "no readable files" is one failure
            continue
        kind = EXTENSION_KINDS.get(target.suffix.lower())
        n = _file_items(target, kind) if kind is not None and target.is_file() else 1
        if n is None:
            return None
        total += n
    return total


def _file_items(file: Path, kind: Kind) -> int | None:
    if kind in ("text", "html"):
        return 1
    if kind != "jsonl":
        return None
    lines = 0
    try:
        with file.open("rb") as stream:
            head = stream.read(4)
            if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
                return None  # UTF-16/32: newline bytes are not b"\n"
            pending = head
            while True:
                block = stream.read(_CHUNK)
                data = pending + block
                *complete, pending = data.split(b"\n")
                lines += sum(1 for line in complete if line.strip())
                if not block:
                    break
            lines += 1 if pending.strip() else 0
    except OSError:
        return 1  # the reader reports it as one failure
    return lines
