"""The shipped gazetteer index: schema, and read-only access by normalised key."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from typing import Any, NamedTuple

from veille.errors import DataError

# 2: one row per key with its candidates packed (no join, no per-place row at lookup).
SCHEMA_VERSION = 2

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
#: A name of a village the main sources lack (``scripts/extract_wof_villages.py``): the
#: villages' index keeps it under keys that name no known place (read where the text
#: announces a town in a country it names, ``_accept``), and in its table ``shadow``
#: under known names (read once their known places are ruled out, ``_corroborate``).
FLAG_VILLAGE = 8

# Place ids: GeoNames ids; admin areas without one and curated sites get ids outside
# GeoNames' range (sites are negative).
SUBDIVISION_ID_BASE = 3_000_000_000
SITE_ID_BASE = -1
#: Country boxes this many degrees apart still touch (``GazetteerStore.neighbours``).
NEIGHBOUR_MARGIN = 0.5
#: Countries whose box spans more degrees than this have no neighbours by box.
NEIGHBOUR_SPAN = 40.0

# One candidate of a key, packed little-endian: place id, feature code, name flags, ISO3
# (empty: none), admin1 and admin2 place ids (0: none), latitude and longitude in
# 1e-5 degrees (GeoNames' own precision, so exact), population.
CANDIDATE = struct.Struct("<qBB3sIIiiI")
COORD_SCALE = 100_000

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
    key TEXT PRIMARY KEY,
    candidates BLOB NOT NULL
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
#: The villages' index, read beside the main one when it is there.
VILLAGES_FILE = "villages.sqlite"
#: Each country's capital city beside the index (``GazetteerStore.capital``).
CAPITALS_FILE = "capitals.tsv"
#: Its table of the villages a known name hides: key -> packed candidates.
SHADOW_TABLE = "shadow"
REBUILD_FIX = (
    "reinstall veille, or rebuild the index: pip install 'veille[build-data]' && "
    "python scripts/build_gazetteer.py"
)


class PlaceRecord(NamedTuple):
    """One place of the index (internal; the public record is ``veille.geo.Place``).

    A named tuple: lookups build thousands per second, and a tuple is the cheapest typed
    record to build. Its display name is read only for the places a text resolves to
    (:meth:`GazetteerStore.name`): candidates that lose need none.
    """

    id: int
    feature: str
    iso3: str | None
    admin1: int | None
    admin2: int | None
    lat: float
    lon: float
    population: int


class Candidate(NamedTuple):
    """A place a key names, with the flags of that name (``FLAG_*``)."""

    place: PlaceRecord
    flags: int


CandidateRow = tuple[int, int, int, str | None, int | None, int | None, float, float, int]


def pack_candidates(rows: list[CandidateRow]) -> bytes:
    """The ``name.candidates`` blob of one key: ``(place id, feature code, flags, iso3,
    admin1, admin2, lat, lon, population)`` for each place it names."""
    packed = []
    for pid, feature, flags, iso3, admin1, admin2, lat, lon, population in rows:
        ilat, ilon = round(lat * COORD_SCALE), round(lon * COORD_SCALE)
        if ilat / COORD_SCALE != lat or ilon / COORD_SCALE != lon:
            raise ValueError(f"place {pid}: ({lat}, {lon}) has more than 5 decimals")
        packed.append(
            CANDIDATE.pack(
                pid,
                feature,
                flags,
                (iso3 or "").encode("ascii"),
                admin1 or 0,
                admin2 or 0,
                ilat,
                ilon,
                population,
            )
        )
    return b"".join(packed)


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
        except sqlite3.DatabaseError as exc:
            raise DataError(
                f"the gazetteer index {path} is unreadable ({exc})", fix=REBUILD_FIX
            ) from exc
        self._check_schema("", f"the gazetteer index {path}")
        # The villages' index beside it (``scripts/build_gazetteer.py``): keys the main
        # index lacks, read only when it has none, and the villages known names hide.
        villages = path.with_name(VILLAGES_FILE)
        self._villages = villages.is_file()
        if self._villages:
            try:
                self._con.execute(
                    "ATTACH DATABASE ? AS v", (f"file:{villages}?mode=ro&immutable=1",)
                )
            except sqlite3.DatabaseError as exc:
                raise DataError(
                    f"the villages index {villages} is unreadable ({exc})", fix=REBUILD_FIX
                ) from exc
            self._check_schema("v.", f"the villages index {villages}")
        self._shadowed: dict[str, tuple[Candidate, ...]] = {}
        self._heads: dict[str, int] = {}
        self._continued: dict[str, bool] = {}
        self._names: dict[str, tuple[Candidate, ...]] = {}
        self._places: dict[int, PlaceRecord] = {}
        self._display: dict[int, str] = {}
        self._countries: dict[str, tuple[float, float, float, float]] | None = None
        self._neighbours: dict[str, frozenset[str]] | None = None
        self._demonyms: dict[str, str] | None = None
        self._capitals: dict[str, int] | None = None
        self._country_place: dict[str, PlaceRecord] | None = None
        self._sites: dict[int, tuple[str, str, str | None, str]] | None = None

    def _check_schema(self, schema: str, what: str) -> None:
        """The index (``schema``: "" the main one, "v." the villages') holds the schema
        this code reads; else a DataError naming ``what`` and the rebuild."""
        try:
            row = self._con.execute(
                f"SELECT value FROM {schema}meta WHERE key = 'schema_version'"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise DataError(f"{what} is unreadable ({exc})", fix=REBUILD_FIX) from exc
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise DataError(f"{what} has schema {row}, expected {SCHEMA_VERSION}", fix=REBUILD_FIX)

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
            if self._villages:
                row = self._con.execute(
                    "SELECT max_tokens FROM v.head WHERE token = ?", (head,)
                ).fetchone()
                cached = max(cached, int(row[0]) if row else 0)
            if len(self._heads) > 200_000:
                self._heads.clear()
            self._heads[head] = cached
        return cached

    def continues(self, prefix: str) -> bool:
        """Whether a longer key starts with the tokens ``prefix`` (a key ``prefix`` +
        " " + more tokens): a scan lengthens a name only while one does."""
        cached = self._continued.get(prefix)
        if cached is None:
            # Keys compare as UTF-8 bytes (code points): those after ``prefix + " "``
            # sort from it up to, not including, ``prefix + "!"`` ("!" follows " ").
            bounds = (prefix + " ", prefix + "!")
            row = self._con.execute(
                "SELECT 1 FROM name WHERE key >= ? AND key < ? LIMIT 1", bounds
            ).fetchone()
            if row is None and self._villages:
                row = self._con.execute(
                    "SELECT 1 FROM v.name WHERE key >= ? AND key < ? LIMIT 1", bounds
                ).fetchone()
            cached = row is not None
            if len(self._continued) > 200_000:
                self._continued.clear()
            self._continued[prefix] = cached
        return cached

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Places indexed under ``key`` (prefix "~" for loose keys)."""
        cached = self._names.get(key)
        if cached is None:
            # One B-tree probe returns every candidate packed in one blob: no join, and
            # a place already seen (Paris, the key "paris" and "paname") is reused.
            row = self._con.execute("SELECT candidates FROM name WHERE key = ?", (key,)).fetchone()
            if row is None and self._villages:
                row = self._con.execute(
                    "SELECT candidates FROM v.name WHERE key = ?", (key,)
                ).fetchone()
            cached = () if row is None else self._unpack(row[0])
            if len(self._names) > 200_000:
                self._names.clear()
            self._names[key] = cached
        return cached

    def shadowed(self, key: str) -> tuple[Candidate, ...]:
        """The villages of the villages' index that ``key``'s known places hide (none
        without that index): a caller reads them once every known place is ruled out."""
        if not self._villages:
            return ()
        cached = self._shadowed.get(key)
        if cached is None:
            row = self._con.execute(
                f"SELECT candidates FROM v.{SHADOW_TABLE} WHERE key = ?", (key,)
            ).fetchone()
            cached = () if row is None else self._unpack(row[0])
            if len(self._shadowed) > 200_000:
                self._shadowed.clear()
            self._shadowed[key] = cached
        return cached

    def _unpack(self, blob: bytes) -> tuple[Candidate, ...]:
        places = self._places
        out = []
        for pid, feature, flags, iso3, admin1, admin2, lat, lon, pop in CANDIDATE.iter_unpack(blob):
            rec = places.get(pid)
            if rec is None:
                rec = PlaceRecord(
                    pid,
                    FEATURE_NAMES[feature],
                    iso3.decode("ascii") if iso3[0] else None,  # packed NULs: none
                    admin1 or None,
                    admin2 or None,
                    lat / COORD_SCALE,
                    lon / COORD_SCALE,
                    pop,
                )
                if len(places) > 200_000:
                    places.clear()
                places[pid] = rec
            out.append(Candidate(rec, flags))
        return tuple(out)

    def _record(self, row: tuple[Any, ...]) -> PlaceRecord:
        # SQLite already returns int/float/str/None for these columns: no conversions.
        pid: int = row[0]
        cached = self._places.get(pid)
        if cached is None:
            cached = PlaceRecord(
                pid, FEATURE_NAMES[row[1]], row[2], row[3], row[4], row[5], row[6], row[7]
            )
            self._places[pid] = cached
        return cached

    def place(self, pid: int) -> PlaceRecord | None:
        cached = self._places.get(pid)
        if cached is not None:
            return cached
        row = self._con.execute(
            "SELECT id, feature, iso3, admin1, admin2, lat, lon, population "
            "FROM place WHERE id = ?",
            (pid,),
        ).fetchone()
        if row is None and self._villages:
            row = self._con.execute(
                "SELECT id, feature, iso3, admin1, admin2, lat, lon, population "
                "FROM v.place WHERE id = ?",
                (pid,),
            ).fetchone()
        return None if row is None else self._record(tuple(row))

    def name(self, pid: int) -> str | None:
        """The display name of place ``pid`` (read when a toponym is output)."""
        cached = self._display.get(pid)
        if cached is None:
            row = self._con.execute("SELECT name FROM place WHERE id = ?", (pid,)).fetchone()
            if row is None and self._villages:
                row = self._con.execute("SELECT name FROM v.place WHERE id = ?", (pid,)).fetchone()
            if row is None:
                return None
            cached = str(row[0])
            if len(self._display) > 200_000:
                self._display.clear()
            self._display[pid] = cached
        return cached

    def places_in(self, iso3: str) -> list[tuple[PlaceRecord, str]]:
        """The towns and administrative areas of one country (ISO3), with their display
        names (the main index only: one full read of its places, so callers cache)."""
        return self._named(
            "iso3 = ? AND feature IN (?, ?, ?)",
            (iso3, FEATURE_CODES["city"], FEATURE_CODES["admin1"], FEATURE_CODES["admin2"]),
        )

    def villages_in(self, iso3: str, admin1: int) -> list[tuple[PlaceRecord, str]]:
        """The villages of the villages' index in one first-level area of one country,
        with their display names (none without that index; one full read, so callers
        cache)."""
        if not self._villages:
            return []
        return self._named(
            "iso3 = ? AND admin1 = ? AND feature = ?",
            (iso3, admin1, FEATURE_CODES["city"]),
            schema="v.",
        )

    def provinces(self) -> list[tuple[PlaceRecord, str]]:
        """Every country's first-level areas (states, provinces), with their names."""
        return self._named("feature = ?", (FEATURE_CODES["admin1"],))

    def _named(
        self, where: str, params: tuple[Any, ...], schema: str = ""
    ) -> list[tuple[PlaceRecord, str]]:
        """The places of an index (``schema``: "" the main one, "v." the villages')
        ``where`` selects, with their display names."""
        rows = self._con.execute(
            "SELECT id, feature, iso3, admin1, admin2, lat, lon, population, name "
            f"FROM {schema}place WHERE {where}",
            params,
        ).fetchall()
        return [(self._record(tuple(row[:8])), str(row[8])) for row in rows]

    def country_boxes(self) -> dict[str, tuple[float, float, float, float]]:
        """ISO3 -> (min_lat, max_lat, min_lon, max_lon) of the country's GeoNames cities."""
        if self._countries is None:
            rows = self._con.execute(
                "SELECT iso3, min_lat, max_lat, min_lon, max_lon FROM country"
            ).fetchall()
            self._countries = {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}
        return self._countries

    def neighbours(self) -> dict[str, frozenset[str]]:
        """ISO3 -> the countries whose boxes touch its box (within ``NEIGHBOUR_MARGIN``
        degrees). Countries spanning more than ``NEIGHBOUR_SPAN`` degrees (Russia, the
        US with Alaska, France with none of its overseas cities but a wide box...) have
        boxes too coarse to say who borders them, and get no neighbours."""
        if self._neighbours is None:
            boxes = {
                iso3: box
                for iso3, box in self.country_boxes().items()
                if box[1] - box[0] <= NEIGHBOUR_SPAN and box[3] - box[2] <= NEIGHBOUR_SPAN
            }
            out: dict[str, set[str]] = {iso3: set() for iso3 in boxes}
            m = NEIGHBOUR_MARGIN
            items = sorted(boxes.items())
            for i, (a, (a0, a1, a2, a3)) in enumerate(items):
                for b, (b0, b1, b2, b3) in items[i + 1 :]:
                    if a0 - m <= b1 and b0 - m <= a1 and a2 - m <= b3 and b2 - m <= a3:
                        out[a].add(b)
                        out[b].add(a)
            self._neighbours = {k: frozenset(v) for k, v in out.items()}
        return self._neighbours

    def country(self, iso3: str) -> PlaceRecord | None:
        """The country place of ``iso3``."""
        if self._country_place is None:
            rows = self._con.execute(
                "SELECT id, feature, iso3, admin1, admin2, lat, lon, population "
                "FROM place WHERE feature = ?",
                (FEATURE_CODES["country"],),
            ).fetchall()
            self._country_place = {}
            for row in rows:
                rec = self._record(tuple(row))
                if rec.iso3 is not None:
                    self._country_place[rec.iso3] = rec
        return self._country_place.get(iso3)

    def capital(self, iso3: str) -> PlaceRecord | None:
        """The capital city of ``iso3`` (``CAPITALS_FILE`` beside the index, rebuilt by
        ``scripts/build_capitals.py``); None where the file or the country has none."""
        if self._capitals is None:
            self._capitals = {}
            table = self.path.with_name(CAPITALS_FILE)
            if table.is_file():
                lines = table.read_text(encoding="utf-8").splitlines()
                for n, line in enumerate(lines[3:], start=4):
                    try:
                        code, place_id, _name = line.split("\t")
                        self._capitals[code] = int(place_id)
                    except ValueError as exc:
                        raise DataError(
                            f"{table} line {n} is not 'iso3<TAB>geonames_id<TAB>name' ({exc})",
                            fix="rebuild it: python scripts/build_capitals.py",
                        ) from exc
        found = self._capitals.get(iso3)
        return None if found is None else self.place(found)

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
