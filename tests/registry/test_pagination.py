"""Keyset pagination: every order, both directions, and pages that hold still while rows arrive."""

from __future__ import annotations

from typing import Any

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import create_model

PAGE = """query($first: Int, $after: String, $order: OrderByField, $sort: SortOrder) {
  registeredModels(first: $first, after: $after, orderBy: $order, sortOrder: $sort) {
    totalCount edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def read_all(client: GraphQLClient, order: str, sort: str, first: int = 4) -> list[str]:
    names: list[str] = []
    after = None
    for _ in range(100):
        data = await client.data(
            PAGE, {"first": first, "after": after, "order": order, "sort": sort}
        )
        connection: dict[str, Any] = data["registeredModels"]
        names += [edge["node"]["name"] for edge in connection["edges"]]
        info = connection["pageInfo"]
        assert info["hasPreviousPage"] is (after is not None)
        if connection["edges"]:
            assert info["endCursor"] == connection["edges"][-1]["cursor"]
        if not info["hasNextPage"]:
            return names
        after = info["endCursor"]
    raise AssertionError("pagination did not end")


async def test_every_order_and_direction(client: GraphQLClient) -> None:
    # Created in an order unlike their names, so that NAME and ID orders differ.
    created = [f"m-{(i * 7) % 11:02d}" for i in range(11)]
    for name in created:
        await create_model(client, name)
    by_name = sorted(created)
    assert await read_all(client, "ID", "ASC") == created
    assert await read_all(client, "ID", "DESC") == created[::-1]
    assert await read_all(client, "CREATE_TIME", "ASC") == created
    assert await read_all(client, "CREATE_TIME", "DESC") == created[::-1]
    assert await read_all(client, "NAME", "ASC", first=3) == by_name
    assert await read_all(client, "NAME", "DESC", first=5) == by_name[::-1]
    assert await read_all(client, "LAST_UPDATE_TIME", "ASC", first=20) == created


async def test_pages_stay_stable_while_rows_are_inserted(client: GraphQLClient) -> None:
    for i in range(10):
        await create_model(client, f"n-{i * 2:02d}")  # n-00, n-02, ... n-18
    for order in ("ID", "NAME", "CREATE_TIME"):
        seen: list[str] = []
        after = None
        inserted = 0
        while True:
            data = await client.data(
                PAGE, {"first": 3, "after": after, "order": order, "sort": "ASC"}
            )
            connection = data["registeredModels"]
            seen += [edge["node"]["name"] for edge in connection["edges"]]
            # Insert rows that sort before, between and after the page just read.
            await create_model(client, f"n-{order}-{inserted:02d}")
            await create_model(client, f"a-{order}-{inserted:02d}")
            inserted += 1
            if not connection["pageInfo"]["hasNextPage"]:
                break
            after = connection["pageInfo"]["endCursor"]
        originals = [name for name in seen if name.count("-") == 1]
        assert len(seen) == len(set(seen)), "a row appeared twice"
        assert sorted(originals) == [f"n-{i * 2:02d}" for i in range(10)], "a row was skipped"


async def test_bad_paging_arguments(client: GraphQLClient) -> None:
    await create_model(client, "only")
    first_page = await client.data(PAGE, {"first": 1, "order": "NAME", "sort": "ASC"})
    cursor = first_page["registeredModels"]["pageInfo"]["endCursor"]
    cases = [
        {"first": -1},
        {"first": 100000},
        {"after": "not-a-cursor"},
        {"after": "e30"},
        {"after": cursor, "order": "ID"},  # a NAME cursor used for another order
    ]
    for variables in cases:
        result = await client.execute(PAGE, variables)
        assert error_codes(result) == ["BAD_USER_INPUT"], variables
    empty = await client.data(PAGE, {"first": 0})
    assert empty["registeredModels"]["edges"] == []
    assert empty["registeredModels"]["totalCount"] == 1


async def test_nested_connections_page_per_parent(client: GraphQLClient) -> None:
    for model in ("p", "q"):
        for version in range(5):
            await client.data(
                """mutation($n: String!, $v: String!) { registerModel(input: {name: $n,
                   versionName: $v, uri: "s3://x"}) { modelVersion { id } } }""",
                {"n": model, "v": f"v{version}"},
            )
    query = """query($after: String) { registeredModels(orderBy: NAME) { nodes { name
        versions(first: 2, after: $after, sortOrder: DESC) { totalCount
          pageInfo { hasNextPage endCursor } nodes { name } } } } }"""
    data = await client.data(query)
    nodes = data["registeredModels"]["nodes"]
    assert [n["versions"]["nodes"] for n in nodes] == [[{"name": "v4"}, {"name": "v3"}]] * 2
    assert all(
        n["versions"]["totalCount"] == 5 and n["versions"]["pageInfo"]["hasNextPage"] for n in nodes
    )
