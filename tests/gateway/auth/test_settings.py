"""Building the identity provider of each mode from the environment and the auth config file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from common.settings import DECLARED
from gateway.auth.federated import FederatedIdentityProvider
from gateway.auth.kubeflow import KubeflowIdentityProvider
from gateway.auth.provider import IdentityProvider
from gateway.auth.settings import build_identity_provider, load_auth_config
from gateway.auth.standalone import StandaloneIdentityProvider
from gateway.auth.tokens import hash_token
from tests.gateway.auth.issuer import LocalIssuer


def write_config(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "auth.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_every_variable_read_is_declared() -> None:
    for name in [
        "MODELPLANE_AUTH_CONFIG",
        "MODELPLANE_OIDC_ISSUER",
        "MODELPLANE_OIDC_AUDIENCE",
        "MODELPLANE_OIDC_JWKS_URL",
        "MODELPLANE_TRUST_MESH_HEADERS",
    ]:
        assert name in DECLARED


async def test_standalone_reads_users_and_role_overrides_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config(
        tmp_path,
        {
            "roles": {"auditor": ["audit:read"]},
            "users": [{"name": "eve", "roles": ["auditor"]}],
            "tokens": [{"user": "eve", "hash": hash_token("mpt_eve", algorithm="sha256")}],
        },
    )
    monkeypatch.setenv("MODELPLANE_AUTH_CONFIG", str(path))
    provider = build_identity_provider("standalone")
    assert isinstance(provider, StandaloneIdentityProvider)
    caller = await provider.identify({"Authorization": "Bearer mpt_eve"})
    assert caller.scopes == {"audit:read"}


def test_no_config_file_means_an_empty_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODELPLANE_AUTH_CONFIG", raising=False)
    assert load_auth_config() == {}


async def test_federated_takes_the_issuer_from_the_environment(
    issuer: LocalIssuer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPLANE_OIDC_ISSUER", issuer.url)
    monkeypatch.setenv("MODELPLANE_OIDC_AUDIENCE", "modelplane,other")
    monkeypatch.setenv("MODELPLANE_OIDC_ROLES_CLAIM", "realm_access.roles")
    provider = build_identity_provider("federated", config={})
    assert isinstance(provider, FederatedIdentityProvider)
    try:
        token = issuer.token({"realm_access": {"roles": ["viewer"]}})
        caller = await provider.identify({"Authorization": f"Bearer {token}"})
        assert caller.roles == ("viewer",)
        assert provider.config.audience == ("modelplane", "other")
    finally:
        await provider.close()


def test_federated_reads_the_oidc_section_of_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODELPLANE_OIDC_ISSUER", raising=False)
    provider = build_identity_provider(
        "federated",
        config={
            "oidc": {
                "issuer": "https://id.example",
                "audience": ["mp"],
                "algorithms": ["ES256"],
                "claims": {"tenant": "org.id"},
            }
        },
    )
    assert isinstance(provider, FederatedIdentityProvider)
    assert provider.config.issuer == "https://id.example"
    assert provider.config.algorithms == ("ES256",)
    assert provider.config.claims.tenant == "org.id"


def test_federated_without_an_issuer_is_a_configuration_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MODELPLANE_OIDC_ISSUER", raising=False)
    with pytest.raises(ValueError, match="MODELPLANE_OIDC_ISSUER"):
        build_identity_provider("federated", config={})


def test_kubeflow_trusts_mesh_headers_only_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODELPLANE_TRUST_MESH_HEADERS", raising=False)
    untrusted = build_identity_provider("kubeflow", config={})
    assert isinstance(untrusted, KubeflowIdentityProvider)
    assert not untrusted.config.trust_mesh_headers
    monkeypatch.setenv("MODELPLANE_TRUST_MESH_HEADERS", "true")
    monkeypatch.setenv("MODELPLANE_KUBEFLOW_USERID_PREFIX", "accounts.google.com:")
    trusted = build_identity_provider(
        "kubeflow",
        config={"kubeflow": {"role_checks": {"viewer": {"verb": "list", "resource": "pods"}}}},
    )
    assert isinstance(trusted, KubeflowIdentityProvider)
    assert trusted.config.trust_mesh_headers
    assert trusted.config.userid_prefix == "accounts.google.com:"
    assert trusted.config.role_checks["viewer"].verb == "list"


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown MODELPLANE_MODE"):
        build_identity_provider("cloud", config={})


@pytest.mark.parametrize("mode", ["standalone", "kubeflow", "federated"])
async def test_every_mode_builds_a_closable_identity_provider(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPLANE_OIDC_ISSUER", "https://id.example")
    provider = build_identity_provider(mode, config={})
    assert isinstance(provider, IdentityProvider)
    await provider.close()
