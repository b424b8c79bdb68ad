"""Gazetteer benchmark: load time, resident memory, lookups/s and geoparse throughput.

Goals: load < 1 s, RSS < 300 MB, 50k+ uncached lookups/s. Run: ``python bench/gazetteer.py``.
Timings are the best of three runs (each uncached run opens a fresh index), so that a
busy machine measures the code rather than its neighbours.
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
# One 1 MB page on a single line: a sentence naming a town, repeated with other towns.
PAGE_TOWNS = ("Aleppo", "Homs", "Hama", "Idlib", "Mosul", "Kirkuk", "Tripoli", "Sidon")
PAGE_SENTENCE = (
    "Shelling hit {town} on day {i}, the local council said, as residents fled toward "
    "the hills and the markets closed early. "
)
RUNS = 3


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    rss0 = rss_mb()
    load_s = float("inf")
    for _ in range(RUNS):
        t0 = time.perf_counter()
        geo = Geocoder.load()
        load_s = min(load_s, time.perf_counter() - t0)

    con = sqlite3.connect(f"file:{DEFAULT_INDEX}?mode=ro", uri=True)
    names = [row[0] for row in con.execute("SELECT name FROM place ORDER BY id LIMIT 20000")]
    con.close()
    keys = [" ".join(t.norm for t in tokenize(n)) for n in names]
    cold = warm = 0.0
    for _ in range(RUNS):
        store = Geocoder.load()._store  # a fresh index: nothing cached
        t0 = time.perf_counter()
        for key in keys:
            store.lookup(key)
        cold = max(cold, len(keys) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for _ in range(5):
            for key in keys:
                store.lookup(key)
        warm = max(warm, 5 * len(keys) / (time.perf_counter() - t0))

    geo.geoparse(SAMPLE_TEXT, "fr")
    docs_s = 0.0
    n = 200
    for _ in range(RUNS):
        t0 = time.perf_counter()
        for _ in range(n):
            geo.geoparse(SAMPLE_TEXT, "fr")
        docs_s = max(docs_s, n / (time.perf_counter() - t0))

    sentences = []
    size = i = 0
    while size < 1_000_000:
        sentences.append(PAGE_SENTENCE.format(town=PAGE_TOWNS[i % len(PAGE_TOWNS)], i=i))
        size += len(sentences[-1])
        i += 1
    page = "".join(sentences)
    page_s = float("inf")
    for _ in range(RUNS):
        t0 = time.perf_counter()
        found = geo.geoparse(page, "en")
        page_s = min(page_s, time.perf_counter() - t0)

    print(f"index: {DEFAULT_INDEX.stat().st_size / 1e6:.1f} MB")
    print(f"load: {load_s * 1000:.0f} ms (goal < 1000 ms)")
    print(f"lookups/s (distinct keys, uncached): {cold:,.0f} (goal 50,000+)")
    print(f"lookups/s (cached): {warm:,.0f}")
    print(f"geoparse: {docs_s:,.0f} short articles/s ({len(SAMPLE_TEXT)} chars each)")
    print(
        f"geoparse of one single-line page: {len(page) / 1e6:.1f} MB, {len(found):,} "
        f"toponyms in {page_s:.1f} s"
    )
    print(f"RSS: {rss_mb():.0f} MB peak (before load {rss0:.0f} MB; goal < 300 MB)")


if __name__ == "__main__":
    main()
