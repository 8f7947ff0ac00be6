"""Keyset pagination: sort keys, opaque cursors and the page a query returns."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Table, and_, or_
from sqlalchemy.sql.elements import ColumnElement

from common.errors import BadUserInput
from common.filtering import Expression

MAX_PAGE_SIZE = 1000


class OrderField(Enum):
    CREATE_TIME = "created_at"
    LAST_UPDATE_TIME = "updated_at"
    ID = "id"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Cursor:
    order: OrderField
    value: Any
    id: int


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Hashable, so that DataLoaders can batch the children of many parents by request."""

    first: int = 20
    after: Cursor | None = None
    order: OrderField = OrderField.ID
    descending: bool = False
    filter: Expression | None = None
    artifact_type: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[Any]
    cursors: list[str]
    has_next: bool
    has_previous: bool


def check_first(first: int | None) -> int:
    if first is None:
        return 20
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise BadUserInput(f"first must be between 0 and {MAX_PAGE_SIZE}")
    return first


def encode_cursor(order: OrderField, row: Any) -> str:
    payload = json.dumps([order.name, getattr(row, order.value), row.id], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(text: str, order: OrderField) -> Cursor:
    try:
        padded = text + "=" * (-len(text) % 4)
        name, value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError, binascii.Error):
        raise BadUserInput("after is not a cursor this API returned") from None
    if name != order.name:
        raise BadUserInput(f"after is a cursor for orderBy {name}, not {order.name}")
    expected = str if order is OrderField.NAME else int
    if not isinstance(value, expected) or isinstance(value, bool) or not isinstance(row_id, int):
        raise BadUserInput("after is not a cursor this API returned")
    return Cursor(order, value, row_id)


def sort_columns(table: Table, request: PageRequest) -> list[ColumnElement[Any]]:
    key, row_id = table.c[request.order.value], table.c.id
    if request.descending:
        return [key.desc(), row_id.desc()]
    return [key.asc(), row_id.asc()]


def keyset_condition(table: Table, request: PageRequest) -> ColumnElement[bool] | None:
    """Rows strictly after the cursor in the requested order; inserts never shift a page."""
    cursor = request.after
    if cursor is None:
        return None
    key, row_id = table.c[request.order.value], table.c.id
    if request.order is OrderField.ID:
        return row_id < cursor.id if request.descending else row_id > cursor.id
    if request.descending:
        return or_(key < cursor.value, and_(key == cursor.value, row_id < cursor.id))
    return or_(key > cursor.value, and_(key == cursor.value, row_id > cursor.id))


def build_page(rows: list[Any], request: PageRequest) -> Page:
    has_next = len(rows) > request.first
    rows = rows[: request.first]
    return Page(
        rows=rows,
        cursors=[encode_cursor(request.order, row) for row in rows],
        has_next=has_next,
        has_previous=request.after is not None,
    )
