"""Generated operations: enforcement never crashes and always leaves a valid operation."""

from __future__ import annotations

from graphql import build_schema, parse, print_ast, validate
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import queries

from common.tenancy import Caller
from gateway.auth.directives import DirectiveEnforcer
from tests.gateway.auth.test_directives import ADMIN, ANONYMOUS, SDL, VIEWER, WRITER

SCHEMA = build_schema(SDL)
ENFORCER = DirectiveEnforcer(SCHEMA)
PROJECT_MEMBER = Caller(user="vic", tenant="acme", project="p", scopes=frozenset({"registry:read"}))


@settings(
    max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(queries(SCHEMA, allow_x00=False, codec="utf-8"))
def test_enforcement_keeps_generated_operations_valid(query: str) -> None:
    document = parse(query)
    assert validate(SCHEMA, document) == []
    for caller in (ANONYMOUS, VIEWER, WRITER, ADMIN, PROJECT_MEMBER):
        result = ENFORCER.authorize(document, None, caller, document_key=query)
        assert validate(SCHEMA, result.document) == []
        assert all(error.code in ("UNAUTHENTICATED", "FORBIDDEN") for error in result.errors)
        if caller is ANONYMOUS:
            assert all(
                error.code == "UNAUTHENTICATED"
                for error in result.errors
                if "strange" not in error.message
            )
        if not result.errors:
            # Unchanged: the same text (results are cached by it, so maybe another parse).
            assert print_ast(result.document) == print_ast(document)
