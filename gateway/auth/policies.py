"""Named policies for `@policy`: checks the gateway evaluates on the caller and the field's arguments."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from common.tenancy import Caller
from gateway.auth.roles import ADMIN

log = logging.getLogger("modelplane.gateway.auth")


@dataclass(frozen=True, slots=True)
class PolicyContext:
    """What a policy may look at besides the caller: the field (or type) it guards and its
    arguments with variables applied. Results are cached per document and caller, so a policy
    must be a pure function of these."""

    coordinate: str
    arguments: Mapping[str, Any] = field(default_factory=dict)
    variables: Mapping[str, Any] = field(default_factory=dict)


Policy = Callable[[Caller, PolicyContext], bool]

_TENANT_ARGUMENTS = ("tenant", "tenantId")
_OWNER_ARGUMENTS = ("owner", "ownerId", "author")


def tenant_matches(caller: Caller, context: PolicyContext) -> bool:
    """Any tenant the field's arguments name is the caller's own."""
    named = [
        context.arguments[a] for a in _TENANT_ARGUMENTS if context.arguments.get(a) is not None
    ]
    return all(value == caller.tenant for value in named)


def is_owner(caller: Caller, context: PolicyContext) -> bool:
    """The caller is the owner the field's arguments name, or an admin.

    Ownership of a stored object is the subgraph's to check; at the gateway only what the
    request itself says is known, so with no owner argument this denies (fails closed).
    """
    if ADMIN in caller.scopes:
        return True
    named = [context.arguments[a] for a in _OWNER_ARGUMENTS if context.arguments.get(a) is not None]
    return bool(caller.user) and bool(named) and all(value == caller.user for value in named)


def has_project(caller: Caller, context: PolicyContext) -> bool:
    """The request acts within a project (X-Project-Id or the token's project claim)."""
    return caller.project is not None


class PolicyRegistry(Mapping[str, Policy]):
    """Policies by the name `@policy` uses; an unknown name always denies."""

    def __init__(self, policies: Mapping[str, Policy] | None = None) -> None:
        self._policies: dict[str, Policy] = dict(policies or {})

    @classmethod
    def with_defaults(cls) -> PolicyRegistry:
        return cls(
            {"tenant-matches": tenant_matches, "is-owner": is_owner, "has-project": has_project}
        )

    def register(self, name: str, policy: Policy) -> None:
        self._policies[name] = policy

    def evaluate(self, name: str, caller: Caller, context: PolicyContext) -> bool:
        policy = self._policies.get(name)
        if policy is None:
            log.warning(
                "auth: @policy names unknown policy %r; denying %s", name, context.coordinate
            )
            return False
        try:
            return bool(policy(caller, context))
        except Exception:
            log.exception("auth: policy %r failed on %s; denying", name, context.coordinate)
            return False

    def __getitem__(self, name: str) -> Policy:
        return self._policies[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._policies)

    def __len__(self) -> int:
        return len(self._policies)
