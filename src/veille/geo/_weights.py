"""The geocoder's weights: scores, bonuses and thresholds, read from a data file.

The shipped values (``veille/data/geocoder_weights.json``) were tuned by hand on the
public geoparsing dev set; ``scripts/refit_geocoder.py`` refits the main ones on one
half of it and reports the other. A user can point the geocoder at another file
(``Geocoder.load(weights_path=...)``, ``Pipeline(geocoder_weights=...)``).

Every key is required and no other is allowed, so a typo fails on load with the file,
the key and the fix, never as a silently ignored weight.
"""

from __future__ import annotations

import dataclasses
import json
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from veille.errors import DataError

DEFAULT_WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "geocoder_weights.json"


@dataclass(frozen=True)
class ByFeature:
    """One number per feature class of the gazetteer."""

    country: float
    admin1: float
    admin2: float
    city: float
    site: float
    region: float

    def of(self, feature: str) -> float:
        value: float = getattr(self, feature)
        return value


@dataclass(frozen=True)
class PriorWeights:
    """Context-free plausibility of a candidate: its feature class, its size
    (``log_population`` times log10 of its population), how official the name is."""

    feature: ByFeature
    log_population: ByFeature
    primary_name: float  # the place's main name, not an alternate one
    loose_spelling: float  # subtracted for a loose (accent/doubling-blind) key


@dataclass(frozen=True)
class NounWeights:
    """Bonus for a candidate whose class a noun before it names ("la province de X",
    "the city of X", "X camp"): a site, an admin area, a city."""

    site: float
    admin: float
    city: float


@dataclass(frozen=True)
class NamesakeWeights:
    """A bare name of both a town and the area named after it is the town (ACLED)."""

    area_penalty: float  # subtracted from the area
    town_share: float  # the town counts when population x this >= the area's
    big_city_population: int  # a city this large beats a same-named state


@dataclass(frozen=True)
class ContainerWeights:
    """ "X, Y": a place inside the container named after it, and the container."""

    contained: float
    container: float


@dataclass(frozen=True)
class ContextWeights:
    """What the rest of the text (and the outlet) adds to a candidate, capped."""

    country: float  # times the country's share of everything else named
    admin1: float  # the candidate's first-level area named elsewhere
    outlet: float  # times the outlet's share of articles in the candidate's area
    #: Times the share of the countries bordering the candidate's, where no candidate's
    #: own country is named ("Israeli troops ... in Gaza": Gaza, Palestine).
    neighbour: float
    cap: float  # the most context may add
    lone_margin: float  # a name with one candidate counts as this far ahead
    weight_floor: float  # a name's vote: floor + margin / margin_scale, at most 1
    margin_scale: float


@dataclass(frozen=True)
class ProximityWeights:
    """Towns near the towns named around them are likelier."""

    near_km: float
    near: float
    far_km: float
    far: float
    cap: float


@dataclass(frozen=True)
class AcceptanceWeights:
    """When an unhinted gazetteer match is a place name, not a common word."""

    strong_prior: float  # a prior this high stands alone (sentence-initial, Arabic)
    well_known_state_population: int  # a state this large is no person's surname
    hyphen_town_population: int  # "X-Y": each side a town this large names a place


@dataclass(frozen=True)
class CorroborationWeights:
    """Weak matches (surnames, loose or foreign spellings) kept without support."""

    loose_name_city_population: int  # a several-word loose name of a city this large
    town_population: int  # a town this large needs no support
    #: A village's own name below this size, far from every country the text names, is
    #: a homonym ("the Beach View hotel" in Mogadishu is not Beach, North Dakota).
    village_population: int = 10_000
    #: A city below this size, named once in a story whose firm places all lie in one
    #: country far from it, is a namesake ("Palma" in a story about Mozambique).
    far_city_population: int = 1_000_000
    #: A village of the villages' index farther than this from every firm town, area or
    #: site of the story is a namesake: no place (``_corroborate._place_villages``).
    village_reach_km: float = 150.0


@dataclass(frozen=True)
class ArabicRegionalWeights:
    """One-word Arabic names, kept only in a country the text supports."""

    alone_population: int  # a city this large supports its country alone
    country_named_factor: float  # ... times this when the text names a country
    peeled_factor: float  # ... times this again when a clitic was peeled off
    pair_population: int  # two towns this large and this near vouch for each other
    pair_km: float


@dataclass(frozen=True)
class GeocoderWeights:
    """All the geocoder's weights (see the module doc)."""

    about: str
    prior: PriorWeights
    nouns: NounWeights
    namesake: NamesakeWeights
    containers: ContainerWeights
    context: ContextWeights
    proximity: ProximityWeights
    acceptance: AcceptanceWeights
    corroboration: CorroborationWeights
    arabic_regional: ArabicRegionalWeights

    @classmethod
    def load(cls, path: Path | str | None = None) -> GeocoderWeights:
        """The weights of ``path`` (the shipped file by default); ``DataError`` naming
        the file, the key and the fix when the file is missing or invalid."""
        where = Path(path) if path is not None else DEFAULT_WEIGHTS
        try:
            raw = json.loads(where.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise DataError(
                "the geocoder weights file does not exist",
                where=str(where),
                fix="give the path of a weights file (the shipped one is "
                f"{DEFAULT_WEIGHTS.name}), or reinstall veille",
            ) from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataError(
                f"the geocoder weights file cannot be read as JSON ({exc})",
                where=str(where),
                fix="write it as one JSON object, as the shipped geocoder_weights.json",
            ) from exc
        return from_mapping(cls, raw, where=str(where))

    def to_mapping(self) -> dict[str, Any]:
        """The weights as plain JSON data (the file's layout)."""
        return dataclasses.asdict(self)

    def replace(self, key: str, value: float) -> GeocoderWeights:
        """A copy with the weight at dotted ``key`` ("context.country") set to ``value``."""
        data = self.to_mapping()
        node = data
        *parents, leaf = key.split(".")
        for part in parents:
            if not isinstance(node.get(part), dict):
                raise KeyError(key)
            node = node[part]
        if leaf not in node or isinstance(node[leaf], dict):
            raise KeyError(key)
        node[leaf] = value
        return from_mapping(GeocoderWeights, data, where=f"<{key}={value}>")

    def value(self, key: str) -> float:
        """The weight at dotted ``key``."""
        node: Any = self
        for part in key.split("."):
            node = getattr(node, part)
        if not isinstance(node, int | float):
            raise KeyError(key)
        return float(node)


_T = TypeVar("_T")


def from_mapping(cls: type[_T], data: Any, *, where: str, prefix: str = "") -> _T:
    """``data`` checked against the dataclass ``cls``: every field present, no other
    key, numbers where numbers go. Errors name ``where`` and the dotted key."""
    if not isinstance(data, dict):
        raise DataError(
            f"{_name(prefix)} must be a JSON object, not {type(data).__name__}",
            where=where,
            fix="follow the layout of the shipped geocoder_weights.json",
        )
    hints = get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise DataError(
            f"unknown key {_join(prefix, unknown[0])!r}",
            where=where,
            fix=f"remove it or correct its spelling; {_name(prefix)} takes: " + ", ".join(fields),
        )
    values: dict[str, Any] = {}
    for name in fields:
        key = _join(prefix, name)
        if name not in data:
            raise DataError(
                f"missing key {key!r}",
                where=where,
                fix="add it (the shipped geocoder_weights.json has every key)",
            )
        values[name] = _value(hints[name], data[name], where=where, key=key)
    return cls(**values)


def _value(kind: Any, value: Any, *, where: str, key: str) -> Any:
    if dataclasses.is_dataclass(kind):
        return from_mapping(kind, value, where=where, prefix=key)  # type: ignore[arg-type]
    if get_origin(kind) in (Union, types.UnionType):  # pragma: no cover - none today
        kind = get_args(kind)[0]
    if kind is str:
        if not isinstance(value, str):
            raise DataError(f"{key!r} must be a string", where=where, fix="quote it")
        return value
    number = kind in (int, float)
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if number and ok and kind is int and not float(value).is_integer():
        ok = False
    if not number or not ok or value != value or value in (float("inf"), float("-inf")):
        expected = "a whole number" if kind is int else "a number"
        raise DataError(
            f"{key!r} must be {expected}, not {json.dumps(value)}",
            where=where,
            fix=f"write {key} as {expected}, e.g. the shipped value",
        )
    if kind is int:
        return int(value)
    return float(value)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _name(prefix: str) -> str:
    return repr(prefix) if prefix else "the file"
