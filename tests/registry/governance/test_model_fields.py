"""riskTier, owners, group and tags on createRegisteredModel, updateRegisteredModel and
registerModel: validated, audited, and in force for approvals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.registry.client import error_codes
from tests.registry.governance.conftest import PersonClient
from tests.registry.governance.journey import approve, move, moved
from tests.registry.governance.test_audit import events

FIELDS = "id name license riskTier owners group tags"
CREATE = f"""
mutation($input: RegisteredModelCreateInput!) {{ createRegisteredModel(input: $input) {{ {FIELDS} }} }}
"""
UPDATE = f"""
mutation($id: ID!, $input: RegisteredModelUpdateInput!) {{
  updateRegisteredModel(id: $id, input: $input) {{ {FIELDS} }}
}}
"""
REGISTER = f"""
mutation($input: RegisterModelInput!) {{
  registerModel(input: $input) {{ registeredModel {{ {FIELDS} }} modelVersion {{ id }} }}
}}
"""
MODEL = f"query($id: ID!) {{ registeredModel(id: $id) {{ {FIELDS} }} }}"
MODEL_VERSIONS = "query($id: ID!) { registeredModel(id: $id) { versions { nodes { name } } } }"


def governance(model: dict[str, Any]) -> tuple[Any, ...]:
    return (model["riskTier"], model["owners"], model["group"], model["tags"])


async def model_events(client: PersonClient, model_id: str) -> list[dict[str, Any]]:
    page = await events(client, type="registered_model", id=model_id)
    found: list[dict[str, Any]] = page["events"]
    return found


async def test_create_and_update_set_them_and_audit_the_change(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")
    created = (
        await alice.data(
            CREATE,
            {
                "input": {
                    "name": "fraud",
                    "riskTier": "HIGH",
                    "owners": ["alice", "bob", "alice"],
                    "group": "risk",
                    "tags": ["pii", "tabular"],
                }
            },
        )
    )["createRegisteredModel"]
    assert governance(created) == ("HIGH", ["alice", "bob"], "risk", ["pii", "tabular"])
    model_id = created["id"]
    # Fields not sent are kept.
    kept = (await alice.data(UPDATE, {"id": model_id, "input": {"license": "mit"}}))[
        "updateRegisteredModel"
    ]
    assert governance(kept) == governance(created) and kept["license"] == "mit"
    updated = (
        await alice.data(
            UPDATE,
            {"id": model_id, "input": {"riskTier": "MEDIUM", "owners": ["carol"], "group": None}},
        )
    )["updateRegisteredModel"]
    assert governance(updated) == ("MEDIUM", ["carol"], None, ["pii", "tabular"])
    emptied = (await alice.data(UPDATE, {"id": model_id, "input": {"tags": None}}))[
        "updateRegisteredModel"
    ]
    assert emptied["tags"] == []

    audited = await model_events(alice, model_id)
    assert [e["action"] for e in audited] == [
        "registered_model.create",
        "registered_model.update",
        "registered_model.update",
        "registered_model.update",
    ]
    create_diff = audited[0]["diff"]["after"]
    assert (create_diff["risk_tier"], create_diff["owners"], create_diff["group_name"]) == (
        "HIGH",
        ["alice", "bob"],
        "risk",
    )
    change = audited[2]["diff"]
    assert change["before"] == {"risk_tier": "HIGH", "owners": ["alice", "bob"], "group_name": "risk"}
    assert change["after"] == {"risk_tier": "MEDIUM", "owners": ["carol"], "group_name": None}
    assert audited[3]["diff"] == {"before": {"tags": ["pii", "tabular"]}, "after": {"tags": []}}


async def test_register_model_sets_them_on_a_new_model_and_replaces_them_on_an_existing_one(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")

    async def register(version: str, **fields: Any) -> dict[str, Any]:
        variables = {
            "input": {"name": "churn", "versionName": version, "uri": f"s3://m/{version}", **fields}
        }
        model: dict[str, Any] = (await alice.data(REGISTER, variables))["registerModel"][
            "registeredModel"
        ]
        return model

    first = await register("v1", riskTier="HIGH", owners=["alice"], tags=["batch"])
    assert governance(first) == ("HIGH", ["alice"], None, ["batch"])
    same = await register("v2", riskTier="HIGH")
    assert governance(same) == governance(first)
    untouched = await register("v3")
    assert governance(untouched) == governance(first)
    changed = await register("v4", riskTier="LOW", group="growth")
    assert governance(changed) == ("LOW", ["alice"], "growth", ["batch"])
    stored = (await alice.data(MODEL, {"id": first["id"]}))["registeredModel"]
    assert governance(stored) == governance(changed)

    audited = await model_events(alice, first["id"])
    assert [e["action"] for e in audited] == [
        "registered_model.register",
        "registered_model.register",
        "registered_model.register",
        "model.governance",
        "registered_model.register",
    ]
    assert audited[0]["diff"]["after"]["risk_tier"] == "HIGH"
    assert audited[3]["diff"] == {
        "before": {"risk_tier": "HIGH", "group_name": None},
        "after": {"risk_tier": "LOW", "group_name": "growth"},
    }


async def test_the_risk_tier_given_at_create_sets_the_approvals_needed(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob, carol = person("alice"), person("bob", "approver"), person("carol", "approver")
    payload = (
        await alice.data(
            REGISTER,
            {"input": {"name": "credit", "versionName": "v1", "uri": "s3://m/credit",
                       "riskTier": "HIGH"}},
        )
    )["registerModel"]
    version_id = payload["modelVersion"]["id"]
    await moved(alice, version_id, "SUBMITTED")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    refused = await move(alice, version_id, "APPROVED_STAGING")
    assert error_codes(refused) == ["FAILED_PRECONDITION"]
    assert refused["errors"][0]["extensions"]["approvalsNeeded"] == 2
    assert "errors" not in await approve(carol, version_id, "APPROVED_STAGING")
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"


BAD_INPUTS = [
    {"owners": [""]},
    {"owners": ["alice", "   "]},
    {"tags": [""]},
    {"group": ""},
    {"group": "  "},
    {"riskTier": None},
    {"owners": [f"user{n}" for n in range(300)]},
    {"tags": ["x" * 256]},
    {"group": "g" * 256},
    {"owners": ["nul\x00byte"]},
]


@pytest.mark.parametrize("fields", BAD_INPUTS)
async def test_bad_values_are_refused_and_change_nothing(
    person: Callable[..., PersonClient], fields: dict[str, Any]
) -> None:
    alice = person("alice")
    created = (
        await alice.data(
            CREATE, {"input": {"name": "kept", "riskTier": "MEDIUM", "owners": ["alice"]}}
        )
    )["createRegisteredModel"]
    assert error_codes(
        await alice.execute(UPDATE, {"id": created["id"], "input": fields})
    ) == ["BAD_USER_INPUT"]
    assert error_codes(
        await alice.execute(CREATE, {"input": {"name": "refused", **fields}})
    ) == ["BAD_USER_INPUT"]
    registered = await alice.execute(
        REGISTER,
        {"input": {"name": "kept", "versionName": "v9", "uri": "s3://m/v9", **fields}},
    )
    assert error_codes(registered) == ["BAD_USER_INPUT"]
    stored = (await alice.data(MODEL, {"id": created["id"]}))["registeredModel"]
    assert governance(stored) == governance(created)
    page = await alice.data("{ registeredModels(first: 10) { nodes { name } } }")
    assert [m["name"] for m in page["registeredModels"]["nodes"]] == ["kept"]
    versions = await alice.data(MODEL_VERSIONS, {"id": created["id"]})
    assert versions["registeredModel"]["versions"]["nodes"] == []


async def test_an_unknown_risk_tier_is_rejected_by_the_enum(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")
    result = await alice.execute(CREATE, {"input": {"name": "odd", "riskTier": "EXTREME"}})
    assert result["errors"] and "EXTREME" in result["errors"][0]["message"]
    assert error_codes(result) == ["BAD_USER_INPUT"]
    inline = await alice.execute(
        'mutation { createRegisteredModel(input: {name: "odd", riskTier: SEVERE}) { id } }'
    )
    assert inline["errors"] and "SEVERE" in inline["errors"][0]["message"]


async def test_set_model_governance_refuses_empty_names_too(
    person: Callable[..., PersonClient],
) -> None:
    alice = person("alice")
    created = (await alice.data(CREATE, {"input": {"name": "gov"}}))["createRegisteredModel"]
    assert governance(created) == ("LOW", [], None, [])
    query = """
    mutation($id: ID!, $input: ModelGovernanceInput!) { setModelGovernance(id: $id, input: $input) { id } }
    """
    for fields in ({"owners": [" "]}, {"tags": [""]}, {"group": ""}):
        result = await alice.execute(query, {"id": created["id"], "input": fields})
        assert error_codes(result) == ["BAD_USER_INPUT"], fields
