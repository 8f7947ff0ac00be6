"""Kubeflow mode: mesh headers, and SubjectAccessReviews sent by kubernetes-asyncio to a fake API server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest
from kubernetes_asyncio import client as k8s

from common.errors import Forbidden, Unauthenticated, Unavailable
from common.tenancy import Caller
from gateway.auth.access_review import AccessReviewer
from gateway.auth.kubeflow import KubeflowConfig, KubeflowIdentityProvider
from gateway.auth.roles import RoleMap
from tests.gateway.auth.fake_kube_api import FakeKubeApi

KSERVE = "serving.kserve.io"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def connector(kube_api: FakeKubeApi) -> Callable[[], object]:
    async def connect() -> k8s.ApiClient:
        configuration = k8s.Configuration(host=kube_api.url)
        return k8s.ApiClient(configuration)

    return connect


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def provider(kube_api: FakeKubeApi, clock: Clock) -> AsyncIterator[KubeflowIdentityProvider]:
    reviewer = AccessReviewer(connector(kube_api), ttl_seconds=10, clock=clock)  # type: ignore[arg-type]
    config = KubeflowConfig(trust_mesh_headers=True, userid_prefix="accounts.google.com:")
    found = KubeflowIdentityProvider(config, reviewer, RoleMap.default(), "kubeflow-user")
    try:
        yield found
    finally:
        await found.close()


def mesh(user: str, groups: str = "", namespace: str | None = None) -> dict[str, str]:
    headers = {"kubeflow-userid": user, "kubeflow-groups": groups}
    if namespace:
        headers["X-Tenant-Id"] = namespace
    return headers


async def test_a_namespace_viewer_gets_viewer_scopes(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider
) -> None:
    kube_api.grant("alice@x.io", "team-a", "get", "inferenceservices", KSERVE)
    caller = await provider.identify(mesh("accounts.google.com:alice@x.io", namespace="team-a"))
    assert caller.user == "alice@x.io"
    assert caller.tenant == "team-a"
    assert caller.roles == ("viewer",)
    assert "registry:read" in caller.scopes and "registry:write" not in caller.scopes
    review = kube_api.reviews[0]
    assert review["kind"] == "SubjectAccessReview"
    assert review["spec"]["resourceAttributes"]["namespace"] == "team-a"


async def test_an_editor_by_group_gets_the_edit_roles(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider
) -> None:
    kube_api.grant("group:ml-team", "team-a", "*", "inferenceservices", KSERVE)
    caller = await provider.identify(mesh("bob", "ml-team, other", namespace="team-a"))
    assert set(caller.roles) == {"viewer", "contributor", "approver", "deployer"}
    assert caller.groups == ("ml-team", "other")
    assert "admin" not in caller.scopes


async def test_the_default_namespace_is_used_without_a_tenant_header(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider
) -> None:
    kube_api.grant("carol", "kubeflow-user", "create", "rolebindings", "rbac.authorization.k8s.io")
    caller = await provider.identify(mesh("carol"))
    assert caller.tenant == "kubeflow-user"
    assert caller.roles == ("admin",)


async def test_no_access_to_the_namespace_is_forbidden(provider: KubeflowIdentityProvider) -> None:
    with pytest.raises(Forbidden, match="team-b"):
        await provider.identify(mesh("mallory", namespace="team-b"))


async def test_headers_are_refused_unless_the_mesh_is_trusted(kube_api: FakeKubeApi) -> None:
    reviewer = AccessReviewer(connector(kube_api))  # type: ignore[arg-type]
    provider = KubeflowIdentityProvider(KubeflowConfig(), reviewer, RoleMap.default(), "ns")
    with pytest.raises(Unauthenticated, match="mesh"):
        await provider.identify(mesh("alice"))
    assert kube_api.reviews == []
    await provider.close()


async def test_a_missing_user_header_is_unauthenticated(provider: KubeflowIdentityProvider) -> None:
    with pytest.raises(Unauthenticated, match="kubeflow-userid"):
        await provider.identify({"kubeflow-groups": "x"})


async def test_decisions_are_cached_for_the_ttl(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider, clock: Clock
) -> None:
    kube_api.grant("alice", "team-a", "get", "inferenceservices", KSERVE)
    caller = Caller(user="alice", tenant="team-a", roles=("viewer",))
    for _ in range(3):
        assert await provider.authorize_namespace(
            caller, "team-a", "get", "inferenceservices.serving.kserve.io"
        )
    assert len(kube_api.reviews) == 1
    kube_api.grants.clear()
    clock.now += 11
    assert not await provider.authorize_namespace(
        caller, "team-a", "get", "inferenceservices.serving.kserve.io"
    )
    assert len(kube_api.reviews) == 2


async def test_authorize_namespace_checks_the_verb_and_resource(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider
) -> None:
    kube_api.grant("alice", "team-a", "get", "inferenceservices", KSERVE)
    caller = Caller(user="alice", tenant="team-a")
    assert await provider.authorize_namespace(
        caller, "team-a", "get", "inferenceservices.serving.kserve.io"
    )
    assert not await provider.authorize_namespace(
        caller, "team-a", "delete", "inferenceservices.serving.kserve.io"
    )
    assert not await provider.authorize_namespace(
        caller, "team-b", "get", "inferenceservices.serving.kserve.io"
    )
    assert not await provider.authorize_namespace(caller, "team-a", "get", "services")
    assert not await provider.authorize_namespace(Caller(user=""), "team-a", "get", "services")


async def test_an_api_server_failure_is_unavailable_not_a_crash(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider
) -> None:
    kube_api.failing = True
    with pytest.raises(Unavailable):
        await provider.identify(mesh("alice", namespace="team-a"))


async def test_concurrent_requests_share_one_review_per_question(
    kube_api: FakeKubeApi, provider: KubeflowIdentityProvider
) -> None:
    kube_api.grant("alice", "team-a", "get", "inferenceservices", KSERVE)
    callers = await asyncio.gather(
        *(provider.identify(mesh("alice", namespace="team-a")) for _ in range(10))
    )
    assert {caller.roles for caller in callers} == {("viewer",)}
    # Five roles, three distinct (verb, resource) questions, asked once each.
    assert len(kube_api.reviews) == 3
