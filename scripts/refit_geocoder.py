"""Refit the geocoder's main weights on one half of the public geoparsing gold.

    python scripts/refit_geocoder.py --split dev [--out refit.json] [--no-ner]

The gold file (LGL and GeoWebNews, ``../shared/data/geo_dev.jsonl`` by default) is cut
in two halves by a salted hash of the document id (``veille.geo.evaluate.half_of``):
``--split dev`` fits on the ``dev`` half and reports the ``heldout`` half, which the
search never sees; ``--split heldout`` the other way round. The search is a coordinate
search: each main weight in turn is scaled by a few factors, the change kept when it
adds gold toponyms within 161 km on the fitted half (end to end, with the outlets'
profiles, through the place component events use) without lowering its recognition
precision (``--any-precision`` lifts that), for ``--rounds`` passes.

It prints both halves' acc@161 (overall, LGL, GeoWebNews) before and after, and writes
the refit weights to ``--out`` when given. The shipped file changes only by hand, and
only when the held-out half's figure improves. The Arabic regional weights are not
searched: the public geoparsing gold is English.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from veille.geo import Geocoder
from veille.geo._weights import GeocoderWeights
from veille.geo.evaluate import (
    GEO_HALVES,
    GeoHalf,
    GeoScores,
    GoldDocument,
    gather_evidence,
    read_gold,
    score_documents,
)
from veille.geo.places import PlaceEvidence, PlaceFinder

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "geo_dev.jsonl"

#: The weights searched: the priors of feature classes and sizes, the noun, container
#: and namesake bonuses, the text's and the outlet's context, the proximity of towns.
MAIN_KEYS = (
    "prior.feature.country",
    "prior.feature.admin1",
    "prior.feature.admin2",
    "prior.feature.site",
    "prior.log_population.city",
    "prior.log_population.admin1",
    "prior.log_population.admin2",
    "prior.log_population.country",
    "prior.primary_name",
    "nouns.admin",
    "nouns.city",
    "containers.contained",
    "namesake.area_penalty",
    "context.country",
    "context.neighbour",
    "context.admin1",
    "context.outlet",
    "context.cap",
    "proximity.near",
    "proximity.far",
)
FACTORS = (0.5, 0.8, 1.25, 2.0)


@dataclass(frozen=True)
class Half:
    """One half of the gold with its parser evidence, computed once."""

    name: GeoHalf
    docs: list[GoldDocument]
    evidence: list[PlaceEvidence]


def _score(geocoder: Geocoder, weights: GeocoderWeights, half: Half) -> GeoScores:
    finder = PlaceFinder(geocoder.with_weights(weights))
    return score_documents(half.docs, half.evidence, finder)


def _hits(scores: GeoScores) -> int:
    """Gold toponyms placed within 161 km (the figure the search maximises)."""
    return round(scores.acc_161 * scores.gold_toponyms)


def _line(label: str, scores: GeoScores) -> str:
    corpora = ", ".join(f"{k} {v:.4f}" for k, v in sorted(scores.acc_161_by_corpus.items()))
    return (
        f"{label}: acc@161 {scores.acc_161:.4f} ({corpora}; {scores.gold_toponyms} "
        f"toponyms), precision {scores.precision:.4f}, recall {scores.recall:.4f}"
    )


def refit(
    geocoder: Geocoder,
    start: GeocoderWeights,
    half: Half,
    *,
    keys: tuple[str, ...] = MAIN_KEYS,
    factors: tuple[float, ...] = FACTORS,
    rounds: int = 2,
    keep_precision: bool = True,
    log: bool = True,
) -> GeocoderWeights:
    """The weights a coordinate search over ``keys`` finds on ``half`` from ``start``.

    A change is kept when it places more gold toponyms within 161 km; with
    ``keep_precision``, only if the recognition precision stays at least the start's
    (the priors also decide which capitalised words are names: a search on acc@161
    alone buys toponyms with false ones).
    """
    first = _score(geocoder, start, half)
    floor = first.precision if keep_precision else 0.0
    best, best_hits = start, _hits(first)
    for number in range(1, rounds + 1):
        improved = False
        for key in keys:
            current = best.value(key)
            tried = [current * f for f in factors] if current else [0.5, 1.0]
            for value in tried:
                candidate = best.replace(key, round(value, 4))
                scores = _score(geocoder, candidate, half)
                hits = _hits(scores)
                if hits > best_hits and scores.precision >= floor:
                    best, best_hits, improved = candidate, hits, True
                    if log:
                        print(
                            f"  round {number}: {key} {current:g} -> {value:.4g}: {hits} "
                            f"(precision {scores.precision:.4f})"
                        )
        if not improved:
            break
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=GEO_HALVES, required=True, help="the half to fit on")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--weights", type=Path, default=None, help="start (default: shipped)")
    parser.add_argument("--out", type=Path, default=None, help="write the refit weights here")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-ner", action="store_true", help="gazetteer scanning only (fast)")
    parser.add_argument(
        "--any-precision",
        action="store_true",
        help="keep changes that lower the recognition precision of the fitted half",
    )
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: the geoparsing gold {args.gold} is absent (see --gold)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    start = GeocoderWeights.load(args.weights)
    geocoder = Geocoder.load()
    halves: dict[GeoHalf, Half] = {}
    for name in GEO_HALVES:
        docs = read_gold(args.gold, half=name)
        evidence = gather_evidence(docs, use_ner=not args.no_ner)
        halves[name] = Half(name, docs, evidence)
    fit = halves[args.split]
    held = halves["heldout" if args.split == "dev" else "dev"]
    print(f"fitting on the {fit.name} half of {args.gold.name}; {held.name} half held out")
    before = {h.name: _score(geocoder, start, h) for h in (fit, held)}
    refit_weights = refit(
        geocoder, start, fit, rounds=args.rounds, keep_precision=not args.any_precision
    )
    after = {h.name: _score(geocoder, refit_weights, h) for h in (fit, held)}
    for h, label in ((fit, "fitted (training)"), (held, "held-out")):
        print(_line(f"{h.name} half, {label}, before", before[h.name]))
        print(_line(f"{h.name} half, {label}, after ", after[h.name]))
    changed = [
        f"{k}: {start.value(k):g} -> {refit_weights.value(k):g}"
        for k in MAIN_KEYS
        if start.value(k) != refit_weights.value(k)
    ]
    print("changed: " + ("; ".join(changed) if changed else "nothing"))
    if args.out is not None:
        import json

        data = refit_weights.to_mapping()
        data["about"] = (
            f"Refit by scripts/refit_geocoder.py --split {fit.name} on {args.gold.name}: "
            f"{fit.name} half acc@161 {before[fit.name].acc_161:.4f} -> "
            f"{after[fit.name].acc_161:.4f} (training), {held.name} half "
            f"{before[held.name].acc_161:.4f} -> {after[held.name].acc_161:.4f} (held-out)."
        )
        args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    print(f"{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
