"""The pipeline config (``veille.config``) and the component registry (``veille.registry``):
defaults are the shipped pipeline, every setting reaches the pipeline, bad files name the
file, the key and the fix. Articles are invented for these tests."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from veille.config import PipelineConfig, default_config_text
from veille.errors import InputError
from veille.model import Article, Event
from veille.pipeline import Pipeline
from veille.registry import Registry, components_of, deduplicator_of, default_registry

LANG = Path(__file__).resolve().parents[1] / "src" / "veille" / "lang"

# One event, told by one trigger (the verb "attaquer", "attaque" once accents are folded),
# in an invented sentence.
ATTACK = Article(
    id="cfg-1",
    language="fr",
    published="2024-05-14",
    text="Mardi, des hommes armés ont attaqué un camp militaire près de Gao, au Mali.",
)


def _comparable(events: Sequence[Event]) -> list[dict[str, object]]:
    return [e.model_dump(mode="json") for e in events]


@pytest.fixture(scope="module")
def default_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cfg") / "veille.toml"
    path.write_text(default_config_text("toml"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def lexicon_without_attaquer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped French lexicon less its "attaquer" trigger (verb and noun), beside a
    config naming it."""
    folder = tmp_path_factory.mktemp("lex")
    data = json.loads((LANG / "fr" / "triggers.json").read_text(encoding="utf-8"))
    before = len(data["triggers"])
    data["triggers"] = [t for t in data["triggers"] if t["p"] not in ("attaquer", "attaque")]
    assert len(data["triggers"]) == before - 2
    (folder / "fr.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    config = folder / "veille.toml"
    config.write_text('[lexicons]\nfr = "fr.json"\n', encoding="utf-8")  # relative to the file
    return config


# -- defaults ---------------------------------------------------------------------


def test_the_default_file_reads_back_as_the_default_config(default_file: Path) -> None:
    loaded = PipelineConfig.load(default_file)
    assert loaded == PipelineConfig()
    assert loaded.source == str(default_file)
    as_json = PipelineConfig.from_data(json.loads(default_config_text("json")))
    assert as_json == PipelineConfig()


def test_the_story_section_has_every_story_option_with_its_default() -> None:
    from veille.extract.story import StoryOptions

    assert PipelineConfig().story.model_dump() == dataclasses.asdict(StoryOptions())


def test_a_pipeline_of_the_default_config_extracts_what_the_shipped_one_does(
    pipeline: Pipeline, default_file: Path
) -> None:
    shipped = pipeline.run([ATTACK])
    assert [e.sub_event_type for e in shipped] == ["Armed clash"]
    configured = Pipeline(config=PipelineConfig.load(default_file)).run([ATTACK])
    assert _comparable(configured) == _comparable(shipped)


# -- each setting reaches the pipeline ---------------------------------------------


def test_a_lexicon_path_in_the_config_is_the_lexicon_used(lexicon_without_attaquer: Path) -> None:
    config = PipelineConfig.load(lexicon_without_attaquer)
    assert config.lexicons.fr == lexicon_without_attaquer.parent / "fr.json"
    assert Pipeline(config=config).run([ATTACK]) == []


def test_story_and_dedup_options_reach_their_components() -> None:
    from veille.extract.story import StoryOptions

    config = PipelineConfig.from_data(
        {"story": {"place_window_days": 3}, "dedup": {"threshold": 0.9}}
    )
    built = components_of(config)
    assert built.story == default_registry().story.get("veille.story.v1")(
        StoryOptions(place_window_days=3)
    )
    assert getattr(built.deduplicator, "threshold", None) == 0.9


def test_models_and_weights_come_from_the_config_and_keywords_override_it(
    tmp_path: Path,
) -> None:
    weights = tmp_path / "w.json"
    weights.write_text("{}", encoding="utf-8")  # read only when the geocoder loads
    config = PipelineConfig.from_data(
        {"nlp": {"fr": "fr_core_news_sm"}, "geocoder": {"weights": str(weights)}}
    )
    assert config.nlp.packages() == {"fr": "fr_core_news_sm"}  # the others: language.json
    assert config.geocoder.weights == weights
    # A bad weights file fails where the geocoder loads: it is the config's file.
    from veille.errors import DataError

    with pytest.raises(DataError) as err:
        _ = Pipeline(config=config).geocoder
    assert str(weights) in str(err.value)
    # The keyword wins over the config: the shipped weights load.
    shipped = Path(__file__).resolve().parents[1] / "src/veille/data/geocoder_weights.json"
    assert Pipeline(config=config, geocoder_weights=shipped).geocoder is not None


class _Recorder:
    """A veto that counts the times it is built and keeps every candidate."""

    built = 0

    def __init__(self) -> None:
        type(self).built += 1

    def keep(self, candidates: Sequence[object]) -> list[object]:
        return list(candidates)


@pytest.mark.parametrize(
    ("enabled", "env", "built"),
    [(None, None, 0), (None, "1", 1), (True, None, 1), (False, "1", 0)],
)
def test_the_veto_is_on_when_the_config_says_or_else_when_the_environment_does(
    monkeypatch: pytest.MonkeyPatch, enabled: bool | None, env: str | None, built: int
) -> None:
    if env is None:
        monkeypatch.delenv("VEILLE_VETO", raising=False)
    else:
        monkeypatch.setenv("VEILLE_VETO", env)
    monkeypatch.setattr(_Recorder, "built", 0)
    registry = default_registry().with_factory("veto", "test.veto.v1", _Recorder)
    config = PipelineConfig(veto={"enabled": enabled}, components={"veto": "test.veto.v1"})
    Pipeline(config=config, registry=registry)
    assert _Recorder.built == built


def test_a_registered_component_replaces_the_shipped_one() -> None:
    class KeepFirst:
        def within_article(self, events: Sequence[Event]) -> list[Event]:
            return list(events[:1])

        def across_articles(self, events: Sequence[Event]) -> list[Event]:
            return list(events[:1])

        def linked(self, a: Event, b: Event) -> bool:
            return False

        def components(self, events: Sequence[Event]) -> list[list[int]]:
            return [[i] for i in range(len(events))]

        def resolve(self, component: Iterable[Event]) -> list[Event]:
            return list(component)[:1]

    registry = default_registry().with_factory(
        "deduplicator", "test.keep_first.v1", lambda _threshold: KeepFirst()
    )
    config = PipelineConfig(components={"deduplicator": "test.keep_first.v1"})
    events = [Event.model_construct(event_id=f"e{i}") for i in range(3)]
    assert Pipeline(config=config, registry=registry).deduplicate(events) == events[:1]
    # the shipped registry is unchanged (the registry is immutable)
    assert default_registry().deduplicator.names() == ["veille.deduplicator.v1"]


def test_a_deduplicator_lacking_a_method_is_refused_when_built() -> None:
    class WithinOnly:  # enough for extract, not for the store or Spark
        def within_article(self, events: Sequence[Event]) -> list[Event]:
            return list(events)

        def across_articles(self, events: Sequence[Event]) -> list[Event]:
            return list(events)

        def linked(self, a: Event, b: Event) -> bool:
            return False

    registry = default_registry().with_factory(
        "deduplicator", "test.within_only.v1", lambda _threshold: WithinOnly()
    )
    config = PipelineConfig.from_data(
        {"components": {"deduplicator": "test.within_only.v1"}}, where="cfg.toml"
    )
    with pytest.raises(InputError) as err:
        Pipeline(config=config, registry=registry)
    assert err.value.where == "cfg.toml: components.deduplicator"
    assert "has no method components, resolve" in err.value.cause
    assert err.value.fix is not None and "Deduplicating" in err.value.fix
    with pytest.raises(InputError, match="components, resolve"):
        deduplicator_of(config, registry)  # what the store and Spark build


def test_a_name_is_registered_once() -> None:
    with pytest.raises(InputError, match="already registered"):
        default_registry().with_factory("story", "veille.story.v1", lambda _o: None)


# -- errors name the file, the key and the fix -------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "fix"),
    [
        ('[nlpp]\nfr = "x"\n', "nlpp", "the top level takes: nlp, lexicons"),
        ("[story]\nplace_windw_days = 2\n", "story.place_windw_days", "place_window_days"),
        ('[story]\nplace_window_days = "two"\n', "story.place_window_days", "config show"),
        ("[dedup]\nthreshold = 1.5\n", "dedup.threshold", "config show"),
        ('[lexicons]\nfr = "missing.json"\n', "lexicons.fr", "config show"),
        ('[veto]\nenabled = "sometimes"\n', "veto.enabled", "config show"),
    ],
)
def test_an_invalid_file_names_the_file_the_key_and_the_fix(
    tmp_path: Path, text: str, key: str, fix: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        PipelineConfig.load(path)
    assert err.value.where == str(path)
    assert repr(key) in err.value.cause
    assert err.value.fix is not None and fix in err.value.fix


@pytest.mark.parametrize(
    ("name", "text", "cause"),
    [
        ("c.toml", "[story\n", "not valid TOML"),
        ("c.json", '{"story": ', "not valid JSON"),
        ("c.json", "[1, 2]", "a table of sections"),
        ("c.yaml", "story: {}", "must end in .toml or .json"),
    ],
)
def test_an_unreadable_file_names_the_file(
    tmp_path: Path, name: str, text: str, cause: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=cause) as err:
        PipelineConfig.load(path)
    assert err.value.where == str(path)
    with pytest.raises(InputError, match="does not exist"):
        PipelineConfig.load(tmp_path / "absent.toml")


def test_an_unknown_component_lists_the_known_names(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[components]\nstory = "veille.story.v9"\n', encoding="utf-8")
    config = PipelineConfig.load(path)  # a custom registry may hold it: checked on use
    with pytest.raises(InputError) as err:
        Pipeline(config=config)
    assert "unknown story component 'veille.story.v9'" in err.value.cause
    assert err.value.where == f"{path}: components.story"
    assert err.value.fix is not None and "veille.story.v1" in err.value.fix
    with pytest.raises(InputError, match=r"use one of: a\.v1, b\.v1"):
        Registry("story", {"b.v1": 1, "a.v1": 2}).get("c.v1")


def test_the_config_is_hashable_and_pickles_as_it_is(lexicon_without_attaquer: Path) -> None:
    import pickle

    config = PipelineConfig.load(lexicon_without_attaquer)
    again = pickle.loads(pickle.dumps(config))
    assert again == config and hash(again) == hash(config)
    assert again.source == config.source
    assert config != PipelineConfig()


# -- command line -------------------------------------------------------------------


def _veille(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_extract_reads_its_config(lexicon_without_attaquer: Path) -> None:
    record = json.dumps(ATTACK.model_dump(mode="json", include={"id", "language", "text"}))
    proc = _veille(
        "extract",
        "--config",
        str(lexicon_without_attaquer),
        "--pub-date",
        "2024-05-14",
        "-",
        stdin=record + "\n",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "1 article(s) read, 0 event(s)" in proc.stderr


def test_a_bad_config_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[components]\ncrowd = "nope"\n', encoding="utf-8")
    proc = _veille("extract", "--config", str(path), "-", stdin="")
    assert proc.returncode == 2
    assert f"{path}: components.crowd: unknown crowd component 'nope'" in proc.stderr
    assert "veille.crowd.v1" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_config_show_prints_a_valid_default_file() -> None:
    proc = _veille("config", "show")
    assert proc.returncode == 0, proc.stderr
    assert PipelineConfig.from_data(tomllib.loads(proc.stdout)) == PipelineConfig()
    listed = _veille("config", "components")
    assert "story: veille.story.v1" in listed.stdout
