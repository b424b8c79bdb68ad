"""schemathesis against the API's own OpenAPI document (issue 7).

Every operation of ``create_app`` (``/openapi.json``) gets requests generated from its
schema, valid and invalid (hypothesis, a fixed number of examples per operation), sent
in-process to the ASGI app over a store of synthetic events; ``POST /api/ingest`` is
reached with the bearer token and a stand-in pipeline (no models). Every response must
be free of server errors (no 5xx), every error must have the one shape
``{"error": {"code", "message"}}`` with non-empty strings, and every 2xx response must
match the documented schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import response_schema_conformance

from veille.api import ApiSettings, create_app
from veille.model import Article, ArticleFailure
from veille.store import Store, open_store
from veille.store._synthetic import SyntheticPipeline, synthetic_item

TOKEN = "schemathesis-token"
N_EVENTS = 12
EXAMPLES_PER_OPERATION = 60  # 9 operations, valid and invalid: ~450 requests, ~15 s


def error_shape(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Each 4xx/5xx answer of the API is ``{"error": {"code": str, "message": str}}``."""
    if response.status_code < 400:
        return None
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise AssertionError(f"{response.status_code} error body is not JSON") from exc
    assert isinstance(body, dict) and set(body) == {"error"}, body
    error = body["error"]
    assert isinstance(error, dict) and set(error) == {"code", "message"}, body
    assert isinstance(error["code"], str) and error["code"], body
    assert isinstance(error["message"], str) and error["message"], body
    return True


def documented_2xx(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """2xx bodies match the response schema (errors are checked by ``error_shape``)."""
    if not 200 <= response.status_code < 300:
        return None
    return response_schema_conformance(ctx, response, case)


@pytest.fixture(scope="module")
def api_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder: Path = tmp_path_factory.mktemp("api-schema")
    store = open_store(f"sqlite:///{folder / 'api.sqlite'}")
    items = [synthetic_item(i) for i in range(N_EVENTS)]
    articles: list[Article | ArticleFailure] = [it.article for it in items]
    store.ingest(articles, SyntheticPipeline(items))
    yield store
    store.close()


@pytest.fixture(scope="module")
def api_schema(api_store: Store) -> schemathesis.BaseSchema:
    items = [synthetic_item(i) for i in range(N_EVENTS)]
    settings_ = ApiSettings(pipeline_factory=lambda: SyntheticPipeline(items))
    app = create_app(api_store, token=TOKEN, settings=settings_)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# schemathesis' pytest plugin (``from_fixture``) does not run under pytest 9, so each
# operation is driven by hypothesis directly from its strategy.
OPERATIONS = [
    ("GET", "/api/events"),
    ("GET", "/api/events/{event_id}"),
    ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/actors"),
    ("GET", "/api/places"),
    ("GET", "/api/stats"),
    ("GET", "/api/search"),
    ("GET", "/api/export"),
    ("POST", "/api/ingest"),
]


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_api_never_fails_and_errors_have_one_shape(
    api_schema: schemathesis.BaseSchema, method: str, path: str
) -> None:
    operation = api_schema[path][method]

    strategy = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,  # the same requests on every run: a failure reproduces
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Case[Any]) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {TOKEN}"},
            checks=[not_a_server_error, error_shape, documented_2xx],
        )

    check()


def test_the_schema_lists_every_api_operation(api_schema: schemathesis.BaseSchema) -> None:
    """Guard against testing nothing: the spec holds exactly the operations above."""
    ops = set()
    for result in api_schema.get_all_operations():
        assert isinstance(result, Ok), f"an operation's schema does not load: {result.err()}"
        op = result.ok()
        ops.add((op.method.upper(), op.path))
    assert ops == set(OPERATIONS)
