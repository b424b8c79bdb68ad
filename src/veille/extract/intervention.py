"""Force met by a crowd, within one sentence: whether a word of intervention tells
force used ("police dispersed the protesters", not "a protest against the crackdown"
nor "the protesters dispersed peacefully"), whether the crowd the forces faced is one
not told before ("fired tear gas at protesters", not "the protesters") or counted among
the dead ("eight protesters were killed"), and whether the weapons named kill (tear gas
and water cannon only disperse). ``veille.extract.sentence`` reads them."""

from __future__ import annotations

from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.numbers import read_number
from veille.extract.syntax import ACTED_ON, PASSIVE_AUX, SUBJECT_DEPS
from veille.nlp.arabic import is_generic_determiner, normalize


def lethal(weapons: list[Match]) -> bool:
    """A weapon the sentence names kills (tear gas and water cannon only disperse)."""
    return any(w.payload.sub != "Protest with intervention" for w in weapons)


def new_crowd(lex: Lexicon, toks: list[Tok]) -> bool:
    """The sentence names a crowd it has not told before: an indefinite crowd noun
    ("fired tear gas at protesters", «على متظاهرين»), not "the protesters", «les
    manifestants», «المتظاهرين», which point back at a protest told, nor a counted
    crowd («ثمانية متظاهرين قتلوا»), its victims."""
    # "without injuries", «دون وقوع إصابات»: no one hurt
    spared = {k for m in lex.no_fatalities.find(toks) for k in range(m.start, m.end)}
    hurt = any(m.start not in spared for m in (*lex.fatality.find(toks), *lex.injury.find(toks)))
    for m in lex.crowd.find(toks):
        tok = toks[m.start]
        if not hurt and _sized(lex, toks, m):
            return True  # «عشرات المحتجين», "hundreds of protesters": a crowd's size
        if fold(tok.text).startswith(("ال", "وال", "بال", "لل", "فال")):
            continue
        if _counted(lex, toks, m):
            continue  # "eight protesters were killed": counted, they were hit
        before = toks[m.start - 1] if m.start > 0 else None
        if before is not None and (
            fold(before.text) in _ANY or is_generic_determiner(normalize(before.text))
        ):
            continue  # "any protester who gets in", «أي متظاهرين»: none in particular
        if any(
            t.head == tok.i and t.dep.startswith("det") and fold(t.text) in POINTING_BACK
            for t in toks
        ) or (m.start > 0 and fold(toks[m.start - 1].text) in POINTING_BACK):
            continue
        return True
    return False


def counted_crowd(lex: Lexicon, toks: list[Tok]) -> bool:
    """A crowd noun with a number right before it ("eight protesters", «ثمانية
    متظاهرين»): the crowd counted, as the dead or the hurt are."""
    return any(_counted(lex, toks, m) for m in lex.crowd.find(toks))


def _sized(lex: Lexicon, toks: list[Tok], m: Match) -> bool:
    """A vague number of the crowd's size right before the crowd noun ("dozens of",
    «عشرات», «des centaines de»): Arabic puts the noun after it with the article, as
    the genitive of the number, which makes it no crowd told before."""
    return any(
        fold(t.text) in lex.vague_numbers or fold(t.text).lstrip("و") in lex.vague_numbers
        for t in toks[max(0, m.start - 2) : m.start]
    )


def _counted(lex: Lexicon, toks: list[Tok], m: Match) -> bool:
    """A number stands within two words before the crowd noun at ``m``."""
    return any(read_number(lex, t) is not None for t in toks[max(0, m.start - 2) : m.start])


#: Determiners of no crowd in particular ("any protesters", «tout manifestant»).
_ANY = frozenset({"any", "every", "tout", "toute", "tous", "chaque"})


#: Determiners of a noun already told ("the protesters", «ces manifestants»).
POINTING_BACK = frozenset(
    {"the", "these", "those", "le", "la", "les", "l'", "ces", "ce", "cette", "leurs"}
)


def force_used(toks: list[Tok], cue: Match, lex: Lexicon) -> bool:
    """Whether an intervention word tells force used, not a topic ("a protest against
    the crackdown") or a force held back ("police did not disperse them"): a verb with
    no negation on it; in Arabic, which has no parse here, a verb-first sentence's verb
    (the cue opening its clause)."""
    tok = toks[cue.start]
    if not tok.pos:
        return cue.start == 0 or toks[cue.start - 1].text in (",", "،", "و")
    if tok.pos != "VERB":
        return False
    children = [t for t in toks if t.head == cue.start and t.i != cue.start]
    if any(t.dep.startswith("expl") or fold(t.text) in _REFLEXIVE for t in children):
        return False  # «le cortège s'est dispersé dans le calme»: the crowd went its way
    if any(t.dep in SUBJECT_DEPS and lex.crowd.find([t]) for t in children) and not any(
        t.dep in _OBJECT_OR_PASSIVE for t in children
    ):
        return False  # "the protesters dispersed peacefully": no one dispersed them
    return not any(t.keys & lex.negation for t in children)


#: Reflexive pronouns of a verb the crowd does to itself («se disperser»).
_REFLEXIVE = frozenset({"se", "s'"})


#: What makes a verb of intervention act on someone: an object, or a passive.
_OBJECT_OR_PASSIVE = ACTED_ON | PASSIVE_AUX
