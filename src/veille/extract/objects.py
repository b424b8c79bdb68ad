"""What a trigger acts on: whether its object, in the parse or in the words after it,
is of a noun class the trigger's entry names ("struck Hezbollah targets", "struck two
weapons depots", «a abattu jeudi en mer Rouge trois drones», «فجر الجيش ثلاثة منازل»),
past the determiners, numbers, days and phrases of place that may stand before it.
``veille.extract.triggers`` keeps or drops a trigger by it (``object_class``,
``not_object_class``)."""

from __future__ import annotations

from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import (
    ACTED_ON,
    PASSIVE_AGENTS,
    PASSIVE_AUX,
    PASSIVE_SUBJECTS,
    SUBJECT_DEPS,
    ancestors,
)
from veille.extract.territory import PUNCTUATION, TERRITORY_WINDOW, dates_the_verb

#: Words of a noun phrase before its noun: "two Hezbollah weapons depots".
_BEFORE_NOUN = frozenset({"DET", "NUM", "ADJ", "PROPN"})


def subject_of_class(lex: Lexicon, m: Match, toks: list[Tok], name: str) -> bool:
    """The trigger verb's subject is of class ``name``: "prices exploded" (a surge, not
    a blast); of a trigger that opens on a preposition, the subject of the verb it hangs
    on: "the convoy came under fire" (not the minister, criticised)."""
    nouns = lex.noun_classes.get(name, frozenset())
    verbs = {*range(m.start, m.end)}
    if toks[m.start].pos == "ADP":
        verbs.add(toks[m.start].head)
    return any(t.head in verbs and t.dep in SUBJECT_DEPS and t.keys & nouns for t in toks)


def object_of_class(lex: Lexicon, m: Match, toks: list[Tok], name: str) -> bool:
    """The noun after the trigger (past determiners, numbers, adjectives and names) is of
    class ``name``: "struck Hezbollah targets", "struck two weapons depots"."""
    nouns = lex.noun_classes.get(name, frozenset())
    if not any(t.dep for t in toks):
        # Unparsed Arabic, verb-subject-object: the subject may stand between the verb
        # and its object ("فجر الجيش ثلاثة منازل"); the object comes within a few words,
        # before any punctuation.
        for tok in toks[m.end : m.end + _AR_OBJECT_REACH]:
            if tok.text in PUNCTUATION or tok.keys & _AR_OBJECT_ENDS:
                # «فجر انتحاري نفسه داخل مسجد»: the object was himself; a preposition
                # opens a place, not the object.
                return False
            if tok.keys & nouns:
                return True
        return False
    # «plusieurs assaillants ont été neutralisés»: a passive's subject is what it acts on;
    # "took away more than 200 pupils": so is the object the parse gives, past any count.
    for t in toks:
        # «se heurter aux forces»: a verb's argument with its preposition counts too.
        if m.start <= t.head < m.end and t.dep in (*ACTED_ON, "obl:arg") and t.keys & nouns:
            return True
        # «des dizaines de maisons ont été incendiées»: the count's noun is what it
        # acts on.
        if (
            t.keys & nouns
            and t.dep in ("nmod", "pobj")
            and toks[t.head].dep in ACTED_ON
            and m.start <= toks[t.head].head < m.end
            and toks[t.head].pos in ("NOUN", "NUM", "PRON")
            and not toks[t.head].keys & nouns
        ):
            return True
        # "an attack on the budget", «une attaque contre la réforme»: a noun's object
        # with its preposition.
        if t.keys & nouns and (
            (
                t.dep == "pobj"
                and m.start <= toks[t.head].head < m.end
                # "blew up outside a police station": a verb's phrase of place is where,
                # not what it acted on.
                and not (
                    toks[toks[t.head].head].pos == "VERB" and fold(toks[t.head].text) in _WHERE
                )
            )
            or (t.dep == "nmod" and m.start <= t.head < m.end and toks[t.head].pos == "NOUN")
        ):
            return True
    phrase_end = -1
    for j in range(m.end, min(len(toks), m.end + TERRITORY_WINDOW)):
        tok = toks[j]
        if j <= phrase_end:
            continue  # inside a phrase of place before the object
        # "seized a passenger train": a noun that modifies the next is not the object.
        if tok.keys & nouns and not (tok.dep == "compound" and tok.head > j):
            return True
        if tok.pos == "ADP" and tok.dep == "case" and toks[tok.head].dep in _PLACE_PHRASE:
            # «a abattu jeudi en mer Rouge trois drones»: where, then the object.
            phrase_end = max(k for k in range(j, len(toks)) if _within(toks, k, tok.head))
            continue
        # "40 des 60", «une cinquantaine de»: a number, or a noun of number, then "of".
        partitive = tok.pos == "ADP" and j > m.end and toks[j - 1].pos == "NUM"
        if dates_the_verb(tok):
            continue  # «a neutralisé mardi 12 jihadistes»: the day, then the object
        if tok.pos == "ADP" and fold(tok.text) in _PARTITIVE_ARTICLES:
            continue  # «a incendié des maisons»: a partitive article the parser calls ADP
        if fold(tok.text) in lex.vague_numbers or (
            tok.pos == "ADP" and j > m.end and fold(toks[j - 1].text) in lex.vague_numbers
        ):
            continue
        compound = tok.pos == "NOUN" and tok.dep == "compound"
        # "the government's budget", "the army's positions": the owner, then the object.
        owner = tok.dep == "poss" or (tok.dep == "case" and tok.text in ("'s", "’s"))
        if tok.pos not in _BEFORE_NOUN and not partitive and not compound and not owner:
            return False
    return False


def ruin_told_alone(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """ "Homes were flattened in X", «un immeuble a été détruit à X»: a verb of ruin in
    the passive with no agent, whose subject is a building or a military site, in a
    sentence that names a place. What ruined it is untold: in a story of strikes, the
    strike's effect at that place (``TriggerEntry.ruin_of_strike``). Parsed text only
    (an unvocalised Arabic verb shows no voice)."""
    if not any(not p.demonym for p in s.places):
        return False
    verbs = range(m.start, m.end)
    children = [t for t in toks if t.head in verbs and t.i not in verbs]
    if not any(t.dep in PASSIVE_AUX for t in children):
        return False
    if any(t.dep in PASSIVE_AGENTS for t in children):
        return False  # "destroyed by the militia": the agent is told
    ruined = lex.noun_classes.get("buildings", frozenset()) | lex.noun_classes.get(
        "military_targets", frozenset()
    )
    return any(t.dep in PASSIVE_SUBJECTS and t.keys & ruined for t in children)


#: English prepositions of a verb's phrase of place ("went off outside a station").
_WHERE = frozenset(
    {"in", "at", "outside", "inside", "near", "beside", "behind", "under", "beneath"}
    | {"opposite", "around", "next", "along", "by"}
)

#: Dependencies of a phrase of place or time on the verb («en mer Rouge», "over X").
_PLACE_PHRASE = frozenset({"obl", "obl:mod"})


def _within(toks: list[Tok], k: int, head: int) -> bool:
    """The token at ``k`` is ``head`` or in its phrase (``head`` among its heads)."""
    return k == head or head in ancestors(toks, k, limit=_PHRASE_DEPTH)


#: How deep a phrase of place may nest ("en mer Rouge": "Rouge" -> "mer").
_PHRASE_DEPTH = 3


#: French partitive articles, which the parser may tag as prepositions.
_PARTITIVE_ARTICLES = frozenset({"des", "du"})


#: Words after an unparsed Arabic verb within which its object stands (past its
#: subject and a number: "فجر الجيش الإسرائيلي ثلاثة منازل").
_AR_OBJECT_REACH = 5


#: Words past which an unparsed Arabic verb's object is no longer sought: the reflexive
#: object ("himself", «نفسه») and the prepositions that open a place (normalised forms).
_AR_OBJECT_ENDS = frozenset(
    {"نفسه", "نفسها", "انفسهم", "في", "داخل", "قرب", "عند", "امام", "علي", "الي", "من"}
)
