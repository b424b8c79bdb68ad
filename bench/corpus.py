"""Generate N realistic articles (JSONL) for the scale benchmarks, deterministically.

Articles are recombined from the bundled corpus (``sample/articles.jsonl``,
``sample/seed_en.jsonl``) and the seed article (``../shared/examples/``): each
generated article takes a lead sentence and 2-6 further sentences from articles of the
same language (so places, dates, actors and wordings mix), a publication date shifted
by up to a year (relative dates such as "lundi" move with it), an outlet and an id.
About one article in six re-reports an earlier generated story under another outlet
and a date a day later, so cross-article dedup has duplicates to find.

    python bench/corpus.py --n 2000 --seed 1 -o bench/data/corpus-2000.jsonl
    python bench/corpus.py --n 2000 --lang fr        # French only

Same ``--n``, ``--seed`` and ``--lang``: the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    ROOT / "sample" / "articles.jsonl",
    ROOT / "sample" / "seed_en.jsonl",
    ROOT.parent / "shared" / "examples" / "seed_article_fr.jsonl",
)
OUTLETS = ("Agence Sahel Info", "Le Courrier", "Al-Khabar", "Daily Monitor", "Radio Ndjamena")
LANG_WEIGHTS = {"fr": 0.6, "ar": 0.2, "en": 0.2}
_SENTENCE = re.compile(r"[^\n.!?؟]+(?:[.!?؟]+|$)")


@dataclass(frozen=True, slots=True)
class Source:
    language: str
    published: date
    sentences: tuple[str, ...]


def present_sources(paths: Sequence[Path] = SOURCES) -> list[str]:
    """The source files this checkout has, relative to the repository's root: the
    generated corpus (and so every figure measured on it) depends on them; a checkout
    without ``../shared`` recombines fewer articles."""
    return [os.path.relpath(p, ROOT) for p in paths if p.exists()]


def load_sources(paths: Sequence[Path] = SOURCES) -> dict[str, list[Source]]:
    """Source articles by language, split into sentences (embedded posts kept whole)."""
    out: dict[str, list[Source]] = {}
    for path in paths:
        if not path.exists():
            print(
                f"corpus: {path} is missing; the corpus differs from one built with it",
                file=sys.stderr,
            )
            continue
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            lang = rec.get("language") or "fr"
            published = date.fromisoformat((rec.get("published") or "2024-02-05")[:10])
            sentences = tuple(
                s.strip()
                for para in rec["text"].split("\n")
                for s in _SENTENCE.findall(para)
                if len(s.strip()) > 20
            )
            if sentences:
                out.setdefault(lang, []).append(Source(lang, published, sentences))
    if not out:
        raise SystemExit("no source articles: sample/articles.jsonl is missing")
    return out


def generate(
    n: int, *, seed: int = 1, languages: Sequence[str] | None = None
) -> Iterator[dict[str, str]]:
    """``n`` article records ``{id, text, published, language, outlet, url, title}``."""
    rng = random.Random(seed)
    sources = load_sources()
    langs = [lang for lang in (languages or LANG_WEIGHTS) if lang in sources]
    if not langs:
        raise SystemExit(f"no source articles in {languages}; have {sorted(sources)}")
    weights = [LANG_WEIGHTS.get(lang, 0.1) for lang in langs]
    recent: list[dict[str, str]] = []
    for k in range(n):
        if recent and rng.random() < 1 / 6:
            story = rng.choice(recent)
            pub = date.fromisoformat(story["published"]) + timedelta(days=1)
            rec = dict(story, id=f"gen-{k:07d}", published=pub.isoformat())
            rec["outlet"] = rng.choice([o for o in OUTLETS if o != story["outlet"]])
            rec["url"] = f"https://example.org/gen/{k}"
            yield rec
            continue
        lang = rng.choices(langs, weights)[0]
        pool = sources[lang]
        base = rng.choice(pool)
        body = [base.sentences[0]]
        for _ in range(rng.randint(2, 6)):
            other = rng.choice(pool)
            body.append(rng.choice(other.sentences))
        pub = base.published + timedelta(days=rng.randint(-180, 180))
        rec = {
            "id": f"gen-{k:07d}",
            "text": "\n".join(body),
            "published": pub.isoformat(),
            "language": lang,
            "outlet": rng.choice(OUTLETS),
            "url": f"https://example.org/gen/{k}",
            "title": body[0][:80],
        }
        recent = [*recent[-49:], rec]
        yield rec


def write(path: Path, n: int, *, seed: int = 1, languages: Sequence[str] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed=seed, languages=languages):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lang", action="append", help="fr, ar or en (repeatable; default all)")
    parser.add_argument("-o", "--output", type=Path, default=None, help="default: stdout")
    args = parser.parse_args(argv)
    if args.output is None:
        for rec in generate(args.n, seed=args.seed, languages=args.lang):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        write(args.output, args.n, seed=args.seed, languages=args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
