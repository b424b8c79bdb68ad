"""Clustering: which mentions are one event, by one policy for every engine.

``Deduplicator`` is the deduplication policy that ``extract`` (``Pipeline``), the store
and the Spark job all apply:

* within an article, mentions are clustered greedily in text order (discourse links
  are local, and an anaphor such as "cette attaque" joins the nearest earlier event);
* across articles, two per-article events are *linked* when ``match_score`` scores
  them at least the policy's ``threshold`` (``SAME_EVENT_THRESHOLD`` unless a config's
  ``dedup.threshold`` says otherwise; a match needs the same block: country, event
  family, dates at most a day apart, and a place on both sides). The linked events form
  connected components; each component is clustered greedily in a canonical order
  (date, then id, then smallest mention key), so that a component whose events do not
  all agree (two actors linked through a third mention naming neither) still splits.

The threshold is a property of the one ``Deduplicator`` instance: the same value
decides which events are linked (``components``) and which of a component merge
(``resolve``), in every engine that is given that instance.

Components and the canonical order depend only on the *set* of events, so the result
does not depend on the order events arrive in: an engine that sees them in pieces
(the store, one article at a time; Spark, one weekly block at a time) gets the same
events as one that sees them all, as long as it re-clusters every component it adds
to. A component is local (events of a few days, one country and family), so that is
cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from veille.dedup.assemble import finalize, is_anaphoric, merge
from veille.dedup.blocking import DATE_WINDOW_DAYS, block_family, comparable
from veille.dedup.match import SAME_ARTICLE_THRESHOLD, SAME_EVENT_THRESHOLD, match_score
from veille.model import Event

# Within one article a mention is compared with the most recent events only: discourse
# links are local, and a 25,000-sentence page must not cost 25,000² comparisons.
MAX_IN_ARTICLE_CANDIDATES = 64


def cluster(
    events: Iterable[Event],
    *,
    same_article: bool = False,
    threshold: float = SAME_EVENT_THRESHOLD,
) -> list[Event]:
    """Greedy clustering in input order; anaphoric mentions join the nearest prior event.

    ``threshold``: the score at which two events of different articles are one (a
    ``Deduplicator`` passes its own); within an article ``SAME_ARTICLE_THRESHOLD``.

    The result depends on the order: within an article the order is the text's (an
    anaphor refers back); across articles use ``Deduplicator.across_articles``, which
    runs this over each connected set of events in a canonical order.

    Across articles an event is compared only with events dated within the date window
    (``match_score`` is 0 for any other pair), so the cost grows with the events of a
    few days, not with everything seen.
    """
    out: list[Event] = []
    by_day: dict[date, list[int]] = {}
    for ev in events:
        best_i, best_s = -1, 0.0
        anaphoric = same_article and is_anaphoric(ev)
        # An anaphor ("the operation was carried out with a drone") is the event told
        # before it: actors its own sentence names do not make it another event (they
        # are often the other side, named in passing).
        probe = ev.model_copy(update={"actor1": None, "actor2": None}) if anaphoric else ev
        for i in _candidates(out, by_day, ev, same_article):
            if anaphoric and is_anaphoric(out[i]):
                continue  # an anaphor refers to an event, not to another anaphor
            s = match_score(out[i], probe, same_article=same_article)
            if s <= 0:
                continue
            # Prefer the closest earlier event in the text when scores tie.
            if s > best_s or (s == best_s and same_article):
                best_i, best_s = i, s
        needed = SAME_ARTICLE_THRESHOLD if same_article else threshold
        if best_i >= 0 and (best_s >= needed or anaphoric):
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


def canonical_key(event: Event) -> tuple[date, str, str]:
    """The order components are clustered in: date, id, smallest mention key.

    Per-article events carry the stable id of their smallest mention key, so this key
    is a function of the event alone, never of the order events arrived in.
    """
    first = min((m.key() for m in event.mentions), default="")
    return (event.event_date or date.min, event.event_id, first)


@dataclass(frozen=True, slots=True)
class Deduplicator:
    """The one deduplication policy (see the module docstring).

    ``threshold``: the match score at which events of different articles are one, for
    linking and merging alike. ``extract`` (``Pipeline``), the store and the Spark job
    each apply the instance their config names (``veille.registry.deduplicator_of``).
    """

    threshold: float = SAME_EVENT_THRESHOLD

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"a dedup threshold is a score in (0, 1], not {self.threshold}")

    def within_article(self, events: Iterable[Event]) -> list[Event]:
        """One article's mentions (in text order) -> its events, finalised."""
        return finalize(cluster(events, same_article=True))

    def linked(self, a: Event, b: Event) -> bool:
        """Whether two events of different articles are evidence of one happening."""
        best = max(match_score(a, b), match_score(b, a))
        return best >= self.threshold

    def components(self, events: Sequence[Event]) -> list[list[int]]:
        """Indices of ``events`` grouped into connected components of ``linked``.

        Only events of one country and family dated at most ``DATE_WINDOW_DAYS`` apart
        are compared; events without a date or a place are components of their own.
        Components are sorted by their smallest index, indices ascending.
        """
        parent = list(range(len(events)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_day: dict[tuple[str, str, date], list[int]] = {}
        for i, ev in enumerate(events):
            if not comparable(ev):
                continue
            assert ev.event_date is not None and ev.location is not None  # comparable()
            group = (ev.location.iso3 or "?", block_family(ev.sub_event_type))
            for d in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1):
                day = ev.event_date + timedelta(days=d)
                for j in by_day.get((*group, day), ()):
                    ri, rj = find(i), find(j)
                    if ri != rj and self.linked(events[j], ev):
                        parent[max(ri, rj)] = min(ri, rj)
            by_day.setdefault((*group, ev.event_date), []).append(i)
        out: dict[int, list[int]] = {}
        for i in range(len(events)):
            out.setdefault(find(i), []).append(i)
        return sorted(out.values(), key=lambda c: c[0])

    def resolve(self, component: Iterable[Event]) -> list[Event]:
        """One component's events (not finalised): greedy, in the canonical order."""
        return cluster(sorted(component, key=canonical_key), threshold=self.threshold)

    def across_articles(self, events: Sequence[Event]) -> list[Event]:
        """Per-article events -> deduplicated, finalised events, whatever their order."""
        merged: list[Event] = []
        for component in self.components(events):
            merged.extend(self.resolve(events[i] for i in component))
        return finalize(merged)
