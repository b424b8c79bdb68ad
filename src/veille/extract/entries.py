"""A live blog's entries, read as news of the hour each was posted.

A live blog ("09:40 | ...", "08.10 BST - ...", «14h05 – ...»; ``layout.entry_labels``)
tells the day's news entry by entry, and its first entry is often a summary of the day
before. What an entry leaves undated is news of the day it was posted when the entry
tells it so: a part of the day and no day ("since dawn"), a mark of breaking news
(closed class ``breaking_marks``), or a place other than that of the story told before
it. An entry that goes on with the story at its place (its toll, a reaction) takes the
story's day, as ``veille.extract.story`` gives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from veille.extract.candidate import Candidate, dated_as, same_source
from veille.extract.layout import Layout
from veille.extract.lexicon import fold
from veille.lang.loader import closed_words
from veille.model import Span


def posted_news(c: Candidate, label: Span, before: Sequence[Candidate]) -> bool:
    """Whether the entry (time label at ``label``) tells ``c``, no anaphor, as news of
    the hour it was posted (``before``: the story's candidates before it)."""
    return not c.anaphoric and (_told_as_posted(c, label) or not _same_place_before(c, before))


def _told_as_posted(c: Candidate, label: Span) -> bool:
    """A live blog's entry tells ``c`` as news of the hour it was posted: its sentence
    names a part of the day and no day ("09:40 | Clashes since dawn in ...", «منذ ساعات
    الصباح»), or the entry opens on a mark of breaking news ("12:50 | BREAKING: ...",
    «عاجل»). Other entries may go on with the story told before (its toll, a reaction,
    "gunmen also torched a school"), and take its day."""
    if any(d.value is None and d.time_of_day is not None for d in c.sentence.dates):
        return True
    marks = closed_words("breaking_marks")
    words = [
        fold(t.text)
        for t in c.sentence.tokens
        if t.start >= label[1] and any(ch.isalnum() for ch in t.text)
    ][:_MARK_WORDS]
    return any(" ".join(words[:n]) in marks for n in range(1, len(words) + 1))


def _same_place_before(c: Candidate, before: Sequence[Candidate]) -> bool:
    """The nearest dated candidate before ``c`` of its source is at ``c``'s place: an
    entry that goes on with the story told there ("10:45 | The mayor denounced the
    attack on X")."""
    s = next((s for s in reversed(before) if s.event_date is not None and same_source(s, c)), None)
    return (
        s is not None
        and s.place is not None
        and c.place is not None
        and s.place.place_id == c.place.place_id
    )


#: Most words of a mark of breaking news ("just in", «dernière minute»).
_MARK_WORDS = 2


def with_entry_date(
    c: Candidate, before: Sequence[Candidate], layout: Layout, label: Span
) -> Candidate:
    """A live blog's entry told as news of the hour it was posted (``posted_news``)
    happened on the day of the post, unless an earlier sentence of the same entry dated
    it: the entry before ("08:05 | Summary of yesterday: ...") does not. The date points
    at the entry's time label."""
    own = [
        s
        for s in before
        if s.event_date is not None
        and same_source(s, c)
        and layout.same_entry(c.sentence.start, s.sentence.start)
    ]
    if own:
        s = own[-1]
        return dated_as(c, s)
    if c.sentence.published is None:
        return c
    return replace(
        c,
        event_date=c.sentence.published,
        date_precision="day",
        date_span=label,
        date_from_post=False,
    )
