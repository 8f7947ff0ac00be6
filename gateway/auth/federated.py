"""Federated identity: an OIDC bearer JWT verified against the issuer's JWKS."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import jwt

from common.errors import Unauthenticated
from common.tenancy import Caller
from gateway.auth.claims import read_string, read_strings
from gateway.auth.jwks import JwksCache
from gateway.auth.provider import anonymous_caller, read_bearer_token
from gateway.auth.roles import RoleMap
from gateway.auth.scoping import select_project, select_tenant

log = logging.getLogger("modelplane.gateway.auth")

_VERIFIED_CACHE_SIZE = 10_000

# Asymmetric only: a shared-secret algorithm would let anyone holding the public key sign.
DEFAULT_ALGORITHMS = (
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "EdDSA",
)


@dataclass(frozen=True, slots=True)
class ClaimPaths:
    """Where each part of the identity sits in the token (dotted paths)."""

    user: str = "sub"
    roles: str = "roles"
    scopes: str = "scope"
    tenant: str = "tenant"
    project: str = "project"
    groups: str = "groups"


@dataclass(frozen=True, slots=True)
class OidcConfig:
    issuer: str
    audience: tuple[str, ...] = ()
    jwks_url: str | None = None
    algorithms: tuple[str, ...] = DEFAULT_ALGORITHMS
    leeway_seconds: float = 30.0
    jwks_min_refresh_seconds: float = 30.0
    claims: ClaimPaths = field(default_factory=ClaimPaths)
    allow_anonymous: bool = False


class FederatedIdentityProvider:
    """Bearer JWTs: signature, iss, aud, exp/nbf; roles, scopes, tenant and project from claims."""

    def __init__(
        self,
        config: OidcConfig,
        role_map: RoleMap,
        default_tenant: str,
        jwks: JwksCache | None = None,
    ) -> None:
        self.config = config
        self.role_map = role_map
        self.default_tenant = default_tenant
        self.algorithms = tuple(a for a in config.algorithms if a.lower() != "none")
        self._verified: dict[str, tuple[dict[str, Any], float]] = {}
        self.jwks = jwks or JwksCache(
            jwks_url=config.jwks_url,
            issuer=config.issuer,
            min_refresh_seconds=config.jwks_min_refresh_seconds,
        )
        if not config.audience:
            log.warning(
                "auth: MODELPLANE_OIDC_AUDIENCE is unset; tokens for any audience are accepted"
            )

    async def identify(self, headers: Mapping[str, str]) -> Caller:
        token = read_bearer_token(headers)
        if token is None:
            if self.config.allow_anonymous:
                return anonymous_caller(select_tenant((), headers, self.default_tenant))
            raise Unauthenticated(
                "this request needs an access token",
                suggestion="send 'Authorization: Bearer <JWT>' from your identity provider",
            )
        claims = await self.verify_token(token)
        return self.caller_from_claims(claims, headers)

    async def verify_token(self, token: str) -> dict[str, Any]:
        """The token's claims once its signature, issuer, audience and lifetime check out.

        A verified token is remembered until it expires: clients send the same token for
        many requests, and the signature check is the costly part."""
        cached = self._verified.get(token)
        if cached is not None:
            claims, expires = cached
            if time.time() <= expires + self.config.leeway_seconds:
                return claims
            del self._verified[token]
        claims = await self._verify_signed(token)
        expiry = claims.get("exp")
        if isinstance(expiry, int | float):
            if len(self._verified) >= _VERIFIED_CACHE_SIZE:
                self._verified.pop(next(iter(self._verified)))
            self._verified[token] = (claims, float(expiry))
        return claims

    async def _verify_signed(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise Unauthenticated("the access token is not a well-formed JWT") from None
        algorithm = header.get("alg")
        if not isinstance(algorithm, str) or algorithm not in self.algorithms:
            raise Unauthenticated(f"tokens signed with {algorithm!r} are not accepted")
        kid = header.get("kid")
        key = await self.jwks.key_for(kid if isinstance(kid, str) else None)
        if key.algorithm is not None and key.algorithm != algorithm:
            raise Unauthenticated("the token's algorithm does not match its signing key")
        required = ["exp", "iss", "sub"] + (["aud"] if self.config.audience else [])
        try:
            return jwt.decode(
                token,
                key.key,
                algorithms=[algorithm],
                audience=list(self.config.audience) or None,
                issuer=self.config.issuer,
                leeway=self.config.leeway_seconds,
                options={"require": required, "verify_aud": bool(self.config.audience)},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the access token has expired") from None
        except jwt.ImmatureSignatureError:
            raise Unauthenticated("the access token is not valid yet") from None
        except jwt.InvalidAudienceError:
            raise Unauthenticated("the access token is for another audience") from None
        except jwt.InvalidIssuerError:
            raise Unauthenticated("the access token is from another issuer") from None
        except jwt.MissingRequiredClaimError as error:
            raise Unauthenticated(f"the access token lacks the {error.claim!r} claim") from None
        except jwt.PyJWTError:
            raise Unauthenticated("the access token's signature is not valid") from None

    def caller_from_claims(self, claims: Mapping[str, Any], headers: Mapping[str, str]) -> Caller:
        paths = self.config.claims
        user = read_string(claims, paths.user) or read_string(claims, "sub")
        if not user:
            raise Unauthenticated(f"the access token has no {paths.user!r} claim")
        roles = read_strings(claims, paths.roles)
        scopes = self.role_map.scopes_for(roles) | frozenset(read_strings(claims, paths.scopes))
        return Caller(
            user=user,
            tenant=select_tenant(read_strings(claims, paths.tenant), headers, self.default_tenant),
            project=select_project(read_strings(claims, paths.project), headers),
            roles=roles,
            scopes=scopes,
            groups=read_strings(claims, paths.groups),
        )

    async def close(self) -> None:
        await self.jwks.close()
