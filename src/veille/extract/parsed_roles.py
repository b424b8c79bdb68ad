"""The role the dependency parse gives an actor's word (French, English): the agent of
an act's word (its subject, "a raid by army jets", «a été reprise par l'armée», "an
attack carried out by X"), its target (its object, "against X", «contre X»), the backer
of the doer ("les rebelles, soutenus par des troupes X"), or none when the parse does
not say or names who reports it ("selon l'armée"); and whether an actor is who
reports the act (``is_reporter``). ``veille.extract.roles`` reads them for each actor of
the sentence."""

from __future__ import annotations

from veille.extract.lexicon import Tok, fold
from veille.extract.syntax import IN_PHRASE, REPORT_PREPS, SUBJECT_DEPS, TARGET_DEPS, ancestors
from veille.lang.loader import closed_words
from veille.model import Span

_AGENT_DEPS = frozenset({"nsubj", "obl:agent", "agent", "csubj"})


_TARGET_PREPS = frozenset({"contre", "sur", "vers", "visant", "against", "on", "at", "targeting"})
#: English prepositions that set an act at a thing ("a bomb under an army truck", "went
#: off outside a police station", "fired on an army post").
_AT_A_THING = frozenset(
    {"under", "beneath", "underneath", "beside", "near", "alongside", "outside", "inside"}
    | {"at", "on", "into"}
)


def syntactic_role(
    tok_i: int,
    toks: list[Tok],
    anchors: set[int],
    passive_at: set[int],
    instrument: list[Span] | None = None,
    conduct: frozenset[str] = frozenset(),
) -> str | None:
    """ "actor1" for the agent of an anchor, "actor2" for its target, "backer" for the
    agent of a participle on the doer (no role), None when the parse does not say (or
    says it is who reports it)."""
    path = [tok_i, *ancestors(toks, tok_i, limit=6)]
    lower = path[: next((k for k, i in enumerate(path) if i in anchors), len(path))]
    relative = _relative_role(lower[:_RELATIVE_CLIMB], toks, anchors, passive_at)
    if relative is not None:
        return relative
    below: set[str] = set()  # the prepositions of the path's words below ``child``
    for k in range(len(path) - 1):
        child, parent = path[k], path[k + 1]
        if k:
            below |= {fold(t.text) for t in toks if t.head == path[k - 1] and t.dep == "case"}
        # "l'attaque de dimanche contre une position de l'armée": a target preposition
        # anywhere on the way up marks the target, however the parser hung the phrase
        # ("an attack carried out by gunmen against a convoy of X", the parser hanging
        # "against" on "gunmen": X was attacked, it did not attack).
        if below & _TARGET_PREPS and (parent in anchors or toks[parent].keys & conduct):
            return "actor2"
        if (
            toks[parent].keys & conduct
            and toks[parent].head in anchors
            and _agent_of_participle(child, parent, toks)
        ):
            # «une frappe menée mardi par l'armée», "an attack carried out by X": the
            # agent of a verb of doing (``conduct_words``) on the act's own word did it;
            # not "the attack, condemned by the UN".
            return "actor1"
        if (
            toks[child].dep in ("obl:agent", "agent")
            and toks[parent].dep.startswith("acl")
            and not _in_spans(toks[toks[parent].head], instrument or [])
        ):
            # "les rebelles, soutenus par des troupes X, ont pris": X backs the doer;
            # "a missile fired by X struck" (the participle on the weapon): X did it.
            return "backer"
        if parent not in anchors:
            continue
        if _said_to_be(child, parent, toks):
            # "Attackers thought to be loyal to X raided ...", "men suspected to be X fighters
            # stormed ...": whose the doers are said to be is who acted.
            return "actor1"
        if (
            k > 0
            and parent in passive_at
            and after_agent_marker(tok_i, toks)
            and _hung_on_nouns(tok_i, toks, anchors)
        ):
            # «interpellé à son bureau de X par des policiers», "arrested at his home in X
            # by police": the parser hung the agent on a nearer noun; after a passive
            # verb it is still the agent.
            return "actor1"
        dep = toks[child].dep
        if (
            k > 1
            and dep == "prep"
            and fold(toks[child].text) in _AT_A_THING
            and toks[tok_i].dep == "compound"
        ):
            # "planted a bomb under an army truck", "went off outside a police station":
            # the forces owning the thing the act was set at were its target.
            return "actor2"
        case = {fold(t.text) for t in toks if t.head == child and t.dep == "case"}
        if case & REPORT_PREPS:
            return None
        if parent in passive_at and dep.startswith("obl") and case & AGENT_MARKERS:
            # «a été reprise mardi par l'armée»: the parser may call the passive's
            # agent a modifier (obl:mod) when a day stands between.
            return "actor1"
        if dep in _AGENT_DEPS:
            if dep == "nsubj" and parent in passive_at:
                return "actor2"
            return "actor1"
        if dep == "compound" and k == 0 and toks[parent].pos in ("NOUN", "PROPN"):
            # "an army air strike", "a police raid": the forces named before the act's
            # noun carried it out ("a police station attack" names no doer: "police"
            # hangs on "station").
            return "actor1"
        if (dep == "prep" and fold(toks[child].text) in AGENT_MARKERS) or (
            toks[parent].pos == "NOUN" and dep in ("nmod", "obl") and case & AGENT_MARKERS
        ):
            # "a raid by army jets", «un raid par des hélicoptères», "shelling by X" (a
            # gerund the parser calls a verb): the doer.
            return "actor1"
        if (
            dep == "prep"
            and fold(toks[child].text) == "from"
            and toks[parent].pos == "NOUN"
            and k == 1
        ):
            # "a suicide bomber from the group", "fighters from X": whose they are.
            return "actor1"
        if dep in TARGET_DEPS or case & _TARGET_PREPS:
            return "actor2"
        if (
            dep == "nmod"
            and toks[parent].pos in ("NOUN", "PROPN")
            and case & {"de", "du", "des", "d'", "of"}
            and k <= 1  # the actor's own noun, or the noun it names ("combattants du JNIM")
        ):
            return "actor1"
        return None
    return None


#: How far up from an actor's word its antecedent noun may stand ("Boko Haram" ->
#: "militants, who ...").
_RELATIVE_CLIMB = 3


#: Relative pronouns that stand for their antecedent as a clause's subject.
_RELATIVE_SUBJECTS = frozenset({"qui", "who", "which", "that"})


def _relative_role(
    nouns: list[int], toks: list[Tok], anchors: set[int], passive_at: set[int]
) -> str | None:
    """The actor's noun (``nouns``: its word and those above it, below any anchor) is the
    antecedent of a relative clause on an anchor whose subject is the relative pronoun:
    «les jihadistes de X, qui avaient enlevé 200 élèves», "X militants, who abducted": X
    did it; "soldiers who were killed": they were hit."""
    for noun in nouns:
        for a in anchors:
            if toks[a].head != noun or toks[a].dep not in ("acl:relcl", "relcl"):
                continue
            for t in toks:
                if t.head == a and t.dep in SUBJECT_DEPS and fold(t.text) in _RELATIVE_SUBJECTS:
                    passive = a in passive_at or t.dep != "nsubj"
                    return "actor2" if passive else "actor1"
    return None


def _said_to_be(child: int, parent: int, toks: list[Tok]) -> bool:
    """``child`` is a participle of belief on ``parent``, a noun that is the active
    subject of its clause ("attackers thought to be loyal to X raided", the participle
    hung back on its noun by ``veille.nlp.repairs``); not "men believed to be X were
    arrested" (a passive's subject was acted on)."""
    noun, verb = toks[parent], toks[toks[parent].head]
    return (
        toks[child].dep == "acl"
        and toks[child].lemma.lower() in closed_words("belief_verbs")
        and noun.pos in ("NOUN", "PROPN")
        and noun.dep == "nsubj"
        and "Voice=Pass" not in verb.morph
        and not any(t.head == verb.i and t.dep in ("auxpass", "aux:pass") for t in toks)
    )


def _in_spans(tok: Tok, spans: list[Span]) -> bool:
    return any(b <= tok.start < e for b, e in spans)


#: The prepositions of an agent: a passive verb's, or a noun's ("an attack by X").
AGENT_MARKERS = frozenset({"par", "by"})


def _agent_of_participle(child: int, parent: int, toks: list[Tok]) -> bool:
    """``child`` is the agent of ``parent``, a participle on a noun: "carried out by X",
    «menée mardi par X» (which the parser may call a modifier when a day stands
    between)."""
    if not toks[parent].dep.startswith("acl") or toks[parent].pos not in ("VERB", "AUX"):
        return False
    dep = toks[child].dep
    if dep in ("obl:agent", "agent"):
        return True
    case = {fold(t.text) for t in toks if t.head == child and t.dep == "case"}
    return dep.startswith("obl") and bool(case & AGENT_MARKERS)


def _hung_on_nouns(tok_i: int, toks: list[Tok], anchors: set[int]) -> bool:
    """The word reaches an anchor through nouns and prepositions only: a phrase the
    parser hung on a nearer noun, not one of another verb ("a base used by the army")."""
    for k in ancestors(toks, tok_i, limit=8):
        if k in anchors:
            return True
        if toks[k].pos not in ("NOUN", "PROPN", "ADP"):
            return False
    return False


def after_agent_marker(tok_i: int, toks: list[Tok]) -> bool:
    """ "by police", «par des gendarmes»: the agent preposition, past a determiner."""
    k = tok_i - 1
    if k > 0 and toks[k].pos == "DET":
        k -= 1
    return k >= 0 and fold(toks[k].text) in AGENT_MARKERS


def is_reporter(tok_i: int, toks: list[Tok], reporting: set[int]) -> bool:
    """Whether the actor at ``tok_i`` is who reports the event: the subject of a
    reporting verb other than the trigger's, or the object of "according to"."""

    def after_according_to(i: int) -> bool:  # "selon l'armée" ("selon" hangs on the noun)
        return any(t.head == i and t.dep == "case" and t.keys & REPORT_PREPS for t in toks)

    head = tok_i
    for _ in range(3):  # up to the head of the actor's noun phrase
        if after_according_to(head):
            return True
        if toks[head].dep not in IN_PHRASE:
            break
        if toks[head].head == head:
            break
        head = toks[head].head
    if toks[head].dep in ("nsubj", "nsubj:pass") and toks[head].head in reporting:
        verb = toks[head].head
        # "Israeli strikes killed 20, officials said": a parse that gives the telling
        # verb a second subject nearer to it makes the first one the act's, not a teller.
        return not any(
            t.head == verb and t.dep.startswith("nsubj") and head < t.i < verb for t in toks
        )
    if toks[head].dep == "obj" and toks[head].head in reporting and head > toks[head].head:
        # «..., a annoncé lundi l'armée»: the subject inverted after a verb of telling,
        # which the parser reads as its object (one does not announce an army).
        return True
    if any(t.head == head and t.dep == "case" and t.keys & REPORT_PREPS for t in toks):
        return True  # "selon l'armée" ("selon" hangs on the noun in UD)
    if any(toks[k].keys & REPORT_PREPS for k in ancestors(toks, head, limit=2)):
        return True
    return _closing_teller(tok_i, toks, reporting)


#: Words that may stand in a teller's phrase between a comma and the verb of telling
#: ("..., police and local residents said", "..., a spokesman for the group told X").
_TELLER_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM", "PART", "ADP"})


def _closing_teller(tok_i: int, toks: list[Tok], reporting: set[int]) -> bool:
    """ "Gunmen killed 22 in two villages, police and residents said": a phrase after
    a comma that runs, with no verb or punctuation in it, up to a verb of telling is
    that verb's subject, however the parser hung it (here on the place before the
    comma)."""
    left = tok_i
    while left > 0 and toks[left - 1].pos in _TELLER_PHRASE:
        left -= 1
    if left == 0 or toks[left - 1].text != ",":
        return False
    right = tok_i + 1
    while right < len(toks) and toks[right].pos in _TELLER_PHRASE:
        right += 1
    return right in reporting
