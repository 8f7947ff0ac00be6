"""Declarative policies checked at each transition: rules, their parsing, and their evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import FailedPrecondition
from common.settings import ConfigurationError
from subgraphs.registry.entities import MODEL_VERSION, REGISTERED_MODEL
from subgraphs.registry.governance.config import GovernanceConfig
from subgraphs.registry.governance.evaluations import fetch_results
from subgraphs.registry.governance.stages import Stage
from subgraphs.registry.repository import writes
from subgraphs.registry.tables import artifacts, custom_properties

SHA256_HEX_LENGTH = 64

RULES = ("artifact_digest_and_license", "evaluation_passed", "model_card", "bias_evaluation")


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    rule: str
    stages: tuple[str, ...]
    risk_tiers: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)

    def applies(self, target: Stage, risk_tier: str) -> bool:
        stage_ok = not self.stages or target.value in self.stages
        return stage_ok and (not self.risk_tiers or risk_tier in self.risk_tiers)


@dataclass(frozen=True, slots=True)
class PolicyResult:
    policy: str
    rule: str
    passed: bool
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "rule": self.rule,
            "passed": self.passed,
            "reason": self.reason,
        }


def parse_policies(entries: list[dict[str, Any]]) -> list[Policy]:
    policies = []
    for index, entry in enumerate(entries):
        rule = entry.get("rule")
        if rule not in RULES:
            raise ConfigurationError(f"policy {index}: rule must be one of {', '.join(RULES)}")
        if rule == "evaluation_passed" and not {"suite", "metric"} <= set(entry):
            raise ConfigurationError(f"policy {index}: evaluation_passed needs suite and metric")
        reserved = {"name", "rule", "stages", "risk_tiers"}
        policies.append(
            Policy(
                name=str(entry.get("name") or rule),
                rule=rule,
                stages=tuple(entry.get("stages") or ()),
                risk_tiers=tuple(entry.get("risk_tiers") or ()),
                params={k: v for k, v in entry.items() if k not in reserved},
            )
        )
    return policies


@dataclass(slots=True)
class Evidence:
    """What the rules look at, read once per check."""

    model: Any
    version: Any
    artifacts: list[Any]
    evaluations: list[dict[str, Any]]
    digests: dict[int, str]  # artifact id -> sha256


def _sha256_of(artifact: Any, properties: dict[int, str]) -> str | None:
    """A model artifact's sha256: its digest, a `sha256` custom property, or an OCI URI's."""
    for candidate in (artifact.digest, properties.get(artifact.id), artifact.uri):
        if candidate and "sha256:" in candidate:
            candidate = candidate.rsplit("sha256:", 1)[1]
        if candidate and len(candidate) == SHA256_HEX_LENGTH:
            return str(candidate)
    return None


async def gather_evidence(connection: AsyncConnection, tenant: str, version_id: int) -> Evidence:
    version = await writes.require_row(connection, MODEL_VERSION, tenant, version_id)
    model = await writes.require_row(
        connection, REGISTERED_MODEL, tenant, version.registered_model_id
    )
    rows = await connection.execute(
        select(artifacts).where(
            artifacts.c.tenant_id == tenant,
            artifacts.c.parent_kind == "version",
            artifacts.c.parent_id == version_id,
        )
    )
    found = list(rows)
    properties: dict[int, str] = {}
    if found:
        property_rows = await connection.execute(
            select(custom_properties.c.entity_id, custom_properties.c.string_value).where(
                custom_properties.c.tenant_id == tenant,
                custom_properties.c.entity_kind == "artifact",
                custom_properties.c.entity_id.in_([row.id for row in found]),
                custom_properties.c.name == "sha256",
            )
        )
        properties = {row.entity_id: row.string_value for row in property_rows}
    digests = {a.id: d for a in found if (d := _sha256_of(a, properties)) is not None}
    evaluations = await fetch_results(connection, tenant, version_id)
    return Evidence(model, version, found, evaluations, digests)


def check_rule(policy: Policy, evidence: Evidence) -> PolicyResult:
    def result(passed: bool, reason: str) -> PolicyResult:
        return PolicyResult(policy.name, policy.rule, passed, reason)

    if policy.rule == "artifact_digest_and_license":
        digested = [
            a
            for a in evidence.artifacts
            if a.artifact_type == "model-artifact" and a.id in evidence.digests
        ]
        if not digested:
            return result(False, "no model artifact with a sha256 digest")
        if not evidence.model.license:
            return result(False, "the model has no licence")
        return result(
            True, f"artifact {digested[0].name} has a digest; licence {evidence.model.license}"
        )
    if policy.rule == "model_card":
        cards = [a for a in evidence.artifacts if a.artifact_type == "doc-artifact"]
        if cards or (evidence.model.readme or "").strip():
            return result(True, "a model card is present")
        return result(False, "no model card (a doc artifact on the version, or the model readme)")
    if policy.rule == "bias_evaluation":
        bias = [e for e in evidence.evaluations if e["kind"] == "BIAS"]
        if not bias:
            return result(False, "no bias evaluation recorded")
        failed = [e["metric"] for e in bias if not e["passed"]]
        if failed:
            return result(False, f"bias evaluation failed on {', '.join(failed)}")
        return result(True, "a bias evaluation passed")
    suite, metric = policy.params["suite"], policy.params["metric"]
    matching = [e for e in evidence.evaluations if e["suite"] == suite and e["metric"] == metric]
    if not matching:
        return result(False, f"no evaluation of {suite}.{metric}")
    latest = matching[-1]
    threshold = float(policy.params.get("threshold", latest["threshold"]))
    direction = str(policy.params.get("direction", latest["direction"]))
    value = float(latest["value"])
    passed = value >= threshold if direction == "higher" else value <= threshold
    sign = ">=" if direction == "higher" else "<="
    verdict = "meets" if passed else "does not meet"
    return result(passed, f"{suite}.{metric} = {value:g} {verdict} {sign} {threshold:g}")


async def evaluate_policies(
    connection: AsyncConnection,
    tenant: str,
    version_id: int,
    target: Stage,
    config: GovernanceConfig,
) -> list[PolicyResult]:
    evidence = await gather_evidence(connection, tenant, version_id)
    tier = evidence.model.risk_tier or "LOW"
    return [
        check_rule(policy, evidence)
        for policy in parse_policies(config.policies)
        if policy.applies(target, tier)
    ]


def require_passing(results: list[PolicyResult], target: Stage, policy_version: str) -> None:
    failures = [r for r in results if not r.passed]
    if not failures:
        return
    reasons = "; ".join(f"{r.policy}: {r.reason}" for r in failures)
    raise FailedPrecondition(
        f"policies block the move to {target.value}: {reasons}",
        policyVersion=policy_version,
        failedPolicies=[r.to_json() for r in failures],
    )
