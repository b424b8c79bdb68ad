"""Browser tests: Debian's Chromium driven by Playwright against a real `veille serve`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("VEILLE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = (
    "Gunmen attacked <img src=x onerror=\"document.title='pwned'\"> Djibo "
    "<script>document.title='pwned'</script> at dawn."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip(
            f"{CHROMIUM} not found: apt-get install --no-install-recommends chromium "
            "(or source .ci/browser.sh)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install playwright==1.65.2")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _serve(url: str) -> Iterator[str]:
    """Run `veille serve` on a free loopback port over ``url`` until the caller is done."""
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "veille",
            "serve",
            "--db",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"veille serve exited: {out}")
                time.sleep(0.1)
        else:
            pytest.fail("veille serve did not answer within 15 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`veille serve` on a free loopback port, over a store filled with events."""
    from veille.model import Article
    from veille.store import open_store
    from veille.store._synthetic import SyntheticPipeline, SyntheticResult, synthetic_item

    items = [synthetic_item(i) for i in range(80)]

    class WithHostile(SyntheticPipeline):
        def process_article(self, article: Article) -> SyntheticResult:
            if article.id != "hostile":
                return super().process_article(article)
            item = synthetic_item(0)
            m = item.event.mentions[0]
            start = HOSTILE.index("Gunmen")
            place = HOSTILE.index("Djibo")
            mention = m.model_copy(
                update={
                    "article_id": "hostile",
                    "source_id": "hostile#article",
                    "text": HOSTILE,
                    "start": 0,
                    "end": len(HOSTILE),
                    "spans": m.spans.model_copy(
                        update={
                            "trigger": (start, start + len("Gunmen attacked")),
                            "location": (place, place + 5),
                            "actor1": None,
                            "actor2": None,
                            "date": None,
                            "fatalities": None,
                        }
                    ),
                }
            )
            src = item.source.model_copy(
                update={"source_id": "hostile#article", "article_id": "hostile"}
            )
            ev = item.event.model_copy(
                update={
                    "event_id": "ev-hostile",
                    "mentions": [mention],
                    "sources": [src],
                    "location": None,  # keeps dedup from merging it into item 0
                }
            )
            return SyntheticResult(article, [src], [ev])

    db = tmp_path_factory.mktemp("browser") / "store.sqlite"
    url = f"sqlite:///{db}"
    store = open_store(url)
    hostile = Article(id="hostile", text=HOSTILE, language="en")
    store.ingest([*(it.article for it in items), hostile], WithHostile(items))
    store.close()
    yield from _serve(url)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`veille serve` over the bundled sample, ingested by the real pipeline."""
    db = tmp_path_factory.mktemp("sample") / "store.sqlite"
    url = f"sqlite:///{db}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "veille",
            "ingest",
            str(REPO / "sample" / "articles.jsonl"),
            "--db",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    yield from _serve(url)
