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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from veille.model import EARLIEST_DATE, LATEST_DATE, DatePrecision, Span, TimeOfDay

# ---------------------------------------------------------------------------
# Word tables per language.

_WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {
        "lundi": 0,
        "mardi": 1,
        "mercredi": 2,
        "jeudi": 3,
        "vendredi": 4,
        "samedi": 5,
        "dimanche": 6,
    },
    "en": {
        "monday": 0,
        "tuesday": 1,
        "wednesday": 2,
        "thursday": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
    },
    "ar": {
        "الاثنين": 0,
        "الإثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الاربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
        "الاحد": 6,
    },
}

_MONTHS: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1,
        "février": 2,
        "fevrier": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "août": 8,
        "aout": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "décembre": 12,
        "decembre": 12,
    },
    "en": {
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
    "ar": {
        "يناير": 1,
        "كانون الثاني": 1,
        "فبراير": 2,
        "شباط": 2,
        "مارس": 3,
        "آذار": 3,
        "اذار": 3,
        "أبريل": 4,
        "ابريل": 4,
        "نيسان": 4,
        "مايو": 5,
        "أيار": 5,
        "ايار": 5,
        "يونيو": 6,
        "حزيران": 6,
        "يوليو": 7,
        "تموز": 7,
        "أغسطس": 8,
        "اغسطس": 8,
        "آب": 8,
        "سبتمبر": 9,
        "أيلول": 9,
        "ايلول": 9,
        "أكتوبر": 10,
        "اكتوبر": 10,
        "تشرين الأول": 10,
        "تشرين الاول": 10,
        "نوفمبر": 11,
        "تشرين الثاني": 11,
        "ديسمبر": 12,
        "كانون الأول": 12,
        "كانون الاول": 12,
    },
}

# Relative day words -> offset in days from the publication date.
_RELATIVE: dict[str, dict[str, int]] = {
    "fr": {
        "aujourd'hui": 0,
        "aujourd’hui": 0,
        "ce matin": 0,
        "cet après-midi": 0,
        "ce soir": 0,
        "cette nuit": 0,
        "hier": -1,
        "avant-hier": -2,
    },
    "en": {"today": 0, "this morning": 0, "tonight": 0, "yesterday": -1},
    "ar": {"اليوم": 0, "أمس": -1, "امس": -1, "البارحة": -1, "أول أمس": -2, "أول من أمس": -2},
}

# Anchor-relative words: offset from the narrative anchor, not from publication.
# A part of the day before or after ("the previous afternoon", «la nuit précédente»)
# is the day before or after too; its time of day is read by the time-of-day pattern.
_ANCHORED: dict[str, dict[str, int]] = {
    "fr": {
        "la veille": -1,
        "le lendemain": 1,
        "le même jour": 0,
        "le jour même": 0,
        "la nuit précédente": -1,
        "la soirée précédente": -1,
        "la matinée précédente": -1,
    },
    "en": {
        "the day before": -1,
        "the previous day": -1,
        "the next day": 1,
        "the same day": 0,
        "the previous morning": -1,
        "the previous afternoon": -1,
        "the previous evening": -1,
        "the previous night": -1,
        "the night before": -1,
        "the evening before": -1,
        "the following morning": 1,
        "the next morning": 1,
    },
    "ar": {
        "في اليوم السابق": -1,
        "في اليوم التالي": 1,
        "في اليوم نفسه": 0,
        "الليلة السابقة": -1,
        "مساء اليوم السابق": -1,
        "صباح اليوم التالي": 1,
    },
}

_TIME_OF_DAY: dict[str, dict[str, TimeOfDay]] = {
    "fr": {
        "à l'aube": "dawn",
        "à l’aube": "dawn",
        "aube": "dawn",
        "au petit matin": "dawn",
        "au lever du jour": "dawn",
        "matin": "morning",
        "matinée": "morning",
        "midi": "afternoon",
        "après-midi": "afternoon",
        "soir": "evening",
        "soirée": "evening",
        "nuit": "night",
    },
    "en": {
        "at dawn": "dawn",
        "dawn": "dawn",
        "morning": "morning",
        "afternoon": "afternoon",
        "evening": "evening",
        "night": "night",
        "overnight": "night",
    },
    "ar": {
        "فجر": "dawn",
        "الفجر": "dawn",
        "صباح": "morning",
        "ظهر": "afternoon",
        "بعد ظهر": "afternoon",
        "عصر": "afternoon",
        "مساء": "evening",
        "ليل": "night",
        "ليلة": "night",
    },
}

# "dans la nuit de samedi à dimanche": one night across two days, dated on the second
# (the night belongs to the morning it ends in; the first day stays in the text span).
_OVERNIGHT: dict[str, str] = {
    "fr": r"(?:dans\s+)?la\s+nuit\s+d[eu]\s+(?:{wd})\s+(?:à|au)\s+(?P<second>{wd})",
    "en": (
        r"(?:on\s+|during\s+)?the\s+night\s+(?:of|from)\s+(?:{wd})\s+"
        r"(?:to|into)\s+(?P<second>{wd})"
    ),
}

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
    tod: re.Pattern[str]
    numeric: re.Pattern[str]
    overnight: re.Pattern[str] | None
    ordinal: re.Pattern[str] | None


@lru_cache(maxsize=8)
def _patterns(language: str) -> _Patterns:
    lang = language if language in _WEEKDAYS else "en"
    wd = _alt(_WEEKDAYS[lang])
    mo = _alt(_MONTHS[lang])
    # Latin scripts need word boundaries; Arabic words carry clitics (بـ، و، ل) we allow.
    b0, b1 = (r"(?<![\w])", r"(?![\w])") if lang != "ar" else (r"(?<![^\s\W])", r"(?![^\s\W])")
    if lang == "ar":
        b0 = r"(?:(?<=\s)|(?<=^)|(?<=[وفبل]))"
        b1 = r"(?=[\s\.,،؛:!؟)\]»\"]|$)"
    if lang == "en":
        explicit = (
            rf"{b0}(?:(?:{wd}),?\s+)?(?:(?:{mo})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{mo})(?:,?\s+\d{{4}})?){b1}"
        )
    elif lang == "ar":
        # Arab press writes the Levantine month name after the Gregorian one:
        # "14 فبراير (شباط) 2005"; the year comes after the parenthesis.
        alt = _AR_ALT_MONTH.format(mo=mo)
        explicit = rf"(?:(?:{wd})\s+)?\d{{1,2}}\s+(?:{mo}){alt}(?:\s+\d{{4}})?"
    else:
        explicit = rf"{b0}(?:(?:{wd})\s+)?(?:le\s+)?(?:1er|\d{{1,2}})\s+(?:{mo})(?:\s+\d{{4}})?{b1}"
    tod = _alt(_TIME_OF_DAY[lang])
    return _Patterns(
        explicit=re.compile(explicit, re.IGNORECASE),
        weekday=re.compile(rf"{b0}(?:{wd}){b1}", re.IGNORECASE),
        relative=re.compile(rf"{b0}(?:{_alt(_RELATIVE[lang])}){b1}", re.IGNORECASE),
        anchored=re.compile(rf"{b0}(?:{_alt(_ANCHORED[lang])}){b1}", re.IGNORECASE),
        month=re.compile(
            rf"{b0}(?:en|in|في|شهر|au mois de|during)\s+(?:{mo})"
            rf"{_AR_ALT_MONTH.format(mo=mo) if lang == 'ar' else ''}(?:\s+\d{{4}})?{b1}",
            re.IGNORECASE,
        ),
        year=re.compile(rf"{b0}(?:{_YEAR_CUES[lang]})\s+(1[89]\d\d|20\d\d){b1}", re.IGNORECASE),
        tod=re.compile(rf"{b0}(?:{tod}){b1}", re.IGNORECASE),
        numeric=re.compile(
            r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)|(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"
        ),
        overnight=(
            re.compile(_OVERNIGHT[lang].format(wd=wd), re.IGNORECASE)
            if lang in _OVERNIGHT
            else None
        ),
        ordinal=(
            re.compile(
                rf"{b0}(?P<ord>{_alt(_ar_ordinal_days())})\s+من\s+(?:شهر\s+)?(?P<mo>{mo})"
                rf"{_AR_ALT_MONTH.format(mo=mo)}(?:\s+(?P<year>\d{{4}}))?{b1}"
            )
            if lang == "ar"
            else None
        ),
    )


# Arabic days told as ordinals: "في الأول من أكتوبر", "الحادي والعشرين من مارس 2023".
_AR_UNITS = (
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
)
_AR_TENS = {2: "العشرين", 3: "الثلاثين"}


@lru_cache(maxsize=1)
def _ar_ordinal_days() -> Mapping[str, int]:
    days = {u: i + 1 for i, u in enumerate(_AR_UNITS)}
    days.update({"الاول": 1, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12})
    for i, u in enumerate(_AR_UNITS[2:], start=3):
        days[f"{u} عشر"] = 10 + i
    for tens, word in _AR_TENS.items():
        days[word] = tens * 10
        for i, u in enumerate(("الحادي", *_AR_UNITS[1:]), start=1):
            if tens * 10 + i <= 31:
                days[f"{u} و{word}"] = tens * 10 + i
    return MappingProxyType(days)


# "فبراير (شباط)": the Levantine name of the same month, in brackets.
_AR_ALT_MONTH = r"(?:\s*\((?:{mo})\))?"
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")

# A year named alone ("en 2014", "in 1995", "عام 1983"): year precision.
_YEAR_CUES: dict[str, str] = {
    "fr": r"en|l'année|l’année",
    "en": r"in",
    "ar": r"عام|العام|سنة|السنة|في",
}


def _lookup(table: dict[str, int], phrase: str) -> int | None:
    key = phrase.lower().strip()
    if key in table:
        return table[key]
    for k, v in table.items():
        if k.lower() == key:
            return v
    return None


def _weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _explicit_to_date(phrase: str, language: str, ref: date | None) -> date | None:
    """Normalise an explicit calendar phrase with dateparser, defaulting the year sensibly."""
    import dateparser

    lang = language if language in ("fr", "en", "ar") else "en"
    cleaned = re.sub(r"^(le|the)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    cleaned = _PARENTHESIS.sub("", cleaned)
    cleaned = re.sub(r"\b1er\b", "1", cleaned)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    # A weekday before an explicit date is redundant and confuses the parser.
    wd_pat = _alt(_WEEKDAYS[lang])
    cleaned = re.sub(rf"^(?:{wd_pat}),?\s+", "", cleaned, flags=re.IGNORECASE)
    direct = _day_month_year(cleaned, lang, ref)
    if direct is not None:
        return direct
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if ref is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day, 23, 59)
    parsed = dateparser.parse(cleaned, languages=[lang], settings=settings)
    if parsed is None:
        return None
    result: date = parsed.date()
    return result


_DAY_MONTH = re.compile(
    r"^(\d{1,2})\s+(\D+?)(?:\s+(\d{4}))?$|^(\D+?)\.?\s+(\d{1,2}),?(?:\s+(\d{4}))?$"
)


def _day_month_year(cleaned: str, lang: str, ref: date | None) -> date | None:
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
    month = _lookup(_MONTHS[lang], month_s.strip())
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
    text: str, language: str, *, published: date | None, anchor: date | None = None
) -> list[DateExpression]:
    """Every date phrase in ``text`` with its resolved value (``None`` if unresolvable).

    ``anchor`` is the narrative reference for "la veille"-type words; it defaults to
    ``published``. Overlapping phrases are merged so that "samedi soir" or
    "mardi 12 mars au matin" come out as one expression. A value outside
    ``plausible_window(published)`` ("0001-01-01", "9999-12-31") is None; a ``published``
    or ``anchor`` outside 1900-2100 counts as unknown.
    """
    published = published if published is not None and _plausible(published) else None
    anchor = anchor if anchor is not None and _plausible(anchor) else None
    earliest, latest = plausible_window(published)
    return [
        e if e.value is None or earliest <= e.value <= latest else replace(e, value=None)
        for e in _find_unbounded(text, language, published=published, anchor=anchor)
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
    text: str, language: str, *, published: date | None, anchor: date | None
) -> list[DateExpression]:
    """``find_date_expressions`` before its values are bounded; ``published`` and
    ``anchor`` lie within the plausible window, so no shift below overflows."""
    lang = language if language in _WEEKDAYS else "en"
    pats = _patterns(lang)
    ref_anchor = anchor or published
    found: list[DateExpression] = []

    def add(
        m: re.Match[str], kind: ExpressionKind, value: date | None, prec: DatePrecision | None
    ) -> None:
        found.append(DateExpression(m.start(), m.end(), m.group(0), kind, value, prec, None))

    for m in pats.explicit.finditer(text):
        add(m, "explicit", _explicit_to_date(m.group(0), lang, published), "day")
    value: date | None
    for m in pats.numeric.finditer(text):
        try:
            if m.group(1):
                value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            else:
                value = date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        except ValueError:
            continue
        add(m, "explicit", value, "day")
    if pats.ordinal is not None:
        for m in pats.ordinal.finditer(text):
            nth = _ar_ordinal_days()[m.group("ord")]
            in_year = f" {m.group('year')}" if m.group("year") else ""
            add(
                m,
                "explicit",
                _day_month_year(f"{nth} {m.group('mo')}{in_year}", lang, published),
                "day",
            )
    if pats.overnight is not None:
        for m in pats.overnight.finditer(text):
            wd = _lookup(_WEEKDAYS[lang], m.group("second"))
            value = _weekday_on_or_before(published, wd) if published and wd is not None else None
            found.append(
                DateExpression(m.start(), m.end(), m.group(0), "overnight", value, "day", "night")
            )
    for m in pats.anchored.finditer(text):
        offset = _lookup(_ANCHORED[lang], m.group(0))
        value = ref_anchor + timedelta(days=offset) if ref_anchor and offset is not None else None
        add(m, "anchored", value, "day")
    for m in pats.relative.finditer(text):
        offset = _lookup(_RELATIVE[lang], m.group(0))
        value = published + timedelta(days=offset) if published and offset is not None else None
        add(m, "relative", value, "day")
    for m in pats.weekday.finditer(text):
        wd = _lookup(_WEEKDAYS[lang], m.group(0))
        value = _weekday_on_or_before(published, wd) if published and wd is not None else None
        add(m, "weekday", value, "day")
    for m in pats.month.finditer(text):
        add(
            m,
            "month",
            _explicit_to_date("1 " + m.group(0).split(maxsplit=1)[-1], lang, published),
            "month",
        )
    for m in pats.year.finditer(text):
        year = int(m.group(1))
        if published is None or year <= published.year:
            add(m, "year", date(year, 1, 1), "year")
    tods: list[tuple[int, int, TimeOfDay]] = []
    for m in pats.tod.finditer(text):
        tod = _TIME_OF_DAY[lang].get(m.group(0).lower()) or _TIME_OF_DAY[lang].get(m.group(0))
        if tod is not None:
            tods.append((m.start(), m.end(), tod))
    return _combine(text, found, tods, lang, ref_anchor)


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
    lang: str,
    anchor: date | None,
) -> list[DateExpression]:
    """Merge overlapping/adjacent pieces into single expressions."""
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    merged: list[DateExpression] = []
    for expr in found:
        if merged and expr.start < merged[-1].end:
            prev = merged[-1]
            keep = prev if _PRIORITY[prev.kind] >= _PRIORITY[expr.kind] else expr
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
                wd = _lookup(_WEEKDAYS[lang], expr.text)
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
