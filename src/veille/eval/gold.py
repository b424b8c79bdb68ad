"""Score extracted events against hand-coded gold (the format of seed_gold.json).

A gold document codes one article: its events (fields + ``evidence``, exact substrings
of the article) and its ``not_events``. A predicted event matches a gold event when
one of its mention spans overlaps one of the gold event's evidence spans; pairs are
chosen greedily by the number of agreeing fields. Precision, recall and F1 count
matched events; field accuracy is computed over matched pairs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from veille.dedup import distance_km
from veille.errors import InputError
from veille.model import Article, Event


class GoldLocation(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    max_km: float = 50.0


class GoldPlover(BaseModel):
    model_config = ConfigDict(extra="ignore")
    event_type: str | None = None
    mode: str | None = None


class GoldEvent(BaseModel):
    model_config = ConfigDict(extra="ignore")
    key: str
    event_date: date | None = None
    date_precision: str | None = None
    time_of_day: str | None = None
    event_type: str
    sub_event_type: str
    plover: GoldPlover | None = None
    actor1: str | None = None
    actor2: str | None = None
    claim_status: str | None = None
    claimed_by: str | None = None
    weapon: str | None = None
    fatalities: int | None = None
    location: GoldLocation | None = None
    evidence: list[str] = Field(default_factory=list)


class GoldNotEvent(BaseModel):
    model_config = ConfigDict(extra="ignore")
    evidence: str
    why: str = ""


class GoldDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")
    article: str
    published: date | None = None
    split: str | None = None
    events: list[GoldEvent] = Field(default_factory=list)
    not_events: list[GoldNotEvent] = Field(default_factory=list)


FIELDS = (
    "event_date",
    "date_precision",
    "time_of_day",
    "event_type",
    "sub_event_type",
    "plover_type",
    "plover_mode",
    "actor1",
    "actor2",
    "claim_status",
    "claimed_by",
    "weapon",
    "fatalities",
    "location",
    "country",
)


@dataclass
class FieldTally:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Mismatch:
    article: str
    key: str
    field: str
    gold: str
    predicted: str


@dataclass
class Scores:
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    not_event_violations: int = 0
    fields: dict[str, FieldTally] = field(default_factory=lambda: {f: FieldTally() for f in FIELDS})
    mismatches: list[Mismatch] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted_events if self.predicted_events else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float:
        right = sum(t.right for t in self.fields.values())
        total = sum(t.total for t in self.fields.values())
        return right / total if total else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "field_accuracy": round(self.field_accuracy, 4),
            "fields": {k: round(v.accuracy, 4) for k, v in self.fields.items() if v.total},
            "not_event_violations": self.not_event_violations,
        }


def load_gold(path: Path) -> list[GoldDocument]:
    """A gold file: one JSON document, or JSON Lines of documents."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"cannot read gold file ({exc.strerror})", where=str(path), fix="check the path"
        ) from exc
    docs: list[GoldDocument] = []
    try:
        if raw.lstrip().startswith("{") and path.suffix != ".jsonl":
            docs.append(GoldDocument.model_validate(json.loads(raw)))
        else:
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    try:
                        docs.append(GoldDocument.model_validate(json.loads(line)))
                    except ValueError as exc:
                        raise InputError(
                            f"invalid gold record ({exc})".splitlines()[0],
                            where=f"{path}:{n}",
                            fix="each line must be a gold document like seed_gold.json",
                        ) from exc
    except ValueError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(
            f"invalid gold document ({exc})".splitlines()[0],
            where=str(path),
            fix="the gold file must follow the format of seed_gold.json",
        ) from exc
    return docs


def _norm(value: object) -> str:
    if value is None:
        return "null"
    return str(value).strip().lower()


def _spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    start = text.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mention_spans(e: Event, article_id: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in e.mentions if m.article_id == article_id]


def _predicted_values(e: Event) -> dict[str, str]:
    return {
        "event_date": _norm(e.event_date.isoformat() if e.event_date else None),
        "date_precision": _norm(e.date_precision),
        "time_of_day": _norm(e.time_of_day),
        "event_type": _norm(e.event_type),
        "sub_event_type": _norm(e.sub_event_type),
        "plover_type": _norm(e.plover.event_type),
        "plover_mode": _norm(e.plover.mode),
        "actor1": _norm(e.actor1.name if e.actor1 else None),
        "actor2": _norm(e.actor2.name if e.actor2 else None),
        "claim_status": _norm(e.claim.status if e.claim else None),
        "claimed_by": _norm(e.claim.by if e.claim else None),
        "weapon": _norm(e.weapon),
        "fatalities": _norm(e.fatalities),
        "country": _norm(e.location.iso3 if e.location else None),
    }


def _gold_values(g: GoldEvent) -> dict[str, str]:
    return {
        "event_date": _norm(g.event_date.isoformat() if g.event_date else None),
        "date_precision": _norm(g.date_precision),
        "time_of_day": _norm(g.time_of_day),
        "event_type": _norm(g.event_type),
        "sub_event_type": _norm(g.sub_event_type),
        "plover_type": _norm(g.plover.event_type if g.plover else None),
        "plover_mode": _norm(g.plover.mode if g.plover else None),
        "actor1": _norm(g.actor1),
        "actor2": _norm(g.actor2),
        "claim_status": _norm(g.claim_status),
        "claimed_by": _norm(g.claimed_by),
        "weapon": _norm(g.weapon),
        "fatalities": _norm(g.fatalities),
        "country": _norm(g.location.iso3 if g.location else None),
    }


def _location_right(g: GoldEvent, e: Event) -> bool | None:
    if g.location is None:
        return e.location is None
    gl = g.location
    if e.location is None:
        return False
    if (
        gl.lat is not None
        and gl.lon is not None
        and e.location.lat is not None
        and e.location.lon is not None
    ):
        return distance_km(gl.lat, gl.lon, e.location.lat, e.location.lon) <= gl.max_km
    return _norm(gl.name) == _norm(e.location.name)


def _agreement(g: GoldEvent, e: Event) -> dict[str, bool]:
    gv, pv = _gold_values(g), _predicted_values(e)
    out = {k: gv[k] == pv[k] for k in gv}
    loc = _location_right(g, e)
    out["location"] = bool(loc)
    return out


def score_document(
    doc: GoldDocument, article: Article, events: Sequence[Event], scores: Scores
) -> None:
    """Add one article's comparison to ``scores``."""
    text = article.text
    mine = [e for e in events if any(m.article_id == article.id for m in e.mentions)]
    scores.gold_events += len(doc.events)
    scores.predicted_events += len(mine)
    evidence: dict[str, list[tuple[int, int]]] = {
        g.key: [s for ev in g.evidence for s in _spans_of(text, ev)] for g in doc.events
    }
    # Greedy assignment by agreement, each gold and predicted event used once.
    pairs: list[tuple[int, str, int]] = []
    for g in doc.events:
        for pi, e in enumerate(mine):
            spans = _mention_spans(e, article.id)
            if any(_overlaps(s, ev) for s in spans for ev in evidence[g.key]):
                pairs.append((sum(_agreement(g, e).values()), g.key, pi))
    pairs.sort(key=lambda p: -p[0])
    used_g: set[str] = set()
    used_p: set[int] = set()
    by_key = {g.key: g for g in doc.events}
    for _, key, pi in pairs:
        if key in used_g or pi in used_p:
            continue
        used_g.add(key)
        used_p.add(pi)
        scores.matched += 1
        g, e = by_key[key], mine[pi]
        agree = _agreement(g, e)
        gv, pv = _gold_values(g), _predicted_values(e)
        for f, ok in agree.items():
            tally = scores.fields[f]
            tally.total += 1
            tally.right += int(ok)
            if not ok:
                got = pv.get(f, e.location.name if e.location else "null")
                want = gv.get(f, g.location.name if g.location and g.location.name else "null")
                scores.mismatches.append(Mismatch(doc.article, key, f, str(want), str(got)))
    for g in doc.events:
        if g.key not in used_g:
            scores.missed.append(f"{doc.article}:{g.key}")
    not_spans = [s for ne in doc.not_events for s in _spans_of(text, ne.evidence)]
    for pi, e in enumerate(mine):
        if pi in used_p:
            continue
        scores.spurious.append(f"{doc.article}:{e.sub_event_type}@{e.mentions[0].text[:60]!r}")
        spans = _mention_spans(e, article.id)
        if spans and all(any(_overlaps(s, n) for n in not_spans) for s in spans):
            scores.not_event_violations += 1


def score(docs: Iterable[tuple[GoldDocument, Article]], events: Sequence[Event]) -> Scores:
    scores = Scores()
    for doc, article in docs:
        score_document(doc, article, events, scores)
    return scores
