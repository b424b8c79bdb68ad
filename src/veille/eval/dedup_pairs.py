"""Score cross-document, cross-lingual deduplication on labelled mention pairs.

Each pair holds two short snippets (any of fr/ar/en) and whether they report the same
event. Every snippet is extracted on its own; then:

* pairwise: the two snippets' events are deduplicated together; the pair is predicted
  "same" when one resulting event has mentions from both snippets;
* B-cubed: all snippets' events are deduplicated together (as a real run would); each
  snippet's predicted cluster is the snippets it shares an event with, its gold cluster
  the connected component of the positive pairs it belongs to.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from veille.model import Article, Event
from veille.pipeline import ArticleResult, Pipeline


class Snippet(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    language: str
    published: date | None = None
    text: str


class Pair(BaseModel):
    model_config = ConfigDict(extra="ignore")
    pair_id: str
    a: Snippet
    b: Snippet
    same_event: bool


@dataclass
class DedupScores:
    pairs: int
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int
    no_event: int  # pairs where a side gave no event at all (counted as "different")
    bcubed_precision: float
    bcubed_recall: float

    @property
    def precision(self) -> float:
        d = self.true_positive + self.false_positive
        return self.true_positive / d if d else 0.0

    @property
    def recall(self) -> float:
        d = self.true_positive + self.false_negative
        return self.true_positive / d if d else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_pairs(path: Path) -> list[Pair]:
    return [
        Pair.model_validate(json.loads(line))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _shares_event(events: Sequence[Event], a: str, b: str) -> bool:
    return any({a, b} <= {m.article_id for m in e.mentions} for e in events)


def evaluate_pairs(path: Path, pipeline: Pipeline | None = None) -> DedupScores:
    pipe = pipeline or Pipeline()
    pairs = load_pairs(path)
    snippets: dict[str, Snippet] = {}
    for p in pairs:
        snippets.setdefault(p.a.id, p.a)
        snippets.setdefault(p.b.id, p.b)
    articles = [
        Article(id=s.id, text=s.text, language=s.language, published=s.published)
        for s in snippets.values()
    ]
    per_snippet: dict[str, list[Event]] = {s: [] for s in snippets}
    for item in pipe.process(articles):
        if isinstance(item, ArticleResult):
            per_snippet[item.article.id] = list(item.events)
    tp = fp = fn = tn = empty = 0
    for p in pairs:
        ea, eb = per_snippet[p.a.id], per_snippet[p.b.id]
        if not ea or not eb:
            empty += 1
        same = bool(ea and eb) and _shares_event(pipe.deduplicate([*ea, *eb]), p.a.id, p.b.id)
        if same and p.same_event:
            tp += 1
        elif same:
            fp += 1
        elif p.same_event:
            fn += 1
        else:
            tn += 1
    # B-cubed over the global clustering.
    merged = pipe.deduplicate([e for evs in per_snippet.values() for e in evs])
    predicted: dict[str, set[str]] = {s: {s} for s in snippets}
    for e in merged:
        ids = {m.article_id for m in e.mentions}
        for i in ids:
            predicted[i] |= ids
    gold: dict[str, set[str]] = {s: {s} for s in snippets}
    for p in pairs:
        if p.same_event:
            joined = gold[p.a.id] | gold[p.b.id]
            for i in joined:
                gold[i] = joined
    prec = sum(len(predicted[s] & gold[s]) / len(predicted[s]) for s in snippets) / len(snippets)
    rec = sum(len(predicted[s] & gold[s]) / len(gold[s]) for s in snippets) / len(snippets)
    return DedupScores(len(pairs), tp, fp, fn, tn, empty, prec, rec)
