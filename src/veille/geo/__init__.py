"""World gazetteer and geocoder: finds toponyms in fr/ar/en text and resolves them.

from veille.geo import Geocoder
geo = Geocoder.load()                      # opens the shipped index (no work at import)
for t in geo.geoparse("Frappe près de Deir ez-Zor, dans l'est de la Syrie", "fr"):
    print(t.text, t.place and t.place.name, t.geo_precision)

``PlaceFinder`` (``veille.geo.places``) is the place component over it that the
pipeline, ``veille geoparse`` and the geoparsing evaluation share; ``GeocoderWeights``
the geocoder's weights, read from ``veille/data/geocoder_weights.json`` or another file.
"""

from veille.geo._geocoder import Geocoder, OutletProfile, Place, Toponym
from veille.geo._weights import GeocoderWeights
from veille.geo.places import PlaceEvidence, PlaceFinder

__all__ = [
    "Geocoder",
    "GeocoderWeights",
    "OutletProfile",
    "Place",
    "PlaceEvidence",
    "PlaceFinder",
    "Toponym",
]
