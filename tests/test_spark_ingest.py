"""``veille ingest --engine spark`` leaves the store exactly as ``--engine local`` does.

Marker ``spark``: needs pyspark (``pip install 'veille[spark]'``) and Java 17+; skipped
with the reason otherwise (``.ci/spark.sh`` installs both). One SparkSession
(``local[2]``) serves the module, so the models load once per Python worker. Its splits
are small (8 KiB), so the sample JSONL is read as several splits and line numbers
cross split boundaries.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from veille.model import Article, ArticleFailure

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from veille.store import IngestReport, Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample" / "articles.jsonl"
PUB = date(2024, 3, 19)

_NO_PYSPARK = importlib.util.find_spec("pyspark") is None
_NO_JAVA = shutil.which("java") is None

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(_NO_PYSPARK, reason="pyspark missing: pip install 'veille[spark]'"),
    pytest.mark.skipif(_NO_JAVA, reason="java missing: Spark 4 needs Java 17+ (.ci/spark.sh)"),
    pytest.mark.skipif(not SAMPLE.exists(), reason="sample/articles.jsonl missing"),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    from veille.spark._job import _session

    session = _session(
        "local[2]", "veille-ingest-tests", {"spark.sql.files.maxPartitionBytes": "8192"}
    )
    try:
        yield session
    finally:
        session.stop()


@dataclass
class Inputs:
    paths: list[str]
    more: Path  # the JSONL file with the bad records
    broken_line: int
    tiny_line: int
    clash_line: int


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line]


def _inputs(folder: Path) -> Inputs:
    """A folder of .txt documents, the sample, a missing path, and a JSONL of edge cases.

    The folder comes first and holds two versions of one story (``z.txt`` and
    ``a/x.txt``): the local reader stores ``z`` first (a folder's own files before its
    sub-folders), which gives the merged event its id. ``more.jsonl`` holds reworded
    copies of sample stories (merged into the stored events), an exact copy under
    another id (skipped), a sample id with other text (a failure), a blank line, a
    broken line and a text in no language (a pipeline failure).
    """
    records = _records()
    docs = folder / "docs"
    (docs / "a").mkdir(parents=True)
    story = records[0]["text"]
    (docs / "z.txt").write_text(story + "\n(Mise à jour.)", "utf-8")
    (docs / "a" / "x.txt").write_text(story + "\n(Dépêche.)", "utf-8")
    (docs / ".hidden.txt").write_text("ignored", "utf-8")
    lines = [
        *(
            json.dumps({**r, "id": f"copy-{r['id']}", "text": r["text"] + "\n(bis)"})
            for r in records[1:4]
        ),
        json.dumps({**records[4], "id": "same-text-other-id"}),
        "",
        json.dumps({**records[5], "text": records[5]["text"] + " (autre version)"}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "tiny", "text": "12 34 56"}),
    ]
    more = folder / "more.jsonl"
    more.write_text("\n".join(lines) + "\n", "utf-8")
    return Inputs(
        paths=[str(docs), str(SAMPLE), str(folder / "missing.jsonl"), str(more)],
        more=more,
        clash_line=6,
        broken_line=7,
        tiny_line=8,
    )


@dataclass
class Ingested:
    inputs: Inputs
    local: Store
    local_report: IngestReport
    spark: Store
    cli_exit: int
    cli_stderr: str
    second: IngestReport


def _summary(report: IngestReport) -> str:
    """The CLI's summary line for a report (as ``veille ingest`` prints it)."""
    return (
        f"{report.articles_added} article(s) added, {report.articles_skipped} already stored, "
        f"{report.events_added} new event(s), {report.events_updated} event(s) updated, "
        f"{len(report.failures)} input(s) failed"
    )


@pytest.fixture(scope="module")
def ingested(
    spark: SparkSession, tmp_path_factory: pytest.TempPathFactory, pipeline: Any
) -> Iterator[Ingested]:
    """The inputs ingested locally into one store, and twice with Spark into another:
    first through the command line (``veille ingest --engine spark``), then again
    through the library call."""
    import veille.spark
    from veille.cli import build_app
    from veille.ingest import read_inputs
    from veille.store import open_store

    folder = tmp_path_factory.mktemp("spark-ingest")
    inputs = _inputs(folder)
    local = open_store(f"sqlite:///{folder / 'local.sqlite'}")
    local_report = local.ingest(read_inputs(inputs.paths, pub_date=PUB), pipeline)
    db = f"sqlite:///{folder / 'spark.sqlite'}"
    ingest_spark = veille.spark.ingest_spark
    with pytest.MonkeyPatch.context() as patch:
        # The module's session: a second SparkSession in this process would be this one
        # (getOrCreate) and the command would stop it when done.
        patch.setattr(
            veille.spark, "ingest_spark", functools.partial(ingest_spark, spark=spark, partitions=3)
        )
        args = ["ingest", *inputs.paths, "--db", db, "--pub-date", PUB.isoformat()]
        cli = CliRunner().invoke(build_app(), [*args, "--engine", "spark", "--master", "local[2]"])
    store = open_store(db)
    second = ingest_spark(store, inputs.paths, spark=spark, pub_date=PUB, partitions=3)
    try:
        yield Ingested(inputs, local, local_report, store, cli.exit_code, cli.stderr, second)
    finally:
        local.close()
        store.close()


def _events(store: Store) -> dict[str, dict[str, Any]]:
    events = store.events(sort="id")
    out = {e.event_id: e.model_dump(mode="json") for e in events}
    assert len(out) == len(events)
    return out


def _articles(store: Store) -> list[tuple[Any, ...]]:
    """Every stored article field but the ingestion time, in the order they were stored."""
    columns = "id, sha256, text, published, language, outlet, url, title, origin"
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT {columns} FROM articles ORDER BY pk"))]


def _report(report: IngestReport) -> dict[str, Any]:
    return report.model_dump(exclude={"run_id"})


def test_spark_ingest_equals_local_ingest(ingested: Ingested) -> None:
    local, spark = ingested.local, ingested.spark
    assert _events(spark) == _events(local)  # field by field, ids included
    assert _articles(spark) == _articles(local)  # same articles, same order, same origins
    assert spark.ingest_errors(ingested.second.run_id - 1) == local.ingest_errors()
    assert ingested.cli_exit == 1  # some inputs failed
    assert _summary(ingested.local_report) in ingested.cli_stderr
    # The inputs exercise what they are meant to: merges across articles, skips. (One
    # run's merges count as new events: none holds a mention stored before the run.)
    assert any(len({m.article_id for m in e.mentions}) > 1 for e in local.events())
    assert ingested.local_report.articles_skipped == 1  # the exact copy under another id
    ids = [row[0] for row in _articles(spark)]
    assert ids.index("z") < ids.index("a/x") < ids.index("sample-fr-001")


def test_bad_records_are_reported_and_the_rest_stored(ingested: Ingested) -> None:
    more = str(ingested.inputs.more)
    recorded = ingested.spark.ingest_errors()
    failures = {f.origin: f for f in recorded}
    broken = failures[f"{more}:{ingested.inputs.broken_line}"]
    assert "invalid JSON" in broken.cause
    assert "language" in failures[f"{more}:{ingested.inputs.tiny_line}"].cause
    clash = failures[f"{more}:{ingested.inputs.clash_line}"]
    assert clash.article_id == _records()[5]["id"] and "already stored" in clash.cause
    assert "no such file" in failures[ingested.inputs.paths[2]].cause
    first_run = ingested.spark.ingest_errors(ingested.second.run_id - 1)  # the CLI's run
    assert len(first_run) == 4
    for failure in first_run:  # each on stderr
        assert f"veille: error: {failure.message()}" in ingested.cli_stderr
    stored = {row[0] for row in _articles(ingested.spark)}
    assert len(stored) == len(_records()) + 2 + 3  # sample, folder, reworded copies
    assert not {"broken", "tiny", "same-text-other-id"} & stored


def test_second_spark_ingest_adds_nothing(ingested: Ingested) -> None:
    second, first = ingested.second, ingested.local_report
    assert (second.articles_added, second.events_added, second.events_updated) == (0, 0, 0)
    assert second.articles_skipped == first.articles_added + first.articles_skipped
    assert second.failures == first.failures  # the same bad inputs, reported again
    # ... but an article's failure already in ingest_errors for the same cause is not
    # written again (#15: a feed polled every 15 minutes repeats its bad entries).
    again = [f for f in second.failures if f.article_id is None]
    assert ingested.spark.ingest_errors(second.run_id) == again
    assert _events(ingested.spark) == _events(ingested.local)
    assert len(_articles(ingested.spark)) == first.articles_added


def test_stored_articles_are_not_extracted() -> None:
    """The executors skip stored articles before the pipeline: with models that cannot
    load, a stored article is passed on untouched and only the others fail."""
    from veille.spark._ingest import AlreadyStored, ExtractionFailed, OutcomeLine, Unreadable
    from veille.spark._ingest import _extract_partition as extract
    from veille.spark._job import ExtractOptions
    from veille.store import content_sha256

    stored = Article(id="old", text="Une attaque a visé Djibo lundi.", language="fr")
    new = Article(id="new", text="Une autre attaque a visé Djibo mardi.", language="fr")
    unreadable = ArticleFailure(origin="x.jsonl:3", cause="invalid JSON")
    options = ExtractOptions(models=(("fr", "no_such_spacy_model_package"),))
    items = [(0, stored), (0, unreadable), (1, new), (1, stored)]
    known = SimpleNamespace(value=frozenset({content_sha256(stored)}))
    out = [
        (i, OutcomeLine.model_validate_json(line).root)
        for i, line in extract(items, options=options, stored=known)
    ]  # type: ignore[arg-type]
    assert [i for i, _ in out] == [0, 0, 1, 1]
    assert [type(o) for _, o in out] == [AlreadyStored, Unreadable, ExtractionFailed, AlreadyStored]
    failed = out[2][1]
    assert (
        isinstance(failed, ExtractionFailed)
        and "no_such_spacy_model_package" in failed.failure.cause
    )


def test_walk_order_key_sorts_as_the_local_reader_walks(tmp_path: Path) -> None:
    from veille.ingest import read_inputs
    from veille.spark._io import walk_order_key

    for name in ["z.txt", "a-b.txt", "a/x.txt", "a/b/y.txt", "a/c.txt", "a-b/w.txt", "b/0.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Texte de {name}.", "utf-8")
    local = [a.id for a in read_inputs([str(tmp_path)]) if isinstance(a, Article)]
    relative = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.txt")]
    by_key = [os.path.splitext(r)[0] for r in sorted(relative, key=walk_order_key)]
    assert by_key == local
    assert local[:2] == ["a-b", "z"]  # a folder's own files come first


def test_inputs_spark_would_skip_or_stop_on_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder with nothing readable (Spark reads it as empty, and the run "succeeded")
    and a pattern matching no file (Spark stops the whole run with PATH_NOT_FOUND) are
    failed inputs, as with the local engine; no Spark session is needed for them."""
    from veille.cli import build_app
    from veille.spark import _ingest
    from veille.store import open_store

    def no_session(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a Spark session was started for inputs that all failed")

    monkeypatch.setattr(_ingest, "_session", no_session)
    empty = tmp_path / "empty"
    (empty / ".cache").mkdir(parents=True)
    (empty / ".cache" / "a.txt").write_text("Hidden.", "utf-8")
    (empty / "notes.log").write_text("Not an article type.", "utf-8")
    pattern = str(tmp_path / "nothing-*.jsonl")
    store = open_store(f"sqlite:///{tmp_path / 'v.db'}")
    report = _ingest.ingest_spark(store, [str(empty), pattern])
    assert [(f.origin, f.cause) for f in report.failures] == [
        (str(empty), "no readable files in the directory"),
        (pattern, "no file matches the pattern"),
    ]
    assert store.ingest_errors(report.run_id) == report.failures
    store.close()
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    cli = CliRunner().invoke(build_app(), ["ingest", pattern, "--db", db, "--engine", "spark"])
    assert cli.exit_code == 1, cli.output
    assert "no file matches the pattern" in cli.output


def test_parquet_folders_and_named_formats_are_left_to_spark(tmp_path: Path) -> None:
    from veille.spark._ingest import _local_reader_fails

    written = tmp_path / "articles.out"
    written.mkdir()
    (written / "part-00000.parquet").write_bytes(b"PAR1")
    (written / "_SUCCESS").write_bytes(b"")
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "day.log").write_text("{}", "utf-8")
    assert not _local_reader_fails(str(written))  # a folder Spark wrote: Parquet
    assert _local_reader_fails(str(logs))  # nothing the reader reads
    assert not _local_reader_fails(str(logs), "jsonl")  # unless the user names the format
    assert _local_reader_fails(str(tmp_path / "missing"), "jsonl")  # missing stays missing


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16"])
def test_jsonl_spark_would_misread_is_a_failed_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """Spark decodes JSONL as UTF-8: a Windows-1256 or UTF-16 file would become
    replacement characters and give no events, silently. It is a failed input naming
    the encoding; a UTF-8 file next to it is left to Spark."""
    from veille.spark import _ingest
    from veille.spark._io import jsonl_encoding_error

    record = {"id": "a1", "text": "قصفت طائرة مسيرة موقعا في دير الزور يوم الاثنين."}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes(line.encode(encoding))
    utf8 = tmp_path / "utf8.jsonl"
    utf8.write_bytes(line.encode("utf-8"))
    assert jsonl_encoding_error(str(utf8), "jsonl") is None
    plan = _ingest._plan_inputs([str(legacy), str(utf8)], pub_date=None, language=None)
    assert plan.spark_paths == [(1, str(utf8))]
    [failure] = plan.local_failures[0]
    assert failure.origin == str(legacy)
    assert "Spark reads JSONL as UTF-8" in failure.cause
    assert failure.fix is not None and "iconv" in failure.fix


def test_unreadable_jsonl_is_named_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    from veille.spark._io import jsonl_encoding_error

    path = tmp_path / "locked.jsonl"
    path.write_text('{"id": "a", "text": "Un texte."}\n', "utf-8")
    real_open = builtins.open

    def locked(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked)
    error = jsonl_encoding_error(str(path), "jsonl")
    assert error is not None and error.where == str(path)
    assert error.cause == "cannot read the file (Permission denied)"


def test_outlet_profiles_reach_the_executors(
    spark: SparkSession, tmp_path: Path, pipeline: Any
) -> None:
    # The profiles the driver read from the store weigh the executors' homonyms as they
    # weigh the local engine's: "Suburban News" reports from Ohio, so its Dublin is there.
    from veille.ingest import read_inputs
    from veille.outlets import outlet_profiles
    from veille.spark import ingest_spark
    from veille.store import open_store

    def write(name: str, rows: list[tuple[str, str]]) -> str:
        path = tmp_path / name
        lines = [
            json.dumps({"id": i, "text": t, "outlet": "Suburban News", "language": "en"})
            for i, t in rows
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)

    history = write(
        "h.jsonl",
        [
            ("h1", "Gunmen attacked a police station in Columbus, Ohio, on Sunday, killing one."),
            ("h2", "A bomb exploded outside a bank in Westerville, Ohio, on Saturday."),
        ],
    )
    news = write("n.jsonl", [("n1", "Gunmen attacked a police station in Dublin on Monday.")])
    with open_store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        store.ingest(read_inputs([history], pub_date=PUB), pipeline)
        outlets = outlet_profiles(store, pipeline.geocoder)
        assert outlets["Suburban News"].documents == 2
        report = ingest_spark(store, [news], spark=spark, pub_date=PUB, outlets=outlets)
        assert report.articles_added == 1 and not report.failures
        (event,) = [e for e in store.events() if any(m.article_id == "n1" for m in e.mentions)]
    assert event.location is not None
    assert (event.location.iso3, event.location.admin1) == ("USA", "Ohio")
