"""A place tied to the area that contains it by a few words ("X, a town in Y", "X
district of Y province"), and a district the name as written does not reach: on
sentences invented for these tests."""

from __future__ import annotations

import pytest

from veille.geo import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


def _places(geo: Geocoder, text: str, lang: str = "en") -> dict[str, tuple[str, str | None]]:
    return {
        t.text: (t.place.iso3 or "", t.place.admin1) for t in geo.geoparse(text, lang) if t.place
    }


@pytest.mark.parametrize(
    ("text", "town", "area", "where"),
    [
        # The area after "a town in" is the one holding the town: Ontario the province,
        # not the Californian city; Georgia the state, not the country.
        (
            "A bomb went off in Hamilton, a town in Ontario, on Sunday.",
            "Hamilton",
            "Ontario",
            ("CAN", "Ontario"),
        ),
        (
            "Students marched in Athens, a city in Georgia, on Saturday.",
            "Athens",
            "Georgia",
            ("USA", "Georgia"),
        ),
    ],
)
def test_the_area_a_town_is_said_to_lie_in_contains_it(
    geo: Geocoder, text: str, town: str, area: str, where: tuple[str, str]
) -> None:
    places = _places(geo, text)
    assert places[town] == where
    assert places[area][0] == where[0]


def test_a_list_is_no_place_and_its_container() -> None:
    # "X, the Y and Z" lists three countries: an article alone ties nothing.
    geo = Geocoder.load()
    places = _places(geo, "Trade between Mexico, the US and Canada fell last year.")
    assert places["Mexico"][0] == "MEX"


def test_a_district_spelt_apart_is_reached_through_its_town(geo: Geocoder) -> None:
    # The gazetteer spells Pakistan's district "Musa Khel" and knows its town as
    # "Musakhel"; an Afghan district carries "Musakhel district" as an alternate name.
    text = (
        "QUETTA: Gunmen raided a police post on Monday, officials in Balochistan said. "
        "The raid happened in Musakhel district; two officers were wounded."
    )
    assert _places(geo, text)["Musakhel"][0] == "PAK"


def test_the_district_noun_still_reads_a_district_of_its_own_name(geo: Geocoder) -> None:
    # A district the name does reach keeps the noun's reading: no town stands for it.
    text = "Militants stormed a checkpoint in Kalat district, in Balochistan, on Monday."
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    place = found["Kalat"]
    assert place is not None and (place.iso3, place.feature) == ("PAK", "admin2")


def test_a_state_named_in_full_is_not_another_countrys_area_of_the_bare_name(
    geo: Geocoder,
) -> None:
    # "Plateau State" is Nigeria's; Benin's department is "Plateau" alone: the bare
    # name's other places join the full name's only as towns.
    text = "Herders and farmers clashed in Plateau State on Monday."
    assert _places(geo, text)["Plateau State"][0] == "NGA"


def test_a_town_far_away_is_no_area_the_text_names_by_its_noun(geo: Geocoder) -> None:
    # "Kani Township" in a story about Myanmar: Japan's town of Kani is read only by its
    # name; far from every country the text names, it is no place here.
    text = "Myanmar troops fought resistance fighters in Kani Township on Monday."
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    assert found["Kani"] is None or found["Kani"].iso3 == "MMR"


def test_a_township_noun_reads_the_township_of_the_region_the_text_names(geo: Geocoder) -> None:
    text = "Fighting broke out in Kani Township, in Sagaing Region, on Monday."
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    place = found["Kani"]
    assert place is not None and place.iso3 == "MMR"


def test_a_district_a_city_owns_is_a_part_of_that_city(geo: Geocoder) -> None:
    # "Kinshasa's Gombe district": the gazetteer has no Gombe in Kinshasa, and Nigeria's
    # Gombe lies across the continent: the district is placed at the city.
    text = "Heavy gunfire was heard on Sunday in Kinshasa's Gombe district."
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    place = found["Gombe"]
    assert place is not None and place.iso3 == "COD"


def test_a_country_owning_a_state_is_no_city(geo: Geocoder) -> None:
    text = "Troops clashed with rebels in Nigeria's Gombe state on Monday."
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    place = found["Gombe"]
    assert place is not None and place.iso3 == "NGA"
