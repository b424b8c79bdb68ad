"""What extraction reads and writes: a sentence's input and the candidates found in it.

``SentenceInput`` is one analysed sentence with the actors, places, framing terms and
date expressions found in it; ``Candidate`` is one event mention (before merging) and
``StatementCandidate`` one non-violent PLOVER record. The readers in this package return
typed values; ``veille.extract.sentence`` puts them into a candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from veille.extract.lexicon import Tok, TriggerEntry
from veille.extract.taxonomy import family
from veille.model import ClaimStatus, DatePrecision, Span, TimeOfDay
from veille.nlp.dates import DateExpression


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor found in the text (from veille.resolve.actors), in sentence terms."""

    start: int
    end: int
    actor_id: str
    framed: bool
    payload: object  # the resolver's Actor record


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A resolved place found in the text (from the place stage), in sentence terms."""

    start: int
    end: int
    text: str
    payload: object  # veille.geo.Toponym
    iso3: str | None
    admin1: str | None
    feature: str
    precision: int
    lat: float | None
    lon: float | None
    place_id: str | None
    demonym: bool = False  # read from a people's adjective: whose, not where
    vague: bool = False  # a vague part of the place ("the Lebanese south"): ``Toponym.vague``
    #: A dispatch's dateline ("BAMAKO (AFP) -"): where it was filed, a place of last resort.
    dateline: bool = False


@dataclass(frozen=True, slots=True)
class FramingRef:
    """A loaded term of the source's wording, and the actor it names if any."""

    start: int
    end: int
    term: str
    actor_id: str | None


@dataclass(slots=True)
class SentenceInput:
    tokens: list[Tok]
    start: int
    end: int
    text: str  # article text[start:end]
    language: str
    source_id: str
    source_kind: str
    published: date | None
    dates: list[DateExpression]
    actors: list[ActorRef]
    places: list[PlaceRef]
    framing: list[FramingRef]
    post_date_span: Span | None = None
    #: Country names that may stand for the country's forces (``ArticleAnalysis.state_names``).
    state_names: list[ActorRef] = field(default_factory=list)
    #: A people's adjective as its country's forces (``ArticleAnalysis.state_adjectives``).
    state_adjectives: list[ActorRef] = field(default_factory=list)
    #: The characters of the side of a contrast ("while", «فيما») the acts stand on,
    #: where the sentence has several; None for the whole sentence.
    side: Span | None = None


@dataclass(frozen=True, slots=True)
class Typing:
    """What kind of event a trigger group names, with the weapon that tells it."""

    sub_event_type: str | None  # None: generic, decided by merging or defaults
    generic: str | None
    default_sub: str | None
    rank: int
    mode: str | None
    weapon: str | None = None
    weapon_span: Span | None = None
    weapon_count: int | None = None
    #: A ruin told with no agent (``TriggerEntry.ruin_of_strike``): typed by the story's
    #: strike, or no event.
    ruin: bool = False

    @classmethod
    def of(cls, entry: TriggerEntry) -> Typing:
        """The typing the trigger word gives by itself."""
        return cls(
            entry.sub,
            entry.generic,
            entry.default,
            entry.rank,
            entry.mode,
            entry.weapon,
            ruin=entry.ruin_of_strike,
        )

    @property
    def family(self) -> str:
        if self.sub_event_type:
            return family(self.sub_event_type)
        return "remote" if self.generic == "remote" else "any"


@dataclass(slots=True)
class Candidate:
    """One event mention found in one sentence, before merging: its kind (``Typing``,
    replaced whole when a later step retypes it) and what the sentence says of it."""

    sentence: SentenceInput
    trigger: Span
    kind: Typing
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    claim_status: ClaimStatus = "reported"
    claim_by: str | None = None
    claim_via: str | None = None
    claim_span: Span | None = None
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    time_of_day: TimeOfDay | None = None
    date_span: Span | None = None
    time_span: Span | None = None
    date_from_post: bool = False
    date_told: bool = False  # the day is the telling's (``When.told``)
    place: PlaceRef | None = None
    fatalities: int | None = None
    fatalities_span: Span | None = None
    #: The toll is an even share of one toll told for several places (``fatalities``).
    toll_shared: bool = False
    #: The toll is an estimate ("dozens": ACLED's 12), not a figure (``numbers.estimated``).
    toll_vague: bool = False
    anaphoric: bool = False
    another: bool = False  # "a separate strike", «une autre frappe»: not the one told before
    #: "attacked the town again", «dans la localité»: its place is a town told before.
    town_told_before: bool = False
    #: An arrest of people suspected of an act the text told before ("arrested two men
    #: suspected of the attack"): coded near that act's place when it names none.
    for_told_act: bool = False
    target_civilian: bool = False
    framing: list[FramingRef] = field(default_factory=list)

    @property
    def place_key(self) -> str | None:
        """The id of the candidate's place, None where it has none."""
        return self.place.place_id if self.place else None

    @property
    def sub_event_type(self) -> str | None:
        return self.kind.sub_event_type

    @property
    def generic(self) -> str | None:
        return self.kind.generic

    @property
    def default_sub(self) -> str | None:
        return self.kind.default_sub

    @property
    def rank(self) -> int:
        return self.kind.rank

    @property
    def mode(self) -> str | None:
        return self.kind.mode

    @property
    def weapon(self) -> str | None:
        return self.kind.weapon

    @property
    def weapon_span(self) -> Span | None:
        return self.kind.weapon_span

    @property
    def weapon_count(self) -> int | None:
        return self.kind.weapon_count

    @property
    def family(self) -> str:
        return self.kind.family


@dataclass(slots=True)
class StatementCandidate:
    """A non-violent PLOVER record found in one sentence (never an event)."""

    sentence: SentenceInput
    trigger: Span
    plover: str
    mode: str | None
    actor: ActorRef | None = None
    target: ActorRef | None = None
    date: DateExpression | None = None


def same_source(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates come from one source (the article, or one post it embeds)."""
    return a.sentence.source_id == b.sentence.source_id


def dated_as(c: Candidate, other: Candidate) -> Candidate:
    """``c`` on the day ``other`` tells: its date, precision, span and whether a post's
    date gave it (a day told by a sentence, not by its telling)."""
    return replace(
        c,
        event_date=other.event_date,
        date_precision=other.date_precision,
        date_span=other.date_span,
        date_from_post=other.date_from_post,
        date_told=False,
    )


def clone(c: Candidate) -> Candidate:
    """A shallow copy (one event per place of a list shares everything else)."""
    return Candidate(**{f: getattr(c, f) for f in c.__dataclass_fields__})


def one_per_kind_and_place(cands: list[Candidate]) -> list[Candidate]:
    """Two trigger groups of one sentence that came out the same kind at the same place
    («des heurts ont opposé manifestants et policiers»: the clash and the protesters)
    tell one event: the one whose roles say more."""
    kept: dict[tuple[str | None, str | None, int], Candidate] = {}
    for c in cands:
        if c.sub_event_type is None:
            kept[(None, None, id(c))] = c
            continue
        key = (c.sub_event_type, c.place_key, 0)
        other = kept.get(key)
        if other is None or _roles_told(c) > _roles_told(other):
            kept[key] = c
    return list(kept.values())


def _roles_told(c: Candidate) -> int:
    return (c.actor1 is not None) + (c.actor2 is not None)
