"""What a trigger's modality may say: the reasons a trigger tells no event of its own
(``Rejection``), the strategy protocol each language's reading follows (``Modality``:
``veille.extract.modality.ParsedModality`` for parsed languages,
``veille.extract.word_order_modality.WordOrderModality`` for Arabic), and the word
windows both read."""

from __future__ import annotations

from typing import Literal, Protocol

from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok
from veille.extract.syntax import ancestors
from veille.lang.loader import closed_words

#: Why a trigger tells no event of its own.
Rejection = Literal[
    "negated",
    "future or hypothetical",
    "planned",
    "background",
    "accusation",
    "justification",
    "possession",
    "generic",
    "aggregate",
    "habitual",
    "characterisation",
    "foiled",
    "judicial",
    "restated",
]

# Words between a possession cue and the weapon it governs: "ضبط 22 قذيفة هاون",
# "عثرت القوة على سيارة مفخخة".
POSSESSION_WINDOW = 4
# Words between an Arabic verb that qualifies and the event noun it qualifies:
# "تصوير الهجوم على أنه اشتباك".
CHARACTERISATION_WINDOW = 6


class Modality(Protocol):
    def reject_reason(self, m: Match, toks: list[Tok], s: SentenceInput) -> Rejection | None:
        """Why the trigger ``m`` tells no event here; None when it tells one."""
        ...


#: Heads above a trigger within which a court's word ("convicted", «condamné») governs it.
_JUDGED_CLIMB = 7


def judicial(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """An execution after a trial ("Iran executed three men convicted of smuggling",
    «أعدمت السلطات ثلاثة مدانين»): a word of execution (noun class ``execution_words``)
    in a sentence with a word of the courts (``judicial_words``) tells a sentence carried
    out, which ACLED does not code as political violence. An act a court's word governs
    ("convicted on counts including rape", «condamné pour l'enlèvement de») is a charge
    judged, not an act told."""
    executions = lex.noun_classes.get("execution_words", frozenset())
    courts = lex.noun_classes.get("judicial_words", frozenset())
    if not executions or not courts:
        return False
    if any(toks[a].keys & courts for a in ancestors(toks, m.start, limit=_JUDGED_CLIMB)):
        # "convicted him on all counts, including murder and rape", "sentenced over the
        # crackdown": the acts a court's word governs are what it judged, told before.
        return True
    if not any(toks[k].keys & executions for k in range(m.start, m.end)):
        return False
    return any(t.keys & courts for t in toks)


def restated_before_a_sequel(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """ "The massacre follows an attack on X", «Le massacre survient une semaine après
    l'attaque de X»: a bare definite event noun (an adjective at most: no place, doer or
    day of its own) that is the subject of a verb setting it after another act (noun
    class ``sequence_verbs``, with its object or a word of the closed class
    ``sequel_preps``) restates the event told before; the act after the verb is its own
    (``veille.extract.anaphora.sequenced`` reads the same subject as an anaphor where it
    names more of its own)."""
    noun = toks[m.start]
    if noun.pos not in ("NOUN", "PROPN") or not noun.dep.startswith("nsubj"):
        return False
    below = [t for t in toks if t.head == noun.i]
    if not any(t.dep == "det" and t.keys & _DEFINITE for t in below):
        return False
    if any(t.dep not in _BARE for t in below):
        return False  # "the recapture of X came after ...": a told act, its own words
    verb = toks[noun.head]
    if not verb.keys & lex.noun_classes.get("sequence_verbs", frozenset()):
        return False
    afters = closed_words("sequel_preps")
    below = [t for t in toks if t.head == verb.i and t.i > verb.i]
    return any(t.dep in ("dobj", "obj") for t in below) or any(
        t.keys & afters or any(c.head == t.i and c.keys & afters for c in toks) for t in below
    )


#: What a restated event noun may carry: its article, an adjective, punctuation.
_BARE = frozenset({"det", "amod", "punct"})
#: Definite determiners of an event told before.
_DEFINITE = frozenset({"the", "this", "that", "le", "la", "l'", "ce", "cet", "cette"})


def sequel_object(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """The act a verb of sequel sets the restated event after ("... survient une semaine
    après l'attaque de X, où 15 militaires ont péri le 22 juillet"), in a sentence that
    dates something after it: an earlier act told with its day, not vague background."""
    afters = closed_words("sequel_preps")
    verbs = lex.noun_classes.get("sequence_verbs", frozenset())
    up = ancestors(toks, m.start, limit=3)
    if not any(toks[v].keys & verbs for v in up):
        return False
    marked = toks[m.start].dep in ("dobj", "obj") or any(
        t.keys & afters and (t.head == m.start or t.i == toks[m.start].head) for t in toks
    )
    end = toks[m.end - 1].end
    return marked and any(
        d.precision == "day" and d.value is not None and d.start >= end for d in s.dates
    )
