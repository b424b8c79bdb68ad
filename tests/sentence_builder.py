"""Builds an analysed sentence by hand (tokens, parse, actors, places, dates), so the
extraction readers can be tested without a spaCy model. Sentences are invented."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from veille.extract.candidate import ActorRef, PlaceRef, SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok
from veille.model import DatePrecision, TimeOfDay
from veille.nlp.dates import DateExpression


@dataclass(frozen=True)
class W:
    """One word: its part of speech, dependency and head (None: the word itself)."""

    text: str
    pos: str = "X"
    dep: str = ""
    head: int | None = None
    lemma: str | None = None
    morph: str = ""


@dataclass(frozen=True)
class Who:
    """What the actor resolver would give: a name and a kind."""

    name: str
    kind: str = "rebel_group"


def tokens(words: Sequence[W | str], offset: int = 0) -> list[Tok]:
    out: list[Tok] = []
    pos = offset
    for i, w in enumerate(words):
        word = W(w) if isinstance(w, str) else w
        head = i if word.head is None else word.head
        lemma = word.text.lower() if word.lemma is None else word.lemma
        out.append(
            Tok(
                i, word.text, lemma, word.pos, word.dep, head, pos, pos + len(word.text), word.morph
            )
        )
        pos += len(word.text) + 1
    return out


def actor(toks: list[Tok], first: int, last: int, actor_id: str, kind: str = "") -> ActorRef:
    """An actor over words ``first``..``last``."""
    who = Who(actor_id.title(), kind or "rebel_group")
    return ActorRef(toks[first].start, toks[last].end, actor_id, False, who)


def place(
    toks: list[Tok],
    i: int,
    *,
    iso3: str = "XXX",
    admin1: str | None = None,
    feature: str = "city",
    precision: int = 1,
    demonym: bool = False,
) -> PlaceRef:
    """A place named by word ``i``."""
    t = toks[i]
    return PlaceRef(
        t.start,
        t.end,
        t.text,
        None,
        iso3,
        admin1,
        feature,
        precision,
        None,
        None,
        f"{iso3}:{t.text}",
        demonym,
    )


def when(
    toks: list[Tok],
    i: int,
    value: date | None,
    precision: DatePrecision | None = "day",
    time_of_day: TimeOfDay | None = None,
) -> DateExpression:
    """A date expression over word ``i``."""
    t = toks[i]
    return DateExpression(t.start, t.end, t.text, "weekday", value, precision, time_of_day)


def sentence(
    toks: list[Tok],
    *,
    language: str = "en",
    actors: Sequence[ActorRef] = (),
    places: Sequence[PlaceRef] = (),
    dates: Sequence[DateExpression] = (),
    source_kind: str = "article",
    published: date | None = None,
) -> SentenceInput:
    text = " ".join(t.text for t in toks)
    start = toks[0].start if toks else 0
    return SentenceInput(
        tokens=toks,
        start=start,
        end=start + len(text),
        text=text,
        language=language,
        source_id="s",
        source_kind=source_kind,
        published=published,
        dates=list(dates),
        actors=list(actors),
        places=list(places),
        framing=[],
    )


def trigger(lex: Lexicon, toks: list[Tok], i: int) -> Match:
    """The lexicon's trigger match starting at word ``i`` (the longest)."""
    found = [m for m in lex.triggers.find(toks) if m.start == i]
    assert found, f"no trigger at {toks[i].text!r}"
    return max(found, key=lambda m: m.end)
