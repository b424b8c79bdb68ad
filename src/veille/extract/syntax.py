"""Small readings of a parsed sentence that every extraction step shares: a token's
ancestors, the token at a character, a match's head and span, the trigger's clause."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

from veille.extract.lexicon import Match, PhraseTable, Tok, fold
from veille.model import Span
from veille.nlp import arabic

T = TypeVar("T")

#: A written number ("3", "120").
NUM = re.compile(r"^\d{1,6}$")
#: Prepositions that introduce who reports ("selon l'armée", "according to officials").
REPORT_PREPS = frozenset({"selon", "according", "d'apres", "وفق", "حسب", "بحسب"})
#: Dependents that head a clause of their own (purpose, complement, relative).
CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "acl", "relcl", "acl:relcl", "conj", "pcomp"})
#: Dependencies inside a noun phrase, climbed from a name to the phrase's head.
IN_PHRASE = frozenset({"compound", "flat", "flat:name", "amod", "nmod", "poss", "det"})
#: Dependents that name what a verb acts on (its target, for an event verb).
TARGET_DEPS = frozenset({"obj", "nsubj:pass", "dobj", "nsubjpass", "iobj", "obl:arg", "pobj"})
#: A verb's subject, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
#: Dependents of a verb that name what it acts on: its object, its passive subject.
ACTED_ON = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass"})
#: The subject of a passive verb: what it acted on ("the town was targeted").
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
#: The auxiliary of a passive ("were dispersed", «ont été dispersés»).
PASSIVE_AUX = frozenset({"auxpass", "aux:pass"})
#: A passive's agent ("by the army", «par l'armée»).
PASSIVE_AGENTS = frozenset({"agent", "obl:agent"})
#: Marks that end a phrase or a clause (a comma, a full stop, a semicolon, a colon).
PHRASE_ENDS = frozenset({",", "،", ".", ";", "؛", ":"})


def undergoing_marks(toks: list[Tok], verb: int, suffering: frozenset[str]) -> set[int]:
    """The words by which ``verb`` tells an act its subject underwent: the verb itself,
    if of the noun class ``suffering`` ("suffered an ambush", «a essuyé une attaque»),
    and its prepositions of that class ("came under fire"); empty for any other verb."""
    marks = {t.i for t in toks if t.head == verb and t.dep == "prep" and t.keys & suffering}
    if toks[verb].keys & suffering:
        marks.add(verb)
    return marks


def has_object(toks: list[Tok], verb: int) -> bool:
    """The verb has a direct object: "a junta strike kills 15" (its subject killed),
    unlike "two soldiers died" or "were wounded" (its subject was hit)."""
    return any(t.head == verb and t.dep in ("dobj", "obj") for t in toks)


def ancestors(toks: list[Tok], i: int, *, limit: int) -> list[int]:
    """The heads above token ``i``, nearest first, at most ``limit`` of them."""
    out: list[int] = []
    cur = i
    for _ in range(limit):
        h = toks[cur].head
        if h == cur or h < 0 or h >= len(toks):
            break
        out.append(h)
        cur = h
    return out


def token_at(toks: list[Tok], char: int) -> int | None:
    """The token covering an article offset, else the first one after it."""
    for t in toks:
        if t.start <= char < t.end:
            return t.i
    for t in toks:
        if t.start >= char:
            return t.i
    return None


def span(toks: list[Tok], m: Match) -> Span:
    """A match's article character span."""
    return (toks[m.start].start, toks[m.end - 1].end)


def head_of(toks: list[Tok], m: Match) -> int:
    """The word of a match whose head lies outside it ("aid" in "humanitarian aid")."""
    for i in range(m.start, m.end):
        h = toks[i].head
        if h == i or not m.start <= h < m.end:
            return i
    return m.start


#: Dependencies a relative clause hangs on its antecedent by.
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
#: The most words from an act noun back to which a relative clause's antecedent reaches.
_OUTCOME_REACH = 12


def outcome_of(toks: list[Tok], verb: int, acts: Mapping[int, T]) -> T | None:
    """What ``acts`` (token index -> value) holds for the act noun a relative clause at
    ``verb`` tells the outcome of: its antecedent is the noun or lies in the noun's
    phrase, no verb between ("the strike that killed 12", "the bombing of a market in X
    that killed 20", «la frappe qui a tué douze personnes»). Read on the words' order,
    not the parse, which hangs such phrases on any noun or verb before them. None where
    ``verb`` heads no relative clause, or no act's phrase holds its antecedent."""
    if toks[verb].dep not in RELATIVE_DEPS or fronted_main_clause(toks, verb):
        return None
    antecedent = toks[verb].head
    if antecedent >= verb:
        return None
    for k in range(antecedent, max(-1, antecedent - _OUTCOME_REACH), -1):
        if k in acts:
            return acts[k]
        if toks[k].pos in ("VERB", "AUX"):
            return None
    return None


#: Words between an unparsed (Arabic) act noun and the verb of its relative clause:
#: adjectives, or the relative pronoun.
_UNPARSED_RELATIVE_REACH = 2
#: ... and to a verb of outcome, past a phrase of place («قرب مقر البرلمان»).
_UNPARSED_OUTCOME_REACH = 6


def unparsed_outcome_of(
    toks: list[Tok], verb: int, acts_ending: Mapping[int, T], *, outcome: bool = False
) -> T | None:
    """``outcome_of`` for an unparsed (Arabic) sentence: what ``acts_ending`` (end token of
    an act's match -> value) holds for the act noun a verb right after it (past its
    adjectives or a relative pronoun, no punctuation nor «و» between) tells the outcome
    of («غارات إسرائيلية قتلت العشرات», strikes that killed dozens; «الغارة التي قتلت»).
    A verb of ``outcome`` («أسفر عن», resulted in) tells an act's outcome wherever the
    act's phrase ends («تفجير سيارة مفخخة قرب مقر البرلمان أسفر عن مقتل ستة»)."""
    if toks[verb].text[:1] in ("و", "ف") or verb == 0:
        return None  # «وقتلت»: a verb of its own, joined to the sentence
    before = fold(toks[verb - 1].text)
    if not outcome and not arabic.is_relative_pronoun(before) and arabic.is_definite(before):
        return None  # «بعد الهجوم قتل مسلحون»: a definite noun takes no relative unmarked
    reach = _UNPARSED_OUTCOME_REACH if outcome else _UNPARSED_RELATIVE_REACH
    for k in range(verb, max(-1, verb - reach - 1), -1):
        if k in acts_ending:
            return acts_ending[k]
        if k < verb and (not toks[k].text.isalpha() or toks[k].text[:1] == "و"):
            return None
    return None


#: Words of a compound noun climbed to its head ("car bomb attack": two).
_COMPOUND_REACH = 3


def clause_anchors(toks: list[Tok], trig_i: int) -> set[int]:
    """The tokens that head the trigger's clause: the trigger, and for a nominal trigger
    the verb it hangs on ("launched an attack on X"), as for a gerund the parser reads as
    a verb, the subject of its clause ("Shelling killed five in X"). A compound's first
    word ("air" of "air strikes") stands for the noun it modifies."""
    anchors = {trig_i}
    for _ in range(_COMPOUND_REACH):
        if toks[trig_i].dep != "compound" or toks[trig_i].head == trig_i:
            break
        trig_i = toks[trig_i].head
        anchors.add(trig_i)
    if toks[trig_i].pos in ("NOUN", "PROPN") or toks[trig_i].dep in SUBJECT_DEPS:
        anchors.add(toks[trig_i].head)
    return anchors


def words_of(table: PhraseTable, toks: list[Tok]) -> set[int]:
    """The indices of the tokens that the table's matches in the sentence cover (every
    word of a multi-word cue: "faire état", "according to")."""
    return {i for m in table.find(toks) for i in range(m.start, m.end)}


#: Marks between two independent clauses: no word of one governs the other.
CLAUSE_SEPARATORS = frozenset({";", "؛"})


def this_side(at: int, chain: list[int], toks: list[Tok]) -> list[int]:
    """The ancestors of token ``at`` up to the first one across a semicolon from it
    ("An explosion hit a car; local media blamed a drone": the parser may hang the
    first clause on the second's verb, which then seems to govern it), and up to the
    verb of a main clause the parser hung on a phrase fronted before it
    (``fronted_main_clause``)."""
    kept: list[int] = []
    for i in [at, *chain]:
        if i != at:
            lo, hi = min(at, i), max(at, i)
            if any(toks[k].text in CLAUSE_SEPARATORS for k in range(lo + 1, hi)):
                break
            kept.append(i)
        if fronted_main_clause(toks, i):
            break
    return kept


#: Words that open a relative clause: a clause the parser calls one without any is
#: none.
_RELATIVE_WORDS = frozenset(
    {"qui", "que", "qu'", "dont", "ou", "lequel", "laquelle", "lesquels", "lesquelles"}
    | {"which", "who", "whom", "whose", "that", "where", "when"}
)


def fronted_main_clause(toks: list[Tok], verb: int) -> bool:
    """The verb heads the sentence's main clause, though the parser hung it as a
    relative clause on the noun of a phrase fronted before it («En représailles à
    l'attaque de X, le Hezbollah a tiré des roquettes»: the fronted noun made the root):
    no relative word opens it, and its own subject comes right after a comma."""
    v = toks[verb]
    if v.dep not in RELATIVE_DEPS:
        return False
    below = [t for t in toks if t.head == verb and t.i != verb]
    if any(fold(t.text) in _RELATIVE_WORDS or "PronType=Rel" in t.morph for t in below):
        return False
    subject = next((t for t in below if t.dep in SUBJECT_DEPS and t.i < verb), None)
    if subject is None:
        return False
    first = subject.i
    while first > 0 and toks[first - 1].head == subject.i:
        first -= 1
    return first > 0 and toks[first - 1].text in (",", "،")


def governed_by(chain: list[int], table: PhraseTable, toks: list[Tok]) -> bool:
    """Whether a cue ("responsable de", "in support of") is among the first ancestors;
    any word of a multi-word cue counts, since the parser attaches it by its noun."""
    hits = words_of(table, toks)
    return any(idx in hits for idx in chain[:3])


def dates_telling(char: int, toks: list[Tok], telling: set[int]) -> bool:
    """The date hangs on a verb of telling ("The UN said on Tuesday that 1,500 had been
    killed since January", "the army said in a statement on Monday"): it dates the
    telling, not what is told."""
    i = token_at(toks, char)
    if i is None:
        return False
    # "said on Tuesday": Tuesday <- on <- said; "said in a statement on Monday": up
    # through the statement's noun phrase, to the first verb above the date.
    for head in ancestors(toks, i, limit=_TELLING_REACH):
        if head in telling:
            return True
        if toks[head].pos in ("VERB", "AUX"):
            return False
    return False


#: Most heads between a date and the verb of telling it hangs on.
_TELLING_REACH = 4


def verb_forms(toks: list[Tok], v: int) -> frozenset[str]:
    """A verb's keys, and with its particle ("fought off", "fight off", "beat back"): a
    phrasal verb of a word class is written with its particle."""
    particles = [t.text.lower() for t in toks if t.head == v and t.dep == "prt"]
    return toks[v].keys | {f"{k} {p}" for k in toks[v].keys for p in particles}


def subject_of(toks: list[Tok], char: int, verb: int) -> bool:
    """The noun phrase of the word at ``char`` (climbed through ``IN_PHRASE``) is the
    subject of the token ``verb``."""
    k = token_at(toks, char)
    for _ in range(4):
        if k is None:
            return False
        tok = toks[k]
        if tok.dep.startswith("nsubj"):
            return tok.head == verb
        if tok.dep not in IN_PHRASE or tok.head == k:
            return False
        k = tok.head
    return False


def preposition_of(toks: list[Tok], i: int) -> tuple[Tok | None, int]:
    """The preposition that introduces the noun at ``i`` and the index of the word its
    phrase hangs on: English parses make the noun the preposition's object ("killed in
    the floods": floods <- in <- killed), French and UD ones give the noun a ``case``
    child and hang it on the word directly («tués dans les inondations»). No
    preposition: (None, the noun's head)."""
    tok = toks[i]
    if tok.dep == "pobj":
        return toks[tok.head], toks[tok.head].head
    case = next((t for t in toks if t.head == i and t.dep == "case"), None)
    return case, tok.head


#: Quotation marks that may stand between a noun and the name it introduces.
_QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "‘", "’"})


def after_a_noun(toks: list[Tok], k: int, nouns: frozenset[str]) -> bool:
    """Token ``k`` follows one of ``nouns``, quotation marks between them skipped: the
    name a noun introduces («قناة «المسيرة»», "the newspaper Revolution")."""
    j = k - 1
    while j >= 0 and toks[j].text in _QUOTES:
        j -= 1
    return j >= 0 and bool(toks[j].keys & nouns)


#: Tokens after a split verb within which the phrase that closes it stands.
_SPLIT_REACH = 10


def closes_the_object(toks: list[Tok], m: Match, phrases: list[str]) -> bool:
    """One of ``phrases`` ("on fire", "ablaze") follows the verb ``m`` within
    ``_SPLIT_REACH`` tokens, past its object, in its sentence: "set the post and two
    trucks on fire"."""
    words = [fold(t.text) for t in toks[m.end : m.end + _SPLIT_REACH]]
    for phrase in phrases:
        parts = phrase.split()
        for k in range(len(words) - len(parts) + 1):
            if words[k : k + len(parts)] == parts:
                return not any(w in (".", ";") for w in words[:k])
    return False
