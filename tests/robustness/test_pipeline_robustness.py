"""The extractor on hostile input: nothing raises, nothing is lost, every span is true."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.ingest import read_inputs
from veille.model import Article, ArticleFailure, Event

# Real words so that the extractor's rules actually fire on generated text.
WORDS = [
    "frappe",
    "drone",
    "roquettes",
    "tirées",
    "samedi",
    "soir",
    "hier",
    "la",
    "veille",
    "Syrie",
    "Deir",
    "ez-Zor",
    "Gao",
    "Mali",
    "Résistance",
    "islamique",
    "armée",
    "israélienne",
    "«",
    "»",
    "a",
    "revendiqué",
    "selon",
    "aucune",
    "victime",
    "tués",
    "au",
    "moins",
    "12",
    "morts",
    "près",
    "de",
    "base",
    "américaine",
    "غارة",
    "مسيرة",
    "قصف",
    "الجيش",
    "دمشق",
    "فجر",
    "اليوم",
    "قتلى",
    "strike",
    "killed",
    "Kharkiv",
    "yesterday",
    "drones",
    "Russian",
    "—",
    "(@x)",
    "February",
    "4,",
    "2024",
    "\n",
    ".",
    ",",
    ";",
    ":",
]

texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8)), min_size=1, max_size=60
).map(" ".join)


def check_event(event: Event, text: str) -> None:
    for m in event.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        for _, span in m.spans:
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
    for f in event.framing:
        assert text[f.span[0] : f.span[1]] == f.term
    for s in event.sources:
        if s.span is not None:
            assert 0 <= s.span[0] < s.span[1] <= len(text)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts, lang=st.sampled_from(["fr", "en", "ar", None]))
def test_any_text_gives_true_spans_or_a_clear_failure(
    pipeline, text: str, lang: str | None
) -> None:  # type: ignore[no-untyped-def]
    art = Article(id="fuzz", text=text, language=lang, published="2024-02-05")
    for item in pipeline.process([art]):
        if isinstance(item, ArticleFailure):
            assert item.cause and item.origin  # reported, with a cause
            continue
        for event in item.events:
            check_event(event, text)


GOOD = (
    "Une frappe de drone a visé {day} la ville de {city}, au {country}, tuant {n} civils, "
    "selon des sources locales."
)
PLACES = [("Gao", "Mali"), ("Kidal", "Mali"), ("Djibo", "Burkina Faso"), ("Maiduguri", "Nigeria")]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def corrupted_line(rng: random.Random, k: int) -> str:
    kind = k % 5
    if kind == 0:
        return f'{{"id": "bad-{k}", "text": "unterminated'
    if kind == 1:
        return json.dumps({"id": f"bad-{k}", "text": ""})
    if kind == 2:
        return json.dumps({"id": f"bad-{k}", "language": "fr"})
    if kind == 3:
        return json.dumps({"text": "pas d'identifiant"})
    return "\x00\x01" + "".join(chr(rng.randrange(1, 31)) for _ in range(20))


def test_a_batch_of_1000_with_100_corrupted(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    lines: list[str] = []
    good_ids: set[str] = set()
    for i in range(1000):
        if i % 10 == 3:
            lines.append(corrupted_line(rng, i))
            continue
        city, country = PLACES[i % len(PLACES)]
        text = GOOD.format(day=DAYS[i % 7], city=city, country=country, n=2 + i % 9)
        lines.append(
            json.dumps({"id": f"ok-{i}", "text": text, "language": "fr", "published": "2024-03-09"})
        )
        good_ids.add(f"ok-{i}")
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    produced: set[str] = set()
    failures: list[ArticleFailure] = []
    for item in pipeline.process(read_inputs([str(path)])):
        if isinstance(item, ArticleFailure):
            failures.append(item)
        else:
            assert item.events, f"{item.article.id} gave no event"
            produced.add(item.article.id)
    assert produced == good_ids
    assert len(failures) == 100
    assert len({f.origin for f in failures}) == 100  # each names its own line
    assert all(f.origin.startswith(str(path) + ":") for f in failures)
