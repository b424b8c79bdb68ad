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

What is scored is the place component, :class:`~veille.geo.places.PlaceFinder`, that
the pipeline gives events their places from, over the parser's evidence
(:class:`~veille.geo.places.PlaceEvidence`) of each whole document. Its toponyms inside
an organisation's or a person's name count here (the gold marks them);
``acc_161_event_places`` leaves them out, as events do.

``half`` scores one half of the file, by a salted hash of the document id (``dev``
and ``heldout``): ``scripts/refit_geocoder.py`` fits the geocoder's weights on one half
and reports the other.

Run: ``python -m veille.geo.evaluate ../shared/data/geo_dev.jsonl [--no-ner]
[--no-outlets] [--half dev|heldout]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from veille.errors import DataError
from veille.geo._geocoder import Geocoder, OutletProfile, Toponym
from veille.geo.places import PlaceEvidence, PlaceFinder
from veille.geodesy import distance_km as _haversine_km
from veille.model import Record

MISS_KM = 20038.0

HintFn = Callable[[str, str], Sequence[tuple[int, int]]]
#: A parser's evidence about one text (``text, language -> PlaceEvidence``).
NerFn = Callable[[str, str], PlaceEvidence]
#: The two halves of a geoparsing gold file, by a hash of the document id: weights are
#: fitted on ``dev`` and checked on ``heldout`` (``scripts/refit_geocoder.py``).
GeoHalf = Literal["dev", "heldout"]
GEO_HALVES: tuple[GeoHalf, ...] = ("dev", "heldout")


def half_of(document_id: str) -> GeoHalf:
    """The half a gold document belongs to: the parity of a salted SHA-256 of its id.
    (The salt matters: the public dev files were themselves cut by the unsalted parity.)"""
    digest = hashlib.sha256(f"geo-half:{document_id}".encode()).digest()
    return "dev" if digest[-1] % 2 == 0 else "heldout"


@dataclass(frozen=True)
class GoldToponym:
    """A gold toponym's span and, when it is geocodable, its coordinates."""

    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldDocument:
    """One gold document: its text and toponyms, its corpus and outlet (or "")."""

    id: str
    text: str
    language: str
    corpus: str
    outlet: str
    toponyms: tuple[GoldToponym, ...]


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
    # The places events may get: toponyms inside a name (``in_name``) left out, so the
    # gold's embedded toponyms ("the X Police Department") count as misses.
    acc_161_event_places: float
    seconds: float


def spacy_ner(language: str = "en") -> NerFn:
    """Evidence from veille's spaCy pipeline for ``language``: place, person and
    organisation entities and function words, as the pipeline reads them."""
    from veille.lang.loader import language_info
    from veille.nlp import load_spacy

    nlp = load_spacy(language)
    parsed = language_info(language).has_parse

    def evidence(text: str, _language: str) -> PlaceEvidence:
        return PlaceEvidence.from_docs([(0, nlp(text))], parsed=parsed)

    return evidence


def evaluate_geoparsing(
    path: Path,
    *,
    geocoder: Geocoder | None = None,
    hints: HintFn | None = None,
    ner: NerFn | None = None,
    use_ner: bool = True,
    outlets: bool = True,
    limit: int | None = None,
    half: GeoHalf | None = None,
) -> GeoScores:
    """Score the place component (:class:`PlaceFinder`, the one events use) end to end
    against the gold file at ``path``, or against one ``half`` of it.

    The parser's evidence comes from ``ner`` (spaCy's by default), or place hints alone
    from ``hints``; ``use_ner=False`` scores gazetteer scanning alone.

    With ``outlets``, a document from an outlet (``feed_domain`` or ``outlet``) is
    geoparsed a second time with the profile of that outlet's *other* scored documents
    (:class:`OutletProfile`, built from the first pass, no gold read), as a store
    holding the outlet's earlier articles would give it.
    """
    t0 = time.perf_counter()
    docs = read_gold(path, limit=limit, half=half)
    evidence = gather_evidence(docs, ner=ner, hints=hints, use_ner=use_ner)
    finder = PlaceFinder(geocoder or Geocoder.load())
    return score_documents(docs, evidence, finder, outlets=outlets, started=t0)


def gather_evidence(
    docs: Sequence[GoldDocument],
    *,
    ner: NerFn | None = None,
    hints: HintFn | None = None,
    use_ner: bool = True,
) -> list[PlaceEvidence]:
    """The parser's evidence for each document (computed once, reusable across runs)."""
    if ner is None and hints is None and use_ner:
        ner = spacy_ner("en")
    out: list[PlaceEvidence] = []
    for doc in docs:
        if ner is not None:
            out.append(ner(doc.text, doc.language))
        elif hints is not None:
            out.append(PlaceEvidence.hints_only(hints(doc.text, doc.language)))
        else:
            out.append(PlaceEvidence())
    return out


def geoparse_documents(
    docs: Sequence[GoldDocument],
    evidence: Sequence[PlaceEvidence],
    finder: PlaceFinder,
    *,
    outlets: bool = True,
) -> tuple[list[list[Toponym]], list[list[Toponym]]]:
    """Each document's toponyms without outlet profiles, and with them (leave-one-out
    profiles of the outlet's other documents; the same list when ``outlets`` is off)."""
    first = [
        finder.find(doc.text, doc.language, ev) for doc, ev in zip(docs, evidence, strict=True)
    ]
    if not outlets:
        return first, first
    profiles: dict[str, OutletProfile] = defaultdict(OutletProfile)
    for doc, toponyms in zip(docs, first, strict=True):
        if doc.outlet:
            profiles[doc.outlet].add(toponyms)
    final: list[list[Toponym]] = []
    for doc, ev, toponyms in zip(docs, evidence, first, strict=True):
        if not doc.outlet:
            final.append(toponyms)
            continue
        profile = profiles[doc.outlet].without(toponyms)
        final.append(finder.find(doc.text, doc.language, ev, outlet=profile))
    return first, final


def score_documents(
    docs: Sequence[GoldDocument],
    evidence: Sequence[PlaceEvidence],
    finder: PlaceFinder,
    *,
    outlets: bool = True,
    started: float | None = None,
) -> GeoScores:
    """Geoparse ``docs`` with ``finder`` and score the result (see the module doc)."""
    t0 = time.perf_counter() if started is None else started
    first, final = geoparse_documents(docs, evidence, finder, outlets=outlets)
    scores = _score(docs, final)
    baseline = _score(docs, first)
    events = _score(docs, [[t for t in tops if not t.in_name] for tops in final])
    by_corpus: dict[str, float] = {}
    recognised_by_corpus: dict[str, float] = {}
    for corpus in sorted({d.corpus for d in docs} - {""}):
        sub = [(d, t) for d, t in zip(docs, final, strict=True) if d.corpus == corpus]
        part = _score([d for d, _ in sub], [t for _, t in sub])
        by_corpus[corpus] = part["acc_161"]
        recognised_by_corpus[corpus] = part["acc_161_recognised"]
    return GeoScores(
        documents=len(docs),
        **scores,
        acc_161_by_corpus=by_corpus,
        acc_161_recognised_by_corpus=recognised_by_corpus,
        acc_161_without_outlets=baseline["acc_161"],
        acc_161_event_places=events["acc_161"],
        seconds=round(time.perf_counter() - t0, 1),
    )


def read_gold(
    path: Path, *, limit: int | None = None, half: GeoHalf | None = None
) -> list[GoldDocument]:
    """The gold documents of a JSONL file (the first ``limit``; of one ``half``)."""
    docs: list[GoldDocument] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if limit is not None and len(docs) >= limit:
                break
            try:
                doc = _gold_document(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise DataError(
                    f"line {number} is not a geoparsing gold record ({type(exc).__name__}: {exc})",
                    where=str(path),
                    fix='each line needs "id", "text" and "toponyms" [{"start", "end", '
                    '"lat", "lon"}]',
                ) from exc
            if half is None or half_of(doc.id) == half:
                docs.append(doc)
    return docs


def _gold_document(row: dict[str, Any]) -> GoldDocument:
    return GoldDocument(
        id=str(row["id"]),
        text=str(row["text"]),
        language=str(row.get("language") or "en"),
        corpus=str(row.get("corpus") or ""),
        outlet=str(row.get("outlet") or row.get("feed_domain") or ""),
        toponyms=tuple(
            GoldToponym(
                start=int(t["start"]),
                end=int(t["end"]),
                lat=None if t.get("lat") is None else float(t["lat"]),
                lon=None if t.get("lon") is None else float(t["lon"]),
            )
            for t in row["toponyms"]
        ),
    )


def _score(docs: Sequence[GoldDocument], predictions: list[list[Toponym]]) -> dict[str, Any]:
    n_pred = n_pred_ok = n_gold = n_gold_found = 0
    errors: list[float] = []
    resolved_errors: list[float] = []
    for doc, predicted in zip(docs, predictions, strict=True):
        gold = doc.toponyms
        n_pred += len(predicted)
        n_pred_ok += sum(1 for p in predicted if any(_overlap(p, g) for g in gold))
        for g in gold:
            if g.lat is None or g.lon is None:
                continue
            n_gold += 1
            hit = next((p for p in predicted if _overlap(p, g)), None)
            if hit is not None:
                n_gold_found += 1
            if hit is None or hit.place is None:
                errors.append(MISS_KM)
                continue
            err = _haversine_km(hit.place.lat, hit.place.lon, g.lat, g.lon)
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


def _overlap(p: Toponym, g: GoldToponym) -> bool:
    return p.start < g.end and g.start < p.end


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score veille's geoparser on a gold file.")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--no-ner", action="store_true", help="gazetteer scanning only")
    parser.add_argument(
        "--no-outlets", action="store_true", help="no profiles of the outlets' other documents"
    )
    parser.add_argument(
        "--half", choices=GEO_HALVES, default=None, help="score one half of the file only"
    )
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    scores = evaluate_geoparsing(
        args.gold,
        use_ner=not args.no_ner,
        outlets=not args.no_outlets,
        limit=args.limit,
        half=args.half,
    )
    print(scores.model_dump_json(indent=2))


if __name__ == "__main__":
    main()
