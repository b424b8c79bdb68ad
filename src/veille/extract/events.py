"""Sentence-level event extraction: triggers -> typed, attributed, located candidates.

The rules are written for the language, not for sentences: a trigger lexicon gives
the event type (or a generic "attack"/"remote" whose type comes from the weapon);
the dependency parse, with word order as a fallback, assigns agent and target;
filters drop what must never become a violent event (negated, future or
hypothetical, aggregates over a period, accusations, quoted justifications).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Final

from veille.extract.lexicon import (
    Lexicon,
    Match,
    PhraseTable,
    StatementEntry,
    Tok,
    TriggerEntry,
    WeaponEntry,
    fold,
)
from veille.extract.lexicon import longest_non_overlapping as _lno
from veille.extract.taxonomy import SUB_EVENT_TYPES, family
from veille.model import ClaimStatus, DatePrecision, Span, TimeOfDay
from veille.nlp import arabic
from veille.resolve.dates import DateExpression

_NUM = re.compile(r"^\d{1,6}$")
_AGENT_DEPS = frozenset({"nsubj", "obl:agent", "agent", "csubj"})
_TARGET_DEPS = frozenset({"obj", "nsubj:pass", "dobj", "nsubjpass", "iobj", "obl:arg", "pobj"})
_TARGET_PREPS = frozenset({"contre", "sur", "vers", "visant", "against", "on", "at", "targeting"})
#: Words around a number that make it a part of the dead, not the toll.
_PARTITIVE_AFTER = frozenset({"of", "d'entre", "parmi"})
_PARTITIVE_BEFORE = frozenset({"dont", "including", "among", "بينهم", "منهم", "بينهن"})
#: Modal verbs that are also nouns ("le pouvoir", "le devoir", "the will").
_MODAL_NOUNS = frozenset({"pouvoir", "devoir", "vouloir", "will"})
#: Most characters between two places of one list.
_LIST_GAP_CHARS = 60
_REPORT_PREPS = frozenset({"selon", "according", "d'apres", "وفق", "حسب", "بحسب"})
# Dependents that head a clause of their own (purpose, complement, relative).
_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "acl", "relcl", "conj", "pcomp"})


@dataclass(slots=True)
class ActorRef:
    """An actor found in the text (from veille.resolve.actors), in sentence terms."""

    start: int
    end: int
    actor_id: str
    framed: bool
    payload: object  # the resolver's Actor record


@dataclass(slots=True)
class PlaceRef:
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


@dataclass(slots=True)
class FramingRef:
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


@dataclass(slots=True)
class Candidate:
    """One event mention found in one sentence, before merging."""

    sentence: SentenceInput
    trigger: Span
    sub_event_type: str | None  # None: generic, decided by merging or defaults
    generic: str | None
    default_sub: str | None
    rank: int
    mode: str | None
    weapon: str | None = None
    weapon_span: Span | None = None
    weapon_count: int | None = None
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
    place: PlaceRef | None = None
    fatalities: int | None = None
    fatalities_span: Span | None = None
    anaphoric: bool = False
    target_civilian: bool = False
    framing: list[FramingRef] = field(default_factory=list)

    @property
    def family(self) -> str:
        if self.sub_event_type:
            return family(self.sub_event_type)
        return "remote" if self.generic == "remote" else "any"


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


# ---------------------------------------------------------------------------


class SentenceExtractor:
    """Extracts event candidates from one analysed sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    # -- public -------------------------------------------------------------
    def extract(self, s: SentenceInput) -> list[Candidate]:
        toks = s.tokens
        if not toks or s.text.rstrip().endswith(("?", "؟")):
            return []  # a question asserts no event
        triggers = _lno(self.lex.triggers.find(toks), rank=lambda m: m.payload.rank)
        weapons = _lno(self.lex.weapons.find(toks))
        triggers = [t for t in triggers if self._keep_trigger(t, toks, weapons, s)]
        kept: list[Match] = []
        negated_families: set[str] = set()
        for trig in triggers:
            reason = self._reject_reason(trig, toks, s)
            if reason is None:
                kept.append(trig)
            elif reason == "negated":
                negated_families.add(_entry_family(trig.payload))
        if negated_families and self.lex.deny.find(toks):
            # "X dément ... : aucune frappe n'a été menée": a denial that the text backs
            # with an explicit negation is not an event of that kind.
            kept = [t for t in kept if _entry_family(t.payload) not in negated_families | {"any"}]
        fatal = self._fatalities(toks)
        if fatal is None:
            fatal = self._no_fatalities(toks)
        intervention = self.lex.intervention.find(toks)
        if intervention and not any(_entry_family(t.payload) == "protest" for t in kept):
            # Police action in the sentence after a protest: the protest had an intervention.
            return [self._intervention(s, toks, intervention[0], fatal)]
        if not kept:
            if fatal is not None and not self._sentence_future(toks):
                return [self._fatality_only(s, fatal)]
            return []
        groups = self._group(kept)
        out: list[Candidate] = []
        for group in groups:
            out.extend(self._build(group, toks, weapons, s, fatal))
        return out

    def statements(self, s: SentenceInput) -> list[StatementCandidate]:
        """Threats, accusations, demands, agreements...: at most one per sentence, the
        one nearest the root of the clause. Negated ones are left out, except a negated
        agreement or concession, which is a refusal ("will not accept": REJECT)."""
        toks = s.tokens
        if not toks or s.text.rstrip().endswith(("?", "؟")):
            return []
        stop = {i for x in self.lex.not_statements.find(toks) for i in range(x.start, x.end)}
        fitting = [
            m
            for m in self.lex.statements.find(toks) + self._separated_particles(toks)
            if not stop & set(range(m.start, m.end)) and self._fits(m, toks)
        ]
        # Among readings of one span, those whose argument structure was checked win.
        found = _lno(fitting, rank=lambda m: _constraints(m.payload))
        readings = [r for m in found if (r := self._reading(m, toks)) is not None]
        if not readings:
            readings = [_as_said(m, toks) for m in self._violence_not_done(toks, s)]
        if not readings:
            readings = self._obligations(toks)
        if not readings:
            return []
        # The act nearest the root of the sentence; at equal depth, a speech act (which
        # governs the act it speaks of: "removing sanctions is out of the question").
        best = min(
            readings,
            key=lambda r: (
                len(_ancestors(toks, r.head, limit=8)),
                r.plover not in _SPEECH_ACTS,
                r.match.start,
            ),
        )
        trigger = _span(toks, best.match)
        cand = StatementCandidate(s, trigger, best.plover, best.mode)
        before = [a for a in s.actors if a.end <= trigger[0]]
        after = [a for a in s.actors if a.start >= trigger[1]]
        if s.language == "ar":  # verb first: the agent follows the verb
            ordered = after + before
            cand.actor = ordered[0] if ordered else None
            rest = [
                a for a in ordered[1:] if cand.actor is None or a.actor_id != cand.actor.actor_id
            ]
            cand.target = rest[0] if rest else None
        else:
            cand.actor = before[-1] if before else None
            rest = [a for a in after if cand.actor is None or a.actor_id != cand.actor.actor_id]
            cand.target = rest[0] if rest else None
        valued = [d for d in s.dates if d.value is not None]
        if valued:
            cand.date = min(valued, key=lambda e: abs(e.start - trigger[0]))
        return [cand]

    def _separated_particles(self, toks: list[Tok]) -> list[Match]:
        """Phrasal verbs split by their object ("pull its troops out", "called the strike
        off"): a two-word entry matched on the verb and its particle; the verb is the span."""
        out: list[Match] = []
        for part in toks:
            verb = part.head
            if part.dep not in ("prt", "prep") or not verb < part.i - 1:
                continue
            if toks[verb].pos != "VERB":
                continue
            for m in self.lex.statements.find([toks[verb], part]):
                if m.start == 0 and m.end == 2:
                    out.append(Match(verb, verb + 1, m.payload))
        return out

    def _fits(self, m: Match, toks: list[Tok]) -> bool:
        """Whether a statement entry's argument structure holds in this sentence."""
        entry: StatementEntry = m.payload
        head = _head_of(toks, m)
        if entry.verb_only and toks[head].pos not in ("VERB", "AUX"):
            return False
        if toks[head].pos == "PROPN":
            return False  # a name: "Highway Patrol", "Support Services Division"
        if (
            entry.not_in_purpose
            and toks[head].dep in ("advcl", "acl", "relcl")
            and any(t.head == head and t.dep == "aux" and "to" in t.keys for t in toks)
        ):
            return False
        if toks[head].dep == "amod" and "VerbForm=Part" in toks[head].morph:
            return False  # a participle naming a noun's quality: "its long-threatened invasion"
        if entry.objects is not None:
            objects = _objects(toks, head)
            if not objects:
                if not entry.object_optional:
                    return False
            elif not any(self._of_class(toks, o, entry.objects) for o in objects):
                return False
        return entry.subjects is None or any(
            self._of_class(toks, o, entry.subjects) for o in _subjects(toks, head)
        )

    def _of_class(self, toks: list[Tok], i: int, name: str) -> bool:
        """A noun of the class, itself or by a modifier ("peacekeeping troops")."""
        members = self.lex.noun_classes[name]
        if toks[i].keys & members:
            return True
        return any(
            t.head == i and t.i != i and t.dep in ("compound", "amod", "nmod") and t.keys & members
            for t in toks
        )

    def _reading(self, m: Match, toks: list[Tok]) -> _Reading | None:
        """The PLOVER type a statement entry has in its clause: a negated agreement is a
        refusal, an act someone "must" do a demand, an act announced for the future a
        promise (cooperative acts) or a threat (hostile or conditional ones)."""
        entry: StatementEntry = m.payload
        head = _head_of(toks, m)
        chain = _ancestors(toks, head, limit=4)
        plover, mode = entry.plover, entry.mode
        if self._negated(Match(head, head + 1, entry), toks, chain):
            if plover in _YIELDING:
                return _Reading(m, head, "REJECT", "refuse")
            return None
        governors = [head, *chain[:1]]
        if self._has_aux(toks, governors, self.lex.obligation_auxiliaries):
            return _Reading(m, head, "REQUEST", "demand")
        if plover in _COOPERATIVE | _HOSTILE and self._intended(toks, head, chain):
            conditions = {fold(t.text) for t in toks if t.keys & self.lex.condition_markers}
            if conditions & self.lex.ultimatum_markers or plover in _THREATENING:
                return _Reading(m, head, "THREATEN", _THREAT_MODES.get(plover))
            if plover in _HOSTILE:
                # An announced sanction is the sanction; a conditional one is a threat.
                if conditions:
                    return _Reading(m, head, "THREATEN", _THREAT_MODES.get(plover))
                return _Reading(m, head, plover, mode)
            return _Reading(m, head, "AGREE", "promise")
        return _Reading(m, head, plover, mode)

    def _has_aux(self, toks: list[Tok], heads: list[int], words: frozenset[str]) -> bool:
        return any(
            t.head in heads and t.i != t.head and t.dep in ("aux", "aux:pass") and t.keys & words
            for t in toks
        )

    def _intended(self, toks: list[Tok], head: int, chain: list[int]) -> bool:
        """Announced for the future: "will withdraw", "would allow", "plans to visit";
        a noun through its verb ("will complete the withdrawal")."""
        heads = [head]
        if toks[head].pos in ("NOUN", "PROPN") and chain:
            heads.append(chain[0])
        if self._has_aux(toks, heads, self.lex.intent_auxiliaries):
            return True
        return any(
            toks[h].dep == "xcomp" and toks[toks[h].head].keys & self.lex.intent_verbs
            for h in heads
        )

    def _obligations(self, toks: list[Tok]) -> list[_Reading]:
        """ "X said Y must return the helicopter": what one party says another must do
        is a demand, whatever the verb."""
        if not self.lex.obligation_auxiliaries:
            return []
        reporting = {i for r in self.lex.report.find(toks) for i in range(r.start, r.end)}
        out: list[_Reading] = []
        for t in toks:
            if t.dep != "ccomp" or t.head not in reporting:
                continue
            if self._has_aux(toks, [t.i], self.lex.obligation_auxiliaries):
                entry = StatementEntry(p="", plover="REQUEST", mode="demand")
                out.append(_Reading(Match(t.i, t.i + 1, entry), t.i, "REQUEST", "demand"))
        return out

    def _violence_not_done(self, toks: list[Tok], s: SentenceInput) -> list[Match]:
        """Violence a sentence speaks of without telling it: future or conditional
        violence ("les opérations se poursuivraient tant que...") is a threat; violence
        named as what someone is responsible for is an accusation."""
        out: list[Match] = []
        for m in self.lex.triggers.find(toks):
            if not SUB_EVENT_TYPES.get(
                m.payload.sub or "Attack", SUB_EVENT_TYPES["Attack"]
            ).violent:
                continue
            reason = self._reject_reason(m, toks, s)
            if reason == "future or hypothetical":
                out.append(
                    Match(m.start, m.end, StatementEntry(p="", plover="THREATEN", mode="violence"))
                )
            elif reason == "accusation":
                out.append(
                    Match(m.start, m.end, StatementEntry(p="", plover="ACCUSE", mode="allege"))
                )
        return out

    # -- triggers -----------------------------------------------------------
    def _keep_trigger(
        self, m: Match, toks: list[Tok], weapons: list[Match], s: SentenceInput
    ) -> bool:
        entry: TriggerEntry = m.payload
        if entry.requires_weapon and not weapons:
            return False
        if entry.needs_place:
            end = toks[m.end - 1].end
            if not any(0 <= p.start - end <= 4 for p in s.places):
                return False
        if entry.not_after:
            prev = toks[m.start - 1] if m.start > 0 else None
            if prev is not None and prev.keys & {fold(w) for w in entry.not_after}:
                # "أعلنت مسؤوليتها عن استهداف": a claim of responsibility right before
                # the verbal noun asserts the act; other nouns before it do not.
                claimed = any(c.end == m.start for c in self.lex.claim.find(toks))
                if not claimed:
                    return False
        if entry.weak:
            # Weak triggers ("tuer", "opération") only count with a weapon or a death toll.
            return bool(weapons) or self._has_fatal_word(toks)
        if entry.needs_object:
            return any(t.head == m.start and t.dep in _TARGET_DEPS for t in toks)
        return True

    def _has_fatal_word(self, toks: list[Tok]) -> bool:
        return bool(self.lex.fatality.find(toks))

    def _reject_reason(self, m: Match, toks: list[Tok], s: SentenceInput) -> str | None:
        if s.language == "ar":
            return self._reject_reason_by_window(m, toks, s)
        head = toks[m.start]
        chain = _ancestors(toks, m.start, limit=4)
        # The background test reads the trigger's own head word ("protests" in "violent
        # protests"), a gerund modifying a noun included ("following the shooting deaths").
        core = _head_of(toks, m)
        nominal = toks[core].pos in ("NOUN", "PROPN") or toks[core].dep in ("amod", "compound")
        core_chain = _ancestors(toks, core, limit=4)
        if nominal and self._governed_by(core_chain, self.lex.background, toks):
            return "background"
        if self._negated(m, toks, chain):
            return "negated"
        if self._future(m, toks, chain):
            return "future or hypothetical"
        # Inside an accusation or a justification ("responsible for the attacks", "en
        # soutien à la population massacrée"), a trigger of any part of speech refers to
        # other events; only the clause's own root is exempt.
        embedded = head.dep != "ROOT"
        if embedded and self._governed_by(chain, self.lex.accusation, toks):
            return "accusation"
        if embedded and self._governed_by(chain, self.lex.justification, toks):
            return "justification"
        if self._aggregate(m, toks, s):
            return "aggregate"
        if self.lex.habitual.find(toks):
            return "habitual"
        return None

    def _reject_reason_by_window(self, m: Match, toks: list[Tok], s: SentenceInput) -> str | None:
        """Without a parser (Arabic), each cue governs the words that follow it closely."""
        norms = [fold(t.text) for t in toks]

        def cue_before(table: PhraseTable | frozenset[str], width: int) -> bool:
            lo = max(0, m.start - width)
            if isinstance(table, frozenset):
                return any(toks[i].keys & table for i in range(lo, m.start))
            return any(lo <= c.start < m.start for c in table.find(toks))

        if self._ar_negated(m, toks, norms) and not self.lex.deny.find(toks):
            return "negated"
        # Long Arabic news sentences open with the frame ("اتهم ... بمحاولة ... هجوم"):
        # an accusation or a future/planning cue governs what follows in its sentence.
        if cue_before(self.lex.future, m.start) or self._ar_modal(m, norms):
            return "future or hypothetical"
        if cue_before(self.lex.plans, m.start):
            return "planned"
        if cue_before(self.lex.accusation, m.start):
            return "accusation"
        if cue_before(self.lex.justification, 3):
            return "justification"
        if self._ar_background(m, toks, norms):
            return "background"
        if m.payload.weapon is not None and cue_before(self.lex.possession, POSSESSION_WINDOW):
            return "possession"
        if m.start > 0 and arabic.is_generic_determiner(norms[m.start - 1]):
            return "generic"  # "أي ضربة جوية": any strike, none in particular
        if cue_before(self.lex.aggregate_quantifiers, 1) or self._ar_aggregate(m, toks, norms):
            return "aggregate"
        if self.lex.habitual.find(toks):
            return "habitual"
        return None

    def _ar_anaphoric(self, group: list[Match], toks: list[Tok]) -> bool:
        """Arabic marks a known event with the article: "المظاهرة", "بالهجوم" name an
        event told before, as "cette attaque" does; an indefinite noun or a verb tells
        a new one. Like any anaphor it joins the article's earlier event, or is dropped.

        Two frames make the definite noun the news itself: a light verb ("قام المتظاهرون
        بالاعتصام": did the sit-in) and a claim of responsibility ("أعلنت ... مسؤوليتها
        عن الهجوم"), which asserts the event and names who carried it out."""
        claims = [c.end for c in self.lex.claim.find(toks)]

        def known(m: Match) -> bool:
            before = range(max(0, m.start - 3), m.start)
            light = any(arabic.is_light_verb(fold(toks[i].text)) for i in before)
            claimed = any(m.start - 2 <= end <= m.start for end in claims)
            return arabic.is_definite(fold(toks[m.start].text)) and not light and not claimed

        return all(known(m) for m in group)

    def _ar_negated(self, m: Match, toks: list[Tok], norms: list[str]) -> bool:
        """لم/لن/لا/غير within two words before the trigger; "لا تزال" (still) and
        "غير ان" (however) negate nothing."""
        for i in range(max(0, m.start - 2), m.start):
            if not toks[i].keys & self.lex.negation:
                continue
            nxt = norms[i + 1]
            if arabic.is_continuative(nxt) or arabic.is_complementizer(nxt):
                continue
            return True
        return False

    def _ar_modal(self, m: Match, norms: list[str]) -> bool:
        """Modal قد anywhere before the trigger ("قد يشن"); a future verb (س + imperfect)
        just before it ("ستشن هجوما"); a future verb or possibility word right after a
        nominal trigger ("ضربة محتملة", "ضربات ستستهدف")."""
        if any(norms[k] == "قد" and arabic.modal_qad(norms, k) for k in range(m.start)):
            return True
        if any(arabic.is_future_verb(norms[k]) for k in range(max(0, m.start - 3), m.start)):
            return True
        after = range(m.end, min(len(norms), m.end + 4))
        return any(arabic.is_modal_after(norms, k) for k in after)

    def _ar_background(self, m: Match, toks: list[Tok], norms: list[str]) -> bool:
        """An earlier event told as background: "بعد الهجوم", "اثر التفجير" right before
        the trigger, or a verb opening a relative clause, which describes the word before
        it ("النائب الذي اغتيل عام 2005") or tells how the person it describes died
        ("الذي قتل في تفجير"); an event noun before it is a trigger itself.

        "قتل ثلاثة اثر انفجار سيارة": when the sentence reports casualties before the
        cue, the cue gives the cause of those casualties and the event is told here."""
        cues = [
            c for c in self.lex.background.find(toks) if max(0, m.start - 2) <= c.start < m.start
        ]
        if cues:
            background = {c.end for c in self.lex.background.find(toks)}
            casualties = [
                c
                for c in self.lex.fatality.find(toks) + self.lex.injury.find(toks)
                if c.start < cues[0].start and c.start not in background
            ]
            if not casualties:
                return True
        k = m.start - 1
        if k >= 1 and norms[k] == "قد":
            k -= 1
        if k >= 0 and arabic.is_relative_pronoun(norms[k]):
            return True
        # "جبران تويني الذي قتل في تفجير", "التي قضت في هجوم انتحاري": the attack is how
        # the person the clause describes died, an earlier event.
        for j in range(max(1, m.start - 3), m.start):
            if arabic.is_death_verb(norms[j]) and arabic.is_relative_pronoun(norms[j - 1]):
                return True
        return False

    def _ar_aggregate(self, m: Match, toks: list[Tok], norms: list[str]) -> bool:
        """A period cue near the trigger ("منذ مطلع العام", "حتى الآن") or a rate
        ("بنسبة 38%"): figures over a period. "منذ صباح امس" dates one event."""
        if any(arabic.is_statistic(w) for w in norms):
            return True
        lo, hi = max(0, m.start - 3), m.end + 8
        for c in self.lex.aggregate_periods.find(toks):
            if not lo <= c.start < hi:
                continue
            nxt = norms[c.end] if c.end < len(norms) else ""
            if arabic.is_time_of_day(nxt):
                continue
            return True
        return False

    def _negated(self, m: Match, toks: list[Tok], chain: list[int]) -> bool:
        # The deny verb makes it a denied event, not a non-event.
        if self.lex.deny.find(toks):
            return False
        scope = {m.start, *chain[:2]}
        # "no civilians were killed", "aucun civil n'a été tué": the negation sits on the
        # subject of the trigger.
        subjects = {
            t.i for t in toks if t.head in scope and t.dep in ("nsubj", "nsubj:pass", "nsubjpass")
        }
        scope |= subjects
        return any(t.head in scope and t.i != t.head and t.keys & self.lex.negation for t in toks)

    def _future(self, m: Match, toks: list[Tok], chain: list[int]) -> bool:
        scope = [m.start, *chain[:3]]
        for idx in scope:
            tok = toks[idx]
            if "Tense=Fut" in tok.morph:
                return True
            if _conditional_present(tok, toks):
                return True
            for child in toks:
                if child.head == idx and child.i != idx:
                    if "Tense=Fut" in child.morph and child.pos == "AUX":
                        return True
                    if fold(child.text) in ("si", "if") and child.dep in ("mark",):
                        return True
        for fm in self.lex.future.find(toks):
            cue = toks[fm.start]
            if fm.end - fm.start == 1 and cue.pos == "NOUN" and cue.keys & _MODAL_NOUNS:
                continue  # "le parti au pouvoir", "the will of": a noun, not a modal
            if fm.start in scope or (fm.start < m.start and toks[fm.start].i in chain):
                return True
            # "menace de frapper", "pourrait viser": cue governs the trigger.
            if toks[m.start].head == fm.start or (
                fm.start < m.start <= fm.start + 3 and toks[fm.start].pos in ("VERB", "AUX")
            ):
                return True
            # "would continue", "as long as the strikes continue", "tant que": a cue
            # attached to the trigger or to one of its governors; not a clause of its
            # own under the trigger ("blocked roads to demand reforms": a purpose).
            if any(
                toks[i].head in scope and toks[i].head != i and toks[i].dep not in _CLAUSE_DEPS
                for i in range(fm.start, fm.end)
            ):
                return True
        return False

    def _sentence_future(self, toks: list[Tok]) -> bool:
        return any(
            "Tense=Fut" in t.morph or _conditional_present(t, toks) for t in toks if t.dep == "ROOT"
        )

    def _governed_by(self, chain: list[int], table: PhraseTable, toks: list[Tok]) -> bool:
        """Whether a cue ("responsable de", "in support of") is among the first ancestors;
        any word of a multi-word cue counts, since the parser attaches it by its noun."""
        hits = {i for mm in table.find(toks) for i in range(mm.start, mm.end)}
        return any(idx in hits for idx in chain[:3])

    def _aggregate(self, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
        head = toks[m.start]
        if head.pos not in ("NOUN", "PROPN") or "Number=Plur" not in head.morph:
            return False
        has_day_date = any(d.value is not None and d.precision == "day" for d in s.dates)
        if self.lex.aggregate_periods.find(toks):
            return True
        window = range(max(0, m.start - 4), m.start)
        quant = any(mm.start in window for mm in self.lex.aggregate_quantifiers.find(toks))
        return quant and not has_day_date

    # -- grouping -----------------------------------------------------------
    def _group(self, triggers: list[Match]) -> list[list[Match]]:
        """Triggers of compatible families in one sentence describe one happening."""
        groups: list[list[Match]] = []
        for trig in triggers:
            fam = _entry_family(trig.payload)
            for group in groups:
                fams = {_entry_family(g.payload) for g in group}
                if (
                    fam in fams
                    or "any" in fams
                    or fam == "any"
                    or ({fam} | fams) <= {"remote", "fight"}
                ):
                    group.append(trig)
                    break
            else:
                groups.append([trig])
        return groups

    # -- building -----------------------------------------------------------
    def _build(
        self,
        group: list[Match],
        toks: list[Tok],
        weapons: list[Match],
        s: SentenceInput,
        fatal: tuple[int, Span] | None,
    ) -> list[Candidate]:
        best = max(group, key=lambda m: (m.payload.rank, m.payload.sub is not None))
        entry: TriggerEntry = best.payload
        fams = {_entry_family(m.payload) for m in group}
        if "protest" in fams and "any" in fams and (fatal is not None or weapons):
            # Forces firing on or killing protesters: ACLED's "Excessive force".
            protest = next(m for m in group if _entry_family(m.payload) == "protest")
            entry = entry.model_copy(
                update={"sub": "Excessive force against protesters", "generic": None, "rank": 3}
            )
            best = protest
        trigger_span = (toks[best.start].start, toks[best.end - 1].end)
        cand = Candidate(
            sentence=s,
            trigger=trigger_span,
            sub_event_type=entry.sub,
            generic=entry.generic,
            default_sub=entry.default,
            rank=entry.rank,
            mode=entry.mode,
            weapon=entry.weapon,
        )
        self._weapon(cand, group, toks, weapons)
        self._roles(cand, group, toks, s)
        self._claim(cand, toks, s)
        self._date(cand, s)
        if fatal is not None:
            cand.fatalities, cand.fatalities_span = fatal
        cand.anaphoric = self._anaphoric(best, toks)
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
        if s.language == "ar" and not cand.anaphoric:
            # "الهجوم الذي وقع امس": the date and actors stay with the known event.
            cand.anaphoric = self._ar_anaphoric(group, toks)
        cand.target_civilian = self._civilian_target(group, toks)
        cand.framing = list(s.framing)
        return self._locate(cand, s)

    def _weapon(
        self, cand: Candidate, group: list[Match], toks: list[Tok], weapons: list[Match]
    ) -> None:
        trig_idx = {i for m in group for i in range(m.start, m.end)}
        usable = [
            w
            for w in weapons
            if (not (set(range(w.start, w.end)) <= trig_idx) or cand.generic)
            and not _modifies_other_noun(toks, w, trig_idx)
        ]
        if not usable:
            return
        anchor = group[0].start
        w = min(usable, key=lambda m: abs(m.start - anchor))
        entry: WeaponEntry = w.payload
        fam = family(entry.sub)
        if cand.sub_event_type is None and (cand.generic in ("attack", "remote")):
            if cand.generic == "remote" and fam not in ("remote",):
                pass
            else:
                cand.sub_event_type = entry.sub
                cand.mode = entry.mode
                cand.rank = max(cand.rank, 2)
        if (
            cand.sub_event_type in (None, entry.sub)
            or family(cand.sub_event_type or "") == fam
            or (
                cand.sub_event_type
                and SUB_EVENT_TYPES[cand.sub_event_type].event_type
                in ("Violence against civilians", "Battles")
            )
        ):
            cand.weapon = entry.weapon
            cand.weapon_span = (toks[w.start].start, toks[w.end - 1].end)
            prev = toks[w.start - 1] if w.start > 0 else None
            if prev is not None:
                count = self._number(prev)
                if count is not None and count > 1:
                    cand.weapon_count = count
        if cand.sub_event_type == "Peaceful protest" and entry.sub == "Protest with intervention":
            cand.sub_event_type = "Protest with intervention"

    def _roles(
        self, cand: Candidate, group: list[Match], toks: list[Tok], s: SentenceInput
    ) -> None:
        if not s.actors:
            return
        if s.language == "ar":
            self._roles_arabic(cand, group, toks, s)
            return
        trig_idx = {i for m in group for i in range(m.start, m.end)}
        # Verbal anchors: the trigger, and for a nominal trigger its governing verb.
        anchors = set(trig_idx)
        for i in list(trig_idx):
            if toks[i].pos in ("NOUN", "PROPN") and toks[i].dep in (
                "nsubj",
                "obj",
                "nsubj:pass",
                "ccomp",
            ):
                anchors.add(toks[i].head)
        passive = any(
            "Voice=Pass" in toks[i].morph
            or any(t.head == i and t.dep in ("aux:pass", "auxpass") for t in toks)
            for i in trig_idx
        )
        first_trig = min(trig_idx)
        instrument = [(toks[m.start].start, toks[m.end - 1].end) for m in group]
        if cand.weapon_span:
            instrument.append(cand.weapon_span)
        protest = cand.family == "protest"
        agents: list[tuple[int, ActorRef]] = []
        targets: list[tuple[int, ActorRef]] = []
        owner: ActorRef | None = None
        reporting = {m.start for m in self.lex.report.find(toks)} - anchors
        if any(t.head in anchors and t.dep.startswith("nsubj") and t.pos == "PRON" for t in toks):
            reporting = set()  # "X said it had struck": the teller is the doer (a claim)
        for ref in s.actors:
            tok_i = _token_at(toks, ref.start)
            if tok_i is None:
                continue
            if self._reporter(tok_i, toks, reporting):
                continue  # "U.S. Central Command said", "selon l'armée": who tells it
            role: str | None
            if getattr(ref.payload, "kind", "") == "civilians":
                role = "actor2"  # ACLED: civilians are victims, never the perpetrator
            elif any(ref.start < e and b < ref.end for b, e in instrument):
                # "missiles russes", "frappes américaines": the owner acted; an intercepted
                # weapon ("deux drones ukrainiens" shot down) belongs to the target side.
                role = "actor2" if cand.sub_event_type == "Disrupted weapons use" else "actor1"
                if role == "actor1":
                    owner = ref
            else:
                role = self._syntactic_role(tok_i, toks, anchors, passive)
            if protest and getattr(ref.payload, "kind", "") == "state_forces":
                role = "actor2"  # ACLED: protesters are actor 1, the forces facing them actor 2
            if role is None:
                role = "actor1" if ref.end <= toks[first_trig].start else "actor2"
                # The subject of a passive trigger is its target, wherever it stands.
                if passive and role == "actor1" and not self._after_agent_marker(tok_i, toks):
                    role = "actor2"
            dist = abs(tok_i - first_trig)
            (agents if role == "actor1" else targets).append((dist, ref))
        if owner is not None:
            # "Ukrainian troops fought off a Russian assault": whoever owns the attack
            # attacked; the other agent defended and is the second actor.
            targets.extend((d, r) for d, r in agents if r.actor_id != owner.actor_id)
            agents = [(0, owner)]
        if agents:
            cand.actor1 = min(agents, key=lambda x: x[0])[1]
        if targets:
            ranked = sorted(targets, key=lambda x: x[0])
            for _, ref in ranked:
                if cand.actor1 is None or ref.actor_id != cand.actor1.actor_id:
                    cand.actor2 = ref
                    break

    @staticmethod
    def _reporter(tok_i: int, toks: list[Tok], reporting: set[int]) -> bool:
        """Whether the actor at ``tok_i`` is who reports the event: the subject of a
        reporting verb other than the trigger's, or the object of "according to"."""
        head = tok_i
        for _ in range(3):  # up to the head of the actor's noun phrase
            if toks[head].dep not in ("compound", "flat", "flat:name", "amod", "nmod", "poss"):
                break
            if toks[head].head == head:
                break
            head = toks[head].head
        if toks[head].dep in ("nsubj", "nsubj:pass") and toks[head].head in reporting:
            return True
        if any(t.head == head and t.dep == "case" and t.keys & _REPORT_PREPS for t in toks):
            return True  # "selon l'armée" ("selon" hangs on the noun in UD)
        return any(toks[k].keys & _REPORT_PREPS for k in _ancestors(toks, head, limit=2))

    def _roles_arabic(
        self, cand: Candidate, group: list[Match], toks: list[Tok], s: SentenceInput
    ) -> None:
        """No Arabic parser: word order and prepositions. An actor before the trigger, or
        the first one right after a verb or masdar (idafa), is the agent; one introduced
        by ل / على / ضد is the target."""
        trig_end = toks[max(m.end for m in group) - 1].end
        trig_start = toks[min(m.start for m in group)].start
        for ref in sorted(s.actors, key=lambda a: a.start):
            marker = s.text[max(0, ref.start - s.start - 4) : ref.start - s.start]
            target_marked = bool(re.search(r"(?:^|\s)(?:ل|لل|على|ضد|علي)\s*$", marker)) or (
                s.text[ref.start - s.start : ref.start - s.start + 1] == "ل"
                and not s.text[ref.start - s.start :].startswith("لواء")
            )
            if ref.end <= trig_start and cand.actor1 is None:
                cand.actor1 = ref
            elif ref.start >= trig_end:
                if target_marked or cand.actor1 is not None:
                    if cand.actor2 is None and (
                        cand.actor1 is None or ref.actor_id != cand.actor1.actor_id
                    ):
                        cand.actor2 = ref
                elif cand.actor1 is None:
                    cand.actor1 = ref

    def _syntactic_role(
        self, tok_i: int, toks: list[Tok], anchors: set[int], passive: bool
    ) -> str | None:
        path = [tok_i, *_ancestors(toks, tok_i, limit=6)]
        for k in range(len(path) - 1):
            child, parent = path[k], path[k + 1]
            if parent not in anchors:
                continue
            dep = toks[child].dep
            case = {fold(t.text) for t in toks if t.head == child and t.dep == "case"}
            if case & _REPORT_PREPS:
                return None
            if dep in _AGENT_DEPS:
                if dep == "nsubj" and passive:
                    return "actor2"
                return "actor1"
            if dep in _TARGET_DEPS or case & _TARGET_PREPS:
                return "actor2"
            if (
                dep == "nmod"
                and toks[parent].pos in ("NOUN", "PROPN")
                and case & {"de", "du", "des", "d'", "of"}
            ):
                return "actor1"
            return None
        return None

    def _after_agent_marker(self, tok_i: int, toks: list[Tok]) -> bool:
        return tok_i > 0 and fold(toks[tok_i - 1].text) in ("par", "by")

    def _claim(self, cand: Candidate, toks: list[Tok], s: SentenceInput) -> None:
        lex = self.lex
        deny = lex.deny.find(toks)
        claim = lex.claim.find(toks)
        confirm = lex.confirm.find(toks)
        statement = lex.statement.find(toks)
        report = lex.report.find(toks)

        def subject_actor(cue_start: int) -> ActorRef | None:
            before = [a for a in s.actors if a.end <= toks[cue_start].start]
            return before[-1] if before else None

        if deny:
            d = deny[0]
            who = subject_actor(d.start)
            cand.claim_status, cand.claim_span = "denied", _span(toks, d)
            cand.claim_by = _actor_name(who)
            cand.claim_via = "statement"
            return
        self_claim = self._self_claim(toks)
        if self_claim is not None and not claim:
            claim = [self_claim]
        if claim:
            c = claim[0]
            who = subject_actor(c.start) or cand.actor1
            cand.claim_status, cand.claim_span = "claimed", _span(toks, c)
            cand.claim_by = _actor_name(who)
            cand.claim_via = "statement"
            if (
                cand.actor1 is None
                and who is not None
                and (cand.actor2 is None or who.actor_id != cand.actor2.actor_id)
            ):
                cand.actor1 = who
            return
        quoted = any(q in s.text for q in ("«", "»", "“", '"'))
        if statement and quoted and cand.actor1 is not None:
            st = statement[0]
            cand.claim_status, cand.claim_span = "claimed", _span(toks, st)
            cand.claim_by = _actor_name(cand.actor1)
            cand.claim_via = "statement"
            return
        if confirm:
            c = confirm[0]
            official = lex.official_nouns.find(toks) or subject_actor(c.start) is not None
            if official:
                who = subject_actor(c.start)
                cand.claim_status, cand.claim_span = "confirmed", _span(toks, c)
                cand.claim_by = _actor_name(who)
                cand.claim_via = "official"
                return
        cand.claim_status = "reported"
        if report:
            r = report[0]
            cand.claim_span = _span(toks, r)
            officials = [o for o in lex.official_nouns.find(toks) if abs(o.start - r.start) <= 5]
            if officials and not lex.reporter_nouns.find(toks[r.start : r.start + 6]):
                # "selon le ministère de la Santé", "a indiqué la police": an authority
                # that is not the perpetrator vouches for it.
                cand.claim_status, cand.claim_via = "confirmed", "official"
                near = [a for a in s.actors if abs(a.start - toks[officials[0].start].start) <= 40]
                cand.claim_by = _actor_name(near[0]) if near else None
                if near and cand.actor1 is not None and near[0].actor_id == cand.actor1.actor_id:
                    # An army announcing its own operation claims it; it does not confirm it.
                    cand.claim_status, cand.claim_via = "claimed", "statement"
                return
            cand.claim_via = "media" if lex.reporter_nouns.find(toks) else "report"
        else:
            cand.claim_via = "article" if s.source_kind == "article" else "post"

    def _self_claim(self, toks: list[Tok]) -> Match | None:
        """A claim verb followed, within a few words, by a perfect infinitive."""
        for cv in self.lex.claim_verbs.find(toks):
            for k in range(cv.end, min(len(toks) - 1, cv.end + 5)):
                aux, part = toks[k], toks[k + 1]
                if fold(aux.text) in self.lex.perfect_auxiliaries and (
                    "VerbForm=Part" in part.morph or part.pos == "VERB"
                ):
                    return Match(cv.start, k + 2, "self-claim")
        return None

    def _no_fatalities(self, toks: list[Tok]) -> tuple[int, Span] | None:
        found = self.lex.no_fatalities.find(toks)
        if not found:
            return None
        m = found[0]
        return 0, _span(toks, m)

    def _intervention(
        self, s: SentenceInput, toks: list[Tok], cue: Match, fatal: tuple[int, Span] | None
    ) -> Candidate:
        """An anaphoric "Protest with intervention" mention: the forces are the target side."""
        cand = Candidate(
            sentence=s,
            trigger=_span(toks, cue),
            sub_event_type="Protest with intervention",
            generic=None,
            default_sub=None,
            rank=3,
            mode="demonstrate",
            anaphoric=True,
        )
        forces = [a for a in s.actors if getattr(a.payload, "kind", "") == "state_forces"]
        if forces:
            cand.actor2 = forces[0]
        self._claim(cand, toks, s)
        self._date(cand, s)
        if fatal is not None:
            cand.fatalities, cand.fatalities_span = fatal
        return cand

    def _in_trigger_clause(self, char: int, cand: Candidate, s: SentenceInput) -> bool:
        toks = s.tokens
        tok_i = _token_at(toks, char)
        trig_i = _token_at(toks, cand.trigger[0])
        if tok_i is None or trig_i is None or not toks[tok_i].dep:
            return False
        anchors = _clause_anchors(toks, trig_i)
        return any(a in anchors for a in [tok_i, *_ancestors(toks, tok_i, limit=5)])

    def _date(self, cand: Candidate, s: SentenceInput) -> None:
        valued = [d for d in s.dates if d.value is not None]
        # "The group, founded in 2014, attacked the base on Monday": a year named alone
        # dates the event only when the sentence gives nothing more precise.
        valued = [d for d in valued if d.precision != "year"] or valued
        tods = [d for d in s.dates if d.time_of_day is not None]
        if valued:
            trig_mid = cand.trigger[0]
            in_clause = [e for e in valued if self._in_trigger_clause(e.start, cand, s)]
            # "X said on Tuesday it had struck on Sunday": the event's own clause wins.
            d = min(in_clause or valued, key=lambda e: abs(e.start - trig_mid))
            cand.event_date, cand.date_precision = d.value, d.precision
            cand.date_span = d.span
            cand.time_of_day = d.time_of_day
            if d.time_of_day is not None:
                cand.time_span = d.span
        elif s.source_kind == "embedded_post" and s.published is not None:
            # A post is a real-time report: its date is the event date it supports.
            cand.event_date, cand.date_precision = s.published, "day"
            cand.date_span = s.post_date_span
            cand.date_from_post = True
        if cand.time_of_day is None and tods and valued:
            t = min(tods, key=lambda e: abs(e.start - cand.trigger[0]))
            cand.time_of_day, cand.time_span = t.time_of_day, t.span
        clock = self._clock_time(s)
        if clock is not None and (cand.event_date is not None or not valued):
            # "vers 2 heures du matin" is night: the hour is more precise than "matin".
            cand.time_of_day, cand.time_span = clock

    def _clock_time(self, s: SentenceInput) -> tuple[TimeOfDay, Span] | None:
        """ "vers 22 heures", "à 2 heures du matin": the hour gives the time of day.

        A time written before a colon at the start of a line is a live blog's
        timestamp (when it was posted), not when it happened, and is skipped.
        """
        toks = s.tokens
        for k, tok in enumerate(toks[1:], start=1):
            prev = toks[k - 1]
            if not (fold(tok.text) in self.lex.hour_markers and _NUM.match(prev.text)):
                continue
            if k >= 2 and fold(toks[k - 2].text) not in (
                "a",
                "à",
                "vers",
                "at",
                "around",
                "about",
                "des",
                "dès",
            ):
                continue
            hour = int(prev.text)
            nxt = fold(toks[k + 1].text) if k + 1 < len(toks) else ""
            if nxt in ("pm", "p.m.") and hour < 12:
                hour += 12
            if hour > 23:
                continue
            tod: TimeOfDay = (
                "night"
                if hour <= 4 or hour >= 22
                else "dawn"
                if hour <= 6
                else "morning"
                if hour <= 11
                else "afternoon"
                if hour <= 17
                else "evening"
            )
            return tod, (prev.start, tok.end)
        return None

    def _anaphoric(self, m: Match, toks: list[Tok]) -> bool:
        head = toks[m.start]
        if head.pos in ("NOUN", "PROPN"):
            # "X a revendiqué l'attaque", "la police a confirmé l'enlèvement": the noun
            # names an event told before; it adds attribution, not a new event.
            cues = {
                c.start
                for table in (self.lex.claim, self.lex.confirm, self.lex.deny)
                for c in table.find(toks)
            }
            if any(i in cues for i in _ancestors(toks, m.start, limit=2)):
                return True
        for t in toks:
            if (
                t.head == m.start
                and t.i != m.start
                and t.dep in ("det", "")  # "that attack", not "said that rebels attacked"
                and fold(t.text) in ("cette", "cet", "ce", "this", "that", "هذا", "هذه")
            ):
                return True
        return m.start > 0 and fold(toks[m.start - 1].text) in ("cette", "cet", "this")

    def _civilian_target(self, group: list[Match], toks: list[Tok]) -> bool:
        """Civilians are the target when a civilian noun is the victim, not a modifier:
        "ont enlevé des voyageurs", "tuant trois civils", but not "le camp de réfugiés"."""
        for c in self.lex.civilian.find(toks):
            tok = toks[c.start]
            if c.start <= group[0].start:
                continue
            head = toks[tok.head]
            counted = fold(head.lemma) in self.lex.vague_numbers or bool(
                self.lex.aggregate_quantifiers.find([head])
            )
            if tok.dep == "nmod" and head.pos in ("NOUN", "PROPN") and not counted:
                continue  # a noun modifying another noun: "camp de réfugiés"
            if any(
                t.head == tok.i and t.dep == "case" and t.keys & _REPORT_PREPS for t in toks
            ) or (c.start > 0 and toks[c.start - 1].keys & _REPORT_PREPS):
                continue  # "selon des habitants": witnesses, not victims
            return True
        return False

    # -- places -------------------------------------------------------------
    def _locate(self, cand: Candidate, s: SentenceInput) -> list[Candidate]:
        actor_spans = [(a.start, a.end) for a in s.actors]
        places = [
            p
            for p in s.places
            if not any(p.start < e and p.end > b for b, e in actor_spans)
            and not self._in_justification(p, s)
        ]
        if not places:
            return [cand]
        # "Indian sailors", "un missile russe": a people's adjective says whose, not
        # where; it places the event only when the sentence names no place at all.
        named = [p for p in places if not p.demonym]
        places = named or places
        clusters = _place_clusters(places, s)
        reps = [min(c, key=_specificity) for c in clusters]
        attached = [self._attachment(r, cand, s) for r in reps]
        # Two specific places in different countries/provinces joined by a coordination
        # are two events (ACLED: one event per location and day).
        specific = [
            r
            for r, a in zip(reps, attached, strict=True)
            if r.precision <= 2 and r.feature not in ("country", "admin1", "region") and a == 0
        ]
        if len(specific) >= 2 and self._coordinated(specific, s):
            out: list[Candidate] = []
            for rep in specific:
                clone = _clone(cand)
                clone.place = rep
                out.append(clone)
            return out
        best = min(
            range(len(reps)),
            key=lambda k: (attached[k], _specificity(reps[k]), self._source_side(reps[k], s)),
        )
        cand.place = reps[best]
        return [cand]

    def _attachment(self, place: PlaceRef, cand: Candidate, s: SentenceInput) -> int:
        """How closely the place hangs on the trigger: 0 in the trigger's own clause
        ("ont pris le contrôle de Goma", "struck a market in Kharkiv"), 1 elsewhere in the
        sentence ("selon la préfecture de Mopti", a dateline, "Washington said").
        Arabic has no parse here: every place is as close (0), and specificity decides.
        """
        toks = s.tokens
        trig_i = _token_at(toks, cand.trigger[0])
        place_i = _token_at(toks, place.start)
        if s.language == "ar" or trig_i is None or place_i is None:
            return 0
        anchors = _clause_anchors(toks, trig_i)
        for k in [place_i, *_ancestors(toks, place_i, limit=6)]:
            if k in anchors:
                return 0
            tok = toks[k]
            nominal_list = tok.dep == "conj" and tok.pos in ("NOUN", "PROPN")
            clause = tok.dep in _CLAUSE_DEPS and not nominal_list
            if clause or tok.keys & _REPORT_PREPS or tok.dep == "parataxis":
                return 1  # another clause, or who reports it ("according to X")
        return 1

    def _in_justification(self, place: PlaceRef, s: SentenceInput) -> bool:
        """A place inside "en soutien à la population de Gaza" is not where it happened."""
        tok_i = _token_at(s.tokens, place.start)
        if tok_i is None:
            return False
        chain = _ancestors(s.tokens, tok_i, limit=5)
        return self._governed_by(chain, self.lex.justification, s.tokens) or self._governed_by(
            chain, self.lex.accusation, s.tokens
        )

    def _coordinated(self, reps: list[PlaceRef], s: SentenceInput) -> bool:
        ordered = sorted(reps, key=lambda r: r.start)
        for a, b in itertools.pairwise(ordered):
            between = fold(s.text[a.end - s.start : b.start - s.start])
            # A list of places ("à Dakar et à Ziguinchor", "la base de X en Syrie, ainsi
            # que celle de Y"), not two places a clause apart ("X a connu des émeutes
            # contre une réforme examinée à Y"): no verb between them, and close.
            verb_between = any(
                a.end <= t.start < b.start and t.pos in ("VERB", "AUX") for t in s.tokens
            )
            if verb_between or len(between) > _LIST_GAP_CHARS:
                continue
            coordinated = re.search(r"\b(ainsi que|et|and|as well as|ou|و)\b|,", between)
            if coordinated and (a.iso3 != b.iso3 or a.admin1 != b.admin1):
                return True
        return False

    def _source_side(self, place: PlaceRef, s: SentenceInput) -> int:
        before = fold(s.text[max(0, place.start - s.start - 12) : place.start - s.start])
        return 1 if re.search(r"\b(depuis|from|من)\b", before) else 0

    # -- numbers ------------------------------------------------------------
    def _number(self, tok: Tok) -> int | None:
        raw = tok.text.replace("\u202f", "").replace(" ", "")
        if _NUM.match(raw):
            return int(raw)
        return self.lex.vague_numbers.get(fold(tok.text))

    def _fatalities(self, toks: list[Tok]) -> tuple[int, Span] | None:
        """Lowest stated death toll in the sentence (ACLED: the lowest reported figure)."""
        best: tuple[int, Span] | None = None
        for fm in self.lex.fatality.find(toks):
            kw = toks[fm.start]
            if kw.keys & self.lex.toll_nouns:  # "un bilan de 3 morts", "حصيلة"
                window = range(fm.end, min(len(toks), fm.end + 6))
            else:
                window = range(max(0, fm.start - 4), min(len(toks), fm.end + 4))
            # "Quatre habitants, dont deux enfants, ont été tués": the number of a noun
            # that hangs on the verb counts however far an apposition pushes it.
            subject_numbers = [
                t.i
                for t in toks
                if t.i < fm.start - 4
                and t.head != t.i
                and t.head < fm.start
                and toks[t.head].head == fm.start
                and toks[t.head].pos in ("NOUN", "PROPN")
            ]
            for i in [*subject_numbers, *window]:
                tok = toks[i]
                n = self._number(tok)
                if n is None or (fold(tok.text) in ("un", "une", "a", "an") and i != fm.start - 1):
                    continue
                # A part of the dead is not the toll: "two of those killed", "dont trois
                # enfants", "including five soldiers", "بينهم ثلاثة".
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                prev = toks[i - 1] if i > 0 else None
                if (nxt is not None and fold(nxt.text) in _PARTITIVE_AFTER) or (
                    prev is not None and prev.keys & _PARTITIVE_BEFORE
                ):
                    continue
                # The number must count the dead, not the wounded next to it.
                if nxt is not None and self.lex.injury.find([nxt]):
                    continue
                if i > fm.start and not (kw.keys & self.lex.number_follows):
                    continue
                span = (toks[min(i, fm.start)].start, toks[max(i, fm.end - 1)].end)
                if best is None or n < best[0]:
                    best = (n, span)
        return best

    def _fatality_only(self, s: SentenceInput, fatal: tuple[int, Span]) -> Candidate:
        cand = Candidate(
            sentence=s,
            trigger=fatal[1],
            sub_event_type=None,
            generic="attack",
            default_sub=None,
            rank=-1,
            mode=None,
            anaphoric=True,
        )
        cand.fatalities, cand.fatalities_span = fatal
        self._date(cand, s)
        return cand


# ---------------------------------------------------------------------------
# Statements: readings and argument structure

# Acts of saying: at equal depth they govern the act they speak of.
_SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE"})
# Negated, these are refusals (CAMEO 12 "decline to yield", PLOVER REJECT).
_YIELDING = frozenset({"AGREE", "CONCEDE"})
# Announced for the future, a cooperative act is a promise (PLOVER AGREE: "express intent
# to cooperate, to provide aid, to yield, to meet") ...
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# ... a coercive one a threat ("would blockade Paris"); a sanction announced is the
# sanction, unless conditioned on the target ("may halt mediation if ...").
_THREATENING = frozenset({"COERCE", "ASSAULT", "PROTEST"})
_HOSTILE = _THREATENING | {"SANCTION"}
_THREAT_MODES: Final = MappingProxyType(
    {"SANCTION": "relations", "COERCE": "restrict", "PROTEST": "relations", "ASSAULT": "violence"}
)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A statement entry read in its clause: the PLOVER type it has there."""

    match: Match
    head: int  # the syntactic head of the matched words
    plover: str
    mode: str | None


# Words between a possession cue and the weapon it governs: "ضبط 22 قذيفة هاون",
# "عثرت القوة على سيارة مفخخة".
POSSESSION_WINDOW = 4


def _as_said(m: Match, toks: list[Tok]) -> _Reading:
    return _Reading(m, _head_of(toks, m), m.payload.plover, m.payload.mode)


def _constraints(entry: StatementEntry) -> int:
    return int(entry.objects is not None) + int(entry.subjects is not None)


def _head_of(toks: list[Tok], m: Match) -> int:
    """The word of a match whose head lies outside it ("aid" in "humanitarian aid")."""
    for i in range(m.start, m.end):
        h = toks[i].head
        if h == i or not m.start <= h < m.end:
            return i
    return m.start


_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "attr", "oprd"})


def _objects(toks: list[Tok], head: int) -> list[int]:
    """What a verb acts on (its object, a passive subject) or what a noun names the act
    on ("withdrawal of troops", "troop withdrawal"); through coordination and measure
    nouns ("700 kg of medicine", "a mission of observers")."""
    direct = [t.i for t in toks if t.head == head and t.i != head and t.dep in _OBJECT_DEPS]
    if toks[head].pos in ("NOUN", "PROPN"):
        direct += [t.i for t in toks if t.head == head and t.i != head and t.dep == "compound"]
        direct += _of_complements(toks, head)
    out: list[int] = []
    for i in direct:
        out.append(i)
        out += [t.i for t in toks if t.head == i and t.i != i and t.dep == "conj"]
        out += _of_complements(toks, i)
    return out


def _of_complements(toks: list[Tok], i: int) -> list[int]:
    preps = [t.i for t in toks if t.head == i and t.i != i and t.dep == "prep" and "of" in t.keys]
    return [t.i for t in toks if t.head in preps and t.dep == "pobj"]


def _subjects(toks: list[Tok], head: int) -> list[int]:
    """The active subject; a coordinated verb shares its first verb's."""
    found = [t.i for t in toks if t.head == head and t.i != head and t.dep == "nsubj"]
    if not found and toks[head].dep == "conj" and toks[head].head != head:
        return _subjects(toks, toks[head].head)
    # "a first group of peacekeepers arrived": the measure noun's complement too.
    return found + [c for i in found for c in _of_complements(toks, i)]


# ---------------------------------------------------------------------------


def _modifies_other_noun(toks: list[Tok], w: Match, trig_idx: set[int]) -> bool:
    """A weapon noun completing another noun ("sites de lancement de missiles") names
    the target, not the instrument; "frappe de drone" (completing the trigger) is kept."""
    tok = toks[w.start]
    return tok.dep == "nmod" and tok.head not in trig_idx and toks[tok.head].pos == "NOUN"


def _entry_family(entry: TriggerEntry) -> str:
    if entry.sub:
        return family(entry.sub)
    return "remote" if entry.generic == "remote" else "any"


def _ancestors(toks: list[Tok], i: int, *, limit: int) -> list[int]:
    out: list[int] = []
    cur = i
    for _ in range(limit):
        h = toks[cur].head
        if h == cur or h < 0 or h >= len(toks):
            break
        out.append(h)
        cur = h
    return out


def _token_at(toks: list[Tok], char: int) -> int | None:
    for t in toks:
        if t.start <= char < t.end:
            return t.i
    for t in toks:
        if t.start >= char:
            return t.i
    return None


def _span(toks: list[Tok], m: Match) -> Span:
    return (toks[m.start].start, toks[m.end - 1].end)


def _actor_name(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return str(getattr(ref.payload, "name", None) or ref.actor_id)


_COND_ENDINGS = ("rait", "raient", "rais", "rions", "riez")


def _conditional_present(tok: Tok, toks: list[Tok]) -> bool:
    """French conditional present (hypothetical); "aurait visé" (reported past) is not."""
    low = fold(tok.text)
    if not low.endswith(_COND_ENDINGS) or tok.pos not in ("VERB", "AUX"):
        return False
    if fold(tok.lemma) in ("avoir", "etre"):
        # Auxiliary of a compound conditional: reported past, not hypothetical.
        return not any(
            t.head == tok.head and "VerbForm=Part" in t.morph for t in toks if t.i != tok.i
        )
    return True


def _clause_anchors(toks: list[Tok], trig_i: int) -> set[int]:
    """The tokens that head the trigger's clause: the trigger, and for a nominal trigger
    the verb it hangs on ("launched an attack on X")."""
    anchors = {trig_i}
    if toks[trig_i].pos in ("NOUN", "PROPN"):
        anchors.add(toks[trig_i].head)
    return anchors


def _specificity(p: PlaceRef) -> tuple[int, int]:
    order = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
    return (p.precision, order.get(p.feature, 3))


_CONTAINMENT = re.compile(
    r"^\s*(?:,\s*)?"
    r"(?:à|a|au|aux|en|dans|près de|pres de|in|near|at|of|de|du|d'|في|ب|قرب|,)\s*"
    r"(?:la |le |l'|les |the )?"
    r"(?:(?:ville|province|région|region|gouvernorat|district|city|governorate|محافظة|مدينة)"
    r"\s+(?:de |d'|of )?)?$",
    re.IGNORECASE,
)


def _place_clusters(places: Sequence[PlaceRef], s: SentenceInput) -> list[list[PlaceRef]]:
    """Group places that name one location ("Harir à Erbil, dans le nord de l'Irak")."""
    clusters: list[list[PlaceRef]] = []
    for p in sorted(places, key=lambda x: x.start):
        if clusters:
            last = clusters[-1][-1]
            between = s.text[last.end - s.start : p.start - s.start].replace("’", "'")
            if last.iso3 == p.iso3 and _CONTAINMENT.match(between):
                clusters[-1].append(p)
                continue
        for c in clusters:
            if any(_nested(p, q) for q in c):
                c.append(p)
                break
        else:
            clusters.append([p])
    return clusters


def _nested(a: PlaceRef, b: PlaceRef) -> bool:
    """One place contains or equals the other (same country, compatible province)."""
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    if a.iso3 is None or b.iso3 is None or a.iso3 != b.iso3:
        return False
    broad = {"country", "region"}
    if a.feature in broad or b.feature in broad:
        return True
    if a.feature == "admin1" or b.feature == "admin1":
        return a.admin1 is None or b.admin1 is None or fold(a.admin1) == fold(b.admin1)
    return False


def _clone(c: Candidate) -> Candidate:
    return Candidate(**{f: getattr(c, f) for f in c.__dataclass_fields__})
