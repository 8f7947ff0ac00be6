"""Generated operations, valid and invalid: limits answer with a limit error or a number, never a crash."""

from __future__ import annotations

from graphql import GraphQLError, build_schema, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, queries

from common.errors import ModelplaneError
from common.tenancy import Caller
from gateway.limits.errors import OperationLimitExceeded
from gateway.limits.operation import OperationLimits
from gateway.limits.settings import LimitSettings
from gateway.limits.tokens import count_tokens
from tests.gateway.limits.test_cost import SDL

SCHEMA = build_schema(SDL)
LIMITS = OperationLimits(SCHEMA, LimitSettings(max_cost=10**9))
CALLER = Caller(user="u", scopes=frozenset())


@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(queries(SCHEMA, allow_x00=False, codec="utf-8"))
def test_valid_operations_get_a_cost(query: str) -> None:
    document = parse(query)
    assert count_tokens(query) > 0
    try:
        assert LIMITS.check(document, None, None, CALLER) >= 0
    except OperationLimitExceeded as error:
        assert error.extensions()["value"] > error.extensions()["maximum"]


@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.one_of(queries(SCHEMA, mode=Mode.NEGATIVE, allow_x00=False, codec="utf-8"), st.text()))
def test_invalid_operations_never_crash_the_limits(query: str) -> None:
    count_tokens(query, 10_000)
    try:
        document = parse(query)
    except GraphQLError:
        return
    try:
        LIMITS.check(document, None, {"n": "not-an-int"}, CALLER)
    except ModelplaneError as error:
        assert error.http_status < 500
