"""Find actors and framing terms in text, against the shipped actor dictionary.

The dictionary (``veille/data/actors``) maps what news writes ("l'armée américaine",
"القوات الأميركية", "US troops") to neutral canonical actors named as conflict
monitors name them ("Military Forces of the United States"). Some aliases are
*framing* aliases, a side's loaded wording ("l'occupant américain", "العدو الصهيوني"):
they still resolve to the actor, and the match says it was framed. Generic loaded
terms that name no actor ("martyrs", "terroristes") are listed by ``find_framing``.

Matching is on normalised word tokens (``veille.resolve.textnorm``): longest alias
first, non-overlapping, left to right. Arabic words may carry the clitics و ف ب ل ك
(and ``لل`` for ل + ال); offsets always point into the text as given. Ambiguous
aliases ("l'armée", "المقاومة الإسلامية", "RSF") resolve only when the caller names
a country in ``context_iso3``.

The runtime reads only ``compiled/actors.json``, built by ``scripts/build_actors.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from veille.errors import DataError
from veille.lang.normalise import Word
from veille.model import Actor, Record
from veille.nlp.models import settle
from veille.resolve.textnorm import (
    Token,
    WordKeys,
    arabic_clitic_forms,
    is_arabic,
    original_offset,
    tokenize,
)

__all__ = ["ActorMatch", "ActorResolver", "FramingMatch", "default_path"]

FORMAT_VERSION = 1
_BUILD_FIX = "rebuild it with: python scripts/build_actors.py (or reinstall veille)"

T = TypeVar("T")


class ActorMatch(Record):
    """One actor mention: exact code-point span, the canonical actor, and whether
    the alias used was a framing alias."""

    start: int
    end: int
    text: str
    actor: Actor
    framed: bool


class FramingMatch(Record):
    """One loaded term (``term == text[start:end]``) and the actor it names, if any."""

    start: int
    end: int
    term: str
    category: str
    actor_id: str | None


@dataclass(frozen=True, slots=True)
class _Target:
    is_rule: bool  # a rule ("civilians", "military") rather than a fixed actor
    ref: str
    category: str | None  # set for framing aliases
    contexts: frozenset[str]  # empty: valid without context


@dataclass(frozen=True, slots=True)
class _Alias:
    tokens: tuple[str, ...]
    upper: tuple[int, ...]
    targets: tuple[_Target, ...]
    generic_category: str | None

    @property
    def is_framing(self) -> bool:
        return self.generic_category is not None or any(t.category for t in self.targets)


@dataclass(slots=True)
class _Node:
    """A node of an alias trie: the aliases whose words end here (longest-first order of
    the index kept) and the words that lead on."""

    aliases: list[_Alias]
    children: dict[str, _Node]


def _trie(by_first: dict[str, list[_Alias]]) -> dict[str, _Node]:
    """The aliases of one language as a trie keyed by their words: a scan walks the
    text's next words down it once, instead of comparing every alias that starts with
    the word (hundreds start with "l" or "al")."""
    roots: dict[str, _Node] = {}
    for first, aliases in by_first.items():
        root = roots.setdefault(first, _Node([], {}))
        for alias in aliases:
            node = root
            for word in alias.tokens[1:]:
                node = node.children.setdefault(word, _Node([], {}))
            node.aliases.append(alias)
    return roots


@dataclass(frozen=True, slots=True)
class _Slot:
    id: str
    name: str
    fallback_id: str
    fallback_name: str
    kind: str
    inter: int


def default_path() -> Path:
    """Where the compiled dictionary ships inside the package."""
    return Path(__file__).resolve().parents[1] / "data" / "actors" / "compiled" / "actors.json"


def _parse_target(raw: Any) -> _Target:
    ref, category, contexts = raw
    kind, _, name = str(ref).partition(":")
    return _Target(kind == "rule", name, category, frozenset(contexts))


class ActorResolver:
    """Resolves actor aliases and framing terms; holds all its tables (no globals)."""

    def __init__(
        self,
        actors: dict[str, Actor],
        slots: dict[str, _Slot],
        state_rules: dict[str, str],
        countries: dict[str, str],
        successors: dict[str, tuple[date, str]],
        index: dict[str, dict[str, list[_Alias]]],
    ) -> None:
        self._actors = actors
        self._slots = slots
        self._state_rules = state_rules
        self._countries = countries
        self._successors = successors
        self._index = index
        # The same aliases as tries (see ``_trie``), built once per resolver.
        self._tries = {lang: _trie(by_first) for lang, by_first in index.items()}
        self._keys = WordKeys()
        self._slot_cache: dict[tuple[str, str | None], Actor] = {}

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: Path | None = None) -> ActorResolver:
        """Read the compiled dictionary (the shipped one by default)."""
        path = path or default_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise DataError(
                "the compiled actor dictionary is missing", where=str(path), fix=_BUILD_FIX
            ) from exc
        except (OSError, json.JSONDecodeError) as exc:
            raise DataError(
                f"the compiled actor dictionary cannot be read ({exc})",
                where=str(path),
                fix=_BUILD_FIX,
            ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
            raise DataError(
                f"the compiled actor dictionary has format {data.get('format')!r}, "
                f"expected {FORMAT_VERSION}"
                if isinstance(data, dict)
                else "the compiled actor dictionary is not a JSON object",
                where=str(path),
                fix=_BUILD_FIX,
            )
        try:
            resolver = cls._from_compiled(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(
                f"the compiled actor dictionary is malformed ({exc!r})",
                where=str(path),
                fix=_BUILD_FIX,
            ) from exc
        del data  # the JSON it was built from is garbage now, not frozen with the trie
        settle()  # its alias trie lives as long as the run (veille.nlp.models.settle)
        return resolver

    @classmethod
    def _from_compiled(cls, data: dict[str, Any]) -> ActorResolver:
        actors = {
            actor_id: Actor(id=actor_id, **fields) for actor_id, fields in data["actors"].items()
        }
        slots = {key: _Slot(**fields) for key, fields in data["slots"].items()}
        successors = {
            actor_id: (date.fromisoformat(on), target)
            for actor_id, (on, target) in data["successors"].items()
        }
        index: dict[str, dict[str, list[_Alias]]] = {}
        for lang, rows in data["tables"].items():
            by_first: dict[str, list[_Alias]] = {}
            for tokens, upper, targets, generic_category in rows:
                alias = _Alias(
                    tuple(tokens),
                    tuple(upper),
                    tuple(_parse_target(t) for t in targets),
                    generic_category,
                )
                by_first.setdefault(alias.tokens[0], []).append(alias)
            for candidates in by_first.values():
                candidates.sort(key=lambda a: len(a.tokens), reverse=True)
            index[lang] = by_first
        return cls(
            actors,
            slots,
            dict(data["state_rules"]),
            dict(data["countries"]),
            successors,
            index,
        )

    # ------------------------------------------------------------------ look-ups

    def by_id(self, actor_id: str) -> Actor | None:
        """The actor with this id, including slot actors such as ``civilians-syr``."""
        found = self._actors.get(actor_id)
        if found is not None:
            return found
        for slot in self._slots.values():
            if actor_id == slot.fallback_id:
                return self._slot_actor(slot, None)
            prefix, _, suffix = slot.id.partition("{iso3}")
            code = actor_id[len(prefix) : len(actor_id) - len(suffix)]
            if (
                actor_id.startswith(prefix)
                and actor_id.endswith(suffix)
                and len(code) == 3
                and code.isalpha()
                and code.islower()
            ):
                return self._slot_actor(slot, code.upper())
        return None

    def iter_actors(self) -> Iterator[Actor]:
        """Every named actor of the dictionary (slot actors excluded)."""
        return iter(self._actors.values())

    def country_name(self, iso3: str) -> str | None:
        """English short name of a country, as slot actors write it."""
        return self._countries.get(iso3.upper())

    def as_of(self, actor: Actor, on: date | None) -> Actor:
        """The actor as ACLED codes it on a date (e.g. Taliban -> Military Forces of
        Afghanistan from 2021-08-15). Without a date, the actor unchanged."""
        successor = self._successors.get(actor.id)
        if on is None or successor is None or on < successor[0]:
            return actor
        return self._actors.get(successor[1], actor)

    # ------------------------------------------------------------------ matching

    def words(self, text: str, words: Sequence[Word] | None = None) -> list[Token]:
        """``textnorm.tokenize(text)`` (of ``words``, ``split_words(text)``, where the
        caller has them), each word's key remembered across the texts this resolver
        reads: what ``find_actors`` and ``find_framing`` take as ``tokens``."""
        return tokenize(text, self._keys, words)

    def find_actors(
        self,
        text: str,
        language: str,
        *,
        context_iso3: Sequence[str] = (),
        tokens: Sequence[Token] | None = None,
    ) -> list[ActorMatch]:
        """Actor mentions in ``text``: longest alias first, non-overlapping, by start.

        ``context_iso3`` lists the countries the text is about, most relevant first;
        it resolves ambiguous aliases and fills generic actors ("des civils" ->
        "Civilians (Mali)"). Without it, generic actors come back without a country
        and context-only aliases do not match. ``tokens``: ``textnorm.tokenize(text)``
        when the caller has it already (``find_framing`` reads the same words).
        """
        context = _clean_context(context_iso3)

        def accept(alias: _Alias) -> tuple[Actor, bool] | None:
            resolved = self._resolve(alias.targets, context)
            if resolved is None:
                return None
            actor, target = resolved
            return actor, target.category is not None

        return [
            ActorMatch(start=start, end=end, text=text[start:end], actor=actor, framed=framed)
            for start, end, (actor, framed) in self._scan(text, language, accept, tokens)
        ]

    def find_framing(
        self,
        text: str,
        language: str,
        *,
        context_iso3: Sequence[str] = (),
        tokens: Sequence[Token] | None = None,
    ) -> list[FramingMatch]:
        """Every loaded term in ``text``: generic ones and actors' framing aliases.

        ``actor_id`` is the actor a framing alias names (resolved with
        ``context_iso3`` when the alias depends on context), else None. A loaded
        word inside a neutral proper name ("Al-Aqsa Martyrs' Brigades") is not
        reported. ``tokens``: as ``find_actors``'s.
        """
        context = _clean_context(context_iso3)

        def accept(alias: _Alias) -> tuple[str, str | None] | None:
            if not alias.is_framing:
                # A neutral name (it matched, so it blocks the words inside it).
                return ("", None) if alias.targets else None
            framed = tuple(t for t in alias.targets if t.category is not None)
            resolved = self._resolve(framed, context)
            if resolved is not None:
                actor, target = resolved
                return str(target.category), actor.id
            category = alias.generic_category or str(framed[0].category)
            return category, None

        matches = []
        for start, end, (category, actor_id) in self._scan(text, language, accept, tokens):
            if category:
                matches.append(
                    FramingMatch(
                        start=start,
                        end=end,
                        term=text[start:end],
                        category=category,
                        actor_id=actor_id,
                    )
                )
        return matches

    # ------------------------------------------------------------------ internals

    def _trie_of(self, language: str, arabic: bool) -> dict[str, _Node]:
        # Arabic-script words use the Arabic table whatever the article's language,
        # so an Arabic post quoted in a French article is still read.
        if arabic:
            return self._tries.get("ar", {})
        return self._tries.get(language if language in ("fr", "en") else "en", {})

    def _scan(
        self,
        text: str,
        language: str,
        accept: Callable[[_Alias], T | None],
        given: Sequence[Token] | None = None,
    ) -> list[tuple[int, int, T]]:
        """Longest accepted alias at each word, left to right, not overlapping: among
        the aliases that match the words there (through a form of the first word less
        its clitics), the longest first, in the index's order; a later form must be
        longer than what an earlier one found."""
        tokens = self.words(text) if given is None else given
        found: list[tuple[int, int, T]] = []
        count = len(tokens)
        latin_trie = self._trie_of(language, False)
        i = 0
        while i < count:
            token = tokens[i]
            # (An ASCII word has no Arabic letter: most words, spared the search.)
            arabic = not token.norm.isascii() and is_arabic(token.norm)
            trie = self._trie_of(language, True) if arabic else latin_trie
            forms = arabic_clitic_forms(token.norm) if arabic else ((token.norm, 0),)
            best: tuple[int, int, T] | None = None  # (length, clitic letters, result)
            for form, clitics in forms:
                node = trie.get(form)
                if node is None:
                    continue
                # The nodes the next words lead to, by length (1: the first word).
                path = [node]
                k = i + 1
                while k < count and node.children:
                    nxt = node.children.get(tokens[k].norm)
                    if nxt is None:
                        break
                    path.append(nxt)
                    node = nxt
                    k += 1
                for width in range(len(path), 0, -1):
                    if best is not None and width <= best[0]:
                        break
                    result = self._accepted_at(path[width - 1].aliases, tokens, i, accept)
                    if result is not None:
                        best = (width, clitics, result)
                        break
            if best is None:
                i += 1
                continue
            width, clitics, result = best
            start = token.start + original_offset(text[token.start : token.end], clitics)
            found.append((start, tokens[i + width - 1].end, result))
            i += width
        return found

    @staticmethod
    def _accepted_at(
        aliases: Sequence[_Alias],
        tokens: Sequence[Token],
        i: int,
        accept: Callable[[_Alias], T | None],
    ) -> T | None:
        """The first of ``aliases`` (whose words match those at ``i``) written in the
        capitals it asks for and accepted."""
        for alias in aliases:
            if all(tokens[i + k].upper for k in alias.upper):
                result = accept(alias)
                if result is not None:
                    return result
        return None

    def _resolve(
        self, targets: Sequence[_Target], context: tuple[str, ...]
    ) -> tuple[Actor, _Target] | None:
        """The actor a set of targets means in this context (context-bound first)."""
        for code in context:
            for target in targets:
                if code in target.contexts:
                    actor = self._target_actor(target, context, code)
                    if actor is not None:
                        return actor, target
        for target in targets:
            if not target.contexts:
                actor = self._target_actor(target, context, None)
                if actor is not None:
                    return actor, target
        return None

    def _target_actor(
        self, target: _Target, context: tuple[str, ...], code: str | None
    ) -> Actor | None:
        if not target.is_rule:
            return self._actors.get(target.ref)
        slot = self._slots.get(target.ref)
        if slot is not None:
            return self._slot_actor(slot, code or (context[0] if context else None))
        pattern = self._state_rules.get(target.ref)
        if pattern is None:
            return None
        # "l'armée" in a text about Palestine and Israel: the first context
        # country that has such forces.
        for candidate in (code,) if code else context:
            actor = self._actors.get(pattern.format(iso3=candidate.lower()))
            if actor is not None:
                return actor
        return None

    def _slot_actor(self, slot: _Slot, code: str | None) -> Actor:
        key = (slot.id, code)
        cached = self._slot_cache.get(key)
        if cached is not None:
            return cached
        if code is None:
            actor = Actor(
                name=slot.fallback_name, id=slot.fallback_id, kind=slot.kind, inter=slot.inter
            )
        else:
            country = self._countries.get(code, code)
            actor = Actor(
                name=slot.name.format(country=country),
                id=slot.id.format(iso3=code.lower()),
                kind=slot.kind,
                inter=slot.inter,
                country=code,
            )
        self._slot_cache[key] = actor
        return actor


def _clean_context(context_iso3: Sequence[str]) -> tuple[str, ...]:
    if isinstance(context_iso3, str):  # a lone "MLI" rather than ("MLI",)
        context_iso3 = (context_iso3,)
    return tuple(dict.fromkeys(code.strip().upper() for code in context_iso3 if code))
