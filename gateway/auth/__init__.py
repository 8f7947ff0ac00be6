"""Identity per deployment mode, roles and scopes, and the authorization directives."""

from __future__ import annotations

from gateway.auth.access_review import AccessReviewer, ResourceCheck, connect_to_cluster
from gateway.auth.directives import (
    AuthorizationError,
    AuthorizationResult,
    DirectiveEnforcer,
    authorize_operation,
)
from gateway.auth.federated import ClaimPaths, FederatedIdentityProvider, OidcConfig
from gateway.auth.jwks import JwksCache
from gateway.auth.kubeflow import KubeflowConfig, KubeflowIdentityProvider
from gateway.auth.policies import Policy, PolicyContext, PolicyRegistry
from gateway.auth.provider import IdentityProvider, anonymous_caller, is_authenticated
from gateway.auth.roles import DEFAULT_ROLE_SCOPES, RoleMap
from gateway.auth.settings import build_identity_provider, load_auth_config
from gateway.auth.standalone import StandaloneConfig, StandaloneIdentityProvider
from gateway.auth.tokens import generate_token, hash_token, verify_token

__all__ = [
    "DEFAULT_ROLE_SCOPES",
    "AccessReviewer",
    "AuthorizationError",
    "AuthorizationResult",
    "ClaimPaths",
    "DirectiveEnforcer",
    "FederatedIdentityProvider",
    "IdentityProvider",
    "JwksCache",
    "KubeflowConfig",
    "KubeflowIdentityProvider",
    "OidcConfig",
    "Policy",
    "PolicyContext",
    "PolicyRegistry",
    "ResourceCheck",
    "RoleMap",
    "StandaloneConfig",
    "StandaloneIdentityProvider",
    "anonymous_caller",
    "authorize_operation",
    "build_identity_provider",
    "connect_to_cluster",
    "generate_token",
    "hash_token",
    "is_authenticated",
    "load_auth_config",
    "verify_token",
]
