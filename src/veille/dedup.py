"""Deduplication: mentions of one happening become one event, across sentences,
articles and languages; disagreements between them are kept as ``conflicts``.

The evidence is structured (event-type family, dates with a window, places by
identity, containment or distance, canonical actor ids), so it works across
languages without translation. Blocking (``candidate_key``) keeps the comparison
local: only events in the same country, event family and date window are compared.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from veille.extract.taxonomy import SUB_EVENT_TYPES, family
from veille.model import Conflict, Event, Location, Plover, stable_id

SAME_EVENT_THRESHOLD = 0.6  # across articles: needs a shared place and a close date
SAME_ARTICLE_THRESHOLD = 0.55  # within one article the discourse links mentions too
DATE_WINDOW_DAYS = 1  # mentions in different sources may differ by a day (time zones)
NEAR_KM = 25.0
ADJACENT_CHARS = 40  # mentions closer than this in one text are consecutive sentences
# Within a family, the more severe sub-type wins when mentions disagree (ACLED codes
# a protest that police dispersed as "Protest with intervention").
_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
}

_CLAIM_PRIORITY = {"confirmed": 3, "claimed": 2, "denied": 1, "reported": 0}
_FEATURE_ORDER = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def candidate_key(event: Event) -> tuple[str, str, str]:
    """Blocking key: (country ISO3 or '?', event family, ISO week of the date or '?').

    Callers compare an event only with stored events whose key shares the country and
    family and whose week is this week or the adjacent one (see ``neighbour_keys``).
    """
    iso3 = event.location.iso3 if event.location and event.location.iso3 else "?"
    week = _week(event.event_date) if event.event_date else "?"
    return (iso3, block_family(event.sub_event_type), week)


# Blocking must be coarser than compatibility: an unspecific "targeting" (typed as a
# clash by default) may merge with a drone strike, so both families share one block.
_BLOCK_FAMILIES = {"remote": "armed", "fight": "armed"}


def block_family(sub_event_type: str) -> str:
    fam = family(sub_event_type)
    return _BLOCK_FAMILIES.get(fam, fam)


def neighbour_keys(event: Event) -> list[tuple[str, str, str]]:
    iso3, fam, _ = candidate_key(event)
    if event.event_date is None:
        return [(iso3, fam, "?")]
    days = range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1)
    weeks = sorted({_week(event.event_date + timedelta(days=d)) for d in days})
    return [(iso3, fam, w) for w in weeks]


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# ---------------------------------------------------------------------------
# Compatibility and score


def _specific_subs(e: Event) -> set[str]:
    return {
        m.values.sub_event_type
        for m in e.mentions
        if m.values.sub_event_type and not m.values.generic
    }


def _types_compatible(a: Event, b: Event) -> bool:
    sa, sb = _specific_subs(a), _specific_subs(b)
    if sa and sb:
        return bool(sa & sb)
    if not sa and not sb:
        return (
            family(a.sub_event_type) == family(b.sub_event_type)
            or _generic_attack(a)
            or _generic_attack(b)
        )
    specific, generic = (a, b) if sa else (b, a)
    if _generic_attack(generic):
        return SUB_EVENT_TYPES[specific.sub_event_type].violent
    return family(generic.sub_event_type) == family(specific.sub_event_type)


def _generic_attack(e: Event) -> bool:
    """A mention whose only type evidence is an unspecific verb ("cibler", "cette attaque")."""
    return all(m.values.generic for m in e.mentions) and family(e.sub_event_type) != "remote"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def _place_relation(a: Location | None, b: Location | None) -> str:
    """'same', 'near', 'nested' (one contains the other), 'unknown' or 'different'."""
    if a is None or b is None:
        return "unknown"
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return "same"
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return "different"
    # Two exactly named places (precision 1) are different places however close;
    # "near" is for approximate ones ("près de X", "the outskirts of Y").
    if (
        2 in (a.geo_precision, b.geo_precision)
        and max(a.geo_precision, b.geo_precision) <= 2
        and a.lat is not None
        and b.lat is not None
        and a.lon is not None
        and b.lon is not None
        and distance_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM
    ):
        return "near"
    broad_a, broad_b = a.geo_precision == 3, b.geo_precision == 3
    if broad_a or broad_b:
        wide, narrow = (a, b) if broad_a and not broad_b else (b, a)
        if wide.admin1 is None or narrow.admin1 is None or wide.admin1 == narrow.admin1:
            return "nested"
        if wide.name == narrow.admin1 or wide.name == narrow.country:
            return "nested"
    return "different"


def _date_gap(a: Event, b: Event) -> int | None:
    if a.event_date is None or b.event_date is None:
        return None
    return abs((a.event_date - b.event_date).days)


def _sources(e: Event) -> set[str]:
    return {m.source_id for m in e.mentions}


def _from_posts_only(e: Event) -> bool:
    return all(m.values.date_from_post for m in e.mentions if m.values.event_date)


def match_score(a: Event, b: Event, *, same_article: bool = False) -> float:
    """How likely ``a`` and ``b`` describe one happening, in [0, 1] (0: incompatible)."""
    if not _types_compatible(a, b):
        return 0.0
    if a.actor1 and b.actor1 and a.actor1.id != b.actor1.id:
        return 0.0
    if a.actor2 and b.actor2 and a.actor2.id != b.actor2.id:
        return 0.0
    place = _place_relation(a.location, b.location)
    if place == "different":
        return 0.0
    gap = _date_gap(a, b)
    if gap is not None and gap > _date_tolerance(a, b):
        return 0.0
    if not same_article and (place == "unknown" or gap is None):
        return 0.0  # across articles, we need a place and a date to say "same event"
    score = 0.3
    nested = 0.15 if same_article else 0.05  # "in Kaduna State" alone does not tie two reports
    score += {"same": 0.35, "near": 0.3, "nested": nested, "unknown": 0.05}[place]
    if gap is not None:
        score += 0.25 if gap == 0 else 0.15
    elif same_article:
        score += 0.05
    if same_article and _text_distance(a, b) <= ADJACENT_CHARS:
        score += 0.15  # the next sentence usually goes on telling the same happening
    if a.actor1 and b.actor1:
        score += 0.1
    if a.actor2 and b.actor2:
        score += 0.05
    return round(min(score, 1.0), 3)


def _date_tolerance(a: Event, b: Event) -> int:
    """Days two mentions' dates may differ by and still be one event.

    One source states one date. Across sources a one-day gap is allowed only where it
    is explainable: an embedded post's date is shown in the reader's time zone, and a
    night event is dated on either side of midnight. "Tuesday" against "Wednesday
    evening" in two reports are two events.
    """
    shared_source = bool(_sources(a) & _sources(b))
    from_post = _from_posts_only(a) or _from_posts_only(b)
    if from_post:
        return DATE_WINDOW_DAYS
    if shared_source or a.event_date is None or b.event_date is None:
        return 0
    early, late = (a, b) if a.event_date <= b.event_date else (b, a)
    if early.time_of_day in ("evening", "night") and late.time_of_day in (None, "night", "dawn"):
        return DATE_WINDOW_DAYS
    if late.time_of_day in ("night", "dawn") and early.time_of_day in (None, "evening", "night"):
        return DATE_WINDOW_DAYS
    return 0


def _text_distance(a: Event, b: Event) -> int:
    best = 10**9
    for m in a.mentions:
        for n in b.mentions:
            if m.article_id == n.article_id:
                gap = max(n.start - m.end, m.start - n.end, 0)
                best = min(best, gap)
    return best


# ---------------------------------------------------------------------------
# Merging


def merge(kept: Event, new: Event) -> Event:
    """One event from two: ``kept``'s id, all mentions, fields chosen by evidence."""
    seen = {m.key() for m in kept.mentions}
    mentions = [*kept.mentions, *(m for m in new.mentions if m.key() not in seen)]
    sources = list(kept.sources)
    for s in new.sources:
        if all(s.source_id != t.source_id for t in sources):
            sources.append(s)
    framing = list(kept.framing)
    for f in new.framing:
        if all((f.article_id, f.span) != (g.article_id, g.span) for g in framing):
            framing.append(f)
    merged = kept.model_copy(update={"mentions": mentions, "sources": sources, "framing": framing})
    return _recompute(merged, [kept, new])


def _recompute(e: Event, parts: Sequence[Event]) -> Event:
    ms = e.mentions
    # Type: the most frequent stated sub-type; unstated ("cette attaque") defers.
    stated = [
        m.values.sub_event_type for m in ms if m.values.sub_event_type and not m.values.generic
    ]
    if stated and all(x in _SEVERITY for x in stated):
        sub = max(stated, key=lambda x: _SEVERITY[x])
    else:
        sub = Counter(stated).most_common(1)[0][0] if stated else _default_sub(parts)
    info = SUB_EVENT_TYPES[sub]
    weapon = next(
        (m.values.weapon for m in ms if m.values.sub_event_type == sub and m.values.weapon), None
    )
    weapon = weapon or next((p.weapon for p in parts if p.weapon), None)
    plover_mode = next(
        (p.plover.mode for p in parts if p.sub_event_type == sub and p.plover.mode), None
    )
    # Date: a phrase in the text beats an embedded post's own date; finer beats coarser.
    dated = [m for m in ms if m.values.event_date is not None]
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    dated.sort(
        key=lambda m: (m.values.date_from_post, rank.get(m.values.date_precision or "year", 4))
    )
    best_date = dated[0].values if dated else None
    tod = next(
        (
            m.values.time_of_day
            for m in dated
            if m.values.event_date == (best_date.event_date if best_date else None)
            and m.values.time_of_day
        ),
        None,
    )
    location = _best_location([p.location for p in parts])
    actor1 = next((p.actor1 for p in parts if p.actor1), None)
    actor2 = next(
        (p.actor2 for p in parts if p.actor2 and (actor1 is None or p.actor2.id != actor1.id)), None
    )
    claims = [p.claim for p in parts if p.claim]
    claim = max(claims, key=lambda c: _CLAIM_PRIORITY[c.status]) if claims else None
    tolls = [m.values.fatalities for m in ms if m.values.fatalities is not None]
    counts = [p.weapon_count for p in parts if p.weapon_count]
    out = e.model_copy(
        update={
            "event_type": info.event_type,
            "sub_event_type": sub,
            "plover": Plover(event_type=info.plover, mode=plover_mode),
            "weapon": weapon,
            "weapon_count": max(counts) if counts else None,
            "event_date": best_date.event_date if best_date else None,
            "date_precision": best_date.date_precision if best_date else None,
            "time_of_day": tod,
            "location": location,
            "actor1": actor1,
            "actor2": actor2,
            "claim": claim,
            "fatalities": min(tolls) if tolls else None,  # ACLED: the lowest reported figure
        }
    )
    out.conflicts = conflicts_of(out)
    out.notes = summary(out)
    out.confidence = confidence(out)
    return out


def _default_sub(parts: Sequence[Event]) -> str:
    for p in parts:
        if family(p.sub_event_type) == "remote":
            return p.sub_event_type
    return parts[0].sub_event_type


def _best_location(locs: Iterable[Location | None]) -> Location | None:
    present = [loc for loc in locs if loc is not None]
    if not present:
        return None
    return min(present, key=lambda loc: (loc.geo_precision, _FEATURE_ORDER.get(_feature(loc), 3)))


def _feature(loc: Location) -> str:
    gid = loc.gazetteer_id or ""
    return gid.split(":", 1)[0] if ":" in gid else "city"


def conflicts_of(e: Event) -> list[Conflict]:
    """Fields on which the mentions disagree, with which source said what."""
    out: list[Conflict] = []

    def collect(field: str, values: list[tuple[str, str]], note: str) -> None:
        distinct = sorted({v for v, _ in values})
        if len(distinct) > 1:
            by_value = {v: s for v, s in reversed(values)}
            out.append(
                Conflict(
                    field=field,
                    values=distinct if field != "event_date" else _order_dates(e, distinct),
                    sources=[
                        by_value[v]
                        for v in (distinct if field != "event_date" else _order_dates(e, distinct))
                    ],
                    note=note,
                )
            )

    collect(
        "event_date",
        [(m.values.event_date.isoformat(), m.source_id) for m in e.mentions if m.values.event_date],
        "Sources give different dates; an embedded post's date shows in the reader's time zone.",
    )
    collect(
        "fatalities",
        [
            (str(m.values.fatalities), m.source_id)
            for m in e.mentions
            if m.values.fatalities is not None
        ],
        "Sources give different death tolls; the lowest is used (ACLED convention).",
    )
    collect(
        "claim_status",
        [
            (m.values.claim_status, m.source_id)
            for m in e.mentions
            if m.values.claim_status in ("denied",)
        ]
        + [
            (m.values.claim_status, m.source_id)
            for m in e.mentions
            if m.values.claim_status in ("claimed", "confirmed")
        ],
        "One source denies what another claims or confirms.",
    )
    return out


def _order_dates(e: Event, values: list[str]) -> list[str]:
    chosen = e.event_date.isoformat() if e.event_date else None
    return sorted(values, key=lambda v: (v != chosen, v))


def summary(e: Event) -> str:
    """A neutral one-sentence English summary built only from normalised fields."""
    who = e.actor1.name if e.actor1 else "An unidentified actor"
    what = e.sub_event_type.lower()
    target = f" targeting {e.actor2.name}" if e.actor2 else ""
    where = ""
    if e.location:
        parts = [e.location.name]
        if e.location.admin1 and e.location.admin1 != e.location.name:
            parts.append(e.location.admin1)
        if e.location.country and e.location.country not in parts:
            parts.append(e.location.country)
        where = " in " + ", ".join(parts)
    when = f" on {e.event_date.isoformat()}" if e.event_date else ""
    weapon = f" ({e.weapon})" if e.weapon else ""
    toll = ""
    if e.fatalities is not None:
        toll = f"; {e.fatalities} reported killed"
    status = ""
    if e.claim:
        by = f" by {e.claim.by}" if e.claim.by else ""
        status = f"; {e.claim.status}{by}"
    return f"{who}: {what}{weapon}{target}{where}{when}{toll}{status}."


def confidence(e: Event) -> float:
    """A transparent heuristic (not a calibrated probability): evidence present."""
    score = 0.35
    score += 0.1 if e.event_date else 0.0
    score += 0.1 if e.location and e.location.geo_precision <= 2 else 0.05 if e.location else 0.0
    score += 0.1 if e.actor1 else 0.0
    score += 0.05 if e.actor2 else 0.0
    score += 0.1 if any(not m.values.generic for m in e.mentions) else 0.0
    score += 0.05 * min(3, len({m.source_id for m in e.mentions}) - 1)
    score += 0.05 if e.claim and e.claim.status in ("claimed", "confirmed") else 0.0
    return round(min(score, 0.99), 2)


# ---------------------------------------------------------------------------
# Clustering


# Within one article a mention is compared with the most recent events only: discourse
# links are local, and a 25,000-sentence page must not cost 25,000² comparisons.
MAX_IN_ARTICLE_CANDIDATES = 64


def cluster(events: Iterable[Event], *, same_article: bool = False) -> list[Event]:
    """Greedy clustering in input order; anaphoric mentions join the nearest prior event.

    Across articles an event is compared only with events dated within the date window
    (``match_score`` is 0 for any other pair), so the cost grows with the events of a
    few days, not with everything seen.
    """
    out: list[Event] = []
    by_day: dict[date, list[int]] = {}
    for ev in events:
        best_i, best_s = -1, 0.0
        anaphoric = same_article and _is_anaphoric(ev)
        for i in _candidates(out, by_day, ev, same_article):
            s = match_score(out[i], ev, same_article=same_article)
            if s <= 0:
                continue
            # Prefer the closest earlier event in the text when scores tie.
            if s > best_s or (s == best_s and same_article):
                best_i, best_s = i, s
        threshold = SAME_ARTICLE_THRESHOLD if same_article else SAME_EVENT_THRESHOLD
        if best_i >= 0 and (best_s >= threshold or anaphoric):
            before = out[best_i].event_date
            out[best_i] = merge(out[best_i], ev)
            _reindex(by_day, best_i, before, out[best_i].event_date)
        elif anaphoric and out and ev.location is None and ev.event_date is None:
            # "cette attaque" with nothing of its own and no compatible antecedent: drop.
            continue
        else:
            out.append(ev)
            _reindex(by_day, len(out) - 1, None, ev.event_date)
    return out


def _candidates(
    out: list[Event], by_day: dict[date, list[int]], ev: Event, same_article: bool
) -> list[int]:
    if same_article:
        return list(range(max(0, len(out) - MAX_IN_ARTICLE_CANDIDATES), len(out)))
    if ev.event_date is None:
        return []  # across articles an undated mention never matches
    days = (
        ev.event_date + timedelta(days=d) for d in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1)
    )
    return sorted(i for day in days for i in by_day.get(day, ()))


def _reindex(by_day: dict[date, list[int]], i: int, old: date | None, new: date | None) -> None:
    if old == new:
        return
    if old is not None and i in by_day.get(old, ()):
        by_day[old].remove(i)
    if new is not None:
        by_day.setdefault(new, []).append(i)


def _is_anaphoric(e: Event) -> bool:
    return all(m.values.anaphoric for m in e.mentions)


def assign_ids(events: Iterable[Event]) -> list[Event]:
    """Stable ids: the same input gives the same ids, whatever the processing order."""
    out = []
    for e in events:
        keys = sorted(m.key() for m in e.mentions)
        out.append(e.model_copy(update={"event_id": stable_id(keys[0] if keys else e.notes)}))
    return out


def sort_events(events: Iterable[Event]) -> list[Event]:
    return sorted(
        events,
        key=lambda e: (
            min((m.article_id for m in e.mentions), default=""),
            min((m.start for m in e.mentions), default=0),
        ),
    )


def finalize(events: Iterable[Event]) -> list[Event]:
    """Drop internal markers, recompute derived fields, assign ids, order by text."""
    out = []
    for e in events:
        if _is_anaphoric(e):
            continue  # an anaphor that found no antecedent is not an event by itself
        out.append(_recompute(e, [e]))
    return sort_events(assign_ids(out))
