"""Modelplane's typed Python client: the generated GraphQL client and a layer for pipeline code."""

from __future__ import annotations

from .generated import GraphQLClient
from .pipeline import (
    ApprovalSubmission,
    Modelplane,
    ModelplaneError,
    RegisteredVersion,
    deploy,
    get_model_version,
    register_model,
    submit_for_approval,
)

__all__ = [
    "ApprovalSubmission",
    "GraphQLClient",
    "Modelplane",
    "ModelplaneError",
    "RegisteredVersion",
    "deploy",
    "get_model_version",
    "register_model",
    "submit_for_approval",
]
