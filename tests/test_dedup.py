"""Deduplication: structured evidence merges mentions; conflicts keep both values."""

from __future__ import annotations

from datetime import date

from veille import dedup
from veille.model import Actor, Claim, Event, Location, Mention, MentionValues, Plover, Source

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
