"""The OpenAPI schema at /api/openapi.json is true: schemathesis calls every operation in-process.

Each operation gets a fixed, small number of generated requests, valid ones and invalid ones
(derandomized: every run sends the same), and each answer must be a status the schema lists for
it, with the content type, headers and body schema it documents, and never a 5xx. The run and
submit operations go to the real judge: generated code fails its static checks in milliseconds.

Hypothesis runs inside each test rather than through ``schema.parametrize()``, whose lazy form
(``schemathesis.pytest.from_fixture``) fails on pytest 9 (it reads ``request.node._nodeid``): so
the app and its database are made by a fixture, not at import time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode, checks
from schemathesis.python import asgi

from mlprep.store import open_store
from mlprep.web.app import create_app
from mlprep.web.state import Settings

EXAMPLES = 10  # per operation and mode (valid, invalid requests): about 12 s in all, idle
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


def _cases() -> list[tuple[str, str, GenerationMode]]:
    """(method, path, mode) for every operation, read from the schema without starting the app.

    Invalid requests only where an input can be invalid: a body, or a parameter that is not
    just any string (a string path parameter has no wrong value).
    """
    cases = []
    for path, operations in create_app().openapi()["paths"].items():
        for method, operation in operations.items():
            cases.append((method.upper(), path, GenerationMode.POSITIVE))
            parameters = operation.get("parameters", [])
            if "requestBody" in operation or not all(map(_any_string, parameters)):
                cases.append((method.upper(), path, GenerationMode.NEGATIVE))
    return cases


def _any_string(parameter: dict) -> bool:
    schema = parameter["schema"]
    return schema.get("type") == "string" and set(schema) <= {"type", "title", "description"}


CASES = _cases()


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('schema')}/api.db")
    app = create_app(Settings(workers=1), store)
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app)  # starts the app's lifespan
    asgi.shutdown_lifespans()  # stop the judge's sandbox before the store closes
    store.close()


@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=[" ".join(c) for c in CASES])
def test_every_operation_answers_as_its_schema_says(
    api_schema: schemathesis.BaseSchema, method: str, path: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,  # a fixed seed: the same requests on every run
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    answers_as_documented()


def test_errors_are_documented_as_the_app_sends_them(tmp_path: Path) -> None:
    """Every 4xx/5xx documented is ``{"detail": str}``; FastAPI's list of errors is nowhere."""
    from fastapi.testclient import TestClient

    store = open_store(f"sqlite:///{tmp_path}/doc.db")
    with TestClient(create_app(Settings(workers=1), store)) as client:
        document = client.get("/api/openapi.json").json()
    store.close()
    assert "HTTPValidationError" not in str(document)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorDetail"), (method, path, status)
            if method in ("post", "put", "delete"):
                assert "403" in operation["responses"], (method, path)


def test_every_error_status_described_is_one_a_route_documents(tmp_path: Path) -> None:
    """``errors.DESCRIPTIONS`` describes no status that no route of the single-user app or of a
    team server's can answer (501 once was); 401 is the team server's alone."""
    from mlprep.web.errors import DESCRIPTIONS

    def documented(app: FastAPI) -> set[int]:
        return {
            int(status)
            for operations in app.openapi()["paths"].values()
            for operation in operations.values()
            for status in operation["responses"]
            if status.startswith(("4", "5"))
        }

    with open_store(f"sqlite:///{tmp_path / 'team.db'}") as store:
        team = documented(create_app(Settings(team=True), store))
    single = documented(create_app())
    assert 401 not in single and 401 in team
    assert set(DESCRIPTIONS) == single | team
