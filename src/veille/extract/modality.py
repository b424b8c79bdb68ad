"""Modality: whether a trigger tells an event that happened, or one negated, future or
hypothetical, given as background, aggregated over a period, or named in an accusation.

One strategy per language: ``ParsedModality`` (here) reads the dependency parse (French,
English); ``WordOrderModality`` (``word_order_modality``) reads cues by their place
before the trigger (Arabic, which has no parser here); both give a ``Rejection``
(``rejection``). ``modality_for`` picks the strategy for a sentence. Whether
a trigger tells many acts, a tally or a habit, not one, is read in ``tallies``.
"""

from __future__ import annotations

from veille.extract.aims import called, dead_found_after, purpose_infinitive, taking_as_aim
from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon, Match, PhraseTable, Tok, fold
from veille.extract.numbers import read_number
from veille.extract.rejection import (
    Modality,
    Rejection,
    judicial,
    restated_before_a_sequel,
    sequel_object,
)
from veille.extract.syntax import (
    CLAUSE_DEPS,
    SUBJECT_DEPS,
    ancestors,
    fronted_main_clause,
    governed_by,
    head_of,
    span,
    this_side,
    token_at,
    verb_forms,
    words_of,
)
from veille.extract.tallies import (
    MANY,
    counted_nationwide,
    date_ranges,
    few_at_a_place,
    habitual,
    long_periods,
    names_a_day,
    names_a_time,
    of_a_long_time,
    of_a_war,
    ongoing,
    perfect,
    repeated,
)
from veille.extract.taxonomy import family
from veille.extract.weapons import stopped_bearer
from veille.extract.when import in_trigger_clause
from veille.extract.word_order_modality import WordOrderModality
from veille.lang.loader import closed_words

#: Dependencies of an infinitive of purpose on the verb or noun it serves (not a
#: control verb's complement: "continued to carry out strikes" tells them).
_PURPOSE_DEPS = frozenset({"advcl", "acl"})
#: Prepositions of what is fended off ("protect the town against attacks").
_AGAINST = frozenset({"contre", "against", "from"})
#: Dependencies of what a verb acts on, directly or through a preposition.
_AIMED_DEPS = frozenset({"obj", "dobj", "pobj", "obl", "obl:arg"})
#: Modal verbs that are also nouns ("le pouvoir", "le devoir", "the will").
_MODAL_NOUNS = frozenset({"pouvoir", "devoir", "vouloir", "will"})
#: Dependents that make a bare infinitive no imperative: a subject, an auxiliary or
#: modal, "to" or another marker.
_NOT_A_COMMAND = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"})
#: How a measure of time hangs on the verb of a clause of sequence ("weeks after ...").
_DURATION_DEPS = frozenset({"npadvmod", "obl:mod", "obl", "advmod", "nmod"})
#: How a subordinating word hangs on the verb of its clause ("after they attacked").
_SUBORDINATORS = frozenset({"mark"})


def _marked_by(
    core: int, table: PhraseTable, toks: list[Tok], deps: frozenset[str] = frozenset({"case"})
) -> bool:
    """Whether the noun's own preposition is a cue of the table: French parses hang
    "après", "avant", "depuis" on the noun («avant les attaques»), not above it; with
    ``deps`` ``_SUBORDINATORS``, a verb's own subordinating word ("after militants
    attacked", «depuis que des jihadistes ont attaqué»)."""
    case = {t.i for t in toks if t.head == core and t.dep in deps and t.i != core}
    case |= {t.i for t in toks if t.head in case and t.dep == "fixed"}
    return bool(case & words_of(table, toks))


#: Words after an event noun within which a day of its own may follow.
_OWN_DAY_REACH = 4


def _own_day(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """Whether a day follows the event noun as its own ("after the killing, on 19 October
    in Maputo, of ..."): a dated act told as the cause of another is still coded."""
    end = toks[m.end - 1].end
    limit = m.end + _OWN_DAY_REACH
    for d in s.dates:
        if d.precision != "day" or d.value is None or d.start < end:
            continue
        k = token_at(toks, d.start)
        if k is None or k > limit:
            continue
        if not any(t.pos in ("VERB", "AUX") for t in toks[m.end : k]):
            return True
    return False


def _day_in_clause(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """A day dates the trigger's own clause ("after gunmen attacked the camp on
    Sunday"): a dated act told as the cause of another is still coded."""
    trigger = span(toks, m)
    return any(
        d.precision == "day" and d.value is not None and in_trigger_clause(d.start, trigger, s)
        for d in s.dates
    )


def modality_for(lex: Lexicon, language: str) -> Modality:
    """The strategy for a sentence of ``language``."""
    if language == "ar":
        return WordOrderModality(lex)
    return ParsedModality(lex)


#: How a participle hangs on the verb it goes with ("..., looting villages and
#: kidnapping residents": the second on the first).
_PARTICIPLE_DEPS = frozenset({"advcl", "conj", "xcomp", "acl"})


#: What opens a quoted call before its verb.
_QUOTE_OPENERS = frozenset("\"“«‘'")


def _a_command(verb: Tok, toks: list[Tok]) -> bool:
    """An imperative opening its sentence or a quote ("Attack them wherever you find
    them", "“Kill the invaders,” he said"): a call to act, no act told. Read from the
    bare infinitive with no subject, auxiliary or marker of its own."""
    if verb.pos != "VERB" or "VerbForm=Inf" not in verb.morph:
        return False
    if any(t.head == verb.i and t.i != verb.i and t.dep in _NOT_A_COMMAND for t in toks):
        return False
    return all(toks[k].text in _QUOTE_OPENERS for k in range(verb.i))


def _present_participle(tok: Tok) -> bool:
    """ "looting", «pillant»: a present participle or gerund of a verb."""
    return tok.pos == "VERB" and (
        "VerbForm=Ger" in tok.morph or ("VerbForm=Part" in tok.morph and "Tense=Pres" in tok.morph)
    )


def _perfect_progressive(verb: Tok, toks: list[Tok]) -> bool:
    """ "have been pushing south", "has been attacking villages": an English present
    perfect progressive tells what has been going on, a trend, not one act."""
    if verb.pos != "VERB" or not _present_participle(verb):
        return False
    auxes = [t for t in toks if t.head == verb.i and t.dep == "aux"]
    return any(fold(t.text) == "been" for t in auxes) and any(
        fold(t.text) in ("has", "have") for t in auxes
    )


def _counts_its_object(toks: list[Tok], verb: int) -> bool:
    """The verb's object has a number ("killing 12 people", «tuant douze civils»)."""
    objects = {t.i for t in toks if t.head == verb and t.dep in ("obj", "dobj")}
    return any(t.head in objects and t.dep == "nummod" for t in toks) or any(
        k in objects and toks[k].pos == "NUM" for k in objects
    )


#: French indefinite plural articles: «des civils» is a bare plural in English terms.
_INDEFINITE_PLURAL = frozenset({"des", "de", "d'"})

#: English verbs that link a subject to what it is ("are", "remain", "have become").
_LINKING = frozenset({"be", "remain", "become"})
#: Dependents that make a plural noun a particular set ("the strikes", "its raids",
#: "three attacks"); without them an English plural names a kind.
_PARTICULAR_DEPS = frozenset({"det", "poss", "nummod"})


def _kind_described(noun: Tok, toks: list[Tok]) -> bool:
    """ "Drone strikes are the weapon of choice", "Kidnappings have become a business":
    an English bare plural, subject of a linking verb in the present, names the kind of
    act and says what it is, telling no act."""
    if noun.dep not in SUBJECT_DEPS or "Number=Plur" not in noun.morph or noun.head == noun.i:
        return False
    if any(t.head == noun.i and t.dep in _PARTICULAR_DEPS for t in toks):
        return False
    verb = toks[noun.head]
    if verb.lemma.lower() not in _LINKING:
        return False
    finite = [verb, *(t for t in toks if t.head == verb.i and t.dep == "aux")]
    return any("Tense=Pres" in t.morph and "VerbForm=Fin" in t.morph for t in finite)


#: Families of acts that an attempt does not do: ground, people or goods only tried for.
_ATTEMPTED_NOT_DONE = frozenset({"territory", "abduction", "looting"})


class ParsedModality:
    """Cues that govern the trigger in the dependency parse."""

    __slots__ = ("lex",)

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def reject_reason(self, m: Match, toks: list[Tok], s: SentenceInput) -> Rejection | None:
        if judicial(self.lex, m, toks):
            return "judicial"
        if restated_before_a_sequel(self.lex, m, toks):
            return "restated"
        if self._kind_denied(m, toks):
            return "generic"
        head = toks[m.start]
        chain = this_side(m.start, ancestors(toks, m.start, limit=4), toks)
        # The background test reads the trigger's own head word ("protests" in "violent
        # protests"), a gerund modifying a noun included ("following the shooting deaths").
        core = head_of(toks, m)
        nominal = toks[core].pos in ("NOUN", "PROPN") or toks[core].dep in ("amod", "compound")
        core_chain = ancestors(toks, core, limit=4)
        if (
            nominal
            and (
                governed_by(core_chain, self.lex.background, toks)
                or _marked_by(core, self.lex.background, toks)
            )
            and not _own_day(m, toks, s)
            and not dead_found_after(self.lex, m, toks)
            and not sequel_object(self.lex, m, toks, s)
        ):
            return "background"
        if (
            not nominal
            and _marked_by(core, self.lex.background, toks, _SUBORDINATORS)
            and self._long_before(m, core, toks, s)
        ):
            return "background"  # "weeks after strikes killed dozens"
        earlier = self.lex.noun_classes.get("earlier_acts", frozenset())
        if (
            nominal
            and any(
                (t.head == core or m.start <= t.head < m.end)
                and t.dep == "amod"
                and t.keys & earlier
                for t in toks
            )
            and not _own_day(m, toks, s)
        ):
            return "background"  # "previous suicide bombings", «les attaques précédentes»
        if self.negated(m, toks, chain):
            return "negated"
        if stopped_bearer(self.lex, toks, m):
            return "foiled"
        if self.future(m, toks, chain) or _a_command(head, toks):
            return "future or hypothetical"
        if _scheduled(m, s) or self._purpose_object(head, toks) or self._to_be_ended(head, toks):
            return "planned"
        if called(self.lex, m, toks) or purpose_infinitive(self.lex, m, toks):
            return "planned"
        if self._attempted_taking(m, head, toks) or taking_as_aim(m, toks):
            return "planned"
        # Inside an accusation or a justification ("responsible for the attacks", "en
        # soutien à la population massacrée"), a trigger of any part of speech refers to
        # other events; only the clause's own root is exempt.
        embedded = head.dep != "ROOT" and not fronted_main_clause(toks, m.start)
        if embedded and governed_by(chain, self.lex.accusation, toks) and not _own_day(m, toks, s):
            # "accused the RSF of shelling a market on Monday": an act with its own day
            # is told, its doer alleged (``attribution.accusation``); without one, the
            # accusation names other events ("accused of war crimes").
            return "accusation"
        if embedded and governed_by(chain, self.lex.justification, toks):
            return "justification"
        if embedded and governed_by(chain, self.lex.characterisation, toks):
            return "characterisation"
        if self.aggregate(m, toks, s):
            return "aggregate"
        if habitual(self.lex, m, toks, s) or self.simple_present(m, toks, s):
            return "habitual"
        if s.language == "en" and _kind_described(toks[core], toks):
            return "habitual"
        return None

    def _long_before(self, m: Match, core: int, toks: list[Tok], s: SentenceInput) -> bool:
        """The clause a cue of sequence opens tells an act long before the one it is set
        against: weeks or years measure the gap ("weeks after strikes killed dozens"), or
        a month or year before the report's dates it ("after jihadists attacked a camp
        last month"), and no day of its own. A clause of the same day ("after the two
        crowds met") is the story going on."""
        if _day_in_clause(m, toks, s):
            return False
        durations = self.lex.noun_classes.get("duration_nouns", frozenset())
        if any(t.head == core and t.dep in _DURATION_DEPS and t.keys & durations for t in toks):
            return True
        marks = [t.i for t in toks if t.head == core and t.dep in _SUBORDINATORS]
        if any(k > 0 and toks[k - 1].keys & durations for k in marks):
            return True  # "weeks after ...", the measure hung on the main verb
        trigger = span(toks, m)
        published = s.published
        return published is not None and any(
            d.precision in ("month", "year")
            and d.value is not None
            and d.value < published.replace(day=1)
            and in_trigger_clause(d.start, trigger, s)
            for d in s.dates
        )

    def simple_present(self, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
        """English news tells what happened in the past tense; an event verb in the simple
        present ("it targets military infrastructure") tells a habit or a policy, unless
        the sentence dates it to a day."""
        verb = toks[m.start]
        if verb.pos == "ADP":
            verb = toks[verb.head]  # "comes under fire": the verb the phrase hangs on
        if (
            verb.pos == "NOUN"
            and verb.dep in ("obj", "dobj")
            and _present_participle(toks[verb.head])
        ):
            verb = toks[verb.head]  # «pratiquant les enlèvements»: the verb that does it
        if _present_participle(verb) and not _counts_its_object(toks, verb.i):
            # "Gangs roam the countryside, looting villages", «qui écument les campagnes,
            # pillant les villages»: a participle on a verb in the simple present tells
            # the same habit (not "..., killing 12", a count of one act's dead).
            head = verb
            for _ in range(4):
                if head.dep not in _PARTICIPLE_DEPS or head.head == head.i:
                    break
                head = toks[head.head]
            # "pushing towards X, attacking villages": a participle the parser hung on the
            # place before it belongs to the verb that place hangs on.
            for _ in range(3):
                if head.pos in ("VERB", "AUX") or head.head == head.i:
                    break
                head = toks[head.head]
            verb = head
        elif s.language != "en":
            return False
        if not _perfect_progressive(verb, toks) and (
            verb.pos != "VERB" or "Tense=Pres" not in verb.morph or "VerbForm=Fin" not in verb.morph
        ):
            return False
        once = self.lex.noun_classes.get("one_occasion", frozenset())
        if any(t.keys & once for t in toks):
            return False  # "set fire to a school overnight": the night just past, once
        return not any(d.value is not None and d.precision == "day" for d in s.dates)

    def _continuing(self, noun: Tok, toks: list[Tok]) -> bool:
        """The plural event noun is the subject of a verb of going on (noun class
        ``continuing_verbs``): "the killings have continued", «les enlèvements se
        multiplient» tell a series, not one act."""
        verbs = self.lex.noun_classes.get("continuing_verbs", frozenset())
        return noun.dep in SUBJECT_DEPS and bool(toks[noun.head].keys & verbs)

    def _kind_denied(self, m: Match, toks: list[Tok]) -> bool:
        """The trigger is a verb a denial in the present takes, acting on a bare plural
        ("has denied targeting civilians", «nie viser des civils»): a policy denied, no
        act told. Denied in the past ("the militia denied targeting civilians", right
        after the attack) it denies the act reported."""
        verb = toks[m.start]
        if verb.pos != "VERB" or "VerbForm=Fin" in verb.morph or verb.head == verb.i:
            return False
        if not any(d.start <= verb.head < d.end for d in self.lex.deny.find(toks)):
            return False
        denial = toks[verb.head]
        auxes = [t for t in toks if t.head == denial.i and t.dep.startswith("aux")]
        present = ("Tense=Pres" in denial.morph and "VerbForm=Fin" in denial.morph) or any(
            fold(t.text) in ("has", "have") for t in auxes
        )
        if not present:
            return False
        objects = [t for t in toks if t.head == verb.i and t.dep in ("obj", "dobj")]
        # No determiner, or an indefinite plural one only (English "civilians", «des
        # civils»).
        return any(
            "Number=Plur" in o.morph
            and all(
                fold(t.text) in _INDEFINITE_PLURAL
                for t in toks
                if t.head == o.i and t.dep in ("det", "poss", "nummod")
            )
            for o in objects
        )

    def _stepped_up(self, noun: Tok, toks: list[Tok]) -> bool:
        """The plural event noun is the object of a verb of a trend (noun class
        ``trend_verbs``): "insurgents have intensified attacks", «les jihadistes
        étendent leurs attaques» tell a course of acts, not one act."""
        verbs = self.lex.noun_classes.get("trend_verbs", frozenset())
        return noun.dep in ("obj", "dobj") and bool(toks[noun.head].keys & verbs)

    def negated(self, m: Match, toks: list[Tok], chain: list[int]) -> bool:
        """A negation on the trigger, its first governors or its subject."""
        # The deny verb makes it a denied event, not a non-event.
        if self.lex.deny.find(toks):
            return False
        scope = {m.start, *chain[:2]}
        # "no civilians were killed", "aucun civil n'a été tué": the negation sits on the
        # subject of the trigger.
        subjects = {t.i for t in toks if t.head in scope and t.dep in SUBJECT_DEPS}
        scope |= subjects
        return any(
            t.head in scope
            and t.i != t.head
            and t.keys & self.lex.negation
            and not _negates_its_object(t, toks)
            for t in toks
        )

    def future(self, m: Match, toks: list[Tok], chain: list[int]) -> bool:
        """A future tense, a conditional, an "if" or a future cue governing the trigger."""
        scope = [m.start, *chain[:3]]
        for idx in scope:
            tok = toks[idx]
            if "Tense=Fut" in tok.morph:
                return True
            if conditional_present(tok, toks):
                return True
            for child in toks:
                if child.head == idx and child.i != idx:
                    if "Tense=Fut" in child.morph and child.pos == "AUX":
                        return True
                    if fold(child.text) in ("si", "if") and child.dep in ("mark",):
                        return True
        for fm in self.lex.future.find(toks):
            cue = toks[fm.start]
            if fm.end - fm.start == 1 and cue.pos == "PROPN":
                continue  # "on May 28": the month, not the modal
            if fm.end - fm.start == 1 and cue.pos == "NOUN" and cue.keys & _MODAL_NOUNS:
                continue  # "le parti au pouvoir", "the will of": a noun, not a modal
            if cue.keys & _MODAL_NOUNS and "VerbForm=Part" in cue.morph:
                continue  # «ont dû fuir», «a pu s'enfuir»: had to, was able to: it happened
            if self._crowd_held_back(m, fm.start, toks):
                continue
            if fm.start in scope or (fm.start < m.start and toks[fm.start].i in chain):
                return True
            # "menace de frapper", "pourrait viser": cue governs the trigger.
            if toks[m.start].head == fm.start or (
                fm.start < m.start <= fm.start + 3 and toks[fm.start].pos in ("VERB", "AUX")
            ):
                return True
            # "would continue", "as long as the strikes continue", "tant que": a cue
            # attached to the trigger or to one of its governors; not a clause of its
            # own under the trigger ("blocked roads to demand reforms": a purpose).
            if any(
                toks[i].head in scope and toks[i].head != i and toks[i].dep not in CLAUSE_DEPS
                for i in range(fm.start, fm.end)
            ):
                return True
        return False

    def _attempted_taking(self, m: Match, head: Tok, toks: list[Tok]) -> bool:
        """ "as the army tried to retake the town", «les rebelles qui tentent de prendre
        X» (noun class ``attempt_verbs``): ground taken only in an attempt is no ground
        taken; the fighting for it is told on its own. So are people abducted or goods
        looted only in an attempt ("residents resisted attempts to loot homes and abduct
        women"). (An attempted attack is still an attack.)"""
        if not m.payload.sub or family(m.payload.sub) not in _ATTEMPTED_NOT_DONE:
            return False
        attempts = self.lex.noun_classes.get("attempt_verbs", frozenset())
        verb = head
        if verb.dep == "conj" and verb.head != verb.i:
            verb = toks[verb.head]  # "attempts to loot homes and abduct women"
        return verb.dep in ("xcomp", "acl") and bool(toks[verb.head].keys & attempts)

    def _purpose_object(self, noun: Tok, toks: list[Tok]) -> bool:
        """The event noun is what an infinitive of purpose acts on ("in order to
        eliminate terrorist attacks", "to end the shelling", «afin de mettre fin aux
        frappes»): an aim, no act told. Fending off an attack ("sent to repel an
        attack") tells the attack."""
        if noun.pos not in ("NOUN", "PROPN"):
            return False
        if (
            noun.dep == "nmod"
            and toks[noun.head].dep in _AIMED_DEPS
            and any(t.head == noun.i and t.dep == "case" and t.keys & _AGAINST for t in toks)
        ):
            # «pour protéger la ville contre de nouvelles attaques»: the parser hangs the
            # event noun on the verb's object
            noun = toks[noun.head]
        if noun.dep not in _AIMED_DEPS:
            return False
        verb = toks[noun.head]
        if noun.dep == "pobj" and verb.pos == "ADP":  # "to put an end to attacks"
            verb = toks[verb.head]
        fending = self.lex.noun_classes.get("fending_off", frozenset())
        if verb.pos != "VERB" or verb_forms(toks, verb.i) & fending:
            return False
        markers = closed_words("purpose_markers")
        if toks[verb.head].keys & markers:
            return True  # «afin de mettre fin aux attaques»: the parser hangs the verb on «afin»
        return verb.dep in _PURPOSE_DEPS and any(
            t.head == verb.i and t.i < verb.i and t.keys & markers for t in toks
        )

    def _to_be_ended(self, noun: Tok, toks: list[Tok]) -> bool:
        """The event noun is what an infinitive or a gerund of ending acts on ("agreed
        to stop the fighting", "talks aimed at ending the fighting", «ont accepté de
        cesser les combats», «visant à mettre fin aux combats»; noun class
        ``ending_verbs``, which holds the nouns of an end too): what is to end is named,
        no act told. A finite verb of ending tells the act it ended ("police stopped
        the march")."""
        if noun.pos not in ("NOUN", "PROPN") or noun.head == noun.i:
            return False
        ending = self.lex.noun_classes.get("ending_verbs", frozenset())
        said_to_end = False
        k = noun.head
        for _ in range(3):  # fighting <- (to <-) end <- put; combats <- fin <- mettre
            tok = toks[k]
            said_to_end = said_to_end or bool(verb_forms(toks, k) & ending)
            if tok.pos == "VERB":
                # «mettre fin aux combats»: the noun of an end may be the verb's object.
                said_to_end = said_to_end or any(
                    t.head == k and t.dep in ("obj", "dobj") and t.keys & ending for t in toks
                )
                return said_to_end and ("VerbForm=Inf" in tok.morph or _present_participle(tok))
            if tok.pos not in ("ADP", "NOUN") or tok.head == k:
                return False
            k = tok.head
        return False

    def _crowd_held_back(self, m: Match, cue: int, toks: list[Tok]) -> bool:
        """ "Police fired tear gas to prevent protesters from reaching the square", «a tiré
        ... pour empêcher des manifestants de rejoindre ...»: the crowd a purpose clause
        of a told act holds back is there; only what it was kept from doing is not."""
        trig, verb = toks[m.start], toks[cue]
        # The crowd, or the count of it ("thousands of protesters", «des milliers de
        # manifestants»), is the verb's object.
        held = [m.start, *ancestors(toks, m.start, limit=3)]
        obj = next((i for i in held if toks[i].head == cue and i != cue), None)
        return (
            obj is not None
            and toks[obj].dep in ("obj", "dobj", "iobj")
            and bool(self.lex.crowd.find([trig]))
            and verb.dep == "advcl"
            and verb.head != cue
            and toks[verb.head].pos == "VERB"
            and "Tense=Fut" not in toks[verb.head].morph
            and not conditional_present(toks[verb.head], toks)
        )

    def aggregate(self, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
        """A plural event noun counted over a period ("les attaques depuis janvier"), or
        a death told over a period with no day ("43 people have been killed since
        January"): a tally, not an event."""
        head = toks[m.start]
        nominal = all(toks[k].pos in ("NOUN", "PROPN", "ADJ") for k in range(m.start, m.end))
        if m.end - m.start > 1 and nominal and toks[m.end - 1].pos in ("NOUN", "PROPN"):
            head = toks[m.end - 1]  # "drone attacks": the compound's head noun
        periods = long_periods(self.lex, toks, s)
        # "43 people have been killed since January", "killed in the war", "between
        # January and March": a tally
        tallied = periods or of_a_war(self.lex, toks)
        if m.payload.weak and counted_nationwide(self.lex, toks, m.end):
            return True  # "11 killed nationwide since Monday": a country's toll
        if m.payload.weak and tallied and not names_a_day(self.lex, toks, s):
            return True
        ranged = bool(date_ranges(toks, s))
        if m.payload.weak and ranged:
            return True
        trig = toks[m.start]
        # "Fighting has been raging ... for weeks": the event noun's own verb goes on.
        told_by = toks[trig.head] if trig.dep in SUBJECT_DEPS and trig.head != trig.i else trig
        for _ in range(2):
            # "have for years raided villages, killing and kidnapping residents": a
            # present participle tells the act of the verb it hangs on, its tense too.
            if not (
                told_by.dep in ("advcl", "conj")
                and told_by.head != told_by.i
                and _present_participle(told_by)
            ):
                break
            told_by = toks[told_by.head]
        if (
            periods
            and (ongoing(trig, toks) or ongoing(told_by, toks) or perfect(self.lex, told_by, toks))
            and not names_a_day(self.lex, toks, s)
        ):
            # "a group that has been fighting the state since 2006": a state of war;
            # "the fighting has displaced two million since April": its toll so far
            return True
        if of_a_long_time(self.lex, toks[m.start], toks):
            return True  # "a year of fighting", «des mois de combats»: a period of them
        last = toks[m.end - 1]
        over_time = self.lex.noun_classes.get("over_time", frozenset())
        if (
            last.dep == "compound"
            and toks[last.head].keys & over_time
            and not names_a_day(self.lex, toks, s)
        ):
            return True  # "the drone strike campaign", "a bombing campaign": a course of acts
        # «attentats-suicides»: the parser may split a hyphenated noun into pieces whose
        # last reads singular; the compound is plural when its first noun is.
        hyphenated = any(toks[k].text in ("-", "‐") for k in range(m.start, m.end))
        plural = "Number=Plur" in head.morph or (
            hyphenated and "Number=Plur" in toks[m.start].morph
        )
        if head.pos not in ("NOUN", "PROPN") or not plural:
            return False
        if periods or ranged:
            return True
        if self.lex.crowd.find([head]):
            return False  # "des milliers de manifestants": one crowd counted, not events
        if (self._continuing(head, toks) or self._stepped_up(head, toks)) and not names_a_day(
            self.lex, toks, s
        ):
            return True  # "the massacres have continued", «les attaques se poursuivent»
        window = range(max(0, m.start - 4), m.start)
        quant = any(
            mm.start in window
            and not few_at_a_place(toks, mm, s)
            and not names_a_time(toks, mm)
            # «la semaine dernière, des affrontements»: the week dates them, it counts none
            and not any(d.start <= toks[mm.start].start < d.end for d in s.dates)
            for mm in self.lex.aggregate_quantifiers.find(toks)
        )
        # "more than 150 attacks", «une vague d'attaques», "a lull in attacks": attacks
        # counted by the dozen, or the course of a campaign, not one of them.
        # The number must count the events ("150 attacks"), not people ("thousands of").
        numbers = [
            read_number(self.lex, toks[k])
            for k in window
            # "40 rocket and drone attacks"; right before it, whatever the parse made of
            # the number («plus de 200 frappes», its number hung on «plus»)
            if head.i in ancestors(toks, k, limit=2) or k == m.start - 1
        ]
        counted = any(n is not None and n >= MANY for n in numbers)
        over_time = self.lex.noun_classes.get("over_time", frozenset())
        course = any(toks[k].keys & over_time for k in range(max(0, m.start - 3), m.start))
        if counted and not names_a_day(self.lex, toks, s, counted=True):
            return True
        return (quant or course or repeated(self.lex, m, toks)) and not names_a_day(
            self.lex, toks, s
        )


#: The possessive after a date ("for Monday's attack"): the date names an event.
_POSSESSIVE = frozenset({"'s", "’s"})


def _scheduled(m: Match, s: SentenceInput) -> bool:
    """A day the trigger's clause is set for ("protests are being organised for
    Wednesday", "called a rally for Friday", «des manifestations sont organisées pour
    mercredi»): the act is planned, not told. "claimed responsibility for Monday's
    attack" names a day of an event, no appointment."""
    toks = s.tokens
    words = closed_words("scheduled_for")
    core = toks[head_of(toks, m)]  # "a march": the noun, not its article
    trigger = (core.start, core.end)
    for d in s.dates:
        i = token_at(toks, d.start)
        if i is None or i == 0 or not toks[i - 1].keys & words:
            continue
        after = token_at(toks, d.end - 1)
        if after is not None and after + 1 < len(toks) and toks[after + 1].text in _POSSESSIVE:
            continue
        if in_trigger_clause(d.start, trigger, s):
            return True
    return False


def conditional_present(tok: Tok, toks: list[Tok]) -> bool:
    """French conditional present (hypothetical); "aurait visé" (reported past) is not."""
    low = fold(tok.text)
    endings = tuple(closed_words("conditional_endings"))  # veille/lang/fr/closed_class.json
    if not low.endswith(endings) or tok.pos not in ("VERB", "AUX"):
        return False
    if fold(tok.lemma) in ("avoir", "etre"):
        # Auxiliary of a compound conditional: reported past, not hypothetical.
        return not any(
            t.head == tok.head and "VerbForm=Part" in t.morph for t in toks if t.i != tok.i
        )
    return True


def _negates_its_object(t: Tok, toks: list[Tok]) -> bool:
    """A negating preposition with an object of its own ("marched without incident",
    "took the town without a fight"): it denies the object, not the act it hangs on."""
    return t.pos == "ADP" and any(c.head == t.i and c.i != t.i for c in toks)


def sentence_future(toks: list[Tok]) -> bool:
    """The sentence's main verb is future or conditional."""
    return any(
        "Tense=Fut" in t.morph or conditional_present(t, toks) for t in toks if t.dep == "ROOT"
    )
