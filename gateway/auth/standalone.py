"""Standalone identity: users and hashed API tokens from the auth config file, or one local admin."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from common.errors import Unauthenticated
from common.tenancy import Caller
from gateway.auth.provider import (
    PROJECT_HEADER,
    TENANT_HEADER,
    anonymous_caller,
    read_bearer_token,
    read_header,
)
from gateway.auth.roles import RoleMap
from gateway.auth.scoping import select_project, select_tenant
from gateway.auth.tokens import is_token_hash, verify_token

log = logging.getLogger("modelplane.gateway.auth")

LOCAL_ADMIN = "local-admin"
_VERIFIED_CACHE_SIZE = 1024
_LOCAL_CALLERS_SIZE = 256


@dataclass(frozen=True, slots=True)
class LocalUser:
    name: str
    roles: tuple[str, ...] = ()
    tenants: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ApiToken:
    user: str
    hash: str
    roles: tuple[str, ...] | None = None
    expires_at: float | None = None
    name: str = ""


@dataclass(frozen=True, slots=True)
class StandaloneConfig:
    users: Mapping[str, LocalUser]
    tokens: tuple[ApiToken, ...]
    allow_anonymous: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.users and not self.tokens

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, allow_anonymous: bool = False
    ) -> StandaloneConfig:
        users = {user.name: user for user in (_read_user(raw) for raw in data.get("users") or [])}
        tokens = tuple(_read_token(raw, users) for raw in data.get("tokens") or [])
        for user in data.get("users") or []:
            for stored in user.get("tokens") or []:
                tokens += (_read_token({"user": user["name"], "hash": stored}, users),)
        anonymous = bool(data.get("allow_anonymous", allow_anonymous))
        return cls(users=users, tokens=tokens, allow_anonymous=anonymous)


class StandaloneIdentityProvider:
    """Bearer API tokens checked against salted hashes; a single local admin when unconfigured."""

    def __init__(self, config: StandaloneConfig, role_map: RoleMap, default_tenant: str) -> None:
        self.config = config
        self.role_map = role_map
        self.default_tenant = default_tenant
        self._by_sha256 = {
            token.hash.partition(":")[2].lower(): token
            for token in config.tokens
            if token.hash.startswith("sha256:")
        }
        self._salted = [token for token in config.tokens if not token.hash.startswith("sha256:")]
        self._verified: dict[str, ApiToken] = {}
        # Unconfigured, every request is the local admin: the Caller per (tenant header,
        # project header), built once (Caller is immutable).
        self._local_only = config.is_empty
        self._local_callers: dict[tuple[str | None, str | None], Caller] = {}
        if config.is_empty:
            log.warning(
                "auth: no users or API tokens are configured (MODELPLANE_AUTH_CONFIG); "
                "every request acts as the local admin %r",
                LOCAL_ADMIN,
            )

    async def identify(self, headers: Mapping[str, str]) -> Caller:
        if self._local_only:
            key = (read_header(headers, TENANT_HEADER), read_header(headers, PROJECT_HEADER))
            caller = self._local_callers.get(key)
            if caller is None:
                caller = self._caller(LocalUser(LOCAL_ADMIN, roles=("admin",)), None, headers)
                if len(self._local_callers) >= _LOCAL_CALLERS_SIZE:
                    self._local_callers.clear()  # header values come from clients
                self._local_callers[key] = caller
            return caller
        token = read_bearer_token(headers)
        if token is None:
            if self.config.allow_anonymous:
                return anonymous_caller(select_tenant((), headers, self.default_tenant))
            raise Unauthenticated(
                "this request needs an API token",
                suggestion="send 'Authorization: Bearer <token>'",
            )
        entry = await self._find_token(token)
        if entry is None:
            raise Unauthenticated("the API token is not valid")
        if entry.expires_at is not None and entry.expires_at < time.time():
            raise Unauthenticated("the API token has expired")
        user = self.config.users.get(entry.user) or LocalUser(entry.user)
        return self._caller(user, entry, headers)

    async def close(self) -> None:
        self._verified.clear()

    def _caller(
        self, user: LocalUser, token: ApiToken | None, headers: Mapping[str, str]
    ) -> Caller:
        roles = user.roles
        if token is not None and token.roles is not None:
            roles = token.roles
            if user.roles:
                # A token may carry less power than its user, never more.
                allowed = self.role_map.scopes_for(user.roles)
                roles = tuple(r for r in roles if self.role_map.scopes_for([r]) <= allowed)
        return Caller(
            user=user.name,
            tenant=select_tenant(user.tenants, headers, self.default_tenant),
            project=select_project(user.projects, headers),
            roles=roles,
            scopes=self.role_map.scopes_for(roles),
            groups=user.groups,
        )

    async def _find_token(self, token: str) -> ApiToken | None:
        fingerprint = hashlib.sha256(token.encode()).hexdigest()
        found = self._by_sha256.get(fingerprint) or self._verified.get(fingerprint)
        if found is not None or not self._salted:
            return found
        # scrypt is deliberately slow: keep it off the event loop.
        found = await asyncio.to_thread(self._verify_salted, token)
        if found is not None:
            if len(self._verified) >= _VERIFIED_CACHE_SIZE:
                self._verified.pop(next(iter(self._verified)))
            self._verified[fingerprint] = found
        return found

    def _verify_salted(self, token: str) -> ApiToken | None:
        for entry in self._salted:
            if verify_token(token, entry.hash):
                return entry
        return None


def _strings(raw: Any, key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _read_user(raw: Mapping[str, Any]) -> LocalUser:
    if not raw.get("name"):
        raise ValueError("every user in the auth config needs a name")
    return LocalUser(
        name=str(raw["name"]),
        roles=_strings(raw, "roles"),
        tenants=_strings(raw, "tenant") + _strings(raw, "tenants"),
        projects=_strings(raw, "project") + _strings(raw, "projects"),
        groups=_strings(raw, "groups"),
    )


def _read_token(raw: Mapping[str, Any], users: Mapping[str, LocalUser]) -> ApiToken:
    stored = str(raw.get("hash") or "")
    if not is_token_hash(stored):
        raise ValueError(
            "API tokens in the auth config must be hashes ('sha256:…' or 'scrypt:…'); "
            "make one with gateway.auth.hash_token"
        )
    user = str(raw.get("user") or "")
    roles = _strings(raw, "roles") if "roles" in raw else None
    if not user or (user not in users and roles is None):
        raise ValueError(
            f"API token {raw.get('name') or stored[:16]!r} needs a known user or its own roles"
        )
    return ApiToken(
        user=user,
        hash=stored,
        roles=roles,
        expires_at=_read_time(raw.get("expires")),
        name=str(raw.get("name") or ""),
    )


def _read_time(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, int | float):
        return float(value)
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
