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
