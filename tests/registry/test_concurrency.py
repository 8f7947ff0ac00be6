"""Concurrent registerModel calls: each succeeds or gets CONFLICT; nothing is duplicated or lost."""

from __future__ import annotations

import asyncio

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import register


async def test_twenty_concurrent_registrations_of_one_model(client: GraphQLClient) -> None:
    # 20 calls for 10 version names: the model does not exist yet, so all race to
    # create it, and every version name is asked for twice.
    names = [f"v{index % 10}" for index in range(20)]
    results = await asyncio.gather(*(register(client, "contended", name) for name in names))

    succeeded = [r["data"]["registerModel"] for r in results if "errors" not in r]
    failed = [r for r in results if "errors" in r]
    assert all(error_codes(r) == ["CONFLICT"] for r in failed), failed
    assert len(succeeded) + len(failed) == 20
    assert sorted(s["modelVersion"]["name"] for s in succeeded) == sorted(set(names))
    assert len({s["registeredModel"]["id"] for s in succeeded}) == 1

    data = await client.data(
        """{ registeredModels { totalCount nodes { name versions(first: 100) { totalCount
             nodes { name artifacts { totalCount nodes { uri } } } } } } }"""
    )
    models = data["registeredModels"]
    assert models["totalCount"] == 1
    versions = models["nodes"][0]["versions"]
    assert versions["totalCount"] == 10
    assert sorted(v["name"] for v in versions["nodes"]) == sorted(set(names))
    for version in versions["nodes"]:
        assert version["artifacts"]["totalCount"] == 1
        assert version["artifacts"]["nodes"][0]["uri"] == f"s3://b/contended/{version['name']}"
    artifacts = await client.data("{ artifacts(first: 100) { totalCount } }")
    assert artifacts["artifacts"]["totalCount"] == 10


async def test_concurrent_registrations_of_many_models(client: GraphQLClient) -> None:
    calls = [register(client, f"model-{i % 4}", f"v{i}") for i in range(20)]
    results = await asyncio.gather(*calls)
    assert all("errors" not in r for r in results), [r.get("errors") for r in results]
    data = await client.data(
        "{ registeredModels { totalCount } modelVersions(first: 100) { totalCount } }"
    )
    assert data == {"registeredModels": {"totalCount": 4}, "modelVersions": {"totalCount": 20}}
