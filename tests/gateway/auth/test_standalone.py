"""Standalone mode: hashed API tokens from the config file, or one local admin when unconfigured."""

from __future__ import annotations

import logging
import time

import pytest

from common.errors import Forbidden, Unauthenticated
from common.headers import LowercaseHeaders
from gateway.auth.roles import RoleMap
from gateway.auth.standalone import StandaloneConfig, StandaloneIdentityProvider
from gateway.auth.tokens import hash_token

ALICE = "mpt_alice-secret"
CI = "mpt_ci-secret"
OLD = "mpt_old-secret"


def build(config: dict[str, object]) -> StandaloneIdentityProvider:
    return StandaloneIdentityProvider(
        StandaloneConfig.from_mapping(config), RoleMap.default(), "default"
    )


@pytest.fixture
def provider() -> StandaloneIdentityProvider:
    return build(
        {
            "users": [
                {
                    "name": "alice",
                    "roles": ["admin"],
                    "tenants": ["acme", "globex"],
                    "groups": ["ml"],
                },
                {
                    "name": "bob",
                    "roles": ["viewer", "contributor"],
                    "tokens": [hash_token("mpt_bob")],
                },
            ],
            "tokens": [
                {"user": "alice", "hash": hash_token(ALICE), "name": "laptop"},
                {
                    "user": "alice",
                    "hash": hash_token(CI, algorithm="sha256"),
                    "roles": ["viewer", "wizard"],
                },
                {
                    "user": "ci-bot",
                    "hash": hash_token("mpt_bot", algorithm="sha256"),
                    "roles": ["deployer"],
                },
                {"user": "bob", "hash": hash_token(OLD), "expires": time.time() - 10},
                {
                    "user": "bob",
                    "hash": hash_token("mpt_bob_admin"),
                    "roles": ["admin", "contributor"],
                },
            ],
        }
    )


def bearer(token: str, **headers: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}", **headers}


def test_without_configuration_everyone_is_the_local_admin_and_the_log_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="modelplane.gateway.auth"):
        provider = build({})
    assert "local admin" in caplog.text
    assert provider.config.is_empty


async def test_the_local_admin_has_every_scope() -> None:
    caller = await build({}).identify({})
    assert caller.user == "local-admin"
    assert caller.roles == ("admin",)
    assert caller.scopes == RoleMap.default().scopes_for(["admin"])


async def test_a_scrypt_token_identifies_its_user(provider: StandaloneIdentityProvider) -> None:
    caller = await provider.identify(bearer(ALICE))
    assert caller.user == "alice"
    assert caller.roles == ("admin",)
    assert caller.tenant == "acme"
    assert caller.groups == ("ml",)
    again = await provider.identify(bearer(ALICE))  # from the cache of verified tokens
    assert again == caller


async def test_tokens_listed_under_a_user_work(provider: StandaloneIdentityProvider) -> None:
    caller = await provider.identify(bearer("mpt_bob"))
    assert caller.user == "bob"
    assert "registry:write" in caller.scopes


async def test_a_token_can_carry_fewer_roles_than_its_user_never_more(
    provider: StandaloneIdentityProvider,
) -> None:
    caller = await provider.identify(bearer(CI))
    assert "viewer" in caller.roles
    assert caller.scopes == RoleMap.default().scopes_for(["viewer"])
    bob = await provider.identify(bearer("mpt_bob_admin"))
    assert bob.roles == ("contributor",)
    assert "admin" not in bob.scopes


async def test_a_service_token_without_a_user_entry_uses_its_own_roles(
    provider: StandaloneIdentityProvider,
) -> None:
    caller = await provider.identify(bearer("mpt_bot"))
    assert (caller.user, caller.roles, caller.tenant) == ("ci-bot", ("deployer",), "default")


async def test_wrong_missing_and_expired_tokens_are_unauthenticated(
    provider: StandaloneIdentityProvider,
) -> None:
    with pytest.raises(Unauthenticated, match="not valid"):
        await provider.identify(bearer("mpt_nope"))
    with pytest.raises(Unauthenticated, match="needs an API token"):
        await provider.identify({})
    with pytest.raises(Unauthenticated, match="expired"):
        await provider.identify(bearer(OLD))


async def test_the_tenant_header_narrows_within_the_users_tenants(
    provider: StandaloneIdentityProvider,
) -> None:
    caller = await provider.identify(bearer(ALICE, **{"X-Tenant-Id": "globex"}))
    assert caller.tenant == "globex"
    with pytest.raises(Forbidden):
        await provider.identify(bearer(ALICE, **{"X-Tenant-Id": "initech"}))


async def test_anonymous_requests_when_allowed() -> None:
    provider = build({"allow_anonymous": True, "users": [{"name": "a", "roles": ["viewer"]}]})
    caller = await provider.identify({})
    assert caller.user == "" and caller.scopes == frozenset()


def test_plain_tokens_in_the_config_are_refused() -> None:
    with pytest.raises(ValueError, match="must be hashes"):
        StandaloneConfig.from_mapping({"tokens": [{"user": "a", "hash": "mpt_plain", "roles": []}]})


def test_a_token_for_an_unknown_user_needs_roles() -> None:
    with pytest.raises(ValueError, match="known user"):
        StandaloneConfig.from_mapping(
            {"tokens": [{"user": "ghost", "hash": hash_token("x", algorithm="sha256")}]}
        )


async def test_the_local_admin_per_tenant_and_project_header_is_built_once() -> None:
    provider = build({})
    first = await provider.identify(LowercaseHeaders({"x-project-id": "p1"}))
    again = await provider.identify({"X-Project-Id": "p1"})
    assert first is again and first.project == "p1"
    other = await provider.identify(LowercaseHeaders({"x-project-id": "p2"}))
    assert other.project == "p2" and other.user == "local-admin"
    for _ in range(2):  # a refused tenant is refused every time, never remembered
        with pytest.raises(Forbidden):
            await provider.identify({"x-tenant-id": "elsewhere"})
    for number in range(300):  # header values come from clients: the memo stays bounded
        await provider.identify({"x-project-id": f"p{number}"})
    assert len(provider._local_callers) <= 256
