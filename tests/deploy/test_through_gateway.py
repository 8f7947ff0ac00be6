"""The whole path: register in the registry, deploy, canary, promote and roll back through the gateway.

The environment is a production one, so the versions go through governance first: alice
(contributor and deployer) submits them, bob (approver) approves them, and only versions in
APPROVED_PROD or PRODUCTION may serve there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from modelplane.standalone import build_standalone_app
from tests.deploy.conftest import KubeTarget
from tests.deploy.harness import reserve_socket, serve
from tests.deploy.people import approve_for_production, configure_people, people, stage_of

REGISTER = """mutation($version: String!, $uri: String!) {
  registerModel(input: {name: "churn", versionName: $version, uri: $uri, modelFormatName: "xgboost"}) {
    modelVersion { id }
  }
}"""
DEPLOY = """mutation($env: String!, $v: ID!) { deployModelVersion(input: {environment: $env, modelVersionId: $v}) {
  id applied storageUri modelVersion { id name registeredModel { name } } } }"""


async def test_canary_promote_and_rollback_through_the_gateway(
    kube: KubeTarget, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, namespace_name: str
) -> None:
    monkeypatch.setenv("MODELPLANE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MODELPLANE_KUBE_HOST", kube.url)
    monkeypatch.setenv("MODELPLANE_KUBE_TOKEN", kube.token)
    monkeypatch.delenv("MODELPLANE_GOVERNANCE_CONFIG", raising=False)  # defaults: one approval
    tokens = configure_people(tmp_path, monkeypatch)
    sock = reserve_socket()
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    async with serve(build_standalone_app(base_url, secret="gateway-secret", seed=False), sock):
        users = people(base_url, tokens)
        gateway, bob = users["alice"], users["bob"]
        v1 = (await gateway.data(REGISTER, version="1", uri="s3://churn/1"))["registerModel"]["modelVersion"]["id"]
        v2 = (await gateway.data(REGISTER, version="2", uri="s3://churn/2"))["registerModel"]["modelVersion"]["id"]
        assert (await gateway.data("{ deployDriver { mode } }"))["deployDriver"] == {"mode": "KUBERNETES"}
        await gateway.data(
            'mutation($name: String!) { createServingEnvironment(input: {name: $name, production: true}) { name } }',
            name=namespace_name,
        )
        # The production gate: a DRAFT version does not serve in production.
        refused = await gateway.execute(DEPLOY, env=namespace_name, v=v1)
        assert refused["errors"][0]["extensions"]["code"] == "FAILED_PRECONDITION"
        assert refused["errors"][0]["extensions"]["stage"] == "DRAFT"
        assert (await gateway.data("query($env: String!) { inferenceServices(environment: $env) { id } }",
                                   env=namespace_name))["inferenceServices"] == []

        await approve_for_production(gateway, [bob], v1)
        deployed = (await gateway.data(DEPLOY, env=namespace_name, v=v1))["deployModelVersion"]
        assert deployed["applied"] is True and deployed["storageUri"] == "s3://churn/1"
        assert deployed["modelVersion"] == {"id": v1, "name": "1", "registeredModel": {"name": "churn"}}
        assert await stage_of(gateway, v1) == "PRODUCTION"  # it serves all production traffic
        service_id = deployed["id"]

        step = "id canaryTrafficPercent rolledBack modelVersion { name } previousModelVersion { name }"
        rollout = f"mutation($id: ID!, $v: ID!) {{ rolloutModelVersion(input: {{id: $id, modelVersionId: $v, canaryTrafficPercent: 10}}) {{ {step} }} }}"
        assert await gateway.error_code(rollout, id=service_id, v=v2) == "FAILED_PRECONDITION"
        await approve_for_production(gateway, [bob], v2)
        canary = (await gateway.data(rollout, id=service_id, v=v2))["rolloutModelVersion"]
        assert (canary["canaryTrafficPercent"], canary["modelVersion"], canary["previousModelVersion"]) == (10, {"name": "2"}, {"name": "1"})
        half = (await gateway.data(f"mutation($id: ID!) {{ setCanaryTraffic(id: $id, percent: 50) {{ {step} }} }}", id=service_id))
        assert half["setCanaryTraffic"]["canaryTrafficPercent"] == 50
        assert await stage_of(gateway, v2) == "APPROVED_PROD"  # a canary is not yet production
        promoted = (await gateway.data(f"mutation($id: ID!) {{ promoteCanary(id: $id) {{ {step} }} }}", id=service_id))
        assert promoted["promoteCanary"]["canaryTrafficPercent"] is None
        assert await stage_of(gateway, v2) == "PRODUCTION"
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

        events = (await gateway.data(
            'query($id: ID!) { auditEvents(entityType: "model_version", entityId: $id) { events { actor action } } }',
            id=v2,
        ))["auditEvents"]["events"]
        deployment_actions = [e["action"] for e in events if e["action"].startswith("deployment.")]
        assert deployment_actions == [
            "deployment.rollout", "deployment.set_traffic", "deployment.promote", "deployment.rollback",
        ]
        assert {e["actor"] for e in events if e["action"].startswith("deployment.")} == {"alice"}
