"""Ingest: the pipeline runs over batches of articles, the store only persists."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from veille.ingest_store import BATCH_SIZE, ingest_articles
from veille.model import Article, ArticleFailure
from veille.store import open_store
from veille.store._synthetic import SyntheticPipeline, SyntheticResult, synthetic_item


class Batched(SyntheticPipeline):
    """A batch processor that records the batches it was given."""

    def __init__(self, items: list[object]) -> None:
        super().__init__(items)  # type: ignore[arg-type]
        self.batches: list[list[str]] = []

    def process(
        self, articles: Iterable[Article | ArticleFailure]
    ) -> Iterator[SyntheticResult | ArticleFailure]:
        batch = list(articles)
        self.batches.append([a.id for a in batch if isinstance(a, Article)])
        for a in batch:
            assert isinstance(a, Article)
            if a.id.endswith("-3"):
                yield ArticleFailure(origin=a.id, article_id=a.id, cause="unreadable", fix="-")
            else:
                yield super().process_article(a)

    def process_article(self, article: Article) -> SyntheticResult:
        raise AssertionError("ingest must not extract one article at a time")


def test_ingest_extracts_in_batches_and_skips_stored_articles_before_extracting(
    tmp_path: Path,
) -> None:
    items = [synthetic_item(i) for i in range(70)]
    pipe = Batched(items)
    seen: list[str] = []
    with open_store(f"sqlite:///{tmp_path / 'v.sqlite'}") as store:
        report = ingest_articles(
            store,
            [it.article for it in items[:40]],
            pipe,
            on_item=lambda item: (
                seen.append(item.article_id or "")
                if isinstance(item, ArticleFailure)
                else seen.append(item.id)
            ),
        )
        assert [len(b) for b in pipe.batches] == [BATCH_SIZE, 40 - BATCH_SIZE]
        assert seen == [it.article.id for it in items[:40]]  # in input order
        assert report.articles_added == 39 and [f.article_id for f in report.failures] == [
            items[3].article.id
        ]
        # A second run extracts only what the store does not hold yet.
        pipe.batches.clear()
        again = ingest_articles(store, [it.article for it in items], pipe)
        new_ids = [it.article.id for it in items[40:]]
        assert [a for b in pipe.batches for a in b] == [items[3].article.id, *new_ids]
        assert (again.articles_added, again.articles_skipped) == (30, 39)
        assert store.stats().articles == 69


def test_the_same_text_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    item = synthetic_item(1)
    twin = item.article.model_copy(update={"id": "twin"})

    class Twins(Batched):
        def process(
            self, articles: Iterable[Article | ArticleFailure]
        ) -> Iterator[SyntheticResult | ArticleFailure]:
            for a in articles:
                assert isinstance(a, Article)
                yield SyntheticResult(a, [item.source], [item.event])

    pipe = Twins([item])
    with open_store(f"sqlite:///{tmp_path / 'v.sqlite'}") as store:
        report = ingest_articles(store, [item.article, twin], pipe)
        assert (report.articles_added, report.articles_skipped) == (1, 1)
        assert store.stats().articles == 1


def test_the_store_does_not_import_extraction() -> None:
    """Layering: the store persists and queries; ingest (a later module) extracts."""
    code = (
        "import sys, veille.store; "
        "print(sorted(m for m in sys.modules if m in "
        "('veille.pipeline', 'veille.ingest_store', 'spacy', 'veille.nlp')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_one_id_for_two_texts_in_one_batch_is_a_failure_not_a_skip(tmp_path: Path) -> None:
    item = synthetic_item(1)
    other = item.article.model_copy(update={"text": item.article.text + " (updated)"})

    class Both(Batched):
        def process(
            self, articles: Iterable[Article | ArticleFailure]
        ) -> Iterator[SyntheticResult | ArticleFailure]:
            for a in articles:
                assert isinstance(a, Article)
                yield SyntheticResult(a, [item.source], [item.event])

    with open_store(f"sqlite:///{tmp_path / 'v.sqlite'}") as store:
        report = ingest_articles(store, [item.article, other], Both([item]))
        assert report.articles_added == 1
        assert [f.cause for f in report.failures] == [
            f"an article with id {item.article.id!r} but other text is already stored"
        ]
