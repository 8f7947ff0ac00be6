"""Kubeflow identity: user and groups from the trusted mesh's headers, roles from Kubernetes RBAC."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from common.errors import Forbidden, Unauthenticated
from common.tenancy import Caller
from gateway.auth.access_review import AccessReviewer, ResourceCheck
from gateway.auth.provider import PROJECT_HEADER, TENANT_HEADER, anonymous_caller, read_header
from gateway.auth.roles import RoleMap

log = logging.getLogger("modelplane.gateway.auth")

_KSERVE = "serving.kserve.io"

# A role is granted in a namespace when the caller may do its check there; these follow the
# Kubeflow profile ClusterRoles (kubeflow-view, kubeflow-edit, kubeflow-admin).
DEFAULT_ROLE_CHECKS: Mapping[str, ResourceCheck] = {
    "viewer": ResourceCheck("get", "inferenceservices", _KSERVE),
    "contributor": ResourceCheck("create", "inferenceservices", _KSERVE),
    "approver": ResourceCheck("create", "inferenceservices", _KSERVE),
    "deployer": ResourceCheck("create", "inferenceservices", _KSERVE),
    "admin": ResourceCheck("create", "rolebindings", "rbac.authorization.k8s.io"),
}


@dataclass(frozen=True, slots=True)
class KubeflowConfig:
    trust_mesh_headers: bool = False
    userid_header: str = "kubeflow-userid"
    userid_prefix: str = ""
    groups_header: str = "kubeflow-groups"
    allow_anonymous: bool = False
    role_checks: Mapping[str, ResourceCheck] = field(
        default_factory=lambda: dict(DEFAULT_ROLE_CHECKS)
    )


class KubeflowIdentityProvider:
    """Identity from the mesh's headers; the namespace (tenant) roles from SubjectAccessReviews."""

    def __init__(
        self,
        config: KubeflowConfig,
        reviewer: AccessReviewer,
        role_map: RoleMap,
        default_namespace: str,
    ) -> None:
        self.config = config
        self.reviewer = reviewer
        self.role_map = role_map
        self.default_namespace = default_namespace
        if not config.trust_mesh_headers:
            log.error(
                "auth: kubeflow mode ignores %s headers until MODELPLANE_TRUST_MESH_HEADERS=true; "
                "set it only behind a mesh that strips these headers from client requests",
                config.userid_header,
            )

    async def identify(self, headers: Mapping[str, str]) -> Caller:
        if not self.config.trust_mesh_headers:
            raise Unauthenticated(
                "this gateway does not trust mesh identity headers",
                suggestion="set MODELPLANE_TRUST_MESH_HEADERS=true behind the Kubeflow mesh",
            )
        raw_user = (read_header(headers, self.config.userid_header) or "").strip()
        user = raw_user.removeprefix(self.config.userid_prefix).strip() if raw_user else ""
        # The namespace is a Kubeflow profile; RBAC, not the header, decides whether it is allowed.
        namespace = (read_header(headers, TENANT_HEADER) or "").strip() or self.default_namespace
        if not user:
            if self.config.allow_anonymous:
                return anonymous_caller(namespace)
            raise Unauthenticated(f"the {self.config.userid_header} header is missing")
        raw_groups = read_header(headers, self.config.groups_header) or ""
        groups = tuple(g.strip() for g in raw_groups.split(",") if g.strip())
        roles = await self._roles_in(user, groups, namespace)
        if not roles:
            raise Forbidden(f"{user} has no access to namespace {namespace!r}")
        project = (read_header(headers, PROJECT_HEADER) or "").strip() or None
        return Caller(
            user=user,
            tenant=namespace,
            project=project,
            roles=roles,
            scopes=self.role_map.scopes_for(roles),
            groups=groups,
        )

    async def authorize_namespace(
        self, caller: Caller, namespace: str, verb: str, resource: str
    ) -> bool:
        """Whether the caller may `verb` the `resource` (e.g. "inferenceservices.serving.kserve.io")
        in `namespace`, by SubjectAccessReview (cached for a few seconds)."""
        if not caller.user:
            return False
        check = ResourceCheck.parse(verb, resource)
        return await self.reviewer.is_allowed(caller.user, caller.groups, namespace, check)

    async def close(self) -> None:
        await self.reviewer.close()

    async def _roles_in(
        self, user: str, groups: tuple[str, ...], namespace: str
    ) -> tuple[str, ...]:
        names = list(self.config.role_checks)
        decisions = await asyncio.gather(
            *(
                self.reviewer.is_allowed(user, groups, namespace, self.config.role_checks[name])
                for name in names
            )
        )
        return tuple(name for name, allowed in zip(names, decisions, strict=True) if allowed)
