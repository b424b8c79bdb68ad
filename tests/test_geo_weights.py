"""The geocoder's weights as data: loading, validation errors that name the file and the
key, and weights that change what the geocoder picks. Places and texts invented."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from veille.errors import DataError, InputError
from veille.geo import Geocoder, OutletProfile
from veille.geo._store import FLAG_PRIMARY, Candidate, PlaceRecord
from veille.geo._weights import DEFAULT_WEIGHTS, GeocoderWeights


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    return data


def test_the_shipped_weights_load_whole() -> None:
    weights = GeocoderWeights.load()
    assert weights.to_mapping() == _shipped()
    assert weights.context.cap == _shipped()["context"]["cap"]
    assert weights.prior.feature.of("country") > weights.prior.feature.of("city")
    assert isinstance(weights.arabic_regional.alone_population, int)


def test_replace_and_value_address_weights_by_dotted_key() -> None:
    weights = GeocoderWeights.load()
    shipped = _shipped()["context"]["outlet"]
    changed = weights.replace("context.outlet", shipped + 0.5)
    assert changed.value("context.outlet") == shipped + 0.5
    assert weights.value("context.outlet") == shipped  # the original is untouched
    with pytest.raises(KeyError):
        weights.replace("context.outlett", 1.0)
    with pytest.raises(KeyError):
        weights.replace("context", 1.0)


def _error(tmp_path: Path, data: Any) -> str:
    path = _write(tmp_path, data)
    with pytest.raises(DataError) as info:
        GeocoderWeights.load(path)
    message = str(info.value)
    assert str(path) in message and "Fix:" in message
    return message


def test_a_missing_or_unreadable_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        GeocoderWeights.load(tmp_path / "none.json")
    assert "JSON" in _error(tmp_path, "{not json")


def test_an_unknown_key_is_named_with_the_keys_allowed(tmp_path: Path) -> None:
    data = _shipped()
    data["context"]["countyr"] = 2.0
    message = _error(tmp_path, data)
    assert "'context.countyr'" in message and "country, admin1, outlet" in message


def test_a_missing_key_is_named(tmp_path: Path) -> None:
    data = _shipped()
    del data["prior"]["log_population"]["city"]
    assert "missing key 'prior.log_population.city'" in _error(tmp_path, data)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("nouns.admin", "5", "a number"),
        ("nouns.admin", True, "a number"),
        ("proximity.cap", float("nan"), "a number"),
        ("corroboration.town_population", 50000.5, "a whole number"),
        ("containers", 6.0, "JSON object"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named(
    tmp_path: Path, key: str, value: Any, expected: str
) -> None:
    data = _shipped()
    node = data
    *parents, leaf = key.split(".")
    for part in parents:
        node = node[part]
    node[leaf] = value
    message = _error(tmp_path, data)
    assert repr(key) in message and expected in message


def test_a_whole_float_is_a_whole_number(tmp_path: Path) -> None:
    data = _shipped()
    data["corroboration"]["town_population"] = 40000.0
    weights = GeocoderWeights.load(_write(tmp_path, data))
    assert weights.corroboration.town_population == 40000
    assert isinstance(weights.corroboration.town_population, int)


def _candidate(pid: int, feature: str, population: int, flags: int) -> Candidate:
    record = PlaceRecord(pid, feature, "ZZZ", None, None, 10.0, 20.0, population)
    return Candidate(record, flags)


def test_a_changed_prior_changes_which_homonym_ranks_first(geo: Geocoder) -> None:
    # An invented name shared by a large town (an alternate name of it) and a small
    # first-level area (its main name).
    town = _candidate(1, "city", 10_000_000, 0)
    area = _candidate(2, "admin1", 50_000, FLAG_PRIMARY)

    def first(g: Geocoder) -> int:
        return max((town, area), key=g._prior).place.id

    # Shipped: the town's 0.65 x log10(1e7) = 4.55 beats the area's 2 + 0.35 x 4.7 + 0.8.
    assert first(geo) == 1
    # Size counting for less, the area's main name wins.
    flat = geo.with_weights(geo.weights.replace("prior.log_population.city", 0.3))
    assert first(flat) == 2


def test_the_outlet_weight_decides_a_local_papers_homonym(geo: Geocoder) -> None:
    text = "The Dublin council approved the new budget on Monday."
    ohio = OutletProfile()
    ohio.add(geo.geoparse("Police in Columbus arrested two men.", "en"))
    ohio.add(geo.geoparse("A fire in Westerville, Ohio, destroyed a barn.", "en"))

    def dublin(g: Geocoder) -> str | None:
        found = [t for t in g.geoparse(text, "en", outlet=ohio) if t.text == "Dublin"]
        assert len(found) == 1 and found[0].place is not None
        return found[0].place.iso3

    assert dublin(geo) == "USA"
    assert dublin(geo.with_weights(geo.weights.replace("context.outlet", 0.0))) == "IRL"


def test_weights_travel_with_a_pickled_geocoder(geo: Geocoder) -> None:
    changed = geo.with_weights(geo.weights.replace("context.outlet", 0.25))
    copy = pickle.loads(pickle.dumps(changed))
    assert copy.weights == changed.weights


def test_the_pipeline_takes_a_weights_file(tmp_path: Path, geo: Geocoder) -> None:
    from veille.pipeline import Pipeline

    data = _shipped()
    data["context"]["outlet"] = 0.0
    path = _write(tmp_path, data)
    assert Pipeline(geocoder_weights=path).geocoder.weights.context.outlet == 0.0
    with pytest.raises(InputError, match="both given"):
        Pipeline(geocoder=geo, geocoder_weights=path)
    bad = _write(tmp_path, {"about": "x"})
    with pytest.raises(DataError, match="missing key 'prior'"):
        _ = Pipeline(geocoder_weights=bad).geocoder
