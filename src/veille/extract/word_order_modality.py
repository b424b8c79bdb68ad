"""Modality without a parser (Arabic): each cue governs the words that follow it
closely (``WordOrderModality``; the parsed languages' reading is
``veille.extract.modality.ParsedModality``, ``modality_for`` picks one)."""

from __future__ import annotations

import re

from veille.extract.aims import taking_as_aim
from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon, Match, PhraseTable, Tok, fold
from veille.extract.numbers import read_number
from veille.extract.rejection import (
    CHARACTERISATION_WINDOW,
    POSSESSION_WINDOW,
    Rejection,
    judicial,
)
from veille.extract.tallies import (
    MANY,
    date_ranges,
    few_at_a_place,
    habitual,
    names_a_day,
    of_a_war,
    opens_days,
    repeated,
)
from veille.extract.taxonomy import family
from veille.nlp import arabic

#: Words from an Arabic claim verb to the relative pronoun on the act it claims (the
#: claimant's name and the act's noun: «تبنت حركة X الهجوم الذي»).
_CLAIMED_REACH = 6
#: A year written out ("2023"): the start of a period after "منذ".
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


class WordOrderModality:
    """Without a parser (Arabic), each cue governs the words that follow it closely."""

    __slots__ = ("lex",)

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def reject_reason(self, m: Match, toks: list[Tok], s: SentenceInput) -> Rejection | None:
        norms = [fold(t.text) for t in toks]

        def cue_before(table: PhraseTable | frozenset[str], width: int) -> bool:
            lo = max(0, m.start - width)
            if isinstance(table, frozenset):
                return any(toks[i].keys & table for i in range(lo, m.start))
            return any(lo <= c.start < m.start for c in table.find(toks))

        if judicial(self.lex, m, toks):
            return "judicial"
        if self.negated(m, toks, norms) and not self.lex.deny.find(toks):
            return "negated"
        # Long Arabic news sentences open with the frame ("اتهم ... بمحاولة ... هجوم"):
        # an accusation or a future/planning cue governs what follows in its sentence.
        if cue_before(self.lex.future, m.start) or self.modal(m, toks, norms, s):
            return "future or hypothetical"
        if cue_before(self.lex.plans, m.start):
            return "planned"
        attempts = self.lex.noun_classes.get("attempt_verbs", frozenset())
        if m.payload.sub and family(m.payload.sub) == "territory" and cue_before(attempts, 2):
            return "planned"  # «المتمردين الذين يحاولون السيطرة على X»: an attempt
        if taking_as_aim(m, toks):
            return "planned"  # «هجوما للسيطرة على X»: the attack's aim
        if cue_before(self.lex.accusation, m.start):
            return "accusation"
        if cue_before(self.lex.justification, 3):
            return "justification"
        if cue_before(self.lex.characterisation, CHARACTERISATION_WINDOW):
            return "characterisation"
        if self.background(m, toks, norms, s):
            return "background"
        earlier = self.lex.noun_classes.get("earlier_acts", frozenset())
        if m.end < len(toks) and toks[m.end].keys & earlier:
            return "background"  # «الهجمات السابقة»: the adjective follows its noun
        if m.payload.weapon is not None and cue_before(self.lex.possession, POSSESSION_WINDOW):
            return "possession"
        if m.start > 0 and arabic.is_generic_determiner(norms[m.start - 1]):
            return "generic"  # "أي ضربة جوية": any strike, none in particular
        if (
            any(
                m.start - 1 <= c.start < m.start and not few_at_a_place(toks, c, s)
                for c in self.lex.aggregate_quantifiers.find(toks)
            )
            or self.aggregate(m, toks, norms, s)
            or repeated(self.lex, m, toks)
        ):
            return "aggregate"
        if habitual(self.lex, m, toks, s):
            return "habitual"
        return None

    def negated(self, m: Match, toks: list[Tok], norms: list[str]) -> bool:
        """لم/لن/لا/غير within two words before the trigger; "لا تزال" (still) and
        "غير ان" (however) negate nothing, nor does a word of a weapon's name ("طائرة
        بدون طيار", a drone: a plane without a pilot)."""
        named: set[int] | None = None  # the words of weapons' names, read if needed
        for i in range(max(0, m.start - 2), m.start):
            if not toks[i].keys & self.lex.negation:
                continue
            if named is None:
                named = {k for w in self.lex.weapons.find(toks) for k in range(w.start, w.end)}
            if i in named:
                continue
            nxt = norms[i + 1]
            if arabic.is_continuative(nxt) or arabic.is_complementizer(nxt):
                continue
            return True
        return False

    def modal(self, m: Match, toks: list[Tok], norms: list[str], s: SentenceInput) -> bool:
        """Modal قد anywhere before the trigger ("قد يشن"); a future verb (س + imperfect)
        just before it ("ستشن هجوما"); a future verb or possibility word right after a
        nominal trigger ("ضربة محتملة", "ضربات ستستهدف"). A place's name, or any word
        a preposition governs, is no verb whatever its letters («قرب سنجار», «في سنار»:
        س then an imperfect's prefix)."""
        if any(norms[k] == "قد" and arabic.modal_qad(norms, k) for k in range(m.start)):
            return True

        def a_verb(k: int) -> bool:  # asked only of a word spelt like a future verb
            named = any(p.start <= toks[k].start < p.end for p in s.places)
            return not named and not (k > 0 and arabic.governs_a_noun(norms[k - 1]))

        before = range(max(0, m.start - 3), m.start)
        if any(arabic.is_future_verb(norms[k]) and a_verb(k) for k in before):
            return True
        after = range(m.end, min(len(norms), m.end + 4))
        return any(arabic.is_modal_after(norms, k) and a_verb(k) for k in after)

    def background(self, m: Match, toks: list[Tok], norms: list[str], s: SentenceInput) -> bool:
        """An earlier event told as background: "بعد الهجوم", "اثر التفجير" right before
        the trigger (not past a span of time, «بعد ساعات», nor past another trigger: noun
        class ``time_spans``), or a verb opening a relative clause, which describes the
        word before it ("النائب الذي اغتيل عام 2005") or tells how the person it
        describes died ("الذي قتل في تفجير"); an event noun before it is a trigger
        itself.

        "قتل ثلاثة اثر انفجار سيارة": when the sentence reports casualties before the
        cue, the cue gives the cause of those casualties and the event is told here."""
        spans = self.lex.noun_classes.get("time_spans", frozenset())
        reach = 2
        # «بعد (ثلاثة) أسابيع من غارات», «... من تفجير سيارة مفخخة»: the span of time,
        # «من», then the act (or the masdar before it).
        own_day = any(d.precision == "day" and d.start >= toks[m.start].start for d in s.dates)
        for gap in (1, 2):
            k = m.start - gap
            if k >= 2 and norms[k] == "من" and toks[k - 1].keys & spans and not own_day:
                # (an act with its own day after it is coded: «... من تفجيرين في 3 يناير»)
                reach = gap + 3
                break
        cues = [
            c
            for c in self.lex.background.find(toks)
            if max(0, m.start - reach) <= c.start < m.start
        ]
        if any(c.end < m.start for c in cues):
            # «وبعد ساعات هاجم»: after a span of time, the act is told, not recalled;
            # «بعد الهجوم قصفت»: the cue governs the event noun after it, not this verb.
            starts = {t.start for t in self.lex.triggers.find(toks)}

            def told_after_a_span(c: Match) -> bool:
                between = range(c.end, m.start)
                if any(k in starts for k in between):
                    return True
                if "من" in norms[max(0, m.start - 2) : m.start]:
                    return False  # «بعد أسابيع من غارات»: weeks after the strikes
                return any(toks[k].keys & spans for k in between)

            cues = [c for c in cues if not told_after_a_span(c)]
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
            # «تبنت الحركة الهجوم الذي استهدف ...»: the clause describes the act a claim
            # verb has for object, the act claimed, told here.
            return not any(k - _CLAIMED_REACH <= c.end < k for c in self.lex.claim.find(toks))
        # "النائب الذي قتل في تفجير", "التي قضت في هجوم": the attack is how
        # the person the clause describes died, an earlier event.
        for j in range(max(1, m.start - 3), m.start):
            if arabic.is_death_verb(norms[j]) and arabic.is_relative_pronoun(norms[j - 1]):
                return True
        return False

    def aggregate(self, m: Match, toks: list[Tok], norms: list[str], s: SentenceInput) -> bool:
        """A period cue near the trigger ("منذ مطلع العام", "حتى الآن") or a rate
        ("بنسبة 38%"): figures over a period. "منذ صباح امس" dates one event, and so
        does a count of days back the cue opens («منذ ثلاثة أيام»: three days ago)."""
        if any(arabic.is_statistic(w) for w in norms):
            return True
        if m.payload.weak and of_a_war(self.lex, toks) and not names_a_day(self.lex, toks, s):
            return True  # «قتلوا في الحرب»: the war's dead
        if m.payload.weak and date_ranges(toks, s):
            return True  # «بين 1 يناير و22 مارس»: over months
        if any(opens_days(d, toks, s) for d in s.dates) and any(
            (n := read_number(self.lex, toks[k])) is not None and n >= MANY
            for k in range(max(0, m.start - 3), m.start)
        ):
            return True  # «وثق أكثر من 300 ضربة منذ الأحد»: acts counted over days
        lo, hi = max(0, m.start - 3), m.end + 8
        # "يشهد السودان منذ أبريل 2023 حربا ... أسفرت عن مقتل": a period opened by a
        # month or a year before the trigger, with no day named, frames all it tells.
        dated_by_day = any(d.precision == "day" for d in s.dates)
        for c in self.lex.aggregate_periods.find(toks):
            opens_period = any(
                _YEAR.match(norms[k]) for k in range(c.end, min(len(norms), c.end + 2))
            )
            if opens_period and not dated_by_day and c.start < m.start:
                return True
            if not lo <= c.start < hi:
                continue
            nxt = norms[c.end] if c.end < len(norms) else ""
            if arabic.is_time_of_day(nxt):
                continue
            if any(
                d.precision == "day" and d.start <= toks[c.start].start < d.end for d in s.dates
            ):
                continue  # «منذ ثلاثة أيام», «منذ يومين»: a day back, "ago", no period
            return True
        return False
