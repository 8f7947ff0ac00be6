"""The governance configuration: approvals required per risk tier, read from a YAML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from common import settings

GOVERNANCE_CONFIG = settings.declare(
    "MODELPLANE_GOVERNANCE_CONFIG",
    None,
    "Path of the governance YAML file (approvals.LOW/MEDIUM/HIGH: approvals a version needs "
    "to reach an APPROVED_* stage); defaults LOW 1, MEDIUM 1, HIGH 2.",
)

RISK_TIERS = ("LOW", "MEDIUM", "HIGH")
DEFAULT_APPROVALS = {"LOW": 1, "MEDIUM": 1, "HIGH": 2}


@dataclass(frozen=True, slots=True)
class GovernanceConfig:
    approvals: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_APPROVALS))

    def approvals_needed(self, risk_tier: str | None) -> int:
        return self.approvals.get(risk_tier or "LOW", DEFAULT_APPROVALS["LOW"])


def parse_config(text: str) -> GovernanceConfig:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise RuntimeError("the governance config must be a YAML mapping")
    approvals = dict(DEFAULT_APPROVALS)
    for tier, count in (data.get("approvals") or {}).items():
        if tier not in RISK_TIERS or not isinstance(count, int) or count < 0:
            raise RuntimeError(f"governance config: approvals.{tier} must be a count >= 0")
        approvals[tier] = count
    return GovernanceConfig(approvals=approvals)


def load_config() -> GovernanceConfig:
    """Read on every call so that an edited file takes effect without a restart."""
    path = GOVERNANCE_CONFIG.get()
    if not path:
        return GovernanceConfig()
    return parse_config(Path(path).read_text())
