"""The pipeline's configuration: which models, data files and components it uses.

A ``PipelineConfig`` is read from a TOML or JSON file (``PipelineConfig.load``) or built
in Python, and given to ``Pipeline(config=...)`` or to any command that extracts
(``veille extract --config FILE``). Every default reproduces the shipped pipeline, so a
file names only what it changes::

    [nlp]
    fr = "fr_core_news_sm"          # another installed spaCy package

    [lexicons]
    fr = "lexicons/fr.json"         # relative paths are read from the file's folder

    [lang]
    roots = ["my_languages"]        # my_languages/<code>/: a language added or replaced

    [geocoder]
    weights = "my_weights.json"     # see scripts/refit_geocoder.py

    [components]
    story = "veille.story.v1"       # a name in veille.registry

Unknown keys are refused (a typo must not be ignored quietly), and an invalid file
raises ``InputError`` naming the file, the key and the fix. ``veille config show``
prints the defaults as a file to start from.

The model is frozen and hashable, so it travels to Spark executors as it is.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
)

from veille.errors import InputError

if TYPE_CHECKING:
    from veille.lang.loader import LangRoots

#: What ``veille config show`` and the error messages send a user to.
_SEE = "see `veille config show` for every key and its default"


def _resolved(value: Path, info: ValidationInfo) -> Path:
    """A path the config names, relative to the config file's folder when read from a
    file (``base`` in the validation context)."""
    base = info.context.get("base") if isinstance(info.context, dict) else None
    path = value.expanduser()
    if not path.is_absolute() and isinstance(base, Path):
        path = base / path
    return path


def _existing_file(value: Path, info: ValidationInfo) -> Path:
    """A data file the config names (relative as ``_resolved`` says), present."""
    path = _resolved(value, info)
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    return path


#: A path to a data file (validated as ``_existing_file`` says).
DataPath = Annotated[Path, AfterValidator(_existing_file)]


def _language_root(value: Path, info: ValidationInfo) -> Path:
    """A folder of language folders the config names (relative as ``_existing_file``):
    present, and holding at least one language folder."""
    path = _resolved(value, info)
    if not path.is_dir():
        raise ValueError(f"no such folder: {path}")
    from veille.lang.loader import DATES_FILE, LANGUAGE_FILE

    if not any(
        (sub / LANGUAGE_FILE).is_file() or (sub / DATES_FILE).is_file()
        for sub in path.iterdir()
        if sub.is_dir()
    ):
        raise ValueError(
            f"{path} holds no language folder (a <code>/ folder with {LANGUAGE_FILE} or "
            f"{DATES_FILE}); name the folder above the language folders"
        )
    return path


#: A folder of language folders (validated as ``_language_root`` says).
LanguageRoot = Annotated[Path, AfterValidator(_language_root)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NlpConfig(_Section):
    """The spaCy package parsing each shipped language (an installed package's import
    name), over what the language folder's ``language.json`` names (None: that one;
    ``veille.lang.language_info``)."""

    fr: str | None = Field(default=None, min_length=1)
    en: str | None = Field(default=None, min_length=1)
    ar: str | None = Field(default=None, min_length=1)

    def packages(self) -> dict[str, str]:
        """Language -> package, for the languages this section names one for."""
        named = {"fr": self.fr, "en": self.en, "ar": self.ar}
        return {lang: pkg for lang, pkg in named.items() if pkg is not None}


class LexiconsConfig(_Section):
    """An event lexicon file per language (None: the shipped one,
    ``veille/lang/<lang>/triggers.json``, found by ``veille.lang.loader.triggers_file``),
    in its layout (``veille.extract.lexicon.LexiconData``). The language's other words
    (places, dates) are in the same folder (``veille/lang/README.md``)."""

    fr: DataPath | None = None
    en: DataPath | None = None
    ar: DataPath | None = None

    def path(self, language: str) -> Path | None:
        value: Path | None = getattr(self, language, None)
        return value


class LangConfig(_Section):
    """Folders of language folders (``veille/lang/README.md``, "Adding a language"),
    searched in order before the shipped ``veille/lang``: a folder ``<code>/`` in one
    of them adds language ``<code>`` or replaces the shipped folder of that code as a
    whole. A language the pipeline reads has a ``language.json`` and a
    ``triggers.json``."""

    #: Read where the pipeline runs: on every executor under Spark.
    roots: tuple[LanguageRoot, ...] = ()

    def lang_roots(self) -> LangRoots:
        """These folders, then the shipped ones (``veille.lang.LangRoots``)."""
        from veille.lang.loader import LangRoots

        return LangRoots(extra=self.roots)


class GeocoderConfig(_Section):
    """The gazetteer index and the geocoder's weights (None: the shipped ones)."""

    gazetteer: DataPath | None = None
    #: A file in the layout of ``veille/data/geocoder_weights.json``.
    weights: DataPath | None = None


class ActorsConfig(_Section):
    """The compiled actor dictionary (None: the shipped one; ``scripts/build_actors.py``)."""

    path: DataPath | None = None


class VetoConfig(_Section):
    """The learned sentence veto (``veille/data/veto/README.md``)."""

    #: None: on only when the environment sets ``VEILLE_VETO=1`` (today's behaviour).
    enabled: bool | None = None


def _story_default(name: str) -> Any:
    from veille.extract.story import StoryOptions

    return getattr(StoryOptions(), name)


class StoryConfig(_Section):
    """How far a story carries its date and place (``extract.story.StoryOptions``)."""

    place_window_days: int = Field(
        default_factory=lambda: _story_default("place_window_days"), ge=0
    )
    narrative_min_mentions: int = Field(
        default_factory=lambda: _story_default("narrative_min_mentions"), ge=1
    )


def _dedup_default() -> float:
    from veille.dedup import SAME_EVENT_THRESHOLD

    return SAME_EVENT_THRESHOLD


class DedupConfig(_Section):
    """Cross-article deduplication: one policy for ``veille extract``, the store
    (``veille ingest``/``watch``/``serve``) and Spark (``veille spark-run``,
    ``ingest --engine spark``), built by ``veille.registry.deduplicator_of``."""

    #: Two events of different articles are one when their match score reaches this
    #: (for linking and merging alike). Ingest every article of one store with one
    #: threshold: stored events were merged by the threshold of their ingest.
    threshold: float = Field(default_factory=_dedup_default, gt=0, le=1)


class ComponentsConfig(_Section):
    """Which registered factory builds each replaceable step (``veille.registry``), in
    the order the pipeline runs them over an article's analysis (``veille.stages``)."""

    sentences: str = "veille.sentences.v1"
    place_finder: str = "veille.place_finder.v1"
    places: str = "veille.places.v1"
    actors: str = "veille.actors.v1"
    dates: str = "veille.dates.v1"
    extractor: str = "veille.extractor.v1"
    veto: str = "veille.veto.v1"
    crowd: str = "veille.crowd.v1"
    story: str = "veille.story.v1"
    assembler: str = "veille.assembler.v1"
    deduplicator: str = "veille.deduplicator.v1"


#: The kinds of replaceable component, as ``ComponentsConfig`` names them.
ComponentKind = Literal[
    "sentences",
    "place_finder",
    "places",
    "actors",
    "dates",
    "extractor",
    "veto",
    "crowd",
    "story",
    "assembler",
    "deduplicator",
]


class PipelineConfig(_Section):
    """Everything a ``Pipeline`` may be told (see the module doc); defaults are the
    shipped pipeline's."""

    nlp: NlpConfig = Field(default_factory=NlpConfig)
    lexicons: LexiconsConfig = Field(default_factory=LexiconsConfig)
    lang: LangConfig = Field(default_factory=LangConfig)
    geocoder: GeocoderConfig = Field(default_factory=GeocoderConfig)
    actors: ActorsConfig = Field(default_factory=ActorsConfig)
    veto: VetoConfig = Field(default_factory=VetoConfig)
    story: StoryConfig = Field(default_factory=StoryConfig)
    dedup: DedupConfig = Field(default_factory=DedupConfig)
    components: ComponentsConfig = Field(default_factory=ComponentsConfig)

    #: The file this config was read from (for error messages); None when built here.
    _source: str | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Equal when every value is (wherever each config was read from)."""
        if not isinstance(other, PipelineConfig):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    @property
    def source(self) -> str | None:
        """The file this config was read from, if any."""
        return self._source

    @classmethod
    def load(cls, path: Path | str) -> PipelineConfig:
        """The config of a ``.toml`` or ``.json`` file; ``InputError`` naming the file,
        the key and the fix when it cannot be read or is invalid. Relative paths in it
        are read from the file's folder."""
        where = Path(path)
        suffix = where.suffix.lower()
        if suffix not in (".toml", ".json"):
            raise InputError(
                f"a config file must end in .toml or .json, not {suffix or 'nothing'!r}",
                where=str(where),
                fix="write the config as TOML (config.toml) or JSON (config.json)",
            )
        try:
            text = where.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise InputError(
                "the config file does not exist",
                where=str(where),
                fix="give the path of a config file; `veille config show > veille.toml` "
                "writes the defaults to start from",
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"the config file cannot be read ({exc})",
                where=str(where),
                fix="give a readable UTF-8 text file",
            ) from exc
        try:
            data: Any = tomllib.loads(text) if suffix == ".toml" else json.loads(text)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
            kind = "TOML" if suffix == ".toml" else "JSON"
            raise InputError(
                f"the config file is not valid {kind} ({exc})",
                where=str(where),
                fix=f"correct the {kind} syntax; {_SEE}",
            ) from exc
        return cls.from_data(data, where=str(where), base=where.resolve().parent)

    @classmethod
    def from_data(
        cls, data: Any, *, where: str = "config", base: Path | None = None
    ) -> PipelineConfig:
        """The config of already parsed data (a mapping of sections); errors as ``load``'s.
        ``base``: the folder relative data paths are read from (default: the current one)."""
        if not isinstance(data, dict):
            raise InputError(
                f"a config must be a table of sections, not {type(data).__name__}",
                where=where,
                fix=_SEE,
            )
        try:
            config = cls.model_validate(data, context={"base": base})
        except ValidationError as exc:
            raise _config_error(exc, where) from exc
        config._source = where
        return config

    def languages(self) -> tuple[str, ...]:
        """The languages a pipeline of this config reads (``veille.lang.event_languages``
        under ``lang.roots`` and the shipped folders), sorted. The folders of
        ``lang.roots`` are read and validated now, so that a bad file fails before any
        article is read, naming this config: ``InputError``."""
        from veille.lang.loader import event_languages, language_info, resources

        roots = self.lang.lang_roots()
        codes = event_languages(roots)
        for code in codes:
            if roots.user_folder(code) is None:
                continue
            try:
                language_info(code, roots)
                resources(code, roots)
            except InputError as exc:
                raise InputError(
                    exc.cause,
                    where=exc.where,
                    fix=f"{exc.fix} (a language folder of {self.describe('lang.roots')})",
                ) from exc
        return codes

    def describe(self, key: str) -> str:
        """Where a key of this config is, for an error message: ``file: key``."""
        return f"{self._source}: {key}" if self._source else key


def _config_error(exc: ValidationError, where: str) -> InputError:
    """The first problem of ``exc`` as an ``InputError``: file, dotted key, fix."""
    first = exc.errors(include_url=False)[0]
    key = ".".join(str(part) for part in first["loc"]) or "(top level)"
    if first["type"] == "extra_forbidden":
        section: Any = PipelineConfig
        for part in first["loc"][:-1]:
            section = section.model_fields[str(part)].annotation
        known = ", ".join(section.model_fields)
        scope = ".".join(str(p) for p in first["loc"][:-1]) or "the top level"
        return InputError(
            f"unknown key {key!r}",
            where=where,
            fix=f"remove it or correct its spelling; {scope} takes: {known}",
        )
    message = str(first["msg"]).removeprefix("Value error, ")
    return InputError(
        f"invalid value for {key!r}: {message}",
        where=where,
        fix=f"correct {key}; {_SEE}",
    )


def default_config_text(fmt: Literal["toml", "json"] = "toml") -> str:
    """The default config as a file to start from: every key with its default value
    (paths left unset are shown commented out in TOML, null in JSON)."""
    config = PipelineConfig()
    data = config.model_dump(mode="json")
    if fmt == "json":
        return json.dumps(data, indent=2) + "\n"
    lines = [
        "# veille pipeline config (defaults). Keep only what you change; relative paths",
        "# are read from this file's folder. Components: see `veille config components`.",
    ]
    for section, values in data.items():
        lines.append("")
        lines.append(f"[{section}]")
        if section == "lang":
            lines.append(
                "# roots: folders of language folders <code>/, searched before the shipped"
            )
            lines.append("# veille/lang (a language added or replaced; veille/lang/README.md)")
        for key, value in values.items():
            if value is None:
                example = _unset_example(section, key)
                lines.append(f"# {key} = {example}  (unset: {_unset_meaning(section, key)})")
            else:
                lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def _unset_example(section: str, key: str) -> str:
    if section == "veto":
        return "true"
    if section == "nlp":
        return '"an_installed_spacy_package"'
    return f'"path/to/{section}_{key}"'


def _unset_meaning(section: str, key: str) -> str:
    if section == "veto":
        return "on only when VEILLE_VETO=1"
    if section == "nlp":
        from veille.lang.loader import language_info

        info = language_info(key)
        named = (
            info.spacy_package
            if info.spacy_package is not None
            else "a blank pipeline" + (" with a sentencizer" if info.sentencizer else "")
        )
        return f"{named}, as veille/lang/{key}/language.json says"
    return "the shipped file"


def _toml_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    raise TypeError(f"no TOML form for {value!r}")
