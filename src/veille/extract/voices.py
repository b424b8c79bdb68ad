"""Places that speak or act for a state, not where anything happened: a place that is
the subject of a verb of saying, accusing, denying or claiming ("Washington said",
«Kinshasa accuse Kigali», "Moscow denied"), the active subject of a verb of violence
("Washington has struck back", «Moscou a frappé»), where a teller was reached ("said a
resident reached by telephone from X") and, in Arabic, the seat of an institution that
speaks («قالت وزارة الصحة في غزة») or where a teller spoke from. ``veille.extract.placing``
leaves them out of an event's places."""

from __future__ import annotations

import re
from collections.abc import Set

from veille.extract.candidate import PlaceRef, SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok, TriggerEntry, fold
from veille.extract.syntax import PASSIVE_AUX, ancestors, token_at
from veille.extract.taxonomy import family
from veille.nlp import arabic


def voices(lex: Lexicon, s: SentenceInput) -> set[int]:
    """The starts of the sentence's places that are the subject of a verb of saying,
    accusing or denying ("Washington said", «Kinshasa accuse Kigali», "Moscow denied"):
    each stands for its government, not for where anything happened."""
    if not s.places:
        return set()
    toks = s.tokens
    # Saying, accusing, denying, and claiming or acknowledging («Bakou revendique des
    # gains», "Moscow acknowledged the loss").
    tables = (lex.report, lex.accusation, lex.deny, lex.claim, lex.confirm)
    cues = [m for table in tables for m in table.find(toks)]
    # "Washington has struck back", «Moscou a frappé»: a place that is the active
    # subject of a verb of violence is the state that did it, not where it happened.
    found = lex.triggers.find(toks) if s.language != "ar" else []  # Arabic reads no parse
    acts = [m for m in found if _violent(m.payload)]
    if not cues and not acts:
        return set()
    out: set[int] = set()
    after = {m.end for m in cues}
    events = {k for m in found for k in range(m.start, m.end)}
    for place in s.places:
        i = token_at(toks, place.start)
        if i is None:
            continue
        if s.language == "ar":
            # Verb-subject order, no parse: the name right after the verb («دانت دمشق»),
            # or listed with it («ونسبته موسكو وأنقرة إلى واشنطن»).
            if (
                i in after
                or (i - 1 in after and toks[i].text.startswith("و"))
                or _seat_of_voice(lex, toks, place, i, after)
                or _spoken_from(toks, i, after)
            ):
                out.add(place.start)
        elif _teller_reached_there(toks, i, cues, events):
            out.add(place.start)
        elif toks[i].dep.startswith("nsubj") and toks[i].head != i:
            verb = toks[i].head
            if any(m.start <= verb < m.end for m in cues) or (
                toks[i].dep == "nsubj"
                and _acts_on(toks, verb)
                and any(m.start <= verb < m.end for m in acts)
                and _sole_subject(toks, i, verb)
            ):
                out.add(place.start)
        elif _opens_on(toks, i) and any(m.start == _after(toks, place) for m in cues):
            # «Moscou dément avoir visé ...»: the parser misread the verb (as the
            # adjective "dément"); a name opening the sentence right before a verb of
            # saying or denying is still its subject.
            out.add(place.start)
        elif _opens_on(toks, i) and any(
            _next_verb(toks, _after(toks, place)) == m.start and _acts_on(toks, m.start)
            for m in acts
        ):
            # "Washington bombed ...", read by the parser as an adverb: a name opening
            # the sentence right before a finite verb of violence is its doer ("Kharkiv
            # shelled overnight", a headline's participle, is where it happened).
            out.add(place.start)
    return out


def _teller_reached_there(
    toks: list[Tok], i: int, cues: list[Match], events: Set[int] = frozenset()
) -> bool:
    """ "said a resident reached by telephone from X", «a raconté un habitant joint par
    téléphone depuis X»: a place in a participle's phrase on the teller of a verb of
    saying (its subject, or the object the parser makes of an inverted subject) is
    where the teller was, not where the act fell. An event word (``events``: «a
    revendiqué l'attaque menée contre un poste à X») is what is claimed, no teller; a
    participle that tells the act ("militants killed 20 villagers in X, officials said",
    the parser making "militants" the subject of "said") reached no one there."""
    for k in ancestors(toks, i, limit=_TELLER_CLIMB):
        if toks[k].dep != "acl" or toks[k].pos != "VERB":
            continue
        teller = toks[toks[k].head]
        if teller.i in events or k in events:
            continue  # the participle or its noun is the act ("militants killed ... in X")
        if teller.dep in _TELLER_DEPS and any(m.start <= teller.head < m.end for m in cues):
            return True
    return False


#: Heads from a place up to the participle on the teller ("from" -> "reached").
_TELLER_CLIMB = 4


#: How a teller hangs on its verb of saying (an inverted French subject parses as obj).
_TELLER_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "dobj"})


def _seat_of_voice(lex: Lexicon, toks: list[Tok], place: PlaceRef, i: int, after: Set[int]) -> bool:
    """Arabic «قالت وزارة الصحة في غزة إن ...», «أعلنت السلطات بالفاشر ...»: the place
    after في (or a glued ب) that seats the institution a verb of saying has as subject
    names who speaks, not where the event happened. A person speaking from a place
    («قال مسؤول في الفاشر») may be where it happened, and keeps it."""
    if place.start > toks[i].start and toks[i].text.startswith(("ب", "وب")):
        last = i - 1  # «بغزة»: the preposition is glued to the name
    elif i >= 1 and fold(toks[i - 1].text) == "في":
        last = i - 2
    else:
        return False
    institutions = lex.noun_classes.get("institutions", frozenset())
    for k in range(last, max(-1, last - _SEAT_REACH), -1):
        if toks[k].keys & institutions:
            return k in after
    return False


def _spoken_from(toks: list[Tok], i: int, after: Set[int]) -> bool:
    """Arabic «أعلن الجيش من بورتسودان أن ...»: a place after من, a few words past a
    verb of saying and right before «أن/إن», is where the teller spoke from."""
    if i < 1 or fold(toks[i - 1].text) != "من":
        return False
    told = any(k in after for k in range(max(0, i - 1 - _SPOKEN_REACH), i))
    that = any(arabic.is_complementizer(fold(t.text)) for t in toks[i + 1 : i + 1 + _THAT_REACH])
    return told and that


#: Words between a verb of saying and the من of the place spoken from (its subject).
_SPOKEN_REACH = 4


#: Words between that place and the «أن» of what was said (the rest of a long name).
_THAT_REACH = 2


#: Words from a seated institution's noun to its place ("وزارة الصحة العامة في").
_SEAT_REACH = 3


def _sole_subject(toks: list[Tok], i: int, verb: int) -> bool:
    """The token at ``i`` is the verb's one subject, with no mark of a heading between
    them: in a live blog's «Odesa - a drone hit a port» the parser hangs the heading's
    place on the verb beside its true subject, the drone."""
    lo, hi = sorted((i, verb))
    if any(toks[k].text in _HEADING_MARKS for k in range(lo + 1, hi)):
        return False
    return not any(t.head == verb and t.dep.startswith("nsubj") and t.i != i for t in toks)


#: Marks that end a live blog's heading ("Odesa -", "Kharkiv:").
_HEADING_MARKS = frozenset({"-", "–", "—", ":"})


def _violent(entry: TriggerEntry) -> bool:
    """A trigger of fighting or remote violence (not of a protest or a taking of ground:
    "the town fell" is where it fell)."""
    if entry.sub:
        return family(entry.sub) in ("remote", "fight")
    return entry.generic in ("remote", "attack")


def _acts_on(toks: list[Tok], verb: int) -> bool:
    """The token at ``verb`` is an active verb: with an auxiliary of tense ("has struck
    back", «a frappé»), or finite with its object or particle ("bombed militia
    positions"). Its subject did it. A passive, or a headline's bare participle
    ("Kharkiv shelled overnight"), tells where it was done."""
    tok = toks[verb]
    if tok.pos != "VERB":
        return False
    auxiliaries = [t for t in toks if t.head == verb and t.dep.startswith("aux")]
    if any(t.dep in PASSIVE_AUX for t in auxiliaries):
        return False
    if auxiliaries:
        return True
    return "VerbForm=Fin" in tok.morph and any(
        t.head == verb and t.i != verb and t.dep in _OBJECT_DEPS for t in toks
    )


#: The auxiliary of a passive ("was shelled", «a été bombardée»).


def _next_verb(toks: list[Tok], k: int) -> int:
    """The index of the first token from ``k`` on that is no auxiliary ("a bombardé",
    "has struck": the verb after its auxiliaries)."""
    while 0 <= k < len(toks) and toks[k].pos == "AUX":
        k += 1
    return k


#: Dependencies that tell a verb acted on something: its object or particle.
_OBJECT_DEPS = frozenset({"obj", "dobj", "prt", "compound:prt"})


def _opens_on(toks: list[Tok], i: int) -> bool:
    """The token at ``i`` opens its sentence (past a determiner, and past a live blog's
    entry time: «13 h 40 — Moscou dément ...»)."""
    label = 0
    while label < i and (
        toks[label].pos == "NUM"
        or toks[label].text in _CLOCK_WORDS
        or _CLOCK.fullmatch(toks[label].text)
    ):
        label += 1
    if label and not _CLOCK.fullmatch("".join(t.text for t in toks[:label])):
        label = 0
    return all(t.pos in ("DET", "PUNCT") for t in toks[label:i])


#: A live blog's entry time, its tokens joined ("13:40", «13h40», "1340" of «13 h 40»).
_CLOCK = re.compile(r"\d{1,2}[:hH.]?\d{2}")


#: The hour's letter or colon between the numbers of a clock time, as tokens.
_CLOCK_WORDS = frozenset({"h", "H", ":", "."})


def _after(toks: list[Tok], place: PlaceRef) -> int:
    """The index of the token right after the place's last."""
    last = token_at(toks, place.end - 1)
    return -1 if last is None else last + 1
