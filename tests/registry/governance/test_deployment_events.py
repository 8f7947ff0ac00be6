"""recordDeploymentEvent: deploy's actions in the version's audit trail and evidence bundle."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from subgraphs.registry.governance.bundle import verify_bundle
from tests.registry.client import error_codes
from tests.registry.governance.conftest import PersonClient
from tests.registry.governance.journey import BUNDLE, members, registered_version

RECORD = """
mutation($id: ID!, $action: String!, $details: JSON, $environment: String! = "live") {
  recordDeploymentEvent(versionId: $id, action: $action, environment: $environment,
                        deployment: "live/fraud", production: true, details: $details) {
    seq actor action entityType entityId diff prevHash hash
  }
}
"""


async def record(client: PersonClient, version_id: str, action: str, **variables: Any) -> dict[str, Any]:
    return await client.execute(RECORD, {"id": version_id, "action": action, **variables})


async def test_a_deployer_records_events_that_land_in_the_versions_bundle(
    person: Callable[..., PersonClient],
) -> None:
    alice, deployer = person("alice"), person("dana", "deployer")
    _, version_id = await registered_version(alice, "fraud")
    details = {"trafficPercent": 10, "previousModelVersionId": "4", "driver": "kubernetes"}
    created = (await deployer.data(RECORD, {"id": version_id, "action": "rollout", "details": details}))[
        "recordDeploymentEvent"
    ]
    assert (created["actor"], created["action"], created["entityType"], created["entityId"]) == (
        "dana", "deployment.rollout", "model_version", version_id,
    )
    assert created["diff"] == {
        "before": None,
        "after": {**details, "environment": "live", "deployment": "live/fraud", "production": True},
    }
    promoted = (await deployer.data(RECORD, {"id": version_id, "action": "promote"}))["recordDeploymentEvent"]
    assert promoted["seq"] == created["seq"] + 1 and promoted["prevHash"] == created["hash"]

    bundle = (await alice.data(BUNDLE, {"id": version_id}))["evidenceBundle"]
    data = base64.b64decode(bundle["contentBase64"])
    assert verify_bundle(data).ok
    events = json.loads(members(data)["audit_events.json"])
    assert [e["action"] for e in events if e["action"].startswith("deployment.")] == [
        "deployment.rollout", "deployment.promote",
    ]
    verified = await alice.data("{ verifyAuditTrail { ok checked } }")
    assert verified["verifyAuditTrail"]["ok"] is True


async def test_only_deployers_record_and_only_deployment_actions(
    person: Callable[..., PersonClient],
) -> None:
    alice, deployer = person("alice"), person("dana", "deployer")
    _, version_id = await registered_version(alice, "fraud")
    refused = await record(alice, version_id, "promote")  # a contributor, not a deployer
    assert error_codes(refused) == ["FORBIDDEN"]
    assert error_codes(await record(person("bob", "approver"), version_id, "promote")) == ["FORBIDDEN"]
    for action, extra, code in (
        ("launch", {}, "BAD_USER_INPUT"),
        ("promote", {"details": [1, 2]}, "BAD_USER_INPUT"),
        ("promote", {"details": {"production": False}}, "BAD_USER_INPUT"),
        ("promote", {"details": {"blob": "x" * 20_000}}, "BAD_USER_INPUT"),
        ("promote", {"environment": " "}, "BAD_USER_INPUT"),
    ):
        assert error_codes(await record(deployer, version_id, action, **extra)) == [code], (action, extra)
    assert error_codes(await record(deployer, "999", "promote")) == ["NOT_FOUND"]
    other_tenant = person("erin", "deployer", tenant="umbrella")
    assert error_codes(await record(other_tenant, version_id, "promote")) == ["NOT_FOUND"]
    events = await alice.data(
        'query($id: ID!) { auditEvents(entityType: "model_version", entityId: $id) { events { action } } }',
        {"id": version_id},
    )
    assert not [e for e in events["auditEvents"]["events"] if e["action"].startswith("deployment.")]
