"""Deploy reads model versions from the real registry subgraph over HTTP, as the signed caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.errors import FailedPrecondition, NotFound, Unavailable
from common.tenancy import IDENTITY_HEADER, Caller, sign_caller
from subgraphs.deploy.app import create_app
from subgraphs.deploy.manifest_driver import ManifestDriver
from subgraphs.deploy.records import DeploymentEvent
from subgraphs.deploy.registry_lookup import HttpRegistryLookup
from subgraphs.registry.app import create_app as create_registry_app
from tests.deploy.harness import GraphQLClient, serve
from tests.deploy.test_rollouts import CREATE_ENV, DEPLOY

SECRET = "shared-secret"
ACME = Caller(user="alice", tenant="acme")
REGISTER = """mutation {
  registerModel(input: {name: "fraud-detector", versionName: "v1", uri: "s3://models/fraud/1",
                        modelFormatName: "onnx", modelFormatVersion: "1"}) {
    registeredModel { id } modelVersion { id } modelArtifact { id }
  }
}"""


async def test_lookup_reads_the_versions_model_artifact(sqlite_url: str, tmp_path: Path) -> None:
    async with serve(create_registry_app(database_url=sqlite_url, secret=SECRET)) as registry_url:
        registry = GraphQLClient(f"{registry_url}/graphql", sign_caller(ACME, SECRET))
        registered = (await registry.data(REGISTER))["registerModel"]
        version_id = registered["modelVersion"]["id"]
        lookup = HttpRegistryLookup(f"{registry_url}/graphql", secret=SECRET)
        try:
            source = await lookup.find_model_source(ACME, version_id)
            assert (source.uri, source.format_name, source.format_version) == ("s3://models/fraud/1", "onnx", "1")
            assert source.stage == "DRAFT"
            assert (source.registered_model_id, source.artifact_id) == (
                registered["registeredModel"]["id"], registered["modelArtifact"]["id"],
            )
            with pytest.raises(NotFound):
                await lookup.find_model_source(Caller(user="eve", tenant="umbrella"), version_id)
        finally:
            await lookup.close()

        deploy_app = create_app(
            driver=ManifestDriver(tmp_path / "m.json"), registry_url=f"{registry_url}/graphql", secret=SECRET
        )
        async with serve(deploy_app) as deploy_url:
            deploy = GraphQLClient(f"{deploy_url}/graphql", sign_caller(ACME, SECRET))
            await deploy.data(CREATE_ENV, name="staging")
            service = (await deploy.data(DEPLOY, env="staging", version=version_id, name=None))["deployModelVersion"]
            assert service["name"] == f"fraud-detector-v{version_id}"
            assert service["storageUri"] == "s3://models/fraud/1"


async def test_unreachable_registry_is_unavailable() -> None:
    lookup = HttpRegistryLookup("http://127.0.0.1:9/graphql", secret=None, timeout=2)
    try:
        with pytest.raises(Unavailable):
            await lookup.find_model_source(ACME, "1")
    finally:
        await lookup.close()


async def test_moves_to_production_and_deployment_events_go_through_the_registry(sqlite_url: str) -> None:
    async with serve(create_registry_app(database_url=sqlite_url, secret=SECRET)) as registry_url:
        registry = GraphQLClient(f"{registry_url}/graphql", sign_caller(ACME, SECRET))
        version_id = (await registry.data(REGISTER))["registerModel"]["modelVersion"]["id"]
        lookup = HttpRegistryLookup(f"{registry_url}/graphql", secret=SECRET)
        try:
            # The registry's refusal reaches deploy with its code and extensions.
            with pytest.raises(FailedPrecondition) as refused:
                await lookup.move_to_production(ACME, version_id, "promoted live/fraud")
            assert refused.value.extra["allowedStages"] == ["SUBMITTED", "RETIRED"]
            assert "DRAFT" in refused.value.message

            event = DeploymentEvent(version_id, "create", "live", "live/fraud", True, {"trafficPercent": 100})
            await lookup.record_deployment_event(ACME, event)
            with pytest.raises(NotFound):
                await lookup.record_deployment_event(ACME, DeploymentEvent("999", "create", "live", "live/x", True))
        finally:
            await lookup.close()
        events = (await registry.data(
            'query($id: ID!) { auditEvents(entityType: "model_version", entityId: $id) { events { actor action diff } } }',
            id=version_id,
        ))["auditEvents"]["events"]
        recorded = [e for e in events if e["action"] == "deployment.create"]
        assert recorded == [{
            "actor": "alice",
            "action": "deployment.create",
            "diff": {"before": None, "after": {"trafficPercent": 100, "environment": "live",
                                                "deployment": "live/fraud", "production": True}},
        }]


async def test_without_a_shared_secret_the_caller_still_reaches_the_registry(sqlite_url: str) -> None:
    async with serve(create_registry_app(database_url=sqlite_url, secret=None)) as registry_url:
        registry = GraphQLClient(f"{registry_url}/graphql", {IDENTITY_HEADER: sign_caller(ACME, "")[IDENTITY_HEADER]})
        version_id = (await registry.data(REGISTER))["registerModel"]["modelVersion"]["id"]
        lookup = HttpRegistryLookup(f"{registry_url}/graphql", secret=None)
        try:
            assert (await lookup.find_model_source(ACME, version_id)).stage == "DRAFT"
            await lookup.record_deployment_event(ACME, DeploymentEvent(version_id, "create", "dev", "dev/fraud", False))
            with pytest.raises(NotFound):  # another tenant does not see acme's version
                await lookup.find_model_source(Caller(user="eve", tenant="umbrella"), version_id)
        finally:
            await lookup.close()
        events = (await registry.data(
            'query($id: ID!) { auditEvents(entityType: "model_version", entityId: $id) { events { actor action } } }',
            id=version_id,
        ))["auditEvents"]["events"]
        assert {"actor": "alice", "action": "deployment.create"} in events
