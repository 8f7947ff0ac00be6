"""Governance of model versions: lifecycle stages, approvals, the audit chain, evidence bundles."""
