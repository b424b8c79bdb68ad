"""Each language's words, read from its folder ``veille/lang/<code>/`` (as in spaCy).

A language folder holds one JSON file per kind of word (``veille/lang/README.md``):

* ``triggers.json``: the event lexicon (read by ``veille.extract.lexicon.Lexicon``);
* ``places.json``: words around place names (``PlaceWords``), read by the geocoder;
* ``dates.json``: weekdays, months, relative and anchored days, times of day
  (``DateWords``), read by ``veille.nlp.dates``;
* ``closed_class.json`` (optional): closed-class words the event filters test
  (``ClosedClass``; Arabic, read by ``veille.nlp.arabic``);
* ``language.json``: how the pipeline parses the language (``LanguageInfo``: a spaCy
  package, or a blank pipeline with a sentencizer). A folder with ``language.json`` and
  ``triggers.json`` is a language the pipeline reads (``event_languages``).

``resources(code)`` reads and validates a folder once per process and returns frozen
records (``veille.lang.records``); an unknown key, a value of the wrong type or a
missing file raises ``InputError`` naming the file, the key and the fix. Python keeps
the code (regex shapes, the matching logic); the folder keeps the words, so adding a
language is adding a folder. ``root`` points the loader at another folder of language
folders (tests, a user's own language), or is a ``LangRoots``: a user's folders
searched before the shipped ones (the config's ``[lang] roots``).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal, TypeAlias, TypeVar

from pydantic import TypeAdapter, ValidationError

from veille.errors import InputError
from veille.lang.records import ClosedClass, DateWords, LanguageInfo, PlaceWords

PLACES_FILE = "places.json"
DATES_FILE = "dates.json"
CLOSED_CLASS_FILE = "closed_class.json"
TRIGGERS_FILE = "triggers.json"
LANGUAGE_FILE = "language.json"


@dataclass(frozen=True, slots=True)
class LanguageResources:
    """Everything ``veille/lang/<code>/`` holds, validated."""

    code: str
    places: PlaceWords
    dates: DateWords
    closed_class: ClosedClass | None
    #: The event lexicon file (``veille.extract.lexicon.LexiconData``), if the folder has one.
    triggers: Traversable | None


_T = TypeVar("_T")


def shipped_root() -> Traversable:
    """The folder of the shipped language folders (``veille/lang``)."""
    return importlib_resources.files("veille.lang")


@dataclass(frozen=True)
class LangRoots:
    """Where language folders are looked for: each of ``extra`` (folders of language
    folders, in order), then the shipped ``veille/lang`` unless ``shipped`` is False.
    The first root with a folder ``<code>/`` holds language ``<code>`` as a whole: a
    user's folder adds a language or replaces a shipped one."""

    extra: tuple[Path, ...] = ()
    shipped: bool = True

    def bases(self) -> tuple[tuple[Traversable, str], ...]:
        """Each root with the name error messages give it, first searched first."""
        mine: tuple[tuple[Traversable, str], ...] = tuple((r, str(r)) for r in self.extra)
        return (*mine, (shipped_root(), "veille/lang")) if self.shipped else mine

    def base_of(self, code: str) -> tuple[Traversable, str] | None:
        """The root that holds folder ``code`` (None: none does)."""
        return next(((b, n) for b, n in self.bases() if b.joinpath(code).is_dir()), None)

    def user_folder(self, code: str) -> Path | None:
        """Folder ``code`` when one of ``extra`` holds it (None: shipped, or none)."""
        return next((r / code for r in self.extra if (r / code).is_dir()), None)


#: Where the loader reads: None (the shipped folders), one folder of language folders
#: instead of them (tests, tools), or ``LangRoots`` (a user's folders, then the shipped).
Root: TypeAlias = Path | LangRoots | None


def lang_roots(root: Root) -> LangRoots:
    """``root`` as a ``LangRoots``."""
    if root is None:
        return LangRoots()
    if isinstance(root, LangRoots):
        return root
    return LangRoots(extra=(root,), shipped=False)


#: The folder of words shared by every language (``common/places.json``), not a language.
COMMON = "common"


def _codes(root: Root, *files: str) -> tuple[str, ...]:
    """The sorted codes of the language folders under ``root`` holding every one of
    ``files`` (a folder counts in the first root that has it)."""
    roots = lang_roots(root)
    codes = {
        entry.name
        for base, _ in roots.bases()
        for entry in base.iterdir()
        if entry.is_dir() and entry.name != COMMON
    }
    return tuple(
        sorted(
            code
            for code in codes
            if (found := roots.base_of(code)) is not None
            and all(found[0].joinpath(code).joinpath(name).is_file() for name in files)
        )
    )


@functools.cache
def languages(root: Root = None) -> tuple[str, ...]:
    """The codes of the language folders under ``root`` (default: the shipped ones),
    sorted: folders that hold a ``dates.json``."""
    return _codes(root, DATES_FILE)


@functools.cache
def event_languages(root: Root = None) -> tuple[str, ...]:
    """The languages the pipeline reads events in, sorted: the folders under ``root``
    (default: the shipped ones) that hold a ``language.json`` (how to parse it) and a
    ``triggers.json`` (its event lexicon)."""
    return _codes(root, LANGUAGE_FILE, TRIGGERS_FILE)


@functools.cache
def common_places(root: Root = None) -> PlaceWords:
    """Place words shared by every language (``common/places.json``: name particles of
    any origin), from the first root that has them; empty when none has."""
    for base, name in lang_roots(root).bases():
        if base.joinpath(COMMON).joinpath(PLACES_FILE).is_file():
            return _read(PlaceWords, base.joinpath(COMMON), f"{name}/{COMMON}", PLACES_FILE)
    return PlaceWords()


def triggers_file(code: str, root: Root = None) -> Traversable:
    """Where language ``code``'s event lexicon is (it may not exist): ``<root>/<code>/
    triggers.json``, read by ``veille.extract.lexicon.Lexicon.load``."""
    roots = lang_roots(root)
    found = roots.base_of(code) or roots.bases()[0]
    return found[0].joinpath(code).joinpath(TRIGGERS_FILE)


@functools.cache
def resources(code: str, root: Root = None) -> LanguageResources:
    """The words of language ``code``, read once per process from ``root/<code>/``
    (default: the shipped ``veille/lang/<code>/``). Raises ``InputError`` naming the
    file, the key and the fix when a file is missing or invalid."""
    folder, where = _folder(code, root, f"add a folder with {PLACES_FILE} and {DATES_FILE}")
    closed = folder.joinpath(CLOSED_CLASS_FILE)
    triggers = folder.joinpath(TRIGGERS_FILE)
    return LanguageResources(
        code=code,
        places=_read(PlaceWords, folder, where, PLACES_FILE),
        dates=_read(DateWords, folder, where, DATES_FILE),
        closed_class=_read(ClosedClass, folder, where, CLOSED_CLASS_FILE)
        if closed.is_file()
        else None,
        triggers=triggers if triggers.is_file() else None,
    )


@functools.cache
def language_info(code: str, root: Root = None) -> LanguageInfo:
    """How the pipeline parses language ``code`` (``<root>/<code>/language.json``),
    read once per process. Raises ``InputError`` naming the file, the key and the fix
    when the folder or the file is missing or invalid."""
    folder, where = _folder(code, root, f"add a folder with {LANGUAGE_FILE}")
    info = _read(LanguageInfo, folder, where, LANGUAGE_FILE)
    _check_language(info, f"{where}/{LANGUAGE_FILE}")
    return info


def _check_language(info: LanguageInfo, where: str) -> None:
    """What the types of ``LanguageInfo`` cannot say: one pipeline, and a parse only
    where a model gives one."""

    def fail(key: str, cause: str, fix: str) -> InputError:
        return InputError(f"key {key!r}: {cause}", where=where, fix=fix)

    if info.spacy_package is not None and info.spacy_blank:
        raise fail(
            "spacy_blank",
            "a folder names a spaCy package or a blank pipeline, not both",
            "remove 'spacy_blank' or 'spacy_package'",
        )
    if info.spacy_package is None and not info.spacy_blank:
        raise fail(
            "spacy_package",
            "the folder names no spaCy pipeline",
            'add "spacy_package": "<an installed spaCy package>" or "spacy_blank": true',
        )
    if info.spacy_package is not None and not info.spacy_package.strip():
        raise fail("spacy_package", "empty package name", "give the package's import name")
    if info.sentencizer and not info.spacy_blank:
        raise fail(
            "sentencizer",
            "only a blank pipeline takes a sentencizer (a package has its own sentences)",
            "remove 'sentencizer', or use \"spacy_blank\": true",
        )
    if info.spacy_blank and info.parsed:
        raise fail(
            "parsed",
            "a blank pipeline gives no tags, parse or entities",
            "remove 'parsed' (or set it to false), or name a spaCy package",
        )


def _folder(code: str, root: Root, add: str) -> tuple[Traversable, str]:
    """Folder ``code`` under ``root`` and its name for messages; ``InputError`` when
    no root holds it (``add``: what the fix asks for)."""
    roots = lang_roots(root)
    found = roots.base_of(code)
    if found is None:
        first = roots.bases()[0][1] if roots.bases() else "veille/lang"
        raise InputError(
            f"no language folder for {code!r}",
            where=f"{first}/{code}",
            fix=f"{add} (see veille/lang/README.md); the languages there are "
            f"{', '.join(languages(root))}",
        )
    base, name = found
    return base.joinpath(code), f"{name}/{code}"


ClosedWordKind = Literal[
    "partitive_after",
    "partitive_definite",
    "partitive_before",
    "partitive_fillers",
    "strike_on",
    "conditional_endings",
    "pair_between",
    "pair_and",
    "pair_verbs",
    "pair_to",
    "circumstance",
    "antecedent",
    "scheduled_for",
    "relative_pronouns",
    "complementizers",
    "list_openers",
    "experiential",
    "earlier_adverbs",
    "own_possessives",
    "speaker_possessives",
    "own_force_nouns",
    "own_forces_glued",
    "purpose_markers",
    "destination_preps",
    "goal_verbs",
    "belief_verbs",
    "sequel_preps",
    "route_from",
    "route_to",
    "group_articles",
    "group_anaphors",
    "breaking_marks",
    "its_possessives",
    "its_forces_glued",
    "number_multipliers",
    "setting_preps",
    "range_openers",
    "range_joiners",
    "period_openers",
    "few_quantifiers",
    "partitive_numbers",
    "partitive_ofs",
    "day_nouns",
]


@functools.cache
def weekday_names(root: Root = None) -> frozenset[str]:
    """The weekday names of every language under ``root`` (default: the shipped ones),
    lower-cased: words that date, never name a place, a person or an object."""
    return frozenset(
        word.lower() for code in languages(root) for word in resources(code, root).dates.weekdays
    )


@functools.cache
def month_numbers(root: Root = None) -> dict[str, int]:
    """The month names of every language under ``root`` (default: the shipped ones),
    lower-cased, with their numbers (1-12)."""
    return {
        name.lower(): number
        for code in languages(root)
        for name, number in resources(code, root).dates.months.items()
    }


@functools.cache
def day_part_words(root: Root = None) -> frozenset[str]:
    """The one-word parts of the day of every language under ``root`` ("soir",
    "morning"), lower-cased: words that, after a weekday, still date."""
    return frozenset(
        word.lower()
        for code in languages(root)
        for word in resources(code, root).dates.time_of_day
        if " " not in word
    )


@functools.cache
def dating_words(root: Root = None) -> frozenset[str]:
    """The one-word words of a phrase of time in every language under ``root``,
    lower-cased: weekdays, months, parts of the day, relative days ("today", «أمس») and
    the noun "day" (``day_nouns``)."""
    relative = frozenset(
        word.lower()
        for code in languages(root)
        for word in resources(code, root).dates.relative
        if " " not in word
    )
    return (
        weekday_names(root)
        | frozenset(month_numbers(root))
        | day_part_words(root)
        | relative
        | closed_words("day_nouns", root)
    )


@functools.cache
def closed_words(kind: ClosedWordKind, root: Root = None) -> frozenset[str]:
    """The closed-class words of one kind in every language under ``root`` (default: the
    shipped ones): the union of their ``closed_class.json``."""
    return frozenset(
        word
        for code in languages(root)
        if (closed := resources(code, root).closed_class) is not None
        for word in getattr(closed, kind)
    )


def _read(kind: type[_T], folder: Traversable, folder_name: str, name: str) -> _T:
    where = f"{folder_name}/{name}"
    try:
        raw = folder.joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(
            f"the language folder has no {name}",
            where=where,
            fix=f"add {name} (see veille/lang/README.md for its keys)",
        ) from exc
    try:
        decoded = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}, line {exc.lineno})", where=where, fix="fix the JSON"
        ) from exc
    if isinstance(decoded, dict):
        decoded.pop("note", None)  # a free-text comment, allowed in every file
    try:
        return TypeAdapter(kind).validate_json(json.dumps(decoded), strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise InputError(
            f"key {key!r}: {first['msg']}",
            where=where,
            fix=f"give {key!r} the type veille.lang.loader.{kind.__name__} declares, "
            "or remove an unknown key",
        ) from exc
