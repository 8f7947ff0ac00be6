"""Governance's root fields and the resolvers the registry's types delegate to."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import strawberry
from strawberry.scalars import JSON

from common.errors import BadUserInput, Forbidden
from common.tenancy import Caller
from subgraphs.registry.connections import Connection, build_connection
from subgraphs.registry.database import Database
from subgraphs.registry.governance import approvals as approval_store
from subgraphs.registry.governance import audit, evaluations, inbox, lifecycle
from subgraphs.registry.governance.bundle import build_bundle
from subgraphs.registry.governance.config import GovernanceConfig, load_config
from subgraphs.registry.governance.deployments import DEPLOY_SCOPE, record_deployment_event
from subgraphs.registry.governance.evaluations import MetricSpec
from subgraphs.registry.governance.policies import evaluate_policies
from subgraphs.registry.governance.stages import APPROVAL_STAGES, Stage
from subgraphs.registry.governance.types import (
    Approval,
    ApprovalRequest,
    ApprovalRequestState,
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
    iso_millis,
)
from subgraphs.registry.governance.types import (
    Caller as CallerType,
)
from subgraphs.registry.pagination import (
    OrderField,
    Page,
    check_first,
    decode_cursor,
    encode_cursor,
)
from subgraphs.registry.types import ModelVersion, RegisteredModel
from subgraphs.registry.validation import check_text, parse_id

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


def _approval_request(
    record: dict[str, Any], decisions: inbox.Decisions, config: GovernanceConfig
) -> ApprovalRequest:
    return ApprovalRequest(
        id=strawberry.ID(str(record["id"])),
        model_version_id=strawberry.ID(str(record["model_version_id"])),
        target_stage=Stage(record["target_stage"]),
        requested_by=record["actor"],
        comment=record["comment"],
        created_at=iso_millis(record["created_at"]),
        state=ApprovalRequestState.OPEN if record["is_open"] else ApprovalRequestState.CLOSED,
        version_stage=Stage(record["version_stage"]),
        approvals_needed=config.approvals_needed(record["risk_tier"]),
        approved_by=list(decisions.approvers),
        refused_by=list(decisions.refusers),
        decisions=[Approval.from_record(r) for r in decisions.records],
    )


@strawberry.type
class IdentityQuery:
    @strawberry.field(description="Who I am: the caller's user, tenant, project, roles, scopes and groups.")  # type: ignore[untyped-decorator]
    def me(self, info: strawberry.Info) -> CallerType:
        caller = _caller(info)
        return CallerType(
            user=caller.user,
            tenant=caller.tenant,
            project=caller.project,
            roles=list(caller.roles),
            scopes=sorted(caller.scopes),
            groups=list(caller.groups),
        )


@strawberry.type
class GovernanceQuery:
    @strawberry.field(description="The approvals inbox: approval requests across the tenant's versions, oldest first.")  # type: ignore[untyped-decorator]
    async def approval_requests(
        self,
        info: strawberry.Info,
        state: ApprovalRequestState | None = ApprovalRequestState.OPEN,
        target_stage: Stage | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[ApprovalRequest]:
        if target_stage is not None and Stage(target_stage) not in APPROVAL_STAGES:
            raise BadUserInput(
                f"targetStage must be one of {', '.join(s.value for s in APPROVAL_STAGES)}"
            )
        size = check_first(first)
        cursor = decode_cursor(check_text("after", after, 1_000), OrderField.ID) if after else None
        query = inbox.InboxQuery(
            state=inbox.RequestState(state.value) if state is not None else None,
            target=Stage(target_stage) if target_stage is not None else None,
            after_id=cursor.id if cursor is not None else 0,
            limit=size,
        )
        tenant = _caller(info).tenant
        config = load_config()
        async with _database(info).read() as connection:
            records = await inbox.fetch_requests(connection, tenant, query)
            rows = records[:size]
            decisions = await inbox.standing_decisions(
                connection, tenant, [(r["model_version_id"], r["target_stage"]) for r in rows]
            )

        async def count_total() -> int:
            async with _database(info).read() as connection:
                return await inbox.count_requests(connection, tenant, query)

        page = Page(
            rows=rows,
            cursors=[encode_cursor(OrderField.ID, SimpleNamespace(id=r["id"])) for r in rows],
            has_next=len(records) > size,
            has_previous=cursor is not None,
        )
        return build_connection(
            page,
            lambda r: _approval_request(
                r, decisions[(r["model_version_id"], r["target_stage"])], config
            ),
            count_total,
        )

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
