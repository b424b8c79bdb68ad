"""Date expressions: find them (with spans) and resolve them against a reference date.

News dates are mostly relative ("samedi soir", "hier", "la veille", "فجر اليوم").
We resolve each expression against:

* the publication date of the source (weekday names, "hier", "aujourd'hui"), and
* a narrative anchor: the frame-setting date of the latest sentence that had one
  ("Dimanche, des sources ont rapporté..." then "La veille" = Saturday).

Explicit calendar dates are normalised with ``dateparser``. A weekday name resolves
to the most recent such day on or before the reference (news reports the past).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from veille.lang.loader import Root, languages, resources
from veille.lang.records import DateWords
from veille.model import EARLIEST_DATE, LATEST_DATE, DatePrecision, Span, TimeOfDay
from veille.nlp import arabic
from veille.nlp.tokens import Tok

# ---------------------------------------------------------------------------
# The words (weekdays, months, relative and anchored days, times of day, cues) are in
# each language's folder, ``veille/lang/<code>/dates.json`` (``veille.lang.DateWords``);
# the shapes of the phrases are here. A language without a folder is read as English.


def _words(language: str, root: Root) -> tuple[str, DateWords]:
    """The language whose words are used (English when there is no folder) and its words."""
    lang = language if language in languages(root) else "en"
    return lang, resources(lang, root).dates


ExpressionKind = Literal[
    "explicit", "weekday", "relative", "anchored", "month", "year", "time", "overnight"
]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date phrase in a text, resolved (or not) to a calendar date."""

    start: int
    end: int
    text: str
    kind: ExpressionKind
    value: date | None
    precision: DatePrecision | None
    time_of_day: TimeOfDay | None

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def _alt(words: Iterable[str]) -> str:
    # Longest first so that "avant-hier" wins over "hier".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    explicit: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    anchored: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    past: re.Pattern[str] | None
    tod: re.Pattern[str]
    numeric: re.Pattern[str]
    overnight: re.Pattern[str] | None
    ordinal: re.Pattern[str] | None
    weekend: re.Pattern[str] | None
    this_month_day: re.Pattern[str] | None
    fixed: re.Pattern[str] | None
    #: Searches of the lower-cased text for the words without one of which a pattern
    #: cannot match (``_screen``): a month name (explicit dates, months, ordinal days), a
    #: weekday, a relative or anchored day, a time of day, a past period.
    month_words: re.Pattern[str] | None
    weekday_words: re.Pattern[str] | None
    relative_words: re.Pattern[str] | None
    anchored_words: re.Pattern[str] | None
    tod_words: re.Pattern[str] | None
    past_words: re.Pattern[str] | None
    weekend_words: re.Pattern[str] | None
    fixed_words: re.Pattern[str] | None


#: A character that ``str.lower`` may lower otherwise than ``re.IGNORECASE`` compares it
#: (into two characters, "İ"; one that other characters fold to, "ı", "ſ", Greek...):
#: anything but Latin letters bar those, uncased scripts and punctuation. In a text
#: without one, a word a pattern matched ignoring case stands in the lower-cased text.
_UNSAFE_CASE = re.compile(
    r"[^\x00-\u012f\u0132-\u017e\u0180-\u024f\u0600-\u06ff\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]"
)
#: What a numeric date ("2024-02-05", "5/2/2024", "5.2.2024") and a year ("en 2014")
#: cannot lack.
_DIGIT_THEN_SEPARATOR = re.compile(r"\d[-/.]\d")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")
#: The weekday a weekend is dated on (Monday 0).
_SATURDAY = 5


def _screen(words: Iterable[str]) -> re.Pattern[str] | None:
    """A search for any of ``words``, lower-cased, in a lower-cased text: a pattern
    that matches one of them somewhere ignoring case cannot match a text where this
    finds none. None (read every text) when there is no word, an empty one (the
    pattern may match an empty phrase) or one with a character of ``_UNSAFE_CASE``,
    as written or lower-cased (the Kelvin sign lowers to "k", "İ" to two characters)."""
    listed = list(words)
    lowered = sorted({w.lower() for w in listed}, key=lambda w: (-len(w), w))
    if not lowered or not all(lowered) or _UNSAFE_CASE.search("".join([*listed, *lowered])):
        return None
    return re.compile("|".join(re.escape(w) for w in lowered))


def _may_match(screen: re.Pattern[str] | None, lowered: str | None) -> bool:
    """Whether a pattern screened by ``screen`` may match the text lowered into
    ``lowered`` (None: a text with a character of ``_UNSAFE_CASE``, not screened)."""
    return screen is None or lowered is None or screen.search(lowered) is not None


@lru_cache(maxsize=8)
def _patterns(language: str, root: Root = None) -> _Patterns:
    _, words = _words(language, root)
    wd = _alt(words.weekdays)
    mo = _alt(words.months)
    # Latin scripts need word boundaries; Arabic words carry clitics (بـ، و، ل) we allow.
    b0, b1 = r"(?<![\w])", r"(?![\w])"
    if words.clitics:
        b0 = rf"(?:(?<=\s)|(?<=^)|(?<=[{re.escape(words.clitics)}]))"
        # A hyphen may join two weekdays of one night («ليل الأحد-الاثنين»).
        b1 = r"(?=[\s\.,،؛:!؟)\]»\"\-–]|$)"
    alt = _AR_ALT_MONTH.format(mo=mo) if words.explicit == "arabic" else ""
    if words.explicit == "month_day":
        th = f"(?:{_alt(words.ordinal_suffixes)})?" if words.ordinal_suffixes else ""
        of = rf"(?:(?:{_alt(words.day_of)})\s+)?" if words.day_of else ""
        explicit = (
            rf"{b0}(?:(?:{wd}),?\s+)?(?:(?:{mo})\.?\s+\d{{1,2}}{th}(?:,?\s+\d{{4}})?"
            rf"|\d{{1,2}}{th}\s+{of}(?:{mo})(?:,?\s+\d{{4}})?){b1}"
        )
    elif words.explicit == "arabic":
        # Arab press writes the Levantine month name after the Gregorian one:
        # "14 فبراير (شباط) 2005"; the year comes after the parenthesis.
        explicit = rf"(?:(?:{wd})\s+)?\d{{1,2}}\s+(?:{mo}){alt}(?:\s+\d{{4}})?"
    else:
        article = rf"(?:(?:{_alt(words.date_articles)})\s+)?" if words.date_articles else ""
        day = rf"(?:{_alt(words.ordinal_days)}|\d{{1,2}})" if words.ordinal_days else r"\d{1,2}"
        explicit = rf"{b0}(?:(?:{wd})\s+)?{article}{day}\s+(?:{mo})(?:\s+\d{{4}})?{b1}"
    return _Patterns(
        explicit=re.compile(explicit, re.IGNORECASE),
        weekday=re.compile(rf"{b0}(?:{wd}){b1}", re.IGNORECASE),
        relative=re.compile(rf"{b0}(?:{_alt(words.relative)}){b1}", re.IGNORECASE),
        anchored=re.compile(rf"{b0}(?:{_alt(words.anchored)}){b1}", re.IGNORECASE),
        month=re.compile(
            rf"{b0}(?:{_alt(_all_month_cues(root))})\s+(?:{mo}){alt}(?:\s+\d{{4}})?{b1}",
            re.IGNORECASE,
        ),
        year=re.compile(
            rf"{b0}(?:{_alt(words.year_cues)})\s+(1[89]\d\d|20\d\d){b1}", re.IGNORECASE
        ),
        past=(
            re.compile(
                rf"{b0}(?:{_alt([*words.past_months, *words.past_years, *words.past_weeks])}){b1}",
                re.I,
            )
            if words.past_months or words.past_years or words.past_weeks
            else None
        ),
        tod=re.compile(rf"{b0}(?:{_alt(words.time_of_day)}){b1}", re.IGNORECASE),
        # Year first ("2024-03-08", "2024/3/8") or day first ("8/3/2024", "08-03-2024",
        # "08.03.2024"), one separator throughout.
        numeric=re.compile(
            r"(?<!\d)(?<!\d\.)(?P<y1>\d{4})(?P<s1>[-/])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
            r"(?!\d|\.\d)|(?<!\d)(?<!\d\.)(?P<d2>\d{1,2})(?P<s2>[-/.])(?P<m2>\d{1,2})(?P=s2)"
            r"(?P<y2>\d{4})(?!\d|\.\d)"
        ),
        overnight=(
            re.compile(words.overnight.format(wd=wd), re.IGNORECASE)
            if words.overnight is not None
            else None
        ),
        # Days told as ordinals: "في الأول من أكتوبر", "الحادي والعشرين من مارس 2023".
        ordinal=(
            re.compile(
                rf"{b0}(?P<ord>{_alt(words.ordinal_day_names)})\s+من\s+(?:شهر\s+)?(?P<mo>{mo})"
                rf"{alt}(?:\s+(?P<year>\d{{4}}))?{b1}"
            )
            if words.ordinal_day_names
            else None
        ),
        this_month_day=(
            re.compile(
                words.this_month_day.format(ord=_alt(words.ordinal_day_names) or "(?!)"),
                re.IGNORECASE,
            )
            if words.this_month_day is not None
            else None
        ),
        weekend=(
            re.compile(rf"{b0}(?:{_alt(words.weekend)}){b1}", re.IGNORECASE)
            if words.weekend
            else None
        ),
        fixed=(
            re.compile(rf"{b0}(?:{_alt(words.fixed_days)}){b1}", re.IGNORECASE)
            if words.fixed_days
            else None
        ),
        month_words=_screen(words.months),
        weekday_words=_screen(words.weekdays),
        relative_words=_screen(words.relative),
        anchored_words=_screen(words.anchored),
        tod_words=_screen(words.time_of_day),
        past_words=_screen([*words.past_months, *words.past_years, *words.past_weeks]),
        weekend_words=_screen(words.weekend),
        fixed_words=_screen(words.fixed_days),
    )


def _all_month_cues(root: Root) -> set[str]:
    """Every language's month cues: a month name of the text's language after the cue of
    any language ("in mars") is a month, as before the words moved to the folders."""
    return {cue for code in languages(root) for cue in resources(code, root).dates.month_cues}


# "فبراير (شباط)", "أكتوبر/تشرين الأول", "أكتوبر تشرين الأول": the Levantine name of
# the same month, in brackets, after a slash or a dash, or just after a space.
_AR_ALT_MONTH = r"(?:\s*\((?:{mo})\)|\s*[/\-]\s*(?:{mo})|\s+(?:{mo}))?"
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _lookup(table: Mapping[str, int], phrase: str) -> int | None:
    key = phrase.lower().strip()
    if key in table:
        return table[key]
    for k, v in table.items():
        if k.lower() == key:
            return v
    return None


def _day_of_this_month(day: str, words: DateWords, published: date | None) -> date | None:
    """Day ``day`` (digits or an ordinal day name) of the month of publication; None
    without a publication date or for a day the month lacks, or one after publication
    (a report tells what has happened)."""
    n = int(day) if day.isdigit() else words.ordinal_day_names.get(day)
    if published is None or n is None:
        return None
    try:
        value = published.replace(day=n)
    except ValueError:
        return None
    return value if value <= published else None


def _marked_last(text: str, m: re.Match[str], words: DateWords) -> bool:
    """A past-week marker right before or after the weekday ("last Tuesday", «mardi
    dernier», «الثلاثاء الماضي»)."""
    before = text[max(0, m.start() - 12) : m.start()].split()
    after = text[m.end() : m.end() + 12].split()
    marks = {w.lower() for w in words.last_markers}
    return bool(
        (before and before[-1].lower() in marks)
        or (after and after[0].lower().strip(".,،;:") in marks)
    )


def _last_such_day(month_day: str | None, published: date | None) -> date | None:
    """The day ``month_day`` ("12-25") falls on last, on or before ``published``."""
    if month_day is None or published is None:
        return None
    month, day = (int(part) for part in month_day.split("-"))
    this_year = date(published.year, month, day)
    return this_year if this_year <= published else date(published.year - 1, month, day)


def _weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _explicit_to_date(phrase: str, words: DateWords, ref: date | None) -> date | None:
    """Normalise an explicit calendar phrase with dateparser, defaulting the year sensibly."""
    cleaned = phrase.strip()
    if words.date_articles:
        cleaned = re.sub(rf"^(?:{_alt(words.date_articles)})\s+", "", cleaned, flags=re.I)
    cleaned = _PARENTHESIS.sub("", cleaned)
    if words.explicit == "arabic":
        # The second name of the same month ("أكتوبر/تشرين الأول") says nothing more.
        mo = _alt(words.months)
        cleaned = re.sub(rf"({mo})\s*[/\-]?\s*(?:{mo})", r"\1", cleaned)
    for day in words.ordinal_days:  # "1er" -> "1"
        cleaned = re.sub(rf"\b{re.escape(day)}\b", re.sub(r"\D", "", day), cleaned)
    if words.ordinal_suffixes:
        cleaned = re.sub(rf"(\d)(?:{_alt(words.ordinal_suffixes)})\b", r"\1", cleaned)
    # A weekday before an explicit date is redundant and confuses the parser.
    wd_pat = _alt(words.weekdays)
    cleaned = re.sub(rf"^(?:{wd_pat}),?\s+", "", cleaned, flags=re.IGNORECASE)
    direct = _day_month_year(cleaned, words, ref)
    if direct is not None or words.parser_language is None:
        return direct
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if ref is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day, 23, 59)
    parsed = dateparser.parse(cleaned, languages=[words.parser_language], settings=settings)
    if parsed is None:
        return None
    result: date = parsed.date()
    return result


_DAY_MONTH = re.compile(
    r"^(\d{1,2})\s+(\D+?)(?:\s+(\d{4}))?$|^(\D+?)\.?\s+(\d{1,2}),?(?:\s+(\d{4}))?$"
)


def _day_month_year(cleaned: str, words: DateWords, ref: date | None) -> date | None:
    """ "5 février 2024", "February 4, 2024", "3 mars": the common shapes, read directly
    (dateparser costs milliseconds a call); anything else is left to dateparser. A date
    without a year is the most recent one on or before the reference (news reports
    the past)."""
    m = _DAY_MONTH.match(cleaned.strip())
    if m is None:
        return None
    day_s, month_s, year_s = (
        (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    )
    month = _lookup(words.months, month_s.strip())
    if month is None:
        return None
    try:
        if year_s:
            return date(int(year_s), month, int(day_s))
        if ref is None:
            return None
        candidate = date(ref.year, month, int(day_s))
        return candidate if candidate <= ref else date(ref.year - 1, month, int(day_s))
    except ValueError:
        return None


def find_date_expressions(
    text: str,
    language: str,
    *,
    published: date | None,
    anchor: date | None = None,
    lang_root: Root = None,
) -> list[DateExpression]:
    """Every date phrase in ``text`` with its resolved value (``None`` if unresolvable).

    ``anchor`` is the narrative reference for "la veille"-type words; it defaults to
    ``published``. Overlapping phrases are merged so that "samedi soir" or
    "mardi 12 mars au matin" come out as one expression. A value outside
    ``plausible_window(published)`` ("0001-01-01", "9999-12-31") is None; a ``published``
    or ``anchor`` outside 1900-2100 counts as unknown. The words are those of
    ``veille/lang/<language>/dates.json`` (or of ``lang_root``: a folder of language
    folders, or ``veille.lang.LangRoots``); a language
    without a folder is read as English.
    """
    published = published if published is not None and _plausible(published) else None
    anchor = anchor if anchor is not None and _plausible(anchor) else None
    earliest, latest = plausible_window(published)
    return [
        e if e.value is None or earliest <= e.value <= latest else replace(e, value=None)
        for e in _find_unbounded(text, language, published=published, anchor=anchor, root=lang_root)
    ]


def plausible_window(published: date | None) -> tuple[date, date]:
    """The dates an event told by an article published on ``published`` may have:
    from ``EARLIEST_DATE`` to the day after publication (``LATEST_DATE`` if unknown)."""
    if published is None or not _plausible(published):
        return EARLIEST_DATE, LATEST_DATE
    return EARLIEST_DATE, min(published + timedelta(days=1), LATEST_DATE)


def _plausible(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def _find_unbounded(
    text: str, language: str, *, published: date | None, anchor: date | None, root: Root
) -> list[DateExpression]:
    """``find_date_expressions`` before its values are bounded; ``published`` and
    ``anchor`` lie within the plausible window, so no shift below overflows."""
    lang, words = _words(language, root)
    pats = _patterns(lang, root)
    ref_anchor = anchor or published
    found: list[DateExpression] = []

    def add(
        m: re.Match[str], kind: ExpressionKind, value: date | None, prec: DatePrecision | None
    ) -> None:
        found.append(DateExpression(m.start(), m.end(), m.group(0), kind, value, prec, None))

    # Each pattern reads the text only where a word it needs stands (``_screen``): most
    # paragraphs name no month, no relative day, no past period.
    lowered = None if _UNSAFE_CASE.search(text) else text.lower()

    def matches(
        pattern: re.Pattern[str], screen: re.Pattern[str] | None
    ) -> Iterable[re.Match[str]]:
        return pattern.finditer(text) if _may_match(screen, lowered) else ()

    for m in matches(pats.explicit, pats.month_words):
        add(m, "explicit", _explicit_to_date(m.group(0), words, published), "day")
    value: date | None
    for m in pats.numeric.finditer(text) if _DIGIT_THEN_SEPARATOR.search(text) else ():
        try:
            if m.group("y1"):
                value = date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
            else:
                value = date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        except ValueError:
            continue
        add(m, "explicit", value, "day")
    if pats.ordinal is not None:
        for m in matches(pats.ordinal, pats.month_words):
            nth = words.ordinal_day_names[m.group("ord")]
            in_year = f" {m.group('year')}" if m.group("year") else ""
            add(
                m,
                "explicit",
                _day_month_year(f"{nth} {m.group('mo')}{in_year}", words, published),
                "day",
            )
    if pats.overnight is not None:
        for m in pats.overnight.finditer(text):
            wd = _lookup(words.weekdays, m.group("second"))
            value = _weekday_on_or_before(published, wd) if published and wd is not None else None
            found.append(
                DateExpression(m.start(), m.end(), m.group(0), "overnight", value, "day", "night")
            )
    for m in matches(pats.anchored, pats.anchored_words):
        offset = _lookup(words.anchored, m.group(0))
        value = ref_anchor + timedelta(days=offset) if ref_anchor and offset is not None else None
        add(m, "anchored", value, "day")
    for m in matches(pats.relative, pats.relative_words):
        offset = _lookup(words.relative, m.group(0))
        value = published + timedelta(days=offset) if published and offset is not None else None
        add(m, "relative", value, "day")
    for m in matches(pats.weekday, pats.weekday_words):
        wd = _lookup(words.weekdays, m.group(0))
        value = _weekday_on_or_before(published, wd) if published and wd is not None else None
        if value is not None and value == published and _marked_last(text, m, words):
            value -= timedelta(days=7)  # "last Tuesday", told on a Tuesday
        add(m, "weekday", value, "day")
    for m in pats.this_month_day.finditer(text) if pats.this_month_day is not None else ():
        add(m, "explicit", _day_of_this_month(m.group("day"), words, published), "day")
    for m in matches(pats.weekend, pats.weekend_words) if pats.weekend is not None else ():
        value = _weekday_on_or_before(published, _SATURDAY) if published else None
        add(m, "weekday", value, "week" if value is not None else None)
    for m in matches(pats.fixed, pats.fixed_words) if pats.fixed is not None else ():
        month_day = words.fixed_days.get(m.group(0).lower())
        add(m, "explicit", _last_such_day(month_day, published), "day")
    for m in matches(pats.month, pats.month_words):
        add(
            m,
            "month",
            _explicit_to_date("1 " + m.group(0).split(maxsplit=1)[-1], words, published),
            "month",
        )
    for m in pats.year.finditer(text) if _YEAR_DIGITS.search(text) else ():
        year = int(m.group(1))
        if published is None or year <= published.year:
            add(m, "year", date(year, 1, 1), "year")
    if pats.past is not None:
        for m in matches(pats.past, pats.past_words):
            months = _lookup(words.past_months, m.group(0))
            years = _lookup(words.past_years, m.group(0))
            weeks = _lookup(words.past_weeks, m.group(0))
            if weeks is not None:
                # "last week": the week before publication (ACLED: week precision).
                back_days = None if published is None else published - timedelta(days=7 * weeks)
                add(m, "relative", back_days, "week" if published is not None else None)
            elif published is None:
                add(m, "month" if months is not None else "year", None, None)
            elif months is not None:
                back = published.year * 12 + published.month - 1 - months
                add(m, "month", date(back // 12, back % 12 + 1, 1), "month")
            elif years is not None:
                add(m, "year", date(published.year - years, 1, 1), "year")
    tods: list[tuple[int, int, TimeOfDay]] = []
    for m in matches(pats.tod, pats.tod_words):
        tod = words.time_of_day.get(m.group(0).lower()) or words.time_of_day.get(m.group(0))
        if tod is not None:
            tods.append((m.start(), m.end(), tod))
    return _combine(text, found, tods, words, ref_anchor)


_PRIORITY: dict[str, int] = {
    "overnight": 6,
    "explicit": 5,
    "anchored": 4,
    "relative": 3,
    "weekday": 2,
    "month": 1,
    "year": 0,
}


def _combine(
    text: str,
    found: list[DateExpression],
    tods: list[tuple[int, int, TimeOfDay]],
    words: DateWords,
    anchor: date | None,
) -> list[DateExpression]:
    """Merge overlapping/adjacent pieces into single expressions."""
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    merged: list[DateExpression] = []
    for expr in found:
        if merged and expr.start < merged[-1].end:
            prev = merged[-1]
            # A phrase that holds another is the longer reading («نهاية الأسبوع الماضي»,
            # the weekend, holds «الأسبوع الماضي», last week).
            inside = expr.end <= prev.end
            keep = prev if inside or _PRIORITY[prev.kind] >= _PRIORITY[expr.kind] else expr
            merged[-1] = DateExpression(
                min(prev.start, expr.start),
                max(prev.end, expr.end),
                text[min(prev.start, expr.start) : max(prev.end, expr.end)],
                keep.kind,
                keep.value,
                keep.precision,
                keep.time_of_day,
            )
            continue
        if merged and _adjacent(text, merged[-1].end, expr.start):
            prev = merged[-1]
            # "la veille, samedi": the weekday names the day the anchor word points to.
            if prev.kind == "anchored" and expr.kind == "weekday" and anchor is not None:
                wd = _lookup(words.weekdays, expr.text)
                value = _weekday_on_or_before(anchor, wd) if wd is not None else prev.value
                merged[-1] = DateExpression(
                    prev.start,
                    expr.end,
                    text[prev.start : expr.end],
                    "anchored",
                    value,
                    "day",
                    None,
                )
                continue
        merged.append(expr)
    # Attach times of day to the nearest date expression they touch (or stand alone).
    result: list[DateExpression] = []
    used: set[int] = set()
    for expr in merged:
        start, end, tod = expr.start, expr.end, expr.time_of_day
        for i, (ts, te, t) in enumerate(tods):
            if i in used:
                continue
            if (
                (ts >= start and te <= end)
                or _adjacent(text, end, ts, gap=12)
                or _adjacent(text, te, start, gap=4)
            ):
                used.add(i)
                start, end = min(start, ts), max(end, te)
                tod = expr.time_of_day or t
        result.append(
            DateExpression(start, end, text[start:end], expr.kind, expr.value, expr.precision, tod)
        )
    for i, (ts, te, t) in enumerate(tods):
        if i not in used:
            result.append(DateExpression(ts, te, text[ts:te], "time", None, None, t))
    result.sort(key=lambda e: e.start)
    return result


_GLUE = re.compile(
    r"^[\s,]*(?:à|a|au|en|dans|le|la|l'|l’|at|in|the|on|في|,)?[\s,]*(?:la|le|l'|l’|the)?[\s,]*$",
    re.IGNORECASE,
)


def _adjacent(text: str, end: int, start: int, *, gap: int = 4) -> bool:
    if start < end or start - end > gap:
        return False
    return bool(_GLUE.match(text[end:start]))


#: English auxiliaries of the future ("will resign on Wednesday").
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
#: Words before an Arabic weekday within which a future verb or «سوف» governs it.
_AR_FUTURE_REACH = 4


def forward_if_future(
    expr: DateExpression, toks: Sequence[Tok], published: date | None
) -> DateExpression:
    """A weekday a future verb governs names the next such day, not the last one: "will
    resign on Wednesday", «démissionnera mercredi», «سيستقيل الأربعاء». Weekdays resolve
    backward from the publication date by default (news tells what happened)."""
    if expr.kind != "weekday" or expr.value is None or published is None or not toks:
        return expr
    at = next((t.i for t in toks if t.start <= expr.start < t.end), None)
    if at is None or not _future_governs(at, toks):
        return expr
    # Strictly after: the day itself would say "today" or "later on Wednesday".
    ahead = published + timedelta(days=(expr.value.weekday() - published.weekday() - 1) % 7 + 1)
    return replace(expr, value=ahead)


def _future_governs(at: int, toks: Sequence[Tok]) -> bool:
    if not any(t.dep for t in toks):  # unparsed (Arabic): a future verb or «سوف» before
        lo = max(0, at - _AR_FUTURE_REACH)
        return any(
            norm == "سوف"
            or (
                arabic.is_future_verb(norm)
                # «قرية سيتنغا يوم الأحد»: after a preposition or a noun of place, a
                # word is a noun (a name), however its letters read
                and not (k > 0 and arabic.governs_a_noun(arabic.normalize(toks[k - 1].text)))
            )
            for k in range(lo, at)
            if (norm := arabic.normalize(toks[k].text))
        )
    chain = [at]
    while len(chain) < 4 and toks[chain[-1]].head != chain[-1]:
        chain.append(toks[chain[-1]].head)
    for k in chain[1:]:
        verb = toks[k]
        if verb.pos not in ("VERB", "AUX"):
            continue
        if "Tense=Fut" in verb.morph:
            return True
        return any(
            t.head == k and t.dep.startswith("aux") and t.text.lower() in _FUTURE_AUXILIARIES
            for t in toks
        )
    return False
