"""The acceptance article: exactly the four gold events, every field right."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from veille.eval.gold import load_gold, score
from veille.model import Article, Event


def seed_article(shared: Path) -> Article:
    raw = json.loads((shared / "examples" / "seed_article_fr.jsonl").read_text(encoding="utf-8"))
    return Article.model_validate(raw)


@pytest.fixture(scope="module")
def seed_events(shared_dir: Path, pipeline) -> tuple[Article, list[Event]]:  # type: ignore[no-untyped-def]
    art = seed_article(shared_dir)
    return art, pipeline.run([art])


def test_exactly_the_gold_events_with_every_field_right(shared_dir: Path, seed_events) -> None:  # type: ignore[no-untyped-def]
    art, events = seed_events
    gold = load_gold(shared_dir / "examples" / "seed_gold.json")
    s = score([(gold[0], art)], events)
    wrong = [(m.key, m.field, m.gold, m.predicted) for m in s.mismatches]
    assert (s.gold_events, s.predicted_events, s.matched) == (4, 4, 4), (s.missed, s.spurious)
    assert wrong == []
    assert s.not_event_violations == 0


def test_arabic_post_merged_into_e1_with_date_conflict(seed_events) -> None:  # type: ignore[no-untyped-def]
    _art, events = seed_events
    e1 = next(e for e in events if e.location and "Omar" in e.location.name)
    kinds = {s.kind for s in e1.sources}
    assert kinds == {"article", "embedded_post"}
    post = next(s for s in e1.sources if s.kind == "embedded_post")
    assert (
        post.language == "ar"
        and post.published is not None
        and post.published.isoformat() == "2024-02-04"
    )
    assert any(m.language == "ar" for m in e1.mentions)
    conflict = next(c for c in e1.conflicts if c.field == "event_date")
    assert conflict.values == ["2024-02-05", "2024-02-04"]
    assert post.source_id in conflict.sources


def test_every_span_points_into_the_text(seed_events) -> None:  # type: ignore[no-untyped-def]
    art, events = seed_events
    for e in events:
        for m in e.mentions:
            assert art.text[m.start : m.end] == m.text
            for name, span in m.spans:
                if span is not None:
                    # A date or place the story gave the sentence points where it was said.
                    inherited = name in ("date", "location")
                    assert m.start <= span[0] < span[1] <= m.end or inherited, (name, span)
                    assert 0 <= span[0] < span[1] <= len(art.text)


def test_framing_kept_apart_from_normalised_fields(seed_events) -> None:  # type: ignore[no-untyped-def]
    art, events = seed_events
    e1 = next(e for e in events if e.location and "Omar" in e.location.name)
    terms = {f.term for f in e1.framing}
    assert {"occupants américains", "illégalement"} <= terms
    for f in e1.framing:
        assert art.text[f.span[0] : f.span[1]] == f.term
    loaded = ("occup", "illég", "sionist", "barbar", "martyr", "terror")
    for e in events:
        normalised = " ".join(
            filter(
                None,
                [
                    e.actor1 and e.actor1.name,
                    e.actor2 and e.actor2.name,
                    e.notes,
                    e.claim and e.claim.by,
                ],
            )
        ).lower()
        assert not any(w in normalised for w in loaded), normalised


def test_txt_with_pub_date_gives_the_same_events(shared_dir: Path, seed_events) -> None:  # type: ignore[no-untyped-def]
    _, events = seed_events
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "veille",
            "extract",
            str(shared_dir / "examples" / "seed_article_fr.txt"),
            "--pub-date",
            "2024-02-05",
            "--lang",
            "fr",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    from_txt = [json.loads(line) for line in proc.stdout.splitlines()]

    def key(e: dict) -> tuple:  # type: ignore[type-arg]
        loc = e["location"] or {}
        return (
            e["event_date"],
            e["sub_event_type"],
            loc.get("name"),
            (e["actor1"] or {}).get("name"),
            (e["claim"] or {}).get("status"),
            len(e["mentions"]),
        )

    assert sorted(map(key, from_txt)) == sorted(key(e.model_dump(mode="json")) for e in events)


def test_english_translation_gives_the_same_four_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    sample = Path(__file__).resolve().parents[1] / "sample"
    art = Article.model_validate(json.loads((sample / "seed_en.jsonl").read_text(encoding="utf-8")))
    gold = load_gold(sample / "seed_en_gold.json")
    s = score([(gold[0], art)], pipeline.run([art]))
    assert (s.gold_events, s.predicted_events, s.matched) == (4, 4, 4), (s.missed, s.spurious)
    assert [(m.key, m.field) for m in s.mismatches] == []


def test_arabic_post_alone_gives_the_al_omar_attack(shared_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    lines = seed_article(shared_dir).text.split("\n")
    post = "\n".join(lines[3:5])  # the post and its attribution line
    events = pipeline.run([Article(id="post", text=post)])
    assert len(events) == 1
    e = events[0]
    assert e.sources[0].kind == "embedded_post" and e.sources[0].language == "ar"
    assert e.actor1 is not None and e.actor1.name == "Islamic Resistance in Iraq"
    assert e.actor2 is not None and e.actor2.name == "Military Forces of the United States"
    assert e.location is not None and e.location.name == "al-Omar oil field"
    assert (e.location.iso3, e.event_date and e.event_date.isoformat()) == ("SYR", "2024-02-04")
    spans = e.mentions[0].spans
    for name in ("trigger", "actor1", "actor2", "location", "date"):
        span = getattr(spans, name)
        assert span is not None, name
    assert post[spans.location[0] : spans.location[1]] == "حقل العمر النفطي"
    # The post names neither a weapon nor a claim by the group: none is invented.
    assert e.weapon is None and e.claim is not None and e.claim.status == "reported"
