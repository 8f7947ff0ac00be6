"""Approvals: counts by risk tier, separation of duties, refusals, withdrawal, invalidation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.registry.client import error_codes
from tests.registry.governance.conftest import PersonClient
from tests.registry.governance.journey import (
    REFUSE,
    REQUEST,
    SET_GOVERNANCE,
    VERSION,
    WITHDRAW,
    approve,
    move,
    moved,
    registered_version,
)
from tests.registry.operations import UPSERT_VERSION_ARTIFACT


async def submitted_version(submitter: PersonClient, name: str, risk_tier: str = "LOW") -> str:
    model_id, version_id = await registered_version(submitter, name)
    await submitter.data(SET_GOVERNANCE, {"id": model_id, "input": {"riskTier": risk_tier}})
    await moved(submitter, version_id, "SUBMITTED")
    return version_id


async def test_high_risk_needs_two_approvers(person: Callable[..., PersonClient]) -> None:
    alice, bob, carol = person("alice"), person("bob", "approver"), person("carol", "admin")
    version_id = await submitted_version(alice, "high", "HIGH")
    assert "errors" not in await alice.execute(
        REQUEST, {"id": version_id, "to": "APPROVED_STAGING"}
    )
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    refused = await move(alice, version_id, "APPROVED_STAGING")
    assert error_codes(refused) == ["FAILED_PRECONDITION"]
    assert refused["errors"][0]["extensions"]["approvalsNeeded"] == 2
    assert refused["errors"][0]["extensions"]["approvalsGiven"] == 1
    # The same approver twice still counts once.
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    assert error_codes(await move(alice, version_id, "APPROVED_STAGING")) == ["FAILED_PRECONDITION"]
    assert "errors" not in await approve(carol, version_id, "APPROVED_STAGING")
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"


async def test_nobody_approves_their_own_submission(
    person: Callable[..., PersonClient],
) -> None:
    dana = person("dana", "approver")
    version_id = await submitted_version(dana, "self")
    assert error_codes(await approve(dana, version_id, "APPROVED_STAGING")) == ["FORBIDDEN"]
    assert error_codes(await move(dana, version_id, "APPROVED_STAGING")) == ["FAILED_PRECONDITION"]


async def test_only_approvers_approve(person: Callable[..., PersonClient]) -> None:
    alice, eve = person("alice"), person("eve", "contributor")
    version_id = await submitted_version(alice, "roles")
    assert error_codes(await approve(eve, version_id, "APPROVED_STAGING")) == ["FORBIDDEN"]


async def test_refusal_needs_a_comment_and_does_not_count(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    version_id = await submitted_version(alice, "refused")
    variables = {"id": version_id, "to": "APPROVED_STAGING", "comment": " "}
    assert error_codes(await bob.execute(REFUSE, variables)) == ["BAD_USER_INPUT"]
    variables["comment"] = "add a model card"
    refusal = (await bob.data(REFUSE, variables))["refuseModelVersion"]
    assert refusal["decision"] == "REFUSED" and refusal["comment"] == "add a model card"
    assert error_codes(await move(alice, version_id, "APPROVED_STAGING")) == ["FAILED_PRECONDITION"]


async def test_a_withdrawn_approval_no_longer_counts(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    version_id = await submitted_version(alice, "withdrawn")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    withdrawn = await bob.data(WITHDRAW, {"id": version_id, "to": "APPROVED_STAGING"})
    assert withdrawn["withdrawApproval"]["decision"] == "WITHDRAWN"
    assert error_codes(await move(alice, version_id, "APPROVED_STAGING")) == ["FAILED_PRECONDITION"]
    again = await bob.execute(WITHDRAW, {"id": version_id, "to": "APPROVED_STAGING"})
    assert error_codes(again) == ["NOT_FOUND"]


async def test_a_new_artifact_invalidates_given_approvals(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    version_id = await submitted_version(alice, "artifact")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    artifact = {"modelArtifact": {"name": "weights-2", "uri": "s3://b/w2"}}
    await alice.data(UPSERT_VERSION_ARTIFACT, {"id": version_id, "input": artifact})
    version = (await alice.data(VERSION, {"id": version_id}))["modelVersion"]
    assert [a["valid"] for a in version["approvals"] if a["decision"] == "APPROVED"] == [False]
    assert error_codes(await move(alice, version_id, "APPROVED_STAGING")) == ["FAILED_PRECONDITION"]
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"


async def test_approvals_are_only_for_a_reachable_approved_stage(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    version_id = await submitted_version(alice, "reachable")
    assert error_codes(await approve(bob, version_id, "APPROVED_PROD")) == ["FAILED_PRECONDITION"]
    assert error_codes(await approve(bob, version_id, "STAGING")) == ["BAD_USER_INPUT"]


async def test_the_config_file_sets_the_counts(
    person: Callable[..., PersonClient], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "governance.yaml"
    config.write_text("approvals:\n  LOW: 2\n")
    monkeypatch.setenv("MODELPLANE_GOVERNANCE_CONFIG", str(config))
    alice, bob, carol = person("alice"), person("bob", "approver"), person("carol", "approver")
    version_id = await submitted_version(alice, "configured")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    assert error_codes(await move(alice, version_id, "APPROVED_STAGING")) == ["FAILED_PRECONDITION"]
    assert "errors" not in await approve(carol, version_id, "APPROVED_STAGING")
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"
