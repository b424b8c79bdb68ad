"""The extractor on hostile input: nothing raises, nothing is lost, every span is true."""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest
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


def test_article_past_the_mention_cap_fails_alone(pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import veille.stages as stages_module

    monkeypatch.setattr(stages_module, "MAX_MENTIONS_PER_ARTICLE", 3)
    sentence = "Une frappe de drone a visé un dépôt à Alep lundi."
    big = Article(id="big", text="\n".join([sentence] * 6), language="fr")
    small = Article(id="small", text="\n".join([sentence] * 2), language="fr")
    failed, done = pipeline.process([big, small])
    assert isinstance(failed, ArticleFailure)
    assert (
        failed.cause
        == "the article tells more than 3 event mentions, the most one article may hold"
    )
    assert failed.fix and "split it into its articles" in failed.fix
    assert not isinstance(done, ArticleFailure) and done.article.id == "small" and done.events


def test_parse_batches_are_bounded_in_characters_and_texts() -> None:
    from veille.pipeline import PARSE_BATCH_CHARS, PARSE_BATCH_DOCS, _size_bounded

    long_piece = "x" * (PARSE_BATCH_CHARS // 2 + 1)
    groups = list(_size_bounded([long_piece] * 5))
    assert [len(g) for g in groups] == [1] * 5  # two would pass the character budget
    short = ["une phrase."] * (PARSE_BATCH_DOCS * 2 + 1)
    assert [len(g) for g in _size_bounded(short)] == [PARSE_BATCH_DOCS, PARSE_BATCH_DOCS, 1]
    both = [*short, long_piece]
    assert [t for g in _size_bounded(both) for t in g] == both


@pytest.mark.slow
def test_1mb_single_line_is_parsed_in_bounded_memory(tmp_path: Path, shared_dir: Path) -> None:
    """A 1 MB text with no line break (words of the acceptance article, shuffled): it is
    parsed in size-bounded batches and refused at the mention cap, in a child process
    whose peak RSS is checked (one batch of all its pieces once took 3.6 GB)."""
    words = (shared_dir / "examples" / "seed_article_fr.txt").read_text("utf-8").split()
    rng = random.Random(7)
    line: list[str] = []
    size = 0
    while size < 1_000_000:
        line.append(rng.choice(words))
        size += len(line[-1]) + 1
    path = tmp_path / "one-line.txt"
    path.write_text(" ".join(line), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "veille", "extract", str(path), "--pub-date", "2024-02-05",
         "--format", "jsonl"],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert done.returncode == 1, done.stderr
    assert f"{path}: the article tells more than 2,000 event mentions" in done.stderr
    assert done.stdout == ""
    assert peak < 1536 * 1024 * 1024, f"peak RSS {peak:,} bytes for a 1 MB line"


def test_place_inside_a_name_is_found_by_bisection() -> None:
    from veille.geo.places import _strictly_inside

    names = [(0, 20), (30, 40), (50, 60)]  # "Radio Okapi", "ministère de la Défense"...
    starts = [s for s, _ in names]
    assert _strictly_inside(names, starts, 6, 11)  # "Okapi" inside a name
    assert _strictly_inside(names, starts, 30, 35)
    assert not _strictly_inside(names, starts, 30, 40)  # the whole name is no inner word
    assert not _strictly_inside(names, starts, 38, 45)  # crosses the end
    assert not _strictly_inside(names, starts, 22, 25)  # between names
    assert not _strictly_inside([], [], 3, 4)
