"""`veille extract` as a user runs it: exit codes, stderr lines, good inputs still processed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = {
    "id": "ok-1",
    "language": "fr",
    "published": "2024-03-02",
    "text": "Vendredi soir, des hommes armés ont attaqué un poste de police à Kidal, au Mali.",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    files = {
        "empty": d / "empty.txt",
        "binary": d / "binary.txt",
        "latin": d / "invalid.txt",
        "jsonl": d / "mixed.jsonl",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 64)
    files["latin"].write_bytes(b"\xff\xfe\xfa\x00\x00\xc3\x28" * 3)
    lines = [
        json.dumps(GOOD, ensure_ascii=False),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "language": "fr"}),
    ]
    files["jsonl"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return files


def test_bad_inputs_are_reported_and_good_ones_processed(bad_inputs: dict[str, Path]) -> None:
    proc = run("extract", *(str(p) for p in bad_inputs.values()))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("veille: error:")]
    # one line per bad input: empty file, binary file, undecodable bytes, broken line, no text
    assert len(errors) == 5, proc.stderr
    assert any("empty.txt" in e for e in errors)
    assert any("binary.txt" in e for e in errors)
    assert any("mixed.jsonl:2" in e for e in errors)
    assert any("mixed.jsonl:3" in e for e in errors)
    assert all("Fix:" in e for e in errors)
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert events, "the good record must still produce its event"
    assert {m["article_id"] for e in events for m in e["mentions"]} == {"ok-1"}


def test_usage_errors_exit_2() -> None:
    proc = run("extract", "x.txt", "--pub-date", "05/02/2024")
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr
    assert run("extract", "x.txt", "--format", "pdf").returncode == 2


def test_stdin_and_all_good_exit_0() -> None:
    proc = run("extract", "-", stdin=json.dumps(GOOD, ensure_ascii=False) + "\n")
    assert proc.returncode == 0, proc.stderr
    event = json.loads(proc.stdout.splitlines()[0])
    assert event["event_date"] == "2024-03-01"
    assert event["time_of_day"] == "evening"
    assert event["location"]["iso3"] == "MLI"


def test_geojson_says_how_many_unplaced_events_it_left_out() -> None:
    unplaced = {
        "id": "nowhere",
        "language": "fr",
        "published": "2024-03-02",
        "text": "Des hommes armés ont attaqué un convoi militaire, tuant trois soldats.",
    }
    lines = [json.dumps(r, ensure_ascii=False) for r in (GOOD, unplaced)]
    proc = run("extract", "-", "--format", "geojson", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert len(doc["features"]) == 1 and doc["veille"]["omitted_without_coordinates"] == 1
    assert "1 event(s) left out of the geojson output without coordinates" in proc.stderr


def test_geoparse_weighs_homonyms_toward_the_outlets_area(tmp_path: Path) -> None:
    # Two earlier stories of one outlet name Ohio towns: its "Dublin" is Dublin, Ohio.
    records = [
        {"id": "a", "outlet": "Suburban News", "text": "Police in Columbus arrested two men."},
        {"id": "b", "outlet": "Suburban News", "text": "A fire in Westerville, Ohio, spread."},
        {"id": "c", "outlet": "Suburban News", "text": "The Dublin council met on Monday."},
        {"id": "d", "text": "The Dublin council met on Monday."},  # no outlet: as before
    ]
    path = tmp_path / "local.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")

    def dublins(*flags: str) -> dict[str, str]:
        proc = run("geoparse", str(path), "--lang", "en", "--no-ner", *flags)
        assert proc.returncode == 0, proc.stderr
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [r["article_id"] for r in rows if r["text"] == "Columbus"] == ["a"]
        return {r["article_id"]: r["iso3"] for r in rows if r["text"] == "Dublin"}

    assert dublins() == {"c": "USA", "d": "IRL"}
    assert dublins("--no-outlets") == {"c": "IRL", "d": "IRL"}


def test_geoparse_reads_the_geocoder_and_place_component_of_its_config(tmp_path: Path) -> None:
    """--config as for extract: its geocoder weights decide the homonym (no pull toward
    the outlet's area when the outlet weight is 0), its component names are checked."""
    from veille.geo._weights import DEFAULT_WEIGHTS

    records = [
        {"id": "a", "outlet": "Suburban News", "text": "Police in Columbus arrested two men."},
        {"id": "b", "outlet": "Suburban News", "text": "A fire in Westerville, Ohio, spread."},
        {"id": "c", "outlet": "Suburban News", "text": "The Dublin council met on Monday."},
    ]
    path = tmp_path / "local.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    weights = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    weights["context"]["outlet"] = 0.0
    (tmp_path / "weights.json").write_text(json.dumps(weights), encoding="utf-8")
    config = tmp_path / "veille.toml"
    config.write_text('[geocoder]\nweights = "weights.json"\n', encoding="utf-8")

    def dublin(*flags: str) -> str:
        proc = run("geoparse", str(path), "--lang", "en", "--no-ner", *flags)
        assert proc.returncode == 0, proc.stderr
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        (iso3,) = [r["iso3"] for r in rows if r["text"] == "Dublin"]
        return str(iso3)

    assert dublin() == "USA"
    assert dublin("--config", str(config)) == "IRL"

    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[components]\nplace_finder = "acme.places.v9"\n', encoding="utf-8")
    proc = run("geoparse", str(path), "--lang", "en", "--no-ner", "--config", str(unknown))
    assert proc.returncode == 2, proc.stderr
    assert "acme.places.v9" in proc.stderr and "components.place_finder" in proc.stderr
    assert "Traceback" not in proc.stderr
