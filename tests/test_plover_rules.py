"""English PLOVER constructions: the argument structure and the modality that give a
non-violent statement its type (issue #3).

Every sentence is written for these tests; none comes from a gold set.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from veille.extract.lexicon import LexiconData
from veille.model import Article


def _types(pipeline: Any, text: str) -> tuple[list[str], list[str]]:
    """(PLOVER types of the events, PLOVER types of the statements) of one sentence."""
    art = Article(id="p", text=text, language="en", published="2024-05-02")
    result = pipeline.run_detailed([art])
    events = [e.plover.event_type for e in result.events if e.plover is not None]
    return events, [s.plover.event_type for s in result.statements]


CASES = [
    # Argument structure: who or what is withdrawn, returned, cut, eased.
    ("The army pulled out its troops from the valley on Sunday.", "RETREAT"),
    ("The country withdrew its election observers from the capital.", "SANCTION"),
    ("The militia completed its withdrawal from the border town.", "RETREAT"),
    ("Several hundred rebel fighters surrendered to the army last week.", "RETREAT"),
    ("A contingent of UN peacekeepers arrived in the capital on Monday.", "RETREAT"),
    ("The government suspended all aid to the breakaway province.", "SANCTION"),
    ("The foreign minister cancelled his visit to the neighbouring country.", "SANCTION"),
    ("The authorities lifted the curfew in the northern city on Friday.", "CONCEDE"),
    ("The teachers' union called off its strike after a week.", "CONCEDE"),
    ("The cabinet accepted the demands of the opposition parties.", "CONCEDE"),
    ("The electoral court allowed the former minister to stand in the vote.", "CONCEDE"),
    ("The rebels released twelve hostages on Friday.", "CONCEDE"),
    ("The charity delivered food and medicine to the camp.", "AID"),
    ("The country granted asylum to the opposition leader.", "AID"),
    ("The two countries established diplomatic relations on Monday.", "SUPPORT"),
    ("The prime minister apologized to the families of the victims.", "SUPPORT"),
    ("The minister defended the decision to close the border.", "SUPPORT"),
    ("The governor declined to sign the bill into law.", "REJECT"),
    ("The party is opposed to the new draft constitution.", "REJECT"),
    ("The two delegations failed to reach an agreement on the border.", "REJECT"),
    ("Police prevented the rally from taking place in the square.", "COERCE"),
    ("The authorities imposed a curfew on the town on Tuesday.", "COERCE"),
    ("Troops remained on high alert along the border.", "MOBILIZE"),
    ("The governor ordered more police patrols in the city centre.", "MOBILIZE"),
    ("The families are suing the mining company for damages.", "ACCUSE"),
    ("The agency dispatched inspectors to the chemical plant.", "ACCUSE"),
    # Modality: an act announced for the future, negated, or that someone must do.
    ("The government said it would allow aid convoys into the city.", "AGREE"),
    ("The army will pull its troops out of the valley next month.", "AGREE"),
    ("The foreign minister will visit the capital next week.", "AGREE"),
    ("The farmers said they would blockade the port from Monday.", "THREATEN"),
    ("The party will boycott the election unless the president resigns.", "THREATEN"),
    ("The ministry may halt the talks if the ceasefire does not hold.", "THREATEN"),
    ("The ministry said it will not accept the proposal.", "REJECT"),
    ("The president did not agree to the opposition's plan.", "REJECT"),
    ("The minister said the rebels must hand back the captured weapons.", "REQUEST"),
    ("The opposition said the president must agree to early elections.", "REQUEST"),
    ("The agency said the two sides should return to the table.", "REQUEST"),
]


def test_a_blockade_of_a_bridge_is_a_protest_event(pipeline: Any) -> None:
    # "blocked the (main) bridge": a crowd's blockade, an ACLED protest event of PLOVER
    # type PROTEST, whatever adjective the bridge takes.
    for text in (
        "Angry farmers blocked the main bridge with their tractors.",
        "Angry farmers blocked the bridge with their tractors.",
    ):
        assert _types(pipeline, text) == (["PROTEST"], []), text


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_statement_type_of_a_construction(pipeline: Any, text: str, expected: str) -> None:
    events, statements = _types(pipeline, text)
    assert events == [], (text, events)
    assert statements == [expected], text


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman declined to comment on the report.",  # no refusal of anything
        "The ministry issued a press release on Friday.",  # not a release of captives
        "The company released its quarterly results on Friday.",
        "The army mounted its long-threatened operation on Monday.",  # an adjective
        "The city passed a law to allow longer opening hours.",  # a purpose, not a yield
    ],
)
def test_look_alikes_are_not_statements_of_that_kind(pipeline: Any, text: str) -> None:
    _, statements = _types(pipeline, text)
    assert not set(statements) & {"REJECT", "CONCEDE", "THREATEN"}, (text, statements)


def test_background_violence_does_not_hide_the_act(pipeline: Any) -> None:
    # "following the shooting deaths", "after violent protests": earlier events given as
    # the reason; the sentence tells the curfew and the patrols.
    events, statements = _types(
        pipeline, "The army reimposed a curfew following the shooting deaths of two soldiers."
    )
    assert (events, statements) == ([], ["COERCE"])
    events, statements = _types(
        pipeline, "The governor ordered police patrols after violent protests in the city."
    )
    assert (events, statements) == ([], ["MOBILIZE"])


def test_a_purpose_clause_does_not_make_a_protest_hypothetical(pipeline: Any) -> None:
    events, _ = _types(
        pipeline, "Thousands of people blocked roads in the capital to demand new elections."
    )
    assert events == ["PROTEST"]


def test_unknown_noun_class_is_a_lexicon_error() -> None:
    raw = resources.files("veille.lang").joinpath("en/triggers.json").read_text("utf-8")
    data = json.loads(raw)
    data["statements"].append({"p": "cut", "plover": "SANCTION", "objects": "nowhere"})
    with pytest.raises(ValueError, match="unknown noun class"):
        LexiconData.model_validate(data)
