"""``veille.spark`` without pyspark installed: a clear error naming the extra to install."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.errors import MissingExtraError


def test_import_without_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    for name in [m for m in sys.modules if m == "veille.spark" or m.startswith("veille.spark.")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(MissingExtraError, match=r"pip install 'veille\[spark\]'"):
        importlib.import_module("veille.spark")


def test_ingest_engine_spark_without_pyspark_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from veille.cli import build_app

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    for name in [m for m in sys.modules if m == "veille.spark" or m.startswith("veille.spark.")]:
        monkeypatch.delitem(sys.modules, name)
    db = tmp_path / "v.sqlite"
    args = ["ingest", "news.jsonl", "--db", f"sqlite:///{db}", "--engine", "spark"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 2, result.output
    assert "pip install 'veille[spark]'" in result.stderr
    assert not db.exists()  # refused before the store is opened


def test_ingest_master_needs_engine_spark(tmp_path: Path) -> None:
    from veille.cli import build_app

    db = tmp_path / "v.sqlite"
    args = ["ingest", "news.jsonl", "--db", f"sqlite:///{db}", "--master", "local[2]"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 2
    assert "--master is for --engine spark" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("command", ["spark-run", "ingest"])
def test_spark_without_java_is_a_clear_usage_error(tmp_path: Path, command: str) -> None:
    """pyspark installed but no Java: exit 2 with what to install, not a traceback."""
    import os
    import subprocess

    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed: pip install 'veille[spark]'")
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"id": "a", "text": "Un texte."}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "SPARK_HOME")}
    env |= {"JAVA_HOME": str(tmp_path / "no-java"), "PATH": str(Path(sys.executable).parent)}
    if command == "spark-run":
        target = ["-o", str(tmp_path / "out")]
    else:
        target = ["--engine", "spark", "--db", f"sqlite:///{tmp_path / 'v.sqlite'}"]
    done = subprocess.run(
        [sys.executable, "-m", "veille", command, str(corpus), *target],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "V510: Spark could not start" in done.stderr
    assert "install Java 17" in done.stderr
    assert "Traceback" not in done.stderr
