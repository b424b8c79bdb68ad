"""ISO3 -> ISO 3166-1 numeric code and ACLED region (``acled_countries.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CountryCodes:
    iso3: str
    numeric: int
    region: str
    name: str


@cache
def country_table() -> dict[str, CountryCodes]:
    """Loaded on first use (not at import time) and kept: it is read-only data."""
    text = resources.files("veille.export").joinpath("acled_countries.tsv").read_text("utf-8")
    table: dict[str, CountryCodes] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, numeric, region, name = line.split("\t")
        table[iso3] = CountryCodes(iso3, int(numeric), region, name)
    return table
