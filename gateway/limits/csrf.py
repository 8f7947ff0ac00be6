"""CSRF prevention: refuse requests a browser would send cross-site without a CORS preflight."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from common.headers import LowercaseHeaders
from gateway.limits.errors import CsrfRejected

# Content types a cross-site <form> or fetch() may send without a preflight.
SIMPLE_CONTENT_TYPES = frozenset(
    {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"}
)
PREFLIGHT_HEADERS = ("x-modelplane-csrf", "apollo-require-preflight", "x-apollo-operation-name")


def needs_preflight(
    method: str,
    headers: Mapping[str, str],
    required_headers: Iterable[str] = PREFLIGHT_HEADERS,
) -> bool:
    """Whether a browser must have asked (preflight) before sending this request cross-site:
    it carries a non-empty custom header, or it is a POST whose content type is not simple."""
    lowered = (
        headers
        if isinstance(headers, LowercaseHeaders)
        else {key.lower(): value for key, value in headers.items()}
    )
    for name in required_headers:
        value = lowered.get(name.lower())
        if value and value.strip():
            return True
    if method != "POST" and method.upper() != "POST":
        return False
    content_type = lowered.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    return bool(mime) and mime not in SIMPLE_CONTENT_TYPES


def check_csrf(
    method: str,
    headers: Mapping[str, str],
    required_headers: Iterable[str] = PREFLIGHT_HEADERS,
) -> None:
    if not needs_preflight(method, headers, required_headers):
        raise CsrfRejected(
            "this request could have been sent cross-site without a CORS preflight",
            suggestion="send 'content-type: application/json', or a non-empty "
            "'x-modelplane-csrf' (or 'apollo-require-preflight') header",
        )
