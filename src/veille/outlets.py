"""Outlet profiles from the store: where each outlet's stored stories happened.

A local paper's "Dublin" is its own town. Before an ingest, the store's articles of each
outlet and the places of their events give the outlet's profile
(:class:`veille.geo.OutletProfile`), which the pipeline uses to weigh homonyms in that
outlet's new articles. Profiles are read once per ingest, so that the local and Spark
engines resolve a batch against the same store and store the same events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from veille.geo import Geocoder, OutletProfile
    from veille.store import Store


def outlet_profiles(store: Store, geocoder: Geocoder) -> dict[str, OutletProfile]:
    """The profile of every outlet with articles in ``store``."""
    return {
        row.outlet: geocoder.outlet_profile(row.documents, row.articles)
        for row in store.outlet_places()
    }
