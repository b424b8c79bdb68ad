"""The pipeline: articles in, deduplicated, traceable events out.

``Pipeline`` loads its models once (lazily, on first use) and streams: articles are
analysed in batches through spaCy's ``nlp.pipe``; per-article failures are collected
as ``ArticleFailure`` records, never raised mid-batch.

It only orchestrates: each article becomes an ``ArticleAnalysis`` (language, segments,
sources: ``_prepare``), its segments are parsed in batches (``_parse``), then the
configured stages (``veille.stages``, named in ``veille.registry``) each add their
layer to the analysis, in order (``stages``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veille.analysis import AnalysisStage, ArticleAnalysis
from veille.config import PipelineConfig
from veille.errors import DataError, InputError, VeilleError
from veille.extract.lexicon import Lexicon
from veille.extract.veto import veto_from_env
from veille.lang.loader import TRIGGERS_FILE
from veille.model import (
    Article,
    ArticleFailure,
    Event,
    RunResult,
    Source,
    Statement,
)
from veille.nlp.segment import segment_article
from veille.registry import CandidateVeto, ComponentRegistry, PlaceFinding, components_of
from veille.stages import (
    BareClashStage,
    CrowdStage,
    DenialOnlyStage,
    StateNameStage,
    StoryStage,
    VetoStage,
    WithinArticle,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from veille.geo import Geocoder, OutletProfile
    from veille.resolve.actors import ActorResolver

#: Texts and characters per spaCy batch (see ``_size_bounded``).
PARSE_BATCH_DOCS = 64
PARSE_BATCH_CHARS = 100_000
BATCH_SIZE = 32


@dataclass
class ArticleResult:
    """What one article gave: its sources, its events (deduplicated within it) and its
    non-violent PLOVER statements (kept apart from the events)."""

    article: Article
    sources: list[Source]
    events: list[Event]
    statements: list[Statement] = field(default_factory=list)


class Pipeline:
    """Extraction pipeline. Models load on first use; one instance per process/executor.

    >>> from veille import Pipeline, Article
    >>> events = Pipeline().run([Article(id="a1", text="...", published="2024-02-05")])

    ``config`` (``veille.config.PipelineConfig``, e.g. ``PipelineConfig.load(path)``)
    names the models, data files, options and components (from ``registry``, the
    shipped ``veille.registry.default_registry()`` by default); without it, the
    shipped pipeline. The keyword arguments override the config where given.
    """

    def __init__(
        self,
        *,
        config: PipelineConfig | None = None,
        registry: ComponentRegistry | None = None,
        models: dict[str, str] | None = None,
        geocoder: Geocoder | None = None,
        actors: ActorResolver | None = None,
        veto: CandidateVeto | None = None,
        outlets: Mapping[str, OutletProfile] | None = None,
        geocoder_weights: Path | str | None = None,
    ) -> None:
        """``models``: spaCy packages by language, over the config's ``nlp``.
        ``geocoder``, ``actors``, ``veto``: ready components, used instead of those the
        config describes. ``geocoder_weights``: a weights file for the geocoder the
        pipeline loads (over the config's ``geocoder.weights``; the shipped
        ``geocoder_weights.json`` by default; see ``scripts/refit_geocoder.py``); it
        cannot be combined with a ready ``geocoder``. An unknown component name in the
        config raises ``InputError`` here, listing the known ones."""
        if geocoder is not None and geocoder_weights is not None:
            raise InputError(
                "a geocoder and a geocoder weights file were both given",
                fix="pass geocoder_weights alone, or a geocoder built with "
                "Geocoder.load(weights_path=...)",
            )
        self.config = config or PipelineConfig()
        self._components = components_of(self.config, registry)
        self._geocoder_weights = (
            geocoder_weights if geocoder_weights is not None else self.config.geocoder.weights
        )
        self._model_names = {**self.config.nlp.packages(), **(models or {})}
        self._lang_roots = self.config.lang.lang_roots()
        self._languages = self.config.languages()
        self._nlp: dict[str, Language] = {}
        self._lexicons: dict[str, Lexicon] = {}
        self._geocoder = geocoder
        self._place_finder: PlaceFinding | None = None
        self._actors = actors
        self._stages: tuple[AnalysisStage, ...] | None = None
        self._langid: Any = None
        # Off unless given, on in the config, or VEILLE_VETO=1 (held-out figures:
        # data/veto/README.md).
        self._veto = veto if veto is not None else self._configured_veto()
        self._outlets: dict[str, OutletProfile] = dict(outlets or {})

    def use_outlets(self, outlets: Mapping[str, OutletProfile]) -> None:
        """Profiles of outlets (where their stories usually happen, e.g. from the store's
        earlier articles: ``Geocoder.outlet_profile``): an article naming its outlet has
        its homonyms weighed toward that outlet's areas. Replaces the previous ones."""
        self._outlets = dict(outlets)

    def _configured_veto(self) -> CandidateVeto | None:
        enabled = self.config.veto.enabled
        if enabled is None:  # the config leaves it to the environment
            enabled = veto_from_env() is not None
        return self._components.veto() if enabled else None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this pipeline reads (sorted): the language folders, shipped or
        under the config's ``[lang] roots``, with a ``language.json`` and a
        ``triggers.json`` (``veille.lang.event_languages``)."""
        return self._languages

    # -- resources (lazy) ---------------------------------------------------
    def nlp(self, language: str) -> Language:
        if language not in self._nlp:
            from veille.nlp import load_spacy

            self._nlp[language] = load_spacy(
                language, package=self._model_names.get(language), root=self._lang_roots
            )
        return self._nlp[language]

    def lexicon(self, language: str) -> Lexicon:
        """The event lexicon of ``language``; raises ``DataError`` (cause, file, fix)
        when it is missing or invalid, for every article that needs it."""
        if language not in self._lexicons:
            try:
                path = self.config.lexicons.path(language)
                if path is None and (mine := self._lang_roots.user_folder(language)):
                    path = mine / TRIGGERS_FILE  # a language folder of the config's roots
                self._lexicons[language] = Lexicon.load(language, path)
            except DataError as exc:  # an article's failure then names the file too
                cause = f"{exc.cause} (in {exc.where})"
                raise DataError(cause, where=exc.where, fix=exc.fix) from exc
        return self._lexicons[language]

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:
            from veille.geo import Geocoder

            loaded = Geocoder.load(
                self.config.geocoder.gazetteer, weights_path=self._geocoder_weights
            )
            if self._lang_roots.extra:  # the place words of the config's language folders
                from veille.geo._lexicon import geo_words

                loaded = loaded.with_words(geo_words(self._lang_roots))
            self._geocoder = loaded
        return self._geocoder

    @property
    def place_finder(self) -> PlaceFinding:
        """The place component over this pipeline's geocoder."""
        if self._place_finder is None:
            self._place_finder = self._components.place_finder(self.geocoder)
        return self._place_finder

    @property
    def actors(self) -> ActorResolver:
        if self._actors is None:
            from veille.resolve.actors import ActorResolver

            self._actors = ActorResolver.load(self.config.actors.path)
        return self._actors

    def detect_language(self, text: str) -> str:
        from veille.nlp.segment import arabic_ratio

        if arabic_ratio(text) > 0.5:
            return "ar"
        if self._langid is None:
            from veille.lang import LanguageIdentifier

            # A language the identifier does not know is never detected: its articles
            # say their language.
            self._langid = LanguageIdentifier(self._languages, skip_unknown=True)
        lang: str | None = self._langid.detect(text)
        if lang is None:
            raise InputError(
                "the article's language could not be identified (too little text)",
                fix=f"pass the language explicitly: --lang {'|'.join(self._languages)}, "
                "or a 'language' field",
            )
        return lang

    def _detect_or_none(self, text: str) -> str | None:
        try:
            return self.detect_language(text)
        except InputError:
            return None

    # -- public API ---------------------------------------------------------
    def run(self, articles: Iterable[Article]) -> list[Event]:
        """Events of all articles, deduplicated across the input."""
        return self.run_detailed(articles).events

    def run_detailed(
        self,
        articles: Iterable[Article | ArticleFailure],
        *,
        on_article: Callable[[Article | ArticleFailure], None] | None = None,
    ) -> RunResult:
        """Like ``run``, also returning the failures and the number of articles read."""
        per_article: list[Event] = []
        statements: list[Statement] = []
        failures: list[ArticleFailure] = []
        read = 0
        for item in self.process(articles):
            if isinstance(item, ArticleFailure):
                failures.append(item)
                if on_article:
                    on_article(item)
                continue
            read += 1
            per_article.extend(item.events)
            statements.extend(item.statements)
            if on_article:
                on_article(item.article)
        events = self.deduplicate(per_article)
        return RunResult(
            events=events, failures=failures, articles_read=read, statements=statements
        )

    def deduplicate(self, events: Sequence[Event]) -> list[Event]:
        """Cross-article, cross-lingual deduplication (``dedup.Deduplicator``: the policy
        the store and Spark apply too; the result does not depend on the order)."""
        return self._components.deduplicator.across_articles(events)

    def process_article(self, article: Article) -> ArticleResult:
        """Events of one article (deduplicated within it). Raises ``VeilleError`` if bad."""
        results = list(self.process([article]))
        item = results[0]
        if isinstance(item, ArticleFailure):
            raise InputError(item.cause, where=item.origin, fix=item.fix or None)
        return item

    def process(
        self, articles: Iterable[Article | ArticleFailure]
    ) -> Iterator[ArticleResult | ArticleFailure]:
        """Stream results article by article, analysing in batches through ``nlp.pipe``."""
        batch: list[Article | ArticleFailure] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= BATCH_SIZE:
                yield from self._process_batch(batch)
                batch = []
        if batch:
            yield from self._process_batch(batch)

    # -- internals ----------------------------------------------------------
    def _process_batch(
        self, batch: list[Article | ArticleFailure]
    ) -> Iterator[ArticleResult | ArticleFailure]:
        analyses: list[ArticleAnalysis | ArticleFailure] = []
        for art in batch:
            if isinstance(art, ArticleFailure):
                analyses.append(art)
                continue
            try:
                analyses.append(self._prepare(art))
            except Exception as exc:  # noqa: BLE001 - one bad article is one failure
                analyses.append(_failure(art, exc, "segmenting"))
        parse_failures = self._parse([a for a in analyses if isinstance(a, ArticleAnalysis)])
        for item in analyses:
            if isinstance(item, ArticleFailure):
                yield item
                continue
            if id(item) in parse_failures:
                yield _failure(item.article, parse_failures[id(item)], "parsing")
                continue
            try:
                events, statements = self._extract(item)
            except Exception as exc:  # noqa: BLE001 - one bad article is one failure
                yield _failure(item.article, exc, "extracting events from")
                continue
            yield ArticleResult(item.article, item.sources, events, statements)

    def _prepare(self, article: Article) -> ArticleAnalysis:
        if not article.text.strip():
            raise InputError(
                "the article has no text",
                where=article.origin or article.id,
                fix="give the record a non-empty 'text' (or 'html')",
            )
        try:
            language = article.language or self.detect_language(article.text)
        except InputError as exc:
            raise InputError(exc.cause, where=article.origin or article.id, fix=exc.fix) from exc
        if language not in self._languages:
            raise InputError(
                f"language {language!r} is not supported",
                where=article.origin or article.id,
                fix=f"veille reads {_listed(self._languages)}; pass --lang if detection is "
                "wrong, or add a language folder (veille/lang/README.md)",
            )
        segments, sources = segment_article(article, language, self._detect_or_none)
        return ArticleAnalysis(article, language, segments, sources, lang_roots=self._lang_roots)

    def _parse(self, analyses: list[ArticleAnalysis]) -> dict[int, VeilleError]:
        """Parse every segment, batched per language. If a batch fails, its articles are
        parsed one by one so that only the bad one fails; returns those failures."""
        failed: dict[int, VeilleError] = {}
        by_lang: dict[str, list[tuple[ArticleAnalysis, int]]] = {}
        for an in analyses:
            for k, seg in enumerate(an.segments):
                by_lang.setdefault(seg.language, []).append((an, k))
        for lang, items in by_lang.items():
            nlp = self.nlp(lang)
            texts = [an.segments[k].text for an, k in items]
            try:
                docs = [doc for group in _size_bounded(texts) for doc in nlp.pipe(group)]
            except Exception:  # noqa: BLE001 - retried article by article just below
                for an in {id(a): a for a, _ in items}.values():
                    mine = [k for a, k in items if a is an]
                    try:
                        for k, doc in zip(
                            mine, nlp.pipe(an.segments[k].text for k in mine), strict=True
                        ):
                            an.docs[k] = doc
                    except Exception as exc:  # noqa: BLE001 - this article's failure
                        failed[id(an)] = InputError(
                            f"the parser could not analyse this article ({type(exc).__name__}: "
                            f"{(str(exc).splitlines() or [''])[0][:120]})",
                            where=an.article.origin or an.article.id,
                            fix="split the text into paragraphs, or check it is natural language",
                        )
                continue
            for (an, k), doc in zip(items, docs, strict=True):
                an.docs[k] = doc
        return failed

    def stages(self) -> tuple[AnalysisStage, ...]:
        """The stages run over each article's analysis, in order, built from the config
        on first use (they take the models and data files this pipeline loads)."""
        if self._stages is None:
            made = self._components
            stages = [
                made.sentences(),
                made.places(self.place_finder),
                made.actors(self.actors),
                StateNameStage(self.actors),
                made.dates(self.lexicon),
                made.extractor(self.lexicon),
            ]
            if self._veto is not None:  # a learned second opinion on each candidate
                stages.append(VetoStage(self._veto))
            stages += [
                CrowdStage(made.crowd, self.lexicon),
                StoryStage(made.story, self.lexicon),
                made.assembler(self.geocoder, self.actors),
                WithinArticle(made.deduplicator),
                DenialOnlyStage(),
                BareClashStage(),
            ]
            self._stages = tuple(stages)
        return self._stages

    def _extract(self, an: ArticleAnalysis) -> tuple[list[Event], list[Statement]]:
        # The outlet's profile as it is now (``use_outlets`` may change between batches).
        an.outlet = self._outlets.get(an.article.outlet) if an.article.outlet else None
        for stage in self.stages():
            stage(an)
        return an.events, an.statements


def _listed(codes: Sequence[str]) -> str:
    """ "a, b and c"."""
    return ", ".join(codes[:-1]) + " and " + codes[-1] if len(codes) > 1 else "".join(codes)


def _size_bounded(texts: list[str]) -> Iterator[list[str]]:
    """``texts`` in order, in groups of at most ``PARSE_BATCH_DOCS`` texts and about
    ``PARSE_BATCH_CHARS`` characters: spaCy pads a batch to its longest text, so one
    batch of many long segments (a 1 MB article) costs gigabytes; ordinary paragraphs
    still go 64 at a time."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (len(group) >= PARSE_BATCH_DOCS or size + len(text) > PARSE_BATCH_CHARS):
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def _failure(article: Article, exc: Exception, step: str) -> ArticleFailure:
    """The failure of ``article``; any exception is this article's failure, never the
    batch's."""
    return ArticleFailure.of(article, exc, step, "were processed")
