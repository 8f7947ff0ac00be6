from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ModelVersionStage


class VersionStage(BaseModel):
    model_version: Optional["VersionStageModelVersion"] = Field(alias="modelVersion")


class VersionStageModelVersion(BaseModel):
    id: str
    stage: ModelVersionStage


VersionStage.model_rebuild()
