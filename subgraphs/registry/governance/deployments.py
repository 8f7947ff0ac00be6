"""Deployment actions the deploy subgraph reports, as audit events of the model version."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import BadUserInput, Forbidden
from common.tenancy import Caller
from subgraphs.registry.entities import MODEL_VERSION
from subgraphs.registry.governance import audit
from subgraphs.registry.repository import writes
from subgraphs.registry.validation import check_name

# What deploy does to an InferenceService (subgraphs/deploy/deployments.py); each becomes
# the audit action `deployment.<action>`.
DEPLOYMENT_ACTIONS = (
    "create",
    "update",
    "rollout",
    "set_traffic",
    "promote",
    "rollback",
    "undeploy",
    "delete",
)
DEPLOY_SCOPE = "deploy:write"
DEPLOYER_ROLES = ("deployer", "admin")
MAX_DETAILS_CHARS = 16_384
# Keys the registry sets itself: details may not overwrite them.
RESERVED_KEYS = ("environment", "deployment", "production")


def is_deployer(caller: Caller) -> bool:
    return any(role in caller.roles for role in DEPLOYER_ROLES) or DEPLOY_SCOPE in caller.scopes


def check_event(
    caller: Caller, action: str, environment: str, deployment: str, details: Any
) -> dict[str, Any]:
    """The details as a dict, once the caller and the values are acceptable."""
    if not is_deployer(caller):
        raise Forbidden(f"recording a deployment needs the {DEPLOY_SCOPE} scope (the deployer role)")
    if action not in DEPLOYMENT_ACTIONS:
        raise BadUserInput(
            f"action {action[:40]!r} is not a deployment action; one of {', '.join(DEPLOYMENT_ACTIONS)}"
        )
    check_name("environment", environment, 253)
    check_name("deployment", deployment, 512)
    if details is None:
        details = {}
    if not isinstance(details, dict):
        raise BadUserInput("details must be a JSON object")
    if len(audit.canonical_json(details)) > MAX_DETAILS_CHARS:
        raise BadUserInput(f"details are longer than {MAX_DETAILS_CHARS} characters of JSON")
    clashing = sorted(set(details) & set(RESERVED_KEYS))
    if clashing:
        raise BadUserInput(f"details must not set {', '.join(clashing)}")
    return details


async def record_deployment_event(
    connection: AsyncConnection,
    caller: Caller,
    version_id: int,
    action: str,
    environment: str,
    deployment: str,
    production: bool,
    details: Any,
) -> dict[str, Any]:
    """Appends `deployment.<action>` to the chain, with the version as its entity (so the
    version's evidence bundle holds it); returns the event."""
    values = check_event(caller, action, environment, deployment, details)
    await writes.require_row(connection, MODEL_VERSION, caller.tenant, version_id)
    return await audit.append_event(
        connection,
        tenant=caller.tenant,
        actor=caller.user or "anonymous",
        action=f"deployment.{action}",
        entity_type="model_version",
        entity_id=version_id,
        after={
            **values,
            "environment": environment,
            "deployment": deployment,
            "production": production,
        },
    )
