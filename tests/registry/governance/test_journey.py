"""The worked example of docs/governance.md: DRAFT to PRODUCTION, two approvers, evidence."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from subgraphs.registry.governance.command import export_command, verify_command
from tests.registry.governance.conftest import TENANT, PersonClient
from tests.registry.governance.journey import (
    REQUEST,
    SET_GOVERNANCE,
    approve,
    members,
    move,
    moved,
    registered_version,
)
from tests.registry.governance.test_policies import (
    PINNED_URI,
    POLICIES,
    RECORD,
    setup_suites,
)
from tests.registry.operations import UPSERT_VERSION_ARTIFACT


async def test_draft_to_production_with_two_approvers_and_evidence(
    person: Callable[..., PersonClient],
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "governance.yaml"
    config.write_text(POLICIES.replace("HIGH: 1", "HIGH: 2"))
    monkeypatch.setenv("MODELPLANE_GOVERNANCE_CONFIG", str(config))
    alice, bob, carol = person("alice"), person("bob", "approver"), person("carol", "approver")
    await setup_suites(alice)
    model_id, version_id = await registered_version(alice, "fraud")
    await alice.data(
        SET_GOVERNANCE,
        {"id": model_id, "input": {"riskTier": "HIGH", "owners": ["alice"], "group": "risk"}},
    )
    await alice.data(
        'mutation($id: ID!) { updateRegisteredModel(id: $id, input: {license: "apache-2.0"}) { id } }',
        {"id": model_id},
    )
    for artifact in (
        {"modelArtifact": {"name": "weights", "uri": PINNED_URI}},
        {"docArtifact": {"name": "model-card", "uri": "s3://cards/fraud.md"}},
    ):
        await alice.data(UPSERT_VERSION_ARTIFACT, {"id": version_id, "input": artifact})

    await moved(alice, version_id, "SUBMITTED")
    for target in ("APPROVED_STAGING", "APPROVED_PROD"):
        await alice.data(REQUEST, {"id": version_id, "to": target})
        assert "errors" not in await approve(bob, version_id, target)
        assert "errors" in await move(alice, version_id, target)  # one is not enough
        assert "errors" not in await approve(carol, version_id, target)
        assert await moved(alice, version_id, target) == target
        if target == "APPROVED_STAGING":
            await moved(alice, version_id, "STAGING")
            for suite, metric, value in (
                ("task-accuracy", "accuracy", 0.93),
                ("fairness", "parity_gap", 0.02),
            ):
                metrics = [{"name": metric, "value": value}]
                await alice.data(RECORD, {"id": version_id, "suite": suite, "metrics": metrics})
    assert await moved(alice, version_id, "PRODUCTION") == "PRODUCTION"

    output = tmp_path / "fraud-v1.tar.gz"
    export = argparse.Namespace(
        database_url=database_url, tenant=TENANT, version_id=version_id, output=str(output)
    )
    assert await asyncio.to_thread(export_command, export) == 0
    assert verify_command(argparse.Namespace(bundle=str(output))) == 0
    chain = argparse.Namespace(database_url=database_url, tenant=TENANT, bundle=None)
    assert await asyncio.to_thread(verify_command, chain) == 0
    assert "chain intact" in capsys.readouterr().out
    files = members(output.read_bytes())
    stages = [t["to_stage"] for t in json.loads(files["transitions.json"])]
    assert stages == [
        "SUBMITTED",
        "APPROVED_STAGING",
        "STAGING",
        "APPROVED_PROD",
        "PRODUCTION",
    ]
    approvers = {
        (a["target_stage"], a["actor"])
        for a in json.loads(files["approvals.json"])
        if a["decision"] == "APPROVED" and a["valid"]
    }
    assert approvers == {
        ("APPROVED_STAGING", "bob"),
        ("APPROVED_STAGING", "carol"),
        ("APPROVED_PROD", "bob"),
        ("APPROVED_PROD", "carol"),
    }
