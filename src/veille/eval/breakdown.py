"""Why events are missed or extra, as counts only: safe to print on a held-out half.

The scorer says *whether* a gold event was found; this says, in aggregate, what the
nearest prediction of the same article got wrong, so that work goes to the class of
error that costs most without anyone reading a held-out item:

- a missed gold event is ``place`` (a prediction of an accepted sub-type within a day,
  placed outside the gold radius), ``unplaced`` (the same, with no coordinates),
  ``date`` (accepted sub-type and place, date more than a day off or missing), ``type``
  (date and place right, another sub-type), ``sibling`` (no prediction left, but one of
  its sub-type and day was matched to another place: a list of places read as fewer
  events), ``none_in_article`` (the article gave no
  event at all) or ``unrelated`` (nothing close);
- an extra prediction is ``near_miss`` (it is one of the above for a missed event),
  ``split`` (it would match an event another prediction already matched: one event told
  as two), ``no_gold_article`` (an article with no gold event) or ``spurious``.

Matching is the scorer's (``../shared/tools/score_events.py``): the same order, the
same tests, so the counts add up to its figures.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from veille.model import Event

_DEFAULT_RADIUS_KM = 50.0


@dataclass
class Breakdown:
    """Counts of misses and extras by cause, and of sub-type confusions."""

    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)
    extra_types: Counter[str] = field(default_factory=Counter)
    missed_types: Counter[str] = field(default_factory=Counter)
    missed_by: Counter[tuple[str, str]] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    extra_profile: Counter[str] = field(default_factory=Counter)
    place_km: list[float] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"missed by cause: {dict(self.missed.most_common())}"]
        out.append(f"missed by gold sub-type: {dict(self.missed_types.most_common())}")
        by = {f"{t}: {c}": n for (t, c), n in self.missed_by.most_common()}
        out.append(f"missed (gold sub-type: cause): {by}")
        out.append(f"extra by cause: {dict(self.extra.most_common())}")
        out.append(f"extra (spurious/split) by sub-type: {dict(self.extra_types.most_common())}")
        held = dict(self.extra_profile.most_common())
        out.append(f"extra (spurious/split) by what they hold: {held}")
        if self.confusions:
            shown = {f"{g} -> {p}": n for (g, p), n in self.confusions.most_common()}
            out.append(f"sub-type confusions (gold -> got): {shown}")
        if self.place_km:
            km = sorted(self.place_km)
            out.append(
                "place misses, km off: "
                f"<100 {sum(d < 100 for d in km)}, 100-500 {sum(100 <= d < 500 for d in km)}, "
                f">=500 {sum(d >= 500 for d in km)}"
            )
        return out


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class _Test:
    type_ok: bool
    date_ok: bool
    place_ok: bool
    km: float | None


def _found(t: _Test) -> bool:
    return t.type_ok and t.date_ok and t.place_ok


def _test(gold: dict[str, Any], pred: dict[str, Any]) -> _Test:
    accepted = gold.get("sub_event_type_any") or [gold["sub_event_type"]]
    gd, pd = _day(gold.get("event_date")), _day(pred.get("event_date"))
    loc = gold.get("location") or {}
    ploc = pred.get("location") or {}
    lat, lon = ploc.get("lat"), ploc.get("lon")
    km: float | None = None
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        km = _km(float(loc["lat"]), float(loc["lon"]), float(lat), float(lon))
    return _Test(
        type_ok=pred.get("sub_event_type") in accepted,
        date_ok=bool(gd and pd and abs((gd - pd).days) <= 1),
        place_ok=km is not None and km <= float(loc.get("max_km", _DEFAULT_RADIUS_KM)),
        km=km,
    )


def _article_preds(events: list[dict[str, Any]], article_id: str) -> list[dict[str, Any]]:
    return [
        e
        for e in events
        if e.get("event_type")
        and any(m.get("article_id") == article_id for m in e.get("mentions") or [])
    ]


def _profile(pred: dict[str, Any], golds_first: date | None = None) -> list[str]:
    """What an extra prediction holds, as flags (no text): where it came from."""
    values = [m.get("values") or {} for m in pred.get("mentions") or []]
    flags = ["events"]
    if values and all(v.get("generic") for v in values):
        flags.append("generic_trigger")
    if values and all(v.get("anaphoric") for v in values):
        flags.append("anaphoric")
    for key in ("fatalities", "weapon", "event_date", "location"):
        if pred.get(key) in (None, ""):
            flags.append(f"no_{key}")
    for key in ("actor1", "actor2"):
        if pred.get(key):
            flags.append(key)
    if len(values) > 1:
        flags.append("several_mentions")
    location = pred.get("location") or {}
    if location.get("geo_precision") is not None:
        flags.append(f"geo_precision_{location['geo_precision']}")
    claim = (pred.get("claim") or {}).get("status")
    if claim:
        flags.append(f"claim_{claim}")
    day = _day(pred.get("event_date"))
    if day is not None and golds_first is not None and (golds_first - day).days > _OLDER_DAYS:
        flags.append("older_than_the_articles_events")
    return flags


#: Days before an article's earliest gold event past which an extra tells an older one.
_OLDER_DAYS = 7


def breakdown(gold_docs: list[dict[str, Any]], events: list[Event]) -> Breakdown:
    """Counts of causes over the gold documents (``gold.json``'s ``articles``)."""
    dumped = [e.model_dump(mode="json") for e in events]
    out = Breakdown()
    for doc in gold_docs:
        preds = _article_preds(dumped, str(doc.get("id")))
        golds: list[dict[str, Any]] = list(doc.get("events", []))
        used: set[int] = set()
        missed: list[dict[str, Any]] = []
        for g in golds:
            hit = next(
                (i for i, p in enumerate(preds) if i not in used and _found(_test(g, p))),
                None,
            )
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
        near: set[int] = set()
        for g in missed:
            out.missed_types[g["sub_event_type"]] += 1
            free = [(i, _test(g, p)) for i, p in enumerate(preds) if i not in used]
            cause = "unrelated" if preds else "none_in_article"
            for i, t in free:
                if t.type_ok and t.date_ok:
                    cause = "place" if t.km is not None else "unplaced"
                    if t.km is not None:
                        out.place_km.append(t.km)
                elif t.type_ok and t.place_ok:
                    cause = "date"
                elif t.date_ok and t.place_ok:
                    cause = "type"
                    out.confusions[(g["sub_event_type"], str(preds[i].get("sub_event_type")))] += 1
                else:
                    continue
                near.add(i)
                break
            if cause == "unrelated" and any(
                (t := _test(g, preds[i])).type_ok and t.date_ok for i in used
            ):
                cause = "sibling"  # its type and day went to another place's event
            elif cause == "unrelated":
                tests = [t for _, t in free]
                held = [
                    n
                    for n, ok in (
                        ("type", any(t.type_ok for t in tests)),
                        ("date", any(t.date_ok for t in tests)),
                        ("place", any(t.place_ok for t in tests)),
                    )
                    if ok
                ]
                cause = f"unrelated({'+'.join(held) or 'nothing'} apart)"
            out.missed[cause] += 1
            out.missed_by[(g["sub_event_type"], cause)] += 1
        for i, p in enumerate(preds):
            if i in used or i in near:
                if i in near:
                    out.extra["near_miss"] += 1
                continue
            if not golds:
                cause = "no_gold_article"
            elif any(_found(_test(g, p)) for g in golds):
                cause = "split"
            else:
                cause = "spurious"
            out.extra[cause] += 1
            out.extra_types[str(p.get("sub_event_type"))] += 1
            days = [d for g in golds if (d := _day(g.get("event_date"))) is not None]
            out.extra_profile.update(_profile(p, min(days) if days else None))
    return out
