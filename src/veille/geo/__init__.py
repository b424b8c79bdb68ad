"""World gazetteer and geocoder: finds toponyms in fr/ar/en text and resolves them.

from veille.geo import Geocoder
geo = Geocoder.load()                      # opens the shipped index (no work at import)
for t in geo.geoparse("Frappe près de Deir ez-Zor, dans l'est de la Syrie", "fr"):
    print(t.text, t.place and t.place.name, t.geo_precision)
"""

from veille.geo._geocoder import Geocoder, OutletProfile, Place, Toponym

__all__ = ["Geocoder", "OutletProfile", "Place", "Toponym"]
