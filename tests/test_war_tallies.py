"""Numbers written with a multiplier and the dead of a whole war, on sentences invented for
these tests: "two thousand", «deux mille», «عشرة آلاف» count the whole number, not the
word before the multiplier; "more than 20,000 have been killed in the war" is the war's
tally, neither an event of its own nor the toll of the strike told before it; so are the
dead counted over weeks or months ("between February and May", «entre le 3 février et le
28 avril»), not over two days."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="w", text=text, language=language, published=date(2021, 5, 3))
    return pipeline.run([art])


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        (
            "Officials said two thousand people were killed in a raid on Sarmin on Sunday.",
            "en",
            2000,
        ),
        ("Deux mille personnes ont été tuées dimanche dans une attaque contre Sarmin.", "fr", 2000),
        ("Trois cents personnes ont été tuées dimanche dans une attaque contre Sarmin.", "fr", 300),
        ("قال مسؤولون إن ثلاثة آلاف شخص قتلوا في هجوم على بلدة سرمين يوم الأحد.", "ar", 3000),
    ],
)
def test_a_number_before_a_multiplier_counts_the_whole(
    pipeline: Any, text: str, language: str, count: int
) -> None:
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [count]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Five civilians were killed in an air strike on the town of Sarmin on Sunday. "
            "According to UN figures, over 20,000 civilians were killed during the war.",
            "en",
        ),
        (
            "Five civilians were killed in an air strike on the town of Sarmin on Sunday. "
            "The war has killed more than 20,000 people.",
            "en",
        ),
        (
            "Cinq civils ont été tués dimanche dans une frappe aérienne sur la ville de "
            "Sarmin. Selon l'ONU, plus de vingt mille personnes ont été tuées pendant le "
            "conflit.",
            "fr",
        ),
        (
            "قتل خمسة مدنيين في غارة جوية على بلدة سرمين يوم الأحد. وتقول الأمم المتحدة إن "
            "أكثر من عشرين ألف شخص قتلوا في الحرب التي دمرت البلاد.",
            "ar",
        ),
    ],
)
def test_the_dead_of_a_whole_war_are_no_events_toll(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    assert events[0].fatalities == 5
    assert len(events[0].mentions) == 1  # the tally tells nothing of the strike


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three soldiers were killed in the war-torn north of the country on Sunday.", "en"),
        ("Trois soldats ont été tués dimanche dans une attaque pendant la guerre.", "fr"),
    ],
)
def test_deaths_of_a_day_in_a_war_are_an_event(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [3]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "At least 900 people were killed and 300 hurt in communal violence between "
            "February and May, a rights group said on Monday.",
            "en",
        ),
        ("From March 3 to March 20, 120 people were killed in attacks on villages.", "en"),
        (
            "Au moins 900 civils ont été tués et 300 blessés dans la région entre le 3 février "
            "et le 28 avril, selon une ONG.",
            "fr",
        ),
        ("قتل أكثر من 1500 شخص في أعمال عنف بين 1 يناير و22 مارس، وفق تقرير أممي.", "ar"),
    ],
)
def test_deaths_counted_over_weeks_or_months_are_a_tally(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


def test_deaths_over_two_days_are_still_an_event(pipeline: Any) -> None:
    text = "Gunmen killed five villagers between Monday and Tuesday in the north of the country."
    assert [e.fatalities for e in _events(pipeline, text, "en")] == [5]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen raided a market in Dogo on Saturday. Attacks in the province have risen"
            " in 2021, with hundreds of villagers killed in raids on farms.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué samedi un marché à Dogo. Les violences ont"
            " redoublé en 2021 dans la province, avec des centaines de villageois tués dans"
            " des attaques contre des fermes.",
            "fr",
        ),
    ],
)
def test_the_reports_own_year_with_no_day_dates_a_tally_not_an_event(
    pipeline: Any, text: str, language: str
) -> None:
    # The year of the report alone (no day in the sentence) dates a period's count of
    # acts: no event on its first of January, no toll of hundreds.
    events = _events(pipeline, text, language)
    assert [(e.event_date, e.fatalities) for e in events] == [(date(2021, 5, 1), None)]


def test_the_reports_own_year_beside_a_day_still_dates_nothing_away(pipeline: Any) -> None:
    # A day in the sentence: the act is the day's, the year only says which year.
    text = "Gunmen raided a market in Dogo on Saturday, the worst raid in the province in 2021."
    events = _events(pipeline, text, "en")
    assert [e.event_date for e in events] == [date(2021, 5, 1)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The monitor said it had documented more than 200 air strikes across the"
            " country since Friday.",
            "en",
        ),
        ("L'ONG a recensé plus de 200 frappes aériennes dans le pays depuis vendredi.", "fr"),
        ("وقال المرصد إنه وثق أكثر من 200 غارة جوية في أنحاء البلاد منذ يوم الجمعة.", "ar"),
    ],
)
def test_acts_counted_since_an_earlier_day_are_a_tally(
    pipeline: Any, text: str, language: str
) -> None:
    # "since Friday" on a Monday: the day opens a span of days, it dates no one act.
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des avions ont bombardé le pays vendredi. Dans le nord, l'aéroport de Kassala a"
            " été visé par plusieurs frappes qui ont détruit des hangars.",
            "fr",
        ),
        (
            "قصفت طائرات حربية البلاد يوم الجمعة. وفي الشمال، تعرض مطار كسلا لعدة غارات"
            " دمرت حظائر الطائرات.",
            "ar",
        ),
    ],
)
def test_several_strikes_on_a_named_site_are_one_event_there(
    pipeline: Any, text: str, language: str
) -> None:
    # A quantifier of a few with a town or site named: one event at it, not a tally.
    events = _events(pipeline, text, language)
    assert [(e.sub_event_type, e.location and e.location.name) for e in events] == [
        ("Air/drone strike", "Kassala")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Later in the day, strikes also hit Homs and Hama.", "en"),
        ("Plus tôt dans la semaine, des frappes ont touché Homs et Hama.", "fr"),
    ],
)
def test_a_definite_noun_of_time_names_when_it_counts_no_acts(
    pipeline: Any, text: str, language: str
) -> None:
    # "the day" says when the strikes fell; "days of strikes" (below) counts them.
    events = _events(pipeline, text, language)
    assert sorted((e.location and e.location.name, e.sub_event_type) for e in events) == [
        ("Homs", "Air/drone strike"),
        ("Ḩamāh", "Air/drone strike"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Days of strikes have hit Sarmin.", "en"),
        ("Des semaines de frappes ont touché Sarmin.", "fr"),
    ],
)
def test_a_noun_of_time_counting_acts_is_a_tally(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    "text",
    [
        "Armed bandits have for years raided farms in the region, killing and kidnapping"
        " farmers for ransom.",
        "Gangs have for months attacked herders across the state, kidnapping dozens.",
    ],
)
def test_the_participles_of_a_perfect_over_a_period_tell_no_event(pipeline: Any, text: str) -> None:
    # The participles' acts are the perfect verb's, done over the years: a habit.
    assert _events(pipeline, text, "en") == []
