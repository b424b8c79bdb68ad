"""``run_spark``: read articles as a DataFrame, extract per partition, dedup by blocks, write.

Stages (each a plain function of partitions, so nothing here holds state between runs):

1. ``read_articles`` (``_io``): one row per input unit (a JSONL line, a Parquet row, a
   document file) as ``(origin, kind, article_id, data)``;
2. ``_extract_partition`` in ``mapPartitions``: the rows become ``Article`` records
   through veille's own readers (the same checks and failures as ``veille extract``),
   then one ``Pipeline`` per executor Python process (``_executor_pipeline``, created
   lazily on the first partition and reused by every later task of that worker)
   streams them; each per-article event leaves as ``Event.model_dump_json``;
3. blocking: every event keyed by ``dedup.neighbour_keys`` (country x family x ISO
   week, plus the adjacent week across a boundary), grouped, clustered per block;
4. reconciliation of the events that sat in two blocks (``_blocking``), per (country,
   family) group, then ``dedup.finalize`` per event and a global sort (article, offset);
5. output: ``OUT/events`` (JSON lines, one event per line, part files in order) and
   ``OUT/failures`` (``ArticleFailure`` as JSON lines), Spark's ``_SUCCESS`` marker in each.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from veille import dedup
from veille.errors import SparkStartError
from veille.model import ArticleFailure, Event
from veille.registry import deduplicator_of
from veille.spark import _blocking
from veille.spark._io import ArticleRow, article_stream, read_articles

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

    from veille.config import PipelineConfig
    from veille.geo import OutletProfile
    from veille.pipeline import Pipeline
    from veille.registry import Deduplicating

APP_NAME = "veille"
# Row tags of the per-article stage: an extracted event, a failure, an article read.
EVENT, FAILURE, ARTICLE = "event", "failure", "article"


@dataclass(frozen=True, slots=True)
class SparkRunSummary:
    """What a run did; the events themselves are in ``events_path``."""

    articles_read: int
    failures: int
    per_article_events: int
    events: int
    events_path: str
    failures_path: str


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """What every executor needs to build its ``Pipeline`` and read rows (picklable)."""

    pub_date: date | None = None
    language: str | None = None
    models: tuple[tuple[str, str], ...] = ()
    # Outlet profiles read from the store before the ingest (``veille.outlets``).
    outlets: tuple[tuple[str, OutletProfile], ...] = ()
    # The pipeline's config (``--config``); a frozen pydantic model, pickled as it is.
    config: PipelineConfig | None = None


def run_spark(
    input_paths: Sequence[str],
    output: str,
    *,
    master: str | None = "local[2]",
    spark: SparkSession | None = None,
    pub_date: date | None = None,
    language: str | None = None,
    models: dict[str, str] | None = None,
    partitions: int | None = None,
    input_format: str = "auto",
    app_name: str = APP_NAME,
    conf: dict[str, str] | None = None,
    config: PipelineConfig | None = None,
) -> SparkRunSummary:
    """Run the pipeline on Spark; write ``output/events`` and ``output/failures``.

    ``master``: a Spark master URL (``local[2]``, ``yarn``, ``k8s://...``), or None to
    take it from ``spark-submit``/``spark-defaults.conf``. ``spark``: an existing
    session to use (it is then left running); otherwise one is created and stopped.
    ``partitions``: how many extraction tasks (default: Spark's default parallelism
    times 2). ``input_format``: ``auto`` (by extension), ``jsonl``, ``parquet`` or
    ``files``. ``config``: the executors' ``Pipeline(config=...)`` (its data paths must
    be readable where the executors run; components from the default registry). The
    events equal ``Pipeline(config=config).run_detailed(...)``'s for the same inputs:
    the blocked dedup applies the config's deduplicator (``registry.deduplicator_of``).
    """
    own = spark is None
    session = spark if spark is not None else _session(master, app_name, conf or {})
    try:
        return _run(
            session,
            input_paths,
            output,
            options=ExtractOptions(
                pub_date=pub_date,
                language=language,
                models=tuple(sorted((models or {}).items())),
                config=config,
            ),
            partitions=partitions,
            input_format=input_format,
        )
    finally:
        if own:
            session.stop()


def _session(master: str | None, app_name: str, conf: dict[str, str]) -> SparkSession:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    settings = {
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "UTC",
        # Executors run veille from the same environment as the driver unless told.
        "spark.pyspark.python": os.environ.get("PYSPARK_PYTHON", sys.executable),
    }
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            settings |= {
                "spark.ui.enabled": "false",
                "spark.driver.bindAddress": "127.0.0.1",
                "spark.driver.host": "127.0.0.1",
                "spark.sql.shuffle.partitions": "2",
            }
    for key, value in (settings | conf).items():
        builder = builder.config(key, value)
    from pyspark.errors import PySparkRuntimeError

    # A SparkContext takes its workers' interpreter from PYSPARK_PYTHON, else "python3" on
    # PATH (it ignores spark.pyspark.python, which only spark-submit reads): run as
    # .venv/bin/veille without activating the venv, that is a Python without veille.
    python = (settings | conf)["spark.pyspark.python"]
    previous = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = python
    try:
        return builder.getOrCreate()
    except PySparkRuntimeError as exc:
        # JAVA_GATEWAY_EXITED and the like: Spark's own message, then what to check.
        raise SparkStartError(
            f"Spark could not start ({' '.join(str(exc).split())[:200]})",
            fix="install Java 17 (Debian: apt-get install openjdk-17-jre-headless) and set "
            "JAVA_HOME to it, or check --master",
        ) from exc
    finally:  # the context has read it; leave the environment as it was
        if previous is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = previous


def _run(
    spark: SparkSession,
    input_paths: Sequence[str],
    output: str,
    *,
    options: ExtractOptions,
    partitions: int | None,
    input_format: str,
) -> SparkRunSummary:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    articles = read_articles(spark, input_paths, input_format=input_format)
    n_tasks = partitions or max(2, sc.defaultParallelism * 2)
    rows: RDD[Any] = articles.rdd.repartition(n_tasks) if n_tasks else articles.rdd
    extracted = rows.mapPartitionsWithIndex(
        functools.partial(_extract_partition, options=options)
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = dict(extracted.map(lambda r: (r[0], 1)).reduceByKey(lambda a, b: a + b).collect())
        failures = extracted.filter(lambda r: r[0] == FAILURE).map(lambda r: r[2])
        failures_path = _join(output, "failures")
        _write_lines(spark, failures.coalesce(1), failures_path)  # few; in input order

        members = extracted.filter(lambda r: r[0] == EVENT).map(lambda r: (r[1], r[2]))
        n_shuffle = spark.conf.get("spark.sql.shuffle.partitions")
        policy = deduplicator_of(options.config)  # the one the executors' Pipeline uses
        events, clusters = dedup_rdd(members, num_partitions=n_shuffle, policy=policy)
        keyed: RDD[tuple[tuple[str, int, str], str]] = events.map(
            lambda e: (_order_key(e), e.model_dump_json())
        ).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            n_events = keyed.count()  # dedup runs once; the sort's sampling reuses it
            events_path = _join(output, "events")
            ordered: RDD[tuple[tuple[str, int, str], str]] = keyed.sortByKey(
                numPartitions=int(n_shuffle) if n_shuffle else None
            )
            _write_lines(spark, ordered.values(), events_path)
        finally:
            keyed.unpersist()
            clusters.unpersist()
    finally:
        extracted.unpersist()
    return SparkRunSummary(
        articles_read=counts.get(ARTICLE, 0),
        failures=counts.get(FAILURE, 0),
        per_article_events=counts.get(EVENT, 0),
        events=n_events,
        events_path=events_path,
        failures_path=failures_path,
    )


# ---------------------------------------------------------------------------
# Stage 2: extraction, one Pipeline per executor Python process


@functools.cache
def _executor_pipeline(
    models: tuple[tuple[str, str], ...], config: PipelineConfig | None = None
) -> Pipeline:
    """The worker process's Pipeline, built on its first partition and then reused.

    Spark reuses Python workers between tasks (``spark.python.worker.reuse``, on by
    default), so spaCy models, gazetteer and actor dictionary load once per process,
    never per article or per task.
    """
    from veille.pipeline import Pipeline

    return Pipeline(models=dict(models) or None, config=config)


def _extract_partition(
    index: int, rows: Iterable[Any], *, options: ExtractOptions
) -> Iterator[tuple[str, str, str]]:
    """Rows -> (tag, uid, payload): per-article events as JSON, failures, article marks."""
    from veille.pipeline import ArticleResult

    pipeline = _executor_pipeline(options.models, options.config)
    pipeline.use_outlets(dict(options.outlets))
    stream = article_stream(
        (ArticleRow.from_row(r) for r in rows),
        pub_date=options.pub_date,
        language=options.language,
    )
    seq = 0
    for item in pipeline.process(stream):
        if isinstance(item, ArticleFailure):
            yield (FAILURE, "", item.model_dump_json())
            continue
        assert isinstance(item, ArticleResult)
        yield (ARTICLE, "", item.article.id)
        for ev in item.events:
            yield (EVENT, f"{index:06d}-{seq:09d}", ev.model_dump_json())
            seq += 1


# ---------------------------------------------------------------------------
# Stages 3-4: blocked dedup


def dedup_rdd(
    members: RDD[tuple[str, str]],
    *,
    num_partitions: str | None = None,
    policy: Deduplicating | None = None,
) -> tuple[RDD[Event], RDD[Any]]:
    """(uid, per-article event JSON) -> deduplicated, finalised events (unordered), by
    ``policy`` (default: the shipped ``dedup.Deduplicator()``; it travels to the tasks).

    Also returns the persisted per-block clusters, read three times; the caller
    unpersists them once the events are written.
    """
    n = int(num_partitions) if num_partitions else None
    rules: Deduplicating = dedup.Deduplicator() if policy is None else policy
    clusters = (
        members.flatMap(_keyed_member)
        .groupByKey(numPartitions=n)
        .flatMap(lambda kv: _blocking.cluster_block(kv[0], kv[1], policy=rules))
        .persist()
    )
    alone = clusters.filter(lambda c: not c.boundary_uids).flatMap(lambda c: c.events(rules))
    boundary = clusters.filter(lambda c: bool(c.boundary_uids))
    # Union-find per (country, family): only boundary components, their ids and uids.
    joined = (
        boundary.map(lambda c: (c.group, (c.component_id, c.boundary_uids)))
        .groupByKey(numPartitions=n)
        .flatMap(lambda kv: _blocking.join_clusters(kv[1]).items())
    )
    regrouped = (
        boundary.map(lambda c: (c.component_id, c))
        .join(joined, numPartitions=n)
        .map(lambda kv: (kv[1][1], kv[1][0]))
        .groupByKey(numPartitions=n)
        .flatMap(lambda kv: _blocking.recluster(kv[1], policy=rules))
    )
    # finalize per event: drops unresolved anaphors, recomputes, assigns the stable id.
    return alone.union(regrouped).mapPartitions(dedup.finalize), clusters


def _keyed_member(row: tuple[str, str]) -> list[tuple[_blocking.BlockKey, _blocking.Member]]:
    uid, payload = row
    member = _blocking.Member(uid, Event.model_validate_json(payload))
    return [(key, member) for key in member.keys]


def _order_key(e: Event) -> tuple[str, int, str]:
    """``dedup.sort_events``'s order (first article, first offset), then the id for ties."""
    return (
        min((m.article_id for m in e.mentions), default=""),
        min((m.start for m in e.mentions), default=0),
        e.event_id,
    )


# ---------------------------------------------------------------------------
# Output


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def _write_lines(spark: SparkSession, lines: RDD[str], path: str) -> None:
    """Write one string per line (UTF-8) as text part files under ``path``."""
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField("value", StringType(), nullable=False)])
    spark.createDataFrame(lines.map(lambda s: (s,)), schema).write.mode("overwrite").text(path)


def read_events(path: str) -> list[Event]:
    """The events a run wrote (a local ``OUT/events`` folder), in their written order."""
    from pathlib import Path

    out: list[Event] = []
    for part in sorted(Path(path).glob("part-*")):
        with part.open(encoding="utf-8") as fh:
            out.extend(Event.model_validate_json(line) for line in fh if line.strip())
    return out


def read_failures(path: str) -> list[ArticleFailure]:
    """The failures a run wrote (a local ``OUT/failures`` folder)."""
    from pathlib import Path

    out: list[ArticleFailure] = []
    for part in sorted(Path(path).glob("part-*")):
        with part.open(encoding="utf-8") as fh:
            out.extend(ArticleFailure.model_validate(json.loads(line)) for line in fh if line)
    return out
