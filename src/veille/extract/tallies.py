"""Many acts, not one: a tally of dead or of acts counted over a period or a whole war
("43 killed since January", "more than 150 attacks", "killed in the war", "between
January and March"), the days a sentence names for what it tells, and acts told as
repeated or as a habit ("repeated clashes", «à plusieurs reprises», "regularly").
``veille.extract.modality`` reads them to reject a trigger as "aggregate" or "habitual";
``veille.extract.sentence`` asks ``tally`` of a toll."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.extract.anaphora import definite
from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.syntax import (
    SUBJECT_DEPS,
    ancestors,
    dates_telling,
    head_of,
    span,
    words_of,
)
from veille.extract.when import in_trigger_clause
from veille.lang.loader import closed_words, month_numbers
from veille.nlp.dates import DateExpression


def of_a_long_time(lex: Lexicon, noun: Tok, toks: list[Tok]) -> bool:
    """The event noun completes a noun of a long time ("two years of fighting along
    the border", «après des mois de combats», "after weeks of fighting": noun class
    ``duration_nouns``)."""
    gerund = noun.pos == "VERB" and noun.dep == "pobj"  # "weeks of fighting", tagged a verb
    if (noun.pos not in ("NOUN", "PROPN") and not gerund) or noun.head == noun.i:
        return False
    owner = toks[noun.head]
    if noun.dep == "pobj" and owner.pos == "ADP" and owner.head != owner.i:
        owner = toks[owner.head]  # English: "year" -> "of" -> "fighting"
    elif noun.dep != "nmod":
        return False
    return owner.pos == "NOUN" and bool(
        owner.keys & lex.noun_classes.get("duration_nouns", frozenset())
    )


#: A count of events from which they are a tally, not one told ("more than 150 attacks").
MANY = 10


def ongoing(verb: Tok, toks: list[Tok]) -> bool:
    """A verb in the perfect progressive ("has been fighting", "have been clashing"), or
    in the French present («combat ... depuis»): what has gone on over a period (the
    caller has found the period), not one act."""
    if verb.pos != "VERB":
        return False
    aux = {fold(t.text) for t in toks if t.head == verb.i and t.dep.startswith("aux")}
    if "VerbForm=Fin" in verb.morph and "Tense=Pres" in verb.morph and "Mood=Ind" in verb.morph:
        return not aux  # «l'armée combat les insurgés depuis une décennie»
    if "VerbForm=Part" not in verb.morph or "Tense=Pres" not in verb.morph:
        return False
    return "been" in aux


def perfect(lex: Lexicon, verb: Tok, toks: list[Tok]) -> bool:
    """A verb in the present perfect ("the fighting has displaced", "the war has
    killed"), or in a compound past of a language whose compound past is also its
    perfect (``perfect_auxiliaries``: «des jihadistes ont attaqué cinq postes»): with a
    period ("since January", «ces derniers mois»), what has been done so far."""
    auxiliaries = _HAVE | lex.perfect_auxiliaries
    # The tagger may read the participle after "have ... for months" as a simple past
    # ("have for months attacked"): its auxiliary tells the perfect all the same.
    return (
        verb.pos == "VERB"
        and "Tense=Past" in verb.morph
        and any(t.head == verb.i and t.dep.startswith("aux") and t.keys & auxiliaries for t in toks)
    )


def repeated(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """The event noun says it happened again and again: "repeated clashes", «des
    attaques répétées», «هجمات متكررة» (an adjective of repetition next to it)."""
    words = lex.noun_classes.get("repetition", frozenset())
    near = [*range(max(0, m.start - 2), m.start), *range(m.end, min(len(toks), m.end + 2))]
    return any(toks[k].keys & words for k in near)


def tally(lex: Lexicon, toks: list[Tok], s: SentenceInput) -> bool:
    """A toll counted over a period with no day named ("le bilan s'élève à 60 morts
    depuis janvier", "43 killed so far this year") or over a whole war ("more than
    20,000 have been killed in the war"), or over a whole country ("11 killed nationwide
    since Monday", ``aggregate_places``): a tally, not one event's toll."""
    deaths = [*lex.fatality.find(toks), *lex.injury.find(toks)]
    if date_ranges(toks, s) or any(counted_nationwide(lex, toks, d.end) for d in deaths):
        return True  # "between January and March", "11 killed nationwide since Monday"
    if names_a_day(lex, toks, s):
        return False
    return bool(long_periods(lex, toks, s)) or of_a_war(lex, toks)


#: Words from a word of death or of the act to the phrase of a whole country it is
#: counted over ("killed nationwide", «douze morts dans l'ensemble du pays»).
_NATIONWIDE_REACH = 3


def counted_nationwide(lex: Lexicon, toks: list[Tok], end: int) -> bool:
    """A phrase of a whole country (``aggregate_places``) follows, within a few words,
    the word ending at token ``end``: what it counts is counted over the country."""
    return any(0 <= a.start - end <= _NATIONWIDE_REACH for a in lex.aggregate_places.find(toks))


def date_ranges(toks: list[Tok], s: SentenceInput) -> list[tuple[int, int]]:
    """The spans of weeks or months the sentence counts over ("between January and
    March", «entre le 3 février et le 28 avril», «بين 1 يناير و22 مارس», "from March 3
    to March 20"), as (first, last) token indices: an opener of closed class
    ``range_openers``, a day or a month, a joiner (``range_joiners``, or Arabic «و»
    glued to the second), another day or month more than ``_RANGE_DAYS`` later."""
    openers = closed_words("range_openers")
    starts = [k for k, tok in enumerate(toks) if tok.keys & openers]
    if not starts:
        return []  # most sentences: no span to read the days of
    joiners = closed_words("range_joiners")
    whens = _whens(toks, s)
    out: list[tuple[int, int]] = []
    for k in starts:
        first = next((a for a in range(k + 1, min(len(toks), k + 4)) if a in whens), None)
        if first is None:
            continue
        for b in range(first + 1, min(len(toks), first + _RANGE_REACH)):
            if b not in whens or whens[b] == whens[first]:
                continue
            joined = any(toks[j].keys & joiners for j in range(first + 1, b)) or (
                toks[b].text.startswith("و")
            )
            if joined and _far_apart(whens[first], whens[b]):
                out.append((k, b))
            break
    return out


def _whens(toks: list[Tok], s: SentenceInput) -> dict[int, tuple[str, int]]:
    """Token index -> what it dates: ("day", ordinal) for a word of a date expression
    with a day, ("month", number) for a month's name standing alone."""
    months = month_numbers()
    out: dict[int, tuple[str, int]] = {}
    for d in s.dates:
        if d.value is None or d.precision != "day":
            continue
        for i, t in enumerate(toks):
            if d.start <= t.start < d.end or t.start < d.start < t.end:
                out[i] = ("day", d.value.toordinal())
    for i, t in enumerate(toks):
        word = t.text.lower()
        month = months.get(word) or (months.get(word[1:]) if word.startswith("و") else None)
        if i not in out and month is not None:
            out[i] = ("month", month)
    return out


def _far_apart(a: tuple[str, int], b: tuple[str, int]) -> bool:
    if a[0] != b[0]:
        return False
    return abs(a[1] - b[1]) > _RANGE_DAYS if a[0] == "day" else a[1] != b[1]


#: Days a span of dates must cover to be counted over ("from Monday to Wednesday" is
#: one happening told over its days).
_RANGE_DAYS = 7


#: Tokens from a span's first day or month to its last ("le 3 février et le 28 avril").
_RANGE_REACH = 8


def of_a_war(lex: Lexicon, toks: list[Tok]) -> bool:
    """The sentence sets its dead within a war ("killed in the war", «tuées pendant le
    conflit», «قتلوا في الحرب»: a noun of ``war_nouns`` a word or two after a
    preposition of ``setting_preps``), or has the war kill them ("the war has killed"):
    the war's dead, not those of one of its events."""
    wars = lex.noun_classes.get("war_nouns", frozenset())
    courses = lex.noun_classes.get("over_time", frozenset())
    preps = closed_words("setting_preps")
    for k, t in enumerate(toks):
        killing = t.dep == "nsubj" and t.head != k and bool(lex.fatality.find([toks[t.head]]))
        if killing and t.keys & courses:
            return True  # "the strike campaign has killed hundreds": a course of acts
        if not t.keys & wars or t.dep == "compound" or _hyphen_next(toks, k):
            continue  # "a conflict zone", "the war-torn north": a place
        if any(toks[j].keys & preps for j in range(max(0, k - _SETTING_REACH), k)):
            return True
        if killing:
            return True
    return False


def _hyphen_next(toks: list[Tok], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].text in ("-", "‐")


#: Words from a preposition of setting to its war noun ("in the war", «في الحرب»).
_SETTING_REACH = 2


def names_a_day(lex: Lexicon, toks: list[Tok], s: SentenceInput, *, counted: bool = False) -> bool:
    """The sentence names the day of what it tells, not only the day it was told
    ("The UN said on Tuesday that 1,500 had been killed since January": a tally).
    ``counted``: of acts counted by the dozen, for whom an earlier day after "since"
    opens a span of days ("300 strikes since Sunday"); one act's "fighting has gone on
    since Sunday" is that day's."""
    telling = words_of(lex.report, toks)
    return any(
        (
            (d.value is not None and d.precision == "day")
            # "overnight", «cette nuit»: the one night of the report
            or (d.value is None and d.time_of_day is not None)
        )
        and not dates_telling(d.start, toks, telling)
        and not (counted and opens_days(d, toks, s))
        for d in s.dates
    )


def few_at_a_place(toks: list[Tok], quantifier: Match, s: SentenceInput) -> bool:
    """ "The airport was hit by several strikes", «l'aéroport a été visé par plusieurs
    frappes», «تعرض المطار لعدة غارات»: a quantifier of a few (closed class
    ``few_quantifiers``) in a sentence that names a town or a site tells one event
    there, not a tally of many."""
    if not any(
        toks[k].keys & closed_words("few_quantifiers")
        for k in range(quantifier.start, quantifier.end)
    ):
        return False
    return any(p.precision <= 2 and not p.demonym and p.feature in _TOWN_OR_SITE for p in s.places)


def names_a_time(toks: list[Tok], quantifier: Match) -> bool:
    """ "Later in the day, strikes hit X", «dans la semaine, des frappes»: a singular
    noun of time with a definite or demonstrative determiner names when, it counts no
    acts ("days of strikes", "a week of strikes" do)."""
    if quantifier.end - quantifier.start != 1:
        return False
    noun = toks[quantifier.start]
    if noun.pos != "NOUN" or "Number=Sing" not in noun.morph:
        return False
    return any(
        t.head == noun.i
        and t.dep == "det"
        and ("Definite=Def" in t.morph or "PronType=Dem" in t.morph)
        for t in toks[max(0, noun.i - 3) : noun.i]
    )


#: The kinds of place one event of a few strikes falls on.
_TOWN_OR_SITE = frozenset({"city", "site"})


def opens_days(d: DateExpression, toks: list[Tok], s: SentenceInput) -> bool:
    """ "more than 300 strikes since Sunday", «depuis dimanche»: an earlier day after a
    word of ``period_openers`` starts a span of days, it is no day of one act ("since
    dawn", the report's own day, may still be)."""
    if d.value is None or s.published is None or d.value >= s.published:
        return False
    k = next((t.i for t in toks if t.start <= d.start < t.end), None)
    openers = closed_words("period_openers")
    return k is not None and any(toks[j].keys & openers for j in range(max(0, k - 2), k))


def long_periods(lex: Lexicon, toks: list[Tok], s: SentenceInput) -> list[Match]:
    """The period cues that count over a period ("since January", «depuis 2012»), not
    those that start one event this morning («depuis l'aube», "since Monday", «depuis
    environ 5 heures», "over the past few hours"), nor «depuis» before a place ("a
    annoncé le gouverneur depuis Kiev", «lancé depuis le Yémen»: from there)."""
    recent = lex.noun_classes.get("recent_starts", frozenset())
    return [
        c
        for c in lex.aggregate_periods.find(toks)
        if not any(toks[k].keys & recent for k in range(c.end, min(len(toks), c.end + 3)))
        and not _a_place_next(c.end, toks, s)
    ]


def _a_place_next(at: int, toks: list[Tok], s: SentenceInput) -> bool:
    """A place of the sentence starts at token ``at``, or past the article and the noun
    of an area that lead to it («depuis la région de la mer Rouge»): no date between."""
    starts = [p.start for p in s.places if not p.demonym]
    for k in range(at, min(len(toks), at + _PLACE_LEAD + 1)):
        if any(toks[k].start <= p < toks[k].end for p in starts):
            return True
        if toks[k].pos not in ("DET", "ADP", "NOUN") or any(
            d.start <= toks[k].start < d.end for d in s.dates
        ):
            return False
    return False


#: Words that may lead from a cue to the place it opens: "la région de la" (four).
_PLACE_LEAD = 4


def _in_its_clause(found: list[Match], m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """Whether an adverb of habit or repetition found in the sentence hangs on the
    trigger's clause: «le port a été bombardé à maintes reprises, alors que des raids
    frappaient X» repeats the first act, not the raids of the second clause. One on an
    adjective grades it. Unparsed (Arabic), the whole sentence is its scope."""
    trigger = span(toks, m)
    verb = toks[m.start]
    for adverb in found:
        word = toks[head_of(toks, adverb)]
        if word.dep and toks[word.head].pos == "ADJ":
            continue  # "an increasingly deadly campaign": a degree, no habit
        if not word.dep or in_trigger_clause(word.start, trigger, s):
            return True
        if verb.dep == "conj" and word.head == verb.head:
            return True  # "regularly loot villages and kidnap farmers": both verbs
        if word.dep and word.i in ancestors(toks, m.start, limit=_HABIT_REACH):
            return True  # "known for kidnapping travellers", «connu pour attaquer»
    return False


#: Predicates that hang on an English copula ("are common", "have become rife").
_PREDICATE_DEPS = frozenset({"acomp", "attr", "xcomp", "oprd"})


def prevalent(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """An adjective of prevalence (``noun_classes.prevalence``) predicates the act:
    "Kidnappings are common", "attacks remain rife", «les enlèvements sont fréquents»,
    «restent monnaie courante»: a state of affairs, no event. Only as the predicate of
    the act as subject: "caused widespread damage" grades another noun. Parsed
    languages only (Arabic's nominal sentences give no event here)."""
    words = lex.noun_classes.get("prevalence", frozenset())
    if not words:
        return False
    head = toks[head_of(toks, m)]
    if head.dep not in SUBJECT_DEPS or head.head == head.i:
        return False
    predicate = toks[head.head]
    if predicate.keys & words:
        return True  # «les enlèvements sont fréquents»: the adjective heads the copula
    return any(t.head == predicate.i and t.dep in _PREDICATE_DEPS and t.keys & words for t in toks)


#: Steps from a trigger up to the word of a phrase of habit that governs it ("known" ->
#: "for" -> "kidnapping").
_HABIT_REACH = 3

#: English auxiliaries of the present perfect ("has been repeatedly shelled").
_HAVE = frozenset({"has", "have"})


def habitual(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """The sentence tells a habit: an adverb of habit ("regularly", «souvent»), or one of
    repetition ("repeatedly", «à plusieurs reprises») over a period it names ("since
    March", «ces derniers mois»), as experience ("already", «déjà»: closed class
    ``experiential``) or in the English present perfect ("has been repeatedly shelled").
    Repeated on a day the sentence names ("struck the town repeatedly on Monday", «visée
    lundi à plusieurs reprises») they are that day's acts; with no day, a habit."""
    if _in_its_clause(lex.habitual.find(toks), m, toks, s) or prevalent(lex, m, toks):
        return True
    if _simple_present(m, toks, s) and not lex.fatality.find(toks):
        return True
    if not _in_its_clause(lex.repeated.find(toks), m, toks, s):
        return False
    if not any(d.precision == "day" for d in s.dates):
        return True
    if lex.aggregate_periods.find(toks) or any(t.keys & closed_words("experiential") for t in toks):
        return True
    # The present perfect of the trigger or of the verb that tells it ("has carried out
    # strikes repeatedly").
    verbs = {m.start, toks[m.start].head}
    return any(t.head in verbs and t.dep == "aux" and fold(t.text) in _HAVE for t in toks)


#: A live blog's or a timeline's stamp opening a sentence ("09:10 -", "14h30 :").
_STAMP = re.compile(r"^\s*\d{1,2}[:.h]\d{2}\b")


def _simple_present(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """ "Armed groups attack villages and kidnap farmers", "the two gangs battle for the
    routes": an English verb of an act in the simple present, in running text (not the
    article's first sentence, a headline's, nor a stamped entry's) naming no day, tells
    what is done, not what happened."""
    if s.language != "en" or s.start == 0 or s.dates or _STAMP.match(s.text):
        return False
    verb = toks[m.start]
    # "and kidnap farmers": a conjunct takes the first verb's tense; "its strikes
    # target X": an act noun, its own verb's.
    if verb.head != verb.i and (
        (verb.dep == "conj" and verb.pos == "VERB")
        or (verb.pos == "NOUN" and verb.dep in ("nsubj", "dobj"))
    ):
        verb = toks[verb.head]
    return (
        verb.pos == "VERB"
        and "Tense=Pres" in verb.morph
        and "VerbForm=Fin" in verb.morph
        and not any(t.head == verb.i and t.dep in ("aux", "auxpass", "aux:pass") for t in toks)
    )


def dead_told_before(
    lex: Lexicon,
    kept: Sequence[Match],
    toks: list[Tok],
    s: SentenceInput,
    armed: bool,
    counted: bool,
) -> bool:
    """The sentence names a toll ("Revised toll: officials say 14 people died",
    «Nouveau bilan : quatorze morts, selon la préfecture»), its only acts are bare death
    words (or the act's definite noun beside them), with the dead counted
    (``counted``) and no weapon (``armed``), day or place of its own: it counts the dead
    of the act told before, as a toll with no verb does, and tells no act of its own
    (it must not take the place and day of whatever the text told last, an arrest).
    Without a toll's noun, the dead are those of an act told there and then."""
    if not counted or not kept or armed or s.dates or any(not p.demonym for p in s.places):
        return False
    if not any(t.keys & lex.toll_nouns for t in toks):
        return False  # a toll's noun says it counts ("Revised toll: ...", «nouveau bilan»)
    deaths = [(f.start, f.end) for f in lex.fatality.find(toks)]
    bare = [
        m
        for m in kept
        if m.payload.weak and m.payload.sub is None and any(a <= m.start < b for a, b in deaths)
    ]
    # "... were killed in the attacks": the act named is the one told before.
    return bool(bare) and all(
        m in bare or (toks[m.start].pos == "NOUN" and definite(m, toks)) for m in kept
    )
