"""Each place's own count of the dead, where a sentence tells several places: after a
partitive cue ("including eight in X and five in Y"), or right before each place's
preposition or the act it fell in ("five people in X and three in a raid on Y").
``veille.extract.sentence`` gives each place's event its count."""

from __future__ import annotations

from collections.abc import Sequence

from veille.extract.candidate import PlaceRef
from veille.extract.lexicon import Lexicon, Tok
from veille.extract.numbers import read_number
from veille.extract.tolls import Toll, number_after_and
from veille.lang.loader import closed_words


def place_shares(
    lex: Lexicon, toks: list[Tok], places: list[PlaceRef], told: Sequence[PlaceRef] = ()
) -> dict[int, Toll] | None:
    """Each listed place's own count after a partitive cue ("including eight in X and
    five in Y", «dont huit à X et cinq à Y», «بينهم ثمانية في X وخمسة في Y»): the
    number nearest before the place, after the cue and the place before it. None
    when no count is told place by place. A place named again further on ("struck X
    and Y, killing seven in X and five in Y") has its count at that later mention:
    ``told`` holds every place the sentence names."""
    cue = next((t.i for t in toks if t.keys & closed_words("partitive_before")), None)
    if cue is None:
        return _counted_at_each(lex, toks, places, told)
    after_cue = {
        place.start: at
        for place in places
        if (at := next((a for a in _mention_tokens(toks, place, told) if a > cue), None))
        is not None
    }
    out: dict[int, Toll] = {}
    lo = cue
    for place_start, at in sorted(after_cue.items(), key=lambda kv: kv[1]):
        for k in range(at - 1, lo, -1):
            if toks[k].pos == "DET" or toks[k].dep == "det":
                continue  # «une école», "a strike": an article, not a count
            count = _listed_number(lex, toks[k])
            if count is not None:
                out[place_start] = Toll(count, (toks[k].start, toks[k].end))
                break
        lo = at
    return out or None


def _mention_tokens(toks: list[Tok], place: PlaceRef, told: Sequence[PlaceRef]) -> list[int]:
    """The token index of each mention of ``place`` in the sentence, in order: the
    place itself and every other mention the gazetteer resolved to the same entry."""
    starts = {place.start} | {
        p.start for p in told if place.place_id is not None and p.place_id == place.place_id
    }
    return sorted(t.i for t in toks if any(t.start <= b < t.end for b in starts))


def _counted_at_each(
    lex: Lexicon, toks: list[Tok], places: list[PlaceRef], told: Sequence[PlaceRef]
) -> dict[int, Toll] | None:
    """ "killed five people in Tyre and three in Nabatieh", «tué cinq civils à X et trois
    à Y»: with no partitive cue, each place's count of dead right before its preposition
    (a number, then at most a noun), at any of its mentions. None unless every place
    has one: "two strikes hit X and Y" counts strikes, not the dead at each."""
    if len(places) < 2:
        return None
    out: dict[int, Toll] = {}
    for place in places:
        for at in _mention_tokens(toks, place, told):
            toll = _count_before(lex, toks, at)
            if toll is not None:
                out[place.start] = toll
                break
        else:
            return None
    return out


def _count_before(lex: Lexicon, toks: list[Tok], at: int) -> Toll | None:
    """The count right before the preposition of the place at token ``at``: "five
    people in X", "five in X", and before the act it fell in: "five people in a strike
    on X", «خمسة أشخاص في غارة على X», «وثلاثة آخرون في غارة على Y»."""
    if at < 2 or not _preposition(toks[at - 1]):
        return None
    p = at - 1
    # "in a strike on X": a noun with its own preposition (and article) before the
    # place's, then the count.
    j = p - 1
    if j >= 2 and toks[j].pos in ("NOUN", *_UNPARSED) and _listed_number(lex, toks[j]) is None:
        k = j - 1
        if toks[k].pos == "DET" or toks[k].dep == "det" or _listed_number(lex, toks[k]) == 1:
            k -= 1  # "a strike", «un raid» (read as "one" too)
        # the count right before it ("three in a strike on"), or its noun ("five
        # people in a strike on", «وثلاثة آخرون في غارة على»)
        if (
            k >= 2
            and _preposition(toks[k])
            and (
                toks[k - 1].pos in ("NOUN", *_UNPARSED)
                or _listed_number(lex, toks[k - 1]) is not None
            )
        ):
            p = k
    k = p - 1  # the word before the place's preposition
    if k > 0 and toks[k].pos in ("NOUN", *_UNPARSED) and _listed_number(lex, toks[k]) is None:
        k -= 1  # "five people in", «سبعة أشخاص في»: the count is before the noun
    count = _listed_number(lex, toks[k])
    return None if count is None else Toll(count, (toks[k].start, toks[k].end))


def _preposition(tok: Tok) -> bool:
    """A preposition by the parse, or by the language's ``setting_preps`` and
    ``strike_on`` (Arabic has no parse: «في», «على» read as words)."""
    return tok.pos == "ADP" or (
        tok.pos in _UNPARSED
        and bool(tok.keys & (closed_words("setting_preps") | closed_words("strike_on")))
    )


#: The part of speech of a word with no parse (Arabic).
_UNPARSED = ("X", "")


def _listed_number(lex: Lexicon, tok: Tok) -> int | None:
    """A count, also with the Arabic joiner on it ("وخمسة": and five), read as the
    tolls read a number glued to «و» (``tolls.number_after_and``)."""
    count = read_number(lex, tok)
    return count if count is not None else number_after_and(lex, tok)
