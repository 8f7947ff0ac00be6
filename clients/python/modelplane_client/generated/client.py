from typing import Any, Optional, Union

from .base_client import BaseClient
from .base_model import UNSET, UnsetType
from .create_serving_environment import CreateServingEnvironment
from .deploy_model_version import DeployModelVersion
from .enums import ModelVersionStage
from .find_registered_model import FindRegisteredModel
from .get_model_version import GetModelVersion
from .input_types import DeployModelVersionInput, MetricInput, RegisterModelInput
from .log_metric import LogMetric
from .register_model import RegisterModel
from .request_approval import RequestApproval
from .serving_environments import ServingEnvironments
from .transition_model_version import TransitionModelVersion
from .version_stage import VersionStage


def gql(q: str) -> str:
    return q


class GraphQLClient(BaseClient):
    def serving_environments(self, **kwargs: Any) -> ServingEnvironments:
        query = gql("""
            query ServingEnvironments {
              servingEnvironments {
                name
                production
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="ServingEnvironments",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ServingEnvironments.model_validate(data)

    def create_serving_environment(
        self, name: str, production: bool, **kwargs: Any
    ) -> CreateServingEnvironment:
        query = gql("""
            mutation CreateServingEnvironment($name: String!, $production: Boolean! = false) {
              createServingEnvironment(input: {name: $name, production: $production}) {
                name
                production
              }
            }
            """)
        variables: dict[str, object] = {"name": name, "production": production}
        response = self.execute(
            query=query,
            operation_name="CreateServingEnvironment",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateServingEnvironment.model_validate(data)

    def deploy_model_version(
        self, input: DeployModelVersionInput, **kwargs: Any
    ) -> DeployModelVersion:
        query = gql("""
            mutation DeployModelVersion($input: DeployModelVersionInput!) {
              deployModelVersion(input: $input) {
                id
                name
                environmentName
                applied
                manifest
                status {
                  state
                  ready
                  url
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="DeployModelVersion",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return DeployModelVersion.model_validate(data)

    def version_stage(self, id: str, **kwargs: Any) -> VersionStage:
        query = gql("""
            query VersionStage($id: ID!) {
              modelVersion(id: $id) {
                id
                stage
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="VersionStage", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return VersionStage.model_validate(data)

    def transition_model_version(
        self,
        id: str,
        to: ModelVersionStage,
        reason: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> TransitionModelVersion:
        query = gql("""
            mutation TransitionModelVersion($id: ID!, $to: ModelVersionStage!, $reason: String) {
              transitionModelVersion(id: $id, to: $to, reason: $reason) {
                id
                stage
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "to": to, "reason": reason}
        response = self.execute(
            query=query,
            operation_name="TransitionModelVersion",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return TransitionModelVersion.model_validate(data)

    def request_approval(
        self,
        version_id: str,
        target_stage: ModelVersionStage,
        comment: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> RequestApproval:
        query = gql("""
            mutation RequestApproval($versionId: ID!, $targetStage: ModelVersionStage!, $comment: String) {
              requestApproval(
                versionId: $versionId
                targetStage: $targetStage
                comment: $comment
              ) {
                id
                modelVersionId
                targetStage
                actor
                decision
                comment
                createdAt
              }
            }
            """)
        variables: dict[str, object] = {
            "versionId": version_id,
            "targetStage": target_stage,
            "comment": comment,
        }
        response = self.execute(
            query=query, operation_name="RequestApproval", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RequestApproval.model_validate(data)

    def register_model(self, input: RegisterModelInput, **kwargs: Any) -> RegisterModel:
        query = gql("""
            mutation RegisterModel($input: RegisterModelInput!) {
              registerModel(input: $input) {
                registeredModel {
                  id
                  name
                }
                modelVersion {
                  id
                  name
                  state
                }
                modelArtifact {
                  id
                  uri
                  modelFormatName
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="RegisterModel", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RegisterModel.model_validate(data)

    def find_registered_model(self, name: str, **kwargs: Any) -> FindRegisteredModel:
        query = gql("""
            query FindRegisteredModel($name: String!) {
              registeredModel(name: $name) {
                id
                name
                owner
                state
              }
            }
            """)
        variables: dict[str, object] = {"name": name}
        response = self.execute(
            query=query,
            operation_name="FindRegisteredModel",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FindRegisteredModel.model_validate(data)

    def get_model_version(
        self,
        id: Union[Optional[str], UnsetType] = UNSET,
        registered_model_id: Union[Optional[str], UnsetType] = UNSET,
        name: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> GetModelVersion:
        query = gql("""
            query GetModelVersion($id: ID, $registeredModelId: ID, $name: String) {
              modelVersion(id: $id, registeredModelId: $registeredModelId, name: $name) {
                id
                name
                state
                description
                author
                registeredModel {
                  id
                  name
                }
                customProperties {
                  name
                  type
                  stringValue
                  intValue
                  doubleValue
                  boolValue
                }
                artifacts(first: 100) {
                  nodes {
                    __typename
                    id
                    name
                    uri
                    ... on ModelArtifact {
                      modelFormatName
                      modelFormatVersion
                    }
                    ... on Metric {
                      metricValue: value
                      step
                    }
                  }
                }
                deployments {
                  id
                  name
                  environmentName
                  applied
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "registeredModelId": registered_model_id,
            "name": name,
        }
        response = self.execute(
            query=query, operation_name="GetModelVersion", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return GetModelVersion.model_validate(data)

    def log_metric(
        self, model_version_id: str, input: MetricInput, **kwargs: Any
    ) -> LogMetric:
        query = gql("""
            mutation LogMetric($modelVersionId: ID!, $input: MetricInput!) {
              upsertModelVersionArtifact(
                modelVersionId: $modelVersionId
                input: {metric: $input}
              ) {
                __typename
                id
                name
                ... on Metric {
                  value
                  step
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "modelVersionId": model_version_id,
            "input": input,
        }
        response = self.execute(
            query=query, operation_name="LogMetric", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return LogMetric.model_validate(data)
