"""Relay connections: edges, nodes, pageInfo and a totalCount computed only when asked for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry

from common.filtering import parse_filter
from subgraphs.registry.enums import OrderByField, SortOrder
from subgraphs.registry.pagination import Page, PageRequest, check_first, decode_cursor
from subgraphs.registry.validation import check_text

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count_total: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count_total()


def build_connection(
    page: Page, to_node: Callable[[Any], Any], count_total: Callable[[], Awaitable[int]]
) -> Connection[Any]:
    edges: list[Edge[Any]] = [
        Edge(cursor=cursor, node=to_node(row))
        for row, cursor in zip(page.rows, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        count_total=count_total,
    )


def build_page_request(
    first: int | None,
    after: str | None,
    filter_query: str | None,
    order_by: OrderByField | None,
    sort_order: SortOrder | None,
    artifact_type: str | None = None,
) -> PageRequest:
    order = (order_by or OrderByField.ID).field
    expression = None
    if filter_query is not None and filter_query.strip():
        expression = parse_filter(check_text("filterQuery", filter_query, 10_000))
    return PageRequest(
        first=check_first(first),
        after=decode_cursor(check_text("after", after, 1_000), order) if after else None,
        order=order,
        descending=sort_order is SortOrder.DESC,
        filter=expression,
        artifact_type=artifact_type,
    )
