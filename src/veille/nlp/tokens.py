"""A sentence's tokens as every stage after the parser reads them, and their matching
key (``fold``). The sentence splitter, the analysis and extraction share this one
record; it lives here so that no stage before extraction imports ``extract``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from veille.lang.normalise import MATCH


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Matching key: lower-cased, Latin accents stripped, Arabic normalised.

    Arabic is normalised as by ``veille.nlp.arabic.normalize`` (diacritics, tatweel,
    alef forms, ى), so a lexicon pattern and a text token always meet in the same form:
    both are ``veille.lang.normalise``'s ``MATCH`` configuration.
    """
    return MATCH.word(text)


@dataclass(slots=True)
class Tok:
    """One token of a sentence, with its absolute character offsets in the article."""

    i: int  # index within the sentence
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # index within the sentence (self for the root)
    start: int
    end: int
    morph: str = ""
    keys: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.keys:
            self.keys = frozenset({fold(self.text), fold(self.lemma)})
