"""Several people using one standalone Modelplane through its gateway, each with an API token.

The auth config (docs/security.md) lists the users and the sha256 of their tokens; alice
registers and deploys, bob and carol approve.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.auth.tokens import generate_token, hash_token
from tests.deploy.harness import GraphQLClient

ROLES = {
    "alice": ["contributor", "deployer"],
    "bob": ["approver"],
    "carol": ["approver"],
}

TRANSITION = """mutation($id: ID!, $to: ModelVersionStage!, $reason: String) {
  transitionModelVersion(id: $id, to: $to, reason: $reason) { id stage }
}"""
REQUEST = """mutation($id: ID!, $to: ModelVersionStage!) {
  requestApproval(versionId: $id, targetStage: $to, comment: "please review") { id }
}"""
APPROVE = """mutation($id: ID!, $to: ModelVersionStage!) {
  approveModelVersion(versionId: $id, targetStage: $to) { actor decision valid }
}"""
STAGE = "query($id: ID!) { modelVersion(id: $id) { stage } }"


def configure_people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Writes the auth config and points MODELPLANE_AUTH_CONFIG at it; the tokens by user."""
    tokens = {name: generate_token() for name in ROLES}
    config = {
        "users": [
            {"name": name, "roles": roles, "tokens": [hash_token(tokens[name], algorithm="sha256")]}
            for name, roles in ROLES.items()
        ]
    }
    path = tmp_path / "auth.yaml"
    path.write_text(yaml.safe_dump(config))
    monkeypatch.setenv("MODELPLANE_AUTH_CONFIG", str(path))
    return tokens


def people(base_url: str, tokens: dict[str, str]) -> dict[str, GraphQLClient]:
    return {
        name: GraphQLClient(f"{base_url}/graphql", {"authorization": f"Bearer {token}"})
        for name, token in tokens.items()
    }


async def stage_of(client: GraphQLClient, version_id: str) -> str:
    return str((await client.data(STAGE, id=version_id))["modelVersion"]["stage"])


async def move(client: GraphQLClient, version_id: str, to: str) -> dict[str, Any]:
    moved = await client.data(TRANSITION, id=version_id, to=to, reason=f"ready for {to}")
    assert moved["transitionModelVersion"]["stage"] == to
    return moved


async def approved(
    submitter: GraphQLClient, approvers: list[GraphQLClient], version_id: str, target: str
) -> None:
    """Requests approval for `target`, has every approver give it, then makes the move."""
    await submitter.data(REQUEST, id=version_id, to=target)
    for approver in approvers:
        decision = (await approver.data(APPROVE, id=version_id, to=target))["approveModelVersion"]
        assert (decision["decision"], decision["valid"]) == ("APPROVED", True)
    await move(submitter, version_id, target)


async def approve_for_production(
    submitter: GraphQLClient, approvers: list[GraphQLClient], version_id: str
) -> None:
    """DRAFT → SUBMITTED → APPROVED_STAGING → STAGING → APPROVED_PROD (no policies configured)."""
    await move(submitter, version_id, "SUBMITTED")
    await approved(submitter, approvers, version_id, "APPROVED_STAGING")
    await move(submitter, version_id, "STAGING")
    await approved(submitter, approvers, version_id, "APPROVED_PROD")
