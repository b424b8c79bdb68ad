"""The veille pipeline as an Apache Spark job (optional extra: ``pip install 'veille[spark]'``).

``run_spark(input_paths, output)`` reads articles as a DataFrame (JSONL, Parquet, or
folders of documents), extracts events in ``mapPartitions`` with one ``Pipeline`` per
executor Python process, deduplicates across articles by blocking (country x event
family x ISO week, see ``veille.spark._blocking``) and writes the events as JSON lines
(plus failures). ``python -m veille.spark`` is the ``spark-submit`` entry point; the CLI
command is ``veille spark-run``.

``ingest_spark(store, input_paths)`` is ``veille ingest --engine spark``: the same
reading and extraction on the executors, then ``Store.ingest`` on the driver, so the
store ends up as a local ingest leaves it. See docs/cluster.md.
"""

from __future__ import annotations

from importlib.util import find_spec

from veille.errors import MissingExtraError

if find_spec("pyspark") is None:
    raise MissingExtraError("pyspark", "spark")

from veille.spark._ingest import ingest_spark
from veille.spark._job import SparkRunSummary, read_events, read_failures, run_spark

__all__ = ["SparkRunSummary", "ingest_spark", "read_events", "read_failures", "run_spark"]
