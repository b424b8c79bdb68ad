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
