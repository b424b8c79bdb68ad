"""Where an exporter writes: an open stream, or a path it opens itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

Target = str | Path | TextIO


@contextmanager
def text_target(target: Target) -> Iterator[TextIO]:
    if isinstance(target, str | Path):
        with Path(target).open("w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield target
