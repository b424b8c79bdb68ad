"""The store: migrations, exact round trip, idempotent ingest, merge by block, queries.

Runs on SQLite always and on PostgreSQL when DATABASE_URL is set (marker ``postgres``).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, inspect, text

from veille.dedup import Deduplicator
from veille.errors import InputError, StoreError
from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import (
    Actor,
    Article,
    ArticleFailure,
    Claim,
    Conflict,
    Event,
    Framing,
    Location,
    Mention,
    MentionSpans,
    MentionValues,
    Plover,
    Source,
)
from veille.store import EventQuery, Store, open_store
from veille.store import _write as store_module
from veille.store._synthetic import SyntheticPipeline, SyntheticResult, synthetic_item

# ---------------------------------------------------------------------------
# Stores under test


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, store_url: Callable[[str], str]) -> Iterator[Store]:
    s = open_store(store_url(request.param))
    yield s
    s.close()


# ---------------------------------------------------------------------------
# Hypothesis strategies for Event records (shared with the export tests)

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
_WORD = st.text(alphabet=string.ascii_letters + "éàç حلب", min_size=1, max_size=20)
_OPT_WORD = st.none() | _WORD
_SPAN = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda t: (min(t), max(t)))
_DATE = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
_FLOAT = st.floats(min_value=-90, max_value=90, allow_nan=False, allow_infinity=False)


@st.composite
def events(draw: st.DrawFn, event_id: str | None = None) -> Event:
    sub = draw(st.sampled_from(sorted(SUB_EVENT_TYPES)))
    info = SUB_EVENT_TYPES[sub]
    eid = event_id or "ev-" + draw(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16))
    actor = st.builds(
        Actor,
        name=_WORD,
        id=_WORD,
        kind=st.sampled_from(["state_forces", "rebel_group", "civilians", "protesters"]),
        inter=st.none() | st.integers(1, 8),
        country=st.none() | st.sampled_from(["SYR", "IRQ", "MLI"]),
    )
    location = st.builds(
        Location,
        name=_WORD,
        admin1=_OPT_WORD,
        admin2=_OPT_WORD,
        country=_OPT_WORD,
        iso3=st.none() | st.sampled_from(["SYR", "IRQ", "MLI", "UKR"]),
        lat=st.none() | _FLOAT,
        lon=st.none() | _FLOAT.map(lambda x: x * 2),
        geo_precision=st.sampled_from([1, 2, 3]),
        gazetteer_id=_OPT_WORD,
    )
    n_sources = draw(st.integers(1, 3))
    sources = [
        Source(
            source_id=f"{eid}#s{i}",
            article_id=f"a-{eid}-{i}",
            kind=draw(st.sampled_from(["article", "embedded_post"])),
            outlet=draw(_OPT_WORD),
            handle=draw(_OPT_WORD),
            url=draw(st.none() | st.just("https://example.org/x?y=1&z=<2>")),
            published=draw(st.none() | _DATE),
            language=draw(st.none() | st.sampled_from(["fr", "ar", "en"])),
            span=draw(st.none() | _SPAN),
        )
        for i in range(n_sources)
    ]
    mentions = [
        Mention(
            article_id=draw(st.sampled_from([s.article_id for s in sources])),
            source_id=draw(st.sampled_from([s.source_id for s in sources])),
            language=draw(st.none() | st.sampled_from(["fr", "ar", "en"])),
            start=draw(st.integers(0, 1000)),
            end=draw(st.integers(1000, 2000)),
            text=draw(_TEXT),
            spans=MentionSpans(
                trigger=draw(st.none() | _SPAN),
                actor1=draw(st.none() | _SPAN),
                location=draw(st.none() | _SPAN),
                date=draw(st.none() | _SPAN),
            ),
            values=MentionValues(
                event_date=draw(st.none() | _DATE),
                date_precision=draw(st.none() | st.sampled_from(["day", "month"])),
                sub_event_type=sub,
                fatalities=draw(st.none() | st.integers(0, 10**6)),
                generic=draw(st.booleans()),
            ),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return Event(
        event_id=eid,
        event_date=draw(st.none() | _DATE),
        date_precision=draw(st.none() | st.sampled_from(["day", "week", "month", "year"])),
        time_of_day=draw(st.none() | st.sampled_from(["dawn", "night"])),
        event_type=info.event_type,
        sub_event_type=sub,
        plover=Plover(event_type=info.plover, mode=draw(st.none() | st.just("drone"))),
        actor1=draw(st.none() | actor),
        actor2=draw(st.none() | actor),
        claim=draw(
            st.none()
            | st.builds(
                Claim,
                status=st.sampled_from(["claimed", "reported", "confirmed", "denied"]),
                by=_OPT_WORD,
                via=_OPT_WORD,
            )
        ),
        weapon=draw(_OPT_WORD),
        weapon_count=draw(st.none() | st.integers(0, 1000)),
        fatalities=draw(st.none() | st.integers(0, 10**6)),
        location=draw(st.none() | location),
        mentions=mentions,
        sources=sources,
        framing=[
            Framing(term=draw(_WORD), refers_to="actor2", article_id="a", span=draw(_SPAN))
            for _ in range(draw(st.integers(0, 2)))
        ],
        conflicts=[
            Conflict(
                field="event_date",
                values=["2024-02-05", "2024-02-04"],
                sources=[sources[0].source_id],
                note=draw(_TEXT),
            )
            for _ in range(draw(st.integers(0, 1)))
        ],
        notes=draw(_TEXT),
        confidence=draw(st.floats(0, 1, allow_nan=False)),
    )


# ---------------------------------------------------------------------------
# Schema


def test_open_migrates_to_head_and_reopens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    s = open_store(url)
    assert s.schema_revision() == "0002"
    s.close()
    s = open_store(url)  # a second open finds the schema current and changes nothing
    assert s.schema_revision() == "0002"
    with s.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert int(conn.execute(text("PRAGMA busy_timeout")).scalar() or 0) >= 1000
    s.close()


def test_events_stored_before_members_were_kept_become_members(tmp_path: Path) -> None:
    """Migration 0002 turns each stored event into one deduplication member, so a new
    report of it still merges into it after the upgrade."""
    from alembic import command
    from alembic.config import Config

    articles, pipe = _two_reports_of_one_event()
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    with open_store(url) as store:
        store.ingest(articles[:1], pipe)
        cfg = Config()
        cfg.set_main_option(
            "script_location", str(Path(store_module.__file__).with_name("migrations"))
        )
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
            assert "dedup_members" not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 1
    with open_store(url) as store:  # upgrades again: the event is backfilled as a member
        assert store.schema_revision() == "0002"
        report = store.ingest(articles[1:], pipe)
        assert (report.events_added, report.events_updated) == (0, 1)
        [merged] = store.events()
        assert {m.article_id for m in merged.mentions} == {a.id for a in articles}


def test_migrations_create_exactly_the_orm_schema(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from veille.store._schema import Base

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        diff = compare_metadata(ctx, Base.metadata)
    # FTS shadow tables (SQLite) and Alembic's own table are not ORM tables.
    diff = [
        d
        for d in diff
        if not (
            d[0] == "remove_table"
            and (d[1].name.startswith("articles_fts") or d[1].name == "alembic_version")
        )
        and not (d[0] == "remove_index" and d[1].name == "ix_articles_fts")
    ]
    assert diff == []


def test_bad_urls_and_folders_give_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        open_store("not a url")
    assert "Fix:" in str(err.value)
    with pytest.raises(StoreError) as err:
        open_store(f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}")
    assert "does not exist" in str(err.value)
    bad = tmp_path / "garbage.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{bad}")


def test_postgres_urls_map_to_psycopg() -> None:
    from veille.store import normalise_url

    assert normalise_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("sqlite:///x") == "sqlite:///x"


# ---------------------------------------------------------------------------
# Round trip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ev=events())
def test_store_then_load_gives_the_same_event(store: Store, ev: Event) -> None:
    store.save_events([ev])
    assert store.event(ev.event_id) == ev
    assert store.events(EventQuery(limit=None)).count(ev) == 1


# ---------------------------------------------------------------------------
# Ingest


def _items(n: int, start: int = 0) -> list[Any]:
    return [synthetic_item(i) for i in range(start, start + n)]


def test_ingest_is_idempotent(store: Store) -> None:
    items = _items(20)
    pipe = SyntheticPipeline(items)
    first = store.ingest([it.article for it in items], pipe)
    assert (first.articles_added, first.articles_skipped, first.failures) == (20, 0, [])
    assert first.events_added + first.events_updated >= 1
    events_before = store.events(sort="id")
    again = store.ingest([it.article for it in items], pipe)
    assert (again.articles_added, again.articles_skipped) == (0, 20)
    assert (again.events_added, again.events_updated) == (0, 0)
    assert store.events(sort="id") == events_before


def test_the_same_article_twice_in_one_batch_adds_it_once(store: Store) -> None:
    items = _items(1)
    report = store.ingest([items[0].article, items[0].article], SyntheticPipeline(items))
    assert (report.articles_added, report.articles_skipped) == (1, 1)
    assert store.count_events() == 1


def _two_reports_of_one_event() -> tuple[list[Any], SyntheticPipeline]:
    a = synthetic_item(1)
    b_article = a.article.model_copy(update={"id": "other-outlet", "text": a.article.text + " "})
    b_source = a.source.model_copy(
        update={
            "source_id": "other-outlet#article",
            "article_id": "other-outlet",
            "outlet": "Other",
        }
    )
    b_event = a.event.model_copy(
        update={
            "event_id": "ev-other",
            "sources": [b_source],
            "mentions": [
                m.model_copy(
                    update={"article_id": "other-outlet", "source_id": "other-outlet#article"}
                )
                for m in a.event.mentions
            ],
        }
    )

    class Pipe(SyntheticPipeline):
        def process_article(self, article: Article) -> SyntheticResult:
            if article.id == "other-outlet":
                return SyntheticResult(article, [b_source], [b_event])
            return super().process_article(article)

    return [a.article, b_article], Pipe([a])


def test_a_second_report_merges_into_the_stored_event_with_extracts_id(store: Store) -> None:
    articles, pipe = _two_reports_of_one_event()
    first = store.ingest(articles[:1], pipe)
    first_id = first.new_event_ids[0]
    statements: list[str] = []

    def log(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", log)
    second = store.ingest(articles[1:], pipe)
    event.remove(store.engine, "before_cursor_execute", log)
    # The id is the one extract gives the same two reports (their smallest mention's).
    expected = Deduplicator().across_articles(
        [ev for a in articles for ev in pipe.process_article(a).events]
    )
    assert len(expected) == 1
    merged_id = expected[0].event_id
    assert (second.events_added, second.events_updated) == (0, 1)
    assert second.updated_event_ids == [merged_id]
    assert second.replaced_event_ids == ([first_id] if first_id != merged_id else [])
    stored = store.events()
    assert [e.event_id for e in stored] == [merged_id]
    assert {s.source_id for s in stored[0].sources} == {
        articles[0].id + "#article",
        "other-outlet#article",
    }
    assert len(stored[0].mentions) == 2
    # Blocking: stored members were read by their block key or by the component they
    # form, stored events by id: never all of them.
    reads = [s for s in statements if s.lstrip().startswith("SELECT")]
    members = [s for s in reads if "FROM dedup_members" in s]
    assert members and all(
        ("block_iso3" in s and "block_week" in s)
        or "dedup_members.component IN" in s
        or "dedup_members.id = " in s  # the payload of a candidate, loaded when needed
        for s in members
    ), members
    events = [s for s in reads if "FROM events" in s]
    assert all("events.event_id" in s for s in events), events


def test_dedup_reads_only_the_stored_events_that_could_match(store: Store) -> None:
    """Across articles only events dated within a day, with a place, can merge: the
    store reads no others (an undated event reads nothing; the undated block of a
    country only grows, and reading it made ingest slower as the store filled)."""
    base = synthetic_item(1).event
    assert base.location is not None
    monday = date(2024, 2, 5)
    week = [
        base.model_copy(update={"event_id": f"ev-{k}", "event_date": monday + timedelta(days=k)})
        for k in range(5)
    ]
    store.save_events(week)
    tuesday = week[1].model_copy(update={"event_id": "ev-new"})
    with store.session() as s:
        assert [r.event_id for r in store._block(s, tuesday)] == ["ev-0", "ev-1", "ev-2"]
        undated = tuesday.model_copy(update={"event_date": None})
        unplaced = tuesday.model_copy(update={"location": None})
        assert list(store._block(s, undated)) == []
        assert list(store._block(s, unplaced)) == []


def _crowded_items(n: int) -> list[Any]:
    """Synthetic reports squeezed into three days, so that many are one event."""
    items = []
    for i in range(n):
        item = synthetic_item(i)
        day = date(2024, 1, 1) + timedelta(days=i % 3)
        mentions = [
            m.model_copy(update={"values": m.values.model_copy(update={"event_date": day})})
            for m in item.event.mentions
        ]
        ev = item.event.model_copy(update={"event_date": day, "mentions": mentions})
        items.append(type(item)(article=item.article, source=item.source, event=ev))
    return items


CROWDED = _crowded_items(40)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(range(len(CROWDED))), split=st.integers(1, len(CROWDED) - 1))
def test_ingest_in_any_order_stores_the_events_extract_gives(
    tmp_path_factory: pytest.TempPathFactory, order: list[int], split: int
) -> None:
    """The store holds Deduplicator.across_articles of all the per-article events,
    field by field and ids included, whatever the order and however many runs."""
    expected = Deduplicator().across_articles([it.event for it in CROWDED])
    assert len(expected) < len(CROWDED)  # the input does exercise merging
    url = f"sqlite:///{tmp_path_factory.mktemp('order') / 'v.sqlite'}"
    with open_store(url) as store:
        articles = [CROWDED[i].article for i in order]
        pipe = SyntheticPipeline(CROWDED)
        store.ingest(articles[:split], pipe)
        store.ingest(articles[split:], pipe)
        stored = sorted(store.events(), key=lambda e: e.event_id)
        with store.engine.connect() as conn:  # replaced events left no rows behind
            mentions = conn.execute(text("SELECT count(*) FROM mentions")).scalar()
            members = conn.execute(text("SELECT count(*) FROM dedup_members")).scalar()
        assert mentions == sum(len(e.mentions) for e in stored)
        assert members == len(CROWDED)
    assert [e.model_dump() for e in stored] == [
        e.model_dump() for e in sorted(expected, key=lambda e: e.event_id)
    ]


def test_a_run_reports_an_event_new_even_when_a_later_article_renames_it(
    store: Store,
) -> None:
    articles, pipe = _two_reports_of_one_event()
    report = store.ingest(articles, pipe)
    assert report.events_added == 1 and report.events_updated == 0
    assert report.new_event_ids == [e.event_id for e in store.events()]
    assert report.replaced_event_ids == []


def test_failures_are_recorded_and_returned(store: Store) -> None:
    items = _items(2)
    unknown = Article(id="not-synthetic", text="nothing to see", origin="in.jsonl:3")
    bad = ArticleFailure(origin="in.jsonl:2", cause="line 2 is not JSON", fix="fix the line")
    report = store.ingest(
        [items[0].article, bad, unknown, items[1].article], SyntheticPipeline(items)
    )
    assert report.articles_added == 2
    assert [f.origin for f in report.failures] == ["in.jsonl:2", "not-synthetic"]
    assert report.failures[1].fix
    assert store.ingest_errors(report.run_id) == report.failures


def test_an_id_reused_for_other_text_is_a_failure_not_an_overwrite(store: Store) -> None:
    items = _items(1)
    store.ingest([items[0].article], SyntheticPipeline(items))
    changed = items[0].article.model_copy(update={"text": "a different text"})
    report = store.ingest([changed], SyntheticPipeline(items))
    assert report.articles_added == 0
    assert "other text is already stored" in report.failures[0].cause
    art = store.article(items[0].article.id)
    assert art is not None and art.text == items[0].article.text


def test_an_interrupted_ingest_leaves_no_half_written_article_and_resumes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _items(6)

    class Crashing(SyntheticPipeline):
        def process_article(self, article: Article) -> SyntheticResult:
            if article.id == items[3].article.id:
                raise KeyboardInterrupt  # the user pressed Ctrl-C mid-batch
            return super().process_article(article)

    with pytest.raises(KeyboardInterrupt):
        store.ingest([it.article for it in items], Crashing(items))
    assert store.stats().articles == 3

    # A crash inside the write transaction (here: at the article's second event) rolls
    # the whole article back: no article row, no first event.
    class TwoEvents(SyntheticPipeline):
        def process_article(self, article: Article) -> SyntheticResult:
            result = super().process_article(article)
            other = synthetic_item(999).event
            return SyntheticResult(article, result.sources, [result.events[0], other])

    original = store_module._upsert
    calls = 0

    def flaky(*args: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # after the article row and its sources, before its events
            raise OSError("disk full")
        original(*args)

    events_before = store.count_events()
    monkeypatch.setattr(store_module, "_upsert", flaky)
    with pytest.raises(OSError):
        store.ingest([items[3].article], TwoEvents(items))
    monkeypatch.setattr(store_module, "_upsert", original)
    assert store.article(items[3].article.id) is None
    assert store.count_events() == events_before
    report = store.ingest([it.article for it in items], SyntheticPipeline(items))
    assert (report.articles_added, report.articles_skipped) == (3, 3)
    assert store.stats().articles == 6


def test_a_pipeline_error_is_a_failure_with_cause_and_fix(store: Store) -> None:
    class Refusing(SyntheticPipeline):
        def process_article(self, article: Article) -> SyntheticResult:
            raise InputError("too little text", where=article.id, fix="pass --lang")

    report = store.ingest([_items(1)[0].article], Refusing([]))
    assert report.failures[0].cause == "too little text"
    assert report.failures[0].fix == "pass --lang"
    assert store.stats().articles == 0


# ---------------------------------------------------------------------------
# Queries


@pytest.fixture
def filled(store: Store) -> Store:
    items = _items(60)
    store.ingest([it.article for it in items], SyntheticPipeline(items))
    return store


def test_filters(filled: Store) -> None:
    every = filled.events()
    assert len(every) == filled.count_events() > 0
    since, until = date(2024, 2, 1), date(2024, 2, 29)
    got = filled.events(since=since, until=until)
    assert got == [e for e in every if e.event_date and since <= e.event_date <= until]
    syr = filled.events(country="syr")
    assert syr and all(e.location and e.location.iso3 == "SYR" for e in syr)
    clash = filled.events(sub_event_type="Armed clash")
    assert all(e.sub_event_type == "Armed clash" for e in clash)
    assert filled.events(event_type="Battles") == [e for e in every if e.event_type == "Battles"]
    denied = filled.events(claim="denied")
    assert denied and all(e.claim and e.claim.status == "denied" for e in denied)
    by_id = filled.events(actor="is-syr")
    by_name = filled.events(actor="islamic state")
    assert by_id and by_id == by_name
    assert filled.count_events(actor="is-syr") == len(by_id)


def test_sorting_and_pagination(filled: Store) -> None:
    newest = filled.events(sort="-date")
    dates = [e.event_date for e in newest]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    pages = [filled.events(sort="-date", limit=7, offset=o) for o in range(0, len(newest), 7)]
    assert [e for p in pages for e in p] == newest
    assert list(filled.iter_events(EventQuery(sort="-date"), page=9)) == newest
    most = filled.events(sort="-fatalities", limit=3)
    assert (most[0].fatalities or 0) >= (most[-1].fatalities or 0)


def test_article_actors_places_stats_search(filled: Store) -> None:
    ev = filled.events(limit=1)[0]
    art = filled.article(ev.mentions[0].article_id)
    assert art is not None and ev.event_id in art.event_ids
    assert art.text[ev.mentions[0].start : ev.mentions[0].end] == ev.mentions[0].text
    actors = filled.actors()
    assert actors and actors[0].events >= actors[-1].events
    places = filled.places()
    assert sum(p.events for p in places) == filled.count_events()
    stats = filled.stats()
    assert stats.events == filled.count_events()
    assert sum(stats.by_event_type.values()) == stats.events
    assert sum(d.events for d in filled.events_per_day()) == stats.events
    hits = filled.search("drone")
    assert hits and all("drone" in (h.snippet + (h.title or "")).lower() for h in hits)
    assert filled.search("حلب")
    filled.search('"unbalanced AND (')  # user syntax never reaches FTS5 as syntax
    assert filled.search("   ") == []


def test_default_url_is_in_the_user_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    from veille.store import default_url

    assert default_url() == f"sqlite:///{tmp_path / 'veille' / 'veille.sqlite'}"


def test_save_events_replaces_by_id(store: Store) -> None:
    ev = synthetic_item(3).event
    store.save_events([ev])
    changed = ev.model_copy(update={"notes": "edited", "fatalities": 99})
    store.save_events([changed])
    assert store.events() == [changed]
    assert date(2024, 1, 1) + timedelta(days=0) <= (changed.event_date or date.max)


def test_outlet_places_give_each_articles_event_places(store: Store) -> None:
    items = [synthetic_item(i) for i in range(12)]
    store.ingest([it.article for it in items], SyntheticPipeline(items))
    (wire,) = store.outlet_places()
    assert wire.outlet == "Synthetic Wire" and wire.documents == 12
    # Each article that kept a located event names its event's place; merged events
    # name the merged place for every article that reports them.
    stored = {m.article_id: e.location for e in store.events() for m in e.mentions}
    expected = sorted(
        [loc.gazetteer_id]
        for aid, loc in stored.items()
        if loc is not None and loc.gazetteer_id is not None
    )
    assert sorted(wire.articles) == expected and len(expected) >= 6


def test_opening_waits_while_another_process_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second `veille ingest` opening a new file while the first migrates it finds the
    # file locked: it tries again, and opens once the lock is free.
    from sqlalchemy.exc import OperationalError

    import veille.store._store as opening

    real = opening.Store.migrate
    calls = []

    def busy_twice(self: Any) -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("PRAGMA journal_mode=WAL", {}, Exception("database is locked"))
        real(self)

    monkeypatch.setattr(opening.Store, "migrate", busy_twice)
    monkeypatch.setattr(opening, "_OPEN_RETRY_S", 0.01)
    store = opening.open_store(f"sqlite:///{tmp_path / 'locked.sqlite'}")
    try:
        assert len(calls) == 3 and store.schema_revision() is not None
    finally:
        store.close()
    # Past the wait, or for any other failure, the error names the store and the fix.
    monkeypatch.setattr(opening, "_OPEN_WAIT_S", 0.0)
    calls.clear()
    with pytest.raises(StoreError, match="database is locked"):
        opening.open_store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    assert len(calls) == 1
