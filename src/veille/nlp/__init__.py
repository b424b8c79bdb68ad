"""NLP pipelines per language: spaCy model packages from PyPI, loaded once per Pipeline
(which one: the language folder's ``language.json``, or the config's ``[nlp]``)."""

from veille.nlp.models import load_spacy

__all__ = ["load_spacy"]
