"""Ingest: articles in, events stored; extraction batched, the store only persists.

``ingest_articles`` reads the items in chunks, asks the store which articles it
already holds (by text), runs the pipeline over the new ones of a chunk at once (a
``Pipeline`` parses them through spaCy's ``nlp.pipe`` in one batch), then persists each
article with its events in its own transaction (``Store.persist``: deduplication
against the stored events by the deduplicator the processor's config names, the one
``extract`` applies with that config, unless the caller gives another). Failures are recorded in the
store's ``ingest_errors`` and returned; they never stop the batch. Side effects
(stored articles, recorded failures, ``on_item`` calls) happen in input order.

A processor with only ``process_article`` (a test fake; Spark's precomputed results,
which answer for the item last read) is run one article at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from veille.config import PipelineConfig
from veille.errors import VeilleError
from veille.model import Article, ArticleFailure
from veille.registry import deduplicator_of
from veille.store import ArticleProcessor, IngestReport, ProcessedArticle, Store, content_sha256

if TYPE_CHECKING:
    from veille.registry import Deduplicating

#: Articles extracted together: ``veille.pipeline.BATCH_SIZE``, one ``nlp.pipe`` batch.
BATCH_SIZE = 32

Item = Article | ArticleFailure


@runtime_checkable
class BatchProcessor(Protocol):
    """A processor that extracts many articles at once (``veille.pipeline.Pipeline``):
    one result per input, in input order."""

    def process(self, articles: Iterable[Item]) -> Iterator[ProcessedArticle | ArticleFailure]: ...


@runtime_checkable
class Configured(Protocol):
    """A processor built from a config (``veille.pipeline.Pipeline``)."""

    @property
    def config(self) -> PipelineConfig: ...


def policy_of(processor: object) -> Deduplicating:
    """The deduplicator of ``processor``'s config (``registry.deduplicator_of``): the
    one ``extract`` applies with it; the shipped one for a processor without a config."""
    config = processor.config if isinstance(processor, Configured) else None
    return deduplicator_of(config if isinstance(config, PipelineConfig) else None)


def ingest_articles(
    store: Store,
    items: Iterable[Item],
    processor: BatchProcessor | ArticleProcessor,
    *,
    on_item: Callable[[Item], None] | None = None,
    batch_size: int | None = None,
    policy: Deduplicating | None = None,
) -> IngestReport:
    """Extract and store articles; idempotent, one transaction per article.

    An article whose text is already stored is skipped without extraction; an article
    whose id is stored with other text is a failure. Rerunning an interrupted ingest
    resumes it. ``policy``: the deduplicator into the stored events (default:
    ``policy_of(processor)``, so the store holds the events ``extract`` gives with the
    processor's config). ``batch_size``: articles extracted together before they are
    stored (default ``BATCH_SIZE``).
    """
    if batch_size is None:
        batch_size = BATCH_SIZE
    elif batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    dedup_policy = policy_of(processor) if policy is None else policy
    if isinstance(processor, BatchProcessor):
        extract: Callable[[list[Article]], Iterable[ProcessedArticle | ArticleFailure]] = (
            processor.process
        )
    else:
        extract, batch_size = _one_at_a_time(processor), 1
    run = store.start_run()
    report = IngestReport(run_id=run)
    seen: set[str] = set()
    # Failures already in ingest_errors: a feed polled every 15 minutes repeats its bad
    # entries, which are recorded once, not once per poll.
    recorded = store.recorded_failures()
    try:
        stream = iter(items)
        while chunk := list(islice(stream, batch_size)):
            _ingest_chunk(store, chunk, extract, run, report, seen, recorded, on_item, dedup_policy)
    finally:
        store.finish_run(run, report)
    return report


def _ingest_chunk(
    store: Store,
    chunk: list[Item],
    extract: Callable[[list[Article]], Iterable[ProcessedArticle | ArticleFailure]],
    run: int,
    report: IngestReport,
    seen: set[str],
    recorded: set[tuple[str, str]],
    on_item: Callable[[Item], None] | None,
    policy: Deduplicating,
) -> None:
    # What the store already holds decides what is extracted at all.
    admitted: dict[int, str | ArticleFailure | None] = {}  # sha, failure, None: skip
    asked = [
        (i, item, content_sha256(item)) for i, item in enumerate(chunk) if isinstance(item, Article)
    ]
    answers = store.admit([(item, sha) for _, item, sha in asked])
    for (i, _, sha), answer in zip(asked, answers, strict=True):
        status = "stored" if sha in seen else answer
        if status == "stored":
            seen.add(sha)
            admitted[i] = None
        elif isinstance(status, ArticleFailure):
            admitted[i] = status
        else:
            admitted[i] = sha
    todo = [i for i, a in admitted.items() if isinstance(a, str)]
    ids: set[str] = set()  # articles stored from this chunk
    results = dict(zip(todo, extract([_article(chunk[i]) for i in todo]), strict=True))
    for i, item in enumerate(chunk):
        if isinstance(item, ArticleFailure):
            store.record_failure(run, item, report, recorded)
        elif admitted[i] is None:
            report.articles_skipped += 1
        elif isinstance(failure := admitted[i], ArticleFailure):
            store.record_failure(run, failure, report, recorded)
        elif isinstance(result := results[i], ArticleFailure):
            store.record_failure(run, result, report, recorded)
        else:
            sha = content_sha256(item)
            # Two articles of one chunk with the same text, or the same id: the store's
            # answer before the chunk no longer holds once the first is stored.
            again = store.admit([(result.article, sha)])[0] if result.article.id in ids else "new"
            if sha in seen or again == "stored":
                report.articles_skipped += 1
            elif isinstance(again, ArticleFailure):
                store.record_failure(run, again, report, recorded)
            elif store.persist(run, result, sha, report, recorded, policy=policy):
                seen.add(sha)
                ids.add(result.article.id)
        if on_item is not None:
            on_item(item)


def _article(item: Item) -> Article:
    assert isinstance(item, Article)  # only admitted articles are extracted
    return item


def _one_at_a_time(
    processor: ArticleProcessor,
) -> Callable[[list[Article]], Iterator[ProcessedArticle | ArticleFailure]]:
    def extract(articles: list[Article]) -> Iterator[ProcessedArticle | ArticleFailure]:
        for article in articles:
            try:
                yield processor.process_article(article)
            except VeilleError as exc:
                yield ArticleFailure(
                    origin=exc.where or article.origin or article.id,
                    article_id=article.id,
                    cause=exc.cause,
                    fix=exc.fix or "",
                )
            except Exception as exc:  # noqa: BLE001 - a bug met on one article is its failure
                yield ArticleFailure.of(article, exc, "extracting events from", "were stored")

    return extract
