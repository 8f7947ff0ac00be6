from pydantic import Field

from .base_model import BaseModel


class ServingEnvironments(BaseModel):
    serving_environments: list["ServingEnvironmentsServingEnvironments"] = Field(
        alias="servingEnvironments"
    )


class ServingEnvironmentsServingEnvironments(BaseModel):
    name: str
    production: bool


ServingEnvironments.model_rebuild()
