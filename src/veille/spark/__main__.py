"""``spark-submit`` / ``python -m veille.spark`` entry point.

    python -m veille.spark sample/articles.jsonl -o out/ --master 'local[2]'
    ENTRY=$(python -c 'import veille.spark.__main__ as m; print(m.__file__)')
    spark-submit --master yarn "$ENTRY" s3a://bucket/articles/*.jsonl -o s3a://bucket/run-1

Without ``--master`` the master comes from ``spark-submit`` (or ``local[*]`` under plain
``python``). Exit status: 0 when every input was read, 1 when some failed (listed in
OUT/failures), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from veille.errors import VeilleError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m veille.spark",
        description="Run the veille pipeline on Apache Spark: articles in, events out.",
    )
    parser.add_argument("paths", nargs="+", help="JSONL/Parquet files, folders, globs, s3a:// URIs")
    parser.add_argument("-o", "--output", required=True, help="output folder (OUT/events, ...)")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    parser.add_argument("--pub-date", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    parser.add_argument(
        "--lang", default=None, help="input language (a language folder's code; none: detect)"
    )
    parser.add_argument("--partitions", type=int, default=None, help="extraction tasks")
    parser.add_argument(
        "--input-format", default="auto", choices=["auto", "jsonl", "parquet", "files"]
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from veille.spark import run_spark

    try:
        summary = run_spark(
            args.paths,
            args.output,
            master=args.master,
            pub_date=args.pub_date,
            language=args.lang,
            partitions=args.partitions,
            input_format=args.input_format,
        )
    except VeilleError as exc:
        print(f"veille: error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{summary.articles_read} article(s) read, {summary.events} event(s) "
        f"({summary.per_article_events} before cross-article dedup), "
        f"{summary.failures} input(s) failed; events in {summary.events_path}",
        file=sys.stderr,
    )
    return 1 if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
