"""Where an exporter writes: an open stream, or a path it opens itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TextIO

Target = str | Path | TextIO


@contextmanager
def text_target(target: Target) -> Iterator[TextIO]:
    if isinstance(target, str | Path):
        with Path(target).open("w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield target


class ExportCounts(NamedTuple):
    """What an export wrote, and how many events its format could not hold."""

    written: int
    omitted: int


@dataclass
class ExportTally:
    """Filled in while an export's chunks are produced (a generator cannot return both
    its chunks and its counts)."""

    written: int = 0
    omitted: int = 0

    def counts(self) -> ExportCounts:
        return ExportCounts(self.written, self.omitted)
