"""Loading spaCy pipelines from installed model packages (never from the network).

Which pipeline parses a language is the language folder's ``language.json``
(``veille.lang.language_info``): a package, or a blank pipeline with a sentencizer.
"""

from __future__ import annotations

import gc
import importlib
from typing import TYPE_CHECKING

from veille.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

    from veille.lang.loader import Root


def load_spacy(language: str, *, package: str | None = None, root: Root = None) -> Language:
    """The spaCy pipeline for ``language``: the installed ``package`` when given (the
    config's ``[nlp]``), else what ``<root>/<language>/language.json`` names (default:
    the shipped folders): a package, or a blank pipeline (Arabic: no spaCy model is on
    PyPI) with a sentencizer. ``ModelNotFoundError`` for a language with no folder or a
    package that is not installed."""
    import spacy

    from veille.lang.loader import LANGUAGE_FILE, event_languages, lang_roots, language_info

    if package is None:
        found = lang_roots(root).base_of(language)
        if found is None or not found[0].joinpath(language, LANGUAGE_FILE).is_file():
            raise ModelNotFoundError(
                f"no spaCy model is configured for language {language!r}",
                fix="use one of: " + ", ".join(event_languages(root)),
            )
        info = language_info(language, root)  # InputError when the file is invalid
        if info.spacy_package is not None:
            return _load_package(info.spacy_package)
        try:
            nlp = spacy.blank(language)
        except ImportError as exc:
            raise ModelNotFoundError(
                f"spaCy has no language {language!r} for a blank pipeline",
                fix="name the folder with a code spacy.blank knows, or set spacy_package "
                f"in its {LANGUAGE_FILE}",
            ) from exc
        _split_closing_marks(nlp)
        if info.sentencizer:
            nlp.add_pipe("sentencizer")
        return nlp
    return _load_package(package)


#: Closing punctuation a blank tokenizer leaves glued to a word: after a combining mark
#: (an Arabic tanween or vowel: «قتيلاً.», «جريحاً،») or after a closing quote or
#: bracket («بسطاء».»), where its own rules split it after a letter only.
_CLOSING_AFTER_MARK = r"(?<=[\u064B-\u065F\u0670»\"”'\)])[\.,!\?؟،؛:»\)\"”]"


def _split_closing_marks(nlp: Language) -> None:
    """Make a blank pipeline's tokenizer split ``_CLOSING_AFTER_MARK`` off a word's end,
    as it does after a letter: the word then matches the lexicons' entries."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_suffix_regex

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer splits as it will
    suffixes = [*(nlp.Defaults.suffixes or ()), _CLOSING_AFTER_MARK]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _load_package(name: str) -> Language:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise ModelNotFoundError(
            f"the spaCy model package {name!r} is not installed",
            fix=f"pip install {name.replace('_', '-')} (it is a pinned dependency of veille)",
        ) from exc
    loaded: Language = module.load()
    settle()
    return loaded


def settle() -> None:
    """Take what was just loaded for the whole run out of the cycle collector's walks.

    A model's vocabulary, vectors and weights (a million or so Python objects), or the
    actor resolver's alias trie (a quarter of a million), live as long as the process
    and are never cyclic garbage, yet every full collection walked them all (a fifth of
    a second each for a model, several times in a batch of articles). ``gc.freeze``
    moves every object tracked at this point into the permanent generation, after a
    collection so that no pending garbage is frozen with them; objects freed by
    reference counting are freed as before."""
    gc.collect()
    gc.freeze()
