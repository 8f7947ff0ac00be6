"""Which request headers travel on to subgraphs."""

from __future__ import annotations

from collections.abc import Mapping

from common.tenancy import IDENTITY_HEADER, SIGNATURE_HEADER

# The signed caller (set by the request guard, never taken from the client) and the
# request id. A client's Authorization header stays at the gateway.
FORWARDED_HEADERS = (IDENTITY_HEADER, SIGNATURE_HEADER, "x-request-id")


def forward_default_headers(headers: Mapping[str, str], _: str) -> Mapping[str, str]:
    return {name: headers[name] for name in FORWARDED_HEADERS if name in headers}
