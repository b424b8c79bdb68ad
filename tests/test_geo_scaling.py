"""Geoparsing stays linear in the length of the text (one 1 MB page of thousands of names).

The work is counted, not timed: the number of Python lines the geo package executes for
a text of n sentences and for one of 2n sentences. Linear code doubles; a pairwise loop
over the names (or over names x NER spans) more than triples.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

import veille.geo._resolve as geocoder_module
from veille.geo import Geocoder

# Towns of one region, so that the proximity score has neighbours to compare.
TOWNS = (
    *("Aleppo", "Homs", "Hama", "Idlib", "Latakia", "Tartus", "Raqqa", "Palmyra", "Mosul"),
    *("Kirkuk", "Erbil", "Tikrit", "Baghdad", "Basra", "Tripoli", "Sidon", "Tyre", "Beirut"),
    *("Damascus", "Daraa"),
)
SENTENCE = {
    "en": "Shelling hit {town} on day {i}, near Qarzwel{i}. ",
    "fr": "Des frappes ont visé {town} le jour {i} dans le nord-est syrien, près de Qarzwel{i}. ",
}


def _article(sentences: int, language: str) -> tuple[str, list[tuple[int, int]]]:
    """A text naming a town in each sentence, with NER-like hints on the town and on an
    unknown name (which the geocoder keeps unresolved)."""
    parts: list[str] = []
    hints: list[tuple[int, int]] = []
    offset = 0
    for i in range(sentences):
        town = TOWNS[i % len(TOWNS)]
        sentence = SENTENCE[language].format(town=town, i=i)
        start = offset + sentence.index(town)
        hints.append((start, start + len(town)))
        unknown = offset + sentence.index("Qarzwel")
        hints.append((unknown, unknown + len(f"Qarzwel{i}")))
        parts.append(sentence)
        offset += len(sentence)
    return "".join(parts), hints


def _lines_executed(run: Callable[[], object]) -> int:
    """How many lines of the geo package ``run`` executes (a deterministic work count)."""
    count = 0
    package = geocoder_module.__file__.rsplit("/", 1)[0]

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_geoparse_work_grows_linearly_with_the_text(geo: Geocoder, language: str) -> None:
    small, small_hints = _article(150, language)
    large, large_hints = _article(300, language)
    geo.geoparse(large, language, hints=large_hints)  # fill the lookup caches first
    small_work = _lines_executed(lambda: geo.geoparse(small, language, hints=small_hints))
    large_work = _lines_executed(lambda: geo.geoparse(large, language, hints=large_hints))
    # Linear: 2.0. The pairwise proximity this replaced gave 3.4 at these sizes.
    assert large_work / small_work < 2.3, (small_work, large_work)


def test_proximity_compares_a_town_with_a_bounded_number_of_neighbours(
    geo: Geocoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    haversine = geocoder_module._haversine_km

    def counting(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
        nonlocal calls
        calls += 1
        return haversine(lat1, lon1, lat2, lon2)

    monkeypatch.setattr(geocoder_module, "_haversine_km", counting)
    text, hints = _article(400, "en")
    toponyms = geo.geoparse(text, "en", hints=hints)
    towns = [t for t in toponyms if t.place is not None]
    assert len(towns) == 400
    most_candidates = max(len(geo.lookup(town)) for town in TOWNS)
    # Two passes, each comparing every candidate of a town with at most k names on each
    # side; all 400 towns with each other would be about 2 x 400 x 399.
    bound = 2 * len(towns) * most_candidates * 2 * geocoder_module.PROXIMITY_NEIGHBOURS
    assert 0 < calls <= bound


def test_a_page_of_thousands_of_toponyms_is_geoparsed(geo: Geocoder) -> None:
    text, hints = _article(3000, "en")
    toponyms = geo.geoparse(text, "en", hints=hints)
    resolved = [t for t in toponyms if t.place is not None]
    unresolved = [t for t in toponyms if t.place is None]
    assert len(resolved) == 3000 and len(unresolved) == 3000
    assert {t.place.iso3 for t in resolved if t.place} <= {"SYR", "IRQ", "LBN"}
    assert all(text[t.start : t.end] == t.text for t in toponyms)
    assert [t.start for t in toponyms] == sorted(t.start for t in toponyms)
