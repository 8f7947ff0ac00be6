"""The issuer's JSON Web Key Set, fetched over HTTP and refetched (rate-limited) on an unknown kid."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import jwt

from common.errors import Unauthenticated, Unavailable

log = logging.getLogger("modelplane.gateway.auth")


@dataclass(frozen=True, slots=True)
class SigningKey:
    """A verification key and the algorithm its JWK pins, if it pins one."""

    key: Any
    algorithm: str | None


class JwksCache:
    """Signing keys by kid, from `jwks_url` or the issuer's OpenID discovery document."""

    def __init__(
        self,
        *,
        jwks_url: str | None = None,
        issuer: str | None = None,
        min_refresh_seconds: float = 30.0,
        max_age_seconds: float = 3600.0,
        timeout_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not jwks_url and not issuer:
            raise ValueError("a JWKS needs either its URL or the issuer to discover it from")
        self.jwks_url = jwks_url
        self.issuer = issuer
        self.min_refresh_seconds = min_refresh_seconds
        self.max_age_seconds = max_age_seconds
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._clock = clock
        self._keys: dict[str | None, SigningKey] = {}
        self._fetched_at: float | None = None
        self._attempted_at: float | None = None
        self._failure: Unavailable | None = None
        self._lock = asyncio.Lock()
        self._session: aiohttp.ClientSession | None = None
        self.fetches = 0

    async def key_for(self, kid: str | None) -> SigningKey:
        """The key that signed a token with this `kid`; refetches the set when the kid is new."""
        if self._is_stale():
            await self._refresh(force=True)
        key = self._find(kid)
        if key is None:
            await self._refresh(force=False)
            key = self._find(kid)
        if key is None:
            raise Unauthenticated("the access token was signed with an unknown key")
        return key

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _find(self, kid: str | None) -> SigningKey | None:
        if kid is None and len(self._keys) == 1:
            return next(iter(self._keys.values()))
        return self._keys.get(kid)

    def _is_stale(self) -> bool:
        return self._fetched_at is None or self._clock() - self._fetched_at > self.max_age_seconds

    async def _refresh(self, *, force: bool) -> None:
        async with self._lock:
            if force and not self._is_stale():
                return  # another request refreshed it while this one waited
            # Unknown kids come from anyone on the internet: try at most every few seconds.
            now = self._clock()
            if (
                self._attempted_at is not None
                and now - self._attempted_at < self.min_refresh_seconds
            ):
                if not self._keys and self._failure is not None:
                    raise self._failure
                return
            self._attempted_at = now
            try:
                document = await self._get_json(await self._jwks_location())
            except Unavailable as error:
                self._failure = error
                if not self._keys:
                    raise
                # The identity provider is down: keep verifying with the keys already known.
                log.warning("auth: JWKS refresh failed, keeping the known keys: %s", error.message)
                return
            self._failure = None
            self._keys = _read_key_set(document)
            self._fetched_at = now
            self.fetches += 1

    async def _jwks_location(self) -> str:
        if self.jwks_url:
            return self.jwks_url
        assert self.issuer is not None
        discovery = await self._get_json(
            self.issuer.rstrip("/") + "/.well-known/openid-configuration"
        )
        location = discovery.get("jwks_uri")
        if not isinstance(location, str):
            raise Unavailable("the OIDC discovery document has no jwks_uri")
        self.jwks_url = location
        return location

    async def _get_json(self, url: str) -> dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            async with self._session.get(url) as response:
                if response.status != 200:
                    raise Unavailable(f"the identity provider answered {response.status} for {url}")
                document = json.loads(await response.read())
        except (TimeoutError, aiohttp.ClientError, ValueError) as error:
            raise Unavailable(
                "the identity provider's keys could not be fetched",
                suggestion="check MODELPLANE_OIDC_ISSUER / MODELPLANE_OIDC_JWKS_URL",
            ) from error
        if not isinstance(document, dict):
            raise Unavailable(f"{url} did not return a JSON object")
        return document


def _read_key_set(document: dict[str, Any]) -> dict[str | None, SigningKey]:
    keys: dict[str | None, SigningKey] = {}
    for raw in document.get("keys") or []:
        if not isinstance(raw, dict) or raw.get("use", "sig") != "sig":
            continue
        try:
            key = jwt.PyJWK(raw)
        except (jwt.PyJWKError, jwt.InvalidKeyError) as error:
            log.warning("auth: skipping JWKS key %r: %s", raw.get("kid"), error)
            continue
        pinned = raw.get("alg")
        keys[raw.get("kid")] = SigningKey(key.key, pinned if isinstance(pinned, str) else None)
    return keys
