"""The registry subgraph's Federation 2 schema."""

from __future__ import annotations

import strawberry

from common.graphql_errors import ErrorCodes
from subgraphs.registry.mutations import Mutation
from subgraphs.registry.queries import Query
from subgraphs.registry.types import DataSet, DocArtifact, Metric, ModelArtifact, Parameter


def build_schema() -> strawberry.federation.Schema:
    return strawberry.federation.Schema(
        query=Query,
        mutation=Mutation,
        types=[ModelArtifact, DocArtifact, DataSet, Metric, Parameter],
        federation_version="2.11",
        extensions=[ErrorCodes],
    )
