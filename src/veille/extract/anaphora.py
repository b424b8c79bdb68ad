"""Anaphora: whether a trigger names an event told before ("cette attaque", a noun a
claim governs, «الهجوم»), a comment on it ("It was the deadliest attack"), another party's
account of it, or a new one ("a separate strike").

The sentence reader asks these of each kept trigger; they decide whether a mention joins
the article's earlier event or tells its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from veille.extract.candidate import Candidate, SentenceInput, same_source
from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import RELATIVE_DEPS, SUBJECT_DEPS, ancestors, token_at
from veille.extract.word_order import ABOUT
from veille.nlp import arabic

#: Determiners of a noun that names something known ("the attack", «l'enlèvement»).
_DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "le", "la", "les", "l'", "l’", "ce", "cet", "cette"}
    | {"ces", "its", "their", "son", "sa", "ses", "leur", "leurs"}
)


def anaphoric(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The trigger names an event told before: "cette attaque", or a noun that a claim,
    confirmation or denial governs ("X a revendiqué l'attaque")."""
    head = toks[m.start]
    if head.pos in ("NOUN", "PROPN"):
        # "X a revendiqué l'attaque", "la police a confirmé l'enlèvement": the noun
        # names an event told before; it adds attribution, not a new event.
        cues = {c.start for table in (lex.claim, lex.confirm, lex.deny) for c in table.find(toks)}
        denials = {c.start for c in lex.deny.find(toks)}
        known = definite(m, toks)
        # "X carried out strikes", «a mené des frappes»: an indefinite noun tells a new one;
        # so does a definite one its relative clause describes («l'attaque qui a coûté
        # la vie à douze soldats»).
        described = any(t.head == m.start and t.dep in RELATIVE_DEPS for t in toks) or (
            # the relative pronoun right after the noun, wherever the parse hangs its
            # clause («l'attentat-suicide qui a fait 15 morts», split at the hyphen)
            m.end < len(toks)
            and "PronType=Rel" in toks[m.end].morph
            and toks[toks[m.end].head].dep in RELATIVE_DEPS
        )
        # "denied any involvement in the killings", «a nié toute implication dans
        # l'attaque»: a denial may govern it through a noun and a preposition too (a claim
        # of responsibility "for the bombing in X on Friday" may tell a new one).
        governed = known and (
            any(i in cues for i in ancestors(toks, m.start, limit=2))
            or any(i in denials for i in ancestors(toks, m.start, limit=3))
        )
        if governed and not described and not _harm_told_in_its_phrase(lex, m, toks):
            return True
    for t in toks:
        if (
            t.head == m.start
            and t.i != m.start
            and t.dep in ("det", "")  # "that attack", not "said that rebels attacked"
            and fold(t.text) in _DEMONSTRATIVES
        ):
            return True
    return m.start > 0 and fold(toks[m.start - 1].text) in _DEMONSTRATIVES_BEFORE


def dated_in_its_phrase(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """The event noun has a day of its own in its phrase: «l'attaque de dimanche»,
    «l'attaque menée dimanche» (a participle of the noun takes it). The act is told
    there, whatever claims or confirms it; «a revendiqué l'attaque lundi» (the parser
    hanging the bare day on the noun all the same) dates the claim."""
    for d in s.dates:
        k = token_at(toks, d.start)
        if d.precision != "day" or k is None or k <= m.start:
            continue
        day = toks[k]
        if day.head == m.start and any(c.head == k and c.dep == "case" for c in toks):
            return True
        verb = toks[day.head]
        if verb.dep == "prep":  # English: "carried out" -> "on" -> "Sunday"
            verb = toks[verb.head]
        if verb.dep.startswith("acl") and verb.head == m.start and verb.i != k:
            return True
    return False


def _harm_told_in_its_phrase(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A relative clause inside the noun's own phrase tells the dead or wounded («a
    revendiqué l'attentat contre une église de X, qui a fait douze morts», the parser
    hanging the clause on «église»): the noun is described, not recalled."""
    harm = {
        i for f in (*lex.fatality.find(toks), *lex.injury.find(toks)) for i in range(f.start, f.end)
    }
    for t in toks:
        if t.dep not in ("acl:relcl", "relcl") or m.start not in (
            t.head,
            *ancestors(toks, t.head, limit=3),
        ):
            continue
        if t.i in harm or any(t.i in ancestors(toks, k, limit=3) for k in harm):
            return True
    return False


#: Demonstratives that point a trigger noun back at what was told ("these protests").
_DEMONSTRATIVES = frozenset(
    {"cette", "cet", "ce", "ces", "this", "that", "these", "those", "هذا", "هذه", "تلك"}
)
#: Those that do so right before the noun even where the parser hangs them elsewhere.
_DEMONSTRATIVES_BEFORE = frozenset({"cette", "cet", "ces", "this", "these"})


def definite(m: Match, toks: list[Tok]) -> bool:
    """The trigger is a definite noun: "the attack", «l'attaque», «الهجوم» (an act the
    text knows, as against "an attack")."""
    head = toks[m.start]
    if not head.dep:
        # «في الهجوم»: past a preposition the trigger holds, the noun's own article.
        return any(arabic.is_definite(fold(t.text)) for t in toks[m.start : m.end])
    return head.pos in ("NOUN", "PROPN") and any(
        t.head == m.start and t.dep.startswith("det") and fold(t.text) in _DEFINITE for t in toks
    )


def said_of_it(m: Match, toks: list[Tok]) -> bool:
    """The event noun is what a pronoun is said to be: "It was the deadliest attack
    on ... since ...", «C'était la troisième attaque en un mois»: a comment on the event
    told before, not a new one."""
    noun = toks[m.start]
    if noun.pos not in ("NOUN", "PROPN"):
        return False
    if noun.dep == "nsubj" and definite(m, toks) and _ranked(noun.head, toks):
        # "The attack was the deadliest since ...", «L'attaque est la plus meurtrière
        # depuis ...», "The strike was the third this week": the event told, ranked.
        return True
    if (
        noun.dep == "obl:arg"
        and fold(toks[noun.head].lemma) in _IDENTIFYING
        and (definite(m, toks) or _after_des(m, toks))
        and any(t.head == noun.head and t.dep.startswith("expl") for t in toks)
    ):
        # «Il s'agit de l'embuscade la plus coûteuse depuis ...», «il s'agit de la
        # troisième attaque ce mois-ci», «il s'agit des raids les plus violents»
        # (des: de + les): the impersonal "it is" names the event told.
        return True
    if noun.dep == "attr":  # English: "It was [the ... attack]", the noun hangs on "be"
        clause = noun.head
    elif any(t.head == noun.i and t.dep == "cop" for t in toks):  # UD: the noun heads it
        clause = noun.i
    else:
        return False
    return any(t.head == clause and t.dep in ("nsubj", "expl") and t.pos == "PRON" for t in toks)


def _after_des(m: Match, toks: list[Tok]) -> bool:
    """«des» right before the noun (after «s'agir», de + les; parsed as its case or
    its determiner)."""
    return m.start > 0 and fold(toks[m.start - 1].text) == "des"


def _ranked(head: int, toks: list[Tok]) -> bool:
    """The clause a subject hangs on says it ranks among others: its predicate (the
    word a copula makes the head, or the attribute of "be") is a superlative ("the
    deadliest", «la plus meurtrière») or an ordinal ("the third")."""
    pred = toks[head]
    if not any(t.head == head and t.dep == "cop" for t in toks):
        attrs = [t for t in toks if t.head == head and t.dep in ("attr", "acomp")]
        if not attrs:
            return False
        pred = attrs[0]
    if "Degree=Sup" in pred.morph or "NumType=Ord" in pred.morph:
        return True
    word = fold(pred.text)
    if pred.pos == "ADJ" and word.endswith("est") and fold(pred.lemma) != word:
        return True  # "deadliest" (deadly); "worst" is one of the rank words below
    return fold(pred.text) in _RANK_WORDS or any(
        t.head == pred.i and t.dep == "advmod" and fold(t.text) in _SUPERLATIVE_ADVERBS
        for t in toks
    )


#: Impersonal verbs that say what the event told is («il s'agit de»: "it is").
_IDENTIFYING = frozenset({"agir"})
#: Adverbs that make a superlative of the adjective they modify.
_SUPERLATIVE_ADVERBS = frozenset({"most", "plus", "moins", "least"})
#: Superlatives and ordinals written as words of their own.
_RANK_WORDS = frozenset({"worst", "first", "second", "third", "latest", "premier", "première"})


def sequenced(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The definite event noun is the subject of a verb that sets it in time against
    another ("The attack came a week after ...", «L'attaque intervient après ...»,
    «ويأتي الهجوم بعد»; noun class ``sequence_verbs``): the event told before, placed
    in a sequence, not a new one. Its sentence's places belong to the other event."""
    if not definite(m, toks):
        return False
    verbs = lex.noun_classes.get("sequence_verbs", frozenset())
    noun = toks[m.start]
    if not noun.dep:  # Arabic: the verb right before its definite subject
        return m.start > 0 and bool(toks[m.start - 1].keys & verbs)
    return noun.dep.startswith("nsubj") and bool(toks[noun.head].keys & verbs)


def sequence_cuts(lex: Lexicon, toks: list[Tok], triggers: Sequence[Match]) -> list[int]:
    """The token positions of sequence verbs whose subject is a definite event noun
    ("The attack came two weeks after militants ambushed a convoy", «L'attaque
    intervient après ...», «ويأتي الهجوم بعد ...»: ``sequenced``): nothing joins across
    one, the act set against the event told before is another."""
    verbs = lex.noun_classes.get("sequence_verbs", frozenset())
    return [
        v.i
        for v in toks
        if v.keys & verbs
        and any(
            m.start < len(toks) and _sequences(v, m.start, toks) and definite(m, toks)
            for m in triggers
        )
    ]


def without_antecedent_acts(
    out: list[Candidate], toks: list[Tok], cuts: Sequence[int]
) -> list[Candidate]:
    """Past a sequence verb (``sequence_cuts``) stands the earlier act the event told
    before is set against: background, not that day's news, unless its own clause names
    its day ("... came a day after a drone strike killed three near X on Sunday")."""
    if not cuts:
        return out
    cut = toks[min(cuts)].start
    return [
        c
        for c in out
        if c.trigger[0] < cut
        or (c.date_span is not None and c.date_span[0] > cut and c.date_precision == "day")
    ]


def _sequences(verb: Tok, noun: int, toks: list[Tok]) -> bool:
    """The token ``noun`` is the subject of ``verb`` (Arabic, no parse: right after it)."""
    if not verb.dep:
        return noun == verb.i + 1
    return toks[noun].head == verb.i and toks[noun].dep.startswith("nsubj")


#: Determiners that make an event noun the subject of a retelling ("the strikes", «les
#: frappes»); a possessive ("its attack") may introduce the doer's own new act.
_ARTICLES = frozenset({"the", "these", "those", "le", "la", "les", "l'", "l’", "ces"})


def reported_anaphor(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """A definite event noun that is the subject of what someone says ("The RSF said the
    strikes hit a market", «Le Hamas affirme que les frappes ont tué des civils») is the
    event told before, seen by another party: its sentence adds that party's account.
    The caller asks this only of a sentence that gives the event no date of its own."""
    head = toks[m.start]
    if head.pos not in ("NOUN", "PROPN") or head.dep not in SUBJECT_DEPS:
        return False
    if not any(
        t.head == m.start and t.dep.startswith("det") and fold(t.text) in _ARTICLES for t in toks
    ):
        return False
    verb = head.head
    if verb < 0 or verb == m.start or toks[verb].dep not in ("ccomp", "parataxis"):
        return False
    tellers = {
        i
        for table in (lex.report, lex.claim)
        for c in table.find(toks)
        for i in range(c.start, c.end)
    }
    return any(i in tellers for i in ancestors(toks, verb, limit=2))


def another_event(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The event noun says it is not the one told before: "a separate strike", «une
    autre frappe», «غارة أخرى» (a word of otherness or order right beside it)."""
    words = lex.noun_classes.get("another_event", frozenset())
    near = [*range(max(0, m.start - 2), m.start), *range(m.end, min(len(toks), m.end + 2))]
    return any(toks[k].keys & words for k in near)


#: Tokens around an unparsed (Arabic) trigger an additive adverb may stand at.
_ADDITIVE_REACH = 3


def told_besides(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The act is told *besides* one before ("Drones also struck X", «l'aviation a
    également frappé X», «وقصفت المدفعية أيضا X»): an additive adverb on the trigger
    (its dependent where the sentence is parsed, a word beside it where not). Placed
    elsewhere than the act told before, it is another act (ACLED: one event per place)."""
    words = lex.noun_classes.get("additive", frozenset())
    if not words:
        return False
    trigger = range(m.start, m.end)
    parsed = toks[m.start].pos not in ("X", "")
    for t in toks:
        if not t.keys & words:
            continue
        if parsed:
            if t.head in trigger and t.i not in trigger:
                return True
        elif m.start - _ADDITIVE_REACH <= t.i < m.end + _ADDITIVE_REACH or t.i == 0:
            return True
    return False


#: Words between an Arabic claim verb and the event noun it claims (the claimant's name).
_AR_CLAIM_REACH = 4


def _announced(m: Match, toks: list[Tok]) -> bool:
    """«أعلن الجيش يوم الجمعة مقتل 16 مسلحاً والقبض على 30»: a definite masdar that an
    announcing verb before it has for its object, right after the verb and its subject
    or joined by «و» to what it announced first, is the act announced, not one told
    before. «أعلن الجيش أن الهجوم ...»: after «أن», the noun is what the news is about."""
    for k in range(m.start - 1, max(-1, m.start - _AR_ANNOUNCE_REACH), -1):
        word = fold(toks[k].text)
        if arabic.is_complementizer(word):
            return False
        if arabic.is_announcing_verb(word):
            if toks[m.start].text.startswith("و"):
                return True  # joined to the first act announced
            # Right after the verb and its subject, not after a noun that governs it
            # («أعلن عن وقف القصف»: the halt is announced, the shelling was told before).
            before = fold(toks[m.start - 1].text)
            near = m.start - k <= _AR_OBJECT_NEAR
            return near and (k == m.start - 1 or arabic.is_definite(before) or before in ABOUT)
    return False


#: Words from an announcing verb back to the masdar it announces (subject, day, a first
#: act announced with its count).
_AR_ANNOUNCE_REACH = 10
#: Words from the verb to a masdar right after its subject («أعلن الجيش المصري مقتل»).
_AR_OBJECT_NEAR = 4


#: Words between an Arabic verb of outcome and the act noun it tells the outcome of.
_AR_OUTCOME_REACH = 2
#: Words from an Arabic word of death or wounding to the weapon that dealt it (the
#: victims and their count stand between: «قتل ثلاثة أشخاص بالرصاص»).
_AR_DEALT_REACH = 4


#: Words from an Arabic act noun to its relative pronoun (its adjectives between).
_AR_RELATIVE_AFTER = 2
#: Words of the relative clause that may date and place the act.
_AR_RELATIVE_REACH = 18


def _dated_relative(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """«بلغت حصيلة الهجوم الذي وقع، أمس، في سوق مدينة X عشرين قتيلا»: the dead of an act
    whose relative clause gives it a day and a town of its own tell the act, as «l'attaque
    menée dimanche à X» does (``dated_in_its_phrase``), the article known to its readers
    or not. Without dead told, such a sentence recalls the act (a witness's words «في
    التفجير الذي استهدف سوق X صباح أمس»)."""
    if not lex.fatality.find(toks):
        return False
    after = range(m.end, min(len(toks), m.end + _AR_RELATIVE_AFTER + 1))
    k = next((i for i in after if arabic.is_relative_pronoun(fold(toks[i].text))), None)
    if k is None:
        return False
    last = toks[min(len(toks), k + _AR_RELATIVE_REACH) - 1]
    lo, hi = toks[k].start, last.end
    day = any(d.value is not None and d.precision == "day" and lo <= d.start < hi for d in s.dates)
    town = any(lo <= p.start < hi and p.precision <= 2 and not p.demonym for p in s.places)
    return day and town


def _dealt_by(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """«قتل ثلاثة أشخاص بالرصاص», «أصيب جندي بالرصاص الحي»: a weapon after the
    preposition of means takes the article as a mass noun, not as a thing told before;
    dealing the death or the wound a word before it tells, it is how the act told here
    was done. «ندد بالهجوم» (condemned the attack) names no weapon and stays known."""
    if m.payload.weapon is None or not fold(toks[m.start].text).startswith("بال"):
        return False
    hurt = [*lex.fatality.find(toks), *lex.injury.find(toks)]
    return any(m.start - _AR_DEALT_REACH <= h.end <= m.start for h in hurt)


#: Arabic nouns that take the article by idiom, in news of the act as in mentions of
#: one told before: an arrest, «القبض على».
_IDIOMATIC_ARTICLE = frozenset({"القبض"})


def anaphoric_arabic(
    lex: Lexicon,
    triggers: list[Match],
    toks: list[Tok],
    s: SentenceInput | None = None,
    has_place: bool = False,
) -> bool:
    """Arabic marks a known event with the article: "المظاهرة", "بالهجوم" name an
    event told before, as "cette attaque" does; an indefinite noun or a verb tells
    a new one. Like any anaphor it joins the article's earlier event, or is dropped.

    Frames make the definite noun the news itself: a light verb ("قام المتظاهرون
    بالاعتصام": did the sit-in), a claim of responsibility ("أعلنت ... مسؤوليتها
    عن الهجوم"), which asserts the event and names who carried it out, an announcement
    of it, and, where the sentence names a place (``has_place``), a verb telling its
    outcome ("أسفر القصف ... عن مقتل": noun class ``outcome_verbs``) or what it reached
    («طالت الغارات مدن ...», «استهدف القصف بلدة ...»: ``reaching_verbs``), as "The
    strikes hit X" tells the strikes."""
    claims = [c.end for c in lex.claim.find(toks)]

    def known(m: Match) -> bool:
        before = range(max(0, m.start - 3), m.start)
        light = any(arabic.is_light_verb(fold(toks[i].text)) for i in before)
        # "أعلنت مسؤوليتها عن الهجوم", "تبنت حركة ... الهجوم": the claimant may stand
        # between the claim verb and the noun.
        claimed = any(m.start - _AR_CLAIM_REACH <= end <= m.start for end in claims)
        # "استعاد الجيش السيطرة على", "تمكنت من السيطرة على": control is named with
        # the article by idiom; it is a state taken, not an event told before.
        # So is an arrest, «إلقاء القبض على» (laying hold on): «القبض» takes the
        # article in every telling of one.
        idiom = m.payload.place_object or fold(toks[m.start].text) in _IDIOMATIC_ARTICLE
        told = light or claimed or idiom or _announced(m, toks) or outcome(m)
        told = (
            told or _dealt_by(lex, m, toks) or (s is not None and _dated_relative(lex, m, toks, s))
        )
        return arabic.is_definite(fold(toks[m.start].text)) and not told

    has_place = has_place or (s is not None and bool(s.places))
    outcomes = lex.noun_classes.get("outcome_verbs", frozenset())
    reaching = lex.noun_classes.get("reaching_verbs", frozenset())

    def outcome(m: Match) -> bool:
        # «أسفر القصف على مدينة X عن مقتل ثلاثة»: the act whose outcome its own sentence
        # tells, with a place of its own, is the news (told before, it has no place
        # again: «وأسفر القصف عن مقتل ثلاثة»).
        before = range(max(0, m.start - _AR_OUTCOME_REACH), m.start)
        after = range(m.end, min(len(toks), m.end + _AR_OUTCOME_REACH))
        # What it reached, told by its own verb: before it, or right after it as its
        # verb («الغارات طالت»), not in a relative clause on a noun told before
        # («التفجير الذي استهدف السوق»).
        reached = [*before, m.end] if m.end < len(toks) else list(before)
        return has_place and (
            any(toks[k].keys & outcomes for k in (*before, *after))
            or any(toks[k].keys & reaching for k in reached)
        )

    return all(known(m) for m in triggers)


def responses(cands: Sequence[Candidate]) -> list[Candidate]:
    """An act a side claims or is said to have done, with no place or day of its own,
    read as the act told before (``anaphoric``), is the other side's answer to it where
    it falls on that act's doer and its own words type it as another kind than that
    act («أعلن الجيش أن طائراته قصفت مواقع للدعم السريع» after the RSF's shelling told
    before): news of its own, which takes the story's day and place."""
    out: list[Candidate] = []
    for c in cands:
        before = next((p for p in reversed(out) if not p.anaphoric and same_source(p, c)), None)
        if (
            c.anaphoric
            and before is not None
            and c.actor1 is not None
            and c.actor2 is not None
            and before.actor1 is not None
            and c.actor2.actor_id == before.actor1.actor_id != c.actor1.actor_id
            # typed by its own words (not "killed five of the assailants", the same
            # fight), as another kind than the act before or where that one is untyped
            and c.sub_event_type is not None
            and c.sub_event_type != before.sub_event_type
        ):
            c = replace(c, anaphoric=False)
        out.append(c)
    return out
