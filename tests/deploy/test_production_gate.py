"""The production gate, the move to PRODUCTION, and the audit event of every deployment action.

Deploy's side, with the registry's answers fixed (tests/deploy/registry_stub.py); the same
path against the real registry through the gateway is test_governance_journey.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from common.tenancy import Caller, sign_caller
from subgraphs.deploy.app import create_app
from subgraphs.deploy.kubernetes_driver import KubernetesDriver
from subgraphs.deploy.manifest_driver import ManifestDriver
from subgraphs.deploy.resource import GROUP, PLURAL, VERSION
from tests.deploy.harness import GraphQLClient, serve
from tests.deploy.registry_stub import StaticRegistry, fraud_version
from tests.deploy.tcp_proxy import TcpProxy
from tests.deploy.test_rollouts import (
    CREATE_ENV,
    DELETE,
    DEPLOY,
    GET,
    PROMOTE,
    ROLLBACK,
    ROLLOUT,
    SET_CANARY,
    UNDEPLOY,
    UPDATE,
)

SECRET = "gate-secret"
ALICE = Caller(user="alice", tenant="acme", roles=("deployer",), scopes=frozenset({"deploy:write"}))
CREATE_PRODUCTION = """mutation($name: String!) {
  createServingEnvironment(input: {name: $name, description: "live", production: true}) { name production }
}"""
SERVICES = "query($env: String) { inferenceServices(environment: $env) { id modelVersion { id } canaryTrafficPercent } }"
PROMOTE_AT = "mutation($id: ID!, $rv: String) { promoteCanary(id: $id, resourceVersion: $rv) { id canaryTrafficPercent } }"


@pytest.fixture
def registry() -> StaticRegistry:
    return StaticRegistry(
        fraud_version("1", stage="APPROVED_PROD"), fraud_version("2"), fraud_version("3", stage="APPROVED_PROD")
    )


@pytest.fixture
async def client(tmp_path: Path, registry: StaticRegistry) -> AsyncIterator[GraphQLClient]:
    app = create_app(driver=ManifestDriver(tmp_path / "m.json"), registry=registry, secret=SECRET)
    async with serve(app) as url:
        yield GraphQLClient(f"{url}/graphql", sign_caller(ALICE, SECRET))


async def production(client: GraphQLClient, name: str = "live") -> str:
    assert (await client.data(CREATE_PRODUCTION, name=name))["createServingEnvironment"]["production"] is True
    return name


def first_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("errors"), body
    return body["errors"][0]  # type: ignore[no-any-return]


async def test_non_production_environments_take_any_stage_and_every_action_is_recorded(
    client: GraphQLClient, registry: StaticRegistry
) -> None:
    await client.data(CREATE_ENV, name="staging")
    service = (await client.data(DEPLOY, env="staging", version="2", name="fraud"))["deployModelVersion"]
    await client.data(ROLLOUT, id=service["id"], version="1", percent=10)
    await client.data(SET_CANARY, id=service["id"], percent=40)
    await client.data(PROMOTE, id=service["id"])
    await client.data(ROLLBACK, id=service["id"])
    await client.data(UPDATE, id=service["id"], max=4)
    await client.data(UNDEPLOY, id=service["id"])
    assert (await client.data(DELETE, id=service["id"]))["deleteInferenceService"]["deleted"] is True
    assert (await client.data(DELETE, id=service["id"]))["deleteInferenceService"]["deleted"] is False

    assert registry.moves == []  # DRAFT stays DRAFT: staging is not production
    assert registry.stage("2") == "DRAFT"
    assert registry.actions() == [
        ("create", "2"), ("rollout", "1"), ("set_traffic", "1"), ("promote", "1"),
        ("rollback", "1"), ("update", "1"), ("undeploy", "1"), ("delete", "1"),
    ]  # a delete of something already gone records nothing
    assert {user for user, _ in registry.events} == {"alice"}
    events = [event for _, event in registry.events]
    assert all((e.environment, e.deployment, e.production) == ("staging", "staging/fraud", False) for e in events)
    assert events[0].details["trafficPercent"] == 100 and events[0].details["driver"] == "manifest"
    assert events[1].details["trafficPercent"] == 10 and events[1].details["previousModelVersionId"] == "2"
    assert events[4].details["rolledBack"] is True and events[4].details["trafficPercent"] == 0
    assert events[6].details["desiredState"] == "UNDEPLOYED"
    assert not any(e.details["movedToProduction"] for e in events)


async def test_production_refuses_a_version_that_is_not_approved_for_it(
    client: GraphQLClient, registry: StaticRegistry
) -> None:
    env = await production(client)
    for stage in ("DRAFT", "SUBMITTED", "STAGING", "CHANGES_REQUESTED", "DEPRECATED"):
        registry.set_stage("2", stage)
        error = first_error(await client.execute(DEPLOY, env=env, version="2", name="fraud"))
        assert error["extensions"]["code"] == "FAILED_PRECONDITION"
        assert error["extensions"]["stage"] == stage
        assert error["extensions"]["requiredStages"] == ["APPROVED_PROD", "PRODUCTION"]
        assert error["extensions"]["environment"] == env
        assert f"stage {stage}" in error["message"] and "APPROVED_PROD or PRODUCTION" in error["message"]
    assert (await client.data(SERVICES, env=env))["inferenceServices"] == []
    assert registry.moves == [] and registry.events == []


async def test_a_first_deploy_into_production_moves_the_version_to_production(
    client: GraphQLClient, registry: StaticRegistry
) -> None:
    env = await production(client)
    service = (await client.data(DEPLOY, env=env, version="1", name="fraud"))["deployModelVersion"]
    assert service["canaryTrafficPercent"] is None
    assert registry.stage("1") == "PRODUCTION"
    assert [(user, version) for user, version, _ in registry.moves] == [("alice", "1")]
    assert f"as {env}/fraud" in registry.moves[0][2]
    (_, created), = registry.events
    assert (created.action, created.production, created.details["movedToProduction"]) == ("create", True, True)
    # A retried deploy finds it in PRODUCTION already: no second move.
    again = (await client.data(DEPLOY, env=env, version="1", name="fraud"))["deployModelVersion"]
    assert again["resourceVersion"] == service["resourceVersion"]
    assert len(registry.moves) == 1


async def test_canary_needs_approval_and_its_promotion_moves_it_to_production(
    client: GraphQLClient, registry: StaticRegistry
) -> None:
    env = await production(client)
    service = (await client.data(DEPLOY, env=env, version="1", name="fraud"))["deployModelVersion"]
    error = first_error(await client.execute(ROLLOUT, id=service["id"], version="2", percent=10))
    assert (error["extensions"]["code"], error["extensions"]["stage"]) == ("FAILED_PRECONDITION", "DRAFT")
    registry.set_stage("2", "APPROVED_PROD")
    canary = (await client.data(ROLLOUT, id=service["id"], version="2", percent=10))["rolloutModelVersion"]
    assert canary["canaryTrafficPercent"] == 10
    await client.data(SET_CANARY, id=service["id"], percent=50)
    assert registry.stage("2") == "APPROVED_PROD"  # part of the traffic is not production yet

    promoted = (await client.data(PROMOTE, id=service["id"]))["promoteCanary"]
    assert promoted["canaryTrafficPercent"] is None
    assert registry.stage("2") == "PRODUCTION"
    assert [version for _, version, _ in registry.moves] == ["1", "2"]
    assert "promoted live/fraud in production environment live" in registry.moves[1][2]
    promote_event = registry.events[-1][1]
    assert (promote_event.action, promote_event.model_version_id) == ("promote", "2")
    assert promote_event.details["movedToProduction"] is True and promote_event.details["trafficPercent"] == 100

    await client.data(PROMOTE, id=service["id"])  # again: already PRODUCTION, nothing to move
    assert len(registry.moves) == 2
    # Rolling back is never gated, and changes no stage.
    rolled = (await client.data(ROLLBACK, id=service["id"]))["rollbackInferenceService"]
    assert rolled["canaryTrafficPercent"] == 0
    assert (registry.stage("1"), registry.stage("2"), len(registry.moves)) == ("PRODUCTION", "PRODUCTION", 2)


async def test_all_traffic_at_once_moves_the_version_too(client: GraphQLClient, registry: StaticRegistry) -> None:
    env = await production(client)
    service = (await client.data(DEPLOY, env=env, version="1", name="fraud"))["deployModelVersion"]
    straight = (await client.data(ROLLOUT, id=service["id"], version="3", percent=None))["rolloutModelVersion"]
    assert straight["canaryTrafficPercent"] is None and registry.stage("3") == "PRODUCTION"

    registry.set_stage("2", "APPROVED_PROD")
    await client.data(ROLLOUT, id=service["id"], version="2", percent=0)  # blue/green: 0% first
    assert registry.stage("2") == "APPROVED_PROD"
    switched = (await client.data(SET_CANARY, id=service["id"], percent=100))["setCanaryTraffic"]
    assert switched["canaryTrafficPercent"] is None and registry.stage("2") == "PRODUCTION"
    assert [version for _, version, _ in registry.moves] == ["1", "3", "2"]


async def test_a_refused_move_to_production_changes_nothing(client: GraphQLClient, registry: StaticRegistry) -> None:
    env = await production(client)
    service = (await client.data(DEPLOY, env=env, version="1", name="fraud"))["deployModelVersion"]
    registry.set_stage("2", "APPROVED_PROD")
    await client.data(ROLLOUT, id=service["id"], version="2", percent=10)
    events_before = len(registry.events)
    registry.refuse_production = "bias-checked: no passing BIAS evaluation"

    error = first_error(await client.execute(PROMOTE, id=service["id"]))
    assert error["extensions"]["code"] == "FAILED_PRECONDITION"
    assert error["extensions"]["failedPolicies"] == ["bias-checked: no passing BIAS evaluation"]
    current = (await client.data(GET, id=service["id"]))["inferenceService"]
    assert (current["canaryTrafficPercent"], current["modelVersion"]) == (10, {"id": "2"})
    assert registry.stage("2") == "APPROVED_PROD" and len(registry.events) == events_before

    # A stale resourceVersion is refused before the registry is asked to move anything.
    registry.refuse_production = None
    assert await client.error_code(PROMOTE_AT, id=service["id"], rv=service["resourceVersion"]) == "CONFLICT"
    assert registry.stage("2") == "APPROVED_PROD"
    promoted = (await client.data(PROMOTE_AT, id=service["id"], rv=current["resourceVersion"]))["promoteCanary"]
    assert promoted["canaryTrafficPercent"] is None and registry.stage("2") == "PRODUCTION"


async def test_a_version_sent_back_for_changes_gets_no_more_production_traffic(
    client: GraphQLClient, registry: StaticRegistry
) -> None:
    env = await production(client)
    service = (await client.data(DEPLOY, env=env, version="1", name="fraud"))["deployModelVersion"]
    registry.set_stage("2", "APPROVED_PROD")
    await client.data(ROLLOUT, id=service["id"], version="2", percent=10)
    registry.set_stage("2", "CHANGES_REQUESTED")
    for document, variables in ((SET_CANARY, {"percent": 50}), (PROMOTE, {})):
        error = first_error(await client.execute(document, id=service["id"], **variables))
        assert (error["extensions"]["code"], error["extensions"]["stage"]) == ("FAILED_PRECONDITION", "CHANGES_REQUESTED")
    rolled = (await client.data(ROLLBACK, id=service["id"]))["rollbackInferenceService"]
    assert (rolled["canaryTrafficPercent"], rolled["rolledBack"]) == (0, True)


async def test_an_action_the_registry_could_not_audit_says_so_and_a_retry_records_it(
    client: GraphQLClient, registry: StaticRegistry
) -> None:
    await client.data(CREATE_ENV, name="staging")
    registry.events_down = True
    error = first_error(await client.execute(DEPLOY, env="staging", version="2", name="fraud"))
    assert error["extensions"]["code"] == "UNAVAILABLE"
    assert error["extensions"]["actionApplied"] is True
    assert "took effect" in error["message"] and "audit event" in error["message"]
    assert [s["id"] for s in (await client.data(SERVICES, env="staging"))["inferenceServices"]] == ["staging/fraud"]
    assert registry.events == []
    registry.events_down = False
    await client.data(DEPLOY, env="staging", version="2", name="fraud")  # the retry
    assert registry.actions() == [("create", "2")]


async def test_the_cluster_failing_after_the_move_is_reported_and_a_retry_finishes(
    driver: KubernetesDriver, direct: KubernetesDriver, proxy: TcpProxy, registry: StaticRegistry, namespace_name: str
) -> None:
    async with serve(create_app(driver=driver, registry=registry)) as url:
        client = GraphQLClient(f"{url}/graphql")
        await production(client, namespace_name)
        service = (await client.data(DEPLOY, env=namespace_name, version="1", name="fraud"))["deployModelVersion"]
        registry.set_stage("2", "APPROVED_PROD")
        await client.data(ROLLOUT, id=service["id"], version="2", percent=10)
        registry.after_move = proxy.cut  # the API server goes away once the registry has moved it

        error = first_error(await client.execute(PROMOTE, id=service["id"]))
        assert error["extensions"]["code"] == "UNAVAILABLE"
        assert "model version 2 was already moved to PRODUCTION" in error["message"]
        assert registry.stage("2") == "PRODUCTION" and registry.actions()[-1] == ("rollout", "2")

        registry.after_move = None
        await proxy.restore()
        promoted = (await client.data(PROMOTE, id=service["id"]))["promoteCanary"]
        assert promoted["canaryTrafficPercent"] is None
        assert [version for _, version, _ in registry.moves] == ["1", "2"]  # not moved twice
        assert registry.actions()[-1] == ("promote", "2")
        stored = await direct.objects.get_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, "fraud")
        assert "canaryTrafficPercent" not in stored["spec"]["predictor"]
