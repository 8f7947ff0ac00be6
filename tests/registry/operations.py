"""GraphQL documents and small steps the registry tests share."""

from __future__ import annotations

from typing import Any

from tests.registry.client import GraphQLClient

REGISTER_MODEL = """
mutation Register($input: RegisterModelInput!) {
  registerModel(input: $input) {
    registeredModel { id name }
    modelVersion { id name state registeredModel { id name } }
    modelArtifact { id name uri modelFormatName artifactType }
  }
}
"""

CREATE_MODEL = """
mutation Create($input: RegisteredModelCreateInput!) {
  createRegisteredModel(input: $input) {
    id name description externalId owner language tasks state createdAt updatedAt
    customProperties { name type stringValue intValue doubleValue boolValue structValue isLabel }
  }
}
"""

CREATE_VERSION = """
mutation Create($input: ModelVersionCreateInput!) {
  createModelVersion(input: $input) { id name author state registeredModelId }
}
"""

UPSERT_VERSION_ARTIFACT = """
mutation Upsert($id: ID!, $input: ArtifactInput!) {
  upsertModelVersionArtifact(modelVersionId: $id, input: $input) {
    __typename id name uri state artifactType
    ... on ModelArtifact { modelFormatName storageKey modelSourceKind }
  }
}
"""


async def create_model(client: GraphQLClient, name: str, **fields: Any) -> dict[str, Any]:
    data = await client.data(CREATE_MODEL, {"input": {"name": name, **fields}})
    model: dict[str, Any] = data["createRegisteredModel"]
    return model


async def create_version(
    client: GraphQLClient, model_id: str, name: str, **fields: Any
) -> dict[str, Any]:
    variables = {"input": {"registeredModelId": model_id, "name": name, **fields}}
    version: dict[str, Any] = (await client.data(CREATE_VERSION, variables))["createModelVersion"]
    return version


async def register(client: GraphQLClient, name: str, version: str, **fields: Any) -> dict[str, Any]:
    variables = {
        "input": {"name": name, "versionName": version, "uri": f"s3://b/{name}/{version}", **fields}
    }
    result: dict[str, Any] = await client.execute(REGISTER_MODEL, variables)
    return result
