"""The tense a candidate's act is told in: the pluperfect of a retrospective ("had
announced", «avaient opposé»), and the pluperfect of reported speech, which follows the
telling ("said that ... had struck") and marks no background. ``veille.extract.story``
reads them to keep the story's news apart from its background."""

from __future__ import annotations

from veille.extract.candidate import Candidate
from veille.extract.lexicon import Tok, fold
from veille.extract.syntax import RELATIVE_DEPS

#: Auxiliaries of the pluperfect, by language (folded forms).
_PLUPERFECT_AUX = {
    "fr": frozenset({"avait", "avaient", "etait", "etaient", "avais", "etais"}),
    "en": frozenset({"had", "'d"}),
}


def pluperfect(c: Candidate) -> bool:
    """Whether the candidate's trigger is a verb in the pluperfect (a retrospective)."""
    toks = c.sentence.tokens
    trig = trigger_token(c)
    if trig is None:
        return False
    # Arabic news tells its main events with كان ... قد + perfect as often as its
    # background, so the form says nothing there (tests/test_arabic_rules.py).
    aux = _PLUPERFECT_AUX.get(c.sentence.language)
    if aux is None:
        return False
    # The trigger's own verb, or any verb above it: "had announced that it was
    # suspending its attacks" is background as a whole.
    verbs = verbs_above(trig, toks)
    if any(v.pos == "AUX" and fold(v.text) in aux for v in verbs):
        return True  # the parser made the auxiliary the head ("avaient retenti" misparsed)

    told = [v for v in verbs if _pluperfect_aux_on(v.i, toks, aux)]
    if not told:
        return False
    # «la police a dispersé des jeunes qui avaient érigé des barricades»: a relative
    # clause in the pluperfect on a noun of a clause told in another tense tells what
    # came just before that clause's act, not background.
    own = told[0]
    if own.dep not in _RELATIVE_CLAUSES:
        return True
    above = next((v for v in verbs_above(toks[own.head], toks, limit=6) if v.i != own.i), None)
    return above is None or _pluperfect_aux_on(above.i, toks, aux)


#: Dependencies of a relative clause on its noun (and a clause the parser hung on a
#: noun as "acl").
_RELATIVE_CLAUSES = RELATIVE_DEPS | {"acl"}


def _pluperfect_aux_on(verb: int, toks: list[Tok], aux: frozenset[str]) -> bool:
    """An auxiliary of the pluperfect (folded forms ``aux``) hangs on the verb."""
    return any(
        t.head == verb and t.i != verb and t.dep.startswith("aux") and fold(t.text) in aux
        for t in toks
    )


def trigger_token(c: Candidate) -> Tok | None:
    """The token the candidate's trigger starts in."""
    return next((t for t in c.sentence.tokens if t.start <= c.trigger[0] < t.end), None)


def backshifted(c: Candidate, *, own_tense: bool = False) -> bool:
    """The trigger's clause is the complement of a verb above it ("said that ... had"):
    the tense follows the telling, it does not mark background. ``own_tense``: and the
    telling is not itself in the pluperfect ("had announced that it was suspending its
    attacks" is background as a whole)."""
    toks = c.sentence.tokens
    trig = trigger_token(c)
    if trig is None:
        return False
    clause = next((v for v in verbs_above(trig, toks) if v.dep == "ccomp"), None)
    if clause is None:
        return False
    if not own_tense:
        return True
    return not _pluperfect_aux_on(
        clause.head, toks, _PLUPERFECT_AUX.get(c.sentence.language, frozenset())
    )


def verbs_above(trig: Tok, toks: list[Tok], limit: int = 4) -> list[Tok]:
    """The trigger when it is a verb, and the verbs it depends on (nearest first)."""
    out = []
    tok = trig
    for _ in range(limit):
        if tok.pos in ("VERB", "AUX"):
            out.append(tok)
        if tok.head == tok.i:
            break
        tok = toks[tok.head]
    return out
