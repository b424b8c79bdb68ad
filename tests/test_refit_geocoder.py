"""scripts/refit_geocoder.py: the coordinate search keeps a change only when it places
more gold toponyms of the fitted half. A tiny invented gold of one local outlet."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from veille.geo import Geocoder
from veille.geo.evaluate import read_gold
from veille.geo.places import PlaceEvidence

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "refit_geocoder.py"


@pytest.fixture(scope="module")
def refit_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("refit_geocoder", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["refit_geocoder"] = module
    spec.loader.exec_module(module)
    return module


def _row(doc_id: str, text: str, name: str, lat: float, lon: float) -> dict[str, object]:
    start = text.index(name)
    toponym = {"start": start, "end": start + len(name), "lat": lat, "lon": lon}
    return {"id": doc_id, "outlet": "Suburban News", "text": text, "toponyms": [toponym]}


def test_the_search_moves_a_weight_only_when_it_places_more(
    refit_module: ModuleType, tmp_path: Path
) -> None:
    rows = [
        _row("a", "Police in Columbus arrested two men.", "Columbus", 39.96, -83.0),
        _row("b", "A fire in Westerville, Ohio, destroyed a barn.", "Westerville", 40.13, -82.93),
        _row("c", "The Dublin council approved the new budget.", "Dublin", 40.1, -83.11),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = read_gold(path)
    half = refit_module.Half("dev", docs, [PlaceEvidence() for _ in docs])
    geo = Geocoder.load()
    weak = geo.weights.replace("context.outlet", 0.5)
    assert refit_module._hits(refit_module._score(geo, weak, half)) == 2  # Dublin, Ireland
    found = refit_module.refit(
        geo, weak, half, keys=("context.outlet",), factors=(4.0,), rounds=1, log=False
    )
    assert found.context.outlet == 2.0
    assert refit_module._hits(refit_module._score(geo, found, half)) == 3
    # A weight that changes nothing here stays as it was.
    same = refit_module.refit(
        geo, weak, half, keys=("proximity.far",), factors=(2.0,), rounds=1, log=False
    )
    assert same == weak
