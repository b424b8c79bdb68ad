"""veille.lang: each language's words in one folder, read by a typed, validating loader.

Adding a language is adding a folder: a toy language ``xx`` written here (its words are
invented) is picked up by the loader, the date finder and the geocoder's place words.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import pytest

from veille.errors import InputError
from veille.geo import Geocoder
from veille.geo._lexicon import build_geo_words, geo_words
from veille.lang import (
    ClosedClass,
    DateWords,
    LanguageResources,
    PlaceWords,
    common_places,
    languages,
    resources,
)
from veille.nlp.dates import find_date_expressions

TOY_DATES: dict[str, Any] = {
    "note": "An invented language.",
    "explicit": "day_month",
    "weekdays": {"monda": 0, "tuda": 1, "weda": 2, "thura": 3, "frida": 4, "satra": 5, "sunda": 6},
    "months": {"primo": 1, "secundo": 2, "tertio": 3},
    "relative": {"yestra": -1, "hodie": 0},
    "anchored": {"dayprior": -1},
    "time_of_day": {"nocta": "night"},
    "year_cues": ["annum"],
}
TOY_PLACES: dict[str, Any] = {
    "locative_cues": ["ena"],
    "stop_keys": ["homs"],
    "near_before": ["prope"],
    "demonyms": {"Zorbish": "zorbland"},
}


def _toy_root(tmp_path: Path, **files: dict[str, Any]) -> Path:
    folder = tmp_path / "xx"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in {"dates": TOY_DATES, "places": TOY_PLACES, **files}.items():
        (folder / f"{name}.json").write_text(json.dumps(content), encoding="utf-8")
    return tmp_path


def test_the_shipped_languages_load_through_importlib_resources() -> None:
    assert languages() == ("ar", "en", "fr")
    for code in languages():
        loaded = resources(code)
        assert isinstance(loaded, LanguageResources)
        assert isinstance(loaded.places, PlaceWords) and isinstance(loaded.dates, DateWords)
        assert loaded.triggers is not None and loaded.triggers.is_file()
        assert loaded.dates.weekdays and loaded.dates.months
    assert isinstance(resources("ar").closed_class, ClosedClass)
    assert resources("fr").closed_class is not None  # French has no Arabic rules
    assert not resources("fr").closed_class.proclitics
    assert "al" in common_places().name_particles
    shipped = importlib_resources.files("veille.lang")
    assert shipped.joinpath("fr", "places.json").is_file()


def test_resources_are_read_once_per_process() -> None:
    assert resources("en") is resources("en")


def test_the_toy_language_is_a_language(tmp_path: Path) -> None:
    root = _toy_root(tmp_path)
    assert languages(root) == ("xx",)
    toy = resources("xx", root)
    assert toy.dates.weekdays["satra"] == 5
    assert toy.places.locative_cues == ("ena",)
    assert toy.closed_class is None and toy.triggers is None


def test_the_date_finder_reads_the_toy_language(tmp_path: Path) -> None:
    root = _toy_root(tmp_path)
    text = "Bumbo satra 9 tertio 2024. Yestra nocta, bumbo. Frida."
    found = find_date_expressions(text, "xx", published=date(2024, 3, 14), lang_root=root)
    assert [(e.text, e.kind, e.value, e.time_of_day) for e in found] == [
        ("satra 9 tertio 2024", "explicit", date(2024, 3, 9), None),
        ("Yestra nocta", "relative", date(2024, 3, 13), "night"),
        ("Frida", "weekday", date(2024, 3, 8), None),
    ]
    # The shipped languages know none of these words.
    assert find_date_expressions(text, "en", published=date(2024, 3, 14)) == []


def test_the_place_words_read_the_toy_language(tmp_path: Path) -> None:
    words = geo_words(_toy_root(tmp_path))
    assert "ena" in words.locative_cues and "homs" in words.stop_keys
    assert "in" not in words.locative_cues  # only the folders under this root
    assert words.near_before.search("bumbo prope ") is not None
    assert words.near_before.search("bumbo near ") is None
    assert words.demonyms["zorbish"] == "zorbland"


def test_the_geocoder_reads_place_words_from_a_folder(tmp_path: Path) -> None:
    geocoder = Geocoder.load()
    text = "Shelling hit Homs on Monday, residents said."
    assert [t.text for t in geocoder.geoparse(text, "en")] == ["Homs"]
    toy = resources("xx", _toy_root(tmp_path)).places
    shipped = [common_places(), *(resources(code).places for code in languages())]
    with_toy = geocoder.with_words(build_geo_words([*shipped, toy]))
    assert with_toy.geoparse(text, "en") == []  # the toy folder makes "Homs" a stop key


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"places": {**TOY_PLACES, "locativ_cues": ["x"]}}, "locativ_cues"),
        ({"dates": {**TOY_DATES, "weekdays": {"monda": "0"}}}, "weekdays.monda"),
        ({"dates": {**TOY_DATES, "explicit": "sideways"}}, "explicit"),
        ({"places": {**TOY_PLACES, "stop_keys": "homs"}}, "stop_keys"),
        ({"dates": {k: v for k, v in TOY_DATES.items() if k != "months"}}, "months"),
    ],
)
def test_an_invalid_file_names_the_file_and_the_key(
    tmp_path: Path, files: dict[str, dict[str, Any]], message: str
) -> None:
    root = _toy_root(tmp_path, **files)
    with pytest.raises(InputError) as err:
        resources("xx", root)
    assert message in str(err.value)
    assert f"{tmp_path}/xx/" in str(err.value) and "Fix:" in str(err.value)


def test_a_missing_file_or_folder_is_an_input_error(tmp_path: Path) -> None:
    root = _toy_root(tmp_path)
    (root / "xx" / "places.json").unlink()
    with pytest.raises(InputError, match=r"xx/places\.json.*no places\.json"):
        resources("xx", root)
    with pytest.raises(InputError, match="no language folder for 'zz'"):
        resources("zz", root)


def test_broken_json_is_an_input_error(tmp_path: Path) -> None:
    root = _toy_root(tmp_path)
    (root / "xx" / "dates.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"dates\.json.*not valid JSON"):
        resources("xx", root)
