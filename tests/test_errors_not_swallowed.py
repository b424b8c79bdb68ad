"""Failures that used to pass silently are errors with a cause, a place and a fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.errors import DataError, InputError, VeilleError
from veille.extract.lexicon import Lexicon
from veille.model import Article, ArticleFailure

SAMPLE = Path(__file__).resolve().parents[1] / "sample"


def test_a_lexicon_that_does_not_load_fails_the_article_with_cause_and_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from veille.pipeline import Pipeline

    broken = tmp_path / "fr.json"
    broken.write_text('{"triggers": "not a lexicon"}', encoding="utf-8")
    real_load = Lexicon.load

    def load(language: str, path: Path | None = None) -> Lexicon:
        return real_load(language, broken if language == "fr" else path)

    monkeypatch.setattr(Lexicon, "load", staticmethod(load))
    article = Article(
        id="a1",
        text="Une frappe de drone a tué trois civils à Gao lundi.",
        language="fr",
        origin="in.jsonl:1",
    )
    [item] = list(Pipeline().process([article]))
    assert isinstance(item, ArticleFailure)  # before: no failure and no event, exit 0
    assert item.article_id == "a1"
    assert "invalid lexicon" in item.cause and str(broken) in item.cause
    assert "LexiconData" in item.fix
    with pytest.raises(DataError, match=str(broken)):
        Pipeline().lexicon("fr")


def test_a_command_module_that_does_not_import_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from veille import cli

    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "veille.cli.gone_cmd"))
    with pytest.raises(VeilleError) as err:
        cli.build_app()
    assert err.value.where == "veille.cli.gone_cmd"
    assert "cannot be imported" in err.value.cause and err.value.fix
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    assert "veille.cli.gone_cmd" in capsys.readouterr().err


def test_a_gold_document_without_its_article_is_an_error_naming_the_id(tmp_path: Path) -> None:
    from veille.eval.report import gold_scores
    from veille.pipeline import Pipeline

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "no-such-article", "events": []}) + "\n", "utf-8")
    with pytest.raises(InputError) as err:  # before: scored against the first article
        gold_scores(Pipeline(), gold, SAMPLE / "articles.jsonl", None)
    assert "'no-such-article'" in err.value.cause and err.value.where == str(gold)
    assert err.value.fix
