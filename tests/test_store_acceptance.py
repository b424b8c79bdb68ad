"""Issue acceptance for the store, with the real pipeline on real inputs."""

from __future__ import annotations

import json
from pathlib import Path

from veille.model import Article, Event
from veille.store import open_store

SAMPLE = Path(__file__).resolve().parents[1] / "sample" / "articles.jsonl"


def _articles(path: Path) -> list[Article]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Article.model_validate(json.loads(line)) for line in lines if line.strip()]


def test_ingesting_the_sample_twice_adds_nothing_the_second_time(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'v.db'}")
    first = store.ingest(_articles(SAMPLE), pipeline)
    assert first.articles_added == 42 and first.events_added > 40 and not first.failures
    second = store.ingest(_articles(SAMPLE), pipeline)
    assert (second.articles_added, second.events_added, second.events_updated) == (0, 0, 0)
    assert second.articles_skipped == 42
    store.close()


def test_seed_then_the_arabic_post_alone_is_one_event_with_two_sources(
    tmp_path: Path, shared_dir: Path, pipeline
) -> None:  # type: ignore[no-untyped-def]
    seed = _articles(shared_dir / "examples" / "seed_article_fr.jsonl")[0]
    post_text = "\n".join(seed.text.split("\n")[3:5])  # the Arabic post and its attribution
    store = open_store(f"sqlite:///{tmp_path / 'v.db'}")
    store.ingest([seed], pipeline)
    before = store.count_events()
    report = store.ingest([Article(id="post-only", text=post_text)], pipeline)
    assert (report.events_added, report.events_updated) == (0, 1)
    assert store.count_events() == before
    omar = [e for e in store.events() if e.location and "Omar" in e.location.name]
    assert len(omar) == 1
    assert {s.article_id for s in omar[0].sources} == {seed.id, "post-only"}
    store.close()


def test_the_store_holds_extracts_events_field_by_field_whatever_the_order(
    tmp_path: Path, pipeline
) -> None:  # type: ignore[no-untyped-def]
    """``ingest`` (one article at a time, here in reverse and over two runs) stores the
    very events ``extract`` gives for the same input: one deduplication policy."""
    from veille.eval.dedup_pairs import load_pairs

    snippets = {}
    for pair in load_pairs(SAMPLE.parent / "dedup_pairs.jsonl"):
        snippets.setdefault(pair.a.id, pair.a)
        snippets.setdefault(pair.b.id, pair.b)
    articles = _articles(SAMPLE) + [
        Article(id=s.id, text=s.text, language=s.language, published=s.published)
        for s in snippets.values()
    ]
    extracted = pipeline.run(articles)
    # the input does exercise cross-article merging
    assert sum(len({m.article_id for m in e.mentions}) > 1 for e in extracted) >= 10
    store = open_store(f"sqlite:///{tmp_path / 'v.db'}")
    backwards = articles[::-1]
    store.ingest(backwards[:60], pipeline)
    store.ingest(backwards[60:], pipeline)
    stored = store.events()
    store.close()

    def by_id(events: list[Event]) -> list[dict[str, object]]:
        return [e.model_dump() for e in sorted(events, key=lambda e: e.event_id)]

    assert by_id(stored) == by_id(extracted)
