"""The place component (``PlaceFinder``): one choice of places for events, ``veille
geoparse`` and the geoparsing evaluation. Texts and places invented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.errors import DataError
from veille.geo import Geocoder, Place, Toponym
from veille.geo.evaluate import (
    GEO_HALVES,
    gather_evidence,
    half_of,
    read_gold,
    score_documents,
)
from veille.geo.places import PlaceEvidence, PlaceFinder
from veille.model import Article


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Geocoder.load())


def _toponym(text: str, word: str, iso3: str, nth: int = 0) -> Toponym:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    place = Place(
        gazetteer_id=f"test:{word}", name=word, feature="city", iso3=iso3, lat=1.0, lon=2.0
    )
    return Toponym(start=start, end=start + len(word), text=word, place=place, geo_precision=1)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_function_word_is_no_place_unless_the_ner_calls_it_one(finder: PlaceFinder) -> None:
    text = "Then the rebels left Zorvan."
    then, zorvan = _toponym(text, "Then", "AAA"), _toponym(text, "Zorvan", "AAA")
    words = PlaceEvidence(function_words=frozenset({0}))
    kept = finder.keep(text, [then, zorvan], words)
    assert [t.text for t in kept] == ["Zorvan"]
    hinted = PlaceEvidence(places=(_span(text, "Then"),), function_words=frozenset({0}))
    assert [t.text for t in finder.keep(text, [then, zorvan], hinted)] == ["Then", "Zorvan"]


def test_a_word_in_capitals_amid_running_text_is_no_function_word(finder: PlaceFinder) -> None:
    """A dateline place set in capitals, which a tagger may call an adverb, is kept; a
    word of a headline in capitals, and a short acronym, are still judged by their
    part of speech (invented texts and places)."""
    dateline = "Talks stalled again . ZORVAN: the council met on Monday."
    zorvan = _toponym(dateline, "ZORVAN", "AAA")
    tagged = PlaceEvidence(function_words=frozenset({zorvan.start}))
    assert [t.text for t in finder.keep(dateline, [zorvan], tagged)] == ["ZORVAN"]

    agency = "ZORVAN, Kelmar (Wire) - Gunmen attacked a bus."
    first = _toponym(agency, "ZORVAN", "AAA")
    assert finder.keep(agency, [first], PlaceEvidence(function_words=frozenset({0}))) == [first]

    headline = "RAIDS HIT ZORVAN THEN STOPPED"
    then = _toponym(headline, "THEN", "AAA")
    evidence = PlaceEvidence(function_words=frozenset({then.start}))
    assert finder.keep(headline, [then], evidence) == []

    acronym = "Troops of the ZAR said calm had returned."
    zar = _toponym(acronym, "ZAR", "AAA")
    evidence = PlaceEvidence(function_words=frozenset({zar.start}))
    assert finder.keep(acronym, [zar], evidence) == []


def test_a_place_word_heading_an_unknown_name_is_a_word_of_that_name(
    finder: PlaceFinder,
) -> None:
    text = "Members of the Borel Vask gang looted a depot in Tarnas."
    borel, tarnas = _toponym(text, "Borel", "BBB"), _toponym(text, "Tarnas", "CCC")
    evidence = PlaceEvidence(places=(_span(text, "Borel Vask"),))
    assert [t.text for t in finder.keep(text, [borel, tarnas], evidence)] == ["Tarnas"]
    # Another toponym names its country: the word may well be the place.
    same_country = _toponym(text, "Tarnas", "BBB")
    kept = finder.keep(text, [borel, same_country], evidence)
    assert [t.text for t in kept] == ["Borel", "Tarnas"]


def test_a_country_or_a_state_heading_an_unknown_place_name_is_kept(
    finder: PlaceFinder,
) -> None:
    """A town's name heading a longer name is likely a chance word of it; a country or a
    first-level area is not: "<state> Shoals", two countries listed without a comma
    (invented names and places)."""
    text = "Divers searched Borel Shoals near the coast."
    evidence = PlaceEvidence(places=(_span(text, "Borel Shoals"),))
    for feature, kept in (
        ("city", []),
        ("admin2", []),
        ("admin1", ["Borel"]),
        ("country", ["Borel"]),
    ):
        borel = _toponym(text, "Borel", "BBB")
        assert borel.place is not None
        borel = borel.model_copy(
            update={"place": borel.place.model_copy(update={"feature": feature})}
        )
        assert [t.text for t in finder.keep(text, [borel], evidence)] == kept, feature


def test_two_countries_listed_without_a_comma_are_both_named(finder: PlaceFinder) -> None:
    """The whole pipeline of the place component on an invented sentence: the NER reads
    "Chile Peru" as one place; the first country is still named (it was dropped as the
    chance first word of an unknown name)."""
    text = "Copper exports fell from Bolivia, Chile Peru and Brazil last year."
    evidence = PlaceEvidence(
        places=(_span(text, "Bolivia"), _span(text, "Chile Peru"), _span(text, "Brazil"))
    )
    found = {t.text: t.place.iso3 for t in finder.find(text, "en", evidence) if t.place}
    assert found.get("Chile") == "CHL"


def test_a_name_that_goes_on_in_lower_case_keeps_its_place(finder: PlaceFinder) -> None:
    text = "Shells fell on the Borel refugee camp."
    borel = _toponym(text, "Borel", "BBB")
    evidence = PlaceEvidence(places=(_span(text, "Borel refugee camp"),))
    assert [t.text for t in finder.keep(text, [borel], evidence)] == ["Borel"]


def test_a_place_inside_an_organisations_name_is_marked_not_dropped(
    finder: PlaceFinder,
) -> None:
    text = "The Kinshasa Chamber of Commerce met in Goma on Monday."
    evidence = PlaceEvidence(names=(_span(text, "Kinshasa Chamber of Commerce"),))
    found = {t.text: t.in_name for t in finder.find(text, "en", evidence)}
    assert found == {"Kinshasa": True, "Goma": False}
    # Without the parse there is no name to be inside.
    assert not any(t.in_name for t in finder.find(text, "en"))


def test_a_name_that_is_only_the_place_is_not_inside_a_name(finder: PlaceFinder) -> None:
    text = "Officials in Goma said nothing."
    evidence = PlaceEvidence(names=(_span(text, "Goma"),))
    assert [t.in_name for t in finder.find(text, "en", evidence)] == [False]


def test_evidence_from_docs_takes_offsets_labels_and_parts_of_speech() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Then", "Radio", "Goma", "said", "Ana", "Bel", "left"])
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    for tok, pos in zip(
        doc, ["ADV", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "VERB"], strict=True
    ):
        tok.pos_ = pos
    ev = PlaceEvidence.from_docs([(100, doc)])
    assert ev.names == ((105, 115), (121, 128))
    assert ev.persons == ((121, 128),)
    assert ev.places == ()
    assert ev.function_words == frozenset({100, 116, 129})
    # A blank pipeline's entities still hint, but give no names nor parts of speech.
    unparsed = PlaceEvidence.from_docs([(0, doc)], parsed=False)
    assert unparsed.names == () and unparsed.function_words == frozenset()
    assert unparsed.persons == ((21, 28),)


def test_an_entity_that_runs_over_a_weekday_is_no_evidence() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    # The French NER reads a town and the weekday after it as a person's two names.
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=["frappé", "près", "de", "Kalba", "lundi", "et", "Ana", "Bel"])
    doc.ents = [Span(doc, 3, 5, label="PER"), Span(doc, 6, 8, label="PER")]
    ev = PlaceEvidence.from_docs([(0, doc)])
    assert ev.persons == ((30, 37),) and ev.names == ((30, 37),)


def test_an_entity_that_runs_over_a_headings_mark_is_no_evidence() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    # A live blog's "10.15 GMT - Mariupol: Blasts ..." read as one organisation; a
    # hyphenated name without spaces ("Guinea-Bissau") is a name.
    nlp = spacy.blank("en")
    words = ["GMT", "-", "Mariupol", ":", "Blasts", "hit", "Guinea", "-", "Bissau", "Radio"]
    spaces = [True, True, False, True, True, True, False, False, True, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 0, 5, label="ORG"), Span(doc, 6, 10, label="ORG")]
    ev = PlaceEvidence.from_docs([(0, doc)])
    assert ev.names == ((_start(doc, 6), len(doc.text)),)


def _start(doc: Any, i: int) -> int:
    return int(doc[i].idx)


def test_a_live_blog_entrys_heading_place_is_its_events(pipeline: Any) -> None:
    text = (
        "07.40 BST - Russia launched a wave of missiles and drones overnight, officials "
        "said.\n\n"
        "08.15 BST - Kharkiv: Blasts were heard across the city as anti-aircraft guns "
        "fired at drones.\n\n"
        "09.30 BST - Dnipro: A missile hit a warehouse in Dnipro, killing two people."
    )
    events = pipeline.run([Article(id="lb", text=text, language="en", published="2024-08-26")])
    places = {e.location.name for e in events if e.location is not None}
    assert "Kharkiv" in places


def test_the_pipeline_leaves_a_place_inside_a_name_out(pipeline: Any) -> None:
    # The parser reads "the Bukavu Chamber of Commerce" as an organisation: its name
    # says nothing of where the attack was (with the toponym, the event was in Bukavu).
    text = "Gunmen attacked the offices of the Bukavu Chamber of Commerce on Monday."
    events = pipeline.run([Article(id="bc", text=text, language="en", published="2025-03-12")])
    assert events and [e.location for e in events] == [None] * len(events)


def _gold(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_the_evaluation_counts_toponyms_in_names_but_events_do_not(
    finder: PlaceFinder, tmp_path: Path
) -> None:
    text = "The Kinshasa Chamber of Commerce met in Goma on Monday."
    k, g = _span(text, "Kinshasa"), _span(text, "Goma")
    row = {
        "id": "d1",
        "corpus": "X",
        "text": text,
        "toponyms": [
            {"start": k[0], "end": k[1], "lat": -4.32, "lon": 15.31},
            {"start": g[0], "end": g[1], "lat": -1.68, "lon": 29.22},
        ],
    }
    docs = read_gold(_gold(tmp_path, [row]))
    evidence = [PlaceEvidence(names=(_span(text, "Kinshasa Chamber of Commerce"),))]
    scores = score_documents(docs, evidence, finder)
    assert scores.acc_161 == 1.0
    assert scores.acc_161_event_places == 0.5
    assert scores.acc_161_by_corpus == {"X": 1.0}


def test_evidence_without_a_parser_is_empty(tmp_path: Path) -> None:
    docs = read_gold(_gold(tmp_path, [{"id": "d", "text": "In Goma.", "toponyms": []}]))
    assert gather_evidence(docs, use_ner=False) == [PlaceEvidence()]
    hinted = gather_evidence(docs, hints=lambda text, lang: [(3, 7)])
    assert hinted == [PlaceEvidence(places=((3, 7),))]


def test_the_gold_halves_are_stable_and_both_used(tmp_path: Path) -> None:
    ids = [f"doc-{n}" for n in range(40)]
    halves = [half_of(i) for i in ids]
    assert set(halves) == set(GEO_HALVES)
    assert halves == [half_of(i) for i in ids]
    rows = [{"id": i, "text": "x", "toponyms": []} for i in ids]
    path = _gold(tmp_path, rows)
    dev = [d.id for d in read_gold(path, half="dev")]
    held = [d.id for d in read_gold(path, half="heldout")]
    assert sorted(dev + held) == sorted(ids) and not set(dev) & set(held)


def test_a_bad_gold_line_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = _gold(tmp_path, [{"id": "a", "text": "x", "toponyms": []}, {"id": "b"}])
    with pytest.raises(DataError) as info:
        read_gold(path)
    assert "line 2" in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("KHARKIV, March 4, 2025 (Horizon Wire) - A drone hit a depot overnight.", "en", "Horizon"),
        (
            "Mombasa, 4 mars 2025 (La Gazette de l'Océan) – Des milliers de personnes ont défilé.",
            "fr",
            "Océan",
        ),
    ],
)
def test_a_place_word_in_the_outlet_credited_after_a_dateline_is_in_a_name(
    finder: PlaceFinder, text: str, language: str, word: str
) -> None:
    found = [t for t in finder.find(text, language) if t.text == word]
    assert all(t.in_name for t in found)
    assert any(not t.in_name for t in finder.find(text, language))  # the dateline's city


def test_a_ner_span_that_opens_on_the_kind_of_place_is_that_place(finder: PlaceFinder) -> None:
    # The French NER reads «ville de Kindu» as one place: the kind of place in lower
    # case, then the town the gazetteer knows.
    text = "Des avions ont bombardé lundi la ville de Kindu, selon des témoins."
    tops = finder.find(text, "fr", PlaceEvidence.hints_only([_span(text, "ville de Kindu")]))
    assert [(t.text, t.place.name if t.place else None) for t in tops] == [("Kindu", "Kindu")]


def test_a_ner_span_that_opens_on_another_noun_stays_one_name(finder: PlaceFinder) -> None:
    # «l'hôpital de X» names a building: the place word inside is not looked up alone.
    text = "Un blessé a été transporté à l'hôpital de Kindu, selon des témoins."
    tops = finder.find(text, "fr", PlaceEvidence.hints_only([_span(text, "hôpital de Kindu")]))
    assert all(t.text != "Kindu" for t in tops)


def test_an_acronym_with_a_lower_case_tail_is_no_place() -> None:
    """«les FAMa» (Mali's armed forces), which a French NER labels a place, spells Fama,
    Brazil; read as one, it made the Malian town beside it a stray."""
    from veille.geo import Geocoder

    text = "Les FAMa ont mené mercredi des frappes aériennes à Ténenkou."
    found = {
        t.text: (t.place.iso3 if t.place else None)
        for t in Geocoder.load().geoparse(text, "fr", hints=[(4, 8), (51, 59)])
    }
    assert found.get("FAMa") is None
    assert found.get("Ténenkou") == "MLI"


@pytest.mark.parametrize(
    ("text", "language", "seat"),
    [
        ("The London-based monitor said 20 fighters were killed near Hama.", "en", "London"),
        ("Le groupe, basé à Londres, a fait état de 20 morts près de Hama.", "fr", "Londres"),
        ("وقال المرصد ومقره لندن إن 20 مقاتلا قتلوا قرب حماة.", "ar", "لندن"),
    ],
)
def test_an_organisations_seat_is_no_place_of_an_event(
    finder: PlaceFinder, text: str, language: str, seat: str
) -> None:
    # "-based", «basé à», «ومقره»: where the speaker sits; the toponym is still found.
    found = {t.text: t.in_name for t in finder.find(text, language) if t.place is not None}
    assert found.get(seat) is True and found.get("Hama", found.get("حماة")) is False


@pytest.mark.parametrize("label", ["names", "persons"])
def test_a_name_closing_on_an_area_phrase_is_the_area(finder: PlaceFinder, label: str) -> None:
    # A parser reads "Shendam Local Government Area" as an organisation, "Shendam LGA" as
    # a person: the area's own name, not a name a place word stands inside.
    for area in ("Shendam Local Government Area", "Shendam LGA"):
        text = f"Gunmen killed nine farmers in {area} on Sunday."
        evidence = PlaceEvidence(**{label: (_span(text, area),)})  # type: ignore[arg-type]
        found = {t.text: t for t in finder.find(text, "en", evidence)}
        shendam = found["Shendam"]
        assert not shendam.in_name and shendam.place is not None
        # The phrase reads the district, not the town of the same name.
        assert shendam.place.feature == "admin2", area


def test_a_group_named_after_an_area_keeps_its_place_word_inside_the_name(
    finder: PlaceFinder,
) -> None:
    # "State" and "Province" both close area names: a name holding two phrases is a
    # group's, and the region in it is no place of the group's acts.
    text = "The Islamic State Sahel Province claimed the attack in Menaka."
    group = "Islamic State Sahel Province"
    evidence = PlaceEvidence(names=(_span(text, group),))
    found = {t.text: t.in_name for t in finder.find(text, "en", evidence)}
    assert found.get("Menaka") is False
    assert found.get("Sahel", True) is True


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Police said the Santa Rosa de Lima gang controls the fuel trade.",
            "en",
            "Santa Rosa de Lima",
        ),
        ("Des membres du cartel de Sinaloa ont été arrêtés à Culiacán lundi.", "fr", "Sinaloa"),
    ],
)
def test_a_place_that_names_an_armed_group_is_inside_its_name(
    finder: PlaceFinder, text: str, language: str, name: str
) -> None:
    # "the X gang", «le cartel de X»: a group named after a place acts elsewhere.
    found = {t.text: t.in_name for t in finder.find(text, language) if t.place is not None}
    assert found.get(name) is True
