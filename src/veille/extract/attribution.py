"""Attribution: who vouches for an event and how. A denial, a claim of responsibility
(an actor's own account, "affirme avoir abattu"), a confirmation by an authority, or a
plain report by the media, the article or a post."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from veille.extract.candidate import ActorRef, SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import SUBJECT_DEPS, has_object, span, subject_of, token_at
from veille.lang.loader import closed_words
from veille.model import ClaimStatus, Event, Mention, Span
from veille.nlp import arabic


@dataclass(frozen=True, slots=True)
class Attribution:
    status: ClaimStatus = "reported"
    by: str | None = None  # the name of who claims, confirms or denies
    via: str | None = None  # statement | official | media | report | article | post
    span: Span | None = None
    # Who claims it did it, for an event whose roles named no agent: its actor 1.
    agent: ActorRef | None = None
    # Who the teller accuses of it ("accusing the army of the attack"): the alleged
    # doer, never its target nor a voucher.
    accused: ActorRef | None = None


#: Characters between an official noun and the actor that names that authority ("le
#: ministère malien de la Défense", "وزارة الصحة الفلسطينية"); farther, an actor is one
#: the report is about ("a indiqué le ministère ... 12 tués dans un raid israélien").
_OFFICIAL_REACH = 20


def _an_earlier_denial(toks: list[Tok], d: Match) -> bool:
    """An adverb of an earlier time or of a habit (``earlier_adverbs``) stands within
    ``_EARLIER_REACH`` words of the verb of denial ("has previously denied", «a
    toujours nié», «نفى مرارا»): it denies no act of this report."""
    earlier = closed_words("earlier_adverbs")
    lo, hi = max(0, d.start - _EARLIER_REACH), min(len(toks), d.end + _EARLIER_REACH)
    return any(toks[k].keys & earlier for k in range(lo, hi))


#: Words around a verb of denial within which an adverb puts it earlier.
_EARLIER_REACH = 2

#: Words after an Arabic verb of claim or denial within which its subject stands.
_AR_SUBJECT_REACH = 4


def attribute(
    lex: Lexicon,
    toks: list[Tok],
    s: SentenceInput,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
) -> Attribution:
    """How the sentence attributes the event whose roles are ``actor1``/``actor2``."""
    # "has previously denied targeting civilians": a denial of the past or a habit
    deny = [d for d in lex.deny.find(toks) if not _an_earlier_denial(toks, d)]
    # "No group has claimed the attack", «لم تعلن أي جهة مسؤوليتها»: no claim
    claim = [c for c in lex.claim.find(toks) if not _negated_cue(lex, toks, c)]
    if s.side is not None:
        # «أعلنت الجماعة استهداف سفينة، فيما شنت طائرات ... غارات»: a claim told before
        # a contrast claims the act on its own side only.
        claim = [c for c in claim if toks[c.start].start >= s.side[0]]
    confirm = lex.confirm.find(toks)
    statement = lex.statement.find(toks)
    report = lex.report.find(toks)

    def subject_actor(cue_start: int) -> ActorRef | None:
        if s.language == "ar":
            # Verb-subject order: "أعلن تنظيم ... مسؤوليته" names the claimant after the verb.
            reach = _ar_subject_reach(toks, cue_start)
            after = [a for a in s.actors if toks[cue_start].end <= a.start < reach]
            if after:
                return after[0]
        before = [a for a in s.actors if a.end <= toks[cue_start].start]
        # «Les miliciens de X, soutenus par des troupes Y, ont affirmé avoir pris ...»:
        # the cue verb's own subject claims, not the nearest name before it.
        subjects = [a for a in before if subject_of(toks, a.start, cue_start)]
        if subjects:
            return subjects[-1]
        # "..., a annoncé l'état-major", "..., said the army": the subject after its verb.
        inverted = [
            a
            for a in s.actors
            if a.start >= toks[cue_start].end and subject_of(toks, a.start, cue_start)
        ]
        if inverted:
            return inverted[0]
        return before[-1] if before else None

    if deny:
        d = deny[0]
        who = subject_actor(d.start)
        return Attribution("denied", actor_name(who), "statement", span(toks, d))
    found = self_claim(lex, toks)
    if found is not None and not claim:
        claim = [found]
    if claim:
        c = claim[0]
        who = subject_actor(c.start) or actor1
        agent = None
        if (
            actor1 is None
            and who is not None
            and (actor2 is None or who.actor_id != actor2.actor_id)
        ):
            agent = who
        return Attribution("claimed", actor_name(who), "statement", span(toks, c), agent)
    quoted = any(q in s.text for q in ("«", "»", "“", '"'))
    if statement and quoted and actor1 is not None:
        return Attribution("claimed", actor_name(actor1), "statement", span(toks, statement[0]))
    if confirm:
        c = confirm[0]
        official = lex.official_nouns.find(toks) or subject_actor(c.start) is not None
        if official:
            who = subject_actor(c.start)
            return Attribution("confirmed", actor_name(who), "official", span(toks, c))
    if report:
        r = report[0]
        where = span(toks, r)
        officials = [o for o in lex.official_nouns.find(toks) if abs(o.start - r.start) <= 5]
        tellers = [t.i for t in toks if t.head == r.start and t.dep in SUBJECT_DEPS]
        if tellers and not any(o.start <= k < o.end for o in officials for k in tellers):
            # "... after government troops withdrew, residents said": the verb's own
            # subject tells it, and it is no authority.
            officials = []
        if officials and not lex.reporter_nouns.find(toks[r.start : r.start + 6]):
            # "selon le ministère de la Santé", "a indiqué la police": an authority
            # that is not the perpetrator vouches for it.
            office_at = toks[officials[0].start].start
            verb_at = toks[r.start].start
            near = [
                a
                for a in s.actors
                if abs(a.start - office_at) <= _OFFICIAL_REACH
                # "Ukraine's health ministry said Russian missiles ...": an actor across
                # the telling verb from the authority is what it tells of.
                and (a.start < verb_at) == (office_at < verb_at)
            ]
            by = actor_name(near[0]) if near else None
            if near and actor1 is not None and near[0].actor_id == actor1.actor_id:
                # An army announcing its own operation claims it; it does not confirm it.
                return Attribution("claimed", by, "statement", where)
            office = range(officials[0].start, officials[0].end)
            states = [
                r
                for r in (*s.state_names, *s.state_adjectives)
                if (k := token_at(toks, r.start)) is not None and toks[k].head in office
            ]
            if actor1 is not None and any(r.actor_id == actor1.actor_id for r in states):
                # "Northland's defence ministry said Northland jets struck ...": the
                # state's own ministry tells of its forces' act (they claim it).
                return Attribution("claimed", actor_name(actor1), "statement", where)
            return Attribution("confirmed", by, "official", where)
        teller = subject_actor(r.start)
        if (
            teller is not None
            and actor1 is not None
            and teller.actor_id == actor1.actor_id
            and _speaks(teller, r, toks, s)
        ):
            # "The Houthis said they had targeted a ship", «أعلنت الجماعة أنها استهدفت»:
            # the doer telling of its own act claims it.
            return Attribution("claimed", actor_name(teller), "statement", where)
        via = "media" if lex.reporter_nouns.find(toks) else "report"
        return Attribution("reported", None, via, where)
    return Attribution("reported", None, "article" if s.source_kind == "article" else "post")


#: Words between a verb of accusing and the accused ("accusing Myanmar's military",
#: «accusant l'armée malienne»).
_ACCUSED_REACH = 3


def accusation(
    lex: Lexicon, toks: list[Tok], s: SentenceInput, acts: Sequence[Match]
) -> Attribution | None:
    """ "..., the militia said, accusing the army of carrying out the attack": who the
    sentence's teller accuses of the act it tells, as its attribution (reported by the
    accuser, ``accused`` the alleged doer). ``acts``: the sentence's triggers; one must
    name the act after the accused (not "suspected of belonging to a gang"). The
    accused is the first actor within a few words after a verb of accusing; in Arabic
    (verb, accuser, accused, then the act: «اتهمت الجماعة الجيش بتنفيذ الهجوم») the
    last actor before the act (``_arabic_accusation``)."""
    if not acts:
        return None
    if s.language == "ar":
        return _arabic_accusation(toks, s, acts)
    report = lex.report.find(toks)
    for cue in lex.accusation.find(toks):
        if toks[cue.start].pos != "VERB":
            continue  # «un responsable militaire»: an official, no one accused
        end = toks[cue.end - 1].end
        reach = toks[min(len(toks) - 1, cue.end - 1 + _ACCUSED_REACH)].end
        accused = next((a for a in s.actors if end <= a.start <= reach), None)
        if accused is None or not any(toks[m.start].start >= accused.end for m in acts):
            accused = _blamed_after_act(lex, toks, s, cue, acts)
            if accused is None:
                continue
        # The accuser: the subject of the accusing verb, or of the verb of saying the
        # participle goes with ("X said, accusing ..."); no nearest name stands in.
        verbs = [cue.start, *(r.start for r in report)]
        teller = next(
            (
                a
                for a in s.actors
                if a.end <= toks[cue.start].start
                and a.actor_id != accused.actor_id
                and any(subject_of(toks, a.start, v) for v in verbs)
            ),
            None,
        )
        return Attribution(
            "reported", actor_name(teller), "statement", span(toks, cue), accused=accused
        )
    return None


def _blamed_after_act(
    lex: Lexicon, toks: list[Tok], s: SentenceInput, cue: Match, acts: Sequence[Match]
) -> ActorRef | None:
    """ "Authorities blamed the attack on the ELN", «ont imputé l'attaque aux rebelles»:
    a verb of blame (noun class ``blame_words``), its act right after it, then a
    preposition of blame (``blame_prepositions``) and the accused."""
    blame = lex.noun_classes.get("blame_words", frozenset())
    prepositions = lex.noun_classes.get("blame_prepositions", frozenset())
    if not any(toks[k].keys & blame for k in range(cue.start, cue.end)):
        return None
    act = next((m for m in acts if cue.end <= m.start <= cue.end + _ACT_AFTER_BLAME), None)
    if act is None:
        return None
    prep = next(
        (k for k in range(act.end, min(len(toks), act.end + 2)) if toks[k].keys & prepositions),
        None,
    )
    if prep is None:
        return None
    reach = toks[min(len(toks) - 1, prep + _ACCUSED_REACH)].end
    return next((a for a in s.actors if toks[prep].end <= a.start <= reach), None)


#: Words between a verb of blame and the act it blames ("blamed the deadly attack").
_ACT_AFTER_BLAME = 3


def _arabic_accusation(
    toks: list[Tok], s: SentenceInput, acts: Sequence[Match]
) -> Attribution | None:
    """«اتهمت لجنة المقاومة قوات الدعم السريع بتنفيذ القصف»: after a verb of accusing
    (closed class ``accusing_verbs``), the actor right before the act it names is the
    accused; an actor before that one, the accuser."""
    for k, tok in enumerate(toks):
        if not arabic.is_accusing_verb(fold(tok.text)):
            continue
        act = next((m for m in acts if m.start > k), None)
        if act is None:
            continue
        between = [a for a in s.actors if tok.end <= a.start and a.end <= toks[act.start].start]
        if not between:
            continue
        accused = between[-1]
        teller = next((a for a in between if a.actor_id != accused.actor_id), None)
        return Attribution(
            "reported", actor_name(teller), "statement", (tok.start, tok.end), accused=accused
        )
    return None


def _speaks(teller: ActorRef, verb: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """Whether ``teller`` is who the reporting verb has speak: its subject in the parse
    (fr, en), or the words right after the verb (Arabic verb-subject order, as found)."""
    if s.language == "ar":
        return toks[verb.start].end <= teller.start < _ar_subject_reach(toks, verb.start)
    i = token_at(toks, teller.start)
    j = token_at(toks, teller.end - 1)
    words = set(range(i, j + 1)) if i is not None and j is not None else set()
    return any(
        toks[k].head in range(verb.start, verb.end) and toks[k].dep.startswith("nsubj")
        for k in words
    )


def _ar_subject_reach(toks: list[Tok], verb: int) -> int:
    """Where an Arabic verb's subject may end: a few words after it, and never past «إن»
    / «أن» («قالت مصادر إن طائرة تركية استهدفت ...»: what follows is what was said, not
    who said it)."""
    last = min(len(toks) - 1, verb + _AR_SUBJECT_REACH)
    for k in range(verb + 1, last + 1):
        word = fold(toks[k].text)
        if arabic.is_complementizer(word) or (
            word[:1] in _THAT_CLITICS and arabic.is_complementizer(word[1:])
        ):
            return toks[k].start
    return toks[last].end


#: Proclitics glued to «أن» («بأن», «وأن»).
_THAT_CLITICS = frozenset("بوف")


def _negated_cue(lex: Lexicon, toks: list[Tok], cue: Match) -> bool:
    """A negation on the cue's verb or on its subject ("has not claimed", "No group
    has claimed", «aucun groupe n'a revendiqué»); in Arabic, right before it («لم»)."""
    words = range(cue.start, cue.end)
    if not toks[cue.start].dep:  # «لم تعلن أي جهة مسؤوليتها»: the verb before its subject
        before = toks[max(0, cue.start - _AR_NEGATED_CLAIM_REACH) : cue.start]
        return any(t.keys & lex.negation for t in before)
    subjects = {t.i for t in toks if t.head in words and t.dep.startswith("nsubj")}
    return any(
        (t.head in words or t.head in subjects) and t.i not in words and t.keys & lex.negation
        for t in toks
    )


#: Words before an Arabic claim cue within which its negation stands (لم, its verb,
#: «أي جهة»).
_AR_NEGATED_CLAIM_REACH = 4


def self_claim(lex: Lexicon, toks: list[Tok]) -> Match | None:
    """A claim verb followed, within a few words, by a perfect infinitive."""
    for cv in lex.claim_verbs.find(toks):
        for k in range(cv.end, min(len(toks) - 1, cv.end + 5)):
            aux, part = toks[k], toks[k + 1]
            if fold(aux.text) in lex.perfect_auxiliaries and (
                "VerbForm=Part" in part.morph or part.pos == "VERB"
            ):
                return Match(cv.start, k + 2, "self-claim")
    return None


def own_losses_told(
    lex: Lexicon,
    toks: list[Tok],
    s: SentenceInput,
    att: Attribution,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
) -> tuple[Attribution, ActorRef | None, ActorRef | None] | None:
    """An army telling of its own dead (``own_losses``): the attribution (confirmed by
    it, no claim) and the sides (the army is the side hit, never the doer), or None
    when the sentence tells no such thing. The teller is the claimant, the doer the
    roles read, or the army named as the official source ("The Israeli military said
    eight soldiers were killed")."""
    teller = att.agent or actor1
    if att.status == "confirmed" and att.via == "official":
        teller = next((a for a in s.actors if actor_name(a) == att.by), teller)
    if teller is None or att.status not in ("claimed", "confirmed"):
        return None
    if not own_losses(lex, toks, teller):
        return None
    if actor1 is not None and actor1.actor_id == teller.actor_id:
        actor1 = None
    if (
        actor2 is None
        or getattr(actor2.payload, "kind", "") == "civilians"
        # "soldiers" read as the forces of the country they fell in
        or _bare_servicemen(lex, actor2, s)
    ):
        actor2 = teller
    return replace(att, status="confirmed", via="official", agent=None), actor1, actor2


def _bare_servicemen(lex: Lexicon, ref: ActorRef, s: SentenceInput) -> bool:
    """The actor was read from a bare noun of servicemen ("soldiers", «جنود»), whose
    country the resolver took from the place, not from the text."""
    servicemen = lex.noun_classes.get("servicemen", frozenset())
    words = s.text[ref.start - s.start : ref.end - s.start].split()
    return bool(words) and all(fold(w) in servicemen for w in words)


def own_losses(lex: Lexicon, toks: list[Tok], teller: ActorRef | None) -> bool:
    """An army tells of its own dead: "the army announced the death of two soldiers",
    «أعلن الجيش مقتل جندي»: a noun of its servicemen (noun class ``servicemen``) within
    a few words of a word of death, told by a military force, and not that word's
    active subject ("troops killed 12 militants": its servicemen killed). It tells its
    losses; it claims no act."""
    if teller is None or not teller.actor_id.startswith(_MILITARY_PREFIX):
        return False
    servicemen = lex.noun_classes.get("servicemen", frozenset())
    if not servicemen:
        return False
    return any(
        toks[k].keys & servicemen and not _killers(toks, k, range(m.start, m.end))
        for m in lex.fatality.find(toks)
        for k in range(max(0, m.start - _LOSSES_REACH), min(len(toks), m.end + _LOSSES_REACH))
    )


def _killers(toks: list[Tok], k: int, death: range) -> bool:
    """The word at ``k`` is the active subject of a death verb that has an object
    ("troops killed 12 militants"), not of one that has none ("soldiers died")."""
    verb = toks[k].head
    return toks[k].dep == "nsubj" and verb in death and has_object(toks, verb)


#: The actor ids of armies ("military-forces-isr").
_MILITARY_PREFIX = "military-forces-"
#: Words between a word of death and the servicemen it counts.
_LOSSES_REACH = 4


def actor_name(ref: ActorRef | None) -> str | None:
    """The name an attribution gives: the actor's name, else its id."""
    if ref is None:
        return None
    return str(getattr(ref.payload, "name", None) or ref.actor_id)


def without_denied_occurrences(events: list[Event]) -> list[Event]:
    """The article's events less those told only by denials of their occurrence («le
    gouverneur a démenti que la ville soit tombée», "denied that the town had fallen",
    «نفى الجيش أن تكون المدينة قد سقطت»: a verb of denial followed by a word of closed
    class ``complementizers``): the news format's not-event. A denial of one's own part
    ("the group denied carrying out the attack") presupposes the act and keeps it,
    denied; so does an act told before the denial or that the article also reports."""
    that = closed_words("complementizers")

    def occurrence_denied(m: Mention) -> bool:
        claim, trigger = m.spans.claim, m.spans.trigger
        if m.values.claim_status != "denied" or claim is None:
            return False
        if trigger is not None and trigger[0] < claim[1]:
            return False  # «قال إنه وقع انفجار، لكنه نفى أنه نجم عن صواريخ»: told first
        after = _CLAUSE_END.split(m.text[claim[1] - m.start :], maxsplit=1)[0].split()
        return any(fold(w) in that for w in after[:_DENIED_CLAUSE_REACH])

    return [e for e in events if not e.mentions or not all(map(occurrence_denied, e.mentions))]


#: What ends the clause after a verb of denial: a comma, Latin or Arabic.
_CLAUSE_END = re.compile(r"[,،]")
#: Words after a verb of denial within which the clause it denies opens ("denied that",
#: «نفى الجيش السوداني أن»: the subject stands between in Arabic).
_DENIED_CLAUSE_REACH = 3
