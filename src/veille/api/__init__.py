"""HTTP API and dashboard over a veille store.

>>> from veille.api import create_app
>>> app = create_app(open_store(url))            # read-only
>>> app = create_app(open_store(url), token="s3cret")   # POST /api/ingest enabled

JSON under ``/api`` (OpenAPI at ``/openapi.json``), every error as
``{"error": {"code", "message"}}``; HTML pages at ``/`` and ``/events/{id}`` with a
strict Content-Security-Policy (scripts only from ``/static``).
"""

from veille.api._app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
