"""Governance's GraphQL types: stages, risk tiers, transitions, approvals, audit events."""

from __future__ import annotations

import enum
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.scalars import JSON

from subgraphs.registry.governance.stages import Stage

if TYPE_CHECKING:
    from subgraphs.registry.types import ModelVersion

ModelVersionStage = Stage  # the GraphQL name of Stage


@strawberry.enum
class RiskTier(enum.Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"


@strawberry.enum
class ApprovalDecision(enum.Enum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"
    WITHDRAWN = "WITHDRAWN"


def iso_millis(millis: int) -> str:
    moment = datetime.fromtimestamp(millis / 1000, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@strawberry.type
class StageTransition:
    id: strawberry.ID
    from_stage: Stage
    to_stage: Stage
    actor: str
    reason: str | None
    created_at: str

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> StageTransition:
        return cls(
            id=strawberry.ID(str(record["id"])),
            from_stage=Stage(record["from_stage"]),
            to_stage=Stage(record["to_stage"]),
            actor=record["actor"],
            reason=record["reason"],
            created_at=iso_millis(record["created_at"]),
        )


@strawberry.type
class Approval:
    id: strawberry.ID
    model_version_id: strawberry.ID
    target_stage: Stage
    actor: str
    decision: ApprovalDecision
    comment: str | None
    valid: bool = strawberry.field(
        description="False once superseded, withdrawn, or invalidated by a new artifact."
    )
    created_at: str

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Approval:
        return cls(
            id=strawberry.ID(str(record["id"])),
            model_version_id=strawberry.ID(str(record["model_version_id"])),
            target_stage=Stage(record["target_stage"]),
            actor=record["actor"],
            decision=ApprovalDecision(record["decision"]),
            comment=record["comment"],
            valid=bool(record["valid"]),
            created_at=iso_millis(record["created_at"]),
        )


@strawberry.enum
class ApprovalRequestState(enum.Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


@strawberry.type(description="Who is asking: the caller the gateway identified.")
class Caller:
    user: str
    tenant: str
    project: str | None
    roles: list[str]
    scopes: list[str] = strawberry.field(description="Granted by the roles (and the token).")
    groups: list[str]


@strawberry.type(description="An approval request and where its review stands.")
class ApprovalRequest:
    id: strawberry.ID
    model_version_id: strawberry.ID
    target_stage: Stage
    requested_by: str
    comment: str | None
    created_at: str
    state: ApprovalRequestState = strawberry.field(
        description="OPEN while it is the newest request for its target stage and the version "
        "can still move there."
    )
    version_stage: Stage = strawberry.field(description="The version's stage now.")
    approvals_needed: int = strawberry.field(description="By the model's risk tier.")
    approved_by: list[str] = strawberry.field(
        description="Approvers whose approval stands and counts (not the submitter)."
    )
    refused_by: list[str] = strawberry.field(description="Approvers whose refusal stands.")
    decisions: list[Approval] = strawberry.field(
        description="The standing approvals and refusals for this target stage, oldest first."
    )

    @strawberry.field
    async def model_version(
        self, info: strawberry.Info
    ) -> Annotated[ModelVersion, strawberry.lazy("subgraphs.registry.types")]:
        from subgraphs.registry.types import ModelVersion, loaders_of

        row = await loaders_of(info).rows["version"].load(int(self.model_version_id))
        return ModelVersion.from_row(row)


@strawberry.type
class AuditEvent:
    id: strawberry.ID
    seq: int
    tenant: str
    actor: str
    action: str
    entity_type: str
    entity_id: str
    occurred_at: str
    diff: JSON = strawberry.field(description="{before, after}: the changed keys only.")
    prev_hash: str
    hash: str

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> AuditEvent:
        return cls(
            id=strawberry.ID(str(record["id"])),
            seq=int(record["seq"]),
            tenant=record["tenant_id"],
            actor=record["actor"],
            action=record["action"],
            entity_type=record["entity_type"],
            entity_id=record["entity_id"],
            occurred_at=iso_millis(record["occurred_at"]),
            diff=json.loads(record["diff"]),
            prev_hash=record["prev_hash"],
            hash=record["hash"],
        )


@strawberry.type
class AuditEventPage:
    events: list[AuditEvent]
    next_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")


@strawberry.type
class AuditVerification:
    ok: bool
    tenant: str
    checked: int = strawberry.field(description="Events verified before the first broken one.")
    broken_seq: int | None
    broken_event_id: strawberry.ID | None
    reason: str | None


@strawberry.type
class EvidenceBundle:
    model_version_id: strawberry.ID
    filename: str
    sha256: str
    content_base64: str = strawberry.field(description="The .tar.gz archive, base64-encoded.")


@strawberry.input
class ModelGovernanceInput:
    risk_tier: RiskTier | None = None
    owners: list[str] | None = None
    group: str | None = None
    tags: list[str] | None = None


@strawberry.enum
class EvaluationKind(enum.Enum):
    TASK = "TASK"
    BIAS = "BIAS"
    SAFETY = "SAFETY"
    ROBUSTNESS = "ROBUSTNESS"


@strawberry.enum
class MetricDirection(enum.Enum):
    HIGHER = "higher"
    LOWER = "lower"


@strawberry.type
class MetricThreshold:
    name: str
    threshold: float
    direction: MetricDirection


@strawberry.type
class EvaluationSuite:
    id: strawberry.ID
    name: str
    kind: EvaluationKind
    metrics: list[MetricThreshold]

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> EvaluationSuite:
        return cls(
            id=strawberry.ID(str(record["id"])),
            name=record["name"],
            kind=EvaluationKind(record["kind"]),
            metrics=[
                MetricThreshold(
                    name=m["name"],
                    threshold=float(m["threshold"]),
                    direction=MetricDirection(m["direction"]),
                )
                for m in record["metrics"]
            ],
        )


@strawberry.type
class EvaluationResult:
    id: strawberry.ID
    suite: str
    kind: EvaluationKind
    metric: str
    value: float
    threshold: float
    direction: MetricDirection
    passed: bool
    run: str | None
    evaluated_at: str

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> EvaluationResult:
        return cls(
            id=strawberry.ID(str(record["id"])),
            suite=record["suite"],
            kind=EvaluationKind(record["kind"]),
            metric=record["metric"],
            value=float(record["value"]),
            threshold=float(record["threshold"]),
            direction=MetricDirection(record["direction"]),
            passed=bool(record["passed"]),
            run=record["run"],
            evaluated_at=iso_millis(record["evaluated_at"]),
        )


@strawberry.type
class PolicyOutcome:
    policy: str
    rule: str
    passed: bool
    reason: str


@strawberry.type
class PolicyReport:
    passed: bool
    policy_version: str
    target_stage: Stage
    results: list[PolicyOutcome]


@strawberry.input
class MetricThresholdInput:
    name: str
    threshold: float
    direction: MetricDirection = MetricDirection.HIGHER


@strawberry.input
class EvaluationSuiteInput:
    name: str
    kind: EvaluationKind
    metrics: list[MetricThresholdInput]


@strawberry.input
class MetricValueInput:
    name: str
    value: float
