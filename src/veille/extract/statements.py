"""Statements: the non-violent PLOVER records of a sentence (threats, accusations,
demands, agreements, refusals...), read from statement verbs and nouns with the argument
structure that tells their readings apart, and from violence spoken of but not done.

Statement words live in the language's lexicon (``statements``, ``noun_classes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from veille.extract.candidate import SentenceInput, StatementCandidate
from veille.extract.lexicon import Lexicon, Match, StatementEntry, Tok, fold
from veille.extract.lexicon import longest_non_overlapping as _lno
from veille.extract.modality import ParsedModality, modality_for
from veille.extract.syntax import ancestors, head_of, span
from veille.extract.taxonomy import SUB_EVENT_TYPES

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


class StatementReader:
    """Reads the statement of one analysed sentence, if it has one."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._parsed = ParsedModality(lex)

    def read(self, s: SentenceInput) -> list[StatementCandidate]:
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
                len(ancestors(toks, r.head, limit=8)),
                r.plover not in _SPEECH_ACTS,
                r.match.start,
            ),
        )
        trigger = span(toks, best.match)
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
        head = head_of(toks, m)
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
        head = head_of(toks, m)
        chain = ancestors(toks, head, limit=4)
        plover, mode = entry.plover, entry.mode
        if self._parsed.negated(Match(head, head + 1, entry), toks, chain):
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
            reason = modality_for(self.lex, s.language).reject_reason(m, toks, s)
            if reason == "future or hypothetical":
                out.append(
                    Match(m.start, m.end, StatementEntry(p="", plover="THREATEN", mode="violence"))
                )
            elif reason == "accusation":
                out.append(
                    Match(m.start, m.end, StatementEntry(p="", plover="ACCUSE", mode="allege"))
                )
        return out


def _as_said(m: Match, toks: list[Tok]) -> _Reading:
    return _Reading(m, head_of(toks, m), m.payload.plover, m.payload.mode)


def _constraints(entry: StatementEntry) -> int:
    return int(entry.objects is not None) + int(entry.subjects is not None)


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
