"""Rejections of requests that break a limit, each with its own code and HTTP status."""

from __future__ import annotations

from common.errors import BadUserInput, Forbidden, ModelplaneError


class OperationLimitExceeded(BadUserInput):
    """The operation is too deep, too wide, too long or too costly."""

    code = "OPERATION_LIMIT_EXCEEDED"
    http_status = 400


class PayloadTooLarge(ModelplaneError):
    code = "PAYLOAD_TOO_LARGE"
    http_status = 413


class CsrfRejected(ModelplaneError):
    """A request a browser could send cross-site without a preflight."""

    code = "CSRF_REJECTED"
    http_status = 400


class IntrospectionDisabled(Forbidden):
    code = "INTROSPECTION_DISABLED"
    http_status = 403


class PersistedQueryNotFound(ModelplaneError):
    code = "PERSISTED_QUERY_NOT_FOUND"
    http_status = 400


class TrustedDocumentRequired(Forbidden):
    """In production, browser sessions may run only the web app's own operations."""

    code = "TRUSTED_DOCUMENT_REQUIRED"
    http_status = 403


class RateLimited(ModelplaneError):
    code = "RATE_LIMITED"
    http_status = 429


class OperationTimeout(ModelplaneError):
    code = "OPERATION_TIMEOUT"
    http_status = 504
