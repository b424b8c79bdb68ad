"""``.venv/bin/veille ingest --engine spark`` works without activating the venv.

The command a user (and ``make run``) calls is the venv's ``veille`` by path, with a PATH
whose ``python3`` is not the venv's: Spark's Python workers must still run the driver's
interpreter, where veille is installed. Marker ``spark``; skipped without pyspark or
Java, like the other Spark tests.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample" / "articles.jsonl"
VEILLE = Path(sys.executable).parent / "veille"

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None,
        reason="pyspark missing: pip install 'veille[spark]'",
    ),
    pytest.mark.skipif(shutil.which("java") is None, reason="java missing (.ci/spark.sh)"),
    pytest.mark.skipif(not VEILLE.exists(), reason=f"no installed command at {VEILLE}"),
]


def _unactivated_env() -> dict[str, str]:
    """This environment as a shell without the venv activated: no VIRTUAL_ENV, no
    PYSPARK_PYTHON, the venv's bin off PATH (java's folder kept)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "PYTHONPATH")
    }
    java = shutil.which("java")
    folders = [str(Path(java).resolve().parent)] if java else []
    folders += ["/usr/local/bin", "/usr/bin", "/bin"]
    env["PATH"] = os.pathsep.join(f for f in folders if Path(f) != VEILLE.parent)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return env


def test_the_venv_command_runs_spark_workers_in_its_own_python(tmp_path: Path) -> None:
    from veille.store import open_store

    articles = tmp_path / "few.jsonl"
    articles.write_text("".join(SAMPLE.read_text("utf-8").splitlines(True)[:4]), "utf-8")
    env = _unactivated_env()
    stores = {}
    for engine in ("local", "spark"):
        db = f"sqlite:///{tmp_path / engine}.sqlite"
        args = [str(VEILLE), "ingest", str(articles), "--db", db, "--engine", engine]
        if engine == "spark":
            args += ["--master", "local[2]"]
        proc = subprocess.run(
            args, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "ModuleNotFoundError" not in proc.stderr
        with open_store(db) as store:
            stores[engine] = [e.model_dump(mode="json") for e in store.events(sort="id")]
    assert stores["spark"] == stores["local"] and stores["local"]
