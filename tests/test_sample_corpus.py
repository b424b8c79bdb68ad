"""Validates the bundled sample corpus (sample/): articles, gold, seed translation, dedup pairs.

Each check is a function that returns a list of problems, so the same validators are also run
on deliberately broken copies of the data (the ``test_validator_catches_*`` tests): a validator
that cannot fail would prove nothing.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample"
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"

ACLED: dict[str, set[str]] = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
DATE_PRECISION = {"day", "week", "month", "year"}
TIME_OF_DAY = {"dawn", "morning", "afternoon", "evening", "night", None}
CLAIM_STATUS = {"claimed", "reported", "confirmed", "denied"}
LANGUAGES = {"fr", "en", "ar"}
ARTICLE_KEYS = {"id", "text", "published", "language", "outlet", "url", "title"}
EVENT_KEYS = {
    "key", "event_date", "date_precision", "time_of_day", "event_type", "sub_event_type",
    "plover", "actor1", "actor2", "claim_status", "claimed_by", "weapon", "fatalities",
    "location", "evidence",
}  # fmt: skip
LOCATION_KEYS = {"name", "admin1", "country", "iso3", "lat", "lon", "max_km"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEED_POST_SIGNATURE = "— قناة الميادين (@AlMayadeenNews) February 4, 2024"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported as a failure
                raise AssertionError(f"{path.name}:{n}: not JSON ({exc})") from exc
    return rows


def parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], text.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


# ---------------------------------------------------------------- validators


def check_articles(articles: list[dict[str, Any]]) -> list[str]:
    problems = []
    ids = Counter(a.get("id") for a in articles)
    problems += [f"duplicate article id {i!r}" for i, n in ids.items() if n > 1]
    for a in articles:
        aid = a.get("id")
        if set(a) != ARTICLE_KEYS:
            problems.append(
                f"{aid}: keys {sorted(set(a) ^ ARTICLE_KEYS)} differ from the article format"
            )
        if not isinstance(aid, str) or not aid:
            problems.append(f"article without id: {a!r:.80}")
        if not isinstance(a.get("text"), str) or len(a.get("text", "")) < 80:
            problems.append(f"{aid}: text missing or too short")
        pub = parse_date(a.get("published"))
        if pub is None or not date(2023, 1, 1) <= pub <= date(2025, 12, 31):
            problems.append(
                f"{aid}: published {a.get('published')!r} is not a 2023-2025 YYYY-MM-DD date"
            )
        if a.get("language") not in LANGUAGES:
            problems.append(f"{aid}: language {a.get('language')!r}")
        for k in ("outlet", "url", "title"):
            if not isinstance(a.get(k), str) or not a[k].strip():
                problems.append(f"{aid}: {k} missing")
    return problems


def check_event(doc: str, text: str, published: date | None, e: dict[str, Any]) -> list[str]:
    where = f"{doc}/{e.get('key')}"
    problems = [f"{where}: missing {k}" for k in sorted(EVENT_KEYS - set(e))]
    if problems:
        return problems
    if e["sub_event_type"] not in ACLED.get(e["event_type"], set()):
        problems.append(
            f"{where}: {e['event_type']!r} / {e['sub_event_type']!r} is not an ACLED pair"
        )
    when = parse_date(e["event_date"])
    if when is None:
        problems.append(f"{where}: event_date {e['event_date']!r} is not a valid date")
    elif published is not None and not (0 <= (published - when).days <= 366):
        problems.append(
            f"{where}: event_date {when} is after, or long before, publication {published}"
        )
    for alt in e.get("date_alternatives", []):
        if parse_date(alt) is None:
            problems.append(f"{where}: date alternative {alt!r} is not a valid date")
    if e["date_precision"] not in DATE_PRECISION:
        problems.append(f"{where}: date_precision {e['date_precision']!r}")
    if e["time_of_day"] not in TIME_OF_DAY:
        problems.append(f"{where}: time_of_day {e['time_of_day']!r}")
    plover = e["plover"]
    if not isinstance(plover, dict) or plover.get("event_type") not in PLOVER_TYPES:
        problems.append(f"{where}: plover {plover!r}")
    if e["claim_status"] not in CLAIM_STATUS:
        problems.append(f"{where}: claim_status {e['claim_status']!r}")
    if (e["claim_status"] == "claimed") != bool(e["claimed_by"]):
        problems.append(f"{where}: claimed_by must be set exactly when claim_status is 'claimed'")
    for k in ("actor1", "actor2", "weapon"):
        if e[k] is not None and (not isinstance(e[k], str) or not e[k].strip()):
            problems.append(f"{where}: {k} must be null or a name")
    if e["actor1"] is not None and e["actor1"] == e["actor2"]:
        problems.append(f"{where}: actor1 and actor2 are the same")
    fat = e["fatalities"]
    if fat is not None and (isinstance(fat, bool) or not isinstance(fat, int) or fat < 0):
        problems.append(f"{where}: fatalities {fat!r} must be null or a non-negative integer")
    loc = e["location"]
    if not isinstance(loc, dict) or set(loc) != LOCATION_KEYS:
        problems.append(f"{where}: location keys {sorted(loc) if isinstance(loc, dict) else loc!r}")
    else:
        lat, lon = loc["lat"], loc["lon"]
        if not (
            isinstance(lat, int | float)
            and -90 <= lat <= 90
            and isinstance(lon, int | float)
            and -180 <= lon <= 180
        ):
            problems.append(f"{where}: lat/lon {lat!r}, {lon!r} out of range")
        if not (isinstance(loc["iso3"], str) and re.fullmatch(r"[A-Z]{3}", loc["iso3"])):
            problems.append(f"{where}: iso3 {loc['iso3']!r}")
        if not (isinstance(loc["max_km"], int | float) and 0 < loc["max_km"] <= 500):
            problems.append(f"{where}: max_km {loc['max_km']!r}")
        for k in ("name", "admin1", "country"):
            if not isinstance(loc[k], str) or not loc[k]:
                problems.append(f"{where}: location.{k} missing")
    evidence = e["evidence"]
    if not isinstance(evidence, list) or not evidence:
        problems.append(f"{where}: evidence must be a non-empty list")
    else:
        problems += [
            f"{where}: evidence not in the text: {s!r}" for s in evidence if not s or s not in text
        ]
    for s in e.get("framing_expected", []):
        if not s or s not in text:
            problems.append(f"{where}: framing term not in the text: {s!r}")
    for c in e.get("conflicts_expected", []):
        if not (
            isinstance(c.get("field"), str)
            and isinstance(c.get("values"), list)
            and len(c["values"]) >= 2
        ):
            problems.append(f"{where}: malformed conflict {c!r}")
    return problems


def check_gold(gold: list[dict[str, Any]], articles: list[dict[str, Any]]) -> list[str]:
    problems = []
    by_id = {a["id"]: a for a in articles}
    counts = Counter(g.get("article") for g in gold)
    problems += [f"{i}: {n} gold documents" for i, n in counts.items() if n > 1]
    problems += [f"{i}: no gold document" for i in by_id if i not in counts]
    for g in gold:
        doc = g.get("article")
        art = by_id.get(doc)
        if art is None:
            problems.append(f"gold for unknown article {doc!r}")
            continue
        if g.get("published") != art["published"]:
            problems.append(
                f"{doc}: gold published {g.get('published')!r} != article {art['published']!r}"
            )
        if g.get("split") not in {"dev", "test"}:
            problems.append(f"{doc}: split {g.get('split')!r}")
        events, not_events = g.get("events"), g.get("not_events")
        if not isinstance(events, list) or not isinstance(not_events, list):
            problems.append(f"{doc}: events and not_events must be lists")
            continue
        keys = Counter(e.get("key") for e in events)
        problems += [f"{doc}: duplicate event key {k!r}" for k, n in keys.items() if n > 1]
        text, published = art["text"], parse_date(art["published"])
        for e in events:
            problems += check_event(doc, text, published, e)
        event_spans = [sp for e in events for s in e.get("evidence", []) for sp in spans(text, s)]
        for ne in not_events:
            ev = ne.get("evidence")
            if not ev or ev not in text:
                problems.append(f"{doc}: not_event evidence not in the text: {ev!r}")
                continue
            if not ne.get("why"):
                problems.append(f"{doc}: not_event without a reason: {ev!r}")
            for a, b in spans(text, ev):
                if any(a < d and c < b for c, d in event_spans):
                    problems.append(f"{doc}: not_event {ev!r} overlaps an event's evidence")
    return problems


def check_pairs(pairs: list[dict[str, Any]]) -> list[str]:
    problems = []
    ids = Counter(p.get("pair_id") for p in pairs)
    problems += [f"duplicate pair_id {i!r}" for i, n in ids.items() if n > 1]
    snippets: dict[str, dict[str, Any]] = {}
    seen: set[frozenset[str]] = set()
    for p in pairs:
        pid = p.get("pair_id")
        if set(p) != {"pair_id", "a", "b", "same_event", "why"}:
            problems.append(f"{pid}: keys {sorted(p)}")
            continue
        if not isinstance(p["same_event"], bool):
            problems.append(f"{pid}: same_event must be true or false")
        if not isinstance(p["why"], str) or not p["why"].strip():
            problems.append(f"{pid}: why missing")
        for side in ("a", "b"):
            m = p[side]
            if not isinstance(m, dict) or set(m) != {"id", "language", "published", "text"}:
                problems.append(f"{pid}.{side}: keys must be id, language, published, text")
                continue
            if m["language"] not in LANGUAGES:
                problems.append(f"{pid}.{side}: language {m['language']!r}")
            if parse_date(m["published"]) is None:
                problems.append(f"{pid}.{side}: published {m['published']!r}")
            if not isinstance(m["text"], str) or len(m["text"]) < 20:
                problems.append(f"{pid}.{side}: text too short")
            if m["id"] in snippets and snippets[m["id"]] != m:
                problems.append(
                    f"{pid}.{side}: snippet {m['id']!r} differs from another pair's copy"
                )
            snippets.setdefault(m["id"], m)
        if isinstance(p["a"], dict) and isinstance(p["b"], dict):
            key = frozenset((p["a"].get("id"), p["b"].get("id")))
            if len(key) < 2:
                problems.append(f"{pid}: a and b are the same mention")
            if key in seen:
                problems.append(f"{pid}: the same pair is labelled twice")
            seen.add(key)
    return problems


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    return read_jsonl(SAMPLE / "articles.jsonl")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return read_jsonl(SAMPLE / "gold.jsonl")


@pytest.fixture(scope="module")
def pairs() -> list[dict[str, Any]]:
    return read_jsonl(SAMPLE / "dedup_pairs.jsonl")


# ---------------------------------------------------------------- the data


def test_articles_are_well_formed(articles: list[dict[str, Any]]) -> None:
    assert check_articles(articles) == []


def test_corpus_size_and_language_mix(articles: list[dict[str, Any]]) -> None:
    langs = Counter(a["language"] for a in articles)
    assert len(articles) >= 40
    assert langs["fr"] >= 30 and langs["en"] >= 5 and langs["ar"] >= 5, langs


def test_gold_is_well_formed(gold: list[dict[str, Any]], articles: list[dict[str, Any]]) -> None:
    assert check_gold(gold, articles) == []


def test_splits_present_and_balanced(
    gold: list[dict[str, Any]], articles: list[dict[str, Any]]
) -> None:
    lang = {a["id"]: a["language"] for a in articles}
    splits = Counter(g["split"] for g in gold)
    assert set(splits) == {"dev", "test"}
    assert abs(splits["dev"] - splits["test"]) <= len(gold) // 5, splits
    by_lang = Counter((lang[g["article"]], g["split"]) for g in gold)
    for language in LANGUAGES:
        assert by_lang[(language, "dev")] and by_lang[(language, "test")], (language, by_lang)


def test_gold_covers_the_taxonomy(gold: list[dict[str, Any]]) -> None:
    events = [e for g in gold for e in g["events"]]
    types = {e["event_type"] for e in events}
    subs = {e["sub_event_type"] for e in events}
    assert types == set(ACLED), set(ACLED) - types
    assert len(subs) >= 18, sorted(subs)
    assert any(g["not_events"] for g in gold)
    claims = Counter(e["claim_status"] for e in events)
    assert set(claims) == CLAIM_STATUS, claims
    assert any(e.get("framing_expected") for e in events)
    assert any(e.get("conflicts_expected") for e in events)


def test_gold_loads_with_the_project_loader() -> None:
    mod = pytest.importorskip("veille.eval.gold")
    docs = mod.load_gold(SAMPLE / "gold.jsonl")
    assert len(docs) == len(read_jsonl(SAMPLE / "gold.jsonl"))
    assert sum(len(d.events) for d in docs) > 40
    seed = mod.load_gold(SAMPLE / "seed_en_gold.json")
    assert [e.key for e in seed[0].events] == ["E1", "E2", "E3", "E4"]


def test_seed_translation() -> None:
    (art,) = read_jsonl(SAMPLE / "seed_en.jsonl")
    g = json.loads((SAMPLE / "seed_en_gold.json").read_text(encoding="utf-8"))
    assert art["published"] == "2024-02-05" and art["language"] == "en"
    assert SEED_POST_SIGNATURE in art["text"].splitlines()
    assert g["article"] == art["id"]
    assert [e["key"] for e in g["events"]] == ["E1", "E2", "E3", "E4"]
    problems = []
    for e in g["events"]:
        problems += check_event(art["id"], art["text"], parse_date(art["published"]), e)
    problems += [n["evidence"] for n in g["not_events"] if n["evidence"] not in art["text"]]
    assert problems == []


def test_seed_translation_keeps_the_french_coding() -> None:
    fr_gold = SHARED_EXAMPLES / "seed_gold.json"
    fr_article = SHARED_EXAMPLES / "seed_article_fr.jsonl"
    if not fr_gold.is_file() or not fr_article.is_file():
        pytest.skip("../shared/examples is not beside this checkout")
    fr = json.loads(fr_gold.read_text(encoding="utf-8"))
    en = json.loads((SAMPLE / "seed_en_gold.json").read_text(encoding="utf-8"))
    ignore = {"evidence", "framing_expected", "notes", "conflicts_expected"}
    for a, b in zip(fr["events"], en["events"], strict=True):
        assert {k: v for k, v in a.items() if k not in ignore} == {
            k: v for k, v in b.items() if k not in ignore
        }
        assert len(a.get("framing_expected", [])) == len(b.get("framing_expected", []))
    (fr_art,) = read_jsonl(fr_article)
    (en_art,) = read_jsonl(SAMPLE / "seed_en.jsonl")
    fr_lines, en_lines = fr_art["text"].splitlines(), en_art["text"].splitlines()
    assert len(fr_lines) == len(en_lines)
    assert fr_lines[3:5] == en_lines[3:5]  # the embedded Arabic post, unchanged


def test_dedup_pairs(pairs: list[dict[str, Any]]) -> None:
    assert check_pairs(pairs) == []
    assert len(pairs) >= 120
    labels = Counter(p["same_event"] for p in pairs)
    assert labels[True] and labels[False]
    assert 0.35 <= labels[True] / len(pairs) <= 0.55, labels
    cross = {frozenset((p["a"]["language"], p["b"]["language"])) for p in pairs if p["same_event"]}
    assert {frozenset(x) for x in (("fr", "ar"), ("fr", "en"), ("ar", "en"))} <= cross


# ---------------------------------------------------------------- the validators can fail


def test_validator_catches_a_broken_article(articles: list[dict[str, Any]]) -> None:
    bad = copy.deepcopy(articles[:3])
    bad[1]["id"] = bad[0]["id"]
    bad[2]["published"] = "2024-13-40"
    bad[2]["language"] = "de"
    problems = check_articles(bad)
    assert any("duplicate" in p for p in problems)
    assert any("published" in p for p in problems)
    assert any("language" in p for p in problems)


def test_validator_catches_broken_gold(
    gold: list[dict[str, Any]], articles: list[dict[str, Any]]
) -> None:
    bad = copy.deepcopy(gold)
    e = bad[0]["events"][0]
    e["evidence"] = [*e["evidence"], "a sentence that is nowhere in the article"]
    e["sub_event_type"] = "Peaceful protest"
    e["event_date"] = "2024-02-30"
    e["location"]["lat"] = 123.0
    e["fatalities"] = -1
    e["claim_status"] = "rumoured"
    bad[1]["split"] = "train"
    bad[2]["not_events"].append({"evidence": bad[2]["events"][0]["evidence"][0], "why": "x"})
    problems = check_gold(bad, articles)
    for needle in ("evidence not in the text", "ACLED pair", "event_date", "lat/lon", "fatalities",
                   "claim_status", "split", "overlaps"):  # fmt: skip
        assert any(needle in p for p in problems), needle
    assert check_gold(bad[1:], articles), "a missing gold document must be reported"


def test_validator_catches_broken_pairs(pairs: list[dict[str, Any]]) -> None:
    bad = copy.deepcopy(pairs[:3])
    bad[1]["pair_id"] = bad[0]["pair_id"]
    bad[2]["same_event"] = "yes"
    bad[2]["b"] = copy.deepcopy(bad[2]["a"])
    problems = check_pairs(bad)
    assert any("duplicate pair_id" in p for p in problems)
    assert any("true or false" in p for p in problems)
    assert any("same mention" in p for p in problems)
