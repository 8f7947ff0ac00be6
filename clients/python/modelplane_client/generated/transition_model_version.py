from pydantic import Field

from .base_model import BaseModel
from .enums import ModelVersionStage


class TransitionModelVersion(BaseModel):
    transition_model_version: "TransitionModelVersionTransitionModelVersion" = Field(
        alias="transitionModelVersion"
    )


class TransitionModelVersionTransitionModelVersion(BaseModel):
    id: str
    stage: ModelVersionStage


TransitionModelVersion.model_rebuild()
