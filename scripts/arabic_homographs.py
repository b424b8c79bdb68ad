"""Candidates for ``common_words`` in ``veille/lang/ar/places.json``: frequent Arabic
words that the geocoder reads as a place when they stand alone.

    pip install wordfreq==3.1.1        # not a veille dependency: a reviewing aid only
    python scripts/arabic_homographs.py --top 15000 > /tmp/candidates.tsv

Each line: the word's Zipf frequency (``wordfreq``), the word, and the place it was read
as. The list is for a person to review: frequency alone does not tell a common word
(«كيف» how, read as Kyiv) from a place name news uses often («حلب» Aleppo). Only words
whose everyday sense in news is not the place go into ``common_words`` (a function
word, a common noun, a person's name); a word whose form with the article is a town in
the news («الزاوية», «الأقصر») stays out, since the list also blocks that form. Nothing
of ``wordfreq``'s data is shipped: the reviewed words are written by hand.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15000, help="most frequent words to try")
    args = parser.parse_args(argv)
    try:
        import wordfreq
    except ImportError:
        print(
            "error: this reviewing aid needs wordfreq (pip install wordfreq==3.1.1)",
            file=sys.stderr,
        )
        return 2
    from veille.geo import Geocoder

    geocoder = Geocoder.load()
    for word in wordfreq.top_n_list("ar", args.top):
        if len(word) < 3:
            continue
        for found in geocoder.geoparse(f"وقال {word} أمس", "ar"):
            if found.place is not None and word.endswith(found.text):
                zipf = wordfreq.zipf_frequency(word, "ar")
                print(f"{zipf:.2f}\t{word}\t{found.place.name}\t{found.place.iso3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
