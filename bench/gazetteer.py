"""Gazetteer benchmark: load time, resident memory, lookups/s and geoparse throughput.

Goals: load < 1 s, RSS < 300 MB, 50k+ lookups/s. Run: ``python bench/gazetteer.py``.
"""

from __future__ import annotations

import resource
import sqlite3
import time

from veille.geo import Geocoder
from veille.geo._normalize import tokenize
from veille.geo._store import DEFAULT_INDEX

SAMPLE_TEXT = (
    "Une frappe de drone a visé la base de Kharab al-Jir, près de Rmeilan, dans l'est de "
    "la Syrie, tandis que des tirs ont touché Deir ez-Zor et le champ pétrolier d'al-Omar. "
    "Clashes were reported in Tripoli, Lebanon, and near Mosul in northern Iraq. "
    "قصفت طائرة مسيرة قاعدة عين الأسد في محافظة الأنبار وسقطت قذائف على حلب وريف إدلب."
)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    rss0 = rss_mb()
    t0 = time.perf_counter()
    geo = Geocoder.load()
    load_s = time.perf_counter() - t0

    con = sqlite3.connect(f"file:{DEFAULT_INDEX}?mode=ro", uri=True)
    names = [row[0] for row in con.execute("SELECT name FROM place ORDER BY id LIMIT 20000")]
    con.close()
    keys = [" ".join(t.norm for t in tokenize(n)) for n in names]
    store = geo._store
    t0 = time.perf_counter()
    for key in keys:
        store.lookup(key)
    cold = len(keys) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _ in range(5):
        for key in keys:
            store.lookup(key)
    warm = 5 * len(keys) / (time.perf_counter() - t0)

    geo.geoparse(SAMPLE_TEXT, "fr")
    t0 = time.perf_counter()
    n = 200
    for _ in range(n):
        geo.geoparse(SAMPLE_TEXT, "fr")
    docs_s = n / (time.perf_counter() - t0)

    print(f"index: {DEFAULT_INDEX.stat().st_size / 1e6:.1f} MB")
    print(f"load: {load_s * 1000:.0f} ms (goal < 1000 ms)")
    print(f"lookups/s (distinct keys, uncached): {cold:,.0f} (goal 50,000+)")
    print(f"lookups/s (cached): {warm:,.0f}")
    print(f"geoparse: {docs_s:,.0f} short articles/s ({len(SAMPLE_TEXT)} chars each)")
    print(f"RSS: {rss_mb():.0f} MB peak (before load {rss0:.0f} MB; goal < 300 MB)")


if __name__ == "__main__":
    main()
