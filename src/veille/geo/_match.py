"""What the geocoder's stages pass along: a gazetteer name found in the text
(``_Match``), filled in by the scan, the acceptance filters, the resolution and the
corroboration in turn; and an index of character spans (``_SpanIndex``)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from veille.geo._store import FLAG_VILLAGE, Candidate


@dataclass
class _Match:
    """A gazetteer name at ``[start, end)``, with what each stage decided about it."""

    start: int
    end: int
    first: int  # token index of the first token of the name
    last: int  # token index after the name
    candidates: tuple[Candidate, ...]
    loose: bool = False
    hinted: bool = False
    precision: int | None = None  # forced by a phrase (near: 2, vague: 3)
    phrase_start: int | None = None  # the span grows to cover a vague phrase
    phrase_end: int | None = None
    best: Candidate | None = None
    scores: dict[int, float] = field(default_factory=dict)
    # What this name (all its mentions together) adds to the context, to leave out.
    own_countries: dict[str, float] = field(default_factory=dict)
    own_admins: dict[int, float] = field(default_factory=dict)
    weak: bool = False  # needs support from the rest of the text to be kept
    demonym: bool = False  # "Russian", "Georgian": a country's adjective
    # An Arabic one-word town: kept only in a country the text names (see _accept).
    regional: bool = False
    peeled: bool = False  # read after peeling a one-letter clitic off its word

    @property
    def village(self) -> bool:
        """Every place the name may be is a village of the villages' index."""
        return bool(self.candidates) and all(c.flags & FLAG_VILLAGE for c in self.candidates)


class _SpanIndex:
    """Character spans (NER hints, taken phrases) with the overlaps of a query found by
    bisection, so that a text with thousands of spans stays linear."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        # Farthest end among the spans up to each position: the backward walk stops as
        # soon as no earlier span can reach the query.
        self._reach: list[int] = []
        reach = -1
        for _, e in self._spans:
            reach = max(reach, e)
            self._reach.append(reach)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that overlap ``[start, end)``, by start."""
        found = []
        j = bisect.bisect_left(self._starts, end) - 1
        while j >= 0 and self._reach[j] > start:
            if self._spans[j][1] > start:
                found.append(self._spans[j])
            j -= 1
        found.reverse()
        return found
