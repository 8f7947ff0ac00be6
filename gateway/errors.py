"""Errors raised inside the gateway before a response is shaped."""

from __future__ import annotations

from common.errors import BadUserInput, ModelplaneError


class SupergraphError(ModelplaneError):
    """The supergraph SDL cannot be used."""

    code = "INVALID_SUPERGRAPH"


class GraphQLValidationFailed(BadUserInput):
    code = "GRAPHQL_VALIDATION_FAILED"


class GraphQLParseFailed(BadUserInput):
    code = "GRAPHQL_PARSE_FAILED"


class PlanningError(ModelplaneError):
    """No plan can satisfy the operation with the supergraph's subgraphs."""

    code = "QUERY_PLANNING_FAILED"
