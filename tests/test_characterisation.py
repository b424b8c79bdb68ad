"""Sentences that qualify or generalise instead of telling an event. Sentences invented."""

from __future__ import annotations

from typing import Any

import pytest

from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import Article, Event


def _violent(pipeline: Any, text: str, lang: str) -> list[Event]:
    art = Article(id="c", text=text, language=lang, published="2025-05-06")
    return [e for e in pipeline.run([art]) if SUB_EVENT_TYPES[e.sub_event_type].violent]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les autorités locales parlent d'un bombardement délibéré contre des civils.", "fr"),
        ("The opposition described the raid as a deliberate attack on civilians.", "en"),
        ("حاولت الجماعة تصوير هذا الهجوم على أنه اشتباك مع مسلحين", "ar"),
    ],
)
def test_a_qualified_event_is_no_event_of_its_own(pipeline: Any, text: str, lang: str) -> None:
    assert _violent(pipeline, text, lang) == []


def test_the_simple_present_tells_a_policy_not_an_event(pipeline: Any) -> None:
    assert _violent(pipeline, "The ministry says it targets only military sites.", "en") == []
    dated = "Drones targeted a fuel depot near Kursk on Monday, the governor said."
    assert len(_violent(pipeline, dated, "en")) == 1
