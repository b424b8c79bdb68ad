"""The curated alias tables reach the places news names: a town's Arabic spelling that
GeoNames lacks (city_aliases.tsv), and a governorate's French or Arabic name on its
namesake town (admin_aliases.tsv through the seat)."""

from __future__ import annotations

import pytest

from veille.geo import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.load()


@pytest.mark.parametrize(
    ("name", "town", "iso3"),
    [
        ("خاركيف", "Kharkiv", "UKR"),
        ("كوناكري", "Conakry", "GIN"),
        ("Tchassiv Iar", "Chasiv Yar", "UKR"),
    ],
)
def test_a_curated_spelling_finds_its_town(
    geocoder: Geocoder, name: str, town: str, iso3: str
) -> None:
    assert (town, iso3) in {(p.name, p.iso3) for p in geocoder.lookup(name)}


@pytest.mark.parametrize("name", ["Nabatiyé", "النبطية"])
def test_a_governorate_alias_reaches_its_namesake_town(geocoder: Geocoder, name: str) -> None:
    features = {p.feature for p in geocoder.lookup(name) if p.iso3 == "LBN"}
    assert features == {"admin1", "city"}
    (top,) = geocoder.geoparse(f"Des frappes ont visé {name} lundi.", "fr")
    assert top.place is not None and top.place.feature == "city"


def test_a_curated_town_name_wins_over_the_district_named_after_it(geocoder: Geocoder) -> None:
    text = "قتل ثلاثة أشخاص في غارة على بلدة بنت جبيل."
    (top,) = geocoder.geoparse(text, "ar")
    assert top.place is not None and top.place.feature == "city"
