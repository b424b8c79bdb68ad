"""Shared fixtures. Models load once per test session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "sample"


@pytest.fixture(scope="session", autouse=True)
def _no_user_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A command run without --db must never write the user's own store: the default
    store of the whole session (VEILLE_DB, inherited by subprocesses) is a scratch file."""
    os.environ["VEILLE_DB"] = f"sqlite:///{tmp_path_factory.mktemp('default-db') / 'v.sqlite'}"


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


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from veille.store import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def store_url(tmp_path: Path) -> Callable[[str], str]:
    """``store_url("sqlite")``: a fresh SQLite file; ``store_url("postgres")``: the
    server of ``DATABASE_URL`` with an emptied schema (skips when there is none)."""

    def make(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path / 'store.sqlite'}"
        url = os.environ.get("DATABASE_URL")
        if not url:
            pytest.skip("DATABASE_URL is not set (source .ci/postgres.sh to get a server)")
        try:
            import psycopg  # noqa: F401
        except ImportError:
            pytest.skip("psycopg is not installed: pip install 'veille[postgres]'")
        _reset_postgres(url)
        return url

    return make
