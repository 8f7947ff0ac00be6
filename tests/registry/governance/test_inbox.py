"""The approvals inbox (`approvalRequests`) and `me`, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette

from common.tenancy import Caller
from tests.registry.client import error_codes
from tests.registry.governance.conftest import TENANT, PersonClient
from tests.registry.governance.journey import (
    REFUSE,
    SET_GOVERNANCE,
    WITHDRAW,
    approve,
    moved,
    registered_version,
)

INBOX = """
query($state: ApprovalRequestState, $target: ModelVersionStage, $first: Int, $after: String) {
  approvalRequests(state: $state, targetStage: $target, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes {
      id modelVersionId targetStage requestedBy comment state versionStage
      approvalsNeeded approvedBy refusedBy
      decisions { actor decision valid comment }
      modelVersion { id name stage registeredModel { name } }
    }
  }
}
"""
REQUEST = """
mutation($id: ID!, $to: ModelVersionStage!, $comment: String) {
  requestApproval(versionId: $id, targetStage: $to, comment: $comment) { id }
}
"""
ME = "query { me { user tenant project roles scopes groups } }"


async def inbox(client: PersonClient, **variables: Any) -> dict[str, Any]:
    data: dict[str, Any] = (await client.data(INBOX, variables))["approvalRequests"]
    return data


async def requested(client: PersonClient, name: str, risk_tier: str = "LOW") -> tuple[str, str]:
    """A submitted version with an approval request for APPROVED_STAGING: (version, request)."""
    model_id, version_id = await registered_version(client, name)
    await client.data(SET_GOVERNANCE, {"id": model_id, "input": {"riskTier": risk_tier}})
    await moved(client, version_id, "SUBMITTED")
    data = await client.data(
        REQUEST, {"id": version_id, "to": "APPROVED_STAGING", "comment": f"review {name}"}
    )
    return version_id, data["requestApproval"]["id"]


async def test_open_requests_show_where_the_review_stands(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob, carol = person("alice"), person("bob", "approver"), person("carol", "approver")
    version_id, request_id = await requested(alice, "inbox-high", "HIGH")
    page = await inbox(bob)
    assert page["totalCount"] == 1
    [item] = page["nodes"]
    assert item["id"] == request_id and item["modelVersionId"] == version_id
    assert item["state"] == "OPEN" and item["versionStage"] == "SUBMITTED"
    assert item["requestedBy"] == "alice" and item["comment"] == "review inbox-high"
    assert item["approvalsNeeded"] == 2 and item["approvedBy"] == [] and item["refusedBy"] == []
    assert item["modelVersion"]["registeredModel"]["name"] == "inbox-high"

    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    refusal = {"id": version_id, "to": "APPROVED_STAGING", "comment": "add a model card"}
    await carol.data(REFUSE, refusal)
    [item] = (await inbox(alice))["nodes"]
    assert item["approvedBy"] == ["bob"] and item["refusedBy"] == ["carol"]
    assert [(d["actor"], d["decision"]) for d in item["decisions"]] == [
        ("bob", "APPROVED"),
        ("carol", "REFUSED"),
    ]
    # Carol withdraws her refusal and approves: two approvals stand, the request is still open
    # until the version moves.
    await carol.data(WITHDRAW, {"id": version_id, "to": "APPROVED_STAGING"})
    assert "errors" not in await approve(carol, version_id, "APPROVED_STAGING")
    [item] = (await inbox(bob))["nodes"]
    assert item["approvedBy"] == ["bob", "carol"] and item["refusedBy"] == []
    assert item["state"] == "OPEN"

    # Once the version has moved, the request is closed.
    assert await moved(alice, version_id, "APPROVED_STAGING") == "APPROVED_STAGING"
    assert (await inbox(bob))["totalCount"] == 0
    closed = await inbox(bob, state="CLOSED")
    assert [n["id"] for n in closed["nodes"]] == [request_id]
    assert closed["nodes"][0]["versionStage"] == "APPROVED_STAGING"


async def test_a_newer_request_or_a_move_back_closes_the_older_one(
    person: Callable[..., PersonClient],
) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    version_id, first_request = await requested(alice, "inbox-again")
    second = await alice.data(REQUEST, {"id": version_id, "to": "APPROVED_STAGING"})
    open_ids = [n["id"] for n in (await inbox(bob))["nodes"]]
    assert open_ids == [second["requestApproval"]["id"]]
    everything = await inbox(bob, state=None)
    assert {n["id"]: n["state"] for n in everything["nodes"]} == {
        first_request: "CLOSED",
        second["requestApproval"]["id"]: "OPEN",
    }
    # Sent back for changes: the version can no longer move to APPROVED_STAGING.
    await moved(alice, version_id, "CHANGES_REQUESTED")
    assert (await inbox(bob))["totalCount"] == 0


async def test_keyset_pages_and_filters(person: Callable[..., PersonClient]) -> None:
    alice, bob = person("alice"), person("bob", "approver")
    ids = [(await requested(alice, f"inbox-page-{n}"))[1] for n in range(5)]
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        page = await inbox(bob, first=2, after=after)
        assert page["totalCount"] == 5
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += [n["id"] for n in page["nodes"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ids and pages == 3
    assert (await inbox(bob, target="APPROVED_PROD"))["totalCount"] == 0
    assert (await inbox(bob, target="APPROVED_STAGING"))["totalCount"] == 5


async def test_the_inbox_is_per_tenant(person: Callable[..., PersonClient]) -> None:
    alice = person("alice")
    await requested(alice, "inbox-tenant")
    outsider = person("olga", "approver", tenant="globex")
    assert (await inbox(outsider))["totalCount"] == 0
    assert (await inbox(person("bob", "approver")))["totalCount"] == 1


async def test_bad_inbox_arguments_are_user_errors(person: Callable[..., PersonClient]) -> None:
    bob = person("bob", "approver")
    assert error_codes(await bob.execute(INBOX, {"target": "STAGING"})) == ["BAD_USER_INPUT"]
    assert error_codes(await bob.execute(INBOX, {"after": "not-a-cursor"})) == ["BAD_USER_INPUT"]
    assert error_codes(await bob.execute(INBOX, {"first": -1})) == ["BAD_USER_INPUT"]


async def test_me_answers_the_signed_identity(governed_app: Starlette) -> None:
    caller = Caller(
        user="bob",
        tenant=TENANT,
        project="fraud",
        roles=("approver", "viewer"),
        scopes=frozenset({"registry:read", "governance:approve"}),
        groups=("risk-team",),
    )
    me = (await PersonClient(governed_app, caller).data(ME))["me"]
    assert me == {
        "user": "bob",
        "tenant": TENANT,
        "project": "fraud",
        "roles": ["approver", "viewer"],
        "scopes": ["governance:approve", "registry:read"],
        "groups": ["risk-team"],
    }
