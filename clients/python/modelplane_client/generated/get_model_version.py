from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .enums import CustomPropertyType, ModelVersionState


class GetModelVersion(BaseModel):
    model_version: Optional["GetModelVersionModelVersion"] = Field(alias="modelVersion")


class GetModelVersionModelVersion(BaseModel):
    id: str
    name: str
    state: ModelVersionState
    description: Optional[str]
    author: Optional[str]
    registered_model: "GetModelVersionModelVersionRegisteredModel" = Field(
        alias="registeredModel"
    )
    custom_properties: list["GetModelVersionModelVersionCustomProperties"] = Field(
        alias="customProperties"
    )
    artifacts: "GetModelVersionModelVersionArtifacts"
    deployments: list["GetModelVersionModelVersionDeployments"]


class GetModelVersionModelVersionRegisteredModel(BaseModel):
    id: str
    name: str


class GetModelVersionModelVersionCustomProperties(BaseModel):
    name: str
    type_: CustomPropertyType = Field(alias="type")
    string_value: Optional[str] = Field(alias="stringValue")
    int_value: Optional[str] = Field(alias="intValue")
    double_value: Optional[float] = Field(alias="doubleValue")
    bool_value: Optional[bool] = Field(alias="boolValue")


class GetModelVersionModelVersionArtifacts(BaseModel):
    nodes: list[
        Annotated[
            Union[
                "GetModelVersionModelVersionArtifactsNodesArtifact",
                "GetModelVersionModelVersionArtifactsNodesMetric",
                "GetModelVersionModelVersionArtifactsNodesModelArtifact",
            ],
            Field(discriminator="typename__"),
        ]
    ]


class GetModelVersionModelVersionArtifactsNodesArtifact(BaseModel):
    typename__: Literal["Artifact", "DataSet", "DocArtifact", "Parameter"] = Field(
        alias="__typename"
    )
    id: str
    name: str
    uri: Optional[str]


class GetModelVersionModelVersionArtifactsNodesMetric(BaseModel):
    typename__: Literal["Metric"] = Field(alias="__typename")
    id: str
    name: str
    uri: Optional[str]
    metric_value: Optional[float] = Field(alias="metricValue")
    step: Optional[int]


class GetModelVersionModelVersionArtifactsNodesModelArtifact(BaseModel):
    typename__: Literal["ModelArtifact"] = Field(alias="__typename")
    id: str
    name: str
    uri: Optional[str]
    model_format_name: Optional[str] = Field(alias="modelFormatName")
    model_format_version: Optional[str] = Field(alias="modelFormatVersion")


class GetModelVersionModelVersionDeployments(BaseModel):
    id: str
    name: str
    environment_name: str = Field(alias="environmentName")
    applied: bool


GetModelVersion.model_rebuild()
GetModelVersionModelVersion.model_rebuild()
GetModelVersionModelVersionArtifacts.model_rebuild()
