"""Gazetteer and geocoder: normalisation, recognition, resolution, precision, offsets."""

from __future__ import annotations

import csv
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

from veille.errors import DataError
from veille.geo import Geocoder, OutletProfile, Place, Toponym
from veille.geo._normalize import loose_name_key, name_keys
from veille.geo._store import DEFAULT_INDEX, FLAG_VILLAGE, GazetteerStore

SITES_CSV = DEFAULT_INDEX.parent / "sites.csv"


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


def only(toponyms: list[Toponym], text: str) -> Toponym:
    found = [t for t in toponyms if t.text == text]
    assert len(found) == 1, [t.text for t in toponyms]
    return found[0]


def place_of(toponyms: list[Toponym], text: str) -> Place:
    place = only(toponyms, text).place
    assert place is not None
    return place


def assert_offsets(text: str, toponyms: list[Toponym]) -> None:
    last = -1
    for t in toponyms:
        assert text[t.start : t.end] == t.text
        assert t.start >= last
        last = t.end


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize("variant", ["Deir ez-Zor", "Deir el-Zor", "Dayr az Zawr", "Der Ezzor"])
def test_deir_ez_zor_family_shares_a_loose_key(variant: str) -> None:
    assert loose_name_key(variant) == loose_name_key("Deir ez-Zor")


def test_article_variants_share_a_key() -> None:
    assert name_keys("Deir ez-Zor") == name_keys("Deir el-Zor") == ["deir al zor"]
    assert "hasakah" in name_keys("Al-Hasakah")
    assert name_keys("حَلَب") == name_keys("حلب")
    assert name_keys("إدلب") == name_keys("ادلب")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des frappes ont visé Deir ez-Zor.", "fr"),
        ("Shelling hit Dayr az Zawr on Monday.", "en"),
        ("Des tirs à Deir el-Zor.", "fr"),
        ("Combats à Der Ezzor hier.", "fr"),
        ("قصف على دير الزور.", "ar"),
    ],
)
def test_deir_ez_zor_variants_resolve_to_the_city(geo: Geocoder, text: str, language: str) -> None:
    toponyms = geo.geoparse(text, language)
    assert len(toponyms) == 1
    place = toponyms[0].place
    assert place is not None
    assert place.iso3 == "SYR" and place.feature == "city"
    assert abs(place.lat - 35.34) < 0.1 and abs(place.lon - 40.14) < 0.1


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Les combats à Alep.", "fr", "Alep"),
        ("Fighting in Aleppo.", "en", "Aleppo"),
        ("اشتباكات في حلب.", "ar", "حلب"),
    ],
)
def test_aleppo_in_three_languages(geo: Geocoder, text: str, language: str, name: str) -> None:
    place = place_of(geo.geoparse(text, language), name)
    assert place.name == "Aleppo" and place.iso3 == "SYR" and place.feature == "city"


@pytest.mark.parametrize(
    ("text", "language", "iso3"),
    [
        # a name shared by a country and another country's big city: the city right
        # after a noun for the capital (in apposition) or heading a dispatch
        ("وفي العاصمة عمان، نظم عشرات الناشطين وقفة احتجاجية.", "ar", "JOR"),
        ("وفي العاصمة الأردنية عمان، نظم عشرات الناشطين وقفة احتجاجية.", "ar", "JOR"),
        ("عمان (وكالات) - نظم عشرات الناشطين وقفة احتجاجية.", "ar", "JOR"),
        ("Dozens of activists held a sit-in in the capital Amman.", "en", "JOR"),
        # the construct state is "the capital of": the country
        ("وصل الوفد إلى مسقط عاصمة عمان أمس.", "ar", "OMN"),
        ("نظم عشرات الناشطين وقفة احتجاجية في عمان.", "ar", "OMN"),
    ],
)
def test_a_capital_noun_or_a_dateline_reads_a_big_city_not_a_country(
    geo: Geocoder, text: str, language: str, iso3: str
) -> None:
    place = place_of(geo.geoparse(text, language), "عمان" if language == "ar" else "Amman")
    assert place.iso3 == iso3
    assert (place.feature == "country") == (iso3 == "OMN")


def test_french_exonyms(geo: Geocoder) -> None:
    text = "Des attaques à Bagdad, Mossoul, Damas et Tombouctou."
    toponyms = geo.geoparse(text, "fr")
    assert [t.place.iso3 for t in toponyms if t.place] == ["IRQ", "IRQ", "SYR", "MLI"]


# --------------------------------------------------------------------------- Arabic


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("بحلب", "حلب"),
        ("وحلب", "حلب"),
        ("والموصل", "الموصل"),
        ("بالموصل", "الموصل"),
        ("للرقة", "رقة"),
        ("وبدمشق", "دمشق"),
    ],
)
def test_arabic_clitics_are_peeled_off(geo: Geocoder, word: str, name: str) -> None:
    text = f"سقطت قذائف {word} صباح اليوم"
    toponyms = geo.geoparse(text, "ar")
    assert_offsets(text, toponyms)
    t = only(toponyms, name)
    assert t.place is not None and t.place.iso3 in {"SYR", "IRQ"}
    assert t.end == text.index(word) + len(word)


def test_arabic_offsets_are_exact_in_rtl_text(geo: Geocoder) -> None:
    text = "قصفت طائرة مسيرة قاعدة عين الأسد في الأنبار، وسقطت قذائف على حلب."
    toponyms = geo.geoparse(text, "ar")
    assert_offsets(text, toponyms)
    assert place_of(toponyms, "قاعدة عين الأسد").feature == "site"
    assert place_of(toponyms, "الأنبار").feature == "admin1"
    assert place_of(toponyms, "حلب").name == "Aleppo"


def test_arabic_common_words_are_not_places(geo: Geocoder) -> None:
    text = "قال مصدر في الدير إن الجيش دخل المدينة يوم الأحد ليلا دير"
    assert [t.text for t in geo.geoparse(text, "ar")] == []


# --------------------------------------------------------------------------- sites


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        ("Une frappe a visé la base de Kharab al-Jir mardi.", "fr", "base de Kharab al-Jir"),
        ("A drone struck Kharab al-Jir airbase on Tuesday.", "en", "Kharab al-Jir airbase"),
        ("استهدفت طائرة مسيرة قاعدة خراب الجير صباحا.", "ar", "قاعدة خراب الجير"),
    ],
)
def test_site_in_three_languages(geo: Geocoder, text: str, language: str, span: str) -> None:
    toponyms = geo.geoparse(text, language)
    t = only(toponyms, span)
    assert t.place is not None
    assert t.place.gazetteer_id == "site:kharab-al-jir"
    assert t.place.feature == "site" and t.place.iso3 == "SYR" and t.geo_precision == 1


@pytest.mark.parametrize(
    ("text", "language", "site_id"),
    [
        ("Le champ pétrolier d'al-Omar a été visé.", "fr", "al-omar-oil-field"),
        ("Rockets hit Ain al-Asad air base.", "en", "ain-al-asad"),
        ("قصف حقل كونيكو للغاز.", "ar", "conoco-gas-field"),
        ("Trucks crossed at Kerem Shalom.", "en", "kerem-shalom"),
        ("La centrale nucléaire de Zaporijjia a été touchée.", "fr", "zaporizhzhia-npp"),
        # Contested regions: the country column follows ISO 3166, as ACLED codes them.
        ("Shelling was reported in South Ossetia.", "en", "south-ossetia"),
        ("Des tirs ont visé le Haut-Karabakh.", "fr", "nagorno-karabakh"),
        ("قصف على الغوطة الشرقية", "ar", "eastern-ghouta"),
    ],
)
def test_curated_sites_are_found(geo: Geocoder, text: str, language: str, site_id: str) -> None:
    ids = [t.place.gazetteer_id for t in geo.geoparse(text, language) if t.place]
    assert f"site:{site_id}" in ids


def _site_rows() -> list[dict[str, str]]:
    with SITES_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_curated_sites_table_is_large_enough() -> None:
    rows = _site_rows()
    assert len(rows) >= 80
    assert len({r["site_id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["source"], row["site_id"]
        assert row["aliases_fr"] and row["aliases_ar"] and row["aliases_en"], row["site_id"]


@pytest.mark.parametrize("row", [r for r in _site_rows() if r["iso3"]], ids=lambda r: r["site_id"])
def test_curated_site_lies_inside_its_country(geo: Geocoder, row: dict[str, str]) -> None:
    boxes = geo._store.country_boxes()
    min_lat, max_lat, min_lon, max_lon = boxes[row["iso3"]]
    margin = 0.3  # degrees: the box is drawn from the country's towns, not its border
    lat, lon = float(row["lat"]), float(row["lon"])
    assert min_lat - margin <= lat <= max_lat + margin, row["site_id"]
    assert min_lon - margin <= lon <= max_lon + margin, row["site_id"]


# --------------------------------------------------------------------------- context


def test_english_words_are_not_transliterated_articles(geo: Geocoder) -> None:
    # "US and" once read as the Arabic article + "and" (a loose key of Al Anad): the
    # country was lost. An article heads a capitalised name ("as-Sukhnah", "ad Dawr").
    text = "He is touring Canada and the US and then Oceania."
    toponyms = geo.geoparse(text, "en")
    assert [t.text for t in toponyms] == ["Canada", "US", "Oceania"]
    assert only(toponyms, "US").place is not None
    oceania = only(toponyms, "Oceania").place
    assert oceania is not None and oceania.feature == "region"


def test_tripoli_follows_the_country_of_the_article(geo: Geocoder) -> None:
    lebanon = "Des affrontements ont éclaté à Tripoli, dans le nord du Liban, près de Akkar."
    libya = "Des milices de Misrata ont attaqué Tripoli, la capitale de la Libye."
    assert place_of(geo.geoparse(lebanon, "fr"), "Tripoli").iso3 == "LBN"
    assert place_of(geo.geoparse(libya, "fr"), "Tripoli").iso3 == "LBY"


def test_comma_container_picks_the_homonym(geo: Geocoder) -> None:
    text = "The fire broke out in Alexandria, La., on Sunday."
    place = place_of(geo.geoparse(text, "en"), "Alexandria")
    assert place.iso3 == "USA" and place.admin1 == "Louisiana"


def test_repeated_name_does_not_vote_for_itself(geo: Geocoder) -> None:
    # Ten mentions of "Dublin" are one name: the state named once decides the homonym.
    text = (
        "Dublin council met on Monday. Dublin residents spoke, and Dublin officials said "
        "the Dublin budget is tight. The city is the largest suburb of Columbus, Ohio."
    )
    toponyms = geo.geoparse(text, "en")
    dublins = [t for t in toponyms if t.text == "Dublin"]
    assert len(dublins) == 4
    assert all(t.place is not None and t.place.admin1 == "Ohio" for t in dublins)


def test_an_outlet_profile_weighs_homonyms_toward_its_area(geo: Geocoder) -> None:
    # A local paper's earlier stories name Ohio towns: its bare "Dublin" is Dublin, Ohio.
    # The same sentence with no profile, or a profile of an Irish paper, stays in Ireland.
    text = "The Dublin council approved the new budget on Monday."
    alone = place_of(geo.geoparse(text, "en"), "Dublin")
    assert alone.iso3 == "IRL"
    ohio, irish = OutletProfile(), OutletProfile()
    columbus = geo.geoparse("Police in Columbus arrested two men.", "en")
    ohio.add(columbus)
    ohio.add(geo.geoparse("A fire in Westerville, Ohio, destroyed a barn.", "en"))
    area = place_of(columbus, "Columbus").admin1_id
    assert area is not None and ohio.share(area) == pytest.approx(2 / 3)
    irish.add(geo.geoparse("Flooding closed roads in Cork and Galway.", "en"))
    local = place_of(geo.geoparse(text, "en", outlet=ohio), "Dublin")
    assert local.iso3 == "USA" and local.admin1 == "Ohio"
    assert place_of(geo.geoparse(text, "en", outlet=irish), "Dublin").iso3 == "IRL"
    # The profile weighs homonyms; it does not overrule a text that names the country.
    told = "The Dublin council, in Ireland, approved the new budget on Monday."
    assert place_of(geo.geoparse(told, "en", outlet=ohio), "Dublin").iso3 == "IRL"


def test_an_outlet_profile_leaves_one_article_out() -> None:
    def top(admin1_id: str) -> Toponym:
        place = Place(
            gazetteer_id="geonames:1", name="X", feature="city", admin1_id=admin1_id, lat=0, lon=0
        )
        return Toponym(start=0, end=1, text="X", place=place, geo_precision=1)

    profile = OutletProfile()
    profile.add([top("geonames:10"), top("geonames:10")])  # one area, counted once
    profile.add([top("geonames:10"), top("geonames:20")])
    assert profile.areas == {"geonames:10": 2, "geonames:20": 1}
    rest = profile.without([top("geonames:10"), top("geonames:20")])
    assert (rest.documents, dict(rest.areas)) == (1, {"geonames:10": 1})
    # Shares are discounted while the outlet has few articles.
    assert rest.share("geonames:10") == pytest.approx(0.5)
    assert profile.share("geonames:10") == pytest.approx(2 / 3)
    assert OutletProfile().share("geonames:10") == 0.0


def test_big_city_outranks_a_same_named_state(geo: Geocoder) -> None:
    place = place_of(geo.geoparse("Talks resumed in Washington on Monday.", "en"), "Washington")
    assert place.feature == "city" and place.admin1 == "District of Columbia"


def test_a_minor_country_does_not_outvote_the_story(geo: Geocoder) -> None:
    # One US town among four European places: "Paris" and "Berlin" stay in Europe.
    text = (
        "Trains from Amsterdam, Brussels and London to Paris and Berlin are still slow. "
        "The consultancy has an office in Houston."
    )
    toponyms = geo.geoparse(text, "en")
    assert place_of(toponyms, "Houston").iso3 == "USA"
    assert place_of(toponyms, "Paris").iso3 == "FRA"
    assert place_of(toponyms, "Berlin").iso3 == "DEU"


def test_state_does_not_give_way_to_a_village_with_its_alternate_name(geo: Geocoder) -> None:
    # "Minnesota" is among the alternate names of Minneota (1,400 people), not its name:
    # the namesake rule ("Aleppo" is the city, not the governorate) must not fire for it.
    from veille.geo._geocoder import _Match, key_of_norms, tokenize

    def penalised(name: str) -> set[str]:
        key = key_of_norms([t.norm for t in tokenize(name)])
        cands = geo._store.lookup(key)
        m = _Match(0, len(name), 0, 1, cands)
        m.scores = {c.place.id: 0.0 for c in cands}
        geo._prefer_namesake_towns(m)
        return {c.place.feature for c in cands if m.scores[c.place.id] < 0}

    assert penalised("Minnesota") == set()
    assert penalised("Alep") == {"admin1"}  # an alternate name too, but of the seat
    assert penalised("Idlib") == {"admin1"}


# --------------------------------------------------------------------------- demonyms


@pytest.mark.parametrize(
    ("text", "span", "iso3", "feature"),
    [
        ("Russian troops crossed the border on Tuesday.", "Russian", "RUS", "country"),
        ("The talks involved Palestinians and Egyptians.", "Palestinians", "PSE", "country"),
        ("A Sri Lankan minister said the vote was fair.", "Sri Lankan", "LKA", "country"),
        ("The new EU rules on aviation were debated.", "EU", None, "region"),
        ("European leaders met in Brussels.", "European", None, "region"),
    ],
)
def test_english_demonyms_are_toponyms_of_their_country(
    geo: Geocoder, text: str, span: str, iso3: str | None, feature: str
) -> None:
    toponyms = geo.geoparse(text, "en")
    assert_offsets(text, toponyms)
    t = only(toponyms, span)
    assert t.place is not None and t.place.feature == feature and t.place.iso3 == iso3
    assert t.geo_precision == 3


def test_demonym_homonym_follows_the_context(geo: Geocoder) -> None:
    caucasus = "Georgian troops fired on Tskhinvali and Gori, Georgian officials said."
    place = place_of(geo.geoparse(caucasus, "en")[:1], "Georgian")
    assert place.iso3 == "GEO"


def test_demonyms_stay_out_of_french_and_lowercase_text(geo: Geocoder) -> None:
    assert [t.text for t in geo.geoparse("Les Syriens et les Russes ont répondu.", "fr")] == []
    assert [t.text for t in geo.geoparse("they spoke russian and ate french fries", "en")] == []


@pytest.mark.parametrize(
    ("text", "span", "iso3"),
    [
        ("سقطت طائرة مسيرة في السعودية فجر اليوم.", "السعودية", "SAU"),
        ("انفجرت سيارة مفخخة بالسعودية.", "السعودية", "SAU"),
        ("تظاهر العشرات في سورية أمس.", "سورية", "SYR"),
        ("وصلت تعزيزات عسكرية إلى مالي.", "مالي", "MLI"),
    ],
)
def test_an_arabic_country_spelt_as_its_adjective_is_named_after_a_cue(
    geo: Geocoder, text: str, span: str, iso3: str
) -> None:
    t = only(geo.geoparse(text, "ar"), span)
    assert t.place is not None and t.place.feature == "country" and t.place.iso3 == iso3


@pytest.mark.parametrize(
    "text", ["قصفت القوات السعودية مواقع للمتمردين.", "أعلنت الحكومة عن الدعم المالي للمزارعين."]
)
def test_the_same_arabic_word_as_an_adjective_names_no_country(geo: Geocoder, text: str) -> None:
    assert [t.text for t in geo.geoparse(text, "ar")] == []


@pytest.mark.parametrize(
    ("text", "span", "iso3"),
    [
        # plural, dual and feminine forms of the adjective, and the adjectives of the
        # actors' table of countries (Congolese, Burkinabe) the curated table lacked
        ("قتل جنود ماليون في كمين قرب تمبكتو.", "تمبكتو", "MLI"),
        ("أصيب جنديان كونغوليان في اشتباك قرب غوما.", "غوما", "COD"),
        ("هاجم مسلحون دورية للقوات البوركينية في جيبو.", "جيبو", "BFA"),
    ],
)
def test_an_inflected_arabic_adjective_puts_a_town_in_its_country(
    geo: Geocoder, text: str, span: str, iso3: str
) -> None:
    t = only(geo.geoparse(text, "ar"), span)
    assert t.place is not None and t.place.iso3 == iso3
    bare = text.replace(" ماليون", "").replace(" كونغوليان", "").replace(" للقوات البوركينية", "")
    assert span not in [t.text for t in geo.geoparse(bare, "ar")]  # the town alone is weak


@pytest.mark.parametrize(
    ("text", "span", "iso3", "feature"),
    [
        ("قتل جنديان في هجوم على نقطة تفتيش في مدينة كويتا الباكستانية.", "كويتا", "PAK", "city"),
        ("قتل عشرة مسلحين في عملية قرب كيسمايو جنوب الصومال.", "كيسمايو", "SOM", "city"),
        ("انفجرت عبوة ناسفة في إقليم بلوشستان.", "بلوشستان", "PAK", "admin1"),
    ],
)
def test_arabic_spellings_the_gazetteer_lacked(
    geo: Geocoder, text: str, span: str, iso3: str, feature: str
) -> None:
    # curated in city_aliases.tsv / admin_aliases.tsv (Quetta had gone to Coweta, USA)
    t = only(geo.geoparse(text, "ar"), span)
    assert t.place is not None and (t.place.iso3, t.place.feature) == (iso3, feature)


# --------------------------------------------------------------------------- precision


@pytest.mark.parametrize(
    ("text", "language", "span", "iso3"),
    [
        (
            "Des frappes dans l'est de la Syrie ont fait dix morts.",
            "fr",
            "l'est de la Syrie",
            "SYR",
        ),
        ("Les tensions dans le nord de l'Irak persistent.", "fr", "le nord de l'Irak", "IRQ"),
        ("Fighting continued in eastern Syria overnight.", "en", "eastern Syria", "SYR"),
        ("اشتباكات في شمال شرق سوريا اليوم", "ar", "شمال شرق سوريا", "SYR"),
        ("La situation dans le nord-est syrien reste tendue.", "fr", "le nord-est syrien", "SYR"),
    ],
)
def test_vague_regions_get_precision_3(
    geo: Geocoder, text: str, language: str, span: str, iso3: str
) -> None:
    toponyms = geo.geoparse(text, language)
    assert_offsets(text, toponyms)
    t = only(toponyms, span)
    assert t.geo_precision == 3
    assert t.place is not None and t.place.iso3 == iso3 and t.place.feature == "country"


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        ("Une attaque près de Kobané a fait trois morts.", "fr", "Kobané"),
        ("An explosion near Mosul killed two.", "en", "Mosul"),
        ("قصف مدفعي على ريف حلب الشمالي", "ar", "ريف حلب الشمالي"),
    ],
)
def test_near_a_place_gets_precision_2(geo: Geocoder, text: str, language: str, span: str) -> None:
    t = only(geo.geoparse(text, language), span)
    assert t.geo_precision == 2
    assert t.place is not None and t.place.feature == "city"


@pytest.mark.parametrize(
    ("text", "language", "span", "precision"),
    [
        ("Un obus est tombé sur un marché du centre de Homs.", "fr", "centre de Homs", 1),
        ("A blast hit a café in central Mosul on Monday.", "en", "central Mosul", 1),
        ("سقطت قذيفة في وسط حلب مساء أمس", "ar", "وسط حلب", 1),
        ("Des tirs ont visé un poste au nord de Homs.", "fr", "nord de Homs", 2),
    ],
)
def test_the_centre_of_a_town_is_the_town(
    geo: Geocoder, text: str, language: str, span: str, precision: int
) -> None:
    toponyms = geo.geoparse(text, language)
    assert_offsets(text, toponyms)
    t = next(t for t in toponyms if span in t.text)
    assert t.place is not None and t.place.feature == "city"
    assert t.geo_precision == precision


def test_bare_town_gets_precision_1_and_province_3(geo: Geocoder) -> None:
    text = "Des tirs à Homs et dans la province d'Idleb."
    toponyms = geo.geoparse(text, "fr")
    assert only(toponyms, "Homs").geo_precision == 1
    idlib = only(toponyms, "Idleb")
    assert idlib.place is not None and idlib.place.feature == "admin1"
    assert idlib.geo_precision == 3


# --------------------------------------------------------------------------- not places


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Base. Nord. Est. Mars a été calme, selon le ministre.", "fr"),
        ("The Board met in March; Council members and the Senate agreed.", "en"),
        ("Les forces syriennes et libanaises ont répondu.", "fr"),
        ("the base was quiet and the town slept", "en"),
    ],
)
def test_common_words_are_not_places(geo: Geocoder, text: str, language: str) -> None:
    assert [t.text for t in geo.geoparse(text, language)] == []


def test_lowercase_words_are_not_places(geo: Geocoder) -> None:
    assert geo.geoparse("they went to paris and aleppo", "en") == []


# --------------------------------------------------------------------------- hints, API


def test_hint_without_gazetteer_entry_is_kept_unresolved(geo: Geocoder) -> None:
    text = "Militants attacked Zzyzxqu Valley at dawn."
    start = text.index("Zzyzxqu")
    toponyms = geo.geoparse(text, "en", hints=[(start, start + len("Zzyzxqu Valley"))])
    t = only(toponyms, "Zzyzxqu Valley")
    assert t.place is None and t.geo_precision is None
    assert geo.to_location(t) is None


def test_hint_longer_than_the_place_keeps_the_place(geo: Geocoder) -> None:
    # The NER labels "Marion County Sheriff's Office" a place; the county heads it.
    text = "Deputies of the Marion County Sheriff's Office arrested two men in Ocala, Florida."
    start = text.index("Marion")
    hint = (start, text.index(" arrested"))
    t = geo.geoparse(text, "en", hints=[hint])[0]
    assert t.text == "Marion County"
    assert t.place is not None and t.place.admin1 == "Florida"


def test_hint_vouches_only_for_the_first_name_inside_it(geo: Geocoder) -> None:
    # "Art" and "Stroll" are not towns because the NER span around "Tulsa" covers them.
    text = "Crowds came to the Tulsa Art Stroll on Saturday."
    hint = (text.index("the Tulsa"), text.index(" on Saturday"))
    assert [t.text for t in geo.geoparse(text, "en", hints=[hint])] == ["Tulsa"]


def test_to_location_copies_the_place(geo: Geocoder) -> None:
    t = only(geo.geoparse("Une frappe près de Raqqa.", "fr"), "Raqqa")
    loc = geo.to_location(t)
    assert loc is not None
    assert loc.iso3 == "SYR" and loc.geo_precision == 2 and loc.gazetteer_id is not None
    assert loc.name == t.place.name if t.place else False


def test_geocoder_pickles(geo: Geocoder) -> None:
    clone = pickle.loads(pickle.dumps(geo))
    text = "Fighting in Aleppo."
    assert clone.geoparse(text, "en") == geo.geoparse(text, "en")


def test_missing_index_raises_data_error_with_fix(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        Geocoder.load(tmp_path / "nope.sqlite")
    assert "build_gazetteer.py" in str(info.value)


def test_an_unreadable_villages_index_raises_data_error_with_fix(tmp_path: Path) -> None:
    """The villages' index beside the main one is read when it is there: a broken one is
    an error that names it and the rebuild, not a silent loss of villages."""
    index = tmp_path / "gazetteer.sqlite"
    index.write_bytes(DEFAULT_INDEX.read_bytes())
    (tmp_path / "villages.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(DataError) as info:
        Geocoder.load(index)
    assert "villages.sqlite" in str(info.value) and "build_gazetteer.py" in str(info.value)


def test_first_part_of_a_hyphenated_name_is_not_a_place(geo: Geocoder) -> None:
    # "Dasht" alone is a village in Armenia; "Dasht-e-Barchi" is a district of Kabul.
    found = geo.geoparse("Une bombe a explosé dans le quartier de Dasht-e-Barchi, à Kaboul.", "fr")
    assert [t.text for t in found] == ["Kaboul"]
    assert [t.text for t in geo.geoparse("Les heurts à Saint-Denis ont duré.", "fr")] == [
        "Saint-Denis"
    ]


def test_news_spelling_of_a_several_word_city_needs_no_country(geo: Geocoder) -> None:
    # "Khan Younis" is an alternate spelling of Khān Yūnis (pop. ~170k); a several-word
    # name of a large city is no coincidence, while a one-word loose match still needs
    # its country named elsewhere in the text.
    found = geo.geoparse("An Israeli air strike hit Khan Younis at dawn on Monday.", "en")
    assert [(t.text, t.place.iso3 if t.place else None) for t in found] == [("Khan Younis", "PSE")]


# --------------------------------------------------------------------------- person names


def _span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_first_names_and_surnames_in_person_spans_are_not_places(geo: Geocoder) -> None:
    # (A Turkish town named beside it vouches for the loose spelling of a Turkish town.)
    text = "Nureddine Mehmud says Turkey shelled Qamishli from Nusaybin. Mehmud says the YPG held."
    persons = [_span(text, "Nureddine Mehmud"), _span(text, "Mehmud", 1)]
    without = [t.text for t in geo.geoparse(text, "en")]
    assert "Nureddine" in without  # a town in Turkey, read as one without the NER
    found = [t.text for t in geo.geoparse(text, "en", persons=persons)]
    assert found == ["Turkey", "Qamishli", "Nusaybin"]


def test_a_town_the_ner_calls_a_person_stays_a_place(geo: Geocoder) -> None:
    # NER labels "Mansfield" alone a PERSON; it never appears in a full name here.
    text = "Mansfield council votes today. Mansfield will get parking relief."
    persons = [_span(text, "Mansfield"), _span(text, "Mansfield", 1)]
    assert [t.text for t in geo.geoparse(text, "en", persons=persons)] == ["Mansfield"] * 2


def test_a_country_is_refused_only_as_a_surname(geo: Geocoder) -> None:
    text = "Michael Jordan scored 40 points in Chicago. Jordan reopened its border."
    found = geo.geoparse(text, "en", persons=[_span(text, "Michael Jordan")])
    assert [(t.text, t.start) for t in found] == [
        ("Chicago", text.index("Chicago")),
        ("Jordan", text.index("Jordan reopened")),
    ]


# --------------------------------------------------------------------------- recognition


def test_hyphenated_adjectives_and_pairs_of_places_keep_their_places(geo: Geocoder) -> None:
    def found(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.place.iso3 if t.place else None) for t in geo.geoparse(text, "en")]

    assert found("The Houston-based contractor was paid.") == [("Houston", "USA")]
    assert found("Trains now run the Amsterdam-London route.") == [
        ("Amsterdam", "NLD"),
        ("London", "GBR"),
    ]


def test_a_capitalised_dateline_names_a_place(geo: Geocoder) -> None:
    text = "Plan to combat drugs. TORRINGTON — Mayor Ryan Bingham is scheduled to speak."
    place = place_of(geo.geoparse(text, "en"), "TORRINGTON")
    assert place.name == "Torrington" and place.admin1 == "Connecticut"
    # The same word in running text, with no dash after it, is not enough for a town
    # of 35,000 inhabitants.
    assert geo.geoparse("Plan to combat drugs. Torrington Mayor Ryan Bingham spoke.", "en") == []


def test_an_admin_noun_after_a_name_or_a_list_picks_the_admin_area(geo: Geocoder) -> None:
    washington = place_of(geo.geoparse("Fires spread in Washington state.", "en"), "Washington")
    assert washington.feature == "admin1"
    text = "Homes were sold in Alachua and Gilchrist counties."
    found = geo.geoparse(text, "en")
    assert [(t.text, t.place.feature if t.place else None) for t in found] == [
        ("Alachua", "admin2"),
        ("Gilchrist", "admin2"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jets bombed camps in the provinces of Khost and Paktika.", "en"),
        ("Des avions ont bombardé des camps dans les provinces de Khost et de Paktika.", "fr"),
    ],
)
def test_a_plural_admin_noun_before_a_list_picks_each_admin_area(
    geo: Geocoder, text: str, language: str
) -> None:
    # Khost is a city as well as its province: the plural noun says which.
    found = geo.geoparse(text, language)
    assert [(t.text, t.place.feature if t.place else None) for t in found] == [
        ("Khost", "admin1"),
        ("Paktika", "admin1"),
    ]
    # Another word before the list breaks it: "Khost" alone is the city.
    alone = geo.geoparse("Jets bombed camps in the provinces and in Khost.", "en")
    assert [t.place.feature for t in alone if t.place] == ["city"]


def test_a_hinted_loose_spelling_needs_its_country_in_the_text(geo: Geocoder) -> None:
    # "Houstan" loosely matches Husiatyn (Ukraine): with no Ukrainian place around, the
    # NER's toponym is kept without a place; next to Ternopil it is Husiatyn.
    alone = "A contractor from Houstan was hired."
    t = only(geo.geoparse(alone, "en", hints=[_span(alone, "Houstan")]), "Houstan")
    assert t.place is None
    near = "Shelling hit Houstan, near Ternopil in Ukraine."
    place = place_of(geo.geoparse(near, "en", hints=[_span(near, "Houstan")]), "Houstan")
    assert place.iso3 == "UKR"


@pytest.mark.parametrize(
    "text",
    [
        # statement (بيان, less its ب: Yan'an), ceasefire, committees (لجان, less its ل:
        # Dschang), "the place itself" (عين: Al Ain): common nouns, never places.
        "وقال المتحدث في بيان إن وقف إطلاق النار صامد في سوريا منذ أسبوع",
        "وأعلنت لجان الأحياء في اليمن أن فرق الإغاثة وصلت إلى عين المكان",
    ],
)
def test_arabic_common_nouns_are_not_towns_in_other_countries(geo: Geocoder, text: str) -> None:
    found = [t for t in geo.geoparse(text, "ar") if t.place is not None]
    assert [t.place.feature for t in found if t.place] == ["country"]


def test_arabic_one_word_towns_stand_with_their_country(geo: Geocoder) -> None:
    named = geo.geoparse("قصفت الطائرات بلدة سراقب في سوريا", "ar")
    assert any(
        t.place is not None and t.place.iso3 == "SYR" and t.place.feature == "city" for t in named
    )
    # Two towns of one country vouch for each other; a capital stands alone.
    pair = geo.geoparse("سقطت قذائف على صنعاء والحديدة", "ar")
    assert {t.place.iso3 for t in pair if t.place} == {"YEM"}
    alone = geo.geoparse("انفجرت سيارة مفخخة في دمشق", "ar")
    assert [t.place.name for t in alone if t.place] == ["Damascus"]


def test_after_an_arabic_place_noun_the_word_is_a_name_not_a_clitic(geo: Geocoder) -> None:
    # A region noun heads the name: its first letter is no clitic ("ف" + a town).
    text = "أغلق محتجون طرق منطقة فزان مساء الأحد"
    assert [t.place.name for t in geo.geoparse(text, "ar") if t.place] == []


@pytest.mark.parametrize(
    ("text", "language", "name", "iso3"),
    [
        ("An air strike hit Baalbek in Lebanon on Monday.", "en", "Baalbek", "LBN"),
        ("Shells fell on Toretsk, Ukraine, overnight.", "en", "Toretsk", "UKR"),
    ],
)
def test_a_small_town_placed_by_the_country_right_after_it(
    geo: Geocoder, text: str, language: str, name: str, iso3: str
) -> None:
    t = only(geo.geoparse(text, language), name)
    assert t.place is not None and t.place.iso3 == iso3


def test_a_country_after_a_town_of_another_country_does_not_vouch_for_it(geo: Geocoder) -> None:
    toponyms = geo.geoparse("An air strike hit Toretsk in Lebanon on Monday.", "en")
    assert all(t.text != "Toretsk" for t in toponyms if t.place is not None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jets struck Nabatieh, Tyre and Baalbek on Monday.", "en"),
        ("Jets struck Nabatieh and Tyre, as well as Baalbek, on Monday.", "en"),
        ("Les avions ont frappé Nabatieh et Tyr, ainsi que Baalbek, lundi.", "fr"),
    ],
)
def test_towns_in_one_list_vouch_for_each_other(geo: Geocoder, text: str, language: str) -> None:
    baalbek = only(geo.geoparse(text, language), "Baalbek")
    assert baalbek.place is not None and baalbek.place.iso3 == "LBN"


def test_a_hinted_small_town_of_a_country_the_text_never_names_stays_unresolved() -> None:
    from veille.geo import Geocoder

    g = Geocoder.load()
    text = "Gunmen stormed Bindi village in Plateau state, Nigeria, on Friday."
    bindi = (text.index("Bindi"), text.index("Bindi") + 5)
    tops = {t.text: t for t in g.geoparse(text, "en", hints=[bindi])}
    assert tops["Bindi"].place is None  # the only Bindi known lies in Sierra Leone
    assert tops["Nigeria"].place is not None
    there = "Gunmen stormed Bindi village near Kenema, Sierra Leone, on Friday."
    at = (there.index("Bindi"), there.index("Bindi") + 5)
    tops = {t.text: t for t in g.geoparse(there, "en", hints=[at])}
    assert tops["Bindi"].place is not None and tops["Bindi"].place.iso3 == "SLE"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Israeli troops killed three people in Gaza on Tuesday.", "en"),
        # French names the country only by its adjective: it still says where the story is.
        ("Une frappe israélienne a tué trois civils à Gaza mardi, selon la Défense civile.", "fr"),
    ],
)
def test_a_bordering_country_named_decides_between_far_homonyms(
    geo: Geocoder, text: str, language: str
) -> None:
    # Gaza the city (Palestine) against Gaza province (Mozambique): Israel borders one.
    assert place_of(geo.geoparse(text, language=language), "Gaza").iso3 == "PSE"


def test_neighbours_are_read_from_country_boxes(geo: Geocoder) -> None:
    neighbours = geo._store.neighbours()
    assert "PSE" in neighbours["ISR"] and "ISR" in neighbours["PSE"]
    assert "MOZ" not in neighbours["ISR"]
    assert "RUS" not in neighbours  # too wide a box to say who borders it


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Houthi rebels attacked a tanker in the Red Sea on Tuesday.", "en", "the Red Sea"),
        ("Un navire a été visé mardi en mer Rouge.", "fr", "mer Rouge"),
        ("استهدف الحوثيون سفينة في البحر الأحمر يوم الثلاثاء.", "ar", "البحر الأحمر"),
        ("A tanker sailing east through the Gulf of Aden was hit.", "en", "the Gulf of Aden"),
    ],
)
def test_a_sea_is_a_place_of_its_own(geo: Geocoder, text: str, language: str, name: str) -> None:
    sea = only(geo.geoparse(text, language=language), name)
    assert sea.place is not None and sea.place.feature == "region"
    assert sea.geo_precision == 3


def test_the_province_named_after_a_sea_is_read_by_its_noun(geo: Geocoder) -> None:
    found = geo.geoparse("قتل ثلاثة في ولاية البحر الأحمر شرقي السودان.", language="ar")
    assert place_of(found, "ولاية البحر الأحمر").iso3 == "SDN"


@pytest.mark.parametrize(
    ("text", "language", "city"),
    [
        ("Protests were held in the capital, Kuwait, on Friday.", "en", "Kuwait City"),
        ("تظاهر المئات في العاصمة الجزائرية الجزائر يوم الجمعة.", "ar", "Algiers"),
    ],
)
def test_after_the_capital_noun_the_city_not_the_country(
    geo: Geocoder, text: str, language: str, city: str
) -> None:
    names = [t.place.name for t in geo.geoparse(text, language=language) if t.place]
    assert city in names


def test_a_town_filed_under_no_district_beats_its_namesake_district(geo: Geocoder) -> None:
    place = place_of(geo.geoparse("غارة على بنت جبيل.", language="ar"), "بنت جبيل")
    assert place.feature == "city"


def test_a_one_word_arabic_name_stands_in_the_country_an_adjective_names(geo: Geocoder) -> None:
    text = "قتلت القوات السورية ثلاثة مسلحين في منبج يوم الثلاثاء."
    assert place_of(geo.geoparse(text, language="ar"), "منبج").iso3 == "SYR"
    # With no country named at all, a one-word name still needs the text's support.
    assert not [t for t in geo.geoparse("صدر بيان عن الحكومة.", language="ar") if t.place]


def test_a_foreign_alternate_name_far_from_the_story_is_no_place(geo: Geocoder) -> None:
    # "Ber" is only an alternate name of Véroia (Greece) in the gazetteer; the story is
    # about Mali, which its adjective names.
    text = "L'armée malienne a repris mardi le contrôle de la ville de Ber."
    assert only(geo.geoparse(text, language="fr"), "Ber").place is None


def test_a_word_another_countrys_adjective_qualifies_is_no_place(geo: Geocoder) -> None:
    # "للشعب الفلسطيني": the Palestinian people, not Sha'ab (a town in Israel).
    text = "أطلق حزب الله صواريخ على مستوطنة كريات شمونة دعما للشعب الفلسطيني."
    names = [t.text for t in geo.geoparse(text, language="ar") if t.place]
    assert names == ["كريات شمونة"]
    # A town may take its own country's adjective.
    assert (
        place_of(geo.geoparse("قصف الجيش مدينة حلب السورية.", language="ar"), "حلب").iso3 == "SYR"
    )


def test_a_town_noun_announces_a_several_word_alternate_name(geo: Geocoder) -> None:
    found = geo.geoparse("سقطت صواريخ على مستوطنة كريات شمونة.", language="ar")
    assert place_of(found, "كريات شمونة").iso3 == "ISR"


def test_a_sea_outranks_a_small_town_named_after_it(geo: Geocoder) -> None:
    text = "Les États-Unis ont frappé des cibles houthies en mer Rouge mardi."
    assert place_of(geo.geoparse(text, language="fr"), "mer Rouge").feature == "region"
    # "Town, State" still names the town.
    text = "A fire broke out in Mer Rouge, Louisiana, on Tuesday."
    assert place_of(geo.geoparse(text, language="en"), "Mer Rouge").iso3 == "USA"


def test_an_article_is_no_word_of_a_loosely_spelt_name(geo: Geocoder) -> None:
    # "Le Courrier" loosely spells "Le Caire" by one word only: a newspaper, not Cairo.
    text = "Bukavu, 3 mars 2025 (Le Courrier du Kivu) – Des combats ont éclaté mardi."
    found = geo.geoparse(text, language="fr")
    assert all(t.place is None or t.place.iso3 != "EGY" for t in found)
    # Two words of a name loosely spelt still make it ("Khan Younes").
    assert (
        place_of(
            geo.geoparse("Des frappes ont visé Khan Younes.", language="fr"), "Khan Younes"
        ).iso3
        == "PSE"
    )


def test_a_live_blog_label_is_no_loosely_spelt_town(geo: Geocoder) -> None:
    found = geo.geoparse("EN DIRECT – Guerre au Soudan : les principaux développements.", "fr")
    assert [t.place.iso3 for t in found if t.place] == ["SDN"]


def test_the_arabic_article_is_a_word_of_a_loosely_spelt_name(geo: Geocoder) -> None:
    # "El-Facher" loosely spells El Fasher: with its article it is two words, no chance.
    found = geo.geoparse("Des drones ont frappé El-Facher mardi.", language="fr")
    assert place_of(found, "El-Facher").iso3 == "SDN"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deux Israéliens ont été tués près d'Eli, au nord de Ramallah, en Cisjordanie.", "fr"),
        ("Two Israelis were killed near Eli, north of Ramallah in the West Bank.", "en"),
    ],
)
def test_a_small_town_far_from_every_country_named_is_no_homonym(
    geo: Geocoder, text: str, language: str
) -> None:
    # "Eli" is an alternate name of small towns in the United States; the story names
    # Israel and the West Bank, several thousand kilometres away.
    for t in geo.geoparse(text, language):
        assert t.place is None or t.place.iso3 in ("ISR", "PSE"), (t.text, t.place)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des civils ont été tués jeudi à Karma, dans la province du Yatenga.", "fr"),
        ("Civilians were killed on Thursday in Karma, in Yatenga province.", "en"),
    ],
)
def test_a_town_placed_in_an_area_is_not_a_namesake_outside_it(
    geo: Geocoder, text: str, language: str
) -> None:
    # The gazetteer's only Karma is in India; the text puts this one in Burkina Faso.
    places = {t.text: t.place for t in geo.geoparse(text, language)}
    assert places.get("Karma") is None or places["Karma"].iso3 == "BFA", places


def test_a_town_after_and_in_is_a_place(geo: Geocoder) -> None:
    # «وفي»: the conjunction glued to the preposition still announces a place.
    text = "وفي طبربة، أغلق محتجون الطريق الرئيسية مساء الاثنين في تونس."
    places = {t.text: t.place for t in geo.geoparse(text, "ar")}
    assert places.get("طبربة") is not None and places["طبربة"].iso3 == "TUN", places


def test_a_village_far_from_every_country_named_is_no_homonym(pipeline: Any) -> None:
    # Beach is a village of North Dakota; the story is about Somalia.
    from veille.model import Article

    text = (
        "MOGADISHU (Wire) - A bomber blew himself up near the Beach View hotel in "
        "Mogadishu, Somalia, on Friday. Gunmen then stormed the seafront restaurants."
    )
    art = Article(id="b", text=text, language="en", published="2025-03-12")
    for e in pipeline.run([art]):
        assert e.location is None or e.location.iso3 == "SOM", (e.location, e.sub_event_type)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Police fired tear gas at a crowd on Sydney Street in Leeds.", "en", "Sydney"),
        ("Des manifestants ont bloqué la rue de Paris, à Lomé, lundi.", "fr", "Paris"),
    ],
)
def test_a_street_or_square_named_after_a_place_is_not_that_place(
    geo: Geocoder, text: str, language: str, word: str
) -> None:
    # The square lies in the town the text tells of; Victoria (Australia) and Paris
    # only lend it their names.
    places = {t.text: t.place for t in geo.geoparse(text, language)}
    assert all(p is None for name, p in places.items() if word in name), places


def test_homonyms_all_far_from_the_story_are_no_place(geo: Geocoder) -> None:
    # Albert Park is a town in Canada and two in Australia; the story is about England,
    # and the NER saw a place in the park's name.
    text = (
        "Riots broke out in Leeds and Bradford on Sunday. In Sheffield, a crowd "
        "gathered near the war memorial in Albert Park and threw bricks at police."
    )
    start = text.index("Albert Park")
    hinted = geo.geoparse(text, "en", hints=[(start, start + len("Albert Park"))])
    places = {t.text: t.place for t in hinted}
    assert "Albert Park" in places and places["Albert Park"] is None, places
    assert places["Sheffield"] is not None and places["Sheffield"].iso3 == "GBR"


def test_a_nation_of_the_united_kingdom_is_named_by_its_adjective(geo: Geocoder) -> None:
    places = {t.text: t.place for t in geo.geoparse("Riots hit several English towns.", "en")}
    assert places["English"] is not None and places["English"].iso3 == "GBR", places


def test_a_far_city_named_once_in_a_story_about_another_country_is_no_place(
    geo: Geocoder,
) -> None:
    # Palma (Spain, 400,000 people) is not the Palma of Cabo Delgado: every firm place
    # of the story lies in Mozambique. The main index lacks Mozambique's Palma; the
    # villages' index holds it behind Majorca's name, and reads it once Spain's is out.
    text = (
        "Insurgents attacked Mueda and Macomia in Cabo Delgado, Mozambique, on Monday, "
        "a week after their raid on Palma."
    )
    start = text.index("Palma")
    places = {t.text: t.place for t in geo.geoparse(text, "en", hints=[(start, start + 5)])}
    assert "Palma" in places and places["Palma"] is not None, places
    assert places["Palma"].iso3 == "MOZ" and places["Palma"].lat < -10
    assert places["Mueda"] is not None and places["Mueda"].iso3 == "MOZ"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        # A seat and its namesake governorate are one reading: it is not outranked by a
        # namesake province on another continent when nothing else decides.
        ("A strike killed twelve people in Gaza on Sunday, the ministry said.", "PSE"),
        ("Heavy rain flooded the province of Gaza in southern Mozambique.", "MOZ"),
    ],
)
def test_a_seat_with_its_namesake_area_stands_as_high_as_the_area(
    geo: Geocoder, text: str, iso3: str
) -> None:
    found = {t.text: t.place.iso3 for t in geo.geoparse(text, "en") if t.place}
    assert found.get("Gaza") == iso3, found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Government troops recaptured the town of Bentiu from rebels on Friday.", "en"),
        ("Les soldats ont repris la localité de Bentiu vendredi.", "fr"),
    ],
)
def test_a_town_noun_and_of_announce_a_small_town(geo: Geocoder, text: str, language: str) -> None:
    found = {t.text: t.place.iso3 for t in geo.geoparse(text, language) if t.place}
    assert found.get("Bentiu") == "SSD", found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Heavy fighting was reported in El Geneina on Monday.", "en"),
        ("Les paramilitaires ont pillé le marché d'El Geneina lundi.", "fr"),
    ],
)
def test_a_name_under_an_article_spelled_el_is_read_whole(
    geo: Geocoder, text: str, language: str
) -> None:
    # Keyed under the unified article ("al geneina"): its length is the article's.
    found = {t.text: t.place.iso3 for t in geo.geoparse(text, language) if t.place}
    assert found.get("El Geneina") == "SDN", found


def test_a_loose_spelling_past_the_ners_span_yields_to_the_name_inside(geo: Geocoder) -> None:
    text = "Une frappe sur une maison de Rafah a tué neuf personnes lundi."
    start = text.index("Rafah")
    found = geo.geoparse(text, "fr", hints=[(start, start + len("Rafah"))])
    assert [(t.text, t.place.iso3 if t.place else None) for t in found] == [("Rafah", "PSE")]


def test_a_village_sharing_the_seats_name_is_not_lifted_with_it(geo: Geocoder) -> None:
    # Zaporizhzhia oblast holds the city and hamlets of that name: the city is the seat.
    text = "In Zaporizhzhia, three people died when a building collapsed."
    found = {t.text: t.place.population for t in geo.geoparse(text, "en") if t.place}
    assert found.get("Zaporizhzhia", 0) > 100_000, found


def test_a_quarter_far_from_the_city_the_text_names_is_another_place(geo: Geocoder) -> None:
    """A name a quarter noun marks is a part of the city the text names: a homonym tens
    of kilometres away is another place, and the quarter is placed near that city."""
    text = "Des tirs retentissent à Bamako dans le quartier de Faladié."
    quarter = only(geo.geoparse(text, "fr"), "Faladié")
    assert quarter.place is not None
    assert (quarter.place.name, quarter.geo_precision) == ("Bamako", 2)
    # "the X neighbourhood of Y": Y is the city; X's far homonym loses its place.
    text = "A strike hit a house in the Sheikh Radwan neighbourhood of Gaza City on Tuesday."
    found = geo.geoparse(text, "en")
    assert place_of(found, "Gaza City").iso3 == "PSE"
    assert all(t.place is None for t in found if t.text != "Gaza City")


def test_a_neighbourhood_of_a_city_after_an_indefinite_article_is_that_city(
    geo: Geocoder,
) -> None:
    """ "a residential neighbourhood of Aleppo": one of Aleppo's quarters, unnamed; the
    name after "of" is the city, not a quarter to place near another town told before."""
    text = (
        "Jets bombed the bridge at Saraqib on Monday. Later, warplanes hit a crowded residential"
        " neighbourhood of Aleppo, killing four civilians."
    )
    aleppo = only(geo.geoparse(text, "en"), "Aleppo")
    assert aleppo.place is not None
    assert (aleppo.place.name, aleppo.geo_precision) == ("Aleppo", 1)


def test_a_quarter_within_the_city_keeps_its_place(geo: Geocoder) -> None:
    found = geo.geoparse("Clashes erupted in the Jobar neighbourhood of Damascus.", "en")
    jobar = only(found, "Jobar")
    assert jobar.place is not None and (jobar.place.name, jobar.geo_precision) == ("Jobar", 1)


def test_a_guard_is_no_town_of_provence(geo: Geocoder) -> None:
    """«la Garde républicaine», «la Garde nationale»: a corps (stop key «garde»), no
    La Garde in the Var; a town of France in a story about Congo also drew Goma away."""
    found = geo.geoparse(
        "Des soldats de la Garde nationale ont investi mardi un temple à Goma.", "fr"
    )
    assert [(t.text, t.place.iso3 if t.place else None) for t in found] == [("Goma", "COD")]


def _resolved(found: list[Toponym], text: str) -> tuple[str, float, float] | None:
    """Where the one toponym ``text`` was placed (None: not found, or no place)."""
    tops = [t for t in found if t.text == text]
    assert len(tops) <= 1, tops
    place = tops[0].place if tops else None
    return None if place is None else (place.iso3 or "", place.lat, place.lon)


@pytest.mark.parametrize(
    ("text", "language", "name", "iso3"),
    [
        (
            "Lundi, six civils ont été tués à Sassono, au nord de Tillabéri, par des assaillants.",
            "fr",
            "Sassono",
            "NER",
        ),
        (
            "Gunmen killed six villagers in Kaswara, in Congo's Ituri province, on Monday.",
            "en",
            "Kaswara",
            "COD",
        ),
        ("قصفت المدفعية قرية فافرتين شمال حلب يوم الاثنين.", "ar", "فافرتين", "SYR"),
        (
            "Les combats se poursuivent dans le secteur de Sassono, au nord de Tillabéri.",
            "fr",
            "Sassono",
            "NER",
        ),
        # the object of a verb of attack, or a strike "on" it, is a place struck
        (
            "Militiamen attacked Kaswara in Congo's Ituri province on Monday.",
            "en",
            "Kaswara",
            "COD",
        ),
        (
            "Des assaillants ont attaqué Sassono, au nord de Tillabéri, lundi.",
            "fr",
            "Sassono",
            "NER",
        ),
        # a name listed right after an accepted place, announced as it was
        (
            "Fighting was reported in the towns of Bunia and Kaswara, in Ituri province.",
            "en",
            "Kaswara",
            "COD",
        ),
        # a town noun in the plural before a list
        (
            "Les combats se poursuivent dans les localités de Sassono et de Tillabéri.",
            "fr",
            "Sassono",
            "NER",
        ),
    ],
)
def test_a_village_the_cities_lack_is_read_where_the_text_announces_it(
    geo: Geocoder, text: str, language: str, name: str, iso3: str
) -> None:
    """Villages of population 0 (the villages' index, from Who's On First) are places
    after a locative cue or a town noun, in a country the text names."""
    resolved = _resolved(geo.geoparse(text, language), name)
    assert resolved is not None and resolved[0] == iso3


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Gunmen killed six villagers in Kaswara on Monday.", "en", "Kaswara"),
        (
            "Lundi, six civils ont été tués, selon Sassono Diallo, un élu de Tillabéri.",
            "fr",
            "Sassono",
        ),
        ("قصفت المدفعية فافرتين شمال حلب يوم الاثنين.", "ar", "فافرتين"),
        (
            "Troops overran part of a Kaswara militia camp near Bunia, in Ituri, on Monday.",
            "en",
            "Kaswara",
        ),
    ],
)
def test_a_village_name_alone_is_no_place(
    geo: Geocoder, text: str, language: str, name: str
) -> None:
    """No country named ("in Kaswara" alone), no cue (a person's name, an Arabic word
    with no town noun before it; English "a" is no French «à»): a village's name is no
    place."""
    assert _resolved(geo.geoparse(text, language), name) is None


@pytest.mark.parametrize(
    ("near", "lat"),
    [("près de Mahagi, en Ituri", 2.36), ("près de Kabinda, dans le Lomami", None)],
)
def test_a_village_is_the_namesake_nearest_the_story(
    geo: Geocoder, near: str, lat: float | None
) -> None:
    """Congo has several villages called Tshombe: the one near the towns the story
    names, and none where every one lies far from them (``village_reach_km``)."""
    found = geo.geoparse(f"Des assaillants ont pillé lundi le village de Tshombe, {near}.", "fr")
    resolved = _resolved(found, "Tshombe")
    if lat is None:
        assert resolved is None
    else:
        assert resolved is not None and abs(resolved[1] - lat) < 0.1


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        (
            "Des assaillants ont pillé lundi le village d'Aridi, près de Diffa, dans le "
            "sud-est du Niger.",
            "NER",
        ),
        ("Un incendie a touché lundi une ferme à Aridi, en France.", "FRA"),
    ],
)
def test_a_name_whose_known_places_are_ruled_out_is_the_village_it_hides(
    geo: Geocoder, text: str, iso3: str
) -> None:
    """Aridi is a French village of cities500 and a Nigerien one of the villages' index
    only: in a story about Diffa the French one is ruled out as far from every place
    named, and the name is the village it hid (``GazetteerStore.shadowed``); in a story
    about France it stays French."""
    resolved = _resolved(geo.geoparse(text, "fr"), "Aridi")
    assert resolved is not None and resolved[0] == iso3


def test_a_village_adds_no_homonym_to_a_known_name() -> None:
    """The villages fill gaps: a key the main index holds (Palma, Majorca and others)
    gets no village under it, and a village's own name is found in the villages' index."""
    store = GazetteerStore(DEFAULT_INDEX)
    assert store.lookup("palma") and not any(c.flags & FLAG_VILLAGE for c in store.lookup("palma"))
    assert store.lookup("kaswara") and all(c.flags & FLAG_VILLAGE for c in store.lookup("kaswara"))


def test_a_ministry_of_defence_is_no_business_district(geo: Geocoder) -> None:
    """«la Défense» of a ministry's or a spokesman's title: a portfolio (stop key
    «la defense»), no La Défense near Paris; a town of France in a story about Congo
    also drew Rutshuru away."""
    found = geo.geoparse(
        "Selon le porte-parole de la Défense, une incursion a été repoussée vers Rutshuru.", "fr"
    )
    assert [(t.text, t.place.iso3 if t.place else None) for t in found] == [("Rutshuru", "COD")]


def test_a_capitalised_preposition_heads_no_loose_name(geo: Geocoder) -> None:
    """«À Soumy» loosely spells one of Amman's alternate names; «À» is a preposition
    that heads no name, and Soumy is Sumy."""
    found = geo.geoparse("À Soumy, deux personnes ont été tuées lundi.", "fr")
    assert [(t.text, t.place.name if t.place else None) for t in found] == [("Soumy", "Sumy")]


def test_a_parser_span_opening_on_a_contracted_article_is_the_name_after_it(
    geo: Geocoder,
) -> None:
    # «au Caire» is «à» + «Le Caire»: a NER span that takes the article in names the city.
    text = "Des heurts ont éclaté mardi au Caire."
    hint = (text.index("au Caire"), text.index("."))
    t = only(geo.geoparse(text, "fr", hints=[hint]), "Caire")
    assert t.place is not None and t.place.iso3 == "EGY"


@pytest.mark.parametrize("phrase", ["près du", "à proximité du", "non loin du"])
def test_a_near_phrase_contracted_with_the_article_is_near(geo: Geocoder, phrase: str) -> None:
    text = f"Une frappe a visé un dépôt {phrase} Caire."
    hint = (text.index("Caire"), text.index("."))
    t = only(geo.geoparse(text, "fr", hints=[hint]), "Caire")
    assert t.place is not None and t.place.iso3 == "EGY" and t.geo_precision == 2


def test_a_town_ruled_out_by_the_area_the_text_puts_it_in_is_ruled_out_everywhere(
    geo: Geocoder,
) -> None:
    # "Sarna, dans la région de Mopti" is no Sarna of India or Sweden; nor is the
    # headline's Sarna, though nothing beside it says where it lies. The parser's span
    # may take the area noun in ("région de Mopti").
    text = (
        "Attaque meurtrière à Sarna, les habitants sous le choc\n\n"
        "Des hommes armés ont tué douze villageois mardi à Sarna, dans la région de Mopti."
    )
    hint = (text.index("région de Mopti"), text.rindex("."))
    found = geo.geoparse(text, "fr", hints=[hint])
    sarna = [t for t in found if t.text == "Sarna"]
    assert len(sarna) == 2 and all(t.place is None for t in sarna)
    assert any(t.place is not None and t.place.iso3 == "MLI" for t in found)


def test_a_site_named_after_a_town_placed_in_an_area_rules_out_a_town_elsewhere(
    geo: Geocoder,
) -> None:
    # "the Ramadi military base in Babil province" is no base in Ramadi (Anbar); after
    # words that are no place nouns ("Ramadi went on in Babil") the area places nothing.
    text = "Shelling hit the Ramadi military base in Babil province on Monday."
    assert only(geo.geoparse(text, "en"), "Ramadi").place is None
    kept = "Shelling on Ramadi went on in Babil province on Monday."
    place = only(geo.geoparse(kept, "en"), "Ramadi").place
    assert place is not None and place.iso3 == "IRQ"


def test_a_name_ending_on_an_area_noun_is_the_area(geo: Geocoder) -> None:
    # "Donetsk Oblast": the oblast, not the city of the same name the bare word reads as.
    t = only(
        geo.geoparse("Shelling hit a village in Donetsk Oblast on Monday.", "en"), "Donetsk Oblast"
    )
    assert t.place is not None and t.place.feature == "admin1"
    city = only(geo.geoparse("Shelling hit Donetsk on Monday.", "en"), "Donetsk")
    assert city.place is not None and city.place.feature == "city"  # a guard


def test_a_small_towns_own_name_of_two_words_in_a_country_named_is_kept(geo: Geocoder) -> None:
    # "Kfar Kila" with no word before that announces a place, in a text naming Lebanon:
    # a town, though small; alone in a text naming no country it stays unread (a guard).
    text = "Israeli artillery shelled Kfar Kila in southern Lebanon on Monday."
    t = only(geo.geoparse(text, "en"), "Kfar Kila")
    assert t.place is not None and t.place.iso3 == "LBN"
    assert not [x for x in geo.geoparse("Shelling hit Kfar Kila on Monday.", "en") if x.place]


def test_a_lowercase_word_in_a_ner_span_is_no_place(geo: Geocoder) -> None:
    # The NER may label a district noun («le caza de Jezzine»); written lowercase it is
    # a common noun, not Kazan.
    text = "Un obus est tombé mardi sur une maison du caza de Jezzine."
    found = geo.geoparse(text, "fr", hints=[_span(text, "caza")])
    assert "caza" not in [t.text for t in found]
    assert "RUS" not in {t.place.iso3 for t in found if t.place}


def test_a_loose_spelling_needs_a_town_of_its_country_not_the_country_alone(
    geo: Geocoder,
) -> None:
    # "Sohmor" loosely spells Shamir (Israel); Israel named as the side that struck
    # vouches for no village of its own in a story told through Lebanese towns.
    text = "Israeli jets struck Sohmor and Baalbek, Israel's army said."
    places = [t.place for t in geo.geoparse(text, "en", hints=[_span(text, "Sohmor")]) if t.place]
    assert "ISR" not in {p.iso3 for p in places if p.feature != "country"}


def test_a_town_placed_in_an_area_without_a_comma_is_ruled_out_elsewhere(geo: Geocoder) -> None:
    # "Sohmor in the northern Bekaa valley": no comma, a direction of the area; Shamir
    # (Israel), which the loose spelling reads, lies outside the Bekaa.
    # (Sohmor is a village of the villages' index, read after a locative cue or a verb
    # of attack: "hit Sohmor" is the Lebanese village, never Shamir.)
    text = "Drones hit Sohmor in the northern Bekaa valley, and a rocket fell on Haifa."
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    sohmor = found.get("Sohmor")
    assert sohmor is not None and sohmor.iso3 == "LBN"


def test_an_arabic_district_noun_announces_its_town(geo: Geocoder) -> None:
    # «قضاء مرجعيون»: after a district noun the one word is the name (the district's
    # town), as after «مدينة».
    text = "قصفت المدفعية أطراف بلدة في قضاء مرجعيون في لبنان."
    assert "Marjayoun" in [t.place.name for t in geo.geoparse(text, "ar") if t.place]


def test_a_town_of_the_same_country_placed_in_an_area_it_lies_outside_keeps_its_place(
    geo: Geocoder,
) -> None:
    # «بعلبك بالبقاع»: the gazetteer puts Baalbek in Baalbek-Hermel, drawn out of the
    # Bekaa governorate; with no homonym in the Bekaa the town is the one meant.
    text = "قصف مدفعي على قرية في قضاء بعلبك بالبقاع"
    assert "Baalbek" in [t.place.name for t in geo.geoparse(text, "ar") if t.place]


def test_a_big_arabic_city_keeps_its_place_beside_another_country_s_adjective(
    geo: Geocoder,
) -> None:
    # «السفارة الأمريكية» names the United States; Baghdad, read as Arabic writes it (a
    # weak one-word name), had been dropped as far from the one country named.
    t = only(
        geo.geoparse("تظاهر المئات أمام السفارة الأمريكية في بغداد يوم الاثنين.", "ar"), "بغداد"
    )
    assert t.place is not None and t.place.iso3 == "IRQ"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Israeli raids on Monday hit southern Lebanon. Raids struck the town of Kfar Kila"
            " near the border, as well as Mayfadoun.",
            "en",
            "Mayfadoun",
        ),
        (
            "Des raids israéliens ont frappé lundi le sud du Liban. Les frappes ont touché la"
            " localité de Kfar Kila près de la frontière, ainsi que Mayfadoun.",
            "fr",
            "Mayfadoun",
        ),
        (
            "شنت طائرات إسرائيلية غارات على جنوب لبنان. واستهدفت الغارات بلدة كفركلا قرب"
            " الحدود، وكذلك ميفدون.",
            "ar",
            "ميفدون",
        ),
    ],
)
def test_a_village_added_to_a_located_place_is_a_place(
    geo: Geocoder, text: str, language: str, name: str
) -> None:
    """ "X near the border, as well as Y": the phrase that adds a place announces a
    village as the town noun announced the first."""
    assert place_of(geo.geoparse(text, language), name).name == "Maifadoun"


def test_a_name_added_past_a_sentence_end_is_not_announced(geo: Geocoder) -> None:
    text = (
        "Israeli raids on Monday hit southern Lebanon. Raids struck the town of Kfar Kila"
        " near the border. Officials as well as Mayfadoun said nothing."
    )
    assert "Mayfadoun" not in [t.text for t in geo.geoparse(text, "en")]


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont attaqué lundi le camp militaire de Tondibi, à une quarantaine"
        " de kilomètres de Gao.",
        "Des hommes armés ont attaqué lundi la base de Tondibi, près de Gao.",
    ],
)
def test_a_site_noun_and_its_of_announce_a_village(geo: Geocoder, text: str) -> None:
    """«le camp (militaire) de X», «la base de X»: a site's noun, perhaps with one
    adjective, then "de" announces the village as a town noun does."""
    assert place_of(geo.geoparse(text, "fr"), "Tondibi").iso3 == "MLI"


def test_a_village_inside_a_named_province_is_placed_however_far_its_centre(
    geo: Geocoder,
) -> None:
    """A village more than the villages' reach from its province's centre is still in
    the province the text names."""
    text = "Gunmen killed six civilians in Tindil, in North Darfur state, on Monday."
    place = place_of(geo.geoparse(text, "en"), "Tindil")
    assert place.iso3 == "SDN" and place.admin1 == "North Darfur"


def test_a_village_in_the_province_of_a_named_town_is_placed_however_far(geo: Geocoder) -> None:
    """A village more than the villages' reach from the town the text names, in that
    town's province (Sahel provinces are larger than the reach)."""
    text = (
        "Rebels and the army clashed on Monday near Timetrine, two days after fighting near Kidal."
    )
    place = place_of(geo.geoparse(text, "en"), "Timetrine")
    assert place.iso3 == "MLI" and place.admin1 == "Kidal"


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Shells fell on several villages in the Kharkiv region on Monday.", "Kharkiv", "admin1"),
        ("Jihadists attacked a post in the Mopti region on Monday.", "Mopti", "admin1"),
        # a city's "region" is its metropolitan area: no other country's namesake area
        ("Traffic was heavy across the Charlotte region on Monday.", "Charlotte", "city"),
    ],
)
def test_region_after_a_name_reads_its_towns_own_area(
    geo: Geocoder, text: str, name: str, feature: str
) -> None:
    place = place_of(geo.geoparse(text, "en"), name)
    assert place.feature == feature
    assert place.iso3 != "VCT"


def test_an_arabic_name_written_joined_reads_as_written_apart(geo: Geocoder) -> None:
    """«كفرشوبا» as «كفر شوبا»: Arabic writes Kafr X joined or apart."""
    text = "قصفت المدفعية بلدات كفرشوبا وشبعا في جنوب لبنان."
    assert place_of(geo.geoparse(text, "ar"), "كفرشوبا").iso3 == "LBN"


def test_arabic_towns_that_vouch_for_their_country_keep_a_smaller_one_beside_them(
    geo: Geocoder,
) -> None:
    """A foreign adjective («الأمريكية») does not make a small Yemeni town a stray when
    two Yemeni cities of the sentence vouch for Yemen."""
    text = "شنت طائرات أمريكية غارات على الحديدة وصنعاء وصعدة يوم السبت."
    assert place_of(geo.geoparse(text, "ar"), "صعدة").iso3 == "YEM"


def test_a_joined_arabic_name_of_another_country_than_the_one_named_is_dropped(
    geo: Geocoder,
) -> None:
    """«كفرزيتا» read as «كفر زيتا» is a town of Hama, Syria; in a sentence about south
    Lebanon it names no place there."""
    text = "قصفت المدفعية الإسرائيلية أمس أطراف بلدة كفرزيتا في جنوب لبنان."
    found = [t for t in geo.geoparse(text, "ar") if t.text == "كفرزيتا"]
    assert all(t.place is None or t.place.iso3 == "LBN" for t in found)


def test_a_name_is_one_place_throughout_a_text(geo: Geocoder) -> None:
    # The cue of the first mention places the village in the story's country; the
    # second, on a road name with no cue, is the same village, not a namesake abroad.
    text = (
        "Des soldats ont été attaqués lundi près de Boni, à l'est de Douentza. Mardi, un"
        " car a sauté sur une mine sur l'axe Boni-Hombori."
    )
    found = [(t.text, t.place.iso3 if t.place else None) for t in geo.geoparse(text, "fr")]
    assert [iso for name, iso in found if name == "Boni"] == ["MLI", "MLI"]


def test_two_towns_listed_together_vouch_for_each_other(geo: Geocoder) -> None:
    # Neither name is supported alone (the adjective names another country); listed
    # together, both in one country, they are that country's towns.
    text = "Strikes hit Nuseirat and Bureij on Tuesday, killing nine people, the Israeli army said."
    found = {t.text: (t.place.iso3 if t.place else None) for t in geo.geoparse(text, "en")}
    assert found.get("Nuseirat") == "PSE" and found.get("Bureij") == "PSE"


def test_a_word_followed_by_a_number_is_a_numbered_item_not_a_town(geo: Geocoder) -> None:
    # "Article" is a loose spelling of Artuklu (Turkey), corroborated by the Turkish
    # context; followed by its number it is an article of a charter.
    text = (
        "ANKARA - Invoking its right to self-defence under Article 51 of the UN Charter, "
        "Turkey said its jets struck militant positions in northern Iraq overnight."
    )
    assert [t.text for t in geo.geoparse(text, "en")] == ["ANKARA", "Turkey", "northern Iraq"]


def test_a_town_of_a_country_named_by_its_english_adjective_is_no_stray(geo: Geocoder) -> None:
    # A story told through Lebanese towns: the town across the border, in the country
    # the text names only by its adjective, keeps its place.
    text = (
        "Air strikes hit Aitaroun and Khiam in southern Lebanon on Monday. Hezbollah said"
        " it fired rockets at an Israeli army post in Metula."
    )
    hints = [(m.start(), m.end()) for m in re.finditer("Aitaroun|Khiam|Lebanon|Metula", text)]
    tops = {t.text: t.place for t in geo.geoparse(text, "en", hints=hints)}
    assert tops["Metula"] is not None and tops["Metula"].iso3 == "ISR"


@pytest.mark.parametrize(
    ("text", "language", "village"),
    [
        ("Residents of Aitaroun, near Bint Jbeil, fled on Tuesday.", "en", "Aitaroun"),
        ("Les habitants de Ramyah, dans le caza de Bint Jbeil, ont fui mardi.", "fr", "Ramyah"),
    ],
)
def test_a_village_the_text_places_in_its_area_is_a_place(
    geo: Geocoder, text: str, language: str, village: str
) -> None:
    # Names only the villages' index holds, with no cue before them: the area after the
    # comma (a town a few km away, a district's seat) announces them.
    top = only(geo.geoparse(text, language), village)
    assert top.place is not None and top.place.iso3 == "LBN"


def test_a_village_placed_in_an_area_it_is_not_in_stays_unannounced(geo: Geocoder) -> None:
    # Tripoli lies 100 km north of the only Aitaroun known: not its area.
    text = "Residents of Aitaroun, near Tripoli, fled on Tuesday."
    assert all(t.text != "Aitaroun" or t.place is None for t in geo.geoparse(text, "en"))


def test_a_place_entity_opening_on_an_area_noun_is_the_place_after_it(geo: Geocoder) -> None:
    # A NER span «caza de Bint Jbeil»: the district's noun, then the town it is named after.
    text = "Des obus sont tombés dans le caza de Bint Jbeil mardi."
    hint = (text.index("caza"), text.index("Jbeil") + 5)
    tops = geo.geoparse(text, "fr", hints=[hint])
    assert [(t.text, t.place is not None) for t in tops] == [("Bint Jbeil", True)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Au Liban, des obus touchaient Aitaroun à l'aube.", "fr"),
        ("Au Liban, des drones bombardaient Aitaroun mardi.", "fr"),
        ("In Lebanon, shells fell overnight, hitting Aitaroun.", "en"),
    ],
)
def test_a_verb_of_striking_in_any_of_its_forms_announces_a_village(
    geo: Geocoder, text: str, language: str
) -> None:
    assert only(geo.geoparse(text, language), "Aitaroun").place is not None


@pytest.mark.parametrize(
    ("text", "language", "name", "area"),
    [
        ("Gunmen attacked Rashad, in Diyala province, killing five villagers.", "en", "Rashad",
         "Diyala"),
        ("هاجم مسلحون قرية الرشاد التابعة لقضاء المقدادية في محافظة ديالى فقتلوا خمسة.", "ar",
         "الرشاد", "قضاء المقدادية"),
    ],
)  # fmt: skip
def test_a_town_placed_in_a_province_none_of_its_homonyms_lies_in_is_another_place(
    geo: Geocoder, text: str, language: str, name: str, area: str
) -> None:
    # The only Rashad the index holds lies in another province than the one the text
    # places it in: the text's Rashad is a place the index lacks, and the area stands.
    tops = geo.geoparse(text, language)
    assert all(t.place is None for t in tops if name in t.text)
    found = only(tops, area).place
    assert found is not None and found.iso3 == "IRQ"


def test_the_area_after_a_name_picks_its_homonym(geo: Geocoder) -> None:
    # Two towns of one name in two provinces: the province after the comma says which.
    for province in ("Karbala", "Babil"):
        text = f"Gunmen attacked a checkpoint in Hindiya, in {province} province, on Sunday."
        town = only(geo.geoparse(text, "en"), "Hindiya").place
        assert town is not None and town.admin1 == province


def test_a_village_opening_a_list_is_announced_by_its_neighbour_in_it(geo: Geocoder) -> None:
    # No cue before Aitaroun: the town after it in the list, a few km away, announces it.
    text = "In Lebanon, shells fell on Monday on several villages, including {} and Houla."
    near = only(geo.geoparse(text.format("Aitaroun, Bint Jbeil"), "en"), "Aitaroun")
    assert near.place is not None and near.place.iso3 == "LBN"
    # Halba lies 160 km north: no neighbour of the only Aitaroun known.
    far = geo.geoparse(text.format("Aitaroun, Halba"), "en")
    assert all(t.place is None for t in far if t.text == "Aitaroun")


def test_an_arabic_village_opening_a_list_is_announced_by_its_glued_neighbour(
    geo: Geocoder,
) -> None:
    # «عيترون وبنت جبيل»: the list's «و» is glued to the next name, a town 4 km away.
    text = "سقطت قذائف يوم الاثنين على كل من {} وحولا في جنوب لبنان."
    near = only(geo.geoparse(text.format("عيترون وبنت جبيل"), "ar"), "عيترون")
    assert near.place is not None and near.place.iso3 == "LBN"


def test_a_village_its_noun_places_in_a_district_none_of_its_homonyms_lies_in(
    geo: Geocoder,
) -> None:
    # "Kadawa village in the Tsafe local government area": the Kadawas the index holds
    # lie 57 km and more away, in other states; the district stands for it.
    text = (
        "Gunmen stormed Kadawa village in the Tsafe local government area of Zamfara"
        " state, Nigeria, on Saturday."
    )
    tops = geo.geoparse(text, "en")
    assert all(t.place is None for t in tops if t.text == "Kadawa")
    tsafe = only(tops, "Tsafe").place
    assert tsafe is not None and tsafe.iso3 == "NGA"


@pytest.mark.parametrize(
    ("text", "language", "noun"),
    [
        ("A bomb exploded in the Somali capital on Sunday.", "en", "capital"),
        ("Une bombe a explosé dans la capitale somalienne dimanche.", "fr", "capitale"),
        ("انفجرت قنبلة في العاصمة الصومالية يوم الأحد.", "ar", "العاصمة"),
    ],
)
def test_a_capitals_noun_beside_a_peoples_adjective_is_that_capital(
    geo: Geocoder, text: str, language: str, noun: str
) -> None:
    city = only(geo.geoparse(text, language), noun).place
    assert city is not None and (city.name, city.iso3) == ("Mogadishu", "SOM")
    if language == "en":  # the adjective still names its country
        somali = only(geo.geoparse(text, language), "Somali").place
        assert somali is not None and somali.feature == "country"


def test_every_shipped_capital_is_a_town_of_its_country(geo: Geocoder) -> None:
    from veille.geo._store import CAPITALS_FILE

    table = geo._store.path.with_name(CAPITALS_FILE)
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[3:]]
    assert len(rows) > 200
    for iso3, _pid, _name in rows:
        capital = geo._store.capital(iso3)
        assert capital is not None and capital.iso3 == iso3 and capital.feature == "city"


def test_a_malformed_capitals_table_names_its_line_and_the_rebuild(tmp_path: Path) -> None:
    from veille.errors import DataError
    from veille.geo._store import CAPITALS_FILE, DEFAULT_INDEX, GazetteerStore

    index = tmp_path / DEFAULT_INDEX.name
    index.symlink_to(DEFAULT_INDEX)  # the shipped index, in a folder of its own
    store = GazetteerStore(index)
    assert store.capital("SOM") is None  # no table beside this index: no capitals
    (tmp_path / CAPITALS_FILE).write_text("#\n#\niso3\tgeonames_id\tname\nSOM\tx\tMogadishu\n")
    with pytest.raises(DataError) as info:
        GazetteerStore(index).capital("SOM")
    assert "line 4" in str(info.value) and "build_capitals.py" in str(info.value)


@pytest.mark.parametrize(
    ("text", "language", "area", "province"),
    [
        (
            "Gunmen attacked Yelwa, a farming community in {} Local Government Area.",
            "en",
            "Yauri",
            "Kebbi",
        ),
        (
            "Gunmen attacked Yelwa, a farming community in {} Local Government Area.",
            "en",
            "Shendam",
            "Plateau",
        ),
        ("Des hommes armés ont attaqué Yelwa, localité du district de {}.", "fr", "Yauri", "Kebbi"),
        (
            "Des hommes armés ont attaqué Yelwa, une localité située dans le district de {}.",
            "fr",
            "Yauri",
            "Kebbi",
        ),
    ],
)
def test_an_apposition_between_a_town_and_its_area_still_places_it(
    geo: Geocoder, text: str, language: str, area: str, province: str
) -> None:
    # ", a farming community in X", «, localité du district de X»: a settlement's noun
    # between the name and its area; the area picks the homonym that lies in it, and the
    # area's own phrase reads the district, not a town of its name on another continent.
    tops = geo.geoparse(text.format(area), language)
    town = only(tops, "Yelwa").place
    assert town is not None and town.admin1 == province
    district = only(tops, area).place
    assert district is not None and district.feature == "admin2" and district.iso3 == "NGA"


def test_a_town_placed_in_another_countrys_district_is_not_that_homonym(geo: Geocoder) -> None:
    # The only Akuressa the main index holds lies outside Sri Lanka; the district the
    # text puts it in is Sri Lanka's alone: the town is one the index lacks.
    tops = geo.geoparse("Police found two bodies in Akuressa, in Matara district, on Friday.", "en")
    assert only(tops, "Akuressa").place is None  # a name still, of no known place
    matara = only(tops, "Matara").place
    assert matara is not None and matara.iso3 == "LKA"


def test_a_hyphenated_area_is_not_its_first_words_namesake_abroad(geo: Geocoder) -> None:
    # "Mayo-Sava", a department: "Mayo" names an Irish county and small towns, "Sava" an
    # Italian town; no town of one country on both sides, so one name, no place of Ireland.
    text = (
        "Des terroristes ont attaqué un poste militaire dans le département du Mayo-Sava,"
        " au Cameroun."
    )
    tops = geo.geoparse(text, "fr")
    assert not any(t.place is not None and t.place.iso3 == "IRL" for t in tops)


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        # A country's own name is the country, not its capital known by it as an
        # alternate name, even among towns near that capital (which lend the city
        # their proximity).
        (
            "Villagers from Texcoco and Chalco, in Mexico's central highlands, fled on Monday.",
            "Mexico",
            "country",
        ),
        (
            "Police in Toluca and Chalco made arrests in one of the most violent weeks in "
            "Mexico this year.",
            "Mexico",
            "country",
        ),
        # Named in full, the city is the city.
        ("Protesters marched in Mexico City on Sunday.", "Mexico City", "city"),
    ],
)
def test_a_countrys_name_is_the_country_not_its_capitals_alias(
    geo: Geocoder, text: str, name: str, feature: str
) -> None:
    found = {t.text: t.place for t in geo.geoparse(text, "en")}
    place = found[name]
    assert place is not None and place.feature == feature
