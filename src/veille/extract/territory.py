"""Ground taken: whether a seizure verb's object is ground (a place or a territory noun,
past a day word, an Arabic verb's subject or a portion of ground), or a loss of it
told from the loser's side. ``triggers.keeps`` asks this of triggers with
``place_object``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from veille.extract.candidate import ActorRef, Candidate, SentenceInput
from veille.extract.lexicon import ADVERBIAL_DEPS, Lexicon, Match, Tok, fold, time_phrase_end
from veille.extract.syntax import ancestors, token_at
from veille.lang.loader import closed_words, weekday_names

#: Marks that end a phrase.
PUNCTUATION = frozenset({",", "،", ".", ";", "؛", ":", "(", ")", "«", "»"})
#: Dependencies of a time word between a verb and its object («a frappé mardi des ...»).
TIME_DEPS = frozenset({"obl:mod", "obl:tmod", "npadvmod"})


def dates_the_verb(tok: Tok) -> bool:
    """The word dates the verb it follows (a weekday, or a word the parser hangs on it
    as a time): it stands between a verb and its object without being either."""
    return tok.dep in TIME_DEPS or tok.text.lower() in weekday_names()


#: Words before a taking of ground within which a verb of loss turns it around.
_LOSS_REACH = 4


def after_a_loss(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A verb of loss shortly before ("فقدت القوات الحكومية السيطرة على المدينة")."""
    loss = lex.noun_classes.get("loss_words", frozenset())
    return any(toks[k].keys & loss for k in range(max(0, m.start - _LOSS_REACH), m.start))


#: Words after a seizure verb within which the ground it took must begin.
TERRITORY_WINDOW = 6
#: Words that may come before the ground's noun: "the", "of", "a military", "la ville de".
_BEFORE_GROUND = frozenset({"DET", "ADP", "ADJ", "NUM", "CCONJ", "PUNCT"})


def takes_territory(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """A seizure verb whose object is ground: the first noun after it is a place ("seized
    Masisi", "s'est emparé de Masisi") or a territory noun ("the town of", "a military
    base", "على بلدة"); "seized weapons in a raid in X" and "سيطر على الوضع" are not.
    Arabic (unparsed) reads the word after the verb's preposition."""
    territory = lex.noun_classes.get("territory", frozenset())
    portion = lex.noun_classes.get("portion", frozenset())
    if any(m.start <= t.head < m.end and t.dep in _PASSIVE_SUBJECTS for t in toks):
        # "the town was seized by", «la ville a été reprise par»: the passive's subject
        # is what was taken, ground when it is a territory noun or a place's name.
        return any(
            m.start <= t.head < m.end
            and t.dep in _PASSIVE_SUBJECTS
            and (t.keys & territory or _names_a_place(t, s))
            for t in toks
        )
    start = m.end
    subject = 0  # words of a subject that may stand before a direct object
    if s.language == "ar":
        on = closed_words("strike_on")
        # «سيطرت قوات X، اليوم الاثنين، على»: a phrase of time counts no subject word.
        reach, j = m.end + 6, m.end
        while j < min(len(toks), reach):
            skipped = time_phrase_end(toks, j)
            if skipped is None:
                j += 1
            else:
                reach += skipped - j
                j = skipped
        after = [j + 1 for j in range(m.start, min(len(toks), reach)) if toks[j].keys & on]
        start = after[0] if after else m.end  # "اجتاحت القوات البلدة": a direct object
        if not after:
            subject = m.payload.subject_gap  # «استعادت قوات الحكومة مطار المدينة»
    reach = start + TERRITORY_WINDOW + subject
    j = start - 1
    while j + 1 < min(len(toks), reach):
        j += 1
        tok = toks[j]
        if (
            s.language == "fr"
            and j == m.end
            and toks[m.end - 1].pos == "VERB"
            and tok.pos == "NOUN"
            and tok.keys & territory
        ):
            return False  # «prendre position», a bare noun: an idiom, no ground taken
        if tok.keys & territory and "Number=Plur" in tok.morph:
            # «a conquis des territoires», "took towns": ground of no name, with no place
            # in the verb's own phrase (not "a diplomat posted in X"), tells no seizure.
            return any(not p.demonym and _in_phrase_of(m, p.start, toks) for p in s.places)
        if tok.keys & territory or _names_a_place(tok, s):
            return True  # a people's name ("captured by Sudanese forces") is no ground
        if (
            s.language == "en"
            and tok.dep in _NOUN_MODIFIERS
            and (tok.head > j or toks[tok.head].dep in _NOUN_MODIFIERS)
        ):
            # "the army's headquarters", "an army base": whose, of what kind (counted
            # in no reach: "the army's 3rd Mechanised Brigade headquarters").
            reach += 1
            continue
        if (tok.dep in ADVERBIAL_DEPS and tok.head < j) or any(
            d.start <= tok.start < d.end for d in s.dates
        ):
            continue  # "s'est emparé jeudi de la ville", «ont pris lundi la ville»
        if (
            s.language == "ar"
            and j + 1 < len(toks)
            and fold(tok.text) in _AR_WHERE
            and any(d.start <= toks[j + 1].start < d.end for d in s.dates)
        ):
            continue  # «استعادت في 26 يونيو مدينة ...»: the preposition of a date
        if tok.keys & portion or (j > start and toks[j - 1].keys & portion):
            continue  # "part of the city", "عدد من الأحياء": a portion of ground
        if tok.pos == "ADP" and fold(tok.text) in _WHERE_NOT_WHAT:
            return False  # «les combats ont repris à Gao»: where, not the ground taken
        if tok.dep in ("obj", "dobj") and m.start <= tok.head < m.end:
            return False  # "took the wounded to X": the verb's object is no ground
        if (
            s.language == "ar"
            and j - start < subject
            and tok.text not in PUNCTUATION
            and fold(tok.text) not in _AR_WHERE
        ):
            continue  # the verb's subject, before its object («في ...»: where, not what)
        if s.language == "ar" or tok.pos not in _BEFORE_GROUND or tok.text in (".", ";"):
            return False
    return False


#: Dependencies of an English noun's possessor or kind ("the army's", "an army base")
#: and of the possessor's "'s", before the noun they modify (French names its ground
#: first: «le quartier général de l'armée»).
_NOUN_MODIFIERS = frozenset({"poss", "nmod:poss", "compound", "case"})
#: The dependencies of a passive verb's subject (UD, and spaCy's English labels).
_PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})


def _names_a_place(tok: Tok, s: SentenceInput) -> bool:
    """A place of the sentence (not a people's adjective) starts inside the word."""
    return any(tok.start <= p.start < tok.end and not p.demonym for p in s.places)


#: Prepositions that say where a verb happened, not what it took ("resumed in Gao").
_WHERE_NOT_WHAT = frozenset(
    {"à", "a", "au", "aux", "dans", "en", "in", "at", "near", "pres", "to", "towards", "vers"}
)
#: Arabic prepositions of where, that end a seizure verb's subject before any ground
#: taken («استعاد الجيش الأسلحة في مدينة ...»: weapons regained in a town).
_AR_WHERE = frozenset({"في", "قرب", "داخل", "من", "الي", "نحو"})


#: Characters from the act's sentence within which the forces that lost the ground are
#: named: the story of the taking, not the background of a war.
_DEFENDER_REACH = 700
#: The sub-type whose second actor is who lost the ground.
_TAKEN_BY_NON_STATE = "Non-state actor overtakes territory"


def with_defenders(candidates: Sequence[Candidate], actors: Sequence[ActorRef]) -> list[Candidate]:
    """A non-state actor that took a town took it from someone (ACLED's actor 2): where
    the sentence names no one, the military forces of the town's country, when the
    article names them near the act («les rebelles ont pris Sake ... des soldats
    tentaient encore de tenir la route»), at the mention nearest it. None where the
    article names no such forces: the text does not say from whom."""
    out: list[Candidate] = []
    for c in candidates:
        iso3 = c.place.iso3 if c.place is not None else None
        if c.sub_event_type != _TAKEN_BY_NON_STATE or c.actor2 is not None or iso3 is None:
            out.append(c)
            continue
        army = f"military-forces-{iso3.lower()}"
        named = [
            a
            for a in actors
            if a.actor_id == army
            and not a.framed
            and abs(a.start - c.sentence.start) <= _DEFENDER_REACH
        ]
        if not named or (c.actor1 is not None and c.actor1.actor_id == army):
            out.append(c)
            continue
        nearest = min(named, key=lambda a: abs(a.start - c.sentence.start))
        out.append(replace(c, actor2=nearest))
    return out


#: Characters between the ground a verb takes and the place that names it ("the village
#: of X", "three villages in X region").
_GROUND_NAME_REACH = 30


def ground_named(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """The verb's object, or the noun's complement, is ground (noun class ``territory``:
    "village", «localité») a place names right after it: "liberated the village of X",
    "three villages in X", "the liberation of the village of X"."""
    ground = lex.noun_classes.get("territory", frozenset())
    objects = [
        t
        for t in toks
        if m.start <= t.head < m.end and t.dep in ("obj", "dobj") and t.keys & ground
    ]
    # A noun's: "the liberation of the village of X", «la libération du village de X».
    for t in toks[m.end : m.end + _CONTROLLED_REACH]:
        if t.keys & ground:
            objects.append(t)
            break
        if t.pos not in ("DET", "ADP"):
            break
    return any(0 <= p.start - o.end <= _GROUND_NAME_REACH for o in objects for p in s.places)


#: Words after a verb of taking within which what it took is named ("of the", «de la»).
_CONTROLLED_REACH = 4


#: Heads above a place's word within which the seizure verb may govern it.
_PHRASE_CLIMB = 5


def _in_phrase_of(m: Match, start: int, toks: list[Tok]) -> bool:
    """The place starting at character ``start`` hangs on the verb ``m`` (unparsed
    Arabic: any place of the sentence)."""
    i = token_at(toks, start)
    if i is None or not any(t.dep for t in toks):
        return True
    for a in [i, *ancestors(toks, i, limit=_PHRASE_CLIMB)]:
        if m.start <= a < m.end:
            return True
        if toks[a].dep == "parataxis":
            return False  # «..., résume un diplomate en poste à X»: the teller's clause
    return False


def control_of_no_ground(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """What the verb took control of is no ground (noun class ``not_ground``):
    "regained control of the situation", «ont repris le contrôle de la situation»,
    "took control of the blaze". With no complement ("took control"; «en avoir pris le
    contrôle») it is the place told before."""
    words = lex.noun_classes.get("not_ground", frozenset())
    if not words:
        return False
    for tok in toks[m.end : m.end + _CONTROLLED_REACH]:
        if tok.pos in ("ADP", "DET") or tok.text in ("'", "’"):
            continue
        return bool(tok.keys & words)
    return False
