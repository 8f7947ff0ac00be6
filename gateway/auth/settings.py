"""Auth settings from the environment and the auth config file; builds the mode's identity provider."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from common import settings as common_settings
from common.settings import declare
from gateway.auth.access_review import AccessReviewer, ResourceCheck, connect_to_cluster
from gateway.auth.federated import (
    DEFAULT_ALGORITHMS,
    ClaimPaths,
    FederatedIdentityProvider,
    OidcConfig,
)
from gateway.auth.kubeflow import DEFAULT_ROLE_CHECKS, KubeflowConfig, KubeflowIdentityProvider
from gateway.auth.provider import IdentityProvider
from gateway.auth.roles import RoleMap
from gateway.auth.standalone import StandaloneConfig, StandaloneIdentityProvider

AUTH_CONFIG = declare(
    "MODELPLANE_AUTH_CONFIG",
    None,
    "YAML file with users, hashed API tokens, role→scope overrides and oidc/kubeflow sections.",
)
ALLOW_ANONYMOUS = declare(
    "MODELPLANE_AUTH_ALLOW_ANONYMOUS",
    "false",
    "Let requests without credentials through as an anonymous caller (then @authenticated decides).",
)
OIDC_ISSUER = declare(
    "MODELPLANE_OIDC_ISSUER", None, "federated: the issuer URL tokens must name in `iss`."
)
OIDC_AUDIENCE = declare(
    "MODELPLANE_OIDC_AUDIENCE", None, "federated: accepted `aud` values, comma-separated."
)
OIDC_JWKS_URL = declare(
    "MODELPLANE_OIDC_JWKS_URL",
    None,
    "federated: JWKS URL; unset: the jwks_uri of the issuer's /.well-known/openid-configuration.",
)
OIDC_ALGORITHMS = declare(
    "MODELPLANE_OIDC_ALGORITHMS",
    ",".join(DEFAULT_ALGORITHMS),
    "federated: accepted JWT signature algorithms, comma-separated ('none' is never accepted).",
)
OIDC_LEEWAY = declare(
    "MODELPLANE_OIDC_LEEWAY_SECONDS", "30", "federated: clock skew allowed on exp/nbf/iat."
)
OIDC_USER_CLAIM = declare("MODELPLANE_OIDC_USER_CLAIM", "sub", "federated: claim naming the user.")
OIDC_ROLES_CLAIM = declare(
    "MODELPLANE_OIDC_ROLES_CLAIM",
    "roles",
    "federated: dotted path of the roles claim (e.g. realm_access.roles).",
)
OIDC_SCOPES_CLAIM = declare(
    "MODELPLANE_OIDC_SCOPES_CLAIM",
    "scope",
    "federated: claim with scopes (space-separated string or list).",
)
OIDC_TENANT_CLAIM = declare(
    "MODELPLANE_OIDC_TENANT_CLAIM", "tenant", "federated: claim with the allowed tenant(s)."
)
OIDC_PROJECT_CLAIM = declare(
    "MODELPLANE_OIDC_PROJECT_CLAIM", "project", "federated: claim with the allowed project(s)."
)
OIDC_GROUPS_CLAIM = declare(
    "MODELPLANE_OIDC_GROUPS_CLAIM", "groups", "federated: claim with groups."
)
TRUST_MESH_HEADERS = declare(
    "MODELPLANE_TRUST_MESH_HEADERS",
    "false",
    "kubeflow: trust kubeflow-userid/kubeflow-groups headers (only behind a mesh that sets them).",
)
KUBEFLOW_USERID_HEADER = declare(
    "MODELPLANE_KUBEFLOW_USERID_HEADER", "kubeflow-userid", "kubeflow: header carrying the user."
)
KUBEFLOW_USERID_PREFIX = declare(
    "MODELPLANE_KUBEFLOW_USERID_PREFIX",
    "",
    "kubeflow: prefix stripped from the user header's value.",
)
KUBEFLOW_GROUPS_HEADER = declare(
    "MODELPLANE_KUBEFLOW_GROUPS_HEADER",
    "kubeflow-groups",
    "kubeflow: header carrying groups (comma-separated).",
)
ACCESS_REVIEW_TTL = declare(
    "MODELPLANE_ACCESS_REVIEW_TTL_SECONDS",
    "10",
    "kubeflow: how long a SubjectAccessReview answer is reused.",
)


def load_auth_config(path: str | None = None) -> dict[str, Any]:
    """The auth config file as a mapping; empty when no file is configured."""
    location = path or AUTH_CONFIG.get()
    if not location:
        return {}
    text = Path(location).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{location}: the auth config must be a YAML mapping")
    return data


def build_role_map(config: Mapping[str, Any]) -> RoleMap:
    return RoleMap.default().merged_with(config.get("roles") or {})


def build_identity_provider(
    mode: str | None = None, config: Mapping[str, Any] | None = None
) -> IdentityProvider:
    """The identity provider of a deployment mode (default: MODELPLANE_MODE)."""
    mode = mode or common_settings.MODE.get_str()
    data = dict(load_auth_config() if config is None else config)
    role_map = build_role_map(data)
    default_tenant = common_settings.DEFAULT_TENANT.get_str()
    allow_anonymous = bool(data.get("allow_anonymous", ALLOW_ANONYMOUS.get_bool()))
    if mode == "standalone":
        standalone = StandaloneConfig.from_mapping(data, allow_anonymous=allow_anonymous)
        return StandaloneIdentityProvider(standalone, role_map, default_tenant)
    if mode == "kubeflow":
        section = data.get("kubeflow") or {}
        ttl = float(_env_or(ACCESS_REVIEW_TTL, section.get("cache_ttl_seconds")))
        reviewer = AccessReviewer(connect_to_cluster, ttl_seconds=ttl)
        kubeflow = read_kubeflow_config(section, allow_anonymous)
        return KubeflowIdentityProvider(kubeflow, reviewer, role_map, default_tenant)
    if mode == "federated":
        oidc = read_oidc_config(data.get("oidc") or {}, allow_anonymous)
        return FederatedIdentityProvider(oidc, role_map, default_tenant)
    raise ValueError(f"unknown MODELPLANE_MODE {mode!r}; use standalone, kubeflow or federated")


def read_kubeflow_config(
    section: Mapping[str, Any], allow_anonymous: bool = False
) -> KubeflowConfig:
    """Environment variables win over the file's `kubeflow:` section."""
    checks = dict(DEFAULT_ROLE_CHECKS)
    for role, raw in (section.get("role_checks") or {}).items():
        checks[role] = ResourceCheck.parse(str(raw["verb"]), str(raw["resource"]))
    trust = TRUST_MESH_HEADERS.get_bool() or bool(section.get("trust_mesh_headers", False))
    return KubeflowConfig(
        trust_mesh_headers=trust,
        userid_header=_env_or(KUBEFLOW_USERID_HEADER, section.get("userid_header")),
        userid_prefix=_env_or(KUBEFLOW_USERID_PREFIX, section.get("userid_prefix")),
        groups_header=_env_or(KUBEFLOW_GROUPS_HEADER, section.get("groups_header")),
        allow_anonymous=allow_anonymous,
        role_checks=checks,
    )


def read_oidc_config(section: Mapping[str, Any], allow_anonymous: bool = False) -> OidcConfig:
    """Environment variables win over the file's `oidc:` section."""
    issuer = OIDC_ISSUER.get() or section.get("issuer")
    if not issuer:
        raise ValueError(
            "federated mode needs MODELPLANE_OIDC_ISSUER (or oidc.issuer in the auth config)"
        )
    claims = section.get("claims") or {}
    return OidcConfig(
        issuer=str(issuer),
        audience=_list(OIDC_AUDIENCE.get() or section.get("audience")),
        jwks_url=OIDC_JWKS_URL.get() or section.get("jwks_url"),
        algorithms=_list(_env_or(OIDC_ALGORITHMS, _joined(section.get("algorithms")))),
        leeway_seconds=float(_env_or(OIDC_LEEWAY, section.get("leeway_seconds"))),
        claims=ClaimPaths(
            user=_env_or(OIDC_USER_CLAIM, claims.get("user")),
            roles=_env_or(OIDC_ROLES_CLAIM, claims.get("roles")),
            scopes=_env_or(OIDC_SCOPES_CLAIM, claims.get("scopes")),
            tenant=_env_or(OIDC_TENANT_CLAIM, claims.get("tenant")),
            project=_env_or(OIDC_PROJECT_CLAIM, claims.get("project")),
            groups=_env_or(OIDC_GROUPS_CLAIM, claims.get("groups")),
        ),
        allow_anonymous=allow_anonymous,
    )


def _set_env() -> set[str]:
    import os

    return {name for name, value in os.environ.items() if value}


def _env_or(setting: common_settings.EnvSetting, file_value: Any) -> str:
    """An explicitly set variable, else the file's value, else the variable's default."""
    if setting.name in _set_env():
        return setting.get_str()
    if file_value is not None:
        return str(file_value)
    return setting.default or ""


def _list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(str(v) for v in value)


def _joined(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return ",".join(str(v) for v in value)
