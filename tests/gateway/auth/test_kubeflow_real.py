"""Kubeflow mode against a real kube-apiserver: Roles and RoleBindings decide the SubjectAccessReviews."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from kubernetes_asyncio import client as k8s

from common.errors import Forbidden
from common.tenancy import Caller
from gateway.auth.access_review import AccessReviewer
from gateway.auth.kubeflow import KubeflowConfig, KubeflowIdentityProvider
from gateway.auth.roles import RoleMap
from tests.gateway.auth.conftest import REAL_TIER_TIMEOUT

pytestmark = pytest.mark.timeout(REAL_TIER_TIMEOUT)

ISVC = "inferenceservices.serving.kserve.io"


def configuration(env: dict[str, str]) -> k8s.Configuration:
    config = k8s.Configuration(host=env["MODELPLANE_KUBE_HOST"])
    config.api_key = {"BearerToken": env["MODELPLANE_KUBE_TOKEN"]}
    config.api_key_prefix = {"BearerToken": "Bearer"}
    config.verify_ssl = False  # the loopback server's certificate is self-signed
    return config


@pytest.fixture
async def admin(real_apiserver: dict[str, str]) -> AsyncIterator[k8s.ApiClient]:
    api = k8s.ApiClient(configuration(real_apiserver))
    try:
        yield api
    finally:
        await api.close()


@pytest.fixture
async def namespace(admin: k8s.ApiClient) -> str:
    """A namespace (a Kubeflow profile) where alice may view and the ml-team group may edit."""
    name = f"auth-{uuid.uuid4().hex[:8]}"
    await k8s.CoreV1Api(admin).create_namespace(
        k8s.V1Namespace(metadata=k8s.V1ObjectMeta(name=name))
    )
    rbac = k8s.RbacAuthorizationV1Api(admin)
    for role, verbs in [
        ("view", ["get", "list", "watch"]),
        ("edit", ["get", "list", "create", "update", "delete"]),
    ]:
        await rbac.create_namespaced_role(
            name,
            k8s.V1Role(
                metadata=k8s.V1ObjectMeta(name=f"isvc-{role}"),
                rules=[
                    k8s.V1PolicyRule(
                        api_groups=["serving.kserve.io"],
                        resources=["inferenceservices"],
                        verbs=verbs,
                    )
                ],
            ),
        )
    bindings = [("isvc-view", "User", "alice@example.com"), ("isvc-edit", "Group", "ml-team")]
    for role, kind, subject in bindings:
        await rbac.create_namespaced_role_binding(
            name,
            k8s.V1RoleBinding(
                metadata=k8s.V1ObjectMeta(name=f"{role}-{kind.lower()}"),
                role_ref=k8s.V1RoleRef(
                    api_group="rbac.authorization.k8s.io", kind="Role", name=role
                ),
                subjects=[
                    k8s.RbacV1Subject(
                        api_group="rbac.authorization.k8s.io", kind=kind, name=subject
                    )
                ],
            ),
        )
    return name


@pytest.fixture
async def provider(real_apiserver: dict[str, str]) -> AsyncIterator[KubeflowIdentityProvider]:
    async def connect() -> k8s.ApiClient:
        return k8s.ApiClient(configuration(real_apiserver))

    config = KubeflowConfig(trust_mesh_headers=True)
    found = KubeflowIdentityProvider(config, AccessReviewer(connect), RoleMap.default(), "default")
    try:
        yield found
    finally:
        await found.close()


async def test_a_role_binding_makes_a_viewer(
    provider: KubeflowIdentityProvider, namespace: str
) -> None:
    caller = await provider.identify(
        {"kubeflow-userid": "alice@example.com", "x-tenant-id": namespace}
    )
    assert caller.roles == ("viewer",)
    assert await provider.authorize_namespace(caller, namespace, "list", ISVC)
    assert not await provider.authorize_namespace(caller, namespace, "create", ISVC)


async def test_a_group_binding_makes_an_editor(
    provider: KubeflowIdentityProvider, namespace: str
) -> None:
    headers = {
        "kubeflow-userid": "bob@example.com",
        "kubeflow-groups": "ml-team",
        "x-tenant-id": namespace,
    }
    caller = await provider.identify(headers)
    assert {"viewer", "contributor", "deployer"} <= set(caller.roles)
    assert "admin" not in caller.roles
    assert await provider.authorize_namespace(caller, namespace, "delete", ISVC)


async def test_a_user_without_bindings_is_forbidden(
    provider: KubeflowIdentityProvider, namespace: str
) -> None:
    with pytest.raises(Forbidden):
        await provider.identify(
            {"kubeflow-userid": "mallory@example.com", "x-tenant-id": namespace}
        )
    outsider = Caller(user="alice@example.com", tenant="elsewhere")
    assert not await provider.authorize_namespace(outsider, "kube-system", "get", ISVC)
