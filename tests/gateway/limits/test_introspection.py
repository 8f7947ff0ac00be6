"""Introspection is allowed where the deployment or the caller's role allows it."""

from __future__ import annotations

import pytest
from graphql import get_introspection_query, parse

from common.tenancy import Caller
from gateway.limits.errors import IntrospectionDisabled
from gateway.limits.introspection import check_introspection, uses_introspection

VIEWER = Caller(user="v", scopes=frozenset({"registry:read"}))
ADMIN = Caller(user="a", scopes=frozenset({"admin", "introspection"}))


@pytest.mark.parametrize(
    ("query", "uses"),
    [
        ("{ __schema { types { name } } }", True),
        ('{ __type(name: "Model") { name } }', True),
        (
            '{ models { ...F } } fragment F on Model { __typename owner { ...G } } fragment G on User { __type(name: "x") { name } }',
            True,
        ),
        ("{ __typename models { __typename } }", False),
        ("{ models { id } }", False),
    ],
)
def test_introspection_is_found_anywhere_in_the_operation(query: str, uses: bool) -> None:
    assert uses_introspection(parse(query)) is uses


def test_introspection_is_refused_without_the_scope() -> None:
    document = parse(get_introspection_query())
    with pytest.raises(IntrospectionDisabled) as error:
        check_introspection(document, "IntrospectionQuery", VIEWER, enabled=False)
    assert (error.value.code, error.value.http_status) == ("INTROSPECTION_DISABLED", 403)
    check_introspection(document, "IntrospectionQuery", ADMIN, enabled=False)
    check_introspection(document, "IntrospectionQuery", VIEWER, enabled=True)
    check_introspection(parse("{ models { id } }"), None, VIEWER, enabled=False)
