"""Deduplication: structured evidence merges mentions; conflicts keep both values."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille import dedup
from veille.dedup.assemble import _best_location
from veille.geodesy import distance_km
from veille.model import (
    Actor,
    Article,
    Claim,
    Event,
    Location,
    Mention,
    MentionValues,
    Plover,
    Source,
)

IRI = Actor(name="Islamic Resistance in Iraq", id="iri", kind="political_militia", inter=3)
USA = Actor(name="Military Forces of the United States", id="usa", kind="state_forces", inter=8)
OMAR = Location(
    name="al-Omar oil field",
    admin1="Dayr az Zawr",
    country="Syria",
    iso3="SYR",
    lat=35.03,
    lon=40.55,
    geo_precision=1,
    gazetteer_id="site:omar",
)
CONOCO = Location(
    name="Conoco gas field",
    admin1="Dayr az Zawr",
    country="Syria",
    iso3="SYR",
    lat=35.33,
    lon=40.3,
    geo_precision=1,
    gazetteer_id="site:conoco",
)
DEZ = Location(
    name="Dayr az Zawr",
    admin1="Dayr az Zawr",
    country="Syria",
    iso3="SYR",
    lat=35.0,
    lon=40.2,
    geo_precision=3,
    gazetteer_id="geonames:170792",
)


def ev(
    article: str,
    start: int,
    *,
    sub: str = "Air/drone strike",
    day: int | None = 5,
    loc: Location | None = OMAR,
    a1: Actor | None = IRI,
    generic: bool = False,
    toll: int | None = None,
    source: str | None = None,
    lang: str = "fr",
) -> Event:
    d = date(2024, 2, day) if day else None
    sid = source or article
    m = Mention(
        article_id=article,
        source_id=sid,
        language=lang,
        start=start,
        end=start + 10,
        text="x" * 10,
        values=MentionValues(
            event_date=d,
            date_precision="day" if d else None,
            sub_event_type=None if generic else sub,
            generic=generic,
            location_id=loc.gazetteer_id if loc else None,
            fatalities=toll,
            claim_status="reported",
        ),
    )
    return Event(
        event_id="",
        event_date=d,
        date_precision="day" if d else None,
        event_type="Explosions/Remote violence",
        sub_event_type=sub,
        plover=Plover(event_type="ASSAULT"),
        actor1=a1,
        actor2=USA,
        claim=Claim(status="reported"),
        fatalities=toll,
        location=loc,
        mentions=[m],
        sources=[Source(source_id=sid, article_id=article, language=lang)],
    )


def test_same_event_across_articles_and_languages_merges_with_toll_conflict() -> None:
    fr = ev("a-fr", 100, toll=3)
    ar = ev("b-ar", 40, toll=5, lang="ar")
    out = dedup.finalize(dedup.cluster([fr, ar]))
    assert len(out) == 1
    e = out[0]
    assert {s.article_id for s in e.sources} == {"a-fr", "b-ar"}
    assert e.fatalities == 3  # ACLED: lowest reported figure
    toll = next(c for c in e.conflicts if c.field == "fatalities")
    assert toll.values == ["3", "5"] and set(toll.sources) == {"a-fr", "b-ar"}


def test_hard_negatives_stay_apart() -> None:
    base = ev("a", 0)
    assert dedup.match_score(base, ev("b", 0, day=7)) == 0  # same place, two days later
    assert dedup.match_score(base, ev("b", 0, loc=CONOCO)) == 0  # same day, another site
    assert dedup.match_score(base, ev("b", 0, sub="Shelling/artillery/missile attack")) == 0
    other = Actor(name="Hezbollah", id="hzb", kind="political_militia")
    assert dedup.match_score(base, ev("b", 0, a1=other)) == 0


def test_across_articles_a_place_and_a_date_are_required() -> None:
    assert dedup.match_score(ev("a", 0), ev("b", 0, loc=None)) == 0
    assert dedup.match_score(ev("a", 0), ev("b", 0, day=None)) == 0
    assert dedup.match_score(ev("a", 0), ev("a", 20, day=None), same_article=True) > 0


def test_province_mention_nests_under_site_and_generic_takes_the_specific_type() -> None:
    site = ev("a", 0, sub="Shelling/artillery/missile attack", loc=CONOCO, generic=True, day=3)
    province = ev("a", 30, sub="Shelling/artillery/missile attack", loc=DEZ, day=None, a1=None)
    out = dedup.finalize(dedup.cluster([site, province], same_article=True))
    assert len(out) == 1
    assert out[0].location == CONOCO
    assert out[0].event_date == date(2024, 2, 3)


def test_post_date_may_differ_by_a_day_and_is_recorded() -> None:
    article = ev("a", 0, day=5)
    post = ev("a", 500, day=4, source="a#post-1", lang="ar", generic=True)
    post.mentions[0].values.date_from_post = True
    out = dedup.finalize(dedup.cluster([article, post], same_article=True))
    assert len(out) == 1
    assert out[0].event_date == date(2024, 2, 5)
    c = next(c for c in out[0].conflicts if c.field == "event_date")
    assert c.values == ["2024-02-05", "2024-02-04"] and c.sources == ["a", "a#post-1"]


def test_ids_are_stable_whatever_the_order() -> None:
    a, b, c = ev("a", 0), ev("b", 0), ev("c", 0, loc=CONOCO)
    one = {e.event_id for e in dedup.finalize(dedup.cluster([a, b, c]))}
    two = {e.event_id for e in dedup.finalize(dedup.cluster([c, b, a]))}
    assert one == two and len(one) == 2


def test_blocking_keys_cover_the_date_window() -> None:
    e = ev("a", 0, day=5)  # Monday 2024-02-05: the window reaches Sunday of the previous ISO week
    weeks = {k[2] for k in dedup.neighbour_keys(e)}
    assert weeks == {"2024-W05", "2024-W06"}
    assert dedup.candidate_key(e) == ("SYR", "armed", "2024-W06")


# ---------------------------------------------------------------------------
# One policy, whatever the order


_ACTORS = [None, IRI, Actor(name="Hezbollah", id="hzb", kind="political_militia")]
_PLACES = [OMAR, CONOCO, DEZ]
_SUBS = ["Air/drone strike", "Armed clash", "Shelling/artillery/missile attack"]
_reports = st.lists(
    st.tuples(
        st.sampled_from(range(3)),  # place
        st.sampled_from([4, 5, 6]),  # day
        st.sampled_from(range(3)),  # sub-event type
        st.sampled_from(range(3)),  # actor1
        st.booleans(),  # generic wording
        st.sampled_from([None, "night", "evening"]),
    ),
    min_size=1,
    max_size=24,
)


def _per_article_events(reports: list[tuple[int, int, int, int, bool, str | None]]) -> list[Event]:
    out = []
    for k, (place, day, sub, actor, generic, tod) in enumerate(reports):
        e = ev(f"art-{k:02d}", 10 * k, loc=_PLACES[place], day=day, sub=_SUBS[sub])
        e = e.model_copy(update={"actor1": _ACTORS[actor], "time_of_day": tod})
        e.mentions[0].values.generic = generic
        out.extend(dedup.finalize([e]))  # per-article events carry their stable id
    return out


@settings(max_examples=150, deadline=None)
@given(reports=_reports, order=st.randoms(use_true_random=False))
def test_the_same_mentions_give_the_same_events_whatever_their_order(
    reports: list[tuple[int, int, int, int, bool, str | None]], order: random.Random
) -> None:
    events = _per_article_events(reports)
    shuffled = list(events)
    order.shuffle(shuffled)
    policy = dedup.Deduplicator()
    first = [e.model_dump() for e in policy.across_articles(events)]
    assert [e.model_dump() for e in policy.across_articles(shuffled)] == first
    # and the Spark job's blocked version of the same policy agrees
    from veille.dedup.blocked import dedup_blocked

    assert [e.model_dump() for e in dedup_blocked(shuffled)] == first
    # every mention ends up in exactly one event
    keys = sorted(m.key() for e in policy.across_articles(events) for m in e.mentions)
    assert keys == sorted(m.key() for e in events for m in e.mentions)


def test_a_component_whose_events_disagree_still_splits() -> None:
    """Two actors linked through a report naming neither stay two events, and which
    of them the neutral report joins does not depend on the order."""
    hzb = _ACTORS[2]
    a, b, c = ev("a", 0, a1=IRI), ev("b", 0, a1=None), ev("c", 0, a1=hzb)
    parts = [e for x in (a, b, c) for e in dedup.finalize([x])]
    policy = dedup.Deduplicator()
    assert len(policy.components(parts)) == 1
    out = policy.across_articles(parts)
    assert len(out) == 2
    assert [e.model_dump() for e in policy.across_articles(parts[::-1])] == [
        e.model_dump() for e in out
    ]


def test_the_finer_feature_wins_between_equally_precise_geonames_places() -> None:
    """GeoNames ids all start with "geonames:"; the tie-break must read the place kind."""
    state = Location(
        name="Dayr az Zawr Governorate",
        admin1="Dayr az Zawr Governorate",
        country="Syria",
        iso3="SYR",
        lat=35.0,
        lon=40.2,
        geo_precision=2,
        gazetteer_id="geonames:170793",
    )
    city = state.model_copy(
        update={"name": "Dayr az Zawr", "lat": 35.33, "lon": 40.14, "gazetteer_id": "geonames:1"}
    )
    country = state.model_copy(
        update={"name": "Syria", "admin1": None, "gazetteer_id": "geonames:163843"}
    )
    assert _best_location([state, city, country]) == city
    assert _best_location([country, state]) == state
    site = city.model_copy(update={"name": "al-Omar oil field", "gazetteer_id": "site:omar"})
    assert _best_location([city, site]) == site


def test_one_great_circle_distance_everywhere() -> None:
    from veille.eval import gold
    from veille.geo import _resolve

    assert _resolve._haversine_km is distance_km
    assert gold.distance_km is distance_km and dedup.distance_km is distance_km
    assert abs(distance_km(48.8566, 2.3522, 51.5074, -0.1278) - 343.6) < 0.5  # Paris-London


# ---------------------------------------------------------------------------
# Blocked dedup (what the Spark job runs per block) against the local dedup, without
# Spark: many duplicates, many week boundaries.


def _spark_event(rng: random.Random, k: int) -> Event:
    places = [
        ("Djibo", "BFA", "g:djibo", 14.10, -1.63),
        ("Arbinda", "BFA", "g:arbinda", 14.23, -0.87),
        ("Gao", "MLI", "g:gao", 16.27, -0.04),
    ]
    name, iso3, gid, lat, lon = rng.choice(places)
    day = date(2024, 3, 1) + timedelta(days=rng.randrange(28))  # four ISO weeks
    sub = rng.choice(["Armed clash", "Attack", "Remote explosive/landmine/IED"])
    article = f"art-{k:04d}"
    mention = Mention(
        article_id=article,
        source_id=article,
        language="fr",
        start=0,
        end=20,
        text="x" * 20,
        values=MentionValues(
            event_date=day,
            date_precision="day",
            sub_event_type=sub,
            location_name=name,
            location_id=gid,
            iso3=iso3,
        ),
    )
    from veille.extract.taxonomy import SUB_EVENT_TYPES

    info = SUB_EVENT_TYPES[sub]
    return Event(
        event_id=f"ev-{k:04d}",
        event_date=day,
        date_precision="day",
        event_type=info.event_type,
        sub_event_type=sub,
        plover=Plover(event_type=info.plover),
        location=Location(
            name=name, iso3=iso3, gazetteer_id=gid, lat=lat, lon=lon, geo_precision=1
        ),
        mentions=[mention],
        sources=[Source(source_id=article, article_id=article)],
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocked_dedup_equals_local_dedup(seed: int) -> None:
    from veille.dedup.blocked import dedup_blocked
    from veille.pipeline import Pipeline

    rng = random.Random(seed)
    events = [_spark_event(rng, k) for k in range(400)]
    local = Pipeline().deduplicate(events)
    blocked = dedup_blocked(events)
    assert len(local) < 0.7 * len(events)  # the corpus does exercise merging
    assert [e.model_dump() for e in blocked] == [e.model_dump() for e in local]
    # every per-article event ends up in exactly one output event
    keys = [m.key() for e in blocked for m in e.mentions]
    assert sorted(keys) == sorted(m.key() for e in events for m in e.mentions)


def test_an_unstated_type_is_an_attack_when_any_mention_says_civilians_were_hit() -> None:
    # "Gunmen attacked the village" (a clash by default) and "killing five villagers"
    # (civilians its target): no word states the type; the civilians decide it.
    clash = ev("a", 0, sub="Armed clash", generic=True, a1=None)
    on_civilians = ev("a", 60, sub="Attack", generic=True, a1=None)
    merged = dedup.merge(clash, on_civilians)
    assert merged.sub_event_type == "Attack"
    assert dedup.merge(
        clash, ev("a", 60, sub="Armed clash", generic=True, a1=None)
    ).sub_event_type == ("Armed clash")
    # A stated type still wins over any default.
    stated = ev("a", 120, sub="Armed clash", a1=None)
    assert dedup.merge(on_civilians, stated).sub_event_type == "Armed clash"


def test_an_anaphor_joins_the_event_told_before_whatever_actors_its_sentence_names() -> None:
    told = ev("a", 0, sub="Air/drone strike")
    other = Actor(name="Hezbollah", id="hzb", kind="political_militia")
    again = _anaphor(ev("a", 80, sub="Air/drone strike", a1=other))
    out = dedup.cluster([told, again], same_article=True)
    assert len(out) == 1 and out[0].actor1 == IRI
    # Not an anaphor: another doer is another event.
    assert (
        len(dedup.cluster([told, ev("a", 80, sub="Air/drone strike", a1=other)], same_article=True))
        == 2
    )


def test_an_attack_on_a_side_and_that_side_s_strikes_in_response_stay_two() -> None:
    # "Soldiers were killed when gunmen attacked their post" (the army its target) and
    # "the air force struck back" (the army its doer): one place, one day, two events.
    attacked = ev("a", 0, sub="Armed clash", generic=True, a1=None)  # actor2: USA
    response = ev("a", 60, sub="Air/drone strike", a1=USA).model_copy(update={"actor2": None})
    assert dedup.match_score(attacked, response, same_article=True) == 0
    assert len(dedup.cluster([attacked, response], same_article=True)) == 2
    # Two sides of a clash named in either order are still one clash.
    hzb = Actor(name="Hezbollah", id="hzb", kind="political_militia")
    one = ev("a", 0, sub="Armed clash", a1=hzb)  # Hezbollah against USA
    swapped_generic = ev("a", 60, sub="Armed clash", generic=True, a1=None).model_copy(
        update={"actor2": hzb}
    )
    one_sided = one.model_copy(update={"actor2": None})
    assert dedup.match_score(one_sided, swapped_generic, same_article=True) > 0


def test_a_demonstration_and_its_dispersal_told_next_are_one_demonstration() -> None:
    peaceful = ev("a", 0, sub="Peaceful protest", a1=None)
    dispersed = ev("a", 30, sub="Protest with intervention", a1=None)
    out = dedup.finalize(dedup.cluster([peaceful, dispersed], same_article=True))
    assert [e.sub_event_type for e in out] == ["Protest with intervention"]
    # Far apart in the text, or across articles, they stay two tellings.
    far = ev("a", 900, sub="Protest with intervention", a1=None)
    assert len(dedup.cluster([peaceful, far], same_article=True)) == 2
    assert dedup.match_score(peaceful, ev("b", 30, sub="Protest with intervention", a1=None)) == 0
    # A violent demonstration is the crowd's violence, another kind of event.
    rioting = ev("a", 30, sub="Violent demonstration", a1=None)
    assert len(dedup.cluster([peaceful, rioting], same_article=True)) == 2


def test_a_headline_on_a_region_joins_the_story_in_one_of_its_states() -> None:
    # Darfur spans five states: a strike told "in Darfur" and then "in Nyala" (South
    # Darfur) is one event, not two.
    from veille.pipeline import Pipeline

    text = (
        "Sudan army drone strike hits RSF positions in Darfur\n\n"
        "The Sudanese army carried out drone strikes on Rapid Support Forces positions in"
        " Nyala on Sunday, killing at least 11 fighters, a military source said."
    )
    events = Pipeline().run([Article(id="d", text=text, language="en", published="2025-01-20")])
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.name == "Nyala"


def test_a_lead_over_the_gaza_strip_joins_a_strike_in_one_of_its_towns() -> None:
    # The Gaza Strip spans several governorates: "across the Gaza Strip" holds Gaza City.
    from veille.pipeline import Pipeline

    text = (
        "Israeli air strikes killed at least 14 people across the Gaza Strip on Monday,"
        " health officials said.\n\nNine people were killed when a strike hit a house in"
        " Gaza City, medics said. Five others died in a separate strike on a tent west of"
        " Khan Younis."
    )
    events = Pipeline().run([Article(id="g", text=text, language="en", published="2025-05-12")])
    assert sorted((e.location.name if e.location else "", e.fatalities) for e in events) == [
        ("Gaza", 9),
        ("Khān Yūnis", 5),
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "An Israeli strike hit a car near Tyre on Monday, killing two men. Drones also"
            " struck the outskirts of Qana, the state news agency said.",
        ),
        (
            "fr",
            "Une frappe israélienne a visé une voiture près de Tyr lundi, tuant deux hommes."
            " Des drones ont également frappé les environs de Cana, selon l'agence.",
        ),
        (
            "ar",
            "قتل رجلان في غارة إسرائيلية استهدفت سيارة قرب صور يوم الاثنين."
            " واستهدفت مسيرة أيضا أطراف بلدة قانا.",
        ),
    ],
)
def test_an_act_told_besides_another_at_a_nearby_place_is_another_event(
    language: str, text: str
) -> None:
    # Qana lies about 10 km from Tyre: "also" struck there is a second act, not the car
    # strike told again (ACLED: one event per place).
    from veille.pipeline import Pipeline

    events = Pipeline().run([Article(id="b", text=text, language=language, published="2025-03-11")])
    placed = sorted((e.location.name if e.location else "", e.fatalities) for e in events)
    assert placed == [("Qâna", None), ("Tyre", 2)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Government air strikes killed 20 people in Maarat al-Numan and Saraqib on"
            " Sunday, residents said. In Saraqib, 14 people died when a market was hit.",
        ),
        (
            "fr",
            "Des frappes de l'armée ont tué 20 civils dimanche à Saraqeb et à Maarat"
            " al-Nouman. À Saraqeb, quatorze personnes ont péri lorsqu'un marché a été"
            " touché.",
        ),
        (
            "ar",
            "قتل 20 مدنيا في غارات جوية على مدينتي سراقب ومعرة النعمان في ريف إدلب يوم"
            " الأحد. وفي سراقب قتل 14 شخصا بقصف استهدف سوقا شعبيا.",
        ),
    ],
)
def test_a_place_s_own_toll_beats_its_share_of_a_toll_told_for_several(
    language: str, text: str
) -> None:
    # 20 for two towns is 10 each (ACLED divides it evenly) until the text tells one
    # town's own toll: 14 there, not the lower share; no conflict between the two.
    from veille.pipeline import Pipeline

    events = Pipeline().run([Article(id="s", text=text, language=language, published="2025-03-11")])
    tolls = {e.location.name: e.fatalities for e in events if e.location is not None}
    assert tolls == {"Saraqib": 14, "Ma‘arrat an Nu‘mān": 10}
    (saraqib,) = [e for e in events if e.location is not None and e.location.name == "Saraqib"]
    assert not [c for c in saraqib.conflicts if c.field == "fatalities"]


def test_places_one_sentence_lists_stay_apart_however_close() -> None:
    # Tyre and Bint Jbeil are about 20 km apart: one sentence striking both tells two.
    from veille.pipeline import Pipeline

    text = "شنت الطائرات الإسرائيلية غارات على بلدات النبطية وصور وبنت جبيل يوم الثلاثاء."
    events = Pipeline().run([Article(id="l", text=text, language="ar", published="2025-03-12")])
    assert len(events) == 3


def _anaphor(e: Event) -> Event:
    return e.model_copy(
        update={
            "mentions": [
                m.model_copy(update={"values": m.values.model_copy(update={"anaphoric": True})})
                for m in e.mentions
            ]
        }
    )


def test_a_place_an_anaphor_names_refines_the_event_only_from_inside_it() -> None:
    # "A bombing in X district ... the wounded were taken to hospitals in Y": the telling
    # mention's district stays the event's place; a town elsewhere that a mention
    # referring back to it names (where the wounded went) does not move it. A town
    # inside the district refines it.
    district = DEZ.model_copy(
        update={
            "name": "Al Mayadin District",
            "admin2": "Al Mayadin District",
            "lat": 35.02,
            "geo_precision": 2,
            "gazetteer_id": "geonames:2",
        }
    )
    elsewhere = DEZ.model_copy(
        update={
            "name": "Dayr az Zawr",
            "admin2": "Dayr az Zawr District",
            "lat": 35.33,
            "lon": 40.14,
            "geo_precision": 1,
            "gazetteer_id": "geonames:3",
        }
    )
    inside = elsewhere.model_copy(
        update={
            "name": "Al Mayadin",
            "admin1": "Dayr az Zawr",
            "admin2": "Al Mayadin District",
            "lat": 35.02,
            "lon": 40.45,
            "gazetteer_id": "geonames:4",
        }
    )
    told = ev("a", 0, loc=district)
    (moved,) = dedup.cluster([told, _anaphor(ev("a", 80, loc=elsewhere))], same_article=True)
    assert moved.location == district
    (refined,) = dedup.cluster([told, _anaphor(ev("a", 80, loc=inside))], same_article=True)
    assert refined.location == inside


def test_a_clash_told_again_by_one_of_its_sides_is_the_same_fight() -> None:
    # A clash names its two sides in either order and, told again, often one of them:
    # the army repelling an attack in the town is the fight between the army and the RSF.
    from veille.pipeline import Pipeline

    text = (
        "Heavy fighting broke out between the army and the RSF in El Fasher on Sunday."
        " Local sources said soldiers repelled an attack on the Sixth Division"
        " headquarters in the city."
    )
    events = Pipeline().run([Article(id="f", text=text, language="en", published="2025-03-10")])
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [
        ("Armed clash", "El Fasher")
    ]
    assert {events[0].actor1.id, events[0].actor2.id} == {"military-forces-sdn", "rsf"}
