"""The article as a story: what one sentence leaves unsaid, the story it continues says.

Sentence extraction sees one sentence. News tells an event over several: the lead gives
the place and the day, the next sentences give the toll, the weapon, who claimed it
("Quatre passants ont péri, d'après la mairie"). This component reads the
candidates of one article in text order and

- drops *background told in the pluperfect* ("avaient opposé", "had announced") unless
  the sentence dates it to the day, or goes on telling a retrospective the sentence
  before dated: a retrospective with its own date is an event an analyst codes (ACLED
  codes it on that day); one without is context;
- reads an anaphor that lists several towns inside the country or province of the act
  told before ("The strikes hit X, Y and Z") as that act at each town
  (``areas.places_of_the_act_told``);
- gives a candidate with no date of its own the date of the story it continues (the
  nearest dated candidate of the same source before it; else a later one of the same
  kind of act nearby; else the day the lead sentence names, ``lead_day``; else the
  next dated candidate), never the day of a retrospective told later for context;
- drops arrests the sentence does not place (tallies, custody of a suspect);
- dates a story that dates none of its events on the day of the report, with the
  precision "week" (ACLED's convention for undated reports);
- gives a candidate with no place of its own the place its paragraph opens on ("In
  Kisumu, ...", ``scenes``), else the place of the story it continues (the nearest
  placed candidate of the same source and day, before it, else after it);
- gives a candidate still without a place the article's *narrative place*: the town or
  site the article keeps naming (at least twice, more often than any other), with the
  precision "near" (2), as the text never says the event happened there in so many
  words ("la gare de la ville", "the camp" in a story about one town);
- narrows a candidate placed only in a country or a province ("strikes on the south of
  the country") to the town inside it where the story it continues happened (the
  nearest candidate of the same source and day placed in a town of that country or
  province, before it, else after it), else to the narrative place when it lies inside,
  else to the only town of that area the article names (precision 2: near, as no
  sentence puts the event there in so many words): ACLED codes the most precise place
  the report gives, and a lead that names the region and a next sentence that names
  the village tell one event;
- gives a sentence with no type of its own (an unspecific verb, a toll) that goes on
  telling a story of strikes, the same day, the type of the strike before it: one more
  strike, at its own place (ACLED: one event per place);
- gives a strike whose sentence names no doer the doer of the story's strikes when they
  all have one and the same (of the same source and day, in no other country): "a drone
  strike on a car" in a story of Israeli strikes on southern Lebanon.

After merging, ``bare_clashes.without_bare_clashes`` drops the clashes only a default
typed when the article tells other events.

A sentence that continues the story ("Quatre passants ont péri, d'après la
mairie") then carries the story's date and place, so deduplication folds it, and
its toll, into the event it continues instead of leaving a dateless, placeless event.

Inherited values keep their provenance: the date span and place span point at the
sentence that said them, so every field still points back to text. The candidates
returned are copies; the input is not changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace

from veille.extract.anaphora import responses
from veille.extract.areas import (
    NARRATIVE_FEATURES,
    inside,
    places_of_the_act_told,
    position,
    with_finer_place,
)
from veille.extract.candidate import Candidate, PlaceRef, dated_as, same_source
from veille.extract.entries import posted_news, with_entry_date
from veille.extract.layout import Layout, Scene
from veille.extract.placing import destination
from veille.extract.summaries import without_summaries
from veille.extract.taxonomy import AIR_STRIKE, family
from veille.extract.tense import backshifted, pluperfect, trigger_token
from veille.nlp.dates import DateExpression

#: Events an analyst codes only where the sentence itself places them: arrests told
#: without a place are tallies ("150 arrests nationwide") or procedure (a suspect taken
#: into custody), not events of the story's place.
_OWN_PLACE_ONLY = frozenset({"Arrests"})


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """How far a story carries its date and place."""

    #: Days between two candidates' dates for a place to be inherited.
    place_window_days: int = 1
    #: Mentions a town needs to be the article's narrative place.
    narrative_min_mentions: int = 2


def read_story(
    candidates: Sequence[Candidate],
    options: StoryOptions | None = None,
    places: Sequence[PlaceRef] = (),
    layout: Layout | None = None,
) -> list[Candidate]:
    """The article's candidates (in text order) with background dropped and the story's
    date and place given to the sentences that continue it. ``places`` are the article's
    places (any order), from which its narrative place is read; ``layout`` how the
    article is laid out (``read_layout``): the day its lead names, which dates what the
    story leaves undated, its paragraphs, and those that open on a place."""
    opts = options or StoryOptions()
    shape = layout or Layout()
    kept: list[Candidate] = []
    for c in candidates:
        if (
            pluperfect(c)
            # "The army said its aircraft had struck X": a side telling its own act
            # backshifts the tense of news, not of background.
            and not (c.claim_status == "claimed" and backshifted(c, own_tense=True))
            and not _own_day(c)
            and not _continues_retrospective(c, kept)
        ):
            continue
        if _a_past_period(c):
            continue  # "the 2015 attacks", "في هجمات عام 2015": history, no day to code
        if (
            c.sub_event_type in _OWN_PLACE_ONLY
            and c.place is None
            and not c.for_told_act
            and not c.town_told_before  # "arrested six men in the camp": the camp told
        ):
            continue  # "90 arrests nationwide", "a suspect taken into custody"
        kept.append(c)
    kept = responses(places_of_the_act_told(kept))
    dated = [_with_own_day(c, kept) for c in kept]
    # In text order: what the story dated before lends its day to what goes on with it.
    for k, c in enumerate(dated):
        dated[k] = _with_story_date(c, dated, shape)
    dated = [_with_report_date(c) for c in dated]
    placed = [_with_story_place(c, dated, opts, shape.scenes) for c in dated]
    # Where people fled to ("fled towards X") is no place the story's acts fell on; nor
    # is a town only a sentence of background names ("In April last year, a strike on
    # X killed 160": history, no town of the story's area).
    places = [p for p in places if not any(_went_to(p, c) for c in candidates)]
    told = {c.sentence.start for c in kept}
    past = [(c.sentence.start, c.sentence.end) for c in candidates if c.sentence.start not in told]
    places = [p for p in places if not any(a <= p.start < b for a, b in past)]
    narrative = narrative_place(places, opts)
    placed = [
        with_finer_place(c, placed, narrative, opts.place_window_days, places, shape)
        for c in placed
    ]
    told = {c.sentence.start for c in placed}
    placed = [_with_paragraph_weapon(c, shape, told) for c in placed]
    placed = [_with_story_type(c, placed, opts) for c in placed]
    # "Homes were flattened in X": a ruin no strike of the story's day has typed is no
    # act the text tells.
    placed = [c for c in placed if not (c.kind.ruin and c.sub_event_type is None)]
    doers = _remote_doers(placed)
    placed = [_with_story_doer(c, doers, opts) for c in placed]
    if narrative is not None:
        placed = [c if c.place is not None else replace(c, place=narrative) for c in placed]
    # A lead that sums up the acts told below it is none of them (its doer was lent).
    placed = without_summaries(placed)
    # Arrests "in the camp" with no camp told before: nowhere to code them either.
    return [c for c in placed if not (c.sub_event_type in _OWN_PLACE_ONLY and c.place is None)]


def narrative_place(
    places: Sequence[PlaceRef], opts: StoryOptions | None = None
) -> PlaceRef | None:
    """The town or site an article keeps naming: at least ``narrative_min_mentions``
    times and more often than any other (a tie names no place). Its first mention is
    the span; its precision is at least 2, as no sentence places the event there. A
    dateline alone says where the report was filed, not where the story happened; it
    counts as one more mention of a town the text itself names ("KISMAYO (Wire) - ... a
    market in Kismayo ...")."""
    opts = opts or StoryOptions()
    named = [p for p in places if p.place_id and not p.demonym and p.feature in NARRATIVE_FEATURES]
    told = {p.place_id for p in named if not p.dateline}
    counts = Counter(p.place_id for p in named if p.place_id in told).most_common(2)
    if not counts or counts[0][1] < opts.narrative_min_mentions:
        return None
    if len(counts) > 1 and counts[1][1] == counts[0][1]:
        return None
    first = min(
        (p for p in named if p.place_id == counts[0][0] and not p.dateline), key=lambda p: p.start
    )
    return replace(first, precision=max(first.precision, 2))


def _a_past_period(c: Candidate) -> bool:
    """The event is dated only by a year, or a month, before the report's: history told
    for context (ACLED codes an event on its day)."""
    published = c.sentence.published
    if c.date_span is None or abs(c.date_span[0] - c.trigger[0]) > _YEAR_REACH:
        return False  # a year far from the trigger dates another clause ("ousted in 2006")
    if c.event_date is None or published is None:
        return False
    if c.date_precision == "month":
        # "last month", «en avril»: a month before the report's is history too, unless
        # the sentence also names a day (its month may date a clause beside the event).
        earlier = (c.event_date.year, c.event_date.month) < (published.year, published.month)
        return earlier and not _own_day(c)
    if c.date_precision != "year":
        return False
    if c.event_date.year < published.year:
        return True
    # "Attacks have risen in 2024, with hundreds killed in raids": acts told in the
    # plural, or many dead, dated only by the report's own year are a period's tally
    # ("In 2024, gunmen attacked a base" still tells one act of that year).
    trig = trigger_token(c)
    plural = trig is not None and trig.pos == "NOUN" and "Number=Plur" in trig.morph
    many_dead = (c.fatalities or 0) >= _MANY_DEAD
    return (plural or many_dead) and not _own_day(c)


#: The dead that, dated by a year alone, make a year's tally.
_MANY_DEAD = 10


#: Characters between a year and the trigger it dates.
_YEAR_REACH = 60


def _own_day(c: Candidate) -> bool:
    # A day named in the sentence, resolved or not (without a publication date
    # "yesterday" has no value, but it still dates the retrospective).
    return any(d.precision == "day" for d in c.sentence.dates)


def _continues_retrospective(c: Candidate, before: Sequence[Candidate]) -> bool:
    """ "Des tirs avaient visé le camp samedi soir. Six obus avaient été tirés sur le
    poste": a retrospective told over two sentences, dated in the first."""
    prev = next((p for p in reversed(before) if same_source(p, c)), None)
    if prev is None or not (pluperfect(prev) and _own_day(prev)):
        return False
    return prev.sentence is c.sentence or prev.sentence.end >= c.sentence.start - 2


#: Candidates after one dated by its telling within which the story gives its own day.
_OWN_DAY_REACH = 3


def _with_own_day(c: Candidate, story: Sequence[Candidate]) -> Candidate:
    """ "Gunmen killed 23 villagers, police said on Tuesday. The attackers stormed the
    village on Monday evening": the day the telling carried yields to the day, one
    before it, that the next sentences give the same kind of event at the same place."""
    if not c.date_told or c.event_date is None:
        return c
    here = position(story, c)
    for s in story[here + 1 : here + 1 + _OWN_DAY_REACH]:
        if s.date_told or s.date_span is None or s.event_date is None or not same_source(s, c):
            continue
        if not 0 < (c.event_date - s.event_date).days <= 1:
            continue
        if c.family != s.family and "any" not in (c.family, s.family):
            continue
        if (
            c.place is not None
            and s.place is not None
            and c.place.place_id != s.place.place_id
            and not (inside(s.place, c.place) or inside(c.place, s.place))
        ):
            continue
        return replace(
            c,
            event_date=s.event_date,
            date_precision=s.date_precision,
            date_span=s.date_span,
            time_of_day=s.time_of_day,
            time_span=s.time_span,
            date_told=False,
        )
    return c


def _with_story_date(c: Candidate, story: Sequence[Candidate], layout: Layout) -> Candidate:
    if c.event_date is not None:
        return _told_day_dated_below(c, story) if c.date_told else c
    lead = layout.lead
    here = position(story, c)
    backstory = pluperfect(c)
    label = layout.entry_label(c.sentence.start)
    if label is not None and not backstory and posted_news(c, label, story[:here]):
        below = _told_below(c, story[here + 1 :], layout)
        if below is None:
            return with_entry_date(c, story[:here], layout, label)
        # "09h12 - 20 civils tués à X" over «Au moins 20 civils ont été tués mardi à X»:
        # the entry's heading is the act its body tells and dates.
        return dated_as(c, below)

    def lends(s: Candidate) -> bool:
        # A retrospective told later for context ("on a Saturday a strike had killed
        # seven") lends its day to no news told before it, only to its own kind.
        # Reported speech in the pluperfect ("police said the raid had taken place on
        # Friday") is news, backshifted: its day lends.
        if s.event_date is None or not same_source(s, c):
            return False
        return backstory or not (pluperfect(s) and not backshifted(s))

    # "These protests followed the arrest, on Saturday, of ...": a word that points back
    # at what was told ("these", «ces») dates another clause, not the acts before it.
    # A retrospective lends its day to what its own paragraph goes on to tell, not to
    # the news of a later paragraph ("16:05 - a strike had killed seven on 29 June" dates
    # no toll told at 18:20).
    # Nor does an act of another time than the story's, told in another paragraph ("a
    # reminder: on 19 June a bomb hit ...", in a live blog of 3 July).
    paragraph = layout.paragraph_of(c.sentence.start)
    earlier = [
        s
        for s in story[:here]
        if (lends(s) and not (_far_from_lead(s, lead) and _apart(s, c, layout)))
        or (
            s.event_date is not None
            and same_source(s, c)
            and layout.paragraph_of(s.sentence.start) == paragraph
        )
    ]
    later = next((s for s in story[here + 1 :] if not s.anaphoric and lends(s)), None)
    if (
        not earlier
        and later is not None
        and _act_kind(later) == _act_kind(c)
        and _may_be_one(c, later)
        and later.sentence.start - c.sentence.end <= _LEND_REACH
        and not (_far_from_lead(later, lead) and _apart(later, c, layout))
    ):
        pass  # the same kind of act, dated as the story goes on nearby: likely this one
    elif not earlier and lead is not None and lead.value is not None and not backstory:
        # Nothing told before dates it: the day the lead names does, before a later day
        # of another kind of act (an arrest two days before the riots it set off).
        return replace(
            c,
            event_date=lead.value,
            date_precision="day",
            date_span=lead.span,
            date_from_post=False,
        )
    source = earlier[-1] if earlier else later
    if source is None:
        return c
    return dated_as(c, source)


#: Days before its telling an act told next may have happened and still date it.
_TOLD_AFTER_DAYS = 2


def _told_day_dated_below(c: Candidate, story: Sequence[Candidate]) -> Candidate:
    """ "X killed 80 people when its fighters raided a village, a group said on Monday.
    ... X fighters stormed the village on Sunday": an act dated only by the day it was told is
    the act the next sentences date, when they tell the same kind of act, nearby, at a
    place the two may share, a day or two before the telling (acts are told after)."""
    told = c.event_date
    here = position(story, c)
    for s in story[here + 1 :]:
        if s.sentence.start - c.sentence.end > _LEND_REACH:
            break
        if (
            s.event_date is None
            or s.date_told
            or s.anaphoric
            or not same_source(s, c)
            or _act_kind(s) != _act_kind(c)
            or not _may_be_one(c, s)
            or told is None
        ):
            continue
        gap = (told - s.event_date).days
        if 0 < gap <= _TOLD_AFTER_DAYS:
            return dated_as(c, s)
        return c  # the next act of its kind dates it otherwise: another time
    return c


def _told_below(c: Candidate, after: Sequence[Candidate], layout: Layout) -> Candidate | None:
    """The dated candidate of ``c``'s live-blog entry, after it, that tells the same kind
    of act where ``c`` may be one with it: the body under the entry's heading."""
    return next(
        (
            s
            for s in after
            if s.event_date is not None
            and not s.anaphoric
            and same_source(s, c)
            and layout.in_entry_body(c.sentence.start, s.sentence.start)
            and _act_kind(s) == _act_kind(c)
            and _may_be_one(c, s)
        ),
        None,
    )


#: Characters after a sentence within which a later one of the same kind of act may
#: give it its day ("Strikes hit the town. ... The strikes on Tuesday night ...").
_LEND_REACH = 700

#: Families whose acts one story tells under several words ("a strike", "the attack").
_VIOLENCE = frozenset({"remote", "fight", "any"})


def _apart(a: Candidate, b: Candidate, layout: Layout) -> bool:
    """``a`` and ``b`` are told in different paragraphs."""
    return layout.paragraph_of(a.sentence.start) != layout.paragraph_of(b.sentence.start)


def _far_from_lead(c: Candidate, lead: DateExpression | None) -> bool:
    """``c`` is dated more than a week from the day the lead names: another time than
    the story's (a retrospective told in the present perfect: "On 19 June, a bomb hit
    ...", in a story of 3 July)."""
    if lead is None or lead.value is None or c.event_date is None:
        return False
    return abs((c.event_date - lead.value).days) > _STORY_WEEK


#: Days from the lead's day beyond which an act belongs to another time than the story.
_STORY_WEEK = 7


def _may_be_one(a: Candidate, b: Candidate) -> bool:
    """No place tells the two apart: one of them is unplaced, or both are in one place."""
    if a.place is None or b.place is None:
        return True
    return (
        a.place.place_id == b.place.place_id or inside(a.place, b.place) or inside(b.place, a.place)
    )


def _act_kind(c: Candidate) -> str:
    fam = family(c.sub_event_type) if c.sub_event_type else "any"
    return "violence" if fam in _VIOLENCE else fam


def _with_report_date(c: Candidate) -> Candidate:
    """ACLED's rule for a report that dates nothing: the event is coded on the day of
    the report, with a coarser precision (here "week": it happened in the days up to
    it). Only for a story that dates none of its events; the date span stays empty, as
    no words of the text say the day."""
    if c.event_date is not None or c.sentence.published is None:
        return c
    if any(d.value is not None for d in c.sentence.dates):
        return c  # the sentence dates something (perhaps not this): no guess
    # "overnight", "dans la nuit": a part of the day with no day is the report's night.
    return replace(c, event_date=c.sentence.published, date_precision="week")


def _with_paragraph_weapon(c: Candidate, layout: Layout, told: Set[int]) -> Candidate:
    """ "Loud explosions shook Kyiv. Cruise missiles had been seen heading for the city.":
    a generic explosion whose sentence names no weapon was what the next sentences of its
    paragraph name, a remote weapon (the first one after it), in a sentence that tells no
    act of its own (``told``: the starts of the sentences that do; "A drone struck a truck
    near X" is another strike, not what the explosion was)."""
    if c.sub_event_type is not None or c.weapon is not None or c.generic != _REMOTE:
        return c
    paragraph = layout.paragraph_of(c.sentence.start)
    named = next(
        (
            w
            for w in layout.weapons
            if w.sentence_start > c.sentence.start
            and w.sentence_start not in told
            and layout.paragraph_of(w.sentence_start) == paragraph
        ),
        None,
    )
    if named is None or paragraph < 0:
        return c
    return replace(c, kind=replace(c.kind, sub_event_type=named.sub_event_type, mode=named.mode))


def _with_story_place(
    c: Candidate, story: Sequence[Candidate], opts: StoryOptions, where: Sequence[Scene] = ()
) -> Candidate:
    if c.place is not None and not c.place.demonym:
        return c  # a place read from a people's adjective yields to the story's
    scene = next((s for s in where if s.start <= c.sentence.start < s.end), None)
    if scene is not None:
        return replace(c, place=scene.place)
    here = position(story, c)

    def same_day(s: Candidate) -> bool:
        if c.event_date is None or s.event_date is None:
            return c.event_date is None
        return abs((s.event_date - c.event_date).days) <= opts.place_window_days

    def lends(s: Candidate) -> bool:
        # An anaphor ("the clashes", a toll) refers to an event told, not to another
        # anaphor: it takes no place from one.
        return _named_place(s) and same_source(s, c) and not (c.anaphoric and s.anaphoric)

    before = [s for s in story[:here] if lends(s)]
    after = [s for s in story[here + 1 :] if lends(s)]
    source = next((s for s in reversed(before) if same_day(s)), None)
    if source is None:
        source = next((s for s in after if same_day(s)), None)
    if source is None and c.town_told_before:
        # "On Wednesday, militants attacked the town again": the town told before, on
        # whatever day.
        source = next(
            (s for s in reversed(before) if s.place and s.place.feature in NARRATIVE_FEATURES),
            None,
        )
    if source is None or source.place is None:
        return c
    if c.for_told_act:
        # Those suspected of the act were arrested, the text says not where: near it.
        return replace(c, place=replace(source.place, precision=max(2, source.place.precision)))
    return replace(c, place=source.place)


#: The family whose sub-type a weapon decides, and that a story's next sentences go on.
_REMOTE = "remote"
_IED = "Remote explosive/landmine/IED"


def _strike_kind(c: Candidate) -> str | None:
    """The candidate's sub-type, or the default of a strike word that names none
    («les frappes»: typed by the assembler from its default)."""
    return c.sub_event_type or (c.default_sub if c.generic == _REMOTE else None)


def _with_story_type(c: Candidate, story: Sequence[Candidate], opts: StoryOptions) -> Candidate:
    """ "Israeli strikes hit three villages on Monday. In Aitaroun, two people were
    killed.": a sentence that names no type of its own (an unspecific verb or a toll, no
    weapon) and goes on telling a story of strikes, the same day, tells one more strike:
    it takes the type of the nearest strike told before it. Only a remote attack's type
    carries (the weapon decided it, and the next sentences seldom repeat the weapon)."""
    if c.sub_event_type is not None or c.weapon is not None or c.default_sub is not None:
        return c
    sibling = _remote_sibling(c, story)
    if sibling is not None:
        return replace(
            c, kind=replace(c.kind, sub_event_type=sibling.sub_event_type or sibling.default_sub)
        )
    here = position(story, c)
    for s in reversed(story[:here]):
        # A strike word typed only by its default, with a doer ("une frappe
        # israélienne": an air strike, as the assembler will type it), has told the
        # story's kind all the same; an explosion no one is named for has not.
        lent = s.default_sub if s.generic == _REMOTE and s.actor1 is not None else None
        told = s.sub_event_type or lent
        if not same_source(s, c) or told is None:
            continue
        if family(told) != _REMOTE:
            return c  # the nearest typed event before it is of another kind
        doer = c.actor1.actor_id if c.actor1 is not None else None
        if doer is not None and (
            (s.actor1 is not None and s.actor1.actor_id != doer)
            or (s.actor2 is not None and s.actor2.actor_id == doer)
        ):
            # "Five soldiers were killed by a roadside bomb. ... Troops later cleared a
            # camp, killing 11 insurgents": another doer's act (the side the strike hit,
            # or any other), not one more of its strikes.
            return c
        if (
            c.event_date is not None
            and s.event_date is not None
            and abs((s.event_date - c.event_date).days) > opts.place_window_days
        ):
            return c
        return replace(c, kind=replace(c.kind, sub_event_type=told, mode=s.mode))
    return c


def _remote_sibling(c: Candidate, story: Sequence[Candidate]) -> Candidate | None:
    """ "Tyre was targeted on Monday, while strikes hit the outskirts of Baalbek": an
    unspecific verb (a generic attack, no weapon) that shares its sentence and day with
    a strike told at another place tells one more strike of the same kind. Either clause
    may come first; the strike's word types it (typed, or a strike word's default), as
    a list of places struck would have."""
    if c.generic != "attack" or c.place is None:
        return None
    for s in story:
        if s is c or s.sentence.start != c.sentence.start or s.place_key == c.place_key:
            continue
        told = _strike_kind(s)
        if told is not None and family(told) == _REMOTE and s.event_date == c.event_date:
            return s
    return None


def _remote_doers(story: Sequence[Candidate]) -> list[Candidate]:
    """The story's strikes that name their doer (read once for ``_with_story_doer``)."""
    return [
        s
        for s in story
        if s.actor1 is not None
        and s.sub_event_type is not None
        and family(s.sub_event_type) == _REMOTE
        # an act referred to ("X said it had fired the rockets") has its own story
        and not s.anaphoric
    ]


def _with_story_doer(c: Candidate, remote: Sequence[Candidate], opts: StoryOptions) -> Candidate:
    """ "Israeli jets struck Tyre on Monday. ... A drone strike on a car killed two near
    Nabatieh.": a strike whose sentence names no doer, in a story whose strikes all have
    one and the same doer (of the same source, none placed in another country), was
    theirs too when one of them is of the same day (a strike told as last week's
    background is another event). The doer keeps its span in the sentence that named
    it. A story that names two attackers lends only the one that struck the strike's
    country on its very day (Israeli jets on Lebanon, Hezbollah rockets on Israel), and
    of two that struck there, to an air strike only the one that struck from the air;
    none otherwise. ``remote``: the story's strikes that name their doer
    (``_remote_doers``)."""
    told = _strike_kind(c)
    if c.actor1 is not None or told is None or family(told) != _REMOTE:
        return c  # a strike word typed only by its default («les frappes») counts too
    if c.claim_status == "claimed":
        return c  # «le groupe a affirmé avoir tiré»: who claims it did it, named or not
    if _own_unnamed_doer(c):
        return c  # "Unknown assailants shelled the market": a doer of its own, unnamed
    where = c.place.iso3 if c.place is not None and not c.place.demonym else None
    # A bomb planted is no strike fired: the story's strikers did not lay it.
    doers = [s for s in remote if same_source(s, c) and (_strike_kind(s) == _IED) == (told == _IED)]
    two_sides = len({s.actor1.actor_id for s in doers if s.actor1 is not None}) > 1
    if where is not None and two_sides:
        # A story of two sides striking each other's country: the strikes told that
        # same day in the strike's own country are the ones whose doer it may share.
        doers = [
            s
            for s in doers
            if s.place is not None
            and s.place.iso3 == where
            and c.event_date is not None
            and s.event_date == c.event_date
        ]
    if told == AIR_STRIKE and len({s.actor1.actor_id for s in doers if s.actor1}) > 1:
        # "Israeli air strikes killed 20 ... Hamas said it fired a rocket at a tank":
        # of two sides, the one that struck from the air made the air strike (both
        # sides fire shells, rockets and missiles: a shelling is not told apart so).
        doers = [s for s in doers if _strike_kind(s) == AIR_STRIKE]
    if len({s.actor1.actor_id for s in doers if s.actor1 is not None}) != 1:
        return c
    if where is not None and any(
        s.place is not None and not s.place.demonym and s.place.iso3 not in (None, where)
        for s in doers
    ):
        return c  # strikes told in another country: another story
    same_day = [
        s
        for s in doers
        if c.event_date is None
        or s.event_date is None
        or abs((s.event_date - c.event_date).days) <= opts.place_window_days
    ]
    if not same_day:
        return c
    lent = same_day[0].actor1
    if lent is None or (c.actor2 is not None and c.actor2.actor_id == lent.actor_id):
        return c
    return replace(c, actor1=lent)


def _own_unnamed_doer(c: Candidate) -> bool:
    """The trigger is a verb whose subject is a noun no actor was read from, not its
    weapon ("Unknown assailants shelled", "Gunmen fired rockets"): the sentence names
    its own doer, if not who; the story's doer is not lent to it."""
    trig = trigger_token(c)
    if trig is None or trig.pos != "VERB":
        return False
    toks = c.sentence.tokens
    weapon = c.weapon_span or (-1, -1)
    return any(
        t.head == trig.i
        and t.dep == "nsubj"
        and t.pos in ("NOUN", "PROPN")
        and not weapon[0] <= t.start < weapon[1]  # «un second missile a frappé»: the weapon
        for t in toks
    )


def _went_to(p: PlaceRef, c: Candidate) -> bool:
    """The place stands in the candidate's sentence after a preposition of direction."""
    s = c.sentence
    return s.start <= p.start < s.end and destination(p, s)


def _named_place(c: Candidate) -> bool:
    return c.place is not None and not c.place.demonym
