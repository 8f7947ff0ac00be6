from typing import Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel


class LogMetric(BaseModel):
    upsert_model_version_artifact: Union[
        "LogMetricUpsertModelVersionArtifactArtifact",
        "LogMetricUpsertModelVersionArtifactMetric",
    ] = Field(alias="upsertModelVersionArtifact", discriminator="typename__")


class LogMetricUpsertModelVersionArtifactArtifact(BaseModel):
    typename__: Literal[
        "Artifact", "DataSet", "DocArtifact", "ModelArtifact", "Parameter"
    ] = Field(alias="__typename")
    id: str
    name: str


class LogMetricUpsertModelVersionArtifactMetric(BaseModel):
    typename__: Literal["Metric"] = Field(alias="__typename")
    id: str
    name: str
    value: Optional[float]
    step: Optional[int]


LogMetric.model_rebuild()
