"""End-to-end geoparsing scores on a gold JSONL file (LGL / GeoWebNews format).

Each line: ``{"id", "text", "language", "toponyms": [{"start", "end", "lat", "lon"}...]}``
(``lat`` null = not a geocodable toponym). Scores:

- recognition precision: share of predicted toponyms that overlap any gold toponym span
  (geocodable or not: the gold marks every toponym);
- recognition recall: share of geocodable gold toponyms overlapped by a prediction;
- acc@161 km and median error over all geocodable gold toponyms, end to end: a gold
  toponym that no prediction overlaps, or whose prediction is unresolved, counts as a
  miss (error = 20,038 km, half the Earth's circumference).

A document that names its outlet (``outlet`` or LGL's ``feed_domain``) is resolved with
the profile of the outlet's other documents in the file (leave-one-out, built from
veille's own first pass, never from the gold): ``acc_161_without_outlets`` is the same
run without them.

Run: ``python -m veille.geo.evaluate ../shared/data/geo_dev.jsonl [--no-ner] [--no-outlets]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from veille.geo._geocoder import Geocoder, OutletProfile, Toponym
from veille.geodesy import distance_km as _haversine_km
from veille.model import Record

MISS_KM = 20038.0

HintFn = Callable[[str, str], Sequence[tuple[int, int]]]


class NerSpans(Record):
    """What a NER found in one text: place spans (LOC/GPE/FAC) and person spans."""

    places: list[tuple[int, int]]
    persons: list[tuple[int, int]]


NerFn = Callable[[str, str], NerSpans]


class GeoScores(Record):
    documents: int
    gold_toponyms: int
    predicted_toponyms: int
    precision: float
    recall: float
    f1: float
    acc_161: float
    median_error_km: float
    acc_161_recognised: float  # over the gold toponyms that were recognised and resolved
    acc_161_by_corpus: dict[str, float]  # LGL, GeoWebNews...
    acc_161_recognised_by_corpus: dict[str, float]
    acc_161_without_outlets: float  # the same run with no outlet profiles
    seconds: float


def spacy_ner(language: str = "en") -> NerFn:
    """Spans from veille's spaCy pipeline: places (LOC, GPE, FAC) and persons (PER/PERSON)."""
    from veille.nlp import load_spacy

    nlp = load_spacy(language)

    def spans(text: str, _language: str) -> NerSpans:
        doc = nlp(text)
        return NerSpans(
            places=[
                (e.start_char, e.end_char) for e in doc.ents if e.label_ in ("LOC", "GPE", "FAC")
            ],
            persons=[(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")],
        )

    return spans


def evaluate_geoparsing(
    path: Path,
    *,
    geocoder: Geocoder | None = None,
    hints: HintFn | None = None,
    ner: NerFn | None = None,
    use_ner: bool = True,
    outlets: bool = True,
    limit: int | None = None,
) -> GeoScores:
    """Score :meth:`Geocoder.geoparse` end to end against the gold file at ``path``.

    Place hints and person spans come from ``ner`` (spaCy's by default), or place hints
    alone from ``hints``; ``use_ner=False`` scores gazetteer scanning alone.

    With ``outlets``, a document from an outlet (``feed_domain`` or ``outlet``) is
    geoparsed a second time with the profile of that outlet's *other* documents in the
    file (:class:`OutletProfile`, built from the first pass, no gold read), as a store
    holding the outlet's earlier articles would give it.
    """
    geo = geocoder or Geocoder.load()
    if ner is None and hints is None and use_ner:
        ner = spacy_ner("en")
    t0 = time.perf_counter()
    docs = _read_gold(path, limit)
    spans: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    first: list[list[Toponym]] = []
    for doc in docs:
        text, language = doc["text"], doc.get("language") or "en"
        if ner is not None:
            found = ner(text, language)
            spans.append((found.places, found.persons))
        else:
            spans.append((list(hints(text, language)) if hints else [], []))
        first.append(geo.geoparse(text, language, hints=spans[-1][0], persons=spans[-1][1]))
    profiles: dict[str, OutletProfile] = defaultdict(OutletProfile)
    for doc, toponyms in zip(docs, first, strict=True):
        if _outlet(doc):
            profiles[_outlet(doc)].add(toponyms)
    final: list[list[Toponym]] = []
    for doc, (places, persons), toponyms in zip(docs, spans, first, strict=True):
        outlet = _outlet(doc)
        if not outlets or not outlet:
            final.append(toponyms)
            continue
        profile = profiles[outlet].without(toponyms)
        final.append(
            geo.geoparse(
                doc["text"],
                doc.get("language") or "en",
                hints=places,
                persons=persons,
                outlet=profile,
            )
        )
    scores = _score(docs, final)
    baseline = _score(docs, first)
    by_corpus: dict[str, float] = {}
    recognised_by_corpus: dict[str, float] = {}
    for corpus in sorted({str(d.get("corpus") or "") for d in docs} - {""}):
        sub = [(d, t) for d, t in zip(docs, final, strict=True) if d.get("corpus") == corpus]
        part = _score([d for d, _ in sub], [t for _, t in sub])
        by_corpus[corpus] = part["acc_161"]
        recognised_by_corpus[corpus] = part["acc_161_recognised"]
    return GeoScores(
        documents=len(docs),
        **scores,
        acc_161_by_corpus=by_corpus,
        acc_161_recognised_by_corpus=recognised_by_corpus,
        acc_161_without_outlets=baseline["acc_161"],
        seconds=round(time.perf_counter() - t0, 1),
    )


def _outlet(doc: dict[str, Any]) -> str:
    return str(doc.get("outlet") or doc.get("feed_domain") or "")


def _read_gold(path: Path, limit: int | None) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            if limit is not None and len(docs) >= limit:
                break
            docs.append(json.loads(line))
    return docs


def _score(docs: list[dict[str, Any]], predictions: list[list[Toponym]]) -> dict[str, Any]:
    n_pred = n_pred_ok = n_gold = n_gold_found = 0
    errors: list[float] = []
    resolved_errors: list[float] = []
    for doc, predicted in zip(docs, predictions, strict=True):
        gold = doc["toponyms"]
        n_pred += len(predicted)
        n_pred_ok += sum(1 for p in predicted if any(_overlap(p, g) for g in gold))
        for g in gold:
            if g.get("lat") is None:
                continue
            n_gold += 1
            hit = next((p for p in predicted if _overlap(p, g)), None)
            if hit is not None:
                n_gold_found += 1
            if hit is None or hit.place is None:
                errors.append(MISS_KM)
                continue
            err = _haversine_km(hit.place.lat, hit.place.lon, g["lat"], g["lon"])
            errors.append(err)
            resolved_errors.append(err)
    precision = n_pred_ok / n_pred if n_pred else 0.0
    recall = n_gold_found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold_toponyms": n_gold,
        "predicted_toponyms": n_pred,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "acc_161": round(sum(e <= 161 for e in errors) / len(errors), 4) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
        "acc_161_recognised": (
            round(sum(e <= 161 for e in resolved_errors) / len(resolved_errors), 4)
            if resolved_errors
            else 0.0
        ),
    }


def _overlap(p: Toponym, g: dict[str, Any]) -> bool:
    start: int = g["start"]
    end: int = g["end"]
    return p.start < end and start < p.end


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score veille's geoparser on a gold file.")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--no-ner", action="store_true", help="gazetteer scanning only")
    parser.add_argument(
        "--no-outlets", action="store_true", help="no profiles of the outlets' other documents"
    )
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    scores = evaluate_geoparsing(
        args.gold, use_ner=not args.no_ner, outlets=not args.no_outlets, limit=args.limit
    )
    print(scores.model_dump_json(indent=2))


if __name__ == "__main__":
    main()
