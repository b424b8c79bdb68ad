"""The pipeline: articles in, deduplicated, traceable events out.

``Pipeline`` loads its models once (lazily, on first use) and streams: articles are
analysed in batches through spaCy's ``nlp.pipe``; per-article failures are collected
as ``ArticleFailure`` records, never raised mid-batch.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from veille.config import PipelineConfig
from veille.errors import DataError, InputError, VeilleError
from veille.extract.candidate import (
    ActorRef,
    Candidate,
    FramingRef,
    PlaceRef,
    SentenceInput,
    StatementCandidate,
)
from veille.extract.lexicon import Lexicon, Tok
from veille.extract.sentence import SentenceExtractor
from veille.extract.story import without_bare_clashes
from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.extract.veto import veto_from_env
from veille.model import (
    Article,
    ArticleFailure,
    Claim,
    Event,
    Framing,
    Mention,
    MentionSpans,
    MentionValues,
    Plover,
    RunResult,
    Source,
    Statement,
    StatementSpans,
    stable_id,
)
from veille.nlp.dates import find_date_expressions
from veille.nlp.segment import Segment, segment_article
from veille.registry import CandidateVeto, ComponentRegistry, PlaceFinding, components_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from veille.geo import Geocoder, OutletProfile, Toponym
    from veille.resolve.actors import ActorResolver

SUPPORTED_LANGUAGES = ("fr", "en", "ar")
# Merging mentions of one article costs more than linearly in the mentions of an event;
# a real article holds tens, a live blog hundreds. Past this, the input is refused.
MAX_MENTIONS_PER_ARTICLE = 2_000
#: Texts and characters per spaCy batch (see ``_size_bounded``).
PARSE_BATCH_DOCS = 64
PARSE_BATCH_CHARS = 100_000
_AR_SENT = re.compile(r"[^.!?؟\n]+[.!?؟]*")
BATCH_SIZE = 32


@dataclass
class ArticleResult:
    """What one article gave: its sources, its events (deduplicated within it) and its
    non-violent PLOVER statements (kept apart from the events)."""

    article: Article
    sources: list[Source]
    events: list[Event]
    statements: list[Statement] = field(default_factory=list)


@dataclass
class _Analysis:
    article: Article
    language: str
    segments: list[Segment]
    sources: list[Source]
    docs: dict[int, Doc] = field(default_factory=dict)  # segment index -> spaCy doc


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
        self._nlp: dict[str, Language] = {}
        self._lexicons: dict[str, Lexicon] = {}
        self._geocoder = geocoder
        self._place_finder: PlaceFinding | None = None
        self._actors = actors
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

    # -- resources (lazy) ---------------------------------------------------
    def nlp(self, language: str) -> Language:
        if language not in self._nlp:
            from veille.nlp import load_spacy

            self._nlp[language] = load_spacy(language, package=self._model_names.get(language))
        return self._nlp[language]

    def lexicon(self, language: str) -> Lexicon:
        """The event lexicon of ``language``; raises ``DataError`` (cause, file, fix)
        when it is missing or invalid, for every article that needs it."""
        if language not in self._lexicons:
            try:
                path = self.config.lexicons.path(language)
                self._lexicons[language] = Lexicon.load(language, path)
            except DataError as exc:  # an article's failure then names the file too
                cause = f"{exc.cause} (in {exc.where})"
                raise DataError(cause, where=exc.where, fix=exc.fix) from exc
        return self._lexicons[language]

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:
            from veille.geo import Geocoder

            self._geocoder = Geocoder.load(
                self.config.geocoder.gazetteer, weights_path=self._geocoder_weights
            )
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

            self._langid = LanguageIdentifier(SUPPORTED_LANGUAGES)
        lang: str | None = self._langid.detect(text)
        if lang is None:
            raise InputError(
                "the article's language could not be identified (too little text)",
                fix="pass the language explicitly: --lang fr|ar|en, or a 'language' field",
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
        analyses: list[_Analysis | ArticleFailure] = []
        for art in batch:
            if isinstance(art, ArticleFailure):
                analyses.append(art)
                continue
            try:
                analyses.append(self._prepare(art))
            except Exception as exc:  # noqa: BLE001 - one bad article is one failure
                analyses.append(_failure(art, exc, "segmenting"))
        parse_failures = self._parse([a for a in analyses if isinstance(a, _Analysis)])
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

    def _prepare(self, article: Article) -> _Analysis:
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
        if language not in SUPPORTED_LANGUAGES:
            raise InputError(
                f"language {language!r} is not supported",
                where=article.origin or article.id,
                fix="veille reads fr, ar and en; pass --lang if detection is wrong",
            )
        segments, sources = segment_article(article, language, self._detect_or_none)
        return _Analysis(article, language, segments, sources)

    def _parse(self, analyses: list[_Analysis]) -> dict[int, VeilleError]:
        """Parse every segment, batched per language. If a batch fails, its articles are
        parsed one by one so that only the bad one fails; returns those failures."""
        failed: dict[int, VeilleError] = {}
        by_lang: dict[str, list[tuple[_Analysis, int]]] = {}
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

    def _extract(self, an: _Analysis) -> tuple[list[Event], list[Statement]]:
        article = an.article
        text = article.text
        places = self._places(an)
        country_counts = Counter(p.iso3 for p in places if p.iso3)
        context = [c for c, _ in country_counts.most_common()]
        actors, framing = self._actors_and_framing(an, context)
        # Sorted by start, so each sentence takes its matches by bisection, not by a scan.
        places.sort(key=lambda p: p.start)
        actors.sort(key=lambda a: a.start)
        framing.sort(key=lambda f: f.start)
        place_starts = [p.start for p in places]
        actor_starts = [a.start for a in actors]
        framing_starts = [f.start for f in framing]
        candidates: list[Candidate] = []
        statements: list[Statement] = []
        anchor: date | None = None
        for k, seg in enumerate(an.segments):
            lexicon = self.lexicon(seg.language)
            doc = an.docs.get(k)
            if doc is None:
                continue
            extractor = SentenceExtractor(lexicon)
            inputs: list[SentenceInput] = []
            for sent_start, sent_end, toks in _sentences(doc, seg):
                if not toks:
                    continue
                published = seg.published or article.published
                dates = find_date_expressions(
                    seg.text[sent_start - seg.start : sent_end - seg.start],
                    seg.language,
                    published=published,
                    anchor=anchor,
                )
                dates = [_shift_date(d, sent_start) for d in dates]
                first = next((d.value for d in dates if d.value is not None), None)
                inputs.append(
                    SentenceInput(
                        tokens=toks,
                        start=sent_start,
                        end=sent_end,
                        text=text[sent_start:sent_end],
                        language=seg.language,
                        source_id=seg.source_id,
                        source_kind=seg.kind,
                        published=published,
                        dates=dates,
                        actors=_within(actors, actor_starts, sent_start, sent_end),
                        places=_within(places, place_starts, sent_start, sent_end),
                        framing=_within(framing, framing_starts, sent_start, sent_end),
                        post_date_span=seg.date_span,
                    )
                )
                if first is not None and seg.kind == "article":
                    anchor = first
            extractor.read_text(inputs)  # what the segment as a whole settles
            for sin in inputs:
                found = extractor.extract(sin)
                candidates.extend(found)
                if len(candidates) > MAX_MENTIONS_PER_ARTICLE:
                    raise _too_many_mentions(article)
                if not found:  # a sentence that tells an event is coded as that event
                    statements.extend(_statement(c, article) for c in extractor.statements(sin))
        if self._veto is not None:  # a learned second opinion on each candidate's sentence
            candidates = self._veto.keep(candidates)
        sources = {s.source_id: s for s in an.sources}
        story = self._components.story(self._components.crowd(candidates, self.lexicon), places)
        events = [self._to_event(c, article, sources) for c in story]
        merged = self._components.deduplicator.within_article(events)
        return without_bare_clashes(merged), statements

    def _places(self, an: _Analysis) -> list[PlaceRef]:
        """The article's places, language by language, from the place component (the
        one ``veille geoparse`` and the geoparsing evaluation use)."""
        from veille.geo.places import PlaceEvidence

        finder = self.place_finder
        outlet = self._outlets.get(an.article.outlet) if an.article.outlet else None
        out: list[PlaceRef] = []
        for lang in sorted({s.language for s in an.segments}):
            masked = _mask_except(an.article.text, [s for s in an.segments if s.language == lang])
            evidence = PlaceEvidence.from_docs(
                (
                    (an.segments[k].start, doc)
                    for k, doc in an.docs.items()
                    if an.segments[k].language == lang
                ),
                parsed=lang != "ar",
            )
            for top in finder.find(masked, lang, evidence, outlet=outlet):
                # "le ministère de la Défense", "Radio Okapi": a place word inside the
                # name of an organisation or a person is not where anything happened.
                if top.place is not None and not top.in_name:
                    out.append(_place_ref(top))
        return out

    def _actors_and_framing(
        self, an: _Analysis, context: list[str]
    ) -> tuple[list[ActorRef], list[FramingRef]]:
        resolver = self.actors
        actors: list[ActorRef] = []
        framing: list[FramingRef] = []
        for lang in sorted({s.language for s in an.segments}):
            masked = _mask_except(an.article.text, [s for s in an.segments if s.language == lang])
            for m in resolver.find_actors(masked, lang, context_iso3=context):
                if m.actor.id.startswith("unidentified"):
                    continue  # DESIGN: unidentified perpetrators stay null
                actors.append(ActorRef(m.start, m.end, m.actor.id, m.framed, m.actor))
            for f in resolver.find_framing(masked, lang):
                framing.append(FramingRef(f.start, f.end, f.term, f.actor_id))
        return actors, framing

    def _to_event(self, c: Candidate, article: Article, sources: dict[str, Source]) -> Event:
        s = c.sentence
        sub = c.sub_event_type or c.default_sub or _generic_default(c)
        info = SUB_EVENT_TYPES[sub]
        location = None
        if c.place is not None:
            location = self.geocoder.to_location(c.place.payload)  # type: ignore[arg-type]
            if (
                location is not None and c.place.precision > location.geo_precision
            ):  # a story's place, not the sentence's
                location = location.model_copy(update={"geo_precision": c.place.precision})
        actor1 = c.actor1.payload if c.actor1 else None
        actor2 = c.actor2.payload if c.actor2 else None
        if (
            actor1 is None
            and location is not None
            and location.iso3
            and info.event_type in ("Protests", "Riots")
        ):
            # ACLED: unnamed demonstrators are "Protesters (country)" or "Rioters (country)".
            group = "protesters" if info.event_type == "Protests" else "rioters"
            actor1 = self.actors.by_id(f"{group}-{location.iso3.lower()}")
        if actor2 is None and c.target_civilian and location is not None and location.iso3:
            # "ont enlevé une trentaine de voyageurs": the victims are civilians there.
            actor2 = self.actors.by_id(f"civilians-{location.iso3.lower()}")
        mention = Mention(
            article_id=article.id,
            source_id=s.source_id,
            language=s.language,
            start=s.start,
            end=s.end,
            text=s.text,
            spans=MentionSpans(
                trigger=c.trigger,
                actor1=(c.actor1.start, c.actor1.end) if c.actor1 else None,
                actor2=(c.actor2.start, c.actor2.end) if c.actor2 else None,
                location=(c.place.start, c.place.end) if c.place else None,
                date=c.date_span,
                time=c.time_span,
                weapon=c.weapon_span,
                fatalities=c.fatalities_span,
                claim=c.claim_span,
            ),
            values=MentionValues(
                event_date=c.event_date,
                date_precision=c.date_precision,
                time_of_day=c.time_of_day,
                sub_event_type=c.sub_event_type,
                actor1_id=c.actor1.actor_id if c.actor1 else None,
                actor2_id=c.actor2.actor_id if c.actor2 else None,
                location_name=location.name if location else None,
                location_id=location.gazetteer_id if location else None,
                iso3=location.iso3 if location else None,
                fatalities=c.fatalities,
                claim_status=c.claim_status,
                weapon=c.weapon,
                generic=c.sub_event_type is None,
                date_from_post=c.date_from_post,
                anaphoric=c.anaphoric,
            ),
        )
        roles = {"actor1": c.actor1, "actor2": c.actor2}
        framing = []
        for f in c.framing:
            refers = "event"
            for role, ref in roles.items():
                if ref is not None and f.actor_id is not None and ref.actor_id == f.actor_id:
                    refers = role
            framing.append(
                Framing(term=f.term, refers_to=refers, article_id=article.id, span=(f.start, f.end))
            )
        event = Event(
            event_id="",
            event_date=c.event_date,
            date_precision=c.date_precision,
            time_of_day=c.time_of_day,
            event_type=info.event_type,
            sub_event_type=sub,
            plover=Plover(event_type=info.plover, mode=c.mode),
            actor1=actor1,
            actor2=actor2,
            claim=Claim(status=c.claim_status, by=c.claim_by, via=c.claim_via),
            weapon=c.weapon,
            weapon_count=c.weapon_count,
            fatalities=c.fatalities,
            location=location,
            mentions=[mention],
            sources=[sources[s.source_id]],
            framing=framing,
        )
        return event


_Ref = TypeVar("_Ref", ActorRef, PlaceRef, FramingRef)


def _within(refs: list[_Ref], starts: list[int], start: int, end: int) -> list[_Ref]:
    """The refs (sorted by start) that lie inside [start, end)."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [r for r in refs[lo:hi] if r.end <= end]


def _place_ref(top: Toponym) -> PlaceRef:
    """The extractor's view of a resolved toponym."""
    place = top.place
    assert place is not None  # the caller keeps resolved toponyms only
    return PlaceRef(
        start=top.start,
        end=top.end,
        text=top.text,
        payload=top,
        iso3=place.iso3,
        admin1=place.admin1,
        feature=place.feature,
        precision=top.geo_precision or 3,
        lat=place.lat,
        lon=place.lon,
        place_id=place.gazetteer_id,
        demonym=top.demonym,
    )


def _statement(c: StatementCandidate, article: Article) -> Statement:
    s = c.sentence
    return Statement(
        statement_id=stable_id(article.id, s.source_id, str(c.trigger[0]), c.plover, prefix="st"),
        plover=Plover(event_type=c.plover, mode=c.mode),
        actor=c.actor.payload if c.actor else None,
        target=c.target.payload if c.target else None,
        event_date=c.date.value if c.date else None,
        date_precision=c.date.precision if c.date else None,
        article_id=article.id,
        source_id=s.source_id,
        language=s.language,
        start=s.start,
        end=s.end,
        text=s.text,
        spans=StatementSpans(
            trigger=c.trigger,
            actor=(c.actor.start, c.actor.end) if c.actor else None,
            target=(c.target.start, c.target.end) if c.target else None,
            date=c.date.span if c.date else None,
        ),
    )


def _too_many_mentions(article: Article) -> InputError:
    return InputError(
        f"the article tells more than {MAX_MENTIONS_PER_ARTICLE:,} event mentions, the "
        "most one article may hold",
        where=article.origin or article.id,
        fix="split it into its articles (a page of many reports is many articles)",
    )


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


def _generic_default(c: Candidate) -> str:
    if c.generic == "remote":
        return "Shelling/artillery/missile attack"
    if c.target_civilian:
        return "Attack"
    return "Armed clash"


def _failure(article: Article, exc: Exception, step: str) -> ArticleFailure:
    """The failure of ``article``; any exception is this article's failure, never the
    batch's."""
    return ArticleFailure.of(article, exc, step, "were processed")


def _mask_except(text: str, keep: Sequence[Segment]) -> str:
    """The article text with everything outside ``keep`` blanked (offsets unchanged)."""
    chars = [" " if c != "\n" else "\n" for c in text]
    for seg in keep:
        chars[seg.start : seg.end] = seg.text
    return "".join(chars)


def _shift_date(d: Any, offset: int) -> Any:
    from dataclasses import replace

    return replace(d, start=d.start + offset, end=d.end + offset)


def _sentences(doc: Doc, seg: Segment) -> Iterator[tuple[int, int, list[Tok]]]:
    """Sentences of a segment as absolute spans with their tokens."""
    if seg.language == "ar" or not doc.has_annotation("SENT_START"):
        yield from _arabic_sentences(doc, seg)
        return
    for sent in _whole_sentences(doc):
        toks = _tokens(sent, seg.start, sent.start)
        if toks:
            yield seg.start + sent.start_char, seg.start + sent.end_char, toks


#: What ends a sentence: a full stop, a question or exclamation mark, an ellipsis, a
#: semicolon (two clauses, two statements), possibly followed by closing quotes.
_SENTENCE_END = re.compile(r"[.!?…;؛](?:\s*['’\"»”)\]])*$")


def _dateline_end(doc: Doc, sent: Any) -> bool:
    """ "PARIS, 12 mars -": a dash after a space closes a dateline (a dash inside a word,
    as in "station-service", does not)."""
    text = sent.text.rstrip()
    if not text or text[-1] not in "-–—":
        return False
    at = sent.start_char + len(text) - 1
    return at > 0 and doc.text[at - 1].isspace()


def _whole_sentences(doc: Doc) -> Iterator[Any]:
    """The parser's sentences, rejoined where it cut one in the middle.

    The statistical sentence splitter sometimes cuts before a capitalised name or a
    hyphenated word ("de type | Shahed a frappé", "une station | - | service"). A
    sentence ends at terminal punctuation or a line break; a piece that ends with
    neither is joined to the next one (each piece keeps its own parse tree).
    """
    start: int | None = None
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        if start is None:
            start = sent.start
        last = k == len(sents) - 1
        ends = _SENTENCE_END.search(sent.text.rstrip()) is not None or _dateline_end(doc, sent)
        breaks = "\n" in sent.text_with_ws[len(sent.text.rstrip()) :] or (
            not last and "\n" in doc.text[sent.end_char : sents[k + 1].start_char]
        )
        if last or ends or breaks or not sent.text.strip():
            yield from _without_dateline(doc, doc[start : sent.end])
            start = None


#: A news dateline: a place in capitals, perhaps the agency and the date, then a dash
#: ("KIEV, 28 juin - ", "DNIPRO, Ukraine, Jan 15 - ", "BEIRUT (AP) — ").
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.\-/ ]{1,40}(?:\s*\([^)\n]{1,20}\))?(?:,[^\n–—]{1,40}?)?\s+[-–—]+\s+"
)


def _without_dateline(doc: Doc, span: Any) -> Iterator[Any]:
    """A sentence that opens with a dateline, as the dateline and the sentence: where the
    reporter files from is not where the sentence's event happened."""
    m = _DATELINE.match(span.text)
    if m is None or m.end() >= len(span.text.rstrip()):
        yield span
        return
    cut = doc.char_span(span.start_char, span.start_char + m.end(), alignment_mode="contract")
    if cut is None or cut.end <= span.start or cut.end >= span.end:
        yield span
        return
    yield doc[span.start : cut.end]
    yield doc[cut.end : span.end]


def _tokens(span: Any, base: int, first: int) -> list[Tok]:
    out = []
    for t in span:
        head = t.head.i - first if span.start <= t.head.i < span.end else t.i - first
        out.append(
            Tok(
                i=t.i - first,
                text=t.text,
                lemma=t.lemma_ or t.text,
                pos=t.pos_,
                dep=t.dep_,
                head=head,
                start=base + t.idx,
                end=base + t.idx + len(t.text),
                morph=str(t.morph),
            )
        )
    return out


def _arabic_sentences(doc: Doc, seg: Segment) -> Iterator[tuple[int, int, list[Tok]]]:
    from veille.nlp.arabic import normalize_token, singular_of_dual

    for m in _AR_SENT.finditer(seg.text):
        if not m.group(0).strip():
            continue
        s, e = m.start(), m.end()
        toks = [t for t in doc if s <= t.idx < e and not t.is_space]
        out: list[Tok] = []
        for k, t in enumerate(toks):
            norm, stem = normalize_token(t.text)
            singular = singular_of_dual(stem)
            extra = {singular} if singular else set()
            out.append(
                Tok(
                    i=k,
                    text=t.text,
                    lemma=stem,
                    pos="X",
                    dep="",
                    head=k,
                    start=seg.start + t.idx,
                    end=seg.start + t.idx + len(t.text),
                    keys=frozenset({norm, stem, *extra}),
                )
            )
        if out:
            yield seg.start + s, seg.start + e, out
