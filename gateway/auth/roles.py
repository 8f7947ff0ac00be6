"""Roles and the scopes they grant; the default map can be replaced from the auth config."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

REGISTRY_READ = "registry:read"
REGISTRY_WRITE = "registry:write"
CATALOG_READ = "catalog:read"
GOVERNANCE_APPROVE = "governance:approve"
DEPLOY_READ = "deploy:read"
DEPLOY_WRITE = "deploy:write"
INTROSPECTION = "introspection"
ADMIN = "admin"

_VIEWER = (REGISTRY_READ, CATALOG_READ, DEPLOY_READ)

DEFAULT_ROLE_SCOPES: Mapping[str, tuple[str, ...]] = {
    "viewer": _VIEWER,
    "contributor": (*_VIEWER, REGISTRY_WRITE),
    "approver": (*_VIEWER, GOVERNANCE_APPROVE),
    "deployer": (*_VIEWER, DEPLOY_WRITE),
    "admin": (
        *_VIEWER,
        REGISTRY_WRITE,
        GOVERNANCE_APPROVE,
        DEPLOY_WRITE,
        INTROSPECTION,
        ADMIN,
    ),
}


@dataclass(frozen=True, slots=True)
class RoleMap:
    """Which scopes each role grants; unknown roles grant nothing."""

    scopes_by_role: Mapping[str, frozenset[str]]

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Iterable[str]]) -> RoleMap:
        return cls({role: frozenset(scopes) for role, scopes in mapping.items()})

    @classmethod
    def default(cls) -> RoleMap:
        return cls.from_mapping(DEFAULT_ROLE_SCOPES)

    def scopes_for(self, roles: Iterable[str]) -> frozenset[str]:
        granted: set[str] = set()
        for role in roles:
            granted |= self.scopes_by_role.get(role, frozenset())
        return frozenset(granted)

    def merged_with(self, overrides: Mapping[str, Iterable[str]]) -> RoleMap:
        """The default roles with some redefined or added by configuration."""
        scopes = dict(self.scopes_by_role)
        scopes.update({role: frozenset(values) for role, values in overrides.items()})
        return RoleMap(scopes)
