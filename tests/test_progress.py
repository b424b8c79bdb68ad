"""Progress: totals counted cheaply before a run, a line every N items off a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.cli.common import ProgressReporter
from veille.ingest import count_items, read_inputs


def test_count_items_matches_what_the_reader_yields(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Des tirs à Gao.", "utf-8")
    (folder / "sub" / "b.html").write_text("<p>Des tirs à Gao.</p>", "utf-8")
    (folder / ".hidden.txt").write_text("skipped", "utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    rows = [json.dumps({"id": f"r{i}", "text": "Des tirs à Gao."}) for i in range(5)]
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text("\n".join([*rows[:2], "", "  ", "{broken", *rows[2:]]), "utf-8")  # no final \n
    missing = str(tmp_path / "missing.txt")
    paths = [str(folder), str(jsonl), missing]
    assert count_items(paths) == 2 + 6 + 1
    assert count_items(paths) == len(list(read_inputs(paths)))


@pytest.mark.parametrize("path", ["-", "https://example.org/feed.xml"])
def test_count_items_is_unknown_for_streams_and_urls(path: str) -> None:
    assert count_items([path]) is None


def test_count_items_is_unknown_for_feeds_and_json(tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text("<rss></rss>", "utf-8")
    assert count_items([str(feed)]) is None


def test_off_a_terminal_progress_is_a_line_every_n_items(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with ProgressReporter("ingesting", total=7, every=3) as progress:
        for _ in range(7):
            progress.advance()
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["veille: ingesting: 3/7 articles", "veille: ingesting: 6/7 articles"]
    with ProgressReporter("extracting", every=2) as progress:
        progress.advance(5)
    assert capsys.readouterr().err.splitlines() == ["veille: extracting: 5 articles"]
