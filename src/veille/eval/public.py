"""Adapters that score veille on the public development gold sets (``../shared/data``).

* ``evaluate_plover``: PLOVER GSR sentences (English); the predicted type of a sentence
  is the PLOVER type of its most confident event, or ``"none"``.
* ``evaluate_arabic``: the Arabic event GSR; per tested type (ASSAULT, PROTEST) a
  sentence is positive when an event of that PLOVER type is extracted from it.
  ``ambiguous`` sentences are left out.
* ``evaluate_temporal``: TempEval-3 platinum DATE timexes against
  ``veille.nlp.dates.find_date_expressions`` (span overlap, then the value written
  at the precision veille resolved it to).

Every sentence is one ``Article`` (id = record id, its language, no publication date).
Sentences are streamed through one ``Pipeline`` in batches with ``Pipeline.process``:
its per-article results are what ``run_detailed`` aggregates, before the cross-article
deduplication, which would otherwise merge look-alike events of different sentences.
Nothing here prints; the results are typed records (``python -m veille.eval.report``
shows them).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from veille.errors import InputError
from veille.model import Article, ArticleFailure, Event
from veille.nlp.dates import DateExpression, find_date_expressions
from veille.pipeline import Pipeline

NONE = "none"
ARABIC_TYPES = ("ASSAULT", "PROTEST")


# ---------------------------------------------------------------------------
# Result records


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of one class; precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class BinaryScores:
    """One binary decision (is there an event of this type in the sentence?)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    failures: int = 0  # sentences the pipeline could not read (counted as negatives)

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def accuracy(self) -> float:
        return _ratio(self.tp + self.tn, self.n)


@dataclass(frozen=True, slots=True)
class ClassificationScores:
    """Single-label classification of sentences into PLOVER types (or ``none``)."""

    n: int
    correct: int
    labels: tuple[str, ...]  # gold types present, sorted
    per_type: dict[str, PRF]  # every gold or predicted label
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    failures: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.n)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the gold types present (a type never predicted scores 0)."""
        if not self.labels:
            return 0.0
        return sum(self.per_type[t].f1 for t in self.labels) / len(self.labels)


@dataclass(frozen=True, slots=True)
class DateScores:
    """TimeML DATE values: found (span overlap) and right (same value)."""

    gold: int  # DATE timexes in the gold
    found: int  # with an overlapping veille expression
    correct: int  # ... whose value, at veille's precision, equals the gold value
    predicted: int  # veille expressions with a value
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (document id, text, gold value, predicted value or "-")

    @property
    def accuracy(self) -> float:
        """End to end: right values over all gold DATE timexes."""
        return _ratio(self.correct, self.gold)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def value_accuracy_on_found(self) -> float:
        return _ratio(self.correct, self.found)


def classification_scores(
    pairs: Iterable[tuple[str, str]], *, failures: int = 0
) -> ClassificationScores:
    """Score (gold, predicted) label pairs."""
    pairs = list(pairs)
    confusion: dict[str, Counter[str]] = {}
    for gold, pred in pairs:
        confusion.setdefault(gold, Counter())[pred] += 1
    labels = tuple(sorted({g for g, _ in pairs}))
    all_labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    per_type: dict[str, PRF] = {}
    for lab in all_labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        per_type[lab] = PRF(tp, fp, fn)
    return ClassificationScores(
        n=len(pairs),
        correct=sum(1 for g, p in pairs if g == p),
        labels=labels,
        per_type=per_type,
        confusion={g: dict(c) for g, c in sorted(confusion.items())},
        failures=failures,
    )


def binary_scores(pairs: Iterable[tuple[bool, bool]], *, failures: int = 0) -> BinaryScores:
    """Score (gold positive, predicted positive) pairs."""
    c: Counter[tuple[bool, bool]] = Counter(pairs)
    return BinaryScores(
        tp=c[True, True],
        fp=c[False, True],
        fn=c[True, False],
        tn=c[False, False],
        failures=failures,
    )


# ---------------------------------------------------------------------------
# Reading and running


def read_jsonl(path: Path | str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Records of a JSON Lines file (the first ``limit`` when given)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(
            f"gold file not found: {p}",
            where=str(p),
            fix="the public dev sets live in ../shared/data beside the checkout",
        )
    out: list[dict[str, Any]] = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON: {exc}", where=f"{p}:{n}") from exc
            if limit is not None and len(out) >= limit:
                break
    return out


# Gigaword-style document ids carry the story's date: "AAW_ARB_20071026.0026-2".
_DOC_ID_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")


def record_published(rec: dict[str, Any]) -> date | None:
    """The publication date of a gold sentence's story: its ``published`` field, or the
    date its corpus document id encodes (the Arabic GSR's Gigaword ids); ``None`` if
    neither says."""
    raw = rec.get("published")
    if raw:
        return date.fromisoformat(str(raw)[:10])
    m = _DOC_ID_DATE.search(str(rec.get("orig_id") or ""))
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def events_by_sentence(
    records: Iterable[dict[str, Any]], pipeline: Pipeline | None = None
) -> Iterator[tuple[dict[str, Any], list[Event] | None]]:
    """(record, its events) for each record; ``None`` when the pipeline failed on it."""
    pipe = pipeline or Pipeline()
    recs = list(records)
    articles = [
        Article(
            id=str(r["id"]),
            text=str(r["text"]),
            language=r.get("language"),
            published=record_published(r),
        )
        for r in recs
    ]
    for rec, item in zip(recs, pipe.process(articles), strict=True):
        if isinstance(item, ArticleFailure):
            yield rec, None
        else:
            yield rec, item.events


def most_confident_type(events: Iterable[Event]) -> str:
    """PLOVER type of the most confident event (ties: the first in text order)."""
    best: Event | None = None
    for ev in sorted(events, key=_first_offset):
        if best is None or ev.confidence > best.confidence:
            best = ev
    return best.plover.event_type if best is not None and best.plover else NONE


def _first_offset(ev: Event) -> int:
    return min((m.spans.trigger[0] for m in ev.mentions if m.spans.trigger), default=0)


# ---------------------------------------------------------------------------
# The three scorers


# The GSR uses an older PLOVER list; veille emits the current 16 types. Older labels are
# mapped to the type that absorbed them (FIGHT into ASSAULT, DEMAND renamed REQUEST,
# DISAPPROVE and INVESTIGATE into ACCUSE); the mapping is applied to the gold only.
OLD_PLOVER = {
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}


def evaluate_plover(
    path: Path | str, *, pipeline: Pipeline | None = None, limit: int | None = None
) -> ClassificationScores:
    """PLOVER event-type accuracy and macro-F1 on the PLOVER GSR sentences.

    A sentence's predicted type is the PLOVER type of its most confident event or,
    when it tells no event, of its non-violent statement (threat, demand...), or none.
    """
    pipe = pipeline or Pipeline()
    records = read_jsonl(path, limit=limit)
    articles = [
        Article(id=str(r["id"]), text=str(r["text"]), language=r.get("language"), published=None)
        for r in records
    ]
    pairs: list[tuple[str, str]] = []
    failures = 0
    for rec, item in zip(records, pipe.process(articles), strict=True):
        gold = str(rec.get("event_type") or NONE)
        gold = OLD_PLOVER.get(gold, gold)
        if isinstance(item, ArticleFailure):
            failures += 1
            pairs.append((gold, NONE))
            continue
        predicted = most_confident_type(item.events)
        if predicted == NONE and item.statements:
            predicted = item.statements[0].plover.event_type
        pairs.append((gold, predicted))
    return classification_scores(pairs, failures=failures)


def evaluate_arabic(
    path: Path | str, *, pipeline: Pipeline | None = None, limit: int | None = None
) -> dict[str, BinaryScores]:
    """ASSAULT and PROTEST detection on the Arabic GSR (``ambiguous`` left out).

    ``limit`` keeps the first ``limit`` sentences of each tested type.
    """
    records = [
        r
        for r in read_jsonl(path)
        if r.get("label") != "ambiguous" and r.get("event_type_tested") in ARABIC_TYPES
    ]
    if limit is not None:  # the first ``limit`` sentences of each tested type
        seen: Counter[str] = Counter()
        kept = []
        for r in records:
            seen[r["event_type_tested"]] += 1
            if seen[r["event_type_tested"]] <= limit:
                kept.append(r)
        records = kept
    pairs: dict[str, list[tuple[bool, bool]]] = {t: [] for t in ARABIC_TYPES}
    failures: Counter[str] = Counter()
    for rec, events in events_by_sentence(records, pipeline):
        tested = str(rec["event_type_tested"])
        if events is None:
            failures[tested] += 1
            events = []
        predicted = any(ev.plover is not None and ev.plover.event_type == tested for ev in events)
        pairs[tested].append((rec.get("label") == tested, predicted))
    return {t: binary_scores(pairs[t], failures=failures[t]) for t in ARABIC_TYPES}


def timeml_value(expr: DateExpression) -> str | None:
    """A resolved expression written as a TimeML value at its precision."""
    v = expr.value
    if v is None:
        return None
    if expr.precision == "year":
        return f"{v.year:04d}"
    if expr.precision == "month":
        return f"{v.year:04d}-{v.month:02d}"
    if expr.precision == "week":
        iso = v.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return v.isoformat()


def evaluate_temporal(path: Path | str, *, limit: int | None = None) -> DateScores:
    """TimeML DATE value accuracy of ``find_date_expressions`` (English, against the DCT)."""
    gold_n = found = correct = predicted = 0
    errors: list[tuple[str, str, str, str]] = []
    for doc in read_jsonl(path, limit=limit):
        dct_raw = doc.get("dct")
        dct = date.fromisoformat(str(dct_raw)[:10]) if dct_raw else None
        text = str(doc["text"])
        exprs = find_date_expressions(text, "en", published=dct)
        valued = [(e, timeml_value(e)) for e in exprs]
        predicted += sum(1 for _, v in valued if v is not None)
        for tx in doc.get("timex3", []):
            if tx.get("type") != "DATE":
                continue
            gold_n += 1
            gs, ge, gv = int(tx["start"]), int(tx["end"]), str(tx["value"])
            overlapping = [(e, v) for e, v in valued if e.start < ge and gs < e.end]
            if not overlapping:
                errors.append((str(doc["id"]), str(tx.get("text", "")), gv, "-"))
                continue
            found += 1
            _, v = max(overlapping, key=lambda ev: min(ge, ev[0].end) - max(gs, ev[0].start))
            if v is not None and v == gv:
                correct += 1
            else:
                errors.append((str(doc["id"]), str(tx.get("text", "")), gv, v or "-"))
    return DateScores(gold=gold_n, found=found, correct=correct, predicted=predicted, errors=errors)
