"""Issue 7's "done when": DRAFT to PRODUCTION through the gateway, with two approvers, passing
evaluations and a deployment, and the evidence bundle of that journey verifying.

One standalone Modelplane (gateway and the three subgraphs over real HTTP, the registry on
SQLite and PostgreSQL, the manifest-only deploy driver), three people with API tokens: alice
(contributor and deployer), bob and carol (approvers). The worked example of
docs/governance.md and the README is this test.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from modelplane.standalone import build_standalone_app
from subgraphs.registry.governance.bundle import pack_bundle, verify_bundle
from subgraphs.registry.governance.command import verify_command
from tests.deploy.harness import GraphQLClient, reserve_socket, serve
from tests.deploy.people import (
    APPROVE,
    REQUEST,
    approved,
    configure_people,
    move,
    people,
    stage_of,
)
from tests.registry.governance.journey import members

GOVERNANCE = """
version: "2026-11-journey"
approvals: {LOW: 1, MEDIUM: 1, HIGH: 2}
policies:
  - {name: weights-are-pinned, rule: artifact_digest_and_license, stages: [APPROVED_STAGING]}
  - {name: model-card, rule: model_card, stages: [APPROVED_STAGING]}
  - name: accurate-enough
    rule: evaluation_passed
    suite: task-accuracy
    metric: accuracy
    threshold: 0.9
    stages: [APPROVED_PROD]
  - {name: bias-checked, rule: bias_evaluation, stages: [PRODUCTION], risk_tiers: [HIGH]}
"""
REGISTER = """mutation($version: String!, $uri: String!) {
  registerModel(input: {name: "fraud", versionName: $version, uri: $uri, modelFormatName: "sklearn"}) {
    registeredModel { id } modelVersion { id }
  }
}"""
CARD = """mutation($id: ID!) {
  upsertModelVersionArtifact(modelVersionId: $id,
    input: {docArtifact: {name: "model-card", uri: "s3://cards/fraud.md"}}) { id }
}"""
SUITE = "mutation($input: EvaluationSuiteInput!) { defineEvaluationSuite(input: $input) { name } }"
EVALUATE = """mutation($id: ID!, $suite: String!, $metric: String!, $value: Float!) {
  recordEvaluation(versionId: $id, suite: $suite, metrics: [{name: $metric, value: $value}], run: "eval-7") { passed }
}"""
ENVIRONMENT = """mutation($name: String!, $production: Boolean!) {
  createServingEnvironment(input: {name: $name, production: $production}) { name production }
}"""
SERVICE = "id canaryTrafficPercent modelVersion { id } previousModelVersion { id }"
DEPLOY = f"""mutation($env: String!, $v: ID!, $name: String!) {{
  deployModelVersion(input: {{environment: $env, modelVersionId: $v, name: $name}}) {{ {SERVICE} }}
}}"""
ROLLOUT = f"""mutation($id: ID!, $v: ID!) {{
  rolloutModelVersion(input: {{id: $id, modelVersionId: $v, canaryTrafficPercent: 10}}) {{ {SERVICE} }}
}}"""
PROMOTE = f"mutation($id: ID!) {{ promoteCanary(id: $id) {{ {SERVICE} }} }}"
GET = f"query($id: ID!) {{ inferenceService(id: $id) {{ {SERVICE} }} }}"
DRY_RUN = """query($id: ID!, $to: ModelVersionStage!) {
  evaluatePolicies(versionId: $id, targetStage: $to) { passed results { policy passed } }
}"""
TRANSITIONS = "query($id: ID!) { modelVersion(id: $id) { transitions { fromStage toStage actor reason } } }"
BUNDLE = "query($id: ID!) { evidenceBundle(versionId: $id) { filename sha256 contentBase64 } }"


def pinned(version: str) -> str:
    return "oci://models/fraud@sha256:" + hashlib.sha256(f"weights {version}".encode()).hexdigest()


def refusal(body: dict[str, Any]) -> dict[str, Any]:
    """The extensions of the one error a refused call answers with."""
    assert body.get("errors") and len(body["errors"]) == 1, body
    extensions: dict[str, Any] = body["errors"][0]["extensions"]
    return extensions


async def through_review(alice: GraphQLClient, bob: GraphQLClient, carol: GraphQLClient, version: str) -> None:
    """SUBMITTED → APPROVED_STAGING (bob and carol) → STAGING, with the evaluation that
    APPROVED_PROD's policy asks for: ready for the APPROVED_PROD review."""
    await alice.data(CARD, id=version)
    await move(alice, version, "SUBMITTED")
    await approved(alice, [bob, carol], version, "APPROVED_STAGING")
    await move(alice, version, "STAGING")
    await alice.data(EVALUATE, id=version, suite="task-accuracy", metric="accuracy", value=0.93)


async def test_draft_to_production_through_the_gateway_with_a_verified_evidence_bundle(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("MODELPLANE_KUBECONFIG", "MODELPLANE_KUBE_HOST", "MODELPLANE_KUBE_TOKEN"):
        monkeypatch.delenv(name, raising=False)  # the manifest-only driver
    monkeypatch.setenv("MODELPLANE_KUBE_IN_CLUSTER", "false")
    monkeypatch.setenv("MODELPLANE_DATABASE_URL", database_url)
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path))
    config = tmp_path / "governance.yaml"
    config.write_text(GOVERNANCE)
    monkeypatch.setenv("MODELPLANE_GOVERNANCE_CONFIG", str(config))
    tokens = configure_people(tmp_path, monkeypatch)
    sock = reserve_socket()
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    async with serve(build_standalone_app(base_url, secret="journey-secret", seed=False), sock):
        users = people(base_url, tokens)
        alice, bob, carol = users["alice"], users["bob"], users["carol"]
        assert (await alice.data("{ deployDriver { mode } }"))["deployDriver"] == {"mode": "MANIFEST"}
        for suite in (
            {"name": "task-accuracy", "kind": "TASK", "metrics": [{"name": "accuracy", "threshold": 0.9}]},
            {"name": "fairness", "kind": "BIAS",
             "metrics": [{"name": "parity_gap", "threshold": 0.05, "direction": "LOWER"}]},
        ):
            await alice.data(SUITE, input=suite)
        await alice.data(ENVIRONMENT, name="staging", production=False)
        await alice.data(ENVIRONMENT, name="live", production=True)

        # v1 already serves production: reviewed, then deployed with all of live's traffic,
        # which is the move to PRODUCTION.
        registered = (await alice.data(REGISTER, version="v1", uri=pinned("v1")))["registerModel"]
        model, v1 = registered["registeredModel"]["id"], registered["modelVersion"]["id"]
        await alice.data(
            'mutation($id: ID!) { setModelGovernance(id: $id, input: {riskTier: HIGH, owners: ["alice"], group: "risk"}) { riskTier } }',
            id=model,
        )
        await alice.data('mutation($id: ID!) { updateRegisteredModel(id: $id, input: {license: "apache-2.0"}) { id } }', id=model)
        await through_review(alice, bob, carol, v1)
        await alice.data(EVALUATE, id=v1, suite="fairness", metric="parity_gap", value=0.01)
        await approved(alice, [bob, carol], v1, "APPROVED_PROD")
        live = (await alice.data(DEPLOY, env="live", v=v1, name="fraud"))["deployModelVersion"]
        assert live == {"id": "live/fraud", "canaryTrafficPercent": None, "modelVersion": {"id": v1}, "previousModelVersion": None}
        assert await stage_of(alice, v1) == "PRODUCTION"

        # v2 is the journey. A draft may go to staging, not to production.
        v2 = (await alice.data(REGISTER, version="v2", uri=pinned("v2")))["registerModel"]["modelVersion"]["id"]
        staged = (await alice.data(DEPLOY, env="staging", v=v2, name="fraud"))["deployModelVersion"]
        assert staged["modelVersion"] == {"id": v2}
        gate = refusal(await alice.execute(DEPLOY, env="live", v=v2, name="fraud-v2"))
        assert (gate["code"], gate["stage"], gate["requiredStages"]) == ("FAILED_PRECONDITION", "DRAFT", ["APPROVED_PROD", "PRODUCTION"])
        assert refusal(await alice.execute(ROLLOUT, id="live/fraud", v=v2))["stage"] == "DRAFT"

        await through_review(alice, bob, carol, v2)
        assert refusal(await alice.execute(ROLLOUT, id="live/fraud", v=v2))["stage"] == "STAGING"
        report = (await alice.data(DRY_RUN, id=v2, to="APPROVED_PROD"))["evaluatePolicies"]
        assert report == {"passed": True, "results": [{"policy": "accurate-enough", "passed": True}]}
        await alice.data(REQUEST, id=v2, to="APPROVED_PROD")
        await bob.data(APPROVE, id=v2, to="APPROVED_PROD")
        one_is_not_enough = refusal(await alice.execute(
            "mutation($id: ID!) { transitionModelVersion(id: $id, to: APPROVED_PROD) { stage } }", id=v2))
        assert (one_is_not_enough["approvalsNeeded"], one_is_not_enough["approvalsGiven"]) == (2, 1)
        await carol.data(APPROVE, id=v2, to="APPROVED_PROD")
        await move(alice, v2, "APPROVED_PROD")
        assert await bob.error_code(ROLLOUT, id="live/fraud", v=v2) == "FORBIDDEN"  # approvers do not deploy

        canary = (await alice.data(ROLLOUT, id="live/fraud", v=v2))["rolloutModelVersion"]
        assert (canary["canaryTrafficPercent"], canary["modelVersion"], canary["previousModelVersion"]) == (10, {"id": v2}, {"id": v1})
        assert await stage_of(alice, v2) == "APPROVED_PROD"
        # PRODUCTION's policy (a HIGH-risk version needs a bias evaluation) refuses the promotion
        # in the registry before the InferenceService is touched: the canary keeps its 10%.
        blocked = refusal(await alice.execute(PROMOTE, id="live/fraud"))
        assert blocked["code"] == "FAILED_PRECONDITION"
        assert [p["policy"] for p in blocked["failedPolicies"]] == ["bias-checked"]
        assert (await alice.data(GET, id="live/fraud"))["inferenceService"]["canaryTrafficPercent"] == 10
        assert await stage_of(alice, v2) == "APPROVED_PROD"

        await alice.data(EVALUATE, id=v2, suite="fairness", metric="parity_gap", value=0.02)
        promoted = (await alice.data(PROMOTE, id="live/fraud"))["promoteCanary"]
        assert (promoted["canaryTrafficPercent"], promoted["modelVersion"]) == (None, {"id": v2})
        assert await stage_of(alice, v2) == "PRODUCTION"
        moves = (await alice.data(TRANSITIONS, id=v2))["modelVersion"]["transitions"]
        assert [(t["toStage"], t["actor"]) for t in moves] == [
            ("SUBMITTED", "alice"), ("APPROVED_STAGING", "alice"), ("STAGING", "alice"),
            ("APPROVED_PROD", "alice"), ("PRODUCTION", "alice"),
        ]
        assert moves[-1]["reason"] == "promoted live/fraud in production environment live"
        v1_moves = (await alice.data(TRANSITIONS, id=v1))["modelVersion"]["transitions"]
        assert v1_moves[-1]["reason"] == "deployed to production environment live as live/fraud"

        # Deployment events are written only by the deploy subgraph: not part of the API.
        forged = await alice.execute(
            'mutation { recordDeploymentEvent(versionId: "1", action: "promote", environment: "live", deployment: "live/x") { seq } }'
        )
        assert forged["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        assert "recordDeploymentEvent" in forged["errors"][0]["message"]

        # The auditor downloads the evidence bundle through the gateway and checks it offline
        # with what `modelplane audit verify --bundle` runs.
        bundle = (await alice.data(BUNDLE, id=v2))["evidenceBundle"]
        data = base64.b64decode(bundle["contentBase64"])
        assert hashlib.sha256(data).hexdigest() == bundle["sha256"]
        path = tmp_path / bundle["filename"]
        path.write_bytes(data)
        capsys.readouterr()
        assert verify_command(argparse.Namespace(bundle=str(path))) == 0
        assert capsys.readouterr().out.startswith(f"OK bundle {path}: 6 files match the manifest")
        chain = argparse.Namespace(bundle=None, database_url=database_url, tenant="default")
        assert await asyncio.to_thread(verify_command, chain) == 0
        assert "chain intact" in capsys.readouterr().out
        assert (await alice.data("{ verifyAuditTrail { ok } }"))["verifyAuditTrail"] == {"ok": True}

    files = verify_bundle(data).files
    assert files == ["approvals.json", "audit_events.json", "evaluations.json", "lineage.json",
                     "policy_results.json", "transitions.json"]
    contents = {name: json.loads(blob) for name, blob in _members(data).items()}
    assert [t["to_stage"] for t in contents["transitions.json"]] == [
        "SUBMITTED", "APPROVED_STAGING", "STAGING", "APPROVED_PROD", "PRODUCTION",
    ]
    assert {(a["target_stage"], a["actor"]) for a in contents["approvals.json"] if a["decision"] == "APPROVED" and a["valid"]} == {
        ("APPROVED_STAGING", "bob"), ("APPROVED_STAGING", "carol"), ("APPROVED_PROD", "bob"), ("APPROVED_PROD", "carol"),
    }
    assert {(e["suite"], bool(e["passed"])) for e in contents["evaluations.json"]} == {("task-accuracy", True), ("fairness", True)}
    production_check = [p for p in contents["policy_results.json"] if p["target_stage"] == "PRODUCTION"]
    assert [[r["policy"] for r in p["results"] if r["passed"]] for p in production_check] == [["bias-checked"]]

    events = contents["audit_events.json"]
    deployments = [e for e in events if e["action"].startswith("deployment.")]
    assert [(e["action"], e["actor"]) for e in deployments] == [
        ("deployment.create", "alice"), ("deployment.rollout", "alice"), ("deployment.promote", "alice"),
    ]
    after = [json.loads(e["diff"])["after"] for e in deployments]
    assert [(a["environment"], a["deployment"], a["production"]) for a in after] == [
        ("staging", "staging/fraud", False), ("live", "live/fraud", True), ("live", "live/fraud", True),
    ]
    assert (after[1]["trafficPercent"], after[1]["previousModelVersionId"]) == (10, v1)
    assert (after[2]["trafficPercent"], after[2]["movedToProduction"]) == (100, True)
    # The promotion's stage change comes first in the chain, then the deployment it enabled.
    to_production = next(e for e in events if e["action"] == "version.transition"
                         and json.loads(e["diff"])["after"]["stage"] == "PRODUCTION")
    assert to_production["seq"] < deployments[-1]["seq"]

    # The deployment events are inside the hash chain: editing one is detected.
    members = _members(data)
    edited = json.loads(members["audit_events.json"])
    target = next(e for e in edited if e["action"] == "deployment.promote")
    target["diff"] = target["diff"].replace('"environment":"live"', '"environment":"staging"')
    members["audit_events.json"] = json.dumps(edited).encode()
    tampered = verify_bundle(pack_bundle(members, tenant="default", version_id=int(v2)))
    assert tampered.problems == [f"audit event seq {target['seq']}: content does not match its hash"]


def _members(data: bytes) -> dict[str, bytes]:
    """The bundle's files, manifest left out."""
    files = members(data)
    files.pop("manifest.json")
    return files
