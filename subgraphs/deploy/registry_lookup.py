"""Deploy's calls to the registry subgraph over HTTP, as the signed caller: it reads a model
version (its model artifact and governance stage), moves a version to PRODUCTION, and records
deployment actions in the version's audit trail."""

from __future__ import annotations

from typing import Any, Protocol

import aiohttp

from common.errors import (
    BadUserInput,
    Conflict,
    FailedPrecondition,
    Forbidden,
    ModelplaneError,
    NotFound,
    Unavailable,
)
from common.tenancy import IDENTITY_HEADER, Caller, sign_caller
from subgraphs.deploy.records import DeploymentEvent, ModelSource

MODEL_VERSION_QUERY = """
query DeployModelVersion($id: ID) {
  modelVersion(id: $id) {
    id
    name
    stage
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
MOVE_TO_PRODUCTION = """
mutation DeployMoveToProduction($id: ID!, $reason: String) {
  transitionModelVersion(id: $id, to: PRODUCTION, reason: $reason) { id stage }
}
"""
RECORD_DEPLOYMENT_EVENT = """
mutation DeployRecordEvent(
  $versionId: ID!, $action: String!, $environment: String!, $deployment: String!,
  $production: Boolean!, $details: JSON
) {
  recordDeploymentEvent(
    versionId: $versionId, action: $action, environment: $environment,
    deployment: $deployment, production: $production, details: $details
  ) { id seq }
}
"""


class RegistryLookup(Protocol):
    async def find_model_source(self, caller: Caller, model_version_id: str) -> ModelSource:
        """The version's model artifact; NotFound when the version is unknown to `caller`."""
        ...

    async def move_to_production(self, caller: Caller, model_version_id: str, reason: str) -> str:
        """Moves the version to PRODUCTION as `caller` (the registry checks that the move is
        legal and its policies pass: FailedPrecondition otherwise); returns the new stage."""
        ...

    async def record_deployment_event(self, caller: Caller, event: DeploymentEvent) -> None:
        """Appends `deployment.<action>` to the version's audit trail."""
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
        else:
            # No shared secret (a development setup): the registry trusts the identity header
            # as it is, so send it unsigned; the tenant and the audit actor stay the caller's.
            headers[IDENTITY_HEADER] = sign_caller(caller, "")[IDENTITY_HEADER]
        return headers

    async def _execute(self, caller: Caller, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        payload = {"query": query, "variables": variables}
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
        data = body.get("data")
        return data if isinstance(data, dict) else {}

    async def find_model_source(self, caller: Caller, model_version_id: str) -> ModelSource:
        data = await self._execute(caller, MODEL_VERSION_QUERY, {"id": model_version_id})
        version = data.get("modelVersion")
        if version is None:
            raise NotFound(f"model version {model_version_id} not found in the registry")
        return model_source_from(version)

    async def move_to_production(self, caller: Caller, model_version_id: str, reason: str) -> str:
        data = await self._execute(
            caller, MOVE_TO_PRODUCTION, {"id": model_version_id, "reason": reason}
        )
        moved = data.get("transitionModelVersion") or {}
        return str(moved.get("stage") or "")

    async def record_deployment_event(self, caller: Caller, event: DeploymentEvent) -> None:
        await self._execute(
            caller,
            RECORD_DEPLOYMENT_EVENT,
            {
                "versionId": event.model_version_id,
                "action": event.action,
                "environment": event.environment,
                "deployment": event.deployment,
                "production": event.production,
                "details": event.details,
            },
        )


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
        stage=version.get("stage"),
    )


def _registry_error(error: Any) -> ModelplaneError:
    """The registry's error as deploy's own, keeping the code and the structured extensions
    (a refused transition's allowedStages or failedPolicies reach the caller unchanged)."""
    message = str(error.get("message", "registry error")) if isinstance(error, dict) else str(error)
    extensions = dict((error.get("extensions") or {}) if isinstance(error, dict) else {})
    code = extensions.pop("code", None) or ""
    suggestion = extensions.pop("suggestion", None)
    kinds: dict[str, type[ModelplaneError]] = {
        "NOT_FOUND": NotFound,
        "BAD_USER_INPUT": BadUserInput,
        "GRAPHQL_VALIDATION_FAILED": BadUserInput,
        "FAILED_PRECONDITION": FailedPrecondition,
        "CONFLICT": Conflict,
        "FORBIDDEN": Forbidden,
    }
    kind = kinds.get(code)
    if kind is None:
        return Unavailable(f"the registry could not answer: {message}")
    return kind(f"registry: {message}", suggestion=suggestion, **extensions)
