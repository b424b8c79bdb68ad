"""Arabic names of places the gazetteer holds only in Latin script: consonant skeletons
compared among the places of the countries the text names, on sentences invented for
these tests."""

from __future__ import annotations

import pytest

from veille.geo import Geocoder
from veille.geo._transliterate import arabic_skeleton, latin_skeleton


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Damboa", "دامبوا"),
        ("Kajuru", "كاجورو"),
        ("Babanūsah", "بابنوسة"),  # accents folded, a final "-ah" is a ta marbuta
        ("Kharkiv", "خاركيف"),  # kh one consonant, v as f
        ("Pokrovsk", "بوكروفسك"),  # p as b
        ("Rabigh", "رابغ"),  # gh as غ
        ("Mahbes", "المحبس"),  # the article left out
        ("Ogossagou", "أوغوساغو"),  # a double letter written once
    ],
)
def test_a_latin_name_and_its_arabic_spelling_share_a_skeleton(latin: str, arabic: str) -> None:
    assert latin_skeleton(latin) == arabic_skeleton(arabic)


def test_the_same_consonant_either_side_of_a_vowel_stays_two() -> None:
    # «تلتيتا» is no "Talty": its second t is its own.
    assert arabic_skeleton("تلتيتا") != latin_skeleton("Talty")


def test_a_town_announced_in_a_country_the_text_names_is_found(geo: Geocoder) -> None:
    text = "قتل أربعة جنود في هجوم قرب مدينة مايدوغوري، كما خطف مسلحون مزارعين في منطقة دامبوا."
    places = {t.text: t.place for t in geo.geoparse(text, "ar")}
    assert places["مايدوغوري"] is not None
    damboa = places["دامبوا"]
    assert damboa is not None and damboa.name == "Damboa" and damboa.iso3 == "NGA"


def test_no_town_is_read_without_a_noun_announcing_it(geo: Geocoder) -> None:
    text = "قتل أربعة جنود في هجوم قرب مدينة مايدوغوري، وقال دامبوا إن الوضع هادئ."
    assert "دامبوا" not in {t.text for t in geo.geoparse(text, "ar")}


def test_no_town_is_read_in_a_country_the_text_does_not_name(geo: Geocoder) -> None:
    # No place of Nigeria is named: the skeleton of «دامبوا» is looked for nowhere.
    text = "خطف مسلحون مزارعين في منطقة دامبوا يوم الثلاثاء."
    assert all(t.place is None for t in geo.geoparse(text, "ar"))


def test_a_skeleton_of_two_consonants_names_nothing(geo: Geocoder) -> None:
    # «غوزا» (Gwoza) is KZ: too many places share it to read one.
    text = "قتل أربعة جنود قرب مدينة مايدوغوري، وانفجرت عبوة قرب بلدة غوزا."
    assert "غوزا" not in {t.text for t in geo.geoparse(text, "ar") if t.place is not None}


def test_a_state_announced_by_its_noun_names_the_country_of_its_towns(geo: Geocoder) -> None:
    # No country is named: «بولاية زمفرة» is Zamfara, a state of Nigeria, whose town
    # «زورمي» (Zurmi) the text then names.
    text = "اختطف مسلحون مزارعين في منطقة زورمي بولاية زمفرة يوم الثلاثاء."
    places = {t.text: t.place for t in geo.geoparse(text, "ar")}
    zamfara, zurmi = places["زمفرة"], places["زورمي"]
    assert zamfara is not None and zamfara.iso3 == "NGA" and zamfara.feature == "admin1"
    assert zurmi is not None and zurmi.name == "Zurmi"


def test_a_word_after_a_noun_of_no_state_names_no_province(geo: Geocoder) -> None:
    # «منطقة» is an area, no state's noun: no province of any country is looked for.
    text = "اختطف مسلحون مزارعين في منطقة زمفرة يوم الثلاثاء."
    assert all(t.place is None for t in geo.geoparse(text, "ar"))


def test_a_village_announced_in_an_area_the_text_names_is_found(geo: Geocoder) -> None:
    # Gumsuri is in the villages' index only, in Latin script; Borno, where it lies, is
    # named, so its villages are looked for.
    text = "قتل مسلحون خمسة مزارعين في قرية غومسوري بولاية بورنو يوم الأحد."
    village = {t.text: t.place for t in geo.geoparse(text, "ar")}["غومسوري"]
    assert village is not None and village.name == "Gumsuri" and village.admin1 == "Borno"


def test_no_village_is_read_where_only_its_country_is_named(geo: Geocoder) -> None:
    # Nigeria alone is 50,000 villages: no first-level area is named to look in.
    text = "قتل مسلحون خمسة مزارعين في قرية غومسوري شمال شرق نيجيريا يوم الأحد."
    assert "غومسوري" not in {t.text for t in geo.geoparse(text, "ar") if t.place is not None}


def test_no_village_is_read_from_a_skeleton_two_village_names_share(geo: Geocoder) -> None:
    # Borno has a Tamsugu and a Tamsuguwa: «تامسوغو» may be either, so it is neither.
    text = "هاجم مسلحون قرية تامسوغو في ولاية بورنو يوم الأحد."
    assert "تامسوغو" not in {t.text for t in geo.geoparse(text, "ar") if t.place is not None}


def test_a_village_name_must_write_the_long_vowels_the_arabic_writes(geo: Geocoder) -> None:
    # Borno has a Pumpum and a Bembem: «بومبوم» writes two long u, which only one has.
    text = "هاجم مسلحون قرية بومبوم في ولاية بورنو يوم الأحد."
    village = {t.text: t.place for t in geo.geoparse(text, "ar")}["بومبوم"]
    assert village is not None and village.name == "Pumpum"


def test_no_village_is_read_after_a_noun_of_an_area(geo: Geocoder) -> None:
    # «منطقة» announces a district or a town of the main index, not a village.
    text = "قتل مسلحون خمسة مزارعين في منطقة غومسوري بولاية بورنو يوم الأحد."
    assert "غومسوري" not in {t.text for t in geo.geoparse(text, "ar") if t.place is not None}


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مسلحون قرى بوكوس ومانغو في ولاية بلاتو يوم الأحد.",  # plural noun, a list
        "هاجم مسلحون بلدتي بوكوس ومانغو بولاية بلاتو يوم الأحد.",  # dual noun
    ],
)
def test_the_names_listed_after_a_town_noun_are_each_read(geo: Geocoder, text: str) -> None:
    places = {t.text: t.place for t in geo.geoparse(text, "ar") if t.place is not None}
    assert places["بوكوس"].name == "Bokkos"
    assert places["مانغو"].name == "Mangu"  # its «و» left out


def test_villages_listed_after_a_comma_are_read(geo: Geocoder) -> None:
    text = "هاجم مسلحون قرية غومسوري، شينديفو وكارما بولاية بورنو."
    named = {t.place.name for t in geo.geoparse(text, "ar") if t.place is not None}
    assert {"Gumsuri", "Shindifu"} <= named


def test_a_plural_town_noun_before_one_word_takes_no_name(geo: Geocoder) -> None:
    # A plural noun with no list after it takes an adjective («مدن تونسية»), never a name.
    text = "قتل مسلحون خمسة مزارعين في قرى بوكوس بولاية بلاتو."
    assert "بوكوس" not in {t.text for t in geo.geoparse(text, "ar") if t.place is not None}


def test_a_verb_after_a_village_is_no_listed_name(geo: Geocoder) -> None:
    # «وسرقوا المواشي» (and stole the cattle) goes on as a verb and its object does.
    text = "هاجم مسلحون قرية غومسوري وسرقوا المواشي بولاية بورنو."
    named = {t.text for t in geo.geoparse(text, "ar") if t.place is not None}
    assert "غومسوري" in named and "سرقوا" not in named
