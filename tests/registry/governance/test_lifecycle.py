"""Stages through GraphQL: the full walk, refusals, recorded transitions, model governance."""

from __future__ import annotations

from collections.abc import Callable

from tests.registry.client import error_codes
from tests.registry.governance.conftest import PersonClient
from tests.registry.governance.journey import (
    SET_GOVERNANCE,
    VERSION,
    approve,
    move,
    moved,
    registered_version,
)


async def test_a_version_walks_from_draft_to_retired(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    _, version_id = await registered_version(alice, "walk")
    assert (await alice.data(VERSION, {"id": version_id}))["modelVersion"]["stage"] == "DRAFT"
    assert await moved(alice, version_id, "SUBMITTED") == "SUBMITTED"
    assert await moved(alice, version_id, "CHANGES_REQUESTED") == "CHANGES_REQUESTED"
    assert await moved(alice, version_id, "SUBMITTED") == "SUBMITTED"
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"
    assert await moved(alice, version_id, "STAGING") == "STAGING"
    assert "errors" not in await approve(bob, version_id, "APPROVED_PROD")
    for stage in ("APPROVED_PROD", "PRODUCTION", "DEPRECATED", "RETIRED"):
        assert await moved(alice, version_id, stage) == stage

    version = (await alice.data(VERSION, {"id": version_id}))["modelVersion"]
    steps = [(t["fromStage"], t["toStage"]) for t in version["transitions"]]
    assert steps[0] == ("DRAFT", "SUBMITTED")
    assert steps[-1] == ("DEPRECATED", "RETIRED")
    assert len(steps) == 9
    assert {t["actor"] for t in version["transitions"]} == {"alice"}
    assert version["transitions"][0]["reason"] == "to SUBMITTED"
    assert all(t["createdAt"].endswith("Z") for t in version["transitions"])


async def test_an_illegal_move_names_the_allowed_stages(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")
    _, version_id = await registered_version(alice, "illegal")
    result = await move(alice, version_id, "PRODUCTION")
    assert error_codes(result) == ["FAILED_PRECONDITION"]
    error = result["errors"][0]
    assert error["extensions"]["allowedStages"] == ["SUBMITTED", "RETIRED"]
    assert "SUBMITTED" in error["message"]
    version = (await alice.data(VERSION, {"id": version_id}))["modelVersion"]
    assert version["stage"] == "DRAFT"
    assert version["transitions"] == []


async def test_a_missing_version_or_unknown_stage_is_bad_input(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")
    assert error_codes(await move(alice, "999999", "SUBMITTED")) == ["NOT_FOUND"]
    assert error_codes(await move(alice, "abc", "SUBMITTED")) == ["BAD_USER_INPUT"]
    unknown = await move(alice, "1", "SHIPPED")
    assert unknown.get("data") is None and unknown["errors"]


async def test_model_governance_fields_are_set_and_read(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")
    model_id, _ = await registered_version(alice, "governed")
    read = '{ registeredModel(name: "governed") { riskTier owners group tags } }'
    assert (await alice.data(read))["registeredModel"] == {
        "riskTier": "LOW",
        "owners": [],
        "group": None,
        "tags": [],
    }
    update = {"riskTier": "HIGH", "owners": ["alice", "carol"], "group": "risk", "tags": ["pii"]}
    data = await alice.data(SET_GOVERNANCE, {"id": model_id, "input": update})
    assert data["setModelGovernance"] == {"id": model_id, **update}
    partial = await alice.data(SET_GOVERNANCE, {"id": model_id, "input": {"tags": []}})
    assert partial["setModelGovernance"]["riskTier"] == "HIGH"
    assert partial["setModelGovernance"]["tags"] == []
