"""NLP pipelines per language: spaCy model packages from PyPI, loaded once per Pipeline."""

from veille.nlp.models import MODEL_PACKAGES, load_spacy

__all__ = ["MODEL_PACKAGES", "load_spacy"]
