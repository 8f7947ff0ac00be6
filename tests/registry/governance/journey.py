"""GraphQL documents and steps the governance tests share."""

from __future__ import annotations

import io
import tarfile
from typing import Any

from tests.registry.client import GraphQLClient
from tests.registry.operations import register

TRANSITION = """
mutation($id: ID!, $to: ModelVersionStage!, $reason: String) {
  transitionModelVersion(id: $id, to: $to, reason: $reason) { id stage }
}
"""
APPROVE = """
mutation($id: ID!, $to: ModelVersionStage!, $comment: String) {
  approveModelVersion(versionId: $id, targetStage: $to, comment: $comment)
  { id actor decision valid }
}
"""
REFUSE = """
mutation($id: ID!, $to: ModelVersionStage!, $comment: String!) {
  refuseModelVersion(versionId: $id, targetStage: $to, comment: $comment)
  { id actor decision comment valid }
}
"""
WITHDRAW = """
mutation($id: ID!, $to: ModelVersionStage!) {
  withdrawApproval(versionId: $id, targetStage: $to) { id decision }
}
"""
REQUEST = """
mutation($id: ID!, $to: ModelVersionStage!) {
  requestApproval(versionId: $id, targetStage: $to, comment: "please review") { id decision }
}
"""
SET_GOVERNANCE = """
mutation($id: ID!, $input: ModelGovernanceInput!) {
  setModelGovernance(id: $id, input: $input) { id riskTier owners group tags }
}
"""
VERSION = """
query($id: ID!) {
  modelVersion(id: $id) {
    stage
    transitions { fromStage toStage actor reason createdAt }
    approvals { actor decision valid targetStage comment }
  }
}
"""


async def registered_version(client: GraphQLClient, name: str) -> tuple[str, str]:
    """(model id, version id) of a freshly registered model."""
    payload = (await register(client, name, "v1"))["data"]["registerModel"]
    return payload["registeredModel"]["id"], payload["modelVersion"]["id"]


async def move(client: GraphQLClient, version_id: str, to: str, reason: str = "") -> dict[str, Any]:
    return await client.execute(TRANSITION, {"id": version_id, "to": to, "reason": reason or None})


async def moved(client: GraphQLClient, version_id: str, to: str) -> str:
    data = await client.data(TRANSITION, {"id": version_id, "to": to, "reason": f"to {to}"})
    stage: str = data["transitionModelVersion"]["stage"]
    return stage


async def approve(client: GraphQLClient, version_id: str, to: str) -> dict[str, Any]:
    return await client.execute(APPROVE, {"id": version_id, "to": to})


BUNDLE = """
query($id: ID!) { evidenceBundle(versionId: $id) { modelVersionId filename sha256 contentBase64 } }
"""


def members(data: bytes) -> dict[str, bytes]:
    """The files of a .tar.gz bundle, by name."""
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            extracted = archive.extractfile(member)
            assert extracted is not None
            files[member.name] = extracted.read()
    return files
