"""One deduplication policy, set by the config, in every engine.

``config.dedup.threshold`` is a property of the one ``Deduplicator`` a config names
(``registry.deduplicator_of``): ``extract`` (``Pipeline``), the store (one article at a
time into stored components) and the blocked dedup the Spark job runs all link *and*
merge by it, so for the same per-article events and config they give the same events,
field by field and ids included. The events below are invented: three pairs of reports,
far apart in time, whose match scores are 0.55, 0.65 and 0.75, so that each threshold
merges a different number of them.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from veille import dedup
from veille.config import PipelineConfig
from veille.dedup.blocked import dedup_blocked
from veille.ingest_store import policy_of
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
from veille.pipeline import Pipeline
from veille.registry import deduplicator_of
from veille.store import open_store
from veille.store._synthetic import SyntheticResult

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

MILITIA = Actor(name="Invented Militia", id="inv-militia", kind="political_militia", inter=3)
ARMY = Actor(name="Invented Army", id="inv-army", kind="state_forces", inter=1)
SITE = Location(
    name="Northfield depot",
    admin1="North Province",
    country="Syria",
    iso3="SYR",
    lat=35.1,
    lon=40.4,
    geo_precision=1,
    gazetteer_id="site:northfield",
)
PROVINCE = Location(
    name="North Province",
    admin1="North Province",
    country="Syria",
    iso3="SYR",
    lat=35.0,
    lon=40.2,
    geo_precision=3,
    gazetteer_id="geonames:999001",
)


def _report(
    article: str,
    day: date,
    *,
    place: Location,
    actor1: Actor | None,
    time_of_day: str | None = None,
) -> Event:
    """One article's single event, finalised (it carries its stable id)."""
    mention = Mention(
        article_id=article,
        source_id=article,
        language="en",
        start=0,
        end=12,
        text="a drone hit",
        values=MentionValues(
            event_date=day,
            date_precision="day",
            sub_event_type="Air/drone strike",
            location_id=place.gazetteer_id,
            time_of_day=time_of_day,
            claim_status="reported",
        ),
    )
    event = Event(
        event_id="",
        event_date=day,
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover=Plover(event_type="ASSAULT"),
        actor1=actor1,
        actor2=ARMY,
        claim=Claim(status="reported"),
        location=place,
        time_of_day=time_of_day,
        mentions=[mention],
        sources=[Source(source_id=article, article_id=article, language="en")],
    )
    return dedup.finalize([event])[0]


def _pairs() -> list[Event]:
    """Three pairs of reports (scores 0.55, 0.65, 0.75), each pair's own week or more
    apart from the others; the first pair straddles an ISO week boundary (a Sunday
    night and the Monday), so the blocked dedup reconciles it across two blocks."""
    sunday, monday = date(2024, 3, 3), date(2024, 3, 4)
    later, latest = date(2024, 3, 14), date(2024, 3, 25)
    return [
        # nested place, a night a day apart, one side without actor1: 0.55
        _report("art-a1", sunday, place=SITE, actor1=MILITIA, time_of_day="night"),
        _report("art-a2", monday, place=PROVINCE, actor1=None),
        # nested place, same day, one side without actor1: 0.65
        _report("art-b1", later, place=SITE, actor1=MILITIA),
        _report("art-b2", later, place=PROVINCE, actor1=None),
        # nested place, same day, the same actor1: 0.75
        _report("art-c1", latest, place=SITE, actor1=MILITIA),
        _report("art-c2", latest, place=PROVINCE, actor1=MILITIA),
    ]


def _config(threshold: float) -> PipelineConfig:
    return PipelineConfig.from_data({"dedup": {"threshold": threshold}})


def _dump(events: list[Event]) -> list[dict[str, Any]]:
    return [e.model_dump(mode="json") for e in sorted(events, key=lambda e: e.event_id)]


def test_the_invented_pairs_score_as_the_thresholds_below_assume() -> None:
    events = _pairs()
    scores = [dedup.match_score(events[i], events[i + 1]) for i in (0, 2, 4)]
    assert scores == [0.55, 0.65, 0.75]
    # the first pair: two ISO weeks, each event in both weeks' blocks
    assert dedup.candidate_key(events[0]) != dedup.candidate_key(events[1])
    assert dedup.neighbour_keys(events[0]) == dedup.neighbour_keys(events[1])
    assert len(dedup.neighbour_keys(events[0])) == 2


# threshold -> events left of the six reports (pairs at or above it merge)
CASES = [(0.5, 3), (dedup.SAME_EVENT_THRESHOLD, 4), (0.7, 5), (0.8, 6)]


@pytest.mark.parametrize(("threshold", "expected"), CASES)
def test_a_configured_threshold_decides_what_extract_merges(
    threshold: float, expected: int
) -> None:
    """Below the shipped threshold too: linking and merging read the same value (a
    component linked at 0.5 must not then stay split by a merge rule at 0.6)."""
    out = Pipeline(config=_config(threshold)).deduplicate(_pairs())
    assert len(out) == expected
    assert sorted(len(e.mentions) for e in out) == sorted(
        [2] * (6 - expected) + [1] * (2 * expected - 6)
    )


@pytest.mark.parametrize(("threshold", "expected"), CASES)
def test_the_blocked_spark_dedup_applies_the_configured_threshold(
    threshold: float, expected: int
) -> None:
    """``dedup_blocked`` (plain Python: the steps each Spark task runs) with the
    config's policy gives extract's events, field by field."""
    config = _config(threshold)
    events = _pairs()
    extract = Pipeline(config=config).deduplicate(events)
    blocked = dedup_blocked(events[::-1], deduplicator_of(config))
    assert len(blocked) == expected
    assert _dump(blocked) == _dump(extract)


@dataclass
class _ConfiguredProcessor:
    """A pipeline stand-in built from a config: each article's precomputed event."""

    config: PipelineConfig
    events: dict[str, Event]

    def process_article(self, article: Article) -> SyntheticResult:
        event = self.events[article.id]
        return SyntheticResult(article, list(event.sources), [event])


def _articles(events: list[Event]) -> list[Article]:
    return [
        Article(id=e.mentions[0].article_id, text=f"report {e.mentions[0].article_id}")
        for e in events
    ]


@pytest.mark.parametrize(("threshold", "expected"), CASES)
def test_the_store_holds_extracts_events_for_the_configured_threshold(
    tmp_path: Path, threshold: float, expected: int
) -> None:
    """The store takes the policy of the processor's config, ingesting in two runs in
    an order other than extract's."""
    config = _config(threshold)
    events = _pairs()
    processor = _ConfiguredProcessor(config, {e.mentions[0].article_id: e for e in events})
    articles = _articles(events)[::-1]
    with open_store(f"sqlite:///{tmp_path / 'v.sqlite'}") as store:
        store.ingest(articles[:3], processor)
        store.ingest(articles[3:], processor)
        stored = store.events()
    assert len(stored) == expected
    assert _dump(stored) == _dump(Pipeline(config=config).deduplicate(events))


def test_an_explicit_policy_overrides_the_processors_config(tmp_path: Path) -> None:
    """``ingest --engine spark`` hands the store precomputed results (no config): the
    caller passes the config's policy."""
    events = _pairs()
    processor = _ConfiguredProcessor(_config(0.8), {e.mentions[0].article_id: e for e in events})
    with open_store(f"sqlite:///{tmp_path / 'v.sqlite'}") as store:
        store.ingest(_articles(events), processor, policy=deduplicator_of(_config(0.5)))
        assert store.count_events() == 3


def test_the_policy_of_a_pipeline_is_its_configs_and_else_the_shipped_one() -> None:
    assert policy_of(Pipeline(config=_config(0.7))) == dedup.Deduplicator(threshold=0.7)
    assert policy_of(Pipeline()) == dedup.Deduplicator()
    assert policy_of(object()) == dedup.Deduplicator()


def test_a_deduplicator_refuses_a_threshold_that_is_not_a_score() -> None:
    with pytest.raises(ValueError, match="threshold"):
        dedup.Deduplicator(threshold=0.0)
    with pytest.raises(ValueError, match="threshold"):
        dedup.Deduplicator(threshold=1.5)


# ---------------------------------------------------------------------------
# The Spark job itself (marker ``spark``: pyspark and Java; ``.ci/spark.sh``)

_NO_PYSPARK = importlib.util.find_spec("pyspark") is None
_NO_JAVA = shutil.which("java") is None


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    from veille.spark._job import _session

    session = _session("local[2]", "veille-tests-policy", {})
    try:
        yield session
    finally:
        session.stop()


@pytest.mark.spark
@pytest.mark.skipif(_NO_PYSPARK, reason="pyspark missing: pip install 'veille[spark]'")
@pytest.mark.skipif(_NO_JAVA, reason="java missing: Spark 4 needs Java 17+ (.ci/spark.sh)")
def test_the_spark_dedup_applies_the_configured_threshold(spark: SparkSession) -> None:
    from veille.spark._job import dedup_rdd

    events = _pairs()
    members = spark.sparkContext.parallelize(
        [(f"{k:06d}", e.model_dump_json()) for k, e in enumerate(events)], 2
    )
    for threshold, expected in ((0.5, 3), (0.7, 5)):
        config = _config(threshold)
        out, clusters = dedup_rdd(members, num_partitions="2", policy=deduplicator_of(config))
        try:
            got = out.collect()
        finally:
            clusters.unpersist()
        assert len(got) == expected
        assert _dump(got) == _dump(Pipeline(config=config).deduplicate(events))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen attacked the village of Gbeji in Benue state on Sunday night, killing 17"
            " residents. Soldiers deployed to the village engaged the attackers in a gunfight.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué dimanche soir le village de Kouéré, au Burkina Faso,"
            " tuant trois civils. Une patrouille de l'armée arrivée sur les lieux a échangé des"
            " tirs avec les assaillants.",
            "fr",
        ),
    ],
)
def test_troops_fighting_the_attackers_of_civilians_are_a_clash_of_their_own(
    pipeline: Any, text: str, lang: str
) -> None:
    art = Article(id="d", text=text, language=lang, published="2024-10-22")
    subs = sorted(e.sub_event_type for e in pipeline.run([art]))
    assert subs == ["Armed clash", "Attack"]


def test_a_headline_town_joins_the_act_its_body_tells_in_another_place_of_its_province(
    pipeline: Any,
) -> None:
    # The headline names the province by its chief town; the body tells the attack at
    # a district town of it: one event, at the body's town. Before, the headline stood
    # as a second attack at the chief town.
    text = (
        "Four soldiers killed in attack in Kirkuk\n\n"
        "Four soldiers were killed on Tuesday when gunmen attacked an army post in the "
        "Dibis district of Kirkuk province, a security source said."
    )
    art = Article(id="h", text=text, language="en", published="2025-03-12")
    events = [e for e in pipeline.process_article(art).events if e.fatalities]
    assert len(events) == 1
    (event,) = events
    assert event.location is not None and event.location.name != "Kirkuk"
