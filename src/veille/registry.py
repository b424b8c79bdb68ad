"""Named factories of the pipeline's replaceable components (spaCy's registry pattern).

A ``PipelineConfig``'s ``[components]`` section names, for each kind of component, the
factory that builds it; ``Pipeline`` looks the names up here. The shipped components
are registered under versioned names (``veille.story.v1``), so a changed behaviour can
ship under a new name while the old one keeps working.

The registry is immutable: ``default_registry()`` builds it once (cached) and
``ComponentRegistry.with_factory`` returns an extended copy, which a caller passes to
``Pipeline(registry=...)``::

    def my_story(options: StoryOptions) -> StoryReader: ...
    registry = default_registry().with_factory("story", "acme.story.v1", my_story)
    Pipeline(config=config, registry=registry)   # config.components.story = "acme.story.v1"

A factory is a module-level function, so Spark can ship the pipeline's config to its
executors; a custom registry is for the local engine (executors use the default one).
What a factory builds satisfies its kind's ``Protocol`` here (``Deduplicating``,
``StoryReader``...); a deduplicator is checked when it is built (``deduplicator_of``:
an ``InputError`` names the methods it lacks).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from veille.errors import InputError

if TYPE_CHECKING:
    from veille.analysis import AnalysisStage
    from veille.config import ComponentKind, PipelineConfig
    from veille.extract.candidate import Candidate, PlaceRef
    from veille.extract.layout import Layout
    from veille.extract.lexicon import Lexicon
    from veille.extract.story import StoryOptions
    from veille.geo import Geocoder, OutletProfile, Toponym
    from veille.geo.places import PlaceEvidence
    from veille.lang.normalise import Word
    from veille.model import Event
    from veille.resolve.actors import ActorResolver


# -- what each kind of component is -------------------------------------------


class PlaceFinding(Protocol):
    """The places of a text (``veille.geo.places.PlaceFinder``)."""

    def find(
        self,
        text: str,
        language: str,
        evidence: PlaceEvidence | None = None,
        *,
        outlet: OutletProfile | None = None,
        words: Sequence[Word] | None = None,
    ) -> list[Toponym]: ...


class StoryReader(Protocol):
    """An article's candidates -> those kept, with the story's date and place carried
    (``veille.extract.story.read_story``). ``places``: the article's places; ``layout``:
    its lead's day, paragraphs and place-led paragraphs
    (``veille.extract.layout.read_layout``)."""

    def __call__(
        self,
        candidates: Sequence[Candidate],
        places: Sequence[PlaceRef],
        layout: Layout | None = None,
    ) -> list[Candidate]: ...


class CrowdReader(Protocol):
    """Candidates -> the same, violence by or against a crowd retyped
    (``veille.extract.crowd.read_crowds``)."""

    def __call__(
        self, candidates: Sequence[Candidate], lexicon_of: Callable[[str], Lexicon | None]
    ) -> list[Candidate]: ...


class Deduplicating(Protocol):
    """Mentions -> events (``veille.dedup.Deduplicator``): the one policy that
    ``extract`` (``within_article``, ``across_articles``), the store (``linked``,
    ``resolve``: one article at a time into the stored components) and the Spark job
    (``components`` per block, ``resolve`` per joined component) all apply.

    A custom deduplicator (a ``deduplicator`` factory of the registry) implements all
    five methods, since the config that names it serves every engine;
    ``deduplicator_of`` refuses one that lacks any, naming the missing methods."""

    def within_article(self, events: Sequence[Event]) -> list[Event]: ...

    def across_articles(self, events: Sequence[Event]) -> list[Event]: ...

    def linked(self, a: Event, b: Event) -> bool: ...

    def components(self, events: Sequence[Event]) -> list[list[int]]: ...

    def resolve(self, component: Iterable[Event]) -> list[Event]: ...


class CandidateVeto(Protocol):
    """Candidates -> those whose sentence reports an event
    (``veille.extract.veto.SentenceVeto``)."""

    def keep(self, candidates: Sequence[Candidate]) -> list[Candidate]: ...


#: The factories, one signature per kind: what the pipeline gives each. The stages
#: (``veille.stages``) each add one layer to the article's ``ArticleAnalysis``.
SentencesFactory = Callable[[], "AnalysisStage"]
PlacesFactory = Callable[[PlaceFinding], "AnalysisStage"]  # the configured place finder
ActorsFactory = Callable[["ActorResolver"], "AnalysisStage"]
DatesFactory = Callable[[Callable[[str], "Lexicon"] | None], "AnalysisStage"]
#: The extractor is given the pipeline's lexicon of a language (it raises ``DataError``).
ExtractorFactory = Callable[[Callable[[str], "Lexicon"]], "AnalysisStage"]
AssemblerFactory = Callable[["Geocoder", "ActorResolver"], "AnalysisStage"]
PlaceFinderFactory = Callable[["Geocoder"], PlaceFinding]
StoryFactory = Callable[["StoryOptions"], StoryReader]
CrowdFactory = Callable[[], CrowdReader]
DeduplicatorFactory = Callable[[float], Deduplicating]  # the threshold across articles
VetoFactory = Callable[[], CandidateVeto]

F = TypeVar("F")


@dataclass(frozen=True)
class Registry(Generic[F]):
    """The factories of one kind of component, by name (read-only)."""

    kind: str
    factories: Mapping[str, F] = field(default_factory=lambda: MappingProxyType({}))

    def names(self) -> list[str]:
        return sorted(self.factories)

    def get(self, name: str, *, where: str | None = None) -> F:
        """The factory registered as ``name``; ``InputError`` listing the known names
        otherwise. ``where``: what named it (a config file and key)."""
        try:
            return self.factories[name]
        except KeyError:
            raise InputError(
                f"unknown {self.kind} component {name!r}",
                where=where,
                fix=f"use one of: {', '.join(self.names())} (or register {name!r} in "
                "the registry given to Pipeline)",
            ) from None

    def with_factory(self, name: str, factory: F) -> Registry[F]:
        """A copy with ``factory`` registered as ``name``; a name is registered once."""
        if name in self.factories:
            raise InputError(
                f"a {self.kind} component is already registered as {name!r}",
                fix="register it under a new, versioned name (e.g. 'mine.story.v2')",
            )
        return Registry(self.kind, MappingProxyType({**self.factories, name: factory}))


@dataclass(frozen=True)
class ComponentRegistry:
    """One ``Registry`` per kind of replaceable component."""

    sentences: Registry[SentencesFactory]
    places: Registry[PlacesFactory]
    actors: Registry[ActorsFactory]
    dates: Registry[DatesFactory]
    extractor: Registry[ExtractorFactory]
    assembler: Registry[AssemblerFactory]
    place_finder: Registry[PlaceFinderFactory]
    story: Registry[StoryFactory]
    crowd: Registry[CrowdFactory]
    deduplicator: Registry[DeduplicatorFactory]
    veto: Registry[VetoFactory]

    def of(self, kind: ComponentKind) -> Registry[Any]:
        """The registry of ``kind`` (as ``[components]`` names it)."""
        table: Registry[Any] = getattr(self, kind)
        return table

    def with_factory(self, kind: ComponentKind, name: str, factory: Any) -> ComponentRegistry:
        """A copy with ``factory`` registered as a ``kind`` component named ``name``
        (its signature is the kind's: ``StoryFactory`` for "story", ...)."""
        return dataclasses.replace(self, **{kind: self.of(kind).with_factory(name, factory)})


# -- the shipped components ---------------------------------------------------


def sentences_v1() -> AnalysisStage:
    """``veille.stages.SentenceStage``: the parser's sentences, rejoined and cut after
    datelines (``veille.nlp.sentences``)."""
    from veille.stages import SentenceStage

    return SentenceStage()


def places_v1(finder: PlaceFinding) -> AnalysisStage:
    """``veille.stages.PlaceStage`` over the configured place finder."""
    from veille.stages import PlaceStage

    return PlaceStage(finder)


def actors_v1(resolver: ActorResolver) -> AnalysisStage:
    """``veille.stages.ActorStage`` over the pipeline's actor resolver."""
    from veille.stages import ActorStage

    return ActorStage(resolver)


def dates_v1(lexicon_of: Callable[[str], Lexicon] | None) -> AnalysisStage:
    """``veille.stages.DateStage``: ``veille.nlp.dates`` per sentence, anchored on the
    days the narrative gives its acts (not those of statements, read with
    ``lexicon_of``)."""
    from veille.stages import DateStage

    return DateStage(lexicon_of)


def extractor_v1(lexicon_of: Callable[[str], Lexicon]) -> AnalysisStage:
    """``veille.stages.ExtractionStage``: ``veille.extract.sentence.SentenceExtractor``
    over each sentence."""
    from veille.stages import ExtractionStage

    return ExtractionStage(lexicon_of)


def assembler_v1(geocoder: Geocoder, actors: ActorResolver) -> AnalysisStage:
    """``veille.extract.assemble.EventAssembler``."""
    from veille.extract.assemble import EventAssembler

    return EventAssembler(geocoder, actors)


def place_finder_v1(geocoder: Geocoder) -> PlaceFinding:
    """``veille.geo.places.PlaceFinder`` over the pipeline's geocoder."""
    from veille.geo.places import PlaceFinder

    return PlaceFinder(geocoder)


@dataclass(frozen=True)
class _ShippedStory:
    options: StoryOptions

    def __call__(
        self,
        candidates: Sequence[Candidate],
        places: Sequence[PlaceRef],
        layout: Layout | None = None,
    ) -> list[Candidate]:
        from veille.extract.story import read_story

        return read_story(candidates, self.options, places=places, layout=layout)


def story_v1(options: StoryOptions) -> StoryReader:
    """``veille.extract.story.read_story`` with ``options``."""
    return _ShippedStory(options)


def crowd_v1() -> CrowdReader:
    """``veille.extract.crowd.read_crowds``."""
    from veille.extract.crowd import read_crowds

    return read_crowds


def deduplicator_v1(threshold: float) -> Deduplicating:
    """``veille.dedup.Deduplicator`` linking articles' events from ``threshold``."""
    from veille.dedup import Deduplicator

    return Deduplicator(threshold=threshold)


def veto_v1() -> CandidateVeto:
    """``veille.extract.veto.SentenceVeto`` with the shipped scorer (loaded on use)."""
    from veille.extract.veto import SentenceVeto

    return SentenceVeto()


@functools.cache
def default_registry() -> ComponentRegistry:
    """The shipped components under their names (built on first call, then shared:
    it is immutable)."""
    return ComponentRegistry(
        sentences=Registry("sentences", MappingProxyType({"veille.sentences.v1": sentences_v1})),
        places=Registry("places", MappingProxyType({"veille.places.v1": places_v1})),
        actors=Registry("actors", MappingProxyType({"veille.actors.v1": actors_v1})),
        dates=Registry("dates", MappingProxyType({"veille.dates.v1": dates_v1})),
        extractor=Registry("extractor", MappingProxyType({"veille.extractor.v1": extractor_v1})),
        assembler=Registry("assembler", MappingProxyType({"veille.assembler.v1": assembler_v1})),
        place_finder=Registry(
            "place_finder", MappingProxyType({"veille.place_finder.v1": place_finder_v1})
        ),
        story=Registry("story", MappingProxyType({"veille.story.v1": story_v1})),
        crowd=Registry("crowd", MappingProxyType({"veille.crowd.v1": crowd_v1})),
        deduplicator=Registry(
            "deduplicator", MappingProxyType({"veille.deduplicator.v1": deduplicator_v1})
        ),
        veto=Registry("veto", MappingProxyType({"veille.veto.v1": veto_v1})),
    )


# -- a config's components ----------------------------------------------------


@dataclass(frozen=True)
class Components:
    """The components a config names, built (the stages, the place finder and the veto
    are built by the pipeline when it needs them: they take data it loads)."""

    sentences: SentencesFactory
    places: PlacesFactory
    actors: ActorsFactory
    dates: DatesFactory
    extractor: ExtractorFactory
    assembler: AssemblerFactory
    place_finder: PlaceFinderFactory
    story: StoryReader
    crowd: CrowdReader
    deduplicator: Deduplicating
    veto: VetoFactory


def components_of(config: PipelineConfig, registry: ComponentRegistry | None = None) -> Components:
    """The components ``config`` names, looked up in ``registry`` (the shipped one by
    default); ``InputError`` naming the config's file and key, and the known names, for
    a name the registry does not hold."""
    from veille.extract.story import StoryOptions

    reg = registry or default_registry()
    names = config.components

    def where(kind: str) -> str:
        return config.describe(f"components.{kind}")

    return Components(
        sentences=reg.sentences.get(names.sentences, where=where("sentences")),
        places=reg.places.get(names.places, where=where("places")),
        actors=reg.actors.get(names.actors, where=where("actors")),
        dates=reg.dates.get(names.dates, where=where("dates")),
        extractor=reg.extractor.get(names.extractor, where=where("extractor")),
        assembler=reg.assembler.get(names.assembler, where=where("assembler")),
        place_finder=reg.place_finder.get(names.place_finder, where=where("place_finder")),
        story=reg.story.get(names.story, where=where("story"))(
            StoryOptions(**config.story.model_dump())
        ),
        crowd=reg.crowd.get(names.crowd, where=where("crowd"))(),
        deduplicator=deduplicator_of(config, reg),
        veto=reg.veto.get(names.veto, where=where("veto")),
    )


def deduplicator_of(
    config: PipelineConfig | None, registry: ComponentRegistry | None = None
) -> Deduplicating:
    """The deduplication policy ``config`` names (``components.deduplicator`` built with
    ``dedup.threshold``; None: the shipped config's), as ``components_of`` builds it for
    ``Pipeline``: the store and the Spark job take theirs from here, so that they hold
    the events ``extract`` gives for the same input and config."""
    from veille.config import PipelineConfig

    config = config or PipelineConfig()
    reg = registry or default_registry()
    where = config.describe("components.deduplicator")
    factory = reg.deduplicator.get(config.components.deduplicator, where=where)
    built = factory(config.dedup.threshold)
    missing = [name for name in _members(Deduplicating) if not callable(getattr(built, name, None))]
    if missing:
        raise InputError(
            f"the deduplicator {config.components.deduplicator!r} ({type(built).__name__}) "
            f"has no method {', '.join(missing)}",
            where=where,
            fix="implement every method of veille.registry.Deduplicating ("
            + ", ".join(_members(Deduplicating))
            + "): extract, the store and Spark each call some of them",
        )
    return built


def _members(protocol: type) -> list[str]:
    """The public methods a ``Protocol`` declares, in the order it declares them."""
    return [
        name
        for name, value in vars(protocol).items()
        if not name.startswith("_") and callable(value)
    ]
