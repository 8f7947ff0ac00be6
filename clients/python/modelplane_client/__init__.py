"""Modelplane's typed Python client: the generated GraphQL client and a layer for pipeline code."""

from __future__ import annotations

from .generated import GraphQLClient
from .pipeline import (
    Modelplane,
    ModelplaneError,
    RegisteredVersion,
    deploy,
    get_model_version,
    register_model,
)

__all__ = [
    "GraphQLClient",
    "Modelplane",
    "ModelplaneError",
    "RegisteredVersion",
    "deploy",
    "get_model_version",
    "register_model",
]
