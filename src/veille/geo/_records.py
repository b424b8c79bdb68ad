"""The geocoder's records: the places it resolves to (``Place``), the toponyms it finds
(``Toponym``) and what an outlet's other articles say about where its stories happen
(``OutletProfile``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from veille.model import Record


class Place(Record):
    """A gazetteer entry: a country, admin area, city, curated site or named region."""

    gazetteer_id: str
    name: str
    feature: str
    admin1: str | None = None
    admin1_id: str | None = None  # gazetteer id of the first-level area (itself for one)
    admin2: str | None = None
    country: str | None = None
    iso3: str | None = None
    lat: float
    lon: float
    population: int = 0


class Toponym(Record):
    """A place name found in a text, with the place it refers to (None if unresolvable)."""

    start: int
    end: int
    text: str
    place: Place | None
    geo_precision: Literal[1, 2, 3] | None
    demonym: bool = False  # a people's adjective ("Russian", "libanais"): whose, not where
    # Inside an organisation's or a person's name ("Radio X"): a toponym, not a place
    # where anything happened (set by ``PlaceFinder``, which has the parse).
    in_name: bool = False
    # A vague part of the place ("l'est de la Syrie", «الجنوب اللبناني»): the phrase is
    # somewhere in the place, not the place itself (a country so named is no state).
    vague: bool = False


# A candidate in the first-level area most of an outlet's other articles name gets a
# bonus (``context.outlet`` of the weights, scaled by that share): a local paper's
# "Dublin" is its own town.
_OUTLET_FEATURES = frozenset({"city", "site", "admin2", "admin1"})


@dataclass
class OutletProfile:
    """Where one outlet's stories happen, learned from its own articles: how many of
    them name a place in each first-level area. ``without`` leaves one article out, so
    that an article is never its own evidence."""

    documents: int = 0
    areas: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def _areas(toponyms: Sequence[Toponym]) -> set[str]:
        return {
            t.place.admin1_id
            for t in toponyms
            if t.place is not None
            and t.place.admin1_id is not None
            and t.place.feature in _OUTLET_FEATURES
        }

    def add(self, toponyms: Sequence[Toponym]) -> None:
        """Count one article's resolved toponyms (each area once per article)."""
        self.documents += 1
        self.areas.update(self._areas(toponyms))

    def without(self, toponyms: Sequence[Toponym]) -> OutletProfile:
        """This profile less one article that :meth:`add` counted."""
        areas = self.areas.copy()
        areas.subtract(self._areas(toponyms))
        return OutletProfile(self.documents - 1, +areas)

    def share(self, admin1_id: str) -> float:
        """Share of the outlet's articles that name a place in the area, discounted
        while the outlet has few articles (one article: half its share)."""
        if self.documents <= 0:
            return 0.0
        confidence = self.documents / (self.documents + 1)
        return confidence * self.areas.get(admin1_id, 0) / self.documents
