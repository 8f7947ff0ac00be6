"""Governance's root fields and the resolvers the registry's types delegate to."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from common.errors import BadUserInput, Forbidden
from common.tenancy import Caller
from subgraphs.registry.database import Database
from subgraphs.registry.governance import approvals as approval_store
from subgraphs.registry.governance import audit, evaluations, lifecycle
from subgraphs.registry.governance.bundle import build_bundle
from subgraphs.registry.governance.config import load_config
from subgraphs.registry.governance.deployments import DEPLOY_SCOPE, record_deployment_event
from subgraphs.registry.governance.evaluations import MetricSpec
from subgraphs.registry.governance.policies import evaluate_policies
from subgraphs.registry.governance.stages import Stage
from subgraphs.registry.governance.types import (
    Approval,
    AuditEvent,
    AuditEventPage,
    AuditVerification,
    EvaluationResult,
    EvaluationSuite,
    EvaluationSuiteInput,
    EvidenceBundle,
    MetricValueInput,
    ModelGovernanceInput,
    PolicyOutcome,
    PolicyReport,
    StageTransition,
)
from subgraphs.registry.types import ModelVersion, RegisteredModel
from subgraphs.registry.validation import parse_id

MAX_PAGE = 500


def _caller(info: strawberry.Info) -> Caller:
    caller: Caller = info.context["caller"]
    return caller


def _database(info: strawberry.Info) -> Database:
    database: Database = info.context["database"]
    return database


async def load_transitions(info: strawberry.Info, version_id: str) -> list[StageTransition]:
    async with _database(info).read() as connection:
        records = await lifecycle.fetch_transitions(
            connection, _caller(info).tenant, int(version_id)
        )
    return [StageTransition.from_record(record) for record in records]


async def load_approvals(info: strawberry.Info, version_id: str) -> list[Approval]:
    async with _database(info).read() as connection:
        records = await approval_store.fetch_approvals(
            connection, _caller(info).tenant, int(version_id)
        )
    return [Approval.from_record(record) for record in records]


async def load_evaluations(info: strawberry.Info, version_id: str) -> list[EvaluationResult]:
    async with _database(info).read() as connection:
        records = await evaluations.fetch_results(connection, _caller(info).tenant, int(version_id))
    return [EvaluationResult.from_record(record) for record in records]


def _millis(value: datetime | None) -> int | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise BadUserInput("times need a timezone (e.g. 2026-01-01T00:00:00Z)")
    return int(value.timestamp() * 1000)


@strawberry.type
class GovernanceQuery:
    @strawberry.field(description="Audit events of the caller's tenant, oldest first.")  # type: ignore[untyped-decorator]
    async def audit_events(
        self,
        info: strawberry.Info,
        entity_type: str | None = None,
        entity_id: strawberry.ID | None = None,
        actor: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> AuditEventPage:
        if not 0 < first <= MAX_PAGE:
            raise BadUserInput(f"first must be between 1 and {MAX_PAGE}")
        query = audit.EventQuery(
            entity_type=entity_type,
            entity_id=str(entity_id) if entity_id is not None else None,
            actor=actor,
            since=_millis(since),
            until=_millis(until),
            after_seq=parse_id(after, "cursor") if after else 0,
            limit=first,
        )
        async with _database(info).read() as connection:
            records = await audit.fetch_events(connection, _caller(info).tenant, query)
        page = records[:first]
        more = len(records) > first
        return AuditEventPage(
            events=[AuditEvent.from_record(record) for record in page],
            next_cursor=str(page[-1]["seq"]) if more and page else None,
        )

    @strawberry.field(description="Recomputes the hash chain; names the first broken link.")  # type: ignore[untyped-decorator]
    async def verify_audit_trail(
        self, info: strawberry.Info, tenant: str | None = None
    ) -> AuditVerification:
        own = _caller(info).tenant
        if tenant is not None and tenant != own:
            raise Forbidden("you may verify only your own tenant's audit trail")
        async with _database(info).read() as connection:
            report = await audit.verify_chain(connection, own)
        return AuditVerification(
            ok=report.ok,
            tenant=own,
            checked=report.checked,
            broken_seq=report.broken_seq,
            broken_event_id=strawberry.ID(report.broken_event_id)
            if report.broken_event_id
            else None,
            reason=report.reason,
        )

    @strawberry.field(description="The version's evidence bundle (.tar.gz), base64-encoded.")  # type: ignore[untyped-decorator]
    async def evidence_bundle(
        self, info: strawberry.Info, version_id: strawberry.ID
    ) -> EvidenceBundle:
        number = parse_id(version_id)
        async with _database(info).read() as connection:
            data = await build_bundle(connection, _caller(info).tenant, number)
        return EvidenceBundle(
            model_version_id=strawberry.ID(str(number)),
            filename=f"evidence-version-{number}.tar.gz",
            sha256=hashlib.sha256(data).hexdigest(),
            content_base64=base64.b64encode(data).decode(),
        )

    @strawberry.field(description="Dry run: the policies a move to targetStage would check.")  # type: ignore[untyped-decorator]
    async def evaluate_policies(
        self, info: strawberry.Info, version_id: strawberry.ID, target_stage: Stage
    ) -> PolicyReport:
        config = load_config()
        async with _database(info).read() as connection:
            results = await evaluate_policies(
                connection, _caller(info).tenant, parse_id(version_id), Stage(target_stage), config
            )
        return PolicyReport(
            passed=all(result.passed for result in results),
            policy_version=config.version,
            target_stage=Stage(target_stage),
            results=[
                PolicyOutcome(policy=r.policy, rule=r.rule, passed=r.passed, reason=r.reason)
                for r in results
            ],
        )

    @strawberry.field
    async def evaluation_suites(self, info: strawberry.Info) -> list[EvaluationSuite]:
        async with _database(info).read() as connection:
            records = await evaluations.fetch_suites(connection, _caller(info).tenant)
        return [EvaluationSuite.from_record(record) for record in records]


@strawberry.type
class GovernanceMutation:
    @strawberry.mutation
    async def define_evaluation_suite(
        self, info: strawberry.Info, input: EvaluationSuiteInput
    ) -> EvaluationSuite:
        metrics = [MetricSpec(m.name, m.threshold, m.direction.value) for m in input.metrics]
        async with _database(info).write() as connection:
            record = await evaluations.define_suite(
                connection, _caller(info), input.name, input.kind.value, metrics
            )
        return EvaluationSuite.from_record(record)

    @strawberry.mutation(description="Records a run of a suite against a version.")  # type: ignore[untyped-decorator]
    async def record_evaluation(
        self,
        info: strawberry.Info,
        version_id: strawberry.ID,
        suite: str,
        metrics: list[MetricValueInput],
        run: str | None = None,
    ) -> list[EvaluationResult]:
        values = {metric.name: metric.value for metric in metrics}
        async with _database(info).write() as connection:
            records = await evaluations.record_evaluation(
                connection, _caller(info), parse_id(version_id), suite, values, run
            )
        return [EvaluationResult.from_record(record) for record in records]

    @strawberry.mutation(description="Moves a version to another stage, if the move is legal.")  # type: ignore[untyped-decorator]
    async def transition_model_version(
        self,
        info: strawberry.Info,
        id: strawberry.ID,
        to: Stage,
        reason: str | None = None,
    ) -> ModelVersion:
        version_id = parse_id(id)
        config = load_config()
        async with _database(info).write() as connection:
            row = await lifecycle.transition_version(
                connection, _caller(info), version_id, Stage(to), reason, config
            )
        return ModelVersion.from_row(row)

    @strawberry.mutation(description="Sets a model's risk tier, owners, group and tags.")  # type: ignore[untyped-decorator]
    async def set_model_governance(
        self, info: strawberry.Info, id: strawberry.ID, input: ModelGovernanceInput
    ) -> RegisteredModel:
        values = lifecycle.governance_values(
            input.risk_tier.value if input.risk_tier is not None else None,
            input.owners,
            input.group,
            input.tags,
        )
        async with _database(info).write() as connection:
            row = await lifecycle.set_model_governance(
                connection, _caller(info), parse_id(id), values
            )
        return RegisteredModel.from_row(row)

    @strawberry.mutation(description="Asks approvers to review the version for a target stage.")  # type: ignore[untyped-decorator]
    async def request_approval(
        self,
        info: strawberry.Info,
        version_id: strawberry.ID,
        target_stage: Stage,
        comment: str | None = None,
    ) -> Approval:
        async with _database(info).write() as connection:
            record = await approval_store.request_approval(
                connection, _caller(info), parse_id(version_id), Stage(target_stage), comment
            )
        return Approval.from_record(record)

    @strawberry.federation.mutation(  # type: ignore[untyped-decorator]
        description=(
            "Records what the deploy subgraph did to an InferenceService serving the version "
            "(action: create, update, rollout, set_traffic, promote, rollback, undeploy, "
            "delete) as the audit event deployment.<action>. Internal: only the deploy "
            "subgraph calls it, so it is not part of the gateway's API."
        ),
        inaccessible=True,
        requires_scopes=[[DEPLOY_SCOPE]],
    )
    async def record_deployment_event(
        self,
        info: strawberry.Info,
        version_id: strawberry.ID,
        action: str,
        environment: str,
        deployment: str,
        production: bool = False,
        details: JSON | None = None,
    ) -> AuditEvent:
        async with _database(info).write() as connection:
            record = await record_deployment_event(
                connection,
                _caller(info),
                parse_id(version_id, "versionId"),
                action,
                environment,
                deployment,
                production,
                details,
            )
        return AuditEvent.from_record(record)


@strawberry.type
class ApprovalMutation:
    @strawberry.mutation
    async def approve_model_version(
        self,
        info: strawberry.Info,
        version_id: strawberry.ID,
        target_stage: Stage,
        comment: str | None = None,
    ) -> Approval:
        return await _decide(info, version_id, Stage(target_stage), "APPROVED", comment)

    @strawberry.mutation(description="Refuses with a comment saying what to change.")  # type: ignore[untyped-decorator]
    async def refuse_model_version(
        self,
        info: strawberry.Info,
        version_id: strawberry.ID,
        target_stage: Stage,
        comment: str,
    ) -> Approval:
        return await _decide(info, version_id, Stage(target_stage), "REFUSED", comment)

    @strawberry.mutation(description="Withdraws the caller's own standing decision.")  # type: ignore[untyped-decorator]
    async def withdraw_approval(
        self, info: strawberry.Info, version_id: strawberry.ID, target_stage: Stage
    ) -> Approval:
        async with _database(info).write() as connection:
            record = await approval_store.withdraw_approval(
                connection, _caller(info), parse_id(version_id), Stage(target_stage)
            )
        return Approval.from_record(record)


async def _decide(
    info: strawberry.Info,
    version_id: strawberry.ID,
    target: Stage,
    decision: str,
    comment: str | None,
) -> Approval:
    async with _database(info).write() as connection:
        record = await approval_store.decide_approval(
            connection, _caller(info), parse_id(version_id), target, decision, comment
        )
    return Approval.from_record(record)
