"""Whether an attack fell on civilians (ACLED's civilian targeting): the people it
killed or hit are civilians ("killed 20 civilians", «tué trois villageois»), or the site
it hit is theirs ("attacked a market", «هجوم على سوق»). Read by the sentence extractor
beside the roles (``veille.extract.roles``)."""

from __future__ import annotations

from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import (
    PASSIVE_SUBJECTS,
    REPORT_PREPS,
    TARGET_DEPS,
    ancestors,
    head_of,
    subject_of,
)
from veille.extract.territory import dates_the_verb


def civilian_target(
    lex: Lexicon, group: list[Match], toks: list[Tok], *, doer_named: bool = False
) -> bool:
    """Civilians are the target when a civilian noun is the victim, not a modifier:
    "ont enlevé des voyageurs", "tuant trois civils", but not "le camp de réfugiés".
    ``doer_named``: the sentence names who did it ("a teenager was shot dead by a
    police officer"), so a death verb that is all its trigger tells the act itself."""
    found = lex.fatality.find(toks)
    # «سقط ما لا يقل عن ثلاثين قتيلا», «قتل ما لا يقل عن»: a lower bound between the verb
    # and its count.
    bounds = {b.start: b.end for b in lex.lower_bound.find(toks)}
    deaths = {bounds.get(fm.end, fm.end) for fm in found}
    participles = {fm.start for fm in found}  # "30 civilians killed", «30 civils tués»
    # "14 people were killed when a bomb ...", «quatorze personnes ont été tuées quand
    # ...»: the subject of a verb of death or injury, where the trigger is more than
    # that verb (a toll told alone stays the toll of the event told before).
    hurt = {i for fm in (*found, *lex.injury.find(toks)) for i in range(fm.start, fm.end)}
    told = {i for m in group for i in range(m.start, m.end)}
    if doer_named:
        hurt |= told  # "was shot dead by a police officer": the trigger's subject was hit
    elif told <= hurt:
        hurt = set()
    # "..., residents said", «ont raconté des habitants», «قال سكان»: who tells of it
    speaking = {
        i
        for table in (lex.statement, lex.report, lex.confirm, lex.deny)
        for m in table.find(toks)
        for i in range(m.start, m.end)
    }
    for c in lex.civilian.find(toks):
        tok = toks[c.start]
        if (tok.dep and tok.head in speaking and tok.head != tok.i) or (
            not tok.dep and c.start - 1 in speaking
        ):
            continue  # a teller (or who is told: "told residents to leave"), no victim
        if c.start <= group[0].start and not (
            c.start in deaths
            or c.start - 1 in deaths
            or c.end in participles
            or any(subject_of(toks, tok.start, v) for v in hurt)
            # "15 farmers were kidnapped", «des civils ont été enlevés»: what the act
            # told in the passive was done to
            or (tok.dep in PASSIVE_SUBJECTS and tok.head in told)
        ):
            continue  # before the trigger, unless a death verb counts it ("قتل مدنيان برصاص")
        head = toks[tok.head]
        counted = (
            fold(head.lemma) in lex.vague_numbers
            or bool(lex.aggregate_quantifiers.find([head]))
            or any(t.head == c.start and t.dep == "nummod" for t in toks)  # "20 civils"
        )
        # A noun modifying another noun ("camp de réfugiés") is no victim; one the parser
        # hung on the day word between it and the verb is («ont attaqué vendredi des
        # villageois»).
        if (
            tok.dep == "nmod"
            and head.pos in ("NOUN", "PROPN")
            and not counted
            and not dates_the_verb(head)
        ):
            continue
        if any(t.head == tok.i and t.dep == "case" and t.keys & REPORT_PREPS for t in toks) or (
            c.start > 0 and toks[c.start - 1].keys & REPORT_PREPS
        ):
            continue  # "selon des habitants": witnesses, not victims
        return True
    return False


#: Words after an Arabic trigger within which its target is named.
_AR_TARGET_WINDOW = 5


def civilian_site_target(lex: Lexicon, group: list[Match], toks: list[Tok], language: str) -> bool:
    """The attack fell on a place or gathering of civilians: a civilian site is the
    trigger's object or complement ("attacked a market", "a attaqué l'église", "ont
    ouvert le feu sur des fidèles"), or, in Arabic, named within a few words after it
    ("هجوم على سوق")."""
    trig = {i for m in group for i in range(m.start, m.end)}
    # "ont lancé un assaut contre une église": the verb that governs a nominal trigger.
    trig |= {toks[i].head for i in list(trig) if toks[i].pos == "NOUN" and toks[i].dep == "obj"}
    # "a passenger plane was hit by gunfire", «touché par des tirs»: the passive verb
    # whose agent the nominal trigger is, and whose subject was hit.
    for i in list(trig):
        tok = toks[i]
        if tok.pos != "NOUN":
            continue
        if tok.dep == "obl:agent":
            trig.add(tok.head)
        elif tok.dep == "pobj" and toks[tok.head].dep == "agent":
            trig.add(toks[tok.head].head)
    for c in lex.civilian_sites.find(toks):
        if c.start in trig:
            continue
        if language == "ar":
            # After any word of the trigger group ("هاجم ... قرية ... وقتلوا").
            if any(0 < c.start - i <= _AR_TARGET_WINDOW for i in trig):
                return True
            continue
        # The phrase's head: "ship" of "cargo ship", «navire» of «navire marchand».
        tok = toks[head_of(toks, c)]
        chain = [tok.head, *ancestors(toks, tok.head, limit=1)] if tok.head != tok.i else []
        if tok.dep in TARGET_DEPS | {"obl", "obl:mod", "obl:arg", "pobj", "nmod"} and any(
            k in trig for k in chain
        ):
            return True
    return False
