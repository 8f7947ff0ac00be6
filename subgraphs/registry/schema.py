"""The registry subgraph's Federation 2 schema."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ValidationCache
from strawberry.tools import merge_types

from common.authorization import (
    REGISTRY_READ,
    REGISTRY_WRITE,
    require_authentication,
    require_scopes,
)
from common.graphql_errors import ErrorCodes
from subgraphs.registry.governance.fields import (
    ApprovalMutation,
    GovernanceMutation,
    GovernanceQuery,
    IdentityQuery,
)
from subgraphs.registry.mutations import Mutation
from subgraphs.registry.queries import Query
from subgraphs.registry.types import DataSet, DocArtifact, Metric, ModelArtifact, Parameter

GOVERNANCE_APPROVE = [["governance:approve"]]


def build_schema() -> strawberry.federation.Schema:
    # Approval decisions need governance:approve; require_scopes leaves fields that already
    # declare scopes alone, so the blanket registry:write below does not override it.
    approvals = require_scopes(ApprovalMutation, GOVERNANCE_APPROVE)
    # `me` needs only an identified caller, not registry:read.
    identity = require_authentication(IdentityQuery)
    query = merge_types("Query", (Query, GovernanceQuery, identity))
    mutation = merge_types("Mutation", (Mutation, GovernanceMutation, approvals))
    return strawberry.federation.Schema(
        query=require_scopes(query, REGISTRY_READ),
        mutation=require_scopes(mutation, REGISTRY_WRITE),
        types=[ModelArtifact, DocArtifact, DataSet, Metric, Parameter],
        federation_version="2.11",
        # The gateway sends the same few documents over and over: validate each once. (Not
        # ParserCache: with it, syntax errors lose their extensions.code.)
        extensions=[
            ErrorCodes,
            ValidationCache,
        ],
    )
