"""A small layer over the generated client for training and CI scripts: register, look up, deploy,
submit for approval."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Optional, Union

import httpx

from .generated import (
    CustomPropertyInput,
    CustomPropertyType,
    DeployModelVersionInput,
    GraphQLClient,
    MetricInput,
    ModelVersionStage,
    RegisterModelInput,
)
from .generated.deploy_model_version import DeployModelVersionDeployModelVersion
from .generated.exceptions import (
    GraphQLClientError,
    GraphQLClientGraphQLError,
    GraphQLClientGraphQLMultiError,
)
from .generated.get_model_version import GetModelVersionModelVersion
from .generated.request_approval import RequestApprovalRequestApproval

DEFAULT_URL = "http://127.0.0.1:8000/graphql"
PropertyValue = Union[str, int, float, bool]


class ModelplaneError(Exception):
    """An error the API answered, with its `extensions.code` (CONFLICT, NOT_FOUND, BAD_USER_INPUT, …)."""

    def __init__(self, message: str, code: Optional[str] = None, path: Optional[list[Any]] = None) -> None:
        super().__init__(f"{message} [{code}]" if code else message)
        self.message = message
        self.code = code
        self.path = path


@dataclass(frozen=True)
class RegisteredVersion:
    model_id: str
    model_name: str
    version_id: str
    version_name: str
    artifact_id: str
    uri: str


# The approval a version in each stage is submitted for (docs/governance.md's lifecycle).
APPROVAL_FOR_STAGE = {
    ModelVersionStage.DRAFT: ModelVersionStage.APPROVED_STAGING,
    ModelVersionStage.CHANGES_REQUESTED: ModelVersionStage.APPROVED_STAGING,
    ModelVersionStage.SUBMITTED: ModelVersionStage.APPROVED_STAGING,
    ModelVersionStage.STAGING: ModelVersionStage.APPROVED_PROD,
}
# Stages a version leaves for SUBMITTED before approvers are asked.
SUBMIT_FIRST = (ModelVersionStage.DRAFT, ModelVersionStage.CHANGES_REQUESTED)


@dataclass(frozen=True)
class ApprovalSubmission:
    version_id: str
    # The version's stage after submitting: SUBMITTED, or STAGING for a production approval.
    stage: ModelVersionStage
    target_stage: ModelVersionStage
    request: RequestApprovalRequestApproval


def _error_from(error: GraphQLClientError) -> ModelplaneError:
    if isinstance(error, GraphQLClientGraphQLMultiError):
        error = error.errors[0]
    if isinstance(error, GraphQLClientGraphQLError):
        code = (error.extensions or {}).get("code")
        return ModelplaneError(error.message, code if isinstance(code, str) else None, error.path)
    return ModelplaneError(str(error))


def to_properties(
    labels: Iterable[str] = (), properties: Optional[Mapping[str, PropertyValue]] = None
) -> list[CustomPropertyInput]:
    """Labels are string properties with no value; other values keep their type (ints exactly)."""
    out = [CustomPropertyInput(name=label, type=CustomPropertyType.STRING, string_value="") for label in labels]
    for name, value in (properties or {}).items():
        if isinstance(value, bool):
            out.append(CustomPropertyInput(name=name, type=CustomPropertyType.BOOL, bool_value=value))
        elif isinstance(value, int):
            out.append(CustomPropertyInput(name=name, type=CustomPropertyType.INT, int_value=str(value)))
        elif isinstance(value, float):
            out.append(CustomPropertyInput(name=name, type=CustomPropertyType.DOUBLE, double_value=value))
        else:
            out.append(CustomPropertyInput(name=name, type=CustomPropertyType.STRING, string_value=str(value)))
    return out


class Modelplane:
    """`Modelplane()` talks to $MODELPLANE_URL (default http://127.0.0.1:8000/graphql)."""

    def __init__(
        self,
        url: Optional[str] = None,
        *,
        token: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: float = 30.0,
    ) -> None:
        merged = dict(headers or {})
        token = token or os.environ.get("MODELPLANE_TOKEN")
        if token:
            merged["authorization"] = f"Bearer {token}"
        self.url = url or os.environ.get("MODELPLANE_URL") or DEFAULT_URL
        self.graphql = GraphQLClient(
            url=self.url, headers=merged, http_client=httpx.Client(headers=merged, timeout=timeout)
        )

    def __enter__(self) -> Modelplane:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.graphql.http_client.close()

    def register_model(
        self,
        name: str,
        version: str,
        uri: str,
        *,
        model_format: Optional[str] = None,
        model_format_version: Optional[str] = None,
        description: Optional[str] = None,
        author: Optional[str] = None,
        owner: Optional[str] = None,
        labels: Iterable[str] = (),
        properties: Optional[Mapping[str, PropertyValue]] = None,
        metrics: Optional[Mapping[str, float]] = None,
    ) -> RegisteredVersion:
        """The model (created if new), a version and its model artifact in one transaction;
        then each metric is logged on the version."""
        try:
            result = self.graphql.register_model(
                RegisterModelInput(
                    name=name,
                    version_name=version,
                    uri=uri,
                    model_format_name=model_format,
                    model_format_version=model_format_version,
                    description=description,
                    author=author,
                    owner=owner,
                    version_custom_properties=to_properties(labels, properties),
                )
            ).register_model
        except GraphQLClientError as error:
            raise _error_from(error) from None
        registered = RegisteredVersion(
            model_id=result.registered_model.id,
            model_name=result.registered_model.name,
            version_id=result.model_version.id,
            version_name=result.model_version.name,
            artifact_id=result.model_artifact.id,
            uri=result.model_artifact.uri or uri,
        )
        if metrics:
            self.log_metrics(registered.version_id, metrics)
        return registered

    def log_metrics(self, version_id: str, metrics: Mapping[str, float], *, step: Optional[int] = None) -> None:
        try:
            for name, value in metrics.items():
                self.graphql.log_metric(version_id, MetricInput(name=name, value=float(value), step=step))
        except GraphQLClientError as error:
            raise _error_from(error) from None

    def get_model_version(
        self,
        model_name: Optional[str] = None,
        version_name: Optional[str] = None,
        *,
        version_id: Optional[str] = None,
    ) -> Optional[GetModelVersionModelVersion]:
        """By id, or by the model's and the version's names; None when there is no such version."""
        try:
            if version_id is not None:
                return self.graphql.get_model_version(id=version_id).model_version
            if model_name is None or version_name is None:
                raise ModelplaneError("give version_id, or model_name and version_name", "BAD_USER_INPUT")
            model = self.graphql.find_registered_model(model_name).registered_model
            if model is None:
                return None
            return self.graphql.get_model_version(registered_model_id=model.id, name=version_name).model_version
        except GraphQLClientError as error:
            raise _error_from(error) from None

    def deploy(
        self,
        version_id: str,
        environment: str,
        *,
        name: Optional[str] = None,
        runtime: Optional[str] = None,
        create_environment: bool = True,
    ) -> DeployModelVersionDeployModelVersion:
        """Deploy a version as a KServe InferenceService. Without a cluster the manifest is only
        rendered: the result says `applied=False`."""
        try:
            if create_environment:
                known = {e.name for e in self.graphql.serving_environments().serving_environments}
                if environment not in known:
                    self.graphql.create_serving_environment(environment, False)
            return self.graphql.deploy_model_version(
                DeployModelVersionInput(
                    model_version_id=version_id, environment=environment, name=name, runtime=runtime
                )
            ).deploy_model_version
        except GraphQLClientError as error:
            raise _error_from(error) from None

    def submit_for_approval(
        self,
        version_id: str,
        *,
        target_stage: Optional[Union[ModelVersionStage, str]] = None,
        comment: Optional[str] = None,
    ) -> ApprovalSubmission:
        """Ask approvers to review a version. A DRAFT (or CHANGES_REQUESTED) version is first
        moved to SUBMITTED, with `comment` as the reason; the target stage defaults to the
        approval its stage needs next (APPROVED_STAGING, or APPROVED_PROD from STAGING)."""
        try:
            found = self.graphql.version_stage(id=version_id).model_version
            if found is None:
                raise ModelplaneError(f"no model version has the id {version_id}", "NOT_FOUND")
            stage = found.stage
            target = ModelVersionStage(target_stage) if target_stage is not None else APPROVAL_FOR_STAGE.get(stage)
            if target is None:
                raise ModelplaneError(
                    f"a version in {stage.value} has no approval to ask for; give target_stage",
                    "FAILED_PRECONDITION",
                )
            if stage in SUBMIT_FIRST:
                stage = self.graphql.transition_model_version(
                    id=version_id, to=ModelVersionStage.SUBMITTED, reason=comment
                ).transition_model_version.stage
            request = self.graphql.request_approval(
                version_id=version_id, target_stage=target, comment=comment
            ).request_approval
        except GraphQLClientError as error:
            raise _error_from(error) from None
        return ApprovalSubmission(version_id=version_id, stage=stage, target_stage=target, request=request)


def register_model(name: str, version: str, uri: str, **options: Any) -> RegisteredVersion:
    with Modelplane() as client:
        return client.register_model(name, version, uri, **options)


def get_model_version(
    model_name: Optional[str] = None, version_name: Optional[str] = None, *, version_id: Optional[str] = None
) -> Optional[GetModelVersionModelVersion]:
    with Modelplane() as client:
        return client.get_model_version(model_name, version_name, version_id=version_id)


def deploy(version_id: str, environment: str, **options: Any) -> DeployModelVersionDeployModelVersion:
    with Modelplane() as client:
        return client.deploy(version_id, environment, **options)


def submit_for_approval(version_id: str, **options: Any) -> ApprovalSubmission:
    with Modelplane() as client:
        return client.submit_for_approval(version_id, **options)
