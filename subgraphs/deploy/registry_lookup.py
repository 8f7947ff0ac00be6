"""Reads a model version and its model artifact from the registry subgraph over HTTP."""

from __future__ import annotations

from typing import Any, Protocol

import aiohttp

from common.errors import BadUserInput, FailedPrecondition, ModelplaneError, NotFound, Unavailable
from common.tenancy import Caller, sign_caller
from subgraphs.deploy.records import ModelSource

MODEL_VERSION_QUERY = """
query DeployModelVersion($id: ID) {
  modelVersion(id: $id) {
    id
    name
    registeredModel { id name }
    artifacts(first: 50) {
      nodes {
        __typename
        ... on ModelArtifact {
          id uri modelFormatName modelFormatVersion storageKey storagePath serviceAccountName
        }
      }
    }
  }
}
"""


class RegistryLookup(Protocol):
    async def find_model_source(self, caller: Caller, model_version_id: str) -> ModelSource:
        """The version's model artifact; NotFound when the version is unknown to `caller`."""
        ...

    async def close(self) -> None: ...


class HttpRegistryLookup:
    """Asks the registry subgraph's GraphQL endpoint, as the caller, for a model version."""

    def __init__(self, url: str, *, secret: str | None, timeout: float = 10.0) -> None:
        self.url = url
        self.secret = secret
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        return self._session

    def _headers(self, caller: Caller) -> dict[str, str]:
        headers = {"content-type": "application/json"}
        if self.secret is not None:
            headers.update(sign_caller(caller, self.secret))
        return headers

    async def find_model_source(self, caller: Caller, model_version_id: str) -> ModelSource:
        payload = {"query": MODEL_VERSION_QUERY, "variables": {"id": model_version_id}}
        try:
            async with self._client().post(
                self.url, json=payload, headers=self._headers(caller)
            ) as response:
                body = await response.json(content_type=None)
        except (TimeoutError, aiohttp.ClientError, ValueError) as error:
            raise Unavailable(
                f"the registry at {self.url} could not be reached: {type(error).__name__}"
            ) from None
        if not isinstance(body, dict):
            raise Unavailable("the registry answered with something other than a GraphQL result")
        errors = body.get("errors") or []
        if errors:
            raise _registry_error(errors[0])
        version = (body.get("data") or {}).get("modelVersion")
        if version is None:
            raise NotFound(f"model version {model_version_id} not found in the registry")
        return model_source_from(version)


def model_source_from(version: dict[str, Any]) -> ModelSource:
    """The first model artifact of a registry `modelVersion` result."""
    artifacts = [
        node
        for node in ((version.get("artifacts") or {}).get("nodes") or [])
        if isinstance(node, dict) and node.get("__typename", "ModelArtifact") == "ModelArtifact"
    ]
    if not artifacts:
        raise FailedPrecondition(
            f"model version {version.get('id')} has no model artifact to deploy",
            suggestion="register a model artifact (uri and format) for this version first",
        )
    artifact = artifacts[0]
    if not artifact.get("uri") and not artifact.get("storageKey"):
        raise FailedPrecondition(f"model artifact {artifact.get('id')} has no uri to serve from")
    model = version.get("registeredModel") or {}
    return ModelSource(
        model_version_id=str(version["id"]),
        model_version_name=str(version.get("name") or version["id"]),
        registered_model_id=str(model.get("id") or ""),
        registered_model_name=str(model.get("name") or "model"),
        artifact_id=str(artifact.get("id") or ""),
        uri=artifact.get("uri"),
        format_name=artifact.get("modelFormatName"),
        format_version=artifact.get("modelFormatVersion"),
        storage_key=artifact.get("storageKey"),
        storage_path=artifact.get("storagePath"),
        service_account_name=artifact.get("serviceAccountName"),
    )


def _registry_error(error: Any) -> ModelplaneError:
    message = str(error.get("message", "registry error")) if isinstance(error, dict) else str(error)
    code = ((error.get("extensions") or {}).get("code") if isinstance(error, dict) else None) or ""
    if code == "NOT_FOUND":
        return NotFound(f"registry: {message}")
    if code in ("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"):
        return BadUserInput(f"registry: {message}")
    return Unavailable(f"the registry could not answer: {message}")
