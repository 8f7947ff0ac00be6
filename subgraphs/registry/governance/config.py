"""The governance configuration: approvals required per risk tier, read from a YAML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from common import settings
from common.settings import ConfigurationError

GOVERNANCE_CONFIG = settings.declare(
    "MODELPLANE_GOVERNANCE_CONFIG",
    None,
    "Path of the governance YAML file: approvals.LOW/MEDIUM/HIGH (approvals a version needs "
    "to reach an APPROVED_* stage; defaults LOW 1, MEDIUM 1, HIGH 2), version and policies "
    "(see docs/governance.md).",
)

RISK_TIERS = ("LOW", "MEDIUM", "HIGH")
DEFAULT_APPROVALS = {"LOW": 1, "MEDIUM": 1, "HIGH": 2}


@dataclass(frozen=True, slots=True)
class GovernanceConfig:
    approvals: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_APPROVALS))
    # Raw policy entries; subgraphs.registry.governance.policies parses and checks them.
    policies: list[dict[str, Any]] = field(default_factory=list)
    version: str = "0"

    def approvals_needed(self, risk_tier: str | None) -> int:
        return self.approvals.get(risk_tier or "LOW", DEFAULT_APPROVALS["LOW"])


def parse_config(text: str) -> GovernanceConfig:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ConfigurationError("the governance config must be a YAML mapping")
    approvals = dict(DEFAULT_APPROVALS)
    for tier, count in (data.get("approvals") or {}).items():
        if tier not in RISK_TIERS or not isinstance(count, int) or count < 0:
            raise ConfigurationError(f"governance config: approvals.{tier} must be a count >= 0")
        approvals[tier] = count
    policies = data.get("policies") or []
    if not isinstance(policies, list) or not all(isinstance(p, dict) for p in policies):
        raise ConfigurationError("governance config: policies must be a list of mappings")
    return GovernanceConfig(
        approvals=approvals, policies=policies, version=str(data.get("version", "0"))
    )


def load_config() -> GovernanceConfig:
    """Read on every call so that an edited file takes effect without a restart."""
    path = GOVERNANCE_CONFIG.get()
    if not path:
        return GovernanceConfig()
    return parse_config(Path(path).read_text())
