"""The story component: what a sentence leaves unsaid, the story it continues says.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import Article, Event


def _violent(pipeline: Any, text: str, lang: str, published: str = "2025-03-12") -> list[Event]:
    art = Article(id="s", text=text, language=lang, published=published)
    return [e for e in pipeline.run([art]) if SUB_EVENT_TYPES[e.sub_event_type].violent]


def test_a_toll_in_the_next_sentence_joins_the_event_it_continues(pipeline: Any) -> None:
    text = (
        "Un obus a frappé lundi le marché central de Mykolaïv. "
        "Quatre personnes ont été tuées, selon la police régionale."
    )
    events = _violent(pipeline, text, "fr")
    assert len(events) == 1, [e.notes for e in events]
    ev = events[0]
    assert ev.fatalities == 4
    assert ev.location is not None and ev.location.iso3 == "UKR"
    assert ev.event_date == date(2025, 3, 10)


def test_an_undated_sentence_takes_the_date_of_the_story(pipeline: Any) -> None:
    text = (
        "Gunmen attacked a police post in Maiduguri on Sunday. "
        "Two officers were killed in the attack on the post, police said."
    )
    events = _violent(pipeline, text, "en")
    assert len(events) == 1
    assert events[0].event_date == date(2025, 3, 9)
    # The inherited date still points at the words that said it.
    spans = [m.spans.date for m in events[0].mentions if m.spans.date]
    assert spans and all(text[s:e] == "Sunday" for s, e in spans)


def test_background_in_the_pluperfect_is_no_event(pipeline: Any) -> None:
    text = (
        "Gunmen attacked a police post in Maiduguri on Sunday. "
        "The group had announced that it would intensify its attacks on the army."
    )
    assert len(_violent(pipeline, text, "en")) == 1
    fr = (
        "Des hommes armés ont attaqué dimanche un poste de police à Maiduguri. "
        "Le groupe avait déjà mené des attaques contre l'armée."
    )
    assert len(_violent(pipeline, fr, "fr")) == 1


def test_a_dated_retrospective_is_an_event_of_its_own(pipeline: Any) -> None:
    text = (
        "Gunmen attacked a police post in Maiduguri on Sunday. "
        "On 4 May 2021, the group had attacked a school in Kano, killing three pupils."
    )
    events = _violent(pipeline, text, "en")
    assert {e.event_date for e in events} == {date(2025, 3, 9), date(2021, 5, 4)}


def test_a_retrospective_told_over_two_sentences_keeps_its_second_sentence(
    pipeline: Any,
) -> None:
    text = (
        "Mardi, des habitants ont rapporté que des tirs avaient visé samedi soir le camp "
        "de Kidal. Six obus avaient été tirés sur le camp militaire."
    )
    events = _violent(pipeline, text, "fr")
    assert len(events) == 1
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].event_date == date(2025, 3, 8)


def test_a_retrospective_told_later_lends_its_day_to_no_news_before_it(pipeline: Any) -> None:
    # A live update with no day of its own, then a reminder of an earlier strike.
    text = (
        "Une frappe de drone a touché le dépôt de carburant de Soumy, a indiqué le maire. "
        "Le 2 mars, une frappe russe avait tué quatre personnes dans la ville voisine de "
        "Romny, selon le gouverneur."
    )
    events = _violent(pipeline, text, "fr")
    days = {e.location.name if e.location else None: e.event_date for e in events}
    assert days.get("Romny") == date(2025, 3, 2), days
    sumy = [d for name, d in days.items() if name and name.startswith("Sum")]
    assert sumy == [date(2025, 3, 12)], days


def test_reported_speech_in_the_pluperfect_still_dates_the_news(pipeline: Any) -> None:
    text = (
        "Gunmen attacked a police post in Maiduguri, killing three officers. "
        "Police said the attackers had stormed the post on Sunday night."
    )
    events = _violent(pipeline, text, "en")
    assert [e.event_date for e in events] == [date(2025, 3, 9)]


def test_a_report_that_dates_nothing_is_dated_by_the_report(pipeline: Any) -> None:
    text = "Gunmen attacked a police post in Maiduguri, killing two officers."
    events = _violent(pipeline, text, "en")
    assert [(e.event_date, e.date_precision) for e in events] == [(date(2025, 3, 12), "week")]
    assert all(m.spans.date is None for e in events for m in e.mentions)


def test_the_place_is_the_one_in_the_triggers_clause(pipeline: Any) -> None:
    # The capital speaks; the town is where it happened.
    text = "Officials in Kinshasa said that rebels attacked the town of Uvira on Sunday."
    events = _violent(pipeline, text, "en")
    assert events and all(e.location is not None for e in events)
    assert {e.location.name for e in events if e.location} == {"Uvira"}


def test_arrests_the_sentence_does_not_place_are_no_event(pipeline: Any) -> None:
    text = (
        "Des manifestants ont affronté la police lundi à Thiès. "
        "Le ministre a fait état de 90 interpellations dans tout le pays."
    )
    art = Article(id="a", text=text, language="fr", published="2025-03-12")
    assert "Arrests" not in {e.sub_event_type for e in pipeline.run([art])}


def test_a_banned_gathering_is_no_protest(pipeline: Any) -> None:
    art = Article(
        id="b",
        text="Le préfet a interdit tout rassemblement lundi à Thiès.",
        language="fr",
        published="2025-03-12",
    )
    assert pipeline.run([art]) == []


def test_an_unplaced_event_takes_the_town_the_article_keeps_naming(pipeline: Any) -> None:
    text = (
        "Les habitants de Bossangoa vivent dans la peur depuis des semaines. "
        "La mairie de Bossangoa a demandé des renforts. "
        "Mardi, des hommes armés ont attaqué le marché de la ville, tuant trois commerçants."
    )
    events = _violent(pipeline, text, "fr")
    assert len(events) == 1
    loc = events[0].location
    assert loc is not None and loc.name == "Bossangoa" and loc.geo_precision == 2
    # The place points at the words that named it.
    spans = [m.spans.location for m in events[0].mentions if m.spans.location]
    assert spans and all(text[s:e] == "Bossangoa" for s, e in spans)


def test_two_towns_named_as_often_give_no_narrative_place(pipeline: Any) -> None:
    text = (
        "Kaga-Bandoro and Bambari have both seen displaced families arrive. "
        "Aid convoys reached Kaga-Bandoro and Bambari last week. "
        "On Tuesday gunmen attacked the market, killing three traders."
    )
    events = _violent(pipeline, text, "en")
    assert len(events) == 1
    assert events[0].location is None


def test_a_night_with_no_day_is_the_reports_night(pipeline: Any) -> None:
    text = "Drones struck an oil depot in Bryansk overnight, the regional governor said."
    events = _violent(pipeline, text, "en", published="2025-03-12")
    assert len(events) == 1
    assert events[0].event_date == date(2025, 3, 12)


def test_an_event_placed_in_a_country_takes_the_town_the_story_names_that_day(
    pipeline: Any,
) -> None:
    text = (
        "Militants attacked an army post in Mali on Tuesday, killing five soldiers. "
        "Hours later on Tuesday, they abducted two teachers in Bandiagara. "
        "Aid agencies in Mopti condemned the violence."
    )
    events = _violent(pipeline, text, "en")
    by_type = {e.sub_event_type: e for e in events}
    assert set(by_type) >= {"Armed clash", "Abduction/forced disappearance"}
    clash = by_type["Armed clash"].location
    assert clash is not None and clash.name == "Bandiagara" and clash.geo_precision == 2


def test_an_event_placed_in_a_country_takes_the_only_town_of_it_the_article_names(
    pipeline: Any,
) -> None:
    text = (
        "Drones struck Sudan on Sunday, killing ten civilians, according to medics. "
        "Residents of El Obeid said the power had been cut for days."
    )
    events = _violent(pipeline, text, "en", published="2025-03-10")
    assert len(events) == 1
    loc = events[0].location
    assert loc is not None and loc.name == "El Obeid" and loc.geo_precision == 2
    spans = [m.spans.location for m in events[0].mentions if m.spans.location]
    assert spans and all(text[s:e] == "El Obeid" for s, e in spans)


def test_a_country_wide_event_stays_so_when_the_article_names_two_of_its_towns(
    pipeline: Any,
) -> None:
    text = (
        "Drones struck Sudan on Sunday, killing ten civilians, according to medics. "
        "Residents of El Obeid and Kosti said the power had been cut for days."
    )
    events = _violent(pipeline, text, "en", published="2025-03-10")
    assert len(events) == 1
    loc = events[0].location
    assert loc is not None and loc.name == "Sudan"


def test_a_town_of_another_country_does_not_narrow_a_country_wide_event(pipeline: Any) -> None:
    text = (
        "Drones struck Sudan on Sunday, killing ten civilians, according to medics. "
        "Diplomats meeting in Nairobi called for a truce."
    )
    events = _violent(pipeline, text, "en", published="2025-03-10")
    assert len(events) == 1
    loc = events[0].location
    assert loc is not None and loc.name == "Sudan"


def _mention_event(sub: str, *, generic: bool, weapon: str | None = None) -> Event:
    from veille.model import Mention, MentionValues, Plover

    return Event(
        event_id="e",
        event_type=SUB_EVENT_TYPES[sub].event_type,
        sub_event_type=sub,
        plover=Plover(event_type="ASSAULT"),
        weapon=weapon,
        mentions=[
            Mention(
                article_id="a",
                source_id="a",
                start=0,
                end=4,
                text="xxxx",
                values=MentionValues(generic=generic),
            )
        ],
    )


def test_a_clash_only_the_default_gave_yields_to_the_articles_other_events() -> None:
    from veille.extract.bare_clashes import without_bare_clashes

    strike = _mention_event("Air/drone strike", generic=False)
    bare = _mention_event("Armed clash", generic=True)
    fought = _mention_event("Armed clash", generic=False)  # "clashes", "fighting"
    shot = _mention_event("Armed clash", generic=True, weapon="firearms")
    assert without_bare_clashes([strike, bare]) == [strike]
    assert without_bare_clashes([fought, bare, shot]) == [fought, shot]
    # Alone in its article, it is the article's report of violence: kept.
    assert without_bare_clashes([bare]) == [bare]


def test_a_sentence_that_goes_on_telling_strikes_tells_one_more_strike(pipeline: Any) -> None:
    text = (
        "Drones struck Tyre on Monday, killing a fisherman. "
        "In Nabatieh, two people were killed on Monday."
    )
    events = _violent(pipeline, text, "en")
    assert len(events) == 2  # one per place (ACLED)
    assert all(e.sub_event_type == "Air/drone strike" for e in events)
    spans = [m.spans.location for e in events for m in e.mentions if m.spans.location]
    assert sorted(text[a:b] for a, b in spans) == ["Nabatieh", "Tyre"]


def test_a_toll_after_a_story_of_another_kind_keeps_no_strike_type(pipeline: Any) -> None:
    text = (
        "Rebels ambushed an army convoy near Tyre on Monday. "
        "In Nabatieh, two people were killed on Monday."
    )
    events = _violent(pipeline, text, "en")
    assert all(e.sub_event_type != "Air/drone strike" for e in events)


def test_the_leads_day_and_each_paragraphs_town_date_and_place_its_events(pipeline: Any) -> None:
    text = (
        "Anger over the new tax law spilled into the streets of several towns of Kenya "
        "on Monday.\n\n"
        "In Kisumu, crowds gathered at dawn along the main road. Youths set up barricades "
        "and burned tyres, and police fired live rounds, killing one protester.\n\n"
        "In Nakuru, the market stayed closed all day. Hundreds of youths threw stones at "
        "the police, who dispersed them with tear gas.\n\n"
        "The unrest followed the arrest of three opposition leaders in Nairobi on Saturday."
    )
    events = [e for e in _violent(pipeline, text, "en") if e.sub_event_type != "Arrests"]
    where = {e.location.name if e.location else None for e in events}
    assert {"Kisumu", "Nakuru"} <= where, where
    assert {e.event_date for e in events} == {date(2025, 3, 10)}


def test_a_live_blog_entry_labelled_with_a_town_places_what_it_tells(pipeline: Any) -> None:
    text = (
        "Live: unrest across northern towns\n\n"
        "13:20 - Leeds: A crowd formed outside the railway station. Youths threw "
        "bricks at officers.\n\n"
        "15:30 - Bradford: Youths threw bottles at police lines in Bradford."
    )
    events = _violent(pipeline, text, "en")
    where = sorted(e.location.name for e in events if e.location)
    assert where == ["Bradford", "Leeds"], where


def test_a_datelines_date_is_no_leads_day() -> None:
    from dataclasses import dataclass

    from veille.extract.layout import lead_day
    from veille.nlp.dates import DateExpression

    @dataclass
    class _S:
        start: int
        end: int
        dates: list[DateExpression]
        source_kind: str = "article"
        published: date | None = date(2025, 3, 12)

    def day(text: str, phrase: str, value: date) -> DateExpression:
        i = text.index(phrase)
        return DateExpression(i, i + len(phrase), phrase, "explicit", value, "day", None)

    wire = "NAIROBI, March 12 (Wire) — Police dispersed a march in the city centre."
    s = _S(0, len(wire), [day(wire, "March 12", date(2025, 3, 12))])
    assert lead_day(wire, [s]) is None
    lead = "Police dispersed a march in Nairobi on Monday, officials said."
    s = _S(0, len(lead), [day(lead, "Monday", date(2025, 3, 10))])
    found = lead_day(lead, [s])
    assert found is not None and found.value == date(2025, 3, 10)
    # A live blog's date header: the dash of the entry on the next line is no dateline's.
    blog = "Monday 10 March 2025\n\n09:10 - Police dispersed a march in Nairobi."
    s = _S(0, 20, [day(blog, "Monday 10 March 2025", date(2025, 3, 10))])
    found = lead_day(blog, [s])
    assert found is not None and found.value == date(2025, 3, 10)


def test_a_strike_far_later_in_the_story_does_not_date_an_undated_one(pipeline: Any) -> None:
    filler = (
        "The operation was described by the army as one of its largest in the area in a "
        "decade, with several hundred soldiers and police taking part alongside armoured "
        "vehicles, bulldozers and surveillance drones circling over the narrow streets. "
    )
    text = (
        "Army statement, Monday 10 March.\n\n"
        "At dawn, army aircraft struck a building in the centre of the camp.\n\n"
        + filler * 3
        + "\n\nOn 2 March, gunmen shot dead two guards at a checkpoint near Jericho."
    )
    events = _violent(pipeline, text, "en")
    days = {e.sub_event_type: e.event_date for e in events}
    assert days.get("Air/drone strike") == date(2025, 3, 10), days


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Tuesday 11 March 2025\n\n"
            "09:10 - Air raid sirens sounded across the north.\n\n"
            "10:30 - A reminder: on Friday 14 February, a strike on Okhtyrka had killed "
            "nine people.\n\n"
            "12:00 - At least eleven people were killed in a strike on Sumy, officials said.",
            "en",
        ),
        (
            "Mardi 11 mars 2025\n\n"
            "09h10 - Les sirènes ont retenti dans tout le nord du pays.\n\n"
            "10h30 - Pour rappel, le vendredi 14 février, une frappe sur Okhtyrka avait "
            "tué neuf personnes.\n\n"
            "12h00 - Au moins onze personnes ont été tuées par une frappe à Soumy, selon "
            "les autorités.",
            "fr",
        ),
    ],
)
def test_a_retrospective_dates_no_news_of_a_later_paragraph(
    pipeline: Any, text: str, lang: str
) -> None:
    events = _violent(pipeline, text, lang, published="2025-03-11")
    sumy = [e for e in events if e.location and e.location.name == "Sumy"]
    assert sumy, [(e.location and e.location.name, e.event_date) for e in events]
    assert {e.event_date for e in sumy} == {date(2025, 3, 11)}, [e.event_date for e in sumy]


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        (
            "Powerful explosions shook Odesa before dawn on Monday. The air force said "
            "several drones had been tracked over the port shortly before.",
            "en",
            "Air/drone strike",
        ),
        (
            "De fortes explosions ont secoué Odessa lundi avant l'aube. L'armée de l'air "
            "affirme que des missiles balistiques avaient été repérés peu avant.",
            "fr",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_an_explosion_is_what_its_paragraph_goes_on_to_name(
    pipeline: Any, text: str, lang: str, sub: str
) -> None:
    events = _violent(pipeline, text, lang)
    assert [e.sub_event_type for e in events] == [sub], [e.sub_event_type for e in events]
    # In another paragraph, the weapon names another act: the explosion stays generic.
    apart = text.replace(". ", ".\n\n", 1)
    assert sub not in {e.sub_event_type for e in _violent(pipeline, apart, lang)}


def test_a_weapon_of_another_act_types_no_explosion_before_it(pipeline: Any) -> None:
    text = (
        "Samedi, des rebelles ont bombardé des positions de l'armée près de Gao. "
        "Le même jour, un drone a frappé un camion près de Kidal."
    )
    events = _violent(pipeline, text, "fr")
    types = {e.location.name: e.sub_event_type for e in events if e.location}
    assert types.get("Gao") == "Shelling/artillery/missile attack", types


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Army statement, Monday 10 March 2025.\n\n"
            "Around 2 a.m., an army aircraft struck a building in the centre of Tubas.\n\n"
            "On 20 February, a roadside bomb hit an armoured vehicle in Tubas, wounding "
            "five soldiers.",
            "en",
        ),
        (
            "Communiqué de l'armée, lundi 10 mars 2025.\n\n"
            "Vers 2 heures du matin, un avion de l'armée a frappé un bâtiment au centre de "
            "Tubas.\n\n"
            "Le 20 février, une bombe artisanale a frappé un véhicule blindé à Tubas, "
            "blessant cinq soldats.",
            "fr",
        ),
    ],
)
def test_an_act_weeks_before_the_lead_in_another_paragraph_dates_no_news(
    pipeline: Any, text: str, lang: str
) -> None:
    events = _violent(pipeline, text, lang, published="2025-03-10")
    strike = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.event_date for e in strike] == [date(2025, 3, 10)], [
        (e.sub_event_type, e.event_date) for e in events
    ]


def test_a_reminder_weeks_old_dates_no_later_entry(pipeline: Any) -> None:
    text = (
        "Monday 10 March 2025\n\n"
        "08:30 - A reminder: on 20 February, gunmen ambushed an army patrol near Tubas, "
        "killing two soldiers.\n\n"
        "09:40 - Heavy clashes are under way between gunmen and troops in Tubas camp."
    )
    events = _violent(pipeline, text, "en", published="2025-03-10")
    days = sorted(str(e.event_date) for e in events)
    assert days == ["2025-02-20", "2025-03-10"], days


def test_a_live_blog_entry_is_dated_by_its_blog_day_not_a_later_recap(pipeline: Any) -> None:
    # The recap's day would date the entries before it if two towns of one province
    # were read as one inside the other, or if the story dated its sentences all at
    # once (the entry's sentence after its protest sees the protest dated).
    text = (
        "Saturday 10 May 2025\n"
        "14:30 - Preston: About 200 people gathered outside the town hall to protest "
        "against the closure of a factory. Some threw bottles at police officers.\n"
        "20:00 - A recap of Friday night: rioters in Bury set fire to a bus shelter."
    )
    art = Article(id="s", text=text, language="en", published="2025-05-10")
    events = pipeline.run([art])
    days = {(e.location.name if e.location else None, str(e.event_date)) for e in events}
    assert days == {("Preston", "2025-05-10"), ("Bury", "2025-05-09")}, days


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen attacked Djibo on Monday, killing five soldiers. On Wednesday, "
            "militants attacked the town again, killing three civilians.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué Djibo lundi, tuant cinq soldats. Mercredi, des "
            "assaillants ont de nouveau attaqué la localité, tuant trois civils.",
            "fr",
        ),
    ],
)
def test_the_town_told_before_places_an_act_of_another_day(
    pipeline: Any, text: str, lang: str
) -> None:
    events = _violent(pipeline, text, lang)
    assert sorted((str(e.event_date), e.location.name if e.location else None) for e in events) == [
        ("2025-03-10", "Djibo"),
        ("2025-03-12", "Djibo"),
    ]


def _doers(pipeline: Any, text: str) -> dict[str, str | None]:
    """Place name -> actor 1 id of the violent events of an English text."""
    return {
        e.location.name: e.actor1.id if e.actor1 else None
        for e in _violent(pipeline, text, "en")
        if e.location is not None
    }


def test_a_strike_with_no_doer_was_the_story_s_one_attacker(pipeline: Any) -> None:
    doers = _doers(
        pipeline,
        "Israeli jets struck the town of Tyre on Monday, killing two people. "
        "Later on Monday, a drone strike on a car killed one person near Nabatieh.",
    )
    assert set(doers.values()) == {"military-forces-isr"} and len(doers) == 2


def test_two_sides_striking_each_others_country_lend_each_strike_that_countrys_attacker(
    pipeline: Any,
) -> None:
    # Israel is the story's one attacker in Lebanon, Hezbollah its one in Israel: the
    # strike near Nabatieh (Lebanon) was Israel's. Before, any story of two attackers
    # lent none.
    two_sides = _doers(
        pipeline,
        "Israeli jets struck the town of Tyre on Monday, killing two people. "
        "Hezbollah fired rockets at Kiryat Shmona on Monday. "
        "A drone strike on a motorbike killed one person near Nabatieh on Monday.",
    )
    assert two_sides.get("Nabatîyé et Tahta") == "military-forces-isr"
    assert two_sides.get("Qiryat Shmona") == "hezbollah"
    # Told as another day's (the rockets recalled in the pluperfect), it lends none.
    earlier = _doers(
        pipeline,
        "Israeli jets struck the town of Tyre on Monday, killing two people. "
        "Hezbollah fired rockets at Kiryat Shmona on Monday. "
        "On Saturday, a drone strike on a motorbike had killed one person near Nabatieh.",
    )
    assert earlier.get("Nabatîyé et Tahta", "missing") is None


def test_a_story_of_two_attackers_two_countries_or_two_days_lends_no_doer(pipeline: Any) -> None:
    two_sides = _doers(
        pipeline,
        "Israeli jets struck the town of Tyre on Monday, killing two people. "
        "Hezbollah launched drones at Israeli troops near Kfar Kila on Monday. "
        "A drone strike on a car killed one person near Nabatieh on Monday.",
    )
    assert None in two_sides.values()  # both sides struck from the air in Lebanon: unsaid
    elsewhere = _doers(
        pipeline,
        "Russian missiles hit Kharkiv on Monday, killing two people. "
        "On Monday a drone strike killed one person in Kursk, Russian officials said.",
    )
    assert elsewhere.get("Kursk", "missing") is None
    another_day = _doers(
        pipeline,
        "Israeli jets struck the town of Tyre on Monday, killing two people. "
        "Last Wednesday, a drone strike on a car killed one person near Nabatieh.",
    )
    assert len(another_day) == 2 and None in another_day.values()


def test_of_two_sides_the_one_that_struck_in_the_strikes_kind_lends_its_doer(
    pipeline: Any,
) -> None:
    # Jets on one side, rockets on the other, both in Lebanon: a drone strike no one is
    # named for was the side that struck from the air. Before, two sides lent none.
    doers = _doers(
        pipeline,
        "Israeli jets struck the town of Tyre on Monday, killing two people. "
        "Hezbollah fired rockets at Israeli troops near Kfar Kila on Monday. "
        "A drone strike on a car killed one person near Nabatieh on Monday.",
    )
    assert doers.get("Nabatîyé et Tahta") == "military-forces-isr"
    assert doers.get("Kfar Kila") == "hezbollah"


def test_places_also_targeted_after_a_strike_named_by_its_doer_are_strikes(
    pipeline: Any,
) -> None:
    """«Une frappe israélienne ... Nabatieh et Baalbek ont aussi été visées»: the strike
    word is typed only by its default when the story reads it, and still tells the kind
    of the next sentence's acts (one per place), not an armed clash to drop."""
    text = (
        "Une frappe israélienne a tué trois personnes lundi à Tyr. "
        "Nabatieh et Baalbek ont aussi été visées."
    )
    events = _violent(pipeline, text, "fr")
    assert sorted((e.location.name, e.sub_event_type) for e in events if e.location) == [
        ("Baalbek", "Air/drone strike"),
        ("Nabatîyé et Tahta", "Air/drone strike"),
        ("Tyre", "Air/drone strike"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Des hommes armés ont attaqué un poste de police samedi soir à Kindia. "
            "La gendarmerie a annoncé avoir arrêté dimanche trois hommes soupçonnés "
            "d'être les auteurs de l'attaque.",
            "fr",
        ),
        (
            "Gunmen attacked a police post in Kindia on Saturday night. "
            "Police said on Sunday they had arrested three men suspected of the attack.",
            "en",
        ),
    ],
)
def test_an_arrest_of_the_suspects_of_an_act_told_is_placed_near_it(
    pipeline: Any, text: str, lang: str
) -> None:
    # The arrest names no place; the act its suspects are accused of does: near there.
    arrests = [
        e
        for e in pipeline.run([Article(id="s", text=text, language=lang, published="2025-03-12")])
        if e.sub_event_type == "Arrests"
    ]
    assert len(arrests) == 1
    loc = arrests[0].location
    assert loc is not None and loc.name == "Kindia" and loc.geo_precision == 2
    # Without the accusation that ties it to the act, an unplaced arrest stays no event.
    alone = (
        text.split(". ")[0]
        + ". "
        + (
            "La gendarmerie a annoncé avoir arrêté dimanche trois hommes."
            if lang == "fr"
            else "Police said on Sunday they had arrested three men."
        )
    )
    art = Article(id="t", text=alone, language=lang, published="2025-03-12")
    assert "Arrests" not in {e.sub_event_type for e in pipeline.run([art])}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "La ville de Saraqeb a été ciblée mardi, tandis que des frappes atteignaient "
            "les environs d'Ariha.",
            "fr",
        ),
        (
            "Des frappes ont touché mardi les environs d'Ariha, et la ville de Saraqeb a "
            "elle aussi été ciblée.",
            "fr",
        ),
        ("Saraqib was targeted on Tuesday, while strikes hit the outskirts of Ariha.", "en"),
    ],
)
def test_a_place_targeted_beside_strikes_in_one_sentence_was_struck_too(
    pipeline: Any, text: str, lang: str
) -> None:
    """An unspecific verb that shares its sentence and day with strikes told at another
    place tells one more strike there (either clause first), not a bare clash to drop."""
    events = _violent(pipeline, text, lang)
    got = sorted((e.location.iso3, e.sub_event_type) for e in events if e.location)
    assert got == [("SYR", "Air/drone strike")] * 2, [(e.location, e.notes) for e in events]
    assert len({e.location.gazetteer_id for e in events if e.location}) == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen stormed a hotel in Kismayo on Monday, killing nine people. It was the"
            " worst raid on the port city since March, when a truck bomb killed 20 people"
            " near the harbour.",
            "en",
        ),
    ],
)
def test_a_weapon_in_a_comments_when_clause_types_not_the_act_told(
    pipeline: Any, text: str, lang: str
) -> None:
    # "It was the worst raid since March, when a truck bomb killed 20": the truck bomb
    # is March's; the storming told before stays an attack by gunmen.
    (event,) = _violent(pipeline, text, lang)
    assert event.sub_event_type == "Attack" and event.weapon != "truck bomb"
    assert event.fatalities == 9


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des inconnus armés ont attaqué mardi soir un poste de gendarmerie à Sebba. "
            "Sept gendarmes ont péri, d'après une source sécuritaire. Le gouvernement "
            "a fait état de cinq morts dans un communiqué publié mercredi.",
            "fr",
        ),
        (
            "Gunmen attacked a police post in Sebba late on Tuesday, killing seven "
            "officers, a security source said. The government put the toll at five in a "
            "statement released on Wednesday.",
            "en",
        ),
    ],
)
def test_an_authoritys_later_statement_is_a_source_of_the_same_act(
    pipeline: Any, text: str, language: str
) -> None:
    """The day the statement was released dates the statement, not the act: its toll
    counts the act told before (one event, the lowest toll kept), not another one."""
    events = pipeline.run([Article(id="t", text=text, language=language, published="2024-05-08")])
    assert [(e.event_date.isoformat(), e.fatalities) for e in events] == [("2024-05-07", 5)]


def test_a_live_blog_entrys_heading_is_the_act_its_body_dates(pipeline: Any) -> None:
    """A heading line under its time label, then its body: the body dates the act
    ("mardi"), and the heading (undated) is that act, not one of the day it was posted."""
    text = (
        "EN DIRECT - Guerre au Soudan\n\n"
        "09h12 - Au moins 20 civils tués dans des bombardements sur El-Fasher\n\n"
        "Au moins 20 civils ont été tués mardi dans des bombardements sur des quartiers "
        "résidentiels d'El-Fasher, selon un comité local.\n\n"
        "14h05 - Manifestation à Port-Soudan\n\n"
        "Quelques centaines d'habitants ont manifesté mardi à Port-Soudan pour réclamer "
        "la fin de la guerre.\n\n"
        "16h30 - Des frappes signalées à Kassala\n\n"
        "Des frappes de drones ont visé l'aéroport de Kassala, selon des habitants."
    )
    events = pipeline.run([Article(id="t", text=text, language="fr", published="2024-05-08")])
    days = sorted((e.location.name if e.location else "", e.event_date.isoformat()) for e in events)
    assert ("El Fasher", "2024-05-07") in days and ("Port Sudan", "2024-05-07") in days
    assert len([d for d in days if d[0] in ("El Fasher", "Port Sudan")]) == 2


def test_an_anaphor_listing_towns_of_the_area_struck_tells_a_strike_at_each(pipeline: Any) -> None:
    # "The strikes hit X, Y and Z" after "struck positions across <country>": the act
    # told before, at each town (it had refined the first event to X and lost Y and Z).
    events = _violent(
        pipeline,
        "US aircraft struck militant positions across Somalia overnight, the army said "
        "on Tuesday. The strikes hit Jilib, Kismayo and Afgooye, a militant spokesman said.",
        "en",
    )
    got = {
        (e.location.name, e.sub_event_type, e.actor1.id if e.actor1 else None)
        for e in events
        if e.location
    }
    assert got == {
        (town, "Air/drone strike", "military-forces-usa")
        for town in ("Jilib", "Kismayo", "Afgooye")
    }
    # One town only: still the one act told before (the list rule needs two towns).
    one = _violent(
        pipeline,
        "US aircraft struck militant positions across Somalia overnight, the army said "
        "on Tuesday. The strikes hit Jilib, a militant spokesman said.",
        "en",
    )
    assert len(one) == 1


def test_strikes_typed_only_by_their_word_take_the_story_s_doer_but_a_claimed_act_not(
    pipeline: Any,
) -> None:
    events = _violent(
        pipeline,
        "L'aviation russe a mené mardi des frappes dans la province d'Idleb, selon des "
        "secouristes. Les frappes ont visé les localités de Sarmada, Binnish et Taftanaz. "
        "Le groupe a affirmé avoir tiré des roquettes sur une base à Lattaquié en riposte.",
        "fr",
    )
    doers = {e.location.name: e.actor1.id if e.actor1 else None for e in events if e.location}
    assert doers == {
        "Sarmada": "military-forces-rus",
        "Binnish": "military-forces-rus",
        "Taftanāz": "military-forces-rus",
        "Latakia": None,  # «le groupe» claims it: not Russia's, whoever the group is
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Israeli jets struck southern Lebanon on Tuesday in Marjayoun, where three "
            "people were killed, and in Bint Jbeil.",
            "en",
        ),
        (
            "Des frappes israéliennes ont visé mardi le sud du Liban à Marjayoun, où trois "
            "personnes ont été tuées, et à Bint Jbeil.",
            "fr",
        ),
    ],
)
def test_a_list_of_places_goes_on_past_a_relative_clause_that_holds_the_first_ones_toll(
    pipeline: Any, text: str, language: str
) -> None:
    # "in X, where three were killed, and in Y": the parser hangs Y on the relative
    # clause's verb; Y is the list's next place, and the toll is X's alone.
    events = _violent(pipeline, text, language)
    got = sorted((e.location.name, e.fatalities) for e in events if e.location)
    assert got == [("Bent Jbaïl", None), ("Marjayoun", 3)]


@pytest.mark.parametrize(
    ("second", "doer"),
    [
        # a subject of its own, unnamed: the story's doer is not lent
        ("Unknown assailants shelled Nabatieh later that day.", None),
        # the weapon as subject names no doer: lent
        ("A second missile struck Nabatieh later that day.", "military-forces-isr"),
        ("Nabatieh was shelled later that day.", "military-forces-isr"),
    ],
)
def test_a_strike_with_an_unnamed_subject_of_its_own_takes_no_story_doer(
    pipeline: Any, second: str, doer: str | None
) -> None:
    events = _violent(
        pipeline, f"Israeli jets struck Tyre on Monday, the army said. {second}", "en"
    )
    doers = {e.location.name: e.actor1.id if e.actor1 else None for e in events if e.location}
    assert doers["Nabatîyé et Tahta"] == doer


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen attacked an army post in Djibo on Saturday. The army said in a statement"
            " on Sunday that the attack had been repelled. On the same day, gunmen abducted"
            " ten traders near Arbinda.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué samedi un poste de l'armée à Djibo. L'armée a"
            " indiqué dans un communiqué dimanche avoir repoussé l'attaque. Le même jour, des"
            " hommes armés ont enlevé dix commerçants près d'Arbinda.",
            "fr",
        ),
    ],
)
def test_the_same_day_is_the_acts_day_not_the_statements(
    pipeline: Any, text: str, lang: str
) -> None:
    # "in a statement on Sunday" dates the statement: "the same day" is Saturday's.
    events = _violent(pipeline, text, lang)
    days = {e.sub_event_type: e.event_date for e in events}
    assert days.get("Abduction/forced disappearance") == date(2025, 3, 8), days


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Israeli troops raided the Jenin camp on Monday. They arrested six young men in"
            " the camp, the agency said.",
            "en",
        ),
        (
            "اقتحمت قوات الاحتلال مخيم جنين يوم الاثنين. وأضافت الوكالة أن القوات اعتقلت ستة"
            " شبان من المخيم.",
            "ar",
        ),
    ],
)
def test_arrests_in_the_camp_told_before_are_coded_there(
    pipeline: Any, text: str, lang: str
) -> None:
    # "the camp", «المخيم»: a definite place noun pointing back to the camp named before.
    art = Article(id="s", text=text, language=lang, published="2025-03-12")
    arrests = [e for e in pipeline.run([art]) if e.sub_event_type == "Arrests"]
    assert [e.location and e.location.name for e in arrests] == ["Jenin camp"]


def test_arrests_in_a_camp_no_sentence_named_are_not_coded(pipeline: Any) -> None:
    art = Article(
        id="s", text="Troops arrested six young men in the camp on Monday.", language="en"
    )
    assert [e for e in pipeline.run([art]) if e.sub_event_type == "Arrests"] == []


def test_the_hit_sides_own_act_after_a_bombing_is_not_one_more_bombing(pipeline: Any) -> None:
    # The troops the bomb hit then act themselves: their sweep is no roadside bomb.
    text = (
        "Four soldiers were killed on Tuesday when a roadside bomb hit their patrol near"
        " Kidal, the Malian army said. It said troops later swept the area, killing seven"
        " militants."
    )
    art = Article(id="s", text=text, language="en", published="2024-03-13")
    types = sorted(str(e.sub_event_type) for e in pipeline.run([art]))
    assert types == ["Armed clash", "Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "lang", "told"),
    [
        # A side telling its own act: the pluperfect follows the telling (news).
        ("The army said its jets had struck rebel depots near Gao, killing twelve.", "en", 1),
        (
            "L'armée a indiqué que ses avions avaient frappé des dépôts rebelles près de "
            "Gao, tuant douze combattants.",
            "fr",
            1,
        ),
        # The telling itself in the pluperfect: background as a whole.
        ("The army had said last month that its jets had struck rebel depots near Gao.", "en", 0),
    ],
)
def test_a_sides_own_act_told_in_the_pluperfect_of_reported_speech_is_news(
    pipeline: Any, text: str, lang: str, told: int
) -> None:
    assert len(_violent(pipeline, text, lang)) == told


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "À Thiès, les gendarmes ont dispersé des dizaines de jeunes qui avaient "
            "érigé des barricades sur la route nationale.",
            "fr",
        ),
        (
            "In Kisumu, police dispersed dozens of youths who had set tyres ablaze on the "
            "main road.",
            "en",
        ),
    ],
)
def test_a_relative_clause_in_the_pluperfect_under_news_is_news(
    pipeline: Any, text: str, lang: str
) -> None:
    # What the youths had done just before the forces dispersed them: the clause above
    # is told in the news's tense, so the act is no background (no day of its own).
    art = Article(id="r", text=text, language=lang, published=date(2025, 3, 12))
    assert [e.sub_event_type for e in pipeline.process_article(art).events] == [
        "Violent demonstration"
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("JNIM fighters shelled Ménaka on Monday, killing 12 civilians. The Malian army said"
         " its aircraft had bombed JNIM positions.", "en"),
        ("Le JNIM a bombardé Ménaka lundi, tuant 12 civils. L'armée malienne a affirmé"
         " que ses avions avaient frappé des positions du JNIM.", "fr"),
        ("قصفت جماعة نصرة الإسلام والمسلمين مدينة ميناكا في مالي يوم الاثنين ما أسفر عن مقتل"
         " 12 مدنيا. وأعلن الجيش المالي أن طائراته قصفت مواقع لجماعة نصرة الإسلام والمسلمين.",
         "ar"),
    ],
)  # fmt: skip
def test_a_sides_own_strike_on_the_doer_of_the_act_before_is_its_answer(
    pipeline: Any, text: str, lang: str
) -> None:
    # The army names its own act, of another kind, on the group that shelled the town:
    # not the shelling told again, but the answer to it, on the story's day and place.
    events = sorted(_violent(pipeline, text, lang), key=lambda e: e.sub_event_type)
    assert [e.sub_event_type for e in events] == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]
    strike, shelling = events
    assert shelling.fatalities == 12 and strike.fatalities is None
    assert strike.claim.status == "claimed" and strike.event_date == shelling.event_date
    assert strike.actor1 is not None and "Mali" in strike.actor1.name


def test_the_army_telling_what_it_did_in_the_same_fight_is_that_fight(pipeline: Any) -> None:
    # "killed five of the assailants": no act of another kind, the same clash.
    text = (
        "Militants attacked a checkpoint in Ménaka on Monday, killing three soldiers. "
        "The army said it had killed five of the assailants."
    )
    assert len(_violent(pipeline, text, "en")) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Des jihadistes ont attaqué dimanche un poste de l'armée près de Ménaka, tuant huit"
         " soldats. Le groupe État islamique au Sahel a revendiqué l'attaque lundi.", "fr"),
        ("Jihadists attacked an army post near Ménaka on Sunday, killing eight soldiers. The"
         " Islamic State in the Sahel group claimed the attack on Monday.", "en"),
    ],
)  # fmt: skip
def test_the_area_a_claimant_group_is_named_after_is_no_place_of_the_attack(
    pipeline: Any, text: str, lang: str
) -> None:
    # "the Sahel" of the group's name would have placed its claim elsewhere: the claim
    # is the attack's, at Ménaka, and names its doer.
    events = _violent(pipeline, text, lang)
    assert len(events) == 1
    ev = events[0]
    assert ev.location is not None and ev.location.iso3 == "MLI"
    assert ev.actor1 is not None and "Sahel" in ev.actor1.name
    assert ev.claim.status == "claimed"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("في 24 نوفمبر الماضي وأثناء صلاة الجمعة، اقتحم مسلحون مسجدا في قرية قرب العريش في"
         " مصر، ما أسفر عن مقتل 20 شخصا.", "ar"),
        ("On November 24, during Friday prayers, gunmen stormed a mosque near Arish in Egypt,"
         " killing 20 people.", "en"),
        ("Le 24 novembre, pendant la prière du vendredi, des jihadistes ont pris pour cible une"
         " mosquée près d'El-Arich, en Égypte, tuant 20 personnes.", "fr"),
    ],
)  # fmt: skip
def test_a_weekday_the_sentences_calendar_date_falls_on_names_that_date(
    pipeline: Any, text: str, lang: str
) -> None:
    # 24 November 2017 was a Friday: the Friday of the prayer is that day, not the
    # Friday before the publication, though it stands nearer the act.
    events = _violent(pipeline, text, lang, published="2018-02-11")
    assert [e.event_date for e in events] == [date(2017, 11, 24)]


def test_a_weekday_another_day_than_the_calendar_date_is_still_read(pipeline: Any) -> None:
    # 23 November 2017 was a Thursday: "on Friday" is another day, the act's own.
    text = (
        "On Friday, gunmen stormed a mosque near Arish in Egypt, killing 20 people, a"
        " week after a raid on the town on November 23."
    )
    events = _violent(pipeline, text, "en", published="2018-02-11")
    assert date(2018, 2, 9) in [e.event_date for e in events]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A suicide bomber killed nine people at a tea shop in the Somali capital on Sunday. The"
         " attack came a day after drone strikes killed 30 fighters in the Middle Shabelle"
         " region.",
         "en"),
        ("Un kamikaze a tué neuf personnes dans un salon de thé de la capitale somalienne"
         " dimanche. L'attaque intervient au lendemain de frappes de drones qui ont tué 30"
         " combattants dans la région du Moyen-Shabelle.", "fr"),
    ],
)  # fmt: skip
def test_what_follows_the_verb_setting_an_act_in_sequence_is_the_other_acts(
    pipeline: Any, text: str, lang: str
) -> None:
    # "The attack came a day after ...": the attack is the bombing; the drone strikes,
    # their dead and their region are the earlier act's, none of them the bombing's.
    events = _violent(pipeline, text, lang, published="2024-06-10")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Suicide bomb", 9)]
    loc = events[0].location
    assert loc is not None and loc.iso3 == "SOM"
    assert "Shabe" not in f"{loc.name} {loc.admin1}"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Des jihadistes ont attaqué dimanche un convoi militaire près de Ménaka. Le JNIM a"
         " revendiqué l'attaque lundi. La veille, un engin explosif avait détruit un véhicule"
         " de la gendarmerie près de Gao.", "fr"),
        ("Jihadists attacked a military convoy near Ménaka on Sunday. JNIM claimed"
         " responsibility for the attack on Monday. The day before, a roadside bomb had"
         " destroyed a police vehicle near Gao.", "en"),
    ],
)  # fmt: skip
def test_the_day_a_claim_was_made_anchors_no_day_before(
    pipeline: Any, text: str, lang: str
) -> None:
    # "The day before" is Saturday, the eve of the attack, not Sunday, the eve of its claim.
    events = _violent(pipeline, text, lang, published="2024-05-14")
    by_type = {e.sub_event_type: e.event_date for e in events}
    assert by_type["Remote explosive/landmine/IED"] == date(2024, 5, 11)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A roadside bomb killed four soldiers near Deir ez-Zor on Monday. Later that day,"
         " Turkish artillery shelled villages near Manbij.", "en"),
        ("قتل أربعة جنود بانفجار عبوة ناسفة قرب دير الزور يوم الاثنين. وقصفت المدفعية التركية"
         " قرى قرب منبج في سوريا يوم الاثنين.", "ar"),
    ],
)  # fmt: skip
def test_a_planted_bomb_takes_no_doer_from_the_storys_strikes(
    pipeline: Any, text: str, lang: str
) -> None:
    # The story's only named striker shelled from afar; the bomb's layer is not named.
    events = {e.sub_event_type: e for e in _violent(pipeline, text, lang)}
    assert events["Remote explosive/landmine/IED"].actor1 is None
    shelling = events["Shelling/artillery/missile attack"].actor1
    assert shelling is not None and "Turkey" in shelling.name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Warplanes bombed Rayak on Tuesday, killing three people. "
            "Several homes were flattened in Zahle, rescuers said.",
            "en",
        ),
        (
            "Warplanes bombed Rayak on Tuesday, killing three people. "
            "A school was destroyed in Zahle.",
            "en",
        ),
        (
            "Des avions ont bombardé Rayak mardi, tuant trois personnes. "
            "Un immeuble a été détruit à Zahlé, selon la défense civile.",
            "fr",
        ),
        (
            "Des avions ont bombardé Rayak mardi, tuant trois personnes. "
            "À Zahlé, deux maisons ont été soufflées.",
            "fr",
        ),
    ],
)
def test_a_ruin_told_without_its_cause_is_one_more_strike_of_the_story(
    pipeline: Any, text: str, language: str
) -> None:
    # A passive of ruin with no agent, on a building in a named place, in a story of
    # strikes of the same day: the strike's effect there, typed as the story's strike.
    events = _violent(pipeline, text, language)
    by_place = {e.location.name: e for e in events if e.location}
    assert set(by_place) == {"Rayak", "Zahlé"}, [e.notes for e in events]
    assert by_place["Zahlé"].sub_event_type == "Air/drone strike"
    assert by_place["Zahlé"].event_date == date(2025, 3, 11)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # no strike told: a ruin alone is no act
        ("Several homes were flattened in Zahle, rescuers said.", "en"),
        ("Un immeuble a été détruit à Zahlé, selon la défense civile.", "fr"),
        # a clash, not a strike, before it: its type is not lent
        (
            "Rebels and soldiers clashed near Rayak on Tuesday. A school was destroyed in Zahle.",
            "en",
        ),
        # the agent is told: the militia's act, not the strike's effect
        (
            "Warplanes bombed Rayak on Tuesday, killing three people. "
            "Several homes were destroyed in Zahle by the militia.",
            "en",
        ),
    ],
)
def test_a_ruin_with_no_strike_of_its_story_is_no_strike(
    pipeline: Any, text: str, language: str
) -> None:
    events = _violent(pipeline, text, language)
    assert not [
        e
        for e in events
        if e.location and e.location.name == "Zahlé" and e.sub_event_type == "Air/drone strike"
    ], [(e.sub_event_type, e.location.name if e.location else None) for e in events]
    if "Rayak" not in text:
        assert events == []
