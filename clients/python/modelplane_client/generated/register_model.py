from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ModelVersionState


class RegisterModel(BaseModel):
    register_model: "RegisterModelRegisterModel" = Field(alias="registerModel")


class RegisterModelRegisterModel(BaseModel):
    registered_model: "RegisterModelRegisterModelRegisteredModel" = Field(
        alias="registeredModel"
    )
    model_version: "RegisterModelRegisterModelModelVersion" = Field(
        alias="modelVersion"
    )
    model_artifact: "RegisterModelRegisterModelModelArtifact" = Field(
        alias="modelArtifact"
    )


class RegisterModelRegisterModelRegisteredModel(BaseModel):
    id: str
    name: str


class RegisterModelRegisterModelModelVersion(BaseModel):
    id: str
    name: str
    state: ModelVersionState


class RegisterModelRegisterModelModelArtifact(BaseModel):
    id: str
    uri: Optional[str]
    model_format_name: Optional[str] = Field(alias="modelFormatName")


RegisterModel.model_rebuild()
RegisterModelRegisterModel.model_rebuild()
