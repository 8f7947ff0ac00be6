"""The identity-provider boundary: request headers in, a verified Caller out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from common.errors import Unauthenticated
from common.headers import LowercaseHeaders
from common.tenancy import Caller

TENANT_HEADER = "x-tenant-id"
PROJECT_HEADER = "x-project-id"


@runtime_checkable
class IdentityProvider(Protocol):
    """Turns request headers into a Caller, or raises Unauthenticated / Forbidden."""

    async def identify(self, headers: Mapping[str, str]) -> Caller: ...

    async def close(self) -> None:
        """Releases HTTP sessions and API clients; call at shutdown."""
        ...


def anonymous_caller(tenant: str) -> Caller:
    """The caller of a request without credentials, where the deployment allows those."""
    return Caller(user="", tenant=tenant, project=None, roles=(), scopes=frozenset(), groups=())


def is_authenticated(caller: Caller) -> bool:
    return bool(caller.user)


def read_header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by case-insensitive name, from Starlette headers or a plain dict."""
    lowered = name.lower()
    if isinstance(headers, LowercaseHeaders):
        return headers.get(lowered)
    value = headers.get(name)
    if value is not None:
        return value
    value = headers.get(lowered)
    if value is not None:
        return value
    for key, candidate in headers.items():
        if key.lower() == lowered:
            return candidate
    return None


def read_bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an `Authorization: Bearer …` header; None when there is no such header."""
    value = read_header(headers, "authorization")
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated(
            "the Authorization header must be 'Bearer <token>'",
            suggestion="send the API token or access token as a bearer token",
        )
    return token
