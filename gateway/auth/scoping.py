"""Choosing a request's tenant and project: headers may narrow what the identity allows, never widen it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from common.errors import Forbidden
from gateway.auth.provider import PROJECT_HEADER, TENANT_HEADER, read_header


def select_tenant(allowed: Sequence[str], headers: Mapping[str, str], default_tenant: str) -> str:
    """The tenant the request acts in.

    `allowed` empty means the identity names no tenant and gets only the default one.
    """
    choices = list(allowed) or [default_tenant]
    requested = (read_header(headers, TENANT_HEADER) or "").strip()
    if not requested:
        return choices[0]
    if requested not in choices:
        raise Forbidden(
            f"tenant {requested!r} is not one your identity allows",
            suggestion="drop X-Tenant-Id or name one of your tenants",
        )
    return requested


def select_project(allowed: Sequence[str], headers: Mapping[str, str]) -> str | None:
    """The project the request acts in.

    `allowed` empty means the whole tenant: any project header narrows it.
    """
    requested = (read_header(headers, PROJECT_HEADER) or "").strip()
    if not requested:
        return allowed[0] if allowed else None
    if allowed and requested not in allowed:
        raise Forbidden(
            f"project {requested!r} is not one your identity allows",
            suggestion="drop X-Project-Id or name one of your projects",
        )
    return requested
