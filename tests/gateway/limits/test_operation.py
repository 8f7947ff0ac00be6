"""All operation limits in one call, configured from the environment."""

from __future__ import annotations

import pytest
from graphql import build_schema, get_introspection_query, parse

from common.settings import DECLARED
from common.tenancy import Caller
from gateway.limits.errors import IntrospectionDisabled, OperationLimitExceeded
from gateway.limits.operation import OperationLimits, check_operation_limits
from gateway.limits.settings import LimitSettings

SCHEMA = build_schema(
    """
    type Query { models(first: Int): [Model!]! model(id: ID!): Model }
    type Model { id: ID! parent: Model versions: [Model!]! }
    """
)
VIEWER = Caller(user="v", scopes=frozenset({"registry:read"}))


def test_defaults_are_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in DECLARED if n.startswith(("MODELPLANE_MAX_", "MODELPLANE_RATE_"))]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MODELPLANE_MODE", "federated")
    monkeypatch.delenv("MODELPLANE_INTROSPECTION", raising=False)
    settings = LimitSettings.from_env()
    assert (settings.max_depth, settings.max_aliases, settings.max_root_fields) == (15, 30, 20)
    assert (settings.max_tokens, settings.max_cost, settings.max_body_bytes) == (
        10_000,
        50_000,
        1 << 20,
    )
    assert (settings.rate_limit_rps, settings.rate_limit_burst) == (100, 200)
    assert settings.csrf_prevention and not settings.introspection
    assert settings.operation_timeout_seconds == 30


def test_standalone_allows_introspection_by_default_and_env_overrides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MODELPLANE_MODE", "standalone")
    monkeypatch.delenv("MODELPLANE_INTROSPECTION", raising=False)
    assert LimitSettings.from_env().introspection
    monkeypatch.setenv("MODELPLANE_INTROSPECTION", "false")
    monkeypatch.setenv("MODELPLANE_MAX_DEPTH", "3")
    settings = LimitSettings.from_env()
    assert not settings.introspection and settings.max_depth == 3


def test_a_normal_operation_passes_and_its_cost_is_returned() -> None:
    # Without @listSize, a list counts as the default size whatever `first` says.
    document = parse("{ models(first: 5) { id parent { id } } }")
    assert check_operation_limits(SCHEMA, document, None, None, VIEWER, LimitSettings()) == 10 * (
        1 + 1
    )


@pytest.mark.parametrize(
    ("query", "limit"),
    [
        ("{ model(id: 1) " + "{ parent " * 16 + "{ id }" + " }" * 16 + " }", "depth"),
        ("{ " + " ".join(f"a{i}: model(id: {i}) {{ id }}" for i in range(31)) + " }", "aliases"),
        ("{ " + " ".join("model(id: 1) { id }" for _ in range(21)) + " }", "rootFields"),
        ("{ models { versions { versions { versions { versions { id } } } } } }", "cost"),
    ],
)
def test_each_limit_rejects(query: str, limit: str) -> None:
    with pytest.raises(OperationLimitExceeded) as error:
        check_operation_limits(SCHEMA, parse(query), None, None, VIEWER, LimitSettings())
    assert error.value.extensions()["limit"] == limit


def test_introspection_follows_the_setting() -> None:
    document = parse(get_introspection_query())
    with pytest.raises(IntrospectionDisabled):
        check_operation_limits(SCHEMA, document, None, None, VIEWER, LimitSettings())
    check_operation_limits(SCHEMA, document, None, None, VIEWER, LimitSettings(introspection=True))


def test_a_reusable_checker_skips_shape_checks_already_done() -> None:
    limits = OperationLimits(SCHEMA, LimitSettings(max_depth=2))
    deep = parse("{ model(id: 1) { parent { parent { id } } } }")
    with pytest.raises(OperationLimitExceeded):
        limits.check(deep, None, None, VIEWER)
    # The caller ran check_shape when it cached the document; cost still applies.
    assert limits.check(deep, None, None, VIEWER, shape_checked=True) == 3
    assert limits.cost.estimate(parse("{ models { id } }")) == 10
