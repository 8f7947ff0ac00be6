"""Normalises gateway responses and compares ours with the reference gateway's."""

from __future__ import annotations

import json
from typing import Any

# Errors raised by fixture resolvers start with this; their message and path must pass through
# the gateway unchanged. Other messages (HTTP failures, validation) differ between gateways.
FIXTURE_ERROR_PREFIX = "fixture:"


def normalise_response(body: dict[str, Any]) -> dict[str, Any]:
    """Keeps data, and of each error its message, path and extensions.code/serviceName."""
    normalised: dict[str, Any] = {"data": body.get("data")}
    errors = body.get("errors")
    if errors:
        normalised["errors"] = [_normalise_error(error) for error in errors]
    return normalised


def _normalise_error(error: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {"message": error.get("message")}
    if error.get("path") is not None:
        kept["path"] = error["path"]
    extensions = error.get("extensions") or {}
    slim = {key: extensions[key] for key in ("code", "serviceName") if key in extensions}
    if slim:
        kept["extensions"] = slim
    return kept


def find_differences(actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Says how `actual` departs from `expected`; an empty list means they agree."""
    problems: list[str] = []
    expected_data, actual_data = expected.get("data"), actual.get("data")
    if actual_data != expected_data:
        problems.append(
            "data differs:\n  expected "
            + json.dumps(expected_data, sort_keys=True)
            + "\n  actual   "
            + json.dumps(actual_data, sort_keys=True)
        )
    elif _key_order(actual_data) != _key_order(expected_data):
        problems.append(
            "fields are not in the order the operation selects them:\n  expected "
            + json.dumps(expected_data)
            + "\n  actual   "
            + json.dumps(actual_data)
        )
    expected_errors = expected.get("errors") or []
    actual_errors = actual.get("errors") or []
    if bool(expected_errors) != bool(actual_errors):
        problems.append(
            f"expected {len(expected_errors)} error(s), got {len(actual_errors)}: "
            + json.dumps(actual_errors)
        )
    for error in expected_errors:
        if not _has_counterpart(error, actual_errors):
            problems.append("missing error like " + json.dumps(error))
    return problems


def _key_order(value: Any) -> Any:
    """The shape of a response with only its keys, in order (1 and 1.0 are the same number)."""
    if isinstance(value, dict):
        return [(key, _key_order(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_key_order(item) for item in value]
    return None


def _has_counterpart(error: dict[str, Any], candidates: list[dict[str, Any]]) -> bool:
    message = str(error.get("message", ""))
    strict = message.startswith(FIXTURE_ERROR_PREFIX)
    for candidate in candidates:
        if "path" in error and candidate.get("path") != error["path"]:
            continue
        if strict and candidate.get("message") != message:
            continue
        return True
    return False
