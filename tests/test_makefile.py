"""`make run` installs the runtime package only; `make test` the dev extras too."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _plan(target: str, venv: Path) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    proc = subprocess.run(
        ["make", "-n", target, f"VENV={venv}", "SERVE=0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [line for line in proc.stdout.splitlines() if "pip install" in line]


def test_make_run_on_a_fresh_machine_installs_no_dev_extra(tmp_path: Path) -> None:
    installs = _plan("run", tmp_path / "venv")
    assert any(line.endswith("-e .") for line in installs), installs
    assert not any("[dev]" in line for line in installs), installs


def test_make_test_installs_the_dev_extras(tmp_path: Path) -> None:
    installs = _plan("test", tmp_path / "venv")
    assert any(line.endswith("-e '.[dev]'") for line in installs), installs
