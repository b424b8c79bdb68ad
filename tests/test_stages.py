"""The pipeline's stages over one ``ArticleAnalysis``, each alone, with small fakes.

Every sentence and place name here was written for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pytest
import spacy

import veille.extract.sentence as sentence_module
import veille.stages as stages_module
from veille.analysis import ArticleAnalysis, Sentence, within
from veille.errors import InputError
from veille.extract.assemble import EventAssembler, generic_default
from veille.extract.candidate import (
    ActorRef,
    Candidate,
    PlaceRef,
    SentenceInput,
    StatementCandidate,
    Typing,
)
from veille.extract.lexicon import Tok
from veille.geo import Toponym
from veille.geo._geocoder import Place
from veille.model import Actor, Article, Location, Source
from veille.nlp.segment import Segment
from veille.nlp.sentences import SentenceSplitter
from veille.registry import default_registry
from veille.resolve.actors import ActorMatch, FramingMatch
from veille.stages import (
    ActorStage,
    DateStage,
    ExtractionStage,
    PlaceStage,
    SentenceStage,
    place_ref,
)

PUBLISHED = date(2024, 3, 12)


def _segment(text: str, start: int, *, language: str = "fr", kind: str = "article") -> Segment:
    return Segment(
        start=start,
        end=start + len(text),
        text=text,
        language=language,
        source_id="a1" if kind == "article" else "a1#post",
        kind=kind,  # type: ignore[arg-type]
        published=None if kind == "article" else date(2024, 3, 11),
    )


def _analysis(pieces: list[tuple[str, str, str]]) -> ArticleAnalysis:
    """An analysis of an article made of ``(text, language, kind)`` paragraphs."""
    segments: list[Segment] = []
    text = ""
    for piece, language, kind in pieces:
        if text:
            text += "\n\n"
        segments.append(_segment(piece, len(text), language=language, kind=kind))
        text += piece
    article = Article(id="a1", text=text, published=PUBLISHED, language="fr")
    source = Source(source_id="a1", article_id="a1")
    return ArticleAnalysis(article, "fr", segments, [source])


def _sentence(an: ArticleAnalysis, k: int, start: int, end: int) -> Sentence:
    seg = an.segments[k]
    return Sentence(
        start=start,
        end=end,
        tokens=(),
        segment=k,
        language=seg.language,
        source_id=seg.source_id,
        source_kind=seg.kind,
        published=seg.published or an.article.published,
    )


# -- sentences ---------------------------------------------------------------


def test_sentence_stage_gives_absolute_spans_tokens_and_the_source_of_each() -> None:
    an = _analysis(
        [
            ("Une marche a eu lieu à Valmonde. Elle a duré une heure.", "fr", "article"),
            ("Des tirs ont été entendus au port.", "fr", "post"),
        ]
    )
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    an.docs = {k: nlp(seg.text) for k, seg in enumerate(an.segments)}
    SentenceStage()(an)
    text = an.article.text
    assert [text[s.start : s.end] for s in an.sentences] == [
        "Une marche a eu lieu à Valmonde.",
        "Elle a duré une heure.",
        "Des tirs ont été entendus au port.",
    ]
    assert [s.segment for s in an.sentences] == [0, 0, 1]
    # an embedded post keeps its own date and source; the article's sentences its own
    assert [s.published for s in an.sentences] == [PUBLISHED, PUBLISHED, date(2024, 3, 11)]
    assert [s.source_kind for s in an.sentences] == ["article", "article", "post"]
    post = an.sentences[2]
    assert [text[t.start : t.end] for t in post.tokens][:2] == ["Des", "tirs"]
    assert all(s.dates == () for s in an.sentences)  # the date stage fills them


def test_a_segment_without_a_doc_gives_no_sentence() -> None:
    an = _analysis([("Une phrase.", "fr", "article"), ("Une autre.", "fr", "article")])
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    an.docs = {1: nlp(an.segments[1].text)}
    SentenceStage()(an)
    assert [s.segment for s in an.sentences] == [1]


def test_arabic_sentences_are_cut_at_sentence_punctuation() -> None:
    text = "وقعت اشتباكات في المدينة. هل انتهت؟ لا"
    seg = _segment(text, 5, language="ar")
    spans = SentenceSplitter()(spacy.blank("ar")(text), seg)
    assert [(s.start - 5, s.end - 5) for s in spans] == [(0, 25), (25, 35), (35, 38)]
    assert all(t.pos == "X" and t.keys for s in spans for t in s.tokens)


# -- dates -------------------------------------------------------------------


def test_relative_dates_are_read_from_the_narrative_not_from_an_embedded_post() -> None:
    first = "Le 5 mars 2024, une marche a eu lieu."
    post = "Le 8 mars 2024, tout était calme."
    last = "La veille, des tracts avaient circulé."
    an = _analysis([(first, "fr", "article"), (post, "fr", "post"), (last, "fr", "article")])
    an.sentences = [_sentence(an, k, seg.start, seg.end) for k, seg in enumerate(an.segments)]
    DateStage()(an)
    values = [[d.value for d in s.dates] for s in an.sentences]
    assert values == [[date(2024, 3, 5)], [date(2024, 3, 8)], [date(2024, 3, 4)]]
    last_date = an.sentences[2].dates[0]
    assert an.article.text[last_date.start : last_date.end].lower() == "la veille"


# -- places ------------------------------------------------------------------


def _place(iso3: str, name: str) -> Place:
    return Place(gazetteer_id=f"t:{name}", name=name, feature="city", iso3=iso3, lat=1.0, lon=2.0)


def _toponym(
    text: str, at: str, word: str, place: Place | None, *, in_name: bool = False
) -> Toponym:
    start = text.index(word, text.index(at))
    return Toponym(
        start=start,
        end=start + len(word),
        text=word,
        place=place,
        geo_precision=1,
        in_name=in_name,
    )


@dataclass
class FakeFinder:
    """Gives, per language, the toponyms listed for it (in the order given)."""

    answers: dict[str, list[Toponym]]
    calls: list[tuple[str, str]] = field(default_factory=list)
    words: list[Any] = field(default_factory=list)

    def find(
        self,
        text: str,
        language: str,
        evidence: Any = None,
        *,
        outlet: Any = None,
        words: Any = None,
    ) -> list[Toponym]:
        self.calls.append((language, text))
        self.words.append(words)
        return self.answers.get(language, [])


def test_place_stage_keeps_resolved_places_outside_names_sorted_with_countries() -> None:
    fr = "Des heurts à Valmonde puis à Brisac. La radio de Brisac en parle."
    en = "Shots were heard in Eastport."
    an = _analysis([(fr, "fr", "article"), (en, "en", "article")])
    text = an.article.text
    finder = FakeFinder(
        {
            "fr": [
                _toponym(text, "Brisac", "Brisac", _place("BBB", "Brisac")),
                _toponym(text, "Valmonde", "Valmonde", _place("AAA", "Valmonde")),
                _toponym(text, "radio", "Brisac", _place("BBB", "Brisac"), in_name=True),
                _toponym(text, "heurts", "heurts", None),
            ],
            "en": [_toponym(text, "Eastport", "Eastport", _place("AAA", "Eastport"))],
        }
    )
    PlaceStage(finder)(an)
    assert [p.text for p in an.places] == ["Valmonde", "Brisac", "Eastport"]
    # AAA is named twice; between equals, the first found comes first
    assert an.countries == ["AAA", "BBB"]
    # each language sees its own paragraphs only, at their offsets
    assert [lang for lang, _ in finder.calls] == ["en", "fr"]
    en_text = dict(finder.calls)["en"]
    assert len(en_text) == len(text) and en_text.strip() == en and "heurts" not in en_text


def test_countries_named_equally_keep_the_order_they_were_found_in() -> None:
    fr = "À Valmonde et à Brisac."
    an = _analysis([(fr, "fr", "article")])
    text = an.article.text
    finder = FakeFinder(
        {
            "fr": [
                _toponym(text, "Brisac", "Brisac", _place("BBB", "Brisac")),
                _toponym(text, "Valmonde", "Valmonde", _place("AAA", "Valmonde")),
            ]
        }
    )
    PlaceStage(finder)(an)
    assert [p.text for p in an.places] == ["Valmonde", "Brisac"]
    assert an.countries == ["BBB", "AAA"]


def test_place_ref_refuses_an_unresolved_toponym() -> None:
    with pytest.raises(ValueError, match="not resolved"):
        place_ref(Toponym(start=0, end=3, text="Xyz", place=None, geo_precision=None))


# -- actors ------------------------------------------------------------------


def _actor(actor_id: str) -> Actor:
    return Actor(name=actor_id.title(), id=actor_id, kind="state")


@dataclass
class FakeResolver:
    contexts: list[list[str]] = field(default_factory=list)
    splits: list[Any] = field(default_factory=list)

    def words(self, text: str, words: Any = None) -> Any:
        from veille.resolve.textnorm import tokenize

        self.splits.append(words)
        return tokenize(text, words=words)

    def find_actors(
        self, text: str, language: str, *, context_iso3: list[str], tokens: Any = None
    ) -> list[ActorMatch]:
        self.contexts.append(list(context_iso3))
        out = []
        for word, actor_id in (("gendarmes", "police-aaa"), ("inconnus", "unidentified")):
            if word in text:
                at = text.index(word)
                out.append(
                    ActorMatch(
                        start=at,
                        end=at + len(word),
                        text=word,
                        actor=_actor(actor_id),
                        framed=False,
                    )
                )
        return out[::-1]  # the stage sorts

    def find_framing(self, text: str, language: str, *, tokens: Any = None) -> list[FramingMatch]:
        if "voyous" not in text:
            return []
        at = text.index("voyous")
        return [FramingMatch(start=at, end=at + 6, term="voyous", category="x", actor_id=None)]


def test_actor_stage_leaves_unidentified_perpetrators_out_and_reads_the_countries() -> None:
    an = _analysis(
        [("Des inconnus ont visé des gendarmes, des voyous selon eux.", "fr", "article")]
    )
    an.countries = ["AAA", "BBB"]
    resolver = FakeResolver()
    ActorStage(resolver)(an)  # type: ignore[arg-type]
    assert [a.actor_id for a in an.actors] == ["police-aaa"]
    assert [f.term for f in an.framing] == ["voyous"]
    assert resolver.contexts == [["AAA", "BBB"]]


def test_places_and_actors_read_one_word_split_of_each_language() -> None:
    fr = "Des gendarmes à Valmonde."
    en = "Shots in Eastport."
    an = _analysis([(fr, "fr", "article"), (en, "en", "article")])
    finder, resolver = FakeFinder({}), FakeResolver()
    PlaceStage(finder)(an)
    ActorStage(resolver)(an)  # type: ignore[arg-type]
    # the split each stage was handed is the analysis's own, made once per language
    assert finder.words == [an.lookup_words("en"), an.lookup_words("fr")]
    assert [id(w) for w in resolver.splits] == [id(w) for w in finder.words]
    assert [w.raw for w in an.lookup_words("fr")] == ["Des", "gendarmes", "à", "Valmonde"]
    assert [w.raw for w in an.lookup_words("en")] == ["Shots", "in", "Eastport"]


# -- extraction --------------------------------------------------------------


def _tok(k: int, text: str, start: int) -> Tok:
    return Tok(
        i=k, text=text, lemma=text, pos="X", dep="", head=k, start=start, end=start + len(text)
    )


def _fake_extractor(seen: list[SentenceInput]) -> type:
    """A sentence extractor that records what it reads: an event wherever a sentence
    holds "frappe", a statement elsewhere."""

    class FakeExtractor:
        def __init__(self, lexicon: object) -> None:
            self.lexicon = lexicon
            self.read: list[SentenceInput] = []

        def read_text(self, sentences: list[SentenceInput]) -> None:
            self.read = list(sentences)

        def extract(self, s: SentenceInput, speaking: set[int] | None = None) -> list[Candidate]:
            assert s in self.read  # the segment was read as a whole first
            assert speaking == self.voices(s)  # its voices, read once, handed over
            seen.append(s)
            if "frappe" not in s.text:
                return []
            kind = Typing("Air/drone strike", None, None, 1, None)
            return [Candidate(s, (s.start, s.start + 1), kind)]

        def statements(self, s: SentenceInput) -> list[StatementCandidate]:
            return [StatementCandidate(s, (s.start, s.start + 1), "CONSULT", None)]

        def voices(self, s: SentenceInput) -> set[int]:
            return set()

    return FakeExtractor


def _ref(start: int, end: int) -> PlaceRef:
    return PlaceRef(start, end, "x", None, "AAA", None, "city", 1, 0.0, 0.0, "t:x")


def test_extraction_reads_each_sentence_with_the_layers_inside_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[SentenceInput] = []
    monkeypatch.setattr(sentence_module, "SentenceExtractor", _fake_extractor(seen))
    text = "Une frappe à Valmonde. Les maires se sont réunis à Brisac."
    an = _analysis([(text, "fr", "article")])
    cut = text.index("Les")
    an.sentences = [_sentence(an, 0, 0, cut - 1), _sentence(an, 0, cut, len(text))]
    an.sentences = [
        Sentence(**{**{f: getattr(s, f) for f in s.__slots__}, "tokens": (_tok(0, "x", s.start),)})
        for s in an.sentences
    ]
    brisac = text.index("Brisac")
    an.places = [_ref(text.index("Valmonde"), text.index("Valmonde") + 8), _ref(brisac, brisac + 6)]
    an.actors = [ActorRef(cut + 4, cut + 10, "mayors", False, None)]
    languages: list[str] = []
    ExtractionStage(lambda lang: languages.append(lang))(an)  # type: ignore[arg-type, func-returned-value]
    first, second = seen
    assert first.text == "Une frappe à Valmonde." and [p.text for p in first.places] == ["x"]
    assert first.actors == [] and second.actors[0].actor_id == "mayors"
    assert len(second.places) == 1 and second.places[0].start == brisac
    # the event sentence gives a candidate; only the other one a statement
    assert [c.sentence.text for c in an.candidates] == [first.text]
    assert [c.sentence.text for c in an.statement_candidates] == [second.text]
    assert languages == ["fr"]


def test_extraction_fails_the_article_past_the_mention_cap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sentence_module, "SentenceExtractor", _fake_extractor([]))
    monkeypatch.setattr(stages_module, "MAX_MENTIONS_PER_ARTICLE", 1)
    an = _analysis([("Une frappe. Une frappe.", "fr", "article")])
    an.sentences = [_sentence(an, 0, 0, 11), _sentence(an, 0, 12, 23)]
    with pytest.raises(InputError, match="more than 1 event mentions"):
        ExtractionStage(lambda lang: None)(an)  # type: ignore[arg-type, return-value]


# -- assembly ----------------------------------------------------------------


@dataclass
class FakeGeocoder:
    def to_location(self, top: Toponym) -> Location:
        return Location(name=top.text, iso3="AAA", geo_precision=1, gazetteer_id="t:1")


@dataclass
class FakeActors:
    def by_id(self, actor_id: str) -> Actor:
        return _actor(actor_id)


def _candidate(sub: str | None, place: PlaceRef | None, **extra: Any) -> Candidate:
    text = "Une marche a eu lieu à Valmonde."
    sin = SentenceInput(
        tokens=[], start=0, end=len(text), text=text, language="fr", source_id="a1",
        source_kind="article", published=PUBLISHED, dates=[], actors=[], places=[], framing=[],
    )  # fmt: skip
    kind = Typing(sub, extra.pop("generic", None), None, 1, None)
    return Candidate(sin, (4, 10), kind, place=place, **extra)


def test_assembler_names_unnamed_protesters_and_civilian_victims_by_country() -> None:
    an = _analysis([("Une marche a eu lieu à Valmonde.", "fr", "article")])
    top = Toponym(
        start=23, end=31, text="Valmonde", place=_place("AAA", "Valmonde"), geo_precision=1
    )
    ref = place_ref(top)
    an.candidates = [
        _candidate("Peaceful protest", ref),
        _candidate(None, ref, target_civilian=True),
    ]
    EventAssembler(FakeGeocoder(), FakeActors())(an)  # type: ignore[arg-type]
    protest, attack = an.events
    assert protest.actor1 is not None and protest.actor1.id == "protesters-aaa"
    assert protest.location is not None and protest.location.name == "Valmonde"
    assert protest.mentions[0].spans.location == (23, 31)
    assert attack.sub_event_type == "Attack" and attack.mentions[0].values.generic
    assert attack.actor2 is not None and attack.actor2.id == "civilians-aaa"


def test_a_story_place_keeps_the_story_precision() -> None:
    top = Toponym(
        start=23, end=31, text="Valmonde", place=_place("AAA", "Valmonde"), geo_precision=1
    )
    ref = place_ref(top)
    story_ref = PlaceRef(**{**{f: getattr(ref, f) for f in ref.__slots__}, "precision": 2})
    event = EventAssembler(FakeGeocoder(), FakeActors()).event(  # type: ignore[arg-type]
        _candidate("Armed clash", story_ref), _analysis([("x", "fr", "article")]).article,
        {"a1": Source(source_id="a1", article_id="a1")},
    )  # fmt: skip
    assert event.location is not None and event.location.geo_precision == 2


def test_untyped_candidates_default_by_how_they_were_told() -> None:
    assert generic_default(_candidate(None, None, generic="remote")) == (
        "Shelling/artillery/missile attack"
    )
    assert generic_default(_candidate(None, None, target_civilian=True)) == "Attack"
    assert generic_default(_candidate(None, None)) == "Armed clash"


# -- layers and registry -----------------------------------------------------


def test_within_takes_the_items_inside_a_span_by_bisection() -> None:
    refs = [_ref(0, 3), _ref(5, 9), _ref(8, 20), _ref(21, 22)]
    starts = [r.start for r in refs]
    assert [r.start for r in within(refs, starts, 4, 19)] == [5]
    assert [r.start for r in within(refs, starts, 0, 22)] == [0, 5, 8, 21]


def test_text_in_a_language_blanks_the_others_and_keeps_offsets() -> None:
    an = _analysis([("Une marche.", "fr", "article"), ("A march.", "en", "article")])
    assert an.languages == ["en", "fr"]
    fr = an.text_in("fr")
    assert len(fr) == len(an.article.text) and fr.startswith("Une marche.") and "march." not in fr


def test_every_stage_kind_has_its_shipped_component_registered() -> None:
    registry = default_registry()
    for kind in ("sentences", "places", "actors", "dates", "extractor", "assembler"):
        assert registry.of(kind).names() == [f"veille.{kind}.v1"]  # type: ignore[arg-type]
    assert isinstance(registry.sentences.get("veille.sentences.v1")(), SentenceStage)
    assert isinstance(registry.dates.get("veille.dates.v1")(None), DateStage)


def test_a_stage_named_in_the_config_replaces_the_shipped_one() -> None:
    from veille.config import PipelineConfig
    from veille.pipeline import Pipeline

    @dataclass(frozen=True)
    class NoDates:
        def __call__(self, analysis: ArticleAnalysis) -> None:
            analysis.sentences = [replace(s, dates=()) for s in analysis.sentences]

    def no_dates(lexicon_of: object) -> NoDates:  # given the lexicons, as the shipped one
        return NoDates()

    registry = default_registry().with_factory("dates", "test.no_dates.v1", no_dates)
    config = PipelineConfig(components={"dates": "test.no_dates.v1"}, veto={"enabled": False})
    stages = Pipeline(config=config, registry=registry).stages()
    names = [type(s).__name__ for s in stages]
    assert names == [
        "SentenceStage",
        "PlaceStage",
        "ActorStage",
        "StateNameStage",
        "NoDates",
        "ExtractionStage",
        "CrowdStage",
        "StoryStage",
        "EventAssembler",
        "WithinArticle",
        "DenialOnlyStage",
        "BareClashStage",
    ]
    with pytest.raises(InputError, match="unknown dates component 'nope'"):
        Pipeline(config=PipelineConfig(components={"dates": "nope"}))


def test_actors_and_framing_read_one_tokenisation_of_the_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The actor stage tokenises each language's text once for both look-ups: the same
    matches as each look-up tokenising for itself."""
    from veille.resolve.textnorm import tokenize

    text = "Des soldats de l'armée malienne ont été visés près de Gao, au Mali."
    words = tokenize(text)
    whole = pipeline.actors.find_actors(text, "fr", context_iso3=["MLI"])
    assert whole
    assert pipeline.actors.find_actors(text, "fr", context_iso3=["MLI"], tokens=words) == whole
    assert pipeline.actors.find_framing(text, "fr", tokens=words) == pipeline.actors.find_framing(
        text, "fr"
    )
    # the words given are the words read: none, no actor
    assert pipeline.actors.find_actors(text, "fr", context_iso3=["MLI"], tokens=[]) == []


def test_the_outlet_profile_of_the_moment_reaches_the_place_finder() -> None:
    from veille.config import PipelineConfig
    from veille.geo import OutletProfile
    from veille.pipeline import Pipeline

    finder = FakeFinder({})
    registry = default_registry().with_factory(
        "place_finder", "test.fake_places.v1", lambda geocoder: finder
    )
    outlets: list[object] = []

    def record(*args: Any, outlet: Any = None, **kwargs: Any) -> list[Toponym]:
        outlets.append(outlet)
        return []

    finder.find = record  # type: ignore[method-assign]
    config = PipelineConfig(components={"place_finder": "test.fake_places.v1"})
    pipe = Pipeline(config=config, registry=registry)
    article = Article(id="o1", text="Une marche a eu lieu.", language="fr", outlet="Le Veilleur")
    pipe.process_article(article)
    profile = OutletProfile(documents=3)
    pipe.use_outlets({"Le Veilleur": profile})
    pipe.process_article(article)
    assert outlets == [None, profile]


def test_state_names_are_the_countries_named_outside_actors() -> None:
    from veille.pipeline import Pipeline
    from veille.stages import StateNameStage

    pipe = Pipeline()
    text = "Israel struck Gaza on Monday, the Israeli army said. Malians marched in Bamako."
    an = pipe._prepare(Article(id="s", text=text, language="en", published="2025-03-10"))
    pipe._parse([an])
    for stage in pipe.stages():
        if isinstance(stage, StateNameStage):
            stage(an)
            break
        stage(an)
    named = {text[a.start : a.end]: a.actor_id for a in an.state_names}
    # Israel (a country's name) may stand for its forces; "Israeli army" is already an
    # actor, "Malians" a people's name, Gaza and Bamako are no countries.
    assert named == {"Israel": "military-forces-isr"}


def test_towns_weigh_more_than_country_names_in_the_articles_countries() -> None:
    from veille.extract.candidate import PlaceRef
    from veille.stages import countries_by_weight

    def ref(iso3: str, feature: str, demonym: bool = False) -> PlaceRef:
        return PlaceRef(0, 1, iso3, None, iso3, None, feature, 1, None, None, None, demonym=demonym)

    # Three names of one country ("US citizens", "American", "the United States")
    # against two towns of another: the towns' country comes first.
    places = [
        ref("USA", "country"),
        ref("USA", "country", demonym=True),
        ref("USA", "country"),
        ref("COD", "city"),
        ref("COD", "city"),
    ]
    assert countries_by_weight(places) == ["COD", "USA"]
