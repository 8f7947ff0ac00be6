from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ApprovalDecision, ModelVersionStage


class RequestApproval(BaseModel):
    request_approval: "RequestApprovalRequestApproval" = Field(alias="requestApproval")


class RequestApprovalRequestApproval(BaseModel):
    id: str
    model_version_id: str = Field(alias="modelVersionId")
    target_stage: ModelVersionStage = Field(alias="targetStage")
    actor: str
    decision: ApprovalDecision
    comment: Optional[str]
    created_at: str = Field(alias="createdAt")


RequestApproval.model_rebuild()
