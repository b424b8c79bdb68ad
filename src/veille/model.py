"""Typed records that flow between veille's stages.

Every record that crosses a module border is one of these; no untyped dicts.
Offsets (``Span``) are Unicode code-point offsets into the article's ``text`` as
stored, end exclusive. ``None`` always means "the text does not say".
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Event and publication dates are plausible from here on; earlier ones are misreadings
#: (or history, which is no event to code) and would overflow date arithmetic near year 1.
EARLIEST_DATE = date(1900, 1, 1)
#: The latest publication date a record may state (a fixed bound, so that the same input
#: always gives the same output); an event is never dated after its publication + 1 day.
LATEST_DATE = date(2100, 12, 31)

Span = tuple[int, int]

DatePrecision = Literal["day", "week", "month", "year"]
TimeOfDay = Literal["dawn", "morning", "afternoon", "evening", "night"]
ClaimStatus = Literal["claimed", "reported", "confirmed", "denied"]
SourceKind = Literal["article", "embedded_post"]
GeoPrecision = Literal[1, 2, 3]


class Record(BaseModel):
    """Base for all records: strict about unknown fields, so a typo fails loudly."""

    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One input document. Only ``id`` and ``text`` are required."""

    id: str
    text: str
    published: date | None = None
    language: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = Field(
        default=None, description="Where it was read from (file:line), for error messages."
    )


class Source(Record):
    """Who said it: an article, or a social-media post embedded in one."""

    source_id: str
    article_id: str
    kind: SourceKind = "article"
    outlet: str | None = None
    handle: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    span: Span | None = Field(
        default=None, description="Where an embedded post sits in the article text."
    )


class Actor(Record):
    """A normalised, neutral actor from the shipped actor dictionary."""

    name: str
    id: str
    kind: str
    inter: int | None = Field(default=None, description="ACLED interaction code 1-8.")
    country: str | None = Field(default=None, description="ISO3 of the actor's state, if any.")


class Claim(Record):
    status: ClaimStatus
    by: str | None = Field(default=None, description="Canonical name of who claims or reports.")
    via: str | None = Field(default=None, description="statement, media, sources, official...")


class Plover(Record):
    event_type: str
    mode: str | None = None


class Location(Record):
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: GeoPrecision = 3
    gazetteer_id: str | None = None


class Framing(Record):
    """A loaded term of the source's own wording, kept apart from normalised fields."""

    term: str
    refers_to: str = Field(description="The event field it qualifies: actor1, actor2, event...")
    article_id: str
    span: Span


class Conflict(Record):
    """Two mentions of one event disagree; both values are kept with who said each."""

    field: str
    values: list[str]
    sources: list[str] = Field(default_factory=list, description="source_id for each value.")
    note: str = ""


class MentionSpans(Record):
    trigger: Span | None = None
    actor1: Span | None = None
    actor2: Span | None = None
    location: Span | None = None
    date: Span | None = None
    time: Span | None = None
    weapon: Span | None = None
    fatalities: Span | None = None
    claim: Span | None = None


class MentionValues(Record):
    """What this one mention asserted, so merges and conflicts can be recomputed later."""

    event_date: date | None = None
    date_precision: DatePrecision | None = None
    time_of_day: TimeOfDay | None = None
    sub_event_type: str | None = None
    actor1_id: str | None = None
    actor2_id: str | None = None
    location_name: str | None = None
    location_id: str | None = None
    iso3: str | None = None
    fatalities: int | None = None
    fatalities_shared: bool = Field(
        default=False,
        description="The toll is an even share of one toll told for several places.",
    )
    fatalities_vague: bool = Field(
        default=False,
        description="The toll is an estimate ('dozens', coded 12), not a figure.",
    )
    claim_status: ClaimStatus | None = None
    weapon: str | None = None
    generic: bool = Field(
        default=False, description="The type was not stated here (e.g. 'cette attaque')."
    )
    date_from_post: bool = Field(
        default=False, description="The date is the embedded post's own date, not a phrase."
    )
    anaphoric: bool = Field(
        default=False, description="Refers back to an event told earlier ('cette attaque')."
    )
    another: bool = Field(
        default=False,
        description="Says it is another event than one told before ('a separate strike').",
    )


class Mention(Record):
    """One passage of one source that reports the event, with the span of each field."""

    article_id: str
    source_id: str
    language: str | None = None
    start: int
    end: int
    text: str = Field(description="The sentence(s) of the mention, text[start:end].")
    spans: MentionSpans = Field(default_factory=MentionSpans)
    values: MentionValues = Field(default_factory=MentionValues)

    def key(self) -> str:
        """A stable identity for this mention (independent of processing order)."""
        trig = self.spans.trigger or (self.start, self.end)
        loc = self.values.location_id or self.values.location_name or ""
        return f"{self.article_id}:{self.source_id}:{trig[0]}-{trig[1]}:{loc}"


class Event(Record):
    """A deduplicated event: one per location and day (ACLED's convention)."""

    event_id: str
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    time_of_day: TimeOfDay | None = None
    event_type: str
    sub_event_type: str
    plover: Plover
    actor1: Actor | None = None
    actor2: Actor | None = None
    claim: Claim | None = None
    weapon: str | None = None
    weapon_count: int | None = None
    fatalities: int | None = None
    location: Location | None = None
    mentions: list[Mention] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    framing: list[Framing] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    notes: str = ""
    confidence: float = 0.0


def stable_id(*parts: str, prefix: str = "ev") -> str:
    """Deterministic short id: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{digest}"


class StatementSpans(Record):
    trigger: Span | None = None
    actor: Span | None = None
    target: Span | None = None
    date: Span | None = None


class Statement(Record):
    """A non-violent PLOVER record (a threat, an accusation, a demand, an agreement...).

    Never an ACLED event and never merged into one: it says what an actor said or
    agreed, with the spans it rests on, kept apart from the events.
    """

    statement_id: str
    plover: Plover
    actor: Actor | None = None
    target: Actor | None = None
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    article_id: str
    source_id: str
    language: str | None = None
    start: int
    end: int
    text: str
    spans: StatementSpans = Field(default_factory=StatementSpans)


class ArticleFailure(Record):
    """One input that could not be processed; reported, never raised mid-batch."""

    origin: str = Field(description="File (and line or record) the input came from.")
    article_id: str | None = None
    cause: str
    fix: str = ""

    def message(self) -> str:
        tail = f" Fix: {self.fix}" if self.fix else ""
        return f"{self.origin}: {self.cause}.{tail}"

    @classmethod
    def of(cls, article: Article, exc: Exception, step: str, rest: str) -> ArticleFailure:
        """``exc``, met while ``step`` (e.g. "extracting events from") ``article``, as
        that article's failure: a ``VeilleError`` says its own cause and fix; anything
        else is a bug met on this article, reported as such while the ``rest`` ("were
        stored", "were processed") goes on without it."""
        from veille.errors import VeilleError

        if isinstance(exc, VeilleError):
            return cls(
                origin=exc.where or article.origin or article.id,
                article_id=article.id,
                cause=exc.cause,
                fix=exc.fix or "",
            )
        detail = " ".join(str(exc).split())[:200]
        return cls(
            origin=article.origin or article.id,
            article_id=article.id,
            cause=f"internal error while {step} the article ({type(exc).__name__}"
            + (f": {detail})" if detail else ")"),
            fix=f"report it as a bug in veille with this article attached; the other "
            f"articles {rest}",
        )


class RunResult(Record):
    events: list[Event]
    failures: list[ArticleFailure] = Field(default_factory=list)
    articles_read: int = 0
    statements: list[Statement] = Field(default_factory=list)
