"""The whole path: register in the registry, deploy, canary, promote and roll back through the gateway."""

from __future__ import annotations

import pytest

from modelplane.standalone import build_standalone_app
from tests.deploy.conftest import KubeTarget
from tests.deploy.harness import GraphQLClient, reserve_socket, serve

REGISTER = """mutation($version: String!, $uri: String!) {
  registerModel(input: {name: "churn", versionName: $version, uri: $uri, modelFormatName: "xgboost"}) {
    modelVersion { id }
  }
}"""


async def test_canary_promote_and_rollback_through_the_gateway(
    kube: KubeTarget, sqlite_url: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch, namespace_name: str
) -> None:
    monkeypatch.setenv("MODELPLANE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MODELPLANE_KUBE_HOST", kube.url)
    monkeypatch.setenv("MODELPLANE_KUBE_TOKEN", kube.token)
    sock = reserve_socket()
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    async with serve(build_standalone_app(base_url, secret="gateway-secret", seed=False), sock):
        gateway = GraphQLClient(f"{base_url}/graphql")
        v1 = (await gateway.data(REGISTER, version="1", uri="s3://churn/1"))["registerModel"]["modelVersion"]["id"]
        v2 = (await gateway.data(REGISTER, version="2", uri="s3://churn/2"))["registerModel"]["modelVersion"]["id"]
        assert (await gateway.data("{ deployDriver { mode } }"))["deployDriver"] == {"mode": "KUBERNETES"}
        await gateway.data(
            'mutation($name: String!) { createServingEnvironment(input: {name: $name, production: true}) { name } }',
            name=namespace_name,
        )
        deployed = (await gateway.data(
            """mutation($env: String!, $v: ID!) { deployModelVersion(input: {environment: $env, modelVersionId: $v}) {
                 id applied storageUri modelVersion { id name registeredModel { name } } } }""",
            env=namespace_name, v=v1,
        ))["deployModelVersion"]
        assert deployed["applied"] is True and deployed["storageUri"] == "s3://churn/1"
        assert deployed["modelVersion"] == {"id": v1, "name": "1", "registeredModel": {"name": "churn"}}
        service_id = deployed["id"]

        step = "id canaryTrafficPercent rolledBack modelVersion { name } previousModelVersion { name }"
        canary = (await gateway.data(
            f"mutation($id: ID!, $v: ID!) {{ rolloutModelVersion(input: {{id: $id, modelVersionId: $v, canaryTrafficPercent: 10}}) {{ {step} }} }}",
            id=service_id, v=v2,
        ))["rolloutModelVersion"]
        assert (canary["canaryTrafficPercent"], canary["modelVersion"], canary["previousModelVersion"]) == (10, {"name": "2"}, {"name": "1"})
        half = (await gateway.data(f"mutation($id: ID!) {{ setCanaryTraffic(id: $id, percent: 50) {{ {step} }} }}", id=service_id))
        assert half["setCanaryTraffic"]["canaryTrafficPercent"] == 50
        promoted = (await gateway.data(f"mutation($id: ID!) {{ promoteCanary(id: $id) {{ {step} }} }}", id=service_id))
        assert promoted["promoteCanary"]["canaryTrafficPercent"] is None
        rolled = (await gateway.data(f"mutation($id: ID!) {{ rollbackInferenceService(id: $id) {{ {step} }} }}", id=service_id))
        assert (rolled["rollbackInferenceService"]["canaryTrafficPercent"], rolled["rollbackInferenceService"]["rolledBack"]) == (0, True)

        version = (await gateway.data(
            "query($id: ID!) { modelVersion(id: $id) { name deployments { id environment { name production } status { state } } } }",
            id=v2,
        ))["modelVersion"]
        # The real API server is shared by the session's tests: look only at this test's namespace.
        ours = [d for d in version["deployments"] if d["environment"]["name"] == namespace_name]
        assert version["name"] == "2"
        assert ours == [{"id": service_id, "environment": {"name": namespace_name, "production": True},
                         "status": {"state": "PENDING"}}]
