"""The shipped gazetteer index: schema, and read-only access by normalised key."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.errors import DataError

SCHEMA_VERSION = 1

FEATURE_CODES: dict[str, int] = {
    "country": 0,
    "admin1": 1,
    "admin2": 2,
    "city": 3,
    "site": 4,
    "region": 5,
}
FEATURE_NAMES: dict[int, str] = {code: name for name, code in FEATURE_CODES.items()}

# Name flags: an official/primary/curated name, a GeoNames alternate, a loose key.
FLAG_PRIMARY = 1
FLAG_ALT = 2
FLAG_LOOSE = 4

# Place ids: GeoNames ids; admin areas without one and curated sites get ids outside
# GeoNames' range (sites are negative).
SUBDIVISION_ID_BASE = 3_000_000_000
SITE_ID_BASE = -1

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    feature INTEGER NOT NULL,
    iso3 TEXT,
    admin1 INTEGER,
    admin2 INTEGER,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE name (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE head (token TEXT PRIMARY KEY, max_tokens INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE site (
    place INTEGER PRIMARY KEY,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    admin1_name TEXT,
    source TEXT NOT NULL
);
CREATE TABLE country (
    iso3 TEXT PRIMARY KEY,
    min_lat REAL NOT NULL,
    max_lat REAL NOT NULL,
    min_lon REAL NOT NULL,
    max_lon REAL NOT NULL,
    demonyms TEXT NOT NULL
);
"""

DEFAULT_INDEX = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "gazetteer.sqlite"
REBUILD_FIX = (
    "reinstall veille, or rebuild the index: pip install 'veille[build-data]' && "
    "python scripts/build_gazetteer.py"
)


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One row of the place table (internal; the public record is ``veille.geo.Place``)."""

    id: int
    name: str
    feature: str
    iso3: str | None
    admin1: int | None
    admin2: int | None
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Candidate:
    place: PlaceRecord
    flags: int


class GazetteerStore:
    """Read-only access to the index, with per-instance caches (never module-level)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise DataError(f"the gazetteer index {path} is missing", fix=REBUILD_FIX)
        self.path = path
        try:
            self._con = sqlite3.connect(
                f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            version = self._con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise DataError(
                f"the gazetteer index {path} is unreadable ({exc})", fix=REBUILD_FIX
            ) from exc
        if version is None or int(version[0]) != SCHEMA_VERSION:
            raise DataError(
                f"the gazetteer index {path} has schema {version}, expected {SCHEMA_VERSION}",
                fix=REBUILD_FIX,
            )
        self._heads: dict[str, int] = {}
        self._names: dict[str, tuple[Candidate, ...]] = {}
        self._places: dict[int, PlaceRecord] = {}
        self._countries: dict[str, tuple[float, float, float, float]] | None = None
        self._demonyms: dict[str, str] | None = None
        self._country_place: dict[str, PlaceRecord] | None = None
        self._sites: dict[int, tuple[str, str, str | None, str]] | None = None

    def close(self) -> None:
        self._con.close()

    def max_tokens(self, head: str) -> int:
        """How many tokens the longest name starting with ``head`` has (0: none)."""
        cached = self._heads.get(head)
        if cached is None:
            row = self._con.execute(
                "SELECT max_tokens FROM head WHERE token = ?", (head,)
            ).fetchone()
            cached = int(row[0]) if row else 0
            if len(self._heads) > 200_000:
                self._heads.clear()
            self._heads[head] = cached
        return cached

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Places indexed under ``key`` (prefix "~" for loose keys)."""
        cached = self._names.get(key)
        if cached is None:
            rows = self._con.execute(
                "SELECT n.flags, p.id, p.name, p.feature, p.iso3, p.admin1, p.admin2, p.lat, "
                "p.lon, p.population FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?",
                (key,),
            ).fetchall()
            cached = tuple(Candidate(self._record(row[1:]), row[0]) for row in rows)
            if len(self._names) > 200_000:
                self._names.clear()
            self._names[key] = cached
        return cached

    def _record(self, row: tuple[Any, ...]) -> PlaceRecord:
        # SQLite already returns int/float/str/None for these columns: no conversions.
        pid: int = row[0]
        cached = self._places.get(pid)
        if cached is None:
            cached = PlaceRecord(
                pid, row[1], FEATURE_NAMES[row[2]], row[3], row[4], row[5], row[6], row[7], row[8]
            )
            self._places[pid] = cached
        return cached

    def place(self, pid: int) -> PlaceRecord | None:
        cached = self._places.get(pid)
        if cached is not None:
            return cached
        row = self._con.execute(
            "SELECT id, name, feature, iso3, admin1, admin2, lat, lon, population "
            "FROM place WHERE id = ?",
            (pid,),
        ).fetchone()
        return None if row is None else self._record(tuple(row))

    def country_boxes(self) -> dict[str, tuple[float, float, float, float]]:
        """ISO3 -> (min_lat, max_lat, min_lon, max_lon) of the country's GeoNames cities."""
        if self._countries is None:
            rows = self._con.execute(
                "SELECT iso3, min_lat, max_lat, min_lon, max_lon FROM country"
            ).fetchall()
            self._countries = {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}
        return self._countries

    def country(self, iso3: str) -> PlaceRecord | None:
        """The country place of ``iso3``."""
        if self._country_place is None:
            rows = self._con.execute(
                "SELECT id, name, feature, iso3, admin1, admin2, lat, lon, population "
                "FROM place WHERE feature = ?",
                (FEATURE_CODES["country"],),
            ).fetchall()
            self._country_place = {}
            for row in rows:
                rec = self._record(tuple(row))
                if rec.iso3 is not None:
                    self._country_place[rec.iso3] = rec
        return self._country_place.get(iso3)

    def demonyms(self) -> dict[str, str]:
        """Normalised demonym ("syrien", "السوري") -> ISO3 of its country."""
        if self._demonyms is None:
            from veille.geo._normalize import normalise_token

            self._demonyms = {}
            for iso3, joined in self._con.execute("SELECT iso3, demonyms FROM country"):
                for word in str(joined).split("|"):
                    if word:
                        self._demonyms[normalise_token(word)] = str(iso3)
        return self._demonyms

    def site_info(self, pid: int) -> tuple[str, str, str | None, str] | None:
        """(site_id, kind, admin1 name, coordinate source) of a curated site."""
        if self._sites is None:
            self._sites = {
                int(r[0]): (str(r[1]), str(r[2]), r[3], str(r[4]))
                for r in self._con.execute(
                    "SELECT place, site_id, kind, admin1_name, source FROM site"
                )
            }
        return self._sites.get(pid)
