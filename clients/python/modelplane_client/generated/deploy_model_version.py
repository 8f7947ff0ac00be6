from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ServingState


class DeployModelVersion(BaseModel):
    deploy_model_version: "DeployModelVersionDeployModelVersion" = Field(
        alias="deployModelVersion"
    )


class DeployModelVersionDeployModelVersion(BaseModel):
    id: str
    name: str
    environment_name: str = Field(alias="environmentName")
    applied: bool
    manifest: str
    status: "DeployModelVersionDeployModelVersionStatus"


class DeployModelVersionDeployModelVersionStatus(BaseModel):
    state: ServingState
    ready: bool
    url: Optional[str]


DeployModelVersion.model_rebuild()
DeployModelVersionDeployModelVersion.model_rebuild()
