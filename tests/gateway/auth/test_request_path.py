"""The request path as the gateway wires it: identity, pre-parse limits, parse, operation limits, authorization."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema, parse

from common.errors import ModelplaneError
from gateway.auth.directives import AuthorizationResult, DirectiveEnforcer
from gateway.auth.settings import build_identity_provider
from gateway.auth.tokens import hash_token
from gateway.limits.operation import OperationLimits
from gateway.limits.request import RequestLimits
from gateway.limits.settings import LimitSettings
from tests.gateway.auth.test_directives import SDL

CONFIG = {
    "users": [{"name": "vic", "roles": ["viewer"], "tenant": "acme"}],
    "tokens": [{"user": "vic", "hash": hash_token("mpt_vic", algorithm="sha256")}],
}


async def handle(
    schema: GraphQLSchema, method: str, headers: dict[str, str], body: dict[str, Any]
) -> tuple[int, AuthorizationResult | dict[str, Any]]:
    provider = build_identity_provider("standalone", config=CONFIG)
    settings = LimitSettings(rate_limit_rps=5, rate_limit_burst=5)
    request_limits = RequestLimits.from_settings(settings)
    operation_limits = OperationLimits(schema, settings)
    enforcer = DirectiveEnforcer(schema)
    try:
        request_limits.check_request(method, headers)
        caller = await provider.identify(headers)
        await request_limits.check_rate(caller)
        text = request_limits.resolve_query(body, headers)
        document = parse(text)  # the gateway's document cache: parse + validate once per text
        document_key = hashlib.sha256(text.encode()).hexdigest()
        operation_limits.check(document, body.get("operationName"), body.get("variables"), caller)
        return 200, enforcer.authorize(
            document,
            body.get("operationName"),
            caller,
            body.get("variables"),
            document_key=document_key,
        )
    except ModelplaneError as error:
        return error.http_status, {
            "errors": [{"message": error.message, "extensions": error.extensions()}]
        }
    finally:
        await request_limits.close()


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(SDL)


JSON = {"content-type": "application/json"}


async def test_a_viewer_gets_the_operation_without_the_fields_it_may_not_see(
    schema: GraphQLSchema,
) -> None:
    status, result = await handle(
        schema,
        "POST",
        {**JSON, "authorization": "Bearer mpt_vic"},
        {"query": "{ models { id owner } }"},
    )
    assert status == 200 and isinstance(result, AuthorizationResult)
    assert [(e.path, e.code) for e in result.errors] == [(("models", "owner"), "FORBIDDEN")]


@pytest.mark.parametrize(
    ("method", "headers", "body", "status", "code"),
    [
        (
            "POST",
            {"content-type": "text/plain"},
            {"query": "{ models { id } }"},
            400,
            "CSRF_REJECTED",
        ),
        ("POST", JSON, {"query": "{ models { id } }"}, 401, "UNAUTHENTICATED"),
        (
            "POST",
            {**JSON, "authorization": "Bearer nope"},
            {"query": "{ models { id } }"},
            401,
            "UNAUTHENTICATED",
        ),
        (
            "POST",
            {**JSON, "authorization": "Bearer mpt_vic"},
            {"documentId": "0" * 64},
            400,
            "PERSISTED_QUERY_NOT_FOUND",
        ),
        (
            "POST",
            {**JSON, "authorization": "Bearer mpt_vic"},
            {"query": "{ __schema { types { name } } }"},
            403,
            "INTROSPECTION_DISABLED",
        ),
        (
            "POST",
            {**JSON, "authorization": "Bearer mpt_vic", "x-tenant-id": "globex"},
            {"query": "{ models { id } }"},
            403,
            "FORBIDDEN",
        ),
        (
            "POST",
            {**JSON, "authorization": "Bearer mpt_vic"},
            {"query": "{ " + "model(id: 1) { id } " * 21 + "}"},
            400,
            "OPERATION_LIMIT_EXCEEDED",
        ),
    ],
)
async def test_each_refusal_has_its_code_and_status(
    schema: GraphQLSchema,
    method: str,
    headers: dict[str, str],
    body: dict[str, Any],
    status: int,
    code: str,
) -> None:
    got_status, payload = await handle(schema, method, headers, body)
    assert isinstance(payload, dict)
    assert (got_status, payload["errors"][0]["extensions"]["code"]) == (status, code)
