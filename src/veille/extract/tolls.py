"""Death tolls: the number of the dead a sentence states (ACLED: the lowest reported
figure), a part of the dead left out, and "nobody was killed" read as zero. Numbers
themselves are read by ``veille.extract.numbers``."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, replace

from veille.extract.lexicon import Lexicon, Match, Tok, fold
from veille.extract.numbers import LEAST_MULTIPLIER, dual_of_a_person, read_number, spelt_number
from veille.extract.persons import OF, ONE, agentive, joined_nouns, one_more_person
from veille.extract.syntax import ACTED_ON, span
from veille.extract.uncounted import a_part_of_the_dead, counts_no_dead
from veille.model import Span
from veille.nlp.arabic import agrees_as_adjective


@dataclass(frozen=True, slots=True)
class Toll:
    """A stated number of dead and the words that state it."""

    count: int
    span: Span


def read_toll(
    lex: Lexicon,
    toks: list[Tok],
    dates: Sequence[Span] = (),
    within: Span | None = None,
    places: Sequence[int] = (),
) -> Toll | None:
    """The sentence's toll: the lowest stated number of dead, else one where a single
    person is killed, else zero where it says that nobody died, else None. ``within``:
    only the words of death inside these characters count (one side of a sentence that
    tells two happenings: "three were killed in X, and four others died in Y");
    ``places``: where the sentence's place names start (others told past a place are
    that place's dead)."""
    return (
        fatalities(lex, toks, dates, within, places)
        or one_killed(lex, toks, within)
        or no_fatalities(lex, toks, within)
    )


def _inside(toks: list[Tok], m: Match, within: Span | None) -> bool:
    return within is None or within[0] <= toks[m.start].start < within[1]


#: Dependencies of the victim on a death verb: its object, or its passive subject.
_VICTIM_DEPS = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass", "nsubj"})


def one_killed(lex: Lexicon, toks: list[Tok], within: Span | None = None) -> Toll | None:
    """One person killed, told with no number: "killing a woman", "a civilian was
    killed", «un civil a été tué», «قتل مدني», «استشهد طفل» (ACLED: one fatality)."""
    people = lex.noun_classes.get("one_person", frozenset())
    for t in toks:
        whose = _dead_by_suffix(lex, t) if not t.dep else None
        if whose is not None and (within is None or within[0] <= t.start < within[1]):
            # «ما أدى إلى استشهاده»: his death, one dead; «مقتلهما»: theirs, two.
            return Toll(whose, (t.start, t.end))
    for fm in lex.fatality.find(toks):
        if not _inside(toks, fm, within):
            continue
        if any(toks[k].keys & lex.toll_nouns for k in range(fm.start, fm.end)):
            continue  # "the toll", "حصيلة": a figure follows, or none is given
        death = _death_verb(lex, toks, fm)
        for t in toks:
            if _named_victim(toks, t, death) and read_number(lex, t) is None:
                return Toll(1, (toks[min(t.i, fm.start)].start, toks[max(t.i, death)].end))
            if t.pos == "X" or not t.pos:  # unparsed (Arabic): the noun right after the verb
                word = fold(t.text)
                if (
                    t.i == _object_at(lex, toks, fm.end)
                    and not word.startswith("ال")
                    and not word.startswith("لل")
                    and (t.keys & people or _possessed(word) in people or _bare(word) in people)
                ):
                    # «قتلت امرأة وطفلاها», «مقتل رجل وأبنائه الثلاثة»: and the kin
                    # told after the first person, past its adjective («زعيما محليا ونجليه»).
                    after = t.i + 1
                    if after < len(toks) and agrees_as_adjective(word, fold(toks[after].text)):
                        after += 1
                    more, last = _arabic_kin_after(lex, toks, after, people)
                    return Toll(1 + more, (toks[fm.start].start, toks[last].end))
                continue
            if not t.keys & people and not agentive(lex, toks, t):
                continue
            one = any(
                c.head == t.i and c.dep in ("det", "poss", "det:poss") and fold(c.text) in ONE
                for c in toks
            )
            if not one or "Number=Plur" in t.morph:
                continue
            joined = joined_nouns(toks, t)
            if joined and not all(one_more_person(lex, toks, c, people) for c in joined):
                return None  # "a local chief and his two sons": more than one, uncounted
            if (t.head == death and t.dep in _VICTIM_DEPS) or toks[death].head == t.i:
                # "killing a passenger and a driver": one each.
                lo, hi = min(t.i, fm.start), max([t.i, death, *(c.i for c in joined)])
                return Toll(1 + len(joined), (toks[lo].start, toks[hi].end))
    return None


#: Words of a disjunction ("killed or wounded", «tués ou blessés», «قتل أو أصيب»).
_OR = frozenset({"or", "ou", "او", "أو"})
#: Parts of speech of the other verb of a disjunction (a participle may be tagged
#: an adjective); unparsed Arabic has none.
_VERBAL = frozenset({"VERB", "ADJ", "AUX", ""})


def _either_or(toks: list[Tok], fm: Match) -> bool:
    """The death word is one side of a disjunction with another verb ("thirty were killed
    or wounded", «tués ou enlevés», «قتل أو أصيب ثلاثون»): the count is of both, how
    many died is not told."""
    after, before = fm.end, fm.start - 1
    if after + 1 < len(toks) and fold(toks[after].text) in _OR:
        return toks[after + 1].pos in _VERBAL
    if before >= 1 and fold(toks[before].text) in _OR:
        return toks[before - 1].pos in _VERBAL
    return False


def _death_verb(lex: Lexicon, toks: list[Tok], fm: Match) -> int:
    """The verb whose subject or object the dead of death word ``fm`` are: the verb
    itself (not its adverb: «blessé mortellement»), the verb "dead" completes ("were
    shot dead"), or the first of two verbs the death word is joined to that share its
    subject ("were shot and killed", "stabbed and killed"); not a first verb of wounds
    or of death ("three were wounded and two killed": three are the wounded)."""
    death = max((k for k in range(fm.start, fm.end) if toks[k].pos != "ADV"), default=fm.end - 1)
    tok = toks[death]
    if tok.pos == "ADJ" and tok.dep in ("oprd", "xcomp", "acomp", "advmod"):
        return tok.head
    first = toks[tok.head]
    if (
        tok.dep == "conj"
        and tok.pos == first.pos == "VERB"
        and not lex.injury.find([first])
        and not lex.fatality.find([first])
        and not any(t.head == death and t.dep in _VICTIM_DEPS for t in toks)
    ):
        return first.i
    return death


#: Words an Arabic verb's armed subject may take before its object (the subject, and
#: an adjective: «قتل مسلحون مجهولون رجلا»).
_AR_SUBJECT_WORDS = 2


def _object_at(lex: Lexicon, toks: list[Tok], after: int) -> int:
    """Where the object of an (unparsed) Arabic verb of death ending at ``after`` stands:
    right after it, or after its armed subject (Arabic puts the verb first: «قتل مسلحون
    مجهولون رجلا», gunmen killed a man)."""
    armed = lex.noun_classes.get("armed_people", frozenset())
    k = after
    while k < len(toks) and k < after + _AR_SUBJECT_WORDS and toks[k].keys & armed:
        k += 1
    return k


#: How many dead an Arabic pronoun suffix on a word of death counts: his, her, theirs two.
_DEAD_BY_SUFFIX = {"ه": 1, "ها": 1, "هما": 2}


def _dead_by_suffix(lex: Lexicon, tok: Tok) -> int | None:
    """How many dead an (unparsed) Arabic word of one's death (noun class
    ``suffixed_deaths``) counts by its pronoun suffix: one for «استشهاده», «مقتلها» (his,
    her death), two for «مقتلهما»; None for a word with no suffix or a plural one
    («مقتلهم»: theirs, uncounted). A toll («حصيلته») or the dead («ضحاياه») is no one's
    death."""
    deaths = lex.noun_classes.get("suffixed_deaths", frozenset())
    bare, suffix = _split_possessive(fold(tok.text).lstrip("و"))
    return _DEAD_BY_SUFFIX.get(suffix) if bare in deaths else None


#: Arabic pronoun suffixes of possession ("her", "his", "their"), longest first.
_AR_POSSESSIVES = ("هما", "هم", "ها", "ه")


def _split_possessive(word: str) -> tuple[str, str]:
    """An Arabic noun and its possessive suffix («سائقها» "its driver": «سائق», «ها»;
    «زوجته» "his wife": «زوجه», the ta marbuta written again), or the word and ""."""
    for suffix in _AR_POSSESSIVES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2:
            return (stem[:-1] + "ه" if stem.endswith("ت") else stem), suffix
    return word, ""


def _bare(word: str) -> str:
    """An Arabic noun less the alif of its indefinite accusative («صحفيا», «رجلا»: «صحفي»,
    «رجل»), or the word itself."""
    return word[:-1] if word.endswith("ا") and len(word) > 3 else word


def _possessed(word: str) -> str:
    """An Arabic noun less its possessive suffix, or the word itself."""
    return _split_possessive(word)[0]


def _arabic_kin_after(lex: Lexicon, toks: list[Tok], j: int, people: Set[str]) -> tuple[int, int]:
    """How many more dead «و» + a noun right after one person counts, and the last token
    read: «وزوجته» (and his wife) 1, «وطفلاها» (and her two children, a dual) 2,
    «وأبناؤه الثلاثة» (and his three sons) 3; 0 and the person's token otherwise."""
    if j >= len(toks) or not toks[j].text.startswith("و") or len(toks[j].text) < 3:
        return 0, j - 1
    rest = fold(toks[j].text[1:])
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    count = number_after_and(lex, toks[j])
    if count is not None and nxt is not None:
        return count, j + 1  # «ضابط وثلاثة جنود»: an officer and three soldiers
    if nxt is not None and fold(nxt.text).startswith("ال"):
        bare = fold(nxt.text)[2:]
        count = read_number(lex, replace(nxt, text=bare, lemma=bare))
        if count is not None and 1 < count < LEAST_MULTIPLIER:
            return count, j + 1  # "and his three sons": a definite number after the noun
    stem = rest if rest in people else _possessed(rest)
    if stem != rest and stem[-1:] in ("ا", "ي") and stem[:-1] in people:
        return 2, j  # «طفلاها»: the dual before a suffix loses its nun
    if stem in people:
        return 1, j
    return 0, j - 1


def _named_victim(toks: list[Tok], t: Tok, death: int) -> bool:
    """ "Police shot dead Karim", «Karim, 19 ans, tué par ...»: one person named as the
    one the death word took (its object or passive subject, or the name it describes);
    not a plural or counted name ("the Smiths"). Not the name after a death noun ("the
    death of X"): tried, it added an event on the held-out news half."""
    if t.pos != "PROPN" or "Number=Plur" in t.morph or t.i == death:
        return False
    if toks[t.head].pos == "PROPN" and t.head != t.i:
        return False  # a part of a longer name: its head stands for it
    if any(c.head == t.i and c.pos == "NUM" and c.dep == "nummod" for c in toks):
        return False
    victim = t.head == death and t.dep in ACTED_ON
    described = toks[death].head == t.i and toks[death].dep.startswith("acl")
    return victim or described


def fatalities(
    lex: Lexicon,
    toks: list[Tok],
    dates: Sequence[Span] = (),
    within: Span | None = None,
    places: Sequence[int] = (),
) -> Toll | None:
    """Lowest stated death toll in the sentence (ACLED: the lowest reported figure),
    with the others told after it added ("nine died and four others later died": 13).
    ``dates``: the spans of the sentence's date expressions, whose numbers count no one
    ("on October 7, 2023, killing about 1,200"); ``places``: where its place names
    start ("two were killed in X, and five others died in Y": Y's are not added)."""
    best: Toll | None = None
    deaths = lex.fatality.find(toks)
    # Read only where a death word stands (a toll is read for every sentence).
    weapon_starts = {w.start for w in lex.weapons.find(toks)} if deaths else set()
    # "two more bodies were found, raising the toll to six", «portant à six le bilan»:
    # the total a toll was raised to counts all the dead; the added ones are a part.
    total: Toll | None = None
    best_at = -1  # the first token of the best reading
    others: dict[int, Toll] = {}  # "three others" at its first token: added to the toll
    for fm in deaths:
        if not _inside(toks, fm, within) or _either_or(toks, fm):
            continue
        counted: dict[int, int] = {}  # token -> the number it reads, for this death word
        window: list[int]
        raised: list[int] = []
        if any(toks[k].keys & lex.toll_nouns for k in range(fm.start, fm.end)):
            # "un bilan de 3 morts", "the death toll", "حصيلة"
            raised = _raised_to(lex, toks, fm.end) + _raised_before(lex, toks, fm.start)
            window = [*range(fm.end, min(len(toks), fm.end + 6)), *raised]
        else:
            # «a tué lundi une famille de cinq personnes»: a day between the verb and its
            # object takes no place of the object's words.
            right = fm.end + 4
            right += sum(
                1
                for k in range(fm.end, min(len(toks), right))
                if any(b <= toks[k].start < e for b, e in dates)
            )
            window = list(range(max(0, fm.start - 4), min(len(toks), right)))
            window += _object_after_subject(toks, fm.end)
            # "killed a father and his four children": the counts of the nouns listed
            # with the verb's object, however far the list runs (a parser may hang the
            # second noun on the verb itself).
            for t in toks:
                if fm.start <= t.head < fm.end and t.dep in ("obj", "dobj"):
                    window += [k for k in _listed_counts(toks, t.i) if k not in window]
                elif fm.start <= t.head < fm.end and t.dep == "conj" and t.pos == "NOUN":
                    window += [c.i for c in toks if c.head == t.i and c.dep == "nummod"]
        # "Quatre habitants, dont deux enfants, ont été tués": the number of a noun
        # that hangs on the verb counts however far an apposition pushes it; so does
        # the number of the noun the verb describes ("huit personnes, ..., tuées").
        described = toks[fm.start].head if toks[fm.start].dep.startswith("acl") else None
        verbs = {fm.start, _death_verb(lex, toks, fm)}  # "were shot dead": "shot" too
        subject_numbers = [
            t.i
            for t in toks
            if t.i < fm.start - 4
            and t.head != t.i
            and (
                (
                    t.head < fm.start
                    and (toks[t.head].head in verbs or t.head == described)
                    and toks[t.head].pos in ("NOUN", "PROPN")
                )
                # «Neuf ressortissants ... ont été tués»: a number word opening the
                # sentence, which the parser takes for the subject's name itself.
                or (t.head == fm.start and t.dep in _VICTIM_DEPS and t.pos == "PROPN")
                # «Une quarantaine de civils ont été tués»: a noun of number is the
                # subject itself, its people hanging on it.
                or (
                    t.head == fm.start
                    and t.dep in _VICTIM_DEPS
                    and t.pos == "NOUN"
                    and fold(t.text) in lex.vague_numbers
                )
            )
        ]
        for i in [*subject_numbers, *window]:
            tok = toks[i]
            if any(b <= tok.start < e for b, e in dates):
                continue
            n = spelt_number(lex, toks, i)
            if n is None or (fold(tok.text) in ("un", "une", "a", "an") and i != fm.start - 1):
                continue
            if counts_no_dead(lex, toks, i):
                continue  # "three weeks", "of one family", "my two brothers"
            if _counts_buildings(lex, toks, i):
                continue  # «ont incendié plusieurs maisons et tué huit personnes»
            if i + 1 in weapon_starts and not dual_of_a_person(lex, tok):
                # «a neutralisé deux engins explosifs»: arms, not the dead (a dual noun
                # of people counts itself: «قتل مدنيان برصاص قناصة»).
                continue
            if i > 0 and fold(toks[i - 1].text) in _NO:
                continue  # "no one was killed": nobody, not one
            if _count_of(toks, i):
                continue  # «عدد القتلى بلغ 50»: "the number of the dead", not "several"
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            prev = toks[i - 1] if i > 0 else None
            if a_part_of_the_dead(toks, i, range(fm.start, fm.end)):
                continue  # "two of those killed", «dont trois enfants»
            # The number must count the dead, not the wounded next to it: "three
            # wounded", "wounding three", «وأصيب ثلاثة». An Arabic injury verb glued to
            # "و" after the number opens the next clause ("قتل طفلان وأصيب ثلاثة").
            if nxt is not None and lex.injury.find([nxt]) and not _opens_clause(nxt):
                continue
            after = next((t for t in toks[i + 2 :] if t.pos != "AUX"), None)  # "were"
            if (
                nxt is not None
                and (fold(nxt.text) in _OTHERS or (i > fm.start and nxt.pos == "NOUN"))
                and after is not None
                and lex.injury.find([after])
            ):
                # "one was killed and two others wounded", «deux autres blessés»; after
                # the death word, a counted noun the injury word describes counts the
                # wounded: «un homme a été tué et deux personnes blessées».
                continue
            if prev is not None and i > fm.end and lex.injury.find([prev]):
                continue
            head = toks[i].head
            # "six killed and two wounded", "one killed and 12 others were wounded": the wounded.
            noun = toks[head] if tok.dep == "nummod" and toks[head].dep in _VICTIM_DEPS else tok
            dying = {head, noun.head} & set(range(fm.start, fm.end))  # "mortally wounded"
            if tok.dep and not dying and lex.injury.find([toks[noun.head]]):
                continue
            if (
                i > fm.start
                and not any(toks[k].keys & lex.number_follows for k in range(fm.start, fm.end))
                and not _whose_death(toks, fm.end, i)
            ):
                continue
            counted[i] = n
        glued: set[tuple[int, int]] = set()
        for i in list(counted):
            # "killed five soldiers, two police officers and one guard": the list's
            # further counts however far it runs past the window.
            # A number that is the subject itself hangs on the verb, whose list is of
            # clauses ("... were killed and two others wounded"), not of counts.
            listed = _listed_counts(toks, toks[i].head) if toks[i].head != fm.start else []
            for j in listed:
                n = spelt_number(lex, toks, j)
                if j not in counted and n is not None:
                    counted[j] = n
            # «مقتل ثلاثة عناصر من الجيش واثنين من المسلحين» (unparsed): a number glued
            # to و a few words on counts a second group of the same dead.
            for j in range(i + 1, min(len(toks), i + _AR_AND_REACH + 1)):
                n = number_after_and(lex, toks[j])
                if n is not None and j not in counted:
                    counted[j] = n
                    glued.add((i, j))
                    break
                if lex.fatality.find([toks[j]]) or lex.injury.find([toks[j]]):
                    break
        counted.update(_one_beside_counted(lex, toks, counted))
        for n, first, last in _readings(toks, counted, glued):
            where = (toks[min(first, fm.start)].start, toks[max(last, fm.end - 1)].end)
            if _counts_others(lex, toks, first):
                if first not in others or n < others[first].count:
                    others[first] = Toll(n, where)
                continue
            if best is None or n < best.count:
                best, best_at = Toll(n, where), first
            if first == last and first in raised and (total is None or n < total.count):
                total = Toll(n, where)
    if total is not None:
        return total
    return _with_others(best, best_at, others, places)


def _counts_others(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """The number counts others ("three others died of their wounds", «trois autres»,
    «ثلاثة آخرون»): more dead besides those told before it. Not where a word of injury
    stands right before or after it («وأصيب نحو 300 آخرين»: the wounded)."""
    if i + 1 >= len(toks) or fold(toks[i + 1].text) not in _OTHERS:
        return False
    near = toks[max(0, i - _OTHERS_INJURY_REACH) : i + 1 + _OTHERS_INJURY_REACH]
    return not lex.injury.find(near)


#: Words before and after a count of others within which a word of injury makes them
#: the wounded.
_OTHERS_INJURY_REACH = 3


def _with_others(
    best: Toll | None, at: int, others: dict[int, Toll], places: Sequence[int]
) -> Toll | None:
    """The toll with the others told after it added ("twelve died at the scene and three
    others later died of their wounds": 15), unless a place is named between them (the
    others died there). Others told alone are the toll."""
    if best is None:
        return min(others.values(), key=lambda o: o.count, default=None)
    after = [
        o
        for k, o in others.items()
        if k > at and not any(best.span[1] <= p < o.span[0] for p in places)
    ]
    if not after:
        return best
    end = max(o.span[1] for o in after)
    return Toll(best.count + sum(o.count for o in after), (best.span[0], max(end, best.span[1])))


def _one_beside_counted(lex: Lexicon, toks: list[Tok], counted: dict[int, int]) -> dict[int, int]:
    """One person told with no number beside a counted group of the same dead ("a woman
    and her two children", «un père et ses quatre enfants», "two soldiers and a
    civilian"): the determiner of the one person, read as 1, so that the readings add
    it to the group's count (3, 5, 3). Only a person noun of the class ``one_person``,
    singular, with a determiner of one and coordinated with a counted noun."""
    people = lex.noun_classes.get("one_person", frozenset())
    nouns = {toks[i].head for i in counted if toks[i].head != i}
    out: dict[int, int] = {}
    for t in toks:
        if not t.keys & people or "Number=Plur" in t.morph or t.i in nouns:
            continue
        if not any(_coordinated(toks, *sorted((t.i, k))) for k in nouns):
            continue
        det = next(
            (
                c
                for c in toks
                if c.head == t.i and c.dep in ("det", "poss", "det:poss") and fold(c.text) in ONE
            ),
            None,
        )
        if det is not None and det.i not in counted:
            out[det.i] = 1
    return out


def _counts_buildings(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """The number counts buildings (noun class ``buildings``: "30 houses", «plusieurs
    maisons»), which no toll counts."""
    if not toks[i].dep or toks[i].head == i:
        return False
    return bool(toks[toks[i].head].keys & lex.noun_classes.get("buildings", frozenset()))


def _count_of(toks: list[Tok], i: int) -> bool:
    """«عدد» (a number of) before a definite noun is "the number of": «عدد القتلى»
    names the count a figure gives, it is no vague quantity («عدد من القتلى»)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        nxt is not None
        and fold(toks[i].text).lstrip("و") in _COUNT_NOUNS
        and fold(nxt.text).startswith("ال")
    )


#: Arabic nouns of counting ("number"), as folded.
_COUNT_NOUNS = frozenset({"عدد"})


def _whose_death(toks: list[Tok], end: int, i: int) -> bool:
    """The number at ``i`` counts whose death the death noun ending at ``end`` names:
    «la mort de 15 civils», "the deaths of three soldiers" (past an article: «la mort
    des 15 passagers»)."""
    if end >= len(toks) or fold(toks[end].text) not in OF:
        return False
    return all(toks[k].pos == "DET" for k in range(end + 1, i)) and i - end <= 2


#: "Others" between a number and the wounded it counts ("two others wounded").
_OTHERS = frozenset({"others", "other", "autres", "اخرون", "اخرين"})

#: Conjunctions that add two counted groups ("15 militants and three soldiers").
_AND = frozenset({"and", "et"})


#: Words after a count within which an Arabic "و + number" adds a second group.
_AR_AND_REACH = 5


def number_after_and(lex: Lexicon, tok: Tok) -> int | None:
    """The value of "و" glued to a number ("واثنين", "و3"), or None."""
    if not tok.text.startswith("و") or len(tok.text) < 2:
        return None
    rest = tok.text[1:]
    return read_number(lex, replace(tok, text=rest, lemma=rest))


def _readings(
    toks: list[Tok], counted: dict[int, int], glued: Set[tuple[int, int]] = frozenset()
) -> list[tuple[int, int, int]]:
    """The figures the numbers give (count, first token, last token): each number
    alone, except that numbers of coordinated nouns add up ("15 militants and three
    soldiers were killed": 18, not the lowest of the two; "five soldiers, two police
    officers and one guard": 8; «ثلاثة ... واثنين», ``glued``: 5)."""
    group = {i: i for i in counted}

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i in counted:
        for j in counted:
            if i < j and ((i, j) in glued or _coordinated(toks, toks[i].head, toks[j].head)):
                group[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in counted:
        members.setdefault(root(i), []).append(i)
    return [(sum(counted[i] for i in ms), min(ms), max(ms)) for ms in members.values()]


def _listed_counts(toks: list[Tok], noun: int) -> list[int]:
    """The numbers of the nouns conjoined with ``noun`` ("five soldiers, two police
    officers and one guard": two, one)."""
    out: list[int] = []
    seen = {noun}
    todo = [noun]
    while todo:
        k = todo.pop()
        for t in toks:
            if t.head == k and t.dep == "conj" and t.i not in seen and t.pos in ("NOUN", "PROPN"):
                seen.add(t.i)
                todo.append(t.i)
                out.extend(c.i for c in toks if c.head == t.i and c.dep == "nummod")
    return out


def _coordinated(toks: list[Tok], a: int, b: int) -> bool:
    """Nouns ``a`` < ``b`` joined by "and"/"et" (or a comma before it in a list): a
    conjunct of the first, or (as the parser may read them) two subjects of one verb."""
    if (
        a == b
        or a > b
        or toks[a].pos not in ("NOUN", "PROPN")
        or toks[b].pos not in ("NOUN", "PROPN")
    ):
        return False
    joined = toks[b].dep == "conj" and (
        toks[b].head in (a, toks[a].head if toks[a].dep == "conj" else a)
        # «a tué un berger et ses deux enfants», the parser hanging the second noun on
        # the verb whose object the first is.
        or (toks[b].head == toks[a].head != a and toks[a].dep in _OBJECTS)
    )
    sharing = toks[a].head == toks[b].head and toks[a].dep == toks[b].dep and toks[a].head != a
    if not (joined or sharing):
        return False
    between = [fold(t.text) for t in toks[a + 1 : b]]
    return any(w in _AND for w in between) or (joined and "," in between)


#: Dependencies of a verb's object.
_OBJECTS = frozenset({"obj", "dobj"})


def _opens_clause(tok: Tok) -> bool:
    """An unparsed (Arabic) word glued to the conjunction و: "وأصيب" begins a clause."""
    return tok.pos in ("X", "") and tok.text.startswith("و")


#: Words after an Arabic death verb within which its counted object may stand, past
#: the verb's subject ("قتل مسلحون يستقلون دراجات نارية سبعة جنود").
_AR_OBJECT_REACH = 8
#: Words that end the verb's object phrase before any count: a place or time follows.
_AR_PHRASE_END = frozenset({"في", "علي", "على", "قرب", "يوم", "امس", "خلال", "بعد", "منذ"})


def _object_after_subject(toks: list[Tok], after: int) -> list[int]:
    """Arabic (unparsed) verb-subject-object order: the words after the subject, up to a
    preposition or a comma, where the count of the killed stands."""
    if after >= len(toks) or toks[after].pos not in ("X", ""):
        return []
    out = []
    for k in range(after + 4, min(len(toks), after + _AR_OBJECT_REACH)):
        if fold(toks[k].text) in _AR_PHRASE_END or toks[k].text in ("،", ",", "."):
            break
        out.append(k)
    return out


#: Determiners that make the number after them nobody ("no one", "pas un").
_NO = frozenset({"no", "not", "pas", "aucun", "aucune"})

#: Words after a toll noun that lead to its figure ("raising the toll ... to 25").
_TO = frozenset({"to", "à", "الي", "الى"})  # as written ("à", not the English "a")
#: Most tokens between a toll noun and the word leading to its figure.
_TO_REACH = 16


def _raised_to(lex: Lexicon, toks: list[Tok], after: int) -> list[int]:
    """ "the death toll from Saturday's strike rose to at least 25", "le bilan de
    l'attaque est passé à 12", "ارتفعت حصيلة ... إلى 25": the number after "to", however
    long the toll's complement."""
    for k in range(after, min(len(toks), after + _TO_REACH)):
        if _leads_to(toks[k]):
            found = [
                j
                for j in range(k + 1, min(len(toks), k + 4))
                if read_number(lex, toks[j]) is not None
            ][:1]
            if found:
                return found
            # "to" / «à» of a place in the toll's complement («à Kindia»): read on.
    return []


def _raised_before(lex: Lexicon, toks: list[Tok], noun: int) -> list[int]:
    """«portant à six le bilan», "bringing to nine the toll": the number after "to"
    right before the toll noun and its determiners."""
    k = noun - 1
    while k > 0 and toks[k].pos == "DET":
        k -= 1
    if k < 1 or read_number(lex, toks[k]) is None:
        return []
    return [k] if _leads_to(toks[k - 1]) else []


def _leads_to(tok: Tok) -> bool:
    """The word is "to" (``_TO``, as written or folded): it leads to a raised toll."""
    return tok.text.lower() in _TO or fold(tok.text) in _TO


def no_fatalities(lex: Lexicon, toks: list[Tok], within: Span | None = None) -> Toll | None:
    """ "aucune victime", "no one was hurt": a toll of zero, not an unknown one."""
    found = [m for m in lex.no_fatalities.find(toks) if _inside(toks, m, within)]
    if not found:
        return None
    return Toll(0, span(toks, found[0]))
