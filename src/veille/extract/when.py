"""When an event happened: the date expression of the trigger's own clause (else the
nearest one), a post's publication date for a real-time report, and the time of day
from a part of the day or a clock time ("vers 22 heures")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon, fold
from veille.extract.syntax import (
    NUM,
    ancestors,
    clause_anchors,
    dates_telling,
    token_at,
    words_of,
)
from veille.model import DatePrecision, Span, TimeOfDay
from veille.nlp.dates import DateExpression

#: Words before a clock time that make it the time of the event ("vers", "at").
_CLOCK_PREPS = ("a", "à", "vers", "at", "around", "about", "des", "dès")


@dataclass(frozen=True, slots=True)
class When:
    event_date: date | None = None
    precision: DatePrecision | None = None
    time_of_day: TimeOfDay | None = None
    date_span: Span | None = None
    time_span: Span | None = None
    from_post: bool = False  # the date is the post's own (an embedded real-time post)
    #: The day is the telling's ("killed 23, police said on Tuesday"): the event's own
    #: day, when a sentence that goes on with it names one, is that day instead.
    told: bool = False


def read_when(lex: Lexicon, trigger: Span, s: SentenceInput) -> When:
    """The date and time of day of the event whose trigger is at ``trigger``."""
    event_date: date | None = None
    precision: DatePrecision | None = None
    time_of_day: TimeOfDay | None = None
    date_span: Span | None = None
    time_span: Span | None = None
    from_post = told_day = False
    # "حركة 23 مارس" (the M23), «le Mouvement du 23 mars»: a date inside an actor's
    # name dates nothing.
    valued = [
        d
        for d in s.dates
        if d.value is not None and not any(a.start <= d.start < a.end for a in s.actors)
    ]
    # "The group, founded in 2014, attacked the base on Monday": a year named alone
    # dates the event only when the sentence gives nothing more precise.
    valued = [d for d in valued if d.precision != "year"] or valued
    # «ففي 24 نوفمبر الماضي ... أثناء صلاة الجمعة», "on March 3, during Friday
    # prayers": a weekday the sentence's calendar date falls on names that day, read
    # from the publication only for want of it.
    valued = [d for d in valued if not _weekday_of_a_date_told(d, valued)]
    # "will resign on Wednesday, after protesters stormed ...": a day after the
    # publication is a future one, and dates no act the text tells as done.
    valued = [d for d in valued if s.published is None or d.value is None or d.value <= s.published]
    tods = [d for d in s.dates if d.time_of_day is not None]
    if valued:
        trig_mid = trigger[0]
        # "X said on Wednesday it had struck ... on Saturday", «a annoncé mercredi avoir
        # frappé samedi», «قال سكان الأربعاء إن مسلحين قتلوا ... مساء الاثنين»: a date
        # right after a telling verb, before the trigger, dates the telling.
        told = telling_dates(lex, trigger, s, valued)
        valued = [d for d in valued if d not in told] or valued
        # «a revendiqué jeudi l'attentat qui a tué douze personnes mercredi», "claimed
        # the attack that killed 12 on Wednesday": a relative clause on the act's noun
        # tells the act, and its day is the act's.
        in_clause = [e for e in valued if _in_relative_of(e.start, trigger, s)] or [
            e for e in valued if in_trigger_clause(e.start, trigger, s)
        ]
        # "X said on Tuesday it had struck on Sunday": the event's own clause wins.
        d = min(in_clause or valued, key=lambda e: abs(e.start - trig_mid))
        event_date, precision = d.value, d.precision
        date_span = d.span
        told_day = d in told or dates_telling(d.start, s.tokens, words_of(lex.report, s.tokens))
        time_of_day = d.time_of_day
        if d.time_of_day is not None:
            time_span = d.span
    elif s.source_kind == "embedded_post" and s.published is not None:
        # A post is a real-time report: its date is the event date it supports.
        event_date, precision = s.published, "day"
        date_span = s.post_date_span
        from_post = True
    if time_of_day is None and tods and valued:
        t = min(tods, key=lambda e: abs(e.start - trigger[0]))
        time_of_day, time_span = t.time_of_day, t.span
    clock = clock_time(lex, s)
    if clock is not None and (event_date is not None or not valued):
        # "vers 2 heures du matin" is night: the hour is more precise than "matin".
        time_of_day, time_span = clock
    return When(event_date, precision, time_of_day, date_span, time_span, from_post, told_day)


def _weekday_of_a_date_told(d: DateExpression, dates: list[DateExpression]) -> bool:
    """``d`` is a bare weekday and another date of the sentence, a calendar day, falls
    on that weekday in another week: the weekday names that day."""
    if d.kind != "weekday" or d.value is None:
        return False
    return any(
        e.kind == "explicit"
        and e.value is not None
        and e.precision == "day"
        and e.value != d.value
        and e.value.weekday() == d.value.weekday()
        for e in dates
    )


#: Words between a telling verb and the date of the telling ("said on Wednesday",
#: «قال سكان الأربعاء»: its subject may come first in Arabic).
_TELLING_REACH = 3


def telling_dates(
    lex: Lexicon, trigger: Span, s: SentenceInput, dates: list[DateExpression]
) -> list[DateExpression]:
    """The dates that stand right after a telling verb before the trigger."""
    toks = s.tokens
    # The token right after each telling verb before the trigger.
    afters = [m.end for m in lex.report.find(toks) if toks[m.start].start < trigger[0]]
    # "in a statement released on Wednesday", «dans un communiqué publié mercredi»: a
    # date the parse hangs on a noun of statement (through its participle) dates it.
    statements = {
        i
        for m in lex.statement.find(toks)
        for i in range(m.start, m.end)
        if not (trigger[0] <= toks[i].start < trigger[1])
    }
    out = []
    for d in dates:
        at = token_at(toks, d.start)
        if at is None:
            continue
        if statements and statements & set(ancestors(toks, at, limit=3)):
            out.append(d)
            continue
        if d.start >= trigger[0]:
            continue
        if any(0 <= at - after <= _TELLING_REACH for after in afters):
            out.append(d)
    return out


def _in_relative_of(char: int, trigger: Span, s: SentenceInput) -> bool:
    """Whether the word at ``char`` hangs on a relative clause of the trigger's noun."""
    toks = s.tokens
    tok_i = token_at(toks, char)
    trig_i = token_at(toks, trigger[0])
    if tok_i is None or trig_i is None or toks[trig_i].pos != "NOUN":
        return False
    return any(
        toks[k].dep in ("acl:relcl", "relcl") and toks[k].head == trig_i
        for k in ancestors(toks, tok_i, limit=3)
    )


def in_trigger_clause(char: int, trigger: Span, s: SentenceInput) -> bool:
    """Whether the word at ``char`` hangs on the trigger's clause."""
    toks = s.tokens
    tok_i = token_at(toks, char)
    trig_i = token_at(toks, trigger[0])
    if tok_i is None or trig_i is None or not toks[tok_i].dep:
        return False
    anchors = clause_anchors(toks, trig_i)
    return any(a in anchors for a in [tok_i, *ancestors(toks, tok_i, limit=5)])


def clock_time(lex: Lexicon, s: SentenceInput) -> tuple[TimeOfDay, Span] | None:
    """ "vers 22 heures", "à 2 heures du matin": the hour gives the time of day.

    A time written before a colon at the start of a line is a live blog's
    timestamp (when it was posted), not when it happened, and is skipped.
    """
    toks = s.tokens
    for k, tok in enumerate(toks[1:], start=1):
        prev = toks[k - 1]
        if not (fold(tok.text) in lex.hour_markers and NUM.match(prev.text)):
            continue
        if k >= 2 and fold(toks[k - 2].text) not in _CLOCK_PREPS:
            continue
        hour = int(prev.text)
        nxt = fold(toks[k + 1].text) if k + 1 < len(toks) else ""
        if nxt in ("pm", "p.m.") and hour < 12:
            hour += 12
        if hour > 23:
            continue
        tod: TimeOfDay = (
            "night"
            if hour <= 4 or hour >= 22
            else "dawn"
            if hour <= 6
            else "morning"
            if hour <= 11
            else "afternoon"
            if hour <= 17
            else "evening"
        )
        return tod, (prev.start, tok.end)
    return None
