"""Repairs of parses the English model gets wrong in a way news text often meets, made
on a sentence's tokens before any stage reads them.

A reduced relative of belief right after the subject ("Attackers thought to be loyal
to X raided a village", "Men suspected to be X stormed ...") reads to the parser as the
sentence's own verb, the real verb hanging under it as its complement: the noun's
affiliation then lands beside the act instead of inside its doer. ``reduced_relatives``
hangs the participle back on its noun and makes the act the clause's verb, its subject
the noun.
"""

from __future__ import annotations

from veille.lang.loader import closed_words
from veille.nlp.tokens import Tok

#: What a finite clause of its own opens with or holds: its own subject, or the word
#: that makes it a complement ("believed that X attacked").
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj", "mark", "expl"})


def reduced_relatives(toks: list[Tok]) -> None:
    """Re-hang, in place, each participle of belief that the parser made a clause's verb
    over a finite verb with no subject of its own (see the module doc)."""
    beliefs = closed_words("belief_verbs")
    for v in toks:
        if v.lemma.lower() not in beliefs or v.pos != "VERB" or v.i == 0:
            continue
        children = [t for t in toks if t.head == v.i and t.i != v.i]
        subject = next((t for t in children if t.dep == "nsubj" and t.i < v.i), None)
        infinitive = next((t for t in children if t.dep == "xcomp" and t.i > v.i), None)
        # The act hangs as the participle's complement, or as a second verb joined to
        # it with no "and" or comma ("thought to be loyal to the group raided ...").
        act = next((t for t in children if t.dep in ("ccomp", "conj")), None)
        if subject is None or infinitive is None or act is None or act.i < infinitive.i:
            continue
        if act.dep == "conj" and any(
            t.dep in ("cc", "punct") and v.i < t.i < act.i and t.head in (v.i, act.i) for t in toks
        ):
            continue
        if not _ends_right_before(toks, subject.i, v.i) or not _to_infinitive(toks, infinitive):
            continue
        own = {t.dep for t in toks if t.head == act.i and t.i != act.i}
        if own & _OWN_CLAUSE or act.pos not in ("VERB", "AUX") or "VerbForm=Fin" not in act.morph:
            continue
        passive = "auxpass" in own
        if v.head == v.i:
            act.head, act.dep = act.i, "ROOT"
        else:
            act.head, act.dep = v.head, v.dep
        v.head, v.dep = subject.i, "acl"
        subject.head, subject.dep = act.i, "nsubjpass" if passive else "nsubj"


def _ends_right_before(toks: list[Tok], head: int, at: int) -> bool:
    """The phrase of ``head`` ends right before token ``at`` ("gunmen" or "armed men"
    just before the participle): the token before belongs to it."""
    k = at - 1
    for _ in range(len(toks)):
        if k == head:
            return True
        if toks[k].head == k:
            return False
        k = toks[k].head
    return False


def _to_infinitive(toks: list[Tok], verb: Tok) -> bool:
    """ "to belong", "to be": the complement is an infinitive with its "to"."""
    return any(t.head == verb.i and t.dep == "aux" and t.text.lower() == "to" for t in toks)
