"""Date expressions resolved against publication date and narrative anchor."""

from __future__ import annotations

from datetime import date

import pytest

from veille.nlp.dates import find_date_expressions

PUB = date(2024, 2, 5)  # a Monday


def only(text: str, lang: str = "fr", anchor: date | None = None):  # type: ignore[no-untyped-def]
    found = [e for e in find_date_expressions(text, lang, published=PUB, anchor=anchor) if e.value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'attaque a eu lieu hier.", date(2024, 2, 4)),
        ("avant-hier, deux roquettes", date(2024, 2, 3)),
        ("Dimanche, des sources", date(2024, 2, 4)),
        ("lundi, à Gao", date(2024, 2, 5)),  # the publication day itself
        ("le 3 mars dernier", date(2023, 3, 3)),  # a date after publication is last year
        ("le 1er février 2024", date(2024, 2, 1)),
    ],
)
def test_french_relative_and_explicit(text: str, expected: date) -> None:
    assert only(text).value == expected


def test_offsets_point_at_the_phrase() -> None:
    text = "Les médias ont rapporté lundi 5 février à l’aube qu’une frappe"
    e = only(text)
    assert text[e.start : e.end] == e.text == "lundi 5 février à l’aube"
    assert (e.value, e.time_of_day, e.precision) == (date(2024, 2, 5), "dawn", "day")


def test_la_veille_is_relative_to_the_anchor_not_publication() -> None:
    e = only("La veille, les combats avaient repris.", anchor=date(2024, 2, 1))
    assert e.value == date(2024, 1, 31)


def test_la_veille_with_weekday_names_the_day() -> None:
    e = only("La veille, samedi, le groupe a déclaré", anchor=date(2024, 2, 4))
    assert e.value == date(2024, 2, 3)
    assert e.text == "La veille, samedi"


def test_evening_attaches_to_weekday() -> None:
    e = only("plusieurs explosions samedi soir près du champ")
    assert (e.value, e.time_of_day) == (date(2024, 2, 3), "evening")


def test_english_and_arabic() -> None:
    assert only("Yesterday, gunmen attacked", "en").value == date(2024, 2, 4)
    assert only("— Al Mayadeen (@x) February 4, 2024", "en").value == date(2024, 2, 4)
    e = only("قصفت الطائرات فجر اليوم مواقع", "ar")
    assert (e.value, e.time_of_day) == (PUB, "dawn")
    assert only("وقع الهجوم مساء السبت", "ar").value == date(2024, 2, 3)


def test_no_date_no_value() -> None:
    assert [
        e for e in find_date_expressions("Des combats ont eu lieu.", "fr", published=PUB) if e.value
    ] == []


def test_without_publication_date_relative_words_stay_unresolved() -> None:
    found = find_date_expressions("hier soir", "fr", published=None)
    assert found and all(e.value is None for e in found)


def test_arabic_press_dates_keep_their_year_after_the_levantine_month() -> None:
    # "14 February (Shubat) 2005": the year after the bracketed month name is the date's.
    e = only("في 14 فبراير (شباط) 2005 وقع الانفجار", "ar")
    assert (e.value, e.precision) == (date(2005, 2, 14), "day")
    assert e.text == "14 فبراير (شباط) 2005"
    # Hamza-less spellings of the Levantine names are the common ones.
    assert only("* 25 سبتمبر (ايلول) 2005: انفجار", "ar").value == date(2005, 9, 25)
    e = only("في يوليو (تموز) 1995 استهدفت", "ar")
    assert (e.value, e.precision) == (date(1995, 7, 1), "month")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("كان العقل المدبر عام 1983 للتفجير", "ar"), ("Il a été tué en 1983 à Beyrouth", "fr")],
)
def test_a_year_named_alone_has_year_precision(text: str, lang: str) -> None:
    e = only(text, lang)
    assert (e.value, e.precision) == (date(1983, 1, 1), "year")


def test_a_year_after_publication_is_not_a_date() -> None:
    # "en 2030" in a 2024 story is a plan or a number, never the date of what happened.
    found = find_date_expressions("un plan en 2030", "fr", published=PUB)
    assert [e for e in found if e.value] == []


def test_a_year_dates_an_event_only_when_nothing_more_precise_does(pipeline) -> None:  # type: ignore[no-untyped-def]
    from veille.model import Article

    def dates(text: str) -> list[tuple[date | None, str | None]]:
        article = Article(id="y", text=text, language="en", published=PUB)
        return [(e.event_date, e.date_precision) for e in pipeline.process_article(article).events]

    founded = "The group, founded in 2014, attacked an army base near Mosul on Sunday."
    assert dates(founded) == [(date(2024, 2, 4), "day")]
    assert dates("In 2024, gunmen attacked an army base near Mosul.") == [
        (date(2024, 1, 1), "year")
    ]
    # Dated only by an earlier year, it is history (tests/test_event_classes.py).
    assert dates("In 2014, gunmen attacked an army base near Mosul.") == []


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        ("اندلعت الاحتجاجات في الأول من يناير الماضي", date(2024, 1, 1), "الأول من يناير"),
        ("وقع الانفجار في الثالث عشر من ديسمبر", date(2023, 12, 13), "الثالث عشر من ديسمبر"),
        (
            "قُتل في الحادي والعشرين من مارس (آذار) 2022 قرب الحدود",
            date(2022, 3, 21),
            "الحادي والعشرين من مارس (آذار) 2022",
        ),
        ("في الثلاثين من شهر نوفمبر بدأ الهجوم", date(2023, 11, 30), "الثلاثين من شهر نوفمبر"),
    ],
)
def test_arabic_days_told_as_ordinals(text: str, expected: date, span: str) -> None:
    e = only(text, "ar")
    assert (e.value, e.precision, e.text) == (expected, "day", span)


def test_an_arabic_ordinal_without_a_month_is_no_date() -> None:
    assert [
        e for e in find_date_expressions("هذا الهجوم الأول من نوعه", "ar", published=PUB) if e.value
    ] == []


@pytest.mark.parametrize(
    ("text", "lang", "tod"),
    [
        ("The rocket hit the depot the previous afternoon.", "en", "afternoon"),
        ("Firing was heard the night before near the bridge.", "en", "night"),
        ("La nuit précédente, des pillages avaient eu lieu.", "fr", "night"),
        ("وكانت قذيفة قد سقطت مساء اليوم السابق على السوق", "ar", "evening"),
    ],
)
def test_a_part_of_the_day_before_is_the_day_before(text: str, lang: str, tod: str) -> None:
    e = only(text, lang, anchor=date(2024, 2, 3))
    assert (e.value, e.time_of_day) == (date(2024, 2, 2), tod)


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("The town was shelled last month.", "en", date(2024, 12, 1), "month"),
        ("La ville avait été bombardée le mois dernier.", "fr", date(2024, 12, 1), "month"),
        ("قصفت المدينة الشهر الماضي.", "ar", date(2024, 12, 1), "month"),
        ("L'an dernier, le camp avait été attaqué.", "fr", date(2024, 1, 1), "year"),
        ("The town was shelled last week.", "en", date(2025, 1, 7), "week"),
        ("La ville a été bombardée la semaine dernière.", "fr", date(2025, 1, 7), "week"),
        ("قصفت المدينة الأسبوع الماضي.", "ar", date(2025, 1, 7), "week"),
    ],
)
def test_a_past_month_or_year_counts_back_from_publication(
    text: str, lang: str, value: date, precision: str
) -> None:
    (expr,) = find_date_expressions(text, lang, published=date(2025, 1, 14))
    assert (expr.value, expr.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "lang", "published", "value"),
    [
        (
            "Over the weekend, militants shelled the town.",
            "en",
            date(2025, 1, 14),
            date(2025, 1, 11),
        ),
        ("Ce week-end, le bourg a été pilonné.", "fr", date(2025, 1, 13), date(2025, 1, 11)),
        (
            "Le bourg a été pilonné le week-end dernier.",
            "fr",
            date(2025, 1, 15),
            date(2025, 1, 11),
        ),
        # a report of Sunday: the weekend began the day before
        ("The town was shelled this weekend.", "en", date(2025, 1, 12), date(2025, 1, 11)),
    ],
)
def test_the_weekend_is_the_saturday_on_or_before_publication(
    text: str, lang: str, published: date, value: date
) -> None:
    (expr,) = find_date_expressions(text, lang, published=published)
    assert (expr.value, expr.precision) == (value, "week")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("قصفت الطائرات المدينة أمس الأول.", "ar", date(2025, 1, 12)),
        ("قصفت الطائرات المدينة الليلة الماضية.", "ar", date(2025, 1, 13)),
        ("Le bourg a été pilonné la nuit dernière.", "fr", date(2025, 1, 13)),
        ("The town was shelled last night.", "en", date(2025, 1, 13)),
        ("The town was shelled this afternoon.", "en", date(2025, 1, 14)),
        # a day of the month of publication, told without its month
        ("قصفت الطائرات المدينة يوم 9 من الشهر الجاري.", "ar", date(2025, 1, 9)),
        ("قصفت الطائرات المدينة في التاسع من الشهر الجاري.", "ar", date(2025, 1, 9)),
        ("Le bourg a été pilonné le 9 courant.", "fr", date(2025, 1, 9)),
    ],
)
def test_days_told_against_the_day_of_the_report(text: str, lang: str, value: date) -> None:
    (expr,) = find_date_expressions(text, lang, published=date(2025, 1, 14))
    assert (expr.value, expr.precision) == (value, "day")


def test_a_day_of_this_month_after_the_report_is_no_date() -> None:
    (expr,) = find_date_expressions(
        "Le bourg a été pilonné le 20 courant.", "fr", published=date(2025, 1, 14)
    )
    assert expr.value is None


def test_events_dated_only_by_a_past_month_are_background(pipeline) -> None:  # type: ignore[no-untyped-def]
    from veille.model import Article

    texts = {
        "en": "Militants shelled the town of Kidal last month, killing nine people.",
        "ar": "وكانت قوات الدعم السريع قد قصفت مدينة الأبيض الشهر الماضي ما أدى إلى مقتل 12 شخصا.",
        # A period opened by a year frames the toll of a war, not one event.
        "ar-war": "ويشهد السودان منذ أبريل 2023 حربا بين الجيش وقوات الدعم السريع أسفرت عن مقتل "
        "عشرات الآلاف.",
    }
    for key, text in texts.items():
        art = Article(id=key, text=text, language=key[:2], published="2025-06-14")
        assert pipeline.run([art]) == [], key
    told = Article(
        id="now",
        text="Militants shelled the town of Kidal on Friday, killing nine people.",
        language="en",
        published="2025-06-14",
    )
    assert len(pipeline.run([told])) == 1


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("وقعت الهجمات في نوفمبر/تشرين الثاني 2015 في المدينة.", date(2015, 11, 1), "month"),
        ("وقعت الهجمات في نوفمبر تشرين الثاني 2015 في المدينة.", date(2015, 11, 1), "month"),
        ("قتل ثلاثة في 9 تموز/يوليو 2016 قرب الحدود.", date(2016, 7, 9), "day"),
    ],
)
def test_arabic_press_dates_name_the_month_twice_by_slash_or_space(
    text: str, expected: date, precision: str
) -> None:
    (found,) = [e for e in find_date_expressions(text, "ar", published=PUB) if e.value]
    assert (found.value, found.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("وفي اليوم ذاته، سقطت قذائف على السوق.", "ar"),
        ("وفي ذات اليوم سقطت قذائف على السوق.", "ar"),
        ("Ce même jour, des obus sont tombés sur le marché.", "fr"),
        ("Ce jour-là, des obus sont tombés sur le marché.", "fr"),
        ("Later that day, shells fell on the market.", "en"),
        ("That same day, shells fell on the market.", "en"),
    ],
)
def test_the_same_day_is_the_anchors_day_not_today(text: str, lang: str) -> None:
    # «اليوم» alone is "today"; «اليوم ذاته» is the day the story is telling.
    e = only(text, lang, anchor=date(2024, 2, 1))
    assert e.value == date(2024, 2, 1), e


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A day earlier, bandits raided the village.", "en", date(2024, 1, 31)),
        ("Two days later, the convoy was ambushed.", "en", date(2024, 2, 3)),
        ("Trois jours plus tard, le convoi a été attaqué.", "fr", date(2024, 2, 4)),
        ("Deux jours auparavant, des bandits avaient attaqué le village.", "fr", date(2024, 1, 30)),
        ("وبعد يومين، تعرضت القافلة لكمين.", "ar", date(2024, 2, 3)),
    ],
)
def test_a_count_of_days_from_the_anchor(text: str, lang: str, expected: date) -> None:
    assert only(text, lang, anchor=date(2024, 2, 1)).value == expected


def test_an_arabic_night_of_two_weekdays_joined_by_a_hyphen_is_its_first_day() -> None:
    """«ليل الجمعة-السبت»: the night that begins on Friday (the day it began, as for
    «ليل الجمعة السبت»), the hyphen no part of either name."""
    found = [
        e
        for e in find_date_expressions("شنت الطائرات غارات ليل الجمعة-السبت", "ar", published=PUB)
        if e.value is not None
    ]
    assert found and found[0].value == date(2024, 2, 2)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three years ago, gunmen attacked the central market of Kindia.", "en"),
        ("Il y a trois ans, des hommes armés ont attaqué le marché central de Kindia.", "fr"),
        ("وقبل ثلاث سنوات، هاجم مسلحون السوق المركزي في مدينة الموصل.", "ar"),
    ],
)
def test_an_act_some_years_ago_is_history(pipeline, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    # "N years ago", «il y a N ans», «قبل N سنوات»: dated by a year before the
    # report's, an act told for context (no day to code).
    from veille.model import Article

    art = Article(id="ago", text=text, language=language, published=PUB)
    assert pipeline.process_article(art).events == []


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("وقع الهجوم يوم 2024/1/30.", "ar", "2024/1/30"),
        ("L'embuscade du 30.01.2024 a fait trois morts.", "fr", "30.01.2024"),
        ("The raid on 30-01-2024 was the second.", "en", "30-01-2024"),
        ("Filed on 2024-01-30.", "en", "2024-01-30"),
    ],
)
def test_numeric_dates_year_first_or_day_first_with_one_separator(
    text: str, lang: str, span: str
) -> None:
    e = only(text, lang)
    assert (e.text, e.value, e.precision) == (span, date(2024, 1, 30), "day")


@pytest.mark.parametrize("text", ["version 2.10.2024.5 ships", "the score was 1.30.2024"])
def test_dotted_numbers_that_run_on_are_no_date(text: str) -> None:
    assert [e for e in find_date_expressions(text, "en", published=PUB) if e.value] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصف الجيش القرية يوم 30 جانفي.", date(2024, 1, 30)),
        ("تظاهر المئات في 2 فيفري.", date(2024, 2, 2)),
        ("وقع الانفجار في 14 جويلية 2023.", date(2023, 7, 14)),
        ("اعتقلت الشرطة ناشطين يوم 3 غشت 2023.", date(2023, 8, 3)),
        ("هاجم مسلحون الثكنة في 20 دجنبر.", date(2023, 12, 20)),
    ],
)
def test_maghrebi_and_moroccan_month_names(text: str, expected: date) -> None:
    assert only(text, "ar").value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops fired on the crowd on the 3rd, witnesses said.", date(2024, 2, 3)),
        ("The convoy was ambushed on the 1st of this month.", date(2024, 2, 1)),
    ],
)
def test_an_english_day_of_the_month_with_no_month_is_of_the_reports_month(
    text: str, expected: date
) -> None:
    assert only(text, "en").value == expected


@pytest.mark.parametrize(
    "text", ["He fought with the 3rd Brigade.", "the 4th century", "clashes on the 20th."]
)
def test_an_ordinal_naming_a_unit_or_a_later_day_is_no_date(text: str) -> None:
    assert [e for e in find_date_expressions(text, "en", published=PUB) if e.value] == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # published on a Tuesday: "last Tuesday" is a week before; "last Monday" is the day before
        ("The raid took place last Tuesday.", "en", date(2024, 3, 5)),
        ("Le raid a eu lieu mardi dernier.", "fr", date(2024, 3, 5)),
        ("وقعت الغارة الثلاثاء الماضي.", "ar", date(2024, 3, 5)),
        ("The raid took place last Monday.", "en", date(2024, 3, 11)),
        ("The raid took place on Tuesday.", "en", date(2024, 3, 12)),
    ],
)
def test_last_and_the_weekday_of_publication_is_a_week_before(
    text: str, lang: str, expected: date
) -> None:
    found = [e for e in find_date_expressions(text, lang, published=date(2024, 3, 12)) if e.value]
    assert [e.value for e in found] == [expected]


@pytest.mark.parametrize(
    "text", ["وقعت الغارة خلال عطلة نهاية الأسبوع.", "وقعت الغارة نهاية الأسبوع الماضي."]
)
def test_an_arabic_weekend_is_the_weekend_before_publication(text: str) -> None:
    """The weekend phrase holds «الأسبوع الماضي» (last week): the longer reading wins."""
    found = [e for e in find_date_expressions(text, "ar", published=date(2024, 3, 12)) if e.value]
    assert [(e.value, e.precision) for e in found] == [(date(2024, 3, 9), "week")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Named days fall last before publication (early February): last year's.
        ("Jets struck two villages on Christmas Day.", "en", date(2023, 12, 25)),
        ("Un groupe armé a incendié une chapelle le soir de Noël.", "fr", date(2023, 12, 24)),
        ("قتل مسلحون مصلين ليلة عيد الميلاد.", "ar", date(2023, 12, 24)),
        # This year's, once passed.
        ("Police dispersed a crowd on New Year's Day.", "en", date(2024, 1, 1)),
        ("Des violences ont éclaté le jour de l'an.", "fr", date(2024, 1, 1)),
    ],
)
def test_a_named_day_of_the_calendar_is_its_last_date(text: str, lang: str, expected: date) -> None:
    found = only(text, lang)
    assert (found.value, found.precision) == (expected, "day")
