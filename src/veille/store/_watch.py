"""Watching feeds and folders: poll, ingest what is new, report and alert.

Newness comes from the store itself (an article whose text is stored is skipped), so
a restarted watcher neither re-ingests nor misses anything that is still in a feed.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from veille.errors import FetchError, InputError
from veille.model import Article, ArticleFailure, Event
from veille.store._records import ArticleProcessor, IngestReport
from veille.store._store import Store

_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def parse_interval(text: str) -> float:
    """``15m``, ``1h``, ``90s``, ``1h30m`` -> seconds; raises ``InputError``."""
    m = _DURATION.match(text.strip())
    if not text.strip() or m is None or not any(m.groups()):
        raise InputError(f"{text!r} is not an interval", fix="write it like 30s, 15m, 1h or 1h30m")
    h, mi, s = (int(g) if g else 0 for g in m.groups())
    seconds = h * 3600 + mi * 60 + s
    if seconds < 1:
        raise InputError(f"{text!r} is too short an interval", fix="use at least 1s")
    return float(seconds)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AlertRule(_Strict):
    """Alert when a new event matches every condition given (unset: any)."""

    name: str
    country: str | None = Field(default=None, description="ISO3")
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = Field(default=None, description="actor id, or part of a name")
    claim: str | None = None
    min_fatalities: int | None = None

    def matches(self, ev: Event) -> bool:
        loc_iso3 = ev.location.iso3 if ev.location else None
        if self.country and (loc_iso3 or "").upper() != self.country.upper():
            return False
        if self.event_type and ev.event_type != self.event_type:
            return False
        if self.sub_event_type and ev.sub_event_type != self.sub_event_type:
            return False
        if self.claim and (ev.claim.status if ev.claim else None) != self.claim:
            return False
        if self.min_fatalities is not None and (ev.fatalities or 0) < self.min_fatalities:
            return False
        if self.actor:
            needle = self.actor.lower()
            actors = [a for a in (ev.actor1, ev.actor2) if a is not None]
            if not any(a.id == self.actor or needle in a.name.lower() for a in actors):
                return False
        return True


class AlertRules(_Strict):
    """``--alert-rules FILE``: ``{"webhook": URL, "rules": [AlertRule, ...]}``."""

    webhook: str
    rules: list[AlertRule]
    timeout_s: float = 10.0

    @classmethod
    def load(cls, path: Path) -> AlertRules:
        try:
            return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise InputError(
                f"cannot read {exc.strerror}", where=str(path), fix="give a readable JSON file"
            ) from exc
        except (ValueError, ValidationError) as exc:
            raise InputError(
                f"not valid alert rules: {exc}",
                where=str(path),
                fix='write {"webhook": "https://...", "rules": [{"name": "...", '
                '"country": "SYR", "min_fatalities": 1}]}',
            ) from exc


class Alert(_Strict):
    rule: str
    event_ids: list[str]
    delivered: bool
    error: str | None = None


class PollReport(_Strict):
    ingest: IngestReport
    new_events: list[Event]
    alerts: list[Alert] = Field(default_factory=list)


def _items(
    sources: list[str],
    fetch: Callable[[str], tuple[bytes, str]],
    pub_date: date | None = None,
) -> Iterator[Article | ArticleFailure]:
    from veille.ingest import parse_feed, read_inputs

    for src in sources:
        if src.startswith(("http://", "https://")):
            try:
                body, final_url = fetch(src)
            except FetchError as exc:
                yield ArticleFailure(origin=src, cause=exc.cause, fix=exc.fix or "")
                continue
            # Ids keyed by the feed as configured (redirects may move it).
            yield from parse_feed(body, origin=final_url, source=src, pub_date=pub_date)
        else:
            yield from read_inputs([src], pub_date=pub_date)


def poll_once(
    store: Store,
    pipeline: ArticleProcessor,
    sources: list[str],
    *,
    rules: AlertRules | None = None,
    allow_private: bool = False,
    pub_date: date | None = None,
) -> PollReport:
    """Read every feed URL and folder once, ingest what is new, send alerts. ``pub_date``
    dates the articles that give no publication date (a .txt file, a bare feed entry)."""
    from veille.ingest import FetchPolicy, fetch_url

    policy = FetchPolicy(allow_private=allow_private)

    def fetch(url: str) -> tuple[bytes, str]:
        doc = fetch_url(url, policy)
        return doc.body, doc.final_url

    report = store.ingest(_items(sources, fetch, pub_date), pipeline)
    new_events = [ev for eid in report.new_event_ids if (ev := store.event(eid)) is not None]
    alerts = send_alerts(rules, new_events) if rules else []
    return PollReport(ingest=report, new_events=new_events, alerts=alerts)


def send_alerts(rules: AlertRules, events: list[Event]) -> list[Alert]:
    """POST one JSON document per matching rule to the webhook."""
    import httpx

    alerts: list[Alert] = []
    for rule in rules.rules:
        hits = [ev for ev in events if rule.matches(ev)]
        if not hits:
            continue
        payload = {
            "rule": rule.name,
            "events": [ev.model_dump(mode="json") for ev in hits],
        }
        try:
            response = httpx.post(rules.webhook, json=payload, timeout=rules.timeout_s)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            alerts.append(
                Alert(
                    rule=rule.name,
                    event_ids=[e.event_id for e in hits],
                    delivered=False,
                    error=f"{type(exc).__name__}: {exc}",
                )
            )
            continue
        alerts.append(Alert(rule=rule.name, event_ids=[e.event_id for e in hits], delivered=True))
    return alerts


def watch(
    store: Store,
    pipeline: ArticleProcessor,
    sources: list[str],
    *,
    every_s: float,
    rules: AlertRules | None = None,
    allow_private: bool = False,
    on_poll: Callable[[PollReport], None] | None = None,
    once: bool = False,
    sleep: Callable[[float], None] = time.sleep,
    before_poll: Callable[[], None] | None = None,
    pub_date: date | None = None,
) -> None:
    """Poll forever (or once), calling ``before_poll`` before each poll (to refresh
    what the pipeline reads from the store) and ``on_poll`` with each poll's report."""
    while True:
        started = time.monotonic()
        if before_poll is not None:
            before_poll()
        result = poll_once(
            store, pipeline, sources, rules=rules, allow_private=allow_private, pub_date=pub_date
        )
        if on_poll is not None:
            on_poll(result)
        if once:
            return
        sleep(max(0.0, every_s - (time.monotonic() - started)))
