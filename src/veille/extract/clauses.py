"""How a sentence's clauses part what it tells: the sides of a contrast ("while",
«tandis que», «بينما»), "and" before a clause whose own subject tells a new event, and
a bare word of otherness standing for the event noun told before it ("..., and another
hit a car in Y"). Sentence extraction groups its triggers across these cuts."""

from __future__ import annotations

from collections.abc import Sequence

from veille.extract.candidate import ActorRef, SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok
from veille.extract.syntax import CLAUSE_SEPARATORS, PASSIVE_SUBJECTS, ancestors, words_of
from veille.model import Span


def contrast_cuts(lex: Lexicon, toks: list[Tok]) -> list[int]:
    """The token positions of the sentence's contrast connectives ("while", «tandis
    que», «بينما», «في حين»; noun class ``contrast_connectives``) and semicolons: the
    cuts between its sides."""
    contrasts = lex.noun_classes.get("contrast_connectives", frozenset())
    # Two-word connectives («في حين», «alors que») cut at their first word.
    pairs = [tuple(c.split()) for c in contrasts if c.count(" ") == 1]
    return [
        i
        for i, t in enumerate(toks)
        if t.keys & contrasts
        # "Police fire tear gas in X; one killed in Y": a semicolon joins two clauses
        or t.text in CLAUSE_SEPARATORS
        or (i + 1 < len(toks) and any(a in t.keys and b in toks[i + 1].keys for a, b in pairs))
    ]


def concurrent_clauses(lex: Lexicon, toks: list[Tok], s: SentenceInput) -> list[int]:
    """ "Strikes killed 12 in the south, the ministry said, as Hezbollah fired rockets at
    Haifa": a clause opened by a mark of concurrence (noun class ``concurrent_marks``)
    whose own subject is an actor tells that actor's act, another happening than the one
    it is set beside: the mark is a cut, as a contrast connective is. ("... when gunmen
    ambushed a convoy" tells how the act happened: not such a mark.)"""
    marks = lex.noun_classes.get("concurrent_marks", frozenset())
    out = []
    for t in toks:
        if t.dep != "mark" or not t.keys & marks or t.head == t.i:
            continue
        subjects = [u for u in toks if u.head == t.head and u.dep.startswith("nsubj")]
        if any(a.start <= u.start < a.end for u in subjects for a in s.actors):
            out.append(t.i)
    return out


def side_of(i: int, cuts: list[int], toks: list[Tok]) -> Span:
    """The characters between the contrast connectives around token ``i``."""
    before = [c for c in cuts if c < i]
    after = [c for c in cuts if c > i]
    start = toks[before[-1]].start if before else toks[0].start
    end = toks[after[0]].start if after else toks[-1].end
    return start, end


def clause_joints(lex: Lexicon, toks: list[Tok], triggers: Sequence[Match]) -> list[int]:
    """The token positions of "and" / «et» before a clause whose own subject tells a new
    event: an event noun ("a strike hit a house and a second strike hit a car") or a
    word of otherness standing for one ("..., and another hit a car", «et une autre a
    touché ...»), or the target of an act told in the passive ("..., and the town of X
    was targeted too": the subject of a passive trigger is what it hit), or a count of
    dead of its own ("..., and in Y three died"). A verb that
    shares the first clause's subject ("hit a house and killed two"), or a clause of
    another doer ("and rescuers took the wounded to X"), tells the same happening."""
    others = lex.noun_classes.get("another_event", frozenset())
    dying = words_of(lex.fatality, toks)
    return [
        cut
        for cut, subject, verb in _joined_clauses(toks)
        if toks[subject].keys & others
        or any(m.start <= subject < m.end for m in triggers)
        or (
            toks[subject].dep in PASSIVE_SUBJECTS and any(m.start <= verb < m.end for m in triggers)
        )
        # "..., and in Y three died", «et à Y trois personnes sont mortes»: a count of
        # dead of the clause's own.
        or (verb in dying and _counted(toks, subject))
    ]


def arabic_clause_joints(toks: list[Tok], triggers: Sequence[Match], s: SentenceInput) -> list[int]:
    """Arabic has no parse here: a trigger verb glued to «و» or «ف» after a comma, with
    its own subject right after it (Arabic puts the verb first), opens a clause of its
    own doer («هاجم مسلحون قرية في X، وقصفت القوات الحكومية بلدة Y»); a verb with no
    subject of its own («... وقتلوا ثلاثة») shares the first clause's doer and event."""
    out = []
    for m in triggers:
        k = m.start
        if (
            k < 2
            or m.end >= len(toks)
            or toks[k - 1].text not in _COMMAS
            or toks[k].text[:1] not in _ARABIC_CONJUNCTIONS
            or not any(n.start < k for n in triggers)
        ):
            continue
        subject = toks[m.end].start
        if any(a.start <= subject < a.end for a in s.actors):
            out.append(k - 1)  # the comma: the cut lies between the clauses
    return out


#: Commas, Arabic and Latin.
_COMMAS = frozenset({"،", ","})
#: The conjunctions Arabic glues to the verb that opens a coordinated clause.
_ARABIC_CONJUNCTIONS = frozenset({"و", "ف"})


def _counted(toks: list[Tok], i: int) -> bool:
    """The word is a number, or a noun a number counts ("three", «trois personnes»)."""
    return toks[i].pos == "NUM" or any(t.head == i and t.dep == "nummod" for t in toks)


def _joined_clauses(toks: list[Tok]) -> list[tuple[int, int, int]]:
    """(the joining "and", the second clause's subject, its verb) for each clause
    coordination."""
    out = []
    for v in toks:
        if v.dep != "conj" or v.pos not in _VERBS or toks[v.head].pos not in _VERBS:
            continue
        subject = next((t.i for t in toks if t.head == v.i and t.dep.startswith("nsubj")), None)
        if subject is None:
            # "... killed four people and another strike on a school killed three": the
            # parser may hang the second subject on the first clause's object, as a
            # noun joined to it; the noun after the "and" is the clause's subject.
            subject = next(
                (
                    t.i
                    for t in reversed(toks[v.head + 1 : v.i])
                    if t.dep == "conj" and t.pos == "NOUN" and toks[t.head].pos in _OBJECTS
                ),
                None,
            )
        if subject is None and toks[v.i - 1].pos == "NUM":
            subject = v.i - 1  # "and in Y five died": a count the parser hung elsewhere
        if subject is None or subject > v.i:
            continue
        k = subject - 1
        while k > v.head and (
            (
                toks[k].head == subject
                and (toks[k].pos in _NOUN_PHRASE_WORDS or toks[k].dep == "compound")
            )
            # "and in Y three died": a phrase of the clause's own verb before its subject
            or (toks[k].pos != "CCONJ" and v.i in ancestors(toks, k, limit=_PHRASE_DEPTH))
        ):
            k -= 1  # "and an air strike ...": its article, number, adjective or compound
        if k > v.head and toks[k].pos == "CCONJ":
            out.append((k, subject, v.i))
    return out


def elliptic_others(lex: Lexicon, toks: list[Tok], triggers: list[Match]) -> list[Match]:
    """ "A strike hit a house, and another hit a car", «une frappe a visé ... et une
    autre a touché ...»: a joined clause whose subject is a bare word of otherness stands
    for the event noun told before it, and tells a second event of that kind."""
    others = lex.noun_classes.get("another_event", frozenset())
    out = []
    for t in toks:
        # A bare word of otherness that is a verb's subject, in a clause of its own
        # (after "and", "while", «tandis que»): "another struck a school".
        if not t.dep.startswith("nsubj") or t.pos in ("NOUN", "PROPN") or not t.keys & others:
            continue
        if toks[t.head].pos not in _VERBS or toks[t.head].dep not in _OWN_CLAUSE_DEPS:
            continue
        nouns = [m for m in triggers if m.end <= t.i and toks[m.start].pos == "NOUN"]
        if nouns:
            out.append(Match(t.i, t.i + 1, nouns[-1].payload))
    return out


_VERBS = frozenset({"VERB", "AUX"})
#: Parts of speech of a clause's object that a noun joined to it may stand beside.
_OBJECTS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: How the verb of a clause of its own hangs on the sentence's first verb.
_OWN_CLAUSE_DEPS = frozenset({"conj", "advcl"})


#: How deep a phrase of the verb's may nest before its subject ("in the town of Y").
_PHRASE_DEPTH = 4

#: Words before a subject noun within its phrase ("a second", «une»).
_NOUN_PHRASE_WORDS = frozenset({"DET", "ADJ", "NUM"})


def placed_on_both_sides(cut: int, cuts: list[int], toks: list[Tok], s: SentenceInput) -> bool:
    """Each side of the contrast connective at token ``cut`` names a place of its own."""
    if cut == 0 or cut >= len(toks) - 1:
        return False
    sides = (side_of(cut - 1, cuts, toks), side_of(cut + 1, cuts, toks))
    named = [{p.place_id for p in s.places if a <= p.start < b} for a, b in sides]
    return all(named) and named[0] != named[1]


#: Words after an Arabic connective its clause's subject may stand at (a verb between).
SUBJECT_AFTER_CUT = 3


def opens_on_a_subject(toks: list[Tok], cut: int, actors: Sequence[ActorRef]) -> bool:
    """An actor starts within ``SUBJECT_AFTER_CUT`` words after the connective at
    ``cut`` («فيما شنت طائرات أمريكية»: the verb, then its subject)."""
    words = toks[cut + 1 : cut + 1 + SUBJECT_AFTER_CUT]
    return any(w.start <= a.start < w.end for w in words for a in actors)
