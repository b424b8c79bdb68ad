"""Articles as a Spark DataFrame, read by Spark, turned into ``Article`` by veille's readers.

Spark does the I/O and the splitting (a large JSONL file becomes many tasks); each row
then goes through ``veille.ingest.read_article_bytes`` in the executor, so a record
gets exactly the checks, defaults and failures it gets from ``veille extract``.

The DataFrame has one row per input unit, ``(origin, kind, article_id, data)``:

- JSONL / NDJSON (``*.jsonl``, ``*.ndjson``, globs of them): one row per line, kind
  ``json`` (Spark's text reader: UTF-8; a legacy-encoded JSONL file needs the local
  reader or a conversion first);
- Parquet (``*.parquet``, or ``input_format="parquet"``): one row per record, its
  article columns (``id``, ``text``, ``html``, ``published``, ``language``, ``outlet``,
  ``url``, ``title``; others ignored) serialised as a JSON object, kind ``json``;
- anything else, a file or a folder read recursively (``input_format="files"``): one
  row per document with a known extension (``.txt .md .html .htm .json .jsonl .xml
  .rss .atom``; hidden files skipped), ids the path relative to the folder without
  extension, as ``veille extract`` gives them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, cast

from veille.errors import InputError
from veille.ingest import EXTENSION_KINDS, Kind, read_article_bytes
from veille.model import Article, ArticleFailure

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

InputFormat = Literal["auto", "jsonl", "parquet", "files"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("auto", "jsonl", "parquet", "files")
ARTICLE_COLUMNS = ("id", "text", "html", "published", "language", "outlet", "url", "title")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One input unit as it travels from Spark's reader to veille's."""

    origin: str
    kind: str
    article_id: str | None
    data: bytes

    @classmethod
    def from_row(cls, row: Any) -> ArticleRow:
        return cls(
            origin=row["origin"],
            kind=row["kind"],
            article_id=row["article_id"],
            data=bytes(row["data"]),
        )


def classify(path: str, input_format: str = "auto") -> InputFormat:
    """How a path is read: ``jsonl``, ``parquet`` or ``files`` (documents)."""
    if input_format not in INPUT_FORMATS:
        raise InputError(
            f"unknown input format {input_format!r}",
            fix="use one of " + ", ".join(INPUT_FORMATS),
        )
    if input_format != "auto":
        return cast(InputFormat, input_format)
    name = path.rstrip("/").lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if "://" not in path and os.path.isdir(path):
        files = [f for f in os.listdir(path) if not f.startswith((".", "_"))]
        if files and all(f.endswith(".parquet") for f in files):
            return "parquet"  # a folder Spark or pyarrow wrote
    return "files"


def read_articles(
    spark: SparkSession, paths: Sequence[str], *, input_format: str = "auto"
) -> DataFrame:
    """One DataFrame ``(origin, kind, article_id, data)`` over all ``paths``."""
    if not paths:
        raise InputError("no input paths", fix="give at least one file or folder")
    by_format: dict[InputFormat, list[str]] = {}
    for path in paths:
        if "://" not in path and not any(c in path for c in "*?[") and not os.path.exists(path):
            raise InputError("no such file or directory", where=path, fix="check the path")
        by_format.setdefault(classify(path, input_format), []).append(path)
    frames: list[DataFrame] = []
    if "jsonl" in by_format:
        frames.append(_read_jsonl(spark, by_format["jsonl"]))
    if "parquet" in by_format:
        frames.append(_read_parquet(spark, by_format["parquet"]))
    for path in by_format.get("files", []):
        frames.append(_read_files(spark, path))
    out = frames[0]
    for frame in frames[1:]:
        out = out.unionByName(frame)
    return out


def _file_path() -> Column:
    from pyspark.sql import functions as F

    return F.col("_metadata.file_path")


def _read_jsonl(spark: SparkSession, paths: list[str]) -> DataFrame:
    from pyspark.sql import functions as F

    lines = spark.read.text(paths).select("value", _file_path().alias("origin"))
    return lines.where(F.trim("value") != "").select(
        "origin",
        F.lit("json").alias("kind"),
        F.lit(None).cast("string").alias("article_id"),
        F.encode("value", "UTF-8").alias("data"),
    )


def _read_parquet(spark: SparkSession, paths: list[str]) -> DataFrame:
    from pyspark.sql import functions as F

    frame = spark.read.parquet(*paths)
    columns = [c for c in ARTICLE_COLUMNS if c in frame.columns]
    return frame.select(
        _file_path().alias("origin"),
        F.lit("json").alias("kind"),
        F.lit(None).cast("string").alias("article_id"),
        F.encode(F.to_json(F.struct(*columns)), "UTF-8").alias("data"),
    )


def _read_files(spark: SparkSession, path: str) -> DataFrame:
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    frame = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("ignoreMissingFiles", "false")
        .load(path)
    )
    root = _qualified(path)
    single = "://" not in path and os.path.isfile(path)

    def kind_of(file: str) -> str | None:
        name = PurePosixPath(file).name
        if name.startswith("."):
            return None
        return EXTENSION_KINDS.get(PurePosixPath(name).suffix.lower())

    def id_of(file: str) -> str:
        pure = PurePosixPath(_strip_scheme(file))
        if single:
            return pure.stem
        relative = pure.relative_to(_strip_scheme(root))
        return relative.with_suffix("").as_posix()

    kind_udf = F.udf(kind_of, StringType())
    id_udf = F.udf(id_of, StringType())
    with_kind = frame.select("path", "content", kind_udf("path").alias("kind"))
    return with_kind.where(F.col("kind").isNotNull()).select(
        F.col("path").alias("origin"),
        "kind",
        id_udf("path").alias("article_id"),
        F.col("content").alias("data"),
    )


def _qualified(path: str) -> str:
    if "://" in path:
        return path.rstrip("/")
    return "file:" + os.path.abspath(path)


def _strip_scheme(uri: str) -> str:
    """``file:/a/b`` and ``file:///a/b`` -> ``/a/b``; ``s3a://bkt/a`` -> ``/bkt/a``."""
    if uri.startswith("file:"):
        rest = uri[len("file:") :]
        return "/" + rest.lstrip("/")
    if "://" in uri:
        return "/" + uri.split("://", 1)[1].lstrip("/")
    return uri


def article_stream(
    rows: Iterable[ArticleRow],
    *,
    pub_date: date | None = None,
    language: str | None = None,
) -> Iterator[Article | ArticleFailure]:
    """Rows -> what ``veille.ingest`` reads from them (articles and failures)."""
    for row in rows:
        yield from read_article_bytes(
            row.data,
            origin=row.origin,
            kind=cast(Kind, row.kind),
            article_id=row.article_id,
            pub_date=pub_date,
            language=language,
        )
