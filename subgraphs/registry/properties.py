"""Typed custom properties: validation, storage rows and the exact round trip back."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from common.errors import BadUserInput
from subgraphs.registry.validation import check_name, check_text

PROPERTY_TYPES = ("STRING", "INT", "DOUBLE", "BOOL", "STRUCT")
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_PROPERTIES = 256
MAX_STRUCT_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class PropertyDraft:
    """A property as the caller sent it: a name, an optional type and the values given."""

    name: str
    type: str | None = None
    string_value: str | None = None
    int_value: str | None = None
    double_value: float | None = None
    bool_value: bool | None = None
    struct_value: Any = None
    has_struct: bool = False


@dataclass(frozen=True, slots=True)
class PropertyValue:
    name: str
    type: str
    string_value: str | None = None
    int_value: int | None = None
    double_value: float | None = None
    bool_value: bool | None = None
    struct_value: Any = None

    @property
    def is_label(self) -> bool:
        return self.type == "STRING" and self.string_value == ""


def validate_properties(drafts: list[PropertyDraft]) -> list[PropertyValue]:
    if len(drafts) > MAX_PROPERTIES:
        raise BadUserInput(f"at most {MAX_PROPERTIES} custom properties per entity")
    seen: set[str] = set()
    values = []
    for draft in drafts:
        check_name("customProperties.name", draft.name)
        if draft.name in seen:
            raise BadUserInput(f"custom property {draft.name!r} is given twice")
        seen.add(draft.name)
        values.append(validate_property(draft))
    return values


def validate_property(draft: PropertyDraft) -> PropertyValue:
    given = {
        "STRING": draft.string_value is not None,
        "INT": draft.int_value is not None,
        "DOUBLE": draft.double_value is not None,
        "BOOL": draft.bool_value is not None,
        "STRUCT": draft.has_struct,
    }
    kinds = [kind for kind, present in given.items() if present]
    if len(kinds) != 1:
        raise BadUserInput(
            f"custom property {draft.name!r} needs exactly one value",
            suggestion="set one of stringValue, intValue, doubleValue, boolValue, structValue",
        )
    kind = kinds[0]
    if draft.type is not None and draft.type != kind:
        raise BadUserInput(f"custom property {draft.name!r} is typed {draft.type} but has a {kind}")
    if kind == "STRING":
        assert draft.string_value is not None
        return PropertyValue(
            draft.name, kind, string_value=check_text(draft.name, draft.string_value)
        )
    if kind == "INT":
        return PropertyValue(draft.name, kind, int_value=parse_int64(draft.name, draft.int_value))
    if kind == "DOUBLE":
        assert draft.double_value is not None
        if not math.isfinite(draft.double_value):
            raise BadUserInput(f"custom property {draft.name!r} must be a finite number")
        return PropertyValue(draft.name, kind, double_value=float(draft.double_value))
    if kind == "BOOL":
        return PropertyValue(draft.name, kind, bool_value=bool(draft.bool_value))
    encoded = encode_struct(draft.name, draft.struct_value)
    return PropertyValue(draft.name, kind, struct_value=json.loads(encoded))


def parse_int64(name: str, text: str | None) -> int:
    raw = (text or "").strip()
    body = raw[1:] if raw[:1] in "+-" else raw
    if not body.isascii() or not body.isdigit() or len(body) > 20:
        raise BadUserInput(f"custom property {name!r}: intValue {raw[:40]!r} is not an integer")
    number = int(raw)
    if not INT64_MIN <= number <= INT64_MAX:
        raise BadUserInput(f"custom property {name!r}: intValue is outside the 64-bit range")
    return number


def encode_struct(name: str, value: Any) -> str:
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        raise BadUserInput(f"custom property {name!r}: structValue is not valid JSON") from None
    if len(encoded.encode()) > MAX_STRUCT_BYTES:
        raise BadUserInput(f"custom property {name!r}: structValue is larger than 1 MB")
    if "\x00" in encoded:
        raise BadUserInput(f"custom property {name!r}: structValue must not contain NUL")
    return encoded


def property_rows(
    tenant: str, entity_kind: str, entity_id: int, values: list[PropertyValue]
) -> list[dict[str, Any]]:
    return [
        {
            "tenant_id": tenant,
            "entity_kind": entity_kind,
            "entity_id": entity_id,
            "name": value.name,
            "value_type": value.type,
            "string_value": value.string_value,
            "int_value": value.int_value,
            "double_value": value.double_value,
            "bool_value": value.bool_value,
            "struct_value": None
            if value.type != "STRUCT"
            else encode_struct(value.name, value.struct_value),
        }
        for value in values
    ]


def property_from_row(row: Any) -> PropertyValue:
    struct = json.loads(row.struct_value) if row.struct_value is not None else None
    return PropertyValue(
        name=row.name,
        type=row.value_type,
        string_value=row.string_value,
        int_value=row.int_value,
        double_value=row.double_value,
        bool_value=row.bool_value,
        struct_value=struct,
    )
