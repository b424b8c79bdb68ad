"""Outside-written news with ACLED-style gold (``../shared/data/news_dev``), split honestly.

The set is split by a hash of the article id *before anyone reads it*: rules are written
from the ``train`` half only and the ``heldout`` half is reported as the accuracy figure.
The split never depends on the content, so it cannot drift toward easy items.

Scoring runs the maintainers' scorer (``../shared/tools/score_events.py``) on the subset,
so the figures are the ones the maintainers compute on their hidden set of the same kind.

``python -m veille.eval.news [--split heldout|train|all] [-v] [--causes] [--language L]``
prints the summary line (``-v`` adds the scorer's per-miss lines: use it on ``train``
only; ``--causes`` adds counts of misses and extras by cause, which hold no item and may
be shown for either half; ``--language`` scores one language's articles of the half).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from veille.errors import InputError
from veille.model import Article

Split = Literal["train", "heldout"]
SPLITS: tuple[str, ...] = ("train", "heldout", "all")
_SUMMARY = re.compile(
    r"events P=(?P<p>[\d.]+) R=(?P<r>[\d.]+) F1=(?P<f1>[\d.]+) "
    r"fields=(?P<fok>\d+)/(?P<fn>\d+) provenance=(?P<pok>\d+)/(?P<pn>\d+) "
    r"framing_leaks=(?P<leaks>\d+) false_events=(?P<false>\d+) merged=(?P<mok>\d+)/(?P<mn>\d+)"
)


def split_of(article_id: str) -> Split:
    """The half an article belongs to: the parity of the SHA-256 of its id."""
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return "train" if digest[-1] % 2 == 0 else "heldout"


@dataclass(frozen=True)
class NewsScores:
    """The scorer's summary line for one subset."""

    split: str
    articles: int
    gold_events: int
    precision: float
    recall: float
    f1: float
    fields_ok: int
    fields_n: int
    provenance_ok: int
    framing_leaks: int
    false_events: int
    merged_ok: int
    merged_n: int

    @property
    def field_accuracy(self) -> float:
        return self.fields_ok / self.fields_n if self.fields_n else 0.0


def _select(
    gold: dict[str, object], articles: list[Article], split: str, language: str | None = None
) -> tuple[dict[str, object], list[Article]]:
    """The gold and articles of one half (``split``), of one language when given."""
    docs = gold.get("articles")
    if not isinstance(docs, list):
        raise InputError(
            "has no 'articles' list", where="news gold", fix="use the news_dev gold.json format"
        )
    keep_ids = {
        a.id
        for a in articles
        if (split == "all" or split_of(a.id) == split)
        and (language is None or a.language == language)
    }
    kept_docs = [d for d in docs if isinstance(d, dict) and d.get("id") in keep_ids]
    missing = {str(d.get("id")) for d in kept_docs} - {a.id for a in articles}
    if missing:
        raise InputError(
            f"names articles not in the articles file: {sorted(missing)}",
            where="news gold",
            fix="pass the articles.jsonl that goes with this gold.json",
        )
    keys = {e["key"] for d in kept_docs for e in d.get("events", []) if isinstance(e, dict)}
    pairs = gold.get("same_event")
    same = [p for p in pairs if all(k in keys for k in p)] if isinstance(pairs, list) else []
    gold_ids = {str(d.get("id")) for d in kept_docs}
    return (
        {"articles": kept_docs, "same_event": same},
        [a for a in articles if a.id in gold_ids],
    )


def score_news(
    news_dir: Path,
    scorer: Path,
    split: str = "heldout",
    *,
    pipeline: object | None = None,
    verbose: bool = False,
    causes: bool = False,
    language: str | None = None,
) -> tuple[NewsScores, list[str]]:
    """Run veille on one half of the news set and score it with the maintainers' scorer.

    Returns the parsed summary and, when ``verbose``, the scorer's per-item lines; with
    ``causes``, counts of misses and extras by cause (``veille.eval.breakdown``: counts
    only, so they may be printed for the held-out half); with ``language``, only the
    half's articles in that language (and the gold events they hold) are scored."""
    from veille.pipeline import Pipeline

    if split not in SPLITS:
        raise InputError(
            f"{split!r} is no split", where="--split", fix=f"use one of {', '.join(SPLITS)}"
        )
    gold = json.loads((news_dir / "gold.json").read_text("utf-8"))
    articles = [
        Article.model_validate(json.loads(line))
        for line in (news_dir / "articles.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    sub_gold, sub_articles = _select(gold, articles, split, language)
    if not sub_articles:
        raise InputError(
            f"holds no article of the {split} half in language {language!r}",
            where="news set",
            fix="pick a language the set holds (fr, en, ar)",
        )
    pipe = pipeline if isinstance(pipeline, Pipeline) else Pipeline()
    result = pipe.run_detailed(sub_articles)
    if result.failures:
        raise InputError(
            f"{len(result.failures)} articles failed: {result.failures[0]}",
            where="news set",
            fix="fix the failing article or the pipeline bug it shows",
        )
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "gold.json").write_text(json.dumps(sub_gold, ensure_ascii=False), "utf-8")
        (t / "articles.jsonl").write_text(
            "".join(a.model_dump_json() + "\n" for a in sub_articles), "utf-8"
        )
        (t / "pred.jsonl").write_text(
            "".join(e.model_dump_json() + "\n" for e in result.events), "utf-8"
        )
        proc = subprocess.run(
            [
                sys.executable,
                str(scorer),
                str(t / "gold.json"),
                str(t / "articles.jsonl"),
                str(t / "pred.jsonl"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    lines = proc.stdout.strip().splitlines()
    m = _SUMMARY.search(lines[-1]) if lines else None
    if m is None:
        raise InputError(
            f"printed no summary: {proc.stderr[-500:]}",
            where="news scorer",
            fix="check that ../shared/tools/score_events.py runs",
        )
    docs = sub_gold["articles"]
    assert isinstance(docs, list)
    scores = NewsScores(
        split=split,
        articles=len(sub_articles),
        gold_events=sum(len(d.get("events", [])) for d in docs),
        precision=float(m["p"]),
        recall=float(m["r"]),
        f1=float(m["f1"]),
        fields_ok=int(m["fok"]),
        fields_n=int(m["fn"]),
        provenance_ok=int(m["pok"]),
        framing_leaks=int(m["leaks"]),
        false_events=int(m["false"]),
        merged_ok=int(m["mok"]),
        merged_n=int(m["mn"]),
    )
    shown = lines[:-1] if verbose else []
    if causes:
        from veille.eval.breakdown import breakdown

        shown += breakdown(docs, result.events).lines()
        shown.append(f"field misses by field: {dict(_field_misses(lines[:-1]).most_common())}")
    return scores, shown


def _field_misses(scorer_lines: list[str]) -> Counter[str]:
    """How many matched events got each field wrong, from the scorer's "FIELD <key>
    <field>: got ..." lines (counts only: no item is shown)."""
    return Counter(
        parts[2].rstrip(":")
        for line in scorer_lines
        if line.startswith("FIELD ") and len(parts := line.split()) > 2
    )


def main(argv: list[str] | None = None) -> None:
    repo = Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=repo.parent / "shared")
    parser.add_argument("--split", default="heldout", choices=SPLITS)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--causes", action="store_true", help="counts of misses/extras by cause")
    parser.add_argument(
        "--language",
        default=None,
        help="score only the half's articles in this language (fr, en, ar)",
    )
    parser.add_argument(
        "--news",
        type=Path,
        default=None,
        help="a folder of the same format (default: ../shared/data/news_dev; the team's "
        "second set is sample/probe_news)",
    )
    args = parser.parse_args(argv)
    scores, lines = score_news(
        args.news or args.shared / "data" / "news_dev",
        args.shared / "tools" / "score_events.py",
        args.split,
        verbose=args.verbose,
        causes=args.causes,
        language=args.language,
    )
    for line in lines:
        print(line)
    label = "held-out" if args.split == "heldout" else "training"
    if args.language:
        label += f", {args.language} only"
    print(f"[{label}] {scores}")
    print(f"[{label}] F1 {scores.f1:.2f} field accuracy {scores.field_accuracy:.2f}")


if __name__ == "__main__":
    main()
