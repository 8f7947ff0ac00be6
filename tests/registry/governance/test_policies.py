"""Policies and evaluations: dry runs, blocked moves listing every failure, the rule matrix."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from subgraphs.registry.governance.bundle import verify_bundle
from tests.registry.client import error_codes
from tests.registry.governance.conftest import PersonClient
from tests.registry.governance.journey import (
    BUNDLE,
    SET_GOVERNANCE,
    approve,
    members,
    move,
    moved,
    registered_version,
)
from tests.registry.operations import UPSERT_VERSION_ARTIFACT

POLICIES = """
version: "2026-11-1"
approvals: {LOW: 1, MEDIUM: 1, HIGH: 1}
policies:
  - name: weights-are-pinned
    rule: artifact_digest_and_license
    stages: [APPROVED_STAGING]
  - name: model-card
    rule: model_card
    stages: [APPROVED_STAGING]
  - name: accurate-enough
    rule: evaluation_passed
    suite: task-accuracy
    metric: accuracy
    threshold: 0.9
    stages: [APPROVED_PROD]
  - name: bias-checked
    rule: bias_evaluation
    stages: [PRODUCTION]
    risk_tiers: [HIGH]
"""
DRY_RUN = """
query($id: ID!, $to: ModelVersionStage!) {
  evaluatePolicies(versionId: $id, targetStage: $to) {
    passed policyVersion targetStage results { policy rule passed reason }
  }
}
"""
DEFINE_SUITE = """
mutation($input: EvaluationSuiteInput!) {
  defineEvaluationSuite(input: $input) { name kind metrics { name threshold direction } }
}
"""
RECORD = """
mutation($id: ID!, $suite: String!, $metrics: [MetricValueInput!]!) {
  recordEvaluation(versionId: $id, suite: $suite, metrics: $metrics, run: "run-7") {
    suite kind metric value passed run
  }
}
"""
EVALUATIONS = "query($id: ID!) { modelVersion(id: $id) { evaluations { suite metric passed } } }"
PINNED_URI = "oci://models/fraud@sha256:" + hashlib.sha256(b"weights").hexdigest()


@pytest.fixture(autouse=True)
def policy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "governance.yaml"
    path.write_text(POLICIES)
    monkeypatch.setenv("MODELPLANE_GOVERNANCE_CONFIG", str(path))
    return path


async def setup_suites(client: PersonClient) -> None:
    for name, kind, metric, direction in (
        ("task-accuracy", "TASK", "accuracy", "HIGHER"),
        ("fairness", "BIAS", "parity_gap", "LOWER"),
    ):
        suite = {
            "name": name,
            "kind": kind,
            "metrics": [
                {
                    "name": metric,
                    "threshold": 0.9 if direction == "HIGHER" else 0.05,
                    "direction": direction,
                }
            ],
        }
        await client.data(DEFINE_SUITE, {"input": suite})


async def test_a_blocked_move_lists_every_failing_rule(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    _, version_id = await registered_version(alice, "bare")
    await moved(alice, version_id, "SUBMITTED")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    dry = await alice.data(DRY_RUN, {"id": version_id, "to": "APPROVED_STAGING"})
    report = dry["evaluatePolicies"]
    assert report["passed"] is False and report["policyVersion"] == "2026-11-1"
    assert [(r["policy"], r["passed"]) for r in report["results"]] == [
        ("weights-are-pinned", False),
        ("model-card", False),
    ]
    blocked = await move(alice, version_id, "APPROVED_STAGING")
    assert error_codes(blocked) == ["FAILED_PRECONDITION"]
    failed = blocked["errors"][0]["extensions"]["failedPolicies"]
    assert [f["policy"] for f in failed] == ["weights-are-pinned", "model-card"]
    assert "sha256" in failed[0]["reason"]


async def test_the_policy_matrix_from_draft_to_production(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    await setup_suites(alice)
    model_id, version_id = await registered_version(alice, "fraud")
    await alice.data(SET_GOVERNANCE, {"id": model_id, "input": {"riskTier": "HIGH"}})
    await alice.data(
        'mutation($id: ID!) { updateRegisteredModel(id: $id, input: {license: "apache-2.0"}) { id } }',
        {"id": model_id},
    )
    for artifact in (
        {"modelArtifact": {"name": "weights", "uri": PINNED_URI}},
        {"docArtifact": {"name": "model-card", "uri": "s3://b/card.md"}},
    ):
        await alice.data(UPSERT_VERSION_ARTIFACT, {"id": version_id, "input": artifact})
    await moved(alice, version_id, "SUBMITTED")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"
    await moved(alice, version_id, "STAGING")
    assert "errors" not in await approve(bob, version_id, "APPROVED_PROD")

    # Below threshold: blocked, with the measured value in the reason.
    low = await alice.data(
        RECORD,
        {
            "id": version_id,
            "suite": "task-accuracy",
            "metrics": [{"name": "accuracy", "value": 0.85}],
        },
    )
    assert low["recordEvaluation"] == [
        {
            "suite": "task-accuracy",
            "kind": "TASK",
            "metric": "accuracy",
            "value": 0.85,
            "passed": False,
            "run": "run-7",
        }
    ]
    blocked = await move(alice, version_id, "APPROVED_PROD")
    assert (
        "0.85 does not meet >= 0.9"
        in blocked["errors"][0]["extensions"]["failedPolicies"][0]["reason"]
    )
    await alice.data(
        RECORD,
        {
            "id": version_id,
            "suite": "task-accuracy",
            "metrics": [{"name": "accuracy", "value": 0.93}],
        },
    )
    assert await moved(alice, version_id, "APPROVED_PROD") == "APPROVED_PROD"

    # HIGH risk: production needs a passing bias evaluation.
    blocked = await move(alice, version_id, "PRODUCTION")
    assert [f["policy"] for f in blocked["errors"][0]["extensions"]["failedPolicies"]] == [
        "bias-checked"
    ]
    await alice.data(
        RECORD,
        {"id": version_id, "suite": "fairness", "metrics": [{"name": "parity_gap", "value": 0.02}]},
    )
    assert await moved(alice, version_id, "PRODUCTION") == "PRODUCTION"
    evaluations = (await alice.data(EVALUATIONS, {"id": version_id}))["modelVersion"]["evaluations"]
    assert [e["passed"] for e in evaluations] == [False, True, True]

    bundle = (await alice.data(BUNDLE, {"id": version_id}))["evidenceBundle"]
    data = base64.b64decode(bundle["contentBase64"])
    assert verify_bundle(data).ok
    files = members(data)
    checks = json.loads(files["policy_results.json"])
    assert [c["target_stage"] for c in checks if c["results"]] == [
        "APPROVED_STAGING",
        "APPROVED_PROD",
        "PRODUCTION",
    ]
    assert all(r["passed"] for c in checks for r in c["results"])
    assert len(json.loads(files["evaluations.json"])) == 3


async def test_low_risk_skips_the_bias_rule(person: Callable[..., PersonClient]) -> None:
    alice = person("alice")
    _, version_id = await registered_version(alice, "low")
    report = (await alice.data(DRY_RUN, {"id": version_id, "to": "PRODUCTION"}))["evaluatePolicies"]
    assert report == {
        "passed": True,
        "policyVersion": "2026-11-1",
        "targetStage": "PRODUCTION",
        "results": [],
    }


async def test_evaluation_input_is_checked(person: Callable[..., PersonClient]) -> None:
    alice = person("alice")
    await setup_suites(alice)
    _, version_id = await registered_version(alice, "checked")
    wrong = await alice.execute(
        RECORD,
        {"id": version_id, "suite": "task-accuracy", "metrics": [{"name": "f1", "value": 1.0}]},
    )
    assert error_codes(wrong) == ["BAD_USER_INPUT"]
    missing = await alice.execute(RECORD, {"id": version_id, "suite": "nope", "metrics": []})
    assert error_codes(missing) == ["NOT_FOUND"]
    duplicate = await alice.execute(
        DEFINE_SUITE,
        {"input": {"name": "fairness", "kind": "BIAS", "metrics": [{"name": "x", "threshold": 1}]}},
    )
    assert error_codes(duplicate) == ["CONFLICT"]
