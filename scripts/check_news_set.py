"""Check a batch of news written for ``sample/probe_news`` before it joins the set (its
writers run it on their own folder): ``articles.jsonl`` and ``gold.json`` in the format
of ``../shared/data/news_dev/README.md``, held to the brief's stricter contract (every
article titled, the main date and sub-type among the accepted ones, tolls null or a
count). The shared news_dev set is looser and is not checked with it.

    python scripts/check_news_set.py DIR     # prints OK, or one line per problem (exit 1)

Each article needs its fields; each gold event a key of its own, ISO dates with the main
one among the accepted ones, an ACLED type with one of its sub-types, actors that are
null, "ANY" or a regex, a claim status, a toll that is null or a count, a location with
its radius, and evidence (and not-event evidence) that is an exact substring of the
article's text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

#: ACLED's event types and sub-types ("Excessive force against protesters" stands under
#: both, as ACLED's codebooks have placed it).
TYPES: dict[str, frozenset[str]] = {
    "Battles": frozenset(
        {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
    ),
    "Explosions/Remote violence": frozenset(
        {
            "Air/drone strike",
            "Remote explosive/landmine/IED",
            "Shelling/artillery/missile attack",
            "Suicide bomb",
            "Grenade",
            "Chemical weapon",
        }
    ),
    "Protests": frozenset(
        {"Excessive force against protesters", "Peaceful protest", "Protest with intervention"}
    ),
    "Riots": frozenset({"Mob violence", "Violent demonstration"}),
    "Strategic developments": frozenset(
        {
            "Agreement",
            "Arrests",
            "Disrupted weapons use",
            "Looting/property destruction",
            "Headquarters or base established",
            "Non-violent transfer of territory",
            "Change to group/activity",
            "Other",
        }
    ),
    "Violence against civilians": frozenset(
        {
            "Abduction/forced disappearance",
            "Attack",
            "Sexual violence",
            "Excessive force against protesters",
        }
    ),
}
SUB_TYPES = frozenset(s for subs in TYPES.values() for s in subs)
CLAIMS = frozenset({"claimed", "reported", "confirmed", "denied"})
ARTICLE_FIELDS = ("id", "language", "published", "outlet", "title", "text")
LOCATION_FIELDS = ("name", "iso3", "lat", "lon", "max_km")


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _article_problems(path: Path) -> tuple[dict[str, str], list[str]]:
    """The articles' texts by id, and what is wrong with them."""
    texts: dict[str, str] = {}
    problems: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name} line {n}: not JSON ({exc.msg})")
            continue
        missing = [k for k in ARTICLE_FIELDS if not isinstance(article.get(k), str)]
        if missing:
            problems.append(f"{path.name} line {n}: missing {', '.join(missing)}")
            continue
        if not _is_date(article["published"]):
            problems.append(f"{article['id']}: published is no YYYY-MM-DD date")
        texts[article["id"]] = article["text"]
    return texts, problems


def _event_problems(where: str, event: dict[str, Any], text: str) -> list[str]:
    problems: list[str] = []
    if not _is_date(event.get("event_date")) or not all(
        _is_date(d) for d in event.get("event_date_any", [])
    ):
        problems.append(f"{where}: a date is no YYYY-MM-DD date")
    elif event["event_date"] not in event.get("event_date_any", []):
        problems.append(f"{where}: event_date not in event_date_any")
    sub = event.get("sub_event_type")
    if sub not in TYPES.get(event.get("event_type", ""), ()):
        problems.append(f"{where}: sub-type {sub!r} is not one of {event.get('event_type')!r}")
    accepted = event.get("sub_event_type_any", [])
    if sub not in accepted or any(s not in SUB_TYPES for s in accepted):
        problems.append(f"{where}: sub_event_type_any must hold the sub-type and known ones")
    for side in ("actor1", "actor2"):
        value = event.get(side, "missing")
        if value is None or value == "ANY":
            continue
        if not (isinstance(value, dict) and isinstance(value.get("re"), str)):
            problems.append(f"{where}: {side} must be null, 'ANY' or {{'re': ...}}")
            continue
        try:
            re.compile(value["re"])
        except re.error as exc:
            problems.append(f"{where}: {side} regex does not compile ({exc})")
    claims = event.get("claim_status")
    claims = claims if isinstance(claims, list) else [claims]
    if not claims or any(c not in CLAIMS for c in claims):
        problems.append(f"{where}: claim_status must be one or a list of {sorted(CLAIMS)}")
    toll = event.get("fatalities", "missing")
    if not (toll is None or (isinstance(toll, int) and toll >= 0)):
        problems.append(f"{where}: fatalities must be null or a count")
    location = event.get("location") or {}
    missing = [k for k in LOCATION_FIELDS if k not in location]
    if missing:
        problems.append(f"{where}: location lacks {', '.join(missing)}")
    if not event.get("evidence"):
        problems.append(f"{where}: no evidence")
    for evidence in event.get("evidence", []):
        if evidence not in text:
            problems.append(f"{where}: evidence is no exact substring: {evidence[:60]!r}")
    if not isinstance(event.get("framing_expected"), list):
        problems.append(f"{where}: framing_expected must be a list")
    return problems


def problems_of(folder: Path) -> tuple[list[str], int, int]:
    """What is wrong with the set in ``folder``; its counts of articles and events."""
    texts, problems = _article_problems(folder / "articles.jsonl")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    ids = {a["id"] for a in gold["articles"]}
    if ids != set(texts):
        problems.append(f"gold and articles differ on {sorted(ids ^ set(texts))}")
    keys: set[str] = set()
    for article in gold["articles"]:
        text = texts.get(article["id"], "")
        for event in article["events"]:
            where = f"{article['id']}/{event.get('key')}"
            if event.get("key") in keys:
                problems.append(f"{where}: the key is used twice")
            keys.add(event.get("key"))
            problems += _event_problems(where, event, text)
        for not_event in article.get("not_events", []):
            if not_event["evidence"] not in text:
                problems.append(
                    f"{article['id']}: not-event evidence is no exact substring: "
                    f"{not_event['evidence'][:60]!r}"
                )
    for pair in gold.get("same_event", []):
        unknown = [k for k in pair if k not in keys]
        if unknown:
            problems.append(f"same_event names unknown keys {unknown}")
    return problems, len(texts), len(keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the folder with articles.jsonl and gold.json")
    args = parser.parse_args()
    problems, articles, events = problems_of(args.folder)
    if problems:
        print("\n".join(problems))
        return 1
    print(f"OK: {articles} articles, {events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
