from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RegisteredModelState


class FindRegisteredModel(BaseModel):
    registered_model: Optional["FindRegisteredModelRegisteredModel"] = Field(
        alias="registeredModel"
    )


class FindRegisteredModelRegisteredModel(BaseModel):
    id: str
    name: str
    owner: Optional[str]
    state: RegisteredModelState


FindRegisteredModel.model_rebuild()
