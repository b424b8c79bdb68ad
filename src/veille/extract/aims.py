"""Acts a sentence names as an aim, a call or a cause rather than as news: a march a
verb of calling has for object ("organisers called a march on Friday"), a protest verb
in an infinitive of purpose ("... to protest the killings"), and the converse, an act
named after "after" whose dead the main clause finds ("the bodies of 14 villagers were
found after an attack"), which is the news. ``veille.extract.modality`` reads them."""

from __future__ import annotations

from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import SUBJECT_DEPS, head_of
from veille.extract.taxonomy import family
from veille.lang.loader import closed_words

#: Words that open an infinitive of purpose ("to", «pour»).
_PURPOSE = frozenset({"to", "pour"})


def called(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A gathering that a verb of calling has for its object or its aim ("organisers
    called a march on Friday", «ont convoqué une marche vendredi», "called a strike in
    protest", noun class ``calling_verbs``): the call is told, not the march."""
    if family(m.payload.sub or "") != "protest":
        return False
    noun = toks[head_of(toks, m)]
    calling = lex.noun_classes.get("calling_verbs", frozenset())
    if noun.dep == "pobj" and fold(toks[noun.head].text) == "in":
        noun = toks[noun.head]  # "called a strike in protest at the arrests": its aim
    return noun.dep in ("obj", "dobj", "prep") and bool(toks[noun.head].keys & calling)


def purpose_infinitive(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A protest verb in an infinitive of purpose of a verb of calling ("called a march
    to protest the killings", «ont convoqué une marche pour protester»): the aim of the
    call, not an act told; "gathered to protest" is the protest itself."""
    if family(m.payload.sub or "") != "protest":
        return False
    verb = toks[m.start]
    calling = lex.noun_classes.get("calling_verbs", frozenset())
    return (
        bool(toks[verb.head].keys & calling)
        and verb.pos == "VERB"
        and "VerbForm=Inf" in verb.morph
        and verb.dep in ("advcl", "xcomp")
        and any(t.head == verb.i and t.dep in ("aux", "mark") and t.keys & _PURPOSE for t in toks)
    )


def dead_found_after(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The sentence's main clause tells dead that the act named after "after" left
    ("the bodies of 14 villagers were found after an attack", «les corps de ... ont été
    découverts après une attaque»; closed class ``after_markers``): a word of death
    that is the root or its subject, before the act's phrase. The act told as their
    cause is the news, not background."""
    core = head_of(toks, m)
    after = closed_words("after_markers")
    marked = any(t.head == core and t.dep == "case" and fold(t.text) in after for t in toks)
    if not marked and not (toks[core].dep == "pobj" and fold(toks[toks[core].head].text) in after):
        return False  # «après une attaque» (case), "after an attack" (pobj)
    for d in lex.fatality.find(toks):
        tok = toks[d.start]
        root = tok.head == tok.i or (tok.dep in SUBJECT_DEPS and toks[tok.head].head == tok.head)
        if root and not m.start <= d.start < m.end and tok.i < m.start:
            return True
    return False


def taking_as_aim(m: Match, toks: list[Tok]) -> bool:
    """Ground to be taken, named as the aim of what was done ("launched an offensive to
    seize Tripoli", «une offensive pour s'emparer de Tripoli», «هجوما للسيطرة على
    طرابلس»: an infinitive of purpose, or an Arabic verbal noun with «لـ» of purpose
    glued to it): the offensive is told, not the taking."""
    if m.payload.mode != "seize":
        return False
    verb = next((toks[k] for k in range(m.start, m.end) if toks[k].pos == "VERB"), toks[m.start])
    if not verb.dep:
        # Unparsed Arabic: «للسيطرة» (لـ + السيطرة), «لاستعادة» (لـ + استعادة).
        word, first = fold(verb.text), fold(m.payload.p.split()[0])
        bare = first[2:] if first.startswith("ال") else first
        return word in ("ل" + first, "لل" + bare)
    if verb.pos != "VERB" or "VerbForm=Inf" not in verb.morph:
        return False
    if verb.dep not in ("advcl", "xcomp", "acl"):
        return False
    markers = closed_words("purpose_markers")  # "to", «pour», «afin (de)»
    return any(t.head == verb.i and t.i < verb.i and t.keys & markers for t in toks) or (
        bool(toks[verb.head].keys & markers) and toks[verb.head].i < verb.i
    )
