"""Language identification (offline, py3langid) and script segmentation.

``LanguageIdentifier`` loads py3langid's model on first use and keeps it in the
instance: build one and reuse it (a load takes about half a second). Languages are
returned as ISO 639-1 codes; Arabic dialect labels (``ary``, ``arz``) count as ``ar``.
Text that is too short or undecidable gives ``None``, never a guess.

``script_of`` and ``script_segments`` tell Arabic-script passages from Latin ones,
e.g. an Arabic post embedded in a French article.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier as LangidModel

Script = Literal["arabic", "latin", "other"]

#: Labels of the model folded into an ISO 639-1 code (Arabic dialects -> "ar").
LABEL_ALIASES: Final = MappingProxyType({"ary": "ar", "arz": "ar"})
#: Fewer letters than this and ``detect`` answers None.
MIN_LETTERS: Final = 12
#: The best language must have at least this probability (after folding).
MIN_CONFIDENCE: Final = 0.5
#: Only this many characters are scored: enough for a stable answer, cheap on long text.
MAX_SCORED_CHARS: Final = 4000

_ARABIC_RANGES: Final = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10E60, 0x10E7F),
    (0x1EE00, 0x1EEFF),
)


class LanguageIdentifier:
    """py3langid restricted to ISO 639-1 languages, with the model cached per instance.

    ``languages`` restricts the answer (e.g. ``("fr", "en", "ar")``); by default every
    ISO 639-1 language the model knows. A code the model does not know raises
    ``ValueError`` on first use, or is left out with ``skip_unknown`` (a language a user
    added that the model cannot tell: articles in it must say their language); with
    none left, nothing is identified. Not thread-safe while the model first loads.
    """

    def __init__(
        self,
        languages: Iterable[str] | None = None,
        *,
        min_letters: int = MIN_LETTERS,
        min_confidence: float = MIN_CONFIDENCE,
        skip_unknown: bool = False,
    ) -> None:
        self._wanted = frozenset(code.lower() for code in languages) if languages else None
        self._skip_unknown = skip_unknown
        self._none_left = False
        self.min_letters = min_letters
        self.min_confidence = min_confidence
        self._model: LangidModel | None = None

    @property
    def languages(self) -> frozenset[str]:
        """The ISO 639-1 codes this identifier can answer."""
        model = self._load()
        if self._none_left:
            return frozenset()
        return frozenset(LABEL_ALIASES.get(label, label) for label in model.nb_classes)

    def detect(self, text: str) -> str | None:
        """The language of ``text`` as an ISO 639-1 code, or None when undecidable.

        In mixed-script text, the language of the passages in the majority script.
        """
        ranked = self.rank(text)
        if not ranked:
            return None
        code, probability = ranked[0]
        return code if probability >= self.min_confidence else None

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Languages with their probabilities, best first; empty for too-short text."""
        sample = _majority_script_text(text[:MAX_SCORED_CHARS])
        if sum(1 for char in sample if char.isalpha()) < self.min_letters:
            return []
        model = self._load()
        if self._none_left:  # every wanted code was unknown to the model
            return []
        totals: dict[str, float] = {}
        for label, probability in model.rank(sample):
            code = LABEL_ALIASES.get(label, label)
            totals[code] = totals.get(code, 0.0) + float(probability)
        return sorted(totals.items(), key=lambda item: item[1], reverse=True)

    def _load(self) -> LangidModel:
        if self._model is None:
            from py3langid.langid import MODEL_FILE
            from py3langid.langid import LanguageIdentifier as Model

            model = Model.from_model_file(MODEL_FILE, norm_probs=True)
            labels = set(model.nb_classes)
            keep = {
                label
                for label in labels
                if (len(label) == 2 or label in LABEL_ALIASES)
                and (self._wanted is None or LABEL_ALIASES.get(label, label) in self._wanted)
            }
            unknown = (self._wanted or frozenset()) - {LABEL_ALIASES.get(x, x) for x in keep}
            if unknown and not self._skip_unknown:
                raise ValueError(f"unknown language code(s) for the identifier: {sorted(unknown)}")
            if keep:
                model.set_languages(sorted(keep))
            self._model = model
            self._none_left = not keep
        return self._model


def _majority_script_text(text: str) -> str:
    """Only the passages in the script most letters are in, when scripts are mixed.

    py3langid scores UTF-8 bytes, so two-byte Arabic letters outweigh Latin ones: a
    French article quoting an Arabic post would come out Arabic. Scoring only the
    majority script's passages answers for the language most of the text is in.
    """
    segments = script_segments(text)
    if len({segment.script for segment in segments}) < 2:
        return text
    letters: dict[Script, int] = {}
    for segment in segments:
        count = sum(1 for char in text[segment.start : segment.end] if char.isalpha())
        letters[segment.script] = letters.get(segment.script, 0) + count
    majority = max(letters.items(), key=lambda item: item[1])[0]
    return " ".join(text[s.start : s.end] for s in segments if s.script == majority)


def detect_language(text: str, identifier: LanguageIdentifier | None = None) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when too short or undecidable.

    Without ``identifier`` a new one (and its model) is built for this call: to
    identify many texts, build one ``LanguageIdentifier`` and pass it, or call its
    ``detect``.
    """
    return (identifier or LanguageIdentifier()).detect(text)


@dataclass(frozen=True, slots=True)
class ScriptSegment:
    """A run of ``text[start:end]`` whose letters are all in one script."""

    start: int
    end: int
    script: Script


def char_script(char: str) -> Script | None:
    """The script of one letter; None for anything that is not a letter."""
    if not char.isalpha():
        return None
    code = ord(char)
    for low, high in _ARABIC_RANGES:
        if low <= code <= high:
            return "arabic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF or 0xFF21 <= code <= 0xFF5A:
        return "latin"
    if unicodedata.name(char, "").startswith("LATIN"):
        return "latin"
    return "other"


def script_of(text: str) -> Script | None:
    """The script most of ``text``'s letters are written in; None without letters."""
    counts: dict[Script, int] = {}
    for char in text:
        script = char_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    return max(counts.items(), key=lambda item: item[1])[0]


def script_segments(text: str) -> list[ScriptSegment]:
    """Maximal runs of one script, from a run's first letter to its last.

    Spaces, digits and punctuation between letters of one script belong to the run;
    between two scripts they belong to neither. Offsets are code points into ``text``.
    """
    segments: list[ScriptSegment] = []
    start = end = 0
    current: Script | None = None
    for index, char in enumerate(text):
        script = char_script(char)
        if script is None:
            continue
        if script != current:
            if current is not None:
                segments.append(ScriptSegment(start, end, current))
            current, start = script, index
        end = index + 1
    if current is not None:
        segments.append(ScriptSegment(start, end, current))
    return segments
