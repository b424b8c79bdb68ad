"""Sentence-level event extraction: triggers -> typed, attributed, located candidates.

The rules are written for the language, not for sentences: a trigger lexicon gives
the event type (or a generic "attack"/"remote" whose type comes from the weapon);
the dependency parse, with word order as a fallback, assigns agent and target;
filters drop what must never become a violent event (negated, future or
hypothetical, aggregates over a period, accusations, quoted justifications).

``SentenceExtractor`` only orchestrates; each step is a module of this package that
returns a typed value: ``triggers`` (which words name an event), ``modality`` (which
of them tell one), ``weapons`` (the type a weapon gives), ``roles`` (actors),
``attribution`` (claims, denials), ``when`` (date, time of day), ``tolls`` (the dead),
``placing`` (where) and ``statements`` (non-violent PLOVER records). It reads a crowd
facing force in ``intervention``, a sentence's year, unnamed places and town told before
in ``setting``, and finishes its candidates with ``finish``.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from datetime import date

from veille.extract.acts import (
    MILDER_PROTESTS,
    arrests_at_a_protest,
    crashed_weapon,
    effects,
    fighting_for_ground,
    grievances,
    natural_cause,
    no_political_act,
)
from veille.extract.anaphora import (
    anaphoric,
    anaphoric_arabic,
    another_event,
    dated_in_its_phrase,
    definite,
    reported_anaphor,
    said_of_it,
    sequence_cuts,
    sequenced,
    told_besides,
    without_antecedent_acts,
)
from veille.extract.attribution import Attribution, accusation, attribute, own_losses_told
from veille.extract.candidate import (
    Candidate,
    PlaceRef,
    SentenceInput,
    StatementCandidate,
    Typing,
    clone,
    one_per_kind_and_place,
)
from veille.extract.clauses import (
    arabic_clause_joints,
    clause_joints,
    concurrent_clauses,
    contrast_cuts,
    elliptic_others,
    opens_on_a_subject,
    placed_on_both_sides,
    side_of,
)
from veille.extract.crowd import RIOT
from veille.extract.finish import (
    air_launched,
    anaphor,
    named_by_doer,
    set_toll,
    set_when,
    with_accused,
)
from veille.extract.intervention import counted_crowd, force_used, lethal, new_crowd
from veille.extract.lexicon import Lexicon, Match, Tok, TriggerEntry
from veille.extract.modality import modality_for, sentence_future
from veille.extract.place_tolls import place_shares
from veille.extract.placing import choose_places, relative_holding
from veille.extract.rejection import Rejection
from veille.extract.roles import read_roles
from veille.extract.setting import days_by_place, scattered, the_town, year_of
from veille.extract.statements import StatementReader
from veille.extract.syntax import head_of, outcome_of, span, token_at, unparsed_outcome_of
from veille.extract.tallies import dead_told_before, tally
from veille.extract.taxonomy import (
    DESTROYING_FAMILIES,
    EXCESSIVE_FORCE,
    LOOTING,
    MOB_VIOLENCE,
    family,
)
from veille.extract.tolls import Toll, read_toll
from veille.extract.triggers import (
    armed_sense_in,
    entry_family,
    find_triggers,
    in_circumstance,
    telling_verbs,
)
from veille.extract.triggers import group as group_triggers
from veille.extract.victims import civilian_site_target, civilian_target
from veille.extract.voices import voices
from veille.extract.weapons import find_weapons, read_weapon
from veille.extract.when import read_when
from veille.model import Span

#: Families of a crowd's own act: a dispersal told with one belongs to it.
_CROWD_ACTS = frozenset({"protest", "riot"})
#: Families of armed acts of a named kind: a dispersal told beside one is no reason to
#: read the sentence as that dispersal alone.
_ARMED_ACTS = frozenset({"fight", "remote"})


def _armed_act(entry: TriggerEntry) -> bool:
    """An armed act of a named kind ("attacked", "shelled", "abducted", "seized"), or a
    generic attack word that is not a bare death verb ("killed" tells no act)."""
    if entry.sub is not None:
        return family(entry.sub) in DESTROYING_FAMILIES
    return not entry.weak


class SentenceExtractor:
    """Extracts event candidates (and statements) from one analysed sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._statements = StatementReader(lexicon)
        self._armed_sense = False
        self._outcome_verbs = lexicon.noun_classes.get("outcome_verbs", frozenset())

    def read_text(self, sentences: list[SentenceInput]) -> None:
        """Reads what the whole text (one segment) settles for each of its sentences:
        the sense of its armed-or-not words (``triggers.armed_sense_in``). Call it
        before ``extract`` on that text's sentences; without it, each sentence stands
        alone."""
        self._armed_sense = armed_sense_in(self.lex, sentences)

    def extract(self, s: SentenceInput, speaking: Set[int] | None = None) -> list[Candidate]:
        """The sentence's event candidates. ``speaking``: its ``voices``, where the caller
        has read them already (they are read here otherwise)."""
        toks = s.tokens
        if not toks or s.text.rstrip().endswith(("?", "؟")):
            return []  # a question asserts no event
        weapons = find_weapons(self.lex, toks)
        triggers = find_triggers(self.lex, s, weapons, self._armed_sense)
        triggers += elliptic_others(self.lex, toks, triggers)
        modality = modality_for(self.lex, s.language)
        kept: list[Match] = []
        negated_families: set[str] = set()
        accused_of_told = False
        reasons = [modality.reject_reason(trig, toks, s) for trig in triggers]
        # The refused acts by their head word (parsed) and by their last word (Arabic).
        refused: dict[int, Rejection] = {}
        refused_ends: dict[int, Rejection] = {}
        for trig, reason in zip(triggers, reasons, strict=True):
            if reason is not None:
                refused[head_of(toks, trig)] = reason
                refused_ends[trig.end] = reason
        refused_outcome = False  # a verb telling a refused act's outcome holds its toll
        for trig, reason in zip(triggers, reasons, strict=True):
            if reason is None and refused:
                # "condemned the bombing of a market that killed 20": what a relative
                # clause tells of an act the sentence does not tell is not told either.
                reason = (
                    outcome_of(toks, head_of(toks, trig), refused)
                    if toks[trig.start].dep
                    else unparsed_outcome_of(
                        toks,
                        trig.start,
                        refused_ends,
                        outcome=bool(toks[trig.start].keys & self._outcome_verbs),
                    )
                )
                refused_outcome = refused_outcome or reason is not None
            if reason is None:
                kept.append(trig)
            elif reason == "negated":
                negated_families.add(entry_family(trig.payload))
            elif reason == "accusation" and definite(trig, toks):
                accused_of_told = True  # "suspected of the attack": an act told before
        told = telling_verbs(self.lex, kept, toks)
        if told:
            kept = [t for t in kept if t.start not in told]
        if negated_families and self.lex.deny.find(toks):
            # "X dément ... : aucune frappe n'a été menée": a denial that the text backs
            # with an explicit negation is not an event of that kind.
            kept = [t for t in kept if entry_family(t.payload) not in negated_families | {"any"}]
        if any(not m.payload.damage for m in kept):
            # "A blast shattered windows", "the strike started a fire": the damage is
            # what the act told beside it did.
            kept = [m for m in kept if not m.payload.damage]
        political = [m for m in kept if not no_political_act(self.lex, m, s)]
        if len(political) < len(kept) and not any(m.payload.sub for m in political):
            return []  # "a gas explosion killed four": its deaths are no one's act either
        kept = political
        kept, effect_apart = effects(self.lex, kept, s)
        if (not weapons or crashed_weapon(self.lex, weapons, s)) and natural_cause(
            self.lex, [*kept, *self.lex.fatality.find(toks)], s
        ):
            return []  # "An earthquake struck X, killing 12": no one's act
        date_spans = [d.span for d in s.dates]
        place_starts = [p.start for p in s.places]
        toll = read_toll(self.lex, toks, date_spans, places=place_starts)
        looting = any(m.payload.sub == LOOTING for m in kept)
        deadly = toll is not None and toll.count > 0
        # "Homes were torched and three villagers killed": with its dead counted, a bare
        # death verb beside the burning tells the killing, an attack.
        armed = (
            [m for m in kept if _armed_act(m.payload) or (deadly and m.payload.generic == "attack")]
            if looting
            else []
        )
        if armed and (deadly or civilian_target(self.lex, armed, toks)):
            # "Gunmen attacked the town, killing 12 and burning homes", "fired on villagers
            # and torched houses": what an armed attack on people burnt or looted is
            # part of it (ACLED codes the attack). One that hurt no one on a building is
            # its destruction.
            kept = [m for m in kept if m.payload.sub != LOOTING]
        intervention = self.lex.intervention.find(toks)
        if intervention and not any(
            entry_family(t.payload) in _CROWD_ACTS
            or (t.payload.sub is not None and entry_family(t.payload) in _ARMED_ACTS)
            for t in kept
        ):
            # Police action in the sentence after a protest: the protest had an intervention.
            # A crowd the sentence itself tells acting ("a mob smashed windows before being
            # dispersed") is that sentence's own event; so is an act of a named kind
            # ("clashes between forces and protesters, weeks after a first wave of protests
            # was crushed").
            if speaking is None:
                speaking = voices(self.lex, s)
            cand = self._intervention(s, toks, intervention[0], toll, speaking)
            if not cand.anaphoric and (lethal(weapons) or (toll is not None and toll.count > 0)):
                # «أطلقت الشرطة الغاز ... على محتجين ما أدى إلى مقتل شخصين»: forces that
                # kill or shoot at the crowd they disperse use excessive force (ACLED).
                cand.kind = replace(cand.kind, sub_event_type=EXCESSIVE_FORCE)
                cand.actor1, cand.actor2 = cand.actor2, None  # the forces did it
            return [cand]
        if not kept or dead_told_before(self.lex, kept, toks, s, bool(weapons), deadly):
            if (
                toll is not None
                and not refused_outcome
                and not sentence_future(toks)
                and not tally(self.lex, toks, s)
            ):
                return [
                    self._toll_only(s, toll, voices(self.lex, s) if speaking is None else speaking)
                ]
            claim = self._claim_only(s, toks)
            if claim is None and accused_of_told:
                claim = self._accusation_only(s, toks, triggers)
            return [claim] if claim is not None else []
        out: list[Candidate] = []
        if speaking is None:
            speaking = voices(self.lex, s)  # read once for every group's place choice
        cuts = sorted({*contrast_cuts(self.lex, toks), *concurrent_clauses(self.lex, toks, s)})
        # A contrast with a place on each side parts two happenings, even of one kind;
        # so does "and" before a clause whose subject tells a new event ("a strike hit
        # X and a second strike / another hit a car in Y").
        joined = (
            arabic_clause_joints(toks, kept, s)
            if s.language == "ar"
            else clause_joints(self.lex, toks, kept)
        )
        joints = [j for j in joined if placed_on_both_sides(j, [*cuts, j], toks, s)]
        # An Arabic clause with its own subject after the joint: the doers stay apart.
        own_doers = set(joints) if s.language == "ar" else set()
        cuts = sorted({*cuts, *joints})
        apart = [c for c in cuts if placed_on_both_sides(c, cuts, toks, s)]
        groups = group_triggers(kept, cuts, apart)
        # «..., فيما شنت طائرات أمريكية غارات»: an Arabic contrast whose clause names its
        # own subject right after it parts two sides' acts.
        doer_cuts = (
            {c for c in cuts if opens_on_a_subject(toks, c, s.actors)}
            if s.language == "ar"
            else set()
        )
        for group in groups:
            if len(groups) > 1 and cuts:
                # Each side of "while" tells its own happening: its own place and toll.
                side = side_of(group[0].start, cuts, toks)
                here = replace(
                    s, places=[p for p in s.places if side[0] <= p.start < side[1]], side=side
                )
                crowd = all(entry_family(m.payload) in _CROWD_ACTS for m in group)
                own_actors = [a for a in s.actors if side[0] <= a.start < side[1]]
                if (
                    crowd
                    or any(toks[c].start in side for c in own_doers)
                    # «أعلن X استهداف سفينة، فيما شنت طائرات أمريكية غارات»: each side
                    # of such a contrast that names a side of its own tells its act.
                    or (own_actors and any(toks[c].start in (side[0], side[1]) for c in doer_cuts))
                ):
                    # A crowd's side has its own people: the force on the other side
                    # ("police dispersed protesters in X, while in Y people marched")
                    # is not there; nor is the subject of an Arabic clause of its own.
                    here = replace(
                        here, actors=[a for a in s.actors if side[0] <= a.start < side[1]]
                    )
                own = toll if toll is not None and side[0] <= toll.span[0] < side[1] else None
                if own is None and toll is not None:
                    # "three were killed in X, and four others died in Y": Y's own count.
                    own = read_toll(self.lex, toks, date_spans, within=side, places=place_starts)
                # ... and its own weapon, where it names one (an "air strike" names its
                # own: the other side's tanks are not its weapon).
                armed = [w for w in weapons if side[0] <= toks[w.start].start < side[1]]
                if not armed and not any(m.payload.weapon for m in group) and not crowd:
                    armed = weapons  # a crowd's march takes no weapon of the other side
                out.extend(self._build(group, toks, armed, here, own, speaking))
            else:
                out.extend(self._build(group, toks, weapons, s, toll, speaking))
        if not effect_apart:
            out = arrests_at_a_protest(out, grievances(toks, kept))
        forced = [cue for cue in intervention if force_used(toks, cue, self.lex)]
        if forced:
            # "Police dispersed a sit-in", «فرقت قوات الأمن وقفة»: the protest the sentence
            # tells met force; across "while" only the protest on the force's side did
            # ("police dispersed protesters in X, while in Y thousands marched peacefully").
            sides = [side_of(cue.start, cuts, toks) for cue in forced] if cuts else None
            for c in out:
                if c.sub_event_type == "Peaceful protest" and (
                    sides is None or any(a <= c.trigger[0] < b for a, b in sides)
                ):
                    c.kind = replace(c.kind, sub_event_type="Protest with intervention")
        out = fighting_for_ground(out)
        if any(c.sub_event_type == RIOT for c in out):
            # "Protesters torched a police station", "clashed with police, who fired tear
            # gas": one demonstration, and it was violent.
            out = [c for c in out if c.sub_event_type not in MILDER_PROTESTS]
        mobs = {c.place_key for c in out if c.sub_event_type == MOB_VIOLENCE}
        if mobs:
            # "A mob set fire to a church": the burning is the mob's, no demonstration.
            out = [
                c for c in out if not (c.sub_event_type == RIOT and c.place_key in mobs | {None})
            ]
        if accused_of_told:
            for c in out:
                c.for_told_act = c.sub_event_type == "Arrests" and c.place is None
        accused = accusation(self.lex, toks, s, triggers)
        if accused is not None and accused.accused is not None:
            with_accused(out, accused, accused.accused)
        # "The attack came a week after militants ambushed a convoy": the act set against
        # the one told before is background.
        out = without_antecedent_acts(out, toks, sequence_cuts(self.lex, toks, triggers))
        return one_per_kind_and_place(air_launched(out))

    def voices(self, s: SentenceInput) -> set[int]:
        """The starts of the sentence's places that speak for their government
        ("Washington said"): no event of the story happened there."""
        return voices(self.lex, s)

    def statements(self, s: SentenceInput) -> list[StatementCandidate]:
        """The sentence's statement (a non-violent PLOVER record), if any."""
        return self._statements.read(s)

    def _build(
        self,
        group: list[Match],
        toks: list[Tok],
        weapons: list[Match],
        s: SentenceInput,
        toll: Toll | None,
        speaking: Set[int],
    ) -> list[Candidate]:
        # "During an arrest raid, a bomb hit a vehicle": the act the clause tells wins
        # over an arrest that only sets its scene ("killed during clashes" is the clash).
        told = [
            m
            for m in group
            if not (entry_family(m.payload) == "arrest" and in_circumstance(toks, m))
        ] or group
        # "The massacre came five days after an attack on an army post in X on 15 April":
        # the event set in time is the one told before; the one it came after, with a
        # day of its own, is what the sentence tells anew (its own word types it).
        if any(d.precision == "day" for d in s.dates):
            told = [
                m
                for m in told
                if not (sequenced(self.lex, m, toks) and any(o.start > m.start for o in told))
            ] or told
        best = max(told, key=lambda m: (m.payload.rank, m.payload.sub is not None))
        entry: TriggerEntry = best.payload
        fams = {entry_family(m.payload) for m in group}
        # "opened fire on protesters": the verb names a lethal weapon of its own.
        fired = any(m.payload.weapon == "firearms" for m in group)
        # A crowd's own violence ("houses were burnt", the riot reading of a verb of
        # burning) is no protest that force could have met.
        protests = [
            m for m in group if entry_family(m.payload) == "protest" and m.payload.sub != RIOT
        ]
        if protests and "any" in fams and (toll is not None or lethal(weapons) or fired):
            # Forces firing on or killing protesters: ACLED's "Excessive force" (tear gas
            # and water cannon are an intervention, read from the weapon).
            protest = protests[0]
            entry = entry.model_copy(update={"sub": EXCESSIVE_FORCE, "generic": None, "rank": 3})
            best = protest
        typing = read_weapon(self.lex, Typing.of(entry), group, toks, weapons)
        cand = Candidate(
            sentence=s,
            trigger=span(toks, best),
            kind=typing,
        )
        roles = read_roles(self.lex, typing, group, toks, s)
        cand.actor1, cand.actor2 = roles.actor1, roles.actor2
        if (
            typing.family == "protest"
            and cand.actor2 is not None
            and getattr(cand.actor2.payload, "kind", "") == "civilians"
        ):
            cand.actor2 = None  # «تظاهر مئات المواطنين»: the citizens marched; none was hit
        if (
            entry.by_state is not None
            and cand.sub_event_type is None
            and cand.actor1 is not None
            and getattr(cand.actor1.payload, "kind", "") == "state_forces"
        ):
            cand.kind = replace(cand.kind, default_sub=entry.by_state)
        self._attribute(cand, toks, s)
        set_when(cand, read_when(self.lex, cand.trigger, s))
        year = year_of(best, toks)
        if year is not None and s.published is not None and year.value < s.published.year:
            # "the 2015 attacks", «les attentats de 2015»: an earlier year names the event
            # (a day elsewhere in the sentence dates the verb that tells of it).
            cand.event_date, cand.date_precision = date(year.value, 1, 1), "year"
            cand.date_span = year.span
        set_toll(cand, toll)
        # "It was the deadliest attack this year": the pronoun is the event told before
        # (unless the sentence names a day of its own: "...; on Sunday, gunmen fired").
        comment = said_of_it(best, toks) and not any(d.precision == "day" for d in s.dates)
        in_sequence = sequenced(self.lex, best, toks) and not any(
            d.precision == "day" for d in s.dates
        )
        cand.anaphoric = (
            # «a revendiqué l'attaque de dimanche contre X»: the act's own day in its
            # phrase tells it, whatever claims it.
            (anaphoric(self.lex, best, toks) and not dated_in_its_phrase(best, toks, s))
            or comment
            or in_sequence
        )
        if in_sequence:  # "The attack came after drones killed 30 in X": the other act's
            cand.kind = Typing.of(entry)
            cand.actor1 = cand.actor2 = None
            cand.fatalities = cand.fatalities_span = None
        if comment and cand.weapon_span is not None and not _within(cand.weapon_span, cand.trigger):
            # "It was the worst raid since March, when a truck bomb killed 20": the
            # comment's word types it; a weapon told elsewhere in it is another act's.
            cand.kind = replace(
                cand.kind,
                sub_event_type=entry.sub,
                generic=entry.generic,
                weapon=None,
                weapon_span=None,
            )
        cand.another = another_event(self.lex, best, toks)
        if (
            cand.anaphoric
            and cand.claim_status != "claimed"
            and cand.actor1 is not None
            and cand.claim_span is not None
            and cand.actor1.end <= cand.claim_span[0]
        ):
            cand.actor1 = None  # "La police a confirmé l'enlèvement": who confirms did not do it
        if cand.anaphoric and cand.date_span is not None:
            # "La police a confirmé lundi l'enlèvement": Monday is when it confirmed.
            cand.event_date = cand.date_precision = cand.time_of_day = None
            cand.date_span = cand.time_span = None
        if not cand.anaphoric and cand.date_span is None and reported_anaphor(self.lex, best, toks):
            cand.anaphoric = True
            cand.actor1 = None  # the teller is another party, not the doer
        if s.language == "ar" and not cand.anaphoric:
            # "الهجوم الذي وقع امس": the date and actors stay with the known event.
            cand.anaphoric = anaphoric_arabic(self.lex, group, toks, s)
        cand.target_civilian = civilian_target(
            self.lex, group, toks, doer_named=cand.actor1 is not None
        )
        armed_target = cand.actor2 is not None and getattr(cand.actor2.payload, "kind", "") not in (
            "civilians",
            "",
        )
        if not cand.target_civilian and not armed_target:
            cand.target_civilian = civilian_site_target(self.lex, group, toks, s.language)
        if (
            cand.sub_event_type == "Armed clash"
            and (entry.one_sided or entry.sub is None)
            and cand.target_civilian
            and not armed_target
        ):
            # An assault on civilians, no armed side against it; so is gunfire that kills
            # civilians ("killed by sniper fire": the clash came from the weapon alone).
            cand.kind = replace(cand.kind, sub_event_type="Attack")
        cand.framing = list(s.framing)
        # "Israel struck ...", "the Fano militia", «Le Courrier de Kinshasa»: a place word
        # inside an actor's name is who acted or was hit, not where.
        named = [*s.actors, *(a for a in (cand.actor1, cand.actor2) if a is not None)]
        unnamed = [p for p in s.places if not any(a.start <= p.start < a.end for a in named)]
        # "Russia's overnight attack on Ukraine": the country owning the act noun did it;
        # the sentence names where it fell.
        owners = [p for p in unnamed if _owns_the_act(p, cand.trigger, toks)]
        if owners and len(owners) < len(unnamed):
            unnamed = [p for p in unnamed if p not in owners]
        places = choose_places(
            self.lex,
            cand.trigger,
            replace(s, places=[] if in_sequence else unnamed),
            [span(toks, w) for w in weapons],
            speaking,
            # Another word of the same kind tells the same act ("the abducted pastor was
            # seized at his farm in X"); a word of another kind (a death word beside a
            # clash) may count the dead of several places, and places nothing.
            also=[
                span(toks, m)
                for m in group
                if m is not best and entry_family(m.payload) == entry_family(best.payload)
            ],
        )
        doer = cand.actor1
        if all(p.dateline for p in places) and scattered(self.lex, toks):
            # "in several southern provinces": no town to code and none to inherit; the
            # country the sentence names, if any ("in various Egyptian provinces"). A
            # dispatch's dateline is where it was filed, not one of those places.
            countries = [
                p
                for p in s.places
                if p.feature == "country" and not (doer and doer.start <= p.start < doer.end)
            ]
            if not countries:
                return []
            places = countries[:1]
        if (
            cand.generic
            and not places
            and cand.date_span is None
            and cand.claim_status == "claimed"
        ):
            # «L'armée a affirmé avoir visé un commandant», "X said it had targeted
            # militants": a doer naming the aim of an act, with no day or place of its
            # own, is the act told before (its account of the target), not a new one.
            cand.anaphoric = True
        if not places:
            cand.town_told_before = the_town(self.lex, toks)
        elif told_besides(self.lex, best, toks):
            cand.another = True  # "Drones also struck X": besides the act told before
        if len(places) <= 1:
            cand.place = places[0] if places else None
            return [named_by_doer(cand)]
        out: list[Candidate] = []
        shares = place_shares(self.lex, toks, places, s.places)
        days = days_by_place(s, places)
        holder = relative_holding(places, cand.fatalities_span, s)
        for k, place in enumerate(places):
            one = clone(cand)
            one.place = place
            if days is not None:
                # "struck Tyre on Monday and Baalbek on Tuesday": each its own day.
                day = days[k]
                one.event_date, one.date_precision = day.value, day.precision
                one.date_span, one.date_told = day.span, False
            if shares is not None:
                # "20 killed, including eight in Jabalia and five in Khan Younis": each
                # place gets its own count, not the whole toll.
                share = shares.get(place.start)
                one.fatalities, one.fatalities_span = (
                    (share.count, share.span) if share is not None else (None, None)
                )
            elif holder is not None:
                # "in X, where two people died, and in Y": the toll is X's alone.
                if k != holder:
                    one.fatalities, one.fatalities_span = None, None
            elif cand.fatalities is not None:
                # One toll for several places: ACLED divides it evenly between their
                # events, the remainder to the first.
                part, rest = divmod(cand.fatalities, len(places))
                one.fatalities = part + (rest if k == 0 else 0)
                one.toll_shared = True
            out.append(named_by_doer(one))
        return out

    def _attribute(self, cand: Candidate, toks: list[Tok], s: SentenceInput) -> None:
        att: Attribution = attribute(self.lex, toks, s, cand.actor1, cand.actor2)
        losses = own_losses_told(self.lex, toks, s, att, cand.actor1, cand.actor2)
        if losses is not None:
            # "The army announced the death of two soldiers": its losses, not its act.
            att, cand.actor1, cand.actor2 = losses
        cand.claim_status, cand.claim_by, cand.claim_via = att.status, att.by, att.via
        cand.claim_span = att.span
        if att.agent is not None:
            cand.actor1 = att.agent  # who claims it did it, where the roles named nobody

    def _intervention(
        self,
        s: SentenceInput,
        toks: list[Tok],
        cue: Match,
        toll: Toll | None,
        speaking: Set[int],
    ) -> Candidate:
        """A "Protest with intervention" mention: the forces are the target side. It
        refers back to a protest told before, unless the sentence names the crowd the
        forces faced («رشت قوات الأمن متظاهرين بالغاز المسيل للدموع») or its own place
        and day, whatever article the crowd takes: then it tells the protest itself."""
        cand = Candidate(
            sentence=s,
            trigger=span(toks, cue),
            kind=Typing("Protest with intervention", None, None, 3, "demonstrate"),
            # «قتل ثمانية متظاهرين حين أطلقت الشرطة الغاز»: protesters counted among the
            # dead of the dispersal are news of their own (excessive force), whether or
            # not a protest was told before.
            anaphoric=not new_crowd(self.lex, toks)
            and not (toll is not None and toll.count > 0 and counted_crowd(self.lex, toks)),
        )
        forces = [a for a in s.actors if getattr(a.payload, "kind", "") == "state_forces"]
        if forces:
            cand.actor2 = forces[0]
        places = choose_places(self.lex, cand.trigger, s, speaking=speaking)
        cand.place = places[0] if len(places) == 1 else None
        self._attribute(cand, toks, s)
        set_when(cand, read_when(self.lex, cand.trigger, s))
        cand.anaphoric = cand.anaphoric and (cand.place is None or cand.date_precision != "day")
        set_toll(cand, toll)
        return cand

    def _claim_only(self, s: SentenceInput, toks: list[Tok]) -> Candidate | None:
        """A claim of responsibility with no trigger ("The group claimed responsibility",
        «Le JNIM a revendiqué») names who did the event just told: an anaphoric
        mention whose actor 1 is the claimant. None without a named claimant."""
        if not any(_owns_up(c, toks) for c in self.lex.claim.find(toks)) or sentence_future(toks):
            return None
        att = attribute(self.lex, toks, s, None, None)
        if att.status != "claimed" or att.agent is None or att.span is None:
            return None
        cand = anaphor(s, att.span)
        cand.claim_status, cand.claim_by, cand.claim_via = att.status, att.by, att.via
        cand.claim_span = att.span
        cand.actor1 = att.agent
        return cand

    def _accusation_only(
        self, s: SentenceInput, toks: list[Tok], triggers: list[Match]
    ) -> Candidate | None:
        """An accusation of an act told before and no act of its own ("The group accused
        the army of the attack", «X a accusé Y d'avoir mené l'attaque»): an anaphoric
        mention of that act whose actor 1 is the accused, reported by the accuser."""
        att = accusation(self.lex, toks, s, triggers)
        if att is None or att.accused is None or att.span is None:
            return None
        cand = anaphor(s, att.span)
        with_accused([cand], att, att.accused)
        return cand

    def _toll_only(self, s: SentenceInput, toll: Toll, speaking: Set[int]) -> Candidate:
        """A toll with no trigger ("trois morts"): an anaphoric mention of an attack."""
        cand = anaphor(s, toll.span)
        cand.fatalities, cand.fatalities_span = toll.count, toll.span
        when = read_when(self.lex, cand.trigger, s)
        if not when.told:
            # «cinq morts, dans un communiqué publié mercredi»: the day of the telling
            # is not the toll's; the story it counts the dead of dates it.
            set_when(cand, when)
        # "In Kyiv, two people died": the sentence's own place says which event it counts.
        places = choose_places(self.lex, toll.span, s, speaking=speaking)
        if len(places) == 1:
            cand.place = places[0]
        return cand


#: Words of a claim of responsibility itself ("claimed responsibility", «a revendiqué»,
#: «أعلن مسؤوليته», «تبنى»), as opposed to "said it had ..." which may tell anything.
_RESPONSIBILITY = frozenset(
    {"responsibility", "credit", "responsabilite", "revendiquer", "revendication"}
    | {"مسؤوليه", "مسؤوليتها", "مسؤوليته", "مسؤوليتهم", "تبني", "تبنت", "تبنوا", "تبنيها"}
)


def _owns_up(cue: Match, toks: list[Tok]) -> bool:
    """A claim of responsibility with nothing else claimed: its verb takes no object,
    a pronoun, or responsibility ("les grévistes revendiquent des hausses" is a demand)."""
    words = range(cue.start, cue.end)
    if toks[cue.start].pos in ("X", ""):  # unparsed Arabic: the claimant may stand inside
        words = range(cue.start, min(len(toks), max(cue.end, cue.start + 6)))
    if not any(toks[k].keys & _RESPONSIBILITY for k in words):
        return False
    objects = [t for t in toks if t.head in words and t.i not in words and t.dep in ("obj", "dobj")]
    return all(t.pos == "PRON" or t.keys & _RESPONSIBILITY for t in objects)


def _within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _owns_the_act(p: PlaceRef, trigger: Span, toks: list[Tok]) -> bool:
    """A country in the possessive on the act noun ("Russia's attack")."""
    if p.feature != "country":
        return False
    k = token_at(toks, p.start)
    if k is None or toks[k].dep != "poss":
        return False
    head = toks[toks[k].head]
    return trigger[0] <= head.start < trigger[1]
