"""Languages: identification (``identify``) and each language's words (``resources``).

As in spaCy, a language is a folder: ``veille/lang/<code>/`` holds that language's data
files (trigger lexicon, place words, date words, closed-class words), read and validated
by ``veille.lang.resources(code)`` (``veille.lang.loader``); see ``veille/lang/README.md``.
Code stays in Python modules, words stay in the folder.

``veille.lang`` re-exports language identification and script segmentation
(``veille.lang.identify``), so ``from veille.lang import detect_language`` keeps working.
"""

from __future__ import annotations

from veille.lang.identify import (
    LABEL_ALIASES,
    MAX_SCORED_CHARS,
    MIN_CONFIDENCE,
    MIN_LETTERS,
    LanguageIdentifier,
    Script,
    ScriptSegment,
    char_script,
    detect_language,
    script_of,
    script_segments,
)
from veille.lang.loader import (
    LangRoots,
    LanguageResources,
    common_places,
    event_languages,
    language_info,
    languages,
    resources,
)
from veille.lang.records import (
    ClosedClass,
    DateWords,
    DirectionAfter,
    DirectionPhrase,
    LanguageInfo,
    PlaceWords,
)

__all__ = [
    "LABEL_ALIASES",
    "MAX_SCORED_CHARS",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "ClosedClass",
    "DateWords",
    "DirectionAfter",
    "DirectionPhrase",
    "LangRoots",
    "LanguageIdentifier",
    "LanguageInfo",
    "LanguageResources",
    "PlaceWords",
    "Script",
    "ScriptSegment",
    "char_script",
    "common_places",
    "detect_language",
    "event_languages",
    "language_info",
    "languages",
    "resources",
    "script_of",
    "script_segments",
]
