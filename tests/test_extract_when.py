"""When (veille.extract.when): the event's date and time of day. Sentences invented."""

from __future__ import annotations

from datetime import date

import pytest

from sentence_builder import W, sentence, tokens, when
from veille.extract.lexicon import Lexicon
from veille.extract.when import When, clock_time, read_when


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


@pytest.fixture(scope="module")
def fr() -> Lexicon:
    return Lexicon.load("fr")


SUNDAY, TUESDAY = date(2031, 5, 4), date(2031, 5, 6)


def test_the_triggers_own_clause_dates_it(en: Lexicon) -> None:
    toks = tokens(
        [
            W("Officials", "NOUN", "nsubj", 1),
            W("said", "VERB", "ROOT", lemma="say"),
            W("Tuesday", "PROPN", "npadvmod", 1),
            W("rebels", "NOUN", "nsubj", 4),
            W("attacked", "VERB", "ccomp", 1),
            W("the", "DET", "det", 7),
            W("northern", "ADJ", "amod", 7),
            W("camp", "NOUN", "dobj", 4),
            W("early", "ADV", "advmod", 9),
            W("Sunday", "PROPN", "npadvmod", 4),
        ]
    )
    s = sentence(toks, dates=[when(toks, 2, TUESDAY), when(toks, 9, SUNDAY)])
    got = read_when(en, (toks[4].start, toks[4].end), s)
    assert (got.event_date, got.precision, got.date_span) == (
        SUNDAY,
        "day",
        (toks[9].start, toks[9].end),
    )


def test_a_year_alone_yields_to_a_day(en: Lexicon) -> None:
    toks = tokens(["Founded", "2019", ",", "the", "group", "attacked", "a", "post", "Sunday"])
    year = when(toks, 1, date(2019, 1, 1), "year")
    s = sentence(toks, dates=[year, when(toks, 8, SUNDAY)])
    assert read_when(en, (toks[5].start, toks[5].end), s).event_date == SUNDAY


def test_a_clock_time_gives_the_time_of_day(en: Lexicon, fr: Lexicon) -> None:
    toks = tokens(["Les", "tirs", "ont", "éclaté", "vers", "22", "heures"])
    assert clock_time(fr, sentence(toks, language="fr")) == ("night", (toks[5].start, toks[6].end))
    pm = tokens(["Shots", "rang", "out", "at", "3", "o'clock", "pm"])
    got = read_when(en, (pm[1].start, pm[1].end), sentence(pm))
    assert (got.time_of_day, got.event_date) == ("afternoon", None)
    assert clock_time(en, sentence(tokens(["Shots", "at", "33", "o'clock"]))) is None


def test_an_embedded_post_dates_what_it_reports(en: Lexicon) -> None:
    toks = tokens(["Drones", "struck", "the", "port"])
    s = sentence(toks, source_kind="embedded_post", published=TUESDAY)
    got = read_when(en, (toks[1].start, toks[1].end), s)
    assert got == When(TUESDAY, "day", None, None, None, True)
    assert read_when(en, (toks[1].start, toks[1].end), sentence(toks)) == When()
