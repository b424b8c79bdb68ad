"""Deterministic synthetic articles and events, for tests, demos and benchmarks.

Each article is one sentence built from parts, so the spans of its single event are
known exactly; every fifth article is in Arabic, to exercise right-to-left display.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import (
    Actor,
    Article,
    Claim,
    Event,
    Framing,
    Location,
    Mention,
    MentionSpans,
    MentionValues,
    Plover,
    Source,
    stable_id,
)

_PLACES = (
    Location(
        name="Aleppo",
        admin1="Aleppo",
        country="Syria",
        iso3="SYR",
        lat=36.2021,
        lon=37.1343,
        geo_precision=1,
        gazetteer_id="city:SYR:aleppo",
    ),
    Location(
        name="Deir ez-Zor",
        admin1="Deir ez-Zor",
        country="Syria",
        iso3="SYR",
        lat=35.3359,
        lon=40.1408,
        geo_precision=1,
        gazetteer_id="city:SYR:deir-ez-zor",
    ),
    Location(
        name="Mosul",
        admin1="Ninewa",
        country="Iraq",
        iso3="IRQ",
        lat=36.335,
        lon=43.1189,
        geo_precision=1,
        gazetteer_id="city:IRQ:mosul",
    ),
    Location(
        name="Djibo",
        admin1="Sahel",
        country="Burkina Faso",
        iso3="BFA",
        lat=14.1022,
        lon=-1.6306,
        geo_precision=2,
        gazetteer_id="city:BFA:djibo",
    ),
    Location(
        name="Kharkiv",
        admin1="Kharkiv",
        country="Ukraine",
        iso3="UKR",
        lat=49.9935,
        lon=36.2304,
        geo_precision=1,
        gazetteer_id="city:UKR:kharkiv",
    ),
)
_AR_PLACES = {"Aleppo": "حلب", "Deir ez-Zor": "دير الزور", "Mosul": "الموصل"}
_ACTORS = (
    Actor(name="Islamic State (Syria)", id="is-syr", kind="rebel", inter=2, country=None),
    Actor(
        name="Military Forces of Syria (2000-2024)",
        id="mil-syr",
        kind="state",
        inter=1,
        country="SYR",
    ),
    Actor(name="Civilians (Iraq)", id="civ-irq", kind="civilians", inter=7, country="IRQ"),
    Actor(
        name="JNIM: Group for Support of Islam and Muslims",
        id="jnim",
        kind="rebel",
        inter=2,
        country=None,
    ),
)
_SUBS = (
    "Air/drone strike",
    "Armed clash",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Attack",
    "Peaceful protest",
)
_VERBS = {
    "Air/drone strike": ("a drone struck", "قصفت طائرة مسيرة"),
    "Armed clash": ("fighters clashed with", "اشتبك مسلحون مع"),
    "Shelling/artillery/missile attack": ("rockets hit", "سقطت صواريخ على"),
    "Remote explosive/landmine/IED": ("a roadside bomb hit", "انفجرت عبوة ناسفة في"),
    "Attack": ("gunmen attacked", "هاجم مسلحون"),
    "Peaceful protest": ("residents protested against", "تظاهر سكان ضد"),
}


@dataclass(frozen=True)
class SyntheticItem:
    article: Article
    source: Source
    event: Event


def synthetic_item(i: int, *, seed: int = 7, start: date = date(2024, 1, 1)) -> SyntheticItem:
    """Article and event number ``i`` (the same ``i`` and seed give the same item)."""
    rng = random.Random(seed * 1_000_003 + i)
    place = _PLACES[rng.randrange(len(_PLACES))]
    sub = _SUBS[rng.randrange(len(_SUBS))]
    actor1 = _ACTORS[rng.randrange(len(_ACTORS))] if rng.random() < 0.7 else None
    actor2 = _ACTORS[rng.randrange(len(_ACTORS))] if rng.random() < 0.4 else None
    if actor2 is not None and actor1 is not None and actor2.id == actor1.id:
        actor2 = None
    day = start + timedelta(days=rng.randrange(120))
    arabic = i % 5 == 4 and place.name in _AR_PLACES
    article_id = f"syn-{seed}-{i}"
    source_id = f"{article_id}#article"
    a1 = actor1.name if actor1 else None
    a2 = actor2.name if actor2 else None
    fatalities = rng.choice([None, 0, 1, 2, 5, 12])
    # Build the sentence piece by piece, noting where each part lands.
    parts: list[tuple[str, str | None]] = []
    if arabic:
        verb = _VERBS[sub][1]
        parts += [("في ", None), (day.isoformat(), "date"), ("، ", None)]
        parts += [(verb, "trigger"), (" ", None), (_AR_PLACES[place.name], "location")]
        parts += [("، حسب مصادر محلية.", None)]
        language = "ar"
    else:
        verb = _VERBS[sub][0]
        parts += [("On ", None), (day.isoformat(), "date"), (", ", None)]
        if a1:
            parts += [(a1, "actor1"), (" said ", None)]
        parts += [(verb, "trigger"), (" ", None)]
        if a2:
            parts += [(a2, "actor2"), (" in ", None)]
        parts += [(place.name, "location")]
        if fatalities:
            parts += [(", killing ", None), (str(fatalities), "fatalities")]
        parts += [(". <script>alert(1)</script> was not in the wire copy.", None)]
        language = "en"
    text = ""
    spans: dict[str, tuple[int, int]] = {}
    for piece, role in parts:
        if role:
            spans[role] = (len(text), len(text) + len(piece))
        text += piece
    info = SUB_EVENT_TYPES[sub]
    claim = Claim(
        status=rng.choice(["claimed", "reported", "confirmed", "denied"]),
        by=a1,
        via="statement" if a1 else None,
    )
    mention = Mention(
        article_id=article_id,
        source_id=source_id,
        language=language,
        start=0,
        end=len(text),
        text=text,
        spans=MentionSpans.model_validate(spans),
        values=MentionValues(
            event_date=day,
            date_precision="day",
            sub_event_type=sub,
            actor1_id=actor1.id if actor1 else None,
            actor2_id=actor2.id if actor2 else None,
            location_name=place.name,
            location_id=place.gazetteer_id,
            iso3=place.iso3,
            fatalities=fatalities,
            claim_status=claim.status,
        ),
    )
    source = Source(
        source_id=source_id,
        article_id=article_id,
        outlet="Synthetic Wire",
        url=f"https://example.org/{article_id}",
        published=day,
        language=language,
    )
    framing = (
        [Framing(term=verb, refers_to="event", article_id=article_id, span=spans["trigger"])]
        if i % 7 == 0
        else []
    )
    event = Event(
        event_id=stable_id(mention.key()),
        event_date=day,
        date_precision="day",
        event_type=info.event_type,
        sub_event_type=sub,
        plover=Plover(event_type=info.plover, mode="drone" if "drone" in sub else None),
        actor1=actor1,
        actor2=actor2,
        claim=claim,
        fatalities=fatalities,
        location=place,
        mentions=[mention],
        sources=[source],
        framing=framing,
        notes=f"{sub} in {place.name} on {day.isoformat()}.",
        confidence=round(rng.random(), 3),
    )
    article = Article(
        id=article_id,
        text=text,
        published=day,
        language=language,
        outlet="Synthetic Wire",
        url=source.url,
        title=f"{sub} in {place.name}",
    )
    return SyntheticItem(article=article, source=source, event=event)


def synthetic_events(n: int, *, seed: int = 7) -> list[Event]:
    return [synthetic_item(i, seed=seed).event for i in range(n)]


class SyntheticPipeline:
    """A pipeline stand-in: the event of a synthetic article, by its id (no models)."""

    def __init__(self, items: list[SyntheticItem]) -> None:
        self._by_id = {it.article.id: it for it in items}

    def process_article(self, article: Article) -> SyntheticResult:
        item = self._by_id.get(article.id)
        if item is None:
            from veille.errors import InputError

            raise InputError(
                "no synthetic event for this article",
                where=article.id,
                fix="build the article with synthetic_item",
            )
        return SyntheticResult(article=article, sources=[item.source], events=[item.event])


@dataclass
class SyntheticResult:
    article: Article
    sources: list[Source]
    events: list[Event]
