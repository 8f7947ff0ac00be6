from pydantic import Field

from .base_model import BaseModel


class CreateServingEnvironment(BaseModel):
    create_serving_environment: "CreateServingEnvironmentCreateServingEnvironment" = (
        Field(alias="createServingEnvironment")
    )


class CreateServingEnvironmentCreateServingEnvironment(BaseModel):
    name: str
    production: bool


CreateServingEnvironment.model_rebuild()
