"""End-to-end geoparsing scores on a gold JSONL file (LGL / GeoWebNews format).

Each line: ``{"id", "text", "language", "toponyms": [{"start", "end", "lat", "lon"}...]}``
(``lat`` null = not a geocodable toponym). Scores:

- recognition precision: share of predicted toponyms that overlap any gold toponym span
  (geocodable or not: the gold marks every toponym);
- recognition recall: share of geocodable gold toponyms overlapped by a prediction;
- acc@161 km and median error over all geocodable gold toponyms, end to end: a gold
  toponym that no prediction overlaps, or whose prediction is unresolved, counts as a
  miss (error = 20,038 km, half the Earth's circumference).

Run: ``python -m veille.geo.evaluate ../shared/data/geo_dev.jsonl [--no-ner]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from veille.geo._geocoder import Geocoder, Toponym, _haversine_km
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
    limit: int | None = None,
) -> GeoScores:
    """Score :meth:`Geocoder.geoparse` end to end against the gold file at ``path``.

    Place hints and person spans come from ``ner`` (spaCy's by default), or place hints
    alone from ``hints``; ``use_ner=False`` scores gazetteer scanning alone.
    """
    geo = geocoder or Geocoder.load()
    if ner is None and hints is None and use_ner:
        ner = spacy_ner("en")
    t0 = time.perf_counter()
    n_docs = n_pred = n_pred_ok = n_gold = n_gold_found = 0
    errors: list[float] = []
    resolved_errors: list[float] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            n_docs += 1
            if limit is not None and n_docs > limit:
                n_docs -= 1
                break
            text: str = doc["text"]
            language: str = doc.get("language") or "en"
            if ner is not None:
                found = ner(text, language)
                predicted = geo.geoparse(text, language, hints=found.places, persons=found.persons)
            else:
                spans = hints(text, language) if hints else ()
                predicted = geo.geoparse(text, language, hints=spans)
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
    return GeoScores(
        documents=n_docs,
        gold_toponyms=n_gold,
        predicted_toponyms=n_pred,
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        acc_161=round(sum(e <= 161 for e in errors) / len(errors), 4) if errors else 0.0,
        median_error_km=round(statistics.median(errors), 1) if errors else 0.0,
        acc_161_recognised=(
            round(sum(e <= 161 for e in resolved_errors) / len(resolved_errors), 4)
            if resolved_errors
            else 0.0
        ),
        seconds=round(time.perf_counter() - t0, 1),
    )


def _overlap(p: Toponym, g: dict[str, Any]) -> bool:
    start: int = g["start"]
    end: int = g["end"]
    return p.start < end and start < p.end


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score veille's geoparser on a gold file.")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--no-ner", action="store_true", help="gazetteer scanning only")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    scores = evaluate_geoparsing(args.gold, use_ner=not args.no_ner, limit=args.limit)
    print(scores.model_dump_json(indent=2))


if __name__ == "__main__":
    main()
