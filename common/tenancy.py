"""The caller's identity and tenant, carried from the gateway to subgraphs in signed headers."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from common.errors import Unauthenticated

IDENTITY_HEADER = "x-modelplane-identity"
SIGNATURE_HEADER = "x-modelplane-signature"
MAX_SKEW_SECONDS = 300


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking, for which tenant and project, with which roles and scopes."""

    user: str = "local-admin"
    tenant: str = "default"
    project: str | None = None
    roles: tuple[str, ...] = ("admin",)
    scopes: frozenset[str] = field(default_factory=frozenset)
    groups: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "user": self.user,
            "tenant": self.tenant,
            "project": self.project,
            "roles": list(self.roles),
            "scopes": sorted(self.scopes),
            "groups": list(self.groups),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Caller:
        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key) or []
            if not isinstance(value, list):
                raise Unauthenticated(f"identity field {key!r} must be a list")
            return tuple(str(v) for v in value)

        project = data.get("project")
        return cls(
            user=str(data.get("user") or ""),
            tenant=str(data.get("tenant") or ""),
            project=str(project) if project else None,
            roles=strings("roles"),
            scopes=frozenset(strings("scopes")),
            groups=strings("groups"),
        )


def sign_caller(caller: Caller, secret: str, now: float | None = None) -> dict[str, str]:
    """Headers that carry `caller` to a subgraph, signed with the shared secret."""
    payload = base64.urlsafe_b64encode(
        json.dumps(caller.to_json(), separators=(",", ":")).encode()
    ).decode()
    stamp = str(int(now if now is not None else time.time()))
    mac = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return {IDENTITY_HEADER: payload, SIGNATURE_HEADER: f"t={stamp},v1={mac}"}


def verify_caller(
    headers: Mapping[str, str], secret: str | None, now: float | None = None
) -> Caller | None:
    """The caller the signed headers name; None when no identity was sent.

    Raises Unauthenticated when a secret is configured and the signature is missing,
    stale or wrong.
    """
    payload = headers.get(IDENTITY_HEADER)
    signature = headers.get(SIGNATURE_HEADER)
    if secret is None:
        if payload is None:
            return None
        return _decode(payload)
    if payload is None or signature is None:
        raise Unauthenticated("this subgraph only accepts calls signed by the gateway")
    parts = dict(p.split("=", 1) for p in signature.split(",") if "=" in p)
    stamp, mac = parts.get("t", ""), parts.get("v1", "")
    expected = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, expected):
        raise Unauthenticated("the gateway signature on this call is invalid")
    current = now if now is not None else time.time()
    if not stamp.isdigit() or abs(current - int(stamp)) > MAX_SKEW_SECONDS:
        raise Unauthenticated("the gateway signature on this call has expired")
    return _decode(payload)


def _decode(payload: str) -> Caller:
    try:
        data = json.loads(base64.urlsafe_b64decode(payload.encode()))
    except (ValueError, TypeError):
        raise Unauthenticated("the identity header is not valid base64 JSON") from None
    if not isinstance(data, dict):
        raise Unauthenticated("the identity header must be a JSON object")
    return Caller.from_json(data)
