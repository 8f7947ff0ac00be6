"""Standalone mode: manifests are rendered and kept, honestly marked as not applied."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from common.tenancy import Caller, sign_caller
from subgraphs.deploy.app import create_app
from subgraphs.deploy.manifest_driver import ManifestDriver
from tests.deploy.harness import GraphQLClient, serve
from tests.deploy.registry_stub import StaticRegistry, fraud_version
from tests.deploy.test_rollouts import (
    CREATE_ENV,
    DEPLOY,
    GET,
    PROMOTE,
    ROLLBACK,
    ROLLOUT,
    SET_CANARY,
    UPDATE,
)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "deploy-manifests.json"


@pytest.fixture
def registry() -> StaticRegistry:
    return StaticRegistry(fraud_version("1"), fraud_version("2"))


@pytest.fixture
async def client(store: Path, registry: StaticRegistry) -> AsyncIterator[GraphQLClient]:
    async with serve(create_app(driver=ManifestDriver(store), registry=registry)) as url:
        yield GraphQLClient(f"{url}/graphql")


async def test_driver_says_it_applies_nothing(client: GraphQLClient) -> None:
    info = (await client.data("{ deployDriver { mode appliesToCluster description } }"))["deployDriver"]
    assert info["mode"] == "MANIFEST" and info["appliesToCluster"] is False
    assert "nothing is applied" in info["description"]


async def test_deploy_renders_the_manifest_and_never_claims_to_serve(client: GraphQLClient) -> None:
    await client.data(CREATE_ENV, name="staging")
    service = (await client.data(DEPLOY, env="staging", version="1", name="fraud"))["deployModelVersion"]
    assert service["applied"] is False
    assert service["status"]["state"] == "NOT_APPLIED"
    assert service["status"]["ready"] is False and service["status"]["url"] is None
    manifest = yaml.safe_load(service["manifest"])
    assert manifest["apiVersion"] == "serving.kserve.io/v1beta1" and manifest["kind"] == "InferenceService"
    assert manifest["metadata"]["namespace"] == "staging"
    assert manifest["metadata"]["labels"]["modelplane.io/model-version-id"] == "1"
    assert manifest["spec"]["predictor"] == {
        "minReplicas": 1,
        "maxReplicas": 3,
        "model": {
            "modelFormat": {"name": "sklearn", "version": "1"},
            "storageUri": "s3://models/fraud/1",
            "resources": {"requests": {"cpu": "500m"}, "limits": {"memory": "2Gi"}},
        },
    }
    assert "uid" not in manifest["metadata"]
    entities = await client.data(
        'query($id: ID!) { _entities(representations: [{__typename: "InferenceService", id: $id}]) '
        "{ ... on InferenceService { name applied } } }",
        id=service["id"],
    )
    assert entities["_entities"] == [{"name": "fraud", "applied": False}]


async def test_records_survive_a_restart(store: Path, registry: StaticRegistry, client: GraphQLClient) -> None:
    await client.data(CREATE_ENV, name="staging")
    service = (await client.data(DEPLOY, env="staging", version="1", name="fraud"))["deployModelVersion"]
    await client.data(ROLLOUT, id=service["id"], version="2", percent=10)
    async with serve(create_app(driver=ManifestDriver(store), registry=registry)) as url:
        again = GraphQLClient(f"{url}/graphql")
        current = (await again.data(GET, id=service["id"]))["inferenceService"]
        assert (current["modelVersion"], current["canaryTrafficPercent"]) == ({"id": "2"}, 10)
        envs = (await again.data("{ servingEnvironments { name description } }"))["servingEnvironments"]
        assert envs == [{"name": "staging", "description": "staging"}]


async def test_rollout_lifecycle_and_conflicts_match_the_cluster_driver(client: GraphQLClient) -> None:
    await client.data(CREATE_ENV, name="staging")
    service = (await client.data(DEPLOY, env="staging", version="1", name="fraud"))["deployModelVersion"]
    await client.data(ROLLOUT, id=service["id"], version="2", percent=10)
    assert (await client.data(SET_CANARY, id=service["id"], percent=50))["setCanaryTraffic"]["canaryTrafficPercent"] == 50
    assert (await client.data(ROLLBACK, id=service["id"]))["rollbackInferenceService"]["canaryTrafficPercent"] == 0
    promoted = (await client.data(PROMOTE, id=service["id"]))["promoteCanary"]
    assert promoted["canaryTrafficPercent"] is None and promoted["generation"] == 5
    assert await client.error_code(UPDATE, id=service["id"], rv=service["resourceVersion"], max=4) == "CONFLICT"
    assert await client.error_code(DEPLOY, env="nowhere", version="1", name="fraud") == "NOT_FOUND"
    assert await client.error_code(DEPLOY, env="staging", version="99", name="x") == "NOT_FOUND"


async def test_records_are_tenant_scoped(store: Path, registry: StaticRegistry) -> None:
    secret = "s3cret"
    async with serve(create_app(driver=ManifestDriver(store), registry=registry, secret=secret)) as url:
        acme = GraphQLClient(f"{url}/graphql", sign_caller(Caller(user="a", tenant="acme"), secret))
        umbrella = GraphQLClient(f"{url}/graphql", sign_caller(Caller(user="u", tenant="umbrella"), secret))
        await acme.data(CREATE_ENV, name="staging")
        await acme.data(DEPLOY, env="staging", version="1", name="fraud")
        assert (await umbrella.data(GET, id="staging/fraud"))["inferenceService"] is None
        await umbrella.data(CREATE_ENV, name="staging")
        assert (await umbrella.data("{ inferenceServices { id } }"))["inferenceServices"] == []
        assert (await acme.data("{ inferenceServices { id } }"))["inferenceServices"] == [{"id": "staging/fraud"}]
