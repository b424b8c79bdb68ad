"""Shared fixtures. Models load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "sample"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "examples").is_dir():
        pytest.skip(
            "../shared is not beside this checkout "
            "(it holds the acceptance example and the public gold data)"
        )
    return SHARED


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from veille.pipeline import Pipeline

    return Pipeline()
