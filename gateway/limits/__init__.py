"""Request hardening: size, shape and cost limits, CSRF, introspection, trusted documents, rates."""

from __future__ import annotations

from gateway.limits.body import check_content_length, read_body
from gateway.limits.cost import CostCalculator, CostModel, check_cost, estimate_cost
from gateway.limits.csrf import check_csrf, needs_preflight
from gateway.limits.errors import (
    CsrfRejected,
    IntrospectionDisabled,
    OperationLimitExceeded,
    OperationTimeout,
    PayloadTooLarge,
    PersistedQueryNotFound,
    RateLimited,
    TrustedDocumentRequired,
)
from gateway.limits.introspection import check_introspection, uses_introspection
from gateway.limits.operation import OperationLimits, check_operation_limits
from gateway.limits.rate_limit import (
    LocalRateLimiter,
    RateDecision,
    RateLimiter,
    RedisRateLimiter,
    build_rate_limiter,
    check_rate_limit,
    rate_limit_key,
)
from gateway.limits.request import RequestLimits
from gateway.limits.settings import LimitSettings
from gateway.limits.shape import (
    check_aliases,
    check_depth,
    check_root_fields,
    count_aliases,
    count_root_fields,
    measure_depth,
)
from gateway.limits.timeout import run_with_timeout
from gateway.limits.tokens import check_tokens, count_tokens
from gateway.limits.trusted_documents import (
    TrustedDocuments,
    is_browser_request,
    requested_document_id,
    resolve_document,
)

__all__ = [
    "CostCalculator",
    "CostModel",
    "CsrfRejected",
    "IntrospectionDisabled",
    "LimitSettings",
    "LocalRateLimiter",
    "OperationLimitExceeded",
    "OperationLimits",
    "OperationTimeout",
    "PayloadTooLarge",
    "PersistedQueryNotFound",
    "RateDecision",
    "RateLimited",
    "RateLimiter",
    "RedisRateLimiter",
    "RequestLimits",
    "TrustedDocumentRequired",
    "TrustedDocuments",
    "build_rate_limiter",
    "check_aliases",
    "check_content_length",
    "check_cost",
    "check_csrf",
    "check_depth",
    "check_introspection",
    "check_operation_limits",
    "check_rate_limit",
    "check_root_fields",
    "check_tokens",
    "count_aliases",
    "count_root_fields",
    "count_tokens",
    "estimate_cost",
    "is_browser_request",
    "measure_depth",
    "needs_preflight",
    "rate_limit_key",
    "read_body",
    "requested_document_id",
    "resolve_document",
    "run_with_timeout",
    "uses_introspection",
]
