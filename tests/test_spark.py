"""The Spark job gives the local pipeline's events, field by field, ids included.

Marker ``spark``: needs pyspark (``pip install 'veille[spark]'``) and Java 17+; skipped
with the reason otherwise. ``.ci/spark.sh`` installs both. One SparkSession
(``local[2]``) serves the module, so the models load once per Python worker.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from veille.model import (
    Event,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample" / "articles.jsonl"
SEED = ROOT.parent / "shared" / "examples" / "seed_article_fr.jsonl"

_NO_PYSPARK = importlib.util.find_spec("pyspark") is None
_NO_JAVA = shutil.which("java") is None

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(_NO_PYSPARK, reason="pyspark missing: pip install 'veille[spark]'"),
    pytest.mark.skipif(_NO_JAVA, reason="java missing: Spark 4 needs Java 17+ (.ci/spark.sh)"),
]


def _corpus() -> Path:
    if SAMPLE.exists():
        return SAMPLE
    if SEED.exists():
        return SEED
    pytest.skip("neither sample/articles.jsonl nor ../shared/examples/seed_article_fr.jsonl")


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    from veille.spark._job import _session

    session = _session("local[2]", "veille-tests", {})
    try:
        yield session
    finally:
        session.stop()


def _dumped(events: list[Event]) -> dict[str, dict[str, Any]]:
    out = {e.event_id: e.model_dump(mode="json") for e in events}
    assert len(out) == len(events), "event ids must be unique"
    return out


def _order(e: Event) -> tuple[str, int]:
    return (min(m.article_id for m in e.mentions), min(m.start for m in e.mentions))


def _inputs(tmp_path: Path) -> tuple[list[str], list[str]]:
    """The corpus, plus a folder of .txt copies and a Parquet file of some of its records.

    Returns (inputs for Spark, the same inputs for the local readers: the Parquet rows
    as JSONL). The copies are the same stories under other ids, so cross-article
    dedup has work to do.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus = _corpus()
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line]
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for k, rec in enumerate(records[:3]):
        (docs / ("sub" if k else "") / f"copy{k}.txt").write_text(rec["text"], "utf-8")
    (docs / ".hidden.txt").write_text("ignored", "utf-8")
    rows = [
        {"id": f"pq-{r['id']}", "text": r["text"], "published": r.get("published"), "outlet": "X"}
        for r in records[3:6]
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "more.parquet")
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    return (
        [str(corpus), str(docs), str(tmp_path / "more.parquet")],
        [str(corpus), str(docs), str(tmp_path / "more.jsonl")],
    )


def test_spark_equals_local_pipeline(spark: SparkSession, tmp_path: Path) -> None:
    from veille.ingest import read_inputs
    from veille.pipeline import Pipeline
    from veille.spark import run_spark
    from veille.spark._job import read_events, read_failures

    spark_inputs, local_inputs = _inputs(tmp_path)
    pub = date(2024, 3, 19)
    local = Pipeline().run_detailed(read_inputs(local_inputs, pub_date=pub))
    summary = run_spark(
        spark_inputs, str(tmp_path / "out"), spark=spark, pub_date=pub, partitions=2
    )
    events = read_events(summary.events_path)

    assert summary.articles_read == local.articles_read
    assert summary.failures == len(local.failures) == len(read_failures(summary.failures_path))
    assert summary.events == len(events) == len(local.events)
    assert summary.per_article_events >= summary.events
    ids = {m.article_id for e in events for m in e.mentions}
    assert {"copy0", "sub/copy1", "sub/copy2"} & ids  # folder ids: relative paths
    assert _dumped(events) == _dumped(local.events)
    # Written in the local order (first article, first offset); ties broken by id.
    assert [_order(e) for e in events] == sorted(_order(e) for e in local.events)


# The blocked dedup the job runs per block is tested without Spark in test_dedup.py.


def test_inputs_spark_would_skip_or_stop_on_are_clear_errors(
    spark: SparkSession, tmp_path: Path
) -> None:
    """`spark-run` checks its inputs before any work: a pattern matching nothing (Spark
    stops with a PATH_NOT_FOUND traceback), a folder with nothing readable (Spark
    reads it as empty and the run "succeeds") and a JSONL file in a legacy encoding
    (Spark decodes it as UTF-8 into replacement characters) are errors naming the path."""
    from veille.errors import InputError
    from veille.spark._io import read_articles, read_articles_in_order

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.log").write_text("Not an article type.", "utf-8")
    pattern = str(tmp_path / "nothing-*.jsonl")
    for read in (read_articles, read_articles_in_order):
        with pytest.raises(InputError, match="no file matches the pattern") as err:
            read(spark, [pattern])
        assert err.value.where == pattern
        with pytest.raises(InputError, match="no readable files in the directory"):
            read(spark, [str(empty)])
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes('{"id": "a", "text": "قصف مدفعي على القرية."}\n'.encode("cp1256"))
    for read in (read_articles, read_articles_in_order):
        with pytest.raises(InputError, match="Spark reads JSONL as UTF-8"):
            read(spark, [str(legacy)])
