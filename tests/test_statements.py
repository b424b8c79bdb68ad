"""Non-violent PLOVER statements: kept apart from events, never violent, with spans."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from veille.model import Article


def _run(pipeline, text: str, lang: str):  # type: ignore[no-untyped-def]
    art = Article(id="s", text=text, language=lang, published="2024-05-02")
    return art, pipeline.run_detailed([art])


def test_threats_and_accusations_are_statements_not_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("Le Hamas a menacé de lancer de nouvelles attaques contre Israël.", "fr", "THREATEN"),
        ("Israel accused Hezbollah of preparing attacks on its northern towns.", "en", "ACCUSE"),
        ("The government rejected the ceasefire proposal on Monday.", "en", "REJECT"),
        ("The rebels demanded the release of all prisoners.", "en", "REQUEST"),
    ]
    for text, lang, expected in cases:
        art, result = _run(pipeline, text, lang)
        assert not [e for e in result.events if e.event_type != "Strategic developments"], text
        assert [s.plover.event_type for s in result.statements] == [expected], text
        st = result.statements[0]
        trig = st.spans.trigger
        assert trig is not None and art.text[st.start : st.end] == st.text
        assert st.start <= trig[0] < trig[1] <= st.end


def test_a_sentence_that_tells_an_event_gives_no_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    _, result = _run(pipeline, "Une frappe de drone a tué trois civils lundi à Gao, au Mali.", "fr")
    assert result.events and not result.statements


def test_a_toll_of_another_event_leaves_the_sentences_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    # The deaths are counted (a mention of an event told elsewhere, or of none); what the
    # sentence itself tells is the curfew.
    text = "The governor imposed a curfew in Kano following the deaths of two guards."
    _, result = _run(pipeline, text, "en")
    assert [s.plover.event_type for s in result.statements] == ["COERCE"]


def test_negated_statement_is_left_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    _, result = _run(pipeline, "The minister did not threaten the protesters.", "en")
    assert result.statements == []


def test_seed_accusation_and_threat_become_statements(shared_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    raw = (shared_dir / "examples" / "seed_article_fr.jsonl").read_text(encoding="utf-8")
    art = Article.model_validate(json.loads(raw))
    result = pipeline.run_detailed([art])
    assert len(result.events) == 4
    assert sorted(s.plover.event_type for s in result.statements) == ["ACCUSE", "THREATEN"]


def test_cli_writes_statements_to_their_own_file(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps(
            {"id": "a", "language": "en", "text": "The rebels threatened to attack the city."}
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "st.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "veille", "extract", str(src), "--statements", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""  # no event
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["plover"]["event_type"] for x in lines] == ["THREATEN"]


def test_hacking_is_coercion_in_plover_and_no_acled_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # ACLED codes no cyber attack; PLOVER codes it COERCE (mode censor).
    cases = [
        ("Hackers defaced hundreds of government websites in Tallinn on Monday.", "en"),
        ("Des hackers ont piraté lundi les serveurs de la mairie de Lille.", "fr"),
    ]
    for text, lang in cases:
        _, result = _run(pipeline, text, lang)
        assert result.events == [], text
        assert [(s.plover.event_type, s.plover.mode) for s in result.statements] == [
            ("COERCE", "censor")
        ], text
