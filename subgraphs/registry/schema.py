"""The registry subgraph's Federation 2 schema."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ValidationCache

from common.authorization import REGISTRY_READ, REGISTRY_WRITE, require_scopes
from common.graphql_errors import ErrorCodes
from subgraphs.registry.mutations import Mutation
from subgraphs.registry.queries import Query
from subgraphs.registry.types import DataSet, DocArtifact, Metric, ModelArtifact, Parameter


def build_schema() -> strawberry.federation.Schema:
    return strawberry.federation.Schema(
        query=require_scopes(Query, REGISTRY_READ),
        mutation=require_scopes(Mutation, REGISTRY_WRITE),
        types=[ModelArtifact, DocArtifact, DataSet, Metric, Parameter],
        federation_version="2.11",
        # The gateway sends the same few documents over and over: validate each once. (Not
        # ParserCache: with it, syntax errors lose their extensions.code.)
        extensions=[
            ErrorCodes,
            ValidationCache,
        ],
    )
