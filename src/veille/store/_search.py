"""Full-text search over the stored articles' titles and texts.

Each backend uses its own index: SQLite the ``articles_fts`` FTS5 table (kept in step
with ``articles`` by the migration's triggers), ranked by FTS5's ``rank``; PostgreSQL a
``simple`` tsvector, newest first; any other database a plain ``ILIKE`` on every word.
A hit carries a snippet of the text around the first word found.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from veille.store._queries import escape_like
from veille.store._records import SearchHit
from veille.store._schema import ArticleRow

#: Results of one search, at most (and at least one).
MAX_HITS = 200

_WORD = re.compile(r"\w+", re.UNICODE)


def search(s: Session, dialect: str, query: str, *, limit: int) -> list[SearchHit]:
    """The articles holding every word of ``query`` (``dialect``: the session's
    database, ``sqlite``, ``postgresql`` or another), at most ``limit`` of them."""
    words = _WORD.findall(query)
    if not words:
        return []
    limit = max(1, min(limit, MAX_HITS))
    if dialect == "sqlite":
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        rows = s.execute(
            text(
                "SELECT a.id, a.title, a.published, a.text FROM articles_fts "
                "JOIN articles a ON a.pk = articles_fts.rowid "
                "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"
            ),
            {"q": match, "n": limit},
        ).all()
    elif dialect == "postgresql":
        rows = s.execute(
            text(
                "SELECT id, title, published, text FROM articles WHERE "
                "to_tsvector('simple', coalesce(title, '') || ' ' || text) "
                "@@ plainto_tsquery('simple', :q) ORDER BY published DESC NULLS LAST, "
                "id LIMIT :n"
            ),
            {"q": " ".join(words), "n": limit},
        ).all()
    else:
        conds = [ArticleRow.text.ilike("%" + escape_like(w) + "%", escape="\\") for w in words]
        rows = s.execute(
            select(ArticleRow.id, ArticleRow.title, ArticleRow.published, ArticleRow.text)
            .where(*conds)
            .limit(limit)
        ).all()
    hits = []
    for article_id, title, published, body in rows:
        if isinstance(published, str):
            published = date.fromisoformat(published)
        hits.append(
            SearchHit(
                article_id=article_id,
                title=title,
                published=published,
                snippet=snippet(body, words),
            )
        )
    return hits


def snippet(body: str, words: list[str], width: int = 90) -> str:
    """About ``width`` characters of ``body`` either side of the first of ``words`` it
    holds (its start when none), whitespace collapsed, an ellipsis where cut."""
    low = body.lower()
    at = min((i for i in (low.find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, at - width)
    end = min(len(body), at + width)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(body) else ""
    return head + " ".join(body[start:end].split()) + tail
