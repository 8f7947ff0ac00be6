"""Declares the scopes a subgraph's root fields need, as Federation `@requiresScopes`."""

from __future__ import annotations

from typing import Any

from strawberry.federation.schema_directives import Authenticated, RequiresScopes

# The scopes the gateway's roles grant (gateway/auth/roles.py): viewer reads, contributor
# writes the registry, deployer writes deployments, approver approves, admin does all.
REGISTRY_READ = [["registry:read"]]
REGISTRY_WRITE = [["registry:write"]]
CATALOG_READ = [["catalog:read"]]
DEPLOY_READ = [["deploy:read"]]
DEPLOY_WRITE = [["deploy:write"]]


def require_scopes(strawberry_type: Any, scopes: list[list[str]], *names: str) -> Any:
    """Adds @requiresScopes to the named fields of a Strawberry type (all of them when no
    name is given), before the schema is built; returns the type. Fields that already declare
    @requiresScopes or @authenticated are left as they are."""
    definition = strawberry_type.__strawberry_definition__
    for field in definition.fields:
        if names and field.python_name not in names and field.name not in names:
            continue
        if not any(isinstance(d, RequiresScopes | Authenticated) for d in field.directives):
            field.directives = [*field.directives, RequiresScopes(scopes=scopes)]
    return strawberry_type


def require_authentication(strawberry_type: Any) -> Any:
    """Adds @authenticated to every field of a Strawberry type: any identified caller may read
    them, whatever their scopes."""
    for field in strawberry_type.__strawberry_definition__.fields:
        if not any(isinstance(d, Authenticated) for d in field.directives):
            field.directives = [*field.directives, Authenticated()]
    return strawberry_type
