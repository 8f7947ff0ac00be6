"""Errors every component raises; they become GraphQL errors or HTTP statuses only at the edge."""

from __future__ import annotations

from typing import Any


class ModelplaneError(Exception):
    """Base error: a message for the user, a stable code, and structured extensions."""

    code = "INTERNAL_SERVER_ERROR"
    http_status = 500

    def __init__(self, message: str, *, suggestion: str | None = None, **extensions: Any) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion
        self.extra = extensions

    def extensions(self) -> dict[str, Any]:
        ext: dict[str, Any] = {"code": self.code}
        if self.suggestion:
            ext["suggestion"] = self.suggestion
        ext.update(self.extra)
        return ext


class BadUserInput(ModelplaneError):
    code = "BAD_USER_INPUT"
    http_status = 400


class NotFound(ModelplaneError):
    code = "NOT_FOUND"
    http_status = 404


class Conflict(ModelplaneError):
    code = "CONFLICT"
    http_status = 409


class Unauthenticated(ModelplaneError):
    code = "UNAUTHENTICATED"
    http_status = 401


class Forbidden(ModelplaneError):
    code = "FORBIDDEN"
    http_status = 403


class Unavailable(ModelplaneError):
    code = "UNAVAILABLE"
    http_status = 503


class FailedPrecondition(ModelplaneError):
    code = "FAILED_PRECONDITION"
    http_status = 400
