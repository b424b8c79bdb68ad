"""The curated sites table is checked against GeoNames by the gazetteer build script."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "src" / "veille" / "data" / "gazetteer" / "sites.csv"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module  # dataclasses resolve annotations through it
    spec.loader.exec_module(module)
    return module


def test_a_site_far_from_its_geonames_namesake_is_reported(
    build: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "site_id,name,kind,admin1,iso3,lat,lon,aliases_en,aliases_fr,aliases_ar,source\n"
    table = tmp_path / "sites.csv"
    table.write_text(
        header
        + "near,Djibo,camp,,BFA,14.11,-1.62,Djibo camp,camp de Djibo,مخيم جيبو,test\n"
        + "far,Gao airport,airport,,MLI,16.60,-0.04,Gao,aéroport de Gao,مطار غاو,test\n"
        + "none,Nowhere,camp,,MLI,15.0,-1.0,Nowhere camp,camp,مخيم,test\n",
        encoding="utf-8",
    )
    city = build.PlaceRow(id=1, name="Djibo", feature="city", iso3="BFA", lat=14.10, lon=-1.63)
    city.add_name("Djibo", build.FLAG_PRIMARY, loose=False)
    gao = build.PlaceRow(id=2, name="Gao", feature="city", iso3="MLI", lat=16.27, lon=-0.04)
    gao.add_name("Gao", build.FLAG_PRIMARY, loose=False)
    checks = build.check_sites({1: city, 2: gao}, table)
    verdicts = {rec["site_id"]: (verdict, far) for rec, verdict, far in checks}
    assert verdicts["near"][1] is False and "GeoNames 1 Djibo" in verdicts["near"][0]
    assert verdicts["far"][1] is True and verdicts["far"][0].startswith("36.7 km")
    assert verdicts["none"] == ("not in GeoNames cities500 under its names: not checked", False)
    build.report_site_checks(checks, write=False)
    err = capsys.readouterr().err
    assert "far (16.60, -0.04) is 36.7 km from GeoNames 2 Gao" in err
    assert "near" not in err.split("sites.csv: 3 rows")[0]


def test_every_curated_site_carries_its_geonames_verdict() -> None:
    with SITES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        verdict = row["geonames_check"]
        assert verdict.startswith("not in GeoNames") or " km from GeoNames " in verdict, row
