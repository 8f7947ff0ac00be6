"""Kubernetes API answers turned into Modelplane errors."""

from __future__ import annotations

import json

from common.errors import (
    BadUserInput,
    Conflict,
    FailedPrecondition,
    Forbidden,
    ModelplaneError,
    NotFound,
    Unavailable,
)


def error_from_status(status: int, body: str | bytes | None, *, what: str) -> ModelplaneError:
    """The Modelplane error for an HTTP status from the Kubernetes API server."""
    message = _status_message(body) or f"the Kubernetes API answered HTTP {status}"
    if status == 404:
        return NotFound(f"{what} not found: {message}")
    if status == 409:
        return Conflict(
            f"{what} changed concurrently or already exists: {message}",
            suggestion="read the latest resourceVersion and retry",
        )
    if status == 422:
        return BadUserInput(f"{what} is invalid: {message}", details=_causes(body))
    if status in (401, 403):
        return Forbidden(f"the cluster refused access to {what}: {message}")
    if status == 400:
        return BadUserInput(f"{what}: the Kubernetes API rejected the request: {message}")
    if status == 410:
        return Conflict(f"{what}: resourceVersion too old: {message}")
    if status in (429, 500, 502, 503, 504):
        return Unavailable(f"the Kubernetes API server is unavailable ({status}): {message}")
    return FailedPrecondition(f"{what}: the Kubernetes API answered HTTP {status}: {message}")


def unreachable(what: str, cause: BaseException) -> Unavailable:
    return Unavailable(
        f"the Kubernetes API server could not be reached while working on {what}: "
        f"{type(cause).__name__}: {cause}".rstrip(": "),
        suggestion="check MODELPLANE_KUBECONFIG / MODELPLANE_KUBE_HOST and that the cluster is up",
    )


def _decode(body: str | bytes | None) -> dict[str, object]:
    if not body:
        return {}
    try:
        data = json.loads(body)
    except (ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _status_message(body: str | bytes | None) -> str:
    data = _decode(body)
    message = data.get("message")
    if isinstance(message, str):
        return message
    if isinstance(body, bytes):
        return body.decode(errors="replace")[:300]
    return (body or "")[:300]


def _causes(body: str | bytes | None) -> list[dict[str, str]]:
    details = _decode(body).get("details")
    causes = details.get("causes") if isinstance(details, dict) else None
    if not isinstance(causes, list):
        return []
    return [
        {"field": str(c.get("field", "")), "message": str(c.get("message", ""))}
        for c in causes
        if isinstance(c, dict)
    ]
