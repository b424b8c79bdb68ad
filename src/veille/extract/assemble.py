"""Event assembly: an extracted candidate becomes an ``Event`` of one mention.

The last step of extraction, before any deduplication: the candidate's place is
geocoded into a ``Location`` (a story's place keeps the story's precision), unnamed
demonstrators and civilian victims get ACLED's country actors ("Protesters (X)",
"Civilians (X)"), the spans and values of the mention are recorded, framing terms are
tied to the role they refer to. A non-violent candidate becomes a ``Statement``.

It sits in ``extract`` (not beside ``veille.dedup.assemble``, which reconciles the
fields of events deduplication put together) because it reads extraction's records
and comes before deduplication: the dedup package does not depend on candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from veille.extract.candidate import ActorRef, Candidate, SentenceInput, StatementCandidate
from veille.extract.taxonomy import EXCESSIVE_FORCE, SUB_EVENT_TYPES, TAKING_GROUND
from veille.model import (
    Actor,
    Article,
    Claim,
    Event,
    Framing,
    Location,
    Mention,
    MentionSpans,
    MentionValues,
    Plover,
    Source,
    Statement,
    StatementSpans,
    stable_id,
)

if TYPE_CHECKING:
    from veille.analysis import ArticleAnalysis
    from veille.geo import Geocoder
    from veille.resolve.actors import ActorResolver


#: The id prefixes of the actors that are where the event is (actors data: police
#: forces, the crowds and the civilians ACLED names by country: "police-forces-{iso3}",
#: "protesters-{iso3}", "civilians-{iso3}").
_LOCAL = ("police-forces-", "protesters-", "rioters-", "civilians-")


@dataclass(frozen=True)
class EventAssembler:
    """Candidates -> events (one mention each); statement candidates -> statements.

    As a stage it fills ``analysis.events`` and ``analysis.statements``."""

    geocoder: Geocoder
    actors: ActorResolver

    def __call__(self, analysis: ArticleAnalysis) -> None:
        article = analysis.article
        sources = {s.source_id: s for s in analysis.sources}
        analysis.events = [self.event(c, article, sources) for c in analysis.candidates]
        analysis.statements = [statement(c, article) for c in analysis.statement_candidates]

    def _seated_locally(
        self, ref: ActorRef | None, s: SentenceInput, location: Location | None
    ) -> Actor | None:
        """ "arrested by the police" in St Petersburg, in a story told mostly about
        Ukraine: police or a crowd that no word of theirs places ("the Ukrainian police",
        «des manifestants soudanais») are the police or the crowd of the country the event
        happened in (the text's main country gave them otherwise). Armies cross borders;
        police and crowds act where they are, and civilians are hit where they are
        ("Moscow fired missiles at Odesa, killing four civilians": Ukraine's): only they
        are seated so."""
        if ref is None:
            return None
        actor = ref.payload
        if not isinstance(actor, Actor):
            return None
        if location is None or not location.iso3:
            return actor
        prefix = next((p for p in _LOCAL if actor.id.startswith(p)), None)
        if prefix is None:
            return actor
        # "Russian civilians", «des civils russes»: the adjective next to the noun gives
        # their country, whichever country the text names most.
        own = next(
            (
                a
                for a in s.state_adjectives
                if ref.start <= a.start < ref.end
                or s.text[a.end - s.start : ref.start - s.start].isspace()
                or s.text[ref.end - s.start : a.start - s.start].isspace()
            ),
            None,
        )
        country = getattr(own.payload, "country", None) if own is not None else None
        if isinstance(country, str):
            return self.actors.by_id(prefix + country.lower()) or actor
        if actor.country == location.iso3:
            return actor
        if any(ref.start <= p.start < ref.end for p in s.places):
            return actor
        return self.actors.by_id(prefix + location.iso3.lower()) or actor

    def event(self, c: Candidate, article: Article, sources: dict[str, Source]) -> Event:
        """The event of one candidate of ``article`` (``sources``: its sources by id)."""
        s = c.sentence
        sub = c.sub_event_type or c.default_sub or generic_default(c)
        info = SUB_EVENT_TYPES[sub]
        location = None
        if c.place is not None:
            location = self.geocoder.to_location(c.place.payload)  # type: ignore[arg-type]
            if (
                location is not None and c.place.precision > location.geo_precision
            ):  # a story's place, not the sentence's
                location = location.model_copy(update={"geo_precision": c.place.precision})
        actor1 = self._seated_locally(c.actor1, s, location)
        actor2 = self._seated_locally(c.actor2, s, location)
        if location is not None and location.iso3 and info.event_type in ("Protests", "Riots"):
            # ACLED: unnamed demonstrators are "Protesters (country)" or "Rioters (country)",
            # actor 1 of a demonstration and actor 2 where force was used against them.
            group = "protesters" if info.event_type == "Protests" else "rioters"
            crowd = self.actors.by_id(f"{group}-{location.iso3.lower()}")
            if sub == EXCESSIVE_FORCE:
                actor2 = actor2 or crowd
            else:
                actor1 = actor1 or crowd
        if (
            actor2 is None
            and c.target_civilian
            # Civilians killed in a clash are no side of it, nor of a taking of ground;
            # citizens who march are the crowd («تظاهر مئات المواطنين»), not its target.
            and sub not in ("Armed clash", *TAKING_GROUND)
            and info.event_type != "Protests"
            and location is not None
        ):
            # "ont enlevé une trentaine de voyageurs": the victims are civilians there;
            # at sea ("a tanker in the Red Sea"), civilians of no country.
            iso3 = location.iso3
            actor2 = self.actors.by_id(f"civilians-{iso3.lower()}" if iso3 else "civilians")
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
                fatalities_shared=c.toll_shared,
                fatalities_vague=c.toll_vague,
                claim_status=c.claim_status,
                weapon=c.weapon,
                generic=c.sub_event_type is None,
                date_from_post=c.date_from_post,
                anaphoric=c.anaphoric,
                another=c.another,
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
        return Event(
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


def statement(c: StatementCandidate, article: Article) -> Statement:
    """The PLOVER statement of one non-violent candidate of ``article``."""
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


def generic_default(c: Candidate) -> str:
    """The sub-type of a candidate nothing typed: remote fire is shelling, violence
    against civilians an attack, anything else an armed clash."""
    if c.generic == "remote":
        return "Shelling/artillery/missile attack"
    armed_target = c.actor2 is not None and getattr(c.actor2.payload, "kind", "") not in (
        "civilians",
        "protesters",
        "",
    )
    if c.target_civilian and not armed_target:
        return "Attack"  # an armed side named as the target makes it a clash
    return "Armed clash"
