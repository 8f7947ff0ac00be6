"""OpenAPI v3 structural-schema validation and pruning, as kube-apiserver does for custom resources."""

from __future__ import annotations

import json
import re
from typing import Any


def _show(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else json.dumps(value, default=str)


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    return True


def validate(schema: dict[str, Any], value: Any, path: str) -> list[tuple[str, str]]:
    """(field, message) for every way `value` breaks `schema`, in kube-apiserver's wording."""
    if value is None:
        return [] if schema.get("nullable") else [(path, f"{path}: Invalid value: \"null\": {path} in body must be of type {schema.get('type', 'object')}: \"null\"")] if "type" in schema else []
    causes: list[tuple[str, str]] = []
    if schema.get("x-kubernetes-int-or-string"):
        if not (isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))):
            causes.append((path, f"{path}: Invalid value: {_show(value)}: {path} in body must be of type integer,string: {_show(value)}"))
            return causes
    elif "type" in schema and not _type_ok(schema["type"], value):
        found = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}.get(type(value), "unknown")
        causes.append((path, f"{path}: Invalid value: \"{found}\": {path} in body must be of type {schema['type']}: \"{found}\""))
        return causes
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(_show(v) for v in schema["enum"])
        causes.append((path, f"{path}: Unsupported value: {_show(value)}: supported values: {allowed}"))
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        causes.append((path, f"{path}: Invalid value: {_show(value)}: {path} in body should match '{schema['pattern']}'"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            causes.append((path, f"{path}: Invalid value: {value}: {path} in body should be greater than or equal to {schema['minimum']}"))
        if "maximum" in schema and value > schema["maximum"]:
            causes.append((path, f"{path}: Invalid value: {value}: {path} in body should be less than or equal to {schema['maximum']}"))
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for name in schema.get("required") or []:
            if name not in value:
                causes.append((f"{path}.{name}", f"{path}.{name}: Required value"))
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                causes.extend(validate(properties[key], item, f"{path}.{key}"))
            elif isinstance(extra, dict):
                causes.extend(validate(extra, item, f"{path}[{key}]"))
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            causes.extend(validate(schema["items"], item, f"{path}[{index}]"))
    return causes


def prune(schema: dict[str, Any], value: Any) -> Any:
    """`value` without the fields its schema does not know (kube-apiserver drops them silently)."""
    if isinstance(value, dict):
        if schema.get("x-kubernetes-preserve-unknown-fields"):
            properties = schema.get("properties") or {}
            return {k: prune(properties[k], v) if k in properties else v for k, v in value.items()}
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        if properties is None and extra is None:
            return value if schema.get("type") != "object" else {}
        out = {}
        for key, item in value.items():
            if properties and key in properties:
                out[key] = prune(properties[key], item)
            elif isinstance(extra, dict):
                out[key] = prune(extra, item)
            elif extra is True:
                out[key] = item
        return out
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [prune(schema["items"], item) for item in value]
    return value
