"""The CLI against hostile paths and killed runs (issue 15): FIFOs and devices named
directly, file names that would forge error lines, runs left unfinished by a kill."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from veille.ingest import read_inputs
from veille.model import Article, ArticleFailure
from veille.pipeline import ArticleResult
from veille.store import IngestReport, content_sha256, open_store


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args], capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_directly_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "news.jsonl"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("Un texte.", encoding="utf-8")
    # In a child process: the old reader blocked forever in open(); the timeout ends it.
    code = (
        "import sys; from veille.ingest import read_inputs\n"
        "for item in read_inputs(sys.argv[1:]):\n"
        "    print(type(item).__name__, getattr(item, 'cause', ''))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(fifo), str(good)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.splitlines() == [
        "ArticleFailure not a regular file (a FIFO, socket or device)",
        "Article ",
    ], done.stderr


def test_a_device_named_directly_is_refused() -> None:
    [failure] = read_inputs(["/dev/null"])
    assert isinstance(failure, ArticleFailure)
    assert failure.cause == "not a regular file (a FIFO, socket or device)"


def test_file_names_are_escaped_in_error_lines(tmp_path: Path) -> None:
    name = "x\nveille: error: forged.txt"
    (tmp_path / name).write_bytes(b"")  # an empty file: one failure naming it
    done = run("extract", str(tmp_path / name))
    assert done.returncode == 1
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("veille: error:")]
    assert len(errors) == 1, done.stderr
    assert "x\\nveille: error: forged.txt: empty file" in errors[0]


def test_an_undecodable_file_name_is_printed_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad-\xff.txt"
    with open(raw, "wb"):
        pass
    done = run("extract", os.fsdecode(raw))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "bad-\\udcff.txt: empty file" in done.stderr


def test_a_killed_runs_row_is_closed_with_its_true_counts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite'}"
    with open_store(url) as store:
        run_id = store.start_run()  # as a killed ingest leaves it: started, never finished
        for i in range(3):
            article = Article(id=f"a{i}", text=f"Texte {i}.")
            done = ArticleResult(article=article, sources=[], events=[])
            store.persist(run_id, done, content_sha256(article), IngestReport(run_id=run_id))
        assert store.finish_interrupted_runs() == []  # it wrote just now: maybe alive
    with open_store(url) as store:  # the next open leaves a recent run alone too
        assert store.finish_interrupted_runs(idle=timedelta(0)) == [run_id]
        assert store.finish_interrupted_runs(idle=timedelta(0)) == []  # closed once
        [marker] = store.ingest_errors(run_id)
        assert marker.origin == f"ingest run {run_id}"
        assert "stopped before it finished" in marker.cause and "3 article(s)" in marker.cause
        with store.session() as s:
            from veille.store._schema import IngestRunRow

            row = s.get(IngestRunRow, run_id)
            assert row is not None and row.finished_at is not None
            assert (row.articles_added, row.failures) == (3, 1)


def test_an_implausible_pub_date_is_a_usage_error(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Hier, une frappe à Gao.", encoding="utf-8")
    done = run("extract", str(text), "--pub-date", "0001-01-01")
    assert done.returncode == 2 and "outside 1900-01-01 to 2100-12-31" in done.stderr
