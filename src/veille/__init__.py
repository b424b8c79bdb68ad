"""veille: offline conflict-event extraction from news, with provenance for every field.

Public API (re-exported lazily so that importing veille does no work)::

    from veille import Pipeline, Article
    events = Pipeline().run([Article(id="a1", text="...", published="2024-02-05")])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from veille.model import Article, ArticleFailure, Event, RunResult

__all__ = ["Article", "ArticleFailure", "Event", "Pipeline", "RunResult", "__version__"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from veille.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    # The pipeline pulls in spaCy; import it only when asked for.
    if name == "Pipeline":
        from veille.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'veille' has no attribute {name!r}")
