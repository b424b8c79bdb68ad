"""Bare clashes: an "Armed clash" that only the default gave (every mention an
unspecific word, "killed", "attack", a toll, with no weapon and no actor on either side)
is dropped from an article that tells other events ("dozens were killed in the region
this year" beside the strike it reports). Run on an article's events after merging
(``veille.stages.BareClashStage``)."""

from __future__ import annotations

from collections.abc import Sequence

from veille.model import Event

#: The sub-type a generic attack gets when nothing in the text says more.
_DEFAULT_CLASH = "Armed clash"


def without_bare_clashes(events: Sequence[Event]) -> list[Event]:
    """An article's events (after merging its mentions) without the *bare clashes*,
    when it tells anything else.

    A bare clash is an "Armed clash" that only the default gave: every mention is an
    unspecific word ("killed", "attack", a toll), with no weapon and no actor on either
    side. An armed clash is two armed sides fighting; when the text names neither and
    no word says fighting, the type is a default, not a reading. In an article that
    tells other events, such a mention is a toll, a summary or an aside that did not
    join them ("dozens were killed in the region this year"); alone in its article it
    is kept, as the article's only report of violence."""
    bare = [_bare_clash(e) for e in events]
    if all(bare):
        return list(events)
    return [e for e, b in zip(events, bare, strict=True) if not b]


def _bare_clash(e: Event) -> bool:
    return (
        e.sub_event_type == _DEFAULT_CLASH
        and all(m.values.generic for m in e.mentions)
        and e.weapon is None
        and e.actor1 is None
        and e.actor2 is None
    )
