"""Numbers near a word of death that count no dead, or only a part of them: a time or a
distance ("three weeks after", "50 km"), families ("five members of one family"), the
speaker's own people ("my two brothers"), and a part of the dead ("two of those
killed", «dont trois enfants», "بينهم ثلاثة"). ``veille.extract.tolls`` skips them."""

from __future__ import annotations

from veille.extract.lexicon import Lexicon, Tok, fold
from veille.lang.loader import closed_words

# Words around a number that make it a part of the dead, not the toll, are each
# language's ``partitive_after`` / ``partitive_before`` (veille/lang/<code>/closed_class.json).

#: What a verb acts on, as the parser names its object.
_OBJECTS = frozenset({"obj", "dobj"})
#: The "of" between a number word and what it counts («une dizaine de motos»).
_OF = frozenset({"of", "de", "d'", "d’", "des"})


def counts_no_dead(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """The number at ``i`` measures time or distance, counts families, or counts the
    speaker's own people: no count of the dead."""
    return (
        _measures(lex, toks, i)
        or _counts_a_kin_group(lex, toks, i)
        or _counts_the_speakers_own(toks, i)
    )


def a_part_of_the_dead(toks: list[Tok], i: int, death: range) -> bool:
    """The number at ``i`` counts a part of a group ("two of those killed", «deux des
    morts», "dont trois enfants", "including five soldiers", "بينهم ثلاثة"), not the
    toll. A number that is the death verb's object counts the killed even before "of"
    ("shot dead nine of them", "killed five of the passengers"): the group is theirs."""
    nxt = fold(toks[i + 1].text) if i + 1 < len(toks) else None
    if nxt in closed_words("partitive_definite") or (
        nxt in closed_words("partitive_after") and not _counts_a_noun(toks, i + 2)
    ):
        return not _object_of(toks, i, death)
    return _after_partitive(toks, i)


def _object_of(toks: list[Tok], i: int, death: range) -> bool:
    """The number is the object of the death verb (``death``: its tokens), or of the
    verb a word of death hangs on ("shot ... dead")."""
    verb = toks[i].head
    return toks[i].dep in _OBJECTS and (
        verb in death or any(toks[k].head in (verb, i) for k in death)
    )


def _after_partitive(toks: list[Tok], i: int) -> bool:
    """The number at ``i`` follows a word that makes it a part of a group ("including
    five", "among them eleven", «dont au moins trois», "بينهم ثلاثة"), a filler or two
    ("them", "at least") between."""
    fillers = closed_words("partitive_fillers")
    openers = closed_words("partitive_before")
    for k in range(i - 1, max(-1, i - 4), -1):
        if toks[k].keys & openers:
            return True
        if not toks[k].keys & fillers:
            return False
    return False


def _counts_a_noun(toks: list[Tok], after: int) -> bool:
    """ "dozens of residents", "hundreds of people": the word after "of" is a bare noun
    the number counts, not a determiner or pronoun of a group it takes a part of ("two
    of the dead", "three of them")."""
    if after >= len(toks):
        return False
    tok = toks[after]
    return tok.pos in ("NOUN", "ADJ") and tok.dep not in ("det", "poss")


def _counts_a_kin_group(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """The number counts families, not people ("of one family", «d'une même famille»,
    «من عائلة واحدة»): its noun is a word of the class ``kin_groups``, the next word
    (or, unparsed, the word before, as Arabic puts «واحدة» after its noun)."""
    kin = lex.noun_classes.get("kin_groups", frozenset())
    if toks[i].dep:
        head = toks[i].head
        return head != i and bool(toks[head].keys & kin)
    near = [k for k in (i - 1, i + 1) if 0 <= k < len(toks)]
    return any(toks[k].keys & kin for k in near)


def _counts_the_speakers_own(toks: list[Tok], i: int) -> bool:
    """The number counts the speaker's own people ("my two brothers", «mes deux fils»):
    its noun has a possessive of the speaker (``speaker_possessives``) before it. A
    witness tells part of the toll that way, not the toll."""
    head = toks[i].head
    if not toks[i].dep or head == i:
        return False
    mine = closed_words("speaker_possessives")
    return any(
        t.head == head
        and t.i < i
        and t.dep in ("poss", "det", "nmod:poss")
        and fold(t.text) in mine
        for t in toks
    )


def _measures(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """The number measures time or distance ("deux jours", "17 ans", "50 km"), or counts
    things ("une dizaine de motos"). A word
    that counts people by itself (the Arabic dual «شخصان», "two persons") measures
    nothing: the day named after it dates the act («قتل شخصان يوم الثلاثاء»)."""
    if lex.civilian.find(toks[i : i + 1]):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    head = toks[toks[i].head] if toks[i].head != i else None
    if any(t is not None and t.keys & lex.measure_nouns for t in (nxt, head)):
        return True
    # "une dizaine de motos", "a dozen vehicles": a count of things (noun class
    # ``counted_things``), after its "of" or not.
    things = lex.noun_classes.get("counted_things", frozenset())
    after = toks[i + 2] if nxt is not None and nxt.keys & _OF and i + 2 < len(toks) else nxt
    return any(t is not None and t.keys & things for t in (after, head))
