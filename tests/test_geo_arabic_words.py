"""Arabic one-word place names against common words, on invented sentences: a name the
gazetteer writes with the article is that name only with it, two letters name no place,
and a town noun right before a name announces a town even where the text names
another country."""

from __future__ import annotations

from typing import Any

import pytest

from veille.geo import Geocoder
from veille.model import Article


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.load()


def _names(geocoder: Geocoder, text: str) -> dict[str, str | None]:
    return {t.text: (t.place.iso3 if t.place else None) for t in geocoder.geoparse(text, "ar")}


def test_a_verb_spelled_like_an_article_name_is_no_place(geocoder: Any) -> None:
    # "خرج" (went out) spells Al Kharj (الخرج) without its article.
    found = _names(geocoder, "خرج آلاف المتظاهرين في شوارع الخرطوم يوم السبت.")
    assert "خرج" not in found
    assert found.get("الخرطوم") == "SDN"


def test_two_of_a_people_are_no_place(geocoder: Any) -> None:
    # "وسوريان" (and two Syrians) spells Surian, a town of Iran, which the text names.
    text = "قتل في الغارة ثمانية إيرانيين وسوريان في طهران الأسبوع الماضي."
    found = _names(geocoder, text)
    assert "سوريان" not in found and "وسوريان" not in found
    assert found.get("طهران") == "IRN"


def test_a_prayers_time_is_no_country(geocoder: Any) -> None:
    # «المغرب» is Morocco, and the sunset prayer after «صلاة».
    found = _names(geocoder, "هاجم مسلحون مسجدا في مايدوغوري خلال صلاة المغرب في نيجيريا.")
    assert "المغرب" not in found and found.get("نيجيريا") == "NGA"
    assert _names(geocoder, "زار الوزير المغرب يوم الاثنين.").get("المغرب") == "MAR"


def test_two_letters_name_no_place(geocoder: Any) -> None:
    found = _names(geocoder, "سيطرت حركة إم 23 على بلدة في شرق الكونغو.")
    assert "إم" not in found


def test_a_town_noun_announces_a_town_beside_another_country(geocoder: Any) -> None:
    # The text names Israel; Rafah lies outside it and is no large city, but "مدينة"
    # says it is a town.
    found = _names(geocoder, "شنت إسرائيل غارات على مدينة رفح يوم الاثنين.")
    assert found.get("رفح") == "PSE"
    # Without the noun the name stays as uncertain as before.
    assert "رفح" not in _names(geocoder, "شنت إسرائيل غارات على رفح يوم الاثنين.")


def test_a_town_noun_of_the_sentence_before_announces_nothing(geocoder: Any) -> None:
    found = _names(geocoder, "أغلقت المحال أبوابها في المدينة. وفي ولاية كسلا، تظاهر مئات الطلاب.")
    assert "وفي" not in found


def test_martyrs_and_the_people_are_no_places(geocoder: Any) -> None:
    # Both spell a town somewhere (Ash Shuhada, Sha'ab) and are common nouns in the news.
    found = _names(
        geocoder, "انتشلت طواقم الدفاع المدني في رفح جثامين الشهداء، وخرج الشعب إلى الشوارع."
    )
    assert found.get("رفح") == "PSE"
    assert "الشهداء" not in found and "الشعب" not in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Common words of news that read as towns abroad: an agency (و + Calais), a
        # square (Medan), a siege (Hisar), daily (Umeå), the authorities (Settat).
        ("نقلت وكالة الأنباء عن مصدر أمني في الخرطوم أن الهجوم وقع ليلا.", "وكالة"),
        ("تجمع المحتجون في ميدان وسط الخرطوم يوم السبت.", "ميدان"),
        ("يعاني سكان الفاشر من الحصار منذ أشهر.", "الحصار"),
        ("تسقط القذائف يوميا على أحياء الخرطوم.", "يوميا"),
        ("اعتقلت السلطات الأمنية ناشطين في الخرطوم يوم الأحد.", "السلطات"),
        # «مديرية الأمن»: a directorate of security, no district named after Emmen.
        ("أصدرت مديرية الأمن العام بيانا صباح الجمعة.", "الأمن"),
    ],
)
def test_common_words_of_news_are_no_places(geocoder: Any, text: str, word: str) -> None:
    found = geocoder.geoparse(text, "ar")
    assert all(t.place is None for t in found if word in t.text or t.text in word)


@pytest.mark.parametrize("noun", ["في منطقة", "بمنطقة", "وبمنطقة", "بمدينة", "ببلدة"])
def test_a_place_noun_with_a_glued_preposition_cues_a_name(geocoder: Any, noun: str) -> None:
    # Tifariti is a small town with no Arabic alternate name to stand on its own; the
    # place noun before it, bare or after «ب»/«وب», says it is a place.
    found = _names(geocoder, f"سقطت قذائف {noun} تيفاريتي في الصحراء الغربية أمس.")
    assert found.get("تيفاريتي") == "ESH", found


def test_loose_keys_of_an_arabic_name_spell_its_latin_forms() -> None:
    from veille.geo._normalize import arabic_loose_keys, normalise_token

    assert arabic_loose_keys(normalise_token("بابنوسة")) == ["bns"]
    assert "idlb" in arabic_loose_keys(normalise_token("إدلب"))
    assert arabic_loose_keys(normalise_token("حوارة")) == []  # two letters: no evidence


def test_a_town_known_only_by_its_latin_spelling_after_a_town_noun(geocoder: Any) -> None:
    # Babanusa has no Arabic name in the gazetteer; the text names Sudan's forces.
    text = "هاجمت قوات الدعم السريع مدينة بابنوسة في السودان يوم الأحد."
    assert _names(geocoder, text).get("بابنوسة") == "SDN"


@pytest.mark.parametrize(
    "text",
    [
        # no country named that the loose reading lies in
        "هاجم مسلحون مدينة بابنوسة يوم الأحد.",
        # a definite noun takes an adjective («القديمة» spells Qedumim loosely)
        "اقتحمت القوات البلدة القديمة في نابلس يوم الأربعاء.",
        # a plural noun takes an adjective («تونسية» spells Tunis loosely)
        "شهدت مدن تونسية عدة مواجهات ليلة الثلاثاء.",
    ],
)
def test_no_loose_town_without_a_name_noun_and_a_country(geocoder: Any, text: str) -> None:
    found = _names(geocoder, text)
    assert not {"بابنوسة", "القديمة", "تونسية"} & {k for k, v in found.items() if v}


def test_and_glued_to_a_place_right_after_a_place_joins_the_list(geocoder: Any) -> None:
    # «وجدة» after «ينبع» is "and Jeddah", not Oujda (Morocco), which the whole word
    # spells; a word that is no place after the conjunction keeps its whole reading.
    found = _names(geocoder, "استهدفت طائرات مسيرة يوم الجمعة منشآت في ينبع وجدة.")
    assert found.get("جدة") == "SAU" and "وجدة" not in found
    alone = _names(geocoder, "تظاهر آلاف في وجدة يوم الجمعة.")
    assert alone.get("وجدة") == "MAR"


def test_a_function_word_with_a_clitic_is_no_place(geocoder: Any) -> None:
    # "وأن" (and that) spells Van, a city of Türkiye: a stop word with و glued is one.
    text = "قال المسؤول إن الطائرات قصفت مواقع في حلب، وأن الدفاعات الجوية تصدت لها."
    found = _names(geocoder, text)
    assert "وأن" not in found
    assert found.get("حلب") == "SYR"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Everyday words that spell a place: a function word (how, that it), a common
        # noun (hope, the scene), a family name; none is a place standing alone.
        ("لا نعرف كيف بدأ إطلاق النار في حلب.", "كيف"),
        ("وقال بأنه لن يتراجع عن قصف مواقع في حلب.", "بأنه"),
        ("وأعرب عن الأمل في وقف القتال في حلب.", "الأمل"),
        ("ووصف المشهد في حلب بأنه مأساوي.", "المشهد"),
    ],
)
def test_an_everyday_word_is_no_place_on_its_own(geocoder: Any, text: str, word: str) -> None:
    found = _names(geocoder, text)
    assert word not in found, found
    assert found.get("حلب") == "SYR"


def test_an_everyday_word_after_a_locative_word_is_the_place(geocoder: Any) -> None:
    # «إلى مشهد»: after a word that announces a place, the city it spells.
    assert _names(geocoder, "وصل الوفد الإيراني إلى مشهد أمس.").get("مشهد") == "IRN"


def test_the_coalition_is_no_town_of_its_name(pipeline: Any) -> None:
    # «للتحالف» (of the coalition): ل before the article drops its alif; the word is
    # still no village called «التحالف», and in Yemen it names the Saudi-led coalition.
    text = "أصابت غارة جوية للتحالف حافلة في مدينة صعدة يوم الخميس."
    art = Article(id="c", text=text, language="ar", published="2025-03-14")
    (event,) = pipeline.run([art])
    assert event.location is not None and event.location.name == "Sa'dah"
    assert event.actor1 is not None and event.actor1.id == "military-forces-sau"


@pytest.mark.parametrize("near", ["أطراف", "محيط"])
def test_a_word_of_nearness_is_no_place_and_locates_the_name_after_it(
    geocoder: Any, near: str
) -> None:
    # «أطراف» (outskirts) and «محيط» (surroundings) spell villages of Yemen; before a
    # name they say where, and the name after them is read.
    text = f"قصفت الطائرات مدينة صور اللبنانية يوم الأحد، وكذلك {near} الهرمل."
    found = _names(geocoder, text)
    assert near not in found and f"و{near}" not in found
    assert found.get("الهرمل") == "LBN"


def test_a_names_first_word_before_another_word_is_no_place_alone(geocoder: Any) -> None:
    # «بني» (a name's first word) spells homonyms in America and Pakistan; before another
    # word it heads a longer name, here one the text places in Yemen.
    found = _names(geocoder, "قصفت طائرات أمريكية مواقع في مديرية بني حشيش شمال صنعاء.")
    assert found.get("بني") is None
    assert found.get("شمال صنعاء") == "YEM"


def test_a_two_word_name_known_only_in_latin_script_after_an_area_noun(geocoder: Any) -> None:
    # Bani Matar has no Arabic name in the gazetteer: its first word and the next one
    # are read together by their consonants, in the country the text names.
    found = _names(geocoder, "سقطت قذائف على مديرية بني مطر في اليمن مساء الجمعة.")
    assert found.get("بني مطر") == "YEM"


def test_an_island_noun_heads_the_islands_name(geocoder: Any) -> None:
    # «جزيرة» (island) spells Algiers among its alternate names: the noun announces the
    # name after it, the island's.
    found = _names(geocoder, "غارتان على جزيرة كمران قبالة سواحل الحديدة في اليمن.")
    assert "جزيرة" not in found
    assert found.get("كمران") == "YEM"


def test_a_two_word_town_the_index_lacks_is_settled_by_the_area_after_it(
    geocoder: Any,
) -> None:
    # «بلدة بولو مرير بإقليم شبيلي السفلى»: the town's noun, a name of two words the index
    # lacks, then its area. The first word spells a town of Turkey, which does not lie
    # in that Somali region: no place of its own, the area stands.
    found = _names(
        geocoder,
        "قتل عشرة جنود من القوة الأوغندية في هجوم على قاعدة في بلدة بولو مرير"
        " بإقليم شبيلي السفلى فجر الجمعة.",
    )
    assert found.get("بولو") is None
    assert found.get("شبيلي السفلى") == "SOM"


def test_two_clitics_and_the_article_leave_no_name(geocoder: Any) -> None:
    # «وكالة» (agency) read as «و» + «ك» + the article would leave one letter of a name.
    found = _names(
        geocoder, "قالت وكالة الصحافة الفرنسية إن مسلحين هاجموا مدينة غاو في شمال مالي يوم الأحد."
    )
    assert set(found.values()) == {"MLI"}, found


def test_a_loose_spelling_of_a_big_city_abroad_does_not_stand_alone(geocoder: Any) -> None:
    # A name spelt only loosely like a large town of another country, in a text that
    # names its own country: a coincidence, not that town.
    found = _names(geocoder, "هاجم مسلحون فجر الأحد قرية بلقسي في وسط مالي.")
    assert set(found.values()) == {"MLI"}, found


def test_a_name_read_by_its_skeleton_lies_where_the_texts_places_are(geocoder: Any) -> None:
    # A country only an adjective names (French sources) holds none of the text's towns
    # where its places name another country.
    found = _names(geocoder, "قالت مصادر فرنسية إن مسلحين هاجموا فجر الأحد بلدة أبليج في وسط مالي.")
    assert "FRA" not in found.values(), found
