"""A local OIDC issuer for tests: RSA keys, signed JWTs, discovery and JWKS served over HTTP."""

from __future__ import annotations

import functools
import json
import time
from typing import Any

import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa


@functools.cache
def _private_key(kid: str) -> rsa.RSAPrivateKey:
    # RSA key generation is slow; each kid gets one key for the whole test run.
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class SigningKey:
    def __init__(self, kid: str) -> None:
        self.kid = kid
        self.private = _private_key(kid)

    def public_jwk(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return dict(jwk)


class LocalIssuer:
    """Serves /.well-known/openid-configuration and /jwks.json; counts JWKS fetches."""

    audience = "modelplane"

    def __init__(self) -> None:
        self.keys = [SigningKey("key-1")]
        self.jwks_requests = 0
        self.server: TestServer | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        assert self._url is not None, "start the issuer first"
        return self._url

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/.well-known/openid-configuration", self._discovery)
        app.router.add_get("/jwks.json", self._jwks)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()
        # Kept after close, so tests can go on minting tokens for an issuer that went away.
        self._url = str(self.server.make_url("")).rstrip("/")

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    def rotate(self, kid: str) -> SigningKey:
        """A new signing key published beside the old ones."""
        key = SigningKey(kid)
        self.keys.append(key)
        return key

    def token(
        self,
        claims: dict[str, Any] | None = None,
        *,
        key: SigningKey | None = None,
        lifetime: int = 300,
        headers: dict[str, Any] | None = None,
    ) -> str:
        key = key or self.keys[0]
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": self.url,
            "aud": self.audience,
            "sub": "alice",
            "iat": now,
            "exp": now + lifetime,
        }
        payload.update(claims or {})
        return jwt.encode(
            payload, key.private, algorithm="RS256", headers={"kid": key.kid, **(headers or {})}
        )

    async def _discovery(self, _: web.Request) -> web.Response:
        return web.json_response({"issuer": self.url, "jwks_uri": self.url + "/jwks.json"})

    async def _jwks(self, _: web.Request) -> web.Response:
        self.jwks_requests += 1
        return web.json_response({"keys": [key.public_jwk() for key in self.keys]})
