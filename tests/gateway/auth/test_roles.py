"""Roles map to scopes: the defaults, and overrides from the config file."""

from __future__ import annotations

from gateway.auth.roles import DEFAULT_ROLE_SCOPES, RoleMap


def test_default_roles_grant_increasing_powers() -> None:
    roles = RoleMap.default()
    viewer = roles.scopes_for(["viewer"])
    assert viewer == {"registry:read", "catalog:read", "deploy:read"}
    assert roles.scopes_for(["contributor"]) == viewer | {"registry:write"}
    assert roles.scopes_for(["approver"]) == viewer | {"governance:approve"}
    assert roles.scopes_for(["deployer"]) == viewer | {"deploy:write"}
    admin = roles.scopes_for(["admin"])
    for role in DEFAULT_ROLE_SCOPES:
        assert roles.scopes_for([role]) <= admin
    assert {"admin", "introspection"} <= admin


def test_roles_combine_and_unknown_roles_grant_nothing() -> None:
    roles = RoleMap.default()
    assert roles.scopes_for(["contributor", "deployer"]) >= {"registry:write", "deploy:write"}
    assert roles.scopes_for(["wizard"]) == frozenset()
    assert roles.scopes_for([]) == frozenset()


def test_config_can_redefine_and_add_roles() -> None:
    roles = RoleMap.default().merged_with({"viewer": ["registry:read"], "auditor": ["audit:read"]})
    assert roles.scopes_for(["viewer"]) == {"registry:read"}
    assert roles.scopes_for(["auditor"]) == {"audit:read"}
    assert "deploy:write" in roles.scopes_for(["deployer"])
