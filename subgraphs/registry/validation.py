"""Checks on values from callers before they reach the database: ids, text, lengths."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import JSON, String, Table, Text

from common.errors import BadUserInput

MAX_ID = 2**63 - 1
MAX_TEXT_LENGTH = 1_000_000
MAX_LIST_ITEMS = 256


def parse_id(value: str | int, what: str = "id") -> int:
    """A database id from its GraphQL form (a string of digits)."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        raise BadUserInput(f"{what} {str(value)[:40]!r} is not a valid id")
    number = int(text)
    if not 0 < number <= MAX_ID:
        raise BadUserInput(f"{what} {text!r} is out of range")
    return number


def check_text(field: str, value: str, max_length: int = MAX_TEXT_LENGTH) -> str:
    if "\x00" in value:
        raise BadUserInput(f"{field} must not contain NUL characters")
    if len(value) > max_length:
        raise BadUserInput(f"{field} is longer than {max_length} characters")
    return value


def check_name(field: str, value: str, max_length: int = 255) -> str:
    check_text(field, value, max_length)
    if not value.strip():
        raise BadUserInput(f"{field} must not be empty")
    return value


def check_row_values(table: Table, values: Mapping[str, Any]) -> None:
    """Every string against its column's length; every list of strings item by item."""
    for key, value in values.items():
        column = table.c[key]
        if isinstance(value, str):
            limit = MAX_TEXT_LENGTH
            if isinstance(column.type, String) and not isinstance(column.type, Text):
                limit = column.type.length or MAX_TEXT_LENGTH
            check_text(_graphql_name(key), value, limit)
        elif isinstance(value, list) and isinstance(column.type, JSON):
            if len(value) > MAX_LIST_ITEMS:
                raise BadUserInput(f"{_graphql_name(key)} has more than {MAX_LIST_ITEMS} items")
            for item in value:
                check_text(_graphql_name(key), str(item), 255)


def _graphql_name(column: str) -> str:
    head, *rest = column.split("_")
    return head + "".join(part.title() for part in rest)
