"""Federated mode: OIDC bearer JWTs checked against a local issuer's JWKS served over HTTP."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator

import jwt
import pytest

from common.errors import Forbidden, Unauthenticated, Unavailable
from gateway.auth.federated import ClaimPaths, FederatedIdentityProvider, OidcConfig
from gateway.auth.jwks import JwksCache
from gateway.auth.roles import RoleMap
from tests.gateway.auth.issuer import LocalIssuer, SigningKey


def bearer(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


@pytest.fixture
async def provider(issuer: LocalIssuer) -> AsyncIterator[FederatedIdentityProvider]:
    config = OidcConfig(
        issuer=issuer.url,
        audience=(LocalIssuer.audience,),
        leeway_seconds=5,
        claims=ClaimPaths(roles="realm_access.roles", tenant="tenants"),
    )
    found = FederatedIdentityProvider(config, RoleMap.default(), "default")
    try:
        yield found
    finally:
        await found.close()


async def test_a_valid_token_gives_the_caller_its_roles_scopes_and_tenant(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    token = issuer.token(
        {
            "realm_access": {"roles": ["deployer"]},
            "scope": "openid custom:thing",
            "tenants": ["acme"],
            "groups": ["ml"],
        }
    )
    caller = await provider.identify(bearer(token))
    assert caller.user == "alice"
    assert caller.roles == ("deployer",)
    assert {"deploy:write", "registry:read", "custom:thing", "openid"} <= caller.scopes
    assert "registry:write" not in caller.scopes
    assert caller.tenant == "acme"
    assert caller.groups == ("ml",)


async def test_the_jwks_is_found_through_discovery_and_fetched_once(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    for _ in range(3):
        await provider.identify(bearer(issuer.token()))
    assert issuer.jwks_requests == 1
    assert provider.jwks.jwks_url == issuer.url + "/jwks.json"


async def test_an_expired_token_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    token = issuer.token(lifetime=-60)
    with pytest.raises(Unauthenticated, match="expired"):
        await provider.identify(bearer(token))


async def test_clock_skew_within_the_leeway_is_tolerated(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    caller = await provider.identify(bearer(issuer.token(lifetime=-2)))
    assert caller.user == "alice"


async def test_a_token_not_yet_valid_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    token = issuer.token({"nbf": int(time.time()) + 120})
    with pytest.raises(Unauthenticated, match="not valid yet"):
        await provider.identify(bearer(token))


async def test_a_token_for_another_audience_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    with pytest.raises(Unauthenticated, match="audience"):
        await provider.identify(bearer(issuer.token({"aud": "someone-else"})))


async def test_a_token_from_another_issuer_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    with pytest.raises(Unauthenticated, match="issuer"):
        await provider.identify(bearer(issuer.token({"iss": "https://evil.example"})))


async def test_an_unknown_kid_refetches_the_jwks_but_at_most_once_per_interval(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    await provider.identify(bearer(issuer.token()))
    stranger = SigningKey("not-published")
    for _ in range(5):
        with pytest.raises(Unauthenticated, match="unknown key"):
            await provider.identify(bearer(issuer.token(key=stranger)))
    # One fetch at start; the unknown kid arrived within the refresh interval: no refetch.
    assert issuer.jwks_requests == 1


async def test_a_rotated_key_is_picked_up_by_refetching_the_jwks(issuer: LocalIssuer) -> None:
    config = OidcConfig(
        issuer=issuer.url, audience=(LocalIssuer.audience,), jwks_min_refresh_seconds=0
    )
    provider = FederatedIdentityProvider(config, RoleMap.default(), "default")
    try:
        await provider.identify(bearer(issuer.token()))
        new_key = issuer.rotate("key-2")
        caller = await provider.identify(bearer(issuer.token({"sub": "bob"}, key=new_key)))
        assert caller.user == "bob"
        assert issuer.jwks_requests == 2
    finally:
        await provider.close()


async def test_alg_none_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    claims = jwt.decode(issuer.token(), options={"verify_signature": False})
    unsigned = jwt.encode(claims, key=None, algorithm="none", headers={"kid": "key-1"})
    with pytest.raises(Unauthenticated, match="'none'"):
        await provider.identify(bearer(unsigned))


async def test_an_hmac_token_signed_with_the_public_key_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    claims = jwt.decode(issuer.token(), options={"verify_signature": False})
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "kid": "key-1"}).encode())
    body = base64.urlsafe_b64encode(json.dumps(claims).encode())
    forged = f"{header.decode().rstrip('=')}.{body.decode().rstrip('=')}.c2lnbmF0dXJl"
    with pytest.raises(Unauthenticated, match="HS256"):
        await provider.identify(bearer(forged))


async def test_a_tampered_token_is_refused(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    header, payload, signature = issuer.token({"realm_access": {"roles": ["viewer"]}}).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["realm_access"]["roles"] = ["admin"]
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    with pytest.raises(Unauthenticated, match="signature"):
        await provider.identify(bearer(f"{header}.{forged_payload}.{signature}"))


async def test_garbage_and_missing_tokens_are_unauthenticated(
    provider: FederatedIdentityProvider,
) -> None:
    with pytest.raises(Unauthenticated, match="well-formed"):
        await provider.identify(bearer("not-a-jwt"))
    with pytest.raises(Unauthenticated, match="needs an access token"):
        await provider.identify({})
    with pytest.raises(Unauthenticated, match="Bearer"):
        await provider.identify({"Authorization": "Basic YWxpY2U6cHc="})


async def test_a_tenant_header_narrows_to_one_of_the_tokens_tenants(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    token = issuer.token({"tenants": ["acme", "globex"], "project": ["p1", "p2"]})
    caller = await provider.identify(
        bearer(token, **{"X-Tenant-Id": "globex", "X-Project-Id": "p2"})
    )
    assert (caller.tenant, caller.project) == ("globex", "p2")
    default = await provider.identify(bearer(token))
    assert (default.tenant, default.project) == ("acme", "p1")


async def test_a_tenant_header_cannot_widen_what_the_token_allows(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    token = issuer.token({"tenants": ["acme"], "project": "p1"})
    with pytest.raises(Forbidden, match="tenant 'initech'"):
        await provider.identify(bearer(token, **{"X-Tenant-Id": "initech"}))
    with pytest.raises(Forbidden, match="project 'p9'"):
        await provider.identify(bearer(token, **{"X-Project-Id": "p9"}))


async def test_a_token_without_tenant_claim_only_reaches_the_default_tenant(
    issuer: LocalIssuer, provider: FederatedIdentityProvider
) -> None:
    token = issuer.token()
    assert (await provider.identify(bearer(token))).tenant == "default"
    with pytest.raises(Forbidden):
        await provider.identify(bearer(token, **{"X-Tenant-Id": "acme"}))


async def test_claims_with_dots_in_their_names_and_scope_lists(issuer: LocalIssuer) -> None:
    config = OidcConfig(
        issuer=issuer.url,
        audience=(LocalIssuer.audience,),
        jwks_url=issuer.url + "/jwks.json",
        claims=ClaimPaths(roles="https://modelplane.io/roles", scopes="scp", user="email"),
    )
    provider = FederatedIdentityProvider(config, RoleMap.default(), "default")
    try:
        token = issuer.token(
            {"https://modelplane.io/roles": "approver", "scp": ["a:b", "c:d"], "email": "al@x.io"}
        )
        caller = await provider.identify(bearer(token))
        assert caller.user == "al@x.io"
        assert caller.roles == ("approver",)
        assert {"a:b", "c:d", "governance:approve"} <= caller.scopes
    finally:
        await provider.close()


async def test_anonymous_requests_pass_when_allowed(issuer: LocalIssuer) -> None:
    config = OidcConfig(issuer=issuer.url, audience=("x",), allow_anonymous=True)
    provider = FederatedIdentityProvider(config, RoleMap.default(), "default")
    try:
        caller = await provider.identify({})
        assert caller.user == "" and caller.scopes == frozenset()
    finally:
        await provider.close()


async def test_a_verified_token_is_reused_until_it_expires(
    issuer: LocalIssuer, provider: FederatedIdentityProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str] = []
    verify = provider._verify_signed

    async def counted(token: str) -> dict[str, object]:
        checks.append(token)
        return await verify(token)

    monkeypatch.setattr(provider, "_verify_signed", counted)
    token = issuer.token(lifetime=60)
    first = await provider.identify(bearer(token))
    assert await provider.identify(bearer(token, **{"X-Tenant-Id": "default"})) == first
    assert len(checks) == 1
    later = time.time() + 60 + provider.config.leeway_seconds + 1
    monkeypatch.setattr(time, "time", lambda: later)
    await provider.identify(bearer(token))  # past its expiry: checked afresh, not from memory
    assert len(checks) == 2


async def test_an_unreachable_issuer_is_unavailable_and_known_keys_outlive_an_outage(
    issuer: LocalIssuer,
) -> None:
    clock = [0.0]
    jwks = JwksCache(
        jwks_url=issuer.url + "/jwks.json",
        max_age_seconds=60,
        min_refresh_seconds=5,
        clock=lambda: clock[0],
    )
    config = OidcConfig(issuer=issuer.url, audience=(LocalIssuer.audience,))
    provider = FederatedIdentityProvider(config, RoleMap.default(), "default", jwks=jwks)
    try:
        await provider.identify(bearer(issuer.token()))
        await issuer.close()  # the identity provider goes away
        clock[0] = 120  # the key set is stale now, and cannot be refreshed
        caller = await provider.identify(bearer(issuer.token({"sub": "bob"})))
        assert caller.user == "bob"
    finally:
        await provider.close()
    down = JwksCache(jwks_url=issuer.url + "/jwks.json")
    try:
        with pytest.raises(Unavailable):
            await down.key_for("key-1")
        with pytest.raises(Unavailable):  # within the retry interval: the same answer, no refetch
            await down.key_for("key-1")
    finally:
        await down.close()
