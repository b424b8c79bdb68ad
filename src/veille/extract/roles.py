"""Roles: which actor of the sentence did it (actor 1) and which one it was done to
(actor 2), and whether civilians are the target.

French and English read the dependency parse (subject, object, agent, "contre X":
``veille.extract.parsed_roles``); Arabic, which has no parser here, reads word order
and prepositions (``veille.extract.word_order``). Who reports the event ("selon
l'armée", "the army said") has no role in it.
"""

from __future__ import annotations

import re

from veille.extract.candidate import ActorRef, SentenceInput, Typing
from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.parsed_roles import (
    AGENT_MARKERS,
    after_agent_marker,
    is_reporter,
    syntactic_role,
)
from veille.extract.placing import across_the_border
from veille.extract.syntax import (
    IN_PHRASE,
    ancestors,
    has_object,
    subject_of,
    token_at,
    undergoing_marks,
    verb_forms,
    words_of,
)
from veille.extract.taxonomy import EXCESSIVE_FORCE
from veille.extract.word_order import Roles, labels_the_line, roles_by_word_order
from veille.lang.loader import closed_words


def read_roles(
    lex: Lexicon, typing: Typing, group: list[Match], toks: list[Tok], s: SentenceInput
) -> Roles:
    """The actors of the trigger group, by the parse (or by word order in Arabic)."""
    if not s.actors and not s.state_names and not s.state_adjectives:
        return Roles()
    if typing.family in ("fight", "any"):
        pair = two_sides(group, toks, s)
        if pair is not None:
            return pair
    if s.language == "ar":
        roles = roles_by_word_order(
            group, toks, s, lex, intercepted=typing.sub_event_type == "Disrupted weapons use"
        )
        if any(getattr(m.payload, "after_verb", None) == "fending_off" for m in group):
            # «صد الجيش هجوما لمسلحي الحركة»: the subject of the verb of fending off was
            # attacked; the attack's own (genitive) doer attacked, as in "repelled an
            # attack by X" (word order reads them the other way round).
            return Roles(roles.actor2, roles.actor1)
        return roles
    trig_idx = {i for m in group for i in range(m.start, m.end)}
    # Verbal anchors: the trigger, and for a nominal trigger its governing verb; not a
    # verb of fending it off ("the army repelled the assault": who repels was attacked).
    anchors = set(trig_idx)
    fending = lex.noun_classes.get("fending_off", frozenset())
    reports = lex.report.find(toks)
    telling = {i for m in reports for i in range(m.start, m.end)}
    # "The FLA condemned a drone strike that hit X": who condemns or denounces an act
    # did not do it (nor does a people's protest "to denounce" attacks).
    condemning = words_of(lex.accusation, toks) | words_of(lex.justification, toks)
    telling |= condemning
    dying = words_of(lex.fatality, toks)
    hurt = dying | words_of(lex.injury, toks)
    died_in: set[int] = set()
    for i in list(trig_idx):
        if (
            toks[i].pos in ("NOUN", "PROPN")
            and toks[i].dep
            in (
                "nsubj",
                "obj",
                "nsubj:pass",
                "ccomp",
                "dobj",  # English labels of the same relations
                "nsubjpass",
            )
            # "Gunmen ... killed 23, police said": a parse that makes the gunmen the
            # subject of the telling verb does not make the tellers the doers (the object
            # of one stays its claim: "the army announced the capture of X").
            and not (toks[i].head in telling and toks[i].dep.startswith("nsubj"))
            and toks[i].head not in condemning  # "condemned the strike": no act of X's
            and not verb_forms(toks, toks[i].head) & fending
        ):
            anchors.add(toks[i].head)
        elif toks[i].pos == "NOUN" and toks[i].head != i:
            # "it had eliminated a commander in an air strike", «tués lors d'une frappe»:
            # the verb the trigger's phrase hangs on tells the act.
            up = toks[i].head
            if toks[up].dep in ("prep", "advmod") and toks[up].head != up:
                up = toks[up].head  # "in a strike" (in <- strike), «lors d'une frappe»
            if toks[i].dep in ("pobj", "obl", "obl:mod", "obl:arg") and toks[up].pos == "VERB":
                if up not in telling:
                    anchors.add(up)
                if up in dying and not has_object(toks, up):
                    died_in.add(up)  # "two commanders died in a strike": its victims
    for i in list(trig_idx):
        head = toks[i].head
        if (
            toks[i].dep == "advcl"
            and toks[i].pos == "VERB"
            and ("VerbForm=Ger" in toks[i].morph or "Aspect=Prog" in toks[i].morph)
            and toks[head].pos == "VERB"
            and head not in telling
            and head < i
        ):
            # "Maoists set off a bomb under a police van, killing six": the participle
            # after the main clause tells what its doer's act did; its subject did it.
            anchors.add(head)
    passive_at = {
        i
        for i in anchors
        if "Voice=Pass" in toks[i].morph
        or any(t.head == i and t.dep in ("aux:pass", "auxpass") for t in toks)
    }
    passive_at |= died_in  # the subject of a death verb is who was hit, as a passive's
    passive = bool(passive_at & trig_idx)
    first_trig = min(trig_idx)
    # Who stands before the word that types the act did it; a frame before it («dans
    # le cadre de l'opération de ...») does not make the doer come after the act.
    typed_at = next(
        (m.start for m in group if m.payload.sub and m.payload.sub == typing.sub_event_type),
        first_trig,
    )
    instrument = [(toks[m.start].start, toks[m.end - 1].end) for m in group]
    if typing.weapon_span:
        instrument.append(typing.weapon_span)
    protest = typing.family == "protest"
    # Forces firing on protesters are the doers of "Excessive force" (ACLED: violence
    # against civilians); at any other protest they face the protesters (actor 2).
    forces_face = typing.sub_event_type != EXCESSIVE_FORCE
    conduct = lex.noun_classes.get("conduct_words", frozenset())
    agents: list[tuple[int, ActorRef]] = []
    by_position: list[tuple[int, ActorRef]] = []
    targets: list[tuple[int, ActorRef]] = []
    owner: ActorRef | None = None
    telling_verbs = {m.start for m in reports} - anchors
    reporting = set(telling_verbs)
    relatives = closed_words("relative_pronouns")
    # "Gunmen killed 14 when they opened fire, police said": a pronoun after the act's
    # own subject noun stands for that noun, not for the teller.
    named_subject = min(
        (
            t.i
            for t in toks
            if t.head in anchors and t.dep.startswith("nsubj") and t.pos in ("NOUN", "PROPN")
        ),
        default=len(toks),
    )
    tellers_did_it = any(
        t.head in anchors
        and t.dep.startswith("nsubj")
        # "X said it struck", not "the strike, which X said targeted ...": a relative
        # pronoun stands for the noun it hangs on, not for the teller.
        and (
            (t.pos == "PRON" and fold(t.text) not in relatives and t.i < named_subject)
            or _owned(t, toks)
        )
        for t in toks
    ) or any(
        # «L'armée a affirmé avoir neutralisé ...», "the army claimed to have killed":
        # the act is the telling verb's own complement, with the teller as its subject.
        toks[i].dep == "xcomp" and toks[i].head in reporting
        for i in anchors
    )
    if tellers_did_it:
        # "X said it had struck", "X said its aircraft struck", «X a indiqué que ses
        # avions ont frappé»: the teller is the doer (a claim).
        reporting = set()
    for ref in s.actors:
        tok_i = token_at(toks, ref.start)
        if tok_i is None or labels_the_line(ref, s):
            continue
        if any(subject_of(toks, ref.start, v) for v in condemning - trig_idx):
            continue  # "X condemned a strike that ...": who condemns it is no side
        if is_reporter(tok_i, toks, reporting):
            if tellers_did_it:
                # «Selon l'armée, ses avions ont visé ...»: whose aircraft the teller
                # says struck, it tells its own act.
                agents.append((abs(tok_i - first_trig), ref))
            continue  # "U.S. Central Command said", "selon l'armée": who tells it
        role: str | None
        kind = getattr(ref.payload, "kind", "")
        if _blamed(lex, tok_i, toks):
            # "strikes blamed on the RSF", «une attaque attribuée aux jihadistes»: whom
            # the source holds responsible is the doer it reports.
            agents.append((abs(tok_i - first_trig), ref))
            continue
        if _sides_of_a_war(lex, tok_i, toks, anchors):
            continue  # "the fourth since the war between Chad and Sudan began": the war's
        if _victim_of(lex, tok_i, toks, trig_idx):
            targets.append((abs(tok_i - first_trig), ref))
            continue  # «le convoi a été victime d'une embuscade», "fell victim to an attack"
        if kind == "civilians" or (kind == "protesters" and not forces_face):
            # ACLED: civilians are victims, never the perpetrator; so are the protesters
            # that force was used against, whether or not the sentence names who used it.
            role = "actor2"
        elif any(ref.start < e and b < ref.end for b, e in instrument):
            # "missiles russes", "frappes américaines": the owner acted; an intercepted
            # weapon ("deux drones ukrainiens" shot down) belongs to the target side.
            # Protesters named by the protest word are who the forces fired on.
            victims = typing.sub_event_type in ("Disrupted weapons use", EXCESSIVE_FORCE)
            role = "actor2" if victims else "actor1"
            if role == "actor1":
                owner = ref
        else:
            role = syntactic_role(tok_i, toks, anchors, passive_at, instrument, conduct)
            if role == "backer":
                continue
        if protest and forces_face and getattr(ref.payload, "kind", "") == "state_forces":
            if typing.sub_event_type == "Peaceful protest" and not lex.intervention.find(toks):
                # «ont défilé pour soutenir l'armée», "marched in support of the army":
                # forces no one says met the march are what it is about, no side of it.
                continue
            role = "actor2"  # ACLED: protesters are actor 1, the forces facing them actor 2
        guessed = role is None
        if (
            guessed
            and typing.family == "remote"
            and _subject_of_a_subordinate_act(tok_i, toks, anchors, hurt)
        ):
            # "Shelling killed 12 across the province, as troops pushed into X": the
            # doer of the other clause's act is not what the strike hit (a crowd's
            # act keeps the forces standing by as its other side, ACLED's way).
            continue
        if role is None:
            role = "actor1" if ref.end <= toks[typed_at].start else "actor2"
            # The subject of a passive trigger is its target, wherever it stands; so is
            # the subject of a verb of death or injury ("two soldiers were wounded when
            # militants ambushed a patrol": who was hit, not who struck).
            if (
                (
                    passive
                    or any(subject_of(toks, ref.start, v) and not has_object(toks, v) for v in hurt)
                )
                and role == "actor1"
                and not after_agent_marker(tok_i, toks)
            ):
                role = "actor2"
        dist = abs(tok_i - first_trig)
        if role == "actor1" and guessed:
            by_position.append((dist, ref))
        else:
            (agents if role == "actor1" else targets).append((dist, ref))
    # "The army repelled the assault": who fends the act off was attacked, never its doer.
    defender = _defender(lex, trig_idx, toks, s, None)
    if defender is not None:
        agents = [a for a in agents if a[1].actor_id != defender.actor_id]
        by_position = [a for a in by_position if a[1].actor_id != defender.actor_id]
    # A doer guessed from word order only counts where the parse names none ("The army
    # claimed that the attack was carried out by JNIM": JNIM did it, not the army).
    agents = agents or by_position
    if not agents and owner is None:
        # "Israel struck ...", "Russia's attack on ...": a country's name as the doer
        # stands for its forces; anywhere else the name is a place.
        for ref in s.state_names:
            tok_i = token_at(toks, ref.start)
            if tok_i is None or is_reporter(tok_i, toks, reporting):
                continue
            if _launched_from(lex, tok_i, toks) or across_the_border(lex, ref.start, toks):
                # "a missile fired from Yemen": where it came from, not who fired; "near
                # the border with Mali": the neighbour.
                continue
            if (
                syntactic_role(tok_i, toks, anchors, passive_at, instrument, conduct) == "actor1"
                or (
                    # "Russia's attack on Kharkiv", "Israel's strikes": the possessive.
                    toks[tok_i].dep == "poss" and toks[tok_i].head in trig_idx
                )
                or (
                    # "Ukraine says it hit a refinery": the state that tells is the doer.
                    tellers_did_it
                    and toks[tok_i].dep.startswith("nsubj")
                    and toks[tok_i].head in telling_verbs
                )
            ):
                agents.append((abs(tok_i - first_trig), ref))
        for ref in s.state_adjectives if typing.family in _FORCES_ACTS else ():
            # "Russian air bombardment", «des bombardements aériens israéliens»: a people's
            # adjective on the attack word (or on a word compounded with it) is its doer.
            tok_i = token_at(toks, ref.start)
            if (
                tok_i is not None
                and toks[tok_i].dep == "amod"
                and _on_trigger(tok_i, toks, trig_idx)
            ):
                agents.append((abs(tok_i - first_trig), ref))
        if not agents and not protest:
            agents = _forces_of_an_adjective(s.state_adjectives, toks, anchors - passive_at)
    if not agents and typing.sub_event_type == EXCESSIVE_FORCE:
        # "... until soldiers answered with tear gas and live ammunition": force used on
        # protesters is the forces' act (ACLED), however the parse hangs their noun.
        agents = [(d, r) for d, r in targets if getattr(r.payload, "kind", "") == "state_forces"]
    if owner is not None:
        # "Ukrainian troops fought off a Russian assault": whoever owns the attack
        # attacked; the other agent defended and is the second actor.
        targets.extend((d, r) for d, r in agents if r.actor_id != owner.actor_id)
        agents = [(0, owner)]
    actor1 = min(agents, key=lambda x: x[0])[1] if agents else None
    if actor1 is not None:
        # "US and British forces": a country's name or adjective joined to the doer's
        # words by "and" names the first of the sides.
        listed = [r for _, r in agents] + list(s.state_names) + list(s.state_adjectives)
        actor1 = first_conjunct(actor1, listed, s)
    actor2: ActorRef | None = None
    for _, ref in sorted(targets, key=lambda x: x[0]):
        if actor1 is None or ref.actor_id != actor1.actor_id:
            actor2 = ref
            break
    if (
        actor2 is None
        and defender is not None
        and (actor1 is None or defender.actor_id != actor1.actor_id)
    ):
        actor2 = defender
    return Roles(actor1, actor2)


def _subject_of_a_subordinate_act(
    tok_i: int, toks: list[Tok], anchors: set[int], hurt: set[int]
) -> bool:
    """The actor is the subject of an active verb of a subordinate clause ("as troops
    pushed into X", «alors que les troupes entraient dans X») that is none of the
    trigger's anchors nor a verb of death or injury (whose subject was hit)."""
    tok = toks[tok_i]
    for _ in range(3):  # "government forces": the phrase's head noun
        if tok.dep not in IN_PHRASE or tok.head == tok.i:
            break
        tok = toks[tok.head]
    if tok.dep != "nsubj" or tok.head == tok.i:
        return False
    verb = toks[tok.head]
    return (
        verb.i not in anchors
        and verb.i not in hurt
        and verb.pos == "VERB"
        and verb.dep == "advcl"
        and "Voice=Pass" not in verb.morph
        and any(t.head == verb.i and t.dep == "mark" for t in toks)
    )


def _forces_of_an_adjective(
    adjectives: list[ActorRef], toks: list[Tok], verbs: set[int]
) -> list[tuple[int, ActorRef]]:
    """ "Ukrainian air defences shot down ...", «un destroyer américain a abattu ...»: a
    people's adjective (or one joined to it) on a noun of armed force (closed class
    ``own_force_nouns``) that is the subject of an active verb of the act names that
    state's forces as its doer."""
    force_nouns = closed_words("own_force_nouns")
    found = []
    for ref in adjectives:
        tok_i = token_at(toks, ref.start)
        # «les troupes tchadiennes et camerounaises»: an adjective joined to another one
        # qualifies the same noun.
        while tok_i is not None and toks[tok_i].dep == "conj" and toks[tok_i].head < tok_i:
            tok_i = toks[tok_i].head
        if tok_i is None or toks[tok_i].dep != "amod":
            continue
        noun = toks[toks[tok_i].head]
        if noun.keys & force_nouns and noun.dep in ("nsubj", "nsubj:pass") and noun.head in verbs:
            found.append((0, ref))
    return found


def _defender(
    lex: Lexicon, trig_idx: set[int], toks: list[Tok], s: SentenceInput, actor1: ActorRef | None
) -> ActorRef | None:
    """ "The army repelled an RSF attack on the base", «L'armée affirme avoir repoussé une
    attaque des FSR»: the subject of a verb of fending off the attack (it may be the
    teller) is the side attacked."""
    fending = lex.noun_classes.get("fending_off", frozenset())
    if not fending:
        return None
    verbs = {toks[i].head for i in trig_idx if toks[i].dep in ("obj", "dobj")}
    verbs = {v for v in verbs if verb_forms(toks, v) & fending}
    if not verbs:
        return None
    verbs |= {toks[v].head for v in verbs if toks[v].dep == "xcomp"}  # "affirme avoir repoussé"
    # "The army said it had repelled ...": a pronoun subject is the teller's own word.
    verbs |= {
        toks[v].head
        for v in verbs
        if toks[v].dep == "ccomp"
        and any(t.head == v and t.dep.startswith("nsubj") and t.pos == "PRON" for t in toks)
    }
    for ref in (*s.actors, *s.state_names):
        if actor1 is not None and ref.actor_id == actor1.actor_id:
            continue
        if any(subject_of(toks, ref.start, v) for v in verbs):
            return ref
    return None


#: Words around a trigger within which a "between X and Y" phrase tells its sides.
_PAIR_REACH = 8
#: Most words between the two sides ("the army and RSF", "l'armée soudanaise aux FSR").
_PAIR_GAP = 4


def two_sides(group: list[Match], toks: list[Tok], s: SentenceInput) -> Roles | None:
    """The two sides of a clash named as a pair: "clashes between X and Y", «entre X
    et Y», «بين X وY» (X is actor 1, Y actor 2, as ACLED lists them), «des combats
    ont opposé X à Y». None when the sentence names no such pair near the trigger."""
    first = min(m.start for m in group)
    last = max(m.end for m in group)
    between = closed_words("pair_between")
    verbs = closed_words("pair_verbs")
    actors = sorted(s.actors, key=lambda a: a.start)
    for j, tok in enumerate(toks):
        if not (first - _PAIR_REACH <= j <= last + _PAIR_REACH):
            continue
        if not tok.keys & (between | verbs):
            continue
        after = [a for a in actors if a.start >= tok.end]
        if not after or len(_words_between(s, tok.end, after[0].start)) > _PAIR_GAP:
            continue
        a = after[0]
        # «les Forces armées de la RDC (FARDC) aux rebelles»: the first side named again
        # right after itself (its acronym) is still the first side.
        a_end = a.end
        rest = after[1:]
        while (
            rest and rest[0].actor_id == a.actor_id and not _words_between(s, a_end, rest[0].start)
        ):
            a_end = rest[0].end
            rest = rest[1:]
        b = rest[0] if rest and rest[0].actor_id != a.actor_id else None
        words = _words_between(s, a_end, b.start) if b is not None else []
        if b is None or len(words) > _PAIR_GAP:
            # "between the army and rebels", «ont opposé l'armée aux rebelles»: the
            # second side is named by no actor; the first named is actor 1 still.
            nxt = _words_between(s, a_end, s.end)[:1]
            joins = closed_words("pair_and") | closed_words("pair_to")  # «aux rebelles»
            if nxt and (nxt[0] in joins or (s.language == "ar" and nxt[0].startswith("و"))):
                return Roles(a, None)
            continue
        if tok.keys & between:
            joined = bool(set(words) & closed_words("pair_and")) or (
                s.language == "ar" and s.text[b.start - s.start : b.start - s.start + 1] == "و"
            )
        else:  # «opposer X à Y», «opposer X et Y», «opposer X aux combattants de Y»
            to = closed_words("pair_to")
            joined = bool(words) and (
                words[-1] in to or words[0] in to or bool(set(words) & closed_words("pair_and"))
            )
        if joined:
            return Roles(a, b)
    return _reciprocal_subjects(group, toks, s)


def _reciprocal_subjects(group: list[Match], toks: list[Tok], s: SentenceInput) -> Roles | None:
    """ "M23 rebels and Congolese troops exchanged fire", «تبادل متمردو X والجيش إطلاق
    النار»: two sides named together as who fought, and no one else after the fighting
    word, fought each other (actor 1 the first named). Not "the army and its allies
    fought the rebels": a side after the verb is who they fought; nor "X and Y
    attacked the town": only words of clashing (``Armed clash``) are mutual."""
    if not any(getattr(m.payload, "sub", None) == _CLASH for m in group):
        return None
    first = min(m.start for m in group)
    last = max(m.end for m in group)
    start, end = toks[first].start, toks[last - 1].end
    actors = sorted({a.start: a for a in s.actors}.values(), key=lambda a: a.start)
    joiners = closed_words("pair_and")

    def pair(found: list[ActorRef]) -> Roles | None:
        if len(found) != 2 or found[0].actor_id == found[1].actor_id:
            return None
        a, b = found
        gap = _words_between(s, a.end, b.start)
        glued = s.language == "ar" and s.text[b.start - s.start : b.start - s.start + 1] == "و"
        if (gap and len(gap) <= 2 and gap[0] in joiners) or (not gap and glued):
            return Roles(a, b)
        return None

    before = [a for a in actors if a.end <= start]
    after = [a for a in actors if a.start >= end]
    if s.language == "ar":
        # Verb first: the two subjects right after it (inside the phrase, as in «تبادل X
        # وY إطلاق النار»).
        verb_end = toks[first].end
        subjects = [a for a in actors if a.start >= verb_end]
        if len(subjects) == 2 and len(_words_between(s, verb_end, subjects[0].start)) <= _PAIR_GAP:
            return pair(subjects)
    if after or len(before) < 2:
        return None
    last_two = before[-2:]
    if len(_words_between(s, last_two[1].end, start)) > _PAIR_GAP:
        return None
    return pair(last_two)


#: The sub-type of the words of a mutual fight ("clashed", «s'affronter», «اشتبك»).
_CLASH = "Armed clash"


def first_conjunct(ref: ActorRef, same_role: list[ActorRef], s: SentenceInput) -> ActorRef:
    """ "US and British jets struck": sides named together in one role are listed by the
    first (ACLED's actor 1; the others are associates), not by the one nearest the verb."""
    joiners = closed_words("pair_and")
    while True:
        before = [
            r
            for r in same_role
            if r.end <= ref.start
            and r.actor_id != ref.actor_id
            and (gap := _words_between(s, r.end, ref.start))
            and len(gap) <= 2
            and joiners & {gap[0], gap[-1]}  # "X and Y", "X and the Y", «X et l'Y»
        ]
        if not before:
            return ref
        ref = max(before, key=lambda r: r.end)


def listed_with(ref: ActorRef, s: SentenceInput) -> list[ActorRef]:
    """The sides named in one list with ``ref`` ("Kenyan and Somali troops", «les forces
    tchadiennes et nigériennes»): the sentence's actors and people's adjectives joined
    to it, or to one joined to it, by "and" (and at most an article after it)."""
    refs = [*s.actors, *s.state_adjectives]
    joiners = closed_words("pair_and")

    def joined(first: ActorRef, second: ActorRef) -> bool:
        gap = _words_between(s, first.end, second.start)
        return first.end <= second.start and 0 < len(gap) <= 2 and gap[0] in joiners

    found: list[ActorRef] = []
    for later in (True, False):
        at = ref
        while near := [
            r for r in refs if r not in found and (joined(at, r) if later else joined(r, at))
        ]:
            at = min(near, key=lambda r: r.start) if later else max(near, key=lambda r: r.end)
            found.append(at)
    return found


def _words_between(s: SentenceInput, start: int, end: int) -> list[str]:
    """The folded words of the sentence between two character offsets of the article."""
    return [fold(w) for w in re.findall(r"\w+'?", s.text[start - s.start : end - s.start])]


def _launched_from(lex: Lexicon, i: int, toks: list[Tok]) -> bool:
    """The name at ``i`` follows a launch word and a word of origin that is no agent
    marker ("fired from Yemen", «lancé depuis le Yémen», «tiré du Liban»; not "launched
    by Russia"): the country it came from."""
    launch = lex.noun_classes.get("launch_words", frozenset())
    origin = lex.noun_classes.get("origin_words", frozenset()) - AGENT_MARKERS
    before = [t for t in toks[max(0, i - 4) : i] if t.pos != "DET"]
    return any(
        t.keys & origin and any(b.keys & launch for b in before[max(0, k - 2) : k])
        for k, t in enumerate(before)
    )


def _owned(t: Tok, toks: list[Tok]) -> bool:
    """A possessive pronoun determines the noun: "its aircraft", «ses soldats»."""
    return any(
        u.head == t.i
        and u.i != t.i
        and (u.dep in ("poss", "nmod:poss", "det:poss") or "Poss=Yes" in u.morph)
        and u.pos in ("PRON", "DET")
        for u in toks
    )


def _blamed(lex: Lexicon, i: int, toks: list[Tok]) -> bool:
    """The actor follows a phrase of blame ("blamed on", «attribuée à», «imputés aux»)."""
    blame = lex.noun_classes.get("blame_words", frozenset())
    prepositions = lex.noun_classes.get("blame_prepositions", frozenset())
    k = i - 1
    while k >= 0:
        if toks[k].pos in ("DET", "ADJ"):
            k -= 1
        elif k > 0 and fold(toks[k].text) in _OF and toks[k - 1].pos == "NOUN":
            k -= 2  # «aux rebelles d'Al-Shabaab»: the members' noun before the name
        else:
            break
    if k < 1 or not toks[k].keys & prepositions:
        return False
    # "blamed on", or with the blamed act between: «a attribué l'attaque aux rebelles».
    for j in range(k - 1, max(-1, k - 1 - _BLAMED_ACT_REACH), -1):
        if toks[j].keys & blame:
            return True
        if toks[j].pos in ("VERB", "AUX", "PUNCT"):
            return False
    return False


#: The "of" between a members' noun and the group it names.
_OF = frozenset({"de", "d'", "d’", "du", "des", "of"})
#: Words an act may take between a verb of blame and its preposition ("l'attaque").
_BLAMED_ACT_REACH = 6


def _sides_of_a_war(lex: Lexicon, i: int, toks: list[Tok], anchors: set[int]) -> bool:
    """The actor is named in a phrase that a war noun heads ("since the war between
    Chad and Sudan began", «depuis le premier jour du conflit entre le Tchad et le Soudan»:
    noun class ``war_nouns``), climbing its heads before any word of the act: a side of
    the war, no role in this event."""
    wars = lex.noun_classes.get("war_nouns", frozenset())
    for k in ancestors(toks, i, limit=_WAR_CLIMB):
        if k in anchors:
            return False
        if toks[k].keys & wars:
            return True
        # «au premier jour du conflit entre X et Y»: the parser may hang the sides on a
        # word above the war's noun, which then stands between that word and them.
        if any(
            t.keys & wars and k in ancestors(toks, t.i, limit=_WAR_CLIMB) for t in toks[k + 1 : i]
        ):
            return True
    return False


#: Heads climbed from an actor to the war noun of its phrase ("Hamas" -> "Israel" ->
#: "between" -> "war").
_WAR_CLIMB = 4


def _victim_of(lex: Lexicon, i: int, toks: list[Tok], trig_idx: set[int]) -> bool:
    """The actor's phrase is the subject of a noun of victims whose complement is the
    trigger: «un convoi de l'armée a été victime d'une embuscade», "a patrol fell victim
    to an ambush", "the base was the target of a drone attack"; or the subject of a verb
    of undergoing whose object, or whose "under", is the trigger (noun class
    ``suffering_verbs``: «a essuyé une attaque», "came under attack")."""
    victims = lex.noun_classes.get("victim_nouns", frozenset())
    if not victims:
        return False
    k = i
    for _ in range(4):  # up the actor's phrase to its subject
        if toks[k].dep.startswith("nsubj") or toks[k].head == k:
            break
        if toks[k].dep not in _IN_SUBJECT_PHRASE:
            return False
        k = toks[k].head
    if not toks[k].dep.startswith("nsubj"):
        return False
    verb = toks[k].head
    if verb in trig_idx:
        return False  # "jets struck targets": the act's own object, its subject the doer
    suffering = lex.noun_classes.get("suffering_verbs", frozenset())
    marks = undergoing_marks(toks, verb, suffering)
    if (verb in marks and any(verb in ancestors(toks, trig, limit=2) for trig in trig_idx)) or any(
        toks[trig].head in marks - {verb} for trig in trig_idx
    ):
        # «a essuyé une attaque», «a subi une embuscade», "suffered an ambush": the act's
        # word is what the subject underwent; so is the object of its "under" ("came
        # under attack"), not an "under" of a place ("set off a bomb under a van").
        return True
    # A copula's noun heads its clause («a été victime»); a verb spelt like a noun of
    # victims ("a drone targeted a car") is an act, its subject the doer.
    head = {verb} if toks[verb].pos in ("NOUN", "PROPN", "ADJ") else set()
    nouns = head | {t.i for t in toks if t.head == verb and t.dep in _VICTIM_SLOTS}
    nouns = {n for n in nouns if toks[n].keys & victims}
    if nouns - {verb}:
        nouns.add(verb)  # "fell victim to an ambush": the complement may hang on the verb
    return any(n in ancestors(toks, trig, limit=3) for n in nouns for trig in trig_idx)


#: Dependencies inside a subject's phrase ("un détachement des forces", "a unit of the army").
_IN_SUBJECT_PHRASE = IN_PHRASE | {"prep", "pobj", "acl", "acl:relcl", "relcl"}
#: Where a verb holds its noun of victims ("fell victim", "became the target").
_VICTIM_SLOTS = frozenset({"oprd", "attr", "dobj", "obj", "xcomp", "acomp", "npadvmod"})


def _on_trigger(tok_i: int, toks: list[Tok], trig_idx: set[int]) -> bool:
    """The word hangs on a trigger word, directly or through the nouns compounded
    with it ("Israeli air bombardment": Israeli -> bombardment)."""
    head = toks[tok_i].head
    for _ in range(3):
        if head in trig_idx:
            return True
        if toks[head].dep != "compound" or toks[head].head == head:
            return False
        head = toks[head].head
    return False


#: The families of acts a people's adjective on the act names the forces of ("Russian
#: strikes", "an Israeli raid"); not "Israeli protesters" or "a Lebanese agreement".
_FORCES_ACTS = frozenset({"remote", "fight", "any", "territory"})
