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

``read_articles_in_order`` adds where each row sits in the input, for a consumer whose
result depends on the order (``veille ingest``: the first stored mention of an event
gives it its id): paths in the order given, the files of a folder in the local
reader's walk order, the lines of a JSONL file in order, each line's origin
``path:LINE`` as the local reader writes it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, cast

from veille.errors import InputError
from veille.ingest import Kind, jsonl_encoding, read_article_bytes, walked_kind
from veille.model import Article, ArticleFailure

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, Row, SparkSession

InputFormat = Literal["auto", "jsonl", "parquet", "files"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("auto", "jsonl", "parquet", "files")
ARTICLE_COLUMNS = ("id", "text", "html", "published", "language", "outlet", "url", "title")
ROW_COLUMNS = ("origin", "kind", "article_id", "data")
# Where a row sits in its file: a sort key within the file (the local reader's walk order
# for the files of a folder), the start of the Spark split it was read from, and
# Spark's monotonically increasing id (consecutive within a split); ``numbered``: a
# JSONL line, whose origin gets its line number.
POSITION_COLUMNS = ("order_file", "order_block", "order_row", "numbered")
# Input order: the index of the input path, then the position in its file.
ORDER_COLUMNS = ("order_path", "order_file", "order_block", "order_row")
OrderKey = tuple[int, str, int, int]
_JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One input unit as it travels from Spark's reader to veille's."""

    origin: str
    kind: str
    article_id: str | None
    data: bytes
    # Set for one line of a JSONL file whose number is known (``ordered_rows``): the
    # line is read as the local reader reads a line, its origin becomes ``origin:LINE``.
    line: int | None = None

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
        by_format.setdefault(_checked_format(path, input_format), []).append(path)
    frames: list[DataFrame] = []
    if "jsonl" in by_format:
        frames.append(_read_jsonl(spark, by_format["jsonl"]))
    if "parquet" in by_format:
        frames.append(_read_parquet(spark, by_format["parquet"]))
    for path in by_format.get("files", []):
        frames.append(_read_files(spark, path))
    return _union([frame.select(*ROW_COLUMNS) for frame in frames])


def read_articles_in_order(
    spark: SparkSession, paths: Sequence[str], *, input_format: str = "auto"
) -> DataFrame:
    """``read_articles``'s rows plus their place in the input (``order_path`` and
    ``POSITION_COLUMNS``); blank JSONL lines are kept (``LineNumbers`` counts them) and
    dropped by ``ordered_rows``. Each path is read on its own, so that a plain local
    file keeps the origin it has in the local reader (the path as given)."""
    from pyspark.sql import functions as F

    if not paths:
        raise InputError("no input paths", fix="give at least one file or folder")
    frames: list[DataFrame] = []
    for index, path in enumerate(paths):
        fmt = _checked_format(path, input_format)
        if fmt == "jsonl":
            frame = _jsonl_lines(spark, [path])
            if _is_local_file(path):
                frame = frame.withColumn("origin", F.lit(path))
        elif fmt == "parquet":
            frame = _read_parquet(spark, [path])
        else:
            frame = _read_files(spark, path)
        frames.append(
            frame.select(*ROW_COLUMNS, F.lit(index).alias("order_path"), *POSITION_COLUMNS)
        )
    return _union(frames)


def _union(frames: list[DataFrame]) -> DataFrame:
    out = frames[0]
    for frame in frames[1:]:
        out = out.unionByName(frame)
    return out


_GLOB_CHARS = "*?["


def plain_local_path(path: str) -> bool:
    """A local path naming one file or folder: no URI scheme, no glob characters."""
    return "://" not in path and not any(c in path for c in _GLOB_CHARS)


def _checked_format(path: str, input_format: str) -> InputFormat:
    """The format Spark reads ``path`` in, after refusing what it would stop on or
    misread: a missing path, a pattern matching nothing, a local folder with nothing to
    read, a local JSONL file in a legacy encoding."""
    _check_exists(path)
    fmt = classify(path, input_format)
    _check_readable_folder(path, fmt)
    if (error := jsonl_encoding_error(path, fmt)) is not None:
        raise error
    return fmt


def _check_exists(path: str) -> None:
    if plain_local_path(path) and not os.path.exists(path):
        raise InputError("no such file or directory", where=path, fix="check the path")
    if (error := unmatched_pattern_error(path)) is not None:
        raise error  # else Spark stops with a PATH_NOT_FOUND traceback


def unmatched_pattern_error(path: str) -> InputError | None:
    """A local glob pattern that matches no file (Spark would stop the whole run with a
    PATH_NOT_FOUND traceback). Hadoop's own syntax (``{a,b}``) is left to Spark."""
    if "://" in path or plain_local_path(path) or "{" in path:
        return None
    if glob.glob(path, recursive=True):
        return None
    return InputError(
        "no file matches the pattern",
        where=path,
        fix="check the pattern (it is matched by Spark, not by the shell)",
    )


def holds_readable_file(root: Path) -> bool:
    """Whether the local reader would find a file to read under ``root`` (the walk stops
    at the first one; hidden files and folders are skipped, as the reader does)."""
    for _dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        if any(walked_kind(name) is not None for name in filenames):
            return True
    return False


def jsonl_encoding_error(path: str, fmt: InputFormat) -> InputError | None:
    """Why Spark cannot read a local JSONL file that the local reader reads: Spark
    decodes text as UTF-8 and would silently turn a Windows-1256 or UTF-16 file into
    replacement characters (and find no events); or the file cannot be read at all.
    None if Spark can read it (or it is not local)."""
    if fmt != "jsonl" or "://" in path or not os.path.isfile(path):
        return None
    try:
        with open(path, "rb") as stream:
            encoding = jsonl_encoding(stream)
    except OSError as exc:
        return InputError(
            f"cannot read the file ({exc.strerror or exc})",
            where=path,
            fix="check that it exists and is readable",
        )
    if encoding.replace("_", "-").lower() in ("utf-8", "ascii"):
        return None
    return InputError(
        f"the file is encoded as {encoding}, and Spark reads JSONL as UTF-8",
        where=path,
        fix=f"re-encode it as UTF-8 (iconv -f {encoding} -t utf-8), or read it with the "
        "local engine (veille extract, veille ingest --engine local), which reads it as it is",
    )


def _check_readable_folder(path: str, fmt: InputFormat) -> None:
    """A local folder of documents with nothing the reader reads: Spark would read it as
    empty and the run would end "successfully" with nothing read."""
    local_folder = fmt == "files" and "://" not in path and os.path.isdir(path)
    if local_folder and not holds_readable_file(Path(path)):
        raise InputError(
            "no readable files in the directory",
            where=path,
            fix="put .txt, .html, .json, .jsonl, .xml, .rss... files in it "
            "(hidden files are skipped)",
        )


def _is_local_file(path: str) -> bool:
    return plain_local_path(path) and os.path.isfile(path)


def _file_path() -> Column:
    from pyspark.sql import functions as F

    return F.col("_metadata.file_path")


def _read_jsonl(spark: SparkSession, paths: list[str]) -> DataFrame:
    from pyspark.sql import functions as F

    return _jsonl_lines(spark, paths).where(F.trim("value") != "")


def _jsonl_lines(spark: SparkSession, paths: list[str]) -> DataFrame:
    """Every line, blank ones included (line numbers count them)."""
    from pyspark.sql import functions as F

    # The row id is taken right on top of the scan, before any filter, so that the
    # lines of one split have consecutive ids.
    lines = spark.read.text(paths).select(
        "value",
        _file_path().alias("origin"),
        F.col("_metadata.file_block_start").alias("order_block"),
        F.monotonically_increasing_id().alias("order_row"),
    )
    return lines.select(
        "value",
        "origin",
        F.lit("json").alias("kind"),
        F.lit(None).cast("string").alias("article_id"),
        F.encode("value", "UTF-8").alias("data"),
        F.col("origin").alias("order_file"),
        "order_block",
        "order_row",
        F.lit(True).alias("numbered"),
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
        _file_path().alias("order_file"),
        F.col("_metadata.file_block_start").alias("order_block"),
        F.monotonically_increasing_id().alias("order_row"),
        F.lit(False).alias("numbered"),
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
        return walked_kind(PurePosixPath(file).name)

    def id_of(file: str) -> str:
        pure = PurePosixPath(_strip_scheme(file))
        if single:
            return pure.stem
        relative = pure.relative_to(_strip_scheme(root))
        return relative.with_suffix("").as_posix()

    def relative_of(file: str) -> str:
        return PurePosixPath(_strip_scheme(file)).relative_to(_strip_scheme(root)).as_posix()

    def origin_of(file: str) -> str:
        # A local file keeps the origin the local reader gives it (the path as given,
        # or the folder as given joined with the path inside it); others their URI.
        if "://" in path:
            return file
        if single:
            return path
        return str(PurePosixPath(path) / relative_of(file))

    def order_of(file: str) -> str:
        return "" if single else walk_order_key(relative_of(file))

    kind_udf = F.udf(kind_of, StringType())
    id_udf = F.udf(id_of, StringType())
    origin_udf = F.udf(origin_of, StringType())
    order_udf = F.udf(order_of, StringType())
    with_kind = frame.select("path", "content", kind_udf("path").alias("kind"))
    return with_kind.where(F.col("kind").isNotNull()).select(
        origin_udf("path").alias("origin"),
        "kind",
        id_udf("path").alias("article_id"),
        F.col("content").alias("data"),
        order_udf("path").alias("order_file"),
        F.lit(0).cast("long").alias("order_block"),
        F.lit(0).cast("long").alias("order_row"),
        F.lit(False).alias("numbered"),
    )


def walk_order_key(relative: str) -> str:
    """A string that sorts the files of a folder as the local reader walks them.

    ``os.walk`` with sorted names gives a folder's own files before its sub-folders
    (``z.txt`` before ``a/x.txt``), so a plain string sort of the paths would not do:
    each folder name is prefixed with U+0001 and the file name with U+0000.
    """
    *folders, name = PurePosixPath(relative).parts
    return "".join("\x01" + part for part in folders) + "\x00" + name


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
        items = read_article_bytes(
            row.data,
            origin=row.origin,
            kind=cast(Kind, row.kind),
            article_id=row.article_id,
            pub_date=pub_date,
            language=language,
        )
        yield from items if row.line is None else _renumbered(items, row.origin, row.line)


def _renumbered(
    items: Iterable[Article | ArticleFailure], origin: str, line: int
) -> Iterator[Article | ArticleFailure]:
    """A single line read as JSONL has the origin ``origin:1``; it is line ``line``."""
    first = f"{origin}:1"
    for item in items:
        if item.origin == first:
            item = item.model_copy(update={"origin": f"{origin}:{line}"})
        yield item


@dataclass(frozen=True, slots=True)
class LineNumbers:
    """Where each Spark split of each JSONL file starts, in lines (few: one per split).

    Spark reads a large file as several splits and gives no line numbers; the lines of
    a split have consecutive row ids, so a line's number is the number of lines in the
    earlier splits of its file plus its rank within its own split.
    """

    # (order_path, order_file, order_block) -> (number of its first line, its first row id)
    starts: Mapping[tuple[int, str, int], tuple[int, int]]

    @classmethod
    def count(cls, frame: DataFrame) -> LineNumbers:
        """Count the lines of every split of ``read_articles_in_order``'s JSONL rows."""
        from pyspark.sql import functions as F

        split = ("order_path", "order_file", "order_block")
        stats = (
            frame.where(F.col("numbered"))
            .groupBy(*split)
            .agg(F.count("*").alias("lines"), F.min("order_row").alias("first_row"))
            .collect()
        )
        starts: dict[tuple[int, str, int], tuple[int, int]] = {}
        before: dict[tuple[int, str], int] = {}
        for s in sorted(stats, key=lambda s: (s["order_path"], s["order_file"], s["order_block"])):
            file = (int(s["order_path"]), str(s["order_file"]))
            seen = before.get(file, 0)
            starts[(*file, int(s["order_block"]))] = (seen + 1, int(s["first_row"]))
            before[file] = seen + int(s["lines"])
        return cls(starts)

    def line(self, path_index: int, file: str, block: int, row: int) -> int:
        first_line, first_row = self.starts[(path_index, file, block)]
        return first_line + (row - first_row)


def ordered_rows(
    rows: Iterable[Row], numbers: LineNumbers
) -> Iterator[tuple[OrderKey, ArticleRow]]:
    """``read_articles_in_order``'s rows -> (input-order key, row); a JSONL line gets its
    line number (read as the local reader reads a line, with the origin ``origin:LINE``),
    and blank lines are dropped (the local reader skips them too)."""
    for r in rows:
        key: OrderKey = (r["order_path"], r["order_file"], r["order_block"], r["order_row"])
        row = ArticleRow.from_row(r)
        if r["numbered"]:
            if not row.data.strip():
                continue
            row = replace(row, kind="jsonl", line=numbers.line(*key))
        yield key, row
