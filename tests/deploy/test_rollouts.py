"""Deploy, canary, promote, roll back and undeploy through GraphQL, against each API server backend."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from common.tenancy import Caller, sign_caller
from subgraphs.deploy.app import create_app
from subgraphs.deploy.kubernetes_driver import KubernetesDriver
from subgraphs.deploy.resource import GROUP, PLURAL, RUNTIME_PLURAL, RUNTIME_VERSION, VERSION
from tests.deploy.conftest import KubeTarget
from tests.deploy.harness import GraphQLClient, serve
from tests.deploy.kserve_controller import report_status
from tests.deploy.registry_stub import StaticRegistry, fraud_version
from tests.deploy.tcp_proxy import TcpProxy

SERVICE = """
  id name environmentName applied desiredState canaryTrafficPercent rolledBack resourceVersion generation
  runtime storageUri minReplicas maxReplicas manifest
  modelVersion { id } previousModelVersion { id }
  modelFormat { name version }
  resources { cpuRequest memoryLimit }
  status { state ready url lastError latestReadyRevision traffic { revisionName percent latestRevision }
           conditions { type status reason message } }
"""
CREATE_ENV = """mutation($name: String!) {
  createServingEnvironment(input: {name: $name, description: "staging", production: false}) { name namespace production }
}"""
DEPLOY = f"""mutation($env: String!, $version: ID!, $name: String, $metric: String) {{
  deployModelVersion(input: {{environment: $env, modelVersionId: $version, name: $name, minReplicas: 1,
    maxReplicas: 3, scaleMetric: $metric, resources: {{cpuRequest: "500m", memoryLimit: "2Gi"}}}}) {{ {SERVICE} }}
}}"""
ROLLOUT = f"""mutation($id: ID!, $version: ID!, $percent: Int, $rv: String) {{
  rolloutModelVersion(input: {{id: $id, modelVersionId: $version, canaryTrafficPercent: $percent, resourceVersion: $rv}}) {{ {SERVICE} }}
}}"""
SET_CANARY = f"""mutation($id: ID!, $percent: Int!, $rv: String) {{
  setCanaryTraffic(id: $id, percent: $percent, resourceVersion: $rv) {{ {SERVICE} }}
}}"""
PROMOTE = f"mutation($id: ID!) {{ promoteCanary(id: $id) {{ {SERVICE} }} }}"
ROLLBACK = f"mutation($id: ID!) {{ rollbackInferenceService(id: $id) {{ {SERVICE} }} }}"
UNDEPLOY = f"mutation($id: ID!) {{ undeployInferenceService(id: $id) {{ {SERVICE} }} }}"
DELETE = "mutation($id: ID!) { deleteInferenceService(id: $id) { id deleted } }"
GET = f"query($id: ID!) {{ inferenceService(id: $id) {{ {SERVICE} }} }}"
UPDATE = f"""mutation($id: ID!, $rv: String, $max: Int) {{
  updateInferenceService(input: {{id: $id, resourceVersion: $rv, maxReplicas: $max}}) {{ {SERVICE} }}
}}"""


@pytest.fixture
def registry() -> StaticRegistry:
    return StaticRegistry(fraud_version("1"), fraud_version("2"), fraud_version("3"))


@pytest.fixture
async def client(driver: KubernetesDriver, registry: StaticRegistry) -> AsyncIterator[GraphQLClient]:
    async with serve(create_app(driver=driver, registry=registry)) as url:
        yield GraphQLClient(f"{url}/graphql")


@pytest.fixture
async def environment(client: GraphQLClient, namespace_name: str) -> str:
    data = await client.data(CREATE_ENV, name=namespace_name)
    assert data["createServingEnvironment"] == {"name": namespace_name, "namespace": namespace_name, "production": False}
    return namespace_name


async def deploy(client: GraphQLClient, environment: str, version: str = "1") -> dict[str, Any]:
    data = await client.data(DEPLOY, env=environment, version=version, name="fraud")
    return data["deployModelVersion"]  # type: ignore[no-any-return]


async def eventually(check: Any, timeout: float = 10.0) -> Any:
    """Polls `check` (an async callable) until it returns something truthy."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = await check()
        if result or asyncio.get_running_loop().time() > deadline:
            return result
        await asyncio.sleep(0.05)


async def test_deploy_labels_the_resource_and_shows_live_status(
    client: GraphQLClient, direct: KubernetesDriver, environment: str
) -> None:
    service = await deploy(client, environment)
    assert service["id"] == f"{environment}/fraud"
    assert service["applied"] is True
    assert service["modelVersion"] == {"id": "1"}
    assert service["modelFormat"] == {"name": "sklearn", "version": "1"}
    assert service["storageUri"] == "s3://models/fraud/1"
    assert service["resources"] == {"cpuRequest": "500m", "memoryLimit": "2Gi"}
    assert service["status"]["state"] == "PENDING"
    stored = await direct.objects.get_namespaced_custom_object(GROUP, VERSION, environment, PLURAL, "fraud")
    labels = stored["metadata"]["labels"]
    assert (labels["modelplane.io/model-version-id"], labels["modelplane.io/registered-model-id"],
            labels["modelplane.io/model-artifact-id"], labels["modelplane.io/tenant"]) == ("1", "7", "101", "default")

    await report_status(direct, environment, "fraud", ready=True)

    async def ready() -> dict[str, Any] | None:
        current = (await client.data(GET, id=service["id"]))["inferenceService"]
        return current if current["status"]["ready"] else None

    live = await eventually(ready)
    assert live is not None, "the watch never delivered the controller's status"
    assert live["status"]["state"] == "READY"
    assert live["status"]["url"] == f"http://fraud.{environment}.example.com"
    assert live["status"]["traffic"] == [{"revisionName": "fraud-predictor-00001", "percent": 100, "latestRevision": True}]


async def test_retrying_a_deploy_returns_the_same_resource(client: GraphQLClient, direct: KubernetesDriver, environment: str) -> None:
    first = await deploy(client, environment)
    second = await deploy(client, environment)
    assert second["id"] == first["id"] and second["resourceVersion"] == first["resourceVersion"]
    listing = await direct.objects.list_namespaced_custom_object(GROUP, VERSION, environment, PLURAL)
    assert [item["metadata"]["name"] for item in listing["items"]] == ["fraud"]
    assert await client.error_code(DEPLOY, env=environment, version="2", name="fraud") == "CONFLICT"


async def test_canary_10_then_50_then_promote(client: GraphQLClient, direct: KubernetesDriver, environment: str) -> None:
    service = await deploy(client, environment)
    canary = (await client.data(ROLLOUT, id=service["id"], version="2", percent=10))["rolloutModelVersion"]
    assert (canary["canaryTrafficPercent"], canary["modelVersion"], canary["previousModelVersion"]) == (10, {"id": "2"}, {"id": "1"})
    assert canary["storageUri"] == "s3://models/fraud/2"
    assert canary["generation"] == 2
    await report_status(direct, environment, "fraud", ready=True, latest_percent=10)
    half = (await client.data(SET_CANARY, id=service["id"], percent=50))["setCanaryTraffic"]
    assert half["canaryTrafficPercent"] == 50
    promoted = (await client.data(PROMOTE, id=service["id"]))["promoteCanary"]
    assert promoted["canaryTrafficPercent"] is None
    assert promoted["modelVersion"] == {"id": "2"}
    stored = await direct.objects.get_namespaced_custom_object(GROUP, VERSION, environment, PLURAL, "fraud")
    assert "canaryTrafficPercent" not in stored["spec"]["predictor"]
    assert stored["spec"]["predictor"]["model"]["storageUri"] == "s3://models/fraud/2"
    deployments = await client.data('query { _entities(representations: [{__typename: "ModelVersion", id: "2"}]) { ... on ModelVersion { deployments { id canaryTrafficPercent } } } }')
    # The real API server is shared by the session's tests: look only at this test's namespace.
    ours = [d for d in deployments["_entities"][0]["deployments"] if d["id"].startswith(f"{environment}/")]
    assert ours == [{"id": service["id"], "canaryTrafficPercent": None}]


async def test_rollback_sends_all_traffic_to_the_previous_revision(client: GraphQLClient, environment: str) -> None:
    service = await deploy(client, environment)
    assert await client.error_code(ROLLBACK, id=service["id"]) == "FAILED_PRECONDITION"
    await client.data(ROLLOUT, id=service["id"], version="2", percent=10)
    rolled = (await client.data(ROLLBACK, id=service["id"]))["rollbackInferenceService"]
    assert (rolled["canaryTrafficPercent"], rolled["rolledBack"], rolled["previousModelVersion"]) == (0, True, {"id": "1"})
    again = (await client.data(ROLLOUT, id=service["id"], version="3", percent=20))["rolloutModelVersion"]
    assert (again["rolledBack"], again["modelVersion"], again["previousModelVersion"]) == (False, {"id": "3"}, {"id": "2"})


async def test_blue_green_is_two_rollouts_at_0_then_100(client: GraphQLClient, environment: str) -> None:
    service = await deploy(client, environment)
    green = (await client.data(ROLLOUT, id=service["id"], version="2", percent=0))["rolloutModelVersion"]
    assert green["canaryTrafficPercent"] == 0 and green["modelVersion"] == {"id": "2"}
    switched = (await client.data(SET_CANARY, id=service["id"], percent=100))["setCanaryTraffic"]
    assert switched["canaryTrafficPercent"] is None
    retried = (await client.data(ROLLOUT, id=service["id"], version="2", percent=None))["rolloutModelVersion"]
    assert retried["resourceVersion"] == switched["resourceVersion"]


async def test_undeploy_stops_and_delete_removes(client: GraphQLClient, direct: KubernetesDriver, environment: str) -> None:
    service = await deploy(client, environment)
    stopped = (await client.data(UNDEPLOY, id=service["id"]))["undeployInferenceService"]
    assert (stopped["desiredState"], stopped["status"]["state"]) == ("UNDEPLOYED", "STOPPED")
    stored = await direct.objects.get_namespaced_custom_object(GROUP, VERSION, environment, PLURAL, "fraud")
    assert stored["metadata"]["annotations"]["serving.kserve.io/stop"] == "true"
    redeployed = await deploy(client, environment)
    assert redeployed["desiredState"] == "DEPLOYED"
    assert (await client.data(DELETE, id=service["id"]))["deleteInferenceService"] == {"id": service["id"], "deleted": True}
    assert (await client.data(DELETE, id=service["id"]))["deleteInferenceService"]["deleted"] is False
    assert (await client.data(GET, id=service["id"]))["inferenceService"] is None


async def test_schema_rejection_is_bad_user_input_with_the_field(client: GraphQLClient, environment: str) -> None:
    body = await client.execute(DEPLOY, env=environment, version="1", name="fraud", metric="latency")
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "spec.predictor.scaleMetric" in error["message"]


async def test_stale_resource_version_is_a_conflict(client: GraphQLClient, environment: str) -> None:
    service = await deploy(client, environment)
    updated = (await client.data(UPDATE, id=service["id"], rv=service["resourceVersion"], max=5))["updateInferenceService"]
    assert updated["maxReplicas"] == 5
    assert await client.error_code(UPDATE, id=service["id"], rv=service["resourceVersion"], max=7) == "CONFLICT"
    assert await client.error_code(SET_CANARY, id=service["id"], percent=150) == "BAD_USER_INPUT"
    current = (await client.data(GET, id=service["id"]))["inferenceService"]
    assert current["maxReplicas"] == 5


async def test_api_server_going_away_mid_deploy_is_unavailable_then_retry_succeeds(
    client: GraphQLClient, direct: KubernetesDriver, registry: StaticRegistry, proxy: TcpProxy, environment: str
) -> None:
    registry.before_lookup = proxy.cut  # the cluster vanishes between reading the registry and writing
    body = await client.execute(DEPLOY, env=environment, version="1", name="fraud")
    assert body["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
    assert await client.error_code(GET, id=f"{environment}/fraud") == "UNAVAILABLE"
    registry.before_lookup = None
    await proxy.restore()
    service = await deploy(client, environment)
    assert service["applied"] is True
    listing = await direct.objects.list_namespaced_custom_object(GROUP, VERSION, environment, PLURAL)
    assert len(listing["items"]) == 1


async def test_watch_recovers_after_the_server_comes_back(
    client: GraphQLClient, direct: KubernetesDriver, driver: KubernetesDriver, proxy: TcpProxy, environment: str
) -> None:
    service = await deploy(client, environment)
    assert driver.cache is not None and await driver.cache.wait_synced(5)
    await proxy.cut()
    await report_status(direct, environment, "fraud", ready=False, message="OOMKilled")
    assert await client.error_code(GET, id=service["id"]) == "UNAVAILABLE"
    await proxy.restore()
    assert await driver.cache.wait_synced(10)
    current = (await client.data(GET, id=service["id"]))["inferenceService"]
    assert (current["status"]["state"], current["status"]["lastError"]) == ("NOT_READY", "OOMKilled")


async def test_tenants_do_not_see_each_other(
    driver: KubernetesDriver, registry: StaticRegistry, namespace_name: str
) -> None:
    secret = "s3cret"
    async with serve(create_app(driver=driver, registry=registry, secret=secret)) as url:
        acme = GraphQLClient(f"{url}/graphql", sign_caller(Caller(user="a", tenant="acme"), secret))
        umbrella = GraphQLClient(f"{url}/graphql", sign_caller(Caller(user="u", tenant="umbrella"), secret))
        await acme.data(CREATE_ENV, name=namespace_name)
        await acme.data(DEPLOY, env=namespace_name, version="1", name="fraud")
        assert (await umbrella.data(GET, id=f"{namespace_name}/fraud"))["inferenceService"] is None
        assert (await umbrella.data("{ servingEnvironments { name } }"))["servingEnvironments"] == []
        assert await umbrella.error_code(DEPLOY, env=namespace_name, version="1", name="other") == "NOT_FOUND"
        assert await umbrella.error_code(CREATE_ENV, name=namespace_name) == "CONFLICT"
        unsigned = await GraphQLClient(f"{url}/graphql").execute("{ servingEnvironments { name } }")
        assert unsigned["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_refused_credentials_are_forbidden(kube: KubeTarget, registry: StaticRegistry, namespace_name: str) -> None:
    from tests.deploy.conftest import make_driver

    stranger = await make_driver(kube, kube.port, token="wrong-token")
    try:
        async with serve(create_app(driver=stranger, registry=registry)) as url:
            client = GraphQLClient(f"{url}/graphql")
            assert await client.error_code(CREATE_ENV, name=namespace_name) == "FORBIDDEN"
    finally:
        await stranger.close()


async def test_serving_runtimes_of_an_environment(client: GraphQLClient, direct: KubernetesDriver, environment: str) -> None:
    runtime = {
        "apiVersion": f"{GROUP}/{RUNTIME_VERSION}",
        "kind": "ServingRuntime",
        "metadata": {"name": "kserve-sklearnserver", "namespace": environment},
        "spec": {
            "supportedModelFormats": [{"name": "sklearn", "version": "1", "autoSelect": True}],
            "containers": [{"name": "kserve-container", "image": "kserve/sklearnserver:v0.15.0"}],
        },
    }
    await direct.objects.create_namespaced_custom_object(GROUP, RUNTIME_VERSION, environment, RUNTIME_PLURAL, runtime)
    data = await client.data("query($env: String!) { listServingRuntimes(environment: $env) { name environment modelFormats disabled multiModel } }", env=environment)
    assert data["listServingRuntimes"] == [
        {"name": "kserve-sklearnserver", "environment": environment, "modelFormats": ["sklearn"], "disabled": False, "multiModel": False}
    ]
    assert await client.error_code('{ listServingRuntimes(environment: "no-such-env") { name } }') == "NOT_FOUND"
