"""A dispatch's dateline: the place, in capitals or (in Arabic) before a dash, that opens
a dispatch or a line of it and says where it was filed ("BAMAKO (AFP) -", "KYIV, June 3
-", «دمشق (رويترز) -»). The place component reads it (a dateline is a city, never a
country) and extraction reads it (it places an event only where nothing else does)."""

from __future__ import annotations

import re

from veille.geo._normalize import is_arabic

#: What follows a dateline's place: perhaps its country in brackets, a country and a
#: date ("KANO, Nigeria, March 11", «KIDAL (Mali), 5 juin»), the agency in brackets
#: (any name: the regional ones are as many as the wires), a dash or a colon
#: ("QUETTA: The ...", as South Asian papers write it).
DATELINE_AFTER = re.compile(
    r"(?: \([^)\n]{1,30}\))?(?:,[ \w.]{2,24}){0,2}(?: \([^)\n]{1,30}\))? ?(?:—|–|--?|:) "
)

#: What follows an Arabic dateline's place: perhaps a date after a comma («حلب، 3 مايو
#: أيار 2021», «9 أيلول/سبتمبر», the two names of the month joined by a slash), the
#: agency, then a dash.
AR_DATELINE_AFTER = re.compile(
    r"(?:[ \t]*[،,][ \t]*[\w./ ]{2,30}){0,2}[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[-–—][ \t]"
)


def is_dateline(text: str, start: int, end: int) -> bool:
    """ "BAMAKO (AFP) -", "KYIV, June 3 -": the name in capitals opening a dispatch (or a
    line of it), which says where it was filed, not where what it tells happened."""
    line_start = text.rfind("\n", 0, start) + 1
    raw = text[start:end]
    if text[line_start:start].strip():
        return False
    if is_arabic(raw):
        # «بيروت - », «دمشق (رويترز) -»: Arabic has no capitals; the dash tells it.
        return AR_DATELINE_AFTER.match(text, end) is not None
    return raw.isupper() and len(raw) > 3 and DATELINE_AFTER.match(text, end) is not None
