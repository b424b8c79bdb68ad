"""The news_dev split: fixed by the article id alone, balanced, and reported by the
maintainers' scorer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from veille.errors import InputError
from veille.eval.news import split_of


def test_the_split_depends_on_the_id_only_and_is_stable() -> None:
    ids = [f"article-{k}" for k in range(400)]
    halves = [split_of(i) for i in ids]
    assert halves == [split_of(i) for i in ids]
    # The documented rule: the parity of the last byte of SHA-256(id).
    assert all(
        (h == "train") == (hashlib.sha256(i.encode()).digest()[-1] % 2 == 0)
        for i, h in zip(ids, halves, strict=True)
    )
    assert 150 < halves.count("train") < 250


def test_an_unknown_split_is_refused(shared_dir: Path) -> None:
    from veille.eval.news import score_news

    with pytest.raises(InputError, match="no split"):
        score_news(shared_dir / "data" / "news_dev", shared_dir / "tools" / "x.py", "dev")


def test_a_language_keeps_only_its_articles_and_their_gold_events() -> None:
    from veille.eval.news import _select
    from veille.model import Article

    ids = [f"article-{k}" for k in range(40)]
    langs = ["fr", "ar", "en"]
    articles = [
        Article(id=i, language=langs[k % 3], published="2024-03-12", text="x")
        for k, i in enumerate(ids)
    ]
    gold: dict[str, object] = {
        "articles": [{"id": i, "events": [{"key": f"{i}#1"}]} for i in ids],
        "same_event": [[f"{ids[0]}#1", f"{ids[1]}#1"]],
    }
    sub_gold, sub_articles = _select(gold, articles, "all", "ar")
    assert {a.id for a in sub_articles} == {i for k, i in enumerate(ids) if k % 3 == 1}
    docs = sub_gold["articles"]
    assert isinstance(docs, list) and {d["id"] for d in docs} == {a.id for a in sub_articles}
    assert sub_gold["same_event"] == []  # its fr side is not scored
    half, _ = _select(gold, articles, "train", "ar")
    half_docs = half["articles"]
    assert isinstance(half_docs, list)
    assert {d["id"] for d in half_docs} < {d["id"] for d in docs}
