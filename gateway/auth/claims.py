"""Reading roles, scopes, tenants and projects out of token claims by configurable paths."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def read_claim(claims: Mapping[str, Any], path: str) -> Any:
    """The claim at a dotted path ("realm_access.roles"); a claim whose own name holds dots
    (like "https://example.com/roles") is found by its whole name first."""
    if not path:
        return None
    if path in claims:
        return claims[path]
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def read_strings(claims: Mapping[str, Any], path: str) -> tuple[str, ...]:
    """A claim as a list of strings: a JSON list, or a space- or comma-separated string."""
    value = read_claim(claims, path)
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part for part in value.replace(",", " ").split() if part)
    if isinstance(value, list | tuple):
        return tuple(str(item) for item in value if isinstance(item, str | int) and str(item))
    return ()


def read_string(claims: Mapping[str, Any], path: str) -> str | None:
    value = read_claim(claims, path)
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    return None
