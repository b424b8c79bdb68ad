"""Arabic roles by word order and prepositions: no parser reads Arabic here, so who did
it (actor 1) and to whom (actor 2) come from where each actor stands against the
trigger and which word marks it («ل», «على», «ضد», «برصاص», «على يد»), the lam of
belonging after an attack noun, a count before the victims, a word of belonging before
a group. ``veille.extract.roles`` reads French and English by the parse and calls this
for Arabic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from veille.extract.candidate import ActorRef, SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok, fold, time_phrase_end
from veille.extract.numbers import read_number
from veille.extract.syntax import REPORT_PREPS, token_at
from veille.extract.tolls import number_after_and
from veille.model import Span
from veille.nlp.arabic import normalize


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None


def _by_the_hand_of(lex: Lexicon, at: int | None, toks: list[Tok]) -> bool:
    """The actor follows a word of agency (``agent_markers``: «برصاص», «على يد»)."""
    markers = lex.noun_classes.get("agent_markers", frozenset())
    return at is not None and at > 0 and bool(toks[at - 1].keys & markers)


def roles_by_word_order(
    group: list[Match],
    toks: list[Tok],
    s: SentenceInput,
    lex: Lexicon | None = None,
    *,
    intercepted: bool = False,
) -> Roles:
    """No Arabic parser: word order and prepositions. An actor before the trigger, or
    the first one right after a verb or masdar (idafa), is the agent; one introduced
    by ل / على / ضد is the target; one its weapon names ("بطائرات مسيرة روسية") is the
    doer, or, when the act is ``intercepted``, the side whose weapon was downed. An
    actor inside a phrase of justification or
    accusation before the trigger ("ردا على المجازر التي يرتكبها X، نفذت ...") has no
    role in this event."""
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    trig_end = toks[max(m.end for m in group) - 1].end
    trig_start = toks[min(m.start for m in group)].start
    trig_start_i = min(m.start for m in group)
    framed = reason_phrases(lex, toks, s, trig_start) if lex is not None else []
    # «مجموعات موالية لإيران»: the word after a cue of allegiance names the patron, not
    # a side of the act (the actor that serves it, when named, spans the cue).
    framed += [
        (toks[m.end].start, toks[m.end].end)
        for m in (lex.allegiance.find(toks) if lex is not None else [])
        if m.end < len(toks)
    ]
    # "ما أدى إلى مقتل ثلاثة جنود", «أصيب ثلاثة جنود»: whom a word of death or injury
    # names were hit, the target side. A verb of killing read as active
    # (``armed_subject``: «قتل الجيش ثلاثة») has its subject after it: that side killed.
    active = [(m.start, m.end) for m in group if getattr(m.payload, "armed_subject", False)]
    fatal = lex.fatality.find(toks) if lex is not None else []
    deaths = (
        [
            toks[m.end - 1].end
            for m in [*fatal, *lex.injury.find(toks)]
            if not any(a <= m.start < b for a, b in active)
        ]
        if lex is not None
        else []
    )
    # "..., فيما قالت القيادة المركزية إن ...": who speaks after the event is told is its
    # teller, not its target (verb-subject order: the speaker follows its verb).
    tellers = (
        {m.end for m in lex.report.find(toks) if toks[m.start].start >= trig_end}
        if lex is not None
        else set()
    )
    # "الشرطة الإسرائيلية تعلن عن عملية طعن": who announces an act ("announces ... about")
    # tells of it, before or after the verb; it did not do it.
    announcing = (
        [
            m
            for m in lex.report.find(toks)
            if m.end <= trig_start_i
            and any(fold(t.text) in ABOUT for t in toks[m.end : min(trig_start_i, m.end + 4)])
        ]
        if lex is not None
        else []
    )
    speaker_end = _speaker_before_that(lex, toks, s, trig_start_i)
    armed_with = (
        [(toks[w.start].start, toks[w.end - 1].end) for w in lex.weapons.find(toks)]
        if lex is not None
        else []
    )

    def on_the_act(ref: ActorRef) -> bool:
        """The act's word and its adjective («غارات أمريكية»), no preposition glued to
        it («للجيش» right after the act is whom it was for or against)."""
        at = token_at(toks, ref.start)
        return (
            at is not None
            and len(group) == 1  # the acts of a group share one reading
            and any(m.start <= at <= m.end for m in group)
            and not re.match(r"(?:ل|ب|و?على)", s.text[ref.start - s.start :])
        )

    # «الحوثيون يستهدفون سفينة وغارات أمريكية على الحديدة»: the act's own adjective
    # names its doer before any side named earlier in the sentence is read.
    for ref in sorted(s.actors, key=lambda a: (not on_the_act(a), a.start)):
        if labels_the_line(ref, s):
            continue
        if any(b <= ref.start < e for b, e in framed):
            continue
        if ref.end <= speaker_end:
            continue  # "قال المتحدث باسم X إن Y شن ...": X tells what Y did
        at = token_at(toks, ref.start)
        if at is not None and (at in tellers or at - 1 in tellers):
            continue
        last = token_at(toks, ref.end - 1)
        if any((last is not None and last + 1 == m.start) or at == m.end for m in announcing):
            continue
        by_arms = any(ref.start < e and b < ref.end for b, e in armed_with)
        if by_arms and intercepted and actor2 is None:
            actor2 = ref  # "أسقطت الدفاعات طائرات مسيرة روسية": whose drones were downed
            continue
        # On one of the group's words, or right after it (its adjective). One merely
        # between two of them is read as one after the act's verb is (below): «نصب
        # مسلحون كمينا لدورية للجيش ... ما أدى إلى مقتل»: the army, marked by ل, was hit.
        # (not across the act's word: «قتلى بقصف لقوات X», the dead of X's shelling)
        killed = any(
            0 <= ref.start - end <= _AR_TOLL_REACH and not end <= trig_start < ref.start
            for end in deaths
        ) or (
            lex is not None and _counted(lex, ref, toks) and any(end <= ref.start for end in deaths)
        )
        # ... but whom a word of death names right after it («مقتل جنديين») died.
        owns = (
            at is not None and not killed and any(m.start <= at <= m.end for m in group)
        ) or by_arms
        between = not owns and trig_start < ref.start and ref.end <= trig_end
        if owns and actor1 is None and getattr(ref.payload, "kind", "") != "civilians":
            # "غارة إسرائيلية", "قصف روسي": the attack's adjective names its doer; so does
            # the weapon's ("هجوم بطائرات مسيرة روسية").
            actor1 = ref
            continue
        marker = s.text[max(0, ref.start - s.start - 4) : ref.start - s.start]
        # ل / على / ضد before the actor, or ب glued to it ("انفجرت عبوة بدورية").
        if lex is not None and _teller_of(lex, ref, toks):
            continue  # "وزارة الصحة التابعة للحوثيين": whose ministry tells the toll
        if at is not None and _after_according_to(toks, at):
            continue  # «بحسب هيئة ... البريطانية»: the source the news is told by
        if (
            lex is not None
            and _by_the_hand_of(lex, at, toks)
            and getattr(ref.payload, "kind", "") != "civilians"
            and (actor1 is None or actor1.actor_id == ref.actor_id)
        ):
            # "قتل فتى برصاص الشرطة", «على يد مسلحين»: whose bullets, whose hands, did it.
            actor1 = ref
            continue
        if actor1 is None and not killed and _whose_act(ref, at, group, s, lex):
            actor1 = ref  # "قصف مدفعي لقوات X على المخيم": the shelling of X, X's shelling
            continue
        if lex is not None and _affiliated(lex, ref, toks):
            # "مسلحون يشتبه في انتمائهم لجماعة X": X is who the doers belong to; once
            # the doer is named, what is X's after the act («غارة على سيارة تابعة لـ X»)
            # was hit.
            if actor1 is None:
                actor1 = ref
            elif ref.start > trig_start and actor2 is None and ref.actor_id != actor1.actor_id:
                actor2 = ref
            continue
        target_marked = (
            killed
            or _holds_the_object(lex, at, toks, trig_end)
            or bool(re.search(r"(?:^|\s)(?:ل|لل|ب|على|ضد|علي)\s*$", marker))
            or (
                s.text[ref.start - s.start : ref.start - s.start + 1] == "ل"
                and not s.text[ref.start - s.start :].startswith("لواء")
            )
        )
        civilians = getattr(ref.payload, "kind", "") == "civilians"
        if civilians:
            # ACLED: civilians are victims, never the perpetrator ("أصيب ثلاثة مدنيين").
            if actor2 is None and (actor1 is None or ref.actor_id != actor1.actor_id):
                actor2 = ref
            continue
        if (
            lex is not None
            and actor2 is None
            and _own_dead_told(lex, fatal, ref, toks, trig_start_i)
        ):
            # «أعلنت X مقتل خمسة من عناصرها في هجوم لـ Y»: X tells its own losses.
            actor2 = ref
            continue
        if killed and ref.end <= trig_start:
            # "قتل أربعة عناصر من الشرطة في انفجار": those the death verb counts were hit.
            if actor2 is None and (actor1 is None or ref.actor_id != actor1.actor_id):
                actor2 = ref
            continue
        if (
            ref.end <= trig_start
            and actor1 is None
            and (actor2 is None or ref.actor_id != actor2.actor_id)
        ):
            # Not the side already counted among the dead ("قتل سبعة من عناصر X، بينهم
            # قيادي في X"): named again, it is still the side that was hit.
            actor1 = ref
        elif ref.start >= trig_end or between:
            if target_marked or actor1 is not None:
                if actor2 is None and (actor1 is None or ref.actor_id != actor1.actor_id):
                    actor2 = ref
            elif actor1 is None and (actor2 is None or ref.actor_id != actor2.actor_id):
                actor1 = ref
    if actor1 is None:
        actor1 = _state_name_near(group, toks, s, framed)
    return Roles(actor1, actor2)


def _speaker_before_that(
    lex: Lexicon | None, toks: list[Tok], s: SentenceInput, trig_at: int
) -> int:
    """Where the speaker's side ends when a verb of telling, then a bare «إن/أن», then an
    actor of its own come before the trigger ("قال المتحدث باسم X إن Y شن غارات"): the
    actors before «إن» tell what the clause after it says its own subject did. The
    character offset of «إن», or -1 (none: "قال الجيش إنه قصف" tells its own act)."""
    if lex is None:
        return -1
    reports = [m.end for m in lex.report.find(toks) if m.end <= trig_at]
    armed = lex.noun_classes.get("armed_people", frozenset())
    for k in range(trig_at - 1, -1, -1):
        if normalize(toks[k].text) != _BARE_THAT:
            continue
        # The clause's subject stands right after «إن» (in the accusative): a side
        # that may act, not civilians; or a count of the teller's own people, no side
        # named («إن خمسة من ضباطه قتلوا»: it tells its losses, not its act).
        subject = (
            any(
                (at := token_at(toks, a.start)) is not None
                and k < at <= k + _SUBJECT_REACH
                and at < trig_at
                and getattr(a.payload, "kind", "") != "civilians"
                for a in s.actors
            )
            or (
                k + 1 < trig_at
                and read_number(lex, toks[k + 1]) is not None
                and not any(toks[k].start < a.start < toks[trig_at].start for a in s.actors)
            )
            or any(
                # «قالت الشرطة إن مسلحين قتلوا»: armed men no name gives (a trigger word
                # themselves, at times), the clause's own subject (``armed_people``).
                toks[j].keys & armed
                for j in range(k + 1, min(len(toks), k + 1 + _SUBJECT_REACH))
            )
            # «قال X إن قائده ونائبه قتلوا في الهجوم»: the clause tells who died in the
            # act, the teller's own people, not an act the teller did (when it names
            # another side's dead, «إن 20 من عناصر Y قتلوا», the teller claims them).
            or (
                any(k < m.start <= trig_at for m in lex.fatality.find(toks))
                and not any(toks[k].end <= a.start < toks[trig_at].start for a in s.actors)
            )
        )
        if subject and any(end <= k for end in reports):
            return toks[k].start
        return -1
    return -1


#: «إن» / «أن» with no pronoun: its clause names its own subject (normalised form).
_BARE_THAT = "ان"
#: Words after «إن» within which its clause's subject starts.
_SUBJECT_REACH = 2

#: "About" after a verb of announcing («أعلنت الشرطة عن ...»).
ABOUT = frozenset({"عن"})


def _holds_the_object(lex: Lexicon | None, at: int | None, toks: list[Tok], after: int) -> bool:
    """An actor after the verb whose base, positions or vehicles the verb's object names
    ("قصفت وحدات X مواقع الجيش": the army's positions were hit): the word right before it
    is an object of attack (``attack_objects``), so the actor owns the target, whoever
    the unnamed subject between the verb and it is."""
    if lex is None or at is None or at == 0 or toks[at - 1].start < after:
        return False
    return bool(toks[at - 1].keys & lex.noun_classes.get("attack_objects", frozenset()))


#: Possessive suffixes on a member noun that refer back to a side named before
#: («عناصرها», «جنوده», «مقاتليهم»), normalised.
_OWN_SUFFIXES = ("ها", "هم", "ه")
#: Tokens from a side to the death word that counts its members.
_OWN_DEAD_REACH = 4


def _own_dead_told(
    lex: Lexicon, fatal: list[Match], ref: ActorRef, toks: list[Tok], trig_at: int
) -> bool:
    """The side, named before the act, tells of its own dead: a death word (``fatal``:
    the sentence's, read once) right after it counts members of its own («أعلنت X مقتل
    خمسة من عناصرها», «نعى X ثلاثة من مقاتليه»: a member noun with a suffix that points
    back to X). It is the side hit."""
    last = token_at(toks, ref.end - 1)
    if last is None or last >= trig_at:
        return False
    members = lex.noun_classes.get("member_nouns", frozenset())
    for m in fatal:
        if not last < m.start <= last + _OWN_DEAD_REACH or m.start > trig_at:
            continue
        # (the death word may be the act's own trigger: «أعلنت X مقتل ...» announced)
        end = (
            m.end + _OWN_DEAD_REACH if m.start == trig_at else min(trig_at, m.end + _OWN_DEAD_REACH)
        )
        for tok in toks[m.end : end]:
            word = normalize(tok.text)
            if any(
                word.endswith(suffix) and word[: -len(suffix)] in members
                for suffix in _OWN_SUFFIXES
            ):
                return True
    return False


def _whose_act(
    ref: ActorRef, at: int | None, group: list[Match], s: SentenceInput, lex: Lexicon | None
) -> bool:
    """The lam of belonging right after an attack noun, at most one word (its adjective)
    between: «قصف مدفعي لقوات X», «هجوم للجيش»: the act is X's. (A verb takes its
    object without ل; the target comes with على or ضد.) A noun of what attacks hit
    between («استهدفت دورية للجيش»: a patrol of the army) makes X its owner, the side hit."""
    if at is None:
        return False
    last = max(m.end for m in group) - 1
    objects = lex.noun_classes.get("attack_objects", frozenset()) if lex is not None else set()
    if any(s.tokens[k].keys & objects for k in range(last + 1, at)):
        return False
    tok = s.tokens[at]
    glued = s.text[tok.start - s.start : ref.start - s.start]  # the clitics before the name
    # The name may hold the lam itself, glued to its article («للدعم السريع»).
    word = s.text[ref.start - s.start : ref.end - s.start]
    lam = glued in ("ل", "لل") or (not glued and word.startswith("لل"))
    return 1 <= at - last <= 2 and lam


#: What may stand before an actor that labels a line: nothing, or its article.
_LINE_OPENERS = frozenset({"", "the", "le", "la", "les", "l'", "l’"})


def labels_the_line(ref: ActorRef, s: SentenceInput) -> bool:
    """The actor opens the line and a colon follows it ("Hamas: five killed in ...",
    «الحوثيون: 4 قتلى في غارات»): a headline's source or topic label, not a doer."""
    before = s.text[: ref.start - s.start]
    after = s.text[ref.end - s.start :]
    return before.strip().lower() in _LINE_OPENERS and after.lstrip().startswith(":")


def _counted(lex: Lexicon, ref: ActorRef, toks: list[Tok]) -> bool:
    """A number stands right before the actor ("سبعة جنود"), or before the members it
    names ("أربعة عناصر من الشرطة"): whom a death verb before it counts are its victims."""
    i = token_at(toks, ref.start)
    if i is None:
        return False
    # "أربعة عناصر من الشرطة": the count may stand before the members' noun, and «خمسة
    # من عناصر «X»» before a quotation mark too.
    members = lex.noun_classes.get("member_nouns", frozenset())
    k = i - 1
    while k >= 0 and k >= i - _COUNT_REACH and (toks[k].keys & members or toks[k].text in _QUOTES):
        k -= 1
    # «ضابط وثلاثة جنود»: the count may be glued to «و».
    return k >= 0 and (
        read_number(lex, toks[k]) is not None or number_after_and(lex, toks[k]) is not None
    )


#: Words from a count to the actor it counts («خمسة من عناصر «X»»).
_COUNT_REACH = 4
#: Quotation marks around a name.
_QUOTES = frozenset({"«", "»", '"', "“", "”"})


def _affiliated(lex: Lexicon, ref: ActorRef, toks: list[Tok]) -> bool:
    """The actor follows a word of belonging ("انتمائهم ل", "التابعة ل", "الموالية ل"):
    the group the doers belong to, not a target marked by ل."""
    belonging = lex.noun_classes.get("belonging", frozenset())
    i = token_at(toks, ref.start)
    return i is not None and any(toks[k].keys & belonging for k in range(max(0, i - 2), i))


#: Words from «بحسب» ("according to") to the name of the source it introduces.
_ACCORDING_REACH = 6


def _after_according_to(toks: list[Tok], at: int) -> bool:
    """The actor's word lies in a phrase «بحسب X», «وفق X» ("according to X"), no
    punctuation between: X tells the news; whatever it names did nothing here."""
    for k in range(at, max(-1, at - _ACCORDING_REACH - 1), -1):
        word = fold(toks[k].text)
        if k < at and not word.isalpha():
            return False
        if toks[k].keys & REPORT_PREPS or word.removeprefix("و") in REPORT_PREPS:
            return True
    return False


def _teller_of(lex: Lexicon, ref: ActorRef, toks: list[Tok]) -> bool:
    """The actor owns the office, outlet or statement that tells the news ("وزارة الصحة
    التابعة للحوثيين", "قناة ... التابعة لحزب الله", «بيان للجيش»): it is the teller's
    side, not a doer."""
    belonging = lex.noun_classes.get("belonging", frozenset())
    i = token_at(toks, ref.start)
    if i is None:
        return False
    glued_lam = toks[i].text.startswith("لل") or (
        ref.start > toks[i].start and toks[i].text.startswith("ل")
    )
    if i > 0 and glued_lam and lex.statement.find([toks[i - 1]]):
        return True  # «أفاد بيان للجيش», «في بيان لوزارة الدفاع»: whose statement tells it
    marks = [k for k in range(max(0, i - 2), i) if toks[k].keys & belonging]
    if not marks:
        return False
    before = toks[max(0, marks[0] - 4) : marks[0]]
    return bool(lex.official_nouns.find(before) or lex.reporter_nouns.find(before))


#: Words between an Arabic trigger and the country's name that is its doer.
_AR_STATE_REACH = 2


def _state_name_near(
    group: list[Match], toks: list[Tok], s: SentenceInput, framed: Sequence[Span] = ()
) -> ActorRef | None:
    """Arabic verb-subject order: "شنت إسرائيل غارات" (the country right after the
    verb, just before the attack noun), "قصفت روسيا ..." (right after the attack verb).
    A country named inside a reason or as a patron (``framed``) is neither."""
    first = min(m.start for m in group)
    last = max(m.end for m in group)
    # «شنت روسيا ليل الاثنين هجوما»: a phrase of time between the subject and the noun.
    first = next(
        (j for j in range(max(0, first - _TIME_WORDS), first) if time_phrase_end(toks, j) == first),
        first,
    )
    for ref in s.state_names:
        if any(b <= ref.start < e for b, e in framed):
            continue
        i = token_at(toks, ref.start)
        if i is None:
            continue
        if i > 0 and fold(toks[i - 1].text) in _AR_TARGET_PREPS:
            continue  # «هجوما على أوكرانيا»: the country attacked
        if first - _AR_STATE_REACH <= i < first or last <= i < last + 1:
            return ref
    return None


#: Most words of a phrase of time between an Arabic verb's subject and its act noun.
_TIME_WORDS = 4
#: Prepositions before what an Arabic act fell on («على», «ضد»).
_AR_TARGET_PREPS = frozenset({"علي", "ضد"})


#: Characters between a death noun and the victims it names ("مقتل ثلاثة جنود").
_AR_TOLL_REACH = 12


def reason_phrases(
    lex: Lexicon, toks: list[Tok], s: SentenceInput, before: int, *, after: bool = False
) -> list[Span]:
    """Character spans from a justification or accusation cue before the trigger to the
    next comma (or the trigger): the phrase that gives a reason or a blame. With
    ``after``, a cue of a reason after the trigger too, to the next comma or the
    sentence's end ("استهدف ... مواقع ردا على هجوم في X": X is where the cause fell);
    not one of blame ("القبض على مشتبه بهم في X": the suspects were arrested in X)."""
    spans: list[Span] = []
    for table in (lex.justification, lex.accusation):
        for m in table.find(toks):
            start = toks[m.start].start
            if start >= before and not (after and table is lex.justification):
                continue
            end = before if start < before else s.end
            rest = s.text[start - s.start : end - s.start]
            comma = re.search(r"[،,]", rest)
            spans.append((start, start + comma.start() if comma else end))
    return spans
