"""Where an event happened, among the places its sentence names: the place of the
trigger's own clause, the most specific of a group naming one location, and one event
per place where a list names places in different countries or provinces."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence, Set

from veille.extract.candidate import PlaceRef, SentenceInput
from veille.extract.clusters import place_clusters, specificity, text_between
from veille.extract.lexicon import Lexicon, Tok, fold
from veille.extract.place_tolls import place_shares
from veille.extract.setting import nationality_of_people
from veille.extract.syntax import (
    CLAUSE_DEPS,
    REPORT_PREPS,
    SUBJECT_DEPS,
    ancestors,
    clause_anchors,
    governed_by,
    this_side,
    token_at,
)
from veille.extract.voices import voices
from veille.extract.word_order import reason_phrases
from veille.lang.loader import closed_words, resources
from veille.model import Span

#: Most characters between two places of one list.
_LIST_GAP_CHARS = 60
#: Most words between two places of one Arabic list («، فضلا عن بلدة») unless the gap
#: opens on «و».
_AR_LIST_GAP_WORDS = 3


def choose_places(
    lex: Lexicon,
    trigger: Span,
    s: SentenceInput,
    weapons: Sequence[Span] = (),
    speaking: Set[int] | None = None,
    also: Sequence[Span] = (),
) -> list[PlaceRef]:
    """The places of the event whose trigger is at ``trigger``: none, its one place, or
    (a coordinated list of specific places) one per event to tell. A name inside an
    actor's or a weapon's words ("drones de type Shahed", "a Grad rocket") is no place.
    ``speaking``: the sentence's ``voices``, where the caller has read them already;
    ``also``: the other trigger words that tell the same happening ("the abducted
    pastor was seized at his farm in X": X hangs on "seized")."""
    actor_spans = [(a.start, a.end) for a in s.actors] + list(weapons)
    if s.language == "ar":  # no parse: the reason's phrase runs to the comma
        actor_spans += reason_phrases(lex, s.tokens, s, trigger[0], after=True)
    if speaking is None:
        speaking = voices(lex, s)
    # "accused the RSF of shelling a market in X on Monday": an act told inside an
    # accusation (it has its own day) fell where its own phrase says.
    trig_i = token_at(s.tokens, trigger[0])
    act_inside = trig_i is not None and _in_a_reason(lex, trig_i, s)
    places = [
        p
        for p in s.places
        if not any(p.start < e and p.end > b for b, e in actor_spans)
        and (act_inside or not in_justification(lex, p, s))
        and p.start not in speaking
    ]
    # A dateline places the event only where the sentence names no other place; so
    # does the country across a border ("near the border with Mali").
    places = [p for p in places if not p.dateline] or places
    # "Chad's rebels", «les insurgés du Tchad»: a place that qualifies a
    # doer's or a target's noun says whose, not where, unless the sentence names no other.
    places = [p for p in places if not _qualifies_an_actor(p, s)] or places
    # "calling for Chad's president to resign": a country that owns a noun
    # other than an actor's says whose, never where (the story places the act).
    places = [p for p in places if not _owns_a_noun(p, s)]
    # "The fighting has tested Ankara's influence", «les combats ont mis à l'épreuve
    # l'influence d'Ankara»: whose a noun of the predicate is says nothing of where.
    places = [p for p in places if not _owned_in_the_predicate(lex, p, trig_i, s)]
    places = [p for p in places if not across_the_border(lex, p.start, s.tokens)] or places
    # "two French tourists", «des ressortissants américains»: whose people are, not where.
    places = [p for p in places if not nationality_of_people(lex, p, s)]
    # "residents fled towards X", «نزوح ... باتجاه مدينة X»: where people went, not where
    # the act fell, unless the sentence names nowhere else.
    places = [p for p in places if not destination(p, s)] or places
    places = [p for p in places if not goal_of_a_journey(p, s)]
    # "a train carrying people from X to Y": the ends of a route are where something
    # travelled, never where the act fell; the story places it.
    route = en_route(lex, places, s)
    places = [p for p in places if p.start not in route]
    if not places:
        return []
    # "Indian sailors", "un missile russe": a people's adjective says whose, not
    # where; it places the event only when the sentence names no place at all.
    named = [p for p in places if not p.demonym]
    places = named or places
    clusters = place_clusters(places, s)
    # The most specific name of a location, unless it is where another clause's doer
    # acted ("killed 30 across the Gaza Strip, as tanks pushed into Jabalia camp").
    reps = [
        min(
            [p for p in _not_locating(c, s) if not _in_another_doers_clause(p, trigger, s)] or c,
            key=specificity,
        )
        for c in clusters
    ]
    # "including eight in X and five in Y": each place with its share is the event's.
    shared = place_shares(lex, s.tokens, reps, s.places) or {}
    attached = [
        0 if r.start in shared else min(attachment(r, t, s) for t in (trigger, *also)) for r in reps
    ]
    # Two specific places in different countries/provinces joined by a coordination
    # are two events (ACLED: one event per location and day).
    # The parse often hangs the last places of a long list elsewhere ("in Sanaa, Taiz
    # and Saada"): a place listed right after an attached one is attached too.
    attached = _listed_with_attached(reps, attached, s)
    # The places the parse hangs on the trigger; or, where the sentence lists the
    # members of a group of places ("raids on several villages of the south, including
    # X and Y"), the ones nearest it (they hang on "villages").
    listing = any(_members_of(p, r, s) for p in places for r in reps if p.end <= r.start)
    nearest = min(attached) if listing else 0
    specific = [
        r
        for r, a in zip(reps, attached, strict=True)
        if a == nearest
        and (
            (r.precision <= 2 and r.feature not in ("country", "admin1", "region"))
            or _listed_provinces(r, reps, s)
        )
    ]
    # "three in X and two in Y": places each told with its own count are a list, however
    # far apart their first mentions.
    if len(specific) >= 2 and (
        coordinated(specific, s) or all(r.start in shared for r in specific)
    ):
        # "in Azaz, north of Aleppo, and in Manbij": the town named to locate the
        # one before it is no member of the list.
        locators = _locators(specific, s)
        chosen = [r for r in specific if r.start not in locators]
    else:
        best = min(
            range(len(reps)),
            key=lambda k: (attached[k], specificity(reps[k]), _source_side(reps[k], s)),
        )
        chosen = [reps[best]]
    return [p for p in chosen if not launched_from(lex, p, s.tokens)]


def _qualifies_an_actor(place: PlaceRef, s: SentenceInput) -> bool:
    """The parse hangs a country on an actor's noun as its complement or possessor
    ("the rebels of Chad", "Chad's rebels", «les insurgés du Tchad»): whose they are.
    A town or a site so hung («la base américaine de X», "the Kharkiv police") is where
    they are. Arabic has no parse here: never."""
    toks = s.tokens
    i = token_at(toks, place.start)
    if s.language == "ar" or i is None or place.feature != "country":
        return False
    tok = toks[i]
    if tok.dep == "pobj" and toks[tok.head].keys & closed_words("partitive_after"):
        tok = toks[tok.head]  # English: "rebels" -> "of" -> "Yemen"
        if tok.dep != "prep":
            return False
    elif tok.dep not in _QUALIFIER_DEPS:
        return False
    head = toks[tok.head]
    return any(a.start <= head.start < a.end for a in s.actors)


def _owns_a_noun(place: PlaceRef, s: SentenceInput) -> bool:
    """An English country in the possessive on a noun that is no actor's, no trigger's
    and no place's ("Peru's new president", "Nigeria's economy")."""
    toks = s.tokens
    i = token_at(toks, place.start)
    if s.language != "en" or i is None or place.feature != "country" or toks[i].dep != "poss":
        return False
    head = toks[toks[i].head]
    return head.pos == "NOUN" and not any(a.start <= head.start < a.end for a in s.actors)


#: Dependencies of a noun's complement or possessor.
_QUALIFIER_DEPS = frozenset({"nmod", "poss", "nmod:poss"})


def attachment(place: PlaceRef, trigger: Span, s: SentenceInput) -> int:
    """How closely the place hangs on the trigger: 0 in the trigger's own clause
    ("ont pris le contrôle de Goma", "struck a market in Kharkiv"), 1 elsewhere in the
    sentence ("selon la préfecture de Mopti", a dateline, "Washington said").
    Arabic has no parse here: every place is as close (0), and specificity decides.
    """
    return _attached_via(place, trigger, s)[0]


def _owned_in_the_predicate(
    lex: Lexicon, place: PlaceRef, trig_i: int | None, s: SentenceInput
) -> bool:
    """The trigger is the definite noun subject of a verb ("The fighting has tested",
    «Les combats ont mis à l'épreuve»), and the place is the possessor or the «de»
    complement of a noun inside that verb's object ("Ankara's influence", «l'influence
    d'Ankara»): a word about whose something is, not where the act told before fell. A
    building or ground so owned ("destroyed the old hospital of X") is where."""
    toks = s.tokens
    i = token_at(toks, place.start)
    if trig_i is None or i is None or s.language == "ar":
        return False
    trig = toks[trig_i]
    if trig.pos != "NOUN" or trig.dep not in SUBJECT_DEPS or not _definite_det(trig_i, toks):
        return False
    if toks[i].dep not in ("poss", "nmod:poss", "nmod", "pobj"):
        return False
    owner = toks[i].head
    if toks[i].dep == "pobj" and toks[owner].dep == "prep":
        owner = toks[owner].head  # "the old hospital" <- "of" <- "X"
    sites = lex.noun_classes.get("buildings", frozenset()) | lex.noun_classes.get(
        "territory", frozenset()
    )
    if toks[owner].pos != "NOUN" or toks[owner].keys & sites:
        return False  # «la ville de X et celle de Y»: «celle» stands for a town
    verb = trig.head
    chain = [i, *ancestors(toks, i, limit=6)]
    for a, up in itertools.pairwise(chain):
        if toks[a].keys & sites:
            return False  # the place is a town's or a building's own name
        if up == verb:
            return toks[a].dep in ("obj", "dobj")
    return False


def _definite_det(i: int, toks: list[Tok]) -> bool:
    """The noun at ``i`` has a definite article ("the fighting", «les combats»)."""
    return any(
        t.head == i and t.dep == "det" and fold(t.text) in ("the", "le", "la", "les", "l'")
        for t in toks
    )


def _in_another_doers_clause(place: PlaceRef, trigger: Span, s: SentenceInput) -> bool:
    """The place hangs on a verb of another clause that has a subject of its own
    ("strikes killed 30 across the Gaza Strip, as tanks pushed into Jabalia camp"):
    where that other doer acted, not where the trigger's act fell."""
    value, clause = _attached_via(place, trigger, s)
    if value == 0 or clause is None:
        return False
    toks = s.tokens
    verb = toks[clause]
    place_at = token_at(toks, place.start)
    # A finite verb ("faisant quatre morts" is the strike's own participle) whose
    # subject is not the place itself (a parse may make it so).
    return (
        verb.pos in ("VERB", "AUX")
        and "VerbForm=Fin" in verb.morph
        and any(
            t.head == clause
            and t.dep in SUBJECT_DEPS
            and place_at not in (t.i, *_conjuncts(toks, t.i))
            for t in toks
        )
    )


def _conjuncts(toks: list[Tok], i: int) -> list[int]:
    """The tokens joined to token ``i`` by a conjunction ("X et Y": Y)."""
    return [t.i for t in toks if t.dep == "conj" and t.head == i]


def _attached_via(place: PlaceRef, trigger: Span, s: SentenceInput) -> tuple[int, int | None]:
    """``attachment``, and the head of the other clause the place hangs in when that
    is what parts it from the trigger (None otherwise)."""
    toks: list[Tok] = s.tokens
    trig_i = token_at(toks, trigger[0])
    place_i = token_at(toks, place.start)
    if s.language == "ar" or trig_i is None or place_i is None:
        return 0, None
    for _ in range(_PHRASE_CLIMB):
        # "Air strikes hit X": the phrase's head noun hangs on the verb, not its modifier.
        if (
            toks[trig_i].dep in ("compound", "amod")
            and trigger[0] <= toks[toks[trig_i].head].start < trigger[1]
        ):
            trig_i = toks[trig_i].head
    anchors = clause_anchors(toks, trig_i)
    path = [place_i, *ancestors(toks, place_i, limit=_ATTACH_CLIMB)]
    for step, k in enumerate(path):
        if k in anchors:
            return 0, None
        tok = toks[k]
        if step > 0 and _list_past_a_relative(toks, tok, path[step - 1]):
            continue  # "in X, where two died, and in Y": Y goes on the list of X
        # "killed five people in X and three in Y": a counted list is nominal too, and
        # so is "in X on Monday and in Y on Tuesday", a list of phrases, and «la ville
        # de X et celle de Y», a pronoun standing for the noun.
        nominal_list = tok.dep == "conj" and tok.pos in ("NOUN", "PROPN", "NUM", "ADP", "PRON")
        # "des frappes visant X", "strikes targeting X": a participle on the event's own
        # noun phrase tells what it hit.
        participle = tok.dep == "acl" and tok.head in anchors and "VerbForm=Part" in tok.morph
        clause = tok.dep in CLAUSE_DEPS and not nominal_list and not participle
        if clause or tok.keys & REPORT_PREPS or tok.dep == "parataxis":
            # another clause, or who reports it ("according to X")
            return 1, (k if clause else None)
    if _stray_name(toks, place_i, trig_i):
        return 0, None
    return 1, None


def _list_past_a_relative(toks: list[Tok], verb: Tok, below: int) -> bool:
    """ "in Khiam, where two people died, and in Aitaroun", «à X, où deux personnes ont
    été tuées, et à Y»: the parser hangs the place after the relative clause on its
    verb; a conjunction before it (on the verb, or on the place itself) makes it the
    next member of the list the relative clause's own place opened."""
    if verb.dep not in _RELATIVE or toks[verb.head].pos != "PROPN":
        return False
    child = toks[below]
    if child.head != verb.i:
        return False
    return any(
        c.dep == "cc" and ((c.head == verb.i and c.i < below) or c.head == below) for c in toks
    )


#: A relative clause's dependency on its noun.
_RELATIVE = frozenset({"relcl", "acl:relcl"})


def _stray_name(toks: list[Tok], place_i: int, trig_i: int) -> bool:
    """The parser left the place's name (or the list it heads) as a root of its own,
    right after words of the trigger's clause («a frappé lundi Tyr et Saïda» parsed as
    three pieces): a name it failed to hang, not another clause."""
    chain = [place_i, *ancestors(toks, place_i, limit=_ATTACH_CLIMB)]
    top = chain[-1]
    if toks[top].head != top or toks[top].pos != "PROPN" or top == 0:
        return False
    trig_root = _root(toks, trig_i)
    return top != trig_root and _root(toks, top - 1) == trig_root


def _root(toks: list[Tok], i: int) -> int:
    """The root of the parse piece the word at ``i`` belongs to."""
    return ([i, *ancestors(toks, i, limit=len(toks))])[-1]


#: Modifiers climbed from a trigger's first word to its phrase's head ("air strikes").
_PHRASE_CLIMB = 2
#: Heads climbed from a place to the trigger's clause: a list of noun phrases nests deep
#: ("hit the outskirts of X and several villages of the Y district": Y hangs seven
#: words below the verb).
_ATTACH_CLIMB = 8


def in_justification(lex: Lexicon, place: PlaceRef, s: SentenceInput) -> bool:
    """A place inside "en soutien à la population de Gaza" is not where it happened."""
    tok_i = token_at(s.tokens, place.start)
    return tok_i is not None and _in_a_reason(lex, tok_i, s)


def _in_a_reason(lex: Lexicon, tok_i: int, s: SentenceInput) -> bool:
    """The word at ``tok_i`` hangs on a cue of justification or accusation."""
    chain = this_side(tok_i, ancestors(s.tokens, tok_i, limit=5), s.tokens)
    # "the Rapid Support Forces in X", «les Forces de soutien rapide à X»: a word of an
    # actor's name ("soutien") is no cue of a reason.
    names = [(a.start, a.end) for a in s.actors]
    chain = [k for k in chain if not any(b <= s.tokens[k].start < e for b, e in names)]
    return (
        governed_by(chain, lex.justification, s.tokens)
        or governed_by(chain, lex.accusation, s.tokens)
        # «des miliciens fidèles à X»: the parse may hang X on the noun the cue
        # qualifies; a cue that ends right before the word still governs it, as an
        # Arabic cue of allegiance governs its next word («الموالية لتركيا»).
        or any(
            m.end == tok_i
            for table in (lex.justification, lex.allegiance)
            for m in table.find(s.tokens)
        )
    )


def _listed_with_attached(reps: list[PlaceRef], attached: list[int], s: SentenceInput) -> list[int]:
    order = sorted(range(len(reps)), key=lambda k: reps[k].start)
    out = list(attached)
    for a, b in itertools.pairwise(order):
        if (
            out[a] == 0
            and out[b] != 0
            and (_in_list(reps[a], reps[b], s) or _members_of(reps[a], reps[b], s))
        ):
            out[b] = 0
    # The parse may also cut the list before the attached place off the clause
    # ("Nabatieh et Baalbek ont été bombardées": «Nabatieh» a root of its own).
    for a, b in reversed(list(itertools.pairwise(order))):
        if out[b] == 0 and out[a] != 0 and _in_list(reps[a], reps[b], s):
            out[a] = 0
    return out


#: Prepositions that may stand between a list opener and the place it lists.
_LIST_PREPS = frozenset({"a", "à", "in", "at", "في"})


def _members_of(a: PlaceRef, b: PlaceRef, s: SentenceInput) -> bool:
    """``b`` opens the list of members of the group of places ``a`` ends ("strikes on
    several villages of southern Lebanon, including X and Y", «plusieurs localités du
    Liban-Sud, dont X et Y»): a list opener, and nothing else, between them."""
    if _between_in_list(a, b, s) is None:
        return False
    words = [
        t
        for t in s.tokens
        if a.end <= t.start and t.end <= b.start and t.text not in (",", "،", ":", "(")
    ]
    if words and fold(words[-1].text) in _LIST_PREPS:
        words = words[:-1]
    for opener in closed_words("list_openers"):
        want = opener.split()
        if len(want) == len(words) and all(
            fold(w) in t.keys for w, t in zip(want, words, strict=True)
        ):
            return True
    return False


def _listed_provinces(r: PlaceRef, reps: list[PlaceRef], s: SentenceInput) -> bool:
    """A province listed right beside another ("in Khost and Paktika provinces"): each
    is a place of its own. A province after a list of towns ("X, Y and Z in southern
    Lebanon") contains them."""
    others = [q for q in reps if q is not r and q.feature == "admin1"]
    return r.feature == "admin1" and any(_in_list(r, q, s) or _in_list(q, r, s) for q in others)


def _between_in_list(a: PlaceRef, b: PlaceRef, s: SentenceInput) -> str | None:
    """The (folded) words between two places close enough, with no verb between them,
    to stand in one list ("à Dakar et à Ziguinchor"), not a clause apart ("X a connu
    des émeutes contre une réforme examinée à Y"); None when they are not."""
    between = text_between(a, b, s)
    if len(between) > _LIST_GAP_CHARS:
        return None
    words = between.replace("،", " ").split()
    if s.language == "ar" and len(words) > _AR_LIST_GAP_WORDS and not words[0].startswith("و"):
        # No parse tells an Arabic verb: «في ريف X، اندلعت اشتباكات بين فصائل وقوات
        # الأمن في بلدة Y» is a clause between, not a list. A list's next member opens
        # on «و»: a short gap («وفي بلدة»), or a longer one that opens so («ستة في صور
        # وأربعة في قصف سيارة في النبطية»).
        return None
    relative = _RELATIVE_BETWEEN.match(between)
    if not relative and any(
        a.end <= t.start < b.start and t.pos in ("VERB", "AUX") for t in s.tokens
    ):
        return None
    # "X, where two people died, and in Y": the relative clause's verbs are X's.
    return between[relative.end() :] if relative else between


#: A relative clause on a place, between two commas, then a conjunction (folded text).
_RELATIVE_BETWEEN = re.compile(r"\s*,\s*(?:where|ou)\b[^,]*,(?=\s*(?:and|et)\b)")


def relative_holding(places: list[PlaceRef], span: Span | None, s: SentenceInput) -> int | None:
    """The index of the place of a list whose relative clause holds ``span`` ("in X,
    where two people died, and in Y": the toll is X's), or None."""
    if span is None:
        return None
    ordered = sorted(range(len(places)), key=lambda k: places[k].start)
    for k, nxt in itertools.pairwise(ordered):
        a, b = places[k], places[nxt]
        if a.end <= span[0] < b.start and _RELATIVE_BETWEEN.match(text_between(a, b, s)):
            return k
    # "struck X and Y, where three people died", «حيث قتل»: the last place's clause.
    last = places[ordered[-1]]
    if last.end <= span[0] and _RELATIVE_AFTER.match(
        s.text[last.end - s.start : span[0] - s.start].lower()
    ):
        return ordered[-1]
    return None


#: A relative word right after a place (as written, lower-cased: «où», not «ou»).
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:where|où|حيث)\s")


def _in_list(a: PlaceRef, b: PlaceRef, s: SentenceInput) -> bool:
    """``b`` follows ``a`` in one list: a comma, "and" or "as well as" between, no verb,
    close; ``a``'s own area may stand between (", dans le caza de Z, ainsi que"), and a
    noun of a part of ``b`` ("ainsi que les abords de X", "and the outskirts of X")."""
    between = _between_in_list(a, b, s)
    return between is not None and bool(_LISTED_AFTER.fullmatch(between))


#: What stands between two places of one list (folded text): ``a``'s area between
#: commas, a joiner, a preposition or an article, a noun of a part of the next place.
_LISTED_AFTER = re.compile(
    r"\s*(?:,\s*(?:dans|en|au|in)\s[^,]{1,30},)?\s*"
    r"(?:,|\bet\b|\band\b|\bou\b|\bor\b|و|ainsi qu(?:e\b|')|de meme que\b|as well as\b"
    r"|along with\b)\s*(?:(?:à|a|de|d'|in|at|la|le|les|l'|the)\s*)?"
    r"(?:[a-z]{3,12}\s+(?:de|d'|du|of)\s*(?:la\s|l'|the\s)?)?"
)


#: A conjunction between two places (Arabic glues و to the next word: "وخمسة في خان يونس";
#: French elides «ainsi qu'un»).
_CONJUNCTION = re.compile(
    r"\b(ainsi qu(?:e\b|')|de meme que\b|et\b|and\b|as well as\b|ou\b)|(?:^|\s)و"
)


def _not_locating(cluster: list[PlaceRef], s: SentenceInput) -> list[PlaceRef]:
    """A cluster's places less the towns named to locate another of them ("in the
    district of X, north of the capital Y": Y, however finer its kind, is not where)."""
    if len(cluster) < 2:
        return cluster
    locators = _locators(cluster, s)
    return [p for p in cluster if p.start not in locators]


def _locators(reps: list[PlaceRef], s: SentenceInput) -> set[int]:
    """The starts of places named to locate the one before them, with no conjunction
    between ("Djibo, a town 200 km north of Ouagadougou", "Gao, near Timbuktu")."""
    ordered = sorted(reps, key=lambda r: r.start)
    out = set()
    for a, b in itertools.pairwise(ordered):
        between = _between_in_list(a, b, s)
        if between is not None and _reference_point(b) and not _CONJUNCTION.search(between):
            out.add(b.start)
    return out


def coordinated(reps: list[PlaceRef], s: SentenceInput) -> bool:
    """Two of the places form a list of different places."""
    ordered = sorted(reps, key=lambda r: r.start)
    locators = _locators(reps, s)
    for a, b in itertools.pairwise(ordered):
        # "à Dakar et à Ziguinchor", "la base de X en Syrie, ainsi que celle de Y".
        between = _between_in_list(a, b, s)
        if between is None or _route_between(a, s):
            continue
        conjunction = _CONJUNCTION.search(between)
        if b.start in locators:
            continue  # a place named to locate the one before it is no second place
        joined = conjunction or "," in between
        # Two towns of one province are two places as well (ACLED: one event per
        # location), unless one names the other ("Harir, Erbil": clustered before).
        if joined and (a.place_id != b.place_id or a.place_id is None):
            return True
    return False


def _reference_point(p: PlaceRef) -> bool:
    """A town or site named through a phrase that places something near it or off it in
    one direction ("near X", "north of X", «au nord de X»): precision 2 on a place
    whose own precision is finer."""
    return p.precision == 2 and p.feature in ("city", "site")


def _route_between(a: PlaceRef, s: SentenceInput) -> bool:
    """ "between Dori and Djibo", «entre Kaya et Dori», «بين دوري وجيبو»: the two places
    bound one road or front, where one thing happened; they are not a list of events. An
    article and a town noun may stand between ("between the towns of X and Y", «بين
    مدينة X وبلدة Y»)."""
    before = fold(s.text[max(0, a.start - s.start - 40) : a.start - s.start])
    return bool(_BETWEEN.search(before))


#: "between" / «entre» / «بين», then at most two words of a town's noun phrase, at the
#: end of the text before a place (folded: «مدينة» reads «مدينه»).
_BETWEEN = re.compile(
    r"(?:\bentre|\bbetween|(?:^|\s)بين)"
    r"(?:\s+(?:the|towns?|cities|villages?|of|les|la|le|villes?|localites?|de|des|d'"
    r"|مدينه|بلده|قريه|مدينتي|بلدتي|قريتي)){0,3}\s*$"
)


def destination(place: PlaceRef, s: SentenceInput) -> bool:
    """The place follows a preposition of direction ("towards X", «vers X», «باتجاه
    مدينة X»; closed class ``destination_preps``), an article or a town noun between, or
    is listed right after such a place ("towards X and Y")."""
    toward = closed_words("destination_preps")
    toks = s.tokens
    k = next((t.i for t in toks if t.start <= place.start < t.end), None)
    if k is None:
        return False
    for j in range(k - 1, max(-1, k - 4), -1):
        if toks[j].keys & toward:
            return True
        if toks[j].pos == "VERB" or toks[j].text in _STOPS:
            return False
    return False


def goal_of_a_journey(place: PlaceRef, s: SentenceInput) -> bool:
    """The place is what the infinitive of a verb of getting somewhere names ("trying to
    reach X", «pour rejoindre la place principale de X»; closed class ``goal_verbs``):
    where people were going and had not come, never where the act fell, even where the
    sentence names no other place (the story's place stands)."""
    goals = closed_words("goal_verbs")
    toks = s.tokens
    k = token_at(toks, place.start)
    if k is None:
        return False
    for j in range(k - 1, max(-1, k - _GOAL_REACH - 1), -1):
        if toks[j].pos == "VERB":
            return bool(toks[j].keys & goals) and "VerbForm=Inf" in toks[j].morph
        if toks[j].text in _STOPS:
            return False
    return False


#: Words back from a place to a verb of getting there ("to reach the main square of X").
_GOAL_REACH = 6


#: Marks that end the phrase between a preposition and its place.
_STOPS = frozenset({",", "،", ".", ";", "؛", ":"})


def en_route(lex: Lexicon, places: Sequence[PlaceRef], s: SentenceInput) -> set[int]:
    """The starts of the places that are the two ends of a journey: "from X to Y", «de X
    à Y», «من X إلى Y» (closed classes ``route_from`` and ``route_to``), the word of each
    end right before its place, an article between allowed. A road between two towns
    ("the road from X to Y", noun class ``road_nouns``) is where an act fell: no journey."""
    toks = s.tokens
    roads = lex.noun_classes.get("road_nouns", frozenset())
    starts = {t.start: t.i for t in toks}
    ends = {t.end: t.i for t in toks}
    froms, tos = closed_words("route_from"), closed_words("route_to")

    def word_before(p: PlaceRef) -> Tok | None:
        k = starts.get(p.start)
        if k is None or k == 0:
            return None
        j = k - 1
        if toks[j].pos == "DET" and j > 0:
            j -= 1  # «de la ville de», "to the"
        return toks[j]

    found: set[int] = set()
    for a, b in itertools.pairwise(sorted(places, key=lambda p: p.start)):
        k = ends.get(a.end)
        before_a, before_b = word_before(a), word_before(b)
        if (
            k is not None
            and before_a is not None
            and before_b is not None
            and before_a.keys & froms
            and before_b.keys & tos
            and before_b.i == k + 1
            and not any(t.keys & roads for t in toks[max(0, before_a.i - 2) : before_a.i])
            and _a_journey(toks, starts[a.start], s.language)
        ):
            found |= {a.start, b.start}
    return found


def _a_journey(toks: list[Tok], k: int, language: str) -> bool:
    """The "from" phrase of the word at ``k`` tells where something travelled from: it
    hangs on a verb or on a noun of no area ("carrying people from X"), not on an area
    noun ("the district of X", «du district de X»). Arabic, parsed by no model here, is
    taken as it reads."""
    if language == "ar":
        return True
    head = toks[k].head
    if toks[head].pos == "ADP":  # "from" of "from X" in an English parse
        head = toks[head].head
    areas = {fold(w) for w in resources(language).places.geo_nouns}
    return toks[head].pos != "PROPN" and not toks[head].keys & areas


def _source_side(place: PlaceRef, s: SentenceInput) -> int:
    """1 for a place something came from ("depuis X", "from X"), not where it struck."""
    before = fold(s.text[max(0, place.start - s.start - 12) : place.start - s.start])
    return 1 if re.search(r"\b(depuis|from|من)\b", before) else 0


def across_the_border(lex: Lexicon, start: int, toks: list[Tok]) -> bool:
    """ "near the border with Mali", «à la frontière avec le Niger», «قرب الحدود مع
    مالي»: the country named (at character ``start``) past a border noun and "with" is
    the neighbour, neither where the thing happened nor a side of it."""
    borders = lex.noun_classes.get("border_nouns", frozenset())
    withs = lex.noun_classes.get("neighbour_preps", frozenset())
    i = next((t.i for t in toks if t.start <= start < t.end), None)
    if i is None:
        return False
    before = [t for t in toks[max(0, i - 3) : i] if t.pos != "DET"]
    return len(before) >= 2 and bool(before[-1].keys & withs) and bool(before[-2].keys & borders)


def launched_from(lex: Lexicon, place: PlaceRef, toks: list[Tok]) -> bool:
    """ "a rocket fired from Lebanon", «tirée depuis le Liban», «أطلق من لبنان»: where a
    weapon was launched from, or by whom ("drones launched by Russia"), is not where it
    struck (ACLED codes where it hit)."""
    launch = lex.noun_classes.get("launch_words", frozenset())
    origin = lex.noun_classes.get("origin_words", frozenset())
    i = next((t.i for t in toks if t.start <= place.start < t.end), None)
    if i is None:
        return False
    armed = lex.noun_classes.get("armed_people", frozenset())
    before = [t for t in toks[max(0, i - 4) : i] if t.pos not in ("DET",)]
    for k, t in enumerate(before):
        if t.keys & origin and any(b.keys & launch for b in before[max(0, k - 2) : k]):
            # "came under fire from militants in X": where the fighters stood, the fire
            # fell too; the place is theirs, not a launch site far off.
            return not any(b.keys & armed for b in before[k + 1 :])
    return False
