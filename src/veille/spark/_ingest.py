"""``ingest_spark``: extract on Spark executors, store on the driver through ``Store.ingest``.

The store's semantics (an article already stored is skipped, one transaction per
article, each article's events merged into the stored events of their dedup block,
failures in ``ingest_errors``) live in ``Store.ingest``, and its results depend on the
order of the articles (the first stored mention of an event gives it its id). So Spark
does the reading and the extraction, in parallel, and the driver feeds the per-article
results to ``Store.ingest`` in input order, exactly as ``veille ingest --engine local``
feeds the local reader's articles. Stages:

1. ``read_articles_in_order`` (``_io``): one row per input unit with its place in the
   input; the lines of every split of a JSONL file are counted (``LineNumbers``) so
   that each line gets the local reader's origin ``path:LINE``;
2. the rows are sorted by input position into ``partitions`` ranges (by Spark SQL)
   and read into ``Article`` / ``ArticleFailure`` by veille's readers (persisted);
3. the hashes of the articles read stream to the driver, which asks the store which
   are already stored; only those are broadcast (a set bounded by the input, not by the
   store);
4. ``mapPartitions``: one ``Pipeline`` per executor Python process (``_job``'s
   ``_executor_pipeline``) extracts every article not already stored; every input
   unit leaves as one ``ArticleOutcome`` JSON line, in input order (persisted, computed
   in parallel before the driver reads any of it);
5. the driver streams the outcomes partition by partition (``toLocalIterator``, never
   the whole corpus at once) into ``Store.ingest``, whose ``ArticleProcessor`` is
   ``PrecomputedExtraction``: it answers with the executor's result instead of running
   spaCy.

Inputs Spark cannot express the way the local reader does (a missing local path, a
local file of an unsupported type) are read by the local reader itself, which turns
them into its usual failures at their place in the input.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from veille.errors import InputError, StoreError, VeilleError
from veille.ingest import EXTENSION_KINDS, read_inputs
from veille.model import Article, ArticleFailure, Event, Source
from veille.registry import deduplicator_of
from veille.spark._io import (
    ORDER_COLUMNS,
    LineNumbers,
    article_stream,
    classify,
    holds_readable_file,
    jsonl_encoding_error,
    ordered_rows,
    plain_local_path,
    read_articles_in_order,
    unmatched_pattern_error,
)
from veille.spark._job import APP_NAME, ExtractOptions, _executor_pipeline, _session
from veille.store import IngestReport, ProcessedArticle, Store, content_sha256

if TYPE_CHECKING:
    from pyspark import Broadcast
    from pyspark.sql import Row, SparkSession

    from veille.config import PipelineConfig
    from veille.geo import OutletProfile
    from veille.pipeline import ArticleResult, Pipeline


class _Outcome(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unreadable(_Outcome):
    """An input unit the readers could not turn into an article (stored as a failure)."""

    kind: Literal["unreadable"] = "unreadable"
    failure: ArticleFailure


class Extracted(_Outcome):
    """An article and its own events (deduplicated within it), as an executor's
    ``Pipeline`` gave them: a ``ProcessedArticle`` for ``Store.ingest``."""

    kind: Literal["extracted"] = "extracted"
    article: Article
    sources: list[Source]
    events: list[Event]


class ExtractionFailed(_Outcome):
    """An article the pipeline refused (no text, unknown language...)."""

    kind: Literal["failed"] = "failed"
    article: Article
    failure: ArticleFailure


class AlreadyStored(_Outcome):
    """An article whose text was stored when the run started: not extracted."""

    kind: Literal["stored"] = "stored"
    article: Article


ArticleOutcome = Annotated[
    Unreadable | Extracted | ExtractionFailed | AlreadyStored, Field(discriminator="kind")
]


class OutcomeLine(RootModel[ArticleOutcome]):
    """One ``ArticleOutcome`` as a JSON line, from an executor to the driver."""


class PrecomputedExtraction:
    """An ``ArticleProcessor`` over results computed elsewhere (the Spark executors).

    ``items()`` feeds ``Store.ingest`` the articles and failures in input order;
    ``process_article`` then answers for the article ``items()`` yielded last (the one
    ``Store.ingest`` is storing), raising what ``Pipeline.process_article`` raises for an
    article the pipeline refused.
    """

    def __init__(self, outcomes: Iterable[ArticleOutcome]) -> None:
        self._outcomes = outcomes
        self._current: ArticleOutcome | None = None

    def items(self) -> Iterator[Article | ArticleFailure]:
        for outcome in self._outcomes:
            self._current = outcome
            yield outcome.failure if isinstance(outcome, Unreadable) else outcome.article

    def process_article(self, article: Article) -> ProcessedArticle:
        outcome = self._current
        if isinstance(outcome, Unreadable) or outcome is None or outcome.article is not article:
            raise RuntimeError("process_article called for an article items() did not yield last")
        if isinstance(outcome, Extracted):
            return outcome
        if isinstance(outcome, ExtractionFailed):
            failure = outcome.failure
            raise InputError(failure.cause, where=failure.origin, fix=failure.fix or None)
        raise StoreError(
            "the article was stored when this run started but no longer is, so it was "
            "not extracted",
            where=article.origin or article.id,
            fix="run the same ingest again",
        )


@dataclass(frozen=True, slots=True)
class _InputPlan:
    """Which paths Spark reads (with their index among all paths), and the failures the
    local reader gives for the others, by index."""

    spark_paths: list[tuple[int, str]]
    local_failures: Mapping[int, list[ArticleFailure]]


def ingest_spark(
    store: Store,
    input_paths: Sequence[str],
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
    on_item: Callable[[Article | ArticleFailure], None] | None = None,
    outlets: Mapping[str, OutletProfile] | None = None,
    config: PipelineConfig | None = None,
) -> IngestReport:
    """Ingest articles into ``store`` with the extraction distributed on Spark.

    The same store contents as ``store.ingest(read_inputs(paths), Pipeline())`` (events,
    ids, articles, ``ingest_errors``), with articles already stored skipped before
    extraction. ``master``, ``spark``, ``partitions``, ``input_format``, ``conf``: as
    for ``run_spark``. ``on_item`` is called after each input unit is stored, skipped or
    recorded as failed. ``outlets``: profiles read from the store before the ingest
    (``veille.outlets.outlet_profiles``), as the local engine's ``Pipeline`` gets them.
    ``config``: the executors' ``Pipeline(config=...)``, as for ``run_spark``.
    Raises ``InputError`` for inputs Spark cannot read here (standard input, http(s)
    URLs: use the local engine).
    """
    plan = _plan_inputs(
        input_paths, pub_date=pub_date, language=language, input_format=input_format
    )
    options = ExtractOptions(
        pub_date=pub_date,
        language=language,
        models=tuple(sorted((models or {}).items())),
        outlets=tuple(sorted((outlets or {}).items())),
        config=config,
    )
    if not plan.spark_paths:  # nothing for Spark: only the local reader's failures
        only_failures = PrecomputedExtraction(_with_local_failures(iter(()), plan))
        return store.ingest(
            only_failures.items(), only_failures, on_item=on_item, policy=deduplicator_of(config)
        )
    own = spark is None
    session = spark if spark is not None else _session(master, app_name, conf or {})
    try:
        return _ingest(
            session,
            store,
            plan,
            options=options,
            partitions=partitions,
            input_format=input_format,
            on_item=on_item,
        )
    finally:
        if own:
            session.stop()


def _plan_inputs(
    paths: Sequence[str],
    *,
    pub_date: date | None,
    language: str | None,
    input_format: str = "auto",
) -> _InputPlan:
    spark_paths: list[tuple[int, str]] = []
    local_failures: dict[int, list[ArticleFailure]] = {}
    for index, path in enumerate(paths):
        if path == "-" or path.startswith(("http://", "https://")):
            raise InputError(
                "standard input and http(s) URLs are not read by the Spark engine",
                where=path,
                fix="give files, folders, globs or hdfs:// / s3a:// URIs, or use --engine local",
            )
        # What Spark would stop on (a pattern matching nothing) or misread (a legacy
        # encoding): one failed input instead.
        error = unmatched_pattern_error(path) or jsonl_encoding_error(
            path, classify(path, input_format)
        )
        if error is not None:
            local_failures[index] = [ArticleFailure(origin=path, cause=error.cause, fix=error.fix)]
        elif _local_reader_fails(path, input_format):
            failures: list[ArticleFailure] = []
            for item in read_inputs([path], pub_date=pub_date, language=language):
                if not isinstance(item, ArticleFailure):  # it rejects such a path whole
                    raise RuntimeError(f"{path}: the local reader read an article from it")
                failures.append(item)
            local_failures[index] = failures
        else:
            spark_paths.append((index, path))
    return _InputPlan(spark_paths, local_failures)


def _local_reader_fails(path: str, input_format: str = "auto") -> bool:
    """A local path the local reader rejects whole: missing, a file of a type it does
    not read, or a directory holding no file it reads (Spark would silently skip all
    three, and the run would end "successfully" with nothing read). Parquet, and any
    format the user names, is Spark's to read."""
    if not plain_local_path(path):
        return False
    target = Path(path)
    if not target.exists():
        return True
    if input_format != "auto" or classify(path) == "parquet":
        return False
    if target.is_dir():
        return not holds_readable_file(target)
    return target.is_file() and target.suffix.lower() not in EXTENSION_KINDS


def _ingest(
    spark: SparkSession,
    store: Store,
    plan: _InputPlan,
    *,
    options: ExtractOptions,
    partitions: int | None,
    input_format: str,
    on_item: Callable[[Article | ArticleFailure], None] | None,
) -> IngestReport:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    frame = read_articles_in_order(
        spark, [path for _, path in plan.spark_paths], input_format=input_format
    )
    numbers = sc.broadcast(LineNumbers.count(frame))
    n_tasks = partitions or max(2, sc.defaultParallelism * 2)
    # Sorted by Spark SQL (range partitions, sampled in the JVM): the Python side then
    # sees each partition in input order, and the partitions in order.
    in_order = frame.repartitionByRange(n_tasks, *ORDER_COLUMNS).sortWithinPartitions(
        *ORDER_COLUMNS
    )
    read = in_order.rdd.mapPartitions(
        functools.partial(_read_partition, numbers=numbers, options=options)
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        read.count()  # read in parallel once; the hash pass and the extraction reuse it
        hashes = read.mapPartitions(_article_hashes).toLocalIterator()
        stored = sc.broadcast(frozenset(store.stored_hashes(hashes)))
        outcomes = read.mapPartitions(
            functools.partial(_extract_partition, options=options, stored=stored)
        ).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            outcomes.count()  # extract in parallel; the driver then reads partition by partition
            read.unpersist()  # the outcomes hold all that is left to do
            spark_indices = [index for index, _ in plan.spark_paths]
            parsed = (
                (spark_indices[i], OutcomeLine.model_validate_json(line).root)
                for i, line in outcomes.toLocalIterator()
            )
            processor = PrecomputedExtraction(_with_local_failures(parsed, plan))
            # The events are deduplicated into the store by the config's policy, as the
            # local engine's Pipeline(config=...) would have them.
            return store.ingest(
                processor.items(),
                processor,
                on_item=on_item,
                policy=deduplicator_of(options.config),
            )
        finally:
            outcomes.unpersist()
            stored.destroy()
    finally:
        read.unpersist()
        numbers.destroy()


def _with_local_failures(
    outcomes: Iterator[tuple[int, ArticleOutcome]], plan: _InputPlan
) -> Iterator[ArticleOutcome]:
    """Spark's outcomes (by path index, in order) with the local reader's failures for
    the other paths at their places."""
    waiting = sorted(plan.local_failures.items())
    for index, outcome in outcomes:
        while waiting and waiting[0][0] < index:
            yield from (Unreadable(failure=f) for f in waiting.pop(0)[1])
        yield outcome
    for _, failures in waiting:
        yield from (Unreadable(failure=f) for f in failures)


# ---------------------------------------------------------------------------
# Executor side


def _read_partition(
    rows: Iterable[Row], *, numbers: Broadcast[LineNumbers], options: ExtractOptions
) -> Iterator[tuple[int, Article | ArticleFailure]]:
    """Rows in input order -> (path index, what veille's readers read from the row)."""
    for key, row in ordered_rows(rows, numbers.value):
        for item in article_stream([row], pub_date=options.pub_date, language=options.language):
            yield key[0], item


def _article_hashes(items: Iterable[tuple[int, Article | ArticleFailure]]) -> Iterator[str]:
    hashes = (content_sha256(item) for _, item in items if isinstance(item, Article))
    return iter(dict.fromkeys(hashes))


def _extract_partition(
    items: Iterable[tuple[int, Article | ArticleFailure]],
    *,
    options: ExtractOptions,
    stored: Broadcast[frozenset[str]],
) -> Iterator[tuple[int, str]]:
    """(path index, item) -> (path index, ``ArticleOutcome`` JSON), one per item, in order.

    Only the articles not already stored go through the ``Pipeline``, in its batches.
    """
    from veille.pipeline import BATCH_SIZE

    known = stored.value
    pipeline = _executor_pipeline(options.models, options.config)
    pipeline.use_outlets(dict(options.outlets))
    # Outcomes ready to leave, and articles whose outcome the next batch gives.
    chunk: list[tuple[int, _Outcome | Article]] = []
    articles: list[Article] = []
    for index, item in items:
        if isinstance(item, ArticleFailure):
            chunk.append((index, Unreadable(failure=item)))
        elif content_sha256(item) in known:
            chunk.append((index, AlreadyStored(article=item)))
        else:
            chunk.append((index, item))
            articles.append(item)
        if len(articles) >= BATCH_SIZE:
            yield from _flush(chunk, _extract_batch(pipeline, articles))
            chunk, articles = [], []
    yield from _flush(chunk, _extract_batch(pipeline, articles))


def _extract_batch(pipeline: Pipeline, articles: list[Article]) -> list[_Outcome]:
    """One outcome per article. A ``VeilleError`` the pipeline raises (rather than
    reports) fails the articles one by one, as ``Store.ingest`` records it locally."""
    if not articles:
        return []
    try:
        results = list(pipeline.process(articles))
    except VeilleError:
        return [_extract_alone(pipeline, article) for article in articles]
    if len(results) != len(articles):
        raise RuntimeError(f"the pipeline gave {len(results)} results for {len(articles)} articles")
    return [_outcome(article, result) for article, result in zip(articles, results, strict=True)]


def _extract_alone(pipeline: Pipeline, article: Article) -> _Outcome:
    try:
        return _outcome(article, pipeline.process_article(article))
    except VeilleError as exc:
        failure = ArticleFailure(
            origin=exc.where or article.origin or article.id,
            article_id=article.id,
            cause=exc.cause,
            fix=exc.fix or "",
        )
        return ExtractionFailed(article=article, failure=failure)


def _flush(
    chunk: list[tuple[int, _Outcome | Article]], extracted: list[_Outcome]
) -> Iterator[tuple[int, str]]:
    results = iter(extracted)
    for index, entry in chunk:
        outcome = entry if isinstance(entry, _Outcome) else next(results)
        yield index, outcome.model_dump_json()


def _outcome(article: Article, result: ArticleResult | ArticleFailure) -> _Outcome:
    if isinstance(result, ArticleFailure):
        return ExtractionFailed(article=article, failure=result)
    return Extracted(article=article, sources=result.sources, events=result.events)
